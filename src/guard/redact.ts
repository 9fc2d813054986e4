import type { Logger } from '../ports/log.js'
import { Redactor as SharedRedactor } from '../security/redact.js'

/** Cleans text the guard reports (probe answers, command and log output) of secrets. */
export type Redactor = (text: string) => string

/**
 * The project's redactor (known secrets with their encoded forms, secret-looking env values and
 * credential-shaped text) as a plain function.
 */
export function createRedactor(
  options: { secrets?: readonly string[]; env?: NodeJS.ProcessEnv; log?: Logger } = {}
): Redactor {
  const redactor = new SharedRedactor({ secrets: options.secrets, env: options.env, log: options.log })
  return text => redactor.clean(text)
}
