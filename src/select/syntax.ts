import { checkSyntax } from '../agent/syntax.js'

/**
 * Whether a changed source file still parses. A file that does not fails every test that loads it,
 * whichever symbol the edit touched, and the token scanner cannot see most grammar errors
 * (`return 2 +* 1`). Returns the parser's message, or undefined when the file parses (or its
 * language has no parser here). A parser that rejects valid code only makes more tests run, so
 * JavaScript and TypeScript go through @babel/parser (about 40 ms to load) rather than the
 * TypeScript parser the fixer's checkSyntax uses (about 0.4 s), which would double a selection.
 */
export async function syntaxErrorIn(
  path: string,
  text: string,
  repoDir: string
): Promise<string | undefined> {
  if (/\.py$/.test(path)) {
    const check = await checkSyntax(path, text, repoDir)
    return check.problems[0]?.message
  }
  if (!/\.[cm]?[jt]sx?$/.test(path)) return undefined
  const { parse } = await import('@babel/parser')
  const typescript = /\.[cm]?tsx?$/.test(path)
  try {
    parse(text, {
      sourceType: 'unambiguous',
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      errorRecovery: false,
      plugins: typescript
        ? [...(/x$/.test(path) ? (['jsx'] as const) : []), 'typescript', 'decorators-legacy']
        : ['jsx', 'decorators-legacy']
    })
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
