import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { bundledWorker, QuestionWorker } from './workers.js'

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
 * A TypeScript program over the changed files, made once (the costly part: every module and
 * declaration file they import is parsed), of which the checks are asked afterwards.
 */
export class TypeCheckProgram {
  /** Source files parsed once, for every program made here. */
  private readonly parsed = new Map<string, TsSourceFile>()
  private roots: string[]
  private program: TsProgram

  private constructor(
    private readonly ts: TsModule,
    private readonly repoDir: string,
    private readonly options: Record<string, unknown>,
    roots: readonly string[]
  ) {
    this.roots = [...roots]
    this.program = ts.createProgram({ rootNames: this.roots.map(this.absolute), options, host: this.host() })
  }

  /**
   * The program of `roots` (repository-relative), with the options of `tsconfig` (else the one
   * nearest the first root); a message saying why when it cannot be made.
   */
  static open(repoDir: string, roots: readonly string[], tsconfig?: string): TypeCheckProgram | string {
    const ts = loadTypeScript(repoDir)
    if (!ts) return 'typescript is not installed in the repository'
    const configPath = tsconfig ? join(repoDir, tsconfig) : nearestTsconfig(repoDir, roots[0] ?? '')
    let options: Record<string, unknown> = {}
    if (configPath && existsSync(configPath)) {
      const parsed = ts.getParsedCommandLineOfConfigFile(
        configPath,
        {},
        { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined }
      )
      if (!parsed) return `${configPath} could not be read`
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
    return new TypeCheckProgram(ts, repoDir, emitting, roots)
  }

  /** Type errors in `files` (made roots of the program if they are not), with the first message of each. */
  errorsIn(files: readonly string[]): Map<string, string> {
    this.include(files)
    const errors = new Map<string, string>()
    for (const file of files) {
      const source = this.program.getSourceFile(this.absolute(file))
      if (!source) continue
      const first = [
        ...this.program.getSyntacticDiagnostics(source),
        ...this.program.getSemanticDiagnostics(source)
      ].find(d => d.category === this.ts.DiagnosticCategory.Error && !IGNORED_CODES.has(d.code))
      if (first)
        errors.set(
          file,
          typeof first.messageText === 'string' ? first.messageText : first.messageText.messageText
        )
    }
    return errors
  }

  /**
   * Those of `files` whose declarations (their `.d.ts`, as TypeScript emits it) may differ from
   * those of their text at the base, `bases` (a file without one may differ). The others changed
   * nothing another file's check can see.
   */
  surfaced(files: readonly string[], bases: ReadonlyMap<string, string>): string[] {
    this.include(files)
    const texts = new Map<string, string>()
    for (const [file, text] of bases) texts.set(this.absolute(file), text)
    const before =
      texts.size > 0
        ? this.ts.createProgram({
            rootNames: this.roots.map(this.absolute),
            options: this.options,
            host: this.host(texts),
            oldProgram: this.program
          })
        : undefined
    return files.filter(file => {
      const now = before && bases.has(file) ? this.declarations(this.program, file) : undefined
      return now === undefined || now !== this.declarations(before as TsProgram, file)
    })
  }

  private include(files: readonly string[]): void {
    const more = files.filter(file => !this.roots.includes(file))
    if (more.length === 0) return
    this.roots = [...this.roots, ...more]
    this.program = this.ts.createProgram({
      rootNames: this.roots.map(this.absolute),
      options: this.options,
      host: this.host(),
      oldProgram: this.program
    })
  }

  private readonly absolute = (file: string): string => join(this.repoDir, file)

  private host(texts: ReadonlyMap<string, string> = new Map()): TsHost {
    const base = this.ts.createCompilerHost(this.options)
    return {
      ...base,
      fileExists: name => texts.has(name) || base.fileExists(name),
      readFile: name => texts.get(name) ?? base.readFile(name),
      getSourceFile: (name, languageVersion, ...rest) => {
        const text = texts.get(name)
        if (text !== undefined) return this.ts.createSourceFile(name, text, languageVersion)
        let file = this.parsed.get(name)
        if (!file) {
          file = base.getSourceFile(name, languageVersion, ...rest)
          if (file) this.parsed.set(name, file)
        }
        return file
      }
    }
  }

  private declarations(program: TsProgram, file: string): string | undefined {
    const source = program.getSourceFile(this.absolute(file))
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
}

/** What one check found: errors in the files asked about, and which of them may change others' types. */
interface FirstCheck {
  errors: Map<string, string>
  surfaced: string[]
}

/**
 * The outcome of a check of `files` (`first`: its errors, and the files whose declarations may
 * differ from the base's), once what depends on those (`dependentsOf`; undefined: too many to
 * check) is checked too (`checkMore`).
 */
async function completeCheck(
  files: readonly string[],
  first: FirstCheck,
  dependentsOf: (files: readonly string[]) => readonly string[] | undefined,
  checkMore: (files: string[]) => Map<string, string> | Promise<Map<string, string>>
): Promise<TypeCheckOutcome> {
  const { errors, surfaced } = first
  // A file with an error fails every test that loads it; one that only imports its types does
  // not load it, and is checked too.
  const dependents = surfaced.length ? dependentsOf(surfaced) : []
  if (dependents === undefined)
    return { checked: false, errors, why: 'too many files depend on the changed types' }
  const more = dependents.filter(file => !files.includes(file))
  if (more.length) for (const [file, message] of await checkMore(more)) errors.set(file, message)
  return { checked: true, errors, checkedFiles: files.length + more.length }
}

/**
 * Type-checks the changed files `files` as ts-jest would when they load, and the files that
 * depend on their types (`dependentsOf`, given the files whose types others see may have
 * changed). A changed file whose declarations are the same at the base (`baseText`) changed
 * nothing another file's check can see: its dependents are not checked. Undefined from
 * `dependentsOf`: too many to check.
 */
export async function typeErrorsIn(
  repoDir: string,
  files: readonly string[],
  tsconfig?: string,
  baseText: (file: string) => string | undefined = () => undefined,
  dependentsOf: (files: readonly string[]) => readonly string[] | undefined = () => []
): Promise<TypeCheckOutcome> {
  const program = TypeCheckProgram.open(repoDir, files, tsconfig)
  if (typeof program === 'string') return { checked: false, errors: new Map(), why: program }
  const first = {
    errors: program.errorsIn(files),
    surfaced: program.surfaced(files, basesOf(files, baseText))
  }
  return completeCheck(files, first, dependentsOf, more => program.errorsIn(more))
}

function basesOf(
  files: readonly string[],
  baseText: (file: string) => string | undefined
): Map<string, string> {
  const bases = new Map<string, string>()
  for (const file of files) {
    const text = baseText(file)
    if (text !== undefined) bases.set(file, text)
  }
  return bases
}

/** A question to the type-check worker (src/select/typecheck-worker.ts). */
export interface TypeCheckQuestion {
  id: number
  /** `check`: errors in `files`, and which may change others' types; `more`: errors in `files`. */
  step: 'check' | 'more'
  files: string[]
  bases?: Array<[string, string]>
}

/** The worker's answer: `why` when no program could be made, `failed` when a check threw. */
export interface TypeCheckAnswer {
  id: number
  errors?: Array<[string, string]>
  surfaced?: string[]
  why?: string
  failed?: string
}

/** The data a type-check worker starts with: it makes the program of `roots` at once. */
export interface TypeCheckStart {
  repoDir: string
  roots: string[]
  tsconfig?: string
}

/** The worker stopped, or a check there threw: the whole check runs on this thread instead. */
class WorkerGone extends Error {}

/**
 * A type check begun before its questions are known. The program of the changed files that may
 * need checking (`roots`) is made on a worker thread, on the second core, while this thread
 * walks the graph: making it (parsing every module and declaration file they import) is most of
 * a check's cost. Without the worker (the sources run as they are, or it fails) the check runs on
 * this thread when asked.
 */
export class TypeCheckJob {
  private readonly worker: QuestionWorker<Omit<TypeCheckQuestion, 'id'>, TypeCheckAnswer> | undefined

  /** `workerScript`: the bundled worker, by default the one beside the running bundle; null for none. */
  constructor(
    private readonly repoDir: string,
    roots: readonly string[],
    private readonly tsconfig?: string,
    workerScript: string | null = bundledWorker('typecheck-worker') ?? null
  ) {
    if (!workerScript || roots.length === 0) return
    const start: TypeCheckStart = { repoDir, roots: [...roots], tsconfig }
    this.worker = new QuestionWorker(workerScript, { workerData: start })
  }

  /** How many questions the worker answered. */
  get answeredByWorker(): number {
    return this.worker?.answered ?? 0
  }

  /** What typeErrorsIn answers for these arguments (a file that is not a root is parsed when asked). */
  async outcome(
    files: readonly string[],
    baseText: (file: string) => string | undefined = () => undefined,
    dependentsOf: (files: readonly string[]) => readonly string[] | undefined = () => []
  ): Promise<TypeCheckOutcome> {
    const here = (): Promise<TypeCheckOutcome> =>
      typeErrorsIn(this.repoDir, files, this.tsconfig, baseText, dependentsOf)
    const first = await this.ask({ step: 'check', files: [...files], bases: [...basesOf(files, baseText)] })
    if (!first || first.failed !== undefined) return here()
    if (first.why !== undefined) return { checked: false, errors: new Map(), why: first.why }
    try {
      return await completeCheck(
        files,
        { errors: new Map(first.errors), surfaced: first.surfaced ?? [] },
        dependentsOf,
        async more => {
          const answer = await this.ask({ step: 'more', files: more })
          if (!answer?.errors) throw new WorkerGone()
          return new Map(answer.errors)
        }
      )
    } catch (error) {
      if (error instanceof WorkerGone) return here()
      throw error
    }
  }

  close(): void {
    this.worker?.close()
  }

  private ask(question: Omit<TypeCheckQuestion, 'id'>): Promise<TypeCheckAnswer | undefined> {
    return this.worker?.ask(question) ?? Promise.resolve(undefined)
  }
}
