import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { nodeCoverage } from '../v8-coverage.js'
import type { Adapter, PlanContext, PlannedRun } from './types.js'

/**
 * A `node --test` reporter module writing the line protocol. It is given to node itself
 * (`--test-reporter`, `--test-reporter-destination`); node does not pass those flags on to the
 * processes that run the test files, whose `process.argv` stays `[node, file]`.
 */
const REPORTER = String.raw`import { isAbsolute, resolve } from 'node:path'
const abs = file => (file ? (isAbsolute(file) ? file : resolve(file)) : undefined)
export default async function* ciMedicReporter(source) {
  const names = new Map()
  const output = new Map()
  const cases = new Map()
  for await (const event of source) {
    const data = event.data || {}
    const file = abs(data.file)
    const isFile = file !== undefined && data.nesting === 0 && abs(data.name) === file
    if (event.type === 'test:stdout' || event.type === 'test:stderr') {
      if (file) output.set(file, ((output.get(file) || '') + (data.message || '')).slice(-4000))
      continue
    }
    if (event.type === 'test:dequeue' && isFile) { yield JSON.stringify({ t: 'start', file }) + '\n'; continue }
    if (event.type === 'test:start' && !isFile && file) {
      const stack = names.get(file) || []
      stack[data.nesting] = data.name
      stack.length = data.nesting + 1
      names.set(file, stack)
      continue
    }
    if ((event.type === 'test:pass' || event.type === 'test:fail') && !isFile && file) {
      const details = data.details || {}
      if (details.type === 'suite') continue
      const stack = (names.get(file) || []).slice(0, data.nesting)
      const name = [...stack, data.name].join(' \u203a ')
      const error = details.error
      const cause = error && error.cause !== undefined ? error.cause : error
      const status = data.skip !== undefined || data.todo !== undefined ? 'skipped' : event.type === 'test:pass' ? 'passed' : 'failed'
      cases.set(file, (cases.get(file) || 0) + 1)
      yield JSON.stringify({ t: 'case', file, name, status, durationMs: details.duration_ms || 0,
        message: status === 'failed' ? String((cause && cause.message) || cause || 'failed') : undefined,
        stack: status === 'failed' ? String((cause && cause.stack) || (error && error.stack) || '') || undefined : undefined,
        line: data.line, column: data.column }) + '\n'
      continue
    }
    if ((event.type === 'test:complete' || event.type === 'test:fail') && isFile) {
      if (event.type === 'test:fail' && cases.has(file + '\0done')) continue
      cases.set(file + '\0done', 1)
      const details = data.details || {}
      const error = details.error
      const crashed = error && !cases.get(file) && (data.details.error.failureType !== 'subtestsFailed')
      yield JSON.stringify({ t: 'file', file, durationMs: details.duration_ms || 0,
        error: crashed ? { message: [String(error.message || 'test failed') + (error.exitCode != null ? ' (exit code ' + error.exitCode + ')' : '') + (error.signal ? ' (signal ' + error.signal + ')' : ''), output.get(file) || ''].join('\n').trim(), stack: String(error.stack || '') } : undefined }) + '\n'
    }
  }
  yield JSON.stringify({ t: 'end' }) + '\n'
}
`

export const nodeTestAdapter: Adapter = {
  framework: 'node-test',
  plan(context: PlanContext): PlannedRun {
    const reporter = join(context.tempDir, 'node-test-reporter.mjs')
    const out = join(context.tempDir, 'node-test-events.jsonl')
    writeFileSync(reporter, REPORTER)
    writeFileSync(out, '')
    const files = context.all ? [] : context.files.map(file => relative(context.packageDir, file))
    return {
      framework: 'node-test',
      command: process.execPath,
      args: [
        ...context.nodeFlags,
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        `--test-reporter=${reporter}`,
        `--test-reporter-destination=${out}`,
        ...files
      ],
      // Each test file runs in a process of its own, which writes its coverage as it exits.
      ...nodeCoverage(context),
      eventsFile: out,
      reportsStarts: true,
      display: ['node', ...context.nodeFlags, '--test', ...files].join(' ')
    }
  }
}
