import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  writeFileSync
} from 'node:fs'
import { dirname } from 'node:path'
import type { ImportRecord, Language, ModuleScan } from './model.js'

/**
 * Scan results keyed by git blob SHA and scanner kind: a blob never changes, so an entry is valid
 * for as long as the scanners are the same (SCANNER_VERSION, which also changes with how scans are
 * linked, as the graph snapshot holds links). A warm run rescans changed blobs only.
 *
 * File layout, one JSON value per line. A head: the header (version, fingerprint of the
 * resolutions, the head's length in bytes), the resolutions, the keys, each entry's language, the
 * graph snapshot's header, the length of each line of the bulk, and the revision the resolutions
 * were made for (its files and the configs' fingerprint, see RevisionFiles). Then the bulk: two lines per
 * entry (its link part: imports, exports; its detail part: symbols, strings) and one line per file
 * of the graph snapshot (the edges into it). A warm run reads the head; bulk lines are read and
 * parsed only when something asks for them. Resolutions and the graph snapshot stay valid while
 * the list of files and the project configs are the same (their fingerprint); after files were
 * added or deleted, with the same configs, what still holds is worked out (see relink.ts).
 */
export const SCANNER_VERSION = 67

export interface ScanCacheStats {
  hits: number
  misses: number
}

type Link = Omit<ModuleScan, 'symbols' | 'strings' | 'lang'>
interface Detail {
  symbols: ModuleScan['symbols']
  strings: string[]
}

/** Lines read one at a time with a read of their own; after this many, the whole bulk at once. */
const LINES_READ_ONE_BY_ONE = 256

/** Closes the file of a bulk that was never read in whole once nothing can read it any more. */
const openFiles = new FinalizationRegistry<number>(fd => {
  try {
    closeSync(fd)
  } catch {
    // already closed
  }
})

/**
 * The lines after a cache file's head (entries, graph edges), read when first asked for: a warm
 * run that reads few of them does not read the rest of the file. The file stays open until the
 * bulk is read in whole, so a cache file replaced meanwhile (by another run) cannot mix in.
 */
class Bulk {
  private readonly starts: Float64Array
  private buffer: Buffer | undefined
  private fd: number | undefined
  private reads = 0

  constructor(
    fd: number,
    private readonly offset: number,
    sizes: readonly number[]
  ) {
    this.fd = fd
    openFiles.register(this, fd, this)
    const starts = new Float64Array(sizes.length + 1)
    for (let i = 0; i < sizes.length; i++) starts[i + 1] = (starts[i] as number) + (sizes[i] as number) + 1
    this.starts = starts
  }

  get count(): number {
    return this.starts.length - 1
  }

  at(index: number): string | undefined {
    if (index < 0 || index >= this.count) return undefined
    const start = this.starts[index] as number
    const length = (this.starts[index + 1] as number) - start - 1
    if (!this.buffer && ++this.reads > LINES_READ_ONE_BY_ONE) this.readAll()
    if (this.buffer) return this.buffer.toString('utf8', start, start + length)
    return this.read(start, length).toString('utf8')
  }

  private readAll(): void {
    this.buffer = this.read(0, this.starts[this.count] as number)
    this.close()
  }

  private close(): void {
    if (this.fd === undefined) return
    closeSync(this.fd)
    this.fd = undefined
    openFiles.unregister(this)
  }

  private read(start: number, length: number): Buffer {
    const buffer = Buffer.allocUnsafe(length)
    let done = 0
    while (done < length) {
      const got = readSync(this.fd as number, buffer, done, length - done, this.offset + start + done)
      if (got === 0) throw new Error('the scan cache file is shorter than its head says')
      done += got
    }
    return buffer
  }
}

/** The first line of a file (at most 4 KiB) and where the next one starts. */
function readHeader(fd: number): { header: string; next: number } | undefined {
  const chunk = Buffer.allocUnsafe(4096)
  const got = readSync(fd, chunk, 0, chunk.length, 0)
  const end = chunk.subarray(0, got).indexOf(10)
  return end < 0 ? undefined : { header: chunk.toString('utf8', 0, end), next: end + 1 }
}

/** A cached scan whose link and detail parts are parsed on first use. */
class CachedScan implements ModuleScan {
  private parsedLink?: Link
  private parsedDetail?: Detail

  constructor(
    readonly lang: Language,
    private readonly lines: Bulk,
    private readonly line: number
  ) {}

  get rawLink(): string {
    return this.lines.at(this.line) as string
  }
  get rawDetail(): string {
    return this.lines.at(this.line + 1) as string
  }
  private get link(): Link {
    return (this.parsedLink ??= JSON.parse(this.rawLink) as Link)
  }
  private get detail(): Detail {
    return (this.parsedDetail ??= JSON.parse(this.rawDetail) as Detail)
  }
  get error(): string | undefined {
    return this.link.error
  }
  get imports(): ImportRecord[] {
    return this.link.imports
  }
  get exports(): Record<string, string> {
    return this.link.exports
  }
  get exportAll(): string[] {
    return this.link.exportAll
  }
  get esm(): boolean {
    return this.link.esm
  }
  get pkg(): string | undefined {
    return this.link.pkg
  }
  get embeds(): string[] | undefined {
    return this.link.embeds
  }
  get decorated(): true | undefined {
    return this.link.decorated
  }
  get symbols(): ModuleScan['symbols'] {
    return this.detail.symbols
  }
  get strings(): string[] {
    return this.detail.strings
  }
}

function linkOf(scan: ModuleScan): Link {
  const link: Link = {
    imports: scan.imports,
    exports: scan.exports,
    exportAll: scan.exportAll,
    esm: scan.esm
  }
  if (scan.error !== undefined) link.error = scan.error
  if (scan.pkg !== undefined) link.pkg = scan.pkg
  if (scan.embeds !== undefined) link.embeds = scan.embeds
  if (scan.decorated) link.decorated = scan.decorated
  return link
}

/**
 * The file graph of the last run, for a warm run to patch: the scanned files in order (then the
 * other files with edges into them), the cache key of each scanned file's scan, the files each one
 * has edges to (indices into `paths`), and the edges into each file (encoded by the graph, read on
 * demand).
 */
export interface GraphSnapshot {
  fingerprint: string
  paths: string[]
  keys: string[]
  outs: number[][]
  edgesInto: (index: number) => string
  /** The scanned modules (indices into `paths`) by what their links depend on (relink.ts). */
  sense: Record<string, number[]>
}

/**
 * The revision a cache's resolutions were made for: its files (the tree's, in order, then the
 * others) and a fingerprint of its configs and of what they make of the files (jest setup files).
 */
export interface RevisionFiles {
  tree: string[]
  extra: string[]
  configPrint: string
}

/**
 * A snapshot as the file keeps it. The fingerprint pins the list of files, so the scanned ones
 * are not written out: only how many there are and the paths after them. Each key is an index
 * into the cache's keys.
 */
interface SnapshotHeader {
  fingerprint: string
  scanned: number
  after: string[]
  keys: number[]
  outs: number[][]
  sense: Record<string, number[]>
}

/** A snapshot read from the file, before the scanned paths are known. */
interface StoredSnapshot extends Omit<SnapshotHeader, 'keys'> {
  keys: string[]
  edgesInto: (index: number) => string
}

function storedForm(snapshot: GraphSnapshot): StoredSnapshot {
  const { fingerprint, keys, outs, edgesInto, sense } = snapshot
  return {
    fingerprint,
    scanned: keys.length,
    after: snapshot.paths.slice(keys.length),
    keys,
    outs,
    edgesInto,
    sense
  }
}

export class ScanCache {
  private readonly loadedEntries = new Map<string, CachedScan>()
  private readonly entries = new Map<string, ModuleScan>()
  private readonly used = new Set<string>()
  private resolutionPrint = ''
  private resolutionsRaw: Record<string, string> | undefined
  private resolutionsText = '{}'
  /** The revision of the resolutions, as read (parsed on first use) or as this run set it. */
  private revisionText = 'null'
  private revision: RevisionFiles | null | undefined
  /** The snapshot the next save writes. */
  private stored: StoredSnapshot | undefined
  /** The stored snapshot as handed to this run's graph (with its paths). */
  private handedOut: GraphSnapshot | undefined
  private nextSnapshot: (() => GraphSnapshot) | undefined
  private dirty = false
  readonly stats: ScanCacheStats = { hits: 0, misses: 0 }
  private loadTried = false
  private fileLoaded = false

  /** The file is read on first use (or by `load()`), so a caller can start other work first. */
  constructor(private readonly file: string | undefined) {}

  /** Reads the cache file's head once; a missing, outdated or unreadable file is an empty cache. */
  load(): void {
    if (this.loadTried) return
    this.loadTried = true
    const file = this.file
    if (!file || !existsSync(file)) return
    let fd: number | undefined
    try {
      fd = openSync(file, 'r')
      const first = readHeader(fd)
      if (!first) return
      const header = JSON.parse(first.header) as { version?: number; fingerprint?: string; head?: number }
      if (header.version !== SCANNER_VERSION || typeof header.head !== 'number') return
      const headBytes = Buffer.allocUnsafe(header.head)
      if (readSync(fd, headBytes, 0, header.head, first.next) !== header.head) return
      const head = headBytes.toString('utf8').split('\n')
      const keys = JSON.parse(head[1] ?? '[]') as string[]
      const langs = JSON.parse(head[2] ?? '[]') as Language[]
      const graph = JSON.parse(head[3] ?? 'null') as SnapshotHeader | null
      const sizes = JSON.parse(head[4] ?? '[]') as number[]
      const edgeLines = 2 * keys.length
      const graphPaths = graph ? graph.scanned + graph.after.length : 0
      if (keys.length !== langs.length || sizes.length !== edgeLines + graphPaths) return
      const bulkStart = first.next + header.head
      if (fstatSync(fd).size !== bulkStart + sizes.reduce((sum, size) => sum + size + 1, 0)) return
      const bulk = new Bulk(fd, bulkStart, sizes)
      fd = undefined
      keys.forEach((key, i) => this.loadedEntries.set(key, new CachedScan(langs[i] as Language, bulk, 2 * i)))
      this.resolutionPrint = header.fingerprint ?? ''
      this.resolutionsText = head[0] ?? '{}'
      this.revisionText = head[5] || 'null'
      if (graph)
        this.stored = {
          ...graph,
          keys: graph.keys.map(i => keys[i] ?? ''),
          edgesInto: i => bulk.at(edgeLines + i) as string
        }
      this.fileLoaded = true
    } catch {
      this.loadedEntries.clear()
      this.stored = undefined
    } finally {
      if (fd !== undefined) closeSync(fd)
    }
  }

  /** Whether a valid cache file was read. */
  get loaded(): boolean {
    this.load()
    return this.fileLoaded
  }

  get(key: string): ModuleScan | undefined {
    this.load()
    const entry = this.entries.get(key) ?? this.loadedEntries.get(key)
    if (entry) {
      this.stats.hits++
      this.used.add(key)
    } else this.stats.misses++
    return entry
  }

  set(key: string, scan: ModuleScan): void {
    this.entries.set(key, scan)
    this.used.add(key)
    this.dirty = true
  }

  /**
   * Parses the saved resolutions now (while waiting for git, say) rather than on first use. Every
   * key holds a NUL (folder, NUL, specifier), so none is a name Object.prototype has.
   */
  prepareResolutions(): void {
    this.load()
    this.resolutionsRaw ??= JSON.parse(this.resolutionsText) as Record<string, string>
  }

  /** Resolutions saved for this fingerprint of the file list and configs (empty when it differs). */
  resolutions(fingerprint: string): Record<string, string> {
    this.load()
    if (fingerprint !== this.resolutionPrint) return Object.create(null) as Record<string, string>
    this.prepareResolutions()
    return this.resolutionsRaw as Record<string, string>
  }

  /**
   * Records the resolutions of this run; `grew`: resolutions were added to the ones handed out.
   * `revision`: the files and configs they were made for, so that a run after files were added or
   * deleted can keep what still holds (see previousResolutions).
   */
  setResolutions(
    fingerprint: string,
    resolutions: Record<string, string>,
    grew = true,
    revision?: RevisionFiles
  ): void {
    this.load()
    if (fingerprint === this.resolutionPrint && resolutions === this.resolutionsRaw && !grew) return
    if (fingerprint !== this.resolutionPrint) this.revision = revision ?? null
    this.resolutionPrint = fingerprint
    this.resolutionsRaw = resolutions
    this.dirty = true
  }

  /**
   * The saved resolutions with the fingerprint and the revision they were made for, whatever this
   * run's fingerprint; undefined when the revision was not recorded. The object is the cache's
   * own, for this run to cut to what still holds and use as its resolver's memo.
   */
  previousResolutions():
    { fingerprint: string; resolutions: Record<string, string>; revision: RevisionFiles } | undefined {
    this.load()
    try {
      this.revision ??= JSON.parse(this.revisionText) as RevisionFiles | null
    } catch {
      this.revision = null
    }
    if (!this.revision) return undefined
    this.prepareResolutions()
    return {
      fingerprint: this.resolutionPrint,
      resolutions: this.resolutionsRaw as Record<string, string>,
      revision: this.revision
    }
  }

  /**
   * The graph of the last run when it was built for the same fingerprint, which pins the files:
   * `scanned` are the scanned ones, in the graph's order.
   */
  graphSnapshot(fingerprint: string, scanned: readonly string[]): GraphSnapshot | undefined {
    this.load()
    const stored = this.stored
    if (stored?.fingerprint !== fingerprint || stored.scanned !== scanned.length) return undefined
    this.handedOut ??= { ...stored, paths: [...scanned, ...stored.after] }
    return this.handedOut
  }

  /** The graph of this run, made when the cache is saved. */
  setGraphSnapshot(snapshot: () => GraphSnapshot): void {
    this.nextSnapshot = snapshot
  }

  /** Writes the entries this run used (older blobs are dropped), atomically; skips an unchanged cache. */
  save(): void {
    if (!this.file) return
    this.load()
    if (this.nextSnapshot) {
      const snapshot = this.nextSnapshot()
      this.nextSnapshot = undefined
      if (snapshot !== this.handedOut) {
        this.stored = storedForm(snapshot)
        this.dirty = true
      }
    }
    if (!this.dirty && this.used.size === this.loadedEntries.size) return
    const keys: string[] = []
    const langs: Language[] = []
    const parts: string[] = []
    for (const key of this.used) {
      const fresh = this.entries.get(key)
      const cached = this.loadedEntries.get(key)
      if (fresh) {
        keys.push(key)
        langs.push(fresh.lang)
        parts.push(
          JSON.stringify(linkOf(fresh)),
          JSON.stringify({ symbols: fresh.symbols, strings: fresh.strings })
        )
      } else if (cached) {
        keys.push(key)
        langs.push(cached.lang)
        parts.push(cached.rawLink, cached.rawDetail)
      }
    }
    const snapshot = this.stored
    const keyIndex = new Map(keys.map((key, i) => [key, i]))
    const graph: SnapshotHeader | null = snapshot
      ? {
          fingerprint: snapshot.fingerprint,
          scanned: snapshot.scanned,
          after: snapshot.after,
          keys: snapshot.keys.map(key => keyIndex.get(key) ?? -1),
          outs: snapshot.outs,
          sense: snapshot.sense
        }
      : null
    const edges = snapshot
      ? Array.from({ length: snapshot.scanned + snapshot.after.length }, (_, i) => snapshot.edgesInto(i))
      : []
    const resolutions = this.resolutionsRaw ? JSON.stringify(this.resolutionsRaw) : this.resolutionsText
    const bulk = [...parts, ...edges]
    const sizes = bulk.map(line => Buffer.byteLength(line))
    const head =
      [
        resolutions,
        JSON.stringify(keys),
        JSON.stringify(langs),
        JSON.stringify(graph),
        JSON.stringify(sizes),
        this.revision !== undefined ? JSON.stringify(this.revision) : this.revisionText
      ].join('\n') + '\n'
    const header = JSON.stringify({
      version: SCANNER_VERSION,
      fingerprint: this.resolutionPrint,
      head: Buffer.byteLength(head)
    })
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, header + '\n' + head + bulk.map(line => line + '\n').join(''))
    renameSync(tmp, this.file)
    this.dirty = false
  }
}
