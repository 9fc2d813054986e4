import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

interface Segment {
  generatedColumn: number
  source: number
  line: number
  column: number
}

export interface ParsedMap {
  sources: string[]
  lines: Segment[][]
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const cache = new Map<string, ParsedMap | null>()

function decodeVlq(text: string): number[] {
  const values: number[] = []
  let value = 0
  let shift = 0
  for (const char of text) {
    const digit = BASE64.indexOf(char)
    if (digit < 0) return values
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return values
}

/** A source map as JSON (version 3), as far as it is read here. */
export interface SourceMapJson {
  sources?: string[]
  sourceRoot?: string
  mappings?: string
}

export function parseMap(raw: SourceMapJson, mapDir: string): ParsedMap {
  const root = raw.sourceRoot ?? ''
  const sources = (raw.sources ?? []).map(source =>
    source.startsWith('file://') ? fileURLToPath(source) : resolve(mapDir, root, source)
  )
  const lines: Segment[][] = []
  let source = 0
  let line = 0
  let column = 0
  for (const encodedLine of (raw.mappings ?? '').split(';')) {
    const segments: Segment[] = []
    let generatedColumn = 0
    for (const encoded of encodedLine.split(',')) {
      if (!encoded) continue
      const values = decodeVlq(encoded)
      generatedColumn += values[0] ?? 0
      if (values.length >= 4) {
        source += values[1] ?? 0
        line += values[2] ?? 0
        column += values[3] ?? 0
        segments.push({ generatedColumn, source, line, column })
      }
    }
    lines.push(segments)
  }
  return { sources, lines }
}

function loadMap(file: string): ParsedMap | null {
  if (cache.has(file)) return cache.get(file) ?? null
  let parsed: ParsedMap | null = null
  try {
    const code = readFileSync(file, 'utf8')
    const reference = /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(code)?.[1]
    if (reference?.startsWith('data:')) {
      const data = reference.slice(reference.indexOf(',') + 1)
      const json = reference.includes(';base64,')
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeURIComponent(data)
      parsed = parseMap(JSON.parse(json), dirname(file))
    } else {
      const mapFile = reference ? resolve(dirname(file), reference) : `${file}.map`
      if (existsSync(mapFile)) parsed = parseMap(JSON.parse(readFileSync(mapFile, 'utf8')), dirname(mapFile))
    }
  } catch {
    parsed = null
  }
  cache.set(file, parsed)
  return parsed
}

/** The source position of a generated position (1-based line and column), when a source map says. */
export function originalPosition(
  file: string,
  line: number,
  column: number
): { file: string; line: number; column: number } | undefined {
  return originalPositionIn(loadMap(file), line, column)
}

/** originalPosition with the parsed map at hand. */
export function originalPositionIn(
  map: ParsedMap | null,
  line: number,
  column: number
): { file: string; line: number; column: number } | undefined {
  const segments = map?.lines[line - 1]
  if (!map || !segments || segments.length === 0) return undefined
  let best = segments[0] as Segment
  for (const segment of segments) if (segment.generatedColumn <= column - 1) best = segment
  const source = map.sources[best.source]
  if (!source) return undefined
  return { file: source, line: best.line + 1, column: best.column + 1 }
}
