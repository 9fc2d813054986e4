/** A small jest shop project as a real git repository: a base commit, then the change under test. */
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { createRepo, type FileChanges, type TestRepo } from '../support/git-repo.js'
import { PROJECT_ROOT } from '../support/harness.js'

export const SHOP_FILES: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'ci-shop',
      private: true,
      scripts: { test: 'jest' },
      devDependencies: { jest: '*' },
      jest: { testEnvironment: 'node' }
    },
    null,
    2
  ),
  '.gitignore': 'node_modules\n',
  'src/money.js': [
    "'use strict'",
    '',
    '/** Formats cents as a price, e.g. 1999 → "$19.99". */',
    'function formatPrice(cents) {',
    '  return `$${(cents / 100).toFixed(2)}`',
    '}',
    '',
    'module.exports = { formatPrice }',
    ''
  ].join('\n'),
  'src/discount.js': [
    "'use strict'",
    '',
    '/** The price after a percentage discount, rounded to whole cents. */',
    'function applyDiscount(cents, percent) {',
    '  return Math.round(cents * (1 - percent / 100))',
    '}',
    '',
    'module.exports = { applyDiscount }',
    ''
  ].join('\n'),
  'src/cart.js': [
    "'use strict'",
    "const { applyDiscount } = require('./discount')",
    '',
    '/** The total of a cart in cents, with an optional percentage discount. */',
    'function cartTotal(items, percent = 0) {',
    '  const sum = items.reduce((total, item) => total + item.cents * item.quantity, 0)',
    '  return applyDiscount(sum, percent)',
    '}',
    '',
    'module.exports = { cartTotal }',
    ''
  ].join('\n'),
  'test/money.test.js': [
    "const { formatPrice } = require('../src/money')",
    '',
    "test('formats cents as dollars', () => {",
    "  expect(formatPrice(1999)).toBe('$19.99')",
    "  expect(formatPrice(5)).toBe('$0.05')",
    '})',
    ''
  ].join('\n'),
  'test/discount.test.js': [
    "const { applyDiscount } = require('../src/discount')",
    '',
    "test('takes ten percent off', () => {",
    '  expect(applyDiscount(1000, 10)).toBe(900)',
    '})',
    '',
    "test('no discount keeps the price', () => {",
    '  expect(applyDiscount(1234, 0)).toBe(1234)',
    '})',
    ''
  ].join('\n'),
  'test/cart.test.js': [
    "const { cartTotal } = require('../src/cart')",
    '',
    "test('adds up the items', () => {",
    '  expect(cartTotal([{ cents: 250, quantity: 2 }, { cents: 100, quantity: 1 }])).toBe(600)',
    '})',
    ''
  ].join('\n')
}

export interface ShopRepo {
  repo: TestRepo
  base: string
  head: string
}

export function buildShop(change: FileChanges, message = 'change under test'): ShopRepo {
  const repo = createRepo()
  const base = repo.commit('shop: money, discount and cart', SHOP_FILES)
  // A temporary folder cannot reach this project's node_modules by walking up: link it.
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), repo.path('node_modules'), 'dir')
  const head = repo.commit(message, change)
  return { repo, base, head }
}

/** A refactoring that keeps behaviour: the money tests are selected and pass. */
export function greenChange(): FileChanges {
  return {
    'src/money.js': SHOP_FILES['src/money.js']!.replace(
      '  return `$${(cents / 100).toFixed(2)}`',
      // A function: in a replacement string `$$` would mean one `$`.
      () => '  const dollars = cents / 100\n  return `$${dollars.toFixed(2)}`'
    )
  }
}

/** The discount is divided by 10 instead of 100: the discount and cart tests break. */
export const BROKEN_LINE = '  return Math.round(cents * (1 - percent / 10))'

export function breakingChange(): FileChanges {
  return {
    'src/discount.js': SHOP_FILES['src/discount.js']!.replace(
      '  return Math.round(cents * (1 - percent / 100))',
      BROKEN_LINE
    )
  }
}

/**
 * New code no test exercises, the generator's job once the tests are green, beside a refactoring
 * of `applyDiscount` that keeps its behaviour (so that its tests are selected and pass).
 */
export function untestedChange(): FileChanges {
  return {
    'src/discount.js': SHOP_FILES['src/discount.js']!.replace(
      '  return Math.round(cents * (1 - percent / 100))',
      '  const factor = 1 - percent / 100\n  return Math.round(cents * factor)'
    ).replace(
      'module.exports = { applyDiscount }',
      [
        '/** The price of `quantity` items with 5% off per ten items, at most 25%. */',
        'function bulkPrice(cents, quantity) {',
        '  const percent = Math.min(Math.floor(quantity / 10) * 5, 25)',
        '  return applyDiscount(cents * quantity, percent)',
        '}',
        '',
        'module.exports = { applyDiscount, bulkPrice }'
      ].join('\n')
    )
  }
}

export const BULK_PRICE_TEST = [
  "const { bulkPrice } = require('../src/discount')",
  '',
  "test('bulkPrice takes 5% off per ten items, at most 25%', () => {",
  '  expect(bulkPrice(100, 9)).toBe(900)',
  '  expect(bulkPrice(100, 10)).toBe(950)',
  '  expect(bulkPrice(100, 20)).toBe(1800)',
  '  expect(bulkPrice(100, 100)).toBe(7500)',
  '})',
  ''
].join('\n')
