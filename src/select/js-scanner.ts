import { globCandidate, literalGlob } from './glob-imports.js'
import { IDENT, JSX, NUMBER, PUNCT, REGEX, STRING, TEMPLATE, tokenize, type Tokens } from './js-lexer.js'
import {
  FOR_IN_WORD,
  MODULE_SYMBOL,
  PATH_LIKE,
  PATH_TEXT,
  keptAsPath,
  emptyScan,
  hashText,
  own,
  type DeferredCall,
  type ImportBinding,
  type ImportRecord,
  type ModuleScan,
  type SymbolInfo
} from './model.js'

/**
 * Finds a JavaScript/TypeScript module's imports, exports and top-level declarations from its
 * token stream: each declaration gets a hash of its normalized tokens and the names it references.
 * Statements that are not declarations (and what declarations run while the module loads) make up
 * the MODULE_SYMBOL pseudo-symbol.
 */

const NOT_REFERENCES = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new',
  'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while',
  'with', 'yield', 'let', 'static', 'await', 'async', 'of', 'get', 'set', 'as', 'from', 'type',
  'interface', 'enum', 'implements', 'private', 'protected', 'public', 'readonly', 'declare', 'abstract',
  'keyof', 'infer', 'is', 'asserts', 'satisfies', 'namespace', 'module', 'unique', 'override', 'accessor',
  'undefined', 'string', 'number', 'boolean', 'any', 'unknown', 'never', 'object', 'symbol', 'bigint'
]) // prettier-ignore

/**
 * Words of NOT_REFERENCES that are also valid names of values (`import set from './set'`,
 * rxjs's `of` and `from`, yup's `string()`): a reference unless used as a keyword (see keywordAt).
 */
const CONTEXTUAL_WORDS = new Set([
  'async', 'of', 'get', 'set', 'as', 'from', 'type', 'declare', 'abstract', 'readonly', 'keyof', 'infer',
  'is', 'asserts', 'satisfies', 'namespace', 'module', 'unique', 'override', 'accessor', 'string',
  'number', 'boolean', 'any', 'unknown', 'never', 'object', 'symbol', 'bigint'
]) // prettier-ignore

/** Words of NOT_REFERENCES that may end an expression or a type (`a: string`). */
const TYPE_WORDS = new Set([
  'undefined', 'string', 'number', 'boolean', 'any', 'unknown', 'never', 'object', 'symbol', 'bigint',
  'null', 'true', 'false', 'this', 'super', 'void'
]) // prettier-ignore

/** Words that continue an expression on the next line rather than start a statement. */
const CONTINUATION_WORDS = new Set([
  'in',
  'instanceof',
  'as',
  'satisfies',
  'of',
  'extends',
  'implements',
  'from'
])

const STATEMENT_KEYWORDS = new Set([
  'import', 'export', 'function', 'class', 'const', 'let', 'var', 'interface', 'type', 'enum', 'declare',
  'namespace', 'module', 'abstract', 'async', 'if', 'for', 'while', 'do', 'switch', 'try', 'return', 'throw'
]) // prettier-ignore

const DECLARES = new Set(['const', 'let', 'var'])
/** The most values a name required alone (`require(file)`) is followed through (see builtPath). */
const MAX_DECLARED_VALUES = 16
/** Words after which a name is read, never bound. */
const READ_AFTER_WORDS = new Set(['return', 'typeof', 'await', 'throw', 'in', 'of', 'instanceof', 'void'])
/** Operators after which a name is read, never bound (not `:`, which a pattern's renaming has). */
const READ_AFTER_OPERATORS = new Set([
  '=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '==',
  '===',
  '!=',
  '!==',
  '&&',
  '||',
  '??',
  '?',
  '!',
  '<',
  '>',
  '<=',
  '>=',
  '+='
])
/** Statements whose parentheses a block follows (`if (…) {`): no method shorthand. */
const CONTROL_KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with'])
const BLOCK_DECLARATIONS = new Set(['function', 'class', 'interface', 'enum', 'namespace', 'module'])
const MODIFIERS = new Set(['declare', 'abstract', 'async', 'default', 'export'])
const MEMBER_MODIFIERS = new Set([
  'static', 'public', 'private', 'protected', 'readonly', 'async', 'override', 'abstract', 'declare', 'accessor'
]) // prettier-ignore
export const MOCK_METHODS = new Set([
  'mock', 'doMock', 'unstable_mockModule', 'requireActual', 'requireMock', 'setMock', 'createMockFromModule',
  'importActual', 'importMock'
]) // prettier-ignore
/** Brace openers that are not a declaration's body (a type literal, an object in a default value). */
const NOT_BODY_BEFORE = new Set([':', '|', '&', ',', '<', '=>', '=', '?', '('])

/**
 * Members that the language, the runtime or common libraries call without the caller's code naming
 * them: conversions (template literals, `JSON.stringify`, `await`), iteration, inspection, and every
 * name on Object.prototype. A class's other methods and accessors run only when some code names them.
 */
const CALLED_WITHOUT_NAME = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'toString', 'valueOf', 'toJSON', 'toLocaleString', 'then', 'catch', 'finally', 'next', 'return', 'throw',
  'inspect', 'length', 'size', 'name', 'message', 'stack', 'cause', 'handleEvent', 'asymmetricMatch',
  'toPrimitive', 'dispose', 'asyncDispose'
]) // prettier-ignore

/** Words inside a string or template: the whole text, and each name-like run of it. */
const WORD_RUN = /[\p{L}\p{N}_$#]+/gu

export function isJsFile(path: string): boolean {
  return /\.(?:[cm]?[jt]sx?)$/.test(path) && !path.endsWith('.d.ts')
}

/**
 * Scans a JavaScript/TypeScript file. With `hashes: false` the symbols' hashes are left empty:
 * enough to link and walk the graph (about a third faster), never to diff.
 */
export function scanJs(
  src: string,
  path: string,
  options: { hashes?: boolean; jsx?: boolean } = {}
): ModuleScan {
  const jsx = options.jsx ?? !/\.[cm]?ts$/.test(path)
  const tokens = tokenize(src, jsx)
  return new JsScanner(tokens, options.hashes ?? true).scan()
}

/** Where a top-level symbol's code is in its file, and whether it is code that runs only when called. */
export interface SymbolSpans {
  /** Source offset ranges [from, to) of the symbol's parts (a function and its overloads, say). */
  spans: Array<[number, number]>
  /**
   * True when every part is a function: a function declaration, a method or accessor, or a
   * variable whose initializer is a function or an arrow function. Its code runs only when called.
   */
  fn: boolean
  /**
   * What kind of function each part is (`function`, `const`, `static get`…): code that never calls
   * it can still tell a hoisted declaration from a variable, or a method from an accessor.
   */
  shape: string
}

/** The spans of every top-level symbol of a JavaScript/TypeScript file (see SymbolSpans). */
export function symbolSpans(src: string, path: string): Map<string, SymbolSpans> {
  const jsx = !/\.[cm]?ts$/.test(path)
  const scanner = new JsScanner(tokenize(src, jsx, true), false)
  scanner.spans = new Map()
  scanner.scan()
  return scanner.spans
}

class JsScanner {
  private readonly kinds: number[]
  private readonly texts: string[]
  private readonly newline: boolean[]
  private readonly n: number
  private readonly scan_ = emptyScan('js')
  private readonly moduleParts: string[] = []
  private readonly moduleRefs = new Set<string>()
  /** Where the last statement made only of decorators ends. */
  private decoratorsEndAt = -1
  /** The words of the code run on load (see SymbolInfo.words). */
  private readonly moduleWords = new Set<string>()
  /** Function expressions and names passed to calls made on load (see DeferredCall). */
  private readonly deferredCalls: DeferredCall[] = []
  /** Matching bracket index for every opening bracket. */
  private readonly match: Int32Array
  /** Names of top-level function declarations. */
  private readonly functionNames = new Set<string>()
  /** Function declarations whose name was declared before (overloads, a redeclaration). */
  private readonly functionsRedeclared = new Set<string>()
  /** Top-level classes without `extends` and without accessors: setting a property on them runs no code. */
  private readonly plainClasses = new Set<string>()
  private readonly classNames = new Set<string>()
  /** Top-level `F.name = value` statements, placed once every declaration is known. */
  private readonly propertyStatements: Array<{
    target: string
    start: number
    end: number
    /** `F.prototype.name = …` (rather than `F.name = …`). */
    onPrototype: boolean
    /** The property set. */
    member: string
    /** The value runs no code on load (see propertyAssignment); else it runs then, F aside. */
    inert: boolean
    /** The value is a function (inert: one not called). */
    fn: boolean
    /** Where the value starts. */
    valueAt: number
  }> = []
  /** Names declared so far only as types (`interface X`, `type X =`), which a function may merge with. */
  private readonly typesOnly = new Set<string>()
  /** How many declarations each name has, and how many of them are types (see SymbolInfo.typeOnly). */
  private readonly declarationCounts = new Map<string, number>()
  private readonly typeDeclarationCounts = new Map<string, number>()
  /** The names each type declaration reads in a computed key (see SymbolInfo.valueRefs). */
  private readonly typeValueRefs = new Map<string, Set<string>>()
  /** Tokens whose line pragma (Tokens.linePragmas) is in some declaration's hash. */
  private readonly pragmasHashed = new Set<number>()
  /**
   * Targets of `F.prototype = …` and `F.prototype.__proto__ = …`: their prototype may be anything,
   * setters included.
   */
  private readonly prototypeReplaced = new Set<string>()
  /** Top-level `Object.assign(C.prototype, A, B…)` statements (see ClassInfo.mixins). */
  private readonly prototypeMixins: Array<{ target: string; sources: string[] }> = []
  /** How many pieces of code run on load reference each name. */
  private readonly loadRefCounts = new Map<string, number>()

  /** Set to record where each symbol is (see symbolSpans); needs tokens with `ends`. */
  spans: Map<string, SymbolSpans> | undefined

  constructor(
    private readonly tokens: Tokens,
    private readonly hashes: boolean
  ) {
    this.kinds = tokens.kinds
    this.texts = tokens.texts
    this.newline = tokens.newline
    this.n = tokens.kinds.length
    this.match = new Int32Array(this.n).fill(-1)
    const stack: number[] = []
    for (let k = 0; k < this.n; k++) {
      if (this.kinds[k] !== PUNCT) continue
      const t = this.texts[k]
      if (t === '(' || t === '[' || t === '{') stack.push(k)
      else if (t === ')' || t === ']' || t === '}') {
        const open = stack.pop()
        if (open !== undefined) {
          this.match[open] = k
          this.match[k] = open
        }
      }
    }
  }

  scan(): ModuleScan {
    const result = this.scan_
    if (this.tokens.error) result.error = this.tokens.error
    this.findCallImportsAndStrings()
    this.findNarrowNamespaces()
    let k = 0
    while (k < this.n) {
      const end = this.statementEnd(k)
      this.statement(k, end)
      k = end > k ? end : k + 1
    }
    // Specifiers are edges already; strings are kept to find data files named at run time. A
    // path built of strings (see builtPath) leaves them strings too, as the demand graph reads them.
    const specs = new Set(result.imports.flatMap(i => (this.built.has(i) ? [] : [i.spec])))
    result.strings = result.strings.filter(value => !specs.has(value))
    this.placeCommonJsExports()
    this.placePropertyStatements()
    if (this.tokens.filePragmas) this.moduleParts.push(this.tokens.filePragmas.join('\u0003'))
    // A line pragma no declaration's hash took in (above an import or a re-export) is the module's.
    for (const [k, pragma] of this.tokens.linePragmas ?? [])
      if (!this.pragmasHashed.has(k)) this.moduleParts.push(`${pragma}\u0003${this.t(k)}`)
    this.narrowNamespaceBindings()
    this.dropCollidingBindings()
    result.symbols[MODULE_SYMBOL] = {
      hash: hashText(this.moduleParts.join('\u0002')),
      refs: [...this.moduleRefs],
      words: [...this.moduleWords]
    }
    if (this.deferredCalls.length) (result.symbols[MODULE_SYMBOL] as SymbolInfo).deferred = this.deferredCalls
    this.dropReassignedDefers()
    this.markTypeOnlySymbols()
    this.placePrototypeMixins()
    if (this.hasDecorator()) result.decorated = true
    return result
  }

  private hasDecorator(): boolean {
    for (let k = 0; k < this.n - 1; k++)
      if (this.kinds[k] === PUNCT && this.texts[k] === '@' && this.kinds[k + 1] === IDENT) return true
    return false
  }

  /** Names that only `interface` and `type` declarations declare: types, which no code runs. */
  private markTypeOnlySymbols(): void {
    if (this.typeDeclarationCounts.size === 0) return
    const bound = new Set<string>()
    for (const record of this.scan_.imports) for (const { local } of record.names ?? []) bound.add(local)
    for (const [name, count] of this.typeDeclarationCounts) {
      const symbol = Object.hasOwn(this.scan_.symbols, name) ? this.scan_.symbols[name] : undefined
      if (!symbol || bound.has(name) || this.declarationCounts.get(name) !== count) continue
      symbol.typeOnly = true
      const valueRefs = this.typeValueRefs.get(name)
      if (valueRefs?.size) symbol.valueRefs = [...valueRefs]
    }
  }

  /**
   * Namespace bindings (`import * as io from './effects'`, `import io = require('./effects')`)
   * used only to read members (`io.call`), with those members: such an import takes those names,
   * as a named import would, and each reference is to a member (`io.call`; see references). Any
   * other use (`io[name]`, `{ io }`, `<io.X />`, passing `io`) keeps the whole module.
   */
  private readonly narrowNamespaces = new Map<string, Set<string>>()
  /**
   * `const io = require('./effects')`, `const io = await import(…)`, `import(…).then(io => …)`: how
   * many such declarations each name has.
   */
  private readonly moduleLocals = new Map<string, number>()
  /** The module every such declaration of a name names, or null when they name different ones. */
  private readonly moduleLocalSpecs = new Map<string, string | null>()
  private readonly moduleLocalRecords = new Map<ImportRecord, string>()

  private findNarrowNamespaces(): void {
    const locals: string[] = [...this.moduleLocals.keys()]
    for (let k = 0; k < this.n; k++) {
      if (this.is(k, PUNCT, '*') && this.is(k + 1, IDENT, 'as') && this.is(k + 2, IDENT)) {
        const atImport =
          this.is(k - 1, IDENT, 'import') || (this.is(k - 1, PUNCT, ',') && this.is(k - 3, IDENT, 'import'))
        if (atImport) locals.push(this.t(k + 2))
      } else if (
        this.is(k, IDENT, 'import') &&
        this.is(k + 1, IDENT) &&
        this.is(k + 2, PUNCT, '=') &&
        this.is(k + 3, IDENT, 'require')
      )
        locals.push(this.t(k + 1))
    }
    for (const local of locals) {
      if (this.narrowNamespaces.has(local)) continue
      const members = new Set<string>()
      let declarations = 0
      let onlyMembers = true
      for (let k = 0; k < this.n && onlyMembers; k++) {
        if (this.kinds[k] !== IDENT || this.texts[k] !== local || this.readAsMember(k)) continue
        // A property key (`{ io: … }`, `, io: …`) names no binding.
        if ((this.is(k - 1, PUNCT, '{') || this.is(k - 1, PUNCT, ',')) && this.is(k + 1, PUNCT, ':')) continue
        if (
          (this.is(k - 1, IDENT, 'as') && this.is(k - 2, PUNCT, '*')) ||
          (this.is(k - 1, IDENT, 'import') && this.is(k + 1, PUNCT, '=')) ||
          (DECLARES.has(this.t(k - 1)) &&
            this.is(k + 1, PUNCT, '=') &&
            (this.is(k + 2, IDENT, 'require') ||
              (this.is(k + 2, IDENT, 'await') && this.is(k + 3, IDENT, 'import')))) ||
          this.moduleParameters.has(k)
        )
          declarations++
        else if (this.is(k + 1, PUNCT, '.') && this.is(k + 2, IDENT)) members.add(this.t(k + 2))
        else onlyMembers = false
      }
      // Declared more than once (a test that imports a module in each case), each time the same module.
      const once =
        declarations === 1 ||
        (declarations > 1 &&
          declarations === this.moduleLocals.get(local) &&
          this.moduleLocalSpecs.get(local) !== null)
      if (onlyMembers && once && members.size > 0) this.narrowNamespaces.set(local, members)
    }
  }

  /** The bindings of narrowed namespaces become one per member; a bare reference left, every member. */
  private narrowNamespaceBindings(): void {
    for (const [record, local] of this.moduleLocalRecords)
      if (this.requireBindings.has(local) && !this.narrowNamespaces.has(local))
        record.names = [{ imported: '*', local }]
    if (this.narrowNamespaces.size === 0) return
    const bindings = new Map<string, ImportBinding[]>()
    for (const record of this.scan_.imports) {
      const required = this.moduleLocalRecords.get(record)
      const binding =
        record.kind === 'static'
          ? record.names?.find(b => b.imported === '*')
          : required !== undefined && this.moduleLocalSpecs.get(required) !== null
            ? { imported: '*', local: required }
            : undefined
      const members = binding && this.narrowNamespaces.get(binding.local)
      if (!binding || !members) continue
      const names = [...members].map(member => ({ imported: member, local: `${binding.local}.${member}` }))
      record.names = [...(record.names ?? []).filter(b => b !== binding), ...names]
      bindings.set(binding.local, names)
      // As addBinding's: a member's source changes when the import's specifier does, and a
      // require's, which runs as the module loads, is also the module's (its declaration stays).
      if (required !== undefined) this.moduleParts.push(`require ${record.spec}`)
      else delete this.scan_.symbols[binding.local]
      for (const name of names)
        this.scan_.symbols[name.local] = { hash: `${record.spec}\u0000${name.imported}`, refs: [] }
    }
    const widen = (refs: string[]): string[] =>
      refs.some(ref => bindings.has(ref))
        ? refs.flatMap(ref => bindings.get(ref)?.map(b => b.local) ?? [ref])
        : refs
    for (const symbol of Object.values(this.scan_.symbols)) symbol.refs = widen(symbol.refs)
    for (const [local, names] of bindings)
      if (this.moduleRefs.delete(local)) for (const b of names) this.moduleRefs.add(b.local)
  }

  /** Is the name at k read as a member (`x.name`), rather than spread (`...name`) or alone? */
  private readAsMember(k: number): boolean {
    return this.is(k - 1, PUNCT, '.') && !this.is(k - 2, PUNCT, '.')
  }

  private t(k: number): string {
    return k < this.n ? (this.texts[k] as string) : ''
  }

  private is(k: number, kind: number, text?: string): boolean {
    return k < this.n && this.kinds[k] === kind && (text === undefined || this.texts[k] === text)
  }

  // ── whole-file passes ────────────────────────────────────────────────────

  private findCallImportsAndStrings(): void {
    const { kinds, texts, n } = this
    const strings = new Set<string>()
    /** Names given a require function of their own: `const load = createRequire(import.meta.url)`. */
    let requires: Set<string> | undefined
    for (let k = 0; k < n; k++) {
      const kind = kinds[k]
      if (kind === STRING || (kind === TEMPLATE && !(texts[k] as string).endsWith('${'))) {
        for (const value of this.holeFilled(k) ?? [texts[k] as string])
          if (keptAsPath(value)) strings.add(value)
        continue
      }
      if (kind !== IDENT) continue
      if (texts[k] === '__dirname' || (texts[k] === 'import' && this.is(k + 4, IDENT, 'dirname'))) {
        this.pathFromFolder(k, strings)
        continue
      }
      if (!this.is(k + 1, PUNCT, '(')) continue
      const word = texts[k] as string
      if (word === 'createRequire') {
        const name = this.declaredBy(this.readAsMember(k) ? k - 3 : k - 1)
        if (name !== undefined) (requires ??= new Set()).add(name)
        continue
      }
      if (word === 'join' || word === 'resolve') this.rootedJoin(k + 1, strings)
      for (const pattern of this.globImport(k))
        this.scan_.imports.push({
          spec: pattern,
          kind: globCandidate(pattern) ? 'glob' : 'dynamic',
          names: null
        })
      // A string added to (`require('./locale/' + lang)`) is the start of a path built (see builtPath).
      const spec = this.is(k + 3, PUNCT, '+')
        ? undefined
        : this.is(k + 2, STRING)
          ? texts[k + 2]
          : this.plainTemplate(k + 2)
      const prevDot = this.readAsMember(k)
      if (spec === undefined) {
        if ((word === 'require' || word === 'import' || requires?.has(word)) && !prevDot) {
          const close = this.match[k + 1] as number
          const eq = word !== 'import' ? k - 1 : this.is(k - 1, IDENT, 'await') ? k - 2 : -1
          this.builtPath(k + 1, close > k && eq >= 0 ? this.destructuredBindings(k, eq, close) : null)
        } else if (this.mockCall(k, prevDot) || this.requireResolve(k, prevDot)) this.builtPath(k + 1, null)
        continue
      }
      if (
        (word === 'require' || requires?.has(word)) &&
        !prevDot &&
        !(this.is(k - 1, PUNCT, '=') && this.is(k - 3, IDENT, 'import'))
      ) {
        const record: ImportRecord = {
          spec,
          kind: 'require',
          names: this.destructuredBindings(k) ?? this.memberBinding(k - 1, k + 3)
        }
        this.scan_.imports.push(record)
        if (!record.names) this.noteModuleLocal(record, this.requiredAs(k))
      } else if (word === 'import' && !prevDot) {
        const awaited = this.is(k - 1, IDENT, 'await')
        const wrapped = awaited && this.is(k - 2, PUNCT, '(') && this.is(k + 4, PUNCT, ')')
        const record: ImportRecord = {
          spec,
          kind: 'dynamic',
          names: awaited
            ? (this.destructuredBindings(k, k - 2) ?? (wrapped ? this.memberBinding(k - 3, k + 4) : null))
            : this.thenBindings(k)
        }
        this.scan_.imports.push(record)
        if (!record.names)
          this.noteModuleLocal(record, awaited ? this.requiredAs(k, k - 2) : this.thenParameter(k))
      } else if (this.mockCall(k, prevDot)) {
        this.scan_.imports.push({ spec, kind: 'mock', names: null })
      } else if (this.requireResolve(k, prevDot)) {
        this.scan_.imports.push({ spec, kind: this.foldedToFolder(k) ? 'folder' : 'require', names: null })
      }
    }
    this.scan_.strings = [...strings].slice(0, 300)
  }

  /** `jest.mock(…)`, `vi.importActual(…)` and the like, at `k` (see MOCK_METHODS). */
  private mockCall(k: number, prevDot: boolean): boolean {
    return (
      prevDot && MOCK_METHODS.has(this.t(k)) && (this.is(k - 2, IDENT, 'jest') || this.is(k - 2, IDENT, 'vi'))
    )
  }

  /** `require.resolve(…)`, with `resolve` at `k`. */
  private requireResolve(k: number, prevDot: boolean): boolean {
    return prevDot && this.t(k) === 'resolve' && this.is(k - 2, IDENT, 'require')
  }

  /**
   * `dirname(require.resolve(spec))`, with `resolve` at `k`: the call's value is only the folder
   * the module is in (to read or list files there, as medusa's admin bundler hands its dashboard's
   * to Tailwind), not the module loaded.
   */
  private foldedToFolder(k: number): boolean {
    return (
      this.is(k - 3, PUNCT, '(') &&
      this.is(k - 4, IDENT, 'dirname') &&
      this.is(k + 3, PUNCT, ')') &&
      this.is(k + 4, PUNCT, ')')
    )
  }

  /**
   * A call whose first argument is the file's folder and whose next ones are strings names a path
   * from that folder: `join(__dirname, 'fixtures', 'pm')` (and `import.meta.dirname`) is kept as
   * the string `./fixtures/pm`, wrapped in `require(…)` it is a require, and jscodeshift's
   * `defineTest(__dirname, 'name')` requires the transform `../name`. `at` is the folder's first token.
   */
  private pathFromFolder(at: number, strings: Set<string>): void {
    const isMeta = this.t(at) === 'import'
    if (
      isMeta &&
      !(this.is(at + 1, PUNCT, '.') && this.is(at + 2, IDENT, 'meta') && this.is(at + 3, PUNCT, '.'))
    )
      return
    if (!this.is(at - 1, PUNCT, '(') || !this.is(at - 2, IDENT)) return
    const parts: string[] = []
    let k = at + (isMeta ? 5 : 1)
    for (; this.is(k, PUNCT, ',') && this.is(k + 1, STRING); k += 2) parts.push(this.t(k + 1))
    if (parts.length === 0) return
    // `join(__dirname, 'rules', name)`: a file somewhere under the folder.
    const holeEnded = this.is(k, PUNCT, ',') && !this.is(k + 1, PUNCT, ')')
    const callee = this.t(at - 2)
    const jscodeshift = callee === 'defineTest' || callee === 'runTest'
    const path = relativePath(jscodeshift ? ['..', parts[0] as string] : parts)
    if (path === undefined) return
    const required = (callee === 'join' || callee === 'resolve') && this.loadedArgument(at - 2)
    if (required && holeEnded)
      this.scan_.imports.push({ spec: `${literalGlob(path)}/**`, kind: 'glob', names: null })
    else if (jscodeshift || required) this.scan_.imports.push({ spec: path, kind: 'require', names: null })
    else strings.add(path)
  }

  /**
   * A require or import of a path its argument (from `open`, the call's `(`) builds: from the
   * file's folder (`__dirname + '/../lib/a'`), a plain require; from a folder known only when the
   * code runs, a `rooted` one of the strings after the last part that cannot be read
   * (`resolve('src/a')`, from the working directory; `join(process.cwd(), 'src', 'a')`,
   * `join(ROOT, 'src/a')`, `ROOT + '/src/a'`, `` `${ROOT}/src/a` ``: all `src/a`). A path joined
   * to the folder by a call is pathFromFolder's. A name alone (`require(file)`) is each value
   * it is declared with (`const file = join(ROOT, 'src/a')`, `let file = './a'`).
   */
  private builtPath(open: number, names: ImportBinding[] | null): void {
    const close = this.match[open] as number
    if (close === open + 2 && this.is(open + 1, IDENT)) {
      const name = this.t(open + 1)
      const values = this.initializersOf(name)
      // One name bound from two modules: see dropCollidingBindings; their records are the same
      // for every call. A name declared over and over is generated code's, not a path's.
      if (values.length > 1) {
        if (values.length > MAX_DECLARED_VALUES || this.expanded.has(name)) return
        this.expanded.add(name)
        names = null
      }
      for (const [from, to] of values) {
        const value =
          to === from + 1 ? (this.is(from, STRING) ? this.t(from) : this.plainTemplate(from)) : undefined
        if (value !== undefined) this.pushBuilt({ spec: value, kind: 'require', names })
        else this.pathIn(from, to, true, names)
      }
    } else if (close > open) this.pathIn(open + 1, close, false, names)
  }

  /**
   * The path the expression from `from` up to `to` builds (see builtPath); `named` when a name
   * holds it, so that a path joined to the folder by a call is this one's too. `names`: what the
   * loader takes of the module (null for the whole).
   */
  private pathIn(from: number, to: number, named: boolean, names: ImportBinding[] | null): void {
    const last = to - 1
    const push = (parts: string[], kind: 'require' | 'rooted'): void => {
      const path = relativePath(kind === 'require' ? ['.', ...parts] : parts)
      const spec = kind === 'rooted' ? path?.replace(/^(?:\.{1,2}\/)+/, '') : path
      if (spec && spec !== '..') this.pushBuilt({ spec, kind, names })
    }
    // A path that ends in a hole (`${ROOT}/src/rules/${name}`): every file under its text before.
    const pushGlob = (pattern: string, relative: boolean): void => {
      if (relative) {
        this.pushBuilt({ spec: `./${pattern.replace(/^\.?\//, '')}`, kind: 'glob', names })
        return
      }
      const rooted = pattern.replace(/^(?:\.{0,2}\/)+/, '')
      // Nothing to go by but the hole: any file.
      if (!/[^*/]/.test(rooted)) return
      this.pushBuilt({ spec: `/${rooted}`, kind: 'glob', names })
    }
    if (this.is(from, TEMPLATE) && this.is(last, TEMPLATE) && last > from) {
      const tail = this.t(last)
      if (this.templateGlob(from, last, named, pushGlob)) return
      // `${ROOT}/src/a`: the text after the last hole.
      if (this.t(from) === '${' && tail.startsWith('/'))
        push([tail], this.isFolder(from + 1, last) ? 'require' : 'rooted')
      return
    }
    const terms = this.termsOf(from, to)
    if (terms.length > 1) {
      const texts = terms.map(term => (this.isString(term) ? this.t(term[0]) : undefined))
      // `'./a' + '.js'`.
      if (texts.every(text => text !== undefined)) {
        this.pushBuilt({ spec: texts.join(''), kind: 'require', names })
        return
      }
      // `ROOT + '/src/a'`, `process.cwd() + '/src' + '/a'`: the strings after the last other term.
      let strings = terms.length
      while (texts[strings - 1] !== undefined) strings--
      const tail = texts.slice(strings) as string[]
      if (tail[0]?.startsWith('/')) {
        push(tail, strings === 1 && this.isFolder(...(terms[0] as [number, number])) ? 'require' : 'rooted')
        return
      }
      // `ROOT + '/src/rules/' + name`, `__dirname + '/rules/' + name + '.js'`, `'./locale/' + lang`.
      this.sumGlob(terms, texts, pushGlob)
      return
    }
    // `path.join(ROOT, 'src', 'a')`, `resolve(process.cwd(), 'src/a')`, `resolve('src/a')`,
    // `require('path').join(…)`.
    const call = this.joinCall(from, to)
    if (!call) return
    const { word, args } = call
    let strings = args.length
    while (strings > 0 && this.isString(args[strings - 1] as [number, number])) strings--
    const parts = args.slice(strings).map(([start]) => this.t(start))
    if (parts.length === 0) {
      // `join(ROOT, 'src', 'rules', name)`: the strings before the holes at the end.
      let end = args.length
      while (end > 0 && !this.isString(args[end - 1] as [number, number])) end--
      let start = end
      while (start > 0 && this.isString(args[start - 1] as [number, number])) start--
      const before = args.slice(start, end).map(([at]) => this.t(at))
      if (before.length === 0 || (word === 'resolve' && before.some(part => part.startsWith('/')))) return
      if (start === 0 && word === 'join') return
      const relative = start === 1 && this.isFolder(...(args[0] as [number, number]))
      // From the file's folder, inside the call: pathFromFolder's.
      if (relative && !named) return
      if (!before.every(part => PATH_TEXT.test(part))) return
      const path = relativePath(['.', ...before]) ?? '.'
      pushGlob(`${literalGlob(path)}/**`, relative)
      return
    }
    if (word === 'resolve' && parts.some(part => part.startsWith('/'))) return
    // All strings: joined, a name node looks up as a package; resolved, a path from the working directory.
    if (strings === 0 && word === 'join') return
    // From the file's folder: inside the call, pathFromFolder's.
    if (strings === 1 && this.isFolder(...(args[0] as [number, number]))) {
      if (named) push(parts, 'require')
      return
    }
    push(parts, 'rooted')
  }

  /**
   * A template from `from` to `last` with a hole after a `/` (`` `${ROOT}/src/rules/${name}` ``),
   * as a pattern (each hole any text): from the file's folder when it opens with the folder
   * (`` `${__dirname}/rules/${name}` ``) or, in a name, with `./` or `../`; else from an unknown
   * one. False when it is not such a template. The pattern of a relative template written in the
   * call itself is globImport's.
   */
  private templateGlob(
    from: number,
    last: number,
    named: boolean,
    pushGlob: (pattern: string, relative: boolean) => void
  ): boolean {
    const pieces: number[] = []
    for (let i = from; i <= last; i++) if (this.kinds[i] === TEMPLATE) pieces.push(i)
    // A template within a hole: not read.
    if (pieces.slice(0, -1).some(i => !this.t(i).endsWith('${'))) return false
    if (!pieces.some(i => this.t(i).endsWith('/${'))) return false
    if (!pieces.every(i => PATH_TEXT.test(this.t(i).replace(/\$\{$/, '')))) return false
    const head = this.t(from)
    let relative = false
    let piece = 0
    if (head === '${') {
      relative = this.isFolder(from + 1, pieces[1] as number)
      piece = 1
    } else if (named && /^\.{1,2}\//.test(head)) relative = true
    else return false
    let pattern = ''
    for (; piece < pieces.length; piece++) {
      const text = this.t(pieces[piece] as number)
      pattern += text.endsWith('${') ? `${literalGlob(text.slice(0, -2))}**` : literalGlob(text)
    }
    pushGlob(pattern, relative)
    return true
  }

  /** The terms of a sum from `from` up to `to` (`a + 'b' + f(c)`): one, or none when a `+` has nothing on a side. */
  private termsOf(from: number, to: number): Array<[number, number]> {
    const terms: Array<[number, number]> = []
    let start = from
    for (let i = from; i <= to; i++) {
      if (i === to || this.is(i, PUNCT, '+')) {
        if (i === start) return []
        terms.push([start, i])
        start = i + 1
      } else if (this.isOpener(i) && (this.match[i] as number) > i) i = this.match[i] as number
    }
    return terms
  }

  /**
   * A sum (its `terms`, and the `texts` of those that are strings) with a term that is not a
   * string after a string that ends in `/` (`ROOT + '/src/rules/' + name`), as a pattern (each
   * term that is not a string any text): from the file's folder when the sum starts with it or
   * with `./` or `../`, else from an unknown one.
   */
  private sumGlob(
    terms: Array<[number, number]>,
    texts: Array<string | undefined>,
    pushGlob: (pattern: string, relative: boolean) => void
  ): void {
    const holed = texts.some((text, t) => t > 0 && text === undefined && texts[t - 1]?.endsWith('/'))
    if (!holed || !texts.every(text => text === undefined || PATH_TEXT.test(text))) return
    const head = texts[0]
    if (head !== undefined && !/^\.{1,2}\//.test(head)) return
    const relative = head !== undefined || this.isFolder(...(terms[0] as [number, number]))
    let pattern = head === undefined ? '' : literalGlob(head)
    for (const text of texts.slice(1)) pattern += text === undefined ? '**' : literalGlob(text)
    pushGlob(pattern, relative)
  }

  /** The records builtPath made. */
  private readonly built = new Set<ImportRecord>()
  private pushBuilt(record: ImportRecord): void {
    this.built.add(record)
    this.scan_.imports.push(record)
  }

  /** Where each name is declared with a value: the `const`, `let` or `var` of `const name = …`. */
  private declarations: Map<string, number[]> | undefined
  private readonly declaredValues = new Map<string, Array<[number, number]>>()
  /** The names declared more than once whose values builtPath has required. */
  private readonly expanded = new Set<string>()
  /** The values (token ranges) a name is declared with anywhere in the file: `const name = …`, `let`, `var`. */
  private initializersOf(name: string): Array<[number, number]> {
    if (!this.declarations) {
      this.declarations = new Map()
      for (let k = 0; k + 3 < this.n; k++)
        if (
          this.is(k + 2, PUNCT, '=') &&
          this.is(k + 1, IDENT) &&
          this.is(k, IDENT) &&
          DECLARES.has(this.t(k))
        ) {
          const at = this.declarations.get(this.t(k + 1))
          if (at) at.push(k)
          else this.declarations.set(this.t(k + 1), [k])
        }
    }
    const found = this.declaredValues.get(name)
    if (found) return found
    const values = (this.declarations.get(name) ?? []).flatMap(k => {
      const end = this.statementEnd(k)
      let to = k + 3
      while (to < end && !this.is(to, PUNCT, ',') && !this.is(to, PUNCT, ';'))
        to = this.isOpener(to) && (this.match[to] as number) > to ? (this.match[to] as number) + 1 : to + 1
      return to > k + 3 ? [[k + 3, to] as [number, number]] : []
    })
    this.declaredValues.set(name, values)
    return values
  }

  /** Whether the tokens from `from` up to `to` are the file's folder: `__dirname`, `import.meta.dirname`. */
  private isFolder(from: number, to: number): boolean {
    if (to === from + 1) return this.is(from, IDENT, '__dirname')
    return (
      to === from + 5 &&
      this.is(from, IDENT, 'import') &&
      this.is(from + 2, IDENT, 'meta') &&
      this.is(from + 4, IDENT, 'dirname')
    )
  }

  /** The token ranges of the arguments of the call whose `(` is at `open`. */
  private argumentsOf(open: number): Array<[number, number]> {
    const close = this.match[open] as number
    const args: Array<[number, number]> = []
    if (!(close > open)) return args
    for (let start = open + 1, i = start; i <= close; i++) {
      if (i === close || this.is(i, PUNCT, ',')) {
        if (i > start) args.push([start, i])
        start = i + 1
      } else if (this.isOpener(i) && (this.match[i] as number) > i) i = this.match[i] as number
    }
    return args
  }

  /**
   * A path joined from a folder known only when the code runs, of strings alone after it
   * (`join(ROOT, 'dist', 'index.js')`, `resolve(process.cwd(), 'bin', 'cli.js')`), kept in
   * `strings` as the path from some folder (`dist/index.js`), as if it were written so: a test
   * runs a built file by such a path, which its parts alone do not name. A folder held by a name
   * counts as the value it is declared with (`const DIST = join(ROOT, 'dist')`, then
   * `join(DIST, 'index.js')`), and from the file's folder (`resolve(__dirname, '../dist')`) the
   * path is kept from there (`./../dist/index.js`). Joined to the file's folder itself, it is
   * pathFromFolder's; handed to a loader (`require(join(ROOT, 'src', 'a.js'))`), builtPath's.
   */
  private rootedJoin(open: number, strings: Set<string>): void {
    if (!this.is(open, PUNCT, '(') || this.loadedArgument(open - 1)) return
    const [root, ...parts] = this.argumentsOf(open)
    if (!root || parts.length === 0 || this.isString(root) || this.isFolder(...root)) return
    if (!parts.every(part => this.isString(part))) return
    const folder = this.folderPath(...root, 0)
    const texts = parts.map(([at]) => this.t(at))
    const path = folder.relative
      ? relativePath(['.', folder.path, ...texts])
      : relativePath([folder.path, ...texts])?.replace(/^(?:\.{1,2}\/)+/, '')
    if (path?.includes('/') && keptAsPath(path)) strings.add(path)
  }

  /**
   * The folder the tokens from `from` up to `to` hold, for rootedJoin: from the file's folder
   * (`relative`), or from one known only when the code runs (`path` after it, '' for the folder
   * itself). A name is followed to the one value it is declared with, a `join` or `resolve` of a
   * folder and strings to that folder, a few steps deep.
   */
  private folderPath(from: number, to: number, depth: number): { path: string; relative: boolean } {
    const unknown = { path: '', relative: false }
    if (this.isFolder(from, to)) return { path: '.', relative: true }
    if (depth > 3) return unknown
    if (to === from + 1 && this.is(from, IDENT)) {
      const values = this.initializersOf(this.t(from))
      return values.length === 1 ? this.folderPath(...(values[0] as [number, number]), depth + 1) : unknown
    }
    const [root, ...parts] = this.joinCall(from, to)?.args ?? []
    if (!root || this.isString(root) || !parts.every(part => this.isString(part))) return unknown
    const folder = this.folderPath(...root, depth + 1)
    const path = relativePath([folder.path, ...parts.map(([at]) => this.t(at))])
    return path === undefined ? unknown : { path, relative: folder.relative }
  }

  /**
   * The tokens from `from` up to `to` as a `join` or `resolve` call (`join(`, `path.join(`,
   * `require('path').join(`): its name and the token ranges of its arguments.
   */
  private joinCall(from: number, to: number): { word: string; args: Array<[number, number]> } | undefined {
    let callee = from
    if (this.is(from, IDENT, 'require') && this.is(from + 2, STRING) && this.is(from + 3, PUNCT, ')'))
      callee = this.is(from + 4, PUNCT, '.') ? from + 5 : from
    while (this.is(callee, IDENT) && this.is(callee + 1, PUNCT, '.')) callee += 2
    const word = this.t(callee)
    if (!this.is(callee, IDENT) || (word !== 'join' && word !== 'resolve')) return undefined
    if (!this.is(callee + 1, PUNCT, '(') || this.match[callee + 1] !== to - 1) return undefined
    return { word, args: this.argumentsOf(callee + 1) }
  }

  /**
   * Whether the call whose name is at `name` (`join`, of `path.join` or `require('path').join`)
   * is what a loader is handed: `require(…)`, a jest or vitest module helper, `require.resolve(…)`.
   */
  private loadedArgument(name: number): boolean {
    const start = !this.is(name - 1, PUNCT, '.')
      ? name
      : this.is(name - 2, IDENT)
        ? name - 2
        : this.is(name - 2, PUNCT, ')') && this.is(name - 3, STRING) && this.is(name - 5, IDENT, 'require')
          ? name - 5
          : name
    const loader = start - 2
    return (
      this.is(start - 1, PUNCT, '(') &&
      ((this.is(loader, IDENT, 'require') && !this.is(loader - 1, PUNCT, '.')) ||
        this.mockCall(loader, this.readAsMember(loader)) ||
        this.requireResolve(loader, this.readAsMember(loader)))
    )
  }

  private isString([from, to]: [number, number]): boolean {
    return to === from + 1 && this.is(from, STRING)
  }

  /**
   * The name of `const io = require('x')` (or `let`, `var`; or `= await import('x')`, `eq` the
   * `=`) when the declaration is that alone, ended by `;` or a line break.
   */
  private requiredAs(k: number, eq = k - 1): string | undefined {
    const name = this.declaredBy(eq)
    return name !== undefined && this.is(k + 3, PUNCT, ')') && this.endsDeclaration(k + 4) ? name : undefined
  }

  /** The name that `eq`, a `=`, gives a value to in `const name =` (or `let`, `var`). */
  private declaredBy(eq: number): string | undefined {
    return this.is(eq, PUNCT, '=') && this.is(eq - 1, IDENT) && DECLARES.has(this.t(eq - 2))
      ? this.t(eq - 1)
      : undefined
  }

  /** Does a declaration end before token k: at the end, a `;`, or a line break before a name? */
  private endsDeclaration(k: number): boolean {
    return k >= this.n || this.is(k, PUNCT, ';') || (this.newline[k] === true && this.kinds[k] === IDENT)
  }

  /**
   * `const a = require('x').b` (`eq` the `=`, `close` the call's `)`) or `const a = (await
   * import('x')).b` (`close` the `)` around it) reads only `b` of the module, bound to `a`, when
   * the declaration is that alone, ended by `;` or a line break.
   */
  private memberBinding(eq: number, close: number): ImportBinding[] | null {
    const local = this.declaredBy(eq)
    if (local === undefined || !this.is(close, PUNCT, ')') || !this.is(close + 1, PUNCT, '.')) return null
    if (!this.is(close + 2, IDENT) || !this.endsDeclaration(close + 3)) return null
    const names = [{ imported: this.t(close + 2), local }]
    if (!this.atTopLevel(eq)) this.nestedBindings.add(names)
    return names
  }

  /**
   * `import('x').then(({ a, b: c }) => …)` (or `function ({ a }) {…}`), with `import` at k: the
   * callback reads only `a` and `b` of the module (see destructuredBindings).
   */
  private thenBindings(k: number): ImportBinding[] | null {
    const callback = this.thenArgument(k)
    const open = callback === undefined ? undefined : this.parametersOf(callback)
    if (open === undefined || !this.is(open + 1, PUNCT, '{')) return null
    const close = this.match[open + 1] as number
    if (!this.is(close + 1, PUNCT, ')')) return null
    const names = this.bindingList(open + 1, close)
    if (names) this.nestedBindings.add(names)
    return names
  }

  /**
   * The module's name in `import('x').then(m => …)` (or `(m) =>`, `function (m)`, `async`), with
   * `import` at k.
   */
  private thenParameter(k: number): string | undefined {
    const callback = this.thenArgument(k)
    if (callback === undefined) return undefined
    const open = this.parametersOf(callback)
    const at =
      this.is(callback, IDENT) && this.is(callback + 1, PUNCT, '=>')
        ? callback
        : open !== undefined && this.is(open + 1, IDENT) && this.is(open + 2, PUNCT, ')')
          ? open + 1
          : undefined
    if (at === undefined) return undefined
    this.moduleParameters.add(at)
    return this.t(at)
  }

  /** Where the parameters of thenParameter are declared. */
  private readonly moduleParameters = new Set<number>()

  /** The first token of the callback in `import('x').then(…)` (past `async`), with `import` at k. */
  private thenArgument(k: number): number | undefined {
    if (!this.is(k + 3, PUNCT, ')') || !this.is(k + 4, PUNCT, '.') || !this.is(k + 5, IDENT, 'then'))
      return undefined
    if (!this.is(k + 6, PUNCT, '(')) return undefined
    return this.is(k + 7, IDENT, 'async') && !this.is(k + 8, PUNCT, '=>') ? k + 8 : k + 7
  }

  /** The `(` of the parameters of the function expression at `callback` (an arrow or `function`). */
  private parametersOf(callback: number): number | undefined {
    if (this.is(callback, PUNCT, '(')) {
      const close = this.match[callback] as number
      return this.is(close + 1, PUNCT, '=>') ? callback : undefined
    }
    if (this.is(callback, IDENT, 'function') && this.is(callback + 1, PUNCT, '(')) return callback + 1
    return undefined
  }

  /** Records `local` as bound to the whole module of `record` (see findNarrowNamespaces). */
  private noteModuleLocal(record: ImportRecord, local: string | undefined): void {
    if (local === undefined) return
    this.moduleLocals.set(local, (this.moduleLocals.get(local) ?? 0) + 1)
    const spec = this.moduleLocalSpecs.get(local)
    this.moduleLocalSpecs.set(local, spec === undefined || spec === record.spec ? record.spec : null)
    this.moduleLocalRecords.set(record, local)
  }

  /**
   * `const { a, b: c } = require('x')` (or `= await import('x')`, `eq` the `=`) reads only `a` and
   * `b` of the module: named bindings, as an import would have. Anything else (a plain binding,
   * defaults, rest, nesting, a member access on the call) reaches the whole module: null. So does
   * one inside a function whose names another binding or a top-level declaration has (see
   * dropCollidingBindings): a module has one binding per name.
   */
  private destructuredBindings(k: number, eq = k - 1, end = k + 3): ImportBinding[] | null {
    if (!this.is(end, PUNCT, ')') || this.is(end + 1, PUNCT, '.') || this.is(end + 1, PUNCT, '[')) return null
    if (this.is(end + 1, PUNCT, '(') || !this.is(eq, PUNCT, '=') || !this.is(eq - 1, PUNCT, '}')) return null
    const close = eq - 1
    const open = this.match[close] as number
    if (open < 0 || !this.is(open, PUNCT, '{')) return null
    const declaration = this.t(open - 1)
    if (declaration !== 'const' && declaration !== 'let' && declaration !== 'var') return null
    const names = this.bindingList(open, close)
    if (names && !this.atTopLevel(open)) this.nestedBindings.add(names)
    return names
  }

  /** The names of a destructuring pattern `{ a, b: c }` from `open` to `close`; null for any other. */
  private bindingList(open: number, close: number): ImportBinding[] | null {
    const names: ImportBinding[] = []
    for (let i = open + 1; i < close;) {
      if (!this.is(i, IDENT)) return null
      const imported = this.t(i)
      let local = imported
      i++
      if (this.is(i, PUNCT, ':')) {
        if (!this.is(i + 1, IDENT)) return null
        local = this.t(i + 1)
        i += 2
      }
      names.push({ imported, local })
      if (this.is(i, PUNCT, ',')) i++
      else if (i !== close) return null
    }
    return names.length ? names : null
  }

  /** Bindings destructured inside a function or block (see destructuredBindings). */
  private readonly nestedBindings = new Set<ImportBinding[]>()

  /** Is token k outside every bracket? */
  private atTopLevel(k: number): boolean {
    for (let j = 0; j < k; j++) {
      const close = this.match[j] as number
      if (close <= j) continue
      if (close > k) return false
      j = close
    }
    return true
  }

  /**
   * A module has one binding per name, which wins over a declaration of it (see stepForward): a
   * destructured require or import inside a function whose names another import binds to
   * something else, or a top-level declaration has, reaches the whole module instead, so that
   * neither is lost. The same name taken from the same module in several functions is one binding.
   */
  private dropCollidingBindings(): void {
    if (this.nestedBindings.size === 0) return
    const bound = new Map<string, string>()
    for (const record of this.scan_.imports)
      for (const { local, imported } of record.names ?? []) {
        if (!local) continue
        const source = `${record.spec}\u0000${imported}`
        bound.set(local, bound.has(local) && bound.get(local) !== source ? '' : source)
      }
    for (const record of this.scan_.imports) {
      if (!record.names || !this.nestedBindings.has(record.names)) continue
      const collides = record.names.some(
        ({ local }) => bound.get(local) === '' || Object.hasOwn(this.scan_.symbols, local)
      )
      if (collides) record.names = null
    }
  }

  /**
   * The patterns of a glob import at call `k`: `import.meta.glob(pattern | [patterns])` (negated
   * patterns left out: the rest loads more), or `import(…)` / `require(…)` of a template with
   * holes, each hole any text.
   */
  private globImport(k: number): string[] {
    const word = this.t(k)
    if (
      (word === 'glob' || word === 'globEager') &&
      this.is(k - 1, PUNCT, '.') &&
      this.is(k - 2, IDENT, 'meta') &&
      this.is(k - 3, PUNCT, '.') &&
      this.is(k - 4, IDENT, 'import')
    ) {
      const patterns: string[] = []
      const first = this.is(k + 2, PUNCT, '[') ? k + 3 : k + 2
      for (let i = first; this.is(i, STRING) || this.is(i, TEMPLATE); i += 2) {
        const text = this.t(i)
        if (this.is(i, TEMPLATE) && text.endsWith('${')) break
        if (!text.startsWith('!')) patterns.push(text)
        if (first === k + 2 || !this.is(i + 1, PUNCT, ',')) break
      }
      return patterns
    }
    if ((word !== 'import' && word !== 'require') || this.readAsMember(k)) return []
    if (!this.is(k + 2, TEMPLATE) || !this.t(k + 2).endsWith('${')) return []
    let pattern = ''
    for (let i = k + 2; i < this.n; i++) {
      if (!this.is(i, TEMPLATE)) continue
      const text = this.t(i)
      if (!text.endsWith('${')) pattern += literalGlob(text)
      else pattern += `${literalGlob(text.slice(0, -2))}**`
      if (!text.endsWith('${')) break
    }
    return /^\.{1,2}\//.test(pattern) ? [pattern] : []
  }

  /**
   * The text of a template from before its last hole to its end, when the hole is a constant of
   * literal strings, once per value: `${srcDir}/modules/` after
   * `const srcDir = inDist ? 'dist' : 'src'` is `dist/modules/` and `src/modules/`, where the text
   * after the hole alone (`/modules/`) names every folder called `modules`. Undefined otherwise,
   * and when a value filled in makes something other than a path.
   */
  private holeFilled(k: number): string[] | undefined {
    if (this.kinds[k] !== TEMPLATE || !this.is(k - 1, IDENT) || !this.is(k - 2, TEMPLATE)) return undefined
    const before = this.t(k - 2)
    if (!before.endsWith('${')) return undefined
    const filled = this.literalConstants()
      .get(this.t(k - 1))
      ?.map(value => before.slice(0, -2) + value + this.t(k))
    // Not a path once filled (`${baseUrl}/auth/callback`, a URL): the text after the hole is its path.
    return filled?.every(keptAsPath) ? filled : undefined
  }

  private constants: Map<string, string[]> | undefined
  /**
   * Names bound only by `const name = 'a'` or `const name = test ? 'a' : 'b'` (each declaration's
   * values count), and otherwise only read where nothing can bind them (see surelyRead).
   */
  private literalConstants(): Map<string, string[]> {
    if (this.constants) return this.constants
    const values = new Map<string, string[]>()
    const declarations = new Set<number>()
    const rejected = new Set<string>()
    for (let k = 0; k + 3 < this.n; k++) {
      if (!this.is(k, IDENT, 'const') || !this.is(k + 1, IDENT) || !this.is(k + 2, PUNCT, '=')) continue
      const name = this.t(k + 1)
      const literal = this.literalValues(k + 3, this.statementEnd(k))
      if (!literal) rejected.add(name)
      else {
        declarations.add(k + 1)
        values.set(name, [...(values.get(name) ?? []), ...literal])
      }
    }
    if (values.size)
      for (let k = 0; k < this.n; k++)
        if (this.kinds[k] === IDENT && values.has(this.t(k)) && !declarations.has(k) && !this.surelyRead(k))
          rejected.add(this.t(k))
    for (const name of rejected) values.delete(name)
    return (this.constants = values)
  }

  /** The values of an initializer from `from` to `end`: a string, or `test ? 'a' : 'b'` with a plain test. */
  private literalValues(from: number, end: number): string[] | undefined {
    const last = this.is(end - 1, PUNCT, ';') ? end - 1 : end
    if (last === from + 1 && this.is(from, STRING)) return [this.t(from)]
    if (
      last - from < 5 ||
      !this.is(last - 4, PUNCT, '?') ||
      !this.is(last - 3, STRING) ||
      !this.is(last - 2, PUNCT, ':') ||
      !this.is(last - 1, STRING)
    )
      return undefined
    for (let k = from; k < last - 4; k++)
      if (this.kinds[k] === PUNCT && (this.texts[k] === '?' || this.texts[k] === ':')) return undefined
    return [this.t(last - 3), this.t(last - 1)]
  }

  /**
   * Is the name at k read there, where no declaration, parameter or pattern can bind it: a member
   * (`x.name`, `name.x`), a template's hole, an operand, a returned value, or an argument of a
   * method call (`path.split(name)`)?
   */
  private surelyRead(k: number): boolean {
    // A parameter (`d => …`), or a target (`d = …`, a pattern's default).
    if (this.is(k + 1, PUNCT, '=>') || this.is(k + 1, PUNCT, '=')) return false
    if (this.readAsMember(k) || (this.is(k + 1, PUNCT, '.') && !this.is(k + 2, PUNCT, '.'))) return true
    if (this.is(k - 1, TEMPLATE) && this.t(k - 1).endsWith('${') && this.is(k + 1, TEMPLATE)) return true
    if (this.is(k - 1, IDENT) && READ_AFTER_WORDS.has(this.t(k - 1))) return true
    if (this.is(k - 1, PUNCT) && READ_AFTER_OPERATORS.has(this.t(k - 1))) return true
    if (this.is(k + 1, PUNCT, '+')) return true
    if (
      !(this.is(k - 1, PUNCT, '(') || this.is(k - 1, PUNCT, ',')) ||
      !(this.is(k + 1, PUNCT, ')') || this.is(k + 1, PUNCT, ','))
    )
      return false
    const open = this.enclosingOpen(k)
    return open > 1 && this.is(open, PUNCT, '(') && this.is(open - 1, IDENT) && this.is(open - 2, PUNCT, '.')
  }

  /** The bracket that holds token k, or -1. */
  private enclosingOpen(k: number): number {
    for (let i = k - 1; i >= 0; i--) {
      if (this.kinds[i] !== PUNCT) continue
      const text = this.texts[i]
      if (text === ')' || text === ']' || text === '}') {
        const open = this.match[i] as number
        if (open < 0) return -1
        i = open
      } else if (text === '(' || text === '[' || text === '{') return i
    }
    return -1
  }

  private plainTemplate(k: number): string | undefined {
    if (!this.is(k, TEMPLATE)) return undefined
    const text = this.texts[k] as string
    return text.endsWith('${') ? undefined : text
  }

  // ── statement boundaries ─────────────────────────────────────────────────

  private endsExpression(k: number): boolean {
    if (k < 0) return false
    const kind = this.kinds[k]
    const text = this.texts[k] as string
    if (kind === IDENT) {
      if (text === 'const' && this.is(k - 1, IDENT, 'as')) return true
      return !CONTINUATION_WORDS.has(text) && !STATEMENT_KEYWORDS.has(text)
    }
    if (kind === PUNCT) return text === ')' || text === ']' || text === '}'
    if (kind === TEMPLATE) return !text.endsWith('${')
    return kind === STRING || kind === NUMBER || kind === REGEX || kind === JSX
  }

  private startsStatement(k: number): boolean {
    const kind = this.kinds[k]
    if (kind === IDENT) return !CONTINUATION_WORDS.has(this.texts[k] as string)
    if (kind === PUNCT) return this.texts[k] === '@'
    return kind === STRING
  }

  /** `type A = …`, `declare …` (after `export`): a statement of types alone. */
  private startsTypeStatement(k: number): boolean {
    if (this.is(k, IDENT, 'export')) k++
    if (this.is(k, IDENT, 'declare') && !this.is(k + 1, PUNCT, '(')) return true
    return this.is(k, IDENT, 'type') && this.is(k + 1, IDENT)
  }

  /** A declaration keyword on a new line after a type that ends in `>` (`let a: B<C>`). */
  private declarationAfterType(k: number): boolean {
    if (!this.is(k - 1, PUNCT, '>')) return false
    const word = this.t(k)
    return (
      (word === 'abstract' && this.is(k + 1, IDENT, 'class')) ||
      (word === 'async' && this.is(k + 1, IDENT, 'function')) ||
      word === 'export' ||
      word === 'import' ||
      word === 'const' ||
      word === 'let' ||
      word === 'var' ||
      word === 'function' ||
      word === 'class' ||
      word === 'interface' ||
      word === 'enum' ||
      word === 'declare' ||
      (word === 'type' && this.is(k + 1, IDENT))
    )
  }

  private skipDecorators(k: number): number {
    while (this.is(k, PUNCT, '@')) {
      k++
      while (this.is(k, IDENT) && this.is(k + 1, PUNCT, '.')) k += 2
      if (this.is(k, IDENT)) k++
      if (this.is(k, PUNCT, '(')) k = this.after(k)
    }
    return k
  }

  /** Index after the bracket group that opens at k. */
  private after(k: number): number {
    const close = this.match[k] as number
    return close > k ? close + 1 : k + 1
  }

  private isBlockDeclaration(k: number): boolean {
    k = this.skipDecorators(k)
    while (this.is(k, IDENT) && MODIFIERS.has(this.t(k))) k++
    if (this.is(k, IDENT, 'const') && this.is(k + 1, IDENT, 'enum')) return true
    if (!this.is(k, IDENT) || !BLOCK_DECLARATIONS.has(this.t(k))) return false
    if (this.t(k) === 'module' || this.t(k) === 'namespace')
      return this.is(k + 1, IDENT) || this.is(k + 1, STRING)
    return true
  }

  private statementEnd(start: number): number {
    const { kinds, texts, newline, n } = this
    const block = this.isBlockDeclaration(start)
    let k = this.skipDecorators(start)
    // An import or export of names (`import … from 'a'`, `import 'a'`, `import a = require('a')`,
    // `export { a }`, `export * from 'a'`) never goes on with a `(`, `[` or template on a new line:
    // that line is a statement of its own (code without semicolons).
    const namesModule =
      (this.is(k, IDENT, 'import') && !this.is(k + 1, PUNCT, '(') && !this.is(k + 1, PUNCT, '.')) ||
      (this.is(k, IDENT, 'export') &&
        (this.is(k + 1, PUNCT, '{') ||
          this.is(k + 1, PUNCT, '*') ||
          (this.is(k + 1, IDENT, 'type') && this.is(k + 2, PUNCT, '{'))))
    // A type alias or an ambient declaration is all types: a `>` that ends a line there closes
    // type arguments, and a statement may start on the next line.
    const allTypes = this.startsTypeStatement(k)
    for (; k < n; k++) {
      if (
        namesModule &&
        k > start &&
        newline[k] &&
        (this.is(k, PUNCT, '(') || this.is(k, PUNCT, '[') || kinds[k] === TEMPLATE)
      )
        return k
      if (
        k > start &&
        newline[k] &&
        this.startsStatement(k) &&
        (this.endsExpression(k - 1) ||
          this.declarationAfterType(k) ||
          (allTypes && this.is(k - 1, PUNCT, '>')))
      ) {
        if (!block || STATEMENT_KEYWORDS.has(texts[k] as string)) return k
      }
      if (kinds[k] !== PUNCT) continue
      const text = texts[k]
      if (text === ';') return k + 1
      if (text === '(' || text === '[') {
        k = this.after(k) - 1
      } else if (text === '{') {
        const close = this.match[k] as number
        if (close < 0) return n
        const isBody = block && !NOT_BODY_BEFORE.has(this.t(k - 1))
        k = close
        if (isBody) return this.is(k + 1, PUNCT, ';') ? k + 2 : k + 1
      } else if (text === '}' || text === ')' || text === ']') {
        // A stray closing bracket: end here so that the scan keeps going.
        return k > start ? k : k + 1
      }
    }
    return n
  }

  // ── one statement ────────────────────────────────────────────────────────

  private statement(start: number, end: number): void {
    const k = this.skipDecorators(start)
    // Decorators on a line of their own end a statement before the class they decorate.
    if (k > start && k >= end) this.decoratorsEndAt = end
    const word = this.t(k)
    if (this.is(k, IDENT, 'import') && !this.is(k + 1, PUNCT, '(') && !this.is(k + 1, PUNCT, '.')) {
      this.scan_.esm = true
      return this.importStatement(k + 1, end)
    }
    if (this.is(k, IDENT, 'export')) {
      this.scan_.esm = true
      const next = k + 1
      if (this.is(next, PUNCT, '*')) return this.exportStar(next + 1, end)
      if (this.is(next, PUNCT, '{')) return this.exportList(next, end)
      if (this.is(next, IDENT, 'type') && this.is(next + 1, PUNCT, '{'))
        return this.exportList(next + 1, end, true)
      if (this.is(next, IDENT, 'default')) return this.declaration(start, next + 1, end, 'default')
      if (this.is(next, PUNCT, '=') || this.is(next, IDENT, 'import') || this.is(next, IDENT, 'as'))
        return this.moduleStatement(start, end)
      return this.declaration(start, next, end, 'named')
    }
    if (word && this.is(k, IDENT)) {
      const commonJs = this.commonJsExport(k, end)
      if (commonJs) {
        this.commonJsExports.push({ ...commonJs, start, end })
        return
      }
      return this.otherStatement(start, k, end)
    }
    this.moduleStatement(start, end)
  }

  /** A statement that starts with a name: a declaration, a property assignment or code run on load. */
  private otherStatement(start: number, k: number, end: number): void {
    const mixin = this.prototypeMixin(k, end)
    if (mixin) this.prototypeMixins.push(mixin)
    const assignment = this.propertyAssignment(k, end)
    if (!assignment) return this.declaration(start, k, end, 'none')
    this.propertyStatements.push({ ...assignment, start, end })
    const { target, member, onPrototype } = assignment
    if (onPrototype ? member === '__proto__' : member === 'prototype') this.prototypeReplaced.add(target)
  }

  /** CommonJS export statements, placed once the whole module is read (placeCommonJsExports). */
  private readonly commonJsExports: Array<{
    start: number
    /** Where the statement's tokens start (after decorators: none here). */
    at: number
    end: number
    /** `exports.name = value`: the name; else the statement is `module.exports = value`. */
    name?: string
    /** Where the value starts. */
    value: number
    /** The value is an object of names (exportedNameEnd). */
    names?: boolean
    /** The index of the statement's `exports` token. */
    exportsAt: number
  }> = []

  /**
   * `exports.name = value`, `module.exports.name = value`, or `module.exports = value` (names with
   * `{ a, b: c }`) at k: a CommonJS export statement.
   */
  private commonJsExport(
    k: number,
    end: number
  ): { at: number; name?: string; value: number; names?: boolean; exportsAt: number } | undefined {
    let j = k
    if (this.is(j, IDENT, 'module') && this.is(j + 1, PUNCT, '.') && this.is(j + 2, IDENT, 'exports')) j += 2
    else if (!this.is(j, IDENT, 'exports')) return undefined
    const exportsAt = j
    if (this.is(j + 1, PUNCT, '.') && this.is(j + 2, IDENT) && this.is(j + 3, PUNCT, '=') && j + 4 < end)
      return { at: k, name: this.t(j + 2), value: j + 4, exportsAt }
    if (exportsAt === k || !this.is(j + 1, PUNCT, '=') || j + 2 >= end) return undefined
    const value = { at: k, value: j + 2, exportsAt }
    if (!this.is(j + 2, PUNCT, '{')) return value
    const close = this.after(j + 2)
    if (close !== end && !(close === end - 1 && this.is(close, PUNCT, ';'))) return value
    for (let i = j + 3; i < close - 1;) {
      const next = this.exportedNameEnd(i, close - 1)
      if (next < 0 || (next !== close - 1 && !this.is(next, PUNCT, ','))) return value
      i = next + 1
    }
    return { ...value, names: true }
  }

  /**
   * Where a property of `module.exports = { … }` that gives a name ends, or -1: `a`, `b: c` or
   * `d: e.f` (the last, a member of a required module, say), with `close` the object's `}`.
   */
  private exportedNameEnd(i: number, close: number): number {
    if (this.is(i, IDENT) && (this.is(i + 1, PUNCT, ',') || i + 1 === close)) return i + 1
    if ((!this.is(i, IDENT) && !this.is(i, STRING)) || !this.is(i + 1, PUNCT, ':') || !this.is(i + 2, IDENT))
      return -1
    return this.is(i + 3, PUNCT, '.') && this.is(i + 4, IDENT) ? i + 5 : i + 3
  }

  /**
   * A module whose every use of `exports` and `module.exports` is a CommonJS export statement, at
   * most one of them replacing `module.exports`, exports by name: `exports.name = value` is a
   * declaration (`exports.name`) of what it stores, run on load when the value runs code;
   * `module.exports = { a, b: c }` names its exports; `module.exports = value` is a declaration
   * (`module.exports`) that only the module's whole reaches. Any other use (`exports.a()` in a
   * function, `Object.assign(exports, …)`, a second replacement) leaves the statements as code run
   * on load and the module whole.
   */
  private placeCommonJsExports(): void {
    const statements = this.commonJsExports
    if (statements.length === 0) return
    const covered = new Set(statements.map(s => s.exportsAt))
    let readable = !this.scan_.esm && statements.filter(s => s.name === undefined).length <= 1
    for (let k = 0; k < this.n && readable; k++)
      if (this.kinds[k] === IDENT && this.texts[k] === 'exports' && !covered.has(k)) {
        const member = this.readAsMember(k)
        if (!member || this.is(k - 2, IDENT, 'module')) readable = false
      }
    for (const { start, at, end, name, value, names } of statements) {
      if (!readable) {
        this.otherStatement(start, at, end)
        continue
      }
      const exports = this.scan_.exports
      if (names) {
        const close = this.after(value)
        for (let i = value + 1; i < close - 1;) {
          const next = this.exportedNameEnd(i, close - 1)
          const holder = next === i + 1 ? this.t(i) : this.t(i + 2)
          // `e.f` is the member binding when `e` is a narrowed namespace, else all of `e`.
          exports[this.t(i)] =
            next === i + 5 && this.narrowNamespaces.has(holder) ? `${holder}.${this.t(i + 4)}` : holder
          i = next + 1
        }
        continue
      }
      const to = this.is(end - 1, PUNCT, ';') ? end - 1 : end
      if (
        name !== undefined &&
        value + 1 === to &&
        this.is(value, IDENT) &&
        !NOT_REFERENCES.has(this.t(value))
      ) {
        exports[name] = this.t(value)
        continue
      }
      // `module.exports = value` is what a require of the module takes: a declaration of it that
      // the module's whole reaches, and that code reading no export of it does not.
      const local = name === undefined ? 'module.exports' : `exports.${name}`
      const refs = this.references(value, end)
      const fnShape = this.spans && this.isFunctionExpression(value, to) ? 'const' : ''
      this.addSymbol(local, start, end, refs, '', fnShape)
      // As a declaration's: what runs on load changes when the statement does.
      if (this.executesOnLoad(value, end))
        this.runsOnLoadDeferring(value, end, local, value, to, [local, ...refs])
      if (name !== undefined) exports[name] = local
    }
  }

  /**
   * `F.name = value` or `F.prototype.name = value` (a string key in brackets too: `F.prototype['@@x']`):
   * F's name, the member, whether the value is inert (a literal, a name, `G.prototype`, an array
   * or object of those, or a function that is not called), and whether it is such a function. An inert one calls no code of the module
   * on load, so only the holders of F can observe it; another runs its value then, but reads F only
   * to set a property on it.
   */
  private propertyAssignment(
    k: number,
    end: number
  ):
    | { target: string; member: string; onPrototype: boolean; inert: boolean; fn: boolean; valueAt: number }
    | undefined {
    const target = this.t(k)
    if (NOT_REFERENCES.has(target) || !this.is(k, IDENT)) return undefined
    const key = (at: number): { name: string; next: number } | undefined =>
      this.is(at, PUNCT, '.') && this.is(at + 1, IDENT)
        ? { name: this.t(at + 1), next: at + 2 }
        : this.is(at, PUNCT, '[') && this.is(at + 1, STRING) && this.is(at + 2, PUNCT, ']')
          ? { name: this.t(at + 1), next: at + 3 }
          : undefined
    const first = key(k + 1)
    if (!first) return undefined
    let { name: member, next: j } = first
    const second = member === 'prototype' ? key(j) : undefined
    const onPrototype = second !== undefined
    if (second) ({ name: member, next: j } = second)
    if (!this.is(j, PUNCT, '=')) return undefined
    const to = this.is(end - 1, PUNCT, ';') ? end - 1 : end
    const inert = this.inertExpression(j + 1, to)
    const fn = inert && this.isFunctionExpression(j + 1, to)
    return { target, member, onPrototype, inert, fn, valueAt: j + 1 }
  }

  private inertExpression(from: number, to: number): boolean {
    if (from >= to) return false
    let k = from
    if (
      this.is(k, IDENT, 'async') &&
      (this.is(k + 1, IDENT, 'function') || this.is(k + 1, PUNCT, '(') || this.is(k + 2, PUNCT, '=>'))
    )
      k++
    if (this.is(k, IDENT, 'function')) {
      while (k < to && !this.is(k, PUNCT, '(')) k++
      const close = this.after(k)
      return this.is(close, PUNCT, '{') && this.after(close) === to
    }
    const arrow = this.is(k, PUNCT, '(') ? this.after(k) : this.is(k, IDENT) ? k + 1 : -1
    if (arrow > k && this.is(arrow, PUNCT, '=>')) {
      if (this.is(arrow + 1, PUNCT, '{')) return this.after(arrow + 1) === to
      // An expression body ends at a top-level comma: `F.x = a => a, f()` calls f on load.
      return this.skipExpressionBody(arrow + 1, to) === to
    }
    return this.inertValue(from, to) === to
  }

  /** The index after an inert value starting at k, or -1. */
  private inertValue(k: number, to: number): number {
    if (k >= to) return -1
    const kind = this.kinds[k]
    const text = this.t(k)
    if (kind === STRING || kind === NUMBER || kind === REGEX) return k + 1
    if (kind === TEMPLATE) return text.endsWith('${') ? -1 : k + 1
    if (kind === IDENT) {
      if (text === 'true' || text === 'false' || text === 'null' || text === 'undefined') return k + 1
      if (NOT_REFERENCES.has(text)) return -1
      if (this.is(k + 1, PUNCT, '.'))
        return this.is(k + 2, IDENT, 'prototype') && !this.is(k + 3, PUNCT, '.') ? k + 3 : -1
      return k + 1
    }
    if (this.is(k, PUNCT, '-') && this.is(k + 1, NUMBER)) return k + 2
    const close = this.match[k] as number
    if (this.is(k, PUNCT, '[') && close > k && close < to) {
      let j = k + 1
      while (j < close) {
        j = this.inertValue(j, close)
        if (j < 0) return -1
        if (this.is(j, PUNCT, ',')) j++
        else if (j !== close) return -1
      }
      return close + 1
    }
    if (this.is(k, PUNCT, '{') && close > k && close < to) {
      let j = k + 1
      while (j < close) {
        const key = this.kinds[j]
        if (key !== IDENT && key !== STRING && key !== NUMBER) return -1
        if (this.is(j + 1, PUNCT, ':')) {
          j = this.inertValue(j + 2, close)
          if (j < 0) return -1
        } else if (key === IDENT && !NOT_REFERENCES.has(this.t(j))) {
          j++ // shorthand
        } else return -1
        if (this.is(j, PUNCT, ',')) j++
        else if (j !== close) return -1
      }
      return close + 1
    }
    return -1
  }

  /**
   * An inert property assignment on a local function or plain class belongs to that declaration:
   * what it stores is reached by whoever reaches the declaration. On anything else (an import, a
   * global, a class whose setters or base class could run) it stays a statement run on load.
   */
  private placePropertyStatements(): void {
    // Decided before any statement is placed: placing one as run-on-load adds to moduleRefs.
    const handedToLoad = new Set(this.moduleRefs)
    const placements = this.propertyStatements.map(({ target, onPrototype }) => {
      const plain = this.functionNames.has(target) || this.plainClasses.has(target)
      // Code run on load could give F setters (defineProperty, setPrototypeOf), and after
      // `F.prototype = C.prototype`, `F.prototype.x = …` can run C's setters.
      return plain && !handedToLoad.has(target) && !(onPrototype && this.prototypeReplaced.has(target))
    })
    for (const [i, statement] of this.propertyStatements.entries()) {
      const { target, start, end, inert, fn, valueAt } = statement
      const key = `${target}.${statement.onPrototype ? 'prototype.' : ''}${statement.member}`
      // A value that runs on load and names F may call it then (`F.x = make(F)`).
      if (placements[i] && (inert || !this.references(valueAt, end).includes(target))) {
        const refs = this.references(start, end).filter(ref => ref !== target)
        if (fn) {
          this.assignedFunction(key, start, end, this.references(valueAt, end))
          this.addReference(target, key)
          continue
        }
        this.addSymbol(target, start, end, refs)
        if (inert) continue
        // Its value runs on load: the module's, as any statement's, save F, which it only holds.
        this.moduleParts.push(this.hashRange(start, end))
        this.runsOnLoad(start, end, refs)
      } else if (fn && Object.hasOwn(this.scan_.symbols, target)) {
        // On a local object (`res.send = function…`): the statement runs on load as before, and
        // load holds the function, whose body is its own symbol (coverage can then tell who ran it).
        this.assignedFunction(key, start, end, this.references(valueAt, end))
        this.moduleParts.push(`${key}\u0003${this.hashRange(start, valueAt)}`)
        this.runsOnLoad(start, valueAt, [target, key])
      } else {
        this.moduleStatement(start, end)
      }
    }
    this.placePrototypeMethods(placements)
  }

  /**
   * A function declared once whose prototype gets only functions (`F.prototype.name = function…`)
   * and inert values (which F holds: whoever reaches F reaches them), each by a statement placed
   * with it (not after `F.prototype = …` or `F.prototype.__proto__ = …`), and that no code run on
   * load holds (`inherits(F, G)`, `Object.defineProperty(F.prototype, …)`): its prototype's
   * functions run only when code names them, as a class's methods do (member reach). Their keys in
   * calledByName are `prototype.name`.
   */
  private placePrototypeMethods(placements: readonly boolean[]): void {
    const methods = new Map<string, string[]>()
    const unfit = new Set<string>()
    for (const [i, { target, onPrototype, inert, fn, member }] of this.propertyStatements.entries()) {
      if (!onPrototype || !this.functionNames.has(target)) continue
      if (!placements[i] || !inert) unfit.add(target)
      else if (fn && !CALLED_WITHOUT_NAME.has(member)) {
        const names = methods.get(target)
        if (names) names.push(`prototype.${member}`)
        else methods.set(target, [`prototype.${member}`])
      }
    }
    for (const [target, names] of methods) {
      const symbol = own(this.scan_.symbols, target)
      if (!symbol || symbol.class || unfit.has(target)) continue
      if (this.functionsRedeclared.has(target) || this.moduleRefs.has(target)) continue
      symbol.class = { calledByName: [...new Set(names)] }
    }
  }

  /** `F.name = function…`: the function as a symbol `F.name`, code that runs only when called. */
  private assignedFunction(key: string, start: number, end: number, refs: readonly string[]): void {
    this.addSymbol(key, start, end, refs, '', 'property')
  }

  private addReference(from: string, to: string): void {
    const symbol = Object.hasOwn(this.scan_.symbols, from) ? this.scan_.symbols[from] : undefined
    if (symbol && !symbol.refs.includes(to)) symbol.refs = [...symbol.refs, to]
  }

  private moduleStatement(start: number, end: number): void {
    this.moduleParts.push(this.hashRange(start, end))
    this.runsOnLoad(start, end, this.references(start, end))
  }

  /**
   * `Object.assign(C.prototype, A, B…)` from k to the statement's end, each source a plain name:
   * C and the sources.
   */
  private prototypeMixin(k: number, end: number): { target: string; sources: string[] } | undefined {
    if (
      !this.is(k, IDENT, 'Object') ||
      !this.is(k + 1, PUNCT, '.') ||
      !this.is(k + 2, IDENT, 'assign') ||
      !this.is(k + 3, PUNCT, '(') ||
      !this.is(k + 4, IDENT) ||
      !this.is(k + 5, PUNCT, '.') ||
      !this.is(k + 6, IDENT, 'prototype') ||
      !this.is(k + 7, PUNCT, ',')
    )
      return undefined
    const close = this.match[k + 3] as number
    if (close !== end - 1 && !(close === end - 2 && this.is(end - 1, PUNCT, ';'))) return undefined
    const sources: string[] = []
    for (let j = k + 8; j < close; j += 2) {
      if (!this.is(j, IDENT) || (j + 1 !== close && !this.is(j + 1, PUNCT, ','))) return undefined
      sources.push(this.t(j))
    }
    return sources.length ? { target: this.t(k + 4), sources } : undefined
  }

  /**
   * The names each `Object.assign(C.prototype, …)` mixes into a class of the module that member
   * reach may follow (ClassInfo.mixins): those no other code run on load references, not even as a
   * function passed to a call then.
   */
  private placePrototypeMixins(): void {
    if (this.prototypeMixins.length === 0) return
    const passed = new Set(this.deferredCalls.flatMap(call => call.refs))
    for (const { target, sources } of this.prototypeMixins) {
      const info = own(this.scan_.symbols, target)?.class
      if (!info?.calledByName) continue
      const mixins = sources.filter(
        source => source !== target && this.loadRefCounts.get(source) === 1 && !passed.has(source)
      )
      if (mixins.length) info.mixins = [...new Set([...(info.mixins ?? []), ...mixins])]
    }
  }

  /** Code in the range runs when the module loads: what it references and names, MODULE_SYMBOL does. */
  private runsOnLoad(from: number, to: number, refs: Iterable<string>): void {
    for (const ref of refs) {
      this.moduleRefs.add(ref)
      this.loadRefCounts.set(ref, (this.loadRefCounts.get(ref) ?? 0) + 1)
    }
    this.wordsOf(from, to, this.moduleWords)
  }

  /**
   * Statement `start`..`end`, declaring `self`, runs on load, and `refs` are its references. When
   * its value (`from`..`to`) is a call that is passed function expressions or names (`_curry1(function
   * f(a) {…})`), their references go to deferred calls (DeferredCall), for the graph to follow only
   * when a callee may call them on load; the rest of the statement's text (names passed included)
   * goes to the module's hash, and its other references to the module's, so that a change inside
   * such a function reaches load only through them.
   */
  private runsOnLoadDeferring(
    start: number,
    end: number,
    self: string,
    from: number,
    to: number,
    refs: readonly string[],
    annotations: ReadonlyArray<readonly [number, number]> = []
  ): void {
    const passed = this.functionsPassedIn(from, to)
    if (passed.length === 0) return this.runsOnLoad(start, end, refs)
    /** The parts of the statement around `ranges`. */
    const around = (ranges: typeof passed): Array<[number, number]> => {
      const parts: Array<[number, number]> = []
      let at = start
      for (const range of ranges) {
        parts.push([at, range.from])
        at = range.to
      }
      parts.push([at, end])
      return parts
    }
    const loadRefs = new Set<string>()
    for (const [a, b] of around(passed))
      for (const ref of this.referencesOutside(a, b, annotations)) if (ref !== self) loadRefs.add(ref)
    this.runsOnLoad(start, end, loadRefs)
    // A name passed is part of the statement's text; a function's body is its own.
    const bodies = passed.filter(range => range.fn)
    this.moduleParts.push(
      `${self}\u0003${around(bodies)
        .map(([a, b]) => this.hashRange(a, b))
        .join('\u0003')}`
    )
    for (const { calls, from: a, to: b, fn } of passed)
      this.deferredCalls.push({
        calls,
        refs: fn ? [...new Set([self, ...this.references(a, b)])] : this.references(a, b)
      })
  }

  /**
   * functionsPassed of a value that is such a call, or a choice of such calls (`test ? f(…) : g(…)`,
   * ramda's trim): the test runs on load, one of the calls too.
   */
  private functionsPassedIn(from: number, to: number): ReturnType<JsScanner['functionsPassed']> {
    // A conditional's `?`: not `?.` nor `??`.
    const conditional = (k: number): boolean =>
      this.is(k, PUNCT, '?') &&
      !this.is(k + 1, PUNCT, '.') &&
      !this.is(k + 1, PUNCT, '?') &&
      !this.is(k - 1, PUNCT, '?')
    let question = -1
    for (let k = from; k < to && question < 0; k = this.isOpener(k) ? this.after(k) : k + 1)
      if (conditional(k)) question = k
    if (question < 0) return this.functionsPassed(from, to, [])
    let depth = 0
    for (let k = question + 1; k < to; k = this.isOpener(k) ? this.after(k) : k + 1) {
      if (conditional(k)) depth++
      else if (this.is(k, PUNCT, ':') && depth-- === 0)
        return [...this.functionsPassedIn(question + 1, k), ...this.functionsPassedIn(k + 1, to)]
    }
    return []
  }

  /**
   * The function expressions and names passed as arguments to the call `from`..`to` (`callee(…)`,
   * a plain name), or to calls whose results it is passed, in order; `outer` are the calls this
   * one's result goes to. None when the range is anything else.
   */
  private functionsPassed(
    from: number,
    to: number,
    outer: DeferredCall['calls']
  ): Array<{ calls: DeferredCall['calls']; from: number; to: number; fn: boolean }> {
    // A member of a namespace import that only reads members (`core.$constructor(…)`) is a
    // binding of its own (see narrowNamespaceBindings).
    const member =
      this.narrowNamespaces.has(this.t(from)) && this.is(from + 1, PUNCT, '.') && this.is(from + 2, IDENT)
    const callee = member ? `${this.t(from)}.${this.t(from + 2)}` : this.t(from)
    const open = member ? from + 3 : from + 1
    if (
      !this.is(from, IDENT) ||
      (NOT_REFERENCES.has(callee) && !CONTEXTUAL_WORDS.has(callee)) ||
      !this.is(open, PUNCT, '(') ||
      this.after(open) !== to
    )
      return []
    const found: Array<{ calls: DeferredCall['calls']; from: number; to: number; fn: boolean }> = []
    const close = to - 1
    let position = 0
    for (let a = open + 1; a < close; position++) {
      let b = a
      while (b < close && !this.is(b, PUNCT, ',')) b = this.isOpener(b) ? this.after(b) : b + 1
      const calls: DeferredCall['calls'] = [[callee, position], ...outer]
      // A function expression, or a name (reading a binding runs nothing: what it holds runs only if called).
      const name = b === a + 1 && this.is(a, IDENT) && !NOT_REFERENCES.has(this.t(a))
      if (b > a && name) found.push({ calls, from: a, to: b, fn: false })
      else if (b > a && this.isFunctionExpression(a, b)) found.push({ calls, from: a, to: b, fn: true })
      else if (b > a) found.push(...this.functionsPassed(a, b, calls))
      a = b + 1
    }
    return found
  }

  private isOpener(k: number): boolean {
    return this.is(k, PUNCT, '(') || this.is(k, PUNCT, '[') || this.is(k, PUNCT, '{')
  }

  /**
   * SymbolInfo.defers of the function whose parameters open at `open` and whose body ends the
   * statement (at `end`): the parameters its body never names, save inside a function it returns
   * as it is. `arguments` or `eval` there, a `this` parameter (which shifts positions in
   * TypeScript), or a parameter that is not a plain name (perhaps typed) defer none.
   */
  private deferredParams(open: number, end: number): number {
    if (!this.is(open, PUNCT, '(') || !this.is(end - 1, PUNCT, '}')) return 0
    const close = this.after(open) - 1
    const bodyOpen = this.match[end - 1] as number
    if (bodyOpen <= close) return 0
    const params: string[] = []
    for (let a = open + 1; a < close;) {
      let b = a
      let defaulted = false
      while (b < close && !this.is(b, PUNCT, ',')) {
        if (this.is(b, PUNCT, '=')) defaulted = true
        b = this.isOpener(b) ? this.after(b) : b + 1
      }
      const name = this.t(a)
      if (params.length === 0 && name === 'this') return 0
      const simple =
        !defaulted &&
        this.is(a, IDENT) &&
        !NOT_REFERENCES.has(name) &&
        (b === a + 1 ||
          this.is(a + 1, PUNCT, ':') ||
          (this.is(a + 1, PUNCT, '?') && this.is(a + 2, PUNCT, ':')))
      // A default value or a pattern runs code (perhaps a parameter) when the function is called.
      if (!simple) return 0
      params.push(name)
      a = b + 1
    }
    let used = 0
    const declared = this.declaredFunctionsIn(bodyOpen, end - 1, params)
    const running = new Set<string>()
    /** Function declarations stored on each (`Object.defineProperty(_, 'init', { value: init })`). */
    const storedOn = new Map<string, string[]>()
    // Inside a function nested in the body until here: its `return` is not the body's.
    let nestedUntil = -1
    // Inside the arguments of `Object.defineProperty(…)` until here, and the name of its target.
    let definingUntil = -1
    let target = ''
    for (let k = bodyOpen + 1; k < end - 1; k++) {
      const declaration = this.is(k, IDENT, 'function') ? declared.get(this.t(k + 1)) : undefined
      if (declaration?.[0] === k) {
        k = declaration[1] - 1
        continue
      }
      if (k >= nestedUntil && this.is(k, IDENT, 'return')) {
        const returned = this.returnedFunctionEnd(k + 1, end - 1)
        if (returned > 0) {
          k = returned - 1
          continue
        }
      }
      nestedUntil = Math.max(nestedUntil, this.nestedFunctionEnd(k, end - 1))
      if (k >= definingUntil && this.definesProperty(k)) {
        definingUntil = this.after(k + 3)
        target = declared.has(this.t(k + 4)) && this.is(k + 5, PUNCT, ',') ? this.t(k + 4) : ''
      }
      if (this.kinds[k] !== IDENT) continue
      const text = this.t(k)
      if (text === 'arguments' || text === 'eval') return 0
      if (declared.has(text)) {
        // A function expression's `return` hands it to whoever calls that function, perhaps here.
        const kept =
          k < definingUntil
            ? this.storedBy(k, target)
            : this.keptAt(k) && (k >= nestedUntil || !this.is(k - 1, IDENT, 'return'))
        if (kept === 'stored') storedOn.set(target, [...(storedOn.get(target) ?? []), text])
        else if (!kept) running.add(text)
        continue
      }
      used |= this.parameterAt(k, params)
    }
    // What a declaration that runs names runs too (it may call it), and so does what is stored on it.
    const queue = [...running]
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      const [from, to] = declared.get(name) as [number, number]
      const names = [...(storedOn.get(name) ?? [])]
      for (let k = from; k < to; k++) {
        if (this.kinds[k] !== IDENT) continue
        const text = this.t(k)
        if (text === 'arguments' || text === 'eval') return 0
        if (declared.has(text)) names.push(text)
        used |= this.parameterAt(k, params)
      }
      for (const other of names)
        if (!running.has(other)) {
          running.add(other)
          queue.push(other)
        }
    }
    let defers = 0
    params.forEach((_, at) => {
      if (at < 31 && !(used & (1 << at))) defers |= 1 << at
    })
    return defers
  }

  /** The bit of the parameter that the name at k reads (not a member `x.fn`), or 0. */
  private parameterAt(k: number, params: readonly string[]): number {
    const at = params.indexOf(this.t(k))
    return at >= 0 && !this.readAsMember(k) ? 1 << at : 0
  }

  /**
   * The function declarations directly in a body (`{` at `open`, `}` at `close`), by name, with
   * their tokens: hoisted, each runs only where the body calls it. A name declared twice, or also
   * a parameter, is left out.
   */
  private declaredFunctionsIn(
    open: number,
    close: number,
    params: readonly string[]
  ): Map<string, [number, number]> {
    const declared = new Map<string, [number, number]>()
    const twice = new Set<string>(params)
    for (let k = open + 1; k < close; k = this.isOpener(k) ? this.after(k) : k + 1) {
      if (!this.is(k, IDENT, 'function') || !this.is(k + 1, IDENT)) continue
      const starts =
        this.newline[k] ||
        this.is(k - 1, PUNCT, ';') ||
        this.is(k - 1, PUNCT, '{') ||
        this.is(k - 1, PUNCT, '}')
      const fnEnd = starts ? this.functionBodyEnd(k, close) : -1
      if (fnEnd < 0) continue
      const name = this.t(k + 1)
      if (declared.has(name)) twice.add(name)
      declared.set(name, [k, fnEnd])
      k = fnEnd - 1
    }
    for (const name of twice) declared.delete(name)
    return declared
  }

  /** `Object.defineProperty(` or `Object.defineProperties(` at k, with a name or nothing before. */
  private definesProperty(k: number): boolean {
    if (!this.is(k, IDENT, 'Object') || !this.is(k + 1, PUNCT, '.') || !this.is(k + 3, PUNCT, '('))
      return false
    const method = this.t(k + 2)
    return (method === 'defineProperty' || method === 'defineProperties') && !this.is(k - 1, PUNCT, '.')
  }

  /**
   * How the function declaration named at k, inside the arguments of `Object.defineProperty(…)`,
   * is used: the call's first argument ('target', a function declaration
   * the others are stored on when it is `target`), a descriptor's `value` on that target
   * ('stored'), or otherwise (undefined: it may run).
   */
  private storedBy(k: number, target: string): 'target' | 'stored' | undefined {
    if (
      this.is(k - 1, PUNCT, '(') &&
      this.is(k - 2, IDENT) &&
      this.is(k + 1, PUNCT, ',') &&
      this.definesProperty(k - 4)
    )
      return 'target'
    const value =
      this.is(k - 1, PUNCT, ':') &&
      this.is(k - 2, IDENT, 'value') &&
      (this.is(k - 3, PUNCT, '{') || this.is(k - 3, PUNCT, ',')) &&
      (this.is(k + 1, PUNCT, '}') || this.is(k + 1, PUNCT, ','))
    return value && target !== '' ? 'stored' : undefined
  }

  /**
   * Whether the function declaration named at k is only kept there, not run: returned as it is
   * (`return _`, `return _ as any`), or a property set on it (`Internals.prototype = proto`).
   */
  private keptAt(k: number): boolean {
    if (this.is(k - 1, IDENT, 'return'))
      return (
        this.is(k + 1, PUNCT, ';') ||
        this.is(k + 1, PUNCT, '}') ||
        this.is(k + 1, IDENT, 'as') ||
        this.newline[k + 1] === true
      )
    if (!this.is(k + 1, PUNCT, '.') || !this.is(k + 2, IDENT) || !this.is(k + 3, PUNCT, '=')) return false
    const member = this.t(k + 2)
    return member !== 'call' && member !== 'apply' && member !== 'bind' && !this.is(k - 1, PUNCT, '.')
  }

  /** A function declaration assigned another value (`f = g`) may be anything when called. */
  private dropReassignedDefers(): void {
    const symbols = this.scan_.symbols
    const deferring = new Set(Object.keys(symbols).filter(name => symbols[name]?.defers !== undefined))
    if (deferring.size === 0) return
    for (let k = 0; k < this.n; k++) {
      const name = this.texts[k] as string
      if (
        this.kinds[k] === IDENT &&
        deferring.has(name) &&
        this.is(k + 1, PUNCT, '=') &&
        !this.is(k + 2, PUNCT, '=') &&
        !(this.is(k - 1, PUNCT, '.') && !this.is(k - 2, PUNCT, '.'))
      )
        delete (symbols[name] as SymbolInfo).defers
    }
  }

  /**
   * Where the body of a function that starts at token `k` ends (`function`, `=>`, a method's
   * `name(…) {`), or -1 when none starts there. A block after a statement's parentheses
   * (`if (…) {`) is no function.
   */
  private nestedFunctionEnd(k: number, to: number): number {
    if (this.is(k, IDENT, 'function')) {
      const end = this.functionBodyEnd(k, to)
      return end < 0 ? to : end
    }
    if (this.is(k, PUNCT, '=>'))
      return this.is(k + 1, PUNCT, '{') ? this.after(k + 1) : this.skipExpressionBody(k + 1, to)
    if (
      this.is(k, PUNCT, '(') &&
      this.is(this.after(k), PUNCT, '{') &&
      this.is(k - 1, IDENT) &&
      !CONTROL_KEYWORDS.has(this.t(k - 1))
    )
      return this.after(this.after(k))
    return -1
  }

  /**
   * Where the function expression returned as it is at `k` (after `return`) ends, or -1: one that
   * is called, read or combined (`return function () {}()`, `return f || g`) is not.
   */
  private returnedFunctionEnd(k: number, to: number): number {
    const start = this.afterAsync(k)
    let end: number
    if (this.is(start, IDENT, 'function')) {
      end = this.functionBodyEnd(start, to)
      if (end < 0) return -1
    } else {
      const arrow = this.arrowAt(start, to)
      if (arrow < 0) return -1
      end = this.is(arrow + 1, PUNCT, '{') ? this.after(arrow + 1) : this.skipExpressionBody(arrow + 1, to)
      if (end < to && !this.is(end, PUNCT, ';') && !this.is(end, PUNCT, '}')) return -1
    }
    if (end >= to || this.is(end, PUNCT, ';') || this.is(end, PUNCT, '}')) return end
    const next = this.t(end)
    return this.newline[end] && this.kinds[end] === IDENT && next !== 'in' && next !== 'instanceof' ? end : -1
  }

  private addSymbol(
    name: string,
    start: number,
    end: number,
    refs: Iterable<string>,
    hashExtra = '',
    fnShape = ''
  ): void {
    if (this.spans) this.addSpan(name, start, end, fnShape)
    this.declarationCounts.set(name, (this.declarationCounts.get(name) ?? 0) + 1)
    const range = this.rangeFacts(start, end)
    const hash = hashExtra ? hashText(hashExtra + '\u0003' + range.hash) : range.hash
    // Own entries only: a function named hasOwnProperty or toString must not find Object.prototype's.
    const existing = Object.hasOwn(this.scan_.symbols, name) ? this.scan_.symbols[name] : undefined
    if (existing) {
      existing.hash = hashText(existing.hash + hash)
      existing.refs = [...new Set([...existing.refs, ...refs])]
      existing.words = [...new Set([...(existing.words ?? []), ...range.words])]
    } else {
      this.scan_.symbols[name] = { hash, refs: Array.isArray(refs) ? refs : [...refs], words: range.words }
    }
  }

  private lastRange: { start: number; end: number; hash: string; words: string[] } | undefined
  /**
   * The hash and words of a token range, kept for the next symbol of the same range: every
   * declarator of `var a = 1, b = 2, …` is one (a minified bundle's hundred-name `var` would
   * otherwise be read once per name).
   */
  private rangeFacts(start: number, end: number): { hash: string; words: string[] } {
    const last = this.lastRange
    if (last?.start === start && last.end === end) return last
    const words = [...this.wordsOf(start, end, new Set())]
    this.lastRange = { start, end, hash: this.hashRange(start, end), words }
    return this.lastRange
  }

  private addSpan(name: string, start: number, end: number, fnShape: string): void {
    const ends = this.tokens.ends as number[]
    const from = start > 0 ? (ends[start - 1] as number) : 0
    const to = end > start ? (ends[end - 1] as number) : from
    const known = this.spans?.get(name)
    if (known) {
      known.spans.push([from, to])
      known.fn &&= fnShape !== ''
      known.shape += `,${fnShape}`
    } else this.spans?.set(name, { spans: [[from, to]], fn: fnShape !== '', shape: fnShape })
  }

  /** Whether the tokens from..to are one function or arrow function expression. */
  private isFunctionExpression(from: number, to: number): boolean {
    const k = this.afterAsync(from)
    if (this.is(k, IDENT, 'function')) return this.functionBodyEnd(k, to) === to
    const arrow = this.arrowAt(k, to)
    return arrow >= 0 && arrow < to
  }

  /** Past `async` at k when it starts a function (not when it is an arrow's one parameter). */
  private afterAsync(k: number): number {
    return this.is(k, IDENT, 'async') && !this.is(k + 1, PUNCT, '=>') ? k + 1 : k
  }

  /** Where the body of the `function` at k ends (the index after its `}`), or -1 before `to`. */
  private functionBodyEnd(k: number, to: number): number {
    const open = this.nextIndex(k, to, '(')
    const body = open < 0 ? -1 : this.nextIndex(this.after(open), to, '{')
    return body < 0 ? -1 : this.after(body)
  }

  /** The `=>` of the arrow function whose parameters start at k (`x =>`, `(x) =>`, `<T>(x: T): T =>`), or -1. */
  private arrowAt(k: number, to: number): number {
    const start = this.is(k, PUNCT, '<') ? this.afterTypeArguments(k, to) : k
    let arrow = this.is(start, IDENT) ? start + 1 : this.is(start, PUNCT, '(') ? this.after(start) : -1
    // (x): T => …: whatever `=>` follows the return type, the function is an arrow function.
    if (arrow > start && this.is(arrow, PUNCT, ':')) arrow = this.nextIndex(arrow + 1, to, '=>')
    return arrow > start && this.is(arrow, PUNCT, '=>') ? arrow : -1
  }

  /** The index of the first `text` punctuator at or after k and before `to` (bracket depth 0), or -1. */
  private nextIndex(k: number, to: number, text: string): number {
    for (let j = k; j < to; j++) {
      if (this.is(j, PUNCT, text)) return j
      if (this.is(j, PUNCT, '(') || this.is(j, PUNCT, '[') || this.is(j, PUNCT, '{')) j = this.after(j) - 1
    }
    return -1
  }

  /**
   * Whether the name at k can name a property, and so call a method or run an accessor: after a
   * dot (`x.format`, `x?.format`, `super.format`), before a colon (`{ format: f } = x`, a key of
   * `toMatchObject({ year: 1 })`), or as a shorthand in braces (`{ format } = x`). A variable, a
   * parameter used as such, or a type (`x: unknown`) cannot; nor can a name before a colon that
   * is not a key: a variable's or a parameter's with its type (`const format: F`, `(format:
   * string)`), a ternary's value (`a ? format : parse`); nor a spread's (`...format`).
   */
  private namesProperty(k: number): boolean {
    const before = this.kinds[k - 1] === PUNCT ? this.texts[k - 1] : ''
    const after = this.kinds[k + 1] === PUNCT ? this.texts[k + 1] : ''
    // A spread (`...rest`) names no property.
    if (before === '.') return !(this.kinds[k - 2] === PUNCT && this.texts[k - 2] === '.')
    if (after === ':') return !this.beforeColonNotKey(k, before)
    return (before === '{' || before === ',') && (after === '}' || after === ',' || after === '=')
  }

  /** The name at k, before a colon, is a declaration's with its type or a ternary's value. */
  private beforeColonNotKey(k: number, before: string | undefined): boolean {
    if (before === '?' || before === '(') return true
    if (this.kinds[k - 1] === IDENT) {
      const word = this.texts[k - 1]
      return word === 'const' || word === 'let' || word === 'var'
    }
    if (before !== ',') return false
    // After a comma: a parameter when the innermost bracket around it is a parenthesis.
    const open = this.openerAround(k - 1)
    return open >= 0 && this.texts[open] === '('
  }

  /** Is the `in` at k in the head of a `for`, as in `for (const key in object)`? */
  private inForHead(k: number): boolean {
    const open = this.openerAround(k)
    return (
      open > 0 && this.texts[open] === '(' && this.kinds[open - 1] === IDENT && this.texts[open - 1] === 'for'
    )
  }

  /** The innermost bracket open around each token (-1 at the top), worked out on first use. */
  private openers: Int32Array | undefined

  /** The index of the innermost bracket open around token k; -1 when none is. */
  private openerAround(k: number): number {
    if (!this.openers) {
      const openers = new Int32Array(this.n)
      const stack: number[] = []
      for (let j = 0; j < this.n; j++) {
        const t = this.kinds[j] === PUNCT ? this.texts[j] : ''
        if (t === ')' || t === ']' || t === '}') stack.pop()
        openers[j] = stack.length ? (stack[stack.length - 1] as number) : -1
        if (t === '(' || t === '[' || t === '{') stack.push(j)
      }
      this.openers = openers
    }
    return this.openers[k] as number
  }

  /** Adds the words of a token range (see SymbolInfo.words) to `into`. */
  private wordsOf(from: number, to: number, into: Set<string>): Set<string> {
    const { kinds, texts } = this
    for (let k = from; k < to; k++) {
      const kind = kinds[k]
      const text = texts[k] as string
      if (kind === NUMBER || (kind === IDENT && this.namesProperty(k))) into.add(text)
      else if (kind === IDENT && text === 'in' && this.inForHead(k)) into.add(FOR_IN_WORD)
      else if (kind === STRING || kind === TEMPLATE || kind === JSX) {
        into.add(text)
        for (const run of text.match(WORD_RUN) ?? []) into.add(run)
      }
    }
    return into
  }

  private addBinding(
    spec: string,
    kind: 'static' | 'reexport',
    names: ImportBinding[] | null,
    typeOnly = false
  ): void {
    this.scan_.imports.push(typeOnly ? { spec, kind, names, typeOnly } : { spec, kind, names })
    for (const binding of names ?? []) {
      if (binding.local) {
        // Short and unique enough as it is: the binding's source and imported name (and whether
        // it is a type only: made one, a value in use is undefined when the code runs).
        this.scan_.symbols[binding.local] = {
          hash: `${spec}\u0000${binding.imported}${typeOnly ? '\u0000type' : ''}`,
          refs: []
        }
      }
    }
  }

  private importStatement(k: number, end: number): void {
    if (this.is(k, STRING)) {
      // A side-effect import: loads the whole module.
      this.scan_.imports.push({ spec: this.t(k), kind: 'static', names: null })
      this.moduleParts.push(`import ${this.t(k)}`)
      return
    }
    // `import type …`: erased from the output, it loads nothing.
    const typeOnly =
      this.is(k, IDENT, 'type') && !this.is(k + 1, PUNCT, ',') && !this.is(k + 1, IDENT, 'from')
    if (typeOnly) k++
    const names: ImportBinding[] = []
    if (this.is(k, IDENT) && this.is(k + 1, PUNCT, '=')) {
      // import X = require('y') / import X = A.B
      const local = this.t(k)
      if (this.is(k + 2, IDENT, 'require') && this.is(k + 4, STRING)) {
        this.addBinding(this.t(k + 4), 'static', [{ imported: '*', local }])
      } else {
        this.addSymbol(local, k, end, this.references(k + 2, end))
      }
      return
    }
    if (this.is(k, IDENT) && !this.is(k, IDENT, 'from')) {
      names.push({ imported: 'default', local: this.t(k) })
      k++
      if (this.is(k, PUNCT, ',')) k++
    }
    if (this.is(k, PUNCT, '*') && this.is(k + 1, IDENT, 'as')) {
      names.push({ imported: '*', local: this.t(k + 2) })
      k += 3
    } else if (this.is(k, PUNCT, '{')) {
      const close = this.match[k] as number
      for (const item of this.listItems(k + 1, close > k ? close : end))
        names.push({ imported: item.name, local: item.alias })
      k = close > k ? close + 1 : end
    }
    while (k < end && !this.is(k, STRING)) k++
    if (k < end) this.addBinding(this.t(k), 'static', names, typeOnly)
  }

  /** `a`, `a as b`, `type a`, `'str' as b`, `default as b` items of an import/export list. */
  private listItems(from: number, to: number): Array<{ name: string; alias: string }> {
    const items: Array<{ name: string; alias: string }> = []
    let k = from
    while (k < to) {
      if (
        this.is(k, IDENT, 'type') &&
        (this.is(k + 1, IDENT) || this.is(k + 1, STRING)) &&
        !this.is(k + 1, IDENT, 'as')
      )
        k++
      if (!this.is(k, IDENT) && !this.is(k, STRING)) {
        k++
        continue
      }
      const name = this.t(k)
      let alias = name
      k++
      if (this.is(k, IDENT, 'as') && (this.is(k + 1, IDENT) || this.is(k + 1, STRING))) {
        alias = this.t(k + 1)
        k += 2
      }
      items.push({ name, alias })
      while (k < to && !this.is(k, PUNCT, ',')) k++
      k++
    }
    return items
  }

  private fromSpec(k: number, end: number): string | undefined {
    for (; k < end; k++) if (this.is(k, IDENT, 'from') && this.is(k + 1, STRING)) return this.t(k + 1)
    return undefined
  }

  private exportStar(k: number, end: number): void {
    const spec = this.fromSpec(k, end)
    if (spec === undefined) return this.moduleStatement(k, end)
    if (this.is(k, IDENT, 'as')) {
      const name = this.t(k + 1)
      const local = `@reexport:${name}`
      this.addBinding(spec, 'reexport', [{ imported: '*', local }])
      this.scan_.exports[name] = local
    } else {
      this.scan_.imports.push({ spec, kind: 'reexport', names: [] })
      this.scan_.exportAll.push(spec)
    }
  }

  private exportList(open: number, end: number, typeOnly = false): void {
    const close = this.match[open] as number
    const items = this.listItems(open + 1, close > open ? close : end)
    const spec = this.fromSpec(close > open ? close : open, end)
    if (spec === undefined) {
      for (const item of items) this.scan_.exports[item.alias] = item.name
      return
    }
    const names = items.map(item => ({ imported: item.name, local: `@reexport:${item.alias}` }))
    this.addBinding(spec, 'reexport', names, typeOnly)
    for (const item of items) this.scan_.exports[item.alias] = `@reexport:${item.alias}`
  }

  // ── declarations ─────────────────────────────────────────────────────────

  private declaration(start: number, k: number, end: number, exported: 'none' | 'named' | 'default'): void {
    while (
      this.is(k, IDENT) &&
      (this.t(k) === 'declare' || this.t(k) === 'abstract' || this.t(k) === 'async')
    )
      k++
    const word = this.t(k)
    const exports = this.scan_.exports
    const named = (name: string): void => {
      if (exported === 'named') exports[name] = name
      else if (exported === 'default') exports.default = name
    }
    if (word === 'function' && this.is(k, IDENT)) {
      let nameAt = k + 1
      if (this.is(nameAt, PUNCT, '*')) nameAt++
      if (this.is(nameAt, IDENT)) {
        const name = this.t(nameAt)
        // A type of the same name (an interface merged with it) is no other value.
        const declaredBefore = Object.hasOwn(this.scan_.symbols, name) && !this.typesOnly.has(name)
        this.typesOnly.delete(name)
        if (declaredBefore) this.functionsRedeclared.add(name)
        this.functionNames.add(name)
        this.addSymbol(name, start, end, this.references(nameAt + 1, end), '', 'function')
        const symbol = this.scan_.symbols[name] as SymbolInfo
        // A name declared twice (overloads, a redeclaration) may be either: none is deferred.
        const defers = declaredBefore ? 0 : this.deferredParams(this.afterTypeArguments(nameAt + 1, end), end)
        if (defers) symbol.defers = defers
        else delete symbol.defers
        return named(name)
      }
    } else if (word === 'class' && this.is(k, IDENT)) {
      const name =
        this.is(k + 1, IDENT) && this.t(k + 1) !== 'extends' && this.t(k + 1) !== 'implements'
          ? this.t(k + 1)
          : undefined
      this.classDeclaration(name ?? 'default', start, k, end)
      return named(name ?? 'default')
    } else if (
      (word === 'interface' ||
        word === 'type' ||
        word === 'enum' ||
        word === 'namespace' ||
        word === 'module') &&
      this.is(k + 1, IDENT)
    ) {
      const name = this.t(k + 1)
      const isType = word === 'interface' || word === 'type'
      const refs = this.references(k + 2, end, isType)
      if (isType) {
        if (!Object.hasOwn(this.scan_.symbols, name)) this.typesOnly.add(name)
      } else this.typesOnly.delete(name)
      this.addSymbol(name, start, end, refs)
      if (isType) {
        this.typeDeclarationCounts.set(name, (this.typeDeclarationCounts.get(name) ?? 0) + 1)
        const valueRefs = this.computedKeyRefs(k + 2, end)
        if (valueRefs.length) {
          const known = this.typeValueRefs.get(name) ?? new Set()
          for (const ref of valueRefs) known.add(ref)
          this.typeValueRefs.set(name, known)
        }
      }
      if (word === 'enum' || word === 'namespace' || word === 'module') this.runsOnLoad(k + 2, end, refs)
      return named(name)
    } else if (word === 'const' && this.is(k + 1, IDENT, 'enum') && this.is(k + 2, IDENT)) {
      const name = this.t(k + 2)
      this.addSymbol(name, start, end, this.references(k + 3, end))
      return named(name)
    } else if (
      (word === 'const' || word === 'let' || word === 'var' || word === 'using') &&
      exported !== 'default'
    ) {
      return this.variables(start, k + 1, end, exported === 'named')
    }
    if (exported === 'default') {
      // export default <expression>
      const expressionEnd = this.is(end - 1, PUNCT, ';') ? end - 1 : end
      const fnShape = this.spans && this.isFunctionExpression(k, expressionEnd) ? 'default' : ''
      const refs = this.references(k, end)
      this.addSymbol('default', start, end, refs, '', fnShape)
      // As a declaration's: what runs on load changes when the expression does.
      if (this.executesOnLoad(k, end))
        this.runsOnLoadDeferring(k, end, 'default', k, expressionEnd, ['default', ...refs])
      exports.default = 'default'
      return
    }
    this.moduleStatement(start, end)
  }

  private variables(start: number, k: number, end: number, exported: boolean): void {
    // One symbol per declarator; the declarators of one statement share its tokens' hash.
    const declared: string[] = []
    const refs = this.references(k, end)
    const bound = this.requireBinding(k, end)
    let onLoad = false
    const keyword = this.t(k - 1) // const, let, var or using
    let declarators = 0
    let functionInit = false
    /** The last declarator's initializer. */
    let initializer: [number, number] | undefined
    /** Type annotations (`: T`), which run nothing. */
    const annotations: Array<[number, number]> = []
    while (k < end) {
      if (this.is(k, IDENT)) {
        declared.push(this.t(k))
        k++
      } else if (this.is(k, PUNCT, '{') || this.is(k, PUNCT, '[')) {
        const close = this.after(k)
        for (let j = k + 1; j < close - 1; j++) {
          if (
            this.is(j, IDENT) &&
            !this.is(j + 1, PUNCT, ':') &&
            !this.is(j - 1, PUNCT, '=') &&
            !NOT_REFERENCES.has(this.t(j))
          )
            declared.push(this.t(j))
        }
        k = close
      } else break
      // type annotation and initializer, up to the next declarator
      const annotationAt = k
      let initStart = -1
      /** How deep in an annotation's type arguments (`Map<K, V>`), whose commas part no declarators. */
      let typeArguments = 0
      while (k < end && !(this.is(k, PUNCT, ',') && typeArguments === 0) && !this.is(k, PUNCT, ';')) {
        if (this.is(k, PUNCT, '=') && initStart < 0) initStart = k + 1
        if (initStart < 0 && this.is(k, PUNCT, '<')) typeArguments++
        else if (initStart < 0 && this.is(k, PUNCT, '>') && typeArguments > 0) typeArguments--
        if (this.is(k, PUNCT, '(') || this.is(k, PUNCT, '[') || this.is(k, PUNCT, '{')) k = this.after(k)
        else k++
      }
      if (
        this.is(annotationAt, PUNCT, ':') ||
        (this.is(annotationAt, PUNCT, '!') && this.is(annotationAt + 1, PUNCT, ':'))
      )
        annotations.push([annotationAt, initStart >= 0 ? initStart - 1 : k])
      if (initStart >= 0 && this.executesOnLoad(initStart, k)) onLoad = true
      if (initStart >= 0) initializer = [initStart, k]
      if (++declarators === 1 && this.spans)
        functionInit = initStart >= 0 && this.isFunctionExpression(initStart, k)
      if (this.is(k, PUNCT, ',')) k++
      else break
    }
    if (declared.length === 0) return this.moduleStatement(start, end)
    const fn = functionInit && declarators === 1 && declared.length === 1
    for (const name of declared) {
      this.addSymbol(name, start, end, refs, '', fn ? keyword : '')
      if (exported) this.scan_.exports[name] = name
    }
    // A binding's module loads as the import record says; its declaration reaches nothing more.
    const runRefs = annotations.length ? this.referencesOutside(start, end, annotations) : refs
    const loadRefs = bound ? runRefs.filter(ref => ref !== bound) : runRefs
    if (onLoad && declarators === 1 && declared.length === 1 && initializer)
      this.runsOnLoadDeferring(
        start,
        end,
        declared[0] as string,
        initializer[0],
        initializer[1],
        loadRefs,
        annotations
      )
    else if (onLoad) this.runsOnLoad(start, end, loadRefs)
  }

  /**
   * The names read in the computed keys of a type's members (`[sym]: T`, `readonly [Keys.id]?: T`),
   * which are values: tsc keeps their imports. A bracket that starts a member (after `{`, `;`, `,`,
   * `readonly` or a line break) is taken for one unless it opens a mapped type's `[K in …]` or an
   * index signature's `[key: T]`; a tuple there is taken for one too, which only keeps an import.
   */
  private computedKeyRefs(from: number, to: number): string[] {
    const refs = new Set<string>()
    for (let k = from; k < to; k++) {
      if (this.kinds[k] !== PUNCT || this.texts[k] !== '[') continue
      const before = this.texts[k - 1]
      const startsMember =
        this.newline[k] === true ||
        this.is(k - 1, IDENT, 'readonly') ||
        (this.kinds[k - 1] === PUNCT && (before === '{' || before === ';' || before === ','))
      if (!startsMember) continue
      if (this.is(k + 1, IDENT) && (this.is(k + 2, IDENT, 'in') || this.is(k + 2, PUNCT, ':'))) continue
      for (const ref of this.references(k + 1, this.after(k) - 1)) refs.add(ref)
    }
    return [...refs]
  }

  /** The distinct references of `from`..`to` outside the ranges of `skip` (in order, apart). */
  private referencesOutside(
    from: number,
    to: number,
    skip: ReadonlyArray<readonly [number, number]>
  ): string[] {
    const refs = new Set<string>()
    let at = from
    for (const [a, b] of [...skip, [to, to] as const]) {
      if (a > at) for (const ref of this.references(at, Math.min(a, to))) refs.add(ref)
      at = Math.max(at, b)
    }
    return [...refs]
  }

  /** `const x = require('y')`, declared once, that names the module (see narrowNamespaceBindings). */
  private readonly requireBindings = new Set<string>()

  /**
   * The name of a declaration made only of `x = require('y')`, after `const`, when it is the only
   * declaration of `x` that requires a module: `x` is then a binding to the whole module, as
   * `import x = require('y')` is, and code that never reads `x` does not reach the module's code.
   */
  private requireBinding(k: number, end: number): string | undefined {
    const name = this.t(k)
    const shaped =
      this.t(k - 1) === 'const' &&
      this.is(k + 2, IDENT, 'require') &&
      this.is(k + 4, STRING) &&
      this.requiredAs(k + 2) === name &&
      (k + 6 === end || (k + 7 === end && this.is(k + 6, PUNCT, ';')))
    if (!shaped || this.moduleLocals.get(name) !== 1) return undefined
    this.requireBindings.add(name)
    return name
  }

  private classDeclaration(name: string, start: number, k: number, end: number): void {
    // Find the body: the first `{` not part of a type in the heritage clause.
    let body = -1
    for (let j = k + 1; j < end; j++) {
      if (this.is(j, PUNCT, '{') && !NOT_BODY_BEFORE.has(this.t(j - 1))) {
        body = j
        break
      }
      if (this.is(j, PUNCT, '(') || this.is(j, PUNCT, '[')) j = this.after(j) - 1
    }
    const close = body >= 0 ? (this.match[body] as number) : -1
    if (body < 0 || close < 0) {
      this.addSymbol(name, start, end, this.references(k, end))
      return
    }
    const headerRefs = this.references(start, body).filter(ref => ref !== name)
    this.runsOnLoad(start, body, headerRefs) // extends/decorators run on load
    let plain = true
    // Code outside the repository may call any member of a decorated class, or of one whose base
    // is not a plain name: no member reach for them.
    let open = this.decoratorsEndAt === start
    const interfaces: string[] = []
    for (let j = start; j < body; j++) {
      if (this.is(j, PUNCT, '@')) open = true
      if (this.is(j, IDENT, 'extends')) plain = false
      if (this.is(j, IDENT, 'implements')) {
        let itemStart = true
        for (let i = j + 1; i < body; i++) {
          if (this.is(i, PUNCT, '<')) i = this.afterTypeArguments(i, body) - 1
          else if (this.is(i, PUNCT, ',')) itemStart = true
          else if (itemStart && this.is(i, IDENT)) {
            interfaces.push(this.t(i))
            itemStart = false
          }
        }
        break
      }
    }
    const base = this.baseClass(k + 1, body)
    if (base === null) open = true
    const memberNames: string[] = []
    const calledByName: string[] = []
    const fieldParts: string[] = []
    let m = body + 1
    while (m < close) {
      const memberEnd = this.memberEnd(m, close)
      const member = this.memberName(m, memberEnd)
      if (member) {
        const key = `${name}.${member.name}`
        if (member.isAccessor) plain = false
        if (this.is(m, PUNCT, '@')) open = true
        memberNames.push(member.name)
        if (member.isMethod) {
          this.addSymbol(
            key,
            m,
            memberEnd,
            this.references(m, memberEnd),
            '',
            member.name.startsWith('[')
              ? ''
              : `${member.isStatic ? 'static ' : ''}${member.accessor ?? 'method'}`
          )
        } else {
          fieldParts.push(this.hashRange(m, memberEnd))
          this.addSymbol(key, m, memberEnd, this.references(m, memberEnd))
        }
        if (
          (member.isMethod || member.isAccessor) &&
          !member.name.startsWith('[') &&
          !CALLED_WITHOUT_NAME.has(member.name)
        )
          calledByName.push(member.name)
        if (member.isStatic && !member.isMethod) this.runsOnLoad(m, memberEnd, this.references(m, memberEnd))
      }
      m = memberEnd > m ? memberEnd : m + 1
    }
    if (plain && !this.classNames.has(name)) this.plainClasses.add(name)
    else this.plainClasses.delete(name)
    this.classNames.add(name)
    const refs = [...headerRefs, ...memberNames.map(member => `${name}.${member}`)]
    this.addSymbol(name, start, body + 1, refs, memberNames.join(',') + '\u0003' + fieldParts.join('\u0002'))
    const symbol = this.scan_.symbols[name] as SymbolInfo
    // A class declared twice (overloads, merging): no member reach.
    const twice = symbol.class !== undefined
    symbol.class = { calledByName: open || twice ? null : [...new Set(calledByName)] }
    if (base) symbol.class.base = base
    if (interfaces.length) symbol.class.interfaces = interfaces
  }

  /**
   * The base class of a class whose header runs from `k` (after `class`) to its body: its name,
   * undefined without `extends`, or null when the base is not a plain name (a call, a member).
   */
  private baseClass(k: number, body: number): string | undefined | null {
    if (this.is(k, IDENT) && this.t(k) !== 'extends' && this.t(k) !== 'implements') k++
    k = this.afterTypeArguments(k, body)
    if (!this.is(k, IDENT, 'extends')) return undefined
    if (!this.is(k + 1, IDENT)) return null
    const after = this.afterTypeArguments(k + 2, body)
    return after === body || this.is(after, IDENT, 'implements') ? this.t(k + 1) : null
  }

  /** The index after `<…>` at k (k itself when there is none). */
  private afterTypeArguments(k: number, end: number): number {
    if (!this.is(k, PUNCT, '<')) return k
    let depth = 0
    for (let j = k; j < end; j++) {
      if (this.is(j, PUNCT, '<')) depth++
      else if (this.is(j, PUNCT, '>') && --depth === 0) return j + 1
    }
    return end
  }

  private memberEnd(m: number, close: number): number {
    let sawParams = false
    let sawEquals = false
    for (let k = m; k < close; k++) {
      if (k > m && this.newline[k] && !sawParams && this.startsStatement(k) && this.endsExpression(k - 1))
        return k
      if (this.kinds[k] !== PUNCT) continue
      const text = this.texts[k]
      if (text === ';') return k + 1
      if (text === '=') sawEquals = true
      if (text === '(') {
        if (!sawEquals) sawParams = true
        k = this.after(k) - 1
      } else if (text === '[') k = this.after(k) - 1
      else if (text === '{') {
        const after = this.after(k)
        if (sawParams || this.is(m, IDENT, 'static')) {
          if (sawParams || this.is(m + 1, PUNCT, '{')) return after
        }
        k = after - 1
      }
    }
    return close
  }

  private memberName(
    m: number,
    end: number
  ):
    | { name: string; isMethod: boolean; isStatic: boolean; isAccessor: boolean; accessor?: 'get' | 'set' }
    | undefined {
    let k = this.skipDecorators(m)
    let isStatic = false
    while (
      this.is(k, IDENT) &&
      MEMBER_MODIFIERS.has(this.t(k)) &&
      k + 1 < end &&
      !this.is(k + 1, PUNCT, '(') &&
      !this.is(k + 1, PUNCT, '=')
    ) {
      if (this.t(k) === 'static') isStatic = true
      k++
    }
    if (isStatic && this.is(k, PUNCT, '{'))
      return { name: 'static{}', isMethod: false, isStatic: true, isAccessor: false }
    if (this.is(k, PUNCT, '*')) k++
    let isAccessor = false
    let accessor: 'get' | 'set' | undefined
    if (
      (this.is(k, IDENT, 'get') || this.is(k, IDENT, 'set')) &&
      (this.is(k + 1, IDENT) || this.is(k + 1, STRING) || this.is(k + 1, PUNCT, '['))
    ) {
      isAccessor = true
      accessor = this.t(k) as 'get' | 'set'
      k++
    }
    let name: string
    if (this.is(k, IDENT) || this.is(k, STRING) || this.is(k, NUMBER)) name = this.t(k)
    else if (this.is(k, PUNCT, '[')) name = `[${this.normalized(k + 1, this.after(k) - 1)}]`
    else return undefined
    let j = this.is(k, PUNCT, '[') ? this.after(k) : k + 1
    if (this.is(j, PUNCT, '?') || this.is(j, PUNCT, '!')) j++
    const isMethod = this.is(j, PUNCT, '(') || this.is(j, PUNCT, '<')
    return { name, isMethod, isStatic, isAccessor, ...(accessor ? { accessor } : {}) }
  }

  // ── token helpers ────────────────────────────────────────────────────────

  /** The identifiers a token range references (not property names after a dot). */
  private readonly seen = new Set<string>()

  /**
   * The distinct identifiers a token range references (not property names after a dot). `inType`:
   * the range is an interface or a type alias, where a method signature's name is a key.
   */
  private references(from: number, to: number, inType = false): string[] {
    const refs: string[] = []
    const seen = this.seen
    seen.clear()
    for (let k = from; k < to; k++) {
      if (this.kinds[k] !== IDENT) continue
      const text = this.texts[k] as string
      if (seen.has(text)) continue
      if (NOT_REFERENCES.has(text) && !(CONTEXTUAL_WORDS.has(text) && !this.keywordAt(k))) continue
      if (
        this.texts[k - 1] === '.' &&
        this.kinds[k - 1] === PUNCT &&
        !(this.texts[k - 2] === '.' && this.kinds[k - 2] === PUNCT)
      )
        continue
      if (this.isPropertyKey(k, inType)) continue
      // A narrowed namespace is referred to by the member read (`io.call`); its declaration
      // (`const io = require(…)`) loads the module as the import record says.
      const member =
        this.narrowNamespaces.size && this.narrowNamespaces.has(text)
          ? this.is(k + 1, PUNCT, '.')
            ? `${text}.${this.t(k + 2)}`
            : ''
          : undefined
      if (member === '') continue
      if (member) {
        if (!seen.has(member)) {
          seen.add(member)
          refs.push(member)
        }
        continue
      }
      seen.add(text)
      refs.push(text)
    }
    return refs
  }

  /**
   * Whether the name at k is a key that reads no binding of its name, before a colon (or `?:`):
   * first in braces, after a comma or a semicolon (`{ persist: … }` in an object, a type or a
   * pattern, `(a, b: T)`, a label), or first on a line after a member that ended (a type
   * literal's or an interface's `persist: {` under `setState(): void`). `inType` (an interface or
   * a type alias): so are a method signature's name before `(` (`setState(): void`) and a
   * parameter's name first in parentheses (`(x: Size) => void`). A conditional's branch follows
   * `?` or an operator, a case's value `case`, and a Flow cast's expression `(`: those still read
   * it.
   */
  private isPropertyKey(k: number, inType: boolean): boolean {
    if (this.kinds[k + 1] !== PUNCT) return false
    const after = this.texts[k + 1]
    const signature = inType && (after === '(' || (after === '?' && this.is(k + 2, PUNCT, '(')))
    if (!signature && after !== ':' && !(after === '?' && this.is(k + 2, PUNCT, ':'))) return false
    const kind = this.kinds[k - 1]
    const before = this.texts[k - 1] as string
    if (kind === PUNCT) {
      if (before === '{' || before === ',' || before === ';') return true
      // A parameter's name in a type's signature, `(x: Size) => void`; elsewhere a Flow cast.
      if (before === '(' && inType && !signature) return true
      return this.newline[k] === true && (before === ')' || before === ']' || before === '}')
    }
    if (!this.newline[k]) return false
    if (kind === STRING || kind === NUMBER) return true
    return kind === IDENT && (!NOT_REFERENCES.has(before) || TYPE_WORDS.has(before))
  }

  /**
   * Whether a contextual word (CONTEXTUAL_WORDS) is used as a keyword: followed by a name, a
   * string, `{`, `[` or `*` (`get size()`, `x as T`, `from './a'`, `type {`, `of [1]`, `async *g()`).
   * Followed by anything else (`(`, `.`, `,`, `)`, `<`…) it names a value; taking a keyword for a
   * name only adds an edge that goes nowhere or a little too far, never one too few.
   */
  private keywordAt(k: number): boolean {
    const kind = this.kinds[k + 1]
    if (kind === IDENT || kind === STRING) return true
    const next = this.texts[k + 1]
    return kind === PUNCT && (next === '{' || next === '[' || next === '*')
  }

  /**
   * Hash of the token range as `normalized` would render it, without building the string: no
   * comments, whitespace, semicolons or trailing commas; `(x) =>` equals `x =>`; quote style ignored.
   */
  private hashRange(from: number, to: number): string {
    if (!this.hashes) return ''
    let h1 = 0xdeadbeef
    let h2 = 0x41c6ce57
    const texts = this.texts
    const kinds = this.kinds
    const pragmas = this.tokens.linePragmas
    for (let k = from; k < to; k++) {
      const kind = kinds[k] as number
      let text = texts[k] as string
      const pragma = pragmas?.get(k)
      if (pragma) {
        text = `${pragma}\u0003${text}`
        this.pragmasHashed.add(k)
      }
      let tag = kind === NUMBER || kind === REGEX || kind === JSX ? IDENT : kind
      if (kind === PUNCT) {
        if (this.insignificant(k, text, to)) continue
        if (
          text === '(' &&
          this.is(k + 1, IDENT) &&
          this.is(k + 2, PUNCT, ')') &&
          this.is(k + 3, PUNCT, '=>')
        ) {
          text = texts[k + 1] as string
          tag = IDENT
          k += 2
        }
      }
      h1 = Math.imul(h1 ^ tag, 2654435761)
      h2 = Math.imul(h2 ^ tag, 1597334677)
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i)
        h1 = Math.imul(h1 ^ ch, 2654435761)
        h2 = Math.imul(h2 ^ ch, 1597334677)
      }
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
  }

  /**
   * A `;` or a trailing `,` that a formatter may add or drop without changing the program. Kept: a
   * `;` before a token that would otherwise continue the statement (`(`, `[`, a template, `+`,
   * `-`, a regular expression: no automatic semicolon there) in the same range, and the `,` of a
   * trailing array hole.
   */
  private insignificant(k: number, text: string, to: number): boolean {
    if (text === ';') {
      if (k + 1 >= to) return true
      const next = this.kinds[k + 1]
      if (next === TEMPLATE || next === REGEX) return false
      return !(next === PUNCT && /^(?:\(|\[|\+|-)$/.test(this.texts[k + 1] as string))
    }
    if (text !== ',') return false
    if (!(this.is(k + 1, PUNCT, ')') || this.is(k + 1, PUNCT, ']') || this.is(k + 1, PUNCT, '}')))
      return false
    return !(this.is(k - 1, PUNCT, '[') || this.is(k - 1, PUNCT, ','))
  }

  /** The token range as one string: no comments, whitespace, semicolons or trailing commas. */
  private normalized(from: number, to: number): string {
    const parts: string[] = []
    for (let k = from; k < to; k++) {
      const kind = this.kinds[k]
      const text = this.texts[k] as string
      if (kind === PUNCT) {
        if (this.insignificant(k, text, to)) continue
        // `(x) =>` and `x =>` are the same
        if (
          text === '(' &&
          this.is(k + 1, IDENT) &&
          this.is(k + 2, PUNCT, ')') &&
          this.is(k + 3, PUNCT, '=>')
        ) {
          parts.push(this.texts[k + 1] as string)
          k += 2
          continue
        }
        parts.push(text)
      } else if (kind === STRING) parts.push('"' + text)
      else if (kind === TEMPLATE) parts.push('`' + text)
      else parts.push(text)
    }
    return parts.join('\u0001')
  }

  /**
   * Whether an initializer runs code while the module loads (a call, `new`, a tagged template,
   * `await`) outside function bodies. Function and class expressions only run when called.
   */
  private executesOnLoad(from: number, to: number): boolean {
    for (let k = from; k < to; k++) {
      const kind = this.kinds[k]
      const text = this.texts[k] as string
      if (kind === IDENT) {
        if (text === 'new' || text === 'await') return true
        if (text === 'function') {
          while (k < to && !this.is(k, PUNCT, '{')) k++
          k = this.after(k) - 1
        } else if (text === 'class') {
          while (k < to && !this.is(k, PUNCT, '{')) k++
          // class bodies run static members on load: be safe
          return true
        }
        continue
      }
      if (kind === TEMPLATE && k > from && (this.is(k - 1, IDENT) || this.is(k - 1, PUNCT, ')'))) return true
      if (kind !== PUNCT) continue
      if (text === '=>') {
        if (this.is(k + 1, PUNCT, '{')) k = this.after(k + 1) - 1
        else k = this.skipExpressionBody(k + 1, to) - 1
      } else if (text === '(') {
        const close = this.after(k)
        const next = this.t(close)
        const prevKind = this.kinds[k - 1]
        const prev = this.t(k - 1)
        if (next === '=>' || (next === ':' && !this.is(close, PUNCT, '?'))) {
          k = close - 1 // arrow parameters
        } else if (next === '{' && this.is(close, PUNCT, '{')) {
          k = this.after(close) - 1 // method shorthand
        } else if (
          (prevKind === IDENT &&
            prev !== 'async' &&
            (!NOT_REFERENCES.has(prev) || (CONTEXTUAL_WORDS.has(prev) && !this.keywordAt(k - 1)))) ||
          prev === ')' ||
          prev === ']' ||
          prev === '>' ||
          prevKind === TEMPLATE
        ) {
          return true
        }
      }
    }
    return false
  }

  private skipExpressionBody(k: number, to: number): number {
    for (; k < to; k++) {
      const text = this.texts[k]
      if (this.kinds[k] !== PUNCT) continue
      if (text === '(' || text === '[' || text === '{') k = this.after(k) - 1
      else if (text === ',' || text === ')' || text === ']' || text === '}' || text === ';') return k
    }
    return to
  }
}

/**
 * The segments of a path from a file's folder, joined (`..` and `.` worked out) into a relative
 * path that starts with `./` or `..`; undefined for the folder itself, or a path not PATH_LIKE or long.
 */
function relativePath(segments: readonly string[]): string | undefined {
  const out: string[] = []
  let up = 0
  for (const segment of segments.join('/').split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment !== '..') out.push(segment)
    else if (out.length) out.pop()
    else up++
  }
  if (out.length === 0) return up ? Array(up).fill('..').join('/') : undefined
  const path = (up ? '../'.repeat(up) : './') + out.join('/')
  return path.length <= 200 && PATH_LIKE.test(path) ? path : undefined
}
