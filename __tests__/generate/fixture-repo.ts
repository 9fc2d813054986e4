/** Builds a generator fixture as a real git repository: a base commit, then the change under test. */
import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createRepo, type TestRepo } from '../support/git-repo.js'

export const FIXTURES = resolve('__tests__/fixtures/generate')

export interface CorpusEntry {
  name: string
  label: 'good' | 'bad'
  rejectedBy?: string
  path?: string
  content: string
}

export interface FixtureRepo {
  repo: TestRepo
  base: string
  head: string
  source: string
  corpus: CorpusEntry[]
}

function filesUnder(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) Object.assign(files, filesUnder(full, `${prefix}${name}/`))
    else files[`${prefix}${name}`] = readFileSync(full, 'utf8')
  }
  return files
}

export function loadCorpus(name: string): { source: string; candidates: CorpusEntry[] } {
  const dir = join(FIXTURES, name)
  const manifest = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as {
    source: string
    candidates: Array<Omit<CorpusEntry, 'content'>>
  }
  const files = readdirSync(join(dir, 'candidates'))
  return {
    source: manifest.source,
    candidates: manifest.candidates.map(entry => {
      const file = files.find(f => f.replace(/\.[^.]+$/, '') === entry.name)
      if (!file) throw new Error(`fixture ${name}: no candidate file for ${entry.name}`)
      return { ...entry, content: readFileSync(join(dir, 'candidates', file), 'utf8') }
    })
  }
}

/** `name` is a folder of __tests__/fixtures/generate with base/, head/, candidates/ and corpus.json. */
export function buildFixtureRepo(name: string): FixtureRepo {
  const dir = join(FIXTURES, name)
  const repo = createRepo()
  const baseFiles = filesUnder(join(dir, 'base'))
  const base = repo.commit('base', baseFiles)
  // Node resolution from a temporary folder cannot walk up to this project's node_modules
  // (ignored by the fixture's .gitignore, so it is not part of the change).
  if ('package.json' in baseFiles) symlinkSync(resolve('node_modules'), repo.path('node_modules'), 'dir')
  const head = repo.commit('change under test', filesUnder(join(dir, 'head')))
  const { source, candidates } = loadCorpus(name)
  return { repo, base, head, source, corpus: candidates }
}
