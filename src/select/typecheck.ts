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
  /** How many files were checked: the changed ones, and what depends on changed types. */
  checkedFiles?: number
}

interface TsDiagnostic {
  category: number
  code: number
  messageText: string | { messageText: string }
}

interface TsSourceFile {
  fileName: string
}

interface TsProgram {
  getSourceFile(path: string): TsSourceFile | undefined
  getSourceFiles(): readonly TsSourceFile[]
  getSyntacticDiagnostics(file: TsSourceFile): readonly TsDiagnostic[]
  getSemanticDiagnostics(file: TsSourceFile): readonly TsDiagnostic[]
  emit(
    file: TsSourceFile,
    write: (name: string, text: string) => void,
    cancel: undefined,
    declarationsOnly: boolean
  ): { emitSkipped: boolean; diagnostics: readonly TsDiagnostic[] }
}

interface TsHost {
  getSourceFile(name: string, languageVersion: unknown, ...rest: unknown[]): TsSourceFile | undefined
  fileExists(name: string): boolean
  readFile(name: string): string | undefined
}

interface TsModule {
  sys: Record<string, unknown>
  DiagnosticCategory: { Error: number }
  getParsedCommandLineOfConfigFile(
    path: string,
    existing: object,
    host: object
  ): { options: Record<string, unknown> } | undefined
  createCompilerHost(options: Record<string, unknown>): TsHost
  createSourceFile(name: string, text: string, languageVersion: unknown): TsSourceFile
  createProgram(options: {
    rootNames: string[]
    options: Record<string, unknown>
    host?: TsHost
    oldProgram?: TsProgram
  }): TsProgram
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

/**
 * Type-checks the changed files `files` as ts-jest would when they load, and the files that
 * depend on their types (`dependentsOf`, given the files whose types others see may have
 * changed). A changed file whose declarations (its `.d.ts`, as TypeScript emits it) are the same
 * at the base (`baseText`) changed nothing another file's check can see: its dependents are not
 * checked. Undefined from `dependentsOf`: too many to check.
 */
export function typeErrorsIn(
  repoDir: string,
  files: readonly string[],
  tsconfig?: string,
  baseText: (file: string) => string | undefined = () => undefined,
  dependentsOf: (files: readonly string[]) => readonly string[] | undefined = () => []
): TypeCheckOutcome {
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
  // Declarations are emitted to memory, to compare; nothing is written.
  const emitting = {
    ...options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: false,
    sourceMap: false,
    inlineSourceMap: false,
    incremental: false,
    composite: false,
    tsBuildInfoFile: undefined,
    noEmitOnError: false,
    outFile: undefined,
    out: undefined
  }
  const absolute = (file: string): string => join(repoDir, file)
  // Source files parsed once, for every program made here.
  const parsed = new Map<string, TsSourceFile>()
  const host = (texts: ReadonlyMap<string, string> = new Map()): TsHost => {
    const base = ts.createCompilerHost(emitting)
    return {
      ...base,
      fileExists: name => texts.has(name) || base.fileExists(name),
      readFile: name => texts.get(name) ?? base.readFile(name),
      getSourceFile: (name, languageVersion, ...rest) => {
        const text = texts.get(name)
        if (text !== undefined) return ts.createSourceFile(name, text, languageVersion)
        let file = parsed.get(name)
        if (!file) {
          file = base.getSourceFile(name, languageVersion, ...rest)
          if (file) parsed.set(name, file)
        }
        return file
      }
    }
  }
  const check = (program: TsProgram, checked: readonly string[]): void => {
    for (const file of checked) {
      const source = program.getSourceFile(absolute(file))
      if (!source) continue
      const first = [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source)
      ].find(d => d.category === ts.DiagnosticCategory.Error && !IGNORED_CODES.has(d.code))
      if (first)
        errors.set(
          file,
          typeof first.messageText === 'string' ? first.messageText : first.messageText.messageText
        )
    }
  }
  const declarations = (program: TsProgram, file: string): string | undefined => {
    const source = program.getSourceFile(absolute(file))
    if (!source) return undefined
    let text = ''
    const emitted = program.emit(
      source,
      (name, out) => (text += name.endsWith('.map') ? '' : out),
      undefined,
      true
    )
    return emitted.emitSkipped || emitted.diagnostics.length ? undefined : text
  }
  const program = ts.createProgram({ rootNames: files.map(absolute), options: emitting, host: host() })
  check(program, files)
  // The files whose declarations may differ from the base's. (A file with an error fails every
  // test that loads it; one that only imports its types does not load it, and is checked too.)
  const bases = new Map<string, string>()
  for (const file of files) {
    const text = baseText(file)
    if (text !== undefined) bases.set(absolute(file), text)
  }
  const before =
    bases.size > 0
      ? ts.createProgram({
          rootNames: files.map(absolute),
          options: emitting,
          host: host(bases),
          oldProgram: program
        })
      : undefined
  const surfaced = files.filter(file => {
    const now = before && bases.has(absolute(file)) ? declarations(program, file) : undefined
    return now === undefined || now !== declarations(before as TsProgram, file)
  })
  const dependents = surfaced.length ? dependentsOf(surfaced) : []
  if (dependents === undefined)
    return { checked: false, errors, why: 'too many files depend on the changed types' }
  const more = dependents.filter(file => !files.includes(file))
  if (more.length) {
    const all = [...files, ...more]
    check(
      ts.createProgram({
        rootNames: all.map(absolute),
        options: emitting,
        host: host(),
        oldProgram: program
      }),
      more
    )
  }
  return { checked: true, errors, checkedFiles: files.length + more.length }
}
