/** Where the engine writes what it is doing. The action logs through @actions/core, the CLI to stderr. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  error(message: string): void
  debug(message: string): void
  /** A folded log group around one phase. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  /** Masks a secret (and anything derived from it) in every later log line. */
  mask(value: string): void
}

/** A logger for the CLI and tests: human lines to a stream, secrets replaced by ***. */
export function streamLogger(
  write: (line: string) => void = line => process.stderr.write(line + '\n'),
  verbose = false
): Logger {
  const secrets: string[] = []
  const clean = (message: string): string =>
    secrets.reduce((text, secret) => text.split(secret).join('***'), message)
  return {
    info: m => write(clean(m)),
    warning: m => write(clean(`warning: ${m}`)),
    error: m => write(clean(`error: ${m}`)),
    debug: m => {
      if (verbose) write(clean(`debug: ${m}`))
    },
    async group(name, fn) {
      write(clean(`── ${name}`))
      return fn()
    },
    mask(value) {
      if (value && value.length >= 4 && !secrets.includes(value)) {
        secrets.push(value)
        secrets.sort((a, b) => b.length - a.length)
      }
    }
  }
}
