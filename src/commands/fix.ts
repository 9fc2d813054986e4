import { ConfigurationError } from '../errors.js'
import type { Command } from './types.js'

export const fixCommand: Command = async () => {
  throw new ConfigurationError('Command "fix" is not available in this version of CI Medic.', 'command')
}
