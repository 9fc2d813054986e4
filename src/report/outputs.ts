/**
 * Action outputs end up in `run:` lines through `${{ }}` interpolation, where they are injection
 * sinks. Every output is JSON whose shell-significant characters are \u-escaped (JSON parsers and
 * `fromJSON` decode them back), or a plain value of safe characters.
 */
export function safeJson(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null'
  // Escape inside string literals only; structural characters ({}[],:") stay as they are.
  return json.replace(/"(?:[^"\\]|\\.)*"/g, literal =>
    literal.replace(/\\\\|[$`'!;&|<>(){}\n\r\u2028\u2029*?#~%]/g, ch =>
      ch === '\\\\' ? '\\u005c' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
    )
  )
}

/** A plain output (a number, a word, a SHA): anything but [A-Za-z0-9._:/@+=-] is dropped. */
export function safeWord(value: string | number | boolean): string {
  return String(value).replace(/[^A-Za-z0-9._:/@+=-]/g, '')
}
