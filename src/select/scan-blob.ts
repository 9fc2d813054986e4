import { isJsFile, scanJs } from './js-scanner.js'
import { emptyScan, type ModuleScan } from './model.js'
import { scanGo, scanPython } from './other-scanners.js'

/** Larger files (bundles, generated data) are read as data, with no imports. */
export const MAX_SCANNED_BYTES = 1024 * 1024

export type ScanKind = 'ts' | 'jsx' | 'py' | 'go'

export function scanKindOf(path: string): ScanKind | undefined {
  if (path.includes('node_modules/')) return undefined
  if (isJsFile(path)) return /\.[cm]?ts$/.test(path) ? 'ts' : 'jsx'
  if (path.endsWith('.py')) return 'py'
  if (path.endsWith('.go')) return 'go'
  return undefined
}

export function scanSource(kind: ScanKind, text: string, path: string): ModuleScan {
  if (kind === 'py') return scanPython(text)
  if (kind === 'go') return scanGo(text)
  return scanJs(text, path)
}

/** Too large to scan, or binary: read as data. */
export function isDataBlob(blob: Buffer): boolean {
  return blob.length > MAX_SCANNED_BYTES || blob.includes(0)
}

/**
 * Scans a blob. `hashes: false` (JavaScript/TypeScript only) leaves out the symbol hashes: enough
 * for the graph, a third faster; files that are diffed are scanned with them.
 */
export function scanBlob(kind: ScanKind, blob: Buffer, path: string, hashes = true): ModuleScan {
  if (isDataBlob(blob)) return emptyScan('data')
  if (!hashes && (kind === 'ts' || kind === 'jsx')) return scanJs(blob.toString('utf8'), path, { hashes })
  return scanSource(kind, blob.toString('utf8'), path)
}

/** The cache key of a graph node's scan: without hashes for JavaScript/TypeScript. */
export function nodeKey(sha: string, kind: ScanKind): string {
  return kind === 'ts' || kind === 'jsx' ? `${sha}:${kind}:link` : `${sha}:${kind}`
}
