import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { readJson } from './frameworks/node-resolve.js'
import { jestConfigArgument } from './script-words.js'
import type { Framework } from './types.js'

export interface PackageJson {
  name?: string
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  workspaces?: string[] | { packages?: string[] }
  jest?: unknown
  mocha?: unknown
  type?: string
}

/** Files of one framework in one package, run together in one process. */
export interface TestGroup {
  framework: Exclude<Framework, 'custom'>
  /** The folder the runner runs in. */
  packageDir: string
  /** Absolute test file paths; empty with `all`. */
  files: string[]
  all: boolean
}

const JS_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx'])
const PYTHON_MARKERS = ['pytest.ini', 'pyproject.toml', 'setup.cfg', 'tox.ini']
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'vendor', '.venv', 'venv', '__pycache__'])

export function readPackageJson(dir: string): PackageJson | undefined {
  return readJson<PackageJson>(join(dir, 'package.json'))
}

function has(dir: string, names: readonly string[]): boolean {
  return names.some(name => existsSync(join(dir, name)))
}

const CONFIGS = (stem: string): string[] =>
  ['js', 'cjs', 'mjs', 'ts', 'mts', 'cts', 'json'].map(ext => `${stem}.${ext}`)

/** The JavaScript test framework a package uses, from its scripts, dependencies and config files. */
export function detectJsFramework(dir: string): 'jest' | 'vitest' | 'mocha' | 'node-test' | undefined {
  const pkg = readPackageJson(dir)
  const script = pkg?.scripts?.test ?? ''
  if (/\bvitest\b/.test(script)) return 'vitest'
  if (/\bjest\b/.test(script)) return 'jest'
  if (/\bmocha\b/.test(script)) return 'mocha'
  if (/\bnode\b[^&|;]*\s--test\b/.test(script)) return 'node-test'
  const deps = { ...pkg?.dependencies, ...pkg?.devDependencies }
  if (deps.vitest) return 'vitest'
  if (deps.jest) return 'jest'
  if (deps.mocha) return 'mocha'
  if (has(dir, CONFIGS('vitest.config'))) return 'vitest'
  if (pkg?.jest !== undefined || has(dir, CONFIGS('jest.config'))) return 'jest'
  if (
    pkg?.mocha !== undefined ||
    has(dir, [
      '.mocharc.js',
      '.mocharc.cjs',
      '.mocharc.json',
      '.mocharc.jsonc',
      '.mocharc.yml',
      '.mocharc.yaml'
    ])
  )
    return 'mocha'
  return undefined
}

export function isPythonProject(dir: string): boolean {
  return has(dir, [...PYTHON_MARKERS, 'conftest.py'])
}

/**
 * The config file the test script hands jest (`jest --config ./scripts/jest.config.js`, `-c`),
 * as an absolute path, when it exists.
 */
export function jestConfigOf(dir: string): string | undefined {
  const path = jestConfigArgument(readPackageJson(dir)?.scripts?.test ?? '')
  return path === undefined ? undefined : existingInside(dir, path)
}

/**
 * When the test script names no config and runs jest through other scripts (`npm run test:unit`,
 * `yarn test:e2e`) that do (`runConfigs`, see jestRunConfigs): those configs (absolute paths),
 * with the package's own folder first when it has a config of its own, to run as one jest run of
 * projects. Undefined when that is the package's own config alone.
 */
export function jestProjectsOf(dir: string, runConfigs: readonly string[]): string[] | undefined {
  if (jestConfigArgument(readPackageJson(dir)?.scripts?.test ?? '')) return undefined
  const named = [...new Set(runConfigs.flatMap(path => existingInside(dir, path) ?? []))]
  if (named.length === 0) return undefined
  const own = has(dir, CONFIGS('jest.config')) || readPackageJson(dir)?.jest !== undefined
  return own ? [dir, ...named] : named
}

function existingInside(dir: string, path: string): string | undefined {
  const file = resolve(dir, path)
  return insideRepo(file, dir) && existsSync(file) ? file : undefined
}

/** Node options whose value may come as the next word (`--import tsx`, `-r ts-node/register`). */
export const NODE_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set([
  '--import',
  '--require',
  '-r',
  '--loader',
  '--experimental-loader',
  '--conditions',
  '-C',
  '--env-file',
  '--env-file-if-exists',
  '--test-reporter',
  '--test-reporter-destination',
  '--test-name-pattern',
  '--test-skip-pattern',
  '--test-concurrency',
  '--test-timeout'
])
const NODE_FLAG = /^--?[\w-]+(=[\w./:@-]+)?$/
const NODE_OPTION_VALUE = /^[\w./:@-]+$/

/**
 * Node flags the test script gives node itself (`node --experimental-vm-modules …`,
 * `node --import tsx --test`, `NODE_OPTIONS=…`), each with its value. `--test` and reporters are
 * the runner's to add; a flag whose value is not a plain word (a module name or path) is left out.
 */
export function nodeFlagsOf(dir: string): string[] {
  const script = readPackageJson(dir)?.scripts?.test ?? ''
  const direct = /\bnode\s+(-[^&|;]*)/.exec(script)?.[1]
  const options = /NODE_OPTIONS=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(script)
  const fromOptions = options?.[1] ?? options?.[2] ?? options?.[3]
  const flags = [...nodeOptionsIn(direct), ...nodeOptionsIn(fromOptions)]
  const seen = new Set<string>()
  return flags.filter(flag => !seen.has(flag.join(' ')) && seen.add(flag.join(' '))).flat()
}

/** The options at the start of `text` (up to the script or file node runs), each with its value. */
function nodeOptionsIn(text: string | undefined): string[][] {
  const words = text?.trim().split(/\s+/) ?? []
  const flags: string[][] = []
  for (let i = 0; i < words.length && (words[i] as string).startsWith('-'); i++) {
    const word = words[i] as string
    const takesValue = NODE_OPTIONS_WITH_VALUE.has(word)
    const value = takesValue ? words[++i] : undefined
    // The runner gives node its own `--test` and reporters.
    if (word === '--test' || word.startsWith('--test-reporter') || !NODE_FLAG.test(word)) continue
    if (takesValue && !(value && NODE_OPTION_VALUE.test(value))) continue
    flags.push(value === undefined ? [word] : [word, value])
  }
  return flags
}

function insideRepo(dir: string, repoDir: string): boolean {
  const rel = relative(repoDir, dir)
  return !rel.startsWith('..') && !rel.split(sep).includes('node_modules')
}

function ancestors(file: string, repoDir: string): string[] {
  const dirs: string[] = []
  let dir = dirname(file)
  while (insideRepo(dir, repoDir)) {
    dirs.push(dir)
    if (dir === repoDir) break
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  if (!dirs.includes(repoDir)) dirs.push(repoDir)
  return dirs
}

function sniffNodeTest(file: string): boolean {
  try {
    return /['"]node:test['"]/.test(readFileSync(file, 'utf8').slice(0, 20_000))
  } catch {
    return false
  }
}

/** Which framework runs one test file, and in which folder. */
export function ownerOf(
  file: string,
  repoDir: string
): { framework: TestGroup['framework']; packageDir: string } {
  const ext = extname(file)
  const dirs = ancestors(file, repoDir)
  if (ext === '.go') {
    return { framework: 'go', packageDir: dirs.find(dir => existsSync(join(dir, 'go.mod'))) ?? repoDir }
  }
  if (ext === '.py') {
    return { framework: 'pytest', packageDir: dirs.find(dir => has(dir, PYTHON_MARKERS)) ?? repoDir }
  }
  if (JS_EXTENSIONS.has(ext)) {
    for (const dir of dirs) {
      if (!existsSync(join(dir, 'package.json'))) continue
      const framework = detectJsFramework(dir)
      if (framework) return { framework, packageDir: dir }
    }
    const nearest = dirs.find(dir => existsSync(join(dir, 'package.json'))) ?? repoDir
    if (sniffNodeTest(file)) return { framework: 'node-test', packageDir: nearest }
    return { framework: 'node-test', packageDir: nearest }
  }
  throw new Error(
    `No test framework runs ${relative(repoDir, file)}: expected a JavaScript/TypeScript, Python or Go test file.`
  )
}

/** Groups test files by package and framework, each group run by its own runner. */
export function groupFiles(files: readonly string[], repoDir: string): TestGroup[] {
  const groups = new Map<string, TestGroup>()
  for (const rel of files) {
    const file = resolve(repoDir, rel)
    const owner = ownerOf(file, repoDir)
    const key = `${owner.framework}\0${owner.packageDir}`
    const group = groups.get(key) ?? { ...owner, files: [], all: false }
    group.files.push(file)
    groups.set(key, group)
  }
  return [...groups.values()]
}

function workspaceDirs(repoDir: string): string[] {
  const pkg = readPackageJson(repoDir)
  const patterns = Array.isArray(pkg?.workspaces) ? pkg.workspaces : (pkg?.workspaces?.packages ?? [])
  const dirs: string[] = []
  for (const pattern of patterns) {
    if (pattern.endsWith('/*') || pattern.endsWith('/**')) {
      const base = join(repoDir, pattern.replace(/\/\*\*?$/, ''))
      if (!existsSync(base)) continue
      for (const entry of readdirSync(base)) {
        const dir = join(base, entry)
        if (statSync(dir).isDirectory() && existsSync(join(dir, 'package.json'))) dirs.push(dir)
      }
    } else if (existsSync(join(repoDir, pattern, 'package.json'))) {
      dirs.push(join(repoDir, pattern))
    }
  }
  return dirs
}

function findGoModules(dir: string, found: string[] = [], depth = 0): string[] {
  if (depth > 6) return found
  if (existsSync(join(dir, 'go.mod'))) found.push(dir)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) {
      findGoModules(join(dir, entry.name), found, depth + 1)
    }
  }
  return found
}

/** Every test suite of the repository, for a run of all tests. */
export function allGroups(repoDir: string): TestGroup[] {
  const groups: TestGroup[] = []
  const rootFramework = existsSync(join(repoDir, 'package.json')) ? detectJsFramework(repoDir) : undefined
  const jsGroup = (framework: 'jest' | 'vitest' | 'mocha' | 'node-test', dir: string): void => {
    if (framework !== 'node-test') {
      groups.push({ framework, packageDir: dir, files: [], all: true })
      return
    }
    // node --test's own default patterns, listed up front so that a file that dies or hangs takes
    // only itself down: the files after it are run on their own.
    const files = nodeTestFiles(dir)
    if (files.length > 0) groups.push({ framework, packageDir: dir, files, all: false })
  }
  if (rootFramework) jsGroup(rootFramework, repoDir)
  else {
    for (const dir of workspaceDirs(repoDir)) {
      const framework = detectJsFramework(dir)
      if (framework) jsGroup(framework, dir)
    }
  }
  if (isPythonProject(repoDir))
    groups.push({ framework: 'pytest', packageDir: repoDir, files: [], all: true })
  // Go test files are found here rather than by `./...`, so that a test binary that dies takes
  // only its own file down: the files after it are run again on their own.
  for (const dir of findGoModules(repoDir)) {
    const files = goTestFiles(dir)
    if (files.length > 0) groups.push({ framework: 'go', packageDir: dir, files, all: false })
  }
  return groups
}

function goTestFiles(moduleDir: string, dir = moduleDir, found: string[] = [], depth = 0): string[] {
  if (depth > 12) return found
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      const skip =
        SKIP_DIRS.has(entry.name) ||
        entry.name === 'testdata' ||
        entry.name.startsWith('.') ||
        entry.name.startsWith('_')
      if (!skip && !existsSync(join(path, 'go.mod'))) goTestFiles(moduleDir, path, found, depth + 1)
    } else if (entry.name.endsWith('_test.go')) {
      found.push(path)
    }
  }
  return found.sort()
}

const NODE_TEST_NAME = /(?:[.\-_]test|^test-.+|^test)\.[cm]?js$/

/** The files `node --test` runs by default (or under the folders its test script names). */
export function nodeTestFiles(packageDir: string): string[] {
  const script = readPackageJson(packageDir)?.scripts?.test ?? ''
  const args = /\bnode\b[^&|;]*?\s--test\b([^&|;]*)/.exec(script)?.[1] ?? ''
  const roots = args
    .trim()
    .split(/\s+/)
    .filter(arg => arg && !arg.startsWith('-'))
    .map(arg => resolve(packageDir, arg))
  const found = new Set<string>()
  const walk = (dir: string, inTestDir: boolean, depth: number): void => {
    if (depth > 12) return
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.'))
          walk(path, inTestDir || entry.name === 'test', depth + 1)
      } else if (/\.[cm]?js$/.test(entry.name) && (inTestDir || NODE_TEST_NAME.test(entry.name))) {
        found.add(path)
      }
    }
  }
  for (const root of roots.length > 0 ? roots : [packageDir]) {
    if (!existsSync(root)) continue
    if (statSync(root).isDirectory()) walk(root, false, 0)
    else found.add(root)
  }
  return [...found].sort()
}
