export const id = 113;
export const ids = [113];
export const modules = {

/***/ 80113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ runGenerate)
});

// UNUSED EXPORTS: ISOLATION_RUNS

// EXTERNAL MODULE: ./src/select/cached.ts
var cached = __webpack_require__(2492);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/agent/diff.ts
var diff = __webpack_require__(30758);
// EXTERNAL MODULE: ./src/changes/index.ts + 3 modules
var src_changes = __webpack_require__(3751);
// EXTERNAL MODULE: ./src/deliver/index.ts + 5 modules
var deliver = __webpack_require__(94406);
// EXTERNAL MODULE: ./src/fix/run.ts + 9 modules
var run = __webpack_require__(83359);
// EXTERNAL MODULE: ./src/llm/index.ts + 4 modules
var llm = __webpack_require__(44589);
// EXTERNAL MODULE: ./src/ports/exec.ts
var exec = __webpack_require__(74795);
// EXTERNAL MODULE: ./src/ports/git.ts
var ports_git = __webpack_require__(94220);
// EXTERNAL MODULE: ./src/report/audit.ts
var report_audit = __webpack_require__(8809);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(65468);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/generate/js-ast.ts
/**
 * JavaScript and TypeScript analysis on the TypeScript compiler's parser (syntax only, no type
 * checking): symbols of a module, real assertions in a test file, and mutants of changed lines.
 */


let loaded;
async function loadTypeScript() {
    if (!loaded) {
        // The compiler is CommonJS; inside the ESM bundle it still reads the CommonJS module globals.
        const globals = globalThis;
        globals.__filename ??= (0,external_node_url_.fileURLToPath)(import.meta.url);
        globals.__dirname ??= (0,external_node_path_.dirname)(globals.__filename);
        loaded = (await __webpack_require__.e(/* import() */ 672).then(__webpack_require__.t.bind(__webpack_require__, 35672, 23))).default;
    }
    return loaded;
}
function parse(ts, path, content) {
    const kind = /\.(tsx|jsx)$/i.test(path)
        ? ts.ScriptKind.TSX
        : /\.[cm]?js$/i.test(path)
            ? ts.ScriptKind.JS
            : ts.ScriptKind.TS;
    return ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, kind);
}
function lineOf(source, position) {
    return source.getLineAndCharacterOfPosition(position).line + 1;
}
function headerOf(source, node, body) {
    const text = source.text.slice(node.getStart(source), body ? body.getStart(source) : node.getEnd());
    return text
        .trim()
        .replace(/\s*\{?\s*$/, '')
        .replace(/\s+/g, ' ');
}
function isExported(ts, node) {
    const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    return Boolean(modifiers?.some(m => m.kind === ts.SyntaxKind.ExportKeyword));
}
async function outlineModule(path, content) {
    const ts = await loadTypeScript();
    const source = parse(ts, path, content);
    const symbols = [];
    const imports = [];
    const span = (node) => ({
        startLine: lineOf(source, node.getStart(source)),
        endLine: lineOf(source, node.getEnd())
    });
    for (const statement of source.statements) {
        const exported = isExported(ts, statement);
        if (ts.isFunctionDeclaration(statement) && statement.name) {
            symbols.push({
                name: statement.name.text,
                kind: 'function',
                ...span(statement),
                signature: headerOf(source, statement, statement.body),
                exported
            });
        }
        else if (ts.isClassDeclaration(statement) && statement.name) {
            const className = statement.name.text;
            const members = [];
            for (const member of statement.members) {
                const body = member.body;
                const header = headerOf(source, member, body);
                members.push(`  ${header}`);
                if ((ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member)) && body) {
                    const name = ts.isConstructorDeclaration(member) ? 'constructor' : member.name.getText(source);
                    symbols.push({
                        name: `${className}.${name}`,
                        kind: 'method',
                        ...span(member),
                        signature: header,
                        exported
                    });
                }
            }
            const head = headerOf(source, statement, undefined).split('{')[0]?.trim() ?? `class ${className}`;
            symbols.push({
                name: className,
                kind: 'class',
                ...span(statement),
                signature: `${head} {\n${members.join('\n')}\n}`,
                exported
            });
        }
        else if (ts.isVariableStatement(statement)) {
            for (const declaration of statement.declarationList.declarations) {
                if (!ts.isIdentifier(declaration.name))
                    continue;
                const init = declaration.initializer;
                const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
                const signature = fn
                    ? `${exported ? 'export ' : ''}const ${declaration.name.text} = ${headerOf(source, fn, fn.body).replace(/\s*=>$/, '')}`
                    : source.text.slice(statement.getStart(source), statement.getEnd()).split('\n')[0].slice(0, 160);
                symbols.push({
                    name: declaration.name.text,
                    kind: fn ? 'function' : 'variable',
                    ...span(statement),
                    signature,
                    exported
                });
            }
        }
        else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
            const names = [];
            const clause = statement.importClause;
            if (clause?.name)
                names.push('default');
            if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
                for (const element of clause.namedBindings.elements)
                    names.push((element.propertyName ?? element.name).text);
            }
            if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings))
                names.push('*');
            imports.push({ specifier: statement.moduleSpecifier.text, names });
        }
    }
    return { symbols, imports };
}
const WEAK_MATCHERS = new Set(['toBeDefined']);
const WEAK_NEGATED = new Set(['toThrow', 'toThrowError', 'toBeUndefined', 'toBeNull']);
const TEST_FUNCTIONS = new Set(['it', 'test']);
const WEAK_ASSERT = new Set(['doesNotThrow', 'doesNotReject']);
/**
 * For each test case (`it`/`test` callback), whether it holds at least one real assertion on the code
 * under test: an `expect(subject)…matcher()` (or an `assert…(subject)`) whose subject uses a binding
 * imported from `sourceStem`'s module, directly or through local variables, and whose matcher says
 * more than "it is defined" or "it did not throw".
 */
async function analyseJsAssertions(path, content, sourceStem) {
    const ts = await loadTypeScript();
    const source = parse(ts, path, content);
    const diagnostics = source.parseDiagnostics ?? [];
    if (diagnostics.length > 0) {
        const first = diagnostics[0];
        const line = first.start !== undefined ? lineOf(source, first.start) : 0;
        return {
            syntaxError: `${ts.flattenDiagnosticMessageText(first.messageText, ' ')} (line ${line})`,
            tests: []
        };
    }
    const fromSource = (specifier) => (specifier.split('/').pop() ?? '').replace(/\.[cm]?[jt]sx?$/, '') === sourceStem;
    const imported = new Set();
    const visitImports = (node) => {
        if (ts.isImportDeclaration(node) &&
            ts.isStringLiteral(node.moduleSpecifier) &&
            fromSource(node.moduleSpecifier.text)) {
            const clause = node.importClause;
            if (clause?.name)
                imported.add(clause.name.text);
            const bindings = clause?.namedBindings;
            if (bindings && ts.isNamedImports(bindings))
                for (const e of bindings.elements)
                    imported.add(e.name.text);
            if (bindings && ts.isNamespaceImport(bindings))
                imported.add(bindings.name.text);
        }
        if (ts.isVariableDeclaration(node) &&
            node.initializer &&
            ts.isCallExpression(node.initializer) &&
            ts.isIdentifier(node.initializer.expression) &&
            node.initializer.expression.text === 'require' &&
            node.initializer.arguments[0] &&
            ts.isStringLiteral(node.initializer.arguments[0]) &&
            fromSource(node.initializer.arguments[0].text)) {
            for (const name of bindingNames(ts, node.name))
                imported.add(name);
        }
        ts.forEachChild(node, visitImports);
    };
    visitImports(source);
    const tests = [];
    const visitTests = (node) => {
        if (ts.isCallExpression(node)) {
            const callee = node.expression;
            const base = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
            const modifier = ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
            const body = node.arguments[node.arguments.length - 1];
            if (ts.isIdentifier(base) &&
                TEST_FUNCTIONS.has(base.text) &&
                ['', 'only', 'concurrent', 'skip', 'todo'].includes(modifier) &&
                body &&
                (ts.isArrowFunction(body) || ts.isFunctionExpression(body))) {
                const first = node.arguments[0];
                const name = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))
                    ? first.text
                    : '(unnamed)';
                tests.push({
                    name,
                    line: lineOf(source, node.getStart(source)),
                    real: hasRealAssertion(ts, body, imported)
                });
                return;
            }
        }
        ts.forEachChild(node, visitTests);
    };
    visitTests(source);
    return { tests };
}
function bindingNames(ts, name) {
    if (ts.isIdentifier(name))
        return [name.text];
    const names = [];
    for (const element of name.elements)
        if (!ts.isOmittedExpression(element))
            names.push(...bindingNames(ts, element.name));
    return names;
}
function mentions(ts, node, names) {
    let found = false;
    const visit = (child) => {
        if (found)
            return;
        if (ts.isIdentifier(child) && names.has(child.text)) {
            found = true;
            return;
        }
        ts.forEachChild(child, visit);
    };
    visit(node);
    return found;
}
function hasRealAssertion(ts, body, imported) {
    const tainted = new Set(imported);
    // Values derived from the code under test count as the code under test.
    for (let changed = true; changed;) {
        changed = false;
        const visit = (node) => {
            let target;
            let value;
            if (ts.isVariableDeclaration(node) && node.initializer) {
                target = node.name;
                value = node.initializer;
            }
            else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
                target = node.left;
                value = node.right;
            }
            if (target && value && mentions(ts, value, tainted)) {
                const names = ts.isIdentifier(target)
                    ? [target.text]
                    : ts.isObjectBindingPattern(target) || ts.isArrayBindingPattern(target)
                        ? bindingNames(ts, target)
                        : [];
                for (const name of names) {
                    if (!tainted.has(name)) {
                        tainted.add(name);
                        changed = true;
                    }
                }
            }
            ts.forEachChild(node, visit);
        };
        visit(body);
    }
    let real = false;
    const visit = (node) => {
        if (real)
            return;
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
            const matcher = node.expression.name.text;
            const modifiers = [];
            let cursor = node.expression.expression;
            while (ts.isPropertyAccessExpression(cursor)) {
                modifiers.push(cursor.name.text);
                cursor = cursor.expression;
            }
            if (ts.isCallExpression(cursor) &&
                ts.isIdentifier(cursor.expression) &&
                cursor.expression.text === 'expect') {
                const subject = cursor.arguments[0];
                const negated = modifiers.includes('not');
                const weak = negated ? WEAK_NEGATED.has(matcher) : WEAK_MATCHERS.has(matcher);
                if (subject && !weak && mentions(ts, subject, tainted))
                    real = true;
            }
            if (ts.isIdentifier(cursor) && cursor.text === 'assert' && !WEAK_ASSERT.has(matcher)) {
                if (node.arguments.some(arg => mentions(ts, arg, tainted)))
                    real = true;
            }
        }
        if (ts.isCallExpression(node) &&
            ts.isIdentifier(node.expression) &&
            node.expression.text === 'assert' &&
            node.arguments[0] &&
            mentions(ts, node.arguments[0], tainted)) {
            real = true;
        }
        ts.forEachChild(node, visit);
    };
    visit(body);
    return real;
}
const BINARY_SWAPS = {
    '<': '<=',
    '<=': '<',
    '>': '>=',
    '>=': '>',
    '===': '!==',
    '!==': '===',
    '==': '!=',
    '!=': '==',
    '+': '-',
    '-': '+',
    '*': '/',
    '/': '*',
    '%': '*',
    '&&': '||',
    '||': '&&'
};
/** Small mutations on the given lines: operator flips, boundaries ±1, negation, return value, removed call. */
async function jsMutants(path, content, lines) {
    const ts = await loadTypeScript();
    const source = parse(ts, path, content);
    const mutants = [];
    const typed = /\.[cm]?tsx?$/.test(path);
    let host = source;
    const add = (start, end, replacement, description) => {
        const line = lineOf(source, start);
        if (lines.has(line)) {
            mutants.push({
                file: path,
                line,
                start,
                end,
                replacement,
                description,
                hostStart: host.getStart(source),
                hostEnd: host.getEnd()
            });
        }
    };
    const isPropertyName = (node) => Boolean(node.parent &&
        (ts.isPropertyAssignment(node.parent) ||
            ts.isPropertyDeclaration(node.parent) ||
            ts.isMethodDeclaration(node.parent) ||
            ts.isEnumMember(node.parent)) &&
        node.parent.name === node);
    const visit = (node) => {
        if (ts.isTypeNode(node))
            return;
        host = node;
        if (ts.isBinaryExpression(node)) {
            const operator = node.operatorToken.getText(source);
            const swap = BINARY_SWAPS[operator];
            if (swap)
                add(node.operatorToken.getStart(source), node.operatorToken.getEnd(), swap, `${operator} → ${swap}`);
        }
        else if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
            const start = node.getStart(source);
            add(start, start + 1, '', '!x → x');
        }
        else if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) {
            const value = node.kind === ts.SyntaxKind.TrueKeyword;
            add(node.getStart(source), node.getEnd(), String(!value), `${value} → ${!value}`);
        }
        else if (ts.isNumericLiteral(node) && !isPropertyName(node)) {
            const value = Number(node.text);
            if (Number.isInteger(value) && Math.abs(value) < 1e15) {
                for (const delta of [1, -1]) {
                    const next = value + delta;
                    add(node.getStart(source), node.getEnd(), String(next), `${node.getText(source)} → ${next}`);
                }
            }
        }
        else if (ts.isReturnStatement(node) && node.expression) {
            const expression = node.expression;
            if (expression.kind !== ts.SyntaxKind.UndefinedKeyword &&
                !(ts.isIdentifier(expression) && expression.text === 'undefined')) {
                host = expression;
                add(expression.getStart(source), expression.getEnd(), typed ? '(undefined as any)' : 'undefined', 'return value → undefined');
            }
        }
        else if (ts.isExpressionStatement(node) &&
            ts.isCallExpression(node.expression) &&
            node.expression.expression.kind !== ts.SyntaxKind.SuperKeyword) {
            host = node.expression;
            add(node.expression.getStart(source), node.expression.getEnd(), 'void 0', 'removed call');
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return mutants;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/generate/python-scripts.ts
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
const PYTEST_PLUGIN = String.raw `
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
`;
/**
 * Static analysis of Python files with the standard `ast` module. Reads a JSON request on stdin:
 * `{"op": "parse"|"symbols"|"assertions"|"mutants"|"signatures", "file": "...", ...}`.
 */
const PYTHON_ANALYZER = String.raw `
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
`;

;// CONCATENATED MODULE: ./src/generate/python.ts



/** Writes the embedded Python helpers into `dir` (once) and returns their folder. */
function pythonHelpers(dir) {
    const folder = (0,external_node_path_.join)(dir, 'py');
    const analyzer = (0,external_node_path_.join)(folder, 'ci_medic_analyze.py');
    const plugin = (0,external_node_path_.join)(folder, 'ci_medic_pytest.py');
    if (!(0,external_node_fs_.existsSync)(analyzer) || !(0,external_node_fs_.existsSync)(plugin)) {
        (0,external_node_fs_.mkdirSync)(folder, { recursive: true });
        (0,external_node_fs_.writeFileSync)(analyzer, PYTHON_ANALYZER);
        (0,external_node_fs_.writeFileSync)(plugin, PYTEST_PLUGIN);
    }
    return { folder, analyzer, pluginName: 'ci_medic_pytest' };
}
function pythonCommand(env = process.env) {
    return env.CI_MEDIC_PYTHON || 'python3';
}
/** Runs the analyzer on one file; throws when Python itself cannot run. */
async function analyzePython(exec, workDir, request) {
    const { analyzer } = pythonHelpers(workDir);
    const result = await exec(pythonCommand(), [analyzer], {
        cwd: workDir,
        input: JSON.stringify(request),
        timeoutMs: 60_000,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }
    });
    if (result.exitCode !== 0) {
        throw new Error(`python analysis (${request.op}) failed: ${result.stderr.trim().slice(-500)}`);
    }
    return JSON.parse(result.stdout);
}

;// CONCATENATED MODULE: ./src/generate/analysis.ts
/** One face for the language-specific analyses (JavaScript/TypeScript in-process, Python through python3). */



function stemOf(path) {
    return (0,external_node_path_.basename)(path).replace(/\.[^.]+$/, '');
}
function offsetOf(content, line, col) {
    let offset = 0;
    for (let n = 1; n < line; n++) {
        const next = content.indexOf('\n', offset);
        if (next < 0)
            return content.length;
        offset = next + 1;
    }
    return offset + col;
}
/** Numbers mutants in a stable order (file, position, replacement) so ids mean the same across runs. */
function numberMutants(mutants) {
    return [...mutants]
        .sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start || a.replacement.localeCompare(b.replacement))
        .map((m, i) => ({ ...m, id: `m${i + 1}` }));
}
function createAnalyzer(options) {
    const isPython = (path) => path.endsWith('.py');
    const withFile = async (path, content, request) => {
        const { mkdtempSync, writeFileSync, rmSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
        const { join } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 76760, 23));
        const dir = mkdtempSync(join(options.scratchDir, 'ast-'));
        try {
            const file = join(dir, (0,external_node_path_.basename)(path));
            writeFileSync(file, content);
            const result = await analyzePython(options.exec, options.scratchDir, {
                op: String(request.op),
                ...request,
                file
            });
            return result;
        }
        finally {
            rmSync(dir, { recursive: true, force: true });
        }
    };
    return {
        async outline(path, content) {
            if (!isPython(path))
                return outlineModule(path, content);
            const result = await withFile(path, content, { op: 'symbols' });
            if (!result.ok)
                return { symbols: [], imports: [] };
            return {
                symbols: (result.symbols ?? []).map(s => ({ ...s, exported: !s.name.startsWith('_') })),
                imports: (result.imports ?? []).map(i => ({
                    specifier: `${'.'.repeat(i.level)}${i.module}`,
                    names: i.names
                }))
            };
        },
        async assertions(testPath, content, sourcePath) {
            if (!isPython(testPath))
                return analyseJsAssertions(testPath, content, stemOf(sourcePath));
            const result = await withFile(testPath, content, {
                op: 'assertions',
                modules: [stemOf(sourcePath)]
            });
            if (!result.ok)
                return { syntaxError: result.error ?? 'does not parse', tests: [] };
            return { tests: result.tests ?? [] };
        },
        async mutants(path, content, lines) {
            if (!isPython(path))
                return numberMutants(await jsMutants(path, content, lines));
            const result = await withFile(path, content, { op: 'mutants', lines: [...lines] });
            if (!result.ok)
                return [];
            return numberMutants((result.mutants ?? []).map(m => ({
                file: path,
                line: m.line,
                start: offsetOf(content, m.line, m.col),
                end: offsetOf(content, m.endLine, m.endCol),
                replacement: m.replacement,
                description: m.description,
                hostStart: offsetOf(content, m.host[0], m.host[1]),
                hostEnd: offsetOf(content, m.host[2], m.host[3])
            })));
        }
    };
}
function applyMutant(content, mutant) {
    return content.slice(0, mutant.start) + mutant.replacement + content.slice(mutant.end);
}

;// CONCATENATED MODULE: ./src/generate/schemata.ts
const JS_SWITCH = 'Reflect.get(globalThis, "__ciMedicMutant")';
const JS_GLOBAL = '__ciMedicMutant';
const PY_SWITCH = '__import__("os").environ.get("CI_MEDIC_MUTANT")';
const PY_VARIABLE = 'CI_MEDIC_MUTANT';
/** The file with every mutant behind its switch, and the mutants that could be placed. */
function buildSchemata(content, mutants, language) {
    const groups = new Map();
    for (const mutant of mutants) {
        const start = mutant.hostStart ?? mutant.start;
        const end = mutant.hostEnd ?? mutant.end;
        if (mutant.start < start || mutant.end > end)
            continue;
        const key = `${start}:${end}`;
        const host = groups.get(key) ?? { start, end, mutants: [], children: [] };
        host.mutants.push(mutant);
        groups.set(key, host);
    }
    const sorted = [...groups.values()].sort((a, b) => a.start - b.start || b.end - a.end);
    const roots = [];
    const stack = [];
    const included = [];
    for (const host of sorted) {
        while (stack.length && stack[stack.length - 1].end <= host.start)
            stack.pop();
        const parent = stack[stack.length - 1];
        if (parent && host.end > parent.end)
            continue // overlaps without nesting: leave these mutants out
            ;
        (parent ? parent.children : roots).push(host);
        stack.push(host);
        included.push(...host.mutants);
    }
    const renderRange = (start, end, children) => {
        let out = '';
        let cursor = start;
        for (const child of children) {
            out += content.slice(cursor, child.start) + renderHost(child);
            cursor = child.end;
        }
        return out + content.slice(cursor, end);
    };
    const renderHost = (host) => {
        const original = content.slice(host.start, host.end);
        const inner = renderRange(host.start, host.end, host.children);
        const alternatives = host.mutants.map(m => ({
            id: m.id,
            text: original.slice(0, m.start - host.start) + m.replacement + original.slice(m.end - host.start)
        }));
        if (language === 'js') {
            return `(${alternatives.map(a => `${JS_SWITCH} === ${JSON.stringify(a.id)} ? (${a.text}) : `).join('')}(${inner}))`;
        }
        return `(${alternatives.map(a => `(${a.text}) if ${PY_SWITCH} == ${JSON.stringify(a.id)} else `).join('')}(${inner}))`;
    };
    return { text: renderRange(0, content.length, roots), included };
}
/** Where the wrapper that runs `testFile` under one mutant goes (same folder, same naming pattern). */
function wrapperPath(testFile, mutant) {
    const tag = `.cimedic-${mutant}`;
    if (/\.(test|spec)\.[^./]+$/.test(testFile))
        return testFile.replace(/(\.(test|spec)\.[^./]+)$/, `${tag}$1`);
    return testFile.replace(/(\.[^./]+)$/, `${tag}$1`);
}

;// CONCATENATED MODULE: ./src/generate/types.ts
/** Shared shapes of the test generator: gaps, candidates, filter verdicts. */
const FILTERS = [
    'new-file',
    'builds',
    'passes',
    'asserts',
    'covers',
    'kills-mutants',
    'adds-value'
];

;// CONCATENATED MODULE: ./src/generate/filters.ts
/**
 * The filters a candidate test must pass to be kept, in order: a new file; parses and builds; passes
 * in isolation N times and once inside the suite; holds a real assertion on the code under test;
 * executes changed lines the existing tests do not; kills a mutant of the changed lines that the
 * existing tests let live; adds lines or kills beyond the other survivors (greedy set cover).
 *
 * Every stage works over ports (a test runner, an analyzer, a file store), so it runs the same on a
 * real repository and in tests. Runs are batched: one process for many candidates where the
 * framework isolates test files from each other.
 */



function newMutantLedger() {
    return { bySource: new Map(), killedByExisting: new Map() };
}
function verdict(filter, status, detail) {
    return { filter, status, detail };
}
function firstLine(text, max = 300) {
    const line = (text ?? '')
        .split('\n')
        .map(l => l.trim())
        .find(l => l.length > 0 && !/^[●✕×]/.test(l));
    const value = line ?? '';
    return value.length > max ? `${value.slice(0, max)}…` : value;
}
function failureSummary(text) {
    const lines = (text ?? '')
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const useful = lines.find(l => /(expected|received|assert|error|exception|toBe|toEqual)/i.test(l)) ?? lines[0] ?? '';
    return useful.length > 300 ? `${useful.slice(0, 300)}…` : useful;
}
function toRange(lines) {
    const sorted = [...lines].sort((a, b) => a - b);
    const parts = [];
    for (let i = 0; i < sorted.length;) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1)
            j++;
        parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
        i = j + 1;
    }
    return parts.join(',');
}

/**
 * Runs each item's candidate `repeat` times in isolation. Frameworks that isolate files batch all
 * candidates into one process per repetition; the others use forked runs in one process when the
 * runner offers them (pytest), else one process per candidate and repetition, two at a time.
 */
async function runAll(env, items, repeat, build, onResult) {
    const now = env.now ?? Date.now;
    if (items.length === 0)
        return;
    if (!env.runner.isolatesFiles && env.runner.runMany) {
        const runs = Array.from({ length: repeat }, (_, rep) => items.map((item, index) => ({ label: `${rep}:${index}`, files: build([item]).files }))).flat();
        const started = now();
        const outcomes = await env.runner.runMany(runs, {
            coverageOf: build(items).coverageOf,
            timeoutMs: env.runTimeoutMs
        });
        const share = (now() - started) / items.length;
        for (const item of items)
            item.ms += share;
        for (let rep = 0; rep < repeat; rep++) {
            items.forEach((item, index) => {
                const outcome = outcomes.get(`${rep}:${index}`);
                if (outcome)
                    onResult(item, outcome);
            });
        }
        return;
    }
    for (let rep = 0; rep < repeat; rep++) {
        const batches = env.runner.isolatesFiles ? [items] : items.map(item => [item]);
        const runBatch = async (batch) => {
            const started = now();
            const outcome = await env.runner.run({ timeoutMs: env.runTimeoutMs, ...build(batch) });
            const share = (now() - started) / batch.length;
            for (const item of batch) {
                item.ms += share;
                onResult(item, outcome);
            }
        };
        const queue = [...batches];
        const workers = Array.from({ length: env.runner.isolatesFiles ? 1 : 2 }, async () => {
            for (let batch = queue.shift(); batch; batch = queue.shift())
                await runBatch(batch);
        });
        await Promise.all(workers);
    }
}
function reject(env, item, filter, detail) {
    item.verdicts.push(verdict(filter, 'fail', detail));
    item.failed = true;
    if (item.written) {
        env.files.remove(item.candidate.path);
        item.written = false;
    }
}
/**
 * Runs filters `new-file` … `kills-mutants` on a batch of candidates. Candidates that pass stay
 * written in the working tree (the caller restores it); rejected ones are removed at once.
 */
async function filters_filterCandidates(env, candidates) {
    const now = env.now ?? Date.now;
    const items = candidates.map(candidate => ({
        candidate,
        verdicts: [],
        failed: false,
        written: false,
        runsPassed: 0,
        runsTotal: 0,
        covered: new Set(),
        newLines: [],
        killed: [],
        ms: 0
    }));
    const alive = () => items.filter(i => !i.failed);
    /** The last failure message of each candidate, for the report and the repair prompt. */
    const lastMessages = new Map();
    const stopIfOutOfTime = () => {
        const reason = env.shouldStop?.();
        if (!reason)
            return false;
        for (const item of alive())
            reject(env, item, FILTERS[item.verdicts.length] ?? 'kills-mutants', reason);
        return true;
    };
    // 1. A new file, at a path the generator may write.
    for (const item of items) {
        const started = now();
        const refusal = env.pathRefusal(item.candidate.path);
        if (refusal)
            reject(env, item, 'new-file', refusal);
        else
            item.verdicts.push(verdict('new-file', 'pass', item.candidate.path));
        item.ms += now() - started;
    }
    // 2. Parses, then loads in the test runner (the first isolation run tells).
    for (const item of alive()) {
        const started = now();
        const problem = await env.syntaxProblem(item.candidate.path, item.candidate.content);
        item.ms += now() - started;
        if (problem) {
            reject(env, item, 'builds', `does not parse: ${problem}`);
        }
        else {
            env.files.write(item.candidate.path, item.candidate.content);
            item.written = true;
        }
    }
    if (stopIfOutOfTime())
        return finish(items);
    env.onProgress?.(`isolation run 1 of ${env.isolationRuns} (with coverage) for ${alive().length} candidate(s)`);
    const sources = [...env.changed.keys()];
    // Where coverage costs a process per file (vitest), it is measured later, for the survivors only.
    const coverageNow = env.runner.batchesCoverage;
    const recordCoverage = (item, outcome) => {
        if (outcome.executable)
            env.onExecutable?.(outcome.executable);
        const lines = outcome.coverageByTest?.get(item.candidate.path)?.get(item.candidate.target);
        for (const line of lines ?? [])
            item.covered.add(line);
    };
    await runAll(env, alive(), 1, batch => ({ files: batch.map(i => i.candidate.path), coverageOf: coverageNow ? sources : undefined }), (item, outcome) => {
        const run = outcome.files.get(item.candidate.path);
        if (!run || (run.status === 'errored' && run.tests === 0)) {
            reject(env, item, 'builds', `does not load: ${failureSummary(run?.message ?? outcome.output)}`);
            return;
        }
        item.verdicts.push(verdict('builds', 'pass', `${run.tests} test(s) collected`));
        item.runsTotal++;
        if (run.status === 'passed')
            item.runsPassed++;
        else if (run.message)
            lastMessages.set(item, run.message);
        recordCoverage(item, outcome);
    });
    // 3. Passes every isolation run, then once inside the suite.
    if (stopIfOutOfTime())
        return finish(items);
    env.onProgress?.(`isolation runs 2 to ${env.isolationRuns}`);
    await runAll(env, alive(), env.isolationRuns - 1, batch => ({ files: batch.map(i => i.candidate.path) }), (item, outcome) => {
        item.runsTotal++;
        const run = outcome.files.get(item.candidate.path);
        if (run?.status === 'passed')
            item.runsPassed++;
        else
            lastMessages.set(item, run?.message ?? outcome.output);
    });
    for (const item of alive()) {
        if (item.runsPassed < item.runsTotal) {
            const failedRuns = item.runsTotal - item.runsPassed;
            const why = failedRuns === item.runsTotal
                ? `fails in isolation (${failedRuns} of ${item.runsTotal} runs)`
                : `flaky: fails ${failedRuns} of ${item.runsTotal} isolation runs`;
            const message = lastMessages.get(item);
            reject(env, item, 'passes', message ? `${why}: ${failureSummary(message)}` : why);
        }
    }
    if (stopIfOutOfTime())
        return finish(items);
    if (alive().length > 0) {
        env.onProgress?.(`suite run with ${env.existingTests.length} existing test file(s)`);
        const suite = alive();
        const started = now();
        const outcome = await env.runner.run({
            files: [...env.existingTests, ...suite.map(i => i.candidate.path)],
            timeoutMs: env.runTimeoutMs
        });
        const share = (now() - started) / suite.length;
        for (const item of suite) {
            item.ms += share;
            item.runsTotal++;
            const run = outcome.files.get(item.candidate.path);
            if (run?.status === 'passed') {
                item.runsPassed++;
                item.verdicts.push(verdict('passes', 'pass', `${item.runsPassed} of ${item.runsTotal} runs passed`));
            }
            else {
                lastMessages.set(item, run?.message ?? outcome.output);
                reject(env, item, 'passes', `passes alone ${env.isolationRuns} times but fails inside the suite (order-dependent): ${failureSummary(run?.message ?? outcome.output)}`);
            }
        }
    }
    // 4. At least one real assertion on the code under test, in every test case.
    for (const item of alive()) {
        const started = now();
        const analysis = await env.analyzer.assertions(item.candidate.path, item.candidate.content, item.candidate.target);
        item.ms += now() - started;
        const weak = analysis.tests.filter(t => !t.real);
        if (analysis.syntaxError)
            reject(env, item, 'asserts', `cannot analyse: ${analysis.syntaxError}`);
        else if (analysis.tests.length === 0)
            reject(env, item, 'asserts', 'no test case found');
        else if (weak.length > 0)
            reject(env, item, 'asserts', `no real assertion on ${item.candidate.target} in: ${weak.map(t => `"${firstLine(t.name, 80)}" (line ${t.line})`).join(', ')} — asserting only that it is defined or does not throw proves nothing`);
        else
            item.verdicts.push(verdict('asserts', 'pass', `${analysis.tests.length} test(s), each with a real assertion`));
    }
    // 5. Executes changed lines the existing tests do not.
    if (!coverageNow && alive().length > 0) {
        env.onProgress?.(`coverage of ${alive().length} candidate(s)`);
        await runAll(env, alive(), 1, batch => ({ files: batch.map(i => i.candidate.path), coverageOf: sources }), recordCoverage);
    }
    for (const item of alive()) {
        const changed = env.changed.get(item.candidate.target) ?? new Set();
        const before = env.baseline.get(item.candidate.target) ?? new Set();
        item.newLines = [...item.covered].filter(l => changed.has(l) && !before.has(l)).sort((a, b) => a - b);
        if (item.newLines.length === 0) {
            const touched = [...item.covered].filter(l => changed.has(l));
            reject(env, item, 'covers', touched.length
                ? `executes changed lines ${toRange(touched)} that the existing tests already execute; nothing new`
                : 'executes none of the changed lines');
        }
        else {
            item.verdicts.push(verdict('covers', 'pass', `newly covers line(s) ${toRange(item.newLines)}`));
        }
    }
    if (stopIfOutOfTime())
        return finish(items);
    // 6. Kills a mutant of the changed lines that the existing tests let live.
    await mutationFilter(env, alive());
    return finish(items);
    function finish(list) {
        return list.map(item => ({
            candidate: item.candidate,
            verdicts: completeVerdicts(item.verdicts),
            kept: false,
            newLines: item.newLines,
            killedMutants: item.killed,
            runsPassed: item.runsPassed,
            runsTotal: item.runsTotal,
            filterMs: Math.round(item.ms),
            failureMessage: lastMessages.get(item)
        }));
    }
}
function completeVerdicts(verdicts) {
    const result = [...verdicts];
    for (const filter of FILTERS) {
        if (!result.some(v => v.filter === filter))
            result.push(verdict(filter, 'skipped', ''));
    }
    return result;
}
async function mutationFilter(env, items) {
    if (items.length === 0)
        return;
    const now = env.now ?? Date.now;
    const byLine = new Map();
    for (const item of items) {
        const lines = byLine.get(item.candidate.target) ?? new Set();
        for (const line of item.covered)
            lines.add(line);
        byLine.set(item.candidate.target, lines);
    }
    const jobs = [];
    for (const [source, coveredLines] of byLine) {
        const original = env.files.read(source);
        let mutants = env.mutants.bySource.get(source);
        if (!mutants) {
            const offset = [...env.mutants.bySource.values()].reduce((n, list) => n + list.length, 0);
            mutants = (await env.analyzer.mutants(source, original, env.changed.get(source) ?? new Set())).map((m, i) => ({ ...m, id: `m${offset + i + 1}` }));
            env.mutants.bySource.set(source, mutants);
        }
        for (const mutant of mutants) {
            if (!coveredLines.has(mutant.line))
                continue;
            const known = env.mutants.killedByExisting.get(mutant.id);
            if (known === true)
                continue;
            const covering = items.filter(i => i.candidate.target === source && i.covered.has(mutant.line));
            const files = [
                ...(known === undefined ? env.existingTests : []),
                ...covering.map(i => i.candidate.path)
            ];
            jobs.push({ mutant, original, covering, known, files });
        }
    }
    env.onProgress?.(`mutation: ${jobs.length} mutant(s) of the changed lines the candidates execute`);
    const timeoutMs = Math.max(env.runTimeoutMs / 4, 15_000);
    const results = new Map();
    // All mutants of a file in one process where the runner can (mutant schemata), else one run each.
    if (env.runner.runMutants && jobs.length > 1) {
        const started = now();
        const bySource = new Map();
        for (const job of jobs)
            bySource.set(job.mutant.file, [...(bySource.get(job.mutant.file) ?? []), job]);
        const planned = [];
        const originals = new Map();
        try {
            for (const [source, list] of bySource) {
                const original = list[0].original;
                const schemata = buildSchemata(original, list.map(j => j.mutant), source.endsWith('.py') ? 'py' : 'js');
                if (await env.syntaxProblem(source, schemata.text))
                    continue;
                const included = new Set(schemata.included.map(m => m.id));
                originals.set(source, original);
                env.files.write(source, schemata.text);
                planned.push(...list.filter(j => included.has(j.mutant.id)));
            }
            if (planned.length > 0) {
                const batch = await env.runner.runMutants(planned.map(j => ({ mutant: j.mutant.id, files: j.files })), Math.max(timeoutMs * 2, env.runTimeoutMs));
                for (const [id, files] of batch ?? [])
                    results.set(id, { files, timedOut: [...files.values()].some(f => f.message === 'timed out') });
            }
        }
        finally {
            for (const [source, original] of originals)
                env.files.write(source, original);
        }
        const involved = new Set(planned.flatMap(j => j.covering));
        for (const item of involved)
            item.ms += (now() - started) / involved.size;
    }
    for (const job of jobs) {
        if (results.has(job.mutant.id))
            continue;
        const started = now();
        env.files.write(job.mutant.file, applyMutant(job.original, job.mutant));
        try {
            const outcome = await env.runner.run({ files: job.files, timeoutMs });
            results.set(job.mutant.id, { files: outcome.files, timedOut: outcome.timedOut });
        }
        finally {
            env.files.write(job.mutant.file, job.original);
        }
        for (const item of job.covering)
            item.ms += (now() - started) / job.covering.length;
    }
    const considered = new Map();
    for (const job of jobs) {
        const result = results.get(job.mutant.id);
        if (result.timedOut) {
            // A mutant that hangs the run cannot be attributed; it proves nothing either way.
            env.mutants.killedByExisting.set(job.mutant.id, true);
            continue;
        }
        if (job.known === undefined) {
            const killedByExisting = env.existingTests.some(t => result.files.get(t)?.status !== 'passed');
            env.mutants.killedByExisting.set(job.mutant.id, killedByExisting);
            if (killedByExisting)
                continue;
        }
        for (const item of job.covering) {
            considered.set(item, (considered.get(item) ?? 0) + 1);
            if (result.files.get(item.candidate.path)?.status !== 'passed')
                item.killed.push(job.mutant.id);
        }
    }
    const describe = (id) => {
        const m = [...env.mutants.bySource.values()].flat().find(x => x.id === id);
        return m ? `${m.id} (line ${m.line}: ${m.description})` : id;
    };
    for (const item of items) {
        if (item.killed.length > 0) {
            item.verdicts.push(verdict('kills-mutants', 'pass', `kills ${item.killed.length} mutant(s) the existing tests let live: ${item.killed.map(describe).join(', ')}`));
        }
        else {
            const count = considered.get(item) ?? 0;
            reject(env, item, 'kills-mutants', count > 0
                ? `survives all ${count} mutant(s) of the lines it executes that the existing tests let live: its assertions do not depend on the changed logic`
                : 'no mutant of the lines it executes survives the existing tests; it adds no fault detection');
        }
    }
}
/**
 * Among candidates that passed every filter, keeps a smallest set that covers all their new lines
 * and kills (greedy set cover); the others get an `adds-value` rejection naming what covers them.
 */
function filters_selectValuable(outcomes) {
    const survivors = outcomes.filter(o => o.verdicts.every(v => v.status === 'pass' || v.filter === 'adds-value'));
    const elements = (o) => [
        ...o.newLines.map(l => `${o.candidate.target}:${l}`),
        ...o.killedMutants
    ];
    const coveredBy = new Set();
    const kept = [];
    const remaining = [...survivors];
    while (remaining.length > 0) {
        remaining.sort((a, b) => {
            const gain = (o) => elements(o).filter(e => !coveredBy.has(e)).length;
            return gain(b) - gain(a) || a.filterMs - b.filterMs || a.candidate.id.localeCompare(b.candidate.id);
        });
        const best = remaining.shift();
        const gain = elements(best).filter(e => !coveredBy.has(e));
        if (gain.length === 0) {
            remaining.unshift(best);
            break;
        }
        for (const e of gain)
            coveredBy.add(e);
        kept.push(best);
    }
    return outcomes.map(o => {
        if (!survivors.includes(o))
            return o;
        const isKept = kept.includes(o);
        const others = kept.filter(k => k !== o).map(k => k.candidate.id);
        const verdicts = o.verdicts.map(v => v.filter !== 'adds-value'
            ? v
            : isKept
                ? verdict('adds-value', 'pass', `${elements(o).length} line(s) and kill(s)`)
                : verdict('adds-value', 'fail', `adds no line or mutant kill beyond ${others.join(', ') || 'the kept tests'}`));
        return { ...o, verdicts, kept: isKept };
    });
}

// EXTERNAL MODULE: ./src/agent/workspace.ts
var agent_workspace = __webpack_require__(27724);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/generate/frameworks.ts




const JS_TEST = /(\.(test|spec)\.[cm]?[jt]sx?$)|((^|\/)__tests__\/.*\.[cm]?[jt]sx?$)/;
const PY_TEST = /(^|\/)(test_[^/]*|[^/]*_test)\.py$/;
const JS_SOURCE = /\.[cm]?[jt]sx?$/;
function isTestFile(path) {
    return JS_TEST.test(path) || PY_TEST.test(path);
}
function isSourceFile(path) {
    if (isTestFile(path) || /(^|\/)(node_modules|dist|build|coverage|__fixtures__|fixtures)\//.test(path))
        return false;
    if (/\.d\.[cm]?ts$/.test(path) || /(^|\/)(jest|vitest|vite|babel|eslint|prettier)\.config\./.test(path))
        return false;
    if (/(^|\/)conftest\.py$|(^|\/)setup\.py$/.test(path))
        return false;
    return JS_SOURCE.test(path) || path.endsWith('.py');
}
function readJson(path) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** The framework that runs tests for `sourceFile`, from the repository's manifest and config files. */
function detectFramework(repoDir, sourceFile) {
    if (sourceFile.endsWith('.py'))
        return 'pytest';
    const pkg = readJson((0,external_node_path_.join)(repoDir, 'package.json'));
    const deps = { ...pkg?.dependencies, ...pkg?.devDependencies };
    const script = String(pkg?.scripts?.test ?? '');
    const has = (stem) => ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].some(ext => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(repoDir, `${stem}.${ext}`)));
    if (/\bvitest\b/.test(script) || has('vitest.config') || (deps.vitest && !/\bjest\b/.test(script)))
        return 'vitest';
    if (/\bjest\b/.test(script) || has('jest.config') || pkg?.jest || deps.jest || deps['ts-jest'])
        return 'jest';
    return undefined;
}
/**
 * Where a candidate for `sourceFile` goes. Convention (docs/generate.md): beside the nearest existing
 * test, `<stem>.generated.test.<ext>` (`.spec.` when the example uses it) for JavaScript and
 * TypeScript, `test_<stem>_generated.py` for pytest; `-2`, `-3`… (`_2`…) when the name is taken.
 */
function generatedTestPath(framework, sourceFile, exampleTest, taken) {
    const dir = external_node_path_.posix.dirname(exampleTest ?? sourceFile);
    const stem = (0,external_node_path_.basename)(sourceFile).replace(/\.[^.]+$/, '');
    const join2 = (name) => (dir === '.' ? name : `${dir}/${name}`);
    for (let n = 1; n < 100; n++) {
        let name;
        if (framework === 'pytest') {
            name = `test_${stem}_generated${n > 1 ? `_${n}` : ''}.py`;
        }
        else {
            const kind = exampleTest && /\.spec\./.test(exampleTest) ? 'spec' : 'test';
            const ext = (exampleTest ? (0,external_node_path_.extname)(exampleTest) : (0,external_node_path_.extname)(sourceFile)) || '.js';
            name = `${stem}.generated${n > 1 ? `-${n}` : ''}.${kind}${ext}`;
        }
        const path = join2(name);
        if (!taken(path))
            return path;
    }
    throw new Error(`no free test file name for ${sourceFile}`);
}
/** Finds `node_modules/<pkg>/<file>` from `dir` upwards. */
function findPackageFile(dir, pkg, file) {
    let current = (0,external_node_path_.resolve)(dir);
    for (;;) {
        const candidate = (0,external_node_path_.join)(current, 'node_modules', pkg, file);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        const parent = (0,external_node_path_.dirname)(current);
        if (parent === current)
            return undefined;
        current = parent;
    }
}
function toRelative(repoDir, path) {
    let absolute = path;
    try {
        absolute = (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        // a file that is gone keeps its given path
    }
    return (0,external_node_path_.relative)(repoDir, absolute).split(external_node_path_.sep).join('/');
}
/** Executed and executable lines from istanbul JSON (jest, vitest with v8, c8), relative to the repo. */
function istanbulLines(repoDir, data) {
    const covered = new Map();
    const executable = new Map();
    for (const [key, value] of Object.entries(data)) {
        const file = 'data' in value ? value.data : value;
        const rel = toRelative(repoDir, file.path ?? key);
        const hit = new Set();
        const all = new Set();
        for (const [id, location] of Object.entries(file.statementMap)) {
            all.add(location.start.line);
            if ((file.s[id] ?? 0) > 0)
                hit.add(location.start.line);
        }
        covered.set(rel, hit);
        executable.set(rel, all);
    }
    return { covered, executable };
}
function mergeLines(into, from) {
    for (const [file, lines] of from) {
        const target = into.get(file) ?? new Set();
        for (const line of lines)
            target.add(line);
        into.set(file, target);
    }
}
const JEST_REPORTER = `
const fs = require('node:fs')
const path = require('node:path')
function load(name) {
  const paths = [process.cwd()]
  try {
    paths.push(path.dirname(require.resolve('@jest/reporters', { paths: [process.cwd()] })))
  } catch {}
  return require(require.resolve(name, { paths }))
}
class CiMedicGenerateReporter {
  constructor() {
    this.entries = []
  }
  onTestResult(_test, result) {
    const failed = result.numFailingTests
    const errored = Boolean(result.testExecError) || (failed === 0 && Boolean(result.failureMessage))
    this.entries.push({
      file: result.testFilePath,
      status: errored ? 'errored' : failed > 0 ? 'failed' : 'passed',
      tests: result.numPassingTests + failed,
      message: (result.failureMessage || (result.testExecError && result.testExecError.message) || '').slice(-4000),
      // A copy: jest's coverage reporter merges later files into the objects it received first.
      coverage: result.coverage ? JSON.parse(JSON.stringify(result.coverage)) : null
    })
  }
  async onRunComplete() {
    let lines = ''
    for (const entry of this.entries) {
      if (entry.coverage) {
        // Instrumented code is transformed code: map it back to the source lines as jest's own reporter does.
        const map = load('istanbul-lib-coverage').createCoverageMap(entry.coverage)
        const store = load('istanbul-lib-source-maps').createSourceMapStore()
        entry.coverage = (await store.transformCoverage(map)).toJSON()
      }
      lines += JSON.stringify(entry) + '\\n'
    }
    fs.writeFileSync(process.env.CI_MEDIC_JEST_OUT, lines)
  }
}
module.exports = CiMedicGenerateReporter
`;
const NODE_ENV = { CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' };
function tail(text, max = 4000) {
    return text.length > max ? text.slice(text.length - max) : text;
}
function missingAsErrored(files, seen, output, timedOut) {
    for (const file of files) {
        if (!seen.has(file)) {
            seen.set(file, {
                file,
                status: 'errored',
                tests: 0,
                message: timedOut
                    ? 'the test run timed out'
                    : `no result for this file; output: ${tail(output, 1500)}`
            });
        }
    }
}
class BaseRunner {
    options;
    repoDir;
    constructor(options) {
        this.options = options;
        this.repoDir = (0,external_node_fs_.realpathSync)(options.repoDir);
        (0,external_node_fs_.mkdirSync)(options.scratchDir, { recursive: true });
    }
    scratch() {
        return (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(this.options.scratchDir, `${this.framework}-`));
    }
    env(extra) {
        return { ...(this.options.env ?? process.env), ...NODE_ENV, ...extra };
    }
    timeout(request) {
        return request.timeoutMs ?? this.options.defaultTimeoutMs ?? 120_000;
    }
    /** The wrapper file that runs `testFile` with `mutant` switched on, or undefined when not possible. */
    wrapperContent(_testFile, _mutant) {
        return undefined;
    }
    /** Mutant schemata in one process: a wrapper test file per (mutant, test file) sets the switch, then loads the test. */
    async runMutants(plan, timeoutMs) {
        const wrappers = new Map();
        try {
            for (const { mutant, files } of plan) {
                for (const file of files) {
                    const content = this.wrapperContent(file, mutant);
                    if (content === undefined)
                        return undefined;
                    const path = wrapperPath(file, mutant);
                    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(this.repoDir, path), content);
                    wrappers.set(path, { mutant, file });
                }
            }
            const outcome = await this.run({ files: [...wrappers.keys()], timeoutMs });
            if (outcome.timedOut)
                return undefined;
            const results = new Map();
            for (const [path, { mutant, file }] of wrappers) {
                const run = outcome.files.get(path);
                const perMutant = results.get(mutant) ?? new Map();
                perMutant.set(file, run ? { ...run, file } : { file, status: 'errored', tests: 0 });
                results.set(mutant, perMutant);
            }
            return results;
        }
        finally {
            for (const path of wrappers.keys())
                (0,external_node_fs_.rmSync)((0,external_node_path_.join)(this.repoDir, path), { force: true });
        }
    }
}
function isEsmTest(repoDir, testFile) {
    if (/\.m[jt]s$/.test(testFile))
        return true;
    if (/\.c[jt]s$/.test(testFile))
        return false;
    const pkg = readJson((0,external_node_path_.join)(repoDir, 'package.json'));
    return pkg?.type === 'module';
}
const SET_SWITCH = (mutant) => `Reflect.set(globalThis, ${JSON.stringify(JS_GLOBAL)}, ${JSON.stringify(mutant)})\n`;
class JestRunner extends BaseRunner {
    framework = 'jest';
    isolatesFiles = true;
    batchesCoverage = true;
    wrapperContent(testFile, mutant) {
        // ESM test files run under jest's experimental VM modules; mutants then run one process each.
        if (!/\.[cm]?tsx?$/.test(testFile) && isEsmTest(this.repoDir, testFile))
            return undefined;
        const name = `./${(0,external_node_path_.basename)(testFile)}`;
        return `${SET_SWITCH(mutant)}require(${JSON.stringify(/\.[cm]?tsx?$/.test(testFile) ? name.replace(/\.[cm]?tsx?$/, '') : name)})\n`;
    }
    async run(request) {
        const bin = findPackageFile(this.repoDir, 'jest', 'bin/jest.js');
        if (!bin)
            throw new Error('jest is not installed in this repository (node_modules/jest not found)');
        const dir = this.scratch();
        try {
            const out = (0,external_node_path_.join)(dir, 'results.ndjson');
            const reporter = (0,external_node_path_.join)(dir, 'reporter.cjs');
            (0,external_node_fs_.writeFileSync)(reporter, JEST_REPORTER);
            (0,external_node_fs_.writeFileSync)(out, '');
            const args = [bin, '--ci', '--watchman=false', `--reporters=${reporter}`, '--runTestsByPath'];
            if (request.coverageOf?.length) {
                args.push('--coverage', '--coverageReporters=json', `--coverageDirectory=${(0,external_node_path_.join)(dir, 'coverage')}`);
                for (const file of request.coverageOf)
                    args.push(`--collectCoverageFrom=${file}`);
            }
            else {
                args.push('--coverage=false');
            }
            args.push(...request.files.map(f => (0,external_node_path_.join)(this.repoDir, f)));
            const result = await this.options.exec('node', args, {
                cwd: this.repoDir,
                env: this.env({ CI_MEDIC_JEST_OUT: out }),
                timeoutMs: this.timeout(request)
            });
            const files = new Map();
            const coverageByTest = new Map();
            const executable = new Map();
            for (const line of (0,external_node_fs_.readFileSync)(out, 'utf8').split('\n').filter(Boolean)) {
                const entry = JSON.parse(line);
                const file = toRelative(this.repoDir, entry.file);
                files.set(file, {
                    file,
                    status: entry.status,
                    tests: entry.tests,
                    message: entry.message || undefined
                });
                if (request.coverageOf?.length) {
                    const lines = entry.coverage ? istanbulLines(this.repoDir, entry.coverage) : undefined;
                    coverageByTest.set(file, lines?.covered ?? new Map());
                    if (lines)
                        mergeLines(executable, lines.executable);
                }
            }
            const output = tail(result.stderr + result.stdout);
            missingAsErrored(request.files, files, output, result.timedOut);
            return {
                files,
                coverageByTest: request.coverageOf?.length ? coverageByTest : undefined,
                executable: request.coverageOf?.length ? executable : undefined,
                timedOut: result.timedOut,
                durationMs: result.durationMs,
                output
            };
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
    }
}
class VitestRunner extends BaseRunner {
    framework = 'vitest';
    isolatesFiles = true;
    batchesCoverage = false;
    wrapperContent(testFile, mutant) {
        return `${SET_SWITCH(mutant)}await import(${JSON.stringify(`./${(0,external_node_path_.basename)(testFile)}`)})\n`;
    }
    async run(request) {
        // Vitest merges coverage across the files of one run, so per-file coverage takes one run per file.
        if (request.coverageOf?.length && request.files.length > 1) {
            const merged = {
                files: new Map(),
                coverageByTest: new Map(),
                executable: new Map(),
                timedOut: false,
                durationMs: 0,
                output: ''
            };
            for (const file of request.files) {
                const one = await this.runOnce({ ...request, files: [file] });
                for (const [k, v] of one.files)
                    merged.files.set(k, v);
                for (const [k, v] of one.coverageByTest ?? [])
                    merged.coverageByTest?.set(k, v);
                mergeLines(merged.executable, one.executable ?? new Map());
                merged.timedOut ||= one.timedOut;
                merged.durationMs += one.durationMs;
                merged.output = one.output;
            }
            return merged;
        }
        return this.runOnce(request);
    }
    async runOnce(request) {
        const bin = findPackageFile(this.repoDir, 'vitest', 'vitest.mjs');
        if (!bin)
            throw new Error('vitest is not installed in this repository (node_modules/vitest not found)');
        const dir = this.scratch();
        try {
            const out = (0,external_node_path_.join)(dir, 'results.json');
            const coverageDir = (0,external_node_path_.join)(dir, 'coverage');
            const args = [bin, 'run', '--reporter=json', `--outputFile=${out}`, '--passWithNoTests'];
            if (request.coverageOf?.length) {
                args.push('--coverage.enabled=true', '--coverage.provider=v8', '--coverage.reporter=json', `--coverage.reportsDirectory=${coverageDir}`);
                for (const file of request.coverageOf)
                    args.push(`--coverage.include=${file}`);
            }
            args.push(...request.files);
            const result = await this.options.exec('node', args, {
                cwd: this.repoDir,
                env: this.env({}),
                timeoutMs: this.timeout(request)
            });
            const files = new Map();
            const wanted = new Set(request.files);
            if ((0,external_node_fs_.existsSync)(out)) {
                const report = JSON.parse((0,external_node_fs_.readFileSync)(out, 'utf8'));
                for (const suite of report.testResults ?? []) {
                    const file = toRelative(this.repoDir, suite.name);
                    if (!wanted.has(file))
                        continue;
                    const cases = suite.assertionResults ?? [];
                    const failed = cases.filter(c => c.status === 'failed');
                    const ran = cases.filter(c => c.status === 'passed' || c.status === 'failed').length;
                    const status = failed.length > 0 ? 'failed' : suite.status === 'failed' || ran === 0 ? 'errored' : 'passed';
                    const message = failed.flatMap(c => c.failureMessages ?? []).join('\n') || suite.message || undefined;
                    files.set(file, { file, status, tests: ran, message: message ? tail(message) : undefined });
                }
            }
            let coverageByTest;
            let executable;
            if (request.coverageOf?.length) {
                const json = (0,external_node_path_.join)(coverageDir, 'coverage-final.json');
                const lines = (0,external_node_fs_.existsSync)(json)
                    ? istanbulLines(this.repoDir, JSON.parse((0,external_node_fs_.readFileSync)(json, 'utf8')))
                    : { covered: new Map(), executable: new Map() };
                coverageByTest = new Map(request.files.map(f => [f, lines.covered]));
                executable = lines.executable;
            }
            const output = tail(result.stderr + result.stdout);
            missingAsErrored(request.files, files, output, result.timedOut);
            return {
                files,
                coverageByTest,
                executable,
                timedOut: result.timedOut,
                durationMs: result.durationMs,
                output
            };
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
    }
}
class PytestRunner extends BaseRunner {
    framework = 'pytest';
    isolatesFiles = false;
    batchesCoverage = true;
    async run(request) {
        const { report, result } = await this.invoke(request.files, request.coverageOf, undefined, this.timeout(request));
        return this.outcome(request.files, request.coverageOf, report?.files, report?.coverage, report?.executable, result);
    }
    /**
     * Several runs in one pytest process: tests are collected once, then each run executes in a forked
     * child, so runs are isolated from each other (module state included) without a process start each.
     * Falls back to one process per run where fork is not available.
     */
    async runMany(runs, options = {}) {
        const outcomes = new Map();
        if (runs.length === 0)
            return outcomes;
        if (process.platform === 'win32') {
            for (const run of runs)
                outcomes.set(run.label, await this.run({ files: run.files, coverageOf: options.coverageOf, timeoutMs: options.timeoutMs }));
            return outcomes;
        }
        const perRun = options.timeoutMs ?? this.options.defaultTimeoutMs ?? 120_000;
        const files = [...new Set(runs.flatMap(r => r.files))];
        const plan = { timeout: perRun / 1000, runs };
        const { report, result } = await this.invoke(files, options.coverageOf, plan, Math.min(perRun * (runs.length + 1), 60 * 60_000));
        for (const run of runs) {
            const entry = report?.plan?.[run.label];
            const outcome = this.outcome(run.files, options.coverageOf, entry?.files, entry?.coverage, report?.executable, {
                ...result,
                timedOut: result.timedOut || Boolean(entry?.timedOut)
            });
            outcome.durationMs = Math.round(result.durationMs / runs.length);
            outcomes.set(run.label, outcome);
        }
        return outcomes;
    }
    async runMutants(plan, timeoutMs) {
        if (process.platform === 'win32')
            return undefined;
        const outcomes = await this.runMany(plan.map(p => ({ label: p.mutant, files: p.files, env: { [PY_VARIABLE]: p.mutant } })), { timeoutMs });
        const results = new Map();
        for (const { mutant, files } of plan) {
            const outcome = outcomes.get(mutant);
            if (!outcome || outcome.timedOut) {
                // A hanging mutant cannot be attributed: every file counts as failing (the mutant is dropped).
                results.set(mutant, new Map(files.map(file => [file, { file, status: 'errored', tests: 0, message: 'timed out' }])));
                continue;
            }
            results.set(mutant, outcome.files);
        }
        return results;
    }
    async invoke(files, coverageOf, plan, timeoutMs) {
        const helpers = pythonHelpers(this.options.scratchDir);
        const dir = this.scratch();
        try {
            const out = (0,external_node_path_.join)(dir, 'results.json');
            const baseEnv = this.options.env ?? process.env;
            const env = this.env({
                PYTHONPATH: [helpers.folder, baseEnv.PYTHONPATH].filter(Boolean).join(':'),
                PYTHONDONTWRITEBYTECODE: '1',
                CI_MEDIC_ROOT: this.repoDir,
                CI_MEDIC_PYTEST_OUT: out,
                CI_MEDIC_COVER: JSON.stringify((coverageOf ?? []).map(f => (0,external_node_path_.join)(this.repoDir, f))),
                CI_MEDIC_PLAN: plan ? JSON.stringify(plan) : ''
            });
            const args = [
                '-m',
                'pytest',
                '-q',
                '-p',
                helpers.pluginName,
                '-p',
                'no:cacheprovider',
                '--continue-on-collection-errors',
                '--rootdir',
                this.repoDir
            ];
            args.push(...files);
            const result = await this.options.exec(pythonCommand(baseEnv), args, {
                cwd: this.repoDir,
                env,
                timeoutMs
            });
            const report = (0,external_node_fs_.existsSync)(out)
                ? JSON.parse((0,external_node_fs_.readFileSync)(out, 'utf8'))
                : undefined;
            return { report, result };
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
    }
    outcome(files, coverageOf, entries, coverage, executableLines, result) {
        const runs = new Map();
        const wanted = new Set(files);
        for (const [file, entry] of Object.entries(entries ?? {})) {
            if (!wanted.has(file))
                continue;
            const status = entry.errored > 0 ? 'errored' : entry.failed > 0 ? 'failed' : entry.tests > 0 ? 'passed' : 'errored';
            runs.set(file, {
                file,
                status,
                tests: entry.tests,
                message: entry.message ? tail(entry.message) : entry.tests === 0 ? 'no tests ran' : undefined
            });
        }
        let coverageByTest;
        let executable;
        if (coverageOf?.length) {
            coverageByTest = new Map();
            for (const file of files) {
                const perSource = coverage?.[file] ?? {};
                coverageByTest.set(file, new Map(Object.entries(perSource).map(([src, lines]) => [src, new Set(lines)])));
            }
            executable = new Map(Object.entries(executableLines ?? {}).map(([src, lines]) => [src, new Set(lines)]));
        }
        const output = tail(result.stdout + result.stderr);
        missingAsErrored(files, runs, output, result.timedOut);
        return {
            files: runs,
            coverageByTest,
            executable,
            timedOut: result.timedOut,
            durationMs: result.durationMs,
            output
        };
    }
}
function createRunner(framework, options) {
    if (framework === 'jest')
        return new JestRunner(options);
    if (framework === 'vitest')
        return new VitestRunner(options);
    return new PytestRunner(options);
}

;// CONCATENATED MODULE: ./src/generate/candidates.ts

const WRITE_TEST_TOOL = {
    name: 'write_test_file',
    description: 'Propose one new test file. Call once per candidate test file. The file must be new: existing test files are never changed.',
    parameters: {
        type: 'object',
        properties: {
            path: {
                type: 'string',
                description: 'Repository-relative path of the NEW test file (optional; the conventional name is used when omitted).'
            },
            content: { type: 'string', description: 'The complete content of the test file.' }
        },
        required: ['content'],
        additionalProperties: false
    }
};
const FENCE = /(^|\n)(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n\2(?=\n|$)/g;
const PATH_HINT = /(?:file|path)\s*[:=]\s*`?([\w./-]+\.\w+)`?\s*$/i;
/**
 * What the model proposed: `write_test_file` tool calls, or (for endpoints without tool calling)
 * fenced code blocks, each optionally preceded by a `path: …` line. Malformed arguments are skipped
 * and reported.
 */
function parseProposals(content, toolCalls = []) {
    const proposals = [];
    const problems = [];
    for (const call of toolCalls) {
        if (call.name !== WRITE_TEST_TOOL.name) {
            problems.push(`unknown tool "${call.name.slice(0, 60)}" ignored`);
            continue;
        }
        let args;
        try {
            args = JSON.parse(call.arguments);
        }
        catch {
            problems.push('write_test_file arguments are not valid JSON');
            continue;
        }
        const { path, content: body } = (args ?? {});
        if (typeof body !== 'string' || body.trim() === '') {
            problems.push('write_test_file without content');
            continue;
        }
        proposals.push({
            path: typeof path === 'string' && path.trim() ? path.trim() : undefined,
            content: body.replace(/\r\n/g, '\n')
        });
    }
    if (toolCalls.length === 0 && content) {
        for (const match of content.matchAll(FENCE)) {
            const before = content
                .slice(0, match.index + (match[1]?.length ?? 0))
                .trimEnd()
                .split('\n')
                .pop() ?? '';
            const hint = PATH_HINT.exec(before);
            const body = (match[3] ?? '').replace(/\r\n/g, '\n');
            if (body.trim())
                proposals.push({ path: hint?.[1], content: body.endsWith('\n') ? body : `${body}\n` });
        }
    }
    return { proposals, problems };
}
/**
 * Turns proposals into candidates: a proposal keeps the path it asked for (the filters judge it: an
 * existing file is rejected), otherwise it gets the conventional new name, numbered when taken.
 */
function toCandidates(proposals, options) {
    const used = new Set();
    const taken = (path) => used.has(path) || options.taken(path);
    return proposals.map((proposal, index) => {
        const requested = proposal.path?.replace(/\\/g, '/').replace(/^\.\//, '');
        const path = requested && !used.has(requested)
            ? requested
            : generatedTestPath(options.framework, options.target, options.exampleTest, taken);
        used.add(path);
        return {
            id: `${options.idPrefix}${index + 1}`,
            path,
            content: proposal.content.endsWith('\n') ? proposal.content : `${proposal.content}\n`,
            requestedPath: requested && requested !== path ? requested : undefined,
            repairOf: options.repairOf,
            target: options.target
        };
    });
}

// EXTERNAL MODULE: ./src/agent/paths.ts
var paths = __webpack_require__(21477);
// EXTERNAL MODULE: ./src/agent/syntax.ts
var syntax = __webpack_require__(83946);
;// CONCATENATED MODULE: ./src/generate/evaluate.ts
/** Wires the filters to a real repository: its files, its path policy, its parser and its test runner. */






function testFileRule(framework, path) {
    if (!isTestFile(path)) {
        return framework === 'pytest'
            ? `"${path}" is not a test file name pytest collects (test_*.py)`
            : `"${path}" is not a test file name ${framework} collects (*.test.* or *.spec.*)`;
    }
    if (framework === 'pytest' ? !path.endsWith('.py') : !/\.[cm]?[jt]sx?$/.test(path)) {
        return `"${path}" is not a ${framework} test file`;
    }
    return undefined;
}
function createFilterEnv(setup) {
    const policy = new paths/* PathPolicy */.Up({
        repoDir: setup.repoDir,
        allowTestEdits: false,
        configFile: setup.configFile,
        deny: setup.deny
    });
    return {
        runner: setup.runner,
        analyzer: setup.analyzer,
        files: {
            read: path => setup.workspace.read(path),
            write: (path, content) => setup.workspace.write(path, content),
            remove: path => (0,external_node_fs_.rmSync)((0,external_node_path_.join)(setup.repoDir, path), { force: true })
        },
        existingTests: setup.analysis.existingTests,
        changed: setup.analysis.changed,
        baseline: setup.analysis.baseline,
        pathRefusal(path) {
            let relative;
            try {
                relative = policy.resolve(path).relative;
            }
            catch (error) {
                return error.message;
            }
            if (setup.existingFiles(relative) || (0,external_node_fs_.existsSync)((0,external_node_path_.join)(setup.repoDir, relative))) {
                return `targets the existing file "${relative}"; generated tests go into new files and existing tests are never changed`;
            }
            try {
                policy.resolveForWrite(relative);
            }
            catch (error) {
                return error.message;
            }
            return testFileRule(setup.framework, relative);
        },
        async syntaxProblem(path, content) {
            const check = await (0,syntax/* checkSyntax */.k)(path, content, setup.repoDir);
            return check.problems.length ? (0,syntax/* describeSyntaxProblems */.t)(path, check) : undefined;
        },
        isolationRuns: setup.isolationRuns ?? 5,
        runTimeoutMs: setup.runTimeoutMs ?? 120_000,
        mutants: setup.ledger ?? newMutantLedger(),
        onProgress: setup.onProgress,
        shouldStop: setup.shouldStop
    };
}
/** Filters one batch and picks the valuable survivors; for the bench and tests (no model). */
async function evaluateCandidates(setup, candidates) {
    const env = createFilterEnv(setup);
    return selectValuable(await filterCandidates(env, candidates));
}

// EXTERNAL MODULE: ./src/regexp.ts
var regexp = __webpack_require__(70878);
;// CONCATENATED MODULE: ./src/generate/diff.ts
/**
 * Lines added or modified at `head` per file, from a zero-context diff (`@@ -a,b +c,d @@` hunks).
 * Deleted lines have no line at head; the line after a pure deletion is not counted either.
 */
function parseChangedLines(diff) {
    const lines = new Map();
    let current;
    for (const line of diff.split('\n')) {
        if (line.startsWith('+++ ')) {
            const path = line.slice(4).trim();
            if (path === '/dev/null') {
                current = undefined;
            }
            else {
                const rel = path.replace(/^b\//, '');
                current = lines.get(rel) ?? new Set();
                lines.set(rel, current);
            }
            continue;
        }
        const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
        if (hunk && current) {
            const start = Number(hunk[1]);
            const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
            for (let n = start; n < start + count; n++)
                current.add(n);
        }
    }
    return lines;
}
async function changedLines(git, base, head, files) {
    if (files.length === 0)
        return new Map();
    const diff = await git([
        'diff',
        '--no-color',
        '--no-ext-diff',
        '--unified=0',
        '--no-renames',
        base,
        head,
        '--',
        ...files
    ]);
    return parseChangedLines(diff);
}

;// CONCATENATED MODULE: ./src/generate/gaps.ts
/**
 * Finding the gaps: changed symbols that no test reaches (from selection's dependency graph) and
 * changed lines that the tests which do reach them never execute (from the framework's coverage).
 */



function testsReaching(source, selection, read) {
    const fromGraph = Object.entries(selection.reach)
        .filter(([, reached]) => reached.some(r => r === source || r.startsWith(`${source}#`)))
        .map(([test]) => test);
    if (fromGraph.length > 0)
        return fromGraph.sort();
    // Selection fell back to "all" (or did not record reach): tests that name the module.
    const stem = (source.split('/').pop() ?? source).replace(/\.[^.]+$/, '');
    const mention = new RegExp(`(['"/.]|\\b)${(0,regexp/* escapeRegExp */.N)(stem)}(['"]|\\.[cm]?[jt]sx?['"]|\\b)`);
    return selection.allTests.filter(test => mention.test(read(test) ?? '')).sort();
}
async function findGaps(ports, input) {
    const { selection } = input;
    const sources = [...new Set(selection.changed.map(c => c.file))]
        .filter(file => isSourceFile(file) && input.framework(file) && ports.read(file) !== undefined)
        .sort();
    const changed = await changedLines(ports.git, input.base, input.head, sources);
    for (const source of sources)
        if (!changed.has(source))
            changed.set(source, new Set());
    const reachedBy = new Map();
    for (const source of sources)
        reachedBy.set(source, testsReaching(source, selection, ports.read));
    const candidatesForBaseline = [...new Set([...reachedBy.values()].flat())].sort();
    const baseline = new Map();
    const executable = new Map();
    const failingTests = [];
    let existingTests = candidatesForBaseline;
    if (candidatesForBaseline.length > 0 && sources.length > 0) {
        ports.log?.(`baseline: ${candidatesForBaseline.length} existing test file(s) with coverage`);
        const outcome = await ports.runner.run({ files: candidatesForBaseline, coverageOf: sources });
        existingTests = candidatesForBaseline.filter(test => outcome.files.get(test)?.status === 'passed');
        failingTests.push(...candidatesForBaseline.filter(test => !existingTests.includes(test)));
        for (const test of existingTests) {
            for (const [source, lines] of outcome.coverageByTest?.get(test) ?? []) {
                const changedHere = changed.get(source);
                if (!changedHere)
                    continue;
                const set = baseline.get(source) ?? new Set();
                for (const line of lines)
                    if (changedHere.has(line))
                        set.add(line);
                baseline.set(source, set);
            }
        }
        for (const [source, lines] of outcome.executable ?? [])
            executable.set(source, new Set(lines));
    }
    const gaps = [];
    for (const source of sources) {
        const content = ports.read(source) ?? '';
        const outline = await ports.analyzer.outline(source, content);
        const changedHere = changed.get(source) ?? new Set();
        const covered = baseline.get(source) ?? new Set();
        const known = executable.get(source);
        const uncoveredLines = [...changedHere]
            .filter(line => !covered.has(line) && (!known || known.has(line)))
            .sort((a, b) => a - b);
        const unreached = new Set(selection.unreached.filter(u => u.file === source).map(u => u.symbol));
        const symbols = [];
        for (const symbol of outline.symbols) {
            if (symbol.kind === 'class' && outline.symbols.some(s => s.name.startsWith(`${symbol.name}.`)))
                continue;
            const lines = [...changedHere].filter(l => l >= symbol.startLine && l <= symbol.endLine);
            if (lines.length === 0)
                continue;
            const notReached = unreached.has(symbol.name) || unreached.has(symbol.name.split('.')[0]) || unreached.has('*');
            const hasUncovered = uncoveredLines.some(l => l >= symbol.startLine && l <= symbol.endLine);
            if (notReached || hasUncovered) {
                symbols.push({
                    name: symbol.name,
                    startLine: symbol.startLine,
                    endLine: symbol.endLine,
                    reason: notReached ? 'unreached' : 'uncovered-lines'
                });
            }
        }
        if (symbols.length > 0 || uncoveredLines.length > 0) {
            gaps.push({
                file: source,
                symbols,
                uncoveredLines,
                changedLines: [...changedHere].sort((a, b) => a - b),
                reachedBy: reachedBy.get(source) ?? []
            });
        }
    }
    return { sources, changed, executable, baseline, existingTests, failingTests, reachedBy, gaps };
}

// EXTERNAL MODULE: ./src/security/untrusted.ts
var untrusted = __webpack_require__(62308);
;// CONCATENATED MODULE: ./src/generate/prompt.ts
/**
 * The generation prompt: the code under test, the signatures it depends on and the nearest existing
 * test (the example to imitate), fitted into the context budget. Everything from the repository is
 * quoted as untrusted data.
 */



/** Most candidates asked for in one request. */
const CANDIDATES_PER_REQUEST = 3;
/** Room left for the reply inside the context budget. */
const REPLY_RESERVE = 1200;
const FRAMEWORK_NOTES = {
    jest: 'jest (describe/it/test with expect matchers; globals are available without import)',
    vitest: "vitest (import { describe, it, expect } from 'vitest')",
    pytest: 'pytest (plain test_* functions with assert statements; pytest.raises for exceptions)'
};
function systemPrompt(framework) {
    return [
        'You write unit tests for code that changed in a pull request and that no existing test exercises.',
        `The repository tests with ${FRAMEWORK_NOTES[framework]}. Write tests in the same framework and style as the example test.`,
        `Propose up to ${CANDIDATES_PER_REQUEST} candidate test files by calling write_test_file once per file, each checking different behaviour.`,
        'Every test must:',
        '- create a NEW file (never change an existing test file);',
        '- call the changed code and assert on its exact results (values, thrown errors), including boundary cases;',
        '- be deterministic: no clock, randomness, network, shared state between tests, or files outside a temporary folder;',
        '- not only check that something is defined or does not throw.',
        'Tests that fail, are flaky, assert nothing or that do not execute the changed lines are discarded.',
        '',
        untrusted/* UNTRUSTED_DATA_RULES */.A4
    ].join('\n');
}
function numbered(content, from, to, mark) {
    return content
        .split('\n')
        .slice(from - 1, to)
        .map((line, i) => `${mark.has(from + i) ? '+' : ' '}${String(from + i).padStart(4)} ${line}`)
        .join('\n');
}
function buildPrompt(input) {
    const { gap } = input;
    const counter = new llm/* TokenCounter */.WX(input.model);
    const uncovered = new Set(gap.uncoveredLines);
    const symbols = gap.symbols.length
        ? gap.symbols
        : [
            {
                name: '(changed lines)',
                startLine: Math.min(...gap.uncoveredLines),
                endLine: Math.max(...gap.uncoveredLines),
                reason: 'uncovered-lines'
            }
        ];
    const code = symbols
        .map(s => `${s.name} (lines ${s.startLine}-${s.endLine}, ${s.reason === 'unreached' ? 'no test reaches it' : 'changed lines not executed by the existing tests'}):\n${numbered(input.source, s.startLine, s.endLine, uncovered)}`)
        .join('\n\n');
    const otherExports = input.outline.symbols
        .filter(s => s.exported && !symbols.some(g => g.name === s.name))
        .map(s => s.signature);
    const sections = [
        {
            id: 'task',
            required: true,
            priority: 100,
            text: [
                `Source file: ${gap.file}`,
                `Write the new test file at: ${input.suggestedPath} (a different new path is fine if it follows the same convention).`,
                `Import the code under test with: ${input.importHint}`,
                `Lines marked + are changed and not executed by any existing test: ${gap.uncoveredLines.join(', ') || '(none; the changed symbols are not reached by any test)'}.`
            ].join('\n')
        },
        { id: 'code', required: true, priority: 90, text: (0,untrusted/* quoteUntrusted */.X0)(`code under test ${gap.file}`, code) },
        {
            id: 'module',
            priority: 60,
            keep: 'head',
            text: otherExports.length ? (0,untrusted/* quoteUntrusted */.X0)(`other exports of ${gap.file}`, otherExports.join('\n')) : ''
        },
        {
            id: 'dependencies',
            priority: 50,
            keep: 'head',
            text: input.dependencySignatures.length
                ? input.dependencySignatures
                    .map(d => (0,untrusted/* quoteUntrusted */.X0)(`signatures in ${d.file}`, d.signatures.join('\n')))
                    .join('\n')
                : ''
        },
        {
            id: 'example',
            priority: 40,
            keep: 'head',
            minTokens: 120,
            text: input.example
                ? (0,untrusted/* quoteUntrusted */.X0)(`example test ${input.example.path} (imitate its style)`, input.example.content)
                : ''
        }
    ];
    const system = systemPrompt(input.framework);
    const budget = input.contextBudget - counter.count(system) - REPLY_RESERVE;
    const fitted = (0,llm/* fitSections */.WK)(sections, Math.max(budget, 500), counter);
    const user = fitted.sections
        .filter(s => s.text)
        .map(s => s.text)
        .join('\n\n');
    return {
        messages: [
            { role: 'system', content: system },
            { role: 'user', content: user }
        ],
        tokens: counter.count(system) + counter.count(user),
        fits: fitted.fits,
        sections: fitted.sections.map(s => ({ id: s.id, tokens: s.tokens, state: s.state }))
    };
}
/** The follow-up for a rejected candidate: its file, the verdict and the evidence, one more try. */
function repairMessages(base, outcome, budget, model) {
    const counter = new llm/* TokenCounter */.WX(model);
    const failed = outcome.verdicts.find(v => v.status === 'fail');
    const room = Math.max(600, budget - base.tokens - REPLY_RESERVE);
    const fitted = (0,llm/* fitSections */.WK)([
        {
            id: 'verdict',
            required: true,
            priority: 100,
            text: `Your candidate ${outcome.candidate.path} was rejected by the "${failed?.filter ?? 'unknown'}" filter: ${failed?.detail ?? ''}\nWrite one corrected candidate with write_test_file (a new file; keep the same path unless the path was the problem).`
        },
        {
            id: 'candidate',
            priority: 60,
            keep: 'head',
            text: (0,untrusted/* quoteUntrusted */.X0)(`your candidate ${outcome.candidate.path}`, outcome.candidate.content)
        },
        {
            id: 'output',
            priority: 50,
            keep: 'tail',
            text: outcome.failureMessage ? (0,untrusted/* quoteUntrusted */.X0)('test output', outcome.failureMessage) : ''
        }
    ], room, counter);
    return [
        ...base.messages,
        {
            role: 'user',
            content: fitted.sections
                .filter(s => s.text)
                .map(s => s.text)
                .join('\n\n')
        }
    ];
}
/** How a test beside `testPath` imports `source`, in the example's style. */
function importHint(framework, source, testPath, example) {
    if (framework === 'pytest') {
        const module = source
            .replace(/\.py$/, '')
            .replace(/^src\//, '')
            .split('/')
            .join('.');
        const stem = module.split('.').pop();
        const fromExample = example
            ? new RegExp(`^\\s*from\\s+([\\w.]*\\b${stem})\\s+import`, 'm').exec(example)?.[1]
            : undefined;
        return `from ${fromExample ?? module} import ...`;
    }
    let relative = external_node_path_.posix.relative(external_node_path_.posix.dirname(testPath), source);
    if (!relative.startsWith('.'))
        relative = `./${relative}`;
    const withExtension = example ? /from\s+['"]\.{1,2}\/[^'"]+\.[cm]?js['"]/.test(example) : false;
    const specifier = withExtension
        ? relative.replace(/\.[cm]?tsx?$/, '.js')
        : relative.replace(/\.[cm]?[jt]sx?$/, '');
    return `import { ... } from '${specifier}'`;
}

;// CONCATENATED MODULE: ./src/generate/pipeline.ts
/**
 * The generator end to end, over its ports: find the gaps, ask the model for candidates, filter
 * them (with one repair round for rejected ones), keep the valuable survivors. The working tree is
 * restored on every exit; kept tests are returned as contents for delivery.
 */











/** Most candidates taken from one reply (a runaway reply cannot make the filters run for hours). */
const MAX_CANDIDATES_PER_REPLY = 10;
function nearestTest(source, gap, allTests, framework) {
    const sameKind = (t) => (framework === 'pytest' ? t.endsWith('.py') : !t.endsWith('.py')) && isTestFile(t);
    const reached = gap.reachedBy.filter(sameKind);
    if (reached.length)
        return reached[0];
    const parts = source.split('/');
    const score = (test) => {
        const other = test.split('/');
        let common = 0;
        while (common < parts.length - 1 && parts[common] === other[common])
            common++;
        return common * 10 - other.length;
    };
    return allTests.filter(sameKind).sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0];
}
async function dependencySignatures(analyzer, repoDir, source, outline) {
    const result = [];
    for (const entry of outline.imports.slice(0, 6)) {
        const file = resolveImport(repoDir, source, entry.specifier);
        if (!file)
            continue;
        const content = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(repoDir, file), 'utf8');
        const imported = await analyzer.outline(file, content);
        const wanted = entry.names.includes('*') || entry.names.length === 0 ? undefined : new Set(entry.names);
        const signatures = imported.symbols
            .filter(s => s.exported && (!wanted || wanted.has(s.name) || wanted.has(s.name.split('.')[0])))
            .map(s => s.signature)
            .slice(0, 12);
        if (signatures.length)
            result.push({ file, signatures });
    }
    return result;
}
function resolveImport(repoDir, source, specifier) {
    const dir = external_node_path_.posix.dirname(source);
    if (source.endsWith('.py')) {
        const dots = /^\.*/.exec(specifier)?.[0].length ?? 0;
        const rest = specifier.slice(dots).split('.').join('/');
        let base = dots ? dir : '';
        for (let i = 1; i < dots; i++)
            base = external_node_path_.posix.dirname(base);
        const candidates = dots
            ? [external_node_path_.posix.join(base, `${rest}.py`)]
            : [`${rest}.py`, `src/${rest}.py`, external_node_path_.posix.join(dir, `${rest}.py`)];
        return candidates.find(c => c !== source && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(repoDir, c)));
    }
    if (!specifier.startsWith('.'))
        return undefined;
    const target = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, specifier));
    const stem = target.replace(/\.[cm]?js$/, '');
    const candidates = [
        target,
        ...['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.jsx'].map(e => stem + e),
        `${stem}/index.ts`,
        `${stem}/index.js`
    ];
    return candidates.find(c => c !== source && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(repoDir, c)) && /\.[cm]?[jt]sx?$/.test(c));
}
/**
 * Runs the generator. `selection` comes from `selectTests` for base..head. Never leaves files behind:
 * the working tree is restored before it returns or throws.
 */
async function generateTests(ports, input, settings) {
    const now = ports.now ?? Date.now;
    const started = now();
    const { repoDir, log, audit, gateway } = ports;
    const analyzer = createAnalyzer({ exec: ports.exec, scratchDir: ports.scratchDir });
    const workspace = new agent_workspace/* Workspace */.a(repoDir, ports.git);
    const read = (path) => {
        const full = (0,external_node_path_.join)(repoDir, path);
        return (0,external_node_fs_.existsSync)(full) ? (0,external_node_fs_.readFileSync)(full, 'utf8') : undefined;
    };
    const report = {
        frameworks: [],
        gaps: [],
        outcomes: [],
        kept: [],
        requests: 0,
        inputTokens: 0,
        outputTokens: 0,
        firstRequestTokens: 0,
        model: gateway.model,
        coverage: { changed: 0, coveredBefore: 0, coveredAfter: 0, deltaPercent: 0 },
        notes: [],
        files: []
    };
    const budgetStop = () => {
        if (now() - started > settings.timeBudgetMs)
            return 'time';
        if (report.inputTokens + report.outputTokens >= settings.tokenBudget)
            return 'tokens';
        return undefined;
    };
    const stopMessage = () => {
        const reason = budgetStop();
        return reason === 'time'
            ? `time budget of ${Math.round(settings.timeBudgetMs / 1000)} s spent`
            : undefined;
    };
    const ask = async (messages, purpose) => {
        const stop = report.requests >= settings.maxIterations ? 'iterations' : budgetStop();
        if (stop) {
            report.stoppedBy ??= stop;
            return undefined;
        }
        report.requests++;
        try {
            const result = await gateway.complete({ purpose, messages, tools: [WRITE_TEST_TOOL] });
            report.inputTokens += result.usage.inputTokens;
            report.outputTokens += result.usage.outputTokens;
            const parsed = parseProposals(result.message.content, result.message.toolCalls);
            for (const problem of parsed.problems)
                report.notes.push(`model reply: ${problem}`);
            return parsed;
        }
        catch (error) {
            report.stoppedBy = 'llm-error';
            report.notes.push(`the model could not be reached: ${(0,errors/* errorMessage */.gJ)(error)}`);
            log.warning(`LLM request failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
            return undefined;
        }
    };
    await workspace.begin();
    try {
        const byFramework = new Map();
        for (const change of input.selection.changed) {
            const framework = detectFramework(repoDir, change.file);
            if (framework)
                byFramework.set(framework, [...(byFramework.get(framework) ?? []), change.file]);
        }
        let serial = 0;
        const coverageTotals = { changed: 0, before: 0, after: 0 };
        for (const [framework, files] of byFramework) {
            const runner = ports.runnerFor?.(framework) ??
                createRunner(framework, {
                    repoDir,
                    scratchDir: ports.scratchDir,
                    exec: ports.exec,
                    defaultTimeoutMs: settings.runTimeoutMs
                });
            const wanted = new Set(files);
            const analysis = await log.group(`Gaps (${framework})`, () => findGaps({ git: args => ports.git.run(args), runner, analyzer, read, log: m => log.info(m) }, {
                base: input.base,
                head: input.head,
                selection: input.selection,
                framework: file => wanted.has(file)
            }));
            if (analysis.sources.length === 0)
                continue;
            report.frameworks.push(framework);
            const gaps = analysis.gaps.slice(0, settings.maxGaps ?? 5);
            report.gaps.push(...gaps);
            if (analysis.failingTests.length) {
                report.notes.push(`existing tests failing at head, left out of the baseline: ${analysis.failingTests.join(', ')}`);
            }
            const executable = new Map([...analysis.executable].map(([f, l]) => [f, new Set(l)]));
            const ledger = newMutantLedger();
            const env = createFilterEnv({
                repoDir,
                framework,
                runner,
                analyzer,
                workspace,
                analysis,
                isolationRuns: settings.isolationRuns,
                runTimeoutMs: settings.runTimeoutMs,
                configFile: settings.configFile,
                deny: settings.deny,
                existingFiles: path => input.selection.allTests.includes(path),
                ledger,
                onProgress: m => log.info(m),
                shouldStop: stopMessage
            });
            env.onExecutable = lines => {
                for (const [file, set] of lines) {
                    const into = executable.get(file) ?? new Set();
                    for (const l of set)
                        into.add(l);
                    executable.set(file, into);
                }
            };
            const outcomes = [];
            for (const gap of gaps) {
                const source = read(gap.file) ?? '';
                const outline = await analyzer.outline(gap.file, source);
                const example = nearestTest(gap.file, gap, input.selection.allTests, framework);
                const exampleContent = example ? read(example) : undefined;
                const suggestedPath = generatedTestPath(framework, gap.file, example, p => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(repoDir, p)));
                const prompt = buildPrompt({
                    framework,
                    gap,
                    source,
                    outline,
                    dependencySignatures: await dependencySignatures(analyzer, repoDir, gap.file, outline),
                    example: example && exampleContent !== undefined ? { path: example, content: exampleContent } : undefined,
                    suggestedPath,
                    importHint: importHint(framework, gap.file, suggestedPath, exampleContent),
                    contextBudget: gateway.contextBudget,
                    model: gateway.model
                });
                if (report.firstRequestTokens === 0)
                    report.firstRequestTokens = prompt.tokens;
                audit.record({
                    type: 'generate.prompt',
                    file: gap.file,
                    tokens: prompt.tokens,
                    sections: prompt.sections
                });
                const reply = await log.group(`Generate tests for ${gap.file}`, () => ask(prompt.messages, 'generate'));
                if (!reply)
                    break;
                const taken = (path) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(repoDir, path));
                if (reply.proposals.length > MAX_CANDIDATES_PER_REPLY) {
                    report.notes.push(`the model proposed ${reply.proposals.length} files for ${gap.file}; the first ${MAX_CANDIDATES_PER_REPLY} were filtered`);
                }
                const candidates = toCandidates(reply.proposals.slice(0, MAX_CANDIDATES_PER_REPLY), {
                    framework,
                    target: gap.file,
                    exampleTest: example,
                    idPrefix: `c${serial + 1}-`,
                    taken
                }).map(c => ({ ...c, id: `c${++serial}` }));
                if (candidates.length === 0) {
                    report.notes.push(`the model proposed no test for ${gap.file}`);
                    continue;
                }
                const first = await log.group(`Filter ${candidates.length} candidate(s)`, () => filters_filterCandidates(env, candidates));
                outcomes.push(...first);
                // Rejected candidates go back to the model once, with the verdict and the evidence.
                for (const rejected of first.filter(o => o.verdicts.some(v => v.status === 'fail'))) {
                    const repliedTo = await ask(repairMessages(prompt, rejected, gateway.contextBudget, gateway.model), 'generate.repair');
                    if (!repliedTo)
                        break;
                    const [proposal] = repliedTo.proposals;
                    if (!proposal)
                        continue;
                    const [repaired] = toCandidates([{ path: proposal.path ?? rejected.candidate.path, content: proposal.content }], {
                        framework,
                        target: gap.file,
                        exampleTest: example,
                        idPrefix: `${rejected.candidate.id}r`,
                        taken,
                        repairOf: rejected.candidate.id
                    }).map(c => ({ ...c, id: `${rejected.candidate.id}r` }));
                    if (!repaired)
                        continue;
                    outcomes.push(...(await log.group(`Filter repaired ${repaired.id}`, () => filters_filterCandidates(env, [repaired]))));
                }
                if (report.stoppedBy)
                    break;
            }
            const judged = filters_selectValuable(outcomes);
            report.outcomes.push(...judged);
            for (const outcome of judged) {
                audit.record({
                    type: 'generate.candidate',
                    id: outcome.candidate.id,
                    path: outcome.candidate.path,
                    kept: outcome.kept,
                    verdicts: outcome.verdicts,
                    newLines: outcome.newLines,
                    killedMutants: outcome.killedMutants,
                    runs: `${outcome.runsPassed}/${outcome.runsTotal}`,
                    filterMs: outcome.filterMs
                });
            }
            const kept = judged.filter(o => o.kept);
            report.kept.push(...kept);
            for (const k of kept)
                report.files.push({ path: k.candidate.path, content: k.candidate.content });
            for (const gap of gaps) {
                const exec = executable.get(gap.file);
                const changedExec = gap.changedLines.filter(l => !exec || exec.has(l));
                const before = analysis.baseline.get(gap.file) ?? new Set();
                const after = new Set([
                    ...before,
                    ...kept.filter(k => k.candidate.target === gap.file).flatMap(k => k.newLines)
                ]);
                coverageTotals.changed += changedExec.length;
                coverageTotals.before += changedExec.filter(l => before.has(l)).length;
                coverageTotals.after += changedExec.filter(l => after.has(l)).length;
            }
        }
        report.coverage = {
            changed: coverageTotals.changed,
            coveredBefore: coverageTotals.before,
            coveredAfter: coverageTotals.after,
            deltaPercent: coverageTotals.changed
                ? Math.round(((coverageTotals.after - coverageTotals.before) / coverageTotals.changed) * 1000) / 10
                : 0
        };
        audit.record({
            type: 'generate.decision',
            generated: report.outcomes.length,
            kept: report.kept.length,
            coverage: report.coverage,
            stoppedBy: report.stoppedBy ?? null
        });
        return report;
    }
    finally {
        await workspace.restore();
    }
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/generate/summary.ts
/** The job summary of a generation run: gaps, the verdict of every filter for every candidate, the kept tests. */



const MARK = { pass: '✅', fail: '❌', skipped: '–' };
const FILTER_TITLES = {
    'new-file': 'new file',
    builds: 'builds',
    passes: 'passes ×N + suite',
    asserts: 'real assertion',
    covers: 'new coverage',
    'kills-mutants': 'kills mutants',
    'adds-value': 'adds value'
};
function languageOf(path) {
    if (path.endsWith('.py'))
        return 'python';
    if (/\.[cm]?tsx?$/.test(path))
        return 'ts';
    return 'js';
}
function rejection(outcome) {
    const failed = outcome.verdicts.find(v => v.status === 'fail');
    return failed ? `${failed.filter}: ${failed.detail}` : 'kept';
}
function keptTable(kept) {
    return (0,markdown/* table */.tp)(['Kept test', 'Lines newly covered', 'Mutants killed', 'Runs passed'], kept.map(k => [
        (0,markdown/* code */.aY)(k.candidate.path),
        `${k.newLines.length} (${toRange(k.newLines)})`,
        String(k.killedMutants.length),
        `${k.runsPassed}/${k.runsTotal}`
    ]));
}
function generateSummary(report, extras) {
    const parts = ['## CI Medic: generated tests'];
    if (!report) {
        parts.push(`No tests were generated: ${extras.skippedReason ?? 'nothing to do'}.`);
        return parts.join('\n\n');
    }
    const { outcomes, kept, coverage } = report;
    parts.push(`${outcomes.length} candidate(s) generated, **${kept.length} kept**. Changed executable lines covered: ${coverage.coveredBefore}/${coverage.changed} before, ${coverage.coveredAfter}/${coverage.changed} with the kept tests (+${coverage.deltaPercent}%).`);
    if (report.gaps.length) {
        parts.push('### Gaps\n\n' +
            (0,markdown/* table */.tp)(['Source', 'Changed symbols without tests', 'Uncovered changed lines', 'Reached by'], report.gaps.map(g => [
                (0,markdown/* code */.aY)(g.file),
                (0,markdown/* escapeCell */.kq)(g.symbols
                    .map(s => `${s.name} (${s.reason === 'unreached' ? 'no test reaches it' : 'lines not run'})`)
                    .join(', ') || '–'),
                toRange(g.uncoveredLines) || '–',
                (0,markdown/* escapeCell */.kq)(g.reachedBy.join(', ') || 'no test')
            ])));
    }
    else if (report.frameworks.length === 0) {
        parts.push('No changed JavaScript, TypeScript or Python source in a jest, vitest or pytest project; nothing to generate.');
    }
    else {
        parts.push('Every changed line is already executed by the existing tests; nothing to generate.');
    }
    if (kept.length)
        parts.push('### Kept tests\n\n' + keptTable(kept));
    if (outcomes.length) {
        parts.push(`### Filter verdicts\n\nEach candidate runs the filters in order (passes = ${extras.isolationRuns} isolated runs and one run inside the suite); the first failure rejects it.\n\n` +
            (0,markdown/* table */.tp)(['Candidate', 'File', ...FILTERS.map(f => FILTER_TITLES[f]), 'Verdict'], outcomes.map(o => [
                o.candidate.id,
                (0,markdown/* code */.aY)(o.candidate.path),
                ...FILTERS.map(f => MARK[o.verdicts.find(v => v.filter === f)?.status ?? 'skipped']),
                (0,markdown/* escapeCell */.kq)(o.kept ? 'kept' : `rejected — ${rejection(o)}`.slice(0, 400))
            ])));
    }
    if (extras.deliveryMarkdown)
        parts.push(extras.deliveryMarkdown);
    for (const k of kept) {
        parts.push((0,markdown/* details */.zH)(`${(0,markdown/* code */.aY)(k.candidate.path)} (kept)`, (0,markdown/* codeBlock */.DV)(k.candidate.content, languageOf(k.candidate.path))));
    }
    const notes = [...report.notes];
    if (report.stoppedBy)
        notes.unshift(`stopped early: ${report.stoppedBy} budget spent`);
    if (notes.length)
        parts.push('### Notes\n\n' + notes.map(n => `- ${(0,markdown/* escapeCell */.kq)(n)}`).join('\n'));
    parts.push(`Model ${(0,markdown/* code */.aY)(report.model)}: ${report.requests} request(s), ${report.inputTokens} input and ${report.outputTokens} output tokens (first request ${report.firstRequestTokens} tokens).`);
    return parts.join('\n\n');
}

;// CONCATENATED MODULE: ./src/generate/run.ts
/** The `generate` command's work, reusable by `ci`: changes → selection → generation → delivery → report. */














/** Isolated runs a candidate must pass (plus one inside the suite). */
const ISOLATION_RUNS = 5;
function run_outputs(report) {
    return {
        generated: (0,outputs/* safeWord */.m)(report?.outcomes.length ?? 0),
        kept: (0,outputs/* safeWord */.m)(report?.kept.length ?? 0),
        'coverage-delta': (0,outputs/* safeWord */.m)(report?.coverage.deltaPercent ?? 0),
        'generated-tests': (0,outputs/* safeJson */.o)(report?.kept.map(k => k.candidate.path) ?? [])
    };
}
function toJson(report, delivery, skippedReason) {
    if (!report)
        return { status: 'skipped', reason: skippedReason ?? null, generated: 0, kept: 0, candidates: [] };
    return {
        status: 'done',
        generated: report.outcomes.length,
        kept: report.kept.length,
        coverage: report.coverage,
        gaps: report.gaps,
        candidates: report.outcomes.map(o => ({
            id: o.candidate.id,
            path: o.candidate.path,
            repairOf: o.candidate.repairOf ?? null,
            kept: o.kept,
            verdicts: o.verdicts,
            newLines: o.newLines,
            killedMutants: o.killedMutants,
            runs: { passed: o.runsPassed, total: o.runsTotal },
            filterMs: o.filterMs
        })),
        requests: report.requests,
        tokens: {
            input: report.inputTokens,
            output: report.outputTokens,
            firstRequest: report.firstRequestTokens
        },
        model: report.model,
        stoppedBy: report.stoppedBy ?? null,
        delivery: delivery
            ? { mode: delivery.mode, url: delivery.url ?? null, skippedReason: delivery.skippedReason ?? null }
            : null
    };
}
function toText(report, skippedReason) {
    if (!report)
        return `generate: skipped — ${skippedReason ?? 'nothing to do'}`;
    const lines = [
        `generate: ${report.outcomes.length} candidate(s), ${report.kept.length} kept, coverage +${report.coverage.deltaPercent}%`
    ];
    for (const o of report.outcomes) {
        const failed = o.verdicts.find(v => v.status === 'fail');
        lines.push(`  ${o.kept ? 'KEPT    ' : 'rejected'} ${o.candidate.id.padEnd(6)} ${o.candidate.path}${failed ? `  [${failed.filter}] ${failed.detail.split('\n')[0]}` : `  lines ${toRange(o.newLines)}, ${o.killedMutants.length} mutant(s) killed, ${o.runsPassed}/${o.runsTotal} runs`}`);
    }
    return lines.join('\n');
}
async function runGenerate(context, known = {}) {
    const { inputs, log, repoDir } = context;
    const git = new ports_git/* Git */.TU(repoDir);
    const audit = known.audit ?? (0,llm/* createRunAudit */.HP)(context);
    const skipped = (reason) => {
        audit.record({ type: 'generate.decision', status: 'skipped', reason });
        return {
            result: {
                outputs: run_outputs(undefined),
                summary: generateSummary(undefined, { skippedReason: reason, isolationRuns: ISOLATION_RUNS }),
                json: toJson(undefined, undefined, reason),
                text: toText(undefined, reason)
            }
        };
    };
    let base = known.base;
    let head = known.head;
    if (!base || !head) {
        const changes = await log.group('Changes', () => (0,src_changes/* detectChanges */.f8)((0,src_changes/* changeOptions */.D$)(context, git)));
        base = changes.base;
        head = changes.head;
    }
    const selection = known.selection ?? (await (0,cached/* selectChange */.f)(context, git, base, head));
    if (selection.changed.length === 0)
        return skipped('the change has no semantic change to test');
    const choice = known.gateway ? { gateway: known.gateway } : (0,llm/* createLlmGateway */.Cn)(context, audit);
    if (!choice.gateway)
        return skipped(choice.disabledReason ?? 'no LLM is available');
    const report = await generateTests({
        repoDir,
        git,
        exec: exec/* runProcess */.R,
        gateway: choice.gateway,
        log,
        audit,
        scratchDir: (0,external_node_path_.join)(context.workDir, 'generate')
    }, { base, head: head, selection }, {
        isolationRuns: ISOLATION_RUNS,
        maxIterations: inputs.maxIterations,
        timeBudgetMs: inputs.timeBudget,
        tokenBudget: inputs.tokenBudget,
        runTimeoutMs: Math.min(inputs.testTimeout, 10 * 60_000),
        configFile: inputs.configFile,
        deny: (0,run/* pathDenyList */.u)(context.config)
    });
    let delivery;
    if (report.kept.length > 0) {
        delivery = await log.group('Deliver', async () => {
            let github;
            try {
                github = inputs.githubToken ? await context.github() : undefined;
            }
            catch {
                github = undefined;
            }
            const sources = [...new Set(report.kept.map(k => k.candidate.target))];
            return (0,deliver/* deliverChange */.QE)({
                autonomy: inputs.autonomy,
                kind: 'tests',
                repoDir,
                git,
                github,
                event: context.event,
                headSha: head,
                patch: (0,diff/* unifiedPatch */.jV)(report.files.map(f => ({ path: f.path, before: undefined, after: f.content }))),
                files: report.files,
                title: `Add tests for ${sources.join(', ').slice(0, 60)}`,
                body: [
                    `CI Medic generated ${report.outcomes.length} candidate test file(s) for changed code no test exercised and kept the ${report.kept.length} that passed every filter: they pass ${ISOLATION_RUNS} isolated runs and a run inside the suite, assert on the code under test, execute changed lines no test executed before, and fail when that code is mutated.`,
                    keptTable(report.kept),
                    `Changed lines covered: ${report.coverage.coveredBefore}/${report.coverage.changed} → ${report.coverage.coveredAfter}/${report.coverage.changed} (+${report.coverage.deltaPercent}%).`
                ].join('\n\n'),
                log,
                audit
            });
        });
    }
    let summary = generateSummary(report, {
        isolationRuns: ISOLATION_RUNS,
        deliveryMarkdown: delivery?.markdown.split('\n\n')[0]
    });
    if (!known.audit) {
        // Standalone: the audit trail is this command's to publish (`ci` publishes its own, shared one).
        const artifactName = await (0,report_audit/* uploadAuditArtifact */.xe)(audit, { env: context.env, log });
        summary += `\n\n${(0,report_audit/* renderAuditSummary */.sX)(audit.entries(), { artifactName })}`;
    }
    return {
        report,
        delivery,
        result: { outputs: run_outputs(report), summary, json: toJson(report, delivery), text: toText(report) }
    };
}


/***/ })

};
