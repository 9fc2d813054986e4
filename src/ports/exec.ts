import { spawn } from 'node:child_process'

export interface ProcessOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Kill the whole process tree after this long. */
  timeoutMs?: number
  input?: string
  /** Keep at most this many characters of each stream (the tail is kept). */
  maxOutput?: number
  signal?: AbortSignal
}

export interface ProcessResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  timedOut: boolean
  durationMs: number
}

const DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024

function keepTail(buffer: string, chunk: string, max: number): string {
  const joined = buffer + chunk
  return joined.length > max ? joined.slice(joined.length - max) : joined
}

/**
 * Runs a program without a shell, in its own process group so that a timeout kills the whole
 * tree (a test runner and every worker it started), and collects its output.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions
): Promise<ProcessResult> {
  const started = Date.now()
  const max = options.maxOutput ?? DEFAULT_MAX_OUTPUT
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: process.platform !== 'win32',
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    let settled = false
    const killTree = (): void => {
      if (child.pid === undefined) return
      try {
        if (process.platform === 'win32') child.kill('SIGKILL')
        else process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true
            killTree()
          }, options.timeoutMs)
        : undefined
    const onAbort = (): void => killTree()
    options.signal?.addEventListener('abort', onAbort, { once: true })
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = keepTail(stdout, chunk, max)))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = keepTail(stderr, chunk, max)))
    child.on('error', error => {
      if (settled) return
      settled = true
      if (timer) clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      reject(error)
    })
    child.on('close', (exitCode, signal) => {
      if (settled) return
      settled = true
      if (timer) clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      // Workers left behind by a runner that exited on its own are ended too.
      if (process.platform !== 'win32') killTree()
      resolve({ exitCode, signal, stdout, stderr, timedOut, durationMs: Date.now() - started })
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })
}

/** Runs a command line through the platform shell (for user-given commands such as `test-command`). */
export function runShell(commandLine: string, options: ProcessOptions): Promise<ProcessResult> {
  return process.platform === 'win32'
    ? runProcess('cmd.exe', ['/d', '/s', '/c', commandLine], options)
    : runProcess('/bin/sh', ['-c', commandLine], options)
}
