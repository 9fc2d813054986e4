import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanupAll, createRepo, makeTempDir } from '../support/git-repo.js'
import {
  examplePayload,
  inputVariableName,
  parseKeyValueFile,
  parseWorkflowCommands,
  pullRequestEvent,
  pushEvent,
  replaceStrings,
  runAction,
  runCli,
  toAnnotations,
  ZERO_SHA
} from '../support/harness.js'

afterAll(cleanupAll)

describe('runner formats', () => {
  it('names input variables like the runner: upper case, spaces to underscores, hyphens kept', () => {
    expect(inputVariableName('github-token')).toBe('INPUT_GITHUB-TOKEN')
    expect(inputVariableName('my input')).toBe('INPUT_MY_INPUT')
  })

  it('parses name=value lines and heredoc blocks of a file command', () => {
    const text = [
      'plain=1',
      'multi<<ghadelimiter_0f4b',
      'line one',
      'a=b',
      '',
      'line three',
      'ghadelimiter_0f4b',
      'empty<<EOF',
      'EOF',
      ''
    ].join('\n')
    expect(parseKeyValueFile(text)).toEqual({ plain: '1', multi: 'line one\na=b\n\nline three', empty: '' })
    expect(() => parseKeyValueFile('x<<END\nvalue\n')).toThrow(/missing its closing delimiter "END"/)
    expect(() => parseKeyValueFile('no separator\n')).toThrow(/Invalid file command line/)
  })

  it('turns ::error/::warning/::notice lines into annotations with unescaped properties', () => {
    const stdout = [
      'plain log line',
      '::error file=src/a%2Cb.ts,line=3,endLine=4,col=2,title=Bad%3A thing::first%0Asecond 100%25',
      '::warning::just a warning',
      '::add-mask::s3cret',
      '::group::Phase'
    ].join('\n')
    const commands = parseWorkflowCommands(stdout)
    expect(commands.map(c => c.command)).toEqual(['error', 'warning', 'add-mask', 'group'])
    expect(toAnnotations(commands)).toEqual([
      {
        level: 'error',
        message: 'first\nsecond 100%',
        file: 'src/a,b.ts',
        line: 3,
        endLine: 4,
        col: 2,
        title: 'Bad: thing'
      },
      { level: 'warning', message: 'just a warning' }
    ])
  })
})

describe('webhook payloads', () => {
  it('loads real examples and rewrites SHAs and refs for a test repository', () => {
    const raw = examplePayload('pull_request', 'opened')
    expect(raw.pull_request.base.sha).toMatch(/^[0-9a-f]{40}$/)
    const event = pullRequestEvent({
      number: 12,
      base: { sha: 'a'.repeat(40), ref: 'main' },
      head: { sha: 'b'.repeat(40), ref: 'topic' },
      repository: 'acme/widgets'
    })
    expect(event.number).toBe(12)
    expect(event.pull_request.base).toMatchObject({ sha: 'a'.repeat(40), ref: 'main' })
    expect(event.pull_request.head).toMatchObject({ sha: 'b'.repeat(40), ref: 'topic' })
    expect(event.repository.full_name).toBe('acme/widgets')
    expect(event.pull_request.head.repo.fork).toBe(false)

    const fork = pullRequestEvent({
      base: { sha: 'a'.repeat(40) },
      head: { sha: 'b'.repeat(40) },
      fork: true
    })
    expect(fork.pull_request.head.repo.fork).toBe(true)
    expect(fork.pull_request.head.repo.full_name).not.toBe(fork.pull_request.base.repo.full_name)

    const push = pushEvent({ before: ZERO_SHA, after: 'c'.repeat(40), ref: 'refs/heads/new' })
    expect(push).toMatchObject({ created: true, forced: false, ref: 'refs/heads/new', after: 'c'.repeat(40) })
    expect(push.head_commit.id).toBe('c'.repeat(40))

    const replaced = replaceStrings(raw, { [raw.pull_request.head.sha]: 'd'.repeat(40) })
    expect(replaced.pull_request.head.sha).toBe('d'.repeat(40))
    expect(() => examplePayload('no_such_event')).toThrow(/No webhook example/)
  })
})

describe('runAction', () => {
  it('fails the step with exit code 1 and one ::error line for an invalid input', async () => {
    const repo = createRepo({ files: { 'a.txt': 'a' } })
    const result = await runAction({ cwd: repo.dir, inputs: { command: 'deploy-everything' } })
    expect(result.exitCode).toBe(1)
    expect(result.timedOut).toBe(false)
    const errors = result.annotations.filter(a => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]!.message).toMatch(/Input "command" must be one of .*deploy-everything/)
    expect(result.stdout).not.toMatch(/^\s+at /m)
    // The runner's default for github-token reached the action and was masked.
    expect(result.masks).toContain('ghs_cimedictesttoken000000000000000000')
    expect(result.runnerWarnings).toEqual([])
  })

  it('gives a push event, explicit env and RUNNER_TEMP to the step', async () => {
    const repo = createRepo({ files: { 'a.txt': '1' } })
    const before = repo.head()
    const after = repo.commit('two', { 'a.txt': '2' })
    // A probe script stands in for the bundle to show exactly what the step sees.
    const probeDir = makeTempDir()
    const probe = join(probeDir, 'probe.mjs')
    writeFileSync(
      probe,
      `import { appendFileSync, readFileSync } from 'node:fs'
const e = process.env
const event = JSON.parse(readFileSync(e.GITHUB_EVENT_PATH, 'utf8'))
const seen = { name: e.GITHUB_EVENT_NAME, sha: e.GITHUB_SHA, ref: e.GITHUB_REF, after: event.after,
  cwd: process.cwd(), workspace: e.GITHUB_WORKSPACE, temp: !!e.RUNNER_TEMP, token: e['INPUT_GITHUB-TOKEN'],
  api: e.GITHUB_API_URL, extra: e.EXTRA, command: e.INPUT_COMMAND, actions: e.GITHUB_ACTIONS }
appendFileSync(e.GITHUB_OUTPUT, 'seen<<EOF_1\\n' + JSON.stringify(seen) + '\\nEOF_1\\n')
appendFileSync(e.GITHUB_STATE, 'phase=done\\n')
appendFileSync(e.GITHUB_STEP_SUMMARY, '# Probe\\n')
console.log('::notice title=Probe::ran')
`
    )
    const result = await runAction({
      cwd: repo.dir,
      entry: probe,
      inputs: { command: 'changes', 'github-token': 'tok' },
      eventName: 'push',
      eventPayload: pushEvent({ before, after }),
      apiUrl: 'http://127.0.0.1:1234/',
      env: { EXTRA: 'yes' }
    })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs.seen!)).toEqual({
      name: 'push',
      sha: after,
      ref: 'refs/heads/main',
      after,
      cwd: repo.dir,
      workspace: repo.dir,
      temp: true,
      token: 'tok',
      api: 'http://127.0.0.1:1234',
      extra: 'yes',
      command: 'changes',
      actions: 'true'
    })
    expect(result.state).toEqual({ phase: 'done' })
    expect(result.summary).toBe('# Probe\n')
    expect(result.annotations).toEqual([{ level: 'notice', title: 'Probe', message: 'ran' }])
    expect(readFileSync(probe, 'utf8')).toContain('GITHUB_OUTPUT')
  })

  it('warns like the runner about undeclared inputs, oversized summaries and extra annotations', async () => {
    const dir = makeTempDir()
    const noisy = join(dir, 'noisy.mjs')
    writeFileSync(
      noisy,
      `import { appendFileSync } from 'node:fs'
for (let i = 0; i < 12; i++) console.log('::warning file=a.ts,line=' + (i + 1) + '::w' + i)
appendFileSync(process.env.GITHUB_STEP_SUMMARY, 'x'.repeat(1024 * 1024 + 1))
`
    )
    const result = await runAction({ cwd: dir, entry: noisy, inputs: { comand: 'changes' }, keepFiles: true })
    expect(result.exitCode).toBe(0)
    expect(result.runnerWarnings).toEqual([
      expect.stringMatching(/^Unexpected input\(s\) 'comand', valid inputs are \['command', /),
      expect.stringMatching(/^The job summary is 1048577 bytes/),
      '12 warning annotations; GitHub shows only 10 per step.'
    ])
    expect(result.annotations[11]).toEqual({ level: 'warning', file: 'a.ts', line: 12, message: 'w11' })
    expect(readFileSync(join(result.filesDir, 'step_summary'), 'utf8')).toHaveLength(1024 * 1024 + 1)
  })

  it('kills a step that runs past its time limit', async () => {
    const dir = makeTempDir()
    const hang = join(dir, 'hang.mjs')
    writeFileSync(hang, 'setInterval(() => {}, 1000)\n')
    const result = await runAction({ cwd: dir, entry: hang, timeoutMs: 300 })
    expect(result.timedOut).toBe(true)
    expect(result.exitCode).toBeNull()
  })
})

describe('runCli', () => {
  it('runs dist/cli/index.js and reports a usage error with exit code 2', async () => {
    const result = await runCli(['no-such-command'])
    expect(result.exitCode).toBe(2)
    expect(result.stderr + result.stdout).toMatch(/no-such-command|Usage/)
  })
})
