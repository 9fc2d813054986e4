// Builds both bundles with ncc and regenerates action.yml and the README's inputs/outputs tables
// from src/config/schema.ts, so that the three never drift apart. Types are checked by
// `npm run typecheck`; the bundle is built transpile-only. The new dist/ replaces the old one in
// one rename, so that a test running the bundle never sees it half-written.
import { execFileSync } from 'node:child_process'
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { WORKERS } from './workers.mjs'

const tmp = `dist.build-${process.pid}`
const old = `dist.old-${process.pid}`
const ncc = [
  'node_modules/@vercel/ncc/dist/ncc/cli.js',
  'build',
  '--target',
  'es2022',
  '--transpile-only',
  '--quiet'
]
try {
  execFileSync('node', [...ncc, 'src/index.ts', '-o', tmp, '--license', 'licenses.txt'], { stdio: 'inherit' })
  execFileSync('node', [...ncc, 'src/cli.ts', '-o', `${tmp}/cli`], { stdio: 'inherit' })
  // Both bundles start the workers from beside them (SyntaxChecks in src/select/syntax.ts,
  // TypeCheckJob in src/select/typecheck.ts).
  for (const worker of WORKERS)
    execFileSync('node', [...ncc, `src/select/${worker}.ts`, '-o', `${tmp}/${worker}`], { stdio: 'inherit' })
  writeFileSync(`${tmp}/.gitattributes`, '* -diff linguist-generated=true\n')
  if (existsSync('dist')) renameSync('dist', old)
  renameSync(tmp, 'dist')
} finally {
  rmSync(tmp, { recursive: true, force: true })
  rmSync(old, { recursive: true, force: true })
}
execFileSync('node', ['node_modules/tsx/dist/cli.mjs', 'scripts/gen-metadata.ts'], { stdio: 'inherit' })
