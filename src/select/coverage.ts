import type { Git } from '../ports/git.js'
import { decodeIndices, type CoverageMap, type CoverageRun } from '../runners/coverage-map.js'
import type { FileChange } from './graph.js'
import { symbolSpans, type SymbolSpans } from './js-scanner.js'
import { MODULE_SYMBOL } from './model.js'
import { pythonSymbolSpans } from './other-scanners.js'

/**
 * Dynamic evidence from a coverage map (recorded by `test` with `record-coverage`): which source
 * files each test file loaded and which of their functions it ran, at a commit.
 *
 * A test's entry speaks for the base commit when nothing the test could have read changed between
 * the recorded commit and the base: not the test, not a source it loaded, and no file that was
 * not instrumented (data, config, new files, anything coverage cannot see), since any of those
 * could change what the test loads or runs. For such a test and a changed file that was
 * instrumented in its run:
 * - a test that never loaded the file cannot be affected by it;
 * - a test that loaded it is affected by a change to code that runs on load, to a class, field or
 *   variable, to what the file exports, by a symbol added or removed, or by a whole-file change;
 * - a change to a function, method or accessor (of the same kind in both versions: a hoisted
 *   declaration stays one, a method does not become an accessor) affects it only if it ran that
 *   function, since code that never runs cannot change a result. In Python, a class whose
 *   versions differ only in method bodies counts as those methods (see pythonSymbolSpans).
 *
 * What this cannot see: a test whose path through the code depends on the clock, randomness or
 * the machine ran other functions when the map was recorded (`record-coverage` keeps only tests
 * that passed on their first try).
 */
export interface CoverageEvidence {
  /** How many test files have an entry that speaks for the base commit. */
  current: number
  /** Test files whose entry is out of date (something they loaded changed since). */
  outdated: number
  /** Why whole runs could not be used. */
  unusable: string[]
  /** The commits of the usable runs. */
  commits: string[]
  /** The commit `test`'s current entry was recorded at. */
  commitOf(test: string): string | undefined
  /** Whether `test`'s entry speaks for changes to `file` (the test is current, the file was instrumented). */
  covers(test: string, file: string): boolean
  /** Tests with a current entry whose run instrumented `file`. */
  testsCovering(file: string): string[]
  loaded(test: string, file: string): boolean
  /** The instrumented files `test` loaded in its own process. */
  loadedFiles(test: string): string[]
  /** Line, column pairs where the functions `test` ran in `file` start; undefined when positions were not the source's own. */
  ran(test: string, file: string): number[] | undefined
}

interface Current {
  run: CoverageRun
  /** Source index → encoded function indices. */
  entry: Record<string, string>
  /** Source path → source index, for this run. */
  index: Map<string, number>
}

export async function coverageEvidence(git: Git, map: CoverageMap, base: string): Promise<CoverageEvidence> {
  const tests = new Map<string, Current>()
  const unusable: string[] = []
  const commits: string[] = []
  let outdated = 0
  const baseCommit = (await git.tryRun(['rev-parse', '--verify', '-q', `${base}^{commit}`])).stdout.trim()
  for (const run of map.runs) {
    const short = run.commit.slice(0, 12)
    const known = await git.tryRun(['cat-file', '-e', `${run.commit}^{commit}`])
    if (known.exitCode !== 0) {
      unusable.push(`coverage recorded at ${short} is not usable: that commit is not in this clone`)
      continue
    }
    const index = new Map(run.sources.map((source, i) => [source.path, i]))
    const changed =
      run.commit === baseCommit
        ? []
        : (await git.run(['diff', '--name-only', '-z', '--no-renames', run.commit, base]))
            .split('\0')
            .filter(Boolean)
    const unseen = changed.find(path => !index.has(path))
    if (unseen) {
      unusable.push(
        `coverage recorded at ${short} is not usable: ${unseen} changed since, and coverage does not show who reads it`
      )
      continue
    }
    const changedPaths = new Set(changed)
    const changedSources = new Set(changed.map(path => index.get(path) as number))
    for (const [test, entry] of Object.entries(run.tests)) {
      if (tests.has(test)) continue
      if (changedPaths.has(test) || Object.keys(entry).some(at => changedSources.has(Number(at)))) {
        outdated++
        continue
      }
      tests.set(test, { run, entry, index })
    }
    commits.push(run.commit)
  }
  const covering = new Map<string, string[]>()
  return {
    current: tests.size,
    outdated,
    unusable,
    commits,
    commitOf: test => tests.get(test)?.run.commit,
    covers: (test, file) => tests.get(test)?.index.has(file) === true,
    testsCovering(file) {
      let list = covering.get(file)
      if (!list) {
        list = [...tests].filter(([, current]) => current.index.has(file)).map(([test]) => test)
        covering.set(file, list)
      }
      return list
    },
    loaded(test, file) {
      const current = tests.get(test)
      const at = current?.index.get(file)
      return at !== undefined && Object.hasOwn(current?.entry ?? {}, String(at))
    },
    loadedFiles(test) {
      const current = tests.get(test)
      if (!current) return []
      return Object.keys(current.entry).flatMap(at => current.run.sources[Number(at)]?.path ?? [])
    },
    ran(test, file) {
      const current = tests.get(test)
      const at = current?.index.get(file)
      if (!current || at === undefined) return undefined
      const source = current.run.sources[at]
      const encoded = current.entry[String(at)]
      if (!source?.exact || encoded === undefined) return undefined
      return decodeIndices(encoded).flatMap(fn => [
        source.fns[fn * 2] as number,
        source.fns[fn * 2 + 1] as number
      ])
    }
  }
}

/** The two versions of a changed JavaScript, TypeScript or Python file, as the coverage filter needs them. */
export interface ChangedText {
  base?: string
  head?: string
  /** What the file exports changed (names or what they stand for): every loader is affected. */
  exportsMoved: boolean
}

/**
 * Decides, with coverage evidence, whether a change can affect a test (see CoverageEvidence).
 * `affects` is undefined when the evidence does not speak for the test and the file: the static
 * graph decides then.
 */
export class CoverageFilter {
  private readonly spans = new Map<string, Versions | null>()

  constructor(
    readonly evidence: CoverageEvidence,
    private readonly changes: ReadonlyMap<string, FileChange>,
    private readonly texts: (file: string) => ChangedText | undefined,
    /**
     * Files deleted or renamed away: a test that never loaded one can still need it to exist
     * (`jest.mock('./gone', factory)` resolves the path), so the graph decides for them.
     */
    private readonly gone: ReadonlySet<string> = new Set(),
    /**
     * Whether a process or thread the test starts (a script or worker it names by path) may load
     * `file`: coverage recorded in the test's own process does not see that run, so the graph decides.
     */
    private readonly runElsewhere: (test: string, file: string) => boolean = () => false
  ) {}

  /**
   * `false`: the change cannot affect the test. `ran`: the test ran the changed code (it loaded a
   * file changed as a whole or at module level, or ran the changed function). `maybe`: it loaded
   * the file and coverage cannot tell more. Undefined: no evidence for this test and file.
   */
  affects(test: string, file: string, symbol: string | undefined): false | 'ran' | 'maybe' | undefined {
    const verdict = this.inProcess(test, file, symbol)
    return verdict === false && this.runElsewhere(test, file) ? undefined : verdict
  }

  private inProcess(
    test: string,
    file: string,
    symbol: string | undefined
  ): false | 'ran' | 'maybe' | undefined {
    if (!this.evidence.covers(test, file)) return undefined
    if (!this.evidence.loaded(test, file)) return this.gone.has(file) ? undefined : false
    const change = this.changes.get(file)
    if (!change || change.whole || symbol === undefined || symbol === MODULE_SYMBOL) return 'ran'
    const versions = this.versionsOf(file)
    const before = versions?.base.get(symbol)
    const after = versions?.head.get(symbol)
    const ran = this.evidence.ran(test, file)
    const within = versions && before && ran ? ranWithin(ran, before.spans, versions.lineStarts) : undefined
    if (within) return 'ran'
    if (within === undefined || !before?.fn || !after?.fn || before.shape !== after.shape) return 'maybe'
    return false
  }

  /** The changed code of `file` the test surely ran (see `affects`), for tests the static graph did not reach. */
  ranChanges(test: string, file: string): string[] {
    const change = this.changes.get(file)
    if (!change) return []
    if (change.whole) return this.affects(test, file, undefined) === 'ran' ? ['*'] : []
    return [...change.symbols].filter(symbol => this.affects(test, file, symbol) === 'ran')
  }

  private versionsOf(file: string): Versions | undefined {
    let known = this.spans.get(file)
    if (known === undefined) {
      const text = this.texts(file)
      known =
        text?.base !== undefined && text.head !== undefined && !text.exportsMoved
          ? {
              ...(file.endsWith('.py')
                ? pythonSymbolSpans(text.base, text.head)
                : { base: symbolSpans(text.base, file), head: symbolSpans(text.head, file) }),
              lineStarts: lineStartsOf(text.base)
            }
          : null
      this.spans.set(file, known)
    }
    return known ?? undefined
  }
}

interface Versions {
  base: Map<string, SymbolSpans>
  head: Map<string, SymbolSpans>
  lineStarts: number[]
}

/**
 * Whether one of the function starts (line, column pairs) lies in one of the spans; undefined when
 * a start is past the file's end (the recording does not match this text).
 */
function ranWithin(ran: number[], spans: Array<[number, number]>, lineStarts: number[]): boolean | undefined {
  for (let i = 0; i + 1 < ran.length; i += 2) {
    const start = lineStarts[(ran[i] as number) - 1]
    if (start === undefined) return undefined
    const offset = start + (ran[i + 1] as number)
    if (spans.some(([from, to]) => offset >= from && offset < to)) return true
  }
  return false
}

function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}
