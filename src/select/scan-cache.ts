import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ModuleScan } from './model.js'

/**
 * Scan results keyed by git blob SHA and scanner kind: a blob never changes, so an entry is valid
 * for as long as the scanners are the same (SCANNER_VERSION). A warm run rescans changed blobs only.
 *
 * The file is one line per entry, `key TAB link-json TAB detail-json`: the link part (imports,
 * exports) is parsed on load, the detail part (symbols, strings) only when something reads it,
 * which for most files of a warm run is never. Import resolutions are kept too, valid while the
 * list of files and the project configs are the same (their fingerprint).
 */
export const SCANNER_VERSION = 5

export interface ScanCacheStats {
  hits: number
  misses: number
}

type Raw = [link: string, detail: string]

function linkPart(scan: ModuleScan): Omit<ModuleScan, 'symbols' | 'strings'> {
  const { symbols: _symbols, strings: _strings, ...link } = scan
  return link
}

function lazyScan(raw: Raw): ModuleScan {
  const scan = JSON.parse(raw[0]) as ModuleScan
  let detail: { symbols: ModuleScan['symbols']; strings: string[] } | undefined
  const load = (): { symbols: ModuleScan['symbols']; strings: string[] } => (detail ??= JSON.parse(raw[1]))
  Object.defineProperty(scan, 'symbols', { get: () => load().symbols, enumerable: true, configurable: true })
  Object.defineProperty(scan, 'strings', { get: () => load().strings, enumerable: true, configurable: true })
  return scan
}

export class ScanCache {
  private readonly raw = new Map<string, Raw>()
  private readonly entries = new Map<string, ModuleScan>()
  private readonly used = new Set<string>()
  private resolutionPrint = ''
  private resolutionsRaw: Record<string, string> = {}
  private dirty = false
  readonly stats: ScanCacheStats = { hits: 0, misses: 0 }
  loaded = false

  constructor(private readonly file: string | undefined) {
    if (!file || !existsSync(file)) return
    try {
      const lines = readFileSync(file, 'utf8').split('\n')
      const header = JSON.parse(lines[0] ?? '{}') as { version?: number; fingerprint?: string; resolutions?: Record<string, string> }
      if (header.version !== SCANNER_VERSION) return
      this.resolutionPrint = header.fingerprint ?? ''
      this.resolutionsRaw = header.resolutions ?? {}
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i] as string
        const a = line.indexOf('\t')
        const b = line.indexOf('\t', a + 1)
        if (a < 0 || b < 0) continue
        this.raw.set(line.slice(0, a), [line.slice(a + 1, b), line.slice(b + 1)])
      }
      this.loaded = true
    } catch {
      this.raw.clear()
    }
  }

  get(key: string): ModuleScan | undefined {
    let entry = this.entries.get(key)
    if (!entry) {
      const raw = this.raw.get(key)
      if (raw) {
        entry = lazyScan(raw)
        this.entries.set(key, entry)
      }
    }
    if (entry) {
      this.stats.hits++
      this.used.add(key)
    } else this.stats.misses++
    return entry
  }

  set(key: string, scan: ModuleScan): void {
    this.entries.set(key, scan)
    this.raw.delete(key)
    this.used.add(key)
    this.dirty = true
  }

  /** Resolutions saved for this fingerprint of the file list and configs (empty when it differs). */
  resolutions(fingerprint: string): Map<string, string> {
    return fingerprint === this.resolutionPrint ? new Map(Object.entries(this.resolutionsRaw)) : new Map()
  }

  setResolutions(fingerprint: string, resolutions: Map<string, string>): void {
    if (fingerprint === this.resolutionPrint && resolutions.size === Object.keys(this.resolutionsRaw).length) return
    this.resolutionPrint = fingerprint
    this.resolutionsRaw = Object.fromEntries(resolutions)
    this.dirty = true
  }

  /** Writes the entries this run used (older blobs are dropped), atomically; skips an unchanged cache. */
  save(): void {
    if (!this.file) return
    if (!this.dirty && this.used.size === this.raw.size) return
    const lines = [JSON.stringify({ version: SCANNER_VERSION, fingerprint: this.resolutionPrint, resolutions: this.resolutionsRaw })]
    for (const key of this.used) {
      const raw = this.raw.get(key)
      if (raw) lines.push(`${key}\t${raw[0]}\t${raw[1]}`)
      else {
        const scan = this.entries.get(key)
        if (scan) lines.push(`${key}\t${JSON.stringify(linkPart(scan))}\t${JSON.stringify({ symbols: scan.symbols, strings: scan.strings })}`)
      }
    }
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, lines.join('\n') + '\n')
    renameSync(tmp, this.file)
    this.dirty = false
  }
}
