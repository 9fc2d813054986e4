import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ModuleScan } from './model.js'

/**
 * Scan results keyed by git blob SHA and scanner kind: a blob never changes, so an entry is valid
 * for as long as the scanners are the same (SCANNER_VERSION). A warm run rescans changed blobs only.
 */
export const SCANNER_VERSION = 3

export interface ScanCacheStats {
  hits: number
  misses: number
}

export class ScanCache {
  private entries: Record<string, ModuleScan> = {}
  private readonly used = new Set<string>()
  readonly stats: ScanCacheStats = { hits: 0, misses: 0 }
  loaded = false

  constructor(private readonly file: string | undefined) {
    if (!file || !existsSync(file)) return
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; entries?: Record<string, ModuleScan> }
      if (parsed.version === SCANNER_VERSION && parsed.entries) {
        this.entries = parsed.entries
        this.loaded = true
      }
    } catch {
      this.entries = {}
    }
  }

  get(key: string): ModuleScan | undefined {
    const entry = this.entries[key]
    if (entry) {
      this.stats.hits++
      this.used.add(key)
    } else this.stats.misses++
    return entry
  }

  set(key: string, scan: ModuleScan): void {
    this.entries[key] = scan
    this.used.add(key)
  }

  /** Writes the entries this run used (older blobs are dropped), atomically. */
  save(): void {
    if (!this.file) return
    const kept: Record<string, ModuleScan> = {}
    for (const key of this.used) if (this.entries[key]) kept[key] = this.entries[key] as ModuleScan
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify({ version: SCANNER_VERSION, entries: kept }))
    renameSync(tmp, this.file)
  }
}
