import { ConfigurationError } from '../errors.js'
import type { Command } from './types.js'

export const changesCommand: Command = async () => {
  throw new ConfigurationError('Command "changes" is not available in this version of CI Medic.', 'command')
}
