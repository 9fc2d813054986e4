import { checkSyntax } from '../agent/syntax.js'
import { jsSyntaxError, type JsParse } from './js-syntax.js'
import { isJsLike } from './model.js'
import { bundledWorker, QuestionWorker } from './workers.js'

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
  private worker: QuestionWorker<{ path: string; text: string }, { id: number; error?: string }> | undefined
  private readonly answers = new Map<string, { text: string; error: Promise<string | undefined> }>()

  private readonly workerScript: string | undefined

  /** `workerScript`: the bundled worker, by default the one beside the running bundle; null for none. */
  constructor(
    private readonly repoDir: string,
    workerScript: string | null = bundledWorker('syntax-worker') ?? null
  ) {
    this.workerScript = workerScript ?? undefined
  }

  /** How many checks the worker answered. */
  get answeredByWorker(): number {
    return this.worker?.answered ?? 0
  }

  /** Starts checking `text` as the file `path`: on the worker, started on first use, if there is one. */
  check(path: string, text: string): void {
    if (!isJsLike(path) || this.answers.has(path)) return
    const worker = this.start()
    if (!worker?.running) return
    // Should the worker stop first, the file is parsed here.
    const error = worker
      .ask({ path, text })
      .then(answer => (answer ? answer.error : syntaxErrorIn(path, text, this.repoDir)))
    this.answers.set(path, { text, error })
  }

  /**
   * Starts the worker ahead of the first check, so that it loads the parser while this thread is
   * busy (reading files); idle, it does not keep the process alive.
   */
  prepare(): void {
    this.start()
  }

  /** The parser's message for `path` as `text`: the worker's when it checked the same text. */
  errorIn(path: string, text: string): Promise<string | undefined> {
    const checked = this.answers.get(path)
    if (checked && sameText(checked.text, text)) return checked.error
    return syntaxErrorIn(path, text, this.repoDir)
  }

  close(): void {
    this.worker?.close()
  }

  private start(): SyntaxChecks['worker'] {
    if (this.workerScript) this.worker ??= new QuestionWorker(this.workerScript)
    return this.worker
  }
}
