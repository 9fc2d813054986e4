/** The demo's example repository: a tiny shop library with jest tests, as a history of commits. */

const lines = (...text) => text.join('\n') + '\n'

const MONEY = lines(
  "'use strict'",
  '',
  '/** Formats cents as a price: 1999 → "$19.99". */',
  'function formatPrice(cents) {',
  '  return `$${(cents / 100).toFixed(2)}`',
  '}',
  '',
  'module.exports = { formatPrice }'
)

/** The same code with a longer comment: no symbol changes. */
const MONEY_COMMENTED = MONEY.replace(
  '/** Formats cents as a price: 1999 → "$19.99". */',
  '/**\n * Formats cents as a price: 1999 → "$19.99".\n * Prices are kept in whole cents everywhere, so no rounding happens here.\n */'
)

const DISCOUNT_V1 = lines(
  "'use strict'",
  '',
  '/** The price after a percentage discount, rounded to whole cents. */',
  'function applyDiscount(cents, percent) {',
  '  return Math.round(cents * (1 - percent / 100))',
  '}',
  '',
  'module.exports = { applyDiscount }'
)

/** "Cap discounts at 50%" — with Math.max where Math.min was meant: every discount becomes 50% or more. */
export const BROKEN_CAP = '  const capped = Math.max(percent, MAX_DISCOUNT_PERCENT)'
export const FIXED_CAP = '  const capped = Math.min(percent, MAX_DISCOUNT_PERCENT)'
const DISCOUNT_CAPPED = lines(
  "'use strict'",
  '',
  '/** No promotion may take more than half off. */',
  'const MAX_DISCOUNT_PERCENT = 50',
  '',
  '/** The price after a percentage discount (capped), rounded to whole cents. */',
  'function applyDiscount(cents, percent) {',
  BROKEN_CAP,
  '  return Math.round(cents * (1 - capped / 100))',
  '}',
  '',
  'module.exports = { applyDiscount, MAX_DISCOUNT_PERCENT }'
)

const CART = lines(
  "'use strict'",
  "const { applyDiscount } = require('./discount')",
  "const { formatPrice } = require('./money')",
  '',
  '/** The total of a cart in cents, after an optional percentage discount. */',
  'function cartTotal(items, percent = 0) {',
  '  const sum = items.reduce((total, item) => total + item.cents * item.quantity, 0)',
  '  return applyDiscount(sum, percent)',
  '}',
  '',
  '/** One receipt line per item, then the total. */',
  'function receipt(items, percent = 0) {',
  '  const rows = items.map(item => `${item.quantity} × ${item.name}  ${formatPrice(item.cents * item.quantity)}`)',
  '  return [...rows, `Total  ${formatPrice(cartTotal(items, percent))}`].join("\\n")',
  '}',
  '',
  'module.exports = { cartTotal, receipt }'
)

const INVENTORY = lines(
  "'use strict'",
  '',
  '/** Stock levels by product id. */',
  'class Inventory {',
  '  constructor() {',
  '    this.stock = new Map()',
  '  }',
  '',
  '  restock(id, quantity) {',
  '    this.stock.set(id, (this.stock.get(id) ?? 0) + quantity)',
  '  }',
  '',
  '  take(id, quantity) {',
  '    const have = this.stock.get(id) ?? 0',
  '    if (have < quantity) throw new Error(`only ${have} of ${id} left`)',
  '    this.stock.set(id, have - quantity)',
  '  }',
  '}',
  '',
  'module.exports = { Inventory }'
)

const TESTS = {
  'test/money.test.js': lines(
    "const { formatPrice } = require('../src/money')",
    '',
    "test('formats cents as dollars', () => {",
    "  expect(formatPrice(1999)).toBe('$19.99')",
    "  expect(formatPrice(5)).toBe('$0.05')",
    '})'
  ),
  'test/discount.test.js': lines(
    "const { applyDiscount } = require('../src/discount')",
    '',
    "test('takes ten percent off', () => {",
    '  expect(applyDiscount(1000, 10)).toBe(900)',
    '})',
    '',
    "test('no discount keeps the price', () => {",
    '  expect(applyDiscount(1234, 0)).toBe(1234)',
    '})'
  ),
  'test/cart.test.js': lines(
    "const { cartTotal, receipt } = require('../src/cart')",
    '',
    "const items = [{ name: 'tea', cents: 250, quantity: 2 }, { name: 'mug', cents: 900, quantity: 1 }]",
    '',
    "test('adds up the items', () => {",
    '  expect(cartTotal(items)).toBe(1400)',
    '})',
    '',
    "test('prints a receipt', () => {",
    "  expect(receipt(items)).toBe('2 × tea  $5.00\\n1 × mug  $9.00\\nTotal  $14.00')",
    '})'
  ),
  'test/inventory.test.js': lines(
    "const { Inventory } = require('../src/inventory')",
    '',
    "test('takes what is in stock', () => {",
    '  const inventory = new Inventory()',
    "  inventory.restock('tea', 3)",
    "  inventory.take('tea', 2)",
    "  expect(() => inventory.take('tea', 2)).toThrow('only 1 of tea left')",
    '})'
  )
}

const PACKAGE =
  JSON.stringify(
    {
      name: 'demo-shop',
      version: '1.0.0',
      private: true,
      scripts: { test: 'jest' },
      devDependencies: { jest: '*' },
      jest: { testEnvironment: 'node' }
    },
    null,
    2
  ) + '\n'

/** Commits oldest first; the last one is the change under test. */
export const HISTORY = [
  {
    message: 'shop: prices and a cart',
    files: {
      'package.json': PACKAGE,
      '.gitignore': 'node_modules\n',
      'src/money.js': MONEY,
      'src/discount.js': DISCOUNT_V1,
      'src/cart.js': CART,
      'test/money.test.js': TESTS['test/money.test.js'],
      'test/discount.test.js': TESTS['test/discount.test.js'],
      'test/cart.test.js': TESTS['test/cart.test.js']
    }
  },
  {
    message: 'inventory: stock levels',
    files: { 'src/inventory.js': INVENTORY, 'test/inventory.test.js': TESTS['test/inventory.test.js'] }
  },
  {
    message: 'discount: cap promotions at 50%; money: explain the cents',
    files: { 'src/discount.js': DISCOUNT_CAPPED, 'src/money.js': MONEY_COMMENTED }
  }
]
