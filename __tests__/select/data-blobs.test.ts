/** Binary and oversized blobs, found with one search per run of views of a shared buffer. */
import { describe, expect, it } from '@jest/globals'
import { dataBlobsAmong, isDataBlob } from '../../src/select/scan-blob.js'

describe('dataBlobsAmong', () => {
  it('finds the binary and oversized blobs among views of shared buffers', () => {
    const arena = Buffer.from('text one\0binary\0moretext threeend')
    const one = arena.subarray(0, 8)
    const binary = arena.subarray(8, 16)
    const text = arena.subarray(16, 25)
    const tail = arena.subarray(25)
    const alone = Buffer.from('a\0b')
    const clean = Buffer.from('clean')
    const huge = Buffer.alloc(1024 * 1024 + 1, 0x61)
    const blobs = [one, binary, text, tail, alone, clean, huge, Buffer.alloc(0)]
    const data = dataBlobsAmong(blobs.map(blob => [blob, 'py'] as const))
    expect([...data]).toEqual(expect.arrayContaining([binary, alone, huge]))
    expect(data.size).toBe(3)
    // The same answer as one search per blob.
    expect(blobs.filter(blob => isDataBlob(blob, 'py'))).toEqual(blobs.filter(blob => data.has(blob)))
  })

  it('leaves a JavaScript file over a megabyte to be scanned for its loads', () => {
    const bundle = Buffer.alloc(1024 * 1024 + 1, 0x61)
    const binary = Buffer.from('a\0b')
    const data = dataBlobsAmong([
      [bundle, 'jsx'],
      [bundle, 'html'],
      [binary, 'jsx']
    ])
    expect(data).toEqual(new Set([bundle, binary]))
    expect(dataBlobsAmong([[bundle, 'jsx']]).size).toBe(0)
    expect(dataBlobsAmong([[bundle, 'ts']]).size).toBe(0)
    expect(isDataBlob(bundle, 'jsx')).toBe(false)
    expect(isDataBlob(bundle)).toBe(true)
  })

  it('skips a NUL in the gap between two views', () => {
    const arena = Buffer.from('aaa\0bbb')
    expect(
      dataBlobsAmong([arena.subarray(0, 3), arena.subarray(4)].map(blob => [blob, 'jsx'] as const)).size
    ).toBe(0)
  })

  it('checks overlapping views one by one', () => {
    const arena = Buffer.from('ab\0cd')
    const data = dataBlobsAmong(
      [arena.subarray(0, 4), arena.subarray(1, 2), arena.subarray(2, 5)].map(blob => [blob, 'jsx'] as const)
    )
    expect(data.size).toBe(2)
  })
})
