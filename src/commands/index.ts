import type { CommandName } from '../config/schema.js'
import { changesCommand } from './changes.js'
import { ciCommand } from './ci.js'
import { fixCommand } from './fix.js'
import { generateCommand } from './generate.js'
import { guardCommand } from './guard.js'
import { selectCommand } from './select.js'
import { testCommand } from './test.js'
import type { Command } from './types.js'

export const COMMAND_HANDLERS: Record<CommandName, Command> = {
  changes: changesCommand,
  select: selectCommand,
  test: testCommand,
  fix: fixCommand,
  generate: generateCommand,
  guard: guardCommand,
  ci: ciCommand
}
