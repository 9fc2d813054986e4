import { existsSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Adapter, PlanContext, PlannedRun } from './types.js'

/**
 * Runs pytest through `pytest.main(args, plugins=[...])`: the report plugin is an object handed
 * over in-process, and `sys.argv` (which tests see) is `pytest <files>` only.
 */
const DRIVER = String.raw`import json, os, sys
plan = json.load(open(sys.argv[1]))
sys.argv = ['pytest', *plan['shownArgs']]
sys.path[0] = os.getcwd()
out = open(plan['out'], 'a', buffering=1)

def emit(event):
    out.write(json.dumps(event) + '\n')
    out.flush()

class CiMedicPlugin:
    def __init__(self):
        self.root = os.getcwd()
        self.started = set()
        self.remaining = {}
        self.closed = set()

    def pytest_configure(self, config):
        self.root = str(getattr(config, 'rootpath', None) or config.rootdir)

    def file_of(self, nodeid):
        return os.path.join(self.root, nodeid.split('::')[0])

    def name_of(self, nodeid):
        return ' \u203a '.join(nodeid.split('::')[1:]) or nodeid

    def pytest_collection_modifyitems(self, session, config, items):
        for item in items:
            file = self.file_of(item.nodeid)
            self.remaining[file] = self.remaining.get(file, 0) + 1

    def pytest_collectreport(self, report):
        if report.failed and report.nodeid:
            file = self.file_of(report.nodeid)
            emit({'t': 'start', 'file': file})
            text = str(report.longreprtext)
            reason = '\n'.join(l[1:].strip() for l in text.splitlines() if l.startswith('E '))
            emit({'t': 'file', 'file': file, 'durationMs': 0, 'error': {'message': (reason + '\n\n' + text).strip()}})
            self.closed.add(file)

    def pytest_runtest_logstart(self, nodeid, location):
        file = self.file_of(nodeid)
        if file not in self.started:
            self.started.add(file)
            emit({'t': 'start', 'file': file})

    def pytest_runtest_logreport(self, report):
        file = self.file_of(report.nodeid)
        name = self.name_of(report.nodeid)
        event = None
        if report.when == 'call':
            status = 'passed' if report.passed else 'skipped' if report.skipped else 'failed'
            event = {'name': name, 'status': status}
        elif report.when == 'setup' and not report.passed:
            event = {'name': name, 'status': 'skipped' if report.skipped else 'errored'}
        elif report.when == 'teardown' and report.failed:
            event = {'name': name + ' [teardown]', 'status': 'errored'}
        if event is not None:
            event.update({'t': 'case', 'file': file, 'durationMs': report.duration * 1000})
            if event['status'] in ('failed', 'errored'):
                text = str(report.longreprtext)
                lines = [l[1:].strip() for l in text.splitlines() if l.startswith('E ')]
                event['message'] = '\n'.join(lines) or text.strip().splitlines()[-1:][0] if text.strip() else 'failed'
                event['stack'] = text
            line = report.location[1] if report.location and report.location[1] is not None else None
            if line is not None:
                event['line'] = line + 1
            emit(event)

    def pytest_runtest_logfinish(self, nodeid, location):
        file = self.file_of(nodeid)
        self.remaining[file] = self.remaining.get(file, 1) - 1
        if self.remaining[file] <= 0 and file not in self.closed:
            self.closed.add(file)
            emit({'t': 'file', 'file': file})

    def pytest_sessionfinish(self, session, exitstatus):
        for file in self.started:
            if file not in self.closed:
                self.closed.add(file)
                emit({'t': 'file', 'file': file})
        emit({'t': 'end'})

import pytest
code = pytest.main([*plan['files'], '-p', 'no:cacheprovider'], plugins=[CiMedicPlugin()])
out.close()
sys.exit(int(code))
`

function pythonFor(context: PlanContext): string {
  for (const dir of [context.packageDir, context.repoDir]) {
    for (const venv of ['.venv', 'venv']) {
      const python = join(dir, venv, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python')
      if (existsSync(python)) return python
    }
  }
  return process.platform === 'win32' ? 'python' : 'python3'
}

export const pytestAdapter: Adapter = {
  framework: 'pytest',
  plan(context: PlanContext): PlannedRun {
    const driver = join(context.tempDir, 'ci_medic_pytest.py')
    const planFile = join(context.tempDir, 'pytest-plan.json')
    const out = join(context.tempDir, 'pytest-events.jsonl')
    const files = context.all ? [] : context.files.map(file => relative(context.packageDir, file))
    writeFileSync(driver, DRIVER)
    writeFileSync(out, '')
    writeFileSync(planFile, JSON.stringify({ out, files, shownArgs: files }))
    return {
      framework: 'pytest',
      command: pythonFor(context),
      args: ['-u', driver, planFile],
      env: { ...context.env, PYTHONDONTWRITEBYTECODE: '1' },
      eventsFile: out,
      reportsStarts: true,
      display: ['pytest', ...files].join(' ')
    }
  }
}
