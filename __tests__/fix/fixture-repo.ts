/** Builds a fixer fixture (__tests__/fixtures/fix/<name>) as a real git repository: base commit, then the buggy change. */
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { createRepo, type FileChanges, type TestRepo } from '../support/git-repo.js'
import { PROJECT_ROOT } from '../support/harness.js'

export const FIX_FIXTURES = join(PROJECT_ROOT, '__tests__/fixtures/fix')
export const FIXTURE_NAMES = [
  'off-by-one',
  'wrong-condition',
  'null-check',
  'renamed-call',
  'broken-import'
] as const
export type FixtureName = (typeof FIXTURE_NAMES)[number]

export interface FixFixture {
  repo: TestRepo
  base: string
  head: string
}

function filesUnder(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of readdirSync(dir)) {
    if (name === '.deleted') continue
    const full = join(dir, name)
    if (statSync(full).isDirectory()) Object.assign(files, filesUnder(full, `${prefix}${name}/`))
    else files[`${prefix}${name}`] = readFileSync(full, 'utf8')
  }
  return files
}

export function buildFixFixture(name: FixtureName): FixFixture {
  const dir = join(FIX_FIXTURES, name)
  const repo = createRepo()
  const base = repo.commit('base', filesUnder(join(dir, 'base')))
  // Node resolution from a temporary folder cannot walk up to this project's node_modules (ignored by .gitignore).
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), repo.path('node_modules'), 'dir')
  const changes: FileChanges = filesUnder(join(dir, 'head'))
  const deleted = join(dir, 'head', '.deleted')
  if (existsSync(deleted)) {
    for (const path of readFileSync(deleted, 'utf8').split('\n').filter(Boolean)) changes[path] = null
  }
  const head = repo.commit('change under test', changes)
  return { repo, base, head }
}

/** The action inputs of a shadow-mode fix run against the loopback LLM server. */
export function fixInputs(
  fixture: { base: string; head: string },
  url: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    command: 'fix',
    base: fixture.base,
    head: fixture.head,
    'llm-base-url': url,
    'llm-model': 'gpt-4.1-mini',
    'llm-api-key': 'sk-test-fixer-1234567890abcdef',
    autonomy: 'shadow',
    retries: '0',
    'time-budget': '2m',
    ...extra
  }
}
