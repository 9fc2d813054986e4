import { runGenerate } from '../generate/run.js'
import type { Command } from './types.js'

/** `generate`: write the tests a change is missing and keep only those that prove their worth (see docs/generate.md). */
export const generateCommand: Command = async context => (await runGenerate(context)).result
