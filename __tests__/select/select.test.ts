/** selectTests on real git repositories: each resolution rule, each fallback, data files, cache. */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Git } from '../../src/ports/git.js'
import { streamLogger } from '../../src/ports/log.js'
import { selectTests, type SelectOptions, type SelectResult } from '../../src/select/index.js'
import { projectRepo } from '../support/coverage-scenario.js'
import {
  cleanupAll,
  createRepo,
  makeTempDir,
  runGit,
  type FileChanges,
  type TestRepo
} from '../support/git-repo.js'
import { expectEditSelects, selectBothWays } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const quiet = streamLogger(() => undefined)

/** Selects base..HEAD with both graphs (see selectBothWays). */
function select(repo: TestRepo, base: string, extra: Partial<SelectOptions> = {}): Promise<SelectResult> {
  return selectBothWays(repo.dir, base, extra)
}

/** A repository at `files`, then one commit applying `change`; returns the selection. */
async function afterChange(
  files: FileChanges,
  change: FileChanges,
  message = 'change',
  extra: Partial<SelectOptions> = {}
): Promise<SelectResult> {
  const repo = createRepo({ files })
  const base = repo.head()
  repo.commit(message, change)
  return select(repo, base, extra)
}

/** An edit to one file (`from` → `to`) and the tests it must select. */
type Edit = [file: string, from: string, to: string, tests: string[]]

/**
 * Makes each edit alone on `files` and checks the tests it selects; with `selectChecked`
 * (selectCheckedByPytest), a real run checks each selection too.
 */
async function expectEdits(
  files: FileChanges,
  edits: Edit[],
  selectChecked: (files: FileChanges, change: FileChanges) => Promise<SelectResult> = afterChange
): Promise<void> {
  for (const [file, from, to, tests] of edits) {
    const text = files[file] as string
    expect(text).toContain(from)
    const result = await selectChecked(files, { [file]: text.replace(from, to) })
    expect([file, result.tests]).toEqual([file, tests])
  }
}

const LIB = {
  'src/math.ts':
    'export function add(a: number, b: number) {\n  return a + b\n}\nexport function mul(a: number, b: number) {\n  return a * b\n}\nexport const PI = 3.14\n',
  'src/strings.ts':
    "import { add } from './math.js'\nexport function pad(s: string, n: number) {\n  return s.padStart(add(n, 0))\n}\nexport function shout(s: string) {\n  return s.toUpperCase()\n}\n",
  'src/index.ts': "export * from './math'\nexport { pad as leftPad, shout } from './strings'\n",
  'test/add.test.ts': "import { add } from '../src'\ntest('add', () => expect(add(1, 2)).toBe(3))\n",
  'test/mul.test.ts': "import { mul } from '../src/math'\ntest('mul', () => expect(mul(2, 3)).toBe(6))\n",
  'test/pad.test.ts':
    "import { leftPad } from '../src/index'\ntest('pad', () => expect(leftPad('a', 2)).toBe(' a'))\n",
  'test/shout.test.ts': "import { shout } from '../src'\ntest('shout', () => expect(shout('a')).toBe('A'))\n",
  'test/all.test.ts':
    "import * as lib from '../src/math'\ntest('all', () => expect(Object.keys(lib).length).toBeGreaterThan(0))\n"
}

describe('semantic selection through the symbol graph', () => {
  it('selects only the tests that reach the changed function, with the reason chain', async () => {
    const result = await afterChange(LIB, { 'src/math.ts': LIB['src/math.ts'].replace('a * b', 'a * b * 1') })
    expect(result.mode).toBe('selected')
    expect(result.tests).toEqual(['test/all.test.ts', 'test/mul.test.ts'])
    expect(result.reasons['test/mul.test.ts']).toEqual(['src/math.ts#mul', 'test/mul.test.ts'])
    expect(result.changed).toEqual([{ file: 'src/math.ts', symbols: ['mul'] }])
    expect(result.reach['test/all.test.ts']).toEqual(['src/math.ts#mul'])
  })

  it('passes through barrels (export *, export { a as b } from) and follows references inside a module', async () => {
    const result = await afterChange(LIB, { 'src/math.ts': LIB['src/math.ts'].replace('a + b', 'b + a') })
    // add is used by add.test directly and by pad (through strings.pad → add); namespace import reaches all.
    expect(result.tests).toEqual(['test/add.test.ts', 'test/all.test.ts', 'test/pad.test.ts'])
    expect(result.reasons['test/pad.test.ts']).toEqual([
      'src/math.ts#add',
      'src/strings.ts#add',
      'src/strings.ts#pad',
      'src/index.ts#leftPad',
      'test/pad.test.ts'
    ])
  })

  it('selects nothing for comment and formatting changes', async () => {
    const result = await afterChange(LIB, {
      'src/math.ts':
        '// Arithmetic.\nexport function add(a: number, b: number) { return a + b; }\n\nexport function mul(\n  a: number,\n  b: number,\n) {\n  return a * b // product\n}\nexport const PI = 3.14;\n'
    })
    expect(result.mode).toBe('none')
    expect(result.tests).toEqual([])
    expect(result.notes.join('\n')).toContain('src/math.ts: no semantic change')
  })

  it('selects every importer of a module whose module-level statements changed', async () => {
    const files = { ...LIB, 'src/strings.ts': LIB['src/strings.ts'] + "console.log('strings loaded')\n" }
    const result = await afterChange(files, {
      'src/strings.ts': files['src/strings.ts'].replace('strings loaded', 'ready')
    })
    // index.ts loads strings.ts (export { … } from), so every test that loads the barrel is affected.
    expect(result.tests).toEqual(['test/add.test.ts', 'test/pad.test.ts', 'test/shout.test.ts'])
    expect(result.changed).toEqual([{ file: 'src/strings.ts', symbols: ['<module>'] }])
  })

  it('selects every loader of a changed TypeScript file when ts-jest type-checks on load', async () => {
    const typeChecked = {
      ...LIB,
      'jest.config.js': "module.exports = { preset: 'ts-jest', testEnvironment: 'node' }\n"
    }
    const result = await afterChange(typeChecked, {
      'src/math.ts': LIB['src/math.ts'].replace('a * b', 'a * b * 1')
    })
    // A type error in math.ts would fail every suite that loads it, whatever symbol it uses.
    expect(result.tests).toEqual([
      'test/add.test.ts',
      'test/all.test.ts',
      'test/mul.test.ts',
      'test/pad.test.ts',
      'test/shout.test.ts'
    ])
    expect(result.reasons['test/mul.test.ts']).toEqual(['src/math.ts#mul', 'test/mul.test.ts'])
    expect(result.reasons['test/shout.test.ts']).toEqual([
      'src/math.ts#<type-check>',
      'src/index.ts',
      'test/shout.test.ts'
    ])
    expect(result.reach['test/shout.test.ts']).toBeUndefined()
    const transpileOnly = {
      ...LIB,
      'jest.config.js':
        "module.exports = { transform: { '^.+\\\\.ts$': ['ts-jest', { isolatedModules: true }] } }\n"
    }
    const precise = await afterChange(transpileOnly, {
      'src/math.ts': LIB['src/math.ts'].replace('a * b', 'a * b * 1')
    })
    expect(precise.tests).toEqual(['test/all.test.ts', 'test/mul.test.ts'])
  })

  it('keeps symbol precision under ts-jest when the files whose types can change type-check cleanly', async () => {
    const files = {
      ...LIB,
      'jest.config.js': "module.exports = { preset: 'ts-jest' }\n",
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, types: ['jest'] } })
    }
    const repo = projectRepo(files)
    const base = repo.head()
    repo.commit('precise', { 'src/math.ts': LIB['src/math.ts'].replace('a * b', 'a * b * 1') })
    const clean = await select(repo, base)
    expect(clean.tests).toEqual(['test/all.test.ts', 'test/mul.test.ts'])
    expect(clean.notes.join('\n')).toMatch(/type-checked \d+ files? whose types can change: 0 with errors/)
    // TypeScript would read an edit not committed: no check, and every loader of math.ts runs.
    writeFileSync(join(repo.dir, 'src/strings.ts'), LIB['src/strings.ts'] + 'export const edited = 1\n')
    const unchecked = await select(repo, base)
    expect(unchecked.tests).toHaveLength(5)
    expect(unchecked.notes).toContain(
      'ts-jest type-checks on load and the work tree is not at head: every loader of a changed TypeScript file runs'
    )
    runGit(repo.dir, ['checkout', '--', 'src/strings.ts'])
    repo.commit('type error', {
      'src/math.ts': LIB['src/math.ts'].replace('return a * b', "return a * b * 'x'")
    })
    const broken = await select(repo, 'HEAD~1')
    expect(broken.tests).toEqual([
      'test/add.test.ts',
      'test/all.test.ts',
      'test/mul.test.ts',
      'test/pad.test.ts',
      'test/shout.test.ts'
    ])
    expect(broken.notes.join('\n')).toMatch(/src\/math\.ts has a type error/)
  })

  it('under ts-jest, checks what depends on a changed file only when its declarations changed', async () => {
    const files = {
      'jest.config.js': "module.exports = { preset: 'ts-jest' }\n",
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, types: ['jest'] } }),
      // No return type written: what mul returns is inferred, and area depends on it.
      'src/calc.ts':
        'export type Unit = number\nexport function mul(a: number, b: number) {\n  return a * b\n}\n',
      // Only a type of calc.ts: report.ts does not load it.
      'src/report.ts':
        "import type { Unit } from './calc'\nexport const format = (u: Unit): string => u.toFixed(1)\n",
      'test/report.test.ts':
        "import { format } from '../src/report'\ntest('format', () => expect(format(1)).toBe('1.0'))\n",
      'src/area.ts': [
        "import { mul } from './calc'",
        'export function area(w: number, h: number): number {',
        '  return mul(w, h)',
        '}',
        'export const perimeter = (w: number, h: number): number => 2 * (w + h)',
        ''
      ].join('\n'),
      'test/calc.test.ts':
        "import { mul } from '../src/calc'\ntest('mul', () => expect(mul(2, 3)).toBe(6))\n",
      'test/area.test.ts':
        "import { area } from '../src/area'\ntest('area', () => expect(area(2, 3)).toBe(6))\n",
      'test/perimeter.test.ts':
        "import { perimeter } from '../src/area'\ntest('perimeter', () => expect(perimeter(2, 3)).toBe(10))\n"
    }
    const repo = projectRepo(files)
    const base = repo.head()
    // The same declarations: area.ts is not checked again.
    repo.commit('body', { 'src/calc.ts': files['src/calc.ts'].replace('a * b', 'b * a') })
    const body = await select(repo, base)
    expect(body.tests).toEqual(['test/area.test.ts', 'test/calc.test.ts'])
    expect(body.notes.join('\n')).toMatch(/type-checked 1 file whose types can change: 0 with errors/)
    // mul now returns a string: area.ts no longer type-checks, and every test that loads it fails.
    repo.commit('type', {
      'src/calc.ts': files['src/calc.ts'].replace('return a * b', 'return String(a * b)')
    })
    const typed = await select(repo, 'HEAD~1')
    expect(typed.notes.join('\n')).toMatch(/src\/area\.ts has a type error/)
    expect(typed.tests).toEqual(['test/area.test.ts', 'test/calc.test.ts', 'test/perimeter.test.ts'])
    // A type another file only imports: that file no longer type-checks.
    repo.commit('unit', { 'src/calc.ts': files['src/calc.ts'].replace('Unit = number', 'Unit = string') })
    const unit = await select(repo, 'HEAD~1')
    expect(unit.notes.join('\n')).toMatch(/src\/report\.ts has a type error/)
    expect(unit.tests).toContain('test/report.test.ts')
  })

  it("reads a jest preset from a workspace package: its transform's type checks and its module mappings", async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'repo', private: true, workspaces: ['packages/*', 'apps/*'] }),
      'packages/jest-presets/package.json': JSON.stringify({ name: '@repo/jest-presets' }),
      'packages/jest-presets/node/jest-preset.js': [
        'module.exports = {',
        "  transform: { '^.+\\\\.ts$': 'ts-jest' },",
        "  moduleNameMapper: { '^@lib/(.*)$': '<rootDir>/src/lib/$1' }",
        '}',
        ''
      ].join('\n'),
      'apps/api/package.json': JSON.stringify({
        name: 'api',
        scripts: { test: 'jest' },
        jest: { preset: '@repo/jest-presets/node' }
      }),
      'apps/api/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, types: ['jest'] } }),
      ...Object.fromEntries(Object.entries(LIB).map(([path, text]) => [`apps/api/${path}`, text])),
      'apps/api/src/lib/clock.ts': 'export const now = (): number => 1\n',
      'apps/api/test/clock.test.ts':
        "import { now } from '@lib/clock'\ntest('now', () => expect(now()).toBe(1))\n"
    }
    const repo = projectRepo(files)
    const base = repo.head()
    // Reached through the preset's mapping alone.
    repo.commit('clock', { 'apps/api/src/lib/clock.ts': 'export const now = (): number => 2\n' })
    const mapped = await select(repo, base)
    expect(mapped.tests).toEqual(['apps/api/test/clock.test.ts'])
    expect(mapped.notes.join('\n')).toMatch(/type-checked 1 file whose types can change: 0 with errors/)
    // ts-jest, which the preset sets, fails every test that loads a file with a type error.
    repo.commit('type error', {
      'apps/api/src/math.ts': LIB['src/math.ts'].replace('return a * b', "return a * b * 'x'")
    })
    const typed = await select(repo, 'HEAD~1')
    expect(typed.notes.join('\n')).toMatch(/apps\/api\/src\/math\.ts has a type error/)
    expect(typed.tests).toEqual([
      'apps/api/test/add.test.ts',
      'apps/api/test/all.test.ts',
      'apps/api/test/mul.test.ts',
      'apps/api/test/pad.test.ts',
      'apps/api/test/shout.test.ts'
    ])
  })

  it("knows Vue CLI's jest presets: its `@/` mapping, its test names and, in its TypeScript presets, ts-jest's type check", async () => {
    const vue = (preset: string, sources: Record<string, string>): Record<string, string> => ({
      'package.json': JSON.stringify({
        name: 'vue-app',
        scripts: { 'test:unit': 'vue-cli-service test:unit' },
        jest: { preset }
      }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, types: ['jest'] } }),
      ...sources,
      // Under the preset's testMatch, a spec outside tests/unit is no test.
      'src/utils/helper.spec.js': "test('h', () => expect(1).toBe(1))\n"
    })
    const js = {
      'src/utils/math.js': 'export function add(a, b) {\n  return a + b\n}\n',
      'src/utils/text.js': 'export function shout(s) {\n  return s.toUpperCase()\n}\n',
      'tests/unit/math.spec.js':
        "import { add } from '@/utils/math'\ntest('add', () => expect(add(1, 2)).toBe(3))\n",
      'tests/unit/text.spec.js':
        "import { shout } from '@/utils/text'\ntest('s', () => expect(shout('a')).toBe('A'))\n"
    }
    const plain = projectRepo(vue('@vue/cli-plugin-unit-jest', js))
    plain.commit('add', { 'src/utils/math.js': js['src/utils/math.js'].replace('a + b', 'a + b + 0') })
    const mapped = await select(plain, 'HEAD~1')
    expect(mapped.tests).toEqual(['tests/unit/math.spec.js'])
    expect(mapped.reasons['tests/unit/math.spec.js']).toEqual([
      'src/utils/math.js#add',
      'tests/unit/math.spec.js'
    ])
    expect(mapped.allTests).toEqual(['tests/unit/math.spec.js', 'tests/unit/text.spec.js'])

    const ts = {
      'src/utils/math.ts': LIB['src/math.ts'],
      'tests/unit/add.spec.ts':
        "import { add } from '@/utils/math'\ntest('add', () => expect(add(1, 2)).toBe(3))\n",
      'tests/unit/mul.spec.ts':
        "import { mul } from '@/utils/math'\ntest('mul', () => expect(mul(2, 3)).toBe(6))\n"
    }
    const typed = projectRepo(vue('@vue/cli-plugin-unit-jest/presets/typescript-and-babel', ts))
    typed.commit('type error', {
      'src/utils/math.ts': ts['src/utils/math.ts'].replace('return a * b', "return a * b * 'x'")
    })
    const checked = await select(typed, 'HEAD~1')
    expect(checked.notes.join('\n')).toMatch(/src\/utils\/math\.ts has a type error/)
    expect(checked.tests).toEqual(['tests/unit/add.spec.ts', 'tests/unit/mul.spec.ts'])
  })

  it('follows require, dynamic import(), jest.mock and tsconfig paths', async () => {
    const result = await afterChange(
      {
        'tsconfig.json': JSON.stringify({
          compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['lib/*'] } }
        }),
        'lib/a.js': 'module.exports = { a: () => 1 }\n',
        'lib/b.ts': 'export const b = () => 2\n',
        'lib/c.ts': 'export const c = () => 3\n',
        'lib/d.ts': 'export const d = () => 4\n',
        'test/req.test.js': "const { a } = require('../lib/a')\ntest('a', () => expect(a()).toBe(1))\n",
        'test/dyn.test.ts':
          "test('b', async () => { const { b } = await import('@lib/b'); expect(b()).toBe(2) })\n",
        'test/mock.test.ts': "jest.mock('../lib/c')\ntest('c', () => expect(1).toBe(1))\n",
        'test/none.test.ts': "import { d } from '@lib/d'\ntest('d', () => expect(d()).toBe(4))\n"
      },
      {
        'lib/a.js': 'module.exports = { a: () => 10 }\n',
        'lib/b.ts': 'export const b = () => 20\n',
        'lib/c.ts': 'export const c = () => 30\n'
      }
    )
    expect(result.tests).toEqual(['test/dyn.test.ts', 'test/mock.test.ts', 'test/req.test.js'])
  })

  it('selects the tests of a deleted or renamed module', async () => {
    const repo = createRepo({ files: LIB })
    const base = repo.head()
    repo.remove('src/strings.ts')
    repo.commit('drop strings')
    const deleted = await select(repo, base)
    expect(deleted.tests).toEqual(['test/add.test.ts', 'test/pad.test.ts', 'test/shout.test.ts'])
    expect(deleted.changed).toEqual([{ file: 'src/strings.ts', symbols: ['*'] }])

    const repo2 = createRepo({ files: LIB })
    const base2 = repo2.head()
    repo2.rename('src/math.ts', 'src/arith.ts')
    repo2.commit('rename', {
      'src/strings.ts': LIB['src/strings.ts'].replace('./math.js', './arith.js'),
      'src/index.ts': LIB['src/index.ts'].replace('./math', './arith')
    })
    const renamed = await select(repo2, base2)
    expect(renamed.tests).toEqual(
      expect.arrayContaining(['test/mul.test.ts', 'test/all.test.ts', 'test/add.test.ts'])
    )
  })

  it('runs nothing for a deleted test file, and the new path of a renamed one', async () => {
    const repo = createRepo({ files: LIB })
    const base = repo.head()
    repo.remove('test/shout.test.ts')
    repo.commit('drop a test')
    const deleted = await select(repo, base)
    expect(deleted.tests).toEqual([])
    expect(deleted.notes).toContain('1 test file(s) no longer at head, not run: test/shout.test.ts')

    const repo2 = createRepo({ files: LIB })
    const base2 = repo2.head()
    repo2.rename('test/shout.test.ts', 'test/yell.test.ts')
    repo2.commit('rename a test')
    expect((await select(repo2, base2)).tests).toEqual(['test/yell.test.ts'])
  })

  it('always selects a changed test file, and nothing for a comment in it unless the comment is a pragma', async () => {
    const changedTest = await afterChange(LIB, {
      'test/shout.test.ts': LIB['test/shout.test.ts'].replace("'A'", "'AA'")
    })
    expect(changedTest.tests).toEqual(['test/shout.test.ts'])
    const commentOnly = await afterChange(LIB, {
      'test/shout.test.ts': '// a note\n' + LIB['test/shout.test.ts']
    })
    expect(commentOnly.tests).toEqual([])
    const environment = await afterChange(LIB, {
      'test/shout.test.ts': '/** @jest-environment jsdom */\n' + LIB['test/shout.test.ts']
    })
    expect(environment.tests).toEqual(['test/shout.test.ts'])
    const expectError = await afterChange(LIB, {
      'src/strings.ts': LIB['src/strings.ts'].replace(
        '  return s.toUpperCase()',
        '  // @ts-expect-error\n  return s.toUpperCase()'
      )
    })
    expect(expectError.tests).toEqual(['test/shout.test.ts'])
    const added = await afterChange(LIB, { 'test/new.test.ts': "test('n', () => expect(1).toBe(1))\n" })
    expect(added.tests).toEqual(['test/new.test.ts'])
  })
})

describe('a jest config the test script names', () => {
  it('reads the config `jest --config <file>` names: its testMatch, with rootDir from its folder', async () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'jest --ci --config ./config/jest.config.js' } }),
      'config/jest.config.js':
        "module.exports = { rootDir: '..', testMatch: ['<rootDir>/checks/**/*.check.js'] }\n",
      'src/sum.js': 'function sum(a, b) {\n  return a + b\n}\nmodule.exports = { sum }\n',
      'checks/sum.check.js':
        "const { sum } = require('../src/sum')\ntest('sum', () => expect(sum(1, 2)).toBe(3))\n"
    }
    const result = await afterChange(files, { 'src/sum.js': files['src/sum.js'].replace('a + b', 'b + a') })
    expect(result.tests).toEqual(['checks/sum.check.js'])
    expect(result.allTests).toEqual(['checks/sum.check.js'])
  })

  it('reads the config the test script names, whatever its name, and says so when it is missing', async () => {
    const files = (script: string, config: string) => ({
      'package.json': JSON.stringify({ scripts: { test: script } }),
      [config]: JSON.stringify({ rootDir: config.includes('/') ? '..' : '.', testMatch: ['**/*.check.js'] }),
      'src/sum.js': 'exports.sum = (a, b) => a + b\n',
      'src/sum.check.js': "const { sum } = require('./sum')\ntest('sum', () => expect(sum(1, 2)).toBe(3))\n"
    })
    const change = { 'src/sum.js': 'exports.sum = (a, b) => b + a\n' }
    const named = await afterChange(files('jest -c jest-unit.json', 'jest-unit.json'), change)
    expect([named.tests, named.notes.filter(note => note.includes('--config'))]).toEqual([
      ['src/sum.check.js'],
      []
    ])
    const other = await afterChange(files('jest -c config/unit.json', 'config/unit.json'), change)
    expect([other.tests, other.notes.filter(note => note.includes('--config'))]).toEqual([
      ['src/sum.check.js'],
      []
    ])
    const missing = await afterChange(files('jest -c config/gone.json', 'config/unit.json'), change)
    expect(missing.notes.join('\n')).toContain("config/gone.json (the test script's --config) is not read")
  })
})

describe('member reach: a method runs only where its name is mentioned', () => {
  const CLOCK = {
    'src/util.ts': 'export function twoDigits(n: number) {\n  return String(n).padStart(2, "0")\n}\n',
    'src/clock.ts':
      "import { twoDigits } from './util'\nexport class Clock {\n  constructor(private minutes: number) {}\n  now() {\n    return this.minutes\n  }\n  format() {\n    return `${this.hours()}:${twoDigits(this.minutes % 60)}`\n  }\n  hours() {\n    return Math.floor(this.minutes / 60)\n  }\n}\n",
    'src/report.ts': "export function report(c: { format(): string }) {\n  return 'at ' + c.format()\n}\n",
    'test/now.test.ts':
      "import { Clock } from '../src/clock'\ntest('now', () => expect(new Clock(5).now()).toBe(5))\n",
    'test/format.test.ts':
      "import { Clock } from '../src/clock'\ntest('format', () => expect(new Clock(65).format()).toBe('1:05'))\n",
    'test/report.test.ts':
      "import { Clock } from '../src/clock'\nimport { report } from '../src/report'\ntest('report', () => expect(report(new Clock(0))).toBe('at 0:00'))\n",
    'test/keyed.test.ts':
      "import { Clock } from '../src/clock'\nconst method = 'hours'\ntest('keyed', () => expect(new Clock(120)[method]()).toBe(2))\n"
  }
  const edit = (files: Record<string, string>, path: string, from: string, to: string): FileChanges => {
    const text = files[path] as string
    expect(text).toContain(from)
    return { [path]: text.replace(from, to) }
  }

  it('selects only the tests that name the changed method (directly, through a module, or in a string)', async () => {
    const change = edit(CLOCK, 'src/clock.ts', 'return this.minutes\n', 'return this.minutes + 0\n')
    const result = await afterChange(CLOCK, change)
    expect(result.tests).toEqual(['test/now.test.ts'])
    expect(result.reasons['test/now.test.ts']).toEqual([
      'src/clock.ts#Clock.now',
      'src/clock.ts#Clock',
      'test/now.test.ts'
    ])
    expect(result.notes).toContain(
      'member reach: 3 test file(s) reach a change only through methods they never mention, so they do not run (test/format.test.ts, test/keyed.test.ts, test/report.test.ts); select-granularity: class runs them'
    )
    // Class granularity: every test that reaches Clock.
    const wide = await afterChange(CLOCK, change, 'change', { memberReach: false })
    expect(wide.tests).toHaveLength(4)
    expect(wide.notes.filter(note => note.startsWith('member reach'))).toEqual([])
  })

  it('follows calls between members and through other modules', async () => {
    // hours is called by format (this.hours()) and named in keyed.test's string.
    const result = await afterChange(
      CLOCK,
      edit(CLOCK, 'src/clock.ts', 'this.minutes / 60', 'this.minutes / 60.0')
    )
    expect(result.tests).toEqual(['test/format.test.ts', 'test/keyed.test.ts', 'test/report.test.ts'])
    // twoDigits is reached only through Clock.format.
    const util = await afterChange(CLOCK, edit(CLOCK, 'src/util.ts', '"0"', "'0'.repeat(1)"))
    expect(util.tests).toEqual(['test/format.test.ts', 'test/report.test.ts'])
  })

  it('gives a reason the test really follows: not through a method it never names', async () => {
    const files = {
      ...CLOCK,
      'src/stamp.ts':
        "import { twoDigits } from './util'\nfunction pad(n: number) {\n  return twoDigits(n)\n}\nfunction prefixed(n: number) {\n  return 'T' + pad(n)\n}\nexport function stamp(n: number) {\n  return prefixed(n)\n}\n",
      'test/now.test.ts':
        "import { Clock } from '../src/clock'\nimport { stamp } from '../src/stamp'\ntest('now', () => expect(stamp(new Clock(5).now())).toBe('T05'))\n"
    }
    const result = await afterChange(files, edit(files, 'src/util.ts', '"0"', "'0'.repeat(1)"))
    expect(result.tests).toEqual(['test/format.test.ts', 'test/now.test.ts', 'test/report.test.ts'])
    expect(result.reasons['test/now.test.ts']).toEqual([
      'src/util.ts#twoDigits',
      'src/stamp.ts#twoDigits',
      'src/stamp.ts#pad',
      'src/stamp.ts#prefixed',
      'src/stamp.ts#stamp',
      'test/now.test.ts'
    ])
    expect(result.reasons['test/format.test.ts']).toContain('src/clock.ts#Clock.format')
  })

  it('reaches every member of a class that code outside the repository may call', async () => {
    const files = {
      ...CLOCK,
      'src/widget.ts':
        "import type { OnInit } from 'some-framework'\nimport { Base } from './base'\nexport class Widget extends Base implements OnInit {}\n",
      'src/base.ts':
        'export class Base {\n  ngOnInit() {\n    return 1\n  }\n  other() {\n    return 2\n  }\n}\n',
      'src/error.ts':
        "import { Reporter } from 'some-framework'\nexport class ClockError extends Reporter {\n  describe() {\n    return 1\n  }\n}\n",
      'test/widget.test.ts':
        "import { Widget } from '../src/widget'\ntest('w', () => expect(new Widget()).toBeTruthy())\n",
      'test/base.test.ts':
        "import { Base } from '../src/base'\ntest('b', () => expect(new Base()).toBeTruthy())\n",
      'test/error.test.ts':
        "import { ClockError } from '../src/error'\ntest('e', () => expect(new ClockError()).toBeTruthy())\n"
    }
    // Widget implements a package's interface: the framework may call what it inherits from Base.
    const base = await afterChange(files, edit(files, 'src/base.ts', 'return 1', 'return 3'))
    expect(base.tests).toEqual(['test/widget.test.ts'])
    // A class that extends a package's class is open.
    const error = await afterChange(files, edit(files, 'src/error.ts', 'return 1', 'return 3'))
    expect(error.tests).toEqual(['test/error.test.ts'])
  })

  it('releases a module mixed into two classes when either is forced open', async () => {
    const mixing = (name: string): string =>
      `import * as Text from './text'\nexport class ${name} {}\nObject.assign(${name}.prototype, Text)\n`
    const files = {
      'src/text.ts': 'export function shout() {\n  return 1\n}\n',
      'src/first.ts': mixing('First'),
      'src/second.ts': mixing('Second'),
      // A package's framework may call any member of Widget, and so of Second.
      'src/widget.ts':
        "import type { OnInit } from 'some-framework'\nimport { Second } from './second'\nexport class Widget extends Second implements OnInit {}\n",
      'src/deep.ts':
        "import { Widget } from './widget'\nexport function make() {\n  return new Widget()\n}\n",
      'test/widget.test.ts':
        "import { First } from '../src/first'\nimport { Second } from '../src/second'\nimport { make } from '../src/deep'\ntest('w', () => expect(make() && new First() && new Second()).toBeTruthy())\n"
    }
    const result = await afterChange(files, edit(files, 'src/text.ts', 'return 1', 'return 2'))
    expect(result.tests).toEqual(['test/widget.test.ts'])
  })

  it("keeps a class closed that implements a protocol of JavaScript's library, not a package's interface of that name", async () => {
    const range = (header: string): string =>
      `${header}export class Range implements Iterable<number> {\n  *[Symbol.iterator]() {\n    yield this.first()\n  }\n  first() {\n    return 1\n  }\n  last() {\n    return 2\n  }\n}\n`
    const files = {
      ...CLOCK,
      'src/range.ts': range(''),
      'test/range.test.ts':
        "import { Range } from '../src/range'\ntest('r', () => expect([...new Range()]).toEqual([1]))\n"
    }
    // The language calls Symbol.iterator, which calls first; no code names last.
    expect((await afterChange(files, edit(files, 'src/range.ts', 'return 2', 'return 3'))).tests).toEqual([])
    expect((await afterChange(files, edit(files, 'src/range.ts', 'return 1', 'return 3'))).tests).toEqual([
      'test/range.test.ts'
    ])
    const imported = { ...files, 'src/range.ts': range("import type { Iterable } from 'immutable'\n") }
    expect(
      (await afterChange(imported, edit(imported, 'src/range.ts', 'return 2', 'return 3'))).tests
    ).toEqual(['test/range.test.ts'])
  })

  it('reaches every member for code that lists the names on a prototype or imports a table of them, and toString for a template', async () => {
    const files = {
      ...CLOCK,
      'test/proto.test.ts':
        "import { Clock } from '../src/clock'\nconst c = new Clock(1)\ntest('all', () => {\n  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(c))) if (name !== 'constructor') (c as any)[name]()\n})\n",
      'test/cases.json': '[{ "method": "now", "expected": 1 }]\n',
      'test/table.test.ts':
        "import { Clock } from '../src/clock'\nimport cases from './cases.json'\ntest.each(cases)('$method', ({ method, expected }) => expect((new Clock(1) as any)[method]()).toBe(expected))\n",
      'src/label.ts': 'export class Label {\n  toString() {\n    return "x"\n  }\n}\n',
      'test/label.test.ts':
        "import { Label } from '../src/label'\ntest('l', () => expect(`${new Label()}`).toBe('x'))\n"
    }
    const result = await afterChange(
      files,
      edit(files, 'src/clock.ts', 'return this.minutes\n', 'return this.minutes + 0\n')
    )
    expect(result.tests).toEqual(['test/now.test.ts', 'test/proto.test.ts', 'test/table.test.ts'])
    const label = await afterChange(files, edit(files, 'src/label.ts', '"x"', '"x" + ""'))
    expect(label.tests).toEqual(['test/label.test.ts'])
  })
})

describe('data files that static imports miss', () => {
  const DATA = {
    ...LIB,
    'test/data/cases.json': '[1, 2]\n',
    'test/__fixtures__/input.txt': 'hello\n',
    'test/cases.test.ts':
      "import { readFileSync } from 'node:fs'\nconst cases = JSON.parse(readFileSync(__dirname + '/data/cases.json', 'utf8'))\ntest('cases', () => expect(cases).toHaveLength(2))\n",
    'test/fixture.test.ts': "test('f', () => expect(1).toBe(1))\n",
    'test/__snapshots__/shout.test.ts.snap': 'exports[`shout 1`] = `"A"`;\n',
    'src/config.json': '{ "level": 1 }\n',
    'src/level.ts': "import config from './config.json'\nexport const level = () => config.level\n",
    'test/level.test.ts':
      "import { level } from '../src/level'\ntest('level', () => expect(level()).toBe(1))\n"
  }

  it('selects the test that names a data file in a string', async () => {
    const result = await afterChange(DATA, { 'test/data/cases.json': '[1, 2, 3]\n' })
    expect(result.tests).toEqual(['test/cases.test.ts'])
    expect(result.reasons['test/cases.test.ts']).toEqual(['test/data/cases.json', 'test/cases.test.ts'])
  })

  it('reads the text after the last hole of a template as the scanner keeps it, with either graph', async () => {
    const files = {
      ...DATA,
      'src/models.ts':
        "import { readdirSync } from 'node:fs'\nexport const models = (dir: string) => readdirSync(`${dir}/models/`)\n",
      'test/models.test.ts':
        "import { models } from '../src/models'\ntest('models', () => expect(models('app')).toEqual(['user.json']))\n",
      'app/models/user.json': '{}\n'
    }
    // selectBothWays checks that the demand-driven graph finds the module as the full graph does.
    const result = await afterChange(files, { 'app/models/user.json': '{ "name": "user" }\n' })
    expect(result.tests).toEqual(['test/models.test.ts'])
    expect(result.reasons['test/models.test.ts']).toEqual([
      'app/models/user.json',
      'src/models.ts',
      'test/models.test.ts'
    ])
  })

  it('reads a hole that is a constant of literal strings as those strings, with either graph', async () => {
    const files = {
      ...DATA,
      'src/modules.ts':
        "import { readdirSync } from 'node:fs'\nexport function modules(root: string) {\n  const srcDir = root.includes('dist') ? 'dist' : 'src'\n  return readdirSync(`${root}/${srcDir}/modules/`)\n}\n",
      'test/modules.test.ts':
        "import { modules } from '../src/modules'\ntest('modules', () => expect(modules('.')).toEqual(['cart.json']))\n",
      'src/modules/cart.json': '{}\n',
      'docs/modules/guide.md': '# Modules\n'
    }
    // medusa's docs pages under references/modules/ selected 178 test files through `${srcDir}/modules/`.
    expect((await afterChange(files, { 'docs/modules/guide.md': '# Modules, again\n' })).tests).toEqual([])
    const result = await afterChange(files, { 'src/modules/cart.json': '{ "name": "cart" }\n' })
    expect(result.tests).toEqual(['test/modules.test.ts'])
    expect(result.reasons['test/modules.test.ts']).toEqual([
      'src/modules/cart.json',
      'src/modules.ts',
      'test/modules.test.ts'
    ])
  })

  it('lists a data file once in what a test reaches, however many of its modules name it', async () => {
    const files = {
      ...DATA,
      'src/read.ts':
        "import { readFileSync } from 'node:fs'\nexport const read = () => readFileSync('data/table.csv', 'utf8')\n",
      'src/count.ts':
        "import { readFileSync } from 'node:fs'\nexport const count = () => readFileSync('data/table.csv').length\n",
      'data/table.csv': 'a,b\n',
      'test/table.test.ts':
        "import { read } from '../src/read'\nimport { count } from '../src/count'\ntest('table', () => expect(read().length).toBe(count()))\n"
    }
    const result = await afterChange(files, { 'data/table.csv': 'a,b,c\n' })
    expect(result.tests).toEqual(['test/table.test.ts'])
    expect(result.reach['test/table.test.ts']).toEqual(['data/table.csv#*'])
  })

  it('selects a snapshot’s test, an imported JSON file’s tests, and tests beside a fixture folder', async () => {
    expect(
      (await afterChange(DATA, { 'test/__snapshots__/shout.test.ts.snap': 'exports[`shout 1`] = `"B"`;\n' }))
        .tests
    ).toEqual(['test/shout.test.ts'])
    expect((await afterChange(DATA, { 'src/config.json': '{ "level": 2 }\n' })).tests).toEqual([
      'test/level.test.ts'
    ])
    const fixture = await afterChange(DATA, { 'test/__fixtures__/input.txt': 'bye\n' })
    expect(fixture.tests).toContain('test/fixture.test.ts')
    expect(fixture.tests.every(t => t.startsWith('test/'))).toBe(true)
  })

  it('selects the tests beside a source fixture read as text, for a comment too', async () => {
    const files = {
      'runner/index.js':
        "const { join } = require('node:path')\nconst { readdirSync, readFileSync } = require('node:fs')\nexports.runFixtures = dir => {\n  for (const name of readdirSync(join(dir, 'fixtures')))\n    test(name, () => expect(readFileSync(join(dir, 'fixtures', name, 'input.js'), 'utf8')).toMatchSnapshot())\n}\n",
      'packages/a/test/fixtures/case/input.js': 'const x = 1\n',
      'packages/a/test/index.test.js': "require('../../../runner').runFixtures(__dirname)\n",
      'packages/b/test/fixtures/case/input.js': 'const y = 2\n',
      'packages/b/test/index.test.js': "require('../../../runner').runFixtures(__dirname)\n",
      'packages/c/test/cross.test.js':
        "const { join } = require('node:path')\nconst { readFileSync } = require('node:fs')\ntest('a', () => expect(readFileSync(join(__dirname, '../../a/test/fixtures/case/input.js'), 'utf8')).toBeTruthy())\n"
    }
    // Compared as text: a comment is a change. The shared runner's 'input.js' names no folder.
    const result = await afterChange(files, {
      'packages/a/test/fixtures/case/input.js': '// one\nconst x = 1\n'
    })
    expect(result.tests).toEqual(['packages/a/test/index.test.js', 'packages/c/test/cross.test.js'])
    expect(result.reasons['packages/a/test/index.test.js']?.[0]).toBe(
      'packages/a/test/fixtures/case/input.js'
    )
    const other = await afterChange(files, { 'packages/b/test/fixtures/case/input.js': 'const y = 3\n' })
    expect(other.tests).toEqual(['packages/b/test/index.test.js'])
  })

  it('selects the tests in the folder of a source file nothing loads, which they may read as text', async () => {
    const files = {
      'src/format.js': 'exports.format = text => text.trim()\n',
      'src/unused.js': 'exports.unused = () => 1\n',
      'tests/format/arrows/curry.js': 'const f = a => b => a + b\n',
      'tests/format/arrows/jsfmt.spec.js':
        "const { readdirSync, readFileSync } = require('node:fs')\nconst { format } = require('../../../src/format')\nfor (const name of readdirSync(__dirname)) test(name, () => expect(format(readFileSync(`${__dirname}/${name}`, 'utf8'))).toMatchSnapshot())\n",
      'tests/format/calls/call.js': 'f(a)(b)\n',
      'tests/format/calls/jsfmt.spec.js':
        "const { readdirSync, readFileSync } = require('node:fs')\nconst { format } = require('../../../src/format')\nfor (const name of readdirSync(__dirname)) test(name, () => expect(format(readFileSync(`${__dirname}/${name}`, 'utf8'))).toMatchSnapshot())\n"
    }
    const curry = await afterChange(files, {
      'tests/format/arrows/curry.js': '// curried\nconst f = a => b => a + b\n'
    })
    expect(curry.tests).toEqual(['tests/format/arrows/jsfmt.spec.js'])
    expect(curry.reasons['tests/format/arrows/jsfmt.spec.js']).toEqual([
      'tests/format/arrows/curry.js',
      'tests/format/arrows/jsfmt.spec.js'
    ])
    expect((await afterChange(files, { 'src/unused.js': 'exports.unused = () => 2\n' })).mode).toBe('none')
    // Loaded by the tests: the graph decides, and a comment is no change.
    expect(
      (await afterChange(files, { 'src/format.js': '// trims\nexports.format = text => text.trim()\n' })).mode
    ).toBe('none')
  })

  it('follows a script or worker that a test or module runs by its path', async () => {
    const files = {
      'package.json': '{ "name": "tool" }\n',
      'src/greet.js': 'exports.greet = () => "hi"\n',
      'src/shout.js': 'exports.shout = s => s.toUpperCase()\n',
      'src/count.ts': 'export const count = (s: string) => s.length\n',
      'src/sum.ts': 'export const sum = (a: number, b: number) => a + b\n',
      'bin/cli.js': "#!/usr/bin/env node\nconsole.log(require('../src/greet.js').greet())\n",
      'bin/loud.js': "console.log(require('../src/shout.js').shout('a'))\n",
      'src/worker.ts': "import { count } from './count'\nexport const run = (s: string) => count(s)\n",
      'src/pool.ts': "export const start = () => new Worker(new URL('./worker.ts', import.meta.url))\n",
      'src/list.js': 'exports.list = () => ["a"]\n',
      'test/fixtures/pm': "#!/usr/bin/env node\nconsole.log(require('../../src/list.js').list())\n",
      'test/pm.test.js':
        "const { join } = require('node:path')\nconst { execFileSync } = require('node:child_process')\nconst pm = join(__dirname, './fixtures/pm')\ntest('pm', () => expect(execFileSync('node', [pm], { encoding: 'utf8' })).toBe('[ \\'a\\' ]\\n'))\n",
      'scripts/release': '#!/bin/sh\nset -e\nnpm publish "$@"\n',
      'scripts/deploy.sh': '#!/bin/sh\nset -e\nnode bin/cli.js\n',
      // jscodeshift's CLI is a node script named `.sh`.
      'src/version.js': 'exports.version = () => "1.0"\n',
      'bin/tool.sh': "#!/usr/bin/env node\nconsole.log(require('../src/version.js').version())\n",
      'test/version.test.js':
        "const { join } = require('node:path')\nconst { execFileSync } = require('node:child_process')\ntest('v', () => expect(execFileSync(join(__dirname, '../bin/tool.sh'), { encoding: 'utf8' })).toBe('1.0\\n'))\n",
      'src/port.js': 'exports.port = () => 9229\n',
      'test/fixtures/inspect.js': "console.log(require('../../src/port.js').port())\n",
      'test/inspect.test.js':
        "const { join } = require('node:path')\nconst { execFileSync } = require('node:child_process')\nconst inspect = join(__dirname, './fixtures', 'inspect.js')\ntest('port', () => expect(execFileSync('node', [inspect], { encoding: 'utf8' })).toBe('9229\\n'))\n",
      'test/cli.test.js':
        "const { join } = require('node:path')\nconst { execFileSync } = require('node:child_process')\ntest('cli', () => expect(execFileSync('node', [join(__dirname, '../bin/cli.js')], { encoding: 'utf8' })).toBe('hi\\n'))\n",
      'test/loud.test.js':
        "const { execFileSync } = require('node:child_process')\ntest('loud', () => expect(execFileSync('node', [`${process.cwd()}/bin/loud.js`], { encoding: 'utf8' })).toBe('A\\n'))\n",
      'test/pool.test.ts':
        "import { start } from '../src/pool'\ntest('pool', () => expect(start).toBeDefined())\n",
      'test/sum.test.ts':
        "import { sum } from '../src/sum'\ntest('sum', () => expect(sum(1, 2)).toBe(3))\ntest('names', () => expect('src/sum.md').toBeTruthy())\n"
    }
    const edits: Edit[] = [
      ['src/greet.js', '"hi"', '"hello"', ['test/cli.test.js']],
      ['bin/cli.js', 'console.log', 'console.info', ['test/cli.test.js']],
      ['src/shout.js', 'toUpperCase', 'toLowerCase', ['test/loud.test.js']],
      ['src/count.ts', 's.length', 's.length + 1', ['test/pool.test.ts']],
      // A script without an extension, which its `#!` line says node runs.
      ['src/list.js', '"a"', '"b"', ['test/pm.test.js']],
      // Named by its name alone, joined to its folder.
      ['src/port.js', '9229', '9230', ['test/inspect.test.js']],
      // A shell script is data: nothing names it, nothing runs.
      ['scripts/release', 'npm publish', 'npm publish --access public', []],
      ['scripts/deploy.sh', 'node bin/cli.js', 'node bin/cli.js --quiet', []],
      ['src/version.js', '"1.0"', '"1.1"', ['test/version.test.js']],
      // A path without a source extension names no script.
      ['src/sum.ts', 'a + b', 'b + a', ['test/sum.test.ts']]
    ]
    await expectEdits(files, edits)
  })

  it('follows a path a test joins from its folder, word by word', async () => {
    const files = {
      'package.json': '{ "name": "tool" }\n',
      'src/list.js': 'exports.list = () => ["a"]\n',
      'test/fixtures/pm': "#!/usr/bin/env node\nconsole.log(require('../../src/list.js').list())\n",
      // commander's executable-subcommand tests: the script named by bare words only.
      'test/signals.test.js':
        "const path = require('node:path')\nconst { execFileSync } = require('node:child_process')\nconst pm = path.join(__dirname, 'fixtures', 'pm')\ntest('pm', () => expect(execFileSync('node', [pm], { encoding: 'utf8' })).toBe('[ \\'a\\' ]\\n'))\n",
      // jscodeshift's defineTest(__dirname, name) requires the transform `../name`.
      'transforms/rename.js': 'module.exports = (file) => file.source.replace("a", "b")\n',
      'transforms/other.js': 'module.exports = (file) => file.source\n',
      'transforms/__tests__/rename-test.js':
        "const { defineTest } = require('jscodeshift/dist/testUtils')\ndefineTest(__dirname, 'rename')\n",
      // A require of a joined path, resolved like any specifier (no extension, a folder's index).
      'src/core/index.js': 'exports.core = () => 1\n',
      'test/core.test.js':
        "const { join } = require('path')\nconst { core } = require(join(__dirname, '..', 'src', 'core'))\ntest('c', () => expect(core()).toBe(1))\n",
      'src/other.js': 'exports.other = () => 2\n',
      // A fixture read by a module outside the fixture folder's parent, by a joined path.
      'lib/fixtures/cases.json': '[1]\n',
      'bench/cases.js':
        "const { readFileSync } = require('fs')\nconst { join } = require('path')\nexports.cases = () => JSON.parse(readFileSync(join(__dirname, '..', 'lib', 'fixtures', 'cases.json'), 'utf8'))\n",
      'test/cases.test.js':
        "const { cases } = require('../bench/cases')\ntest('n', () => expect(cases()).toEqual([1]))\n",
      // The same words not joined to the folder name nothing.
      'test/words.test.js':
        "const { join } = require('path')\ntest('w', () => expect(join('pm', 'rename', 'other')).toBe('pm/rename/other'))\n"
    }
    const edits: Edit[] = [
      ['src/list.js', '"a"', '"b"', ['test/signals.test.js']],
      // A fixture: the tests beside its folder, as for any fixture.
      [
        'test/fixtures/pm',
        'console.log',
        'console.info',
        ['test/cases.test.js', 'test/core.test.js', 'test/signals.test.js', 'test/words.test.js']
      ],
      ['transforms/rename.js', '"b"', '"c"', ['transforms/__tests__/rename-test.js']],
      ['transforms/other.js', 'file.source', 'file.source.trim()', []],
      ['src/core/index.js', '1', '3', ['test/core.test.js']],
      ['src/other.js', '2', '4', []],
      ['lib/fixtures/cases.json', '1', '2', ['test/cases.test.js']]
    ]
    await expectEdits(files, edits)
  })

  it('selects the tests that mock a module when its manual mock changes', async () => {
    const files = {
      ...LIB,
      'src/api.ts': 'export const get = () => fetch("x")\n',
      'src/__mocks__/api.ts': 'export const get = () => 1\n',
      'test/api.test.ts':
        "jest.mock('../src/api')\nimport { get } from '../src/api'\ntest('get', () => expect(get()).toBe(1))\n"
    }
    const result = await afterChange(files, { 'src/__mocks__/api.ts': 'export const get = () => 2\n' })
    expect(result.tests).toEqual(['test/api.test.ts'])
  })

  it('selects nothing for a file nobody uses', async () => {
    expect((await afterChange(DATA, { 'README.md': '# hi\n' })).mode).toBe('none')
  })

  it('selects the tests that list an imported source with its folder and load it, or read its text', async () => {
    // dayjs: each locale has its own test, and one test requires every locale file it lists and
    // checks each one's header comment.
    const files = {
      'src/locale/de.js': "// German [de]\nexport default { name: 'de', weekStart: 1 }\n",
      'src/locale/fr.js': "// French [fr]\nexport default { name: 'fr', weekStart: 1 }\n",
      'test/locale/de.test.js':
        "import de from '../../src/locale/de'\ntest('de', () => expect(de.weekStart).toBe(1))\n",
      'test/locale/keys.test.js': [
        "import fs from 'fs'",
        "import path from 'path'",
        "const dir = path.join(__dirname, '../../src/locale')",
        'for (const file of fs.readdirSync(dir)) {',
        '  const text = fs.readFileSync(path.join(dir, file), "utf8")',
        '  test(file, () => expect(/^\\/\\/ .* \\[/.test(text) && require(path.join(dir, file)).default.name).toBeTruthy())',
        '}',
        ''
      ].join('\n'),
      // Lists the folder with a call it imports by name.
      'test/locale/names.test.js': [
        "import { readdirSync } from 'fs'",
        "const dir = require('path').join(__dirname, '../../src/locale')",
        "test('names', () => readdirSync(dir).forEach(file => expect(require(dir + '/' + file).default.name).toBeTruthy()))",
        ''
      ].join('\n'),
      // Names the folder, reads no file.
      'test/locale/label.test.js':
        "const label = '../../src/locale'\ntest('label', () => expect(label).toBeTruthy())\n",
      // Lists the folder it is given: '/locale' is a URL path (as medusa's router has '/admin'), and
      // a name alone is no folder of the locale files.
      'src/router.js': [
        "import { readdirSync } from 'fs'",
        "export const routes = dir => readdirSync(dir).map(file => (file === 'locale.js' ? '/locale' : '/' + file))",
        ''
      ].join('\n'),
      'test/router.test.js':
        "import { routes } from '../src/router'\ntest('routes', () => expect(routes).toBeTruthy())\n",
      // Reads a file, and names the folder only to require its index: it runs what it takes.
      'src/locale/index.js': "export { default as de } from './de'\nexport { default as fr } from './fr'\n",
      'test/locale/barrel.test.js': [
        "import { readFileSync } from 'fs'",
        "const { de } = require('../../src/locale')",
        "test('de', () => expect(readFileSync(__filename, 'utf8') && de.name).toBe('de'))",
        ''
      ].join('\n')
    }
    await expectEdits(files, [
      [
        'src/locale/de.js',
        'weekStart: 1',
        'weekStart: 0',
        [
          'test/locale/barrel.test.js',
          'test/locale/de.test.js',
          'test/locale/keys.test.js',
          'test/locale/names.test.js'
        ]
      ],
      // A comment matters to the test that reads the text, and only to it.
      ['src/locale/de.js', '// German [de]', '// Deutsch', ['test/locale/keys.test.js']],
      [
        'src/locale/fr.js',
        'weekStart: 1',
        'weekStart: 0',
        ['test/locale/keys.test.js', 'test/locale/names.test.js']
      ]
    ])
  })
})

describe('namespace imports', () => {
  it('take the members they read, and the whole module when the namespace is used any other way', async () => {
    const files = {
      'src/ops.ts': 'export function add() {\n  return 1\n}\nexport function sub() {\n  return 2\n}\n',
      // A module that reads one member, and the test of what it exports.
      'src/calc.ts': "import * as ops from './ops'\nexport const total = () => ops.add() + 1\n",
      'test/calc.test.ts': "import { total } from '../src/calc'\ntest('t', () => expect(total()).toBe(2))\n",
      'test/members.test.ts':
        "import * as ops from '../src/ops'\ntest('m', () => expect(ops.sub()).toBe(2))\n",
      'test/keys.test.ts':
        "import * as ops from '../src/ops'\ntest('k', () => expect(Object.keys(ops)).toHaveLength(2))\n",
      'test/computed.test.ts':
        "import * as ops from '../src/ops'\nconst name = 'add'\ntest('c', () => expect(ops.sub() + ops[name]()).toBe(3))\n",
      'test/spy.test.ts':
        "import * as ops from '../src/ops'\ntest('s', () => expect(jest.spyOn(ops, 'sub') && ops.sub).toBeDefined())\n",
      'test/jsx.test.tsx':
        "import * as ops from '../src/ops'\nconst View = () => <ops.sub />\ntest('j', () => expect(View).toBeDefined())\n",
      'test/ts-require.test.ts':
        "import ops = require('../src/ops')\ntest('r', () => expect(ops.sub()).toBe(2))\n",
      'test/spread.test.ts':
        "import * as ops from '../src/ops'\nconst all = { ...ops }\ntest('p', () => expect(ops.sub() + all.add()).toBe(3))\n",
      // A barrel that spreads a required module.
      'src/barrel.js': "module.exports = { ...require('./ops') }\n",
      'test/barrel.test.js':
        "const { add } = require('../src/barrel')\ntest('b', () => expect(add()).toBe(1))\n"
    }
    await expectEdits(files, [
      [
        'src/ops.ts',
        'return 1',
        'return 10',
        [
          'test/barrel.test.js',
          'test/calc.test.ts',
          'test/computed.test.ts',
          'test/jsx.test.tsx',
          'test/keys.test.ts',
          'test/spread.test.ts',
          'test/spy.test.ts'
        ]
      ],
      [
        'src/ops.ts',
        'return 2',
        'return 20',
        [
          'test/barrel.test.js',
          'test/computed.test.ts',
          'test/jsx.test.tsx',
          'test/keys.test.ts',
          'test/members.test.ts',
          'test/spread.test.ts',
          'test/spy.test.ts',
          'test/ts-require.test.ts'
        ]
      ]
    ])
  })

  it('selects the tests of a module whose namespace import now names another module', async () => {
    const files = {
      'src/ops.ts': 'export function add() {\n  return 1\n}\n',
      'src/fast-ops.ts': 'export function add() {\n  return 2\n}\n',
      'src/calc.ts': "import * as ops from './ops'\nexport const total = () => ops.add() + 1\n",
      'test/calc.test.ts': "import { total } from '../src/calc'\ntest('t', () => expect(total()).toBe(2))\n"
    }
    await expectEdits(files, [
      ['src/calc.ts', "'./ops'", "'./fast-ops'", ['test/calc.test.ts']],
      ['src/calc.ts', "import * as ops from './ops'", "import * as ops from './ops' // fast", []]
    ])
  })

  it('treat `const ops = require()` read only through its members as named requires', async () => {
    const files = {
      // ES modules that tests require (as babel-jest compiles them).
      'src/ops.js': 'export function add() {\n  return 1\n}\nexport function sub() {\n  return 2\n}\n',
      'src/fast-ops.js': 'export function add() {\n  return 3\n}\n',
      'src/calc.js':
        "const ops = require('./ops')\nexport function total() {\n  return ops.add() + 1\n}\nexport function other() {\n  return 0\n}\n",
      'test/calc.test.js':
        "const { total } = require('../src/calc')\ntest('t', () => expect(total()).toBe(2))\n",
      'test/other.test.js':
        "const { other } = require('../src/calc')\ntest('o', () => expect(other()).toBe(0))\n",
      'test/members.test.js':
        "const ops = require('../src/ops')\ntest('m', () => expect(ops.sub()).toBe(2))\n",
      'test/computed.test.js':
        "const ops = require('../src/ops')\nconst name = 'add'\ntest('c', () => expect(ops.sub() + ops[name]()).toBe(3))\n",
      'test/passed.test.js':
        "const ops = require('../src/ops')\nconst call = (m, f) => m[f]()\ntest('p', () => expect(ops.sub() + call(ops, 'add')).toBe(3))\n",
      'test/reassigned.test.js':
        "let ops = require('../src/ops')\nops = { ...ops }\ntest('r', () => expect(ops.sub()).toBe(2))\n",
      'test/twice.test.js':
        "test('a', () => {\n  const ops = require('../src/ops')\n  expect(ops.sub()).toBe(2)\n})\ntest('b', () => {\n  const ops = require('../src/fast-ops')\n  expect(ops.add()).toBe(3)\n})\n",
      // The member required, alone: a binding to `sub`.
      'test/chained.test.js':
        "const ops = require('../src/ops')\n  .sub\ntest('x', () => expect(ops.name).toBe('sub'))\n"
    }
    const wholeModule = [
      'test/computed.test.js',
      'test/passed.test.js',
      'test/reassigned.test.js',
      'test/twice.test.js'
    ]
    await expectEdits(files, [
      ['src/ops.js', 'return 1', 'return 10', ['test/calc.test.js', ...wholeModule]],
      [
        'src/ops.js',
        'return 2',
        'return 20',
        [
          ...wholeModule.slice(0, 3),
          'test/chained.test.js',
          'test/members.test.js',
          'test/twice.test.js'
        ].sort()
      ],
      // The require runs as the module loads: another module there is a change to all of it.
      ['src/calc.js', "'./ops'", "'./fast-ops'", ['test/calc.test.js', 'test/other.test.js']]
    ])
  })
})

describe('functions passed to calls made on load (curry and memoize wrappers)', () => {
  const files = {
    'package.json': JSON.stringify({ type: 'module' }),
    'lib/curry.js':
      'export default function curry(fn) {\n  return function curried(a) {\n    return fn(a)\n  }\n}\n',
    'lib/now.js': 'export default function now(fn) {\n  return fn()\n}\n',
    'lib/helpers.js':
      'export function helper(a) {\n  return a + 1\n}\nexport function other() {\n  return 2\n}\n',
    // As ramda's functions are made: the wrapper returns a function that calls the one passed.
    'lib/inc.js':
      "import curry from './curry.js'\nimport { helper } from './helpers.js'\nconst inc = curry(function inc(a) {\n  return helper(a)\n})\nexport default inc\n",
    'lib/dbl.js':
      "import curry from './curry.js'\nexport default curry(function dbl(a) {\n  return a * 2\n})\n",
    // `now` calls what it is passed: `other` runs on load.
    'lib/table.js':
      "import now from './now.js'\nimport { other } from './helpers.js'\nexport const TABLE = now(function () {\n  return [other()]\n})\n",
    'lib/index.js':
      "export { default as inc } from './inc.js'\nexport { default as dbl } from './dbl.js'\nexport { TABLE } from './table.js'\n",
    'test/inc.test.js': "import { inc } from '../lib/index.js'\ntest('inc', () => expect(inc(1)).toBe(2))\n",
    'test/dbl.test.js': "import { dbl } from '../lib/index.js'\ntest('dbl', () => expect(dbl(1)).toBe(2))\n",
    'test/table.test.js':
      "import { TABLE } from '../lib/index.js'\ntest('table', () => expect(TABLE).toEqual([2]))\n"
  }
  const all = ['test/dbl.test.js', 'test/inc.test.js', 'test/table.test.js']

  it('selects the users of the function passed, not every loader, when the wrapper does not call it', async () => {
    await expectEdits(files, [
      ['lib/helpers.js', 'return a + 1', 'return a + 10', ['test/inc.test.js']],
      ['lib/inc.js', 'return helper(a)', 'return helper(a) + 1', ['test/inc.test.js']],
      ['lib/dbl.js', 'return a * 2', 'return a * 3', ['test/dbl.test.js']]
    ])
  })

  it('selects every loader when the callee calls it on load, or when the wrapper changes', async () => {
    await expectEdits(files, [
      ['lib/helpers.js', 'return 2', 'return 3', all],
      ['lib/table.js', 'return [other()]', 'return [other(), 1]', all],
      // The wrapper now calls what it is passed: every module that calls it on load runs that.
      ['lib/curry.js', '  return function curried', '  fn(0)\n  return function curried', all],
      // Formatting only.
      ['lib/inc.js', 'const inc = curry(function inc(a) {', 'const inc = curry(  function inc (a)  {', []]
    ])
    const eager = {
      ...files,
      'lib/inc.js': files['lib/inc.js'].replace(
        '  return helper(a)\n})',
        '  return helper(a)\n})(0) && curry(x => x)'
      )
    }
    await expectEdits(eager, [['lib/helpers.js', 'return a + 1', 'return a + 10', all]])
    const unknown = {
      ...files,
      'lib/inc.js': files['lib/inc.js'].replace(
        "import curry from './curry.js'",
        "import curry from 'curry-package'"
      )
    }
    await expectEdits(unknown, [['lib/helpers.js', 'return a + 1', 'return a + 10', all]])
  })
})

describe('the test files of mocha, tap, node --test, AVA, tape and uvu', () => {
  const lib = {
    'lib/a.js': 'exports.a = function a() {\n  return 1\n}\n',
    'lib/b.js': 'exports.b = function b() {\n  return 2\n}\n'
  }
  const useA = "const { a } = require('../lib/a')\nit('a', () => a())\n"
  const useB = "const { b } = require('../../lib/b')\nit('b', () => b())\n"

  it("takes mocha's specs from its test script, with the files it requires first", async () => {
    const files = {
      ...lib,
      'package.json': JSON.stringify({
        scripts: { test: 'mocha --require test/support/env --reporter spec test/ test/acceptance/' }
      }),
      'test/support/env.js': "process.env.NODE_ENV = 'test'\n",
      'test/app.js': useA,
      'test/acceptance/b.js': useB,
      // Not in a spec folder (mocha does not look in subfolders without --recursive).
      'test/unit/deep.js': useB.replace("'b'", "'deep'")
    }
    await expectEdits(files, [
      ['lib/a.js', 'return 1', 'return 10', ['test/app.js']],
      ['lib/b.js', 'return 2', 'return 20', ['test/acceptance/b.js']],
      ['test/support/env.js', "'test'", "'testing'", ['test/acceptance/b.js', 'test/app.js']]
    ])
  })

  it('reads the mocha config the test script names, whatever its name (checked by a real mocha run)', async () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'mocha --config config/mocha.yml' } }),
      // Only this config makes `*.check.js` files tests, and only it requires the setup file.
      'config/mocha.yml': 'spec:\n  - checks/**/*.check.js\nrequire:\n  - test/setup.js\n',
      'test/setup.js': 'global.BASE = 10\n',
      'test/other-setup.js': 'global.BASE = 11\n',
      'lib/scale.js': 'exports.scale = n => n * 2\n',
      'lib/other.js': 'exports.other = 1\n',
      'checks/scale.check.js':
        "const assert = require('node:assert')\nconst { scale } = require('../lib/scale')\nit('scale', () => assert.strictEqual(scale(global.BASE), 20))\n",
      'checks/other.check.js':
        "const assert = require('node:assert')\nconst { other } = require('../lib/other')\nit('other', () => assert.strictEqual(other, 1))\n"
    }
    const every = ['checks/other.check.js', 'checks/scale.check.js']
    await expectEditSelects(
      files,
      ['lib/scale.js', 'n * 2', 'n * 3'],
      ['checks/scale.check.js'],
      ['checks/scale.check.js']
    )
    await expectEditSelects(
      files,
      ['test/setup.js', 'BASE = 10', 'BASE = 11'],
      ['checks/scale.check.js'],
      every
    )
    // A change to the config runs every test.
    await expectEditSelects(
      files,
      ['config/mocha.yml', 'test/setup.js', 'test/other-setup.js'],
      ['checks/scale.check.js'],
      every
    )
  }, 60_000)

  it('finds the runner in the scripts the test script runs (npm-run-all, npm run, yarn, concurrently)', async () => {
    const mocha = 'cross-env BABEL_ENV=cjs mocha --require @babel/register --reporter spec'
    const testScripts: Array<Record<string, string>> = [
      // ramda's
      { test: 'npm-run-all --parallel spec lint', spec: mocha, lint: 'eslint .' },
      { test: 'npm run --silent lint && npm run spec', spec: mocha, lint: 'eslint .' },
      { test: 'yarn spec', spec: mocha },
      { test: 'run-s "test:*"', 'test:unit': mocha, 'test:lint': 'eslint .' },
      { test: 'concurrently "npm:spec"', spec: 'npm run unit', unit: mocha }
    ]
    for (const scripts of testScripts) {
      const files = {
        ...lib,
        'package.json': JSON.stringify({ scripts }),
        'test/app.js': useA,
        'test/b.js': useB.replace('../../', '../')
      }
      await expectEdits(files, [['lib/a.js', 'return 1', 'return 10', ['test/app.js']]])
    }
    // A script that names itself, or one that is not there, is not followed forever.
    const loop = {
      ...lib,
      'package.json': JSON.stringify({
        scripts: { test: 'npm run spec', spec: 'npm run test && npm run gone' }
      }),
      'test/app.js': useA
    }
    await expectEdits(loop, [['lib/a.js', 'return 1', 'return 10', []]])
  })

  it("takes AVA's files (its defaults, args or package.json ava.files) and tape's and uvu's named files", async () => {
    const index = 'export const a = () => 1\nexport const b = () => 2\n'
    const ava = {
      'package.json': JSON.stringify({ type: 'module', scripts: { test: 'xo && c8 ava' } }),
      'index.js': index,
      // A sindresorhus-style package: one test.js at the top.
      'test.js': "import test from 'ava'\nimport { a } from './index.js'\ntest('a', t => t.is(a(), 1))\n",
      'test/b.js': "import test from 'ava'\nimport { b } from '../index.js'\ntest('b', t => t.is(b(), 2))\n",
      // AVA's helpers and `_` files are no tests, but still reach what they import.
      'test/helpers/make.js': "import { b } from '../../index.js'\nexport const make = () => b()\n",
      'test/_setup.js': "import { a } from '../index.js'\nexport const setup = () => a()\n"
    }
    await expectEdits(ava, [
      ['index.js', 'a = () => 1', 'a = () => 10', ['test.js']],
      ['index.js', 'b = () => 2', 'b = () => 20', ['test/b.js']]
    ])
    const configured = {
      ...ava,
      'package.json': JSON.stringify({
        type: 'module',
        scripts: { test: 'ava' },
        ava: { files: ['spec/**/*'] }
      }),
      'spec/a.js': ava['test.js'].replace('./index.js', '../index.js')
    }
    await expectEdits(configured, [['index.js', 'a = () => 1', 'a = () => 10', ['spec/a.js']]])
    for (const test of ["tape 'test/*.js' | tap-spec", 'uvu -r esm test']) {
      const files = {
        'package.json': JSON.stringify({ scripts: { test } }),
        'index.js': 'exports.a = function a() {\n  return 1\n}\n',
        'test/a.js': "const { a } = require('../index.js')\nrequire('tape')('a', t => t.end(a()))\n"
      }
      await expectEdits(files, [['index.js', 'return 1', 'return 10', ['test/a.js']]])
    }
  })

  it("follows `require('..')` to the index of the top folder, as express’s tests load it", async () => {
    const files = {
      ...lib,
      'package.json': JSON.stringify({ scripts: { test: 'mocha test/' } }),
      'index.js': "module.exports = require('./lib/a')\n",
      'test/top.js': "const top = require('..')\nit('a', () => top.a())\n",
      'test/slash.js': "const { a } = require('../')\nit('a', () => a())\n",
      'lib/inner.js': "const { a } = require('.')\nexports.inner = () => a()\n",
      'lib/index.js': "module.exports = require('./a')\n",
      'test/inner.js': "const { inner } = require('../lib/inner')\nit('i', () => inner())\n"
    }
    await expectEdits(files, [
      ['lib/a.js', 'return 1', 'return 10', ['test/inner.js', 'test/slash.js', 'test/top.js']]
    ])
  })

  it('takes mocha specs from .mocharc, and the runners’ defaults', async () => {
    const mocharc = {
      ...lib,
      'package.json': JSON.stringify({ scripts: { test: 'mocha' } }),
      '.mocharc.yml': 'recursive: true\nspec:\n  - spec\n',
      'spec/a.js': useA,
      'spec/deep/b.js': useB
    }
    await expectEdits(mocharc, [['lib/b.js', 'return 2', 'return 20', ['spec/deep/b.js']]])
    const { ['.mocharc.yml']: _yml, ...withoutYml } = mocharc
    const mocharcJs = { ...withoutYml, '.mocharc.js': "module.exports = { spec: ['spec/**/*.js'] }\n" }
    await expectEdits(mocharcJs, [['lib/b.js', 'return 2', 'return 20', ['spec/deep/b.js']]])
    const tap = {
      ...lib,
      'package.json': JSON.stringify({ scripts: { test: 'tap' } }),
      'test/a.js': useA,
      'test/deep/b.js': useB
    }
    await expectEdits(tap, [['lib/b.js', 'return 2', 'return 20', ['test/deep/b.js']]])
    const nodeTest = {
      ...lib,
      'package.json': JSON.stringify({ scripts: { test: 'node --test' } }),
      'test/a.js': useA,
      'test/deep/b.js': useB
    }
    await expectEdits(nodeTest, [['lib/a.js', 'return 1', 'return 10', ['test/a.js']]])
    // The values of node's own options are not test files; a local file it requires first runs
    // in every test file's process.
    const withSetup = {
      ...nodeTest,
      'package.json': JSON.stringify({
        scripts: { test: 'node -r ./setup.js --import tsx --test test/a.js test/deep/b.js' }
      }),
      'setup.js': "const { a } = require('./lib/a')\nprocess.env.A = String(a())\n"
    }
    await expectEdits(withSetup, [
      ['lib/a.js', 'return 1', 'return 10', ['test/a.js', 'test/deep/b.js']],
      ['lib/b.js', 'return 2', 'return 20', ['test/deep/b.js']]
    ])
  })
})

describe('CommonJS exports', () => {
  const fnText = (name: string, value: number): string => `function ${name}() {\n  return ${value}\n}\n`
  const files = {
    // Exports through `exports.name = …`, one of them a value made on load.
    'src/props.js': `exports.one = function one() {\n  return 1\n}\nexports.two = () => 2\nexports.made = make()\n${fnText('make', 3)}`,
    // Exports as an object of names.
    'src/list.js': `${fnText('three', 3)}${fnText('four', 4)}module.exports = { three, quattro: four }\n`,
    // `exports` also read in a function: any export may be any function.
    'src/dynamic.js': `exports.five = function five() {\n  return 5\n}\nexports.six = function six() {\n  return exports.five() + 1\n}\n`,
    'test/one.test.js': "const { one } = require('../src/props')\ntest('1', () => expect(one()).toBe(1))\n",
    'test/two.test.js':
      "const props = require('../src/props')\ntest('2', () => expect(props.two()).toBe(2))\n",
    'test/three.test.js':
      "const { three } = require('../src/list')\ntest('3', () => expect(three()).toBe(3))\n",
    'test/four.test.js':
      "const { quattro } = require('../src/list')\ntest('4', () => expect(quattro()).toBe(4))\n",
    'test/five.test.js':
      "const { five } = require('../src/dynamic')\ntest('5', () => expect(five()).toBe(5))\n"
  }

  it('reach the export a test takes, as ES module exports do', async () => {
    await expectEdits(files, [
      ['src/props.js', 'return 1', 'return 10', ['test/one.test.js']],
      ['src/props.js', '() => 2', '() => 20', ['test/two.test.js']],
      // What runs on load runs for every test that loads the module.
      ['src/props.js', 'return 3', 'return 30', ['test/one.test.js', 'test/two.test.js']],
      ['src/list.js', 'return 3', 'return 30', ['test/three.test.js']],
      ['src/list.js', 'return 4', 'return 40', ['test/four.test.js']],
      ['src/list.js', 'quattro: four', 'quattro: three', ['test/four.test.js']]
    ])
  })

  it('reach a required module through the code that reads the name it is bound to', async () => {
    const required = {
      'src/parse.js': `module.exports = ${fnText('parse', 1).trimEnd()}\n`,
      'src/constants.js': 'exports.MAX = 10\nexports.MIN = 0\n',
      'src/lazy.js': `module.exports = ${fnText('lazy', 2).trimEnd()}\n`,
      // An index as semver's: each function required by name, exported in one object.
      'src/index.js':
        "const parse = require('./parse')\nconst constants = require('./constants')\nlet lazy = require('./lazy')\nconst valid = v => parse(v) > 0\nmodule.exports = { parse, valid, MAX: constants.MAX }\n",
      'test/valid.test.js':
        "const { valid } = require('../src')\ntest('v', () => expect(valid(1)).toBe(true))\n",
      'test/max.test.js': "const semver = require('../src')\ntest('m', () => expect(semver.MAX).toBe(10))\n"
    }
    await expectEdits(required, [
      ['src/parse.js', 'return 1', 'return -1', ['test/valid.test.js']],
      ['src/constants.js', 'MAX = 10', 'MAX = 11', ['test/max.test.js']],
      ['src/constants.js', 'MIN = 0', 'MIN = 1', []],
      // A `let` binding may be reassigned: its module is reached as the index loads.
      ['src/lazy.js', 'return 2', 'return 3', ['test/max.test.js', 'test/valid.test.js']]
    ])
  })

  it("take a name required of an ES module from its default export when it has no such export, as babel's interop may", async () => {
    const interop = {
      // With add-module-exports, `module.exports` is this default export.
      'src/helpers.js': `${fnText('foo', 1)}${fnText('bar', 2)}export default { foo, bar }\n`,
      'src/named.js': `export ${fnText('one', 1)}export ${fnText('two', 2)}export default {}\n`,
      'test/member.test.js':
        "const helpers = require('../src/helpers')\ntest('m', () => expect(helpers.foo()).toBe(1))\n",
      'test/destructured.test.js':
        "const { bar } = require('../src/helpers')\ntest('d', () => expect(bar()).toBe(2))\n",
      'test/named.test.js':
        "const { one } = require('../src/named')\ntest('n', () => expect(one()).toBe(1))\n"
    }
    await expectEdits(interop, [
      ['src/helpers.js', 'return 1', 'return 10', ['test/destructured.test.js', 'test/member.test.js']],
      ['src/named.js', 'return 1', 'return 10', ['test/named.test.js']],
      ['src/named.js', 'return 2', 'return 20', []]
    ])
  })

  it('take only the names read of an awaited import() or a require, unless a name is bound twice', async () => {
    const dynamic = {
      'src/tools.js': `export ${fnText('one', 1)}export ${fnText('two', 2)}`,
      'src/other.js': `export ${fnText('one', 10)}`,
      'test/lazy.test.js':
        "test('l', async () => {\n  const { one: first } = await import('../src/tools.js')\n  expect(first()).toBe(1)\n})\n",
      // Two `one`s in one module, each from another: each function's import reaches its whole module.
      'test/twice.test.js': [
        "test('a', async () => {\n  const { one } = await import('../src/other.js')\n  expect(one()).toBe(10)\n})",
        "test('b', async () => {\n  const { one } = await import('../src/tools.js')\n  expect(one()).toBe(1)\n})\n"
      ].join('\n'),
      'test/then.test.js':
        "test('t', () => import('../src/tools.js').then(({ two }) => expect(two()).toBe(2)))\n",
      'test/then-module.test.js':
        "test('t', () => import('../src/tools.js').then(m => expect(m.two()).toBe(2)))\n",
      // The module as a name, in each test, read only through its members.
      'test/namespace.test.js': [
        "test('a', async () => {\n  const tools = await import('../src/tools.js')\n  expect(tools.one()).toBe(1)\n})",
        "test('b', async () => {\n  const tools = await import('../src/tools.js')\n  expect(tools.one() + 1).toBe(2)\n})\n"
      ].join('\n'),
      'test/member.test.js':
        "test('m', async () => {\n  const two = (await import('../src/tools.js')).two\n  expect(two()).toBe(2)\n})\n",
      'test/required-member.test.js':
        "const one = require('../src/tools.js').one\ntest('r', () => expect(one()).toBe(1))\n",
      // One name for two modules: each import reaches its whole module.
      'test/mixed.test.js': [
        "test('a', async () => {\n  const m = await import('../src/other.js')\n  expect(m.one()).toBe(10)\n})",
        "test('b', async () => {\n  const m = await import('../src/tools.js')\n  expect(m.two()).toBe(2)\n})\n"
      ].join('\n'),
      'test/required.test.js': [
        "test('a', () => {\n  const { one } = require('../src/other.js')\n  expect(one()).toBe(10)\n})",
        "test('b', () => {\n  const { one } = require('../src/tools.js')\n  expect(one()).toBe(1)\n})\n"
      ].join('\n'),
      // The same name of the same module in two functions is one binding.
      'test/again.test.js': [
        "test('a', async () => {\n  const { two } = await import('../src/tools.js')\n  expect(two()).toBe(2)\n})",
        "test('b', async () => {\n  const { two } = await import('../src/tools.js')\n  expect(two()).toBe(2)\n})\n"
      ].join('\n')
    }
    await expectEdits(dynamic, [
      [
        'src/tools.js',
        'return 1',
        'return 100',
        [
          'test/lazy.test.js',
          'test/mixed.test.js',
          'test/namespace.test.js',
          'test/required-member.test.js',
          'test/required.test.js',
          'test/twice.test.js'
        ]
      ],
      [
        'src/tools.js',
        'return 2',
        'return 200',
        [
          'test/again.test.js',
          'test/member.test.js',
          'test/mixed.test.js',
          'test/required.test.js',
          'test/then-module.test.js',
          'test/then.test.js',
          'test/twice.test.js'
        ]
      ],
      [
        'src/other.js',
        'return 10',
        'return 100',
        ['test/mixed.test.js', 'test/required.test.js', 'test/twice.test.js']
      ]
    ])
  })

  it('reach the whole module when `exports` is used any other way', async () => {
    await expectEdits(files, [
      ['src/dynamic.js', 'return exports.five() + 1', 'return 7', ['test/five.test.js']]
    ])
    const replaced = { ...files, 'src/list.js': `${files['src/list.js']}module.exports = four\n` }
    await expectEdits(replaced, [
      ['src/list.js', 'return 4', 'return 40', ['test/four.test.js', 'test/three.test.js']]
    ])
  })
})

describe('functions a factory is handed on load and calls later', () => {
  // As zod's `$constructor`: the initializer runs when a schema is made, not when its module loads.
  const files = {
    'src/core.ts': [
      'export interface $constructor<T> { new (): T }',
      'export function $constructor<T, D = unknown>(name: string, init: (inst: T) => void): $constructor<T> {',
      '  function _(this: any) {',
      '    run(this)',
      '    return this',
      '  }',
      '  function run(inst: any) {',
      '    init(inst)',
      '  }',
      '  Object.defineProperty(_, "run", { value: run })',
      '  Object.defineProperty(_, "name", { value: name })',
      '  return _ as any',
      '}',
      ''
    ].join('\n'),
    'src/util.ts':
      'export function clean(s: string) {\n  return s.trim()\n}\nexport type Maker = { made: boolean }\n',
    'src/schemas.ts': [
      "import * as core from './core'",
      "import * as util from './util'",
      "export const $Str: core.$constructor<util.Maker> = core.$constructor('Str', (inst: any) => {",
      "  inst.value = util.clean(' a ')",
      '})',
      "export const $Num = core.$constructor('Num', (inst: any) => {",
      '  inst.value = 1',
      '})',
      ''
    ].join('\n'),
    'test/str.test.ts':
      "import { $Str } from '../src/schemas'\ntest('s', () => expect((new $Str() as any).value).toBe('a'))\n",
    'test/num.test.ts':
      "import { $Num } from '../src/schemas'\ntest('n', () => expect((new $Num() as any).value).toBe(1))\n"
  }

  it('follows what the initializer calls only from the schema that is made, not from its module', async () => {
    await expectEdits(files, [
      ['src/util.ts', 's.trim()', 's.trim() + ""', ['test/str.test.ts']],
      // A type runs nothing: no test that runs compiled code reaches it.
      ['src/util.ts', 'made: boolean', 'made: number', []],
      ['src/core.ts', 'init(inst)', 'init(inst) ?? 0', ['test/num.test.ts', 'test/str.test.ts']]
    ])
  })
})

describe('names that Object.prototype has', () => {
  it('follows toString and constructor through an export * barrel like any other name', async () => {
    const files = {
      'src/impl.ts':
        'export function toString() {\n  return "a"\n}\nexport function other() {\n  return 1\n}\n',
      'src/index.ts': "export * from './impl'\n",
      'test/to-string.test.ts':
        "import { toString } from '../src'\ntest('t', () => expect(toString()).toBe('a'))\n",
      'test/other.test.ts': "import { other } from '../src'\ntest('o', () => expect(other()).toBe(1))\n"
    }
    const result = await afterChange(files, { 'src/impl.ts': files['src/impl.ts'].replace('"a"', '"b"') })
    expect(result.tests).toEqual(['test/to-string.test.ts'])
  })
})

describe('imports of a repository package whose entry is not in the repository', () => {
  const PKG = {
    // Its entry is built to dist/mylib.js from src/main.ts, which nothing here says.
    'package.json': '{ "name": "mylib", "main": "dist/mylib.js" }\n',
    'src/main.ts': "export { a } from './a'\nexport { b } from './b'\n",
    'src/a.ts': 'export function a() {\n  return 1\n}\n',
    'src/b.ts': 'export function b() {\n  return 2\n}\n',
    'test/a.test.ts': "import { a } from 'mylib'\ntest('a', () => expect(a()).toBe(1))\n",
    'test/other.test.ts': "test('other', () => expect(1).toBe(1))\n"
  }

  it('reach every source of the package (a build, or a mapping only a custom resolver knows)', async () => {
    const result = await afterChange(PKG, { 'src/b.ts': PKG['src/b.ts'].replace('return 2', 'return 3') })
    expect(result.tests).toEqual(['test/a.test.ts'])
  })

  it('also when tsconfig paths give the name only a declaration file', async () => {
    const files = {
      ...PKG,
      'types/mylib.d.ts': 'export declare function a(): number\n',
      'tsconfig.json': '{ "compilerOptions": { "paths": { "mylib": ["./types/mylib.d.ts"] } } }\n'
    }
    const result = await afterChange(files, { 'src/b.ts': PKG['src/b.ts'].replace('return 2', 'return 3') })
    expect(result.tests).toEqual(['test/a.test.ts'])
  })
})

describe('jest testRegex', () => {
  it('is matched against absolute paths, as jest does', async () => {
    const result = await afterChange(
      {
        ...LIB,
        'jest.config.js': "module.exports = { testRegex: ['/__tests__/.*\\\\.(ts|js)$'] }\n",
        '__tests__/mul.ts':
          "import { mul } from '../src/math'\ntest('mul', () => expect(mul(2, 3)).toBe(6))\n"
      },
      { 'src/math.ts': LIB['src/math.ts'].replace('a * b', 'a * b * 1') }
    )
    expect(result.tests).toEqual(['__tests__/mul.ts'])
  })
})

describe('jest configs it cannot read', () => {
  it('says so in the notes', async () => {
    const result = await afterChange(
      {
        ...LIB,
        'jest.config.js': "module.exports = require('./jest.base')\n",
        'jest.base.js': 'module.exports = {}\n'
      },
      { 'src/math.ts': LIB['src/math.ts'].replace('a * b', 'a * b * 1') }
    )
    expect(result.notes.join('\n')).toMatch(/jest config jest\.config\.js is not a literal object/)
  })

  it('says that imports a custom jest resolver maps are not followed', async () => {
    const result = await afterChange(
      {
        ...LIB,
        'jest.config.js': "module.exports = { resolver: '<rootDir>/resources/resolver.js' }\n",
        'resources/resolver.js':
          'module.exports = (request, options) => options.defaultResolver(request, options)\n'
      },
      { 'src/math.ts': LIB['src/math.ts'].replace('a * b', 'a * b * 1') }
    )
    expect(result.notes.join('\n')).toContain('jest config uses its own resolver (resources/resolver.js)')
    const plain = await afterChange(LIB, { 'src/math.ts': LIB['src/math.ts'].replace('a * b', 'a * b * 1') })
    expect(plain.notes.join('\n')).not.toContain('resolver')
  })
})

describe('syntax errors', () => {
  it('selects every loader of a changed file that no longer parses, not just the edited symbol', async () => {
    const files = {
      'src/calc.ts': 'export function a() {\n  return 1\n}\nexport function b() {\n  return 2\n}\n',
      'test/a.test.ts': "import { a } from '../src/calc'\ntest('a', () => expect(a()).toBe(1))\n",
      'test/b.test.ts': "import { b } from '../src/calc'\ntest('b', () => expect(b()).toBe(2))\n",
      'tool/calc.py': 'def a():\n    return 1\n\ndef b():\n    return 2\n',
      'tool/test_a.py': 'from calc import a\n\ndef test_a():\n    assert a() == 1\n',
      'tool/test_b.py': 'from calc import b\n\ndef test_b():\n    assert b() == 2\n'
    }
    const ts = await afterChange(files, {
      'src/calc.ts': files['src/calc.ts'].replace('return 2', 'return 2 +* 1')
    })
    expect(ts.tests).toEqual(['test/a.test.ts', 'test/b.test.ts'])
    expect(ts.notes.join('\n')).toMatch(/src\/calc\.ts does not parse/)
    const fine = await afterChange(files, {
      'src/calc.ts': files['src/calc.ts'].replace('return 2', 'return 2 + 1')
    })
    expect(fine.tests).toEqual(['test/b.test.ts'])
    const py = await afterChange(files, {
      'tool/calc.py': files['tool/calc.py'].replace('return 2', 'return 2 +* 1')
    })
    expect(py.tests).toEqual(['tool/test_a.py', 'tool/test_b.py'])
  })
})

describe('jest setup files', () => {
  it('selects every test of the project when a module its setup file loads changes', async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'setup', jest: { setupFilesAfterEnv: ['./test/setup.js'] } }),
      'test/setup.js': "global.helpers = require('./helpers')\n",
      'test/helpers.js': 'module.exports = { twice: n => n * 2 }\n',
      'src/one.js': 'exports.one = () => 1\n',
      'test/a.test.js': "const { one } = require('../src/one')\ntest('a', () => expect(one()).toBe(1))\n",
      'test/b.test.js': "test('b', () => expect(helpers.twice(2)).toBe(4))\n"
    }
    const result = await afterChange(files, {
      'test/helpers.js': "throw new Error('broken')\n" + files['test/helpers.js']
    })
    expect(result.tests).toEqual(['test/a.test.js', 'test/b.test.js'])
    expect(result.reasons['test/a.test.js']).toEqual([
      'test/helpers.js#<module>',
      'test/setup.js',
      'test/a.test.js'
    ])
  })

  it('keeps symbol precision through a setup file that destructures a require', async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'setup', jest: { setupFilesAfterEnv: ['./test/setup.ts'] } }),
      'test/setup.ts': "const { twice } = require('../src/util')\n;(global as any).twice = twice\n",
      'src/util.ts':
        'export function twice(n: number) {\n  return n * 2\n}\nexport function thrice(n: number) {\n  return n * 3\n}\n',
      'test/a.test.ts': "import { thrice } from '../src/util'\ntest('a', () => expect(thrice(1)).toBe(3))\n",
      'test/b.test.ts': "test('b', () => expect((global as any).twice(2)).toBe(4))\n"
    }
    const thrice = await afterChange(files, {
      'src/util.ts': files['src/util.ts'].replace('n * 3', 'n * 3 + 0')
    })
    expect(thrice.tests).toEqual(['test/a.test.ts'])
    const twice = await afterChange(files, {
      'src/util.ts': files['src/util.ts'].replace('n * 2', 'n * 2 + 0')
    })
    expect(twice.tests).toEqual(['test/a.test.ts', 'test/b.test.ts'])
  })
})

describe('safety fallbacks', () => {
  const cases: Array<[string, FileChanges, RegExp]> = [
    ['a lockfile', { 'package-lock.json': '{}\n' }, /package-lock\.json: a lockfile changed/],
    [
      'the root manifest',
      { 'package.json': '{"name":"x","dependencies":{"left-pad":"1.0.0"}}\n' },
      /dependency manifest/
    ],
    ['a jest config', { 'jest.config.js': 'module.exports = {}\n' }, /test runner or build config/],
    [
      'a named jest config',
      { 'jest.config.unit.js': 'module.exports = {}\n' },
      /test runner or build config/
    ],
    ['a jest config for e2e tests', { 'test/jest-e2e.json': '{}\n' }, /test runner or build config/],
    [
      'a named vitest config',
      { 'vitest.compile.config.ts': 'export default {}\n' },
      /test runner or build config/
    ],
    ['a vitest workspace', { 'vitest.workspace.json': '["packages/*"]\n' }, /test runner or build config/],
    ['a tsconfig', { 'tsconfig.json': '{}\n' }, /TypeScript config/],
    ['a babel config', { 'babel.config.js': 'module.exports = {}\n' }, /Babel or SWC/],
    ['a test setup file', { 'jest.setup.ts': 'export {}\n' }, /test setup file/],
    ['a vitest setup file', { 'vitest.setup.ts': 'export {}\n' }, /test setup file/],
    ["CI Medic's config", { '.github/ci-medic.yml': 'retries: 1\n' }, /CI Medic's own config/],
    [
      'an unparseable source file',
      { 'src/math.ts': 'export function add( {\n  return `unclosed\n' },
      /could not be parsed/
    ]
  ]
  it.each(cases)('runs every test when %s changes', async (_name, change, why) => {
    const result = await afterChange({ ...LIB, 'package.json': '{"name":"x"}\n' }, change)
    expect(result.mode).toBe('all')
    expect(result.fallback).toMatch(why)
    expect(result.tests).toHaveLength(5)
  })

  it("runs every test when a file named in jest's setupFilesAfterEnv changes", async () => {
    const files = {
      ...LIB,
      'package.json': JSON.stringify({ jest: { setupFilesAfterEnv: ['<rootDir>/test/env.ts'] } }),
      'test/env.ts': 'export {}\n'
    }
    const result = await afterChange(files, { 'test/env.ts': 'export const x = 1\n' })
    expect(result.mode).toBe('all')
    expect(result.fallback).toBe('test/env.ts: a test setup file changed')
  })

  it('reads the config a tsconfig extends under a name of its own, and runs every test when it changes', async () => {
    const files = {
      'package.json': '{"name":"x"}\n',
      'tsconfig.json': JSON.stringify({ extends: './config/base', compilerOptions: { strict: true } }),
      'config/base.json': JSON.stringify({
        compilerOptions: { baseUrl: '..', paths: { '@app/*': ['src/*'] } }
      }),
      'src/x.ts': 'export const x = () => 1\n',
      'src/y.ts': 'export const y = () => 1\n',
      'test/x.test.ts': "import { x } from '@app/x'\ntest('x', () => expect(x()).toBe(1))\n",
      'test/y.test.ts': "import { y } from '@app/y'\ntest('y', () => expect(y()).toBe(1))\n"
    }
    const through = await afterChange(files, { 'src/x.ts': 'export const x = () => 2\n' })
    expect(through.tests).toEqual(['test/x.test.ts'])
    const base = await afterChange(files, { 'config/base.json': '{}\n' })
    expect([base.mode, base.fallback]).toEqual(['all', 'config/base.json: a TypeScript config changed'])
  })

  it('takes an `import type` for no load: a change to what runs at load does not reach through it, a type change does', async () => {
    const files = {
      'package.json': '{"name":"x","scripts":{"test":"vitest"}}\n',
      // As es-toolkit's compat toolkit: every export copied onto one object when the module loads.
      'src/registry.ts': [
        "import * as all from './all'",
        'export interface Registry {',
        '  size: number',
        '}',
        'export const registry: Record<string, unknown> = {}',
        'Object.assign(registry, all)',
        ''
      ].join('\n'),
      'src/all.ts': "export { a } from './a'\nexport { b } from './b'\n",
      'src/a.ts': 'export const a = (): number => 1\n',
      'src/b.ts':
        "import type { Registry } from './registry'\nexport const b = (r?: Registry): number => r?.size ?? 2\n",
      'src/types.ts': "export type { Registry } from './registry'\n",
      'src/c.ts': "import type { Registry } from './types'\nexport const c = (): number => 3\n",
      'test/a.test.ts': "import { a } from '../src/a'\ntest('a', () => expect(a()).toBe(1))\n",
      'test/b.test.ts': "import { b } from '../src/b'\ntest('b', () => expect(b()).toBe(2))\n",
      'test/c.test.ts': "import { c } from '../src/c'\ntest('c', () => expect(c()).toBe(3))\n",
      'test/registry.test.ts':
        "import { registry } from '../src/registry'\ntest('r', () => expect(typeof registry.a).toBe('function'))\n",
      // A type test, which vitest type-checks and never runs.
      'vitest.config.ts':
        "import { defineConfig } from 'vitest/config'\nexport default defineConfig({ test: { typecheck: { enabled: true } } })\n",
      'test/b.test-d.ts':
        "import { b } from '../src/b'\ntest('b', () => expectTypeOf(b).parameter(0).toEqualTypeOf<{ size: number } | undefined>())\n"
    }
    // b.ts and c.ts never load registry.ts: what it does when it loads cannot reach their tests.
    const body = await afterChange(files, { 'src/a.ts': 'export const a = (): number => 10\n' })
    expect(body.tests).toEqual(['test/a.test.ts', 'test/registry.test.ts'])
    // The type they take did change: b's signature takes it, which only the type test sees.
    const type = await afterChange(files, {
      'src/registry.ts': (files['src/registry.ts'] as string).replace('size: number', 'size?: number')
    })
    expect(type.tests).toEqual(['test/b.test-d.ts'])
    // A value import made a type one leaves the value undefined where the code runs.
    const madeType = await afterChange(files, {
      'src/all.ts': "export { a } from './a'\nexport type { b } from './b'\n"
    })
    expect(madeType.tests).toEqual(['test/registry.test.ts'])
  })

  it('takes a type for no code: what changes reaches through types only the tests that are type-checked', async () => {
    // As es-toolkit's compat functions: a type of every export, which one function's signature takes.
    const files = {
      'package.json': '{"name":"x","scripts":{"test":"vitest"}}\n',
      'vitest.config.ts':
        "import { defineConfig } from 'vitest/config'\nexport default defineConfig({ test: { typecheck: { enabled: true } } })\n",
      'src/compat/a.ts': 'export function a() {\n  return 1\n}\n',
      'src/compat/index.ts': "export { a } from './a'\nexport { partial } from './partial'\n",
      'src/toolkit.ts': [
        "import * as compat from './compat/index'",
        'export interface Options {',
        '  strict: boolean',
        '}',
        'export type Toolkit = typeof compat & { options?: Options }',
        'export const toolkit = Object.assign({}, compat)',
        ''
      ].join('\n'),
      'src/compat/partial.ts': [
        "import type { Toolkit } from '../toolkit'",
        "export function partial(f: Toolkit['a']): () => number {",
        '  return () => f()',
        '}',
        "partial.placeholder = Symbol('placeholder')",
        ''
      ].join('\n'),
      'src/run.ts': [
        "import { Options, toolkit } from './toolkit'",
        'export function run(options: Options): number {',
        '  return toolkit.a()',
        '}',
        ''
      ].join('\n'),
      'test/a.test.ts': "import { a } from '../src/compat/a'\ntest('a', () => expect(a()).toBe(1))\n",
      'test/partial.test.ts':
        "import { partial } from '../src/compat/partial'\ntest('p', () => expect(partial(() => 1)()).toBe(1))\n",
      'test/run.test.ts':
        "import { run } from '../src/run'\ntest('r', () => expect(run({ strict: true })).toBe(1))\n",
      'test/partial.test-d.ts':
        "import { partial } from '../src/compat/partial'\ntest('p', () => expectTypeOf(partial).returns.toEqualTypeOf<() => number>())\n"
    }
    // partial.ts takes a's type, through Toolkit, and runs nothing of it: partial.test.ts does not run.
    const body = await afterChange(files, {
      'src/compat/a.ts': 'export function a() {\n  return 2\n}\n'
    })
    expect(body.tests).toEqual(['test/a.test.ts', 'test/partial.test-d.ts', 'test/run.test.ts'])
    expect(body.reasons['test/partial.test-d.ts']).toEqual([
      'src/compat/a.ts#a',
      'src/compat/index.ts',
      'src/toolkit.ts#compat',
      'src/toolkit.ts#Toolkit',
      'src/compat/partial.ts#Toolkit',
      'src/compat/partial.ts#partial',
      'test/partial.test-d.ts'
    ])
    // An interface runs nothing either, even in the signature of a function that runs.
    const options = await afterChange(files, {
      'src/toolkit.ts': (files['src/toolkit.ts'] as string).replace('strict: boolean', 'strict?: boolean')
    })
    expect(options.tests).toEqual(['test/partial.test-d.ts'])
    expect(options.notes.join('\n')).not.toContain('changed type(s) reach no test')
    const { 'test/partial.test-d.ts': _typeTest, ...runOnly } = files
    const alone = await afterChange(runOnly, {
      'src/toolkit.ts': (files['src/toolkit.ts'] as string).replace('strict: boolean', 'strict?: boolean')
    })
    expect(alone.tests).toEqual([])
    expect(alone.notes.join('\n')).toContain(
      '1 changed type(s) reach no test: TypeScript erases types from the code tests run, and no test that is type-checked reaches them (src/toolkit.ts#Options)'
    )
    // A type made a value runs.
    const madeValue = await afterChange(files, {
      'src/toolkit.ts': (files['src/toolkit.ts'] as string).replace(
        'export interface Options {\n  strict: boolean\n}',
        'export class Options {\n  strict = true\n}'
      )
    })
    expect(madeValue.tests).toEqual(['test/partial.test-d.ts', 'test/run.test.ts'])
  })

  it('takes a value import used in types alone for no load, unless code, a computed key or a JSX element uses it', async () => {
    const files = {
      'package.json': '{"name":"x","scripts":{"test":"vitest"}}\n',
      'src/schema.ts': [
        'export const schema = { parse: (value: unknown) => value }',
        "export const key = 'id'",
        'export function h(tag: string) {',
        '  return tag',
        '}',
        "console.log('schema loaded')",
        ''
      ].join('\n'),
      // `typeof` in a type alias, and an interface's member: what runs never reads them.
      'src/infer.ts': [
        "import { schema, h } from './schema'",
        'export type Input = ReturnType<typeof schema.parse>',
        'export interface Tagged { tag: typeof h }',
        'export function infer(input: Input): Input {',
        '  return input',
        '}',
        ''
      ].join('\n'),
      'src/used.ts': [
        "import { schema } from './schema'",
        'export type Input = typeof schema',
        'export const used = schema.parse(1)',
        ''
      ].join('\n'),
      'src/keyed.ts':
        "import { key } from './schema'\nexport type Keyed = { [key]: string }\nexport const keyed = 1\n",
      // A classic JSX transform calls h for each element.
      'src/view.tsx': [
        '/** @jsx h */',
        "import { h } from './schema'",
        'export type Factory = typeof h',
        'export const view = () => <div />',
        ''
      ].join('\n'),
      'test/infer.test.ts':
        "import { infer } from '../src/infer'\ntest('i', () => expect(infer(1)).toBe(1))\n",
      'test/used.test.ts': "import { used } from '../src/used'\ntest('u', () => expect(used).toBe(1))\n",
      'test/keyed.test.ts': "import { keyed } from '../src/keyed'\ntest('k', () => expect(keyed).toBe(1))\n",
      'test/view.test.ts':
        "import { view } from '../src/view'\ntest('v', () => expect(view()).toBeTruthy())\n"
    }
    const onLoad = {
      'src/schema.ts': (files['src/schema.ts'] as string).replace("'schema loaded'", "'loaded'")
    }
    const dropped = await afterChange(files, onLoad)
    expect(dropped.tests).toEqual(['test/keyed.test.ts', 'test/used.test.ts', 'test/view.test.ts'])
    const kept = await afterChange(
      { ...files, 'tsconfig.json': '{ "compilerOptions": { "verbatimModuleSyntax": true } }\n' },
      onLoad
    )
    expect(kept.tests).toEqual([
      'test/infer.test.ts',
      'test/keyed.test.ts',
      'test/used.test.ts',
      'test/view.test.ts'
    ])
    // What the alias's typeof names, changed, reaches no test that runs.
    const body = await afterChange(files, {
      'src/schema.ts': (files['src/schema.ts'] as string).replace('=> value', '=> value ?? 0')
    })
    expect(body.tests).toEqual(['test/used.test.ts'])
  })

  it('reads a class after a type alias that ends in type arguments as code, not as part of the type', async () => {
    const files = {
      'package.json': '{"name":"x","scripts":{"test":"vitest"}}\n',
      'src/gen.ts': [
        "import { Cli } from './cli'",
        'export type Options = { paths: string[] } & Pick<Cli, "dryRun">',
        'abstract class Generator {',
        '  run(): number {',
        '    return 1',
        '  }',
        '}',
        'export class Docs extends Generator {}',
        ''
      ].join('\n'),
      'src/cli.ts': 'export interface Cli {\n  dryRun: boolean\n}\n',
      'test/gen.test.ts':
        "import { Docs } from '../src/gen'\ntest('g', () => expect(new Docs().run()).toBe(1))\n"
    }
    const changed = await afterChange(files, {
      'src/gen.ts': (files['src/gen.ts'] as string).replace('return 1', 'return 2')
    })
    expect(changed.tests).toEqual(['test/gen.test.ts'])
    expect(changed.changedSymbols).toEqual([{ file: 'src/gen.ts', symbol: 'Generator.run' }])
  })

  it('keeps the value imports of types alone of a decorated module when a config emits decorator metadata', async () => {
    const files = {
      'package.json': '{"name":"x","scripts":{"test":"jest"}}\n',
      'src/options.ts': "export interface Options {\n  strict: boolean\n}\nconsole.log('options loaded')\n",
      'src/model.ts': [
        "import { Options } from './options'",
        "import { field } from './field'",
        'export class Model {',
        '  @field() options?: Options',
        '}',
        ''
      ].join('\n'),
      'src/field.ts': 'export const field = () => () => undefined\n',
      'src/plain.ts': "import { Options } from './options'\nexport const plain = (o: Options) => o.strict\n",
      'test/model.test.ts':
        "import { Model } from '../src/model'\ntest('m', () => expect(new Model()).toBeTruthy())\n",
      'test/plain.test.ts':
        "import { plain } from '../src/plain'\ntest('p', () => expect(plain({ strict: true })).toBe(true))\n"
    }
    const onLoad = {
      'src/options.ts': (files['src/options.ts'] as string).replace("'options loaded'", "'loaded'")
    }
    expect((await afterChange(files, onLoad)).tests).toEqual([])
    for (const [config, text] of [
      [
        'tsconfig.json',
        '{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true } }\n'
      ],
      ['.swcrc', '{ "jsc": { "transform": { "legacyDecorator": true, "decoratorMetadata": true } } }\n'],
      ['babel.config.json', '{ "plugins": ["babel-plugin-transform-typescript-metadata"] }\n']
    ] as const)
      expect((await afterChange({ ...files, [config]: text }, onLoad)).tests).toEqual(['test/model.test.ts'])
  })

  it('takes a value import of types alone for no load, as compilers drop it, unless a config keeps it', async () => {
    const files = {
      'package.json': '{"name":"x","scripts":{"test":"vitest"}}\n',
      'src/options.ts': [
        'export interface Options {',
        '  strict: boolean',
        '}',
        'export type Mode = "a" | "b"',
        'export const defaults: Options = { strict: true }',
        "console.log('options loaded')",
        ''
      ].join('\n'),
      'src/index.ts': "export * from './options'\n",
      // Types alone, one through the barrel: the compiled module imports neither.
      'src/run.ts': [
        "import { Options } from './options'",
        "import { Mode } from './index'",
        'export function run(options: Options, mode: Mode): string {',
        '  return mode',
        '}',
        ''
      ].join('\n'),
      // A value too: the import stays.
      'src/both.ts': [
        "import { Options, defaults } from './options'",
        'export function both(options: Options = defaults): boolean {',
        '  return options.strict',
        '}',
        ''
      ].join('\n'),
      // A type it exports again: babel keeps that import.
      'src/again.ts': "import { Options } from './options'\nexport { Options }\nexport const again = 1\n",
      'test/run.test.ts':
        "import { run } from '../src/run'\ntest('r', () => expect(run({ strict: true }, 'a')).toBe('a'))\n",
      'test/both.test.ts': "import { both } from '../src/both'\ntest('b', () => expect(both()).toBe(true))\n",
      'test/again.test.ts': "import { again } from '../src/again'\ntest('a', () => expect(again).toBe(1))\n"
    }
    const onLoad = {
      'src/options.ts': (files['src/options.ts'] as string).replace("'options loaded'", "'loaded'")
    }
    const dropped = await afterChange(files, onLoad)
    expect(dropped.tests).toEqual(['test/again.test.ts', 'test/both.test.ts'])
    // A config that keeps every value import: run.ts loads options.ts.
    for (const [config, text] of [
      ['tsconfig.json', '{ "compilerOptions": { "importsNotUsedAsValues": "preserve" } }\n'],
      [
        'babel.config.json',
        '{ "presets": [["@babel/preset-typescript", { "onlyRemoveTypeImports": true }]] }\n'
      ],
      ['packages/app/tsconfig.base.json', '{ "compilerOptions": { "verbatimModuleSyntax": true } }\n'],
      ['.swcrc', '{ "jsc": { "transform": { "verbatimModuleSyntax": true } } }\n'],
      [
        'vitest.config.ts',
        'export default { esbuild: { tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } } } }\n'
      ]
    ] as const) {
      const kept = await afterChange({ ...files, [config]: text }, onLoad)
      expect(kept.tests).toEqual(['test/again.test.ts', 'test/both.test.ts', 'test/run.test.ts'])
    }
    // A type made a value: run.ts's import takes a value now, and loads the module.
    const madeValue = await afterChange(files, {
      'src/options.ts': (files['src/options.ts'] as string).replace(
        'export type Mode = "a" | "b"',
        'export const Mode = "a"'
      )
    })
    expect(madeValue.tests).toEqual(['test/run.test.ts'])
    expect(madeValue.reasons['test/run.test.ts']).toEqual([
      'src/options.ts#Mode',
      'src/index.ts#Mode',
      'src/run.ts#Mode',
      'src/run.ts#run',
      'test/run.test.ts'
    ])
  })

  it('reads the tsconfig bases a config extends from node_modules or a generated folder, and keeps value imports when one is missing', async () => {
    const files = {
      'package.json': '{"name":"x","scripts":{"test":"vitest"}}\n',
      '.gitignore': 'node_modules\n.svelte-kit\n',
      'src/options.ts': "export interface Options {\n  strict: boolean\n}\nconsole.log('options loaded')\n",
      'src/run.ts':
        "import { Options } from './options'\nexport const run = (options: Options) => options.strict\n",
      'test/run.test.ts':
        "import { run } from '../src/run'\ntest('r', () => expect(run({ strict: true })).toBe(true))\n"
    }
    const onLoad = {
      'src/options.ts': (files['src/options.ts'] as string).replace("'options loaded'", "'loaded'")
    }
    /** The selection of `onLoad` with `config` committed and `installed` on disk only (ignored by git). */
    const selectWith = async (config: FileChanges, installed: FileChanges): Promise<SelectResult> => {
      const repo = createRepo({ files: { ...files, ...config } })
      for (const [path, text] of Object.entries(installed)) repo.write(path, text as string)
      const base = repo.head()
      repo.commit('change', onLoad)
      expect(repo.git('status', '--porcelain')).toBe('')
      return select(repo, base)
    }
    const vue = {
      'node_modules/@vue/tsconfig/package.json': JSON.stringify({
        name: '@vue/tsconfig',
        exports: { './tsconfig.json': './tsconfig.json', './tsconfig.dom.json': './tsconfig.dom.json' }
      }),
      // JSON with comments, as the package has it.
      'node_modules/@vue/tsconfig/tsconfig.dom.json': '{\n  // the DOM\n  "extends": "./tsconfig.json"\n}\n',
      'node_modules/@vue/tsconfig/tsconfig.json': '{ "compilerOptions": { "verbatimModuleSyntax": true } }\n'
    }
    const extendsVue = { 'tsconfig.json': '{ "extends": "@vue/tsconfig/tsconfig.dom.json" }\n' }
    // Installed, and it keeps value imports: run.ts loads options.ts.
    const kept = await selectWith(extendsVue, vue)
    expect(kept.tests).toEqual(['test/run.test.ts'])
    expect(kept.notes.join('\n')).not.toContain('nor installed')
    // Not installed: what it sets is not known, so the import counts as loading, and the notes say why.
    const missing = await selectWith(extendsVue, {})
    expect(missing.tests).toEqual(['test/run.test.ts'])
    expect(missing.notes.join('\n')).toContain(
      'tsconfig.json extends @vue/tsconfig/tsconfig.dom.json, which is neither in the repository nor installed: in the modules it compiles, an import that takes only types counts as loading its module'
    )
    // A base in the node_modules of a folder above the config's that keeps nothing: the import is dropped.
    const node = await selectWith(
      { 'packages/app/tsconfig.json': '{ "extends": "@tsconfig/node22/tsconfig.json" }\n' },
      {
        'node_modules/@tsconfig/node22/package.json': '{ "name": "@tsconfig/node22" }',
        'node_modules/@tsconfig/node22/tsconfig.json': '{ "compilerOptions": { "strict": true } }\n'
      }
    )
    expect(node.tests).toEqual([])
    expect(node.notes.join('\n')).not.toContain('nor installed')
    // A config generated into an ignored folder (SvelteKit's) is read from the work tree.
    const generated = { 'tsconfig.json': '{ "extends": "./.svelte-kit/tsconfig.json" }\n' }
    const svelte = await selectWith(generated, {
      '.svelte-kit/tsconfig.json': '{ "compilerOptions": { "verbatimModuleSyntax": true } }\n'
    })
    expect(svelte.tests).toEqual(['test/run.test.ts'])
    const svelteLoose = await selectWith(generated, {
      '.svelte-kit/tsconfig.json': '{ "compilerOptions": { "strict": true } }\n'
    })
    expect(svelteLoose.tests).toEqual([])
    // A base under a name of its own is read through the config that extends it.
    const named = await selectWith(
      {
        'tsconfig.json': '{ "extends": "./_tsconfig.base.json" }\n',
        '_tsconfig.base.json': '{ "compilerOptions": { "verbatimModuleSyntax": true } }\n'
      },
      {}
    )
    expect(named.tests).toEqual(['test/run.test.ts'])
    // A tsconfig.json keeps the imports of the modules of its folder alone (a docs site's, say)…
    const docs = {
      'docs/package.json': '{"name":"docs"}\n',
      'docs/tsconfig.json': '{ "extends": "astro/tsconfigs/strictest" }\n'
    }
    const docsOnly = await selectWith(docs, {})
    expect(docsOnly.tests).toEqual([])
    // The base it cannot read changes nothing here, so the notes do not mention it.
    expect(docsOnly.notes.join('\n')).not.toContain('nor installed')
    const hooks = await selectWith(
      { 'tools/hooks/tsconfig.json': '{ "compilerOptions": { "verbatimModuleSyntax": true } }\n' },
      {}
    )
    expect(hooks.tests).toEqual([])
    // A config under another name is one a tool is pointed at (ts-jest's `tsconfig`): it keeps
    // them in the whole package it is in.
    const pointed = await selectWith(
      { 'config/tsconfig.jest.json': '{ "compilerOptions": { "verbatimModuleSyntax": true } }\n' },
      {}
    )
    expect(pointed.tests).toEqual(['test/run.test.ts'])
    // … and of the modules its `include` takes outside its folder.
    const docsInclude = await selectWith(
      {
        ...docs,
        'docs/tsconfig.json':
          '{ "extends": "astro/tsconfigs/strictest", "include": ["src", "../src/**/*.ts"] }\n'
      },
      {}
    )
    expect(docsInclude.tests).toEqual(['test/run.test.ts'])
    expect(docsInclude.notes.join('\n')).toContain(
      'docs/tsconfig.json extends astro/tsconfigs/strictest, which is neither in the repository nor installed'
    )
  })

  it('keeps value imports everywhere when the tsconfig ts-jest is given keeps them, or cannot be read', async () => {
    const files = {
      'package.json': '{"name":"x","scripts":{"test":"jest"}}\n',
      'tsconfig.json': '{ "include": ["src"] }\n',
      'src/options.ts': "export interface Options {\n  strict: boolean\n}\nconsole.log('options loaded')\n",
      'src/run.ts':
        "import { Options } from './options'\nexport const run = (options: Options) => options.strict\n",
      'test/run.test.ts':
        "import { run } from '../src/run'\ntest('r', () => expect(run({ strict: true })).toBe(true))\n"
    }
    const onLoad = { 'src/options.ts': files['src/options.ts'].replace("'options loaded'", "'loaded'") }
    const jestConfig = (tsconfig: string): string =>
      `module.exports = { transform: { '^.+\\\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: '${tsconfig}' }] } }\n`
    const selectWith = (config: FileChanges): Promise<SelectResult> =>
      afterChange({ ...files, ...config }, onLoad)
    // Its folder holds no module, but ts-jest compiles them all with it.
    const verbatim = '{ "compilerOptions": { "verbatimModuleSyntax": true } }\n'
    const kept = await selectWith({
      'jest.config.js': jestConfig('<rootDir>/config/tsconfig.json'),
      'config/tsconfig.json': verbatim
    })
    expect(kept.tests).toEqual(['test/run.test.ts'])
    const dropped = await selectWith({
      'jest.config.js': jestConfig('<rootDir>/config/tsconfig.json'),
      'config/tsconfig.json': '{ "compilerOptions": { "strict": true } }\n'
    })
    expect(dropped.tests).toEqual([])
    // A package's config names its tsconfig from its own folder.
    const inPackage = await selectWith({
      'packages/a/package.json': '{"name":"a","scripts":{"test":"jest"}}\n',
      'packages/a/jest.config.js': jestConfig('tsconfig.spec.json'),
      'packages/a/tsconfig.spec.json': verbatim,
      'packages/a/src/a.ts':
        "import { Options } from '../../../src/options'\nexport const a = (o: Options) => o\n",
      'packages/a/test/a.test.ts':
        "import { a } from '../src/a'\ntest('a', () => expect(a({ strict: true })).toBeTruthy())\n"
    })
    expect(inPackage.tests).toEqual(['packages/a/test/a.test.ts', 'test/run.test.ts'])
    // One that is not there may set anything: the imports count as loading, and the notes say why.
    const unread = await selectWith({ 'jest.config.js': jestConfig('<rootDir>/config/tsconfig.json') })
    expect(unread.tests).toEqual(['test/run.test.ts'])
    expect(unread.notes.join('\n')).toContain(
      "ts-jest's tsconfig config/tsconfig.json, which is neither in the repository nor installed"
    )
  })

  it('does not run everything when only package metadata changed', async () => {
    const files = {
      ...LIB,
      'package.json': JSON.stringify({ name: 'x', version: '1.0.0', scripts: { build: 'tsc', test: 'jest' } })
    }
    const metadata = await afterChange(files, {
      'package.json': JSON.stringify({
        name: 'x',
        version: '1.1.0',
        description: 'd',
        scripts: { build: 'tsc -p .', test: 'jest' }
      })
    })
    expect(metadata.mode).toBe('none')
    expect(metadata.notes.join('\n')).toContain(
      'package.json: only package metadata changed (version, scripts, description)'
    )
    const testScript = await afterChange(files, {
      'package.json': JSON.stringify({
        name: 'x',
        version: '1.0.0',
        scripts: { build: 'tsc', test: 'jest --ci' }
      })
    })
    expect(testScript.mode).toBe('all')
  })

  it('limits a workspace package manifest change to that package', async () => {
    const result = await afterChange(
      {
        'package.json': JSON.stringify({ workspaces: ['packages/*'] }),
        'packages/a/package.json': '{"name":"a"}\n',
        'packages/a/src/x.test.ts': "test('x', () => expect(1).toBe(1))\n",
        'packages/b/package.json': '{"name":"b"}\n',
        'packages/b/src/y.test.ts': "test('y', () => expect(1).toBe(1))\n"
      },
      { 'packages/a/package.json': '{"name":"a","dependencies":{"left-pad":"1"}}\n' }
    )
    expect(result.mode).toBe('selected')
    expect(result.tests).toEqual(['packages/a/src/x.test.ts'])
    expect(result.reasons['packages/a/src/x.test.ts']?.[0]).toMatch(
      /dependency manifest changed; all tests of packages\/a/
    )
  })

  it('honours run-all-on and always-run globs and the ci-medic: run-all commit line', async () => {
    const runAllOn = await afterChange(
      { ...LIB, 'migrations/001.sql': 'x\n' },
      { 'migrations/001.sql': 'y\n' },
      'change',
      { runAllOn: ['migrations/**'] }
    )
    expect(runAllOn.mode).toBe('all')
    expect(runAllOn.fallback).toMatch(/matches run-all-on/)
    const always = await afterChange(
      LIB,
      { 'src/math.ts': LIB['src/math.ts'].replace('a * b', 'b * a') },
      'change',
      { alwaysRun: ['test/shout*'] }
    )
    expect(always.tests).toEqual(['test/all.test.ts', 'test/mul.test.ts', 'test/shout.test.ts'])
    expect(always.reasons['test/shout.test.ts']).toEqual(['always-run', 'test/shout.test.ts'])
    const message = await afterChange(LIB, { 'README.md': 'x\n' }, 'docs only\n\nci-medic: run-all\n')
    expect(message.mode).toBe('all')
    expect(message.fallback).toMatch(/ci-medic: run-all/)
    // The line in an earlier commit of the range, and in none.
    const repo = createRepo({ files: LIB })
    const base = repo.head()
    repo.commit('docs\n\nci-medic: run-all\n', { 'README.md': 'x\n' })
    repo.commit('more docs', { 'README.md': 'y\n' })
    expect((await select(repo, base)).mode).toBe('all')
    expect((await select(repo, 'HEAD~1')).mode).toBe('none')
  })

  it('fails open when selection cannot decide', async () => {
    const repo = createRepo({ files: LIB })
    const result = await select(repo, 'does-not-exist')
    expect(result.mode).toBe('all')
    expect(result.fallback).toMatch(/base revision does-not-exist is not in the repository/)
    expect(result.tests).toHaveLength(5)
    const broken = await selectTests({
      git: new Git(join(repo.dir, 'nope')),
      base: 'HEAD',
      head: 'HEAD',
      log: quiet
    })
    expect(broken.mode).toBe('all')
    expect(broken.fallback).toMatch(/selection failed, running every test/)
  })
})

describe('Python and Go', () => {
  it('selects pytest files through imports and conftest.py', async () => {
    const files = {
      'src/shop/__init__.py': '',
      'src/shop/cart.py':
        'from .prices import price\n\ndef total(items):\n    return sum(price(i) for i in items)\n\ndef empty():\n    return []\n',
      'src/shop/prices.py': 'def price(item):\n    return 1\n',
      'tests/conftest.py': 'import pytest\n\n@pytest.fixture\ndef cart():\n    return []\n',
      'tests/test_cart.py': 'from shop.cart import total\n\ndef test_total():\n    assert total([1]) == 1\n',
      'tests/test_empty.py': 'from shop.cart import empty\n\ndef test_empty():\n    assert empty() == []\n',
      'other/test_other.py': 'def test_other():\n    assert True\n'
    }
    const price = await afterChange(files, { 'src/shop/prices.py': 'def price(item):\n    return 2\n' })
    expect(price.tests).toEqual(['tests/test_cart.py'])
    const comment = await afterChange(files, {
      'src/shop/prices.py': '# prices\ndef price(item):\n    return 1  # one\n'
    })
    expect(comment.mode).toBe('none')
    // Spaces inside a string are content, not formatting.
    const spaced = await afterChange(
      { ...files, 'src/shop/prices.py': "def price(item):\n    return len('a b')\n" },
      { 'src/shop/prices.py': "def price(item):\n    return len('a  b')\n" }
    )
    expect(spaced.tests).toEqual(['tests/test_cart.py'])
    const conftest = await afterChange(files, {
      'tests/conftest.py': files['tests/conftest.py'].replace('return []', 'return [0]')
    })
    expect(conftest.tests).toEqual(['tests/test_cart.py', 'tests/test_empty.py'])
    // Its fixtures are gone: every test under it is affected.
    const deleted = await afterChange(files, { 'tests/conftest.py': null })
    expect(deleted.tests).toEqual(['tests/test_cart.py', 'tests/test_empty.py'])
  })

  it('leaves out what conftest.py leaves out of collection (collect_ignore), unless only under a condition', async () => {
    const test = 'from shop.cart import total\n\ndef test_total():\n    assert total([1]) == 1\n'
    const files = {
      'src/shop/__init__.py': '',
      'src/shop/cart.py': 'def total(items):\n    return len(items)\n',
      'conftest.py': [
        'import sys',
        "collect_ignore = ['tests/test_legacy.py']",
        'collect_ignore_glob = [',
        "    '*_py2.py',",
        ']',
        'if sys.version_info < (3,):',
        "    collect_ignore.append('tests/test_new.py')",
        ''
      ].join('\n'),
      'tests/test_cart.py': test,
      'tests/test_legacy.py': test,
      'tests/test_cart_py2.py': test,
      'tests/test_new.py': test
    }
    // pytest collects exactly these (checked with pytest 9): given on its command line, the others
    // would be collected anyway, and fail if they could not be.
    const changed = await afterChange(files, {
      'src/shop/cart.py': 'def total(items):\n    return len(items) + 0\n'
    })
    expect(changed.tests).toEqual(['tests/test_cart.py', 'tests/test_new.py'])
  })

  it('selects the Go test files of the changed package and of packages importing it', async () => {
    const files = {
      'go.mod': 'module example.com/shop\n\ngo 1.21\n',
      'cart/cart.go':
        'package cart\n\nimport "example.com/shop/money"\n\nfunc Total(n int) int { return money.Cents(n) }\n',
      'cart/cart_test.go': 'package cart\n\nimport "testing"\n\nfunc TestTotal(t *testing.T) {}\n',
      'money/money.go': 'package money\n\n// Cents converts.\nfunc Cents(n int) int { return n * 100 }\n',
      'money/money_test.go': 'package money\n\nimport "testing"\n\nfunc TestCents(t *testing.T) {}\n',
      'other/other_test.go': 'package other\n\nimport "testing"\n\nfunc TestOther(t *testing.T) {}\n'
    }
    const result = await afterChange(files, {
      'money/money.go': files['money/money.go'].replace('n * 100', 'n * 10')
    })
    expect(result.tests).toEqual(['cart/cart_test.go', 'money/money_test.go'])
    expect(result.changed).toEqual([{ file: 'money/money.go', symbols: ['Cents'] }])
    const comment = await afterChange(files, {
      'money/money.go': files['money/money.go'].replace('// Cents converts.', '// Cents converts dollars.')
    })
    expect(comment.mode).toBe('none')
  })

  it('follows Go imports into vendored packages, and runs everything when vendor/modules.txt changes', async () => {
    const files = {
      'go.mod': 'module example.com/shop\n\ngo 1.21\n',
      'vendor/modules.txt': '# github.com/acme/fmtx v1.0.0\n## explicit\ngithub.com/acme/fmtx\n',
      'vendor/github.com/acme/fmtx/fmtx.go': 'package fmtx\n\nfunc Pad(s string) string { return " " + s }\n',
      'label/label.go':
        'package label\n\nimport "github.com/acme/fmtx"\n\nfunc Of(s string) string { return fmtx.Pad(s) }\n',
      'label/label_test.go': 'package label\n\nimport "testing"\n\nfunc TestOf(t *testing.T) {}\n',
      'other/other_test.go': 'package other\n\nimport "testing"\n\nfunc TestOther(t *testing.T) {}\n'
    }
    const patched = await afterChange(files, {
      'vendor/github.com/acme/fmtx/fmtx.go': files['vendor/github.com/acme/fmtx/fmtx.go'].replace(
        '" "',
        '"  "'
      )
    })
    expect(patched.tests).toEqual(['label/label_test.go'])
    const bumped = await afterChange(files, {
      'vendor/modules.txt': files['vendor/modules.txt'].replace('v1.0.0', 'v1.0.1')
    })
    expect(bumped.mode).toBe('all')
  })
})

/**
 * The test files of the Go packages that `go test` fails in `dir` (module example.com/site): from
 * one `go test ./...`, or package by package when it stops before testing (a package that does not
 * load stops them all).
 */
function failingGoTests(dir: string): string[] {
  const env = { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOWORK: 'off' }
  const goTest = (pkg: string): { status: number | null; output: string } => {
    const run = spawnSync('go', ['test', '-count=1', pkg], { cwd: dir, encoding: 'utf8', env })
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` }
  }
  const tests = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(file =>
    file.endsWith('_test.go')
  )
  const all = goTest('./...')
  if (all.status === 0) return []
  const failing = [...all.output.matchAll(/^FAIL\s+example\.com\/site\/(\S+)/gm)].map(m => m[1] as string)
  const packages = failing.length ? failing : [...new Set(tests.map(test => dirname(test)))]
  const failed = packages.filter(pkg => goTest(`./${pkg}`).status !== 0)
  expect(failed.length).toBeGreaterThan(0)
  return tests.filter(test => failed.includes(dirname(test))).sort()
}

describe('Go packages: embedded files, directives, cgo and assembly sources', () => {
  const SITE = {
    'go.mod': 'module example.com/site\n\ngo 1.19\n',
    'hello/hello.go': [
      '//go:build !never',
      '',
      'package hello',
      '',
      'import (',
      '\t"embed"',
      '\t"path"',
      ')',
      '',
      '// greeting is the text of greeting.txt.',
      '//go:embed greeting.txt',
      'var greeting string',
      '',
      '//go:embed static',
      'var static embed.FS',
      '',
      '// Greeting says hello.',
      'func Greeting() string { return greeting }',
      '',
      'func Page(name string) string {',
      '\tb, _ := static.ReadFile(path.Join("static", name))',
      '\treturn string(b)',
      '}',
      ''
    ].join('\n'),
    'hello/greeting.txt': 'hello',
    'hello/static/index.html': '<p>hi</p>',
    'hello/static/_draft.html': 'draft',
    'hello/hello_test.go': [
      'package hello',
      '',
      'import "testing"',
      '',
      'func TestGreeting(t *testing.T) {',
      '\tif Greeting() != "hello" {',
      '\t\tt.Fatal(Greeting())',
      '\t}',
      '}',
      '',
      'func TestPage(t *testing.T) {',
      '\tif Page("index.html") != "<p>hi</p>" {',
      '\t\tt.Fatal(Page("index.html"))',
      '\t}',
      '}',
      ''
    ].join('\n'),
    'app/app.go':
      'package app\n\nimport "example.com/site/hello"\n\nfunc Banner() string { return "[" + hello.Greeting() + "]" }\n',
    'app/app_test.go':
      'package app\n\nimport "testing"\n\nfunc TestBanner(t *testing.T) {\n\tif Banner() != "[hello]" {\n\t\tt.Fatal(Banner())\n\t}\n}\n',
    'other/other.go': 'package other\n\nfunc One() int { return 1 }\n',
    'other/other_test.go':
      'package other\n\nimport "testing"\n\nfunc TestOne(t *testing.T) {\n\tif One() != 1 {\n\t\tt.Fatal()\n\t}\n}\n'
  }

  /** Selects for `change` and checks it against what `go test ./...` fails at the new head. */
  async function goChange(change: FileChanges): Promise<SelectResult> {
    const repo = createRepo({ files: SITE })
    const base = repo.head()
    expect(failingGoTests(repo.dir)).toEqual([])
    repo.commit('change', change)
    const result = await select(repo, base)
    const failing = failingGoTests(repo.dir)
    expect(result.tests).toEqual(expect.arrayContaining(failing))
    return result
  }

  it('follows an import into a nested module that does not sit where its path says', async () => {
    const files = {
      'go.mod':
        'module example.com/site\n\ngo 1.19\n\nrequire example.com/site/util v0.0.0\n\nreplace example.com/site/util => ./libs/util\n',
      'libs/util/go.mod': 'module example.com/site/util\n\ngo 1.19\n',
      'libs/util/util.go': 'package util\n\nfunc Twice(n int) int { return n * 2 }\n',
      'app/app.go':
        'package app\n\nimport "example.com/site/util"\n\nfunc Four() int { return util.Twice(2) }\n',
      'app/app_test.go':
        'package app\n\nimport "testing"\n\nfunc TestFour(t *testing.T) {\n\tif Four() != 4 {\n\t\tt.Fatal(Four())\n\t}\n}\n'
    }
    const repo = createRepo({ files })
    const base = repo.head()
    expect(failingGoTests(repo.dir)).toEqual([])
    repo.commit('change', { 'libs/util/util.go': files['libs/util/util.go'].replace('n * 2', 'n * 3') })
    expect(failingGoTests(repo.dir)).toEqual(['app/app_test.go'])
    expect((await select(repo, base)).tests).toEqual(['app/app_test.go'])
  })

  it('selects the packages that embed a changed file, as go test fails them', async () => {
    const text = await goChange({ 'hello/greeting.txt': 'howdy' })
    expect(text.tests).toEqual(['app/app_test.go', 'hello/hello_test.go'])
    expect(text.reasons['app/app_test.go']?.[0]).toBe('hello/greeting.txt')
    const page = await goChange({ 'hello/static/index.html': '<p>bye</p>' })
    expect(page.tests).toEqual(['app/app_test.go', 'hello/hello_test.go'])
    const gone = await goChange({ 'hello/greeting.txt': null })
    expect(gone.tests).toEqual(['app/app_test.go', 'hello/hello_test.go'])
  })

  it('leaves out what a folder pattern does not embed (names starting with _ or .), unless all:', async () => {
    const draft = await goChange({ 'hello/static/_draft.html': 'draft 2' })
    expect(draft.mode).toBe('none')
    const all = await goChange({
      'hello/hello.go': SITE['hello/hello.go'].replace('//go:embed static', '//go:embed all:static'),
      'hello/static/_draft.html': 'draft 2'
    })
    expect(all.tests).toEqual(['app/app_test.go', 'hello/hello_test.go'])
  })

  it('reads //go:embed and //go:build lines as code, not comments', async () => {
    const embed = await goChange({
      'hello/hello.go': SITE['hello/hello.go'].replace(
        '//go:embed greeting.txt',
        '//go:embed static/index.html'
      )
    })
    expect(embed.changed).toEqual([{ file: 'hello/hello.go', symbols: ['greeting'] }])
    expect(embed.tests).toEqual(['app/app_test.go', 'hello/hello_test.go'])
    const build = await goChange({
      'hello/hello.go': SITE['hello/hello.go'].replace('//go:build !never', '//go:build never')
    })
    expect(build.changed).toEqual([{ file: 'hello/hello.go', symbols: ['<module>'] }])
    expect(build.tests).toEqual(['app/app_test.go', 'hello/hello_test.go'])
    const comment = await goChange({
      'hello/hello.go': SITE['hello/hello.go'].replace('// Greeting says hello.', '// Greeting says hi.')
    })
    expect(comment.mode).toBe('none')
  })

  it('selects a package for its C and assembly files and for its cgo preamble', async () => {
    const files = {
      'go.mod': 'module example.com/site\n\ngo 1.19\n',
      'native/add.go':
        'package native\n\n// #include "add.h"\nimport "C"\n\n// Add adds.\nfunc Add(a, b int) int { return int(C.add(C.int(a), C.int(b))) }\n',
      'native/add.h': 'int add(int a, int b);\n',
      'native/add.c': 'int add(int a, int b) { return a + b; }\n',
      'native/add_test.go': 'package native\n\nimport "testing"\n\nfunc TestAdd(t *testing.T) {}\n',
      'fast/sum.go': 'package fast\n\nfunc Sum(xs []int) int\n',
      'fast/sum_amd64.s': '// sum\n',
      'fast/sum_test.go': 'package fast\n\nimport "testing"\n\nfunc TestSum(t *testing.T) {}\n',
      'docs/add.c': 'int unused;\n'
    }
    const c = await afterChange(files, { 'native/add.c': 'int add(int a, int b) { return a - b; }\n' })
    expect(c.tests).toEqual(['native/add_test.go'])
    expect(c.reasons['native/add_test.go']?.[0]).toBe('native/add.c')
    const asm = await afterChange(files, { 'fast/sum_amd64.s': '// sum, faster\n' })
    expect(asm.tests).toEqual(['fast/sum_test.go'])
    const preamble = await afterChange(files, {
      'native/add.go': files['native/add.go'].replace(
        '#include "add.h"',
        '#include "add.h"\n// #cgo CFLAGS: -O2'
      )
    })
    expect(preamble.tests).toEqual(['native/add_test.go'])
    const elsewhere = await afterChange(files, { 'docs/add.c': 'int unused2;\n' })
    expect(elsewhere.mode).toBe('none')
  })
})

/** The test files `python3 -m pytest` fails in `dir` (none when every test passes). */
function failingPythonTests(dir: string): string[] {
  const run = spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-rfE'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }
  })
  const failing = [...run.stdout.matchAll(/^(?:FAILED|ERROR) ([^\s:]+\.py)/gm)].map(m => m[1] as string)
  expect({ failed: run.status !== 0, output: run.stdout }).toEqual({
    failed: failing.length > 0,
    output: expect.any(String)
  })
  return [...new Set(failing)].sort()
}

/**
 * Selects for `change` on a repository at `files` (whose tests all pass), and checks that pytest
 * fails some test file after it and that the selection holds every one.
 */
async function selectCheckedByPytest(files: FileChanges, change: FileChanges): Promise<SelectResult> {
  const repo = createRepo({ files })
  const base = repo.head()
  expect(failingPythonTests(repo.dir)).toEqual([])
  repo.commit('change', change)
  const result = await select(repo, base)
  const failing = failingPythonTests(repo.dir)
  expect(failing.length).toBeGreaterThan(0)
  expect(result.tests).toEqual(expect.arrayContaining(failing))
  return result
}

describe("pytest's configuration says which modules are tests", () => {
  // Django's layout: `tests.py` in each app. A data folder and a script outside `testpaths` hold
  // modules named like tests that the suite never collects (each would fail if run).
  const APP = {
    'pytest.ini': '[pytest]\npython_files = tests.py test_*.py\nnorecursedirs = .* data\ntestpaths = shop\n',
    'shop/__init__.py': '',
    'shop/models.py': 'def price(x):\n    return x * 2\n',
    'shop/tests.py': 'from shop.models import price\n\n\ndef test_price():\n    assert price(2) == 4\n',
    'shop/data/test_sample.py':
      'from shop.models import price\n\n\ndef test_sample():\n    assert price(2) == 5\n',
    'scripts/test_tool.py': 'from shop.models import price\n\n\ndef test_tool():\n    assert price(1) == 3\n'
  }

  it('selects a module python_files names, and none that testpaths or norecursedirs leave out', async () => {
    await expectEdits(APP, [['shop/models.py', 'x * 2', 'x * 3', ['shop/tests.py']]], selectCheckedByPytest)
  })
})

describe('Python modules read by attribute', () => {
  const SHOP = {
    'pyproject.toml': '[tool.pytest.ini_options]\npythonpath = ["src"]\n',
    'src/shop/__init__.py': 'from .cart import total\nfrom .prices import price\n',
    'src/shop/cart.py':
      'from .prices import price\n\n\ndef total(items):\n    return sum(price(i) for i in items)\n',
    'src/shop/prices.py':
      'def price(item):\n    return 1\n\n\ndef label(item):\n    return f"{item}: {price(item)!s:>1}"\n',
    'src/shop/report.py': 'def line(item):\n    return "item"\n',
    'tests/test_total.py': 'import shop\n\n\ndef test_total():\n    assert shop.total([1]) == 1\n',
    'tests/test_label.py':
      'import shop\nimport shop.prices\n\n\ndef test_label():\n    assert shop.prices.label("a") == "a: 1"\n',
    'tests/test_report.py':
      'import shop.report as report\n\n\ndef test_line():\n    assert report.line(1) == "item"\n',
    'tests/test_bare.py': 'import shop\n\n\ndef test_bare():\n    assert getattr(shop, "total")([1]) == 1\n',
    'tests/test_plain.py': 'import shop\n\n\ndef test_plain():\n    assert True\n',
    'tests/test_format.py':
      'from shop.prices import label\n\n\ndef test_format():\n    assert label("b") == "b: 1"\n'
  }

  it('takes from `import pkg` only the attributes a test reads, and follows names in f-strings', async () => {
    const edits: Edit[] = [
      // label reads price only in an f-string's field.
      ['src/shop/prices.py', 'return 1', 'return 2', [
        'tests/test_bare.py', 'tests/test_format.py', 'tests/test_label.py', 'tests/test_total.py'
      ]],
      ['src/shop/cart.py', 'for i in items)', 'for i in items) * 2', ['tests/test_bare.py', 'tests/test_total.py']],
      // Only test_report loads the submodule the package does not import.
      ['src/shop/report.py', '"item"', '"thing"', ['tests/test_report.py']],
      // The package's own code runs for every test that imports it.
      ['src/shop/__init__.py', 'from .prices import price\n', 'from .prices import price\n\nassert False\n', [
        'tests/test_bare.py', 'tests/test_format.py', 'tests/test_label.py', 'tests/test_plain.py',
        'tests/test_report.py', 'tests/test_total.py'
      ]]
    ] // prettier-ignore
    await expectEdits(SHOP, edits, selectCheckedByPytest)
  })
})

describe('Python imports in functions and blocks, and attributes of imported modules', () => {
  const KIT = {
    'pyproject.toml': '[tool.pytest.ini_options]\npythonpath = ["src"]\n',
    'src/kit/__init__.py': [
      'from .core import run',
      '',
      '',
      'def __getattr__(name):',
      '    if name == "legacy":',
      '        from .compat import legacy',
      '',
      '        return legacy',
      '    raise AttributeError(name)',
      ''
    ].join('\n'),
    'src/kit/compat.py': 'def legacy():\n    return "old"\n',
    'src/kit/core.py': [
      'from __future__ import annotations',
      '',
      'import typing as t',
      '',
      'from . import text',
      '',
      'if t.TYPE_CHECKING:',
      '    from .config import Config',
      '',
      '',
      'def run(config: Config | None = None):',
      '    return text.upper("run")',
      '',
      '',
      'def describe():',
      '    return text.lower("ABC")',
      ''
    ].join('\n'),
    'src/kit/config.py': 'class Config:\n    debug = False\n\n\ndef load():\n    return Config()\n',
    'src/kit/text.py': 'def upper(s):\n    return s.upper()\n\n\ndef lower(s):\n    return s.lower()\n',
    'src/kit/speed.py': [
      'try:',
      '    from ._fast import rate',
      'except ImportError:',
      '    from ._slow import rate',
      '',
      'from .limits import FACTOR',
      '',
      '',
      'def pace(factor=FACTOR):',
      '    return rate() * factor',
      ''
    ].join('\n'),
    'src/kit/limits.py': 'FACTOR = 2\n',
    'src/kit/shapes.py': [
      'from . import text',
      '',
      '',
      'class Box:',
      '    label = text.upper("box")',
      '',
      '    def describe(self):',
      '        return text.lower("BOX")',
      '',
      '',
      'def area():',
      '    return 4',
      ''
    ].join('\n'),
    'tests/test_shapes.py': 'from kit.shapes import area\n\n\ndef test_area():\n    assert area() == 4\n',
    'src/kit/_fast.py': 'def rate():\n    return 3\n',
    'src/kit/_slow.py': 'def rate():\n    return 1\n',
    'src/kit/keys.py': [
      'def read_key():',
      '    from ._keys import getchar as f',
      '',
      '    return f()',
      '',
      '',
      'def raw():',
      '    from ._keys import raw_mode as f',
      '',
      '    return f()',
      ''
    ].join('\n'),
    'src/kit/_keys.py': [
      'def getchar():',
      '    return "k"',
      '',
      '',
      'def raw_mode():',
      '    return "raw"',
      ''
    ].join('\n'),
    'tests/test_key.py': 'from kit.keys import read_key\n\n\ndef test_key():\n    assert read_key() == "k"\n',
    'tests/test_raw.py': 'from kit.keys import raw\n\n\ndef test_raw():\n    assert raw() == "raw"\n',
    'tests/test_run.py': 'from kit import run\n\n\ndef test_run():\n    assert run() == "RUN"\n',
    'tests/test_legacy.py': 'import kit\n\n\ndef test_legacy():\n    assert kit.legacy() == "old"\n',
    'tests/test_describe.py':
      'from kit.core import describe\n\n\ndef test_describe():\n    assert describe() == "abc"\n',
    'tests/test_config.py':
      'from kit.config import load\n\n\ndef test_config():\n    assert load().debug is False\n',
    'tests/test_pace.py': 'from kit.speed import pace\n\n\ndef test_pace():\n    assert pace() == 6\n'
  }

  it('follows what a function imports only from that function, and `mod.name` to the name', async () => {
    const edits: Edit[] = [
      // Imported in the package's __getattr__, which only a name the package lacks calls.
      ['src/kit/compat.py', '"old"', '"older"', ['tests/test_legacy.py']],
      // `from . import text` and `text.upper(...)`: upper, not all of text.
      ['src/kit/text.py', 's.upper()', 's.lower()', ['tests/test_legacy.py', 'tests/test_run.py', 'tests/test_shapes.py']],
      // A class body runs on load; its methods' bodies do not.
      ['src/kit/text.py', 's.lower()', 's.upper()', ['tests/test_describe.py']],
      // Imported only for type checking: `Config`, not all of config.
      ['src/kit/config.py', 'return Config()', 'return None', ['tests/test_config.py']],
      // Bound by either of two imports: a change to either reaches the code that uses the name.
      ['src/kit/_fast.py', 'return 3', 'return 4', ['tests/test_pace.py']],
      // A default value is the function's, read when the module loads.
      ['src/kit/limits.py', '2', '3', ['tests/test_pace.py']],
      // Two functions import different names as `f`: each its own.
      ['src/kit/_keys.py', '"k"', '"K"', ['tests/test_key.py']]
    ] // prettier-ignore
    await expectEdits(KIT, edits, selectCheckedByPytest)
  })
})

describe('Python star imports', () => {
  const LIB = {
    'pyproject.toml': '[tool.pytest.ini_options]\npythonpath = ["src"]\n',
    'src/lib/__init__.py': [
      'from .items import *',
      'from .maps import *',
      'from . import extra',
      '',
      'other = extra.other',
      '',
      '',
      'def both(x):',
      '    return pair(x)',
      '',
      '',
      'def __getattr__(name):',
      '    if name == "late":',
      '        from .extra import late',
      '',
      '        return late',
      '    raise AttributeError(name)',
      '',
      '',
      'del extra',
      ''
    ].join('\n'),
    'src/lib/items.py': 'def first(xs):\n    return xs[0]\n\n\ndef pair(x):\n    return (x, x)\n',
    'src/lib/maps.py': 'def keys(d):\n    return sorted(d)\n',
    'src/lib/extra.py': 'def late():\n    return "late"\n\n\ndef other():\n    return "other"\n',
    'tests/test_first.py': 'from lib import first\n\n\ndef test_first():\n    assert first([1, 2]) == 1\n',
    'tests/test_keys.py':
      'from lib import keys\n\n\ndef test_keys():\n    assert keys({"b": 1, "a": 2}) == ["a", "b"]\n',
    'tests/test_both.py': 'from lib import both\n\n\ndef test_both():\n    assert both(1) == (1, 1)\n',
    'tests/test_late.py': 'import lib\n\n\ndef test_late():\n    assert lib.late() == "late"\n'
  }

  it('takes a name from the module `import *` took it from, and the rest of the package only when no module has it', async () => {
    const edits: Edit[] = [
      ['src/lib/items.py', 'xs[0]', 'xs[-1]', ['tests/test_first.py', 'tests/test_late.py']],
      ['src/lib/maps.py', 'sorted(d)', 'list(d)', ['tests/test_keys.py', 'tests/test_late.py']],
      // The package's own code that uses a name `import *` took. (test_late reads a name no module
      // has: see below.)
      ['src/lib/items.py', '(x, x)', '(x, 0)', ['tests/test_both.py', 'tests/test_late.py']],
      // A name no module has is the package's __getattr__'s, with all the package has; `del extra`
      // does not use all of extra.
      ['src/lib/extra.py', '"late"', '"later"', ['tests/test_late.py']]
    ] // prettier-ignore
    await expectEdits(LIB, edits, selectCheckedByPytest)
  })
})

describe('Python code run on load', () => {
  const APP = {
    'pyproject.toml': '[tool.pytest.ini_options]\npythonpath = ["src"]\n',
    'src/app/__init__.py': '',
    'src/app/registry.py': [
      'ROUTES = {}',
      '',
      '',
      'def route(path):',
      '    if not path.startswith("/"):',
      '        raise ValueError(path)',
      '',
      '    def register(fn):',
      '        ROUTES[path] = fn',
      '        return fn',
      '',
      '    return register',
      '',
      '',
      'def scale(n):',
      '    if n > 10:',
      '        raise ValueError(n)',
      '    return n',
      ''
    ].join('\n'),
    'src/app/views.py': [
      'from .registry import route, scale',
      '',
      'LIMIT = scale(3)',
      'NAME = "views"',
      '',
      '',
      '@route("/home")',
      'def home():',
      '    return "home"',
      '',
      '',
      'def about():',
      '    return NAME',
      '',
      '',
      'class Page:',
      '    size = scale(2)',
      ''
    ].join('\n'),
    'tests/test_home.py': 'from app.views import home\n\n\ndef test_home():\n    assert home() == "home"\n',
    'tests/test_about.py':
      'from app.views import about\n\n\ndef test_about():\n    assert about() == "views"\n',
    'tests/test_limit.py': 'from app.views import LIMIT\n\n\ndef test_limit():\n    assert LIMIT == 3\n'
  }
  const EVERY = ['tests/test_about.py', 'tests/test_home.py', 'tests/test_limit.py']

  it('runs every loader when a value, decorator or class attribute that runs on load changes, and only the users of an inert one', async () => {
    const edits: Edit[] = [
      // Each of these raises as views.py loads: every test that imports it fails.
      ['src/app/views.py', 'LIMIT = scale(3)', 'LIMIT = scale(30)', EVERY],
      ['src/app/views.py', '@route("/home")', '@route("home")', EVERY],
      ['src/app/views.py', 'size = scale(2)', 'size = scale(20)', EVERY],
      // A literal runs nothing on load: only what reads the name.
      ['src/app/views.py', 'NAME = "views"', 'NAME = "view"', ['tests/test_about.py']]
    ] // prettier-ignore
    await expectEdits(APP, edits, selectCheckedByPytest)
  })
})

describe('Python modules named in strings', () => {
  const SHOP = {
    'conftest.py': 'pytest_plugins = [\n    "tests.plugins.db",\n]\n',
    'tests/__init__.py': '',
    'tests/plugins/__init__.py': '',
    'tests/plugins/db.py': 'import pytest\n\n\n@pytest.fixture\ndef db():\n    return {"rows": 1}\n',
    'tests/test_rows.py': 'def test_rows(db):\n    assert db["rows"] == 1\n',
    'shop/__init__.py': '',
    'shop/loader.py':
      'import importlib\n\n\ndef load(name):\n    return importlib.import_module("shop.plugins." + name)\n\n\ndef price():\n    return importlib.import_module("shop.pricing").PRICE\n',
    'shop/plugins/__init__.py': '',
    'shop/pricing.py': 'PRICE = 3\n',
    'tests/test_price.py': 'from shop.loader import price\n\n\ndef test_price():\n    assert price() == 3\n',
    'tests/test_plain.py': 'def test_plain():\n    assert 1 + 1 == 2\n'
  }

  const pyChange = (change: FileChanges): Promise<SelectResult> => selectCheckedByPytest(SHOP, change)

  it('follows pytest_plugins from a conftest.py to the plugin module, as pytest loads it', async () => {
    const result = await pyChange({ 'tests/plugins/db.py': SHOP['tests/plugins/db.py'].replace('1}', '2}') })
    // A plugin's fixtures are available to every test the conftest.py covers.
    expect(result.tests).toEqual(['tests/test_plain.py', 'tests/test_price.py', 'tests/test_rows.py'])
    expect(result.reasons['tests/test_rows.py']).toEqual([
      'tests/plugins/db.py#db',
      'conftest.py',
      'tests/test_rows.py'
    ])
  })

  it('follows importlib.import_module with a literal module path', async () => {
    const result = await pyChange({ 'shop/pricing.py': 'PRICE = 4\n' })
    expect(result.tests).toEqual(['tests/test_price.py'])
  })
})

describe('path aliases', () => {
  const APP = {
    'package.json': JSON.stringify({ name: 'app', private: true, type: 'module' }),
    'vite.config.ts': [
      "import { fileURLToPath } from 'node:url'",
      "import path from 'node:path'",
      "import { defineConfig } from 'vitest/config'",
      'export default defineConfig({',
      '  resolve: {',
      '    alias: {',
      "      '@': fileURLToPath(new URL('./src', import.meta.url)),",
      "      '~lib': path.resolve(__dirname, 'lib/index.js'),",
      '    },',
      '  },',
      '})',
      ''
    ].join('\n'),
    'src/math.js': 'export function add(a, b) {\n  return a + b\n}\n',
    'src/strings.js': 'export function shout(s) {\n  return s.toUpperCase()\n}\n',
    'lib/index.js': 'export function twice(n) {\n  return n * 2\n}\n',
    'test/math.test.js': "import { add } from '@/math.js'\ntest('add', () => expect(add(1, 2)).toBe(3))\n",
    'test/strings.test.js':
      "import { shout } from '@/strings'\ntest('shout', () => expect(shout('a')).toBe('A'))\n",
    'test/lib.test.js': "import { twice } from '~lib'\ntest('twice', () => expect(twice(2)).toBe(4))\n"
  }

  it('follows resolve.alias of a Vite config the way Vite does, with no tsconfig paths to mirror it', async () => {
    const math = await afterChange(APP, { 'src/math.js': APP['src/math.js'].replace('a + b', 'a - b') })
    expect(math.tests).toEqual(['test/math.test.js'])
    const lib = await afterChange(APP, { 'lib/index.js': APP['lib/index.js'].replace('2', '3') })
    expect(lib.tests).toEqual(['test/lib.test.js'])
  })

  it('follows resolve.alias and resolve.modules of a webpack config', async () => {
    const WEBPACK = {
      'package.json': JSON.stringify({ name: 'app', private: true }),
      'webpack.config.js': [
        "const path = require('path')",
        'module.exports = {',
        "  resolve: { alias: { '@': path.join(__dirname, 'src') }, modules: [path.resolve(__dirname, 'lib'), 'node_modules'] },",
        '}',
        ''
      ].join('\n'),
      'src/math.js': APP['src/math.js'],
      'src/strings.js': APP['src/strings.js'],
      'lib/twice.js': APP['lib/index.js'],
      'test/math.test.js': "import { add } from '@/math'\ntest('add', () => expect(add(1, 2)).toBe(3))\n",
      'test/strings.test.js': APP['test/strings.test.js'],
      'test/lib.test.js': "import { twice } from 'twice'\ntest('twice', () => expect(twice(2)).toBe(4))\n"
    }
    const math = await afterChange(WEBPACK, { 'src/math.js': APP['src/math.js'].replace('a + b', 'a - b') })
    expect(math.tests).toEqual(['test/math.test.js'])
    const lib = await afterChange(WEBPACK, { 'lib/twice.js': APP['lib/index.js'].replace('2', '3') })
    expect(lib.tests).toEqual(['test/lib.test.js'])
  })

  it('follows alias and root of babel-plugin-module-resolver, as babel-jest applies them', async () => {
    const BABEL = {
      'package.json': JSON.stringify({ name: 'app', private: true }),
      '.babelrc': JSON.stringify({
        plugins: [
          ['module-resolver', { root: ['./lib'], alias: { components: './src/ui', '^#(.+)$': './src/\\1' } }]
        ]
      }),
      'src/ui/Button.js': 'export function label(text) {\n  return `[${text}]`\n}\n',
      'src/math.js': APP['src/math.js'],
      'lib/twice.js': APP['lib/index.js'],
      'test/button.test.js':
        "import { label } from 'components/Button'\ntest('label', () => expect(label('a')).toBe('[a]'))\n",
      'test/math.test.js': "import { add } from '#math'\ntest('add', () => expect(add(1, 2)).toBe(3))\n",
      'test/lib.test.js': "import { twice } from 'twice'\ntest('twice', () => expect(twice(2)).toBe(4))\n"
    }
    await expectEdits(BABEL, [
      ['src/ui/Button.js', '`[${text}]`', '`<${text}>`', ['test/button.test.js']],
      ['src/math.js', 'a + b', 'a - b', ['test/math.test.js']],
      ['lib/twice.js', '* 2', '* 3', ['test/lib.test.js']]
    ])
  })

  it('lets an `@/` or `~/` import that no config it reads resolves reach every source of its package', async () => {
    // Next.js hands webpack its aliases in a function: not read, and `@/…` and `~/…` can be no npm package.
    const NEXT = {
      'package.json': JSON.stringify({ name: 'app', private: true }),
      'next.config.js': [
        "const path = require('path')",
        'module.exports = {',
        '  webpack(config) {',
        "    config.resolve.alias['@'] = path.join(__dirname, 'src')",
        "    config.resolve.alias['~'] = path.join(__dirname, 'src')",
        '    return config',
        '  },',
        '}',
        ''
      ].join('\n'),
      'src/math.js': APP['src/math.js'],
      'src/strings.js': APP['src/strings.js'],
      'test/math.test.js': "import { add } from '@/math'\ntest('add', () => expect(add(1, 2)).toBe(3))\n",
      'test/strings.test.js':
        "import { shout } from '~/strings'\ntest('shout', () => expect(shout('a')).toBe('A'))\n",
      'test/pure.test.js': "test('pure', () => expect(1).toBe(1))\n"
    }
    const math = await afterChange(NEXT, { 'src/math.js': APP['src/math.js'].replace('a + b', 'a - b') })
    expect(math.tests).toEqual(['test/math.test.js', 'test/strings.test.js'])
  })
})

describe('glob imports', () => {
  const PLUGINS = {
    'src/plugins/a.ts': 'export function a() {\n  return 1\n}\n',
    'src/plugins/nested/b.ts': 'export function b() {\n  return 2\n}\n',
    'src/plugins/readme.md': '# plugins\n',
    'src/other.ts': 'export function other() {\n  return 3\n}\n',
    'src/registry.ts':
      "const mods = import.meta.glob(['./plugins/*.ts', '!./plugins/skip.ts'], { eager: true })\nexport function all() {\n  return Object.keys(mods)\n}\n",
    'src/lazy.ts': 'export async function load(name: string) {\n  return import(`./plugins/${name}.ts`)\n}\n',
    'src/spaced.ts':
      "const mods = import.meta /* vite */\n  .glob('./plugins/*.ts')\nexport const names = () => Object.keys(mods)\n",
    'test/spaced.test.ts':
      "import { names } from '../src/spaced'\ntest('s', () => expect(names()).toHaveLength(1))\n",
    'test/registry.test.ts':
      "import { all } from '../src/registry'\ntest('r', () => expect(all().length).toBe(1))\n",
    'test/lazy.test.ts':
      "import { load } from '../src/lazy'\ntest('l', async () => expect((await load('a')).a()).toBe(1))\n",
    'test/other.test.ts': "import { other } from '../src/other'\ntest('o', () => expect(other()).toBe(3))\n"
  }

  it('selects the tests that load a changed file through import.meta.glob or a template import()', async () => {
    const top = await afterChange(PLUGINS, {
      'src/plugins/a.ts': PLUGINS['src/plugins/a.ts'].replace('1', '4')
    })
    expect(top.tests).toEqual(['test/lazy.test.ts', 'test/registry.test.ts', 'test/spaced.test.ts'])
    expect(top.reasons['test/registry.test.ts']).toEqual([
      'src/plugins/a.ts#a',
      'src/registry.ts',
      'test/registry.test.ts'
    ])
    // A hole may hold a path: `./plugins/${name}.ts` loads nested/b.ts; `*` stays in one folder.
    const nested = await afterChange(PLUGINS, {
      'src/plugins/nested/b.ts': PLUGINS['src/plugins/nested/b.ts'].replace('2', '5')
    })
    expect(nested.tests).toEqual(['test/lazy.test.ts'])
    const added = await afterChange(PLUGINS, { 'src/plugins/c.ts': 'export const c = 1\n' })
    expect(added.tests).toEqual(['test/lazy.test.ts', 'test/registry.test.ts', 'test/spaced.test.ts'])
    const unmatched = await afterChange(PLUGINS, { 'src/plugins/readme.md': '# the plugins\n' })
    expect(unmatched.tests).toEqual([])
  })
})

describe('graph cache', () => {
  it('scans every file on a cold full run and only changed blobs on a warm one, with the same result', async () => {
    const cacheDir = makeTempDir('ci-medic-select-cache-')
    const repo = createRepo({ files: LIB })
    const base = repo.head()
    repo.commit('one', { 'src/math.ts': LIB['src/math.ts'].replace('a * b', 'a * b * 1') })
    const full = { cacheDir, graph: 'full' as const }
    const cold = await select(repo, base, full)
    expect(cold.stats.cacheHits).toBe(0)
    expect(cold.stats.scanned).toBe(8)
    const warm = await select(repo, base, full)
    expect(warm.stats.scanned).toBe(0)
    expect(warm.stats.cacheHits).toBe(8)
    expect(warm.tests).toEqual(cold.tests)
    repo.commit('two', {
      'src/strings.ts': LIB['src/strings.ts'].replace('toUpperCase', 'toLocaleUpperCase')
    })
    const next = await select(repo, 'HEAD~1', full)
    expect(next.stats.scanned).toBe(1)
    expect(next.tests).toEqual(['test/shout.test.ts'])
  })

  it('leaves the cache alone on a demand-driven run', async () => {
    const cacheDir = makeTempDir('ci-medic-select-cache-')
    const repo = createRepo({ files: LIB })
    repo.commit('one', { 'src/math.ts': LIB['src/math.ts'].replace('a * b', 'a * b * 1') })
    const options = { git: new Git(repo.dir), base: 'HEAD~1', head: 'HEAD', log: quiet, cacheDir }
    const demand = await selectTests(options)
    expect(demand.stats.graph).toBe('demand')
    expect(existsSync(join(cacheDir, 'scans.json'))).toBe(false)
    await selectTests({ ...options, graph: 'full' })
    const saved = readFileSync(join(cacheDir, 'scans.json'), 'utf8')
    expect((await selectTests(options)).tests).toEqual(demand.tests)
    expect(readFileSync(join(cacheDir, 'scans.json'), 'utf8')).toBe(saved)
  })
})
