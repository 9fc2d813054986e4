import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runShell } from '../ports/exec.js'
import { Git } from '../ports/git.js'
import type { GitHubClient } from '../ports/github.js'
import type { Logger } from '../ports/log.js'
import type { DeploymentInfo, Repo } from './deployments.js'
import type { Redactor } from './redact.js'

export type RollbackStrategy = 'command' | 'redeploy' | 'revert-pr'

export interface RollbackOutcome {
  strategy: RollbackStrategy
  ok: boolean
  detail: string
  /** Redacted tail of the command's output. */
  output?: string
  durationMs: number
  pullRequestUrl?: string
}

const OUTPUT_TAIL = 4000

/**
 * Runs `fn` with SIGTERM and SIGINT ignored, so that a cancelled workflow does not stop a rollback
 * halfway. The rollback command runs in its own process group and is not signalled by the runner.
 */
export async function shielded<T>(log: Logger, fn: () => Promise<T>): Promise<T> {
  const ignore = (signal: NodeJS.Signals): void =>
    log.warning(`Received ${signal} during the rollback; finishing the rollback and its record first.`)
  process.on('SIGTERM', ignore)
  process.on('SIGINT', ignore)
  try {
    return await fn()
  } finally {
    process.off('SIGTERM', ignore)
    process.off('SIGINT', ignore)
  }
}

export async function rollbackWithCommand(options: {
  command: string
  cwd: string
  env: NodeJS.ProcessEnv
  timeoutMs: number
  redact: Redactor
  bad?: DeploymentInfo
  good?: DeploymentInfo
  environment?: string
}): Promise<RollbackOutcome> {
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    CI_MEDIC_ENVIRONMENT: options.environment ?? '',
    CI_MEDIC_DEPLOYMENT_ID: options.bad ? String(options.bad.id) : '',
    CI_MEDIC_BAD_SHA: options.bad?.sha ?? '',
    CI_MEDIC_ROLLBACK_SHA: options.good?.sha ?? '',
    CI_MEDIC_ROLLBACK_REF: options.good?.ref ?? ''
  }
  const started = Date.now()
  try {
    const result = await runShell(options.command, { cwd: options.cwd, env, timeoutMs: options.timeoutMs })
    const output = options
      .redact(`${result.stdout}${result.stderr ? `\n${result.stderr}` : ''}`.trim())
      .slice(-OUTPUT_TAIL)
    const ok = result.exitCode === 0 && !result.timedOut
    const detail = result.timedOut
      ? `the rollback command was still running after ${Math.round(options.timeoutMs / 1000)}s and was stopped`
      : ok
        ? 'the rollback command succeeded'
        : `the rollback command failed (exit ${result.exitCode ?? result.signal})`
    return { strategy: 'command', ok, detail, output, durationMs: result.durationMs }
  } catch (error) {
    return {
      strategy: 'command',
      ok: false,
      detail: `the rollback command could not start: ${options.redact((error as Error).message)}`,
      durationMs: Date.now() - started
    }
  }
}

/**
 * Redeploys the last good commit: the rollback deployment record (created by the caller) lets
 * `on: deployment` workflows act, and with `deploy-workflow` the deploy workflow is dispatched at a
 * branch pointing at the good commit (workflow_dispatch needs a branch or tag, not a SHA).
 */
export async function rollbackByRedeploy(options: {
  github: GitHubClient
  repo: Repo
  good: DeploymentInfo
  bad: DeploymentInfo
  deployWorkflow?: string
  rollbackDeployment?: DeploymentInfo
}): Promise<RollbackOutcome> {
  const started = Date.now()
  const { github, repo, good, bad } = options
  if (!options.deployWorkflow) {
    return {
      strategy: 'redeploy',
      ok: options.rollbackDeployment !== undefined,
      detail: options.rollbackDeployment
        ? `created deployment ${options.rollbackDeployment.id} of ${good.sha.slice(0, 7)} for workflows triggered by deployments`
        : 'could not create the rollback deployment',
      durationMs: Date.now() - started
    }
  }
  const branch = `ci-medic/rollback-${bad.id}`
  try {
    try {
      await github.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: good.sha })
    } catch (error) {
      if ((error as { status?: number }).status !== 422) throw error
      await github.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: good.sha, force: true })
    }
    await github.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: options.deployWorkflow,
      ref: branch
    })
    return {
      strategy: 'redeploy',
      ok: true,
      detail: `dispatched ${options.deployWorkflow} at ${branch} (${good.sha.slice(0, 7)})`,
      durationMs: Date.now() - started
    }
  } catch (error) {
    return {
      strategy: 'redeploy',
      ok: false,
      detail: `could not dispatch ${options.deployWorkflow}: ${(error as Error).message}`,
      durationMs: Date.now() - started
    }
  }
}

/**
 * Opens a pull request reverting the commits since the last good deployment. The reverts are made in
 * a temporary worktree, so the checkout the workflow uses is left as it was.
 */
export async function rollbackByRevertPr(options: {
  github: GitHubClient
  repo: Repo
  repoDir: string
  good: DeploymentInfo
  bad: DeploymentInfo
  base: string
  log: Logger
}): Promise<RollbackOutcome> {
  const started = Date.now()
  const { github, repo, good, bad } = options
  const git = new Git(options.repoDir)
  const branch = `ci-medic/revert-${bad.id}`
  const dir = mkdtempSync(join(tmpdir(), 'ci-medic-revert-'))
  const identity = ['-c', 'user.name=CI Medic', '-c', 'user.email=ci-medic@users.noreply.github.com']
  try {
    await git.run(['worktree', 'add', '--detach', dir, bad.sha])
    const work = new Git(dir)
    const commits = (await work.run(['rev-list', '--no-merges', `${good.sha}..${bad.sha}`]))
      .split('\n')
      .filter(Boolean)
    if (commits.length === 0)
      throw new Error(`no commits between ${good.sha.slice(0, 7)} and ${bad.sha.slice(0, 7)}`)
    await work.run([...identity, 'revert', '--no-edit', '--no-commit', ...commits])
    await work.run([
      ...identity,
      'commit',
      '--no-verify',
      '-m',
      `Revert deployment ${bad.id} back to ${good.sha.slice(0, 7)}\n\nReverts ${commits.length} commit(s) since the last good deployment of ${bad.environment}, opened by CI Medic's deploy guard.`
    ])
    await work.run(['push', '--force', 'origin', `HEAD:refs/heads/${branch}`])
    const { data } = await github.rest.pulls.create({
      ...repo,
      head: branch,
      base: options.base,
      title: `Revert deployment ${bad.id} (${bad.sha.slice(0, 7)}) to ${good.sha.slice(0, 7)}`,
      body:
        `The deploy guard found deployment ${bad.id} of \`${bad.environment}\` unhealthy. This reverts the ` +
        `${commits.length} commit(s) since the last good deployment (${good.sha.slice(0, 7)}).\n\n` +
        commits.map(c => `- ${c}`).join('\n')
    })
    return {
      strategy: 'revert-pr',
      ok: true,
      detail: `opened revert pull request #${data.number}`,
      pullRequestUrl: data.html_url,
      durationMs: Date.now() - started
    }
  } catch (error) {
    return {
      strategy: 'revert-pr',
      ok: false,
      detail: `could not open a revert pull request: ${(error as Error).message}`,
      durationMs: Date.now() - started
    }
  } finally {
    await git.tryRun(['worktree', 'remove', '--force', dir])
    rmSync(dir, { recursive: true, force: true })
  }
}
