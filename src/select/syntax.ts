import { Worker } from 'node:worker_threads'
import { checkSyntax } from '../agent/syntax.js'
import { jsSyntaxError, type JsParse } from './js-syntax.js'
import { isJsLike } from './model.js'
import { bundledWorker } from './workers.js'

/**
 * Whether a changed source file still parses. A file that does not fails every test that loads it,
 * whichever symbol the edit touched, and the token scanner cannot see most grammar errors
 * (`return 2 +* 1`). Returns the parser's message, or undefined when the file parses (or its
 * language has no parser here). A parser that rejects valid code only makes more tests run, so
 * JavaScript and TypeScript go through @babel/parser (about 40 ms to load) rather than the
 * TypeScript parser the fixer's checkSyntax uses (about 0.4 s), which would double a selection.
 */
export async function syntaxErrorIn(
  path: string,
  text: string,
  repoDir: string
): Promise<string | undefined> {
  if (/\.py$/.test(path)) {
    const check = await checkSyntax(path, text, repoDir)
    return check.problems[0]?.message
  }
  if (!isJsLike(path)) return undefined
  return jsSyntaxError(path, text, await loadParse())
}

let parser: Promise<JsParse> | undefined
const loadParse = (): Promise<JsParse> => (parser ??= import('@babel/parser').then(babel => babel.parse))

const sameText = (a: string, b: string): boolean =>
  a === b || a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n')

/**
 * Syntax checks of changed JavaScript and TypeScript files on a worker thread, on the second core
 * while this thread builds the graph: loading the parser (about 46 ms here) leaves this thread, which
 * pays only for sharing the machine (about 10 ms on two cores).
 * Without the worker (the sources run as they are, or it fails) each check runs here.
 */
export class SyntaxChecks {
  private worker: Worker | undefined
  private readonly answers = new Map<string, { text: string; error: Promise<string | undefined> }>()
  private readonly waiting = new Map<
    number,
    { path: string; text: string; answer: (error?: string) => void }
  >()
  private next = 0
  /** The worker stopped or could not start: checks run here from then on. */
  private workerFailed = false
  /** How many checks the worker answered. */
  answeredByWorker = 0

  private readonly workerScript: string | undefined

  /** `workerScript`: the bundled worker, by default the one beside the running bundle; null for none. */
  constructor(
    private readonly repoDir: string,
    workerScript: string | null = bundledWorker('syntax-worker') ?? null
  ) {
    this.workerScript = workerScript ?? undefined
  }

  /** Starts checking `text` as the file `path`: on the worker, started on first use, if there is one. */
  check(path: string, text: string): void {
    if (!isJsLike(path) || this.answers.has(path)) return
    const worker = this.worker ?? this.start()
    if (!worker) return
    const id = this.next++
    const error = new Promise<string | undefined>(answer => this.waiting.set(id, { path, text, answer }))
    this.answers.set(path, { text, error })
    worker.ref()
    worker.postMessage({ id, path, text })
  }

  /**
   * Starts the worker ahead of the first check, so that it loads the parser while this thread is
   * busy (reading files); idle, it does not keep the process alive.
   */
  prepare(): void {
    if (!this.worker) this.start()?.unref()
  }

  /** The parser's message for `path` as `text`: the worker's when it checked the same text. */
  errorIn(path: string, text: string): Promise<string | undefined> {
    const checked = this.answers.get(path)
    if (checked && sameText(checked.text, text)) return checked.error
    return syntaxErrorIn(path, text, this.repoDir)
  }

  close(): void {
    const worker = this.worker
    this.worker = undefined
    void worker?.terminate()
  }

  private start(): Worker | undefined {
    const file = this.workerScript
    if (!file || this.workerFailed) return undefined
    try {
      const worker = new Worker(file)
      worker.on('message', ({ id, error }: { id: number; error?: string }) => {
        this.waiting.get(id)?.answer(error)
        this.waiting.delete(id)
        this.answeredByWorker++
        // Idle, it must not keep the process alive; answering, it must.
        if (this.waiting.size === 0) worker.unref()
      })
      worker.on('error', () => this.fallBack())
      worker.on('exit', () => this.fallBack())
      this.worker = worker
      return worker
    } catch {
      this.workerFailed = true
      return undefined
    }
  }

  /** The worker stopped: what it had not answered is checked here. */
  private fallBack(): void {
    this.worker = undefined
    this.workerFailed = true
    for (const { path, text, answer } of this.waiting.values())
      syntaxErrorIn(path, text, this.repoDir).then(answer, () => answer(undefined))
    this.waiting.clear()
  }
}
