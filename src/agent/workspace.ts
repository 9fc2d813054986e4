import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Git } from '../ports/git.js'
import { unifiedPatch, type FileChange } from './diff.js'

/**
 * The agent's changes to a working tree, kept so they can be turned into a patch and undone
 * exactly: edited files get their original bytes back, created files and the folders made for them
 * are removed, and files that appeared while tests ran (and that git does not ignore) are removed.
 */
export class Workspace {
  /** Original content by repository-relative path; null for a file the agent created. */
  private readonly originals = new Map<string, Buffer | null>()
  private readonly createdDirs: string[] = []
  private untrackedAtStart: Set<string> | undefined

  constructor(
    readonly repoDir: string,
    private readonly git: Git = new Git(repoDir)
  ) {}

  /** Records what is untracked now, so that files appearing later (test artifacts) can be removed. */
  async begin(): Promise<void> {
    this.untrackedAtStart = new Set(await this.untracked())
  }

  read(rel: string): string {
    return readFileSync(join(this.repoDir, rel), 'utf8')
  }

  exists(rel: string): boolean {
    return existsSync(join(this.repoDir, rel))
  }

  /** Writes a file, remembering its original content the first time it is touched. */
  write(rel: string, content: string): void {
    const absolute = join(this.repoDir, rel)
    if (!this.originals.has(rel)) {
      this.originals.set(rel, existsSync(absolute) ? readFileSync(absolute) : null)
    }
    this.makeParents(dirname(absolute))
    writeFileSync(absolute, content)
  }

  /** The content a touched file had before the agent started (undefined for a created file). */
  original(rel: string): string | undefined {
    const value = this.originals.get(rel)
    if (value === undefined) return this.exists(rel) ? this.read(rel) : undefined
    return value === null ? undefined : value.toString('utf8')
  }

  touched(): string[] {
    return [...this.originals.keys()].sort()
  }

  /** Files whose content differs from the original now. */
  changes(): FileChange[] {
    return this.touched()
      .map(path => ({ path, before: this.original(path), after: this.exists(path) ? this.read(path) : '' }))
      .filter(change => change.before !== change.after)
  }

  patch(): string {
    return unifiedPatch(this.changes())
  }

  /** Puts every touched file back as it was and removes what the agent (or its test runs) created. */
  async restore(): Promise<void> {
    for (const [rel, original] of this.originals) {
      const absolute = join(this.repoDir, rel)
      if (original === null) rmSync(absolute, { force: true })
      else writeFileSync(absolute, original)
    }
    this.originals.clear()
    for (const dir of this.createdDirs.reverse()) {
      try {
        if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir)
      } catch {
        // not empty or already gone
      }
    }
    this.createdDirs.length = 0
    if (this.untrackedAtStart) {
      for (const rel of await this.untracked()) {
        if (!this.untrackedAtStart.has(rel)) rmSync(join(this.repoDir, rel), { force: true })
      }
    }
  }

  private async untracked(): Promise<string[]> {
    const out = await this.git.run(['ls-files', '--others', '--exclude-standard', '-z'])
    return out.split('\0').filter(Boolean)
  }

  private makeParents(dir: string): void {
    const missing: string[] = []
    let current = dir
    while (!existsSync(current)) {
      missing.unshift(current)
      const parent = dirname(current)
      if (parent === current) break
      current = parent
    }
    if (missing.length) {
      mkdirSync(dir, { recursive: true })
      this.createdDirs.push(...missing)
    }
  }
}
