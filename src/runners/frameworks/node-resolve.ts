import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** The folder of an installed package, found the way Node looks: up the node_modules folders. */
export function findPackageDir(name: string, fromDir: string): string | undefined {
  let dir = fromDir
  for (;;) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

export function readJson<T = Record<string, unknown>>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch {
    return undefined
  }
}

/** The path of a package's bin script, e.g. `jest` → node_modules/jest/bin/jest.js. */
export function binOf(packageDir: string, bin: string): string | undefined {
  const pkg = readJson<{ bin?: string | Record<string, string> }>(join(packageDir, 'package.json'))
  const rel = typeof pkg?.bin === 'string' ? pkg.bin : pkg?.bin?.[bin]
  return rel ? join(packageDir, rel) : undefined
}

export function requirePackage(name: string, fromDir: string, installHint: string): string {
  const dir = findPackageDir(name, fromDir)
  if (!dir) {
    throw new Error(`${name} is not installed for ${fromDir}: ${installHint}`)
  }
  return dir
}
