import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { binOf, requirePackage } from './node-resolve.js'
import type { Adapter, PlanContext, PlannedRun } from './types.js'

/**
 * Runs vitest through `startVitest` (its programmatic entry point) with a reporter object that
 * writes every module's results as it ends. A suite reading `process.argv` sees `vitest run <files>`.
 */
const DRIVER = String.raw`import { appendFileSync, readFileSync } from 'node:fs'
const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'))
process.argv = [process.argv[0], plan.bin, 'run', ...plan.shownArgs]
const emit = event => appendFileSync(plan.out, JSON.stringify(event) + '\n')
const STATUS = { passed: 'passed', failed: 'failed', skipped: 'skipped', pending: 'skipped' }
const nameOf = test => {
  const names = []
  for (let node = test; node && node.type !== 'module'; node = node.parent) names.unshift(node.name)
  return names.join(' \u203a ')
}
const textOf = error => (error && (error.stack || error.message)) || String(error)
const reporter = {
  onTestModuleStart(module) { emit({ t: 'start', file: module.moduleId }) },
  onTestModuleEnd(module) {
    for (const test of module.children.allTests()) {
      const result = test.result() || { state: 'pending', errors: [] }
      const diagnostic = test.diagnostic ? test.diagnostic() : undefined
      const errors = result.errors || []
      emit({ t: 'case', file: module.moduleId, name: nameOf(test), status: STATUS[result.state] || 'failed',
        durationMs: diagnostic ? diagnostic.duration : 0,
        message: errors.length ? errors.map(e => e.message).join('\n') : undefined,
        stack: errors.length ? errors.map(textOf).join('\n') : undefined,
        line: test.location ? test.location.line : undefined, column: test.location ? test.location.column : undefined })
    }
    const errors = module.errors ? module.errors() : []
    const diagnostic = module.diagnostic ? module.diagnostic() : undefined
    emit({ t: 'file', file: module.moduleId, durationMs: diagnostic ? diagnostic.duration : 0,
      error: errors.length ? { message: errors.map(e => e.message).join('\n'), stack: errors.map(textOf).join('\n') } : undefined })
  },
  onTestRunEnd() { emit({ t: 'end' }) }
}
const { startVitest } = await import(plan.vitestNode)
let code = 1
try {
  const vitest = await startVitest('test', plan.files, { run: true, watch: false, reporters: ['default', reporter], includeTaskLocation: true, passWithNoTests: false })
  code = process.exitCode ?? (vitest ? 0 : 1)
  if (vitest) await vitest.close()
} catch (error) {
  console.error((error && error.stack) || String(error))
  code = 2
}
process.exit(code)
`

export const vitestAdapter: Adapter = {
  framework: 'vitest',
  plan(context: PlanContext): PlannedRun {
    const vitestDir = requirePackage(
      'vitest',
      context.packageDir,
      'run npm ci (or npm install) before the tests'
    )
    const driver = join(context.tempDir, 'vitest-driver.mjs')
    const planFile = join(context.tempDir, 'vitest-plan.json')
    const out = join(context.tempDir, 'vitest-events.jsonl')
    const files = context.all ? [] : context.files
    const shown = files.map(file => relative(context.packageDir, file))
    writeFileSync(driver, DRIVER)
    writeFileSync(out, '')
    writeFileSync(
      planFile,
      JSON.stringify({
        bin: binOf(vitestDir, 'vitest') ?? join(vitestDir, 'vitest.mjs'),
        vitestNode: pathToFileURL(join(vitestDir, 'dist/node.js')).href,
        out,
        files,
        shownArgs: shown
      })
    )
    return {
      framework: 'vitest',
      command: process.execPath,
      args: [...context.nodeFlags, driver, planFile],
      env: context.env,
      eventsFile: out,
      reportsStarts: true,
      display: ['vitest', 'run', ...shown].join(' ')
    }
  }
}
