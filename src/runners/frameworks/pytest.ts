import { existsSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Adapter, PlanContext, PlannedRun } from './types.js'

/**
 * Runs pytest through `pytest.main(args, plugins=[...])`: the report plugin is an object handed
 * over in-process, and `sys.argv` (which tests see) is `pytest <files>` only.
 */
const DRIVER = String.raw`import json, os, sys
plan_file = sys.argv[1]
plan = json.load(open(plan_file))
# The whole run: driver PLAN. While recording a coverage map it runs each test file as
# driver PLAN FILE EVENTS (recorded), and files that failed alone again as
# driver PLAN --together EVENTS LIST (one pytest, unrecorded; the files listed in LIST, a JSON
# array: a long command line fails on Windows); each writes its events to EVENTS.
only = None
part = None
if len(sys.argv) > 2 and sys.argv[2] == '--together':
    with open(sys.argv[4]) as listed:
        part = json.load(listed)
    events_file = sys.argv[3]
elif len(sys.argv) > 2:
    only, events_file = sys.argv[2], sys.argv[3]
    part = [only]
else:
    events_file = plan['out']
sys.argv = ['pytest', *([os.path.relpath(f) for f in part] if part is not None else plan['shownArgs'])]
sys.path[0] = os.getcwd()
out = os.open(events_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT)

def emit(event):
    data = (json.dumps(event) + '\n').encode()
    while data:
        data = data[os.write(out, data):]

def coverage_module():
    # The recorder, written beside this driver; tests see sys.path as it was.
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    try:
        import ci_medic_coverage
    finally:
        del sys.path[0]
    return ci_medic_coverage

recorder = None
if plan['perFile'] and only is not None:
    # Before anything of the repository loads. Recording never fails a test run: without it, the
    # file has no coverage entry and select goes by the graph.
    try:
        recorder = coverage_module().Recorder(plan['root'])
    except Exception as error:
        sys.stderr.write('ci-medic: coverage is not recorded for %s: %r\n' % (only, error))

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
        if part is None:
            emit({'t': 'end'})

class Collector:
    def __init__(self):
        self.files = []

    def add(self, nodeid):
        file = os.path.join(self.root, nodeid.split('::')[0])
        if file not in self.files:
            self.files.append(file)

    def pytest_configure(self, config):
        self.root = str(getattr(config, 'rootpath', None) or config.rootdir)

    def pytest_collectreport(self, report):
        if report.failed and report.nodeid:
            self.add(report.nodeid)

    def pytest_collection_modifyitems(self, session, config, items):
        for item in items:
            self.add(item.nodeid)

def read_events(path):
    try:
        with open(path, encoding='utf-8') as f:
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError):
        return []

def failed_in(events):
    return any(e.get('status') in ('failed', 'errored') or e.get('error') for e in events)

def run_each_file():
    # Each test file in a process of its own (this driver again), a few at a time: what a process
    # loads and runs is then that file's alone, session fixtures and caches included.
    import contextlib, shutil, subprocess, threading
    collector = Collector()
    with open(os.devnull, 'w') as quiet, contextlib.redirect_stdout(quiet):
        pytest.main([*plan['files'], '--collect-only', '-q', '-p', 'no:cacheprovider'], plugins=[collector])
    files = [f for f in collector.files if os.path.isfile(f)]
    if not files:
        # Nothing to split (no tests, or pytest could not start): one ordinary run says why.
        return pytest.main([*plan['files'], '-p', 'no:cacheprovider'], plugins=[CiMedicPlugin()])
    emit({'t': 'instrumented', 'files': coverage_module().python_files(plan['root'])})
    # Beside the plan, in a folder that is removed after the run whatever happens to this process.
    parts = os.path.join(os.path.dirname(os.path.abspath(plan_file)), 'pytest-parts')
    os.makedirs(parts, exist_ok=True)
    driver = os.path.abspath(__file__)
    alone_failed = {}
    pending = list(enumerate(files))
    lock = threading.Lock()
    def work():
        while True:
            with lock:
                if not pending:
                    return
                index, file = pending.pop(0)
            events_file = os.path.join(parts, '%d.jsonl' % index)
            with lock:
                # Now, not with the file's results: a run stopped by its time limit charges the files in flight.
                emit({'t': 'start', 'file': file})
            code = subprocess.call([sys.executable, '-u', driver, plan_file, file, events_file])
            events = read_events(events_file)
            with lock:
                if code in (0, 5) and not failed_in(events):
                    for event in events:
                        emit(event)
                else:
                    alone_failed[file] = events
    try:
        width = max(1, min(4, os.cpu_count() or 1))
        threads = [threading.Thread(target=work) for _ in range(width)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        failed = False
        if alone_failed:
            # A file may fail alone but pass where it runs in the suite, after the files before it
            # (one imports what it needs, say). Those files run together once more, unrecorded, as a
            # plain run runs them, and that run's results count: the recording must not change them.
            last = max(files.index(file) for file in alone_failed)
            together_file = os.path.join(parts, 'together.jsonl')
            together_list = os.path.join(parts, 'together.json')
            with open(together_list, 'w') as listed:
                json.dump(files[:last + 1], listed)
            subprocess.call([sys.executable, '-u', driver, plan_file, '--together', together_file, together_list])
            together = {}
            for event in read_events(together_file):
                if event.get('file') in alone_failed:
                    together.setdefault(event['file'], []).append(event)
            for file in files:
                if file not in alone_failed:
                    continue
                shared = together.get(file, [])
                finished = any(e.get('t') == 'file' for e in shared)
                chosen = shared if finished else alone_failed[file]
                if finished and not failed_in(shared):
                    sys.stderr.write('ci-medic: %s failed when run on its own, and passed after the test files before it: those results count, and it has no coverage entry\n' % os.path.relpath(file))
                for event in chosen:
                    if event.get('t') != 'coverage':
                        emit(event)
                failed = failed or failed_in(chosen) or not finished
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    emit({'t': 'end'})
    return 1 if failed else 0

import pytest
if plan['perFile'] and part is None:
    code = run_each_file()
else:
    code = pytest.main([*(part if part is not None else plan['files']), '-p', 'no:cacheprovider'], plugins=[CiMedicPlugin()])
    if recorder is not None:
        try:
            recorder.report(os.path.abspath(only), emit)
        except Exception as error:
            sys.stderr.write('ci-medic: coverage is not recorded for %s: %r\n' % (only, error))
os.close(out)
sys.exit(int(code))
`

/**
 * For a coverage map (`record-coverage`): what one pytest process (one test file) loaded of the
 * repository's Python files, and the first lines of the functions it ran. Nothing is reported when
 * the process may have run the repository's code where this cannot see: a forked or spawned
 * Python, a shell or a script (a console entry point), or when a test set its own profiler.
 */
const RECORDER = String.raw`import builtins, io, os, re, sys, threading

SKIPPED_DIRS = {'site-packages', 'dist-packages', '__pycache__', 'node_modules'}
SHELL_NAMES = {'sh', 'bash', 'dash', 'zsh', 'ksh', 'fish', 'env', 'cmd', 'cmd.exe', 'powershell', 'pwsh'}


def _inside(path, folder):
    path, folder = os.path.normcase(path), os.path.normcase(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _skipped_dir(dirpath, name):
    return name.startswith('.') or name in SKIPPED_DIRS or os.path.exists(os.path.join(dirpath, name, 'pyvenv.cfg'))


def python_files(root):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not _skipped_dir(dirpath, d)]
        found.extend(os.path.join(dirpath, f) for f in filenames if f.endswith('.py'))
    return found


class Recorder:
    def __init__(self, root):
        self.root = root
        self.real_root = os.path.realpath(root)
        # A virtual environment inside the repository holds installed packages, not its code.
        self.environments = {e for e in map(os.path.realpath, (sys.prefix, sys.base_prefix, sys.exec_prefix)) if _inside(e, self.real_root)}
        self.known = {}
        self.codes = set()
        self.read = set()
        self.unseen = None
        self.local = threading.local()
        self._watch_calls()
        self._watch_processes()
        self._watch_reads()

    def path_of(self, file):
        # Code from a string or a frozen module has a name in brackets, not a path.
        if not isinstance(file, str) or not os.path.isabs(file):
            return None
        known = self.known.get(file)
        if known is None:
            known = ''
            real = os.path.realpath(file)
            if _inside(real, self.real_root) and real != self.real_root and not any(_inside(real, e) for e in self.environments):
                relative = real[len(self.real_root.rstrip(os.sep)) + 1:]
                parts = relative.split(os.sep)
                if not any(part in SKIPPED_DIRS for part in parts[:-1]):
                    known = os.path.join(self.root, relative)
            self.known[file] = known
        return known or None

    def _watch_calls(self):
        codes = self.codes
        monitoring = getattr(sys, 'monitoring', None)
        if monitoring is not None:
            tool = next((t for t in (4, 3, 5) if monitoring.get_tool(t) is None), None)
            if tool is not None:
                monitoring.use_tool_id(tool, 'ci-medic')
                start = monitoring.events.PY_START

                def started(code, offset):
                    codes.add(code)
                    return monitoring.DISABLE

                monitoring.register_callback(tool, start, started)
                monitoring.set_events(tool, start)
                self.watching = lambda: monitoring.get_tool(tool) == 'ci-medic' and bool(monitoring.get_events(tool) & start)
                return

        def profile(frame, event, arg):
            if event == 'call':
                codes.add(frame.f_code)

        sys.setprofile(profile)
        threading.setprofile(profile)
        recorder = self
        for owner in (sys, threading):
            original = owner.setprofile

            def replaced(function, *rest, original=original):
                # A new thread sets the profiler threading.setprofile was given: this one.
                if function is not profile:
                    recorder.unseen = 'a test set its own profiler'
                return original(function, *rest)

            owner.setprofile = replaced
        self.watching = lambda: sys.getprofile() is profile

    def _watch_processes(self):
        import subprocess
        recorder = self
        local = self.local
        popen_init = subprocess.Popen.__init__

        def init(popen, args, *rest, **kwargs):
            shell = kwargs.get('shell', rest[7] if len(rest) > 7 else False)
            executable = kwargs.get('executable', rest[1] if len(rest) > 1 else None)
            recorder.spawned(args, shell, executable)
            local.in_popen = True
            try:
                return popen_init(popen, args, *rest, **kwargs)
            finally:
                local.in_popen = False

        subprocess.Popen.__init__ = init

        def marking(function, why):
            def wrapped(*args, **kwargs):
                recorder.unseen = why
                return function(*args, **kwargs)
            return wrapped

        for name in ('fork', 'forkpty', 'system'):
            if hasattr(os, name):
                setattr(os, name, marking(getattr(os, name), 'a test started a process with os.' + name))
        for name in ('posix_spawn', 'posix_spawnp'):
            if hasattr(os, name):
                original = getattr(os, name)

                def spawn(path, argv, *rest, original=original, **kwargs):
                    recorder.spawned(argv, False, path)
                    return original(path, argv, *rest, **kwargs)

                setattr(os, name, spawn)
        try:
            import _posixsubprocess
        except ImportError:
            return
        fork_exec = _posixsubprocess.fork_exec

        def direct_fork_exec(*args, **kwargs):
            if not getattr(local, 'in_popen', False):
                recorder.unseen = 'a test started a process (multiprocessing)'
            return fork_exec(*args, **kwargs)

        _posixsubprocess.fork_exec = direct_fork_exec

    def spawned(self, args, shell, executable):
        if shell:
            self.unseen = 'a test ran a shell command'
            return
        try:
            if executable is not None:
                program = os.fsdecode(executable)
            elif isinstance(args, (str, bytes, os.PathLike)):
                program = os.fsdecode(args)
                program = program.split()[0] if os.name == 'nt' and program.split() else program
            else:
                program = os.fsdecode(list(args)[0])
        except Exception:
            self.unseen = 'a test started a process'
            return
        import shutil
        name = os.path.basename(program).lower()
        found = shutil.which(program) or program
        if not os.path.isfile(found):
            return
        if name.startswith(('python', 'pypy')) or name in SHELL_NAMES or self.path_of(found) or self._may_import_repository(found):
            self.unseen = 'a test started ' + name

    def _may_import_repository(self, program):
        # A binary (git, say) runs no Python; a script may: a shell script, or a Python one that
        # imports one of the repository's packages (a console entry point) does.
        try:
            with io.FileIO(program, 'r') as f:
                text = f.read(65536)
        except OSError:
            return False
        if text[:2] == b'MZ':
            return self._launcher_imports_repository(program)
        if text[:4] == b'\x7fELF' or text[:4] in (b'\xcf\xfa\xed\xfe', b'\xca\xfe\xba\xbe'):
            return False
        first = text.split(b'\n', 1)[0]
        if not first.startswith(b'#!') or b'python' not in first:
            return True
        return self._imports_repository(text)

    def _launcher_imports_repository(self, program):
        # On Windows a console entry point is a launcher .exe with its script appended as a zip
        # archive (__main__.py), which the launcher hands to Python.
        import zipfile
        try:
            with zipfile.ZipFile(program) as archive:
                text = archive.read('__main__.py')
        except Exception:
            return False
        return self._imports_repository(text)

    def _imports_repository(self, text):
        imported = {m.decode() for m in re.findall(rb'^\s*(?:from|import)\s+([A-Za-z_]\w*)', text, re.M)}
        return any(name in imported for name in self.top_level_names())

    def top_level_names(self):
        # The repository's importable packages and modules, at its root or under src/ or lib/.
        names = getattr(self, '_names', None)
        if names is None:
            names = set()
            for folder in (self.real_root, os.path.join(self.real_root, 'src'), os.path.join(self.real_root, 'lib')):
                try:
                    entries = os.listdir(folder)
                except OSError:
                    continue
                for entry in entries:
                    if entry.endswith('.py') and entry[:-3].isidentifier() and entry != 'conftest.py':
                        names.add(entry[:-3])
                    elif entry.isidentifier() and os.path.isfile(os.path.join(folder, entry, '__init__.py')):
                        names.add(entry)
            self._names = names
        return names

    def installed_copy(self):
        # The repository's own package imported from elsewhere (a site-packages copy that
        # pip install . made): what the tests ran is not the repository's files.
        names = self.top_level_names()
        for name, module in list(sys.modules.items()):
            file = getattr(module, '__file__', None)
            if name in names and isinstance(file, str) and self.path_of(os.path.abspath(file)) is None:
                return name
        return None

    def _watch_reads(self):
        recorder = self
        original = builtins.open

        def reading(file, mode='r', *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and isinstance(mode, str) and not any(c in mode for c in 'wax+'):
                path = os.fspath(file)
                if isinstance(path, str) and path.endswith('.py'):
                    local_path = recorder.path_of(os.path.abspath(path))
                    if local_path:
                        recorder.read.add(local_path)
            return original(file, mode, *args, **kwargs)

        builtins.open = reading
        io.open = reading

    def report(self, test, emit):
        if self.unseen is not None or not self.watching() or self.installed_copy() is not None:
            return
        sources = {}
        for code in list(self.codes):
            path = self.path_of(code.co_filename)
            if path is None:
                continue
            fns = sources.setdefault(path, [])
            if code.co_name != '<module>':
                fns.extend((code.co_firstlineno, 0))
        for module in list(sys.modules.values()):
            path = self.path_of(getattr(module, '__file__', None))
            if path is not None:
                sources.setdefault(path, [])
        for path in self.read:
            sources.setdefault(path, [])
        emit({'t': 'coverage', 'file': test, 'sources': {p: {'fns': f, 'exact': True} for p, f in sources.items()}})


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
    if (context.recordCoverage) writeFileSync(join(context.tempDir, 'ci_medic_coverage.py'), RECORDER)
    writeFileSync(out, '')
    writeFileSync(
      planFile,
      JSON.stringify({
        out,
        files,
        shownArgs: files,
        // For a coverage map: what a process loads and runs is one test file's when it ran alone.
        perFile: context.recordCoverage === true,
        root: context.repoDir
      })
    )
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
