// `npm run bench`: runs every scripts/bench-*.mjs in turn (TypeScript sources load through tsx)
// and fails when any of them does. `npm run bench -- edits` runs only the matching ones.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const filters = process.argv.slice(2)
const benches = readdirSync(here)
  .filter(name => /^bench-.+\.mjs$/.test(name))
  .filter(name => filters.length === 0 || filters.some(f => name.includes(f)))
  .sort()
let failed = 0
for (const name of benches) {
  console.log(`\n# ${name}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], { stdio: 'inherit' })
  if (result.status !== 0) {
    failed++
    console.log(`# ${name} failed (exit ${result.status ?? result.signal})`)
  }
}
if (benches.length === 0) console.log('no scripts/bench-*.mjs found')
process.exitCode = failed ? 1 : 0
