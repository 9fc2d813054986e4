import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { CommandContext } from '../commands/types.js'
import { createCachePort, type CachePort } from '../ports/cache.js'
import type { Git } from '../ports/git.js'
import type { Logger } from '../ports/log.js'
import { needsFullGraph, selectTests, type SelectResult } from './index.js'
import { SCANNER_VERSION } from './scan-cache.js'

/**
 * The graph cache: a folder under workDir, restored from / saved to the Actions cache when there
 * is one and the change needs the full graph. Other changes are answered by the demand-driven
 * graph in well under a second, less than an Actions cache download and upload would take.
 */
async function withGraphCache<T>(
  context: CommandContext,
  cache: CachePort,
  log: Logger,
  needsCache: () => Promise<boolean>,
  fn: (dir: string) => Promise<T>
): Promise<T> {
  const dir = join(context.workDir, 'select-cache')
  const prefix = `ci-medic-select-v${SCANNER_VERSION}-${process.platform}-`
  if (cache.available && !(await needsCache())) {
    log.info('The demand-driven graph answers this change: no Actions cache needed.')
    return fn(dir)
  }
  if (cache.available && !existsSync(join(dir, 'scans.json'))) {
    const hit = await cache.restore([dir], `${prefix}${context.event.sha ?? 'local'}`, [prefix])
    log.info(hit ? `Selection graph cache restored (${hit}).` : 'No selection graph cache yet: cold scan.')
  }
  const value = await fn(dir)
  if (cache.available && existsSync(join(dir, 'scans.json'))) {
    const key = `${prefix}${context.event.sha ?? 'local'}-${context.event.runId ?? Date.now()}-${context.event.runAttempt ?? 1}`
    await cache.save([dir], key)
  }
  return value
}

/**
 * Selects the tests a change between `base` and `head` can affect, with the graph cache restored
 * and saved around it (a folder in the work dir; `@actions/cache` in Actions). Every command that
 * selects goes through here.
 */
export async function selectChange(
  context: CommandContext,
  git: Git,
  base: string | undefined,
  head: string
): Promise<SelectResult> {
  const { log, inputs } = context
  const cache = createCachePort(context.env, log)
  return log.group('Test selection', () =>
    withGraphCache(
      context,
      cache,
      log,
      async () => base !== undefined && (await needsFullGraph(git, base, head).catch(() => true)),
      dir =>
        selectTests({
          git,
          base,
          head,
          log,
          alwaysRun: inputs.alwaysRun,
          runAllOn: inputs.runAllOn,
          configFile: inputs.configFile,
          cacheDir: dir
        })
    )
  )
}
