/**
 * The scan cache file: a head read at once (keys, graph snapshot) and a bulk of entry and edge
 * lines read when asked for, from the file as it was when the head was read.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { emptyScan, type ModuleScan } from '../../src/select/model.js'
import { ScanCache, type GraphSnapshot } from '../../src/select/scan-cache.js'
import { cleanupAll, makeTempDir } from '../support/git-repo.js'

afterAll(() => cleanupAll())

function scan(name: string): ModuleScan {
  const made = emptyScan('js')
  made.imports.push({ spec: `./${name}`, kind: 'static', names: null })
  made.exports[name] = name
  made.symbols[name] = { hash: `h-${name}`, refs: [] }
  made.strings.push(`${name}.json`)
  return made
}

const key = (tag: string, i: number): string => `sha${tag}${i}:ts:link`

/** A cache file with `count` entries and a snapshot of as many scanned files plus one other. */
function writeCache(file: string, count: number, tag: string): GraphSnapshot {
  const cache = new ScanCache(file)
  const paths = Array.from({ length: count }, (_, i) => `src/m${i}.ts`)
  const keys = paths.map((_, i) => key(tag, i))
  keys.forEach((key, i) => cache.set(key, scan(`${tag}${i}`)))
  const snapshot: GraphSnapshot = {
    fingerprint: `print-${tag}`,
    paths: [...paths, 'data/other.json'],
    keys,
    outs: paths.map((_, i) => (i > 0 ? [i - 1] : [])),
    edgesInto: i => JSON.stringify([[i, 1], [], []]),
    sense: { 'n:m0.ts': [1] }
  }
  cache.setGraphSnapshot(() => snapshot)
  cache.save()
  return snapshot
}

describe('ScanCache', () => {
  it('gives back entries and the graph snapshot of the files it was saved for', () => {
    const file = join(makeTempDir('ci-medic-scan-cache-'), 'scans.json')
    const saved = writeCache(file, 300, 'a')
    const cache = new ScanCache(file)
    expect(cache.loaded).toBe(true)
    // Past the lines read one by one: the rest of the file is read at once.
    for (let i = 0; i < 300; i++) {
      const entry = cache.get(key('a', i))
      expect(entry?.exports).toEqual({ [`a${i}`]: `a${i}` })
      expect(entry?.symbols[`a${i}`]?.hash).toBe(`h-a${i}`)
      expect(entry?.strings).toEqual([`a${i}.json`])
    }
    expect(cache.get('missing:ts:link')).toBeUndefined()
    const scanned = saved.paths.slice(0, 300)
    const snapshot = cache.graphSnapshot('print-a', scanned)
    expect(snapshot?.paths).toEqual(saved.paths)
    expect(snapshot?.keys).toEqual(saved.keys)
    expect(snapshot?.outs).toEqual(saved.outs)
    expect(snapshot?.edgesInto(300)).toBe(saved.edgesInto(300))
    expect(snapshot?.edgesInto(7)).toBe(saved.edgesInto(7))
    // Another fingerprint, or another number of scanned files: no snapshot.
    expect(cache.graphSnapshot('print-b', scanned)).toBeUndefined()
    expect(cache.graphSnapshot('print-a', scanned.slice(1))).toBeUndefined()
  })

  it('gives back every field of a scan, the optional ones too', () => {
    const file = join(makeTempDir('ci-medic-scan-cache-'), 'scans.json')
    const full: ModuleScan = {
      ...scan('full'),
      error: 'Unexpected token (1:1)',
      pkg: 'main',
      embeds: ['static/*'],
      decorated: true
    }
    const writer = new ScanCache(file)
    writer.set('full:ts:link', full)
    writer.save()
    const entry = new ScanCache(file).get('full:ts:link') as ModuleScan
    for (const field of Object.keys(full) as Array<keyof ModuleScan>)
      expect([field, entry[field]]).toEqual([field, full[field]])
  })

  it('gives back a cache saved with no entries and no snapshot', () => {
    const file = join(makeTempDir('ci-medic-scan-cache-'), 'scans.json')
    const empty = new ScanCache(file)
    empty.setResolutions('print', { 'src\u0000./a': 'src/a.ts' })
    empty.save()
    const again = new ScanCache(file)
    expect(again.loaded).toBe(true)
    expect(again.resolutions('print')).toEqual({ 'src\u0000./a': 'src/a.ts' })
  })

  it('reads its entries from the file it loaded, even once another run replaced it', () => {
    const folder = makeTempDir('ci-medic-scan-cache-')
    const file = join(folder, 'scans.json')
    writeCache(file, 20, 'a')
    const first = new ScanCache(file)
    expect(first.loaded).toBe(true)
    // Another run saves its own cache in the same place (write, then rename over it).
    writeCache(join(folder, 'other.json'), 20, 'b')
    renameSync(join(folder, 'other.json'), file)
    expect(first.get(key('a', 3))?.exports).toEqual({ a3: 'a3' })
    expect(
      first
        .graphSnapshot(
          'print-a',
          Array.from({ length: 20 }, (_, i) => `src/m${i}.ts`)
        )
        ?.edgesInto(3)
    ).toBe(JSON.stringify([[3, 1], [], []]))
    expect(new ScanCache(file).get(key('b', 3))?.exports).toEqual({ b3: 'b3' })
  })

  it('keeps the entries a run used when it saves again, and its snapshot keys', () => {
    const file = join(makeTempDir('ci-medic-scan-cache-'), 'scans.json')
    const saved = writeCache(file, 10, 'a')
    const second = new ScanCache(file)
    // This run uses half of the entries and adds one: the others are dropped.
    for (let i = 0; i < 5; i++) second.get(key('a', i))
    second.set('fresh:ts:link', scan('fresh'))
    second.save()
    const third = new ScanCache(file)
    expect(third.get(key('a', 4))?.exports).toEqual({ a4: 'a4' })
    expect(third.get(key('a', 5))).toBeUndefined()
    expect(third.get('fresh:ts:link')?.exports).toEqual({ fresh: 'fresh' })
    // The snapshot is kept; the keys of dropped entries no longer match any scan.
    const snapshot = third.graphSnapshot('print-a', saved.paths.slice(0, 10))
    expect(snapshot?.keys.slice(0, 5)).toEqual(saved.keys.slice(0, 5))
    expect(snapshot?.keys.slice(5)).toEqual(['', '', '', '', ''])
  })

  it('is an empty cache when its file is cut short, outdated or not a cache', () => {
    const folder = makeTempDir('ci-medic-scan-cache-')
    const cut = join(folder, 'cut.json')
    writeCache(cut, 10, 'a')
    truncateSync(cut, readFileSync(cut).length - 5)
    const outdated = join(folder, 'outdated.json')
    writeCache(outdated, 10, 'a')
    const text = readFileSync(outdated, 'utf8')
    writeFileSync(outdated, text.replace(/^\{"version":\d+/, '{"version":1'))
    const junk = join(folder, 'junk.json')
    writeFileSync(junk, 'not a cache\n')
    for (const file of [cut, outdated, junk, join(folder, 'absent.json')]) {
      const cache = new ScanCache(file)
      expect([file, cache.loaded]).toEqual([file, false])
      expect(cache.get(key('a', 1))).toBeUndefined()
    }
  })
})
