import { createCachePort } from '../ports/cache.js'
import { coverageMapCache as mapCache, type CoverageMapCache } from '../runners/coverage-map.js'
import type { CommandContext } from './types.js'

/** The coverage map's Actions cache entry (see coverage-map.ts), keyed by run. */
export function coverageMapCache(context: CommandContext): CoverageMapCache | undefined {
  const { event } = context
  return mapCache(
    createCachePort(context.env, context.log),
    context.workDir,
    `${event.sha ?? 'local'}-${event.runId ?? 'local'}-${event.runAttempt ?? '1'}-${context.env.GITHUB_JOB ?? 'job'}`,
    context.log
  )
}
