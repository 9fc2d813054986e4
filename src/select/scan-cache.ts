import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ImportRecord, Language, ModuleScan } from './model.js'

/**
 * Scan results keyed by git blob SHA and scanner kind: a blob never changes, so an entry is valid
 * for as long as the scanners are the same (SCANNER_VERSION). A warm run rescans changed blobs only.
 *
 * File layout, one JSON value per line: a header (version, fingerprint of the resolutions), the
 * resolutions, the keys, each entry's language, the graph snapshot's header, then two lines per
 * entry (its link part: imports, exports; its detail part: symbols, strings) and one line per file
 * of the graph snapshot (the edges into it). Entry and edge lines are parsed only when something
 * reads them, so a warm run parses little more than the keys. Resolutions and the graph snapshot
 * stay valid while the list of files and the project configs are the same (their fingerprint).
 */
export const SCANNER_VERSION = 18

export interface ScanCacheStats {
  hits: number
  misses: number
}

type Link = Omit<ModuleScan, 'symbols' | 'strings' | 'lang'>
interface Detail {
  symbols: ModuleScan['symbols']
  strings: string[]
}

/** The lines of a file, decoded one at a time when asked for. */
class Lines {
  private readonly starts: number[] = [0]
  constructor(private readonly buffer: Buffer) {
    for (let at = buffer.indexOf(10); at >= 0; at = buffer.indexOf(10, at + 1)) this.starts.push(at + 1)
  }
  get count(): number {
    return this.starts.length
  }
  at(index: number): string | undefined {
    const start = this.starts[index]
    if (start === undefined) return undefined
    const end = this.starts[index + 1]
    return this.buffer.toString('utf8', start, end === undefined ? this.buffer.length : end - 1)
  }
}

/** A cached scan whose link and detail parts are parsed on first use. */
class CachedScan implements ModuleScan {
  private parsedLink?: Link
  private parsedDetail?: Detail

  constructor(
    readonly lang: Language,
    private readonly lines: Lines,
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
  return link
}

/**
 * The file graph of the last run, for a warm run to patch: the scanned files in order, the cache
 * key of each one's scan, the files each one has edges to (indices into `paths`), and the edges
 * into each file (encoded by the graph, read on demand).
 */
export interface GraphSnapshot {
  fingerprint: string
  paths: string[]
  keys: string[]
  outs: number[][]
  edgesInto: (index: number) => string
}

interface SnapshotHeader {
  fingerprint: string
  paths: string[]
  keys: string[]
  outs: number[][]
}

export class ScanCache {
  private readonly loadedEntries = new Map<string, CachedScan>()
  private readonly entries = new Map<string, ModuleScan>()
  private readonly used = new Set<string>()
  private resolutionPrint = ''
  private resolutionsRaw: Record<string, string> | undefined
  private resolutionsText = '{}'
  private snapshot: GraphSnapshot | undefined
  private nextSnapshot: (() => GraphSnapshot) | undefined
  private dirty = false
  readonly stats: ScanCacheStats = { hits: 0, misses: 0 }
  private loadTried = false
  private fileLoaded = false

  /** The file is read on first use (or by `load()`), so a caller can start other work first. */
  constructor(private readonly file: string | undefined) {}

  /** Reads the cache file once; a missing, outdated or unreadable file is an empty cache. */
  load(): void {
    if (this.loadTried) return
    this.loadTried = true
    const file = this.file
    if (!file || !existsSync(file)) return
    try {
      const lines = new Lines(readFileSync(file))
      const header = JSON.parse(lines.at(0) ?? '{}') as { version?: number; fingerprint?: string }
      if (header.version !== SCANNER_VERSION) return
      const keys = JSON.parse(lines.at(2) ?? '[]') as string[]
      const langs = JSON.parse(lines.at(3) ?? '[]') as Language[]
      const graph = JSON.parse(lines.at(4) ?? 'null') as SnapshotHeader | null
      const first = 5
      const edgeLines = first + 2 * keys.length
      if (keys.length !== langs.length || lines.count < edgeLines + (graph?.paths.length ?? 0)) return
      keys.forEach((key, i) =>
        this.loadedEntries.set(key, new CachedScan(langs[i] as Language, lines, first + 2 * i))
      )
      this.resolutionPrint = header.fingerprint ?? ''
      this.resolutionsText = lines.at(1) ?? '{}'
      if (graph) this.snapshot = { ...graph, edgesInto: i => lines.at(edgeLines + i) as string }
      this.fileLoaded = true
    } catch {
      this.loadedEntries.clear()
      this.snapshot = undefined
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

  /** Parses the saved resolutions now (while waiting for git, say) rather than on first use. */
  prepareResolutions(): void {
    this.load()
    this.resolutionsRaw ??= Object.assign(
      Object.create(null) as Record<string, string>,
      JSON.parse(this.resolutionsText) as Record<string, string>
    )
  }

  /** Resolutions saved for this fingerprint of the file list and configs (empty when it differs). */
  resolutions(fingerprint: string): Record<string, string> {
    this.load()
    if (fingerprint !== this.resolutionPrint) return Object.create(null) as Record<string, string>
    this.prepareResolutions()
    return this.resolutionsRaw as Record<string, string>
  }

  /** Records the resolutions of this run; `grew`: resolutions were added to the ones handed out. */
  setResolutions(fingerprint: string, resolutions: Record<string, string>, grew = true): void {
    this.load()
    if (fingerprint === this.resolutionPrint && resolutions === this.resolutionsRaw && !grew) return
    this.resolutionPrint = fingerprint
    this.resolutionsRaw = resolutions
    this.dirty = true
  }

  /** The graph of the last run when it was built for the same fingerprint. */
  graphSnapshot(fingerprint: string): GraphSnapshot | undefined {
    this.load()
    return this.snapshot?.fingerprint === fingerprint ? this.snapshot : undefined
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
      if (snapshot !== this.snapshot) {
        this.snapshot = snapshot
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
    const snapshot = this.snapshot
    const graph: SnapshotHeader | null = snapshot
      ? { fingerprint: snapshot.fingerprint, paths: snapshot.paths, keys: snapshot.keys, outs: snapshot.outs }
      : null
    const edges = snapshot ? snapshot.paths.map((_, i) => snapshot.edgesInto(i)) : []
    const header = JSON.stringify({ version: SCANNER_VERSION, fingerprint: this.resolutionPrint })
    const resolutions = this.resolutionsRaw ? JSON.stringify(this.resolutionsRaw) : this.resolutionsText
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    const lines = [header, resolutions, JSON.stringify(keys), JSON.stringify(langs), JSON.stringify(graph)]
    writeFileSync(tmp, [...lines, ...parts, ...edges].join('\n') + '\n')
    renameSync(tmp, this.file)
    this.dirty = false
  }
}
