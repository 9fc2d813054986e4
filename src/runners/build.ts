import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { runShell } from '../ports/exec.js'
import type { Logger } from '../ports/log.js'
import { readPackageJson, type TestGroup } from './detect.js'
import { tail } from './events.js'

const OUT_DIRS = ['dist', 'build', 'out']

function jestConfigText(dir: string): string {
  const pkg = readPackageJson(dir)
  let text = pkg?.jest ? JSON.stringify(pkg.jest) : ''
  for (const name of [
    'jest.config.js',
    'jest.config.cjs',
    'jest.config.mjs',
    'jest.config.json',
    'jest.config.ts'
  ]) {
    if (existsSync(join(dir, name))) text += readFileSync(join(dir, name), 'utf8')
  }
  return text
}

/** Compiled-output folders the package's tests run from (named by its test script or jest config). */
export function testedOutDirs(dir: string): string[] {
  const script = readPackageJson(dir)?.scripts?.test ?? ''
  const config = jestConfigText(dir)
  return OUT_DIRS.filter(
    out =>
      new RegExp(`(^|[\\s'"=/])${out}(/|\\b)`).test(script.replace(/\b(npm|yarn|pnpm) run build\b/g, '')) ||
      new RegExp(`['"](<rootDir>/)?${out}(/|['"])`).test(config)
  )
}

/** The build command a package declares for its tests, if its tests need one. */
export function buildCommandFor(dir: string): string | undefined {
  const scripts = readPackageJson(dir)?.scripts ?? {}
  if (scripts.pretest) return 'npm run pretest --silent'
  const test = scripts.test ?? ''
  const buildsInTest = /\b(npm|yarn|pnpm)( run)? build\b|\btsc\b/.test(test)
  if ((buildsInTest || testedOutDirs(dir).length > 0) && scripts.build) return 'npm run build --silent'
  if (/\btsc\b/.test(test)) return 'npx --no-install tsc'
  return undefined
}

/** The compiled counterpart of a source test file in one of the tested output folders. */
export function compiledFor(file: string, dir: string, outDirs: readonly string[]): string | undefined {
  if (!/\.(c|m)?tsx?$/.test(file)) return undefined
  const rel = relative(dir, file).split('\\').join('/')
  const stem = rel.replace(/\.(c|m)?tsx?$/, '')
  const ext = /\.mts$/.test(file) ? '.mjs' : /\.cts$/.test(file) ? '.cjs' : '.js'
  for (const out of outDirs) {
    for (const candidate of [`${out}/${stem.replace(/^src\//, '')}${ext}`, `${out}/${stem}${ext}`]) {
      if (existsSync(join(dir, candidate))) return join(dir, candidate)
    }
  }
  return undefined
}

export type BuildOutcome =
  { ok: true; files: string[]; command?: string } | { ok: false; command: string; output: string }

/** Runs the package's declared build step when its tests run from compiled output, and maps files to it. */
export async function prepareBuild(
  group: TestGroup,
  options: { env: NodeJS.ProcessEnv; timeoutMs: number; log: Logger; signal?: AbortSignal }
): Promise<BuildOutcome> {
  if (!['jest', 'vitest', 'mocha', 'node-test'].includes(group.framework))
    return { ok: true, files: group.files }
  const command = buildCommandFor(group.packageDir)
  if (!command) return { ok: true, files: group.files }
  options.log.info(`Building before the tests: ${command} (in ${group.packageDir})`)
  const result = await runShell(command, {
    cwd: group.packageDir,
    env: options.env,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    maxOutput: 256 * 1024
  })
  if (result.timedOut || result.exitCode !== 0) {
    const end = result.timedOut
      ? `timed out after ${Math.round(options.timeoutMs / 1000)}s`
      : `failed with exit code ${result.exitCode}`
    return {
      ok: false,
      command,
      output: `The build step \`${command}\` ${end}.\n${tail(result.stdout + result.stderr)}`
    }
  }
  const outDirs = testedOutDirs(group.packageDir)
  const files = group.files.map(file =>
    outDirs.length ? (compiledFor(file, group.packageDir, outDirs) ?? file) : file
  )
  return { ok: true, files, command }
}
