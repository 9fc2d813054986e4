import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { parse } from 'yaml'
import { ConfigurationError } from '../errors.js'
import { INPUT_SPECS } from './schema.js'

/**
 * `.github/ci-medic.yml`: any input by its name, plus sections for what does not fit an input
 * (probes, path policies). Capabilities read their own section; unknown top-level keys are errors.
 */
export type ConfigFile = Record<string, unknown>

/** Top-level keys that are sections rather than inputs. Capabilities register theirs here. */
export const CONFIG_SECTIONS: Record<string, string> = {
  probes: 'list of named deploy probes (see docs/configuration.md)',
  paths: 'path policies for the fixer and generator',
  select: 'selection settings',
  guard: 'deploy guard settings'
}

export function loadConfigFile(repoDir: string, path: string): ConfigFile {
  const file = isAbsolute(path) ? path : join(repoDir, path)
  if (!existsSync(file)) return {}
  let parsed: unknown
  try {
    parsed = parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ConfigurationError(
      `Config file ${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      'config-file'
    )
  }
  if (parsed === null || parsed === undefined) return {}
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigurationError(
      `Config file ${path} must be a mapping of settings, e.g. "retries: 2".`,
      'config-file'
    )
  }
  const inputNames = new Set(INPUT_SPECS.map(s => s.name))
  const problems: string[] = []
  for (const key of Object.keys(parsed)) {
    if (!inputNames.has(key) && !(key in CONFIG_SECTIONS)) {
      problems.push(
        `Config file ${path}: unknown key "${key}". Valid keys are the action's inputs (e.g. "retries: 2") and ${Object.keys(CONFIG_SECTIONS).join(', ')}.`
      )
    }
  }
  if (problems.length) throw new ConfigurationError(problems.join('\n'), 'config-file')
  return parsed as ConfigFile
}

/** A config-file value as an input's raw string (lists become JSON arrays). */
export function configValue(config: ConfigFile, name: string): string | undefined {
  const value = config[name]
  if (value === undefined || value === null) return undefined
  if (Array.isArray(value)) return JSON.stringify(value)
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
