/** The CLI's `select --json` contract (see shared/design.md). */
export interface Selection {
  mode: 'selected' | 'all' | 'none'
  /** Repository-relative test file paths, sorted. */
  tests: string[]
  /** For each selected test: the chain from a changed file#symbol to the test path. */
  reasons: Record<string, string[]>
  /** Why every test was selected, when mode is 'all'. */
  fallback: string | null
  changed: Array<{ file: string; symbols: string[] }>
}
