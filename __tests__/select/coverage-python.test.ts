// Selection with a coverage map recorded from a real pytest run: each test file in a process of
// its own, which reports the repository's Python files it loaded and the functions it ran. Every
// scenario runs the real suite on the change and checks that each failing test file is selected.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readCoverageMap, type CoverageMap } from '../../src/runners/coverage-map.js'
import { runTests } from '../../src/runners/index.js'
import { streamLogger } from '../../src/ports/log.js'
import { change, record } from '../support/coverage-scenario.js'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanupAll, createRepo, makeTempDir, type FileChanges, type TestRepo } from '../support/git-repo.js'

afterAll(() => cleanupAll())

const quiet = streamLogger(() => undefined)

const CLOCK_PY = `FACTOR = 1


def pad(n):
    """Pads to two digits."""
    return str(n).rjust(2, '0')


class Clock:
    unit = 'h'

    def __init__(self, h):
        self.h = h

    def format(self, long=False):
        return self.long_form() if long else f'{self.h}:00'

    def long_form(self):
        return pad(self.h) + ':00:00'

    def shift(self, n):
        return Clock(self.h + n * FACTOR)
`

const ROOT = 'ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))\n'

const PY_PROJECT: FileChanges = {
  'pytest.ini': '[pytest]\n',
  'pkg/__init__.py': '',
  'pkg/clock.py': CLOCK_PY,
  'pkg/version.py': "VERSION = '1.0'\n",
  'pkg/unused.py': 'def nothing():\n    return None\n',
  'tests/conftest.py':
    'import pytest\n\n\n@pytest.fixture\ndef hours():\n    return 3\n\n\n@pytest.fixture\ndef late():\n    return 23\n',
  'tests/test_format.py':
    "from pkg.clock import Clock\n\n\ndef test_short(hours):\n    assert Clock(hours).format() == '3:00'\n",
  'tests/test_long.py':
    "from pkg.clock import Clock\n\n\ndef test_long():\n    assert Clock(3).format(True) == '03:00:00'\n",
  'tests/test_pad.py': "from pkg.clock import pad\n\n\ndef test_pad():\n    assert pad(5) == '05'\n",
  // Reads a docstring, which is set as the function is defined: it never calls pad.
  'tests/test_doc.py':
    "from pkg.clock import pad\n\n\ndef test_doc():\n    assert pad.__doc__ == 'Pads to two digits.'\n",
  // Runs the code in another Python process, which the recording cannot see.
  'tests/test_cli.py':
    'import os\nimport subprocess\nimport sys\n\nfrom pkg import clock  # noqa: F401\n\n' +
    ROOT +
    "\n\ndef test_cli():\n    out = subprocess.run([sys.executable, '-c', 'from pkg.clock import pad; print(pad(7))'], capture_output=True, text=True, cwd=ROOT)\n    assert out.stdout.strip() == '07'\n",
  // Reads a Python file as text without importing it.
  'tests/test_source.py':
    'import os\n\n' +
    ROOT +
    "\n\ndef test_source():\n    with open(os.path.join(ROOT, 'pkg/version.py')) as f:\n        assert \"VERSION = '1.0'\" in f.read()\n"
}

const raiseIn = (method: string): FileChanges => ({
  'pkg/clock.py': CLOCK_PY.replace(
    new RegExp(`(\\n    def ${method}\\([^)]*\\):\\n)`),
    `$1        raise RuntimeError('broken ${method}')\n`
  )
})

describe('selection with a coverage map (pytest)', () => {
  let repo: TestRepo
  let base: string
  let map: CoverageMap
  let recorded: number

  beforeAll(async () => {
    repo = createRepo({ files: PY_PROJECT })
    base = repo.head()
    ;({ map, recorded } = await record(repo))
  }, 120_000)

  /** Commits `files` on the recorded commit, selects with and without the map, runs pytest. */
  const changeFromBase = (files: FileChanges) => {
    repo.git('reset', '-q', '--hard', base)
    return change(repo, base, map, files)
  }

  it('records what each test file loaded and ran, in a process of its own', () => {
    expect(recorded).toBe(5)
    expect(map.runs).toHaveLength(1)
    const run = map.runs[0]!
    expect(run.commit).toBe(base)
    // The test that starts another Python has no entry: the graph decides for it.
    expect(Object.keys(run.tests).sort()).toEqual([
      'tests/test_doc.py',
      'tests/test_format.py',
      'tests/test_long.py',
      'tests/test_pad.py',
      'tests/test_source.py'
    ])
    const loaded = (test: string): string[] =>
      Object.keys(run.tests[test] ?? {})
        .map(at => run.sources[Number(at)]!.path)
        .sort()
    expect(loaded('tests/test_pad.py')).toEqual([
      'pkg/__init__.py',
      'pkg/clock.py',
      'tests/conftest.py',
      'tests/test_pad.py'
    ])
    // Read as text, not imported: loaded all the same.
    expect(loaded('tests/test_source.py')).toEqual([
      'pkg/version.py',
      'tests/conftest.py',
      'tests/test_source.py'
    ])
    // A file no test loaded is known to the run, so a change to it leaves the map usable.
    expect(run.sources.map(source => source.path)).toContain('pkg/unused.py')
    expect(run.sources.every(source => source.exact)).toBe(true)
  })

  it('leaves out a test that reaches a changed method but never ran it', async () => {
    const { withMap, graphOnly, failing } = await changeFromBase(raiseIn('long_form'))
    expect(failing).toEqual(['tests/test_long.py'])
    expect(graphOnly.tests).toEqual(['tests/test_cli.py', 'tests/test_format.py', 'tests/test_long.py'])
    expect(withMap.tests).toEqual(['tests/test_cli.py', 'tests/test_long.py'])
    expect(withMap.notes.join('\n')).toMatch(
      /1 test file\(s\) reach a change but never ran it.*tests\/test_format\.py/
    )
  }, 120_000)

  it('selects every test that ran a changed function, and the one that ran it in another process', async () => {
    const { withMap, failing } = await changeFromBase({
      'pkg/clock.py': CLOCK_PY.replace("rjust(2, '0')", "rjust(3, '0')")
    })
    expect(failing).toEqual(['tests/test_cli.py', 'tests/test_long.py', 'tests/test_pad.py'])
    expect(withMap.tests).toEqual(['tests/test_cli.py', 'tests/test_long.py', 'tests/test_pad.py'])
  }, 120_000)

  it('runs the tests that used a changed fixture of conftest.py, not every test under it', async () => {
    const { withMap, graphOnly, failing } = await changeFromBase({
      'tests/conftest.py': PY_PROJECT['tests/conftest.py']!.toString().replace('return 3', 'return 4')
    })
    expect(failing).toEqual(['tests/test_format.py'])
    expect(graphOnly.tests).toHaveLength(6)
    expect(withMap.tests).toEqual(['tests/test_cli.py', 'tests/test_format.py'])
  }, 120_000)

  it('runs every test that ran a class body when the class changes outside its methods', async () => {
    const { withMap } = await changeFromBase({
      'pkg/clock.py': CLOCK_PY.replace('    def shift(self, n):', '    def shift(self, n=1):')
    })
    // A default is read as the class is defined: every test that loaded clock.py ran that.
    expect(withMap.tests).toEqual([
      'tests/test_cli.py',
      'tests/test_doc.py',
      'tests/test_format.py',
      'tests/test_long.py',
      'tests/test_pad.py'
    ])
  }, 120_000)

  it('selects a test that reads the docstring of a function it never calls', async () => {
    const { withMap, failing } = await changeFromBase({
      'pkg/clock.py': CLOCK_PY.replace('Pads to two digits.', 'Pads with zeros.')
    })
    expect(failing).toEqual(['tests/test_doc.py'])
    expect(withMap.tests).toContain('tests/test_doc.py')
  }, 120_000)

  it('selects a test that read a changed Python file as text', async () => {
    const { withMap, failing } = await changeFromBase({ 'pkg/version.py': "VERSION = '2.0'\n" })
    expect(failing).toEqual(['tests/test_source.py'])
    expect(withMap.tests).toEqual(['tests/test_source.py'])
  }, 120_000)

  it('still speaks for a later base commit that changed only a Python file no test loaded', async () => {
    repo.git('reset', '-q', '--hard', base)
    repo.commit('later', { 'pkg/unused.py': 'def nothing():\n    return 0\n' })
    const { withMap, graphOnly } = await change(repo, repo.head(), map, {
      'pkg/clock.py': CLOCK_PY.replace(
        'return Clock(self.h + n * FACTOR)',
        'return Clock((self.h + n * FACTOR) % 24)'
      )
    })
    expect(graphOnly.tests).toEqual(['tests/test_cli.py', 'tests/test_format.py', 'tests/test_long.py'])
    expect(withMap.tests).toEqual(['tests/test_cli.py'])
    expect(withMap.notes.join('\n')).not.toMatch(/not usable/)
  }, 120_000)
})

describe('what a pytest recording cannot see', () => {
  it("records nothing for a test that imports an installed copy of the repository's package", async () => {
    const installed = makeTempDir('ci-medic-site-')
    mkdirSync(join(installed, 'pkg'))
    writeFileSync(join(installed, 'pkg/__init__.py'), '')
    writeFileSync(join(installed, 'pkg/clock.py'), CLOCK_PY)
    const repo = createRepo({
      files: {
        'pytest.ini': '[pytest]\n',
        'pkg/__init__.py': '',
        'pkg/clock.py': CLOCK_PY,
        // As `pip install .` would: the package imports from site-packages, not from the repository.
        'tests/conftest.py': `import sys\n\nsys.path.insert(0, ${JSON.stringify(installed)})\n`,
        'tests/test_pad.py': PY_PROJECT['tests/test_pad.py']!,
        'tests/test_plain.py': 'def test_plain():\n    assert 1 + 1 == 2\n'
      }
    })
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(1)
    expect(Object.keys(map.runs[0]?.tests ?? {})).toEqual(['tests/test_plain.py'])
  }, 120_000)

  it("records nothing for a test that runs the repository's command through a Windows launcher", async () => {
    // A console entry point on Windows: an .exe with its script appended as a zip (__main__.py).
    const LAUNCHER = `import io, os, subprocess, zipfile


def run_launcher(folder, main):
    data = io.BytesIO()
    with zipfile.ZipFile(data, 'w') as archive:
        archive.writestr('__main__.py', main)
    path = os.path.join(folder, 'tool.exe')
    with open(path, 'wb') as f:
        f.write(b'MZ' + bytes(126) + b'#!python.exe\\n' + data.getvalue())
    os.chmod(path, 0o755)
    try:
        subprocess.run([path])
    except OSError:
        pass  # not a program this system runs: what counts is that the test started it
`
    const repo = createRepo({
      files: {
        'pytest.ini': '[pytest]\n',
        'pkg/__init__.py': '',
        'pkg/clock.py': CLOCK_PY,
        'tests/launcher.py': LAUNCHER,
        'tests/test_own_tool.py':
          "from launcher import run_launcher\nfrom pkg.clock import pad\n\n\ndef test_tool(tmp_path):\n    run_launcher(str(tmp_path), 'from pkg.clock import pad\\nprint(pad(1))\\n')\n    assert pad(1) == '01'\n",
        'tests/test_other_tool.py':
          "from launcher import run_launcher\nfrom pkg.clock import pad\n\n\ndef test_tool(tmp_path):\n    run_launcher(str(tmp_path), 'import json\\nprint(json.dumps(1))\\n')\n    assert pad(1) == '01'\n"
      }
    })
    const { map, recorded } = await record(repo)
    expect(recorded).toBe(1)
    expect(Object.keys(map.runs[0]?.tests ?? {})).toEqual(['tests/test_other_tool.py'])
  }, 120_000)
})

describe('a pytest recording gives the results of a plain run', () => {
  it('takes the results of a file that fails alone from a run after the files before it', async () => {
    const repo = createRepo({
      files: {
        'pytest.ini': '[pytest]\n',
        'pkg/__init__.py': 'NAMES = []\n',
        'pkg/extra.py': "from pkg import NAMES\n\nNAMES.append('extra')\n",
        // Imports what the next file needs: in one pytest, as a plain run goes, that one passes.
        'tests/test_a_loads.py': 'import pkg.extra  # noqa: F401\n\n\ndef test_loads():\n    assert True\n',
        'tests/test_b_needs.py':
          "from pkg import NAMES\n\n\ndef test_needs():\n    assert 'extra' in NAMES\n",
        'tests/test_c_broken.py': 'def test_broken():\n    assert 1 + 1 == 3\n',
        'tests/test_d_after.py': 'def test_after():\n    assert True\n'
      }
    })
    const plain = await runTests({ repoDir: repo.dir, timeoutMs: 120_000, retries: 0, log: quiet })
    const dir = makeTempDir('ci-medic-coverage-')
    const recording = await runTests({
      repoDir: repo.dir,
      timeoutMs: 120_000,
      retries: 0,
      log: quiet,
      coverageDir: dir
    })
    const statuses = (report: typeof plain) =>
      Object.fromEntries(report.files.map(file => [file.file, [file.status, file.tests.map(t => t.status)]]))
    expect(statuses(plain)).toEqual({
      'tests/test_a_loads.py': ['passed', ['passed']],
      'tests/test_b_needs.py': ['passed', ['passed']],
      'tests/test_c_broken.py': ['failed', ['failed']],
      'tests/test_d_after.py': ['passed', ['passed']]
    })
    expect(statuses(recording)).toEqual(statuses(plain))
    expect(recording.files.find(f => f.file === 'tests/test_c_broken.py')?.tests[0]?.message).toMatch(
      /assert \(1 \+ 1\) == 3/
    )
    // What a file ran alone is not what it ran where it passed: it has no entry, and the graph decides.
    expect(Object.keys(readCoverageMap(dir).runs[0]?.tests ?? {}).sort()).toEqual([
      'tests/test_a_loads.py',
      'tests/test_d_after.py'
    ])
  }, 120_000)
})
