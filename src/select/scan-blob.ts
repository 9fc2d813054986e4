import { htmlModule } from './html.js'
import { scanJsLoads } from './js-loads.js'
import { scanJs } from './js-scanner.js'
import { emptyScan, type ModuleScan } from './model.js'
import { scanGo, scanPython } from './other-scanners.js'

/**
 * Larger files are not read symbol by symbol: a JavaScript/TypeScript one (a bundle, a generated
 * parser) is scanned for what it loads alone (see scanJsLoads); any other is read as data.
 */
export const MAX_SCANNED_BYTES = 1024 * 1024
/** Larger JavaScript/TypeScript files are read as data, with no imports. */
export const MAX_LOADS_SCANNED_BYTES = 64 * 1024 * 1024

/** Whether a file of `kind` and `bytes` is scanned for what it loads alone (see scanJsLoads). */
export function scannedForLoadsAlone(kind: ScanKind, bytes: number): boolean {
  return bytes > MAX_SCANNED_BYTES && bytes <= maxScannedBytes(kind)
}

/** The most bytes a file of `kind` is scanned with: past that, it is data. */
function maxScannedBytes(kind: ScanKind | undefined): number {
  return kind === 'ts' || kind === 'jsx' ? MAX_LOADS_SCANNED_BYTES : MAX_SCANNED_BYTES
}

/**
 * `script`: a file without an extension (or `.sh`), which its `#!` line may say is JavaScript or
 * Python. `html`: a page, read as the module its scripts make (see htmlModule).
 */
export type ScanKind = 'ts' | 'jsx' | 'py' | 'go' | 'script' | 'html'

/** Scanned files by extension: TypeScript without JSX, the other JavaScript-likes, Python, Go. */
const KIND_BY_EXTENSION = new Map<string, ScanKind>([
  ...['ts', 'mts', 'cts'].map(ext => [ext, 'ts'] as const),
  ...['tsx', 'mtsx', 'ctsx', 'js', 'mjs', 'cjs', 'jsx', 'mjsx', 'cjsx'].map(ext => [ext, 'jsx'] as const),
  ['py', 'py'],
  ['go', 'go'],
  // A shell script, or a node one named so (jscodeshift's bin/jscodeshift.sh): its `#!` line says.
  ['sh', 'script'],
  ['html', 'html'],
  ['htm', 'html']
])

/** Files without an extension that are never scripts. */
const NOT_SCRIPTS = new Set([
  'LICENSE',
  'LICENCE',
  'Makefile',
  'Dockerfile',
  'CODEOWNERS',
  'AUTHORS',
  'NOTICE',
  'README'
])

/** What a file is scanned as, if at all: called for every file of a revision, so by extension first. */
export function scanKindOf(path: string): ScanKind | undefined {
  const dot = path.lastIndexOf('.')
  if (dot < 0 || path.indexOf('/', dot) > 0) return scriptKindOf(path)
  if (path.length - dot > 5) return undefined
  const kind = KIND_BY_EXTENSION.get(path.slice(dot + 1))
  if (kind === undefined || path.includes('node_modules/')) return undefined
  return kind === 'ts' && path.endsWith('.d.ts') ? undefined : kind
}

/** A file without an extension (`bin/cli`, a test's `fixtures/pm`): a script, if its `#!` says so. */
function scriptKindOf(path: string): ScanKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return name.startsWith('.') || NOT_SCRIPTS.has(name) || path.includes('node_modules/')
    ? undefined
    : 'script'
}

/** The interpreter a script's first line names: `#!/usr/bin/env node`, `#!/usr/bin/python3`… */
const SHEBANG = /^#![^\n]*?\b(?:(node|nodejs|bun|deno|tsx|ts-node)|(python[\d.]*))\b/

export function scanSource(kind: ScanKind, text: string, path: string): ModuleScan {
  if (kind === 'py') return scanPython(text)
  if (kind === 'go') return scanGo(text)
  if (kind === 'script') {
    const shebang = SHEBANG.exec(text)
    if (!shebang) return emptyScan('data')
    return shebang[1] ? scanJs(text, path) : scanPython(text)
  }
  if (kind === 'html') return scanJs(htmlModule(text), path, { jsx: false })
  return scanJs(text, path)
}

/**
 * The text the selection reads a file of `kind` as, where that is not the file's own: an HTML
 * page's module (see htmlModule). The demand graph's quick pass reads it, as the scanner does.
 */
export function moduleText(kind: ScanKind, blob: Buffer): Buffer {
  return kind === 'html' ? Buffer.from(htmlModule(blob.toString('utf8'))) : blob
}

/** Too large to scan as a file of `kind`, or binary: read as data. */
export function isDataBlob(blob: Buffer, kind?: ScanKind): boolean {
  return blob.length > maxScannedBytes(kind) || blob.includes(0)
}

/**
 * The blobs isDataBlob says yes to. Blobs that follow one another in one buffer (as a reader's
 * arena holds them) are searched for a NUL together: one search per run of them and one per
 * binary blob, not one per blob.
 */
export function dataBlobsAmong(blobs: Iterable<readonly [Buffer, ScanKind | undefined]>): Set<Buffer> {
  const data = new Set<Buffer>()
  let run: Buffer[] = []
  const searchRun = (): void => {
    const first = run[0]
    if (!first) return
    const last = run[run.length - 1] as Buffer
    const whole = Buffer.from(
      first.buffer,
      first.byteOffset,
      last.byteOffset + last.length - first.byteOffset
    )
    const offset = first.byteOffset
    let at = 0
    for (
      let nul = whole.indexOf(0);
      nul >= 0;
      nul = whole.indexOf(0, run[at] ? (run[at] as Buffer).byteOffset - offset : whole.length)
    ) {
      // The first blob of the run that ends past the NUL: it holds the NUL, or the NUL is in a gap.
      let high = run.length - 1
      while (at < high) {
        const middle = (at + high) >> 1
        const blob = run[middle] as Buffer
        if (blob.byteOffset + blob.length - offset <= nul) at = middle + 1
        else high = middle
      }
      const blob = run[at] as Buffer
      if (blob.byteOffset - offset <= nul) {
        data.add(blob)
        at++
      }
    }
    run = []
  }
  for (const [blob, kind] of blobs) {
    if (blob.length > maxScannedBytes(kind)) {
      data.add(blob)
      continue
    }
    const previous = run[run.length - 1]
    if (
      previous &&
      (previous.buffer !== blob.buffer || blob.byteOffset < previous.byteOffset + previous.length)
    )
      searchRun()
    run.push(blob)
  }
  searchRun()
  return data
}

/**
 * Scans a blob. `hashes: false` (JavaScript/TypeScript only) leaves out the symbol hashes: enough
 * for the graph, a third faster; files that are diffed are scanned with them.
 */
export function scanBlob(kind: ScanKind, blob: Buffer, path: string, hashes = true): ModuleScan {
  if (isDataBlob(blob, kind)) return emptyScan('data')
  if (scannedForLoadsAlone(kind, blob.length)) return scanJsLoads(blob.toString('utf8'), hashes)
  if (!hashes && (kind === 'ts' || kind === 'jsx')) return scanJs(blob.toString('utf8'), path, { hashes })
  return scanSource(kind, blob.toString('utf8'), path)
}

/** Scans what moduleText made of a file of `kind`. */
export function scanModuleText(kind: ScanKind, text: Buffer, path: string, hashes = true): ModuleScan {
  if (kind !== 'html') return scanBlob(kind, text, path, hashes)
  return isDataBlob(text, kind)
    ? emptyScan('data')
    : scanJs(text.toString('utf8'), path, { jsx: false, hashes })
}

/** The cache key of a graph node's scan: without hashes for JavaScript/TypeScript. */
export function nodeKey(sha: string, kind: ScanKind): string {
  return kind === 'ts' || kind === 'jsx' ? `${sha}:${kind}:link` : `${sha}:${kind}`
}
