import { spawn } from 'node:child_process'
import { getExecOutput } from '@actions/exec'
import { which } from '@actions/io'
import type { Logger } from './log.js'

export interface GitResult {
  exitCode: number
  stdout: string
  stderr: string
}

export class GitError extends Error {
  override readonly name = 'GitError'
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult
  ) {
    super(
      `git ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`
    )
  }
}

/**
 * git's full path, looked up once: @actions/exec searches PATH on every call otherwise, which costs
 * more than most of the short commands a selection runs.
 */
let gitPath: Promise<string> | undefined

function gitExecutable(): Promise<string> {
  gitPath ??= which('git', true)
  gitPath.catch(() => (gitPath = undefined))
  return gitPath
}

/** Real git in one repository, through @actions/exec. */
export class Git {
  constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv = {}
  ) {}

  /** The environment git runs in: the process's, without prompts, in the C locale, with this port's own. */
  environment(): NodeJS.ProcessEnv {
    return { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...this.env }
  }

  /** Runs git and returns its result whatever the exit code. */
  async tryRun(args: readonly string[], input?: string): Promise<GitResult> {
    const result = await getExecOutput(await gitExecutable(), [...args], {
      cwd: this.dir,
      silent: true,
      ignoreReturnCode: true,
      input: input === undefined ? undefined : Buffer.from(input),
      env: this.environment() as Record<string, string>
    })
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
  }

  /**
   * Runs a read-only git command (no input) straight from child_process and returns its result
   * whatever the exit code. @actions/exec looks git up with file checks before every run, which
   * doubles the few milliseconds the selection's short commands take.
   */
  tryQuery(args: readonly string[]): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', [...args], {
        cwd: this.dir,
        env: this.environment(),
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true
      })
      const stdout: Buffer[] = []
      const stderr: Buffer[] = []
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
      child.on('error', reject)
      child.on('close', code =>
        resolve({
          exitCode: code ?? -1,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8')
        })
      )
    })
  }

  /** tryQuery's output; a non-zero exit throws a GitError, as run does. */
  async query(args: readonly string[]): Promise<string> {
    const result = await this.tryQuery(args)
    if (result.exitCode !== 0) throw new GitError(args, result)
    return result.stdout
  }

  /** Runs git and returns stdout; a non-zero exit throws a GitError. */
  async run(args: readonly string[], input?: string): Promise<string> {
    const result = await this.tryRun(args, input)
    if (result.exitCode !== 0) throw new GitError(args, result)
    return result.stdout
  }

  /** Resolves a revision to a full commit SHA, or undefined when it is not in the repository. */
  async resolveCommit(rev: string): Promise<string | undefined> {
    const result = await this.tryRun([
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${rev}^{commit}`
    ])
    return result.exitCode === 0 ? result.stdout.trim() : undefined
  }

  async isRepository(): Promise<boolean> {
    const result = await this.tryRun(['rev-parse', '--is-inside-work-tree'])
    return result.exitCode === 0 && result.stdout.trim() === 'true'
  }

  async topLevel(): Promise<string> {
    return (await this.run(['rev-parse', '--show-toplevel'])).trim()
  }
}

/**
 * A git that authenticates to an HTTPS remote with a token, for checkouts made with
 * `persist-credentials: false`. The header goes through GIT_CONFIG_* variables, so the token never
 * shows in a process list, and the encoded header is masked like the token. The repository's own
 * git is returned when it already has credentials (actions/checkout persists an extra header), when
 * the remote is not HTTPS, or when there is no token.
 */
export async function withTokenAuth(
  git: Git,
  token: string | undefined,
  log: Logger,
  remote = 'origin'
): Promise<Git> {
  if (!token) return git
  const url = (await git.tryRun(['remote', 'get-url', remote])).stdout.trim()
  if (!/^https:\/\//i.test(url)) return git
  const existing = await git.tryRun(['config', '--get-regexp', '^http\\..*\\.extraheader$'])
  if (existing.exitCode === 0 && existing.stdout.trim()) return git
  const origin = new URL(url).origin
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64')
  log.mask(basic)
  return new Git(git.dir, {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${origin}/.extraheader`,
    GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`
  })
}
