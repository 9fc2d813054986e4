// Which untracked files a recorded test may have loaded: stubs that only load tracked files it ran.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { onlyLoadsWhatRan, type StubCheck } from '../../src/runners/loader-stub.js'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'

afterAll(() => cleanupAll())

const TRACKED = new Set(['src/index.js', 'src/other.js'])

function folder(files: Record<string, string>): string {
  const dir = makeTempDir('ci-medic-stub-')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

function check(dir: string, ran: string[]): StubCheck {
  return { repoDir: dir, tracked: path => TRACKED.has(path), ran: new Set(ran) }
}

const PRECONSTRUCT = [
  '"use strict";',
  '// this bit of code imports the require hook and registers it',
  'let unregister = require("../node_modules/@preconstruct/hook").___internalHook(typeof __dirname === \'undefined\' ? undefined : __dirname, "..", "..");',
  'module.exports = require("../src/index.js");',
  'unregister();',
  ''
].join('\n')

describe('onlyLoadsWhatRan', () => {
  it("takes preconstruct's entry stub, and a stub that loads it, when the test ran the source", () => {
    const dir = folder({
      'src/index.js': 'export const a = () => 1\n',
      'dist/pkg.cjs.js': PRECONSTRUCT,
      'dist/pkg.cjs.default.js': 'exports._default = require("./pkg.cjs.js").default;\n',
      'dist/pkg.esm.mjs': 'export * from "../src/index.js";\nexport { default } from "../src/index.js";\n'
    })
    const ran = check(dir, ['src/index.js', 'dist/pkg.cjs.js'])
    expect(onlyLoadsWhatRan('dist/pkg.cjs.js', ran)).toBe(true)
    expect(onlyLoadsWhatRan('dist/pkg.cjs.default.js', ran)).toBe(true)
    expect(onlyLoadsWhatRan('dist/pkg.esm.mjs', ran)).toBe(true)
  })

  it('refuses a stub whose source the test did not run (it was not instrumented)', () => {
    const dir = folder({ 'src/index.js': 'export const a = () => 1\n', 'dist/pkg.cjs.js': PRECONSTRUCT })
    expect(onlyLoadsWhatRan('dist/pkg.cjs.js', check(dir, ['dist/pkg.cjs.js']))).toBe(false)
  })

  it('refuses built output: code of its own, or loading nothing the repository tracks', () => {
    const dir = folder({
      'src/index.js': 'export const a = () => 1\n',
      'build/fn.js': 'require("../src/index.js");\nexports.b = function () { return 2 }\n',
      'build/arrow.js': 'require("../src/index.js");\nexports.b = () => 2\n',
      'build/class.js': 'require("../src/index.js");\nexports.B = class {}\n',
      'build/table.js': 'module.exports = { rate: 0.2, names: ["a", "b"] }\n',
      'build/chunk.js': 'module.exports = require("./chunk-1.js")\n',
      'build/chunk-1.js': 'module.exports = { rate: 0.2 }\n',
      'build/missing.js': 'module.exports = require("./gone.js")\n',
      'build/outside.js': 'module.exports = require("../../elsewhere/index.js")\n',
      'build/big.js': `module.exports = require("../src/index.js")\n${'// padding\n'.repeat(500)}`
    })
    const ran = check(dir, ['src/index.js'])
    for (const file of ['fn', 'arrow', 'class', 'table', 'chunk', 'missing', 'outside', 'big'])
      expect([file, onlyLoadsWhatRan(`build/${file}.js`, ran)]).toEqual([file, false])
  })

  it('refuses a file that is not JavaScript, or that is not there', () => {
    const dir = folder({ 'src/index.js': 'export const a = () => 1\n', 'data/x.json': '{}\n' })
    const ran = check(dir, ['src/index.js'])
    expect(onlyLoadsWhatRan('data/x.json', ran)).toBe(false)
    expect(onlyLoadsWhatRan('dist/none.js', ran)).toBe(false)
  })
})
