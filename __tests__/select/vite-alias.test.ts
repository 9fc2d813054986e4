import { describe, expect, it } from '@jest/globals'
import { viteAliases } from '../../src/select/project.js'

/** Each alias as the specifier it maps and where that specifier goes. */
function mapped(text: string, config: string, specs: string[]): Record<string, string | null> {
  const aliases = viteAliases(text, config)
  return Object.fromEntries(
    specs.map(spec => {
      const alias = aliases.find(a => a.find.test(spec))
      return [spec, alias ? spec.replace(alias.find, alias.replacement) : null]
    })
  )
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
