import type { CommandContext, CommandResult } from '../commands/types.js'
import { ConfigurationError } from '../errors.js'
import { createLlmGateway, createRunAudit } from '../llm/index.js'
import type { LlmGateway } from '../llm/types.js'
import { runShell } from '../ports/exec.js'
import type { RunEvent } from '../ports/event.js'
import type { GitHubClient } from '../ports/github.js'
import { AuditLog } from '../report/audit.js'
import { safeWord } from '../report/outputs.js'
import { systemClock, type Clock } from './clock.js'
import {
  claimRollback,
  Deployments,
  ROLLED_BACK_MARKER,
  STATUS_PREFIX,
  type DeploymentInfo,
  type Repo
} from './deployments.js'
import { checkTimings, readGuardSection } from './config.js'
import { describeProbe, readProbes, type Probe } from './probes.js'
import { commentMarker, escalate, upsertComment, type CommentTarget } from './publish.js'
import { createRedactor, type Redactor } from './redact.js'
import { COMMENT_LIMIT, renderReport, SUMMARY_LIMIT, type GuardReport, type TimelineEvent } from './report.js'
import { summarizeRootCause } from './root-cause.js'
import {
  rollbackByRedeploy,
  rollbackByRevertPr,
  rollbackWithCommand,
  shielded,
  type RollbackOutcome,
  type RollbackStrategy
} from './rollback.js'
import { createProbeRunner, type ProbeRunner } from './run-probe.js'
import { rankSuspects, type Suspect } from './suspects.js'
import { defaultVerdictSettings, type Trip, type Verdict } from './verdict.js'
import { watchDeploy, type WatchResult } from './watch.js'

export interface GuardPorts {
  clock?: Clock
  /** Replaces real probes (tests, the bench). */
  probeRunner?: ProbeRunner
  /** The LLM for the root-cause summary; without one the report says why there is none. */
  llm?: () => Promise<{ gateway?: LlmGateway; disabledReason?: string }>
}

interface EventDeployment {
  id?: number
  environment?: string
  url?: string
  sha?: string
  ref?: string
  state?: string
  /** The status was written by the guard itself (with a PAT, its statuses start workflows too). */
  byGuard?: boolean
}

/** The deployment a `deployment_status` event is about. */
export function deploymentFromEvent(name: string, payload: RunEvent['payload']): EventDeployment | undefined {
  if (name !== 'deployment_status' && name !== 'deployment') return undefined
  const deployment = payload.deployment ?? {}
  const status = payload.deployment_status ?? {}
  return {
    id: typeof deployment.id === 'number' ? deployment.id : undefined,
    environment: status.environment || deployment.environment || undefined,
    url: status.environment_url || status.target_url || deployment.payload?.web_url || undefined,
    sha: deployment.sha || undefined,
    ref: deployment.ref || undefined,
    state: name === 'deployment_status' ? status.state : undefined,
    byGuard: name === 'deployment_status' && String(status.description ?? '').startsWith(STATUS_PREFIX)
  }
}

function short(sha?: string): string {
  return sha ? sha.slice(0, 7) : 'unknown'
}

function result(
  report: GuardReport,
  summary: string,
  failure: string | undefined,
  links: Record<string, string | undefined>
): CommandResult {
  const json = {
    verdict: report.verdict,
    rolledBack: report.rolledBack,
    escalated: report.escalated,
    outcome: report.outcome,
    environment: report.environment ?? null,
    deployment: report.deployment ? { id: report.deployment.id, sha: report.deployment.sha } : null,
    lastGood: report.lastGood ? { id: report.lastGood.id, sha: report.lastGood.sha } : null,
    trip: report.trip ?? null,
    rollback: report.rollback ?? null,
    verify: report.verify ? { verdict: report.verify.verdict, trip: report.verify.trip ?? null } : null,
    timeline: report.timeline.map(e => ({ at: new Date(e.at).toISOString(), label: e.label })),
    probes: report.tallies,
    suspects: report.suspects.map(s => ({
      sha: s.sha,
      subject: s.subject,
      score: s.score,
      reasons: s.reasons
    })),
    rootCause: report.rootCause ?? null,
    links
  }
  const text = [
    `Deploy guard: ${report.verdict}${report.rolledBack ? ' (rolled back)' : ''}`,
    report.outcome,
    ...(report.trip ? [`Why: ${report.trip.probe}: ${report.trip.reason}`] : []),
    ...report.tallies.map(
      t =>
        `  ${t.probe}: ${t.passes} passed, ${t.fails} failed, ${t.timeouts} timeouts, ${t.transportErrors} transport errors`
    )
  ].join('\n')
  return {
    outputs: { verdict: safeWord(report.verdict), 'rolled-back': safeWord(report.rolledBack) },
    summary,
    json,
    text,
    failure
  }
}

/** The `guard` command: probe the deploy, roll back once when it is unhealthy, verify, report. */
export async function runGuard(context: CommandContext, ports: GuardPorts = {}): Promise<CommandResult> {
  const { inputs, log, event, env, repoDir } = context
  const clock = ports.clock ?? systemClock
  const section = readGuardSection(context.config.guard)
  checkTimings(inputs)
  const fromEvent = deploymentFromEvent(event.name, event.payload)
  const environment = inputs.environment ?? fromEvent?.environment

  const secrets: string[] = []
  const defaults = { timeoutMs: inputs.probeTimeout, latencyCeilingMs: inputs.latencyCeiling }
  const probes = readProbes(context.config.probes, inputs.healthUrl ?? fromEvent?.url, defaults, env, secrets)
  for (const secret of secrets) log.mask(secret)
  if (probes.length === 0) {
    throw new ConfigurationError(
      'Command "guard" needs something to probe: set "health-url", or list probes under "probes:" in the config file' +
        (event.name === 'deployment_status' ? ' (this deployment_status event has no environment_url)' : '') +
        '. Example: health-url: https://example.com/healthz',
      'health-url'
    )
  }
  if ((fromEvent?.state && fromEvent.state !== 'success') || fromEvent?.byGuard) {
    const outcome = fromEvent.byGuard
      ? 'This deployment status was written by the deploy guard itself: nothing new to guard.'
      : `Deployment status is "${fromEvent.state}", not "success": there is no finished deploy to guard.`
    log.info(outcome)
    return {
      outputs: { verdict: 'skipped', 'rolled-back': 'false' },
      summary: `### Deploy guard\n\n${outcome}\n`,
      json: { verdict: 'skipped', rolledBack: false, outcome },
      text: outcome
    }
  }

  const redact: Redactor = createRedactor({
    secrets: [...secrets, inputs.githubToken, inputs.llmApiKey ?? ''],
    env,
    log
  })
  const audit = createRunAudit(context)
  const repo: Repo | undefined = event.repository
  const github: GitHubClient | undefined = inputs.githubToken && repo ? await context.github() : undefined
  const deployments = github && repo ? new Deployments(github, repo, log) : undefined
  const runUrl =
    repo && event.runId
      ? `${event.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${event.runId}`
      : undefined
  const timeline: TimelineEvent[] = []
  const mark = (label: string, at = clock.now()): void => void timeline.push({ at, label })

  // ── Which deployment, and what it would roll back to ─────────────────────────────────────
  let current: DeploymentInfo | undefined
  let lastGood: DeploymentInfo | undefined
  let history: 'known' | 'unknown' = 'unknown'
  if (deployments) {
    await log.group('Deployments', async () => {
      try {
        const id = inputs.deploymentId ?? fromEvent?.id
        if (id !== undefined) current = await deployments.get(id)
        else if (environment) current = await deployments.find(environment, event.sha)
        const env = environment ?? current?.environment
        if (current && env) {
          lastGood = await deployments.lastGood(current, env)
          history = 'known'
        }
        log.info(
          current
            ? `Guarding deployment ${current.id} (${short(current.sha)}) of ${env}; last good: ${lastGood ? `${lastGood.id} (${short(lastGood.sha)})` : 'none (first deployment)'}`
            : 'No GitHub deployment found for this run; probing without deployment statuses.'
        )
      } catch (error) {
        log.warning(`Could not read the environment's deployments: ${redact((error as Error).message)}`)
      }
    })
  }
  const statusExtra = { environmentUrl: fromEvent?.url ?? inputs.healthUrl, logUrl: runUrl }
  const alreadyRolledBack = async (): Promise<boolean> => {
    if (!current || !deployments) return false
    try {
      const seen = await deployments.statuses(current)
      return seen.statuses?.some(s => s.description.includes(ROLLED_BACK_MARKER)) ?? false
    } catch {
      return false
    }
  }
  if (await alreadyRolledBack()) {
    // A re-run, or a run that started after a concurrent one rolled back: the decision stands.
    const outcome = `Deployment ${current?.id} (${short(current?.sha)}) was already rolled back by an earlier guard run: nothing to do.`
    log.info(outcome)
    return {
      outputs: { verdict: 'unhealthy', 'rolled-back': 'false' },
      summary: `### Deploy guard\n\n${outcome}\n`,
      json: { verdict: 'unhealthy', rolledBack: false, outcome },
      text: outcome,
      failure: `Deploy guard: ${outcome}`
    }
  }
  if (current && deployments)
    await deployments.setStatus(current.id, 'in_progress', 'probing the deploy', statusExtra)

  // ── Probe and decide ──────────────────────────────────────────────────────────────────────
  const settings = defaultVerdictSettings({
    warmupMs: inputs.warmup,
    windowMs: inputs.probeWindow,
    intervalMs: inputs.probeInterval,
    failureThreshold: inputs.failureThreshold,
    failureRatioPercent: inputs.failureRatio,
    ratioWindowMs: inputs.ratioWindow
  })
  const baselineOrigin = inputs.baselineUrl ?? previousVersionOrigin(lastGood, probes)
  if (baselineOrigin && !inputs.baselineUrl)
    log.info(`Baseline: the last good deployment's URL ${baselineOrigin}`)
  const probeRunner =
    ports.probeRunner ??
    createProbeRunner({ clock, redact, cwd: repoDir, env, originOverride: baselineOrigin })
  mark('Deploy ready; probing starts')
  const watch = await log.group(
    `Probing ${probes.length} probe(s): ${probes.map(p => p.name).join(', ')}`,
    () =>
      watchDeploy({
        probes,
        run: probeRunner,
        clock,
        settings,
        intervalMs: inputs.probeInterval,
        baseline: baselineOrigin !== undefined,
        onSample: s =>
          log.info(
            `${s.baseline ? '[baseline] ' : ''}${s.probe}: ${s.outcome} — ${s.detail}${s.warmup ? ' (warm-up)' : ''}`
          )
      })
  )
  if (watch.readyAt !== undefined) mark('First healthy answer', watch.readyAt)
  if (watch.trip) {
    mark(`First failure counted (${watch.trip.probe})`, watch.trip.firstFailureAt)
    mark(`Verdict: ${watch.trip.verdict} — ${watch.trip.reason}`, watch.trip.decidedAt)
  } else mark(`Verdict: ${watch.verdict}`, watch.endedAt)
  audit.record({ type: 'guard.verdict', verdict: watch.verdict, trip: watch.trip ?? null })

  const report: GuardReport = {
    environment: environment ?? current?.environment,
    deployment: current,
    lastGood,
    verdict: watch.verdict,
    trip: watch.trip,
    outcome: '',
    rolledBack: false,
    escalated: false,
    timeline,
    probes: probes.map(p => ({ name: p.name, target: describeProbe(p) })),
    tallies: watch.engine.tallies(),
    samples: watch.engine.samples(),
    suspects: [],
    runUrl
  }

  let act: 'none' | 'rollback' | 'fail' = 'none'
  if (watch.verdict === 'unhealthy') act = 'rollback'
  else if (watch.verdict === 'inconclusive') {
    act =
      inputs.inconclusivePolicy === 'rollback'
        ? 'rollback'
        : inputs.inconclusivePolicy === 'fail'
          ? 'fail'
          : 'none'
  }

  let failure: string | undefined
  /** Another run owns this deployment's rollback and its report: this one only reports to its own summary. */
  let deferred = false
  const logsPromise =
    act === 'none' ? undefined : collectLogs(inputs.logsCommand, repoDir, env, redact, section.logLines)
  if (act === 'none' && (await alreadyRolledBack())) {
    // Another run decided while this one was probing (and what it probed may be the rolled-back version).
    act = 'fail'
    deferred = true
    report.verdict = 'unhealthy'
    report.outcome = `Another guard run already rolled back deployment ${current?.id} while this one was probing; its decision stands.`
    failure = `Deploy guard: ${report.outcome}`
  } else if (act === 'none') {
    report.outcome =
      watch.verdict === 'healthy'
        ? `All ${probes.length} probe(s) stayed healthy for ${Math.round(inputs.probeWindow / 1000)}s after the warm-up.`
        : `The verdict is inconclusive (${watch.trip?.reason}); inconclusive-policy is "pass", so the deploy stands.`
    if (current && deployments)
      await deployments.setStatus(current.id, 'success', `Healthy: ${report.outcome}`, statusExtra)
  } else if (act === 'fail') {
    report.outcome = `The verdict is inconclusive; inconclusive-policy is "fail": the step fails and nothing is rolled back.`
    failure = `Deploy guard: inconclusive (${watch.trip?.reason}). Not rolled back (inconclusive-policy: fail).`
    if (current && deployments)
      await deployments.setStatus(
        current.id,
        'failure',
        `Inconclusive: ${watch.trip?.reason ?? ''}`,
        statusExtra
      )
  } else {
    const strategy = chooseStrategy(
      inputs.rollbackStrategy,
      inputs.rollbackCommand,
      deployments !== undefined && lastGood !== undefined
    )
    const decision = await log.group('Rollback', () =>
      rollBack({
        context,
        strategy,
        trip: watch.trip as Trip,
        current,
        lastGood,
        history,
        environment: report.environment,
        deployments,
        github,
        repo,
        redact,
        statusExtra,
        mark,
        audit,
        probes,
        probeRunner,
        clock,
        settings: { ...settings, windowMs: inputs.verifyWindow },
        intervalMs: inputs.probeInterval
      })
    )
    report.outcome = decision.outcome
    deferred = decision.deferred ?? false
    report.rolledBack = decision.rolledBack
    report.escalated = decision.escalate
    report.rollback = decision.rollback
    if (decision.verify) {
      report.verify = {
        verdict: decision.verify.verdict,
        trip: decision.verify.trip,
        tallies: decision.verify.engine.tallies()
      }
      report.samples = [...report.samples, ...decision.verify.engine.samples()]
    }
    failure = `Deploy guard: ${watch.verdict} (${watch.trip?.reason}). ${decision.outcome}`
  }

  // ── Diagnostics ───────────────────────────────────────────────────────────────────────────
  if (act !== 'none' && watch.trip) {
    await log.group('Diagnostics', async () => {
      report.logs = await logsPromise
      const failingPaths = probes
        .filter(
          p => p.kind === 'http' && report.samples.some(s => s.probe === p.name && s.outcome !== 'pass')
        )
        .map(p => (p.kind === 'http' ? new URL(p.url).pathname : ''))
      const evidence = [...report.samples.map(s => s.excerpt ?? ''), report.logs?.tail ?? '']
      if (lastGood && current) {
        try {
          report.suspects = await rankSuspects(repoDir, lastGood.sha, current.sha, { failingPaths, evidence })
          if (report.suspects.length === 0)
            report.suspectsNote = 'No commits between the last good deployment and this one.'
        } catch (error) {
          report.suspectsNote = `Could not list the commits ${short(lastGood.sha)}..${short(current.sha)}: ${redact((error as Error).message).slice(0, 200)}`
        }
      } else {
        report.suspectsNote = 'No last good deployment to compare with, so no suspect commits.'
      }
      await explain(report, watch.trip as Trip, ports, context, audit, suspectsOrEmpty(report.suspects))
    })
  }

  // ── Publish ───────────────────────────────────────────────────────────────────────────────
  const links: Record<string, string | undefined> = {}
  const marker = commentMarker(report.environment)
  if (github && repo) {
    const target = commentTarget(event.payload, current?.sha ?? fromEvent?.sha ?? event.sha)
    if (target && !deferred && (act !== 'none' || section.commentWhenHealthy)) {
      links.comment = await upsertComment(
        github,
        repo,
        target,
        marker,
        renderReport(report, marker, COMMENT_LIMIT - 100),
        log
      )
    }
    if (report.escalated) {
      links.issue = await escalate(
        github,
        repo,
        {
          environment: report.environment,
          deploymentKey: current ? String(current.id) : (event.sha ?? 'unknown'),
          title: `Deploy guard: ${report.environment ?? 'deploy'} is unhealthy after a failed rollback (${short(current?.sha ?? event.sha)})`,
          body: renderReport(report, '', COMMENT_LIMIT - 400)
        },
        log
      )
    }
  }
  const summary = renderReport(report, marker, SUMMARY_LIMIT)
  audit.record({
    type: 'guard.done',
    verdict: report.verdict,
    rolledBack: report.rolledBack,
    escalated: report.escalated,
    links
  })
  return result(report, summary, failure, links)
}

function suspectsOrEmpty(suspects: Suspect[] | undefined): Suspect[] {
  return suspects ?? []
}

function chooseStrategy(
  input: 'auto' | 'command' | 'redeploy' | 'revert-pr' | 'none',
  command: string | undefined,
  canRedeploy: boolean
): RollbackStrategy | 'none' {
  if (input === 'command' && !command) {
    throw new ConfigurationError(
      'Input "rollback-strategy" is "command" but "rollback-command" is empty. Example: rollback-command: kubectl rollout undo deploy/web',
      'rollback-command'
    )
  }
  if (input !== 'auto') return input
  if (command) return 'command'
  return canRedeploy ? 'redeploy' : 'none'
}

interface RollbackDecision {
  outcome: string
  deferred?: boolean
  rolledBack: boolean
  escalate: boolean
  rollback?: RollbackOutcome
  verify?: WatchResult
}

async function rollBack(o: {
  context: CommandContext
  strategy: RollbackStrategy | 'none'
  trip: Trip
  current?: DeploymentInfo
  lastGood?: DeploymentInfo
  history: 'known' | 'unknown'
  environment?: string
  deployments?: Deployments
  github?: GitHubClient
  repo?: Repo
  redact: Redactor
  statusExtra: { environmentUrl?: string; logUrl?: string }
  mark: (label: string, at?: number) => void
  audit: AuditLog
  probes: Probe[]
  probeRunner: ProbeRunner
  clock: Clock
  settings: ReturnType<typeof defaultVerdictSettings>
  intervalMs: number
}): Promise<RollbackDecision> {
  const { context, current, lastGood, deployments, log } = { ...o, log: o.context.log }
  const failStatus = async (description: string): Promise<void> => {
    if (current && deployments) await deployments.setStatus(current.id, 'failure', description, o.statusExtra)
  }
  if (o.strategy === 'none') {
    await failStatus(`Unhealthy: ${o.trip.reason}`)
    return {
      outcome:
        'No rollback is configured (set rollback-command, or give the environment GitHub deployments to redeploy): the deploy stays as it is.',
      rolledBack: false,
      escalate: false
    }
  }
  if (o.history === 'known' && !lastGood) {
    await failStatus(`Unhealthy: ${o.trip.reason}. First deployment: nothing to roll back to`)
    return {
      outcome: `This is the first deployment of ${o.environment ?? 'the environment'}: there is no earlier good deployment to roll back to, so nothing was rolled back.`,
      rolledBack: false,
      escalate: false
    }
  }
  if (
    (o.strategy === 'redeploy' || o.strategy === 'revert-pr') &&
    (!lastGood || !current || !o.github || !o.repo)
  ) {
    await failStatus(`Unhealthy: ${o.trip.reason}`)
    return {
      outcome: `Rollback strategy "${o.strategy}" needs the environment's GitHub deployments (github-token and environment), and none were found: nothing was rolled back.`,
      rolledBack: false,
      escalate: true
    }
  }

  // Exactly once: the first run to create the lock ref rolls back; every other run reports.
  const key = current ? `${current.id}` : `${o.environment ?? 'default'}-${context.event.sha ?? 'unknown'}`
  if (o.github && o.repo) {
    const lock = await claimRollback(
      o.github,
      o.repo,
      key,
      current?.sha ?? context.event.sha ?? lastGood?.sha ?? ''
    )
    o.audit.record({ type: 'guard.lock', key, result: lock.state })
    if (lock.state === 'lost') {
      return {
        outcome: `Another guard run already rolled back ${current ? `deployment ${current.id}` : 'this deploy'} (lock refs/ci-medic/rollback/${key} exists): not rolling back twice.`,
        deferred: true,
        rolledBack: false,
        escalate: false
      }
    }
    if (lock.state === 'unavailable') {
      log.warning(
        `Could not take the rollback lock (${lock.reason}); checking the deployment's statuses instead.`
      )
      if (current && deployments) {
        const seen = await deployments.statuses(current)
        if (seen.statuses?.some(s => s.description.includes(ROLLED_BACK_MARKER))) {
          return {
            outcome: `Deployment ${current.id} was already rolled back by an earlier run: not rolling back twice.`,
            deferred: true,
            rolledBack: false,
            escalate: false
          }
        }
      }
    }
  } else {
    log.warning('No GitHub API access: the rollback cannot be recorded for other runs.')
  }

  return shielded(log, async () => {
    const to = lastGood ? `${lastGood.id} (${short(lastGood.sha)})` : 'the previous version'
    // The lock ref already records the decision; the marker status (for re-runs) and the rollback's own
    // deployment record are written while the rollback runs, and are finished even if the job is cancelled.
    o.mark(`Rollback started (${o.strategy})`)
    o.audit.record({
      type: 'guard.rollback',
      strategy: o.strategy,
      from: current?.id ?? null,
      to: lastGood?.id ?? null
    })
    const recorded = failStatus(`Unhealthy: ${o.trip.reason}. Rolling back to ${to} ${ROLLED_BACK_MARKER}`)
    const recordRollback = async (): Promise<DeploymentInfo | undefined> => {
      if (!lastGood || !current || !deployments || !o.environment) return undefined
      const created = await deployments.createRollbackDeployment(lastGood, current, o.environment)
      if (created)
        await deployments.setStatus(
          created.id,
          'in_progress',
          `Rolling back from ${short(current.sha)}`,
          o.statusExtra
        )
      return created
    }
    let rollbackDeployment: DeploymentInfo | undefined
    let outcome: RollbackOutcome
    let finishedAt: number | undefined
    if (o.strategy === 'command') {
      const [result, created] = await Promise.all([
        rollbackWithCommand({
          command: context.inputs.rollbackCommand as string,
          cwd: context.repoDir,
          env: context.env,
          timeoutMs: context.inputs.rollbackTimeout,
          redact: o.redact,
          bad: current,
          good: lastGood,
          environment: o.environment
        }).then(done => {
          finishedAt = o.clock.now()
          return done
        }),
        recordRollback()
      ])
      outcome = result
      rollbackDeployment = created
    } else if (o.strategy === 'redeploy') {
      // The deployment record comes first: without deploy-workflow it is what triggers the redeploy.
      rollbackDeployment = await recordRollback()
      outcome = await rollbackByRedeploy({
        github: o.github as GitHubClient,
        repo: o.repo as Repo,
        good: lastGood as DeploymentInfo,
        bad: current as DeploymentInfo,
        deployWorkflow: context.inputs.deployWorkflow,
        rollbackDeployment
      })
    } else {
      outcome = await rollbackByRevertPr({
        github: o.github as GitHubClient,
        repo: o.repo as Repo,
        repoDir: context.repoDir,
        good: lastGood as DeploymentInfo,
        bad: current as DeploymentInfo,
        base: defaultBranch(context),
        log
      })
    }
    await recorded
    o.mark(`Rollback ${outcome.ok ? 'finished' : 'failed'}: ${outcome.detail}`, finishedAt)
    o.audit.record({ type: 'guard.rollback.done', ok: outcome.ok, detail: outcome.detail })
    if (outcome.output) log.info(outcome.output)

    let verify: WatchResult | undefined
    if (o.strategy !== 'revert-pr') {
      verify = await watchDeploy({
        probes: o.probes,
        run: o.probeRunner,
        clock: o.clock,
        settings: o.settings,
        intervalMs: o.intervalMs
      })
      if (verify.readyAt !== undefined && verify.verdict === 'healthy')
        o.mark('Rollback healthy', verify.readyAt)
      o.mark(`After the rollback: ${verify.verdict}${verify.trip ? ` — ${verify.trip.reason}` : ''}`)
    }
    const healthy: Verdict | undefined = verify?.verdict
    if (rollbackDeployment && deployments) {
      const good = outcome.ok && healthy === 'healthy'
      await deployments.setStatus(
        rollbackDeployment.id,
        good ? 'success' : 'failure',
        good
          ? `Rolled back to ${short(lastGood?.sha)}; healthy again`
          : `Rollback ${outcome.ok ? `unhealthy: ${verify?.trip?.reason ?? ''}` : `failed: ${outcome.detail}`}`,
        o.statusExtra
      )
    }
    const escalateNow = !outcome.ok || (verify !== undefined && healthy !== 'healthy')
    const text = !outcome.ok
      ? `Rolling back to ${to} failed: ${outcome.detail}. Escalated.`
      : verify === undefined
        ? `${outcome.detail[0]?.toUpperCase()}${outcome.detail.slice(1)} to go back to ${to}.`
        : healthy === 'healthy'
          ? `Rolled back to ${to} with ${o.strategy === 'command' ? 'the rollback command' : o.strategy}; the service is healthy again.`
          : `Rolled back to ${to}, but the service is still ${healthy} (${verify.trip?.reason}). Escalated.`
    // A revert pull request rolls nothing back until someone merges it.
    return {
      outcome: text,
      rolledBack: outcome.ok && o.strategy !== 'revert-pr',
      escalate: escalateNow,
      rollback: outcome,
      verify
    }
  })
}

/**
 * The last good deployment's own URL, when it is not where the probes go now (per-deployment preview
 * URLs): the previous version still answers there, so it serves as the baseline.
 */
export function previousVersionOrigin(
  lastGood: DeploymentInfo | undefined,
  probes: readonly Probe[]
): string | undefined {
  if (!lastGood?.url) return undefined
  let origin: string
  try {
    origin = new URL(lastGood.url).origin
  } catch {
    return undefined
  }
  const probed = probes.filter(p => p.kind === 'http').map(p => new URL(p.url).origin)
  return probed.length > 0 && !probed.includes(origin) ? origin : undefined
}

function defaultBranch(context: CommandContext): string {
  const payload = context.event.payload
  return payload.repository?.default_branch ?? 'main'
}

function commentTarget(payload: RunEvent['payload'], sha: string | undefined): CommentTarget | undefined {
  const number =
    payload.pull_request?.number ?? (payload.issue?.pull_request ? payload.issue.number : undefined)
  if (typeof number === 'number') return { kind: 'pr', number }
  if (sha && /^[0-9a-f]{40}$/i.test(sha)) return { kind: 'commit', sha }
  return undefined
}

async function collectLogs(
  command: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv,
  redact: Redactor,
  lines: number
): Promise<GuardReport['logs']> {
  if (!command) return undefined
  try {
    const result = await runShell(command, { cwd, env, timeoutMs: 60_000, maxOutput: 512 * 1024 })
    const all = `${result.stdout}${result.stderr ? `\n${result.stderr}` : ''}`.split('\n')
    return { command, tail: redact(all.slice(-lines).join('\n')).slice(-20_000), exitCode: result.exitCode }
  } catch (error) {
    return { command, tail: `could not run: ${redact((error as Error).message)}`, exitCode: null }
  }
}

async function explain(
  report: GuardReport,
  trip: Trip,
  ports: GuardPorts,
  context: CommandContext,
  audit: AuditLog,
  suspects: Suspect[]
): Promise<void> {
  try {
    const choice = ports.llm ? await ports.llm() : await defaultLlm(context, audit)
    if (!choice.gateway) {
      report.rootCauseNote = `No LLM summary: ${choice.disabledReason ?? 'no LLM endpoint configured'}. The evidence below is complete without it.`
      return
    }
    report.rootCause = await summarizeRootCause(choice.gateway, {
      trip,
      samples: report.samples,
      logsTail: report.logs?.tail,
      suspects
    })
  } catch (error) {
    context.log.warning(`The LLM root-cause summary failed: ${(error as Error).message}`)
    report.rootCauseNote = `No LLM summary: the request failed (${(error as Error).message.slice(0, 200)}).`
  }
}

async function defaultLlm(
  context: CommandContext,
  audit: AuditLog
): Promise<{ gateway?: LlmGateway; disabledReason?: string }> {
  // The summary is a nicety after the rollback: a minute at most.
  return createLlmGateway(context, audit, { timeBudgetMs: 60_000 })
}

export { ROLLED_BACK_MARKER }
