import { describe, expect, it } from '@jest/globals'
import {
  commentableLines,
  defaultBranchRefusal,
  parseUnifiedDiff,
  planSuggestions,
  safePushArgs,
  touchedPaths,
  workflowFileRefusal
} from '../../src/deliver/index.js'

const HEAD = [
  'import { a } from "./a"',
  'export function f(x) {',
  '  if (x > 1) {',
  '    return a(x)',
  '  }',
  '  return 0',
  '}',
  ''
].join('\n')

/** A PR diff whose hunk covers lines 2-7 of the head file. */
const PR_PATCH = [
  '@@ -2,5 +2,6 @@ import',
  ' export function f(x) {',
  '-  if (x) {',
  '+  if (x > 1) {',
  '     return a(x)',
  '   }',
  '+  return 0',
  ' }'
].join('\n')

describe('parseUnifiedDiff', () => {
  it('reads git diffs with several files, renames, new files and no-newline markers', () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 111..222 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -1,2 +1,2 @@',
      '-old',
      '+new',
      ' same',
      '\\ No newline at end of file',
      'diff --git a/old.ts b/new.ts',
      'similarity index 90%',
      'rename from old.ts',
      'rename to new.ts',
      'diff --git a/added.ts b/added.ts',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/added.ts',
      '@@ -0,0 +1 @@',
      '+export const added = 1',
      ''
    ].join('\n')
    const files = parseUnifiedDiff(diff)
    expect(files.map(f => [f.oldPath, f.newPath])).toEqual([
      ['src/a.ts', 'src/a.ts'],
      ['old.ts', 'new.ts'],
      [null, 'added.ts']
    ])
    expect(files[0]!.hunks[0]!.lines).toEqual([
      { type: '-', text: 'old', oldLine: 1 },
      { type: '+', text: 'new', newLine: 1 },
      { type: ' ', text: 'same', oldLine: 2, newLine: 2 }
    ])
    expect(touchedPaths(diff).sort()).toEqual(['added.ts', 'new.ts', 'old.ts', 'src/a.ts'])
  })

  it('lists the head-side lines of a PR file patch that accept review comments', () => {
    expect([...commentableLines(PR_PATCH)]).toEqual([2, 3, 4, 5, 6, 7])
    expect(commentableLines(undefined).size).toBe(0)
  })
})

describe('planSuggestions', () => {
  const prPatches = new Map([['src/f.ts', PR_PATCH]])
  const head = (path: string): string | undefined => (path === 'src/f.ts' ? HEAD : undefined)

  it('turns a multi-line replacement inside the PR diff into one suggestion', () => {
    const fix = [
      '--- a/src/f.ts',
      '+++ b/src/f.ts',
      '@@ -3,4 +3,4 @@ export function f(x) {',
      '-  if (x > 1) {',
      '-    return a(x)',
      '+  if (x >= 1) {',
      '+    return a(x) ?? 0',
      '   }',
      '   return 0'
    ].join('\n')
    const plan = planSuggestions(parseUnifiedDiff(fix), prPatches, head)
    expect(plan.leftOut).toEqual([])
    expect(plan.comments).toEqual([
      {
        path: 'src/f.ts',
        start_line: 3,
        start_side: 'RIGHT',
        line: 4,
        side: 'RIGHT',
        body: '```suggestion\n  if (x >= 1) {\n    return a(x) ?? 0\n```'
      }
    ])
  })

  it('moves a suggestion to where the replaced lines are at the head when the patch came from the merge commit', () => {
    // In the merge commit, main added two lines above the function: the patch's line numbers are 2 higher.
    const fix = [
      '--- a/src/f.ts',
      '+++ b/src/f.ts',
      '@@ -5,3 +5,3 @@ export function f(x) {',
      '-  if (x > 1) {',
      '+  if (x >= 1) {',
      '     return a(x)',
      '   }'
    ].join('\n')
    const plan = planSuggestions(parseUnifiedDiff(fix), prPatches, head)
    expect(plan.leftOut).toEqual([])
    expect(plan.comments).toEqual([
      expect.objectContaining({ line: 3, body: '```suggestion\n  if (x >= 1) {\n```' })
    ])
  })

  it('anchors a pure insertion on the line before it', () => {
    const fix = [
      '--- a/src/f.ts',
      '+++ b/src/f.ts',
      '@@ -5,2 +5,3 @@',
      '   }',
      "+  if (x === undefined) throw new Error('x')",
      '   return 0'
    ].join('\n')
    const plan = planSuggestions(parseUnifiedDiff(fix), prPatches, head)
    expect(plan.comments).toEqual([
      expect.objectContaining({
        line: 5,
        body: "```suggestion\n  }\n  if (x === undefined) throw new Error('x')\n```"
      })
    ])
  })

  it('leaves out changes outside the PR diff, in files outside the PR, or that do not match the head', () => {
    const fix = [
      'diff --git a/src/f.ts b/src/f.ts',
      '--- a/src/f.ts',
      '+++ b/src/f.ts',
      '@@ -1,1 +1,1 @@',
      '-import { a } from "./a"',
      '+import { a } from "./a.js"',
      '@@ -6,1 +6,1 @@',
      '-  return -1',
      '+  return 1',
      'diff --git a/src/other.ts b/src/other.ts',
      '--- a/src/other.ts',
      '+++ b/src/other.ts',
      '@@ -1 +1 @@',
      '-x',
      '+y'
    ].join('\n')
    const plan = planSuggestions(parseUnifiedDiff(fix), prPatches, head)
    expect(plan.comments).toEqual([])
    expect(plan.leftOut).toEqual([
      { path: 'src/f.ts', reason: "lines 1-1 are outside the pull request's diff" },
      { path: 'src/f.ts', reason: "lines 6-6 differ at the pull request's head" },
      { path: 'src/other.ts', reason: 'the file is not part of the pull request' }
    ])
  })

  it('uses a longer fence when the suggested code holds a fence', () => {
    const markdownHead = ['# Doc', '```js', 'old()', '```', ''].join('\n')
    const patches = new Map([['README.md', '@@ -1,4 +1,4 @@\n # Doc\n ```js\n-older()\n+old()\n ```']])
    const fix = [
      '--- a/README.md',
      '+++ b/README.md',
      '@@ -2,3 +2,3 @@',
      '-```js',
      '+```ts',
      ' old()',
      ' ```'
    ].join('\n')
    const plan = planSuggestions(parseUnifiedDiff(fix), patches, () => markdownHead)
    expect(plan.comments[0]!.body).toBe('````suggestion\n```ts\n````')
  })
})

describe('delivery guards', () => {
  it('refuses workflow files only', () => {
    expect(workflowFileRefusal(['src/a.ts', '.github/dependabot.yml'])).toBeUndefined()
    expect(workflowFileRefusal(['src/a.ts', '.github/workflows/release.yml'])).toMatch(
      /\.github\/workflows\/release\.yml.*never edits/
    )
  })

  it('refuses the default branch and an unknown default branch', () => {
    expect(defaultBranchRefusal('feature', 'main')).toBeUndefined()
    expect(defaultBranchRefusal('main', 'main')).toMatch(/default branch/)
    expect(defaultBranchRefusal('feature', undefined)).toMatch(/unknown/)
  })

  it('builds plain push arguments and refuses forced or odd refspecs', () => {
    expect(safePushArgs('origin', 'abc123', 'ci-medic/fix/abc1234')).toEqual([
      'push',
      '--no-verify',
      'origin',
      'abc123:refs/heads/ci-medic/fix/abc1234'
    ])
    expect(() => safePushArgs('origin', '+abc123', 'feature')).toThrow(/forced/)
    expect(() => safePushArgs('--force', 'abc123', 'feature')).toThrow(/forced/)
    expect(() => safePushArgs('origin', 'abc123', '-f')).toThrow(/unusual branch/)
    expect(() => safePushArgs('origin', 'abc123', 'a..b')).toThrow(/unusual branch/)
  })
})
