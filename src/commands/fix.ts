import { runFix } from '../fix/run.js'
import type { Command } from './types.js'

/** `fix`: run the selected tests, and fix what fails with the LLM agent (see docs/fixer.md). */
export const fixCommand: Command = async context => (await runFix(context)).result
