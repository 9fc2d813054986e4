/**
 * The hand-written scanner against the real TypeScript parser, on a corpus of real files from
 * installed packages: the import/export specifiers, the exported names and the top-level
 * declarations must agree.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { quotedCandidates } from '../../src/select/demand.js'
import { scanJs } from '../../src/select/js-scanner.js'

const ROOT = join(import.meta.dirname, '../..')
const PACKAGES = [
  'yaml',
  'picomatch',
  'ajv',
  'openai',
  '@actions/core',
  '@actions/github',
  '@actions/exec',
  '@octokit/core',
  '@octokit/plugin-retry',
  'semver',
  'undici',
  'zod',
  'commander',
  'ts-jest',
  'jest-resolve',
  'tsx',
  'vitest',
  'mocha'
]
const MAX_FILES = 800

function corpus(): string[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    let names: string[]
    try {
      names = readdirSync(dir).sort()
    } catch {
      return
    }
    for (const name of names) {
      if (files.length >= MAX_FILES) return
      const path = join(dir, name)
      const stat = statSync(path)
      if (stat.isDirectory()) {
        if (name !== 'node_modules') walk(path)
      } else if (/\.(?:[cm]?js|[cm]?ts|tsx|jsx)$/.test(name) && !name.endsWith('.map') && stat.size < 300_000)
        files.push(path)
    }
  }
  for (const pkg of PACKAGES) walk(join(ROOT, 'node_modules', pkg))
  return files
}

interface Facts {
  imports: Set<string>
  exports: Set<string>
  declarations: Set<string>
}

function literal(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : undefined
}

function factsFromTypeScript(path: string, text: string): Facts {
  const kind = /\.tsx$|\.jsx$/.test(path)
    ? ts.ScriptKind.TSX
    : /\.[cm]?ts$/.test(path)
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind)
  const facts: Facts = { imports: new Set(), exports: new Set(), declarations: new Set() }
  const visit = (node: ts.Node): void => {
    // `typeof import('./x')` in a type is a dependency too (type-checked tests break with it).
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const spec = literal(node.argument.literal)
      if (spec !== undefined) facts.imports.add(`dynamic:${spec}`)
    }
    if (ts.isCallExpression(node)) {
      const spec = literal(node.arguments[0])
      const callee = node.expression
      if (spec !== undefined) {
        if (ts.isIdentifier(callee) && callee.text === 'require') facts.imports.add(`require:${spec}`)
        else if (callee.kind === ts.SyntaxKind.ImportKeyword) facts.imports.add(`dynamic:${spec}`)
        else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
          const object = callee.expression.text
          const method = callee.name.text
          if (object === 'require' && method === 'resolve') facts.imports.add(`require:${spec}`)
          if (
            (object === 'jest' || object === 'vi') &&
            [
              'mock',
              'doMock',
              'unstable_mockModule',
              'requireActual',
              'requireMock',
              'setMock',
              'createMockFromModule',
              'importActual',
              'importMock'
            ].includes(method)
          )
            facts.imports.add(`mock:${spec}`)
        }
      }
    }
    ts.forEachChild(node, visit)
  }
  const exported = (node: ts.Node): boolean =>
    !!ts.getCombinedModifierFlags(node as ts.Declaration) &&
    (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export) !== 0
  const isDefault = (node: ts.Node): boolean =>
    (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Default) !== 0
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const spec = literal(statement.moduleSpecifier)
      if (spec !== undefined) facts.imports.add(`static:${spec}`)
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference)
    ) {
      const spec = literal(statement.moduleReference.expression)
      if (spec !== undefined) facts.imports.add(`static:${spec}`)
    } else if (ts.isExportDeclaration(statement)) {
      const spec = literal(statement.moduleSpecifier)
      if (spec !== undefined) facts.imports.add(`reexport:${spec}`)
      if (statement.exportClause && ts.isNamedExports(statement.exportClause))
        for (const element of statement.exportClause.elements) facts.exports.add(element.name.text)
      else if (statement.exportClause && ts.isNamespaceExport(statement.exportClause))
        facts.exports.add(statement.exportClause.name.text)
    } else if (ts.isExportAssignment(statement)) {
      if (!statement.isExportEquals) facts.exports.add('default')
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      if (statement.name) facts.declarations.add(statement.name.text)
      if (exported(statement))
        facts.exports.add(isDefault(statement) ? 'default' : (statement.name?.text ?? 'default'))
    } else if (
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement)
    ) {
      facts.declarations.add(statement.name.text)
      if (exported(statement)) facts.exports.add(statement.name.text)
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) {
          facts.declarations.add(declaration.name.text)
          if (exported(statement)) facts.exports.add(declaration.name.text)
        }
      }
    }
  }
  visit(source)
  return facts
}

function factsFromScanner(path: string, text: string): Facts {
  const scan = scanJs(text, path)
  return {
    imports: new Set(scan.imports.map(i => `${i.kind}:${i.spec}`)),
    exports: new Set(Object.keys(scan.exports)),
    declarations: new Set(Object.keys(scan.symbols))
  }
}

const setEqual = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every(x => b.has(x))

describe('scanner agreement with the TypeScript parser on real package files', () => {
  const files = corpus()

  it('has a corpus of real files to compare', () => {
    expect(files.length).toBeGreaterThan(500)
  })

  it('extracts the same imports, re-exports, requires, dynamic imports and mocks', () => {
    const disagreements: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const expected = factsFromTypeScript(file, text)
      const actual = factsFromScanner(file, text)
      if (!setEqual(expected.imports, actual.imports)) {
        const missing = [...expected.imports].filter(x => !actual.imports.has(x))
        const extra = [...actual.imports].filter(x => !expected.imports.has(x))
        disagreements.push(
          `${relative(ROOT, file)}: missing ${missing.join(', ')}; extra ${extra.join(', ')}`
        )
      }
    }
    // Every file agrees, apart from at most 0.5% (reported in full when the bar is missed).
    expect({
      files: files.length,
      disagreements: disagreements.length > files.length * 0.005 ? disagreements : []
    }).toEqual({ files: files.length, disagreements: [] })
  })

  it("finds every import specifier, the scanner's and the parser's, among the quick pass candidates", () => {
    const missed: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const candidates = new Set<string>()
      quotedCandidates(text, candidate => candidates.add(candidate))
      const specs = new Set([
        ...factsFromTypeScript(file, text).imports,
        ...factsFromScanner(file, text).imports
      ])
      // Facts are `kind:specifier`.
      for (const fact of specs)
        if (!candidates.has(fact.slice(fact.indexOf(':') + 1)))
          missed.push(`${relative(ROOT, file)}: ${fact}`)
    }
    expect(missed).toEqual([])
  })

  it('finds the same exported names and every top-level declaration', () => {
    const disagreements: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const expected = factsFromTypeScript(file, text)
      const actual = factsFromScanner(file, text)
      const missingExports = [...expected.exports].filter(x => !actual.exports.has(x))
      const missingDeclarations = [...expected.declarations].filter(x => !actual.declarations.has(x))
      if (missingExports.length || missingDeclarations.length)
        disagreements.push(
          `${relative(ROOT, file)}: exports ${missingExports.join(', ')}; declarations ${missingDeclarations.join(', ')}`
        )
    }
    expect({
      files: files.length,
      disagreements: disagreements.length > files.length * 0.005 ? disagreements : []
    }).toEqual({ files: files.length, disagreements: [] })
  })
})
