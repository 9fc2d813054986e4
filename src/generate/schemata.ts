/**
 * Mutant schemata: every mutant of a file compiled into one version of it, each behind a switch
 * read at run time, so that one test process can try many mutants (the technique StrykerJS and
 * mutmut use). The switch is a global in JavaScript (set per test file, which has its own module
 * registry) and an environment variable in Python (set per forked run).
 */
import type { Mutant } from './types.js'

export const JS_SWITCH = 'Reflect.get(globalThis, "__ciMedicMutant")'
export const JS_GLOBAL = '__ciMedicMutant'
export const PY_SWITCH = '__import__("os").environ.get("CI_MEDIC_MUTANT")'
export const PY_VARIABLE = 'CI_MEDIC_MUTANT'

interface Host {
  start: number
  end: number
  mutants: Mutant[]
  children: Host[]
}

/** The file with every mutant behind its switch, and the mutants that could be placed. */
export function buildSchemata(
  content: string,
  mutants: readonly Mutant[],
  language: 'js' | 'py'
): { text: string; included: Mutant[] } {
  const groups = new Map<string, Host>()
  for (const mutant of mutants) {
    const start = mutant.hostStart ?? mutant.start
    const end = mutant.hostEnd ?? mutant.end
    if (mutant.start < start || mutant.end > end) continue
    const key = `${start}:${end}`
    const host = groups.get(key) ?? { start, end, mutants: [], children: [] }
    host.mutants.push(mutant)
    groups.set(key, host)
  }
  const sorted = [...groups.values()].sort((a, b) => a.start - b.start || b.end - a.end)
  const roots: Host[] = []
  const stack: Host[] = []
  const included: Mutant[] = []
  for (const host of sorted) {
    while (stack.length && (stack[stack.length - 1] as Host).end <= host.start) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent && host.end > parent.end) continue // overlaps without nesting: leave these mutants out
    ;(parent ? parent.children : roots).push(host)
    stack.push(host)
    included.push(...host.mutants)
  }
  const renderRange = (start: number, end: number, children: Host[]): string => {
    let out = ''
    let cursor = start
    for (const child of children) {
      out += content.slice(cursor, child.start) + renderHost(child)
      cursor = child.end
    }
    return out + content.slice(cursor, end)
  }
  const renderHost = (host: Host): string => {
    const original = content.slice(host.start, host.end)
    const inner = renderRange(host.start, host.end, host.children)
    const alternatives = host.mutants.map(m => ({
      id: m.id,
      text: original.slice(0, m.start - host.start) + m.replacement + original.slice(m.end - host.start)
    }))
    if (language === 'js') {
      return `(${alternatives.map(a => `${JS_SWITCH} === ${JSON.stringify(a.id)} ? (${a.text}) : `).join('')}(${inner}))`
    }
    return `(${alternatives.map(a => `(${a.text}) if ${PY_SWITCH} == ${JSON.stringify(a.id)} else `).join('')}(${inner}))`
  }
  return { text: renderRange(0, content.length, roots), included }
}

/** Where the wrapper that runs `testFile` under one mutant goes (same folder, same naming pattern). */
export function wrapperPath(testFile: string, mutant: string): string {
  const tag = `.cimedic-${mutant}`
  if (/\.(test|spec)\.[^./]+$/.test(testFile)) return testFile.replace(/(\.(test|spec)\.[^./]+)$/, `${tag}$1`)
  return testFile.replace(/(\.[^./]+)$/, `${tag}$1`)
}
