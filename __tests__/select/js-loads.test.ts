/** What a file too large to scan symbol by symbol loads, read from its quoted strings (scanJsLoads). */
import { describe, expect, it } from '@jest/globals'
import { scanJsLoads } from '../../src/select/js-loads.js'
import { MODULE_SYMBOL } from '../../src/select/model.js'

const importsOf = (text: string): Array<[string, string]> =>
  scanJsLoads(text, false).imports.map(record => [record.kind, record.spec])

describe('scanJsLoads', () => {
  it('reads a string loaded by require, import() and static imports as an import of the whole module', () => {
    const scan = scanJsLoads(
      [
        'const a = require("./a.js")',
        "const b = await import ( './b.mjs' )",
        "import c from './c.js'",
        "import './d.js'",
        "export * from './e.js'",
        "import f = require('./f')"
      ].join('\n'),
      false
    )
    expect(scan.imports.map(record => [record.kind, record.spec]).sort()).toEqual([
      ['dynamic', './b.mjs'],
      ['require', './a.js'],
      ['require', './f'],
      ['static', './c.js'],
      ['static', './d.js'],
      ['static', './e.js']
    ])
    expect(scan.imports.every(record => record.names === null)).toBe(true)
    // Read as CommonJS: whatever imports it takes all of it.
    expect(scan.esm).toBe(false)
    expect(Object.keys(scan.symbols)).toEqual([MODULE_SYMBOL])
  })

  it('reads a path a load call builds from a relative string as every file under it', () => {
    expect(importsOf('var chunk = id => require("./" + id + ".index.js")')).toEqual([['glob', './**']])
    expect(importsOf('import(`./locale/${lang}.js`)')).toEqual([['glob', './locale/**']])
    expect(importsOf("require('../[id]/' + name)")).toEqual([['glob', '../\\[id\\]/**']])
    // From a folder the code alone cannot tell: nothing to go by.
    expect(importsOf("require('/opt/' + name)")).toEqual([])
  })

  it('takes no other call for a load', () => {
    expect(
      importsOf(
        [
          "__nccwpck_require__('./a.js')",
          "loader.require('./b.js')",
          "reimport('./c.js')",
          "console.log('./d.js')",
          "const from = './e.js'"
        ].join('\n')
      )
    ).toEqual([])
  })

  it('keeps the strings that may be paths, but not the ones it imports', () => {
    const scan = scanJsLoads(
      "require('./a.js'); const data = 'fixtures/b.json', word = 'hello', ab = __dirname + '/build/Release/c.node'",
      false
    )
    expect(scan.strings).toEqual(['fixtures/b.json', '/build/Release/c.node'])
  })

  it('hashes the whole text with hashes, so any change of it is a change of the module', () => {
    const hash = (text: string): string =>
      (scanJsLoads(text, true).symbols[MODULE_SYMBOL] as { hash: string }).hash
    expect(hash('var a = 1 // one')).not.toBe(hash('var a = 1 // two'))
    expect(hash('var a = 1')).toBe(hash('var a = 1'))
    expect(scanJsLoads('var a = 1', false).symbols[MODULE_SYMBOL]?.hash).toBe('')
  })
})
