import { describe, expect, it } from '@jest/globals'
import { configuredAliases, viteAliases, type PathAlias } from '../../src/select/aliases.js'

/** Where each specifier goes: through the first alias that matches it, or null. */
function through(aliases: PathAlias[], specs: string[]): Record<string, string | null> {
  return Object.fromEntries(
    specs.map(spec => {
      const alias = aliases.find(a => a.find.test(spec))
      return [spec, alias ? spec.replace(alias.find, alias.replacement) : null]
    })
  )
}

/** Each alias as the specifier it maps and where that specifier goes. */
function mapped(text: string, config: string, specs: string[]): Record<string, string | null> {
  return through(viteAliases(text, config), specs)
}

describe('viteAliases', () => {
  it('reads object and array forms, and the ways configs name a folder', () => {
    const text = `
import { fileURLToPath, URL } from 'node:url'
import path from 'node:path'
export default defineConfig({
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      { find: /^~(.*)$/, replacement: path.resolve(__dirname, 'lib/$1') },
      { find: /^#Shared\\/(.*)$/i, replacement: path.resolve(__dirname, 'shared/$1') },
      { find: 'react', replacement: 'preact/compat' },
    ],
  },
  test: {
    alias: {
      'redux': new URL('src/index.ts', import.meta.url).pathname,
      "#utils": \`\${__dirname}/src/utils\`,
      // a replacement that names no path is left out
      dynamic: someFunction(),
    },
  },
})
`
    expect(
      mapped(text, 'web/vite.config.ts', [
        '@',
        '@/a/b.js',
        '@scope/pkg',
        '~x/y',
        'redux',
        'redux/x',
        '#utils/z',
        '#shared/q',
        'react',
        'dynamic'
      ])
    ).toEqual({
      '@': 'web/src',
      '@/a/b.js': 'web/src/a/b.js',
      '@scope/pkg': null,
      '~x/y': 'web/lib/x/y',
      redux: 'web/src/index.ts',
      'redux/x': 'web/src/index.ts/x',
      '#utils/z': 'web/src/utils/z',
      '#shared/q': 'web/shared/q',
      // A package for a package: nothing of the repository.
      react: null,
      dynamic: null
    })
    expect(viteAliases(text, 'web/vite.config.ts').every(alias => alias.dir === 'web')).toBe(true)
  })

  it("counts a rooted replacement from the config folder, Vite's root", () => {
    expect(
      mapped("export default { resolve: { alias: { '@': '/src' } } }", 'web/vite.config.js', ['@/a'])
    ).toEqual({
      '@/a': 'web/src/a'
    })
  })

  it('reads nothing from a config without aliases, or one whose replacement leaves the repository', () => {
    expect(viteAliases('export default { plugins: [] }', 'vite.config.js')).toEqual([])
    expect(
      viteAliases("export default { resolve: { alias: { '@': '../outside' } } }", 'vite.config.js')
    ).toEqual([])
  })
})

describe('webpack aliases', () => {
  const WEBPACK = `
const path = require('path')
module.exports = {
  module: { rules: [{ test: /\\.css$/, use: [{ loader: 'css-loader', options: { modules: true } }] }] },
  resolve: {
    modules: [path.resolve(__dirname, 'src'), 'node_modules', 'shared'],
    alias: {
      Utilities: path.resolve(__dirname, 'src/utilities/'),
      xyz$: path.resolve(__dirname, 'path/to/file.js'),
      '@assets': [path.join(__dirname, 'assets'), path.join(__dirname, 'fallback')],
      react: 'preact/compat',
      ignored: false,
    },
  },
}
`

  it('reads resolve.alias (a `$` key matches only itself) and resolve.modules', () => {
    const { aliases, roots } = configuredAliases('web/webpack.config.js', WEBPACK, 'web')
    expect(
      through(aliases, [
        'Utilities',
        'Utilities/file.js',
        'xyz',
        'xyz/file.js',
        '@assets/logo.svg',
        'react',
        'ignored'
      ])
    ).toEqual({
      Utilities: 'web/src/utilities',
      'Utilities/file.js': 'web/src/utilities/file.js',
      xyz: 'web/path/to/file.js',
      'xyz/file.js': null,
      '@assets/logo.svg': 'web/assets/logo.svg',
      react: null,
      ignored: null
    })
    // `modules: true` of a loader is no module folder; a plain name is looked up like node_modules.
    expect(roots).toEqual([
      { dir: 'web', root: 'web/src' },
      { dir: 'web', root: 'web/shared' }
    ])
  })

  it("reads webpack 5's array form, and the configs that hand webpack its options", () => {
    const array =
      "module.exports = { resolve: { alias: [{ name: 'lib', alias: path.resolve(__dirname, 'lib'), onlyModule: true }] } }"
    expect(through(configuredAliases('webpack.prod.js', array).aliases, ['lib', 'lib/x'])).toEqual({
      lib: 'lib',
      'lib/x': null
    })
    const craco = "module.exports = { webpack: { alias: { '@': path.resolve(__dirname, './src') } } }"
    expect(through(configuredAliases('app/craco.config.js', craco, 'app').aliases, ['@/a'])).toEqual({
      '@/a': 'app/src/a'
    })
    // Not a config webpack reads: a source named webpack.ts is left alone.
    expect(configuredAliases('src/webpack.ts', craco)).toEqual({ aliases: [], roots: [] })
  })
})

describe('babel-plugin-module-resolver', () => {
  it('reads alias (plain keys and regex keys with \\1) and root, from the config folder', () => {
    const babelrc = JSON.stringify({
      presets: ['@babel/preset-env'],
      plugins: [
        [
          'module-resolver',
          {
            root: ['./src'],
            alias: {
              components: './src/components',
              '^@app/(.+)': './src/\\1',
              underscore: 'lodash',
              outside: '../../elsewhere'
            }
          }
        ]
      ]
    })
    const { aliases, roots } = configuredAliases('mobile/.babelrc', babelrc, 'mobile')
    expect(
      through(aliases, [
        'components',
        'components/Button',
        'componentsX',
        '@app/screens/Home',
        'underscore',
        'outside'
      ])
    ).toEqual({
      components: 'mobile/src/components',
      'components/Button': 'mobile/src/components/Button',
      componentsX: null,
      '@app/screens/Home': 'mobile/src/screens/Home',
      underscore: null,
      outside: null
    })
    expect(roots).toEqual([{ dir: 'mobile', root: 'mobile/src' }])
  })

  it("reads a JavaScript babel config and package.json's babel field", () => {
    const js = `module.exports = function (api) {
  api.cache(true)
  return {
    plugins: [
      [require.resolve('babel-plugin-module-resolver'), { root: './lib', alias: { '~': './src' } }],
    ],
  }
}
`
    const config = configuredAliases('babel.config.js', js)
    expect(through(config.aliases, ['~/x/y'])).toEqual({ '~/x/y': 'src/x/y' })
    expect(config.roots).toEqual([{ dir: '', root: 'lib' }])
    const pkg = JSON.stringify({
      name: 'a',
      babel: { plugins: [['module-resolver', { alias: { '#a': './a' } }]] }
    })
    expect(through(configuredAliases('pkgs/a/package.json', pkg, 'pkgs/a').aliases, ['#a/b'])).toEqual({
      '#a/b': 'pkgs/a/a/b'
    })
    expect(configuredAliases('package.json', JSON.stringify({ name: 'a' }))).toEqual({
      aliases: [],
      roots: []
    })
  })
})
