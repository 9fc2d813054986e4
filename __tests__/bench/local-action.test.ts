import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanupAll, createRepo, makeTempDir } from '../support/git-repo.js'
import { parseKeyValueFile } from '../support/harness.js'
import {
  LOCAL_ACTION_DIST_ENTRY,
  parseOutputsTable,
  runLocalAction,
  type LocalActionResult
} from '../support/local-action.js'

// GitHub's local runner (@github/local-action) loads the action in its own process with its own
// toolkit stubs. Each run takes several seconds (tsx, npm ls), so the three runs start together.
let base: string
let head: string
let distOutputFile: string
let runs: {
  srcOk: LocalActionResult
  distOk: LocalActionResult
  distBad: LocalActionResult
}

beforeAll(async () => {
  const repo = createRepo({ files: { 'src/a.ts': 'export const a = 1\n' } })
  base = repo.head()
  head = repo.commit('change', { 'src/a.ts': 'export const a = 2\n', 'src/b.ts': 'export const b = 1\n' })
  const filesDir = makeTempDir()
  distOutputFile = join(filesDir, 'output')
  writeFileSync(distOutputFile, '')
  const changes = { command: 'changes', 'working-directory': repo.dir, base, head }
  const event = { GITHUB_EVENT_NAME: 'workflow_dispatch' }
  const [srcOk, distOk, distBad] = await Promise.all([
    runLocalAction({ inputs: changes, env: event }),
    runLocalAction({
      entry: LOCAL_ACTION_DIST_ENTRY,
      inputs: changes,
      env: { ...event, GITHUB_OUTPUT: distOutputFile }
    }),
    runLocalAction({
      entry: LOCAL_ACTION_DIST_ENTRY,
      inputs: { ...changes, command: 'make-coffee' },
      env: event
    })
  ])
  runs = { srcOk: srcOk!, distOk: distOk!, distBad: distBad! }
}, 180_000)

afterAll(cleanupAll)

const expectedFiles = [
  { path: 'src/a.ts', status: 'modified' },
  { path: 'src/b.ts', status: 'added' }
]

describe('@github/local-action', () => {
  it('runs the logic entry point src/main.ts with its stubbed toolkit and shows the outputs', () => {
    const { srcOk } = runs
    expect(srcOk.stdout).toContain('Running Action')
    expect(srcOk.exitCode).toBe(0)
    expect(JSON.parse(srcOk.tableOutputs['changed-files']!)).toEqual(expectedFiles)
    expect(srcOk.tableOutputs).toMatchObject({ base, head, 'changed-count': '2' })
  })

  it('loads the bundle dist/index.js, which writes its outputs to GITHUB_OUTPUT', () => {
    const { distOk } = runs
    expect(distOk.stdout).toContain('Running Action')
    expect(distOk.exitCode).toBe(0)
    const outputs = parseKeyValueFile(readFileSync(distOutputFile, 'utf8'))
    expect(JSON.parse(outputs['changed-files']!)).toEqual(expectedFiles)
    expect(outputs).toMatchObject({ base, head, 'changed-count': '2' })
  })

  it('fails cleanly with the bundle: exit code 1 and one ::error line', () => {
    const { distBad } = runs
    expect(distBad.exitCode).toBe(1)
    const errors = distBad.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^::error::Input "command" must be one of .*make-coffee/)
  })

  it('parses the outputs table console.table prints', () => {
    const table = [
      '                                 Action Outputs',
      '┌─────────┬────────┬──────────────────┐',
      "│ 0       │ 'tests' │ '[\"a.ts\"]' │",
      "│ 1       │ 'note'  │ 'it\\'s fine'  │",
      '└─────────┴────────┴──────────────────┘'
    ].join('\n')
    expect(parseOutputsTable(table)).toEqual({ tests: '["a.ts"]', note: "it's fine" })
  })
})
