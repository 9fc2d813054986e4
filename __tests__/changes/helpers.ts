import type { RunEvent } from '../../src/ports/event.js'
import { streamLogger, type Logger } from '../../src/ports/log.js'

/** A logger that keeps every line, for asserting on what was logged. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return Object.assign(
    streamLogger(line => lines.push(line), true),
    { lines }
  )
}

/** The RunEvent the action would read for this event name and payload. */
export function runEvent(name: string, payload: Record<string, any> = {}, sha?: string): RunEvent {
  return {
    name,
    payload,
    sha,
    ref: typeof payload.ref === 'string' ? payload.ref : undefined,
    apiUrl: 'http://127.0.0.1:9',
    serverUrl: 'https://github.com'
  }
}
