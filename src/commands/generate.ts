import { ConfigurationError } from '../errors.js'
import type { Command } from './types.js'

export const generateCommand: Command = async () => {
  throw new ConfigurationError('Command "generate" is not available in this version of CI Medic.', 'command')
}
