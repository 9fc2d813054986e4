/**
 * The commands of a package.json script, each as its words, read as a POSIX shell reads them:
 * split at `&&`, `||`, `;`, `|`, `&` and line ends outside quotes; `'…'` taken as written, `"…"`
 * with `\"`, `\\`, `` \` `` and `\$` escapes, and a backslash outside quotes escaping the next
 * character. Expansions (`$VAR`, `$(…)`) stay as written.
 */
export function commandsOf(script: string): string[][] {
  const commands: string[][] = []
  let words: string[] = []
  let word = ''
  let inWord = false
  const endWord = (): void => {
    if (inWord) words.push(word)
    word = ''
    inWord = false
  }
  const endCommand = (): void => {
    endWord()
    commands.push(words)
    words = []
  }
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string
    if (c === "'") {
      const close = script.indexOf("'", i + 1)
      const end = close < 0 ? script.length : close
      word += script.slice(i + 1, end)
      inWord = true
      i = end
    } else if (c === '"') {
      inWord = true
      for (i++; i < script.length && script[i] !== '"'; i++) {
        if (script[i] === '\\' && '"\\$`'.includes(script[i + 1] ?? '')) i++
        word += script[i]
      }
    } else if (c === '\\' && i + 1 < script.length) {
      word += script[++i]
      inWord = true
    } else if (c === ' ' || c === '\t') endWord()
    else if (c === ';' || c === '\n' || c === '&' || c === '|') {
      if ((c === '&' || c === '|') && script[i + 1] === c) i++
      endCommand()
    } else {
      word += c
      inWord = true
    }
  }
  endCommand()
  return commands.filter(command => command.length > 0)
}

/**
 * The config file a runner's words name: `--config <file>`, `--config=<file>`, or `<short> <file>`
 * for a runner whose short flag is the config's (jest's and vitest's `-c`; mocha's `-c` is `--colors`).
 */
export function configArgument(words: readonly string[], short?: string): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    if ((word === '--config' || (short !== undefined && word === short)) && words[i + 1]) return words[i + 1]
    if (word.startsWith('--config=') && word.length > 9) return word.slice(9)
  }
  return undefined
}

/** A word that runs jest: `jest`, `node_modules/.bin/jest`, `node_modules/jest/bin/jest.js`. */
const JEST_COMMAND = /^(?:\S*\/)?jest(?:\.js)?$/

/** The config files (`--config`, `-c`) of each jest run of a script's commands that names one, as written; not inline JSON. */
export function jestConfigArguments(script: string): string[] {
  return commandsOf(script).flatMap(words => {
    const at = words.findIndex(word => JEST_COMMAND.test(word))
    const path = at < 0 ? undefined : configArgument(words.slice(at + 1), '-c')
    return path && !path.trimStart().startsWith('{') ? [path] : []
  })
}

/** The config file a test script hands jest (its first jest run's `--config <file>` or `-c <file>`). */
export function jestConfigArgument(script: string): string | undefined {
  return jestConfigArguments(script)[0]
}
