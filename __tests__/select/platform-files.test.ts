/**
 * React Native's file-per-platform layout: `./Button` loads `Button.ios.js` under jest's haste
 * `defaultPlatform: 'ios'` (the react-native preset's), `Button.android.js` for Android,
 * `Button.native.js` for either, `Button.web.js` for react-native-web. A change to any of them
 * selects the tests that import `./Button`; an import that names the platform loads that file
 * alone. Checked against a real run of the suite (jest, this project's).
 */
import { afterAll, describe, it } from '@jest/globals'
import { cleanupAll } from '../support/git-repo.js'
import { expectEditSelects } from '../support/select-both-ways.js'

afterAll(() => cleanupAll())

const test = (name: string, module: string, call: string, expected: string): string =>
  [`const m = require('${module}')`, `test('${name}', () => expect(m.${call}).toBe('${expected}'))`, ''].join(
    '\n'
  )

const FILES = {
  'package.json': JSON.stringify({
    name: 'app',
    scripts: { test: 'jest' },
    jest: { haste: { defaultPlatform: 'ios', platforms: ['android', 'ios', 'native'] } }
  }),
  'src/Button.ios.js': "exports.label = () => 'ios'\nexports.press = () => 'pressed'\n",
  'src/Button.android.js': "exports.label = () => 'android'\nexports.press = () => 'pressed'\n",
  'src/Size.native.js': "exports.size = () => 'native'\n",
  'src/theme/index.ios.js': "exports.tint = () => 'blue'\n",
  'src/theme/index.android.js': "exports.tint = () => 'green'\n",
  'src/Color.js': "exports.color = () => 'red'\n",
  'src/Color.web.js': "exports.color = () => 'web red'\n",
  '__tests__/button.test.js': test('label', '../src/Button', 'label()', 'ios'),
  '__tests__/press.test.js': test('press', '../src/Button', 'press()', 'pressed'),
  '__tests__/android.test.js': test('android', '../src/Button.android', 'label()', 'android'),
  '__tests__/size.test.js': test('size', '../src/Size', 'size()', 'native'),
  '__tests__/theme.test.js': test('tint', '../src/theme', 'tint()', 'blue'),
  '__tests__/color.test.js': test('color', '../src/Color', 'color()', 'red')
}

describe('files written for a platform (React Native)', () => {
  it.each([
    // What jest loads for iOS: the test of that function, not the one of `press`.
    ['src/Button.ios.js', "'ios'", "'iOS'", ['__tests__/button.test.js'], ['__tests__/button.test.js']],
    // An Android run would load it for `./Button`; the import that names Android loads it here.
    [
      'src/Button.android.js',
      "'android'",
      "'Android'",
      ['__tests__/android.test.js'],
      ['__tests__/android.test.js', '__tests__/button.test.js']
    ],
    ['src/Size.native.js', "'native'", "'mobile'", ['__tests__/size.test.js'], ['__tests__/size.test.js']],
    ['src/theme/index.ios.js', "'blue'", "'navy'", ['__tests__/theme.test.js'], ['__tests__/theme.test.js']],
    ['src/theme/index.android.js', "'green'", "'lime'", [], ['__tests__/theme.test.js']],
    // react-native-web would load it for `./Color`.
    ['src/Color.web.js', "'web red'", "'web blue'", [], ['__tests__/color.test.js']]
  ])('%s (%s → %s) selects what fails', async (file, from, to, failing, selected) => {
    await expectEditSelects(FILES, [file as keyof typeof FILES, from, to], failing, selected)
  })
})
