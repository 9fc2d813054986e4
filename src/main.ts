import * as core from '@actions/core'
import type { Annotation, CommandResult } from './commands/types.js'
import { runEngine } from './engine.js'
import { errorMessage, isConfigurationError } from './errors.js'
import type { Logger } from './ports/log.js'
import { truncate } from './report/markdown.js'

/** GitHub rejects step summaries over 1 MiB; stay under it with room for the truncation note. */
const SUMMARY_LIMIT = 1024 * 1024 - 4096
/** Annotations past GitHub's per-step limit vanish; the rest are in the summary. */
const ANNOTATIONS_PER_LEVEL = 10

export function actionLogger(): Logger {
  return {
    info: m => core.info(m),
    warning: m => core.warning(m),
    error: m => core.error(m),
    debug: m => core.debug(m),
    group: (name, fn) => core.group(name, fn),
    mask: value => {
      if (value) core.setSecret(value)
    }
  }
}

function annotate(annotations: readonly Annotation[]): void {
  const counts = { error: 0, warning: 0, notice: 0 }
  for (const a of annotations) {
    if (counts[a.level]++ >= ANNOTATIONS_PER_LEVEL) continue
    const props = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine }
    if (a.level === 'error') core.error(a.message, props)
    else if (a.level === 'warning') core.warning(a.message, props)
    else core.notice(a.message, props)
  }
}

async function render(result: CommandResult): Promise<void> {
  for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value)
  if (result.annotations) annotate(result.annotations)
  if (result.summary && process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(truncate(result.summary, SUMMARY_LIMIT)).write()
  }
}

/** The action's entry point: the one place a step is marked failed. */
export async function run(): Promise<void> {
  const log = actionLogger()
  try {
    const { result } = await runEngine({
      getInput: name => core.getInput(name),
      env: process.env,
      log,
      frontDoor: 'action'
    })
    await render(result)
    if (result.failure) core.setFailed(result.failure)
  } catch (error) {
    if (isConfigurationError(error)) {
      core.setFailed(error.message)
    } else {
      core.debug(error instanceof Error && error.stack ? error.stack : String(error))
      core.setFailed(
        `CI Medic failed unexpectedly: ${errorMessage(error)}. ` +
          'This is a bug in CI Medic, not in your workflow; re-run with debug logging for details.'
      )
    }
  }
}
