import type { Logger } from './log.js'

/**
 * The GitHub Actions cache, for anything worth keeping between runs (the selection graph, test
 * timings). Outside Actions (no ACTIONS_RUNTIME_TOKEN / cache URL) both calls do nothing, so the
 * local folder under `workDir` is the only cache. Cache trouble never fails a run: it is logged.
 */
export interface CachePort {
  /** Restores `paths`; returns the key that matched, or undefined on a miss. */
  restore(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>
  /** Saves `paths` under `key` (keys are immutable: use a unique one per run). */
  save(paths: string[], key: string): Promise<boolean>
  readonly available: boolean
}

export function actionsCacheAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && (env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL))
}

export function createCachePort(env: NodeJS.ProcessEnv, log: Logger): CachePort {
  const available = actionsCacheAvailable(env)
  return {
    available,
    async restore(paths, primaryKey, restoreKeys = []) {
      if (!available) return undefined
      try {
        const cache = await import('@actions/cache')
        return await cache.restoreCache(paths, primaryKey, restoreKeys)
      } catch (error) {
        log.warning(`Cache restore failed for ${primaryKey}: ${(error as Error).message}`)
        return undefined
      }
    },
    async save(paths, key) {
      if (!available) return false
      try {
        const cache = await import('@actions/cache')
        const id = await cache.saveCache(paths, key)
        return id !== -1
      } catch (error) {
        log.warning(`Cache save failed for ${key}: ${(error as Error).message}`)
        return false
      }
    }
  }
}
