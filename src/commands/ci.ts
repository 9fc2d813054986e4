import { ConfigurationError } from '../errors.js'
import type { Command } from './types.js'

export const ciCommand: Command = async () => {
  throw new ConfigurationError('Command "ci" is not available in this version of CI Medic.', 'command')
}
