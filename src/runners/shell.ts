/** Quotes one word for a POSIX shell (or cmd.exe on Windows) so that it stays one literal argument. */
export function shellQuote(word: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return `"${word.replace(/"/g, '""')}"`
  if (/^[A-Za-z0-9_./@%+=:,-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/** Puts the quoted files where `{files}` stands in a user's test command. */
export function fillTestCommand(
  command: string,
  files: readonly string[],
  platform: NodeJS.Platform = process.platform
): string {
  const quoted = files.map(file => shellQuote(file, platform)).join(' ')
  return command.includes('{files}') ? command.split('{files}').join(quoted) : command
}
