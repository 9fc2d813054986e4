import type { Logger } from '../ports/log.js'

/** Env var names that hold secrets by convention. */
const SECRET_ENV_NAME =
  /(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE|API[_-]?KEY|ACCESS[_-]?KEY|[_-]KEY$|^KEY$|[_-]PAT$|AUTH(?!OR))/i
/** Variables that match the pattern but never hold a secret. */
const NOT_SECRET_ENV = new Set([
  'GITHUB_TOKEN_URL',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RUNTIME_URL',
  'SSH_AUTH_SOCK'
])
/** Values too short or too common to be worth masking (they would mangle ordinary text). */
const BORING_VALUES = new Set(['true', 'false', 'null', 'undefined', 'none', 'yes', 'no', '0', '1'])
const MIN_SECRET_LENGTH = 6

interface SecretPattern {
  kind: string
  regex: RegExp
  /** The capture group holding the secret itself (0 = the whole match). */
  group: number
}

/**
 * What secrets look like. Each regex is global; the captured group is replaced by a placeholder,
 * the rest of the match (a variable name, a URL scheme) is kept for context.
 */
const PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'private-key',
    regex:
      /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    group: 0
  },
  { kind: 'github-token', regex: /\bgh[pousr]_[A-Za-z0-9]{36,251}\b/g, group: 0 },
  { kind: 'github-token', regex: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g, group: 0 },
  {
    kind: 'openai-key',
    regex:
      /\bsk-(?:proj-|svcacct-|admin-|ant-(?:api\d+-)?)?(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}/g,
    group: 0
  },
  { kind: 'aws-access-key-id', regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, group: 0 },
  {
    kind: 'aws-secret-key',
    regex: /(aws_?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?)([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    group: 2
  },
  { kind: 'slack-token', regex: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g, group: 0 },
  { kind: 'slack-token', regex: /\bxapp-\d-[A-Za-z0-9-]{10,}/g, group: 0 },
  { kind: 'slack-webhook', regex: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/g, group: 0 },
  { kind: 'jwt', regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, group: 0 },
  { kind: 'npm-token', regex: /\bnpm_[A-Za-z0-9]{36}\b/g, group: 0 },
  { kind: 'google-api-key', regex: /\bAIza[0-9A-Za-z_-]{35}\b/g, group: 0 },
  { kind: 'stripe-key', regex: /\b[rs]k_live_[0-9A-Za-z]{20,}\b/g, group: 0 },
  { kind: 'url-password', regex: /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:)([^\s@/]{3,})(?=@)/gi, group: 2 },
  { kind: 'bearer-token', regex: /(\b(?:Bearer|Basic)\s+)([A-Za-z0-9._~+/-]{20,}=*)/g, group: 2 },
  {
    // `.env` lines and shell exports: NAME=value (no spaces around `=`) where NAME says it is a secret.
    kind: 'env-secret',
    regex:
      /^([ \t]*(?:export[ \t]+)?[A-Z][A-Z0-9_]*(?:TOKEN|SECRET|KEY|PASSWORD|PASSWD|PWD|PASSPHRASE|CREDENTIALS?|AUTH)[A-Z0-9_]*=["']?)((?!\d+["']?[ \t]*$)[^\s"'$#{][^\s"']{3,})(?=["']?[ \t]*(?:#.*)?$)/gm,
    group: 2
  },
  {
    // The same in code style (NAME = value, NAME: value): only values that look like keys, so that
    // constants such as MAX_TOKENS = 4096 or SECRET_KEY = os.environ["SECRET_KEY"] stay as they are.
    kind: 'env-secret',
    regex:
      /^([ \t]*(?:export[ \t]+)?[A-Z][A-Z0-9_]*(?:TOKEN|SECRET|KEY|PASSWORD|PASSWD|PWD|PASSPHRASE|CREDENTIALS?|AUTH)[A-Z0-9_]*[ \t]*[=:][ \t]*["']?)((?=[A-Za-z0-9_\-+/=.~]*\d)(?=[A-Za-z0-9_\-+/=.~]*[A-Za-z])[A-Za-z0-9_\-+/=.~]{12,})(?=["']?[ \t]*(?:#.*)?$)/gm,
    group: 2
  },
  {
    // Config keys with a quoted, key-like literal: client_secret: "9f8e7d6c5b4a3f2e1d0c", api_key = 'AbC123…'.
    // Short or word-like literals (test fixtures such as password: 'hunter22') stay readable for the fixer.
    kind: 'config-secret',
    regex:
      /(\b(?:password|passwd|secret|client_secret|api_?key|access_?token|auth_?token)["']?[ \t]*[=:][ \t]*)(["'])((?=[^"'\s]*\d)(?=[^"'\s]*[A-Za-z])[^"'\s]{16,})\2/gi,
    group: 3
  }
]

export interface RedactionResult {
  text: string
  /** How many values were replaced. */
  count: number
  /** The kinds found (`known-secret`, `github-token`, …), without the values. */
  kinds: string[]
}

/** Secret-looking env var values (GITHUB_TOKEN, NPM_TOKEN, AWS_SECRET_ACCESS_KEY, …). */
export function secretEnvValues(env: NodeJS.ProcessEnv): string[] {
  const values: string[] = []
  for (const [name, value] of Object.entries(env)) {
    if (!value || NOT_SECRET_ENV.has(name) || !SECRET_ENV_NAME.test(name)) continue
    if (isWorthMasking(value)) values.push(value)
  }
  return values
}

function isWorthMasking(value: string): boolean {
  const trimmed = value.trim()
  return trimmed.length >= MIN_SECRET_LENGTH && !BORING_VALUES.has(trimmed.toLowerCase())
}

/**
 * Encodings under which a secret can show up in logs and text: base64 (also of git's
 * `x-access-token:<token>` basic-auth form, at every byte alignment inside a longer base64 string),
 * base64url and URL encoding.
 */
export function derivedForms(value: string): string[] {
  const forms = new Set<string>()
  const add = (form: string): void => {
    if (form.length >= MIN_SECRET_LENGTH && form !== value) forms.add(form)
  }
  for (const source of [value, `x-access-token:${value}`]) {
    const bytes = Buffer.from(source, 'utf8')
    for (let offset = 0; offset < 3; offset++) {
      const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
      // Only the characters that depend on the secret's bytes alone, whatever surrounds it.
      const start = Math.ceil((offset * 8) / 6)
      const end = Math.floor(((offset + bytes.length) * 8) / 6)
      add(encoded.slice(start, end))
      add(encoded.slice(start, end).replace(/\+/g, '-').replace(/\//g, '_'))
    }
    add(bytes.toString('base64'))
  }
  add(encodeURIComponent(value))
  add(encodeURIComponent(value).replace(/%20/g, '+'))
  return [...forms]
}

export interface RedactorOptions {
  /** Values known to be secret (tokens, API keys from inputs). */
  secrets?: Iterable<string | undefined>
  /** Every secret-looking env var's value is treated as a known secret. */
  env?: NodeJS.ProcessEnv
  /** Every value found is masked in the log (with its derived forms). */
  log?: Pick<Logger, 'mask'>
}

/**
 * Replaces secrets in text before it leaves the runner (LLM requests, comments, the audit log):
 * values known to the run and their encoded forms, and anything that looks like a credential.
 */
export class Redactor {
  private readonly known: Array<{ value: string; kind: string }> = []
  private readonly masked = new Set<string>()

  constructor(private readonly options: RedactorOptions = {}) {
    for (const secret of options.secrets ?? []) if (secret) this.addSecret(secret)
    if (options.env) for (const value of secretEnvValues(options.env)) this.addSecret(value)
  }

  /** Adds a value (and its base64/URL-encoded forms) to the known secrets, and masks it in logs. */
  addSecret(value: string): void {
    const trimmed = value.trim()
    if (!isWorthMasking(trimmed) || this.known.some(k => k.value === trimmed)) return
    this.known.push({ value: trimmed, kind: 'known-secret' })
    for (const form of derivedForms(trimmed)) this.known.push({ value: form, kind: 'known-secret' })
    // Longest first, so a value is replaced before any shorter secret inside it.
    this.known.sort((a, b) => b.value.length - a.value.length)
    this.mask(trimmed)
  }

  private mask(value: string): void {
    if (!this.options.log || this.masked.has(value)) return
    for (const form of [value, ...derivedForms(value)]) {
      this.masked.add(form)
      this.options.log.mask(form)
    }
  }

  redact(text: string): RedactionResult {
    let count = 0
    const kinds = new Set<string>()
    let result = text
    for (const { value, kind } of this.known) {
      if (!result.includes(value)) continue
      const parts = result.split(value)
      count += parts.length - 1
      kinds.add(kind)
      result = parts.join(placeholder(kind))
    }
    for (const pattern of PATTERNS) {
      pattern.regex.lastIndex = 0
      result = result.replace(pattern.regex, (...args: unknown[]) => {
        const match = args[0] as string
        const groups = args.slice(1, -2) as Array<string | undefined>
        const secret = pattern.group === 0 ? match : groups[pattern.group - 1]
        if (!secret || secret.startsWith('[REDACTED')) return match
        count++
        kinds.add(pattern.kind)
        this.mask(secret)
        if (pattern.group === 0) return placeholder(pattern.kind)
        const prefix = groups.slice(0, pattern.group - 1).join('')
        // Everything between the prefix groups and the secret (e.g. a quote) is kept; so is the rest.
        const index = match.indexOf(secret, prefix.length)
        return match.slice(0, index) + placeholder(pattern.kind) + match.slice(index + secret.length)
      })
    }
    return { text: result, count, kinds: [...kinds] }
  }

  /** `redact(text).text`. */
  clean(text: string): string {
    return this.redact(text).text
  }
}

export function placeholder(kind: string): string {
  return `[REDACTED:${kind}]`
}
