import type { parse } from '@babel/parser'

export type JsParse = typeof parse

/**
 * The parser's message when a JavaScript or TypeScript file does not parse, else undefined. Loose
 * where a module may be (top-level return and await), strict on grammar.
 */
export function jsSyntaxError(path: string, text: string, parseWith: JsParse): string | undefined {
  const typescript = /\.[cm]?tsx?$/.test(path)
  try {
    parseWith(text, {
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
