import { getExecOutput } from '@actions/exec'

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

/** Real git in one repository, through @actions/exec. */
export class Git {
  constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv = {}
  ) {}

  /** Runs git and returns its result whatever the exit code. */
  async tryRun(args: readonly string[], input?: string): Promise<GitResult> {
    const result = await getExecOutput('git', [...args], {
      cwd: this.dir,
      silent: true,
      ignoreReturnCode: true,
      input: input === undefined ? undefined : Buffer.from(input),
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...this.env } as Record<string, string>
    })
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
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
