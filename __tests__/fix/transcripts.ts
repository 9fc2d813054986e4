/**
 * Realistic model transcripts for the fixer fixtures, played by the loopback OpenAI-compatible
 * server. They make the mistakes real models make: a dedented search text, a stale one, markdown
 * fences around the edit, an edit to a test file and one to a workflow, a SEARCH/REPLACE text block
 * instead of JSON edits, and a first "finish" before the fix is complete.
 */
import { reply, type CompletionStep } from '../support/fake-openai.js'
import type { FixtureName } from './fixture-repo.js'

let nextId = 0
const call = (name: string, args: Record<string, unknown> | string) => ({
  id: `call_${++nextId}`,
  name,
  arguments: args
})
const step = (text: string | null, ...calls: ReturnType<typeof call>[]): CompletionStep =>
  reply.toolCalls(calls, { content: text, usage: { prompt_tokens: 2400, completion_tokens: 120 } })

export const TRANSCRIPTS: Record<FixtureName, () => CompletionStep[]> = {
  'off-by-one': () => [
    step('Let me look at the pagination code.', call('read_file', { path: 'src/pages.js' })),
    step(
      'The end index is one short: slice() already excludes its end.',
      call('edit_file', {
        path: 'src/pages.js',
        // Indentation lost: the search text is dedented.
        edits: [
          {
            search: 'const end = start + size - 1\nreturn items.slice(start, end)',
            replace: 'const end = start + size\nreturn items.slice(start, end)'
          }
        ]
      })
    ),
    step(null, call('run_tests', { files: ['test/pages.test.js'] })),
    step(
      null,
      call('finish', {
        explanation: 'pageOf now slices up to start + size.',
        root_cause:
          'The change computed the end of a page as start + size - 1, but slice() excludes its end, so every page lost its last item.'
      })
    )
  ],
  'wrong-condition': () => [
    step(
      'The test expects free shipping at 50; I will relax the test.',
      call('edit_file', {
        path: 'test/shipping.test.js',
        edits: [
          { search: 'expect(shippingCost(50)).toBe(0)', replace: 'expect(shippingCost(50)).toBe(4.99)' }
        ]
      })
    ),
    step(
      null,
      // Stale: the constant is FREE_SHIPPING_FROM, not FREE_SHIPPING.
      call('edit_file', {
        path: 'src/shipping.js',
        edits: [{ search: '  if (total > FREE_SHIPPING) {', replace: '  if (total >= FREE_SHIPPING) {' }]
      })
    ),
    step(
      null,
      call('edit_file', {
        path: 'src/shipping.js',
        edits: [
          { search: '  if (total > FREE_SHIPPING_FROM) {', replace: '  if (total >= FREE_SHIPPING_FROM) {' }
        ]
      })
    ),
    step(
      null,
      call('finish', {
        explanation: 'Free shipping starts at FREE_SHIPPING_FROM again (>=).',
        root_cause:
          'The change turned the inclusive threshold (total >= 50) into an exclusive one (total > 50), so an order of exactly 50 paid shipping.'
      })
    )
  ],
  'null-check': () => [
    step(null, call('read_file', { path: 'src/user.js', start_line: 1, end_line: 12 })),
    step(
      'Restoring the missing null check:',
      call('edit_file', {
        path: 'src/user.js',
        edits: [
          {
            search:
              '```js\n  const profile = user.profile\n  const name = profile.nickname || profile.fullName || user.login\n```',
            replace:
              '```js\n  const profile = user.profile\n  if (!profile) {\n    return user.login\n  }\n  const name = profile.nickname || profile.fullName || user.login\n```'
          }
        ]
      })
    ),
    step(
      null,
      call('finish', {
        explanation: 'displayName returns the login when the user has no profile.',
        root_cause:
          'The refactoring dropped the check for a missing profile, so a user with profile null crashed with a TypeError.'
      })
    )
  ],
  'renamed-call': () => [
    step(null, call('search', { regex: 'formatMoney|formatCurrency', glob: 'src/**' })),
    step(
      'The CI workflow should run the receipt tests first.',
      call('edit_file', {
        path: '.github/workflows/ci.yml',
        edits: [{ search: '      - run: npm test', replace: '      - run: npm test -- --runInBand' }]
      })
    ),
    step(
      null,
      call('edit_file', {
        path: 'src/invoice.js',
        edits: [
          {
            search: "const { formatMoney } = require('./money')",
            replace: "const { formatCurrency } = require('./money')"
          },
          {
            search: '${formatMoney(item.cents * item.quantity)}',
            replace: '${formatCurrency(item.cents * item.quantity)}'
          }
        ]
      })
    ),
    // Finishing too early: invoiceTotal still calls the old name.
    step(
      null,
      call('finish', {
        explanation: 'invoice.js uses formatCurrency.',
        root_cause: 'formatMoney was renamed.'
      })
    ),
    step(
      null,
      call('edit_file', {
        path: 'src/invoice.js',
        edits: [{ search: '  return formatMoney(cents)', replace: '  return formatCurrency(cents)' }]
      })
    ),
    step(
      null,
      call('finish', {
        explanation: 'invoice.js now imports and calls formatCurrency everywhere.',
        root_cause:
          'The change renamed formatMoney to formatCurrency in money.js and receipt.js but left invoice.js importing the old name, which is undefined.'
      })
    )
  ],
  'broken-import': () => [
    step(null, call('list_files', { path: 'src' })),
    step(
      null,
      call('edit_file', {
        path: 'src/slug.js',
        edits:
          "```\n<<<<<<< SEARCH\nconst { slugify } = require('./lib/strings')\n=======\nconst { slugify } = require('./lib/text')\n>>>>>>> REPLACE\n```"
      })
    ),
    step(
      null,
      call('finish', {
        explanation: 'slug.js requires ./lib/text.',
        root_cause:
          'The change moved lib/strings.js to lib/text.js and updated tags.js, but slug.js still required the old path.'
      })
    )
  ]
}

/** What each fixture's fix must change (checked against the delivered patch). */
export const EXPECTED_PATCH: Record<FixtureName, RegExp[]> = {
  'off-by-one': [/^- {2}const end = start \+ size - 1$/m, /^\+ {2}const end = start \+ size$/m],
  'wrong-condition': [/^\+ {2}if \(total >= FREE_SHIPPING_FROM\) \{$/m],
  'null-check': [/^\+ {2}if \(!profile\) \{$/m, /^\+ {4}return user\.login$/m],
  'renamed-call': [
    /^\+const \{ formatCurrency \} = require\('\.\/money'\)$/m,
    /^\+ {2}return formatCurrency\(cents\)$/m
  ],
  'broken-import': [/^\+const \{ slugify \} = require\('\.\/lib\/text'\)$/m]
}
