import { goEmbedPatterns } from './go-files.js'
import { fnmatchPath, joinPath, type CollectIgnore } from './project.js'
import type { SymbolSpans } from './js-scanner.js'
import {
  MODULE_SYMBOL,
  emptyScan,
  hashText,
  own,
  type ImportBinding,
  type ImportRecord,
  type ModuleScan
} from './model.js'

/** Python and Go: top-level definitions by indentation / package-level declarations. */

const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def',
  'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
  'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'self', 'cls'
]) // prettier-ignore

interface Logical {
  /** Code with comments removed and string contents replaced by a marker; per physical line. */
  code: string
  /** Normalized text for hashing (strings kept). */
  norm: string
  indent: number
  strings: string[]
  /** Source offsets: where its first physical line starts (indentation included), where it ends. */
  start: number
  end: number
}

/** Splits Python source into logical lines (bracket and backslash continuations joined). */
function pythonLogicalLines(src: string): { lines: Logical[]; error?: string } {
  const lines: Logical[] = []
  let i = 0
  const n = src.length
  let depth = 0
  let code = ''
  let norm = ''
  let strings: string[] = []
  let indent = -1
  let atLineStart = true
  let lineIndent = 0
  let start = 0
  const flush = (end: number): void => {
    if (code.trim())
      lines.push({ code, norm: norm.replace(/[ \t]+/g, ' ').trim(), indent, strings, start, end })
    code = ''
    norm = ''
    strings = []
    indent = -1
  }
  while (i < n) {
    const c = src[i] as string
    if (atLineStart) {
      if (!code.trim()) start = i
      lineIndent = 0
      while (src[i] === ' ' || src[i] === '\t') {
        lineIndent += src[i] === '\t' ? 8 : 1
        i++
      }
      atLineStart = false
      continue
    }
    if (c === '#') {
      while (i < n && src[i] !== '\n') i++
      continue
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2
      norm += ' '
      code += ' '
      continue
    }
    if (c === '\n' || c === '\r') {
      const end = i
      i++
      if (c === '\r' && src[i] === '\n') i++
      atLineStart = true
      if (depth === 0) flush(end)
      else {
        code += ' '
        norm += ' '
      }
      continue
    }
    if (indent < 0 && c !== ' ' && c !== '\t') indent = lineIndent
    if (c === '"' || c === "'") {
      const triple = src.startsWith(c.repeat(3), i)
      const quote = triple ? c.repeat(3) : c
      let j = i + quote.length
      while (j < n) {
        if (src[j] === '\\') j += 2
        else if (src.startsWith(quote, j)) break
        else if (!triple && src[j] === '\n') return { lines, error: `unterminated string at offset ${i}` }
        else j++
      }
      if (j >= n) return { lines, error: `unterminated string at offset ${i}` }
      const value = src.slice(i + quote.length, j)
      strings.push(value)
      // Spaces inside a string are content: kept apart from the whitespace the hash ignores.
      norm += JSON.stringify(value).replace(/ /g, '\\u0020')
      code += '""'
      // An f-string's replacement fields are code: what they name is referenced.
      if (/[fF][rRbB]?$|[rR][fF]$/.test(/\w*$/.exec(code.slice(0, -2))?.[0] ?? ''))
        code += ` ${fStringFields(value)} `
      i = j + quote.length
      continue
    }
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1)
    code += c
    norm += c
    i++
  }
  flush(n)
  if (depth > 0) return { lines, error: 'unclosed bracket at end of file' }
  return { lines }
}

/** A top-level statement that sets, or adds to, a conftest's list of what pytest does not collect. */
const COLLECT_IGNORE = /^(collect_ignore(?:_glob)?)\s*(=\s*\[|\+=\s*\[|\.extend\(\s*\[|\.append\()(.*)$/

/**
 * The entries of `collect_ignore` and `collect_ignore_glob` a conftest.py sets whatever runs (see
 * CollectIgnore), from its folder `dir`: in statements at the top level (`collect_ignore =
 * ["setup.py"]`, `.append(…)`, `.extend([…])`, `+= […]`) of plain strings only. What it adds
 * under a condition (`if sys.version_info < (3,):`), or computes, stays collected.
 */
export function collectIgnoreOf(src: string, dir: string): CollectIgnore | undefined {
  const paths: string[] = []
  const globs: RegExp[] = []
  for (const { code, indent, strings } of pythonLogicalLines(src).lines) {
    const found = indent === 0 ? COLLECT_IGNORE.exec(code.trim()) : null
    if (!found) continue
    // Nothing but the strings (each `""` in the code) and the brackets that close the statement.
    const how = found[2] as string
    const close = how.startsWith('.append') ? '\\)' : how.startsWith('.extend') ? '\\]\\)' : '\\]'
    const items = how.startsWith('.append') ? '""' : '(?:"",)*(?:"",?)?'
    if (!new RegExp(`^${items}${close}$`).test((found[3] as string).replace(/\s+/g, ''))) continue
    for (const value of strings) {
      const entry = joinPath(dir, value)
      if (found[1] === 'collect_ignore') paths.push(entry)
      else globs.push(fnmatchPath(entry))
    }
  }
  return paths.length || globs.length ? { dir, paths, globs } : undefined
}

/** A logical line that is an import statement. */
const PY_IMPORT_LINE = /^(from\s+\S+\s+import|import)\s/

/** The replacement fields of an f-string's text (`{x!r:>{width}}` → `x width`), `{{` escapes aside. */
function fStringFields(text: string): string {
  let fields = ''
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (depth === 0 && (c === '{' || c === '}') && text[i + 1] === c) i++
    else if (c === '{') {
      depth++
      fields += ' '
    } else if (c === '}') depth = Math.max(0, depth - 1)
    else if (depth > 0) fields += c
  }
  return fields
}

/**
 * For each local that a top-level `import pkg` (or `import pkg.mod as local`) binds, the attribute
 * names the file reads from it (`pkg.name`), when that is all the file does with it: no bare use
 * (passed on, assigned, `getattr(pkg, …)`) and no other binding of the name.
 */
function moduleAttributes(lines: readonly Logical[], locals: ReadonlySet<string>): Map<string, Set<string>> {
  const attributes = new Map<string, Set<string>>([...locals].map(local => [local, new Set<string>()]))
  for (const line of lines) {
    const code = line.code.trim()
    if (PY_IMPORT_LINE.test(code)) continue
    for (const match of code.matchAll(/(^|[^.\w])([A-Za-z_]\w*)(\s*\.\s*([A-Za-z_]\w*))?/g)) {
      const found = attributes.get(match[2] as string)
      if (!found) continue
      if (match[4] === undefined) attributes.delete(match[2] as string)
      else found.add(match[4])
    }
  }
  return attributes
}

/**
 * The names code uses; a name read for an attribute as `name.attr` (scanPython keeps that form for
 * names that imports bind: see moduleAttributeRefs).
 */
function pythonRefs(code: string): string[] {
  const refs = new Set<string>()
  for (const match of code.matchAll(/(^|[^.\w])([A-Za-z_]\w*)(?:\s*\.\s*([A-Za-z_]\w*))?/g)) {
    const name = match[2] as string
    if (PY_KEYWORDS.has(name)) continue
    refs.add(match[3] === undefined ? name : `${name}.${match[3]}`)
  }
  return [...refs]
}

/**
 * Keeps `name.attr` references only where an import binds `name` (a module, perhaps: see linkNode);
 * elsewhere they become `name`.
 */
function moduleAttributeRefs(scan: ModuleScan, importBound: ReadonlySet<string>): void {
  for (const symbol of Object.values(scan.symbols)) {
    if (!symbol.refs.some(ref => ref.includes('.'))) continue
    const refs = new Set<string>()
    for (const ref of symbol.refs) {
      const dot = ref.indexOf('.')
      refs.add(dot < 0 || importBound.has(ref.slice(0, dot)) ? ref : ref.slice(0, dot))
    }
    symbol.refs = [...refs]
  }
}

interface PythonImport {
  spec: string
  names: ImportBinding[] | null
  local?: string
}

/** A top-level function or class. */
interface Definition {
  name: string
  kind: 'def' | 'class'
  parts: string[]
  /** What its `def` or `class` line references (defaults, annotations, bases): the module's names. */
  signature: Set<string>
  refs: Set<string>
  /** A class's references that its body makes as the module loads: not its methods' bodies. */
  onLoad: Set<string>
  /** In a class, the indentation of the method whose body the scan is in. */
  methodIndent?: number
  /** The names a function's `global` statements declare. */
  globals: Set<string>
}

interface NestedImport extends PythonImport {
  /** The top-level function or class whose body has the import; none in a module-level `if`/`try`. */
  definition: Definition | undefined
}

function parsePythonImport(code: string): PythonImport[] {
  const text = code.trim()
  let match = /^from\s+(\.*[\w.]*)\s+import\s+(.+)$/s.exec(text)
  if (match) {
    const spec = match[1] as string
    const list = (match[2] as string).replace(/[()]/g, '')
    if (list.trim() === '*') return [{ spec, names: null }]
    const names: ImportBinding[] = list
      .split(',')
      .map(part => part.trim())
      .filter(Boolean)
      .map(part => {
        const [imported, local] = part.split(/\s+as\s+/)
        return { imported: (imported as string).trim(), local: (local ?? imported ?? '').trim() }
      })
    return [{ spec, names }]
  }
  match = /^import\s+(.+)$/s.exec(text)
  if (match) {
    return (match[1] as string).split(',').map(part => {
      const [module, local] = part.trim().split(/\s+as\s+/)
      const spec = (module as string).trim()
      return { spec, names: null, local: (local ?? spec.split('.')[0] ?? '').trim() }
    })
  }
  return []
}

/**
 * Code that loads modules named in strings: pytest's `pytest_plugins` (each one loaded with the
 * conftest or test module that lists it), `importlib.import_module(…)` and `__import__(…)`.
 */
export const PY_MODULE_BY_NAME = /\bpytest_plugins\s*[:=]|\bimport_module\s*\(|\b__import__\s*\(/
/** A dotted module path, relative ones too. */
export const PY_MODULE_PATH = /^\.*[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/

export function scanPython(src: string): ModuleScan {
  const scan = emptyScan('py')
  const { lines, error } = pythonLogicalLines(src)
  if (error) scan.error = error
  const moduleParts: string[] = []
  const moduleRefs = new Set<string>()
  const allStrings = new Set<string>()
  let current: Definition | undefined
  let decorators: Logical[] = []
  // Imports in a block: a function's or class's body, or code under `if`/`try` at module level.
  const nested: NestedImport[] = []
  // Every name an import binds, at top level or in a block.
  const importBound = new Set<string>()
  const close = (): void => {
    if (!current) return
    const existing = scan.symbols[current.name]
    const hash = hashText(current.parts.join('\n'))
    scan.symbols[current.name] = {
      hash: existing ? hashText(existing.hash + hash) : hash,
      refs: [...new Set([...(existing?.refs ?? []), ...current.refs])]
    }
    if (current.kind === 'class') for (const ref of current.onLoad) moduleRefs.add(ref)
    current = undefined
  }
  for (const line of lines) {
    for (const value of line.strings)
      if (value.length <= 200 && /^[\w@./-]+$/.test(value) && /[./_-]/.test(value)) allStrings.add(value)
    const code = line.code.trim()
    if (PY_MODULE_BY_NAME.test(code))
      for (const value of line.strings)
        if (PY_MODULE_PATH.test(value)) scan.imports.push({ spec: value, kind: 'dynamic', names: null })
    if (line.indent > 0) {
      if (PY_IMPORT_LINE.test(code))
        for (const entry of parsePythonImport(code)) nested.push({ ...entry, definition: current })
      if (current) {
        const global = /^global\s+(.+)$/.exec(code)
        for (const name of global?.[1]?.split(',') ?? []) current.globals.add(name.trim())
        current.parts.push(`${line.indent}:${line.norm}`)
        const refs = pythonRefs(code)
        for (const ref of refs) current.refs.add(ref)
        // A class body runs on load, its methods' signatures and decorators too, not their bodies.
        if (
          current.kind === 'class' &&
          !(current.methodIndent !== undefined && line.indent > current.methodIndent)
        ) {
          current.methodIndent = /^(?:async\s+)?def\s/.test(code) ? line.indent : undefined
          for (const ref of refs) current.onLoad.add(ref)
          if (runsOnLoad(code)) moduleParts.push(`${current.name}:${line.indent}:${line.norm}`)
        }
      } else {
        moduleParts.push(`${line.indent}:${line.norm}`)
        for (const ref of pythonRefs(code)) moduleRefs.add(ref)
      }
      continue
    }
    close()
    if (code.startsWith('@')) {
      decorators.push(line)
      continue
    }
    const def = /^(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)/.exec(code)
    if (def) {
      const name = def[2] as string
      current = {
        name,
        kind: def[1] as Definition['kind'],
        parts: [...decorators.map(d => d.norm), line.norm],
        // Its signature's defaults and annotations, its bases: read as it is defined, on load.
        signature: new Set(pythonRefs(code.slice(def[0].length))),
        refs: new Set(),
        onLoad: new Set(),
        globals: new Set()
      }
      for (const ref of current.signature) current.refs.add(ref)
      for (const decorator of decorators) for (const ref of pythonRefs(decorator.code)) moduleRefs.add(ref)
      // Decorators, bases and defaults that call run as the module loads: an edit to them can
      // raise there, for every module that loads this one.
      for (const decorator of decorators) moduleParts.push(decorator.norm)
      if (runsOnLoad(code)) moduleParts.push(line.norm)
      if (def[1] === 'class') {
        const bases = /\((.*)\)/.exec(code)
        if (bases) for (const ref of pythonRefs(bases[1] as string)) moduleRefs.add(ref)
      }
      decorators = []
      scan.exports[name] = name
      continue
    }
    for (const decorator of decorators) moduleParts.push(decorator.norm)
    decorators = []
    if (PY_IMPORT_LINE.test(code)) {
      for (const entry of parsePythonImport(code)) {
        const star = !entry.names && entry.local === undefined
        const record: ImportRecord = {
          spec: entry.spec,
          kind: star ? 'reexport' : 'static',
          names: entry.names
        }
        // `import pkg` or `import pkg.mod as name` binds the module it imports (`import pkg.mod`
        // binds `pkg`).
        if (
          !entry.names &&
          entry.local &&
          (!entry.spec.includes('.') || entry.local !== entry.spec.split('.')[0])
        )
          record.local = entry.local
        scan.imports.push(record)
        const bindings = entry.names ?? (entry.local ? [{ imported: '*', local: entry.local }] : [])
        for (const binding of bindings) {
          importBound.add(binding.local)
          scan.symbols[binding.local] = { hash: `${entry.spec}\u0000${binding.imported}`, refs: [] }
          scan.exports[binding.local] ??= binding.local
        }
        if (!entry.names) moduleParts.push(`import ${entry.spec}`)
      }
      continue
    }
    const assignment = /^([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)/.exec(code)
    if (assignment) {
      const name = assignment[1] as string
      const refs = pythonRefs(code.slice(assignment[0].length))
      scan.symbols[name] = { hash: hashText(line.norm), refs }
      // A value that runs code as the module loads (a call, an operator) is module code as well.
      if (!pythonInert(code.slice(assignment[0].length))) moduleParts.push(line.norm)
      scan.exports[name] = name
      for (const ref of refs) moduleRefs.add(ref)
      continue
    }
    moduleParts.push(line.norm)
    // `del name` unbinds a name: it does not use what the name holds.
    if (!/^del\s+[\w\s,]+$/.test(code)) for (const ref of pythonRefs(code)) moduleRefs.add(ref)
  }
  close()
  for (const decorator of decorators) moduleParts.push(decorator.norm)
  for (const bound of recordNestedImports(scan, nested)) importBound.add(bound)
  scan.symbols[MODULE_SYMBOL] = { hash: hashText(moduleParts.join('\n')), refs: [...moduleRefs] }
  moduleAttributeRefs(scan, importBound)
  recordModuleAttributes(scan, lines)
  scan.strings = [...allStrings].slice(0, 300)
  return scan
}

/**
 * Adds the imports made in blocks, and returns the names they bind. `from m import a` under a
 * module-level `if`/`try` (`if TYPE_CHECKING: from .core import Context`) binds `a` for the module,
 * as at top level; in a function (`def __getattr__(name): from .core import Command`), for that
 * function only (`<function>/a`, unless the function declares `a` global): its references to `a`
 * lead to `m`'s `a`, not to all of `m`. In a class (a method's, or the class body's) it binds for
 * the module, as the class body may run it on load. A name bound twice in one scope, to different
 * things (`try: from ._speedups import escape` / `except ImportError: from ._native import escape`),
 * or bound at module level and at top level, keeps its imports whole; so do `import m` and
 * `from m import *`.
 */
function recordNestedImports(scan: ModuleScan, nested: readonly NestedImport[]): Set<string> {
  const bindingKey = (spec: string, binding: ImportBinding): string => `${spec}\u0000${binding.imported}`
  const scoped = (definition: Definition | undefined, local: string): string =>
    definition?.kind === 'def' && !definition.globals.has(local) ? `${definition.name}/${local}` : local
  const boundTo = new Map<string, Set<string>>()
  for (const { spec, names, definition } of nested)
    for (const binding of names ?? []) {
      const local = scoped(definition, binding.local)
      const keys = boundTo.get(local) ?? new Set<string>()
      keys.add(bindingKey(spec, binding))
      boundTo.set(local, keys)
    }
  const bindsOnce = (local: string): boolean =>
    boundTo.get(local)?.size === 1 && (local.includes('/') || !own(scan.symbols, local))
  const bound = new Set<string>()
  // Per function: its locals and what they are bound as.
  const renames = new Map<Definition, Map<string, string>>()
  for (const { spec, names, local, definition } of nested) {
    const kept = names?.every(binding => bindsOnce(scoped(definition, binding.local))) ? names : null
    if (!kept && local) bound.add(local)
    const bindings = (kept ?? []).map(binding => ({ ...binding, local: scoped(definition, binding.local) }))
    scan.imports.push({ spec, kind: 'dynamic', names: kept ? bindings : null })
    bindings.forEach((binding, i) => {
      bound.add(binding.local)
      if (definition && binding.local.includes('/')) {
        const renamed = renames.get(definition) ?? new Map<string, string>()
        renamed.set((kept?.[i] as ImportBinding).local, binding.local)
        renames.set(definition, renamed)
      } else {
        scan.symbols[binding.local] = { hash: bindingKey(spec, binding), refs: [] }
        scan.exports[binding.local] ??= binding.local
      }
    })
  }
  for (const [definition, renamed] of renames) {
    const symbol = own(scan.symbols, definition.name)
    if (!symbol) continue
    const refs = new Set<string>()
    for (const ref of symbol.refs) {
      const dot = ref.indexOf('.')
      const head = dot < 0 ? ref : ref.slice(0, dot)
      const to = renamed.get(head)
      // In the body, a function's local hides the module's name.
      if (to !== undefined) refs.add(to + ref.slice(head.length))
      if (to === undefined || definition.signature.has(ref)) refs.add(ref)
    }
    symbol.refs = [...refs]
  }
  return bound
}

/**
 * Sets `attributes` on the imports that bind a module (`local`) the file only reads attributes of.
 * A local that two of them bind (`import a as m`, `import b as m`) is left whole. `import a.b`
 * beside `import a` leaves `a` an attribute reader: `a.b` reads the submodule `b`.
 */
function recordModuleAttributes(scan: ModuleScan, lines: readonly Logical[]): void {
  const byLocal = new Map<string, ImportRecord[]>()
  for (const record of scan.imports) {
    if (record.local === undefined) continue
    const list = byLocal.get(record.local)
    if (list) list.push(record)
    else byLocal.set(record.local, [record])
  }
  const locals = new Set([...byLocal].filter(([, records]) => records.length === 1).map(([local]) => local))
  for (const [local, names] of moduleAttributes(lines, locals)) {
    const record = byLocal.get(local)?.[0]
    if (record) record.attributes = [...names].sort()
  }
}

// ── Go ─────────────────────────────────────────────────────────────────────

/**
 * Comments Go reads: build constraints, `//go:` directives (`embed`, `linkname`, `noinline`…),
 * cgo's `//export`, and `//line`. They are code to the scanner, kept with the declaration they
 * precede.
 */
const GO_DIRECTIVE = /^\/\/(?:go:[a-z]|\s*\+build\s|export\s|line\s)/
/** A file that imports "C": its comment before the import is C code (cgo), so no comment is dropped. */
const GO_CGO_IMPORT = /^import\s*(?:\(\s*)?"C"/m

/**
 * Go: package clause, imports, embed patterns, and a hash per package-level declaration (comments
 * dropped, except directives, and except every comment in a cgo file).
 */
export function scanGo(src: string): ModuleScan {
  const scan = emptyScan('go')
  const keepComments = GO_CGO_IMPORT.test(src)
  const embeds: string[] = []
  // Remove comments while keeping strings (raw strings use backquotes).
  let code = ''
  const strings = new Set<string>()
  for (let i = 0; i < src.length;) {
    const c = src[i] as string
    if (c === '/' && src[i + 1] === '/') {
      let end = src.indexOf('\n', i)
      if (end < 0) end = src.length
      const comment = src.slice(i, end)
      const atLineStart = /^[ \t]*$/.test(src.slice(src.lastIndexOf('\n', i - 1) + 1, i))
      if (atLineStart && GO_DIRECTIVE.test(comment)) {
        code += comment
        if (comment.startsWith('//go:embed '))
          embeds.push(...goEmbedPatterns(comment.slice('//go:embed '.length)))
      } else if (keepComments) code += comment
      i = end
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2)
      if (end < 0) {
        scan.error = 'unclosed comment'
        break
      }
      if (keepComments) code += src.slice(i, end + 2)
      else code += src.slice(i, end + 2).includes('\n') ? '\n' : ' '
      i = end + 2
    } else if (c === '"' || c === '`' || c === "'") {
      let j = i + 1
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && c !== '`') j++
        j++
      }
      const value = src.slice(i + 1, j)
      if (c === '"' && /^[\w@./-]+$/.test(value) && /[./_-]/.test(value)) strings.add(value)
      // Whitespace inside a literal is content, not formatting: escaped so that it is hashed as is.
      code += src.slice(i, j + 1).replace(/\s/g, ch => `\\u{${ch.charCodeAt(0).toString(16)}}`)
      i = j + 1
    } else {
      code += c
      i++
    }
  }
  if (embeds.length) scan.embeds = embeds
  scan.pkg = /^\s*package\s+(\w+)/m.exec(code)?.[1]
  if (!scan.pkg) scan.error ??= 'no package clause'
  const importBlock = /^import\s*\(([\s\S]*?)\)/gm
  for (const block of code.matchAll(importBlock)) {
    for (const m of (block[1] as string).matchAll(/(?:^|\n)\s*(?:[\w.]+\s+)?"([^"]+)"/g))
      scan.imports.push({ spec: m[1] as string, kind: 'static', names: null })
  }
  for (const m of code.matchAll(/^import\s+(?:[\w.]+\s+)?"([^"]+)"/gm))
    scan.imports.push({ spec: m[1] as string, kind: 'static', names: null })
  // Package-level declarations start at column 0, with the directives just above them.
  const decls = code.split(/(?<!^\/\/go:[^\n]*)\n(?=(?:\/\/go:[^\n]*\n)*(?:func|type|var|const)\b)/m)
  const moduleParts: string[] = []
  for (const decl of decls) {
    const norm = decl.replace(/\s+/g, ' ').trim()
    const head = /^(func|type|var|const)\s*(?:\(\s*\w*\s*\*?\s*(\w+)[^)]*\)\s*)?(\w+)?/.exec(
      decl.replace(/^(?:\/\/go:[^\n]*\n)+/, '').replace(/\s+/g, ' ')
    )
    if (!head) {
      moduleParts.push(
        norm.replace(/^package \w+/, '').replace(/import\s*\([^)]*\)|import\s+(?:[\w.]+\s+)?"[^"]+"/g, '')
      )
      continue
    }
    const name = head[2] ? `${head[2]}.${head[3]}` : (head[3] ?? `${head[1]}#${moduleParts.length}`)
    scan.symbols[name] = { hash: hashText(norm), refs: [] }
  }
  scan.symbols[MODULE_SYMBOL] = { hash: hashText(moduleParts.join('\n')), refs: [] }
  const specs = new Set(scan.imports.map(i => i.spec))
  scan.strings = [...strings].filter(value => !specs.has(value)).slice(0, 300)
  return scan
}

/** A top-level `def` or `class` of a Python file, as the coverage filter compares it. */
interface PythonDefinition {
  name: string
  kind: 'def' | 'class'
  /** From its first decorator to the end of its body. */
  span: [number, number]
  /** What runs as it is defined (decorators, signature; a class's body less its methods' bodies). */
  shape: string[]
  /** A class's methods: their bodies run only when called. */
  methods: Array<{ span: [number, number]; body: string }>
}

function pythonDefinitions(src: string): Map<string, PythonDefinition> | undefined {
  const { lines, error } = pythonLogicalLines(src)
  if (error) return undefined
  const definitions = new Map<string, PythonDefinition>()
  const twice = new Set<string>()
  let decorators: Logical[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Logical
    if (line.indent > 0) continue
    const code = line.code.trim()
    if (code.startsWith('@')) {
      decorators.push(line)
      continue
    }
    const def = /^(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)/.exec(code)
    const header = [...decorators, line]
    decorators = []
    if (!def) continue
    let last = i
    while ((lines[last + 1]?.indent ?? 0) > 0) last++
    const body = lines.slice(i + 1, last + 1)
    const definition: PythonDefinition = {
      name: def[2] as string,
      kind: def[1] as 'def' | 'class',
      span: [(header[0] as Logical).start, (lines[last] as Logical).end],
      shape: [...header.map(h => h.norm), ...docstringOf(body)],
      methods: []
    }
    if (definition.kind === 'class') {
      const memberIndent = body[0]?.indent ?? 0
      let methodDecorators: Logical[] = []
      for (let j = 0; j < body.length; j++) {
        const member = body[j] as Logical
        const memberCode = member.code.trim()
        if (member.indent === memberIndent && memberCode.startsWith('@')) {
          methodDecorators.push(member)
          continue
        }
        const memberHeader = [...methodDecorators, member]
        methodDecorators = []
        for (const part of memberHeader) definition.shape.push(`${part.indent}:${part.norm}`)
        if (member.indent !== memberIndent || !/^(?:async\s+)?def\s/.test(memberCode)) continue
        let end = j
        while ((body[end + 1]?.indent ?? 0) > memberIndent) end++
        const methodBody = body.slice(j + 1, end + 1)
        for (const doc of docstringOf(methodBody)) definition.shape.push(doc)
        definition.methods.push({
          span: [(memberHeader[0] as Logical).start, (body[end] as Logical).end],
          body: methodBody.map(part => `${part.indent}:${part.norm}`).join('\n')
        })
        j = end
      }
      for (const part of methodDecorators) definition.shape.push(`${part.indent}:${part.norm}`)
    }
    if (definitions.has(definition.name)) twice.add(definition.name)
    definitions.set(definition.name, definition)
    i = last
  }
  // Defined twice: the filter leaves such a name to the graph.
  for (const name of twice) definitions.delete(name)
  return definitions
}

/** A call or a subscript: code that runs (and may raise) where the expression is evaluated. */
const PY_CALL_OR_SUBSCRIPT = /[\w)\]"]\s*[([]/
const PY_CALL = /[\w)\]"]\s*\(/
/** A statement that is a string alone (strings blanked to `""`): a docstring where it comes first. */
const PY_STRING_STATEMENT = /^[rRuUbB]?""$/

/**
 * Whether evaluating an expression (strings already blanked to `""`) runs no code but a name's
 * look-up: literals, names, dotted names and displays of them, as a JavaScript initializer without
 * a call. An operator, a call, a subscript, a lambda or a comprehension's call counts as code.
 */
function pythonInert(expression: string): boolean {
  const value = expression.replace(/(^|[([{,:]\s*)[-+](?=\s*\d)/g, '$1').trim()
  return /^[\w\s.,:()[\]{}"]*$/.test(value) && !PY_CALL_OR_SUBSCRIPT.test(value) && !/\blambda\b/.test(value)
}

/**
 * Whether a statement at top level or in a class body runs code of its own as the module loads:
 * a decorator, a class with bases, a function whose defaults or annotations call something, an
 * assignment whose value is not inert, or any other statement but a docstring, `pass` or a bare
 * annotation.
 */
function runsOnLoad(code: string): boolean {
  if (code.startsWith('@')) return true
  const def = /^(?:async\s+)?def\s+\w+\s*\((.*)$/.exec(code)
  // A subscript in an annotation (`list[int]`) is a type's, as a name is.
  if (def) return PY_CALL.test(def[1] as string)
  const cls = /^class\s+\w+\s*(.*)$/.exec(code)
  if (cls) return /^\(\s*[^)\s]/.test(cls[1] as string)
  if (PY_STRING_STATEMENT.test(code) || code === 'pass' || code === '...') return false
  const assignment = /^[A-Za-z_][\w.]*\s*(:[^=]+)?(?:=(?!=)(.*))?$/.exec(code)
  if (assignment) return assignment[2] === undefined ? false : !pythonInert(assignment[2])
  return true
}

/** A function's docstring: read as it is defined (`__doc__`, click's help text), not when it runs. */
function docstringOf(body: readonly Logical[]): string[] {
  const first = body[0]
  return first && PY_STRING_STATEMENT.test(first.code.trim()) ? [`doc:${first.norm}`] : []
}

/**
 * The spans of the top-level functions and classes of the two versions of a Python file, for the
 * coverage filter (see SymbolSpans). A function's code runs only when called, but its decorators
 * and signature (defaults, annotations) run as it is defined, and its docstring is read then:
 * they are its shape. A class whose
 * versions differ only in the bodies of methods counts as those methods, a function of the same
 * shape; any other change to a class (a class attribute, a method's decorators or signature, a
 * method added or removed) runs on load: the class spans the whole of itself and is no function.
 */
export function pythonSymbolSpans(
  base: string,
  head: string
): { base: Map<string, SymbolSpans>; head: Map<string, SymbolSpans> } {
  const before = pythonDefinitions(base)
  const after = pythonDefinitions(head)
  const spans = { base: new Map<string, SymbolSpans>(), head: new Map<string, SymbolSpans>() }
  if (!before || !after) return spans
  for (const [name, old] of before) {
    const now = after.get(name)
    if (!now) continue
    const shape = (d: PythonDefinition): string => `${d.kind}\n${d.shape.join('\n')}`
    if (old.kind === 'def' || shape(old) !== shape(now)) {
      const fn = old.kind === 'def' && now.kind === 'def'
      spans.base.set(name, { spans: [old.span], fn, shape: shape(old) })
      spans.head.set(name, { spans: [now.span], fn, shape: shape(now) })
      continue
    }
    // Same shape, so the same methods in the same order: the ones whose bodies changed.
    const changed = old.methods.flatMap((method, i) => (method.body !== now.methods[i]?.body ? [i] : []))
    spans.base.set(name, {
      spans: changed.map(i => old.methods[i]?.span as [number, number]),
      fn: true,
      shape: shape(old)
    })
    spans.head.set(name, {
      spans: changed.map(i => now.methods[i]?.span as [number, number]),
      fn: true,
      shape: shape(now)
    })
  }
  return spans
}
