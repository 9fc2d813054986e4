import { mkdirSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ProcessOptions, ProcessResult } from '../ports/exec.js'
import { PYTEST_PLUGIN, PYTHON_ANALYZER } from './python-scripts.js'

export type Exec = (
  command: string,
  args: readonly string[],
  options: ProcessOptions
) => Promise<ProcessResult>

/** Writes the embedded Python helpers into `dir` (once) and returns their folder. */
export function pythonHelpers(dir: string): { folder: string; analyzer: string; pluginName: string } {
  const folder = join(dir, 'py')
  const analyzer = join(folder, 'ci_medic_analyze.py')
  const plugin = join(folder, 'ci_medic_pytest.py')
  if (!existsSync(analyzer) || !existsSync(plugin)) {
    mkdirSync(folder, { recursive: true })
    writeFileSync(analyzer, PYTHON_ANALYZER)
    writeFileSync(plugin, PYTEST_PLUGIN)
  }
  return { folder, analyzer, pluginName: 'ci_medic_pytest' }
}

export function pythonCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.CI_MEDIC_PYTHON || 'python3'
}

/** Runs the analyzer on one file; throws when Python itself cannot run. */
export async function analyzePython<T>(
  exec: Exec,
  workDir: string,
  request: { op: string; file: string; [key: string]: unknown }
): Promise<T & { ok: boolean; error?: string }> {
  const { analyzer } = pythonHelpers(workDir)
  const result = await exec(pythonCommand(), [analyzer], {
    cwd: workDir,
    input: JSON.stringify(request),
    timeoutMs: 60_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }
  })
  if (result.exitCode !== 0) {
    throw new Error(`python analysis (${request.op}) failed: ${result.stderr.trim().slice(-500)}`)
  }
  return JSON.parse(result.stdout) as T & { ok: boolean; error?: string }
}
