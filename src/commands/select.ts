import { ConfigurationError } from '../errors.js'
import type { Command } from './types.js'

export const selectCommand: Command = async () => {
  throw new ConfigurationError('Command "select" is not available in this version of CI Medic.', 'command')
}
