import { describe, expect, it } from '@jest/globals'
import type { DetectedChanges } from '../../src/changes/index.js'
import { changesResult, SUMMARY_ROWS } from '../../src/commands/changes.js'
import { firstLine } from '../../src/changes/fetch.js'

function detected(files: DetectedChanges['files'], extra: Partial<DetectedChanges> = {}): DetectedChanges {
  return {
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    files,
    notes: [],
    fetched: [],
    baseKind: 'commit',
    ...extra
  }
}

describe('changes command result', () => {
  it('caps the summary table and says where the rest is; outputs and JSON keep every file', () => {
    const files = Array.from({ length: SUMMARY_ROWS + 25 }, (_, i) => ({
      path: `src/file-${String(i).padStart(4, '0')}.ts`,
      status: 'modified' as const
    }))
    const result = changesResult(detected(files))
    expect(result.summary.split('\n').filter(l => l.startsWith('| modified |'))).toHaveLength(SUMMARY_ROWS)
    expect(result.summary).toContain('…and 25 more')
    expect(JSON.parse(result.outputs['changed-files']!)).toHaveLength(SUMMARY_ROWS + 25)
    expect(result.outputs['changed-count']).toBe(String(SUMMARY_ROWS + 25))
    expect((result.json as { files: unknown[] }).files).toHaveLength(SUMMARY_ROWS + 25)
  })

  it('keeps hostile paths inert in outputs and in the summary table', () => {
    const result = changesResult(
      detected([
        { path: 'a|b`c<script>.ts', status: 'added' },
        { path: "x$(id);'y'.ts", status: 'renamed', previousPath: 'old`.ts' }
      ])
    )
    expect(result.outputs['changed-files']).not.toMatch(/[$`'();|<>]/)
    expect(JSON.parse(result.outputs['changed-files']!)[1]).toEqual({
      path: "x$(id);'y'.ts",
      status: 'renamed',
      previousPath: 'old`.ts'
    })
    const row = result.summary.split('\n').find(l => l.startsWith('| added |'))!
    expect(row).toBe('| added | ``a\\|b`c<script>.ts`` |')
    expect(result.outputs.base).toBe('a'.repeat(40))
  })

  it('shows a fallback as a warning and an empty tree base as such', () => {
    const result = changesResult(
      detected([{ path: 'a.ts', status: 'added' }], {
        baseKind: 'empty-tree',
        fallback: 'The push created refs/heads/x and there is no default branch',
        notes: ['The push created refs/heads/x and there is no default branch', 'Event push: …']
      })
    )
    expect(result.summary).toContain('> [!WARNING]\n> The push created refs/heads/x')
    expect(result.summary).toContain('(empty tree: every file is new)')
    expect(result.summary.match(/The push created/g)).toHaveLength(1)
    expect(result.text).toContain('note: The push created')
  })
})

describe('git error lines in the log', () => {
  it('blank out credentials in a remote URL', () => {
    expect(
      firstLine(
        "From x\nfatal: unable to access 'https://x-access-token:ghs_secret123@github.com/o/r.git/': 403\n"
      )
    ).toBe("fatal: unable to access 'https://***@github.com/o/r.git/': 403")
  })
})
