import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { escapeRegExp } from '../../regexp.js'
import type { RunnerEvent } from '../events.js'
import type { Adapter, PlanContext, PlannedRun } from './types.js'

const TEST_FUNC = /^func\s+(Test\w*)\s*\(\s*\w+\s+\*testing\.T\s*\)/gm

function testsIn(file: string): string[] {
  try {
    return [...readFileSync(file, 'utf8').matchAll(TEST_FUNC)].map(match => match[1] as string)
  } catch {
    return []
  }
}

function modulePath(moduleDir: string): string {
  try {
    return /^module\s+(\S+)/m.exec(readFileSync(join(moduleDir, 'go.mod'), 'utf8'))?.[1] ?? ''
  } catch {
    return ''
  }
}

interface GoEvent {
  Action: string
  Package?: string
  Test?: string
  Elapsed?: number
  Output?: string
}

/** Turns `go test -json` (the go tool's own event stream on stdout) into the line protocol. */
export function goEvents(
  stdout: string,
  moduleDir: string,
  packageDirs: readonly string[],
  stderr = ''
): RunnerEvent[] {
  const module = modulePath(moduleDir)
  const dirOf = (pkg: string): string =>
    pkg === module
      ? moduleDir
      : pkg.startsWith(module + '/')
        ? join(moduleDir, pkg.slice(module.length + 1))
        : pkg
  // test name → file, for every test file of the packages that ran
  const fileOfTest = new Map<string, string>()
  const filesOfPackage = new Map<string, string[]>()
  const ensurePackage = (dir: string): string[] => {
    let files = filesOfPackage.get(dir)
    if (files) return files
    files = existsSync(dir)
      ? readdirSync(dir)
          .filter(name => name.endsWith('_test.go'))
          .map(name => join(dir, name))
      : []
    for (const file of files) for (const test of testsIn(file)) fileOfTest.set(`${dir}\0${test}`, file)
    filesOfPackage.set(dir, files)
    return files
  }
  for (const dir of packageDirs) ensurePackage(dir)
  const events: RunnerEvent[] = []
  const output = new Map<string, string>()
  const packageOutput = new Map<string, string>()
  let lastWasPackageEnd = false
  const started = new Set<string>()
  const closed = new Set<string>()
  const remaining = new Map<string, Set<string>>()
  const running = new Set<string>()
  const touched = new Map<string, Set<string>>()
  const absolutize = (text: string, dir: string): string =>
    text.replace(
      /^(\s*)([\w.-]+\.go):(\d+)/gm,
      (_all, space: string, name: string, line: string) => `${space}${join(dir, name)}:${line}`
    )
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue
    let event: GoEvent
    try {
      event = JSON.parse(line) as GoEvent
    } catch {
      continue
    }
    if (!event.Package) continue
    lastWasPackageEnd = !event.Test && ['pass', 'fail', 'skip'].includes(event.Action)
    const dir = dirOf(event.Package)
    ensurePackage(dir)
    if (!event.Test) {
      if (event.Action === 'output')
        packageOutput.set(dir, (packageOutput.get(dir) ?? '') + (event.Output ?? ''))
      else if (['pass', 'fail', 'skip'].includes(event.Action)) {
        const ran = touched.get(dir) ?? new Set<string>()
        const failedOutside = event.Action === 'fail'
        for (const file of ran) {
          if (closed.has(file)) continue
          closed.add(file)
          const unfinished = [...running].filter(
            key =>
              key.startsWith(`${dir}\0`) &&
              fileOfTest.get(`${dir}\0${key.slice(dir.length + 1).split('/')[0]}`) === file
          )
          if (unfinished.length > 0) {
            const names = unfinished.map(key => key.slice(dir.length + 1)).join(', ')
            const text =
              unfinished.map(key => output.get(key) ?? '').join('') + (packageOutput.get(dir) ?? '')
            events.push({
              t: 'file',
              file,
              error: {
                message: `${names} did not finish: the test binary ended.\n${absolutize(text, dir)}`.trim()
              }
            })
            for (const key of unfinished) running.delete(key)
          } else {
            events.push({ t: 'file', file })
          }
        }
        if (failedOutside && ran.size === 0) {
          for (const file of packageDirs.length === 0 || packageDirs.includes(dir)
            ? (filesOfPackage.get(dir) ?? [])
            : []) {
            events.push({ t: 'start', file })
            events.push({
              t: 'file',
              file,
              error: {
                message: [
                  absolutize(packageOutput.get(dir) ?? 'go test failed', dir),
                  stderrFor(stderr, event.Package)
                ]
                  .filter(Boolean)
                  .join('\n')
              }
            })
          }
        }
        touched.delete(dir)
      }
      continue
    }
    const top = event.Test.split('/')[0] as string
    const file = fileOfTest.get(`${dir}\0${top}`) ?? join(dir, 'unknown_test.go')
    const key = `${dir}\0${event.Test}`
    if (event.Action === 'run') {
      running.add(key)
      if (!started.has(file)) {
        started.add(file)
        remaining.set(file, new Set(testsIn(file)))
        events.push({ t: 'start', file })
      }
      const ran = touched.get(dir) ?? new Set<string>()
      ran.add(file)
      touched.set(dir, ran)
    } else if (event.Action === 'output') {
      const text = event.Output ?? ''
      if (!/^(=== (RUN|PAUSE|CONT|NAME)|--- (PASS|FAIL|SKIP))/.test(text.trim()))
        output.set(key, (output.get(key) ?? '') + text)
    } else if (['pass', 'fail', 'skip'].includes(event.Action)) {
      running.delete(key)
      const text = absolutize(output.get(key) ?? '', dir)
      const status = event.Action === 'pass' ? 'passed' : event.Action === 'skip' ? 'skipped' : 'failed'
      events.push({
        t: 'case',
        file,
        name: event.Test.split('/').join(' \u203a '),
        status,
        durationMs: (event.Elapsed ?? 0) * 1000,
        ...(status === 'failed'
          ? { message: text.trim().replace(/^\s*\S+\.go:\d+:\s*/gm, '') || 'FAIL', stack: text }
          : {})
      })
      const left = remaining.get(file)
      if (left && !event.Test.includes('/')) {
        left.delete(event.Test)
        if (left.size === 0 && !closed.has(file)) {
          closed.add(file)
          events.push({ t: 'file', file })
        }
      }
    }
  }
  if (lastWasPackageEnd) events.push({ t: 'end' })
  return events
}

export const goAdapter: Adapter = {
  framework: 'go',
  plan(context: PlanContext): PlannedRun {
    const packageDirs = [...new Set(context.files.map(file => dirname(file)))]
    const packages = context.all
      ? ['./...']
      : packageDirs.map(dir => {
          const rel = relative(context.packageDir, dir).split('\\').join('/')
          return rel ? `./${rel}` : '.'
        })
    const tests = context.all ? [] : [...new Set(context.files.flatMap(testsIn))]
    const args = ['test', '-json', '-count=1']
    if (!context.all && tests.length > 0) args.push(`-run=^(${tests.map(escapeRegExp).join('|')})$`)
    args.push(...packages)
    return {
      framework: 'go',
      command: 'go',
      args,
      env: context.env,
      reportsStarts: true,
      parseStdout: (stdout, stderr) => goEvents(stdout, context.packageDir, packageDirs, stderr),
      renderOutput: goOutput,
      display: ['go', ...args].join(' ')
    }
  }
}

/** The human text of a `go test -json` stream (its Output fields). */
export function goOutput(stdout: string): string {
  let text = ''
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) {
      if (line.trim()) text += line + '\n'
      continue
    }
    try {
      text += (JSON.parse(line) as GoEvent).Output ?? ''
    } catch {
      text += line + '\n'
    }
  }
  return text
}

/** The compiler's messages for one package (`# import/path` and the lines under it) from go's stderr. */
function stderrFor(stderr: string, pkg: string): string {
  const sections = stderr.split(/^(?=# )/m)
  const own = sections.filter(section => section.startsWith(`# ${pkg}`))
  return (own.length > 0 ? own.join('') : stderr).trim().slice(-4000)
}
