import { describe, expect, it } from '@jest/globals'
import { selectionPathGraph } from '../../src/ci/graph.js'
import { renderCiSummary } from '../../src/ci/summary.js'

describe('selectionPathGraph', () => {
  it('draws changed symbol → importing module → test, sharing nodes and folding file#symbol → file', () => {
    const graph = selectionPathGraph(['test/a.test.js', 'test/b.test.js'], {
      'test/a.test.js': ['src/x.js#f', 'src/x.js', 'src/y.js', 'test/a.test.js'],
      'test/b.test.js': ['src/x.js#f', 'src/x.js', 'test/b.test.js']
    })
    expect(graph.split('\n')).toEqual([
      '```mermaid',
      'graph LR',
      '  n0["src/x.js#f"] --> n1["src/y.js"]',
      '  n1["src/y.js"] --> n2["test/a.test.js"]',
      '  n0["src/x.js#f"] --> n3["test/b.test.js"]',
      '  classDef changed fill:#fde2e1,stroke:#cf222e',
      '  classDef test fill:#dafbe1,stroke:#1a7f37',
      '  class n0 changed',
      '  class n2,n3 test',
      '```'
    ])
  })

  it('keeps labels free of Mermaid syntax and draws nothing without chains', () => {
    const graph = selectionPathGraph(['t"].test.js'], { 't"].test.js': ['src/a.js#<module>', 't"].test.js'] })
    expect(graph).toContain('n0["src/a.js#_module_"] --> n1["t__.test.js"]')
    expect(selectionPathGraph(['t.test.js'], { 't.test.js': ['t.test.js'] })).toBe('')
  })
})

describe('renderCiSummary', () => {
  it('puts the verdict first, a stage table, and each stage in a fold with its headings demoted', () => {
    const summary = renderCiSummary({
      verdict: '❌ 1 failure — no validated fix was found',
      notes: ['> [!NOTE]\n> a note'],
      stages: [
        {
          name: 'Select',
          state: 'done',
          outcome: '1 of 3 test files selected',
          body: '### Test selection\n\n```sh\n# not a heading\n```'
        },
        {
          name: 'Run',
          state: 'failed',
          outcome: '0 passed, 1 failed',
          body: '## ❌ Tests (jest)',
          open: true
        }
      ]
    })
    const lines = summary.split('\n')
    expect(lines.slice(0, 3)).toEqual(['## CI Medic', '', '**❌ 1 failure — no validated fix was found**'])
    expect(summary).toContain('| ✅ Select | 1 of 3 test files selected |')
    expect(summary).toContain('| ❌ Run | 0 passed, 1 failed |')
    expect(summary).toContain(
      '<details><summary><b>✅ Select</b> — 1 of 3 test files selected</summary>\n\n#### Test selection\n\n```sh\n# not a heading\n```'
    )
    expect(summary).toContain(
      '<details open><summary><b>❌ Run</b> — 0 passed, 1 failed</summary>\n\n#### ❌ Tests (jest)'
    )
    expect(summary.indexOf('a note')).toBeLessThan(summary.indexOf('| Stage |'))
  })
})
