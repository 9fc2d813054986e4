/**
 * When test edits are allowed, an edit may still never weaken a test: the number of test
 * declarations and of assertions in a test file may not go down.
 */
export interface TestStrength {
  tests: number
  assertions: number
}

const TEST_DECLARATIONS: Record<string, RegExp> = {
  js: /\b(?:it|test|describe|suite|specify)(?:\.(?:each|concurrent|only|skip|todo|failing)\b[^(]*)?\s*\(/g,
  py: /^\s*(?:async\s+)?def\s+test\w*\s*\(|^\s*class\s+Test\w*/gm,
  go: /^\s*func\s+(?:Test|Benchmark|Fuzz|Example)\w*\s*\(|\bt\.Run\s*\(/gm
}

const ASSERTIONS: Record<string, RegExp> = {
  js: /\bexpect\s*\(|\bassert(?:\.\w+)?\s*\(|\.should\b|\bexpectTypeOf\s*\(/g,
  py: /^\s*assert\b|\bself\.assert\w*\s*\(|\bpytest\.raises\s*\(|\bpytest\.approx\s*\(/gm,
  go: /\bt\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\s*\(|\b(?:assert|require)\.\w+\s*\(/g
}

function languageOf(path: string): string | undefined {
  if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i.test(path)) return 'js'
  if (/\.py$/i.test(path)) return 'py'
  if (/\.go$/i.test(path)) return 'go'
  return undefined
}

/** Comments do not count: a commented-out assertion is a dropped assertion. */
function stripComments(content: string, language: string): string {
  if (language === 'py') return content.replace(/^\s*#.*$/gm, '')
  return content.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
}

export function measureTestStrength(path: string, content: string): TestStrength | undefined {
  const language = languageOf(path)
  if (!language) return undefined
  const code = stripComments(content, language)
  const count = (pattern: RegExp): number =>
    (code.match(new RegExp(pattern.source, pattern.flags)) ?? []).length
  const skipped =
    language === 'js'
      ? (code.match(/\b(?:it|test|describe)\.skip\b|\bx(?:it|describe|test)\s*\(/g) ?? []).length
      : 0
  return { tests: count(TEST_DECLARATIONS[language]!) - skipped, assertions: count(ASSERTIONS[language]!) }
}

/** Why an edit weakens a test file, or undefined when it does not. */
export function testWeakening(path: string, before: string, after: string): string | undefined {
  const was = measureTestStrength(path, before)
  const now = measureTestStrength(path, after)
  if (!was || !now) return undefined
  if (now.tests < was.tests) {
    return `The edit removes or skips a test in ${path} (${was.tests} → ${now.tests} test declarations); tests may not be removed. Fix the code under test instead.`
  }
  if (now.assertions < was.assertions) {
    return `The edit drops an assertion in ${path} (${was.assertions} → ${now.assertions} assertions); assertions may not be removed. Fix the code under test instead.`
  }
  return undefined
}
