import type { CommandName } from '../config/schema.js'
import type { Command } from './types.js'

/**
 * Commands are loaded on demand, so that `changes` or `select` do not pay for parsing the LLM
 * client, the tokenizer and the agent at every start.
 */
export const COMMAND_HANDLERS: Record<CommandName, Command> = {
  changes: async context => (await import('./changes.js')).changesCommand(context),
  select: async context => (await import('./select.js')).selectCommand(context),
  test: async context => (await import('./test.js')).testCommand(context),
  fix: async context => (await import('./fix.js')).fixCommand(context),
  generate: async context => (await import('./generate.js')).generateCommand(context),
  guard: async context => (await import('./guard.js')).guardCommand(context),
  ci: async context => (await import('./ci.js')).ciCommand(context)
}
