/** Blobs streamed out of a real `git cat-file --batch`, whole however the pipe splits them. */
import { afterAll, describe, expect, it } from '@jest/globals'
import { openBlobBatch, readBlobs } from '../../src/select/git-source.js'
import { cleanupAll, createRepo, runGit } from '../support/git-repo.js'

afterAll(() => cleanupAll())

describe('readBlobs and openBlobBatch', () => {
  // Megabytes arrive in many chunks of the pipe; a header may too.
  const large = Buffer.alloc(3 * 1024 * 1024 + 7)
  for (let i = 0; i < large.length; i++) large[i] = (i * 31 + (i >> 12)) & 0xff
  const files: Record<string, Buffer> = {
    'a.txt': Buffer.from('small\n'),
    'large.bin': large,
    'empty.txt': Buffer.alloc(0),
    'b.js': Buffer.from('export const b = 1\n'.repeat(5000))
  }
  const repo = createRepo({ files })
  const shaOf = (path: string): string => runGit(repo.dir, ['rev-parse', `HEAD:${path}`]).trim()

  it('hands over every blob asked for, byte for byte, and skips a missing one', async () => {
    const shas = [...Object.keys(files).map(shaOf), '0123456789012345678901234567890123456789']
    const blobs = await readBlobs(repo.dir, shas)
    expect(blobs.size).toBe(4)
    for (const [path, content] of Object.entries(files))
      expect(blobs.get(shaOf(path))?.equals(content)).toBe(true)
  })

  it('hands each blob over in the order asked, over several requests', async () => {
    const seen: string[] = []
    const sizes: number[] = []
    const batch = openBlobBatch(repo.dir, (sha, blob) => {
      seen.push(sha)
      sizes.push(blob.length)
    })
    batch.request([shaOf('large.bin'), shaOf('a.txt')])
    batch.request([shaOf('b.js'), shaOf('large.bin')])
    await batch.close()
    expect(seen).toEqual([shaOf('large.bin'), shaOf('a.txt'), shaOf('b.js'), shaOf('large.bin')])
    expect(sizes).toEqual([large.length, 6, files['b.js']?.length, large.length])
  })
})
