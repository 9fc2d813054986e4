// The syntax worker (bundled apart by scripts/build.mjs, started by SyntaxChecks in syntax.ts):
// parses each file it is sent and answers with the parser's message, if any.
import { parse } from '@babel/parser'
import { parentPort } from 'node:worker_threads'
import { jsSyntaxError } from './js-syntax.js'

parentPort?.on('message', ({ id, path, text }: { id: number; path: string; text: string }) => {
  parentPort?.postMessage({ id, error: jsSyntaxError(path, text, parse) })
})
