/**
 * A problem the user can fix in their workflow or configuration. Reported as one clear line,
 * without a stack trace. Everything else that escapes a command is an internal failure.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError'
  constructor(
    message: string,
    /** The input (or config key) at fault, when there is one. */
    readonly input?: string
  ) {
    super(message)
  }
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
