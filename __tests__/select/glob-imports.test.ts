/** Glob imports: the patterns, and which files of a repository they load. */
import { describe, expect, it } from '@jest/globals'
import { globCandidate, globFiles, globRegExp, requiredText } from '../../src/select/glob-imports.js'
import { scanJs } from '../../src/select/js-scanner.js'

const FILES = [
  'src/a.ts',
  'src/b.tsx',
  'src/deep/c.ts',
  'src/.hidden.ts',
  'lib/d.ts',
  'pages/e.ts',
  'app/pages/f.ts'
]

describe('globRegExp', () => {
  it('reads *, **, ?, braces, classes and escapes', () => {
    const test = (pattern: string, path: string): boolean => globRegExp(pattern)?.test(path) ?? false
    expect(test('*.ts', 'a.ts')).toBe(true)
    expect(test('*.ts', 'x/a.ts')).toBe(false)
    expect(test('**/*.ts', 'x/y/a.ts')).toBe(true)
    expect(test('a**.json', 'a/b/c.json')).toBe(true)
    expect(test('?.ts', 'ab.ts')).toBe(false)
    expect(test('*.{ts,tsx}', 'b.tsx')).toBe(true)
    expect(test('[ab].ts', 'c.ts')).toBe(false)
    expect(test('[!ab].ts', 'c.ts')).toBe(true)
    expect(test('a\\*.ts', 'a*.ts')).toBe(true)
    expect(test('a\\*.ts', 'ab.ts')).toBe(false)
    expect(globRegExp('{a,b')).toBeUndefined()
  })
})

describe('globFiles', () => {
  it('matches relative to the importing file, and a rooted pattern in any folder', () => {
    expect(globFiles(FILES, 'src/index.ts', './*.ts')).toEqual(['src/a.ts', 'src/.hidden.ts'])
    expect(globFiles(FILES, 'src/index.ts', './**')).toEqual(FILES.filter(f => f.startsWith('src/')))
    expect(globFiles(FILES, 'src/deep/x.ts', '../../lib/*.ts')).toEqual(['lib/d.ts'])
    expect(globFiles(FILES, 'x.ts', '../*.ts')).toEqual([])
    expect(globFiles(FILES, 'src/a.ts', '/pages/*.ts')).toEqual(['pages/e.ts', 'app/pages/f.ts'])
    expect(globFiles(FILES, 'src/a.ts', './*.ts')).toEqual(['src/.hidden.ts'])
  })

  it('matches a rooted pattern from the root or any folder, never from inside a name', () => {
    const files = ['a.js', 'x/b.js', 'x/y/c.js', 'x/y/c.ts', 'xy/a.js', 'px/y/d.js']
    expect(globFiles(files, 'src/i.ts', '/**/*.js')).toEqual(['x/b.js', 'x/y/c.js', 'xy/a.js', 'px/y/d.js'])
    expect(globFiles(files, 'src/i.ts', '/*.js')).toEqual([
      'a.js',
      'x/b.js',
      'x/y/c.js',
      'xy/a.js',
      'px/y/d.js'
    ])
    expect(globFiles(files, 'src/i.ts', '/x/*/*.js')).toEqual(['x/y/c.js'])
    expect(globFiles(files, 'src/i.ts', '/y/*.{js,ts}')).toEqual(['x/y/c.js', 'x/y/c.ts', 'px/y/d.js'])
  })
})

describe('glob imports in the scanner and the quick pass', () => {
  it('records import.meta.glob patterns and template imports with holes', () => {
    const scan = scanJs(
      [
        "const a = import.meta.glob('./pages/*.tsx')",
        "const b = import.meta.glob(['./x/*.ts', '!./x/skip.ts', './y/**'])",
        'const c = () => import(`./locales/${lang}/${ns}.json`)',
        'const d = require(`./data/${name}`)',
        'const e = import(`${base}/x.ts`)',
        "const f = import.meta.glob('./plain.ts')",
        ''
      ].join('\n'),
      'src/i.ts'
    )
    expect(scan.imports.map(i => `${i.kind} ${i.spec}`)).toEqual([
      'glob ./pages/*.tsx',
      'glob ./x/*.ts',
      'glob ./y/**',
      'glob ./locales/**/**.json',
      'glob ./data/**',
      // Not a pattern: a path from a folder known only at run time (see rooted-require.test.ts).
      'rooted x.ts',
      'dynamic ./plain.ts'
    ])
  })

  it('widens a template to everything under its text before the first hole, and never narrows', () => {
    expect(globCandidate('./locales/${lang}/${ns}.json')).toBe('./locales/**')
    expect(globCandidate('${base}/x.ts')).toBeUndefined()
    expect(globCandidate('/api/${id}')).toBeUndefined()
    expect(globCandidate('./pages/*.tsx')).toBe('./pages/*.tsx')
    expect(globCandidate('./plain.ts')).toBeUndefined()
    expect(globCandidate('src/*.ts')).toBeUndefined()
  })
})

describe('requiredText', () => {
  it('is the longest plain run outside braces and brackets, which every match holds', () => {
    expect(requiredText('**/node_modules/*.js')).toBe('/node_modules/')
    expect(requiredText('./locales/{en,de}/[a-z]*.json')).toBe('./locales/')
    expect(requiredText('*.{js,ts}')).toBe('.')
    expect(requiredText('**')).toBe('')
    expect(requiredText('a\\*bcd')).toBe('bcd')
  })
})
