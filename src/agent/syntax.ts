import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runProcess } from '../ports/exec.js'

/** A syntax problem in an edited file, for the model: where and what. */
export interface SyntaxProblem {
  line?: number
  column?: number
  message: string
}

export interface SyntaxCheck {
  /** The language checked, or undefined when the file type has no checker here. */
  language?: string
  problems: SyntaxProblem[]
  /** Set when the checker itself could not run (e.g. python3 or gofmt missing). */
  skipped?: string
}

const TS_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i
const JSONC_NAMES =
  /(^|\/)(tsconfig[^/]*|jsconfig[^/]*|\.eslintrc|devcontainer)\.json$|\.jsonc$|(^|\/)\.vscode\//i

/** Parses a file's new content with the language's own parser; never runs the code. */
export async function checkSyntax(path: string, content: string, repoDir: string): Promise<SyntaxCheck> {
  if (TS_EXTENSIONS.test(path)) return checkTypeScript(path, content)
  if (/\.py$/i.test(path)) return checkPython(path, content, repoDir)
  if (/\.go$/i.test(path)) return checkGo(content, repoDir)
  if (/\.json$/i.test(path) && !JSONC_NAMES.test(path)) return checkJson(content)
  if (/\.ya?ml$/i.test(path)) return checkYaml(content)
  return { problems: [] }
}

async function checkTypeScript(path: string, content: string): Promise<SyntaxCheck> {
  // typescript is CommonJS and reads __filename; an ES-module bundle (ncc) has no such variable.
  const scope = globalThis as { __filename?: string; __dirname?: string }
  if (typeof __filename === 'undefined' && scope.__filename === undefined) {
    scope.__filename = fileURLToPath(import.meta.url)
    scope.__dirname = dirname(scope.__filename)
  }
  // The bundle (ncc) exposes the CommonJS module itself, Node's ESM loader puts it on `default`.
  const loaded = (await import('typescript')) as typeof import('typescript') & {
    default?: typeof import('typescript')
  }
  const ts = loaded.default ?? loaded
  const kind = /\.(tsx|jsx)$/i.test(path)
    ? ts.ScriptKind.TSX
    : /\.(js|mjs|cjs)$/i.test(path)
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS
  const source = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, kind)
  // Parse diagnostics are what the parser found; createSourceFile keeps them on the node.
  const diagnostics =
    (source as unknown as { parseDiagnostics?: readonly import('typescript').Diagnostic[] })
      .parseDiagnostics ?? []
  const problems = diagnostics.slice(0, 5).map(d => {
    const position = d.start !== undefined ? source.getLineAndCharacterOfPosition(d.start) : undefined
    return {
      line: position ? position.line + 1 : undefined,
      column: position ? position.character + 1 : undefined,
      message: ts.flattenDiagnosticMessageText(d.messageText, ' ')
    }
  })
  return { language: kind === ts.ScriptKind.JS ? 'javascript' : 'typescript', problems }
}

const PYTHON_PARSE = [
  'import ast, sys',
  'source = sys.stdin.read()',
  'try:',
  '    ast.parse(source, sys.argv[1])',
  'except SyntaxError as e:',
  '    print(f"{e.lineno or 0}:{e.offset or 0}:{e.msg}")',
  '    sys.exit(1)'
].join('\n')

async function checkPython(path: string, content: string, repoDir: string): Promise<SyntaxCheck> {
  try {
    const result = await runProcess('python3', ['-c', PYTHON_PARSE, path], {
      cwd: repoDir,
      input: content,
      timeoutMs: 20_000
    })
    if (result.exitCode === 0) return { language: 'python', problems: [] }
    const match = /^(\d+):(\d+):(.*)$/m.exec(result.stdout)
    if (!match)
      return {
        language: 'python',
        problems: [],
        skipped: `python3 failed: ${result.stderr.trim().slice(0, 200)}`
      }
    return {
      language: 'python',
      problems: [{ line: Number(match[1]), column: Number(match[2]), message: match[3]!.trim() }]
    }
  } catch (error) {
    return {
      language: 'python',
      problems: [],
      skipped: `python3 is not available (${(error as Error).message})`
    }
  }
}

async function checkGo(content: string, repoDir: string): Promise<SyntaxCheck> {
  try {
    const result = await runProcess('gofmt', ['-e'], {
      cwd: repoDir,
      input: content,
      timeoutMs: 20_000,
      maxOutput: 64 * 1024
    })
    if (result.exitCode === 0) return { language: 'go', problems: [] }
    const problems = result.stderr
      .split('\n')
      .map(line => /^<standard input>:(\d+):(\d+):\s*(.*)$/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .slice(0, 5)
      .map(m => ({ line: Number(m[1]), column: Number(m[2]), message: m[3]! }))
    return {
      language: 'go',
      problems: problems.length ? problems : [{ message: result.stderr.trim().slice(0, 300) }]
    }
  } catch (error) {
    return { language: 'go', problems: [], skipped: `gofmt is not available (${(error as Error).message})` }
  }
}

function checkJson(content: string): SyntaxCheck {
  try {
    JSON.parse(content)
    return { language: 'json', problems: [] }
  } catch (error) {
    return { language: 'json', problems: [{ message: (error as Error).message }] }
  }
}

async function checkYaml(content: string): Promise<SyntaxCheck> {
  const { parseAllDocuments } = await import('yaml')
  const problems = parseAllDocuments(content)
    .flatMap(doc => ('errors' in doc ? doc.errors : []))
    .slice(0, 5)
    .map(e => ({
      line: e.linePos?.[0]?.line,
      column: e.linePos?.[0]?.col,
      message: e.message.split('\n')[0]!
    }))
  return { language: 'yaml', problems }
}

export function describeSyntaxProblems(path: string, check: SyntaxCheck): string {
  return check.problems
    .map(p => `${path}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ${p.message}`)
    .join('\n')
}
