import { ConfigurationError } from '../errors.js'
import type { Command } from './types.js'

export const guardCommand: Command = async () => {
  throw new ConfigurationError('Command "guard" is not available in this version of CI Medic.', 'command')
}
