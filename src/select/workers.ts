import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * A worker's script, bundled beside the running bundle (scripts/build.mjs puts each there):
 * undefined when the sources run as they are, where a worker could not load it.
 */
export function bundledWorker(name: string): string | undefined {
  for (const relative of [`./${name}/index.js`, `../${name}/index.js`]) {
    const url = new URL(relative, import.meta.url)
    if (url.protocol === 'file:' && existsSync(url)) return fileURLToPath(url)
  }
  return undefined
}
