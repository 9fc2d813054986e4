/**
 * A hand-written tokenizer for JavaScript and TypeScript (with JSX). It is not a parser: it yields
 * just enough (identifiers, punctuation, literals, with a newline flag) for the scanner to find
 * imports, exports and top-level declarations, and for token-stream hashes that ignore comments,
 * whitespace and quote style. It never throws on odd input; it reports an error only when a
 * string, template, comment or bracket is left open at the end of the file.
 */

export const IDENT = 1
export const PUNCT = 2
export const STRING = 3
export const TEMPLATE = 4
export const NUMBER = 5
export const REGEX = 6
export const JSX = 7

export interface Tokens {
  kinds: number[]
  /** Normalized token text (string literals: their content, without quotes). */
  texts: string[]
  /** A line break precedes the token. */
  newline: boolean[]
  /** Set when the text could not be tokenized to the end cleanly. */
  error?: string
  /**
   * Comments that change how the next line compiles (`@ts-ignore`, `@ts-expect-error`), by the
   * index of the token that follows them.
   */
  linePragmas?: Map<number, string>
  /**
   * Comments that change how the whole file compiles or runs: `@ts-nocheck`, `@ts-check`, a test
   * environment (`@jest-environment`, `@vitest-environment`), a JSX factory or runtime, `@flow`.
   */
  filePragmas?: string[]
  /** With `positions`: the source offset where each token ends. */
  ends?: number[]
}

const LINE_PRAGMA = /@ts-(?:ignore|expect-error)\b/
const FILE_PRAGMA =
  /@(?:ts-nocheck|ts-check|jest-environment(?:-options)?|vitest-environment|jsx(?:Frag|ImportSource|Runtime)?|flow|noflow)\b[^\n*]*/g

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set([
  'return', 'typeof', 'case', 'do', 'else', 'in', 'instanceof', 'new', 'delete', 'void', 'throw',
  'yield', 'await', 'of', 'extends'
]) // prettier-ignore

/**
 * `<T>(`, `<T, U>(`, `<T: Bound>(`, `<Args: $ReadOnlyArray<mixed>, R>(`, `<T extends U>(`: type
 * parameters and a parameter list's `(`.
 */
const TYPE_PARAMETERS = /<\s*[A-Za-z_$][\w$]*(?:\s*(?:,|:|extends\b)(?:[^<>()]|<[^<>()]*>)*)?\s*>\s*\(/y

/** Tokens after which `<` in a .jsx/.tsx file opens an element. */
const JSX_AFTER_PUNCT = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '=>'])
const JSX_AFTER_WORD = new Set(['return', 'default', 'yield', 'await', 'case', 'else', 'do'])

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c > 127 || c === 92
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57)
}

class Lexer {
  private i = 0
  private readonly n: number
  private newline = false
  readonly out: Tokens = { kinds: [], texts: [], newline: [] }

  constructor(
    private readonly src: string,
    private readonly jsx: boolean
  ) {
    this.n = src.length
    if (src.charCodeAt(0) === 35 && src.charCodeAt(1) === 33) this.skipLine() // #! shebang
  }

  private push(kind: number, text: string): void {
    this.out.ends?.push(this.i)
    this.out.kinds.push(kind)
    this.out.texts.push(text)
    this.out.newline.push(this.newline)
    this.newline = false
  }

  private fail(message: string): void {
    if (!this.out.error) this.out.error = `${message} (offset ${this.i})`
  }

  private skipLine(): void {
    const start = this.i
    while (this.i < this.n) {
      const c = this.src.charCodeAt(this.i)
      if (c === 10 || c === 13) break
      this.i++
    }
    this.notePragmas(start, this.i)
  }

  /** Records the pragmas of the comment at from..to (see Tokens.linePragmas and filePragmas). */
  private notePragmas(from: number, to: number): void {
    const at = this.src.indexOf('@', from)
    if (at < 0 || at >= to) return
    const text = this.src.slice(from, to)
    for (const match of text.matchAll(FILE_PRAGMA)) (this.out.filePragmas ??= []).push(match[0].trim())
    const line = LINE_PRAGMA.exec(text)
    if (line) {
      const next = this.out.kinds.length
      const pragmas = (this.out.linePragmas ??= new Map())
      pragmas.set(next, (pragmas.get(next) ?? '') + line[0])
    }
  }

  /** For each open `(`: whether it follows if/while/for/with (then `)` ends a condition). */
  private readonly parens: boolean[] = []
  private lastParenWasControl = false

  private prevAllowsRegex(): boolean {
    const k = this.out.kinds.length - 1
    if (k < 0) return true
    const kind = this.out.kinds[k]
    const text = this.out.texts[k] as string
    if (kind === PUNCT && text === ')') return this.lastParenWasControl
    if (kind === PUNCT) return text !== ']'
    if (kind === IDENT) return REGEX_AFTER_WORD.has(text)
    if (kind === JSX) return true
    return false
  }

  private prevAllowsJsx(): boolean {
    if (!this.jsx) return false
    const k = this.out.kinds.length - 1
    if (k < 0) return true
    const kind = this.out.kinds[k]
    const text = this.out.texts[k] as string
    if (kind === PUNCT) return JSX_AFTER_PUNCT.has(text)
    if (kind === IDENT) return JSX_AFTER_WORD.has(text)
    return kind === JSX
  }

  /** Tokenizes until the end, or (nested) until the `}` that closes the current expression. */
  lex(untilBrace: boolean): void {
    const src = this.src
    let depth = 0
    while (this.i < this.n) {
      const c = src.charCodeAt(this.i)
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
        this.newline = true
        this.i++
      } else if (c === 32 || c === 9 || c === 11 || c === 12 || c === 0xfeff || c === 0xa0) {
        this.i++
      } else if (c === 47 /* / */) {
        const d = src.charCodeAt(this.i + 1)
        if (d === 47) this.skipLine()
        else if (d === 42) this.skipBlockComment()
        else if (this.prevAllowsRegex()) this.scanRegex()
        else {
          this.i++
          this.push(PUNCT, '/')
        }
      } else if (isIdentStart(c)) {
        const start = this.i++
        while (this.i < this.n && isIdentPart(src.charCodeAt(this.i))) this.i++
        this.push(IDENT, src.slice(start, this.i))
      } else if (c >= 48 && c <= 57) {
        this.scanNumber()
      } else if (c === 34 || c === 39) {
        this.scanString(c)
      } else if (c === 96) {
        this.scanTemplate()
      } else if (c === 123 /* { */) {
        depth++
        this.i++
        this.push(PUNCT, '{')
      } else if (c === 125 /* } */) {
        if (depth === 0 && untilBrace) {
          this.i++
          return
        }
        depth--
        this.i++
        this.push(PUNCT, '}')
      } else if (c === 60 /* < */ && this.prevAllowsJsx() && this.looksLikeJsx()) {
        this.scanJsxElement()
      } else if (c === 61 /* = */ && src.charCodeAt(this.i + 1) === 62) {
        this.i += 2
        this.push(PUNCT, '=>')
      } else if (c === 46 /* . */ && src.charCodeAt(this.i + 1) >= 48 && src.charCodeAt(this.i + 1) <= 57) {
        this.scanNumber()
      } else if (c === 35 /* # */ && isIdentStart(src.charCodeAt(this.i + 1))) {
        const start = this.i++
        while (this.i < this.n && isIdentPart(src.charCodeAt(this.i))) this.i++
        this.push(IDENT, src.slice(start, this.i))
      } else {
        if (c === 40 /* ( */) {
          const k = this.out.kinds.length - 1
          const prev = k >= 0 && this.out.kinds[k] === IDENT ? this.out.texts[k] : ''
          this.parens.push(prev === 'if' || prev === 'while' || prev === 'for' || prev === 'with')
        } else if (c === 41 /* ) */) this.lastParenWasControl = this.parens.pop() ?? false
        this.i++
        this.push(PUNCT, src[this.i - 1] as string)
      }
    }
    if (untilBrace) this.fail('unclosed ${ or { in template or JSX')
    else if (depth > 0) this.fail('unclosed {')
  }

  private skipBlockComment(): void {
    const end = this.src.indexOf('*/', this.i + 2)
    if (end < 0) {
      this.fail('unclosed comment')
      this.i = this.n
      return
    }
    const body = this.src.slice(this.i, end)
    if (body.includes('\n') || body.includes('\r')) this.newline = true
    this.notePragmas(this.i, end)
    this.i = end + 2
  }

  private scanNumber(): void {
    const src = this.src
    const start = this.i
    while (this.i < this.n) {
      const c = src.charCodeAt(this.i)
      if (isIdentPart(c) || c === 46) this.i++
      else if (
        (c === 43 || c === 45) &&
        /[eE]/.test(src[this.i - 1] as string) &&
        !/^0[xX]/.test(src.slice(start, start + 2))
      )
        this.i++
      else break
    }
    this.push(NUMBER, src.slice(start, this.i).replace(/_/g, ''))
  }

  private scanString(quote: number): void {
    const src = this.src
    const start = ++this.i
    let text = ''
    let chunk = start
    while (this.i < this.n) {
      const c = src.charCodeAt(this.i)
      if (c === quote) {
        text += src.slice(chunk, this.i)
        this.i++
        this.push(STRING, text)
        return
      }
      if (c === 92) {
        const next = src.charCodeAt(this.i + 1)
        if (next === 34 || next === 39) {
          text += src.slice(chunk, this.i)
          chunk = this.i + 1
        }
        this.i += 2
        continue
      }
      if (c === 10 || c === 13) break
      this.i++
    }
    this.fail('unterminated string')
    this.push(STRING, src.slice(start, this.i))
  }

  private scanTemplate(): void {
    const src = this.src
    this.i++
    let start = this.i
    while (this.i < this.n) {
      const c = src.charCodeAt(this.i)
      if (c === 92) {
        this.i += 2
      } else if (c === 96) {
        this.push(TEMPLATE, src.slice(start, this.i))
        this.i++
        return
      } else if (c === 36 && src.charCodeAt(this.i + 1) === 123) {
        this.push(TEMPLATE, src.slice(start, this.i) + '${')
        this.i += 2
        this.lex(true)
        start = this.i
      } else this.i++
    }
    this.fail('unterminated template literal')
  }

  private scanRegex(): void {
    const src = this.src
    const start = this.i++
    let inClass = false
    while (this.i < this.n) {
      const c = src.charCodeAt(this.i)
      if (c === 92) this.i += 2
      else if (c === 10 || c === 13) break
      else if (c === 91) {
        inClass = true
        this.i++
      } else if (c === 93) {
        inClass = false
        this.i++
      } else if (c === 47 && !inClass) {
        this.i++
        while (this.i < this.n && isIdentPart(src.charCodeAt(this.i))) this.i++
        this.push(REGEX, src.slice(start, this.i))
        return
      } else this.i++
    }
    // Not a regular expression after all: treat the slash as division.
    this.i = start + 1
    this.push(PUNCT, '/')
  }

  private looksLikeJsx(): boolean {
    const next = this.src.charCodeAt(this.i + 1)
    return next === 62 /* <> */ || (isIdentStart(next) && !this.genericArrowAhead())
  }

  /**
   * A generic arrow function, or a generic function type or call signature, in a .js file with
   * Flow types: `<T>(x: T): T => x`, `<T>(RecoilValue<T>) => Loadable<T>`, `<T>(Options<T>): T,`.
   * Type parameters, a parameter list, then `=>` (after a return type on the same line), or a
   * return type that ends the line with `,` or `;`; with no closing tag in that line.
   */
  private genericArrowAhead(): boolean {
    const src = this.src
    TYPE_PARAMETERS.lastIndex = this.i
    if (!TYPE_PARAMETERS.exec(src)) return false
    let depth = 0
    const limit = Math.min(this.n, this.i + 2000)
    for (let k = TYPE_PARAMETERS.lastIndex - 1; k < limit; k++) {
      const c = src.charCodeAt(k)
      if (c === 40 /* ( */) depth++
      else if (c === 41 /* ) */ && --depth === 0) {
        const lineEnd = src.indexOf('\n', k)
        const rest = src.slice(k + 1, lineEnd < 0 ? this.n : lineEnd)
        return /^\s*(?:=>|:[^;]*?=>|:[^;]*[,;]\s*$)/.test(rest) && !rest.includes('</')
      }
    }
    return false
  }

  private readJsxName(): string {
    const src = this.src
    const start = this.i
    while (this.i < this.n) {
      const c = src.charCodeAt(this.i)
      if (isIdentPart(c) || c === 46 || c === 45 || c === 58) this.i++
      else break
    }
    return src.slice(start, this.i)
  }

  private skipJsxSpace(): void {
    while (this.i < this.n && /\s/.test(this.src[this.i] as string)) this.i++
  }

  /** Emits the root identifier of a JSX tag name (a component is a reference). */
  private pushJsxName(name: string): void {
    const root = name.split('.')[0] as string
    if (root && /^[A-Za-z_$]/.test(root) && !root.includes('-') && !root.includes(':')) this.push(IDENT, root)
    else this.push(JSX, name)
  }

  private scanJsxElement(): void {
    const src = this.src
    this.i++ // <
    this.push(JSX, '<')
    const name = this.readJsxName()
    if (name) this.pushJsxName(name)
    // Attributes
    for (;;) {
      this.skipJsxSpace()
      if (this.i >= this.n) return this.fail('unterminated JSX element')
      const c = src.charCodeAt(this.i)
      if (c === 47 && src.charCodeAt(this.i + 1) === 62) {
        this.i += 2
        this.push(JSX, '/>')
        return
      }
      if (c === 62) {
        this.i++
        this.push(JSX, '>')
        break
      }
      if (c === 123) {
        this.i++
        this.push(JSX, '{')
        this.lex(true)
        this.push(JSX, '}')
      } else if (c === 34 || c === 39) {
        const end = src.indexOf(src[this.i] as string, this.i + 1)
        if (end < 0) return this.fail('unterminated JSX attribute')
        this.push(STRING, src.slice(this.i + 1, end))
        this.i = end + 1
      } else if (c === 61) {
        this.i++
        this.push(JSX, '=')
      } else if (isIdentStart(c)) {
        this.push(JSX, this.readJsxName())
      } else if (c === 60 && this.jsx) {
        // A generic arrow function such as <T,>() => … in .tsx, not an element: give up on JSX.
        this.push(JSX, src[this.i++] as string)
      } else {
        this.push(JSX, src[this.i++] as string)
      }
    }
    // Children until the matching closing tag.
    let textStart = this.i
    const flushText = (): void => {
      const text = jsxText(src.slice(textStart, this.i))
      if (text) this.push(JSX, text)
    }
    while (this.i < this.n) {
      const c = src.charCodeAt(this.i)
      if (c === 60) {
        flushText()
        if (src.charCodeAt(this.i + 1) === 47) {
          const end = src.indexOf('>', this.i)
          if (end < 0) return this.fail('unterminated JSX closing tag')
          this.push(JSX, '</' + src.slice(this.i + 2, end).trim() + '>')
          this.i = end + 1
          return
        }
        this.scanJsxElement()
        textStart = this.i
      } else if (c === 123) {
        flushText()
        this.i++
        this.push(JSX, '{')
        this.lex(true)
        this.push(JSX, '}')
        textStart = this.i
      } else this.i++
    }
    this.fail('unterminated JSX element')
  }
}

/**
 * The string a JSX text child becomes: lines are trimmed where they meet a line break, blank lines
 * dropped and the rest joined by one space; spaces inside a line are kept (they render, and
 * snapshots see them).
 */
export function jsxText(raw: string): string {
  const lines = raw.replace(/\t/g, ' ').split(/\r\n|\n|\r/)
  let lastFilled = -1
  lines.forEach((line, i) => {
    if (/[^ ]/.test(line)) lastFilled = i
  })
  let text = ''
  lines.forEach((line, i) => {
    let part = line
    if (i > 0) part = part.replace(/^ +/, '')
    if (i < lines.length - 1) part = part.replace(/ +$/, '')
    if (part) text += i === lastFilled ? part : part + ' '
  })
  return text
}

export function tokenize(src: string, jsx: boolean, positions = false): Tokens {
  const lexer = new Lexer(src, jsx)
  if (positions) lexer.out.ends = []
  lexer.lex(false)
  return lexer.out
}
