import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { CommandContext } from '../commands/types.js'
import { createCachePort } from '../ports/cache.js'
import type { Git } from '../ports/git.js'
import { selectTests, type FullGraphCache, type SelectResult } from './index.js'
import { SCANNER_VERSION } from './scan-cache.js'
import { readCoverageMap } from '../runners/coverage-map.js'
import { coverageMapCache } from '../commands/coverage-cache.js'

/**
 * The scan cache of the full graph: a folder under workDir, restored from the Actions cache (when
 * there is one) only when selection is about to build the full graph, and saved after it. The
 * demand-driven graph, which answers almost every change, needs no cache: it scans in well under a
 * second what the change reaches, less than an Actions cache download and upload take.
 */
function fullGraphCache(context: CommandContext, dir: string): FullGraphCache | undefined {
  const { log } = context
  const cache = createCachePort(context.env, log)
  if (!cache.available) return undefined
  const prefix = `ci-medic-select-v${SCANNER_VERSION}-${process.platform}-`
  return {
    async restore() {
      if (existsSync(join(dir, 'scans.json'))) return
      const hit = await cache.restore([dir], `${prefix}${context.event.sha ?? 'local'}`, [prefix])
      log.info(hit ? `Selection graph cache restored (${hit}).` : 'No selection graph cache yet: cold scan.')
    },
    async save() {
      if (!existsSync(join(dir, 'scans.json'))) return
      const key = `${prefix}${context.event.sha ?? 'local'}-${context.event.runId ?? Date.now()}-${context.event.runAttempt ?? 1}`
      await cache.save([dir], key)
    }
  }
}

/**
 * Selects the tests a change between `base` and `head` can affect, with the scan cache of the
 * full graph in the work dir (and the Actions cache when that graph is built). Every command that
 * selects goes through here.
 */
export async function selectChange(
  context: CommandContext,
  git: Git,
  base: string | undefined,
  head: string
): Promise<SelectResult> {
  const { log, inputs } = context
  const cacheDir = join(context.workDir, 'select-cache')
  const cache = fullGraphCache(context, cacheDir)
  return log.group('Test selection', async () => {
    if (inputs.useCoverage) await coverageMapCache(context)?.restore()
    const coverageMap = inputs.useCoverage ? readCoverageMap(context.workDir) : undefined
    const result = await selectTests({
      git,
      base,
      head,
      log,
      alwaysRun: inputs.alwaysRun,
      runAllOn: inputs.runAllOn,
      memberReach: inputs.selectGranularity === 'member',
      configFile: inputs.configFile,
      cacheDir,
      fullGraphCache: cache,
      coverageMap
    })
    if (result.stats.graph === 'full') await cache?.save()
    return result
  })
}
