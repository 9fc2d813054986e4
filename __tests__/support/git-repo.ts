/**
 * Real git repositories in temporary folders, for tests.
 *
 * Everything runs the real `git` binary synchronously (fast, and keeps test code linear). Identity
 * and dates are fixed through the environment and the repository's own config, so no global git
 * configuration is needed or read (GIT_CONFIG_GLOBAL=/dev/null, GIT_CONFIG_NOSYSTEM=1).
 */
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

export const TEST_AUTHOR = { name: 'CI Medic Test', email: 'ci-medic-test@example.com' } as const

/** Commit dates start here and advance one minute per commit, process-wide, so they stay ordered. */
const FIRST_COMMIT_EPOCH = Date.UTC(2024, 0, 1) / 1000
let commitClock = 0

function nextCommitDate(): string {
  commitClock += 1
  return `${FIRST_COMMIT_EPOCH + commitClock * 60} +0000`
}

/** Environment for git that ignores the machine's global and system configuration. */
export function isolatedGitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: TEST_AUTHOR.name,
    GIT_AUTHOR_EMAIL: TEST_AUTHOR.email,
    GIT_COMMITTER_NAME: TEST_AUTHOR.name,
    GIT_COMMITTER_EMAIL: TEST_AUTHOR.email,
    LC_ALL: 'C',
    ...extra
  }
}

export class GitCommandError extends Error {
  override readonly name = 'GitCommandError'
  constructor(
    readonly args: readonly string[],
    readonly cwd: string,
    readonly status: number | null,
    readonly stdout: string,
    readonly stderr: string
  ) {
    super(`git ${args.join(' ')} failed in ${cwd} (exit ${status}): ${stderr.trim() || stdout.trim()}`)
  }
}

/** Runs git in `cwd` and returns stdout with trailing whitespace removed. Throws GitCommandError. */
export function runGit(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    const stdout = execFileSync('git', [...args], {
      cwd,
      env: isolatedGitEnv(env),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    return stdout.trimEnd()
  } catch (error) {
    const failure = error as { status?: number | null; stdout?: string; stderr?: string }
    throw new GitCommandError(args, cwd, failure.status ?? null, failure.stdout ?? '', failure.stderr ?? '')
  }
}

const liveDirs = new Set<string>()

/** A fresh, empty temporary folder (realpath'd, so it compares equal to what git prints). */
export function makeTempDir(prefix = 'ci-medic-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)))
  liveDirs.add(dir)
  return dir
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  liveDirs.delete(dir)
}

/** Removes every folder this module created and has not removed yet (for afterAll). */
export function cleanupAll(): void {
  for (const dir of [...liveDirs]) removeDir(dir)
}

function configureRepo(dir: string): void {
  const settings: Array<[string, string]> = [
    ['user.name', TEST_AUTHOR.name],
    ['user.email', TEST_AUTHOR.email],
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
    ['advice.detachedHead', 'false'],
    ['protocol.file.allow', 'always']
  ]
  for (const [key, value] of settings) runGit(dir, ['config', key, value])
}

export type FileContent = string | Buffer
/** Files to apply before a commit: content writes the file, null deletes it. */
export type FileChanges = Record<string, FileContent | null>

export interface CommitOptions {
  /** Commit even when nothing changed (default false: an empty commit throws). */
  allowEmpty?: boolean
  /** Stage only these paths instead of everything (`git add -A`). */
  only?: string[]
}

export interface MergeOptions {
  message?: string
  /** Always create a merge commit (default true). */
  noFastForward?: boolean
}

export class TestRepo {
  constructor(readonly dir: string) {}

  /** Runs git in the work tree and returns stdout without trailing whitespace. */
  git(...args: string[]): string {
    const date = nextCommitDate()
    return runGit(this.dir, args, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date })
  }

  path(relativePath: string): string {
    return join(this.dir, relativePath)
  }

  write(relativePath: string, content: FileContent): this {
    const full = this.path(relativePath)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
    return this
  }

  /** Writes several files at once; null removes a file. */
  writeAll(files: FileChanges): this {
    for (const [relativePath, content] of Object.entries(files)) {
      if (content === null) this.remove(relativePath)
      else this.write(relativePath, content)
    }
    return this
  }

  read(relativePath: string): string {
    return readFileSync(this.path(relativePath), 'utf8')
  }

  remove(relativePath: string): this {
    rmSync(this.path(relativePath), { recursive: true, force: true })
    return this
  }

  /** Renames in the work tree (git detects the rename when it is committed). */
  rename(from: string, to: string): this {
    const target = this.path(to)
    mkdirSync(dirname(target), { recursive: true })
    renameSync(this.path(from), target)
    return this
  }

  chmod(relativePath: string, mode: number): this {
    chmodSync(this.path(relativePath), mode)
    return this
  }

  /** Applies `files`, stages everything (or `options.only`), commits and returns the full SHA. */
  commit(message: string, files: FileChanges = {}, options: CommitOptions = {}): string {
    this.writeAll(files)
    if (options.only) this.git('add', '-A', '--', ...options.only)
    else this.git('add', '-A')
    const args = ['commit', '--quiet', '--no-verify', '-m', message]
    if (options.allowEmpty) args.push('--allow-empty')
    this.git(...args)
    return this.head()
  }

  /** The full SHA of a revision (default HEAD). */
  revParse(rev = 'HEAD'): string {
    return this.git('rev-parse', '--verify', `${rev}^{commit}`)
  }

  head(): string {
    return this.revParse('HEAD')
  }

  currentBranch(): string {
    return this.git('rev-parse', '--abbrev-ref', 'HEAD')
  }

  /** Creates a branch at `startPoint` (default HEAD) without switching to it. */
  branch(name: string, startPoint = 'HEAD'): this {
    this.git('branch', name, startPoint)
    return this
  }

  /** Switches to a branch or commit; `create` makes (or resets) the branch first. */
  checkout(ref: string, options: { create?: boolean; startPoint?: string } = {}): this {
    if (options.create)
      this.git('checkout', '--quiet', '-B', ref, ...(options.startPoint ? [options.startPoint] : []))
    else this.git('checkout', '--quiet', ref)
    return this
  }

  /** Merges `ref` into the current branch and returns the resulting HEAD SHA. */
  merge(ref: string, options: MergeOptions = {}): string {
    const args = ['merge', '--quiet', '--no-edit']
    if (options.noFastForward !== false) args.push('--no-ff')
    if (options.message) args.push('-m', options.message)
    this.git(...args, ref)
    return this.head()
  }

  /** Moves the current branch to `ref`, discarding later commits (for history rewrites). */
  resetHard(ref: string): this {
    this.git('reset', '--quiet', '--hard', ref)
    return this
  }

  /** Rewrites the last commit (new SHA; the old one becomes unreachable from the branch). */
  amend(message?: string, files: FileChanges = {}): string {
    this.writeAll(files)
    this.git('add', '-A')
    this.git(
      'commit',
      '--quiet',
      '--no-verify',
      '--amend',
      '--allow-empty',
      ...(message ? ['-m', message] : ['--no-edit'])
    )
    return this.head()
  }

  tag(name: string, ref = 'HEAD'): this {
    this.git('tag', name, ref)
    return this
  }

  addRemote(name: string, url: string): this {
    this.git('remote', 'add', name, url)
    return this
  }

  /** Pushes `refspec` (default: the current branch) to `remote` (default origin). */
  push(options: { remote?: string; refspec?: string; force?: boolean; setUpstream?: boolean } = {}): this {
    const args = ['push', '--quiet']
    if (options.force) args.push('--force')
    if (options.setUpstream) args.push('--set-upstream')
    args.push(options.remote ?? 'origin', options.refspec ?? this.currentBranch())
    this.git(...args)
    return this
  }

  /** Force-pushes the current branch (or `branch`) — use after resetHard/amend to rewrite remote history. */
  forcePush(branch?: string, remote = 'origin'): this {
    const name = branch ?? this.currentBranch()
    return this.push({ remote, refspec: `+${name}:refs/heads/${name}`, force: true })
  }

  fetch(...args: string[]): this {
    this.git('fetch', '--quiet', ...args)
    return this
  }

  /** Adds `remoteDir` as a submodule at `path` (file protocol allowed for this call) and stages it. */
  addSubmodule(url: string, path: string): this {
    this.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '--quiet', url, path)
    return this
  }

  isShallow(): boolean {
    return this.git('rev-parse', '--is-shallow-repository') === 'true'
  }

  /** Number of commits reachable from `rev` in this repository's object store. */
  commitCount(rev = 'HEAD'): number {
    return Number(this.git('rev-list', '--count', rev))
  }

  /** Whether the object for `sha` is present locally. */
  hasCommit(sha: string): boolean {
    try {
      runGit(this.dir, ['cat-file', '-e', `${sha}^{commit}`])
      return true
    } catch {
      return false
    }
  }

  cleanup(): void {
    removeDir(this.dir)
  }
}

export interface CreateRepoOptions {
  initialBranch?: string
  /** Files for an initial commit; omit for an empty repository with no commits. */
  files?: FileChanges
  message?: string
}

/** A new repository in a temp folder, configured with a fixed identity. */
export function createRepo(options: CreateRepoOptions = {}): TestRepo {
  const dir = makeTempDir('ci-medic-repo-')
  runGit(dir, ['init', '--quiet', `--initial-branch=${options.initialBranch ?? 'main'}`])
  configureRepo(dir)
  const repo = new TestRepo(dir)
  if (options.files) repo.commit(options.message ?? 'initial commit', options.files)
  return repo
}

export class BareRemote {
  constructor(readonly dir: string) {}

  /** file:// URL: needed for shallow fetches (git ignores --depth for plain local paths). */
  get url(): string {
    return `file://${this.dir}`
  }

  git(...args: string[]): string {
    return runGit(this.dir, args)
  }

  revParse(ref: string): string {
    return this.git('rev-parse', '--verify', `${ref}^{commit}`)
  }

  /** Points `ref` (e.g. refs/pull/1/head) at `sha`, as GitHub does for pull request refs. */
  setRef(ref: string, sha: string): this {
    this.git('update-ref', ref, sha)
    return this
  }

  /** Removes commits no ref reaches (so a force-pushed-away SHA is really gone). */
  pruneUnreachable(): this {
    this.git('reflog', 'expire', '--expire=now', '--all')
    this.git('gc', '--quiet', '--prune=now')
    return this
  }

  cleanup(): void {
    removeDir(this.dir)
  }
}

/**
 * A bare repository to push to and fetch from. It allows fetching any SHA, as github.com does
 * (actions/checkout fetches the event's commit by SHA).
 */
export function createBareRemote(options: { initialBranch?: string } = {}): BareRemote {
  const dir = makeTempDir('ci-medic-remote-')
  runGit(dir, ['init', '--quiet', '--bare', `--initial-branch=${options.initialBranch ?? 'main'}`])
  runGit(dir, ['config', 'uploadpack.allowAnySHA1InWant', 'true'])
  runGit(dir, ['config', 'uploadpack.allowReachableSHA1InWant', 'true'])
  return new BareRemote(dir)
}

/**
 * A repository with a bare `origin`: `repo` has pushed its initial commit (if any) to `remote`.
 */
export function createRepoWithRemote(options: CreateRepoOptions = {}): {
  repo: TestRepo
  remote: BareRemote
} {
  const remote = createBareRemote(options)
  const repo = createRepo(options)
  repo.addRemote('origin', remote.url)
  if (options.files) repo.push({ setUpstream: true })
  return { repo, remote }
}

export interface ShallowCloneOptions {
  /** History depth (default 1, like actions/checkout). */
  depth?: number
  /** Branch to fetch (default: the remote's HEAD branch, "main"). */
  branch?: string
  /**
   * A commit SHA or full ref to check out instead of the branch tip (e.g. the event's SHA, or
   * refs/pull/1/merge). The clone ends up detached at it, like actions/checkout for pull requests.
   */
  ref?: string
}

/**
 * Clones `remote` the way actions/checkout does: init, add origin, fetch only the wanted commit
 * with --depth, check it out. `remote` is a BareRemote, a directory or a URL.
 */
export function cloneShallow(remote: BareRemote | string, options: ShallowCloneOptions = {}): TestRepo {
  const url = typeof remote === 'string' ? toFileUrl(remote) : remote.url
  const depth = options.depth ?? 1
  const branch = options.branch ?? 'main'
  const dir = makeTempDir('ci-medic-clone-')
  runGit(dir, ['init', '--quiet', `--initial-branch=${branch}`])
  configureRepo(dir)
  runGit(dir, ['remote', 'add', 'origin', url])
  const fetchArgs = [
    'fetch',
    '--quiet',
    '--no-tags',
    '--prune',
    '--no-recurse-submodules',
    `--depth=${depth}`,
    'origin'
  ]
  const repo = new TestRepo(dir)
  if (options.ref && /^[0-9a-f]{40}$/i.test(options.ref)) {
    runGit(dir, [...fetchArgs, `+${options.ref}:refs/remotes/origin/${branch}`])
    repo.git('checkout', '--quiet', '--detach', options.ref)
  } else if (options.ref?.startsWith('refs/')) {
    const localRef = options.ref.replace(/^refs\/(heads\/)?/, 'refs/remotes/origin/')
    runGit(dir, [...fetchArgs, `+${options.ref}:${localRef}`])
    repo.git('checkout', '--quiet', '--detach', localRef)
  } else {
    runGit(dir, [...fetchArgs, `+refs/heads/${branch}:refs/remotes/origin/${branch}`])
    repo.git('checkout', '--quiet', '--force', '-B', branch, `refs/remotes/origin/${branch}`)
  }
  return repo
}

/** A full (non-shallow) clone of `remote` with all branches. */
export function cloneFull(remote: BareRemote | string, options: { branch?: string } = {}): TestRepo {
  const url = typeof remote === 'string' ? toFileUrl(remote) : remote.url
  const dir = makeTempDir('ci-medic-clone-')
  runGit(dir, [
    'clone',
    '--quiet',
    '--no-local',
    ...(options.branch ? ['--branch', options.branch] : []),
    url,
    '.'
  ])
  configureRepo(dir)
  return new TestRepo(dir)
}

function toFileUrl(location: string): string {
  return /^[a-z]+:\/\//i.test(location) ? location : `file://${resolve(location)}`
}
