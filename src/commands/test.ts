import { ConfigurationError } from '../errors.js'
import type { Command } from './types.js'

export const testCommand: Command = async () => {
  throw new ConfigurationError('Command "test" is not available in this version of CI Medic.', 'command')
}
