#!/usr/bin/env node
/**
 * `npm run demo`: CI Medic's real CLI (dist/cli/index.js) on a small example repository, offline.
 *
 * Builds a tiny shop library with a real git history whose last commit breaks one function and
 * edits a comment elsewhere, then tells the story: selection with reasons, the failing run, the fix
 * loop (against a local endpoint REPLAYING a recorded transcript, unless CI_MEDIC_LLM_BASE_URL,
 * CI_MEDIC_LLM_API_KEY and CI_MEDIC_LLM_MODEL name a real one), the tests green with the fix, and a
 * deploy that goes bad and is rolled back by `guard`. Every command's job summary is appended to
 * one Markdown file (--summary), printed at the end. Exit 0 when the story went as expected.
 */
import { spawn } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startDeployTarget } from './demo/deploy-target.mjs'
import { startReplayServer } from './demo/replay-server.mjs'
import { HISTORY } from './demo/shop.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = join(ROOT, 'dist', 'cli', 'index.js')
const DEMO_DIR = process.env.CI_MEDIC_DEMO_DIR || join(ROOT, '.tmp', 'demo')
const REPO = join(DEMO_DIR, 'shop')
const WORK = join(DEMO_DIR, 'work')
const SUMMARY = join(DEMO_DIR, 'summary.md')

const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = code => text => (color ? `\x1b[${code}m${text}\x1b[0m` : text)
const bold = paint('1')
const dim = paint('2')
const red = paint('31')
const green = paint('32')
const yellow = paint('33')
const cyan = paint('36')

const started = Date.now()
let stepNumber = 0
const problems = []

function heading(title) {
  stepNumber++
  console.log(`\n${bold(cyan(`── ${stepNumber}. ${title} `.padEnd(78, '─')))}`)
}
const say = text => console.log(`   ${text}`)
const detail = text => console.log(dim(`   ${text}`))
function expectFact(ok, what) {
  if (!ok) {
    problems.push(what)
    console.log(`   ${red('✗ unexpected:')} ${what}`)
  }
  return ok
}
const seconds = ms => `${(ms / 1000).toFixed(1)}s`

/** The environment of every CLI call: no runner, token or LLM settings leak in from the caller's shell. */
function cliEnv(extra = {}) {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(GITHUB_|RUNNER_|INPUT_|ACTIONS_|CI_MEDIC_)/.test(key)) continue
    env[key] = value
  }
  return { ...env, CI_MEDIC_HOME: WORK, NO_COLOR: '1', ...extra }
}

/** Runs a CI Medic CLI command (async: the deploy target lives in this process). */
function ciMedic(args, env = {}) {
  return new Promise((resolve, reject) => {
    const began = Date.now()
    appendFileSync(SUMMARY, `---\n\n<sub>ci-medic ${args[0]}</sub>\n\n`)
    const child = spawn(process.execPath, [CLI, ...args, '--summary', SUMMARY], {
      cwd: REPO,
      env: cliEnv(env)
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => {
      let json
      if (args.includes('--json')) {
        try {
          json = JSON.parse(stdout)
        } catch {
          json = undefined
        }
      }
      resolve({ code, stdout, stderr, json, ms: Date.now() - began })
    })
  })
}

function git(...args) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: REPO,
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        // Never reach the enclosing project's repository, whatever happens to the example's.
        GIT_CEILING_DIRECTORIES: DEMO_DIR,
        GIT_AUTHOR_NAME: 'Demo Shop Dev',
        GIT_AUTHOR_EMAIL: 'dev@shop.example',
        GIT_COMMITTER_NAME: 'Demo Shop Dev',
        GIT_COMMITTER_EMAIL: 'dev@shop.example'
      }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.stdin.end()
    child.on('close', code =>
      code === 0 ? resolve(stdout.trim()) : reject(new Error(`git ${args.join(' ')}: ${stderr.trim()}`))
    )
  })
}

function showFailure(result) {
  if (result.code !== 0 && result.code !== 1) {
    console.log(red(`   The command ended with exit code ${result.code}:`))
    console.log(
      result.stderr
        .split('\n')
        .slice(-15)
        .map(l => `     ${l}`)
        .join('\n')
    )
  }
}

async function buildRepository() {
  heading('An example repository with a real history')
  rmSync(DEMO_DIR, { recursive: true, force: true })
  mkdirSync(REPO, { recursive: true })
  mkdirSync(WORK, { recursive: true })
  writeFileSync(SUMMARY, '# CI Medic demo — job summaries\n\n')
  await git('init', '-q', '-b', 'main')
  const shas = []
  for (const [index, commit] of HISTORY.entries()) {
    for (const [path, content] of Object.entries(commit.files)) {
      mkdirSync(dirname(join(REPO, path)), { recursive: true })
      writeFileSync(join(REPO, path), content)
    }
    await git('add', '-A')
    const date = `2026-01-0${index + 1}T10:00:00Z`
    await git('commit', '-q', '-m', commit.message, '--date', date)
    shas.push(await git('rev-parse', 'HEAD'))
  }
  // Under this project, so node resolution finds jest in its node_modules; linked when the folder is elsewhere.
  if (relative(ROOT, REPO).startsWith('..'))
    symlinkSync(join(ROOT, 'node_modules'), join(REPO, 'node_modules'), 'dir')
  say(`A tiny shop library with jest tests in ${bold(relative(process.cwd(), REPO) || REPO)}:`)
  for (const line of (await git('log', '--format=%h %s')).split('\n')) detail(line)
  const base = shas[shas.length - 2]
  const head = shas[shas.length - 1]
  say(`The change under test is the last commit. What it touched:`)
  for (const line of (await git('diff', '--stat', base, head)).split('\n')) detail(line)
  say(
    `It ${red('breaks')} the discount (a cap written with Math.max) and only ${bold('edits a comment')} in src/money.js.`
  )
  return { base, head }
}

async function select({ base, head }) {
  heading('select — which tests can this change affect, and why')
  const result = await ciMedic(['select', '--repo', REPO, '--base', base, '--head', head, '--json'])
  showFailure(result)
  const selection = result.json
  if (!expectFact(selection !== undefined, 'select printed no JSON')) return undefined
  const changes = await ciMedic(['changes', '--repo', REPO, '--base', base, '--head', head, '--json'])
  const files = changes.json?.files.map(f => f.path) ?? selection.changed.map(c => c.file)
  for (const file of files) {
    const change = selection.changed.find(c => c.file === file)
    const symbols = change?.symbols.length
      ? change.symbols.join(', ')
      : 'no symbol: only comments or formatting changed'
    say(`changed ${bold(file)}: ${symbols}`)
  }
  const money = selection.changed.find(c => c.file === 'src/money.js')
  const moneyAbsent = files.includes('src/money.js') && (!money || money.symbols.length === 0)
  expectFact(files.includes('src/money.js'), 'the change does not list src/money.js')
  say(
    `Mode ${bold(selection.mode)}: ${selection.tests.length} test file(s) selected${selection.fallback ? ` (${selection.fallback})` : ''}:`
  )
  for (const test of selection.tests) {
    const chain = (selection.reasons[test] ?? []).filter(step => step !== test)
    say(`  ${green(test)}  ←  ${chain.reverse().join('  ←  ') || 'changed'}`)
  }
  const skipped = ['test/money.test.js', 'test/inventory.test.js'].filter(t => !selection.tests.includes(t))
  if (skipped.length) say(`Not selected: ${skipped.join(', ')} — nothing they import changed in meaning.`)
  expectFact(selection.mode === 'selected', `selection mode is ${selection.mode}, expected selected`)
  expectFact(selection.tests.includes('test/discount.test.js'), 'test/discount.test.js was not selected')
  expectFact(
    moneyAbsent && !selection.tests.includes('test/money.test.js'),
    'the comment-only edit of src/money.js selected tests'
  )
  if (moneyAbsent && !selection.tests.includes('test/money.test.js')) {
    say(
      `${green('✓')} The comment-only edit of src/money.js selects nothing: its tests cannot tell the difference.`
    )
  }
  detail(`(${seconds(result.ms)})`)
  return selection
}

async function runSelected(selection, label) {
  const result = await ciMedic(['test', '--repo', REPO, '--files', ...selection.tests, '--json'])
  showFailure(result)
  const report = result.json
  if (!expectFact(report !== undefined, `${label}: test printed no JSON`)) return undefined
  const t = report.totals
  say(
    `${report.framework}: ${t.passed} passed, ${t.failed} failed in ${report.files.length} file(s) (${seconds(result.ms)})`
  )
  for (const file of report.files) {
    for (const test of file.tests.filter(c => c.status === 'failed')) {
      say(`${red('✗')} ${file.file} › ${test.name}`)
      const message = (test.message ?? '')
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean)
        .slice(0, 3)
      for (const line of message) detail(line)
    }
  }
  return { report, code: result.code }
}

async function llmEndpoint() {
  const {
    CI_MEDIC_LLM_BASE_URL: baseUrl,
    CI_MEDIC_LLM_API_KEY: apiKey,
    CI_MEDIC_LLM_MODEL: model
  } = process.env
  if (baseUrl && model) {
    say(`LLM: ${bold(model)} at ${new URL(baseUrl).host} (from CI_MEDIC_LLM_BASE_URL / CI_MEDIC_LLM_MODEL).`)
    return {
      env: {
        CI_MEDIC_LLM_BASE_URL: baseUrl,
        CI_MEDIC_LLM_MODEL: model,
        ...(apiKey ? { CI_MEDIC_LLM_API_KEY: apiKey } : {})
      },
      close: async () => {}
    }
  }
  if (baseUrl) say(yellow('CI_MEDIC_LLM_BASE_URL is set but CI_MEDIC_LLM_MODEL is not: replaying instead.'))
  const transcript = JSON.parse(readFileSync(join(ROOT, 'scripts', 'demo', 'transcript.json'), 'utf8'))
  const replay = await startReplayServer(transcript)
  say(yellow(bold('REPLAY of a recorded transcript: no model runs.')))
  say(
    yellow(
      `A local OpenAI-compatible endpoint (${replay.url}) plays back the ${transcript.steps.length} model replies in`
    )
  )
  say(
    yellow(
      `scripts/demo/transcript.json; CI Medic's fixer really reads, edits, runs the tests and validates.`
    )
  )
  say(
    dim('   Set CI_MEDIC_LLM_BASE_URL, CI_MEDIC_LLM_API_KEY and CI_MEDIC_LLM_MODEL to use a real endpoint.')
  )
  return {
    replay,
    env: {
      CI_MEDIC_LLM_BASE_URL: replay.url,
      CI_MEDIC_LLM_MODEL: transcript.model,
      CI_MEDIC_LLM_API_KEY: 'demo-replay-no-key'
    },
    close: () => replay.close()
  }
}

async function fix({ base, head }) {
  heading('fix — the agent loop, in shadow mode')
  const llm = await llmEndpoint()
  let result
  try {
    result = await ciMedic(
      [
        'fix',
        '--repo',
        REPO,
        '--base',
        base,
        '--head',
        head,
        '--autonomy',
        'shadow',
        '--retries',
        '0',
        '--time-budget',
        '3m',
        '--json'
      ],
      llm.env
    )
  } finally {
    await llm.close()
  }
  showFailure(result)
  const outcome = result.json
  if (!expectFact(outcome !== undefined, 'fix printed no JSON')) return undefined
  if (llm.replay) {
    say(
      `The replay served ${llm.replay.state.served} of its replies${llm.replay.state.problems.length ? `; ${red('mismatches')}: ${llm.replay.state.problems.join('; ')}` : ''}.`
    )
  }
  say(
    `Status: ${outcome.status === 'fixed' ? green(bold('fixed')) : red(bold(outcome.status))} after ${outcome.iterations} agent iteration(s) (${seconds(result.ms)}).`
  )
  if (outcome.rootCause) say(`Root cause: ${outcome.rootCause}`)
  if (outcome.explanation) say(`The fix:    ${outcome.explanation}`)
  if (outcome.patch) for (const line of outcome.patch.trim().split('\n')) detail(line)
  const untouched = (await git('status', '--porcelain')) === '' && (await git('rev-parse', 'HEAD')) === head
  say(
    `Shadow mode: the validated patch went to the summary only; the repository is ${untouched ? 'untouched' : red('CHANGED')}.`
  )
  if (llm.replay) expectFact(outcome.status === 'fixed', `fix status is ${outcome.status}, expected fixed`)
  else if (outcome.status !== 'fixed')
    say(yellow(`The model found no validated fix this time: ${outcome.explanation ?? 'see the summary'}`))
  expectFact(untouched, 'shadow mode changed the repository')
  if (llm.replay)
    expectFact(
      llm.replay.state.problems.length === 0,
      'the replay saw requests that do not follow the transcript'
    )
  return outcome
}

async function applyAndRetest(outcome, selection) {
  heading('test again — with the validated patch applied')
  const patchFile = join(WORK, 'fix.patch')
  writeFileSync(patchFile, outcome.patch.endsWith('\n') ? outcome.patch : outcome.patch + '\n')
  await git('apply', '--index', patchFile)
  await git('commit', '-q', '-m', 'discount: cap with Math.min (patch validated by CI Medic)')
  say(`The demo applies the patch (git apply) and commits it, as a reviewer accepting the suggestion would.`)
  const run = await runSelected(selection, 'retest')
  if (!run) return
  expectFact(run.code === 0 && run.report.totals.failed === 0, 'the tests are not green with the fix')
  if (run.code === 0) say(`${green('✓')} Green.`)
}

async function guard() {
  heading('guard — a deploy that goes bad, and its rollback')
  const target = await startDeployTarget('v1')
  try {
    const health = async () => {
      const response = await fetch(`${target.url}/healthz`)
      return { status: response.status, body: await response.json() }
    }
    const before = await health()
    say(
      `Deploy target on loopback: ${target.url} serves ${bold(target.version())} — /healthz answers ${before.status}.`
    )
    await target.deploy('v2')
    const broken = await health()
    say(`Deploying ${bold('v2')}… /healthz now answers ${red(String(broken.status))} (${broken.body.error}).`)
    const rollback = `"${process.execPath}" "${join(ROOT, 'scripts', 'demo', 'deploy.mjs')}" ${target.url} v1`
    say(
      `guard probes /healthz; its rollback command deploys v1 again: ${dim('node scripts/demo/deploy.mjs URL v1')}`
    )
    const result = await ciMedic([
      'guard',
      '--repo',
      REPO,
      '--health-url',
      `${target.url}/healthz`,
      '--rollback-command',
      rollback,
      '--environment',
      'demo',
      '--warmup',
      '0',
      '--probe-interval',
      '250ms',
      '--probe-window',
      '3s',
      '--probe-timeout',
      '2s',
      '--failure-threshold',
      '3',
      '--verify-window',
      '1500ms',
      '--json'
    ])
    showFailure(result)
    const report = result.json
    if (!expectFact(report !== undefined, 'guard printed no JSON')) return
    say(
      `Verdict: ${report.verdict === 'unhealthy' ? red(bold(report.verdict)) : bold(report.verdict)} — ${report.outcome ?? ''} (${seconds(result.ms)})`
    )
    const after = await health()
    say(
      `Rolled back: ${report.rolledBack ? green('yes') : red('no')}. The target serves ${bold(target.version())}; /healthz answers ${after.status}.`
    )
    detail(`Deploys: ${target.deploys.map(d => d.version).join(' → ')}`)
    expectFact(report.verdict === 'unhealthy', `guard verdict is ${report.verdict}, expected unhealthy`)
    expectFact(report.rolledBack === true, 'guard did not roll back')
    expectFact(
      target.version() === 'v1' && after.status === 200,
      'the target is not healthy on v1 after the rollback'
    )
    if (report.rolledBack && after.status === 200)
      say(`${green('✓')} Rolled back to v1 and verified healthy.`)
  } finally {
    await target.close()
  }
}

async function main() {
  if (!existsSync(CLI)) {
    console.error(
      `The CLI bundle ${CLI} is missing: run npm run build (or use a clone with the committed dist/).`
    )
    process.exit(2)
  }
  console.log(bold('CI Medic demo') + dim(' — the real CLI on an example repository, offline'))
  const range = await buildRepository()
  const selection = await select(range)
  if (selection) {
    heading('test — run the selected tests')
    const run = await runSelected(selection, 'first run')
    expectFact(run?.code === 1 && run.report.totals.failed > 0, 'the selected tests did not fail')
    if (run?.code === 1)
      say(`The step fails: ${red(`${run.report.totals.failed} failing test(s)`)}. The fixer takes over.`)
    const outcome = await fix(range)
    if (outcome?.status === 'fixed' && outcome.patch) await applyAndRetest(outcome, selection)
  }
  await guard()

  heading('The end')
  say(
    `Job summaries of every command (Markdown, as GitHub shows them): ${bold(relative(process.cwd(), SUMMARY))}`
  )
  say(`Demo took ${seconds(Date.now() - started)}.`)
  if (problems.length) {
    console.log(red(bold(`\nThe story did not go as expected (${problems.length} problem(s)):`)))
    for (const problem of problems) console.log(red(`  - ${problem}`))
    process.exit(1)
  }
  console.log(green(bold('\nEverything went as expected.')))
}

await main()
