import { describe, expect, it } from '@jest/globals'
import { Redactor, derivedForms, secretEnvValues } from '../../src/security/redact.js'

// Realistic-looking credentials, assembled at run time so no scanner mistakes this file for a leak.
const GITHUB_PAT = 'ghp_' + 'R8x2Kq9LmN4pT7vW1yZ3bC5dF6gH0jA2sE4u'
const FINE_GRAINED = 'github_pat_' + '11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789abcdefGHIJKLmnopQRSTUV'
const INSTALLATION = 'ghs_' + '16C7e42F292c6912E7710c838347Ae178B4a'
const OPENAI_KEY = 'sk-proj-' + 'Abc123Def456Ghi789Jkl012Mno345Pqr678Stu901Vwx'
const AWS_ID = 'AKIA' + 'IOSFODNN7EXAMPLE'
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY'
const SLACK = 'xoxb-' + '1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' +
  'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.' +
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'
const PRIVATE_KEY = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi6Z1q0P2xWdaK5pXnq6Y9YbGh1',
  'c2VjcmV0LWtleS1tYXRlcmlhbC1mb3ItdGVzdHMtb25seS1ub3QtcmVhbA==',
  '-----END RSA PRIVATE KEY-----'
].join('\n')

function logRecorder(): { masked: string[]; mask(value: string): void } {
  const masked: string[] = []
  return { masked, mask: value => masked.push(value) }
}

describe('Redactor: known secrets', () => {
  it('replaces a known value and its base64 and URL-encoded forms', () => {
    const secret = 'hunter2-correct horse/battery+staple'
    const redactor = new Redactor({ secrets: [secret] })
    const b64 = Buffer.from(secret).toString('base64')
    const basicAuth = Buffer.from(`x-access-token:${secret}`).toString('base64')
    const text = `plain=${secret}\nb64=${b64}\nurl=${encodeURIComponent(secret)}\nAUTHORIZATION: basic ${basicAuth}`
    const { text: clean, count } = redactor.redact(text)
    expect(clean).not.toContain(secret)
    expect(clean).not.toContain(b64)
    expect(clean).not.toContain(encodeURIComponent(secret))
    expect(clean).not.toContain(basicAuth)
    expect(count).toBeGreaterThanOrEqual(4)
  })

  it('finds a secret base64-encoded inside a longer base64 string at any byte alignment', () => {
    const secret = 'Zq81-token-value-77'
    const redactor = new Redactor({ secrets: [secret] })
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const blob = Buffer.from(`${prefix}${secret}:rest-of-the-payload`).toString('base64')
      expect(redactor.clean(`config: ${blob}`)).toContain('[REDACTED:known-secret]')
    }
  })

  it('takes secret-looking environment variables, and leaves ordinary ones alone', () => {
    const env = {
      NPM_TOKEN: 'npm_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
      DATABASE_PASSWORD: 'p4ssw0rd-for-db',
      AWS_SECRET_ACCESS_KEY: AWS_SECRET,
      DEPLOY_KEY: 'deploy-key-material-123',
      'INPUT_LLM-API-KEY': 'key-from-the-action-input',
      GIT_AUTHOR_NAME: 'Mona Lisa Octocat',
      HOME: '/home/runner',
      CI: 'true',
      SOME_SECRET: 'true'
    }
    const values = secretEnvValues(env)
    expect(values.sort()).toEqual(
      [
        'key-from-the-action-input',
        AWS_SECRET,
        'deploy-key-material-123',
        'npm_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
        'p4ssw0rd-for-db'
      ].sort()
    )
    const redactor = new Redactor({ env })
    expect(redactor.clean('connecting with p4ssw0rd-for-db to /home/runner')).toBe(
      'connecting with [REDACTED:known-secret] to /home/runner'
    )
  })

  it('masks each found value and its derived forms in the log', () => {
    const log = logRecorder()
    const redactor = new Redactor({ log })
    redactor.redact(`token: ${GITHUB_PAT}`)
    expect(log.masked).toContain(GITHUB_PAT)
    expect(log.masked).toContain(Buffer.from(GITHUB_PAT).toString('base64'))
    expect(log.masked).toContain(Buffer.from(`x-access-token:${GITHUB_PAT}`).toString('base64'))
    expect(derivedForms(GITHUB_PAT).every(form => log.masked.includes(form))).toBe(true)
  })
})

describe('Redactor: look-alike secrets', () => {
  const redactor = new Redactor()

  it.each([
    [
      'GitHub classic token',
      `git remote set-url origin https://x-access-token:${GITHUB_PAT}@github.com/o/r`,
      GITHUB_PAT
    ],
    ['GitHub fine-grained token', `GH_TOKEN=${FINE_GRAINED}`, FINE_GRAINED],
    ['GitHub installation token', `Authorization: token ${INSTALLATION}`, INSTALLATION],
    ['OpenAI key', `const client = new OpenAI({ apiKey: "${OPENAI_KEY}" })`, OPENAI_KEY],
    ['AWS access key id', `aws_access_key_id = ${AWS_ID}`, AWS_ID],
    ['AWS secret key', `aws_secret_access_key = ${AWS_SECRET}`, AWS_SECRET],
    ['Slack token', `SLACK_BOT=${SLACK}`, SLACK],
    ['JWT', `Cookie: session=${JWT}; path=/`, JWT],
    [
      'private key block',
      `key.pem:\n${PRIVATE_KEY}\n`,
      'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi6Z1q0P2xWdaK5pXnq6Y9YbGh1'
    ],
    ['URL password', 'DATABASE_URL=postgres://app:s3cr3t-pw@db.internal:5432/app', 's3cr3t-pw'],
    [
      'bearer header',
      'curl -H "Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789" https://api',
      'abcdefghijklmnopqrstuvwxyz0123456789'
    ]
  ])('redacts a %s', (_name, text, secret) => {
    const result = redactor.redact(text)
    expect(result.text).not.toContain(secret)
    expect(result.text).toContain('[REDACTED:')
    expect(result.count).toBeGreaterThan(0)
  })

  it('redacts the values of .env lines with secret-ish names and keeps the names', () => {
    const dotenv = [
      'NODE_ENV=production',
      'PORT=3000',
      'STRIPE_SECRET=whsec_9f8e7d6c5b4a',
      'export GITHUB_TOKEN="not-a-real-gh-token-value"',
      "API_KEY='abcdef123456'",
      'DB_PASSWORD=correct-horse'
    ].join('\n')
    const clean = redactor.clean(dotenv)
    expect(clean).toContain('NODE_ENV=production')
    expect(clean).toContain('PORT=3000')
    expect(clean).toContain('STRIPE_SECRET=[REDACTED:env-secret]')
    expect(clean).toContain('export GITHUB_TOKEN="[REDACTED:env-secret]"')
    expect(clean).toContain("API_KEY='[REDACTED:env-secret]'")
    expect(clean).toContain('DB_PASSWORD=[REDACTED:env-secret]')
    for (const secret of [
      'whsec_9f8e7d6c5b4a',
      'not-a-real-gh-token-value',
      'abcdef123456',
      'correct-horse'
    ]) {
      expect(clean).not.toContain(secret)
    }
  })

  it('redacts key-like quoted literals of config keys, but not short fixture passwords', () => {
    const config = `oauth:\n  client_secret: "9f8e7d6c5b4a3f2e1d0c9b8a"\n  api_key: 'AbCdEf0123456789GhIj'\n`
    const clean = redactor.clean(config)
    expect(clean).toContain('client_secret: "[REDACTED:config-secret]"')
    expect(clean).toContain("api_key: '[REDACTED:config-secret]'")
    const fixture = "await login({ user: 'ada', password: 'hunter22' })"
    expect(redactor.clean(fixture)).toBe(fixture)
  })

  it('leaves constants and environment reads in code alone', () => {
    const python = [
      'MAX_TOKENS = 4096',
      'SECRET_KEY = os.environ["SECRET_KEY"]',
      'API_KEY = settings.API_KEY',
      'DEFAULT_TOKEN_TTL=3600'
    ].join('\n')
    expect(redactor.clean(python)).toBe(python)
    expect(redactor.clean('SECRET_KEY = "django-insecure-9f8e7d6c5b4a"')).toBe(
      'SECRET_KEY = "[REDACTED:env-secret]"'
    )
  })

  it('leaves ordinary code untouched, including code that reads secrets from the environment', () => {
    const code = [
      "import { sk } from './keys'",
      'const apiKey = process.env.API_KEY',
      'const TOKEN_LIMIT = 8000',
      'export function tokenize(text: string): string[] { return text.split(/\\s+/) }',
      'const task-runner-skeleton = 1 // sk-learn style names are fine',
      'expect(sum(1, 2)).toBe(3)'
    ].join('\n')
    expect(redactor.clean(code)).toBe(code)
  })
})
