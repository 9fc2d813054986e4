import { symlinkSync } from 'node:fs'
import { afterAll, describe, expect, it } from '@jest/globals'
import { PathPolicy, PathPolicyError } from '../../src/agent/paths.js'
import { measureTestStrength, testWeakening } from '../../src/agent/test-guard.js'
import { cleanupAll, createRepo, makeTempDir } from '../support/git-repo.js'

afterAll(() => cleanupAll())

describe('PathPolicy', () => {
  const repo = createRepo()
  repo.commit('init', {
    'src/a.ts': 'export const a = 1\n',
    'src/a.test.ts': 'it("a", () => expect(1).toBe(1))\n',
    'package-lock.json': '{}\n',
    '.github/workflows/ci.yml': 'on: push\n'
  })
  const outside = makeTempDir()
  symlinkSync(outside, repo.path('escape'))
  const policy = new PathPolicy({ repoDir: repo.dir })

  it('resolves paths inside the repository', () => {
    expect(policy.resolve('./src//a.ts').relative).toBe('src/a.ts')
    expect(policy.resolveForWrite('src/new.ts').relative).toBe('src/new.ts')
  })

  it.each([
    ['../x', /contains "\.\."/],
    ['/etc/passwd', /absolute/],
    ['escape/secret.txt', /outside the repository/],
    ['.git/config', /inside \.git/]
  ])('refuses to read %s', (path, message) => {
    expect(() => policy.resolve(path)).toThrow(message)
  })

  it.each([
    ['.github/workflows/ci.yml', /under \.github/],
    ['package-lock.json', /lockfile/],
    ['sub/go.sum', /lockfile/],
    ['src/a.test.ts', /existing test file/],
    ['node_modules/x/index.js', /dependency folder/]
  ])('refuses to write %s', (path, message) => {
    expect(() => policy.resolveForWrite(path)).toThrow(PathPolicyError)
    expect(() => policy.resolveForWrite(path)).toThrow(message)
  })

  it('lets test files be edited when allowed, and new tests be created', () => {
    const lenient = new PathPolicy({ repoDir: repo.dir, allowTestEdits: true, deny: ['src/generated/**'] })
    expect(lenient.resolveForWrite('src/a.test.ts').relative).toBe('src/a.test.ts')
    expect(policy.resolveForWrite('src/b.test.ts').relative).toBe('src/b.test.ts')
    expect(() => lenient.resolveForWrite('src/generated/x.ts')).toThrow(/denied path/)
  })
})

describe('test weakening', () => {
  const before =
    'describe("x", () => {\n  it("a", () => {\n    expect(f(1)).toBe(2)\n    expect(f(2)).toBe(3)\n  })\n  it("b", () => expect(g()).toBe(1))\n})\n'

  it('counts tests and assertions', () => {
    expect(measureTestStrength('x.test.ts', before)).toEqual({ tests: 3, assertions: 3 })
    expect(measureTestStrength('test_x.py', 'def test_a():\n    assert f(1) == 2\n')).toEqual({
      tests: 1,
      assertions: 1
    })
    expect(
      measureTestStrength(
        'x_test.go',
        'func TestA(t *testing.T) {\n\tif f() != 1 {\n\t\tt.Errorf("bad")\n\t}\n}\n'
      )
    ).toEqual({ tests: 1, assertions: 1 })
  })

  it('refuses a removed test, a skipped test, a dropped or commented-out assertion', () => {
    expect(
      testWeakening('x.test.ts', before, before.replace('  it("b", () => expect(g()).toBe(1))\n', ''))
    ).toMatch(/removes or skips a test/)
    expect(testWeakening('x.test.ts', before, before.replace('it("b"', 'it.skip("b"'))).toMatch(
      /removes or skips a test/
    )
    expect(testWeakening('x.test.ts', before, before.replace('    expect(f(2)).toBe(3)\n', ''))).toMatch(
      /drops an assertion/
    )
    expect(
      testWeakening('x.test.ts', before, before.replace('    expect(f(2))', '    // expect(f(2))'))
    ).toMatch(/drops an assertion/)
    expect(testWeakening('x.test.ts', before, before.replace('toBe(3)', 'toBe(4)'))).toBeUndefined()
  })
})
