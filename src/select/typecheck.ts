import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * When ts-jest type-checks modules as they load, a type error anywhere in a loaded module fails
 * the whole suite. Rather than selecting every loader of a changed TypeScript file, the files whose
 * types can change are checked with the repository's own TypeScript: when they are clean, symbol
 * level selection stands; a file with errors makes all of its loaders run.
 */

/** The codes ts-jest ignores by default. */
const IGNORED_CODES = new Set([6059, 18002, 18003])

export interface TypeCheckOutcome {
  /** False when the check could not run (then every loader of the changed files is selected). */
  checked: boolean
  /** Repository-relative files with type errors, with the first message. */
  errors: Map<string, string>
  why?: string
}

interface TsDiagnostic {
  category: number
  code: number
  messageText: string | { messageText: string }
}

interface TsModule {
  sys: Record<string, unknown>
  DiagnosticCategory: { Error: number }
  getParsedCommandLineOfConfigFile(
    path: string,
    existing: object,
    host: object
  ): { options: Record<string, unknown> } | undefined
  createProgram(options: { rootNames: string[]; options: Record<string, unknown> }): {
    getSourceFile(path: string): unknown
    getSyntacticDiagnostics(file: unknown): readonly TsDiagnostic[]
    getSemanticDiagnostics(file: unknown): readonly TsDiagnostic[]
  }
}

function loadTypeScript(repoDir: string): TsModule | undefined {
  try {
    const name = 'typescript'
    return createRequire(join(repoDir, 'package.json'))(name) as TsModule
  } catch {
    return undefined
  }
}

function nearestTsconfig(repoDir: string, file: string): string | undefined {
  for (let dir = dirname(join(repoDir, file)); dir.startsWith(repoDir); dir = dirname(dir)) {
    const candidate = join(dir, 'tsconfig.json')
    if (existsSync(candidate)) return candidate
    if (dir === repoDir) break
  }
  return undefined
}

export function typeErrorsIn(repoDir: string, files: readonly string[], tsconfig?: string): TypeCheckOutcome {
  const errors = new Map<string, string>()
  const ts = loadTypeScript(repoDir)
  if (!ts) return { checked: false, errors, why: 'typescript is not installed in the repository' }
  const configPath = tsconfig ? join(repoDir, tsconfig) : nearestTsconfig(repoDir, files[0] ?? '')
  let options: Record<string, unknown> = {}
  if (configPath && existsSync(configPath)) {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined }
    )
    if (!parsed) return { checked: false, errors, why: `${configPath} could not be read` }
    options = parsed.options
  }
  const absolute = files.map(file => join(repoDir, file))
  const program = ts.createProgram({ rootNames: absolute, options: { ...options, noEmit: true } })
  files.forEach((file, i) => {
    const source = program.getSourceFile(absolute[i] as string)
    if (!source) return
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source)
    ].filter(d => d.category === ts.DiagnosticCategory.Error && !IGNORED_CODES.has(d.code))
    const first = diagnostics[0]
    if (first)
      errors.set(
        file,
        typeof first.messageText === 'string' ? first.messageText : first.messageText.messageText
      )
  })
  return { checked: true, errors }
}
