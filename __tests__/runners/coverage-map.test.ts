import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  COVERAGE_MAP_FILE,
  decodeIndices,
  encodeIndices,
  readCoverageMap,
  recordCoverageMap,
  type TestCoverage
} from '../../src/runners/coverage-map.js'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'

afterAll(() => cleanupAll())

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)

describe('coverage map file', () => {
  it('stores function sets as bit sets and reads them back', () => {
    for (const set of [[], [0], [7, 8], [3, 64, 65, 200]])
      expect(decodeIndices(encodeIndices(set))).toEqual(set)
  })

  it('keeps one function table per source and the functions each test ran', () => {
    const dir = makeTempDir('ci-medic-map-')
    const map = recordCoverageMap(
      dir,
      A,
      new Map<string, TestCoverage>([
        ['t/one.test.js', { 'src/a.js': { fns: [1, 0, 5, 2], exact: true } }],
        [
          't/two.test.js',
          { 'src/a.js': { fns: [5, 2, 9, 0], exact: true }, 'src/b.ts': { fns: [3, 1], exact: false } }
        ]
      ])
    )
    expect(map.runs).toHaveLength(1)
    const run = map.runs[0]!
    expect(run.sources).toEqual([
      { path: 'src/a.js', fns: [1, 0, 5, 2, 9, 0], exact: true },
      { path: 'src/b.ts', fns: [], exact: false }
    ])
    expect(decodeIndices(run.tests['t/one.test.js']!['0']!)).toEqual([0, 1])
    expect(decodeIndices(run.tests['t/two.test.js']!['0']!)).toEqual([1, 2])
    expect(run.tests['t/two.test.js']!['1']).toBe('')
    expect(readCoverageMap(dir)).toEqual(map)
  })

  it('moves a test recorded again to the newer run and drops runs left empty', () => {
    const dir = makeTempDir('ci-medic-map-')
    recordCoverageMap(dir, A, new Map([['t/one.test.js', { 'src/a.js': { fns: [1, 0], exact: true } }]]))
    recordCoverageMap(dir, A, new Map([['t/two.test.js', { 'src/a.js': { fns: [1, 0], exact: true } }]]))
    // The same commit again replaces its run.
    expect(readCoverageMap(dir).runs.map(r => Object.keys(r.tests))).toEqual([['t/two.test.js']])
    recordCoverageMap(dir, B, new Map([['t/two.test.js', { 'src/a.js': { fns: [], exact: true } }]]))
    expect(readCoverageMap(dir).runs.map(r => r.commit)).toEqual([B])
  })

  it('reads a missing, malformed or foreign file as an empty map', () => {
    const dir = makeTempDir('ci-medic-map-')
    expect(readCoverageMap(dir)).toEqual({ version: 1, runs: [] })
    writeFileSync(join(dir, COVERAGE_MAP_FILE), '{ not json')
    expect(readCoverageMap(dir).runs).toEqual([])
    writeFileSync(
      join(dir, COVERAGE_MAP_FILE),
      JSON.stringify({
        version: 1,
        runs: [{ commit: 'HEAD; rm -rf /', recordedAt: '', sources: [], tests: {} }]
      })
    )
    expect(readCoverageMap(dir).runs).toEqual([])
    expect(readFileSync(join(dir, COVERAGE_MAP_FILE), 'utf8')).toContain('rm -rf')
  })
})
