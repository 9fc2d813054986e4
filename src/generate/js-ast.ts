/**
 * JavaScript and TypeScript analysis on the TypeScript compiler's parser (syntax only, no type
 * checking): symbols of a module, real assertions in a test file, and mutants of changed lines.
 */
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as TS from 'typescript'
import type { Mutant } from './types.js'

type TypeScript = typeof TS

let loaded: TypeScript | undefined
export async function loadTypeScript(): Promise<TypeScript> {
  if (!loaded) {
    // The compiler is CommonJS; inside the ESM bundle it still reads the CommonJS module globals.
    const globals = globalThis as { __filename?: string; __dirname?: string }
    globals.__filename ??= fileURLToPath(import.meta.url)
    globals.__dirname ??= dirname(globals.__filename)
    loaded = ((await import('typescript')) as unknown as { default: TypeScript }).default
  }
  return loaded
}

function parse(ts: TypeScript, path: string, content: string): TS.SourceFile {
  const kind = /\.(tsx|jsx)$/i.test(path)
    ? ts.ScriptKind.TSX
    : /\.[cm]?js$/i.test(path)
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS
  return ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, kind)
}

function lineOf(source: TS.SourceFile, position: number): number {
  return source.getLineAndCharacterOfPosition(position).line + 1
}

export interface ModuleSymbol {
  name: string
  kind: 'function' | 'class' | 'method' | 'variable'
  startLine: number
  endLine: number
  /** The declaration without its body, for prompts. */
  signature: string
  exported: boolean
}

export interface ModuleOutline {
  symbols: ModuleSymbol[]
  /** Relative import specifiers and the names taken from each. */
  imports: Array<{ specifier: string; names: string[] }>
}

function headerOf(source: TS.SourceFile, node: TS.Node, body: TS.Node | undefined): string {
  const text = source.text.slice(node.getStart(source), body ? body.getStart(source) : node.getEnd())
  return text
    .trim()
    .replace(/\s*\{?\s*$/, '')
    .replace(/\s+/g, ' ')
}

function isExported(ts: TypeScript, node: TS.Node): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined
  return Boolean(modifiers?.some(m => m.kind === ts.SyntaxKind.ExportKeyword))
}

export async function outlineModule(path: string, content: string): Promise<ModuleOutline> {
  const ts = await loadTypeScript()
  const source = parse(ts, path, content)
  const symbols: ModuleSymbol[] = []
  const imports: ModuleOutline['imports'] = []
  const span = (node: TS.Node): { startLine: number; endLine: number } => ({
    startLine: lineOf(source, node.getStart(source)),
    endLine: lineOf(source, node.getEnd())
  })
  for (const statement of source.statements) {
    const exported = isExported(ts, statement)
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      symbols.push({
        name: statement.name.text,
        kind: 'function',
        ...span(statement),
        signature: headerOf(source, statement, statement.body),
        exported
      })
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const className = statement.name.text
      const members: string[] = []
      for (const member of statement.members) {
        const body = (member as { body?: TS.Node }).body
        const header = headerOf(source, member, body)
        members.push(`  ${header}`)
        if ((ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member)) && body) {
          const name = ts.isConstructorDeclaration(member) ? 'constructor' : member.name.getText(source)
          symbols.push({
            name: `${className}.${name}`,
            kind: 'method',
            ...span(member),
            signature: header,
            exported
          })
        }
      }
      const head = headerOf(source, statement, undefined).split('{')[0]?.trim() ?? `class ${className}`
      symbols.push({
        name: className,
        kind: 'class',
        ...span(statement),
        signature: `${head} {\n${members.join('\n')}\n}`,
        exported
      })
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue
        const init = declaration.initializer
        const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined
        const signature = fn
          ? `${exported ? 'export ' : ''}const ${declaration.name.text} = ${headerOf(source, fn, fn.body).replace(/\s*=>$/, '')}`
          : source.text.slice(statement.getStart(source), statement.getEnd()).split('\n')[0]!.slice(0, 160)
        symbols.push({
          name: declaration.name.text,
          kind: fn ? 'function' : 'variable',
          ...span(statement),
          signature,
          exported
        })
      }
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const names: string[] = []
      const clause = statement.importClause
      if (clause?.name) names.push('default')
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        for (const element of clause.namedBindings.elements)
          names.push((element.propertyName ?? element.name).text)
      }
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) names.push('*')
      imports.push({ specifier: statement.moduleSpecifier.text, names })
    }
  }
  return { symbols, imports }
}

export interface TestAssertions {
  /** Parse problems, when the file does not parse. */
  syntaxError?: string
  tests: Array<{ name: string; line: number; real: boolean }>
}

const WEAK_MATCHERS = new Set(['toBeDefined'])
const WEAK_NEGATED = new Set(['toThrow', 'toThrowError', 'toBeUndefined', 'toBeNull'])
const TEST_FUNCTIONS = new Set(['it', 'test'])
const WEAK_ASSERT = new Set(['doesNotThrow', 'doesNotReject'])

/**
 * For each test case (`it`/`test` callback), whether it holds at least one real assertion on the code
 * under test: an `expect(subject)…matcher()` (or an `assert…(subject)`) whose subject uses a binding
 * imported from `sourceStem`'s module, directly or through local variables, and whose matcher says
 * more than "it is defined" or "it did not throw".
 */
export async function analyseJsAssertions(
  path: string,
  content: string,
  sourceStem: string
): Promise<TestAssertions> {
  const ts = await loadTypeScript()
  const source = parse(ts, path, content)
  const diagnostics = (source as unknown as { parseDiagnostics?: TS.Diagnostic[] }).parseDiagnostics ?? []
  if (diagnostics.length > 0) {
    const first = diagnostics[0]!
    const line = first.start !== undefined ? lineOf(source, first.start) : 0
    return {
      syntaxError: `${ts.flattenDiagnosticMessageText(first.messageText, ' ')} (line ${line})`,
      tests: []
    }
  }
  const fromSource = (specifier: string): boolean =>
    (specifier.split('/').pop() ?? '').replace(/\.[cm]?[jt]sx?$/, '') === sourceStem
  const imported = new Set<string>()
  const visitImports = (node: TS.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      fromSource(node.moduleSpecifier.text)
    ) {
      const clause = node.importClause
      if (clause?.name) imported.add(clause.name.text)
      const bindings = clause?.namedBindings
      if (bindings && ts.isNamedImports(bindings))
        for (const e of bindings.elements) imported.add(e.name.text)
      if (bindings && ts.isNamespaceImport(bindings)) imported.add(bindings.name.text)
    }
    if (
      ts.isVariableDeclaration(node) &&
      node.initializer &&
      ts.isCallExpression(node.initializer) &&
      ts.isIdentifier(node.initializer.expression) &&
      node.initializer.expression.text === 'require' &&
      node.initializer.arguments[0] &&
      ts.isStringLiteral(node.initializer.arguments[0]) &&
      fromSource(node.initializer.arguments[0].text)
    ) {
      for (const name of bindingNames(ts, node.name)) imported.add(name)
    }
    ts.forEachChild(node, visitImports)
  }
  visitImports(source)

  const tests: TestAssertions['tests'] = []
  const visitTests = (node: TS.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression
      const base = ts.isPropertyAccessExpression(callee) ? callee.expression : callee
      const modifier = ts.isPropertyAccessExpression(callee) ? callee.name.text : ''
      const body = node.arguments[node.arguments.length - 1]
      if (
        ts.isIdentifier(base) &&
        TEST_FUNCTIONS.has(base.text) &&
        ['', 'only', 'concurrent', 'skip', 'todo'].includes(modifier) &&
        body &&
        (ts.isArrowFunction(body) || ts.isFunctionExpression(body))
      ) {
        const first = node.arguments[0]
        const name =
          first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))
            ? first.text
            : '(unnamed)'
        tests.push({
          name,
          line: lineOf(source, node.getStart(source)),
          real: hasRealAssertion(ts, body, imported)
        })
        return
      }
    }
    ts.forEachChild(node, visitTests)
  }
  visitTests(source)
  return { tests }
}

function bindingNames(ts: TypeScript, name: TS.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text]
  const names: string[] = []
  for (const element of name.elements)
    if (!ts.isOmittedExpression(element)) names.push(...bindingNames(ts, element.name))
  return names
}

function mentions(ts: TypeScript, node: TS.Node, names: ReadonlySet<string>): boolean {
  let found = false
  const visit = (child: TS.Node): void => {
    if (found) return
    if (ts.isIdentifier(child) && names.has(child.text)) {
      found = true
      return
    }
    ts.forEachChild(child, visit)
  }
  visit(node)
  return found
}

function hasRealAssertion(ts: TypeScript, body: TS.Node, imported: ReadonlySet<string>): boolean {
  const tainted = new Set(imported)
  // Values derived from the code under test count as the code under test.
  for (let changed = true; changed;) {
    changed = false
    const visit = (node: TS.Node): void => {
      let target: TS.Node | undefined
      let value: TS.Node | undefined
      if (ts.isVariableDeclaration(node) && node.initializer) {
        target = node.name
        value = node.initializer
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        target = node.left
        value = node.right
      }
      if (target && value && mentions(ts, value, tainted)) {
        const names = ts.isIdentifier(target)
          ? [target.text]
          : ts.isObjectBindingPattern(target) || ts.isArrayBindingPattern(target)
            ? bindingNames(ts, target)
            : []
        for (const name of names) {
          if (!tainted.has(name)) {
            tainted.add(name)
            changed = true
          }
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(body)
  }

  let real = false
  const visit = (node: TS.Node): void => {
    if (real) return
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const matcher = node.expression.name.text
      const modifiers: string[] = []
      let cursor: TS.Expression = node.expression.expression
      while (ts.isPropertyAccessExpression(cursor)) {
        modifiers.push(cursor.name.text)
        cursor = cursor.expression
      }
      if (
        ts.isCallExpression(cursor) &&
        ts.isIdentifier(cursor.expression) &&
        cursor.expression.text === 'expect'
      ) {
        const subject = cursor.arguments[0]
        const negated = modifiers.includes('not')
        const weak = negated ? WEAK_NEGATED.has(matcher) : WEAK_MATCHERS.has(matcher)
        if (subject && !weak && mentions(ts, subject, tainted)) real = true
      }
      if (ts.isIdentifier(cursor) && cursor.text === 'assert' && !WEAK_ASSERT.has(matcher)) {
        if (node.arguments.some(arg => mentions(ts, arg, tainted))) real = true
      }
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'assert' &&
      node.arguments[0] &&
      mentions(ts, node.arguments[0], tainted)
    ) {
      real = true
    }
    ts.forEachChild(node, visit)
  }
  visit(body)
  return real
}

const BINARY_SWAPS: Record<string, string> = {
  '<': '<=',
  '<=': '<',
  '>': '>=',
  '>=': '>',
  '===': '!==',
  '!==': '===',
  '==': '!=',
  '!=': '==',
  '+': '-',
  '-': '+',
  '*': '/',
  '/': '*',
  '%': '*',
  '&&': '||',
  '||': '&&'
}

/** Small mutations on the given lines: operator flips, boundaries ±1, negation, return value, removed call. */
export async function jsMutants(
  path: string,
  content: string,
  lines: ReadonlySet<number>
): Promise<Omit<Mutant, 'id'>[]> {
  const ts = await loadTypeScript()
  const source = parse(ts, path, content)
  const mutants: Omit<Mutant, 'id'>[] = []
  const typed = /\.[cm]?tsx?$/.test(path)
  let host: TS.Node = source
  const add = (start: number, end: number, replacement: string, description: string): void => {
    const line = lineOf(source, start)
    if (lines.has(line)) {
      mutants.push({
        file: path,
        line,
        start,
        end,
        replacement,
        description,
        hostStart: host.getStart(source),
        hostEnd: host.getEnd()
      })
    }
  }
  const isPropertyName = (node: TS.Node): boolean =>
    Boolean(
      node.parent &&
      (ts.isPropertyAssignment(node.parent) ||
        ts.isPropertyDeclaration(node.parent) ||
        ts.isMethodDeclaration(node.parent) ||
        ts.isEnumMember(node.parent)) &&
      (node.parent as { name?: TS.Node }).name === node
    )
  const visit = (node: TS.Node): void => {
    if (ts.isTypeNode(node)) return
    host = node
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.getText(source)
      const swap = BINARY_SWAPS[operator]
      if (swap)
        add(node.operatorToken.getStart(source), node.operatorToken.getEnd(), swap, `${operator} → ${swap}`)
    } else if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      const start = node.getStart(source)
      add(start, start + 1, '', '!x → x')
    } else if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) {
      const value = node.kind === ts.SyntaxKind.TrueKeyword
      add(node.getStart(source), node.getEnd(), String(!value), `${value} → ${!value}`)
    } else if (ts.isNumericLiteral(node) && !isPropertyName(node)) {
      const value = Number(node.text)
      if (Number.isInteger(value) && Math.abs(value) < 1e15) {
        for (const delta of [1, -1]) {
          const next = value + delta
          add(node.getStart(source), node.getEnd(), String(next), `${node.getText(source)} → ${next}`)
        }
      }
    } else if (ts.isReturnStatement(node) && node.expression) {
      const expression = node.expression
      if (
        expression.kind !== ts.SyntaxKind.UndefinedKeyword &&
        !(ts.isIdentifier(expression) && expression.text === 'undefined')
      ) {
        host = expression
        add(
          expression.getStart(source),
          expression.getEnd(),
          typed ? '(undefined as any)' : 'undefined',
          'return value → undefined'
        )
      }
    } else if (
      ts.isExpressionStatement(node) &&
      ts.isCallExpression(node.expression) &&
      node.expression.expression.kind !== ts.SyntaxKind.SuperKeyword
    ) {
      host = node.expression
      add(node.expression.getStart(source), node.expression.getEnd(), 'void 0', 'removed call')
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return mutants
}
