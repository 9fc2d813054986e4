// Builds both bundles with ncc and regenerates action.yml and the README's inputs/outputs table
// from src/config/schema.ts, so that the three never drift apart.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--target', 'es2022', '--quiet']
rmSync('dist', { recursive: true, force: true })
execFileSync('node', [...ncc, 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt'], {
  stdio: 'inherit'
})
execFileSync('node', [...ncc, 'src/cli.ts', '-o', 'dist/cli'], { stdio: 'inherit' })
mkdirSync('dist', { recursive: true })
execFileSync('node', ['node_modules/tsx/dist/cli.mjs', 'scripts/gen-metadata.ts'], { stdio: 'inherit' })
writeFileSync('dist/.gitattributes', '* -diff linguist-generated=true\n')
