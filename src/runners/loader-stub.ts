import { readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { IDENT, PUNCT, tokenize } from '../select/js-lexer.js'
import { scanJs } from '../select/js-scanner.js'
import { isJsLike } from '../select/model.js'

/** A stub is a few lines; anything larger holds code of its own. */
const MAX_STUB_BYTES = 4096
/** Stubs that load stubs: how deep to follow them. */
const MAX_DEPTH = 4
/** What a relative specifier may leave out, as node resolves it. */
const SUFFIXES = ['', '.js', '.cjs', '.mjs', '/index.js']

/** What `onlyLoadsWhatRan` needs to know of the repository and of one test's run. */
export interface StubCheck {
  repoDir: string
  /** Whether git tracks the file (a path relative to repoDir). */
  tracked: (path: string) => boolean
  /** The files the test's coverage holds (relative to repoDir). */
  ran: ReadonlySet<string>
}

/**
 * Whether the untracked file `path` (relative to repoDir) does nothing but load other files: it
 * defines no function or class, and every relative path it imports or requires is a tracked file
 * the test's coverage holds, a dependency (under node_modules), or another such stub; at least
 * one is a tracked file. Then what the test ran through it is the tracked files' code, which its
 * coverage records. The entry points `preconstruct dev` writes into `dist/` are such stubs
 * (`module.exports = require("../src/index.js")`); built output is not, as it holds the code of the
 * tracked files it was built from rather than loading them.
 */
export function onlyLoadsWhatRan(path: string, check: StubCheck, depth = 0): boolean {
  if (depth > MAX_DEPTH || !isJsLike(path)) return false
  let text: string
  try {
    const bytes = readFileSync(join(check.repoDir, path))
    if (bytes.length > MAX_STUB_BYTES) return false
    text = bytes.toString('utf8')
  } catch {
    return false
  }
  const { kinds, texts, error } = tokenize(text, true)
  if (error) return false
  for (let k = 0; k < kinds.length; k++) {
    const token = texts[k]
    if (kinds[k] === IDENT && (token === 'function' || token === 'class')) return false
    if (kinds[k] === PUNCT && token === '=>') return false
  }
  let loadsTracked = false
  for (const { spec, kind } of scanJs(text, path, { hashes: false }).imports) {
    if (kind === 'rooted') return false
    if (!spec.startsWith('./') && !spec.startsWith('../')) continue
    const target = posix.normalize(posix.join(posix.dirname(path), spec))
    if (target.startsWith('../')) return false
    if (target.split('/').includes('node_modules')) continue
    const found = SUFFIXES.map(suffix => target + suffix).find(
      candidate => check.tracked(candidate) || isFile(join(check.repoDir, candidate))
    )
    if (found === undefined) return false
    // A tracked file the test ran, or an untracked one that is a stub too (and so loads one).
    if (check.tracked(found) ? !check.ran.has(found) : !onlyLoadsWhatRan(found, check, depth + 1))
      return false
    loadsTracked = true
  }
  return loadsTracked
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}
