/** Which files are scanned, and as what: decided by extension for every file of a revision. */
import { describe, expect, it } from '@jest/globals'
import { isJsFile } from '../../src/select/js-scanner.js'
import { scanKindOf, scanSource } from '../../src/select/scan-blob.js'

describe('scanKindOf', () => {
  it('scans TypeScript as ts, the other JavaScript-likes as jsx, Python and Go by name', () => {
    expect(scanKindOf('src/a.ts')).toBe('ts')
    expect(scanKindOf('src/a.mts')).toBe('ts')
    expect(scanKindOf('src/a.cts')).toBe('ts')
    expect(scanKindOf('src/a.tsx')).toBe('jsx')
    expect(scanKindOf('a.js')).toBe('jsx')
    expect(scanKindOf('lib/a.mjs')).toBe('jsx')
    expect(scanKindOf('lib/a.cjs')).toBe('jsx')
    expect(scanKindOf('lib/a.jsx')).toBe('jsx')
    expect(scanKindOf('pkg/mod.py')).toBe('py')
    expect(scanKindOf('cmd/main.go')).toBe('go')
    expect(scanKindOf('public/index.html')).toBe('html')
    expect(scanKindOf('docs/page.htm')).toBe('html')
  })

  it('leaves out declarations, installed packages, other files and look-alike names', () => {
    for (const path of [
      'types/a.d.ts',
      'node_modules/x/index.js',
      'packages/a/node_modules/b/c.ts',
      'README.md',
      'data.json',
      'Makefile',
      'docs/LICENSE',
      '.husky/.gitignore',
      'bin/.hidden',
      'node_modules/.bin/jest',
      'a.TS',
      'a.tsx.snap',
      'a.pyc',
      'a.gox',
      'a.jsxx',
      'node_modules/x/index.html',
      'a.xhtml',
      'a.HTML'
    ])
      expect([path, scanKindOf(path)]).toEqual([path, undefined])
  })

  it('scans a file without an extension as a script, for its #! line to say which language', () => {
    for (const path of ['bin/cli', 'test/fixtures/pm', 'dir.ts/file', 'tool'])
      expect([path, scanKindOf(path)]).toEqual([path, 'script'])
    const node = scanSource('script', "#!/usr/bin/env node\nrequire('../lib/run.js')\n", 'bin/cli')
    expect([node.lang, node.imports.map(i => i.spec)]).toEqual(['js', ['../lib/run.js']])
    const env = scanSource('script', "#!/usr/bin/env -S node --no-warnings\nimport './run.mjs'\n", 'bin/x')
    expect(env.imports.map(i => i.spec)).toEqual(['./run.mjs'])
    expect(scanSource('script', '#!/usr/bin/env python3\nimport tool.main\n', 'bin/py').lang).toBe('py')
    for (const text of ['#!/bin/sh\nnode ./x.js\n', 'MIT License\n', '', '# node\n#!/usr/bin/env node\n'])
      expect([text, scanSource('script', text, 'bin/x').lang]).toEqual([text, 'data'])
  })

  it('agrees with the JavaScript file rule on every combination of the extension letters', () => {
    const letters = ['', 'c', 'm', 'x', 'd.']
    const paths: string[] = []
    for (const a of letters)
      for (const core of ['ts', 'js', 'tsx', 'jsx', 'tss', 'j', 't', 's'])
        for (const b of ['', 'x']) paths.push(`src/f.${a}${core}${b}`, `f.${a}${core}${b}`)
    for (const path of paths) {
      const expected =
        isJsFile(path) && !path.includes('node_modules/')
          ? /\.[cm]?ts$/.test(path)
            ? 'ts'
            : 'jsx'
          : undefined
      expect([path, scanKindOf(path)]).toEqual([path, expected])
    }
  })
})
