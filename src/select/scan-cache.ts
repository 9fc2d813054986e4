import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ImportRecord, Language, ModuleScan } from './model.js'

/**
 * Scan results keyed by git blob SHA and scanner kind: a blob never changes, so an entry is valid
 * for as long as the scanners are the same (SCANNER_VERSION). A warm run rescans changed blobs only.
 *
 * File layout, one JSON value per line: a header (version, resolutions and their fingerprint), the
 * keys, the link parts (imports, exports: what the graph needs, parsed in one go), then one line
 * per entry with its detail part (symbols, strings), parsed only when something reads it — for
 * most files of a warm run, never. Resolutions stay valid while the list of files and the project
 * configs are the same (their fingerprint).
 */
export const SCANNER_VERSION = 7

export interface ScanCacheStats {
  hits: number
  misses: number
}

type Link = Omit<ModuleScan, 'symbols' | 'strings'>
interface Detail {
  symbols: ModuleScan['symbols']
  strings: string[]
}

/** A cached scan whose detail part is parsed on first use. */
class CachedScan implements ModuleScan {
  lang: Language
  error?: string
  imports: ImportRecord[]
  exports: Record<string, string>
  exportAll: string[]
  esm: boolean
  pkg?: string
  private parsed?: Detail

  constructor(
    link: Link,
    readonly rawDetail: string
  ) {
    this.lang = link.lang
    if (link.error !== undefined) this.error = link.error
    this.imports = link.imports
    this.exports = link.exports
    this.exportAll = link.exportAll
    this.esm = link.esm
    if (link.pkg !== undefined) this.pkg = link.pkg
  }

  private get detail(): Detail {
    return (this.parsed ??= JSON.parse(this.rawDetail) as Detail)
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
    lang: scan.lang,
    imports: scan.imports,
    exports: scan.exports,
    exportAll: scan.exportAll,
    esm: scan.esm
  }
  if (scan.error !== undefined) link.error = scan.error
  if (scan.pkg !== undefined) link.pkg = scan.pkg
  return link
}

export class ScanCache {
  private readonly loadedEntries = new Map<string, CachedScan>()
  private readonly entries = new Map<string, ModuleScan>()
  private readonly used = new Set<string>()
  private resolutionPrint = ''
  private resolutionsRaw: Record<string, string> = Object.create(null)
  private dirty = false
  readonly stats: ScanCacheStats = { hits: 0, misses: 0 }
  private fileLoaded = false

  private loadTried = false

  /** The file is read on first use (or by `load()`), so a caller can start other work first. */
  constructor(private readonly file: string | undefined) {}

  /** Reads the cache file once; a missing, outdated or unreadable file is an empty cache. */
  load(): void {
    if (this.loadTried) return
    this.loadTried = true
    const file = this.file
    if (!file || !existsSync(file)) return
    try {
      const lines = readFileSync(file, 'utf8').split('\n')
      const header = JSON.parse(lines[0] ?? '{}') as {
        version?: number
        fingerprint?: string
        resolutions?: Record<string, string>
      }
      if (header.version !== SCANNER_VERSION) return
      const keys = JSON.parse(lines[1] ?? '[]') as string[]
      const links = JSON.parse(lines[2] ?? '[]') as Link[]
      if (keys.length !== links.length || lines.length < 3 + keys.length) return
      keys.forEach((key, i) =>
        this.loadedEntries.set(key, new CachedScan(links[i] as Link, lines[3 + i] as string))
      )
      this.resolutionPrint = header.fingerprint ?? ''
      this.resolutionsRaw = Object.assign(Object.create(null), header.resolutions ?? {})
      this.fileLoaded = true
    } catch {
      this.loadedEntries.clear()
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

  /** Resolutions saved for this fingerprint of the file list and configs (empty when it differs). */
  resolutions(fingerprint: string): Record<string, string> {
    this.load()
    return fingerprint === this.resolutionPrint ? this.resolutionsRaw : Object.create(null)
  }

  setResolutions(fingerprint: string, resolutions: Record<string, string>): void {
    this.load()
    if (fingerprint === this.resolutionPrint && resolutions === this.resolutionsRaw) return
    this.resolutionPrint = fingerprint
    this.resolutionsRaw = resolutions
    this.dirty = true
  }

  /** Writes the entries this run used (older blobs are dropped), atomically; skips an unchanged cache. */
  save(): void {
    if (!this.file) return
    this.load()
    if (!this.dirty && this.used.size === this.loadedEntries.size) return
    const keys: string[] = []
    const links: Link[] = []
    const details: string[] = []
    for (const key of this.used) {
      const fresh = this.entries.get(key)
      const cached = this.loadedEntries.get(key)
      if (fresh) {
        keys.push(key)
        links.push(linkOf(fresh))
        details.push(JSON.stringify({ symbols: fresh.symbols, strings: fresh.strings }))
      } else if (cached) {
        keys.push(key)
        links.push(linkOf(cached))
        details.push(cached.rawDetail)
      }
    }
    const header = JSON.stringify({
      version: SCANNER_VERSION,
      fingerprint: this.resolutionPrint,
      resolutions: this.resolutionsRaw
    })
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, [header, JSON.stringify(keys), JSON.stringify(links), ...details].join('\n') + '\n')
    renameSync(tmp, this.file)
    this.dirty = false
  }
}
