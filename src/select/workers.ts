import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * A worker's script, bundled beside the running bundle (scripts/build.mjs puts each there):
 * undefined when the sources run as they are, where a worker could not load it.
 */
export function bundledWorker(name: string): string | undefined {
  for (const relative of [`./${name}/index.js`, `../${name}/index.js`]) {
    const url = new URL(relative, import.meta.url)
    if (url.protocol === 'file:' && existsSync(url)) return fileURLToPath(url)
  }
  return undefined
}

/**
 * A worker thread that answers numbered questions: each answer carries the id of its question. It
 * keeps the process alive only while a question waits. When it stops (or could not start), every
 * question waiting or asked after is answered with undefined, for its owner to work out on this
 * thread.
 */
export class QuestionWorker<Question extends object, Answer extends { id: number }> {
  private worker: Worker | undefined
  private readonly waiting = new Map<number, (answer: Answer | undefined) => void>()
  private next = 0
  /** How many questions the worker answered. */
  answered = 0

  constructor(script: string, options?: WorkerOptions) {
    try {
      const worker = new Worker(script, options)
      worker.on('message', (answer: Answer) => {
        const done = this.waiting.get(answer.id)
        this.waiting.delete(answer.id)
        this.answered++
        if (this.waiting.size === 0) worker.unref()
        done?.(answer)
      })
      worker.on('error', () => this.stopped())
      worker.on('exit', () => this.stopped())
      // Until a question waits, it does not keep the process alive.
      worker.unref()
      this.worker = worker
    } catch {
      this.worker = undefined
    }
  }

  /** Whether the worker is there to ask. */
  get running(): boolean {
    return this.worker !== undefined
  }

  ask(question: Question): Promise<Answer | undefined> {
    const worker = this.worker
    if (!worker) return Promise.resolve(undefined)
    const id = this.next++
    const answer = new Promise<Answer | undefined>(done => this.waiting.set(id, done))
    worker.ref()
    worker.postMessage({ ...question, id })
    return answer
  }

  close(): void {
    const worker = this.worker
    this.worker = undefined
    void worker?.terminate()
  }

  private stopped(): void {
    this.worker = undefined
    for (const done of this.waiting.values()) done(undefined)
    this.waiting.clear()
  }
}
