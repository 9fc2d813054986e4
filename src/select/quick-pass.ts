import { grown } from './graph.js'

/**
 * The demand graph's quick pass: every quoted string of every JavaScript/TypeScript source,
 * filed by a hash of its last segment's stem. It reads bytes, not text: decoding every file and
 * making a string of every candidate cost more than the rest of the pass together. The few
 * strings that need a closer look (see TextRules) are handed back as ranges, to be decoded.
 */

export const MAX_SPEC_LENGTH = 1024

/** Calls `found` with the range of each candidate in `text` (after its quote, up to the next). */
export function quotedRanges(text: string, found: (start: number, end: number) => void): void {
  for (const quote of ["'", '"', '`']) {
    const template = quote === '`'
    let at = text.indexOf(quote)
    let lineEnd = -1
    while (at >= 0) {
      const next = text.indexOf(quote, at + 1)
      if (next < 0) break
      if (!template && lineEnd < at) {
        lineEnd = text.indexOf('\n', at + 1)
        if (lineEnd < 0) lineEnd = text.length
      }
      if ((template || next < lineEnd) && next - at - 1 <= MAX_SPEC_LENGTH) found(at + 1, next)
      at = next
    }
  }
}

/** FNV-1a of the UTF-16 code units of `text` from `start` to `end`. */
export function hash32(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash | 0
}

const EXTENSION = /^\.(?:[cm]?[jt]sx?|json|node)$/

/**
 * hash32 of the stem (the last segment, less an extension the resolver infers) of the spec at
 * `from`..`to` of `text`, without making either string; 0 for a spec without a segment.
 */
export function stemHash(text: string, from = 0, to = text.length): number {
  let end = to
  while (end > from && text.charCodeAt(end - 1) === 47 /* / */) end--
  if (end !== to) {
    // A folder form: `..`, `./` and the like have no segment (they are resolved up front).
    const segment = lastSegment(text.slice(from, to))
    return segment === undefined ? 0 : hash32(stemOf(segment))
  }
  // Back from the end to the segment's start, within the spec (a file may hold long strings).
  let start = end
  let dot = -1
  for (; start > from; start--) {
    const c = text.charCodeAt(start - 1)
    if (c === 47 /* / */) break
    if (c === 46 /* . */ && dot < 0) dot = start - 1
  }
  if (dot >= 0 && end - dot <= 5 && EXTENSION.test(text.slice(dot, end))) end = dot
  return hash32(text, start, end)
}

/** The extensions the resolver infers (`./data` finds `data.json`, `./dir` finds `dir/index.json`). */
export const SPEC_EXTENSION = /\.(?:[cm]?[jt]sx?|json|node)$/

/** The last path segment of a specifier; undefined for `.`, `..`, `` and trailing-slash-only forms. */
export function lastSegment(spec: string): string | undefined {
  let end = spec.length
  while (end > 0 && spec.charCodeAt(end - 1) === 47 /* / */) end--
  const segment = spec.slice(spec.lastIndexOf('/', end - 1) + 1, end)
  return segment === '' || segment === '.' || segment === '..' ? undefined : segment
}

/** A segment without an extension the resolver infers (`util.js` → `util`). */
export function stemOf(segment: string): string {
  return segment.includes('.') ? segment.replace(SPEC_EXTENSION, '') : segment
}

/**
 * Source indexes filed by a 32-bit hash, in typed arrays: tens of thousands of candidates cost no
 * objects. Equal hashes of different names only add sources, which the caller checks again.
 */
export class StemIndex {
  private heads: Int32Array
  private next = new Int32Array(1024)
  private hashes = new Int32Array(1024)
  private sources = new Int32Array(1024)
  private size = 0

  constructor(files: number) {
    let buckets = 1024
    while (buckets < files * 4) buckets *= 2
    this.heads = new Int32Array(buckets).fill(-1)
  }

  add(hash: number, source: number): void {
    const bucket = hash & (this.heads.length - 1)
    const head = this.heads[bucket] as number
    // A source names the same stem again: filed once is enough.
    if (head >= 0 && this.sources[head] === source && this.hashes[head] === hash) return
    if (this.size === this.next.length) {
      this.next = grown(this.next)
      this.hashes = grown(this.hashes)
      this.sources = grown(this.sources)
    }
    this.next[this.size] = head
    this.hashes[this.size] = hash
    this.sources[this.size] = source
    this.heads[bucket] = this.size++
  }

  sourcesOf(hash: number): number[] {
    const found: number[] = []
    for (
      let entry = this.heads[hash & (this.heads.length - 1)] as number;
      entry >= 0;
      entry = this.next[entry] as number
    )
      if (this.hashes[entry] === hash) found.push(this.sources[entry] as number)
    return found
  }
}

const ANY_LENGTH = 1
const SOME_LENGTH = 2
/** A string is at most this many UTF-8 bytes when it is at most MAX_SPEC_LENGTH code units. */
const MAX_SPEC_BYTES = 3 * MAX_SPEC_LENGTH

/**
 * Which strings the byte pass must hand back as text, known by their first two bytes (and, for
 * whole strings, their length) or their stem. Beyond these it always hands back strings that
 * are empty, end in `/` or `.`, hold a byte outside ASCII, or start with `.` or `/` and hold a
 * pattern character.
 */
export class TextRules {
  private readonly starts = new Uint8Array(65536)
  private readonly whole = new Set<number>()
  private readonly stems = new Set<number>()
  private all = false

  /** Every string that starts with `prefix` (every string when it is empty). */
  prefix(prefix: string): this {
    const bytes = Buffer.from(prefix, 'utf8')
    if (bytes.length === 0) this.all = true
    else if (bytes.length === 1)
      this.starts.fill(ANY_LENGTH, (bytes[0] as number) << 8, ((bytes[0] as number) + 1) << 8)
    else this.starts[startKey(bytes, 0, bytes.length)] = ANY_LENGTH
    return this
  }

  /** The string `text` itself. */
  exactly(text: string): this {
    const bytes = Buffer.from(text, 'utf8')
    if (bytes.length === 0 || bytes.length > MAX_SPEC_BYTES) return this
    const key = startKey(bytes, 0, bytes.length)
    this.starts[key] = (this.starts[key] as number) | SOME_LENGTH
    this.whole.add(key * 4096 + bytes.length)
    return this
  }

  /** Every string whose last segment's stem (see stemHash) is `stem`. */
  stem(stem: string): this {
    this.stems.add(hash32(stem))
    return this
  }

  /** Whether the string of `length` bytes that starts with `key` (see startKey) is handed back. */
  wants(key: number, length: number, hash: number): boolean {
    const flags = this.starts[key] as number
    return (
      this.all ||
      (flags & ANY_LENGTH) !== 0 ||
      ((flags & SOME_LENGTH) !== 0 && this.whole.has(key * 4096 + length)) ||
      this.stems.has(hash)
    )
  }
}

/** The first two bytes of `start`..`end` as one number; the second is 0 for a one-byte string. */
function startKey(bytes: Uint8Array, start: number, end: number): number {
  return ((bytes[start] as number) << 8) | (end - start > 1 ? (bytes[start + 1] as number) : 0)
}

/** `*`, `?`, `[` or `{`: globCandidate takes a relative path with one for a pattern. */
const isPatternByte = (c: number): boolean => c === 0x2a || c === 0x3f || c === 0x5b || c === 0x7b

/** Does `bytes[start..end)` hold `/${`: a template's hole after a folder (see holedPattern)? */
function holeAfterSlash(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i + 2 < end; i++)
    if (bytes[i] === 0x2f && bytes[i + 1] === 0x24 && bytes[i + 2] === 0x7b) return true
  return false
}

/** Is `bytes[dot..end)` an extension the resolver infers (`.js`, `.tsx`, `.json`, …)? */
function inferredExtension(bytes: Uint8Array, dot: number, end: number): boolean {
  const length = end - dot - 1
  let i = dot + 1
  if (length === 4) {
    if (
      (bytes[i] === 0x6a /* j */ &&
        bytes[i + 1] === 0x73 &&
        bytes[i + 2] === 0x6f &&
        bytes[i + 3] === 0x6e) ||
      (bytes[i] === 0x6e /* n */ && bytes[i + 1] === 0x6f && bytes[i + 2] === 0x64 && bytes[i + 3] === 0x65)
    )
      return true
  }
  if (length < 2 || length > 4) return false
  const last = end
  if (bytes[i] === 0x63 /* c */ || bytes[i] === 0x6d /* m */) i++
  if (bytes[i] !== 0x6a /* j */ && bytes[i] !== 0x74 /* t */) return false
  if (bytes[++i] !== 0x73 /* s */) return false
  i++
  if (i < last && bytes[i] === 0x78 /* x */) i++
  return i === last
}

/**
 * The quick pass over one source's bytes. Each string quotedRanges would find in its text is
 * either filed in `stems` under `source` by its stemHash (ASCII text: the same hash), or handed
 * to `closer` by its byte range, when `rules` or its bytes say it needs a closer look; an argument
 * filed that something is joined to (`join(ROOT, 'rules', name)`) is filed in `holed` too. Returns
 * how many strings were filed.
 */
export function fileStrings(
  bytes: Buffer,
  source: number,
  stems: StemIndex,
  rules: TextRules,
  closer: (start: number, end: number) => void,
  holed?: StemIndex
): number {
  let filed = 0
  const byteAt = (i: number): number | undefined => bytes[i]
  for (const quote of [0x27 /* ' */, 0x22 /* " */, 0x60 /* ` */]) {
    const template = quote === 0x60
    let at = bytes.indexOf(quote)
    let lineEnd = -1
    while (at >= 0) {
      const next = bytes.indexOf(quote, at + 1)
      if (next < 0) break
      if (!template && lineEnd < at) {
        lineEnd = bytes.indexOf(0x0a, at + 1)
        if (lineEnd < 0) lineEnd = bytes.length
      }
      const start = at + 1
      at = next
      if ((!template && next >= lineEnd) || next - start > MAX_SPEC_BYTES) continue
      const end = next
      const last = end > start ? (bytes[end - 1] as number) : 0
      if (last === 0 || last === 0x2f /* / */ || last === 0x2e /* . */) {
        closer(start, end)
        continue
      }
      // Back to the segment's start, then on over the rest: a byte outside ASCII, or a pattern
      // character in a relative or absolute path, sends the string to the closer look.
      let segment = end
      let dot = -1
      let high = 0
      let pattern = false
      for (; segment > start; segment--) {
        const c = bytes[segment - 1] as number
        if (c === 0x2f /* / */) break
        if (c === 0x2e /* . */ && dot < 0) dot = segment - 1
        high |= c
        pattern ||= isPatternByte(c)
      }
      for (let i = start; i < segment; i++) {
        const c = bytes[i] as number
        high |= c
        pattern ||= isPatternByte(c)
      }
      const first = bytes[start] as number
      if (
        high & 0x80 ||
        (pattern &&
          (first === 0x2e /* . */ ||
            first === 0x2f /* / */ ||
            (template && first === 0x24 /* $ */ && holeAfterSlash(bytes, start, end))))
      ) {
        closer(start, end)
        continue
      }
      if (end - start > MAX_SPEC_LENGTH) continue
      const stemEnd = dot >= 0 && end - dot <= 5 && inferredExtension(bytes, dot, end) ? dot : end
      let hash = 0x811c9dc5
      for (let i = segment; i < stemEnd; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193)
      hash |= 0
      if (rules.wants(startKey(bytes, start, end), end - start, hash)) {
        closer(start, end)
        continue
      }
      stems.add(hash, source)
      if (holed && goesOnPast(byteAt, end) && joinedArgument(bytes, start - 1)) holed.add(hash, source)
      filed++
    }
  }
  return filed
}

/**
 * Whether something is joined or added to the string whose closing quote is at `close` (`code`
 * gives the text's code units, or bytes): `'rules', name`, `'rules' + name`, not `'a', 'b'` nor
 * `'a')`. A path may go on past it (see holedPattern).
 */
export function goesOnPast(code: (i: number) => number | undefined, close: number): boolean {
  let i = close + 1
  while (isSpaceByte(code(i))) i++
  const joint = code(i)
  if (joint !== 0x2c /* , */ && joint !== 0x2b /* + */) return false
  i++
  while (isSpaceByte(code(i))) i++
  const next = code(i)
  return (
    next !== undefined &&
    next !== 0x27 &&
    next !== 0x22 &&
    next !== 0x60 &&
    next !== 0x29 /* ) */ &&
    next !== 0x5d /* ] */ &&
    next !== 0x7d /* } */
  )
}

/**
 * Whether the string whose opening quote is at `quote` is an argument after another, or the
 * first of `join(` or `resolve(`: where a path built by joining may hold it.
 */
function joinedArgument(bytes: Uint8Array, quote: number): boolean {
  let i = quote - 1
  while (isSpaceByte(bytes[i])) i--
  if (bytes[i] === 0x2c /* , */) return true
  if (bytes[i] !== 0x28 /* ( */) return false
  i--
  while (isSpaceByte(bytes[i])) i--
  return endsWithWord(bytes, i, JOIN) || endsWithWord(bytes, i, RESOLVE)
}

const JOIN = Buffer.from('join')
const RESOLVE = Buffer.from('resolve')
function endsWithWord(bytes: Uint8Array, last: number, word: Uint8Array): boolean {
  if (last + 1 < word.length) return false
  for (let k = 0; k < word.length; k++) if (bytes[last - k] !== word[word.length - 1 - k]) return false
  return true
}

export const isSpaceByte = (c: number | undefined): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

export const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r'
export const IDENTIFIER_CHAR = /[\w$]/

/**
 * How the code before the string whose opening quote is at `quote` loads it, nothing but spaces
 * between: `require(` (`require`), `import(` (`dynamic`), `from` or `import` (`static`); undefined
 * when it is no import's specifier.
 */
export function loaderAt(text: string, quote: number): 'require' | 'dynamic' | 'static' | undefined {
  let i = quote - 1
  while (i >= 0 && isSpace(text[i])) i--
  const call = text[i] === '('
  if (call) {
    i--
    while (i >= 0 && isSpace(text[i])) i--
  }
  const end = i + 1
  while (i >= 0 && IDENTIFIER_CHAR.test(text[i] as string)) i--
  if (text[i] === '.') return undefined
  const word = text.slice(i + 1, end)
  if (call) return word === 'require' ? 'require' : word === 'import' ? 'dynamic' : undefined
  return word === 'from' || word === 'import' ? 'static' : undefined
}

/** Characters that match themselves in a pattern, outside brackets. */
const PLAIN = /^[\w@\-/#~!%&,:;<>='"`]$/

/**
 * The text every string `regex` matches starts with, up to two characters: '' when it cannot
 * tell (no `^` at the start, a `|` outside groups, flags that change what `^` or a letter
 * matches, an optional or repeated first character).
 */
export function literalStart(regex: RegExp): string {
  const source = regex.source
  if (/[im]/.test(regex.flags) || !source.startsWith('^') || alternatesAtTop(source)) return ''
  let start = ''
  for (let i = 1; start.length < 2 && i < source.length;) {
    let c = source[i] as string
    let width = 1
    if (c === '\\') {
      c = source[i + 1] ?? ''
      width = 2
      if (!/^[^\w\s]$/.test(c)) break
    } else if (!PLAIN.test(c)) break
    const after = source[i + width] ?? ''
    if (after === '?' || after === '*' || after === '{') break
    start += c
    if (after === '+') break
    i += width
  }
  return start
}

/** Does the pattern source have a `|` outside every group and bracket? */
function alternatesAtTop(source: string): boolean {
  let depth = 0
  let bracket = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (bracket) bracket = c !== ']'
    else if (c === '[') bracket = true
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) return true
  }
  return false
}
