import { ConfigurationError } from '../errors.js'

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Parses `90s`, `15m`, `1h30m`, `500ms` or a bare number of seconds into milliseconds. */
export function parseDuration(input: string, value: string): number {
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  const joined = parts.map(p => p[0]).join('')
  if (parts.length === 0 || joined !== text) {
    throw new ConfigurationError(
      `Input "${input}" must be a duration such as "90s", "15m" or "1h30m"; got "${value}".`,
      input
    )
  }
  return Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * (UNITS[p[2] as string] ?? 0), 0))
}
