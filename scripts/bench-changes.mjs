// Times the `changes` command (dist/cli/index.js) on generated repositories:
//   big-diff:  a commit changing 5,000 files (adds, edits, renames, deletions) in a full clone
//   shallow:   a depth-1 clone of a pull request whose branches diverged 300 commits ago
// Usage: npm run build && node scripts/bench-changes.mjs [runs]
import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const runs = Number(process.argv[2] ?? 3)
const cli = resolve('dist/cli/index.js')
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com'
}
const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 }).trim()
const root = mkdtempSync(join(tmpdir(), 'ci-medic-bench-changes-'))

function time(label, args, cwd) {
  const samples = []
  let files = 0
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint()
    const out = execFileSync('node', [cli, ...args], {
      cwd,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore']
    })
    samples.push(Number(process.hrtime.bigint() - started) / 1e6)
    files = JSON.parse(out).files.length
  }
  samples.sort((a, b) => a - b)
  console.log(
    `${label}: ${files} files, median ${samples[Math.floor(samples.length / 2)].toFixed(0)} ms (min ${samples[0].toFixed(0)}, runs ${runs})`
  )
}

try {
  // big diff
  const big = join(root, 'big')
  mkdirSync(big)
  git(big, 'init', '-q', '-b', 'main')
  for (let i = 0; i < 6000; i++) {
    mkdirSync(join(big, `pkg${i % 50}`), { recursive: true })
    writeFileSync(
      join(big, `pkg${i % 50}`, `file ${i}.ts`),
      `export const value${i} = ${i}\n// ${'x'.repeat(80)}\n`
    )
  }
  git(big, 'add', '-A')
  git(big, 'commit', '-qm', 'base')
  const base = git(big, 'rev-parse', 'HEAD')
  for (let i = 0; i < 6000; i++) {
    const file = join(big, `pkg${i % 50}`, `file ${i}.ts`)
    if (i % 6 === 0) git(big, 'mv', file, join(big, `pkg${i % 50}`, `moved ${i}.ts`))
    else if (i % 6 === 1) rmSync(file)
    else if (i % 6 < 5) writeFileSync(file, `export const value${i} = ${i + 1}\n// ${'x'.repeat(80)}\n`)
    if (i < 1000) writeFileSync(join(big, `pkg${i % 50}`, `new ${i}.ts`), `export const n${i} = ${i}\n`)
  }
  git(big, 'add', '-A')
  git(big, 'commit', '-qm', 'big change')
  time('big-diff (full clone)', ['changes', '--repo', big, '--base', base, '--head', 'HEAD', '--json'], big)

  // shallow clone of a diverged pull request
  const work = join(root, 'work')
  const bare = join(root, 'remote.git')
  mkdirSync(work)
  git(root, 'init', '-q', '--bare', '-b', 'main', bare)
  git(work, 'init', '-q', '-b', 'main')
  writeFileSync(join(work, 'a.txt'), '0\n')
  git(work, 'add', '-A')
  git(work, 'commit', '-qm', 'root')
  for (let i = 0; i < 200; i++) git(work, 'commit', '-q', '--allow-empty', '-m', `history ${i}`)
  git(work, 'checkout', '-q', '-b', 'feature')
  for (let i = 0; i < 300; i++) {
    writeFileSync(join(work, `f${i % 40}.txt`), `${i}\n`)
    git(work, 'add', '-A')
    git(work, 'commit', '-qm', `feature ${i}`)
  }
  const head = git(work, 'rev-parse', 'HEAD')
  git(work, 'checkout', '-q', 'main')
  for (let i = 0; i < 20; i++) git(work, 'commit', '-q', '--allow-empty', '-m', `main ${i}`)
  const prBase = git(work, 'rev-parse', 'HEAD')
  git(work, 'push', '-q', `file://${bare}`, 'main', 'feature')
  const samples = []
  for (let i = 0; i < runs; i++) {
    const clone = join(root, `clone${i}`)
    mkdirSync(clone)
    git(clone, 'init', '-q')
    git(clone, 'remote', 'add', 'origin', `file://${bare}`)
    git(clone, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', head)
    git(clone, 'checkout', '-q', '--detach', head)
    const started = process.hrtime.bigint()
    const out = execFileSync(
      'node',
      [cli, 'changes', '--repo', clone, '--base', prBase, '--head', head, '--json'],
      {
        cwd: clone,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    samples.push(Number(process.hrtime.bigint() - started) / 1e6)
    if (i === 0)
      console.log(
        `shallow: ${JSON.parse(out).files.length} files, commits fetched: ${git(clone, 'rev-list', '--count', '--all')}`
      )
  }
  samples.sort((a, b) => a - b)
  console.log(
    `shallow (depth 1, 300 commits behind the merge base): median ${samples[Math.floor(samples.length / 2)].toFixed(0)} ms (runs ${runs})`
  )
} finally {
  rmSync(root, { recursive: true, force: true })
}
