/**
 * Python helpers the generator runs with the repository's own `python3`. They are embedded here (and
 * written to the work folder at run time) so that the bundle carries them, and they use only the
 * standard library: coverage.py cannot be assumed on the runner.
 */

/**
 * A pytest plugin (`-p ci_medic_pytest`): per test file, the outcome of its tests and, when
 * `CI_MEDIC_COVER` lists source files, the lines of those files it executed (a `sys.settrace` line
 * tracer, attributed to the test file that is running), plus each source file's executable lines.
 */
export const PYTEST_PLUGIN = String.raw`
import dis, json, os, sys, threading, time

_root = os.path.realpath(os.environ.get("CI_MEDIC_ROOT") or os.getcwd())
_out = os.environ.get("CI_MEDIC_PYTEST_OUT")
_targets = set(os.path.realpath(p) for p in json.loads(os.environ.get("CI_MEDIC_COVER") or "[]"))
_plan = json.loads(os.environ.get("CI_MEDIC_PLAN") or "null")
_plan_results = {}
_current = ["<collect>"]
_lines = {}
_files = {}


def _rel(path):
    return os.path.relpath(os.path.realpath(str(path)), _root).replace(os.sep, "/")


def _file(nodeid):
    return nodeid.split("::")[0]


def _result(name):
    return _files.setdefault(name, {"tests": 0, "failed": 0, "errored": 0, "message": ""})


def _local(frame, event, arg):
    if event == "line":
        _lines.setdefault(_current[0], {}).setdefault(frame.f_code.co_filename, set()).add(frame.f_lineno)
    return _local


def _global(frame, event, arg):
    if frame.f_code.co_filename in _targets:
        return _local(frame, event, arg)
    return None


def _executable(path):
    lines = set()
    try:
        with open(path, "rb") as handle:
            code = compile(handle.read(), path, "exec")
    except Exception:
        return []
    stack = [code]
    while stack:
        current = stack.pop()
        for _, line in dis.findlinestarts(current):
            if line:
                lines.add(line)
        stack.extend(c for c in current.co_consts if hasattr(c, "co_code"))
    return sorted(lines)


def pytest_configure(config):
    if _targets:
        sys.settrace(_global)
        threading.settrace(_global)


def pytest_collectstart(collector):
    path = getattr(collector, "path", None)
    if path is not None and str(path).endswith(".py"):
        _current[0] = _rel(path)


def pytest_collectreport(report):
    if report.failed:
        entry = _result(_file(report.nodeid) or "<collect>")
        entry["errored"] += 1
        entry["message"] = str(report.longrepr)[-4000:]


def pytest_runtest_logstart(nodeid, location):
    _current[0] = _file(nodeid)


def pytest_runtest_logreport(report):
    entry = _result(_file(report.nodeid))
    if report.when == "call":
        entry["tests"] += 1
        if report.failed:
            entry["failed"] += 1
            entry["message"] = str(report.longrepr)[-4000:]
    elif report.failed:
        entry["errored"] += 1
        entry["message"] = str(report.longrepr)[-4000:]


def _coverage():
    coverage = {}
    for test, per_file in _lines.items():
        coverage[test] = {_rel(src): sorted(lines) for src, lines in per_file.items()}
    return coverage


def pytest_runtestloop(session):
    """With a plan, every run executes in a forked child: isolated from the others, one process in all."""
    if not _plan or not hasattr(os, "fork"):
        return None
    by_file = {}
    for item in session.items:
        by_file.setdefault(_file(item.nodeid), []).append(item)
    timeout = float(_plan.get("timeout") or 120)
    for index, run in enumerate(_plan["runs"]):
        items = [item for name in run["files"] for item in by_file.get(name, [])]
        result_file = "%s.%d" % (_out, index)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                os.environ.update(run.get("env") or {})
                for position, item in enumerate(items):
                    following = items[position + 1] if position + 1 < len(items) else None
                    item.config.hook.pytest_runtest_protocol(item=item, nextitem=following)
                wanted = set(run["files"])
                with open(result_file, "w") as handle:
                    json.dump({
                        "files": {k: v for k, v in _files.items() if k in wanted},
                        "coverage": {k: v for k, v in _coverage().items() if k in wanted},
                    }, handle)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        deadline = time.time() + timeout
        timed_out = False
        while True:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.time() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                timed_out = True
                break
            time.sleep(0.005)
        entry = {"timedOut": timed_out}
        if not timed_out and os.path.exists(result_file):
            with open(result_file) as handle:
                entry.update(json.load(handle))
            os.remove(result_file)
        _plan_results[run["label"]] = entry
    return True


def pytest_unconfigure(config):
    sys.settrace(None)
    threading.settrace(None)
    if not _out:
        return
    data = {
        "files": _files,
        "coverage": _coverage(),
        "executable": {_rel(t): _executable(t) for t in _targets},
        "plan": _plan_results if _plan else None,
    }
    with open(_out, "w") as handle:
        json.dump(data, handle)
`

/**
 * Static analysis of Python files with the standard `ast` module. Reads a JSON request on stdin:
 * `{"op": "parse"|"symbols"|"assertions"|"mutants"|"signatures", "file": "...", ...}`.
 */
export const PYTHON_ANALYZER = String.raw`
import ast, io, json, sys, tokenize

request = json.load(sys.stdin)
with open(request["file"], encoding="utf-8") as handle:
    source = handle.read()
lines = source.splitlines(True)


def out(value):
    json.dump(value, sys.stdout)
    sys.exit(0)


try:
    tree = ast.parse(source, request["file"])
except SyntaxError as error:
    out({"ok": False, "error": "%s (line %s)" % (error.msg, error.lineno)})

op = request["op"]

if op == "parse":
    try:
        compile(source, request["file"], "exec")
    except SyntaxError as error:
        out({"ok": False, "error": "%s (line %s)" % (error.msg, error.lineno)})
    out({"ok": True})


def char_col(line, byte_col):
    text = lines[line - 1] if line - 1 < len(lines) else ""
    return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))


def span(node):
    return {
        "line": node.lineno,
        "col": char_col(node.lineno, node.col_offset),
        "endLine": node.end_lineno,
        "endCol": char_col(node.end_lineno, node.end_col_offset),
    }


if op == "symbols" or op == "signatures":
    symbols = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            header_end = node.body[0].lineno - 1 if node.body else node.lineno
            symbols.append({
                "name": node.name,
                "kind": "class" if isinstance(node, ast.ClassDef) else "function",
                "startLine": start,
                "endLine": node.end_lineno,
                "signature": "".join(lines[start - 1:max(header_end, node.lineno)]).rstrip(),
            })
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        end = item.body[0].lineno - 1 if item.body else item.lineno
                        symbols.append({
                            "name": node.name + "." + item.name,
                            "kind": "method",
                            "startLine": item.lineno,
                            "endLine": item.end_lineno,
                            "signature": "".join(lines[item.lineno - 1:max(end, item.lineno)]).rstrip(),
                        })
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    symbols.append({
                        "name": target.id,
                        "kind": "variable",
                        "startLine": node.lineno,
                        "endLine": node.end_lineno,
                        "signature": "".join(lines[node.lineno - 1:node.lineno]).rstrip(),
                    })
    imports = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            imports.append({"module": node.module, "level": node.level, "names": [a.name for a in node.names]})
        elif isinstance(node, ast.Import):
            for alias in node.names:
                imports.append({"module": alias.name, "level": 0, "names": []})
    out({"ok": True, "symbols": symbols, "imports": imports})


WEAK_ASSERT_METHODS = {"assertIsNotNone", "assertTrue"}


def names_in(node):
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def is_weak_assert(test):
    if isinstance(test, ast.Constant):
        return True
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        right = test.comparators[0]
        if isinstance(test.ops[0], ast.IsNot) and isinstance(right, ast.Constant) and right.value is None:
            return True
    return False


if op == "assertions":
    stems = set(request.get("modules", []))
    tainted = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[-1] in stems:
            tainted.update(a.asname or a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level and node.module is None:
            tainted.update(a.asname or a.name for a in node.names if a.name in stems)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[-1] in stems:
                    tainted.add(alias.asname or alias.name.split(".")[0])

    def analyse(function):
        local = set(tainted)
        changed = True
        while changed:
            changed = False
            for node in ast.walk(function):
                targets, value = [], None
                if isinstance(node, ast.Assign):
                    targets, value = node.targets, node.value
                elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                    targets, value = [node.target], node.value
                elif isinstance(node, (ast.For, ast.comprehension)):
                    targets, value = [node.target], node.iter
                elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                    targets, value = [node.optional_vars], node.context_expr
                if value is not None and names_in(value) & local:
                    for target in targets:
                        new = names_in(target) - local
                        if new:
                            local |= new
                            changed = True
        for node in ast.walk(function):
            if isinstance(node, ast.Assert) and names_in(node.test) & local and not is_weak_assert(node.test):
                return True
            if isinstance(node, ast.With):
                for item in node.items:
                    call = item.context_expr
                    if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "raises":
                        if any(names_in(stmt) & local for stmt in node.body):
                            return True
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                name = node.func.attr
                if name.startswith("assert") and name not in WEAK_ASSERT_METHODS:
                    if any(names_in(arg) & local for arg in node.args):
                        return True
        return False

    tests = []
    for node in tree.body:
        functions = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            functions.append((node.name, node))
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"):
                    functions.append((node.name + "." + item.name, item))
        for name, function in functions:
            tests.append({"name": name, "line": function.lineno, "real": analyse(function)})
    out({"ok": True, "tests": tests, "imports": sorted(tainted)})


if op == "mutants":
    wanted = set(request.get("lines", []))
    tokens = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in (tokenize.OP, tokenize.NAME):
                tokens.append(tok)
    except (tokenize.TokenError, SyntaxError):
        pass

    def token_between(start, end, texts):
        for tok in tokens:
            if tok.start >= start and tok.end <= end and tok.string in texts:
                return tok
        return None

    def pos(line, col):
        return (line, col)

    mutants = []
    host = [None]
    in_fstring = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for child in ast.walk(node):
                in_fstring.add(id(child))

    def add(line, col, end_line, end_col, replacement, description):
        h = span(host[0])
        mutants.append({"line": line, "col": col, "endLine": end_line, "endCol": end_col,
                        "replacement": replacement, "description": description,
                        "host": [h["line"], h["col"], h["endLine"], h["endCol"]]})

    COMPARE = {ast.Lt: ("<", "<="), ast.LtE: ("<=", "<"), ast.Gt: (">", ">="), ast.GtE: (">=", ">"),
               ast.Eq: ("==", "!="), ast.NotEq: ("!=", "==")}
    ARITH = {ast.Add: ("+", "-"), ast.Sub: ("-", "+"), ast.Mult: ("*", "/"), ast.Div: ("/", "*"),
             ast.FloorDiv: ("//", "*"), ast.Mod: ("%", "*")}

    for node in ast.walk(tree):
        if id(node) in in_fstring:
            continue
        host[0] = node
        if isinstance(node, ast.Compare):
            left = node.left
            for operator, right in zip(node.ops, node.comparators):
                pair = COMPARE.get(type(operator))
                a, b = span(left), span(right)
                if pair:
                    tok = token_between(pos(a["endLine"], a["endCol"]), pos(b["line"], b["col"]), {pair[0]})
                    if tok and tok.start[0] in wanted:
                        add(tok.start[0], tok.start[1], tok.end[0], tok.end[1], pair[1], "%s -> %s" % pair)
                left = right
        elif isinstance(node, ast.BinOp):
            pair = ARITH.get(type(node.op))
            if pair:
                a, b = span(node.left), span(node.right)
                tok = token_between(pos(a["endLine"], a["endCol"]), pos(b["line"], b["col"]), {pair[0]})
                if tok and tok.start[0] in wanted:
                    add(tok.start[0], tok.start[1], tok.end[0], tok.end[1], pair[1], "%s -> %s" % pair)
        elif isinstance(node, ast.BoolOp):
            word, other = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
            for left, right in zip(node.values, node.values[1:]):
                a, b = span(left), span(right)
                tok = token_between(pos(a["endLine"], a["endCol"]), pos(b["line"], b["col"]), {word})
                if tok and tok.start[0] in wanted:
                    add(tok.start[0], tok.start[1], tok.end[0], tok.end[1], other, "%s -> %s" % (word, other))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not) and node.lineno in wanted:
            s, o = span(node), span(node.operand)
            add(s["line"], s["col"], o["line"], o["col"], "", "not x -> x")
        elif isinstance(node, ast.Constant) and node.lineno in wanted:
            s = span(node)
            if isinstance(node.value, bool):
                add(s["line"], s["col"], s["endLine"], s["endCol"], str(not node.value), "%s -> %s" % (node.value, not node.value))
            elif isinstance(node.value, int) and abs(node.value) < 1e15:
                text = "".join(lines[s["line"] - 1])[s["col"]:s["endCol"]] if s["line"] == s["endLine"] else ""
                if text and text.isdigit():
                    for delta in (1, -1):
                        value = node.value + delta
                        add(s["line"], s["col"], s["endLine"], s["endCol"], repr(value), "%s -> %s" % (text, repr(value)))
        elif isinstance(node, ast.Return) and node.value is not None and node.lineno in wanted:
            if not (isinstance(node.value, ast.Constant) and node.value.value is None):
                host[0] = node.value
                v = span(node.value)
                add(v["line"], v["col"], v["endLine"], v["endCol"], "None", "return value -> None")
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and node.lineno in wanted:
            host[0] = node.value
            s = span(node.value)
            add(s["line"], s["col"], s["endLine"], s["endCol"], "None", "removed call")
    mutants.sort(key=lambda m: (m["line"], m["col"], m["replacement"]))
    out({"ok": True, "mutants": mutants})

out({"ok": False, "error": "unknown op " + op})
`
