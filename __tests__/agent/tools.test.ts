import { symlinkSync } from 'node:fs'
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals'
import { fitToBudget, parseArguments, type AgentModel } from '../../src/agent/loop.js'
import { PathPolicy } from '../../src/agent/paths.js'
import {
  createFileTool,
  editFileTool,
  listFilesTool,
  readFileTool,
  searchTool,
  type ToolContext
} from '../../src/agent/tools.js'
import { Workspace } from '../../src/agent/workspace.js'
import type { ChatMessage } from '../../src/llm/types.js'
import { Git } from '../../src/ports/git.js'
import { AuditLog } from '../../src/report/audit.js'
import { cleanupAll, createRepo, makeTempDir } from '../support/git-repo.js'

afterAll(() => cleanupAll())

describe('agent tools on a real repository', () => {
  const repo = createRepo()
  repo.commit('init', {
    '.gitignore': 'build/\n',
    'src/app.ts': 'export function add(a: number, b: number): number {\n  return a - b\n}\n',
    'src/app.test.ts': 'import { add } from "./app"\nit("adds", () => {\n  expect(add(1, 2)).toBe(3)\n})\n',
    'build/out.js': 'ignored\n',
    'tests/test_calc.py': 'def test_add():\n    assert 1 + 1 == 2\n',
    'package-lock.json': '{}\n'
  })
  repo.write('build/out.js', 'generated\n')
  symlinkSync(makeTempDir(), repo.path('outside'))
  let context: ToolContext
  let workspace: Workspace

  beforeEach(async () => {
    workspace = new Workspace(repo.dir)
    await workspace.begin()
    context = {
      repoDir: repo.dir,
      git: new Git(repo.dir),
      policy: new PathPolicy({ repoDir: repo.dir }),
      workspace,
      audit: new AuditLog()
    }
  })

  it('lists and searches files git does not ignore', async () => {
    const listed = await listFilesTool.run({ glob: '**/*.ts' }, context)
    expect(listed.content.split('\n')).toEqual(['src/app.test.ts', 'src/app.ts'])
    const found = await searchTool.run({ regex: 'return a\\s-\\s\\w' }, context)
    expect(found.content).toContain('src/app.ts:2:  return a - b')
    expect((await searchTool.run({ regex: 'generated' }, context)).ok).toBe(false)
  })

  it('reads numbered lines, and refuses paths outside the repository', async () => {
    const read = await readFileTool.run({ path: 'src/app.ts', start_line: 2, end_line: 2 }, context)
    expect(read.content).toContain('2|   return a - b')
    expect(read.content).toMatch(/<<<UNTRUSTED file src\/app.ts [0-9a-f]+>>>/)
    await expect(readFileTool.run({ path: '../etc/passwd' }, context)).rejects.toThrow(/\.\./)
    await expect(readFileTool.run({ path: 'outside/x' }, context)).rejects.toThrow(/outside the repository/)
  })

  it('edits with a fuzzy match, checks syntax, and restores exactly', async () => {
    const edited = await editFileTool.run(
      { path: 'src/app.ts', edits: [{ search: 'return a - b', replace: 'return a + b' }] },
      context
    )
    expect(edited.ok).toBe(true)
    const broken = await editFileTool.run(
      { path: 'src/app.ts', edits: [{ search: 'return a + b', replace: 'return (a + b' }] },
      context
    )
    expect(broken.ok).toBe(false)
    expect(broken.content).toMatch(/would not parse as typescript.*src\/app\.ts:\d+/s)
    const created = await createFileTool.run(
      { path: 'src/util/math.ts', content: '```ts\nexport const two = 2\n```' },
      context
    )
    expect(created.ok).toBe(true)
    expect(repo.read('src/util/math.ts')).toBe('export const two = 2\n')
    expect(workspace.patch()).toContain('+++ b/src/util/math.ts')
    expect(workspace.patch()).toContain('-  return a - b\n+  return a + b')
    await workspace.restore()
    expect(repo.git('status', '--porcelain')).toBe('?? outside')
  })

  it('refuses test files, lockfiles, and weakening tests even when test edits are allowed', async () => {
    await expect(
      editFileTool.run(
        { path: 'src/app.test.ts', edits: [{ search: 'toBe(3)', replace: 'toBe(-1)' }] },
        context
      )
    ).rejects.toThrow(/existing test file/)
    await expect(
      editFileTool.run({ path: 'package-lock.json', edits: [{ search: '{}', replace: '{"x":1}' }] }, context)
    ).rejects.toThrow(/lockfile/)
    const lenient = { ...context, policy: new PathPolicy({ repoDir: repo.dir, allowTestEdits: true }) }
    const weakened = await editFileTool.run(
      { path: 'src/app.test.ts', edits: [{ search: '  expect(add(1, 2)).toBe(3)\n', replace: '' }] },
      lenient
    )
    expect(weakened.content).toMatch(/drops an assertion/)
    const py = await editFileTool.run(
      { path: 'tests/test_calc.py', edits: [{ search: 'def test_add():', replace: 'def helper():' }] },
      lenient
    )
    expect(py.content).toMatch(/removes or skips a test/)
    const fixed = await editFileTool.run(
      { path: 'src/app.test.ts', edits: [{ search: 'toBe(3)', replace: 'toEqual(3)' }] },
      lenient
    )
    expect(fixed.ok).toBe(true)
    await workspace.restore()
    expect(repo.git('status', '--porcelain')).toBe('?? outside')
  })
})

describe('loop helpers', () => {
  it('parses tool arguments, fenced or double-encoded, and explains bad ones', () => {
    expect(parseArguments('{"path":"a"}')).toEqual({ path: 'a' })
    expect(parseArguments('```json\n{"path":"a"}\n```')).toEqual({ path: 'a' })
    expect(parseArguments(JSON.stringify('{"path":"a"}'))).toEqual({ path: 'a' })
    expect(typeof parseArguments('{"path": "a"')).toBe('string')
    expect(parseArguments('[1]')).toBe('not an object')
  })

  it('elides old tool output to keep a request within the context budget', () => {
    const model: AgentModel = {
      model: 'm',
      contextBudget: 1000,
      complete: async () => Promise.reject(new Error('unused')),
      countTokens: text => Math.ceil(text.length / 4)
    }
    const messages: ChatMessage[] = [
      { role: 'system', content: 's'.repeat(400) },
      { role: 'user', content: 'u'.repeat(400) },
      ...Array.from({ length: 6 }, (_, i): ChatMessage[] => [
        {
          role: 'assistant',
          content: null,
          toolCalls: [{ id: `c${i}`, name: 'read_file', arguments: '{}' }]
        },
        { role: 'tool', toolCallId: `c${i}`, content: 'x'.repeat(1200) }
      ]).flat()
    ]
    const tokens = fitToBudget(messages, [], model)
    expect(tokens).toBeLessThanOrEqual(1000)
    expect(messages[1]!.content).toBe('u'.repeat(400))
    expect(
      messages.filter(m => m.role === 'tool' && m.content.startsWith('[earlier tool output removed')).length
    ).toBeGreaterThan(0)
  })
})
