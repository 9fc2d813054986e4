import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from './git-repo.js'
import { PROJECT_ROOT } from './harness.js'

const JEST = join(PROJECT_ROOT, 'node_modules/jest/bin/jest.js')

function runJest(dir: string, args: string[]): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [JEST, '--ci', '--silent', '--maxWorkers=2', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' }
  })
}

/** Runs this project's jest in `dir` (with `args`) and returns the test files that failed, repository-relative. */
export function failingJestFiles(dir: string, args: string[] = []): string[] {
  const out = join(makeTempDir('ci-medic-jest-'), 'report.json')
  const run = runJest(dir, [...args, '--json', `--outputFile=${out}`])
  if (!existsSync(out)) throw new Error(`jest wrote no report in ${dir}:\n${String(run.stderr)}`)
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    testResults: Array<{ name: string; status: string }>
  }
  return report.testResults
    .filter(r => r.status === 'failed')
    .map(r => r.name.slice(dir.length + 1))
    .sort()
}

/** The test files `jest --listTests <args>` lists in `dir`, repository-relative. */
export function listedJestFiles(dir: string, args: string[] = []): string[] {
  return String(runJest(dir, ['--listTests', ...args]).stdout)
    .split('\n')
    .filter(line => line.startsWith('/'))
    .map(line => line.slice(dir.length + 1))
}
