/**
 * What the scanners extract from one source file. It is plain JSON so that it can be cached,
 * keyed by the file's git blob SHA.
 */

export type Language = 'js' | 'py' | 'go' | 'data'

/** The name of the pseudo-symbol made of a module's top-level statements (what runs on load). */
export const MODULE_SYMBOL = '<module>'
/**
 * The word (see SymbolInfo.words) of a `for (key in object)` loop, which lists an object's
 * enumerable names and those of its prototypes: no property or string has it.
 */
export const FOR_IN_WORD = '\u0000for…in'

/**
 * `glob`: a pattern of files, all loaded (see glob-imports.ts). `folder`: the folder of the module
 * (`dirname(require.resolve(spec))`), which is named, not loaded. `rooted`: a path from a folder
 * known only when the code runs (`require(path.resolve('src/a'))`, `require(ROOT + '/src/a')`),
 * which may lead from any folder (Resolver.fromAnyFolder).
 */
export type ImportKind = 'static' | 'require' | 'dynamic' | 'mock' | 'reexport' | 'glob' | 'folder' | 'rooted'

export interface ImportBinding {
  /** The exported name in the target ('default', a name, or '*' for the whole module). */
  imported: string
  /** The local binding ('' for re-exports). */
  local: string
}

export interface ImportRecord {
  spec: string
  kind: ImportKind
  /** Named bindings; null means the whole module is reached (namespace, require, side effect). */
  names: ImportBinding[] | null
  /**
   * TypeScript's `import type …` and `export type { … } from`: erased from what runs, so it loads
   * nothing; its names still reach the types they name.
   */
  typeOnly?: true
  /** Python `import pkg` (or `import pkg.mod as local`): the name the module is bound to. */
  local?: string
  /**
   * Python: with `local`, the attributes the file reads from the module (`pkg.name`) when that is
   * all it does with it; absent when it uses the module otherwise.
   */
  attributes?: string[]
}

export interface SymbolInfo {
  /** Hash of the declaration's normalized token stream (comments and whitespace dropped). */
  hash: string
  /** Local names the declaration references (other symbols of the module or import bindings). */
  refs: string[]
  /**
   * The names the declaration can call a method by: property names (after a dot, keys, shorthands
   * in braces) and the words of its strings. A member in a class's `calledByName` runs only if code
   * that reaches it mentions its name. FOR_IN_WORD where it loops over an object's names.
   */
  words?: string[]
  /** Set on a class declaration. */
  class?: ClassInfo
  /**
   * Declared by `interface` and `type` declarations only: a type, which TypeScript erases. No code
   * runs through it, so only tests that are type-checked reach what it references.
   */
  typeOnly?: true
  /**
   * On a type: the names it reads as values, in a computed key (`[sym]: T`). They are erased with
   * it too, but compilers keep their imports, so its module still loads what they name.
   */
  valueRefs?: string[]
  /**
   * A function declaration's parameters (a bit per position, the first 31) that it does not touch
   * when called, save in a function it returns as it is (`return function (a) { fn(a) }`): a
   * function passed there is not called by the call (curry and memoize wrappers, `_curry1(fn)`).
   */
  defers?: number
  /**
   * On MODULE_SYMBOL: function expressions that a call made on load is passed, left out of `refs`
   * (see DeferredCall).
   */
  deferred?: DeferredCall[]
}

/**
 * A function expression or a name passed to a call made on load (`var f = _curry1(function f(a)
 * {…})`, `_createReduce(_arrayReduce)`): what it references runs on load only if a callee may call
 * it then. `calls` are the call it is passed to and each call that call's result is passed to in
 * turn, innermost first (the callee's local name, and the argument's position). A function's `refs`
 * also hold the statement's declared name, whose text (its body) load runs when the function runs
 * then; a name is in the module's hash already.
 */
export interface DeferredCall {
  calls: Array<[callee: string, position: number]>
  refs: string[]
}

export interface ClassInfo {
  /**
   * The methods and accessors that run only when code names them (member reach), or null when
   * code outside the repository may call any member (decorators, a base that is not a plain name,
   * a class declared twice). Interfaces and bases are judged by member reach, which can see where
   * they come from. On a function whose prototype gets its methods (`F.prototype.format =
   * function…`), each is `prototype.format`, its key after the function's name.
   */
  calledByName: string[] | null
  /** The local name of its base class, when it has one that is a plain name. */
  base?: string
  /** The local names of the interfaces it implements (their first segment: `ns` of `ns.I`). */
  interfaces?: string[]
  /**
   * Names whose properties `Object.assign(C.prototype, A, B…)` copies onto the class on load, and
   * that no other code run on load references. Member reach takes the exports of such a namespace
   * import as members: they run only when code names them.
   */
  mixins?: string[]
}

export interface ModuleScan {
  lang: Language
  /** Set when the file could not be parsed; selection then falls back to running everything. */
  error?: string
  imports: ImportRecord[]
  /** Top-level declarations by local name, plus MODULE_SYMBOL for the statements run on load. */
  symbols: Record<string, SymbolInfo>
  /** Exported name → local name. */
  exports: Record<string, string>
  /** Specifiers re-exported wholesale (`export * from`). */
  exportAll: string[]
  /** True when the module uses ES module syntax (import/export); false for CommonJS/scripts. */
  esm: boolean
  /** Path-like string literals, to find tests that load data files at run time; none of them an import's specifier. */
  strings: string[]
  /**
   * Set when the module has a decorator (`@Entity()`): with decorator metadata, compilers that see
   * one module at a time keep the imports of the types its decorated classes are annotated with.
   */
  decorated?: true
  /** Go: the package clause. Python: unused. */
  pkg?: string
  /** Go: the `//go:embed` patterns of the file, relative to its folder. */
  embeds?: string[]
}

/** A JavaScript or TypeScript file's extension, at the end of its path (`.ts`, `.mjs`, `.d.ts`…). */
export const JS_EXTENSION = /\.[cm]?[jt]sx?$/

/** Whether `path` names a JavaScript or TypeScript file (declaration files too). */
export const isJsLike = (path: string): boolean => JS_EXTENSION.test(path)

/** A string that may be a path: kept from a scan (`ModuleScan.strings`) to find what it names. */
export const PATH_LIKE = /^(?:\.{0,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\/?$/
/** The text of a part of a path built at run time that a scan reads: no spaces, quotes or the like. */
export const PATH_TEXT = /^[\w@.\-/]*$/

/** Whether a scan keeps a string literal in `strings`: it is PATH_LIKE and has a `.`, `/`, `_` or `-`. */
export const keptAsPath = (value: string): boolean =>
  value.length >= 2 && value.length <= 200 && PATH_LIKE.test(value) && /[./_-]/.test(value)

/**
 * A template literal's text after its last hole (`${dir}/bin/cli.js` → `/bin/cli.js`), as a scan
 * keeps it.
 */
export const afterLastHole = (template: string): string =>
  template.includes('${') ? template.slice(template.lastIndexOf('}') + 1) : template

/** A record's own entry (never one of Object.prototype's: `toString`, `constructor`…). */
export function own<T>(record: Record<string, T>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined
}

export function emptyScan(lang: Language): ModuleScan {
  // Records keyed by names from the code: dictionary objects from the start (a null prototype),
  // not a hidden class per name seen.
  const symbols: ModuleScan['symbols'] = Object.create(null)
  const exports: ModuleScan['exports'] = Object.create(null)
  return { lang, imports: [], symbols, exports, exportAll: [], esm: false, strings: [] }
}

/** A fast, non-cryptographic 53-bit string hash (cyrb53), rendered in base 36. */
export function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}
