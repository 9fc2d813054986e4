import picomatch from 'picomatch'

/**
 * Changes that static analysis cannot follow safely: every test runs (or every test of the
 * workspace package the file belongs to), and the reason is reported.
 */

/** Why a change to a test runner's or build tool's config runs every test. */
export const RUNNER_CONFIG_CHANGED = 'a test runner or build config changed'
/** Why a change to a tsconfig (or a config one extends) runs every test. */
export const TSCONFIG_CHANGED = 'a TypeScript config changed'

const RULES: Array<{ test: RegExp; why: string }> = [
  {
    test: /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|\.pnp\.c?js)$/,
    why: 'a lockfile changed'
  },
  {
    test: /(?:^|\/)(?:package\.json|\.npmrc|\.yarnrc(?:\.yml)?|\.nvmrc|\.node-version|\.tool-versions|pnpm-workspace\.yaml|lerna\.json|nx\.json|turbo\.json)$/,
    why: 'a dependency manifest changed'
  },
  {
    test: /(?:^|\/)(?:requirements[^/]*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile(?:\.lock)?|poetry\.lock|uv\.lock|tox\.ini|pytest\.ini|\.python-version)$/,
    why: 'a Python manifest or pytest config changed'
  },
  {
    test: /(?:^|\/)(?:go\.mod|go\.sum|go\.work(?:\.sum)?|vendor\/modules\.txt)$/,
    why: 'a Go module file changed'
  },
  {
    // Named variants too (`jest.config.unit.js`, `vitest.compile.config.ts`, `test/jest-e2e.json`),
    // and the vitest options that configs build on (`vitest.shared.ts`).
    test: /(?:^|\/)(?:jest|vitest|vite|karma|playwright|cypress|ava|webpack|rollup|esbuild|tsup)(?:\.[\w-]+)?\.config(?:\.[\w-]+)?\.[cm]?[jt]s(?:on)?$|(?:^|\/)jest[.-][\w.-]*\.json$|(?:^|\/)\.mocharc(?:\.[a-z]+)?$|(?:^|\/)vitest\.(?:workspace|projects)(?:\.[\w-]+)?\.(?:[cm]?[jt]s|json)$|(?:^|\/)vitest\.(?!setup\b)[\w.-]+\.[cm]?[jt]s$/,
    why: RUNNER_CONFIG_CHANGED
  },
  {
    test: /(?:^|\/)(?:jest|vitest|test)[.-]?setup[^/]*\.[cm]?[jt]sx?$|(?:^|\/)setupTests\.[cm]?[jt]sx?$|(?:^|\/)(?:global[-_]?setup|global[-_]?teardown)\.[cm]?[jt]s$/i,
    why: 'a test setup file changed'
  },
  { test: /(?:^|\/)[tj]sconfig(?:\.[\w-]+)?\.json$/, why: TSCONFIG_CHANGED },
  {
    test: /(?:^|\/)(?:\.babelrc(?:\.[cm]?js(?:on)?)?|babel\.config\.[cm]?js(?:on)?|\.swcrc)$/,
    why: 'a Babel or SWC config changed'
  },
  { test: /\.d\.[cm]?ts$/, why: 'a type declaration file changed' },
  { test: /^\.github\/ci-medic\.ya?ml$/, why: "CI Medic's own config changed" },
  { test: /(?:^|\/)__mocks__\/[^/]+$/, why: '' } // handled by the selection (module mocks), listed so it is not data
]

export interface FallbackHit {
  path: string
  why: string
}

/** The fallback rule a changed path triggers, if any. */
export function fallbackFor(
  path: string,
  setupFiles: ReadonlySet<string>,
  configFile: string,
  namedConfigs: ReadonlyMap<string, string> = new Map()
): FallbackHit | undefined {
  if (setupFiles.has(path)) return { path, why: 'a test setup file changed' }
  // A config read under a name of its own (`jest --config config/unit.json`; see namedConfigs).
  const named = namedConfigs.get(path)
  if (named) return { path, why: named }
  if (path === configFile) return { path, why: "CI Medic's own config changed" }
  for (const rule of RULES) if (rule.why && rule.test.test(path)) return { path, why: rule.why }
  return undefined
}

export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false
  const match = picomatch([...globs], { dot: true })
  return path => match(path)
}

/** `ci-medic: run-all` on a line of its own in a commit message forces every test. */
export const RUN_ALL_LINE = /^\s*ci-medic:\s*run-all\s*$/im
