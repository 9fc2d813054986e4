/** A Mermaid picture of how a change reaches the selected tests: changed symbol → importing modules → test. */

const MAX_TESTS = 6
const MAX_EDGES = 40

function label(text: string): string {
  // Mermaid labels in quotes: no quotes, brackets or markup; keep paths and #symbols readable.
  return text.replace(/[^A-Za-z0-9._/@#: -]/g, '_').slice(0, 100)
}

/**
 * `reasons[test]` is the chain from a changed `file#symbol` to the test path. Draws the chains of
 * the first few tests as one left-to-right graph, sharing nodes, or '' when there is nothing to draw.
 */
export function selectionPathGraph(tests: readonly string[], reasons: Record<string, string[]>): string {
  const ids = new Map<string, string>()
  const edges = new Set<string>()
  const changed = new Set<string>()
  const selected = new Set<string>()
  const id = (node: string): string => {
    let value = ids.get(node)
    if (!value) ids.set(node, (value = `n${ids.size}`))
    return value
  }
  for (const test of tests.filter(t => (reasons[t]?.length ?? 0) > 1).slice(0, MAX_TESTS)) {
    const chain = reasons[test]!
    // `file#symbol` then `file` says the same thing twice in a picture.
    const path =
      chain.length > 2 && chain[0]!.startsWith(`${chain[1]}#`) ? [chain[0]!, ...chain.slice(2)] : chain
    changed.add(path[0]!)
    selected.add(test)
    for (let i = 1; i < path.length && edges.size < MAX_EDGES; i++) {
      edges.add(`  ${id(path[i - 1]!)}["${label(path[i - 1]!)}"] --> ${id(path[i]!)}["${label(path[i]!)}"]`)
    }
  }
  if (edges.size === 0) return ''
  const lines = ['```mermaid', 'graph LR', ...edges]
  lines.push('  classDef changed fill:#fde2e1,stroke:#cf222e', '  classDef test fill:#dafbe1,stroke:#1a7f37')
  const changedIds = [...changed].filter(n => ids.has(n)).map(n => ids.get(n))
  const testIds = [...selected].filter(n => ids.has(n)).map(n => ids.get(n))
  if (changedIds.length) lines.push(`  class ${changedIds.join(',')} changed`)
  if (testIds.length) lines.push(`  class ${testIds.join(',')} test`)
  lines.push('```')
  return lines.join('\n')
}
