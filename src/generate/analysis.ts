/** One face for the language-specific analyses (JavaScript/TypeScript in-process, Python through python3). */
import { basename } from 'node:path'
import {
  analyseJsAssertions,
  jsMutants,
  outlineModule,
  type ModuleOutline,
  type ModuleSymbol,
  type TestAssertions
} from './js-ast.js'
import { analyzePython, type Exec } from './python.js'
import type { Mutant } from './types.js'

export interface Analyzer {
  outline(path: string, content: string): Promise<ModuleOutline>
  assertions(testPath: string, content: string, sourcePath: string): Promise<TestAssertions>
  mutants(path: string, content: string, lines: ReadonlySet<number>): Promise<Mutant[]>
}

export function stemOf(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '')
}

function offsetOf(content: string, line: number, col: number): number {
  let offset = 0
  for (let n = 1; n < line; n++) {
    const next = content.indexOf('\n', offset)
    if (next < 0) return content.length
    offset = next + 1
  }
  return offset + col
}

/** Numbers mutants in a stable order (file, position, replacement) so ids mean the same across runs. */
export function numberMutants(mutants: ReadonlyArray<Omit<Mutant, 'id'>>): Mutant[] {
  return [...mutants]
    .sort(
      (a, b) =>
        a.file.localeCompare(b.file) || a.start - b.start || a.replacement.localeCompare(b.replacement)
    )
    .map((m, i) => ({ ...m, id: `m${i + 1}` }))
}

export function createAnalyzer(options: { exec: Exec; scratchDir: string }): Analyzer {
  const isPython = (path: string): boolean => path.endsWith('.py')
  const withFile = async <T>(path: string, content: string, request: Record<string, unknown>): Promise<T> => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(options.scratchDir, 'ast-'))
    try {
      const file = join(dir, basename(path))
      writeFileSync(file, content)
      const result = await analyzePython<T>(options.exec, options.scratchDir, {
        op: String(request.op),
        ...request,
        file
      })
      return result
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return {
    async outline(path, content) {
      if (!isPython(path)) return outlineModule(path, content)
      const result = await withFile<{
        ok: boolean
        error?: string
        symbols?: Array<Omit<ModuleSymbol, 'exported'>>
        imports?: Array<{ module: string; level: number; names: string[] }>
      }>(path, content, { op: 'symbols' })
      if (!result.ok) return { symbols: [], imports: [] }
      return {
        symbols: (result.symbols ?? []).map(s => ({ ...s, exported: !s.name.startsWith('_') })),
        imports: (result.imports ?? []).map(i => ({
          specifier: `${'.'.repeat(i.level)}${i.module}`,
          names: i.names
        }))
      }
    },
    async assertions(testPath, content, sourcePath) {
      if (!isPython(testPath)) return analyseJsAssertions(testPath, content, stemOf(sourcePath))
      const result = await withFile<{ ok: boolean; error?: string; tests?: TestAssertions['tests'] }>(
        testPath,
        content,
        {
          op: 'assertions',
          modules: [stemOf(sourcePath)]
        }
      )
      if (!result.ok) return { syntaxError: result.error ?? 'does not parse', tests: [] }
      return { tests: result.tests ?? [] }
    },
    async mutants(path, content, lines) {
      if (!isPython(path)) return numberMutants(await jsMutants(path, content, lines))
      const result = await withFile<{
        ok: boolean
        mutants?: Array<{
          line: number
          col: number
          endLine: number
          endCol: number
          replacement: string
          description: string
          host: [number, number, number, number]
        }>
      }>(path, content, { op: 'mutants', lines: [...lines] })
      if (!result.ok) return []
      return numberMutants(
        (result.mutants ?? []).map(m => ({
          file: path,
          line: m.line,
          start: offsetOf(content, m.line, m.col),
          end: offsetOf(content, m.endLine, m.endCol),
          replacement: m.replacement,
          description: m.description,
          hostStart: offsetOf(content, m.host[0], m.host[1]),
          hostEnd: offsetOf(content, m.host[2], m.host[3])
        }))
      )
    }
  }
}

export function applyMutant(content: string, mutant: Mutant): string {
  return content.slice(0, mutant.start) + mutant.replacement + content.slice(mutant.end)
}
