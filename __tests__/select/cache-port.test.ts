import { describe, expect, it } from '@jest/globals'
import { actionsCacheAvailable, createCachePort } from '../../src/ports/cache.js'
import { streamLogger } from '../../src/ports/log.js'

describe('Actions cache port', () => {
  it('is available only with the runtime token and a cache service URL', () => {
    expect(actionsCacheAvailable({})).toBe(false)
    expect(actionsCacheAvailable({ ACTIONS_RUNTIME_TOKEN: 'x' })).toBe(false)
    expect(
      actionsCacheAvailable({ ACTIONS_RUNTIME_TOKEN: 'x', ACTIONS_CACHE_URL: 'http://127.0.0.1:9/' })
    ).toBe(true)
    expect(
      actionsCacheAvailable({ ACTIONS_RUNTIME_TOKEN: 'x', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' })
    ).toBe(true)
  })

  it('does nothing outside Actions', async () => {
    const lines: string[] = []
    const port = createCachePort(
      {},
      streamLogger(line => lines.push(line))
    )
    expect(port.available).toBe(false)
    await expect(port.restore(['/tmp/x'], 'key', ['k'])).resolves.toBeUndefined()
    await expect(port.save(['/tmp/x'], 'key')).resolves.toBe(false)
    expect(lines).toEqual([])
  })

  it('misses without failing when the cache service cannot be reached', async () => {
    const env = { ACTIONS_RUNTIME_TOKEN: 'token', ACTIONS_CACHE_URL: 'http://127.0.0.1:9/' }
    const port = createCachePort(
      env,
      streamLogger(() => undefined)
    )
    expect(port.available).toBe(true)
    await expect(
      port.restore([import.meta.filename], 'ci-medic-test-key', ['ci-medic-'])
    ).resolves.toBeUndefined()
  }, 60_000)
})
