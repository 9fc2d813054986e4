import { describe, expect, it } from '@jest/globals'
import {
  literalObjectFromJs,
  loadJestSettings,
  loadPytestSettings,
  loadTsConfig,
  makeTestMatcher,
  parseJsonc,
  tsconfigChains,
  tsJestIsolatedByTsconfig,
  tsJestVersion,
  typeCheckedByJest,
  type JestSettings
} from '../../src/select/project.js'
import { Resolver } from '../../src/select/resolve.js'

function resolver(files: Record<string, string>): Resolver {
  const paths = new Set(Object.keys(files))
  const read = (path: string): string | undefined => files[path]
  const jest = [loadJestSettings(read, '')].filter(j => j !== undefined)
  return new Resolver(paths, read, jest)
}

const file = (r: Resolver, from: string, spec: string): string | undefined => {
  const result = r.resolveJs(from, spec)
  return 'file' in result ? result.file : 'external' in result ? 'EXTERNAL' : 'UNRESOLVED'
}

describe('JS/TS resolution', () => {
  it('leads a path from a folder known only at run time to what it finds from any folder', () => {
    const r = resolver({
      'src/a.ts': '',
      'packages/x/src/a.js': '',
      'packages/x/src/a.test.js': '',
      'packages/y/src/lib/index.js': '',
      'packages/y/src/calc.ts': '',
      'src/Button.ios.js': '',
      'src/Button.android.js': '',
      'other/a.json': ''
    })
    expect(r.fromAnyFolder('src/a')).toEqual(['src/a.ts', 'packages/x/src/a.js'])
    expect(r.fromAnyFolder('src/a.js')).toEqual(['src/a.ts', 'packages/x/src/a.js'])
    expect(r.fromAnyFolder('src/lib')).toEqual(['packages/y/src/lib/index.js'])
    // Build output that is not in the repository: its source.
    expect(r.fromAnyFolder('dist/calc.js')).toEqual(['packages/y/src/calc.ts'])
    expect(r.fromAnyFolder('src/Button')).toEqual(['src/Button.ios.js', 'src/Button.android.js'])
    expect(r.fromAnyFolder('a')).toEqual(['src/a.ts', 'packages/x/src/a.js', 'other/a.json'])
    for (const nowhere of ['', '.', '..', '../src/a', '/src/a', 'src/b'])
      expect(r.fromAnyFolder(nowhere)).toEqual([])
  })

  it('resolves to the files written for each platform, unless the import names one', () => {
    const r = resolver({
      'src/Button.ios.tsx': '',
      'src/Button.android.tsx': '',
      'src/Button.ios.d.ts': '',
      'src/Link.tsx': '',
      'src/Link.web.tsx': '',
      'src/Link.test.tsx': '',
      'src/theme/index.native.js': '',
      'src/util.js': '',
      'src/util.dev.js': '',
      'app/package.json': JSON.stringify({ name: 'app', main: 'main.js' }),
      'app/main.js': '',
      'app/main.windows.js': ''
    })
    const both = { file: 'src/Button.ios.tsx', also: ['src/Button.android.tsx'] }
    expect(r.resolveJs('src/x.ts', './Button')).toEqual(both)
    expect(r.resolveJs('src/x.ts', './Button.ios')).toEqual({ file: 'src/Button.ios.tsx' })
    expect(r.resolveJs('src/x.ts', './Button.android.tsx')).toEqual({ file: 'src/Button.android.tsx' })
    expect(r.resolveJs('src/x.ts', './Link')).toEqual({ file: 'src/Link.tsx', also: ['src/Link.web.tsx'] })
    expect(r.resolveJs('src/x.ts', './theme')).toEqual({ file: 'src/theme/index.native.js' })
    // `dev` and `test` are no platforms.
    expect(r.resolveJs('src/x.ts', './util')).toEqual({ file: 'src/util.js' })
    expect(r.resolveJs('src/x.ts', '../app')).toEqual({ file: 'app/main.js', also: ['app/main.windows.js'] })
  })

  it('infers extensions and index files, and maps .js to .ts', () => {
    const r = resolver({
      'src/a.ts': '',
      'src/b/index.tsx': '',
      'src/c.mts': '',
      'src/d.js': '',
      'src/e.json': '',
      'src/f.jsx': ''
    })
    expect(file(r, 'src/x.ts', './a')).toBe('src/a.ts')
    expect(file(r, 'src/x.ts', './a.js')).toBe('src/a.ts')
    expect(file(r, 'src/x.ts', './b')).toBe('src/b/index.tsx')
    expect(file(r, 'src/x.ts', './c.mjs')).toBe('src/c.mts')
    expect(file(r, 'src/x.ts', './d.js')).toBe('src/d.js')
    expect(file(r, 'src/x.ts', './e.json')).toBe('src/e.json')
    expect(file(r, 'src/deep/x.ts', '../f')).toBe('src/f.jsx')
    expect(file(r, 'src/x.ts', './missing')).toBe('UNRESOLVED')
    expect(file(r, 'src/x.ts', 'lodash')).toBe('EXTERNAL')
  })

  it('maps build output that is not in the repository (lib/, dist/) to its source', () => {
    const r = resolver({
      'package.json': JSON.stringify({ workspaces: ['packages/*'] }),
      'packages/core/package.json': JSON.stringify({ name: '@acme/core', main: './lib/index.js' }),
      'packages/core/src/index.ts': '',
      'packages/core/src/path/util.ts': '',
      'packages/core/test/a.js': '',
      'packages/built/lib/index.js': '',
      'packages/built/src/index.ts': ''
    })
    expect(file(r, 'packages/core/test/a.js', '../lib/index.js')).toBe('packages/core/src/index.ts')
    expect(file(r, 'packages/core/test/a.js', '../lib')).toBe('packages/core/src/index.ts')
    expect(file(r, 'packages/core/test/a.js', '../lib/path/util')).toBe('packages/core/src/path/util.ts')
    expect(file(r, 'packages/core/test/a.js', '@acme/core/lib/path/util.js')).toBe(
      'packages/core/src/path/util.ts'
    )
    // Build output in the repository is what loads.
    expect(file(r, 'packages/built/test/a.js', '../lib/index.js')).toBe('packages/built/lib/index.js')
    expect(file(r, 'packages/core/test/a.js', '../lib/missing.js')).toBe('UNRESOLVED')
  })

  it('follows tsconfig paths and baseUrl through extends', () => {
    const r = resolver({
      'tsconfig.base.json':
        '{ // comment\n "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["libs/*/src"], "~config": ["config/main.ts"] }, } }',
      'app/tsconfig.json': '{ "extends": "../tsconfig.base.json" }',
      'libs/util/src/index.ts': '',
      'config/main.ts': '',
      'shared/thing.ts': ''
    })
    expect(file(r, 'app/main.ts', '@lib/util')).toBe('libs/util/src/index.ts')
    expect(file(r, 'app/main.ts', '~config')).toBe('config/main.ts')
    expect(file(r, 'app/main.ts', 'shared/thing')).toBe('shared/thing.ts')
  })

  it('follows extends into a workspace package, and ${configDir} to the extending config', () => {
    const r = resolver({
      'package.json': JSON.stringify({ workspaces: ['packages/*', 'apps/*'] }),
      'packages/tsconfig/package.json': JSON.stringify({ name: '@repo/tsconfig' }),
      // A shared config (TypeScript 5.5): `${configDir}` is the folder of the config that extends it.
      'packages/tsconfig/base.json': JSON.stringify({
        compilerOptions: { paths: { '@/*': ['${configDir}/src/*'], '#shared': ['./shared.ts'] } }
      }),
      'packages/tsconfig/tsconfig.json': JSON.stringify({
        compilerOptions: { paths: { '~/*': ['./lib/*'] } }
      }),
      'packages/tsconfig/shared.ts': '',
      'packages/tsconfig/lib/tool.ts': '',
      'apps/web/package.json': JSON.stringify({ name: 'web' }),
      'apps/web/tsconfig.json': JSON.stringify({ extends: '@repo/tsconfig/base.json' }),
      'apps/web/src/util.ts': '',
      'apps/api/package.json': JSON.stringify({ name: 'api' }),
      // The package's own tsconfig.json when the name is the package's alone.
      'apps/api/tsconfig.json': JSON.stringify({ extends: '@repo/tsconfig' }),
      'apps/api/src/util.ts': ''
    })
    expect(file(r, 'apps/web/src/main.ts', '@/util')).toBe('apps/web/src/util.ts')
    expect(file(r, 'apps/web/src/main.ts', '#shared')).toBe('packages/tsconfig/shared.ts')
    expect(file(r, 'apps/api/src/main.ts', '~/tool')).toBe('packages/tsconfig/lib/tool.ts')
  })

  it('finds the config a package ships as tsc does: its exports first, then its tsconfig field', () => {
    const r = resolver({
      'package.json': JSON.stringify({ workspaces: ['packages/*', 'apps/*'] }),
      // The package's name alone: its `tsconfig` field, not its tsconfig.json.
      'packages/field/package.json': JSON.stringify({ name: '@repo/field', tsconfig: './configs/app.json' }),
      'packages/field/configs/app.json': JSON.stringify({
        compilerOptions: { paths: { '#field': ['../lib/field.ts'] } }
      }),
      'packages/field/tsconfig.json': JSON.stringify({
        compilerOptions: { paths: { '#field': ['./wrong.ts'] } }
      }),
      'packages/field/lib/field.ts': '',
      'packages/field/wrong.ts': '',
      // Exports win over the field; in a conditions object the first of tsc's conditions counts
      // (not `import`), and a subpath goes through its pattern.
      'packages/mapped/package.json': JSON.stringify({
        name: '@repo/mapped',
        tsconfig: './wrong.json',
        exports: {
          '.': { import: './wrong.json', types: './configs/root.json', default: './wrong.json' },
          './*': './configs/*.json'
        }
      }),
      'packages/mapped/configs/root.json': JSON.stringify({
        compilerOptions: { paths: { '#root': ['./root.ts'] } }
      }),
      'packages/mapped/configs/node.json': JSON.stringify({
        compilerOptions: { paths: { '#node': ['./node.ts'] } }
      }),
      'packages/mapped/configs/root.ts': '',
      'packages/mapped/configs/node.ts': '',
      'packages/mapped/wrong.json': JSON.stringify({
        compilerOptions: { paths: { '#root': ['./wrong.ts'] } }
      }),
      'packages/mapped/wrong.ts': '',
      // A package whose exports leave a file out: tsc cannot extend it.
      'packages/closed/package.json': JSON.stringify({
        name: '@repo/closed',
        exports: { '.': './base.json' }
      }),
      'packages/closed/hidden.json': JSON.stringify({
        compilerOptions: { paths: { '#hidden': ['./hidden.ts'] } }
      }),
      'packages/closed/hidden.ts': '',
      'apps/one/package.json': JSON.stringify({ name: 'one' }),
      'apps/one/tsconfig.json': JSON.stringify({ extends: '@repo/field' }),
      'apps/two/package.json': JSON.stringify({ name: 'two' }),
      'apps/two/tsconfig.json': JSON.stringify({ extends: '@repo/mapped' }),
      'apps/four/package.json': JSON.stringify({ name: 'four' }),
      'apps/four/tsconfig.json': JSON.stringify({ extends: '@repo/mapped/node' }),
      'apps/three/package.json': JSON.stringify({ name: 'three' }),
      'apps/three/tsconfig.json': JSON.stringify({ extends: '@repo/closed/hidden.json' })
    })
    expect(file(r, 'apps/one/main.ts', '#field')).toBe('packages/field/lib/field.ts')
    expect(file(r, 'apps/two/main.ts', '#root')).toBe('packages/mapped/configs/root.ts')
    expect(file(r, 'apps/four/main.ts', '#node')).toBe('packages/mapped/configs/node.ts')
    expect(file(r, 'apps/three/main.ts', '#hidden')).toBe('EXTERNAL')
  })

  it('takes the exports pattern with the longest prefix, as Node does, whatever their order', () => {
    const r = resolver({
      'package.json': JSON.stringify({ workspaces: ['packages/*'] }),
      'packages/kit/package.json': JSON.stringify({
        name: 'kit',
        exports: { './*': './src/*.ts', './feature/*': './src/features/*/index.ts' }
      }),
      'packages/kit/src/feature/a.ts': '',
      'packages/kit/src/features/a/index.ts': '',
      'packages/kit/src/util.ts': ''
    })
    expect(file(r, 'app/x.ts', 'kit/feature/a')).toBe('packages/kit/src/features/a/index.ts')
    expect(file(r, 'app/x.ts', 'kit/util')).toBe('packages/kit/src/util.ts')
  })

  it('resolves workspace packages through exports (mapping dist back to src), main and subpaths', () => {
    const r = resolver({
      'package.json': JSON.stringify({ workspaces: ['packages/*'] }),
      'packages/core/package.json': JSON.stringify({
        name: '@acme/core',
        exports: {
          '.': { import: './dist/index.js', types: './dist/index.d.ts' },
          './utils/*': './src/utils/*.ts'
        }
      }),
      'packages/core/src/index.ts': '',
      'packages/core/src/utils/strings.ts': '',
      'packages/old/package.json': JSON.stringify({ name: 'old', main: 'lib/main.js' }),
      'packages/old/lib/main.js': '',
      'packages/old/lib/extra.js': ''
    })
    expect(file(r, 'packages/app/x.ts', '@acme/core')).toBe('packages/core/src/index.ts')
    expect(file(r, 'packages/app/x.ts', '@acme/core/utils/strings')).toBe(
      'packages/core/src/utils/strings.ts'
    )
    expect(file(r, 'packages/app/x.ts', 'old')).toBe('packages/old/lib/main.js')
    expect(file(r, 'packages/app/x.ts', 'old/lib/extra')).toBe('packages/old/lib/extra.js')
    expect(r.workspaceOf('packages/core/src/index.ts')).toBe('packages/core')
    expect(r.workspaceOf('tools/x.ts')).toBe('')
  })

  it.each([
    ['no main: its index, as node loads it', { module: 'dist/lib.mjs' }, {}, 'index.js'],
    ['its main before its module', { main: 'main.js', module: 'dist/lib.mjs' }, {}, 'main.js'],
    ['its source first', { source: 'src/lib.js', main: 'main.js' }, {}, 'src/lib.js'],
    [
      'under Vite, its module first',
      { main: 'main.js', module: 'dist/lib.mjs' },
      { 'vite.config.ts': '' },
      'dist/lib.mjs'
    ],
    [
      'under a Vitest config above it, its module first',
      { module: 'dist/lib.mjs' },
      { 'vitest.config.mts': '' },
      'dist/lib.mjs'
    ],
    [
      'a Vite config in another folder does not count',
      { module: 'dist/lib.mjs' },
      { 'site/vite.config.js': '' },
      'index.js'
    ],
    [
      'a Vite config beside a jest suite does not count',
      { module: 'dist/lib.mjs' },
      { 'vite.config.ts': '', 'jest.config.json': '{}' },
      'index.js'
    ],
    [
      'a Vite config beside a mocha suite does not count',
      { module: 'dist/lib.mjs', scripts: { test: 'mocha' } },
      { 'vite.config.ts': '' },
      'index.js'
    ]
  ])('loads a folder with a package.json (`require("..")`): %s', (_, pkg, extra, entry) => {
    const r = resolver({
      'package.json': JSON.stringify({ name: 'lib', ...pkg }),
      'index.js': '',
      'main.js': '',
      'src/lib.js': '',
      'dist/lib.mjs': '',
      'test/a.test.js': '',
      ...extra
    })
    expect(file(r, 'test/a.test.js', '..')).toBe(entry)
  })

  it.each([
    ['its require target, as node and jest load it', {}, 'index.js'],
    ['its import target under Vite', { 'vite.config.mjs': '' }, 'dist/lib.mjs']
  ])('takes a package imported by its name through its exports: %s', (_, extra, entry) => {
    const r = resolver({
      'package.json': JSON.stringify({
        name: 'lib',
        exports: { '.': { import: './dist/lib.mjs', require: './index.js' } }
      }),
      'index.js': '',
      'dist/lib.mjs': '',
      'test/a.test.js': '',
      ...extra
    })
    expect(file(r, 'test/a.test.js', 'lib')).toBe(entry)
    // The other condition's file comes too: node takes `import` for an ES module test.
    const other = entry === 'index.js' ? 'dist/lib.mjs' : 'index.js'
    expect(r.resolveJs('test/a.test.js', 'lib')).toEqual({ file: entry, also: [other] })
  })

  it('gives one file when both conditions lead to it, and the other through an imports map', () => {
    const r = resolver({
      'package.json': JSON.stringify({
        name: 'lib',
        exports: { '.': { import: './dist/esm/index.js', require: './dist/cjs/index.js' } },
        imports: { '#env': { node: './env-node.js', import: './env-esm.mjs', default: './env.js' } }
      }),
      'src/index.ts': '',
      'env-node.js': '',
      'env-esm.mjs': '',
      'env.js': ''
    })
    // Both builds are absent: each maps back to the one source.
    expect(r.resolveJs('test/a.test.js', 'lib')).toEqual({ file: 'src/index.ts' })
    expect(r.resolveJs('test/a.test.js', '#env')).toEqual({ file: 'env-node.js', also: ['env-esm.mjs'] })
    // Memoized resolutions read back the same.
    expect(r.resolveJs('test/b.test.js', '#env')).toEqual({ file: 'env-node.js', also: ['env-esm.mjs'] })
  })

  it('takes the source of a subpath whose built files are absent over its declaration', () => {
    // As preconstruct lays a package out: each entry a folder with a package.json of built files.
    const dist = {
      types: { import: './effects/dist/effects.cjs.mjs', default: './effects/dist/effects.cjs.js' },
      module: './effects/dist/effects.esm.js',
      default: './effects/dist/effects.cjs.js'
    }
    const r = resolver({
      'package.json': JSON.stringify({ workspaces: ['packages/*'] }),
      'packages/core/package.json': JSON.stringify({ name: '@acme/core', exports: { './effects': dist } }),
      'packages/core/effects/package.json': JSON.stringify({
        main: 'dist/effects.cjs.js',
        types: '../types/effects.d.ts'
      }),
      'packages/core/types/effects.d.ts': '',
      'packages/core/src/effects.js': '',
      'packages/typed/package.json': JSON.stringify({ name: 'typed', types: 'types/index.d.ts' }),
      'packages/typed/types/index.d.ts': '',
      'packages/typed/lib/a.js': ''
    })
    expect(file(r, 'packages/app/x.js', '@acme/core/effects')).toBe('packages/core/src/effects.js')
    // With no source of that name, any of the package's sources may be what runs.
    expect(r.resolveJs('packages/app/x.js', 'typed')).toEqual({ package: 'packages/typed' })
  })

  it('resolves pnpm workspaces and package.json imports (#subpath)', () => {
    const r = resolver({
      'pnpm-workspace.yaml': "packages:\n  - 'libs/*'\n",
      'libs/a/package.json': JSON.stringify({
        name: 'a',
        imports: { '#internal/*': './src/internal/*.ts' },
        exports: './src/index.ts'
      }),
      'libs/a/src/index.ts': '',
      'libs/a/src/internal/db.ts': ''
    })
    expect(file(r, 'x.ts', 'a')).toBe('libs/a/src/index.ts')
    expect(file(r, 'libs/a/src/index.ts', '#internal/db')).toBe('libs/a/src/internal/db.ts')
  })

  it("applies jest's moduleNameMapper, roots and moduleDirectories", () => {
    const r = resolver({
      'jest.config.js':
        "module.exports = {\n  roots: ['<rootDir>/src'],\n  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1', '\\\\.css$': '<rootDir>/test/style-stub.js' },\n  moduleDirectories: ['node_modules', 'src'],\n}\n",
      'src/components/button.tsx': '',
      'src/helpers/format.ts': '',
      'test/style-stub.js': ''
    })
    expect(file(r, 'src/a.test.ts', '@/components/button')).toBe('src/components/button.tsx')
    expect(file(r, 'src/a.test.ts', './button.css')).toBe('test/style-stub.js')
    expect(file(r, 'src/a.test.ts', 'helpers/format')).toBe('src/helpers/format.ts')
  })
})

describe('Python and Go resolution', () => {
  it('resolves absolute, relative and src-layout imports and submodules', () => {
    const r = resolver({
      'src/pkg/__init__.py': '',
      'src/pkg/core.py': '',
      'src/pkg/sub/__init__.py': '',
      'src/pkg/sub/leaf.py': '',
      'tests/test_core.py': '',
      'pyproject.toml': ''
    })
    expect(r.resolvePython('tests/test_core.py', 'pkg.core')).toEqual({
      files: ['src/pkg/__init__.py', 'src/pkg/core.py'],
      resolved: true
    })
    expect(r.resolvePython('src/pkg/sub/leaf.py', '..core')).toEqual({
      files: ['src/pkg/core.py'],
      resolved: true
    })
    expect(r.resolvePython('src/pkg/core.py', '.sub')).toEqual({
      files: ['src/pkg/sub/__init__.py'],
      resolved: true
    })
    expect(r.pythonSubmodule('src/pkg/sub/__init__.py', 'leaf')).toBe('src/pkg/sub/leaf.py')
    expect(r.resolvePython('tests/test_core.py', 'requests').resolved).toBe(false)
  })

  it('maps Go import paths of the module to folders', () => {
    const r = resolver({ 'go.mod': 'module example.com/shop\n\ngo 1.22\n', 'cart/cart.go': '' })
    expect(r.goPackageDir('example.com/shop/cart')).toBe('cart')
    expect(r.goPackageDir('github.com/other/lib')).toBeUndefined()
  })

  it('maps a Go import path to the module whose path matches it longest (a nested module anywhere)', () => {
    const r = resolver({
      'go.mod': 'module example.com/site\n\ngo 1.22\n',
      'libs/util/go.mod': 'module example.com/site/util\n\ngo 1.22\n',
      'libs/util/util.go': '',
      'util/old.go': ''
    })
    expect(r.goPackageDir('example.com/site/util')).toBe('libs/util')
    expect(r.goPackageDir('example.com/site/util/sub')).toBe('libs/util/sub')
    expect(r.goPackageDir('example.com/site/utility')).toBe('utility')
  })
})

describe('project settings', () => {
  it('reads JSON with comments and trailing commas', () => {
    expect(parseJsonc('{ /* a */ "a": [1, 2,], // b\n "b": "x//y", }')).toEqual({ a: [1, 2], b: 'x//y' })
  })

  it('reads a base tsconfig once for all the configs that extend it', () => {
    const texts: Record<string, string> = {
      'tsconfig.base.json':
        '{ "compilerOptions": { "baseUrl": ".", "paths": { "@x/*": ["packages/*/src"] } } }',
      'packages/a/tsconfig.json': '{ "extends": "../../tsconfig.base.json" }',
      'packages/b/tsconfig.json':
        '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "baseUrl": "." } }'
    }
    const reads: string[] = []
    const read = (path: string): string | undefined => (reads.push(path), texts[path])
    const files = new Set(Object.keys(texts))
    const loaded = new Map()
    const a = loadTsConfig(read, 'packages/a/tsconfig.json', files, loaded)
    const b = loadTsConfig(read, 'packages/b/tsconfig.json', files, loaded)
    expect(a).toEqual({ dir: '', baseUrl: '', paths: [{ pattern: '@x/*', targets: ['packages/*/src'] }] })
    expect(b?.baseUrl).toBe('packages/b')
    expect(b?.paths).toEqual(a?.paths)
    expect(reads.sort()).toEqual([
      'packages/a/tsconfig.json',
      'packages/b/tsconfig.json',
      'tsconfig.base.json'
    ])
    // Configs that extend each other: the loop is cut, not followed forever.
    const loop: Record<string, string> = {
      'a.json': '{ "extends": "./b.json", "compilerOptions": { "baseUrl": "a" } }',
      'b.json': '{ "extends": "./a.json" }'
    }
    expect(loadTsConfig(path => loop[path], 'a.json', new Set(Object.keys(loop)))?.baseUrl).toBe('a')
  })

  it('reads plain JSON as it is, with commas before brackets inside strings', () => {
    expect(parseJsonc('{ "pattern": "a,]", "list": ["x, }"] }')).toEqual({ pattern: 'a,]', list: ['x, }'] })
  })

  it('reads literal jest configs and refuses computed ones', () => {
    expect(
      literalObjectFromJs(
        "export default { testMatch: ['**/*.spec.ts'], verbose: true, testRegex: /x\\.t$/ }"
      )
    ).toEqual({ testMatch: ['**/*.spec.ts'], verbose: true, testRegex: 'x\\.t$' })
    expect(literalObjectFromJs('module.exports = { roots: [path.join(__dirname, "src")] }')).toBeUndefined()
    expect(literalObjectFromJs('const config = { ...base }\nexport default config')).toBeUndefined()
    const read = (p: string): string | undefined =>
      p === 'jest.config.js' ? 'module.exports = makeConfig()' : undefined
    expect(loadJestSettings(read, '')?.unreadable).toMatch(/not a literal object/)
  })

  it('tells when ts-jest type-checks modules on load, and which tsconfig it uses', () => {
    expect(typeCheckedByJest("module.exports = { preset: 'ts-jest' }")).toBe(true)
    expect(typeCheckedByJest("transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] }")).toBe(
      false
    )
    expect(typeCheckedByJest("globals: { 'ts-jest': { diagnostics: false } }")).toBe(false)
    expect(typeCheckedByJest("transform: { '^.+\\.ts$': 'babel-jest' }")).toBe(false)
    // Angular's preset and transformer are ts-jest's, type-checking too.
    expect(typeCheckedByJest("module.exports = { preset: 'jest-preset-angular' }")).toBe(true)
    expect(
      typeCheckedByJest(
        "const { createCjsPreset } = require('jest-preset-angular/presets')\nmodule.exports = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' })"
      )
    ).toBe(true)
    expect(
      typeCheckedByJest(
        "transform: { '^.+\\.(ts|mjs|js|html)$': ['jest-preset-angular', { isolatedModules: true }] }"
      )
    ).toBe(false)
    const read = (p: string): string | undefined =>
      p === 'jest.config.js'
        ? "module.exports = { preset: 'ts-jest', globals: { 'ts-jest': { tsconfig: 'tsconfig.spec.json' } } }"
        : undefined
    expect(loadJestSettings(read, '')).toMatchObject({ typeChecked: true, tsconfig: 'tsconfig.spec.json' })
    // A package's config: a path from its folder (where jest runs), or from its rootDir.
    const inPackage = (tsconfig: string, rootDir = ''): JestSettings | undefined =>
      loadJestSettings(
        p =>
          p === 'packages/a/jest.config.js'
            ? `module.exports = { ${rootDir}transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '${tsconfig}' }] } }`
            : undefined,
        'packages/a'
      )
    expect(inPackage('tsconfig.spec.json')?.tsconfig).toBe('packages/a/tsconfig.spec.json')
    expect(inPackage('./config/tsconfig.json')?.tsconfig).toBe('packages/a/config/tsconfig.json')
    expect(inPackage('<rootDir>/tsconfig.spec.json')?.tsconfig).toBe('packages/a/tsconfig.spec.json')
    expect(inPackage('<rootDir>/tsconfig.spec.json', "rootDir: 'src', ")?.tsconfig).toBe(
      'packages/a/src/tsconfig.spec.json'
    )
  })

  it("knows the ts-jest that runs: as installed, else as locked, else the least version the package.json's range allows", () => {
    const installed = (found: Record<string, string>) => ({
      has: (path: string) => path in found,
      read: (path: string) => found[path]
    })
    const packageJson = (range: string) => (path: string) =>
      path === 'package.json' ? JSON.stringify({ devDependencies: { 'ts-jest': range } }) : undefined
    const version = JSON.stringify({ version: '29.4.15' })
    // From the config's folder up, as node finds it.
    expect(
      tsJestVersion(
        'packages/a',
        packageJson('^29.1.0'),
        installed({ 'node_modules/ts-jest/package.json': version })
      )
    ).toBe('29.4.15')
    expect(tsJestVersion('packages/a', packageJson('^29.3.1'))).toBe('29.3.1')
    expect(tsJestVersion('', packageJson('~29.2.5'))).toBe('29.2.5')
    expect(tsJestVersion('', packageJson('29.4.0'))).toBe('29.4.0')
    // Else as the lockfile pins it (nothing installed yet): the least version it pins.
    const locked = (name: string, text: string): string | undefined =>
      tsJestVersion('packages/a', packageJson('^29.1.0'), installed({ [name]: text }))
    const npmLock = (versions: Record<string, string>) =>
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { devDependencies: { 'ts-jest': '^29.1.0' } },
          ...Object.fromEntries(
            Object.entries(versions).map(([path, version]) => [path, { version, dev: true }])
          )
        }
      })
    expect(locked('package-lock.json', npmLock({ 'node_modules/ts-jest': '29.4.1' }))).toBe('29.4.1')
    expect(
      locked(
        'package-lock.json',
        npmLock({ 'node_modules/ts-jest': '29.4.1', 'packages/b/node_modules/ts-jest': '29.1.2' })
      )
    ).toBe('29.1.2')
    expect(
      locked(
        'package-lock.json',
        JSON.stringify({ lockfileVersion: 1, dependencies: { 'ts-jest': { version: '29.3.4' } } }, null, 2)
      )
    ).toBe('29.3.4')
    expect(
      locked(
        'yarn.lock',
        '"@types/ts-jest@^29.0.0":\n  version "28.0.0"\n\nts-jest@^29.1.0, ts-jest@^29.3.0:\n  version "29.3.2"\n'
      )
    ).toBe('29.3.2')
    expect(
      locked(
        'yarn.lock',
        '"ts-jest@npm:^29.1.0":\n  version: 29.2.5\n  resolution: "ts-jest@npm:29.2.5"\n\n"ts-jest@npm:^29.4.0":\n  version: 29.4.5\n'
      )
    ).toBe('29.2.5')
    expect(
      locked(
        'pnpm-lock.yaml',
        'importers:\n  .:\n    devDependencies:\n      ts-jest:\n        specifier: ^29.1.0\n        version: 29.4.2(jest@29.7.0)\npackages:\n  ts-jest@29.4.2:\n    resolution: {}\n'
      )
    ).toBe('29.4.2')
    expect(locked('pnpm-lock.yaml', 'packages:\n  /ts-jest@29.3.1(jest@29.7.0):\n    dev: true\n')).toBe(
      '29.3.1'
    )
    expect(locked('pnpm-lock.yaml', 'packages:\n  /ts-jest/29.1.1_jest@29.7.0:\n    dev: true\n')).toBe(
      '29.1.1'
    )
    // A lockfile that pins no ts-jest says nothing: the range.
    expect(locked('yarn.lock', 'jest@^29.0.0:\n  version "29.7.0"\n')).toBe('29.1.0')
    // No bound within its major, or no range at all: not known.
    expect(tsJestVersion('', packageJson('>=29.3.0'))).toBeUndefined()
    expect(tsJestVersion('', packageJson('*'))).toBeUndefined()
    expect(tsJestVersion('', () => undefined)).toBeUndefined()
  })

  it('turns off ts-jest type checking where the tsconfig it compiles with sets isolatedModules, from 29.3 on', () => {
    const configs: Record<string, string> = {
      'jest.config.js': "module.exports = { preset: 'ts-jest' }",
      'tsconfig.json': '{ "compilerOptions": { "isolatedModules": true } }',
      'packages/a/jest.config.js': "module.exports = { preset: 'ts-jest' }",
      'packages/a/tsconfig.json':
        '{ "extends": "../../tsconfig.json", "compilerOptions": { "isolatedModules": false } }',
      'packages/b/jest.config.js': "module.exports = { preset: 'ts-jest' }",
      'packages/b/tsconfig.json': '{ "extends": "@tsconfig/strictest/tsconfig.json" }',
      'packages/c/jest.config.js':
        "module.exports = { transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: false }] } }",
      'packages/d/jest.config.js': "module.exports = { preset: 'jest-preset-angular' }",
      'packages/e/jest.config.js': "module.exports = { preset: 'ts-jest' }"
    }
    const read = (path: string): string | undefined => configs[path]
    const files = new Set(Object.keys(configs))
    const chains = tsconfigChains(read, files, files)
    const isolated = (dir: string, version: string | undefined): boolean =>
      tsJestIsolatedByTsconfig(loadJestSettings(read, dir) as JestSettings, files, chains, version)
    expect(isolated('', '29.3.0')).toBe(true)
    expect(isolated('', '29.4.15')).toBe(true)
    // Before 29.3 only ts-jest's own option did; a version not known or of another major checks.
    for (const version of ['29.2.6', '28.0.8', '30.0.0', undefined]) expect(isolated('', version)).toBe(false)
    // The config's own setting wins over the one it extends.
    expect(isolated('packages/a', '29.4.15')).toBe(false)
    // A base that is not read may set anything.
    expect(isolated('packages/b', '29.4.15')).toBe(false)
    // Set false in the jest config; Angular's transformer: left as they are.
    expect(isolated('packages/c', '29.4.15')).toBe(false)
    expect(isolated('packages/d', '29.4.15')).toBe(false)
    // Found from the config's rootDir up, when it names none: the top's here.
    expect(isolated('packages/e', '29.4.15')).toBe(true)
    // Compiler options given inline are laid over the file's, from 29.3 on; before, ts-jest
    // compiled each module alone only for its own option.
    const inline = (options: string, version: string): boolean => {
      const text = `module.exports = { transform: { '^.+\\.ts$': ['ts-jest', ${options}] } }`
      const settings = loadJestSettings(path => (path === 'jest.config.js' ? text : undefined), '')
      const none = new Set<string>()
      return !settings!.typeChecked || tsJestIsolatedByTsconfig(settings!, none, new Map(), version)
    }
    expect(inline('{ tsconfig: { isolatedModules: true, strict: true } }', '29.4.15')).toBe(true)
    expect(inline("{ tsconfig: { 'isolatedModules': true } }", '29.3.0')).toBe(true)
    expect(inline('{ tsconfig: { isolatedModules: true } }', '29.2.6')).toBe(false)
    expect(inline('{ tsconfig: { isolatedModules: true } }', '28.0.8')).toBe(false)
    expect(inline("{ tsconfig: { paths: { '}': ['x'] }, isolatedModules: true } }", '29.2.6')).toBe(false)
    // A brace or a quote in a comment does not end the object.
    expect(inline('{ tsconfig: { // the spec files }\n isolatedModules: true } }', '29.2.6')).toBe(false)
    expect(inline("{ tsconfig: { /* don't } */ isolatedModules: true } }", '29.2.6')).toBe(false)
    expect(inline("{ tsconfig: { /* don't } */ isolatedModules: true } }", '29.4.15')).toBe(true)
    expect(inline('{ tsconfig: { strict: true }, isolatedModules: true }', '29.2.6')).toBe(true)
    expect(inline('{ tsconfig: { isolatedModules: false } }', '29.4.15')).toBe(false)
    // A commented-out option sets nothing; a URL in a string is not a comment.
    const typeChecked = (text: string): boolean | undefined =>
      loadJestSettings(path => (path === 'jest.config.js' ? text : undefined), '')?.typeChecked
    expect(typeChecked("module.exports = {\n  preset: 'ts-jest',\n  // diagnostics: false,\n}")).toBe(true)
    expect(typeChecked("module.exports = { preset: 'ts-jest' /* , isolatedModules: true */ }")).toBe(true)
    expect(
      typeChecked("module.exports = { preset: 'ts-jest', globals: { 'ts-jest': { diagnostics: false } } }")
    ).toBe(false)
    expect(
      typeChecked(
        "module.exports = { preset: 'ts-jest', testURL: 'http://x/', // a\n isolatedModules: true }"
      )
    ).toBe(false)
  })

  it('finds test files by convention and by jest testMatch / testRegex / ignore patterns', () => {
    const conventional = makeTestMatcher([])
    expect(
      ['a.test.ts', 'src/__tests__/b.ts', 'c.spec.jsx', 'test_x.py', 'y_test.py', 'z_test.go'].every(
        conventional
      )
    ).toBe(true)
    expect(
      ['src/a.ts', 'fixtures/a.test.ts', 'node_modules/x/a.test.js', 'types.d.ts'].some(conventional)
    ).toBe(false)
    const read = (p: string): string | undefined =>
      p === 'package.json'
        ? JSON.stringify({
            jest: { testMatch: ['**/checks/**/*.ts'], testPathIgnorePatterns: ['/checks/skip/'] }
          })
        : undefined
    const custom = makeTestMatcher([loadJestSettings(read, '')!])
    expect(custom('checks/one.ts')).toBe(true)
    expect(custom('checks/skip/two.ts')).toBe(false)
    expect(custom('src/a.test.ts')).toBe(false)
    // jest tests regular expressions against absolute paths: `./packages/` matches a top folder.
    const babelLike = makeTestMatcher([
      loadJestSettings(
        p =>
          p === 'package.json'
            ? JSON.stringify({
                jest: {
                  testRegex: './(packages|codemods)/[^/]+/test/.+\\.m?js$',
                  testPathIgnorePatterns: ['./packages/[^/]+/test/fixtures/']
                }
              })
            : undefined,
        ''
      )!
    ])
    expect(babelLike('packages/core/test/a.js')).toBe(true)
    expect(babelLike('packages/core/src/a.js')).toBe(false)
    expect(babelLike('other/core/test/a.js')).toBe(false)
    expect(babelLike('packages/core/test/fixtures/b.js')).toBe(false)
  })
})

describe("pytest's configuration", () => {
  const matcher = (files: Record<string, string>): ((path: string) => boolean) => {
    const read = (path: string): string | undefined => files[path]
    const dirs = [
      ...new Set(Object.keys(files).map(path => path.slice(0, Math.max(0, path.lastIndexOf('/')))))
    ]
    const pytest = dirs
      .sort((a, b) => b.length - a.length)
      .flatMap(dir => loadPytestSettings(read, dir) ?? [])
    return makeTestMatcher([], pytest)
  }

  it("takes pytest's defaults without a config: test_*.py and *_test.py, not in build/ or hidden folders", () => {
    const isTest = matcher({})
    expect(
      ['tests/test_a.py', 'a_test.py', 'tests/tests.py', 'build/test_a.py', '.tox/x/test_a.py'].map(isTest)
    ).toEqual([true, true, false, false, false])
  })

  it('reads pyproject.toml arrays and strings, and --ignore in addopts', () => {
    const isTest = matcher({
      'pyproject.toml': [
        '[project]',
        'name = "x"',
        '[tool.pytest.ini_options]',
        'python_files = [',
        '  "check_*.py",  # checks',
        "  'tests.py',",
        ']',
        'testpaths = ["src", "tests"]',
        'norecursedirs = "fixtures */generated"',
        'addopts = "-ra --ignore=tests/legacy --ignore-glob=*_skip.py"',
        '[tool.other]',
        'python_files = ["nothing"]'
      ].join('\n')
    })
    expect(
      [
        'tests/check_a.py',
        'src/app/tests.py',
        'tests/test_a.py',
        'docs/check_a.py',
        'tests/fixtures/check_a.py',
        'src/app/generated/tests.py',
        'tests/legacy/check_a.py',
        'tests/check_skip.py'
      ].map(isTest)
    ).toEqual([true, true, false, false, false, false, false, false])
  })

  it('reads setup.cfg and tox.ini sections, pytest.ini first, and the nearest folder with one', () => {
    const isTest = matcher({
      'setup.cfg': '[metadata]\nname = x\n[tool:pytest]\npython_files =\n    spec_*.py\n    tests.py\n',
      'tox.ini': '[tox]\nenvlist = py311\n',
      'service/pytest.ini': '[pytest]\n',
      'service/tox.ini': '[pytest]\npython_files = nope_*.py\n'
    })
    expect(
      [
        'spec_a.py',
        'app/tests.py',
        'test_a.py',
        'service/test_a.py',
        'service/spec_a.py',
        'service/nope_a.py'
      ].map(isTest)
    ).toEqual([true, true, false, true, false, false])
  })
})

describe('vitest configs', () => {
  it("follows pnpm's /regex/ scripts to vitest, and reads its test block's dir, setup files and exclude", () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({
        scripts: { test: 'pnpm run "/^test:.*/"', 'test:lint': 'eslint .', 'test:spec': 'vitest run' }
      }),
      'vitest.config.mts': [
        "import { resolve } from 'node:path'",
        'export default defineConfig({',
        '  plugins: [react()],',
        '  test: {',
        "    dir: 'tests',",
        "    setupFiles: ['tests/setup.ts', resolve(__dirname, 'tests/more.ts')],",
        "    exclude: ['**/e2e/**'],",
        "    coverage: { include: ['src/**/'], exclude: ['src/x.ts'] },",
        '  },',
        '})'
      ].join('\n')
    }
    const settings = loadJestSettings(path => files[path], '')
    expect(settings?.setupFiles).toEqual(['tests/setup.ts', 'tests/more.ts'])
    const isTest = makeTestMatcher(settings ? [settings] : [])
    expect(['tests/a.test.ts', 'tests/e2e/b.test.ts', 'src/x.ts', 'tests/setup.ts'].map(isTest)).toEqual([
      true,
      false,
      false,
      false
    ])
  })
})

describe('jest projects', () => {
  it("folds inline projects into what the config takes: each one's tests, setup files and mappings", () => {
    const files: Record<string, string> = {
      'jest.config.js': [
        'module.exports = {',
        '  projects: [',
        "    { displayName: 'unit', testMatch: ['<rootDir>/unit/**/*.check.js'], setupFilesAfterEnv: ['<rootDir>/unit/env.js'] },",
        "    { displayName: 'api', rootDir: '<rootDir>/api', moduleNameMapper: { '^~/(.*)$': '<rootDir>/src/$1' } },",
        "    '<rootDir>/packages/*'",
        '  ]',
        '}'
      ].join('\n')
    }
    const settings = loadJestSettings(path => files[path], '')
    expect(settings?.setupFiles).toEqual(['unit/env.js'])
    expect(settings?.moduleNameMapper.map(m => [String(m.regex), m.targets])).toEqual([
      ['/^~\\/(.*)$/', ['api/src/$1']]
    ])
    const isTest = makeTestMatcher(settings ? [settings] : [])
    // The api project takes jest's default names under its own rootDir.
    expect(['unit/a.check.js', 'api/b.test.js', 'unit/c.test.js', 'other/d.check.js'].map(isTest)).toEqual([
      true,
      true,
      true,
      false
    ])
  })
})
