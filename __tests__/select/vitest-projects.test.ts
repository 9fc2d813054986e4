/**
 * A vitest run split into projects (`test.projects`, as zod has it): a package whose config builds
 * on shared options (`mergeConfig`) and names its tests (`checks/**`), a project config at the top
 * that runs the same tests again with a setup file of its own, and a package without a config.
 * The selection follows each project; checked against a real vitest run.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import {
  loadJestSettings,
  loadTestSettings,
  makeTestMatcher,
  typeCheckedTests
} from '../../src/select/project.js'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const here = [
  "import { dirname, resolve } from 'node:path'",
  "import { fileURLToPath } from 'node:url'",
  '',
  'const __dirname = dirname(fileURLToPath(import.meta.url))'
]

const FILES = {
  'package.json': JSON.stringify({ name: 'mono', type: 'module', scripts: { test: 'vitest run' } }),
  'vitest.config.ts': [
    "import { defineConfig } from 'vitest/config'",
    '',
    "export default defineConfig({ test: { projects: ['packages/*', './vitest.strict.config.ts'] } })",
    ''
  ].join('\n'),
  'vitest.shared.ts': [
    "import { defineConfig } from 'vitest/config'",
    ...here,
    '',
    "export default defineConfig({ test: { setupFiles: [resolve(__dirname, 'scripts/units.ts')] } })",
    ''
  ].join('\n'),
  'vitest.strict.config.ts': [
    "import { defineConfig } from 'vitest/config'",
    '',
    'export default defineConfig({',
    '  test: {',
    "    name: 'strict',",
    "    include: ['packages/core/checks/**/*.ts'],",
    "    setupFiles: ['./scripts/units.ts', './scripts/strict.ts']",
    '  }',
    '})',
    ''
  ].join('\n'),
  'scripts/units.ts': '(globalThis as { UNIT?: number }).UNIT = 1\n',
  'scripts/strict.ts':
    "import { strictness } from './flags'\n\n(globalThis as { STRICT?: unknown }).STRICT = strictness\n",
  'scripts/flags.ts': 'export const strictness: unknown = true\n',
  'packages/core/package.json': JSON.stringify({ name: '@mono/core', type: 'module' }),
  'packages/core/vitest.config.ts': [
    "import { defineProject, mergeConfig } from 'vitest/config'",
    "import shared from '../../vitest.shared'",
    '',
    "export default mergeConfig(shared, defineProject({ test: { name: 'core', include: ['checks/**/*.ts'] } }))",
    ''
  ].join('\n'),
  'packages/core/src/math.ts':
    'export const add = (a: number, b: number) => a + b\nexport const mul = (a: number, b: number) => a * b\n',
  'packages/core/checks/add.ts': [
    "import { expect, test } from 'vitest'",
    "import { add } from '../src/math'",
    "test('add', () => expect(add(1, (globalThis as { UNIT?: number }).UNIT ?? 0)).toBe(2))",
    ''
  ].join('\n'),
  'packages/core/checks/mul.ts': [
    "import { expect, test } from 'vitest'",
    "import { mul } from '../src/math'",
    "test('mul', () => {",
    '  expect(mul(2, 3)).toBe(6)',
    "  expect(typeof ((globalThis as { STRICT?: unknown }).STRICT ?? false)).toBe('boolean')",
    '})',
    ''
  ].join('\n'),
  'packages/web/package.json': JSON.stringify({ name: '@mono/web', type: 'module' }),
  'packages/web/src/page.ts': "export const title = () => 'home'\n",
  'packages/web/src/page.test.ts': [
    "import { expect, test } from 'vitest'",
    "import { title } from './page'",
    "test('title', () => expect(title()).toBe('home'))",
    ''
  ].join('\n')
}

const EVERY_TEST = [
  'packages/core/checks/add.ts',
  'packages/core/checks/mul.ts',
  'packages/web/src/page.test.ts'
]

describe('a vitest run of several projects', () => {
  it.each([
    // Tests of the core project by its include (not named as tests).
    [
      'packages/core/src/math.ts',
      'a + b',
      'a - b',
      ['packages/core/checks/add.ts'],
      ['packages/core/checks/add.ts']
    ],
    // The strict project's own setup file: it runs before the core tests there.
    [
      'scripts/strict.ts',
      'STRICT = strictness',
      "STRICT = 'yes'",
      ['packages/core/checks/mul.ts'],
      EVERY_TEST
    ],
    // What that setup file loads: the tests of the strict project, which runs it (the core tests,
    // whose own project does not).
    [
      'scripts/flags.ts',
      'strictness: unknown = true',
      "strictness: unknown = 'yes'",
      ['packages/core/checks/mul.ts'],
      ['packages/core/checks/add.ts', 'packages/core/checks/mul.ts']
    ],
    // The shared setup file the core project builds on.
    ['scripts/units.ts', 'UNIT = 1', 'UNIT = 2', ['packages/core/checks/add.ts'], EVERY_TEST],
    // A package without a config: vitest's own names.
    [
      'packages/web/src/page.ts',
      "'home'",
      "'away'",
      ['packages/web/src/page.test.ts'],
      ['packages/web/src/page.test.ts']
    ]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, selected)
  })
})

/**
 * A package whose vitest config moves its root (`root: 'app'`): its include and setup file are
 * under app/, and so are its tests. Checked against a real vitest run.
 */
const ROOTED = {
  'package.json': JSON.stringify({ name: 'rooted', type: 'module', scripts: { test: 'vitest run' } }),
  'vitest.config.ts': [
    "import { defineConfig } from 'vitest/config'",
    '',
    "export default defineConfig({ root: 'app', test: { include: ['checks/**/*.ts'], setupFiles: ['./setup.ts'] } })",
    ''
  ].join('\n'),
  'app/setup.ts': '(globalThis as { BASE?: number }).BASE = 10\n',
  'app/src/scale.ts': 'export const scale = (n: number) => n * 2\n',
  'app/checks/scale.ts': [
    "import { expect, test } from 'vitest'",
    "import { scale } from '../src/scale'",
    "test('scale', () => expect(scale((globalThis as { BASE?: number }).BASE ?? 0)).toBe(20))",
    ''
  ].join('\n')
}

describe('a vitest config with a root of its own', () => {
  it.each([
    // A test by the include, read from the root (not named as a test).
    ['app/src/scale.ts', 'n * 2', 'n * 3'],
    // The setup file, read from the root: it runs before every test.
    ['app/setup.ts', 'BASE = 10', 'BASE = 11']
  ])('%s (%s → %s) selects what fails', async (file, from, to) => {
    await expectEditSelects(
      ROOTED,
      [file as keyof typeof ROOTED, from, to],
      ['app/checks/scale.ts'],
      ['app/checks/scale.ts']
    )
  })
})

/**
 * A test script that hands vitest a config by a name of its own (`vitest run --config
 * config/vitest.unit.ts`); its include and setup file are from the package's folder, where vitest
 * runs. Checked against a real vitest run, which CI Medic's runner starts with that config.
 */
const NAMED = {
  'package.json': JSON.stringify({
    name: 'named',
    type: 'module',
    scripts: { test: 'vitest run --config config/vitest.unit.ts' }
  }),
  'config/vitest.unit.ts': [
    "import { defineConfig } from 'vitest/config'",
    '',
    "export default defineConfig({ test: { include: ['checks/**/*.ts'], setupFiles: ['./test/setup.ts'] } })",
    ''
  ].join('\n'),
  'test/setup.ts': '(globalThis as { BASE?: number }).BASE = 10\n',
  'src/scale.ts': 'export const scale = (n: number) => n * 2\n',
  'src/other.ts': 'export const other = 1\n',
  'checks/scale.ts': [
    "import { expect, test } from 'vitest'",
    "import { scale } from '../src/scale'",
    "test('scale', () => expect(scale((globalThis as { BASE?: number }).BASE ?? 0)).toBe(20))",
    ''
  ].join('\n'),
  'checks/other.ts': [
    "import { expect, test } from 'vitest'",
    "import { other } from '../src/other'",
    "test('other', () => expect(other).toBe(1))",
    ''
  ].join('\n')
}

describe('a vitest config the test script names by a name of its own', () => {
  const every = ['checks/other.ts', 'checks/scale.ts']
  it.each([
    // A test by the config's include (not named as a test).
    ['src/scale.ts', 'n * 2', 'n * 3', ['checks/scale.ts'], ['checks/scale.ts']],
    // Its setup file runs before every test.
    ['test/setup.ts', 'BASE = 10', 'BASE = 11', ['checks/scale.ts'], every],
    // A change to the config itself runs every test.
    ['config/vitest.unit.ts', "'./test/setup.ts'", "'./test/gone.ts'", every, every]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(NAMED, [file as keyof typeof NAMED, from, to], failing, selected)
  })
})

describe('the projects of a vitest run', () => {
  const read =
    (files: Record<string, string>) =>
    (path: string): string | undefined =>
      files[path]
  // The package's own settings come first, then its projects'.
  const projectsOf = (files: Record<string, string>) =>
    loadTestSettings(read(files), '', Object.keys(files)).slice(loadJestSettings(read(files), '') ? 1 : 0)

  it('reads a workspace file: folders by glob, one left out, config files by name, inline projects', () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'vitest' } }),
      'vitest.workspace.ts': [
        "import { defineWorkspace } from 'vitest/config'",
        'export default defineWorkspace([',
        "  'packages/*',",
        "  '!packages/old',",
        "  'apps/site/vitest.config.e2e.mts',",
        "  { extends: true, test: { name: 'unit', root: './tools', include: ['spec/**/*.js'], setupFiles: ['./env.js'] } },",
        '  ...more',
        '])'
      ].join('\n'),
      'vitest.config.ts': "export default { test: { setupFiles: ['./base.ts'] } }",
      'packages/a/vitest.config.ts': "export default { test: { include: ['t/**/*.ts'] } }",
      'packages/a/vite.config.ts': "export default { test: { include: ['never/**'] } }",
      'packages/old/vitest.config.ts': "export default { test: { include: ['old/**'] } }",
      'apps/site/vitest.config.e2e.mts': "export default { test: { include: ['e2e/**/*.ts'] } }"
    }
    const projects = projectsOf(files)
    expect(projects.map(p => [p.dir, p.testMatch[0], p.setupFiles, p.group])).toEqual([
      ['packages/a', 'packages/a/t/**/*.ts', [], ''],
      ['apps/site', 'apps/site/e2e/**/*.ts', [], ''],
      // Inline, with `extends`: the run's setup file too, in either folder it may be read from.
      ['tools', 'tools/spec/**/*.js', ['base.ts', 'tools/base.ts', 'tools/env.js'], '']
    ])
    // Without a vitest test script, no projects.
    expect(projectsOf({ ...files, 'package.json': JSON.stringify({ scripts: { test: 'jest' } }) })).toEqual(
      []
    )
  })

  it('takes `test.projects` (or the older `test.workspace`) from the run’s config', () => {
    for (const key of ['projects', 'workspace']) {
      const files = {
        'package.json': JSON.stringify({ scripts: { test: 'vitest run' } }),
        'vitest.config.mts': `export default { test: { ${key}: ['./vitest.node.config.ts'], setupFiles: ['./s.ts'] } }`,
        'vitest.node.config.ts': "export default { test: { include: ['node/**/*.ts'] } }"
      }
      expect(projectsOf(files).map(p => p.testMatch[0])).toEqual(['node/**/*.ts'])
      // The run's own config is one of the group: its tests and setup files count with the projects'.
      expect(loadJestSettings(read(files), '')?.group).toBe('')
    }
  })

  it('reads each project’s root: a config’s from its folder, an inline one’s from the run’s', () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'vitest run' } }),
      'vitest.config.ts': [
        'export default defineConfig({',
        "  test: { projects: ['packages/*', { test: { root: './tools', include: ['spec/*.js'] } }] }",
        '})'
      ].join('\n'),
      'packages/a/vitest.config.ts':
        "export default defineProject({ root: resolve(__dirname, 'lib'), test: { include: ['t/**/*.ts'], setupFiles: ['./s.ts'] } })",
      'packages/b/vitest.config.mts':
        "export default defineProject({ test: { root: '..', dir: 'shared', setupFiles: ['shared/s.ts'] } })"
    }
    expect(projectsOf(files).map(p => [p.dir, p.testMatch[0], p.setupFiles])).toEqual([
      ['packages/a/lib', 'packages/a/lib/t/**/*.ts', ['packages/a/lib/s.ts']],
      // A root above the config's folder: the tests are under it, not under the config's folder.
      ['packages', 'packages/shared/**/*.{test,spec}.?(c|m)[jt]s?(x)', ['packages/shared/s.ts']],
      ['tools', 'tools/spec/*.js', []]
    ])
  })

  it('reads include lists the config names or spreads, and keeps the default names when part is not known', () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'vitest run' } }),
      'vitest.config.ts': "export default { test: { projects: ['packages/*'] } }",
      'packages/a/vitest.config.ts': [
        "import { configDefaults } from 'vitest/config'",
        "const checks = ['checks/**/*.ts']",
        'export default { test: { include: [...configDefaults.include, ...checks] } }'
      ].join('\n'),
      'packages/b/vitest.config.ts':
        "const specs = ['spec/**/*.ts']\nexport default { test: { include: specs } }",
      'packages/c/vitest.config.ts': [
        "import { shared } from '../../shared'",
        "export default { test: { include: [...shared.include, 'e2e/**/*.ts'] } }"
      ].join('\n')
    }
    const isTest = makeTestMatcher(projectsOf(files).sort((a, b) => b.dir.length - a.dir.length))
    const paths = [
      'packages/a/src/x.test.ts',
      'packages/a/checks/y.ts',
      'packages/b/spec/z.ts',
      'packages/b/src/z.test.ts',
      'packages/c/e2e/w.ts',
      'packages/c/src/w.test.ts',
      'packages/c/src/w.ts'
    ]
    expect(paths.filter(isTest)).toEqual([
      'packages/a/src/x.test.ts',
      'packages/a/checks/y.ts',
      'packages/b/spec/z.ts',
      // What the spread adds is not known: vitest's default names count.
      'packages/c/e2e/w.ts',
      'packages/c/src/w.test.ts'
    ])
  })

  it('gives a project the setup files of the config file it extends', () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'vitest run' } }),
      'vitest.config.ts': [
        'export default { test: { projects: [',
        "  { extends: './vitest.base.ts', test: { name: 'dom', include: ['dom/**/*.ts'] } },",
        "  'packages/*'",
        '] } }'
      ].join('\n'),
      'vitest.base.ts': "export default { test: { setupFiles: ['./setup/base.ts'] } }",
      'packages/a/vitest.config.ts':
        "export default defineProject({ extends: '../../vitest.base.ts', test: { include: ['t/*.ts'] } })"
    }
    expect(projectsOf(files).map(p => [p.dir, p.setupFiles])).toEqual([
      // From the folder of the file that names it, or the project's (those that exist count).
      ['', ['setup/base.ts']],
      ['packages/a', ['setup/base.ts', 'packages/a/setup/base.ts']]
    ])
  })

  it('counts a test of any project that holds a file, even one a deeper project does not take', () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'vitest run' } }),
      'vitest.config.ts': "export default { test: { projects: ['packages/*', './vitest.more.config.ts'] } }",
      'vitest.more.config.ts': "export default { test: { include: ['packages/a/checks/**/*.ts'] } }",
      'packages/a/vitest.config.ts': "export default { test: { include: ['t/**/*.ts'] } }"
    }
    const projects = projectsOf(files).sort((a, b) => b.dir.length - a.dir.length)
    const isTest = makeTestMatcher(projects)
    expect(['packages/a/checks/x.ts', 'packages/a/t/y.ts', 'packages/a/src/z.ts'].map(isTest)).toEqual([
      true,
      true,
      false
    ])
  })

  it('takes the files vitest type-checks for type-checked tests: typecheck.include, its default, or --typecheck', () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'vitest run' } }),
      'vitest.config.ts': [
        'export default defineConfig({ test: { projects: [',
        "  { test: { name: 'unit', include: ['src/**/*.test.ts'] } },",
        "  { test: { name: 'types', include: ['src/**/*.test-d.ts'], typecheck: { enabled: true, only: true } } },",
        "  { test: { name: 'listed', root: './checks', typecheck: { include: ['**/*.types.ts'] } } },",
        '] } })'
      ].join('\n')
    }
    const projects = projectsOf(files)
    expect(projects.map(p => p.typeChecks)).toEqual([
      undefined,
      ['**/*.{test,spec}-d.?(c|m)[jt]s?(x)'],
      ['checks/**/*.types.ts']
    ])
    const isTypeChecked = typeCheckedTests(projects)
    const isTest = makeTestMatcher(projects)
    const paths = ['src/a.test.ts', 'src/a.test-d.ts', 'checks/x.types.ts', 'checks/x.test.ts']
    expect(paths.map(isTypeChecked)).toEqual([false, true, true, false])
    // A file vitest type-checks is one of its tests.
    expect(paths.map(isTest)).toEqual([true, true, true, true])

    const flagged = {
      'package.json': JSON.stringify({ scripts: { test: 'vitest run --typecheck' } }),
      'vitest.config.ts': "export default { test: { include: ['spec/**/*.ts'] } }"
    }
    const [own] = loadTestSettings(read(flagged), '', Object.keys(flagged))
    expect(own?.typeChecks).toEqual(['**/*.{test,spec}-d.?(c|m)[jt]s?(x)'])
    expect(typeCheckedTests([])('types/x.spec-d.mts')).toBe(true)
    expect(typeCheckedTests([])('types/x.spec.mts')).toBe(false)
  })
})
