/** Go's //go:embed rules: which files a pattern embeds, and how a directive line splits. */
import { describe, expect, it } from '@jest/globals'
import { goEmbedPatterns, goEmbeds } from '../../src/select/go-files.js'
import { scanGo } from '../../src/select/other-scanners.js'

describe('goEmbeds', () => {
  it('matches files as path.Match does: * and ? stay within a name, classes and escapes', () => {
    expect(goEmbeds('*.txt', 'a.txt')).toBe(true)
    expect(goEmbeds('*.txt', 'sub/a.txt')).toBe(false)
    expect(goEmbeds('sub/*.txt', 'sub/a.txt')).toBe(true)
    expect(goEmbeds('v?.json', 'v1.json')).toBe(true)
    expect(goEmbeds('v?.json', 'v10.json')).toBe(false)
    expect(goEmbeds('[a-c].md', 'b.md')).toBe(true)
    expect(goEmbeds('[^a-c].md', 'b.md')).toBe(false)
    expect(goEmbeds('[^a-c].md', 'd.md')).toBe(true)
    expect(goEmbeds('a\\*b', 'a*b')).toBe(true)
    expect(goEmbeds('a\\*b', 'axb')).toBe(false)
    expect(goEmbeds('a.txt', 'aXtxt')).toBe(false)
    expect(goEmbeds('[a-c', 'a')).toBe(false)
  })

  it('embeds a folder recursively, without names starting with . or _ unless all:', () => {
    expect(goEmbeds('static', 'static/css/site.css')).toBe(true)
    expect(goEmbeds('stat*', 'static/index.html')).toBe(true)
    expect(goEmbeds('static', 'static/_draft.html')).toBe(false)
    expect(goEmbeds('static', 'static/.cache/x')).toBe(false)
    expect(goEmbeds('all:static', 'static/.cache/x')).toBe(true)
    // A name the pattern matches itself is embedded whatever it starts with.
    expect(goEmbeds('static/.env', 'static/.env')).toBe(true)
    expect(goEmbeds('static', 'statics/a')).toBe(false)
  })
})

describe('goEmbedPatterns', () => {
  it('splits on spaces and reads Go string quotes', () => {
    expect(goEmbedPatterns('a.txt  "b c.txt" `d e` all:f')).toEqual(['a.txt', 'b c.txt', 'd e', 'all:f'])
    expect(goEmbedPatterns('"tab\\tname"')).toEqual(['tab\tname'])
  })
})

describe('scanGo directives', () => {
  it('keeps a directive with the declaration below it and records its patterns', () => {
    const scan = scanGo(
      'package p\n\nimport "embed"\n\n// doc\n//go:embed a.txt\n//go:embed b.txt\nvar files embed.FS\n\nfunc F() {}\n'
    )
    expect(scan.embeds).toEqual(['a.txt', 'b.txt'])
    const moved = scanGo(
      'package p\n\nimport "embed"\n\n// doc\n//go:embed a.txt\nvar files embed.FS\n\nfunc F() {}\n'
    )
    expect(Object.keys(scan.symbols).sort()).toEqual(['<module>', 'F', 'files'])
    expect(moved.symbols.files?.hash).not.toBe(scan.symbols.files?.hash)
    expect(moved.symbols.F?.hash).toBe(scan.symbols.F?.hash)
    expect(moved.symbols['<module>']?.hash).toBe(scan.symbols['<module>']?.hash)
  })

  it('drops other comments, but none in a cgo file', () => {
    const plain = 'package p\n\n// F does.\nfunc F() {}\n'
    expect(scanGo(plain).symbols.F?.hash).toBe(scanGo(plain.replace('does.', 'does it.')).symbols.F?.hash)
    const cgo = 'package p\n\n// #define N 1\nimport "C"\n\nfunc F() int { return int(C.N) }\n'
    expect(scanGo(cgo).symbols['<module>']?.hash).not.toBe(
      scanGo(cgo.replace('N 1', 'N 2')).symbols['<module>']?.hash
    )
  })
})
