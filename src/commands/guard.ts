import { runGuard } from '../guard/guard.js'
import type { Command } from './types.js'

export const guardCommand: Command = context => runGuard(context)
