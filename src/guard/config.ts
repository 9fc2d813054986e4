import { ConfigurationError } from '../errors.js'

/** The config file's `guard:` section: settings that do not fit an input. */
export interface GuardSection {
  /** Lines of `logs-command` output kept for the report. */
  logLines: number
  /** Post the sticky comment on healthy deploys too (by default only problems are commented). */
  commentWhenHealthy: boolean
}

const KEYS: Record<string, string> = {
  'log-lines': 'log-lines: 200',
  'comment-when-healthy': 'comment-when-healthy: true'
}

export function readGuardSection(raw: unknown): GuardSection {
  const section: GuardSection = { logLines: 200, commentWhenHealthy: false }
  if (raw === undefined || raw === null) return section
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigurationError(
      'Config file: "guard" must be a mapping. Example:\nguard:\n  log-lines: 200',
      'guard'
    )
  }
  const problems: string[] = []
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'log-lines') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5000) {
        problems.push(
          `Config file: guard.log-lines must be a whole number from 1 to 5000; got ${JSON.stringify(value)}. Example: ${KEYS[key]}`
        )
      } else section.logLines = value
    } else if (key === 'comment-when-healthy') {
      if (typeof value !== 'boolean')
        problems.push(`Config file: guard.comment-when-healthy must be true or false. Example: ${KEYS[key]}`)
      else section.commentWhenHealthy = value
    } else {
      problems.push(
        `Config file: guard has an unknown key "${key}". Valid keys: ${Object.keys(KEYS).join(', ')}. Other guard settings are inputs (e.g. "probe-interval: 5s").`
      )
    }
  }
  if (problems.length) throw new ConfigurationError(problems.join('\n'), 'guard')
  return section
}

interface TimingInputs {
  warmup: number
  probeInterval: number
  probeWindow: number
  probeTimeout: number
  ratioWindow: number
  verifyWindow: number
  rollbackTimeout: number
}

/** Timing inputs that parse but cannot work together. Every problem is reported at once. */
export function checkTimings(inputs: TimingInputs): void {
  const problems: string[] = []
  const need = (ok: boolean, name: string, message: string, example: string): void => {
    if (!ok) problems.push(`Input "${name}" ${message}. Example: ${name}: ${example}`)
  }
  need(inputs.probeInterval >= 100, 'probe-interval', 'must be at least 100ms', '5s')
  need(inputs.probeTimeout >= 50, 'probe-timeout', 'must be at least 50ms', '5s')
  need(
    inputs.probeWindow >= inputs.probeInterval,
    'probe-window',
    'must be at least one probe-interval long',
    '5m'
  )
  need(
    inputs.ratioWindow >= inputs.probeInterval,
    'ratio-window',
    'must be at least one probe-interval long',
    '60s'
  )
  need(
    inputs.verifyWindow >= inputs.probeInterval,
    'verify-window',
    'must be at least one probe-interval long',
    '60s'
  )
  need(inputs.rollbackTimeout >= 1000, 'rollback-timeout', 'must be at least 1s', '10m')
  if (problems.length) throw new ConfigurationError(problems.join('\n'), problems[0]?.match(/"([^"]+)"/)?.[1])
}
