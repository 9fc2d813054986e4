export const id = 432;
export const ids = [432];
export const modules = {

/***/ 84649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ coverageMapCache)
/* harmony export */ });
/* harmony import */ var _ports_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5994);
/* harmony import */ var _runners_coverage_map_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32602);


/** The coverage map's Actions cache entry (see coverage-map.ts), keyed by run. */
function coverageMapCache(context) {
    const { event } = context;
    return (0,_runners_coverage_map_js__WEBPACK_IMPORTED_MODULE_0__/* .coverageMapCache */ .lR)((0,_ports_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .createCachePort */ ._)(context.env, context.log), context.workDir, `${event.sha ?? 'local'}-${event.runId ?? 'local'}-${event.runAttempt ?? '1'}-${context.env.GITHUB_JOB ?? 'job'}`, context.log);
}


/***/ }),

/***/ 5994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ createCachePort)
/* harmony export */ });
/* unused harmony export actionsCacheAvailable */
function actionsCacheAvailable(env) {
    return Boolean(env.ACTIONS_RUNTIME_TOKEN && (env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL));
}
function createCachePort(env, log) {
    const available = actionsCacheAvailable(env);
    return {
        available,
        async restore(paths, primaryKey, restoreKeys = []) {
            if (!available)
                return undefined;
            try {
                const cache = await Promise.all(/* import() */[__webpack_require__.e(147), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
                return await cache.restoreCache(paths, primaryKey, restoreKeys);
            }
            catch (error) {
                log.warning(`Cache restore failed for ${primaryKey}: ${error.message}`);
                return undefined;
            }
        },
        async save(paths, key) {
            if (!available)
                return false;
            try {
                const cache = await Promise.all(/* import() */[__webpack_require__.e(147), __webpack_require__.e(91)]).then(__webpack_require__.bind(__webpack_require__, 18091));
                const id = await cache.saveCache(paths, key);
                return id !== -1;
            }
            catch (error) {
                log.warning(`Cache save failed for ${key}: ${error.message}`);
                return false;
            }
        }
    };
}


/***/ }),

/***/ 74795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ runShell),
/* harmony export */   R: () => (/* binding */ runProcess)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

const DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024;
function keepTail(buffer, chunk, max) {
    const joined = buffer + chunk;
    return joined.length > max ? joined.slice(joined.length - max) : joined;
}
/**
 * Runs a program without a shell, in its own process group so that a timeout kills the whole
 * tree (a test runner and every worker it started), and collects its output.
 */
function runProcess(command, args, options) {
    const started = Date.now();
    const max = options.maxOutput ?? DEFAULT_MAX_OUTPUT;
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            detached: process.platform !== 'win32',
            stdio: ['pipe', 'pipe', 'pipe'],
            windowsHide: true
        });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        let settled = false;
        const killTree = () => {
            if (child.pid === undefined)
                return;
            try {
                if (process.platform === 'win32')
                    child.kill('SIGKILL');
                else
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // already gone
            }
        };
        const timer = options.timeoutMs !== undefined
            ? setTimeout(() => {
                timedOut = true;
                killTree();
            }, options.timeoutMs)
            : undefined;
        const onAbort = () => killTree();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout = keepTail(stdout, chunk, max)));
        child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = keepTail(stderr, chunk, max)));
        child.on('error', error => {
            if (settled)
                return;
            settled = true;
            if (timer)
                clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            reject(error);
        });
        child.on('close', (exitCode, signal) => {
            if (settled)
                return;
            settled = true;
            if (timer)
                clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            // Workers left behind by a runner that exited on its own are ended too.
            if (process.platform !== 'win32')
                killTree();
            resolve({ exitCode, signal, stdout, stderr, timedOut, durationMs: Date.now() - started });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input ?? '');
    });
}
/** Runs a command line through the platform shell (for user-given commands such as `test-command`). */
function runShell(commandLine, options) {
    return process.platform === 'win32'
        ? runProcess('cmd.exe', ['/d', '/s', '/c', commandLine], options)
        : runProcess('/bin/sh', ['-c', commandLine], options);
}


/***/ }),

/***/ 70878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ escapeRegExp)
/* harmony export */ });
/** `text` as a RegExp source (JavaScript or Go's RE2) that matches exactly it. */
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/***/ }),

/***/ 32602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eb: () => (/* binding */ decodeIndices),
/* harmony export */   RH: () => (/* binding */ readCoverageMap),
/* harmony export */   WK: () => (/* binding */ recordCoverageMap),
/* harmony export */   lR: () => (/* binding */ coverageMapCache)
/* harmony export */ });
/* unused harmony exports COVERAGE_MAP_FILE, encodeIndices */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


const COVERAGE_MAP_FILE = 'coverage-map.json';
/** Runs kept: each newer run takes its tests out of the older ones. */
const MAX_RUNS = 8;
function readCoverageMap(workDir) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workDir, COVERAGE_MAP_FILE);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return { version: 1, runs: [] };
    try {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        if (parsed.version !== 1 || !Array.isArray(parsed.runs))
            return { version: 1, runs: [] };
        return { version: 1, runs: parsed.runs.filter(isRun) };
    }
    catch {
        return { version: 1, runs: [] };
    }
}
function isRun(run) {
    const r = run;
    return (typeof r === 'object' &&
        r !== null &&
        typeof r.commit === 'string' &&
        /^[0-9a-f]{40,64}$/.test(r.commit) &&
        typeof r.recordedAt === 'string' &&
        Array.isArray(r.sources) &&
        r.sources.every(s => typeof s?.path === 'string' &&
            Array.isArray(s.fns) &&
            s.fns.every(n => Number.isInteger(n)) &&
            typeof s.exact === 'boolean') &&
        typeof r.tests === 'object' &&
        r.tests !== null &&
        Object.values(r.tests).every(t => typeof t === 'object' && t !== null && Object.values(t).every(v => typeof v === 'string')));
}
/**
 * Adds one run's per-test coverage to the map in `workDir`: the tests move to the new run, older
 * runs keep the rest, and runs left without tests are dropped.
 */
function recordCoverageMap(workDir, commit, coverage, alsoInstrumented = [], now = new Date()) {
    const map = readCoverageMap(workDir);
    const run = buildRun(commit, coverage, now);
    // Files instrumented in the run that no recorded test loaded (a failing test's sources, say):
    // select then knows that a change to them does not touch the recorded tests.
    const known = new Set(run.sources.map(source => source.path));
    for (const path of [...alsoInstrumented].sort())
        if (!known.has(path)) {
            known.add(path);
            run.sources.push({ path, fns: [], exact: true });
        }
    const runs = [
        run,
        ...map.runs.filter(old => old.commit !== commit).map(old => withoutTests(old, coverage))
    ].filter(r => Object.keys(r.tests).length > 0);
    const merged = { version: 1, runs: runs.slice(0, MAX_RUNS) };
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(workDir, { recursive: true });
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workDir, COVERAGE_MAP_FILE);
    const temp = `${target}.${process.pid}.tmp`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temp, JSON.stringify(merged) + '\n');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, target);
    return merged;
}
function withoutTests(run, tests) {
    return { ...run, tests: Object.fromEntries(Object.entries(run.tests).filter(([test]) => !tests.has(test))) };
}
function buildRun(commit, coverage, now) {
    const sources = [];
    const sourceIndex = new Map();
    /** Per source: function start ("line:column") → its index in the source's `fns`. */
    const fnIndex = [];
    const tests = {};
    for (const [test, files] of [...coverage].sort(([a], [b]) => a.localeCompare(b))) {
        const entry = {};
        for (const [path, { fns, exact }] of Object.entries(files)) {
            let at = sourceIndex.get(path);
            if (at === undefined) {
                at = sources.length;
                sourceIndex.set(path, at);
                sources.push({ path, fns: [], exact });
                fnIndex.push(new Map());
            }
            const source = sources[at];
            const index = fnIndex[at];
            source.exact &&= exact;
            const ran = [];
            for (let i = 0; source.exact && i + 1 < fns.length; i += 2) {
                const key = `${fns[i]}:${fns[i + 1]}`;
                let fn = index.get(key);
                if (fn === undefined) {
                    fn = source.fns.length / 2;
                    index.set(key, fn);
                    source.fns.push(fns[i], fns[i + 1]);
                }
                ran.push(fn);
            }
            entry[String(at)] = encodeIndices(ran);
        }
        tests[test] = entry;
    }
    for (const source of sources)
        if (!source.exact)
            source.fns = [];
    return { commit, recordedAt: now.toISOString(), sources, tests };
}
/** A set of small integers as a bit set in base64url ('' for none). */
function encodeIndices(indices) {
    if (indices.length === 0)
        return '';
    const bytes = Buffer.alloc((Math.max(...indices) >> 3) + 1);
    for (const i of indices)
        bytes[i >> 3] = bytes[i >> 3] | (1 << (i & 7));
    return bytes.toString('base64url');
}
function decodeIndices(text) {
    const bytes = Buffer.from(text, 'base64url');
    const indices = [];
    for (let b = 0; b < bytes.length; b++)
        for (let bit = 0; bit < 8; bit++)
            if ((bytes[b] >> bit) & 1)
                indices.push(b * 8 + bit);
    return indices;
}
function coverageMapCache(cache, workDir, keySuffix, log) {
    if (!cache.available)
        return undefined;
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workDir, COVERAGE_MAP_FILE);
    const prefix = 'ci-medic-coverage-map-';
    return {
        async restore() {
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
                return;
            const hit = await cache.restore([path], `${prefix}${keySuffix}`, [prefix]);
            log.info(hit ? `Coverage map restored (${hit}).` : 'No coverage map in the cache yet.');
        },
        async save() {
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
                await cache.save([path], `${prefix}${keySuffix}-${Date.now()}`);
        }
    };
}


/***/ }),

/***/ 38408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ nodeFlagsOf),
/* harmony export */   QO: () => (/* binding */ jestConfigArgument),
/* harmony export */   Sm: () => (/* binding */ allGroups),
/* harmony export */   Z1: () => (/* binding */ groupFiles),
/* harmony export */   c9: () => (/* binding */ jestConfigOf),
/* harmony export */   jJ: () => (/* binding */ readPackageJson)
/* harmony export */ });
/* unused harmony exports detectJsFramework, isPythonProject, ownerOf, nodeTestFiles */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _frameworks_node_resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99656);



const JS_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx']);
const PYTHON_MARKERS = ['pytest.ini', 'pyproject.toml', 'setup.cfg', 'tox.ini'];
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'vendor', '.venv', 'venv', '__pycache__']);
function readPackageJson(dir) {
    return (0,_frameworks_node_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .readJson */ .Vh)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json'));
}
function has(dir, names) {
    return names.some(name => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name)));
}
const CONFIGS = (stem) => ['js', 'cjs', 'mjs', 'ts', 'mts', 'cts', 'json'].map(ext => `${stem}.${ext}`);
/** The JavaScript test framework a package uses, from its scripts, dependencies and config files. */
function detectJsFramework(dir) {
    const pkg = readPackageJson(dir);
    const script = pkg?.scripts?.test ?? '';
    if (/\bvitest\b/.test(script))
        return 'vitest';
    if (/\bjest\b/.test(script))
        return 'jest';
    if (/\bmocha\b/.test(script))
        return 'mocha';
    if (/\bnode\b[^&|;]*\s--test\b/.test(script))
        return 'node-test';
    const deps = { ...pkg?.dependencies, ...pkg?.devDependencies };
    if (deps.vitest)
        return 'vitest';
    if (deps.jest)
        return 'jest';
    if (deps.mocha)
        return 'mocha';
    if (has(dir, CONFIGS('vitest.config')))
        return 'vitest';
    if (pkg?.jest !== undefined || has(dir, CONFIGS('jest.config')))
        return 'jest';
    if (pkg?.mocha !== undefined ||
        has(dir, [
            '.mocharc.js',
            '.mocharc.cjs',
            '.mocharc.json',
            '.mocharc.jsonc',
            '.mocharc.yml',
            '.mocharc.yaml'
        ]))
        return 'mocha';
    return undefined;
}
function isPythonProject(dir) {
    return has(dir, [...PYTHON_MARKERS, 'conftest.py']);
}
/** The config file a test script hands jest (`--config <file>`, `-c <file>`), as written; not inline JSON. */
function jestConfigArgument(script) {
    const match = /\bjest\b[^&|;]*?\s(?:--config(?:=|\s+)|-c\s+)(?:"([^"]+)"|'([^']+)'|([^\s"']+))/.exec(script);
    const path = match?.[1] ?? match?.[2] ?? match?.[3];
    return path && !path.trimStart().startsWith('{') ? path : undefined;
}
/**
 * The config file the test script hands jest (`jest --config ./scripts/jest.config.js`, `-c`),
 * as an absolute path, when it exists.
 */
function jestConfigOf(dir) {
    const path = jestConfigArgument(readPackageJson(dir)?.scripts?.test ?? '');
    if (!path)
        return undefined;
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir, path);
    return insideRepo(file, dir) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) ? file : undefined;
}
/** Node flags the test script gives node itself (`node --experimental-vm-modules …`, `NODE_OPTIONS=…`). */
function nodeFlagsOf(dir) {
    const script = readPackageJson(dir)?.scripts?.test ?? '';
    const flags = [];
    const direct = /\bnode((?:\s+--[\w-]+(?:=\S+)?)+)/.exec(script);
    if (direct?.[1])
        flags.push(...direct[1]
            .trim()
            .split(/\s+/)
            .filter(flag => flag !== '--test'));
    const options = /NODE_OPTIONS=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(script);
    const fromOptions = options?.[1] ?? options?.[2] ?? options?.[3];
    if (fromOptions)
        flags.push(...fromOptions.split(/\s+/).filter(flag => flag.startsWith('--')));
    return [...new Set(flags)].filter(flag => /^--[\w-]+(=[\w./:@-]+)?$/.test(flag));
}
function insideRepo(dir, repoDir) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(repoDir, dir);
    return !rel.startsWith('..') && !rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).includes('node_modules');
}
function ancestors(file, repoDir) {
    const dirs = [];
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file);
    while (insideRepo(dir, repoDir)) {
        dirs.push(dir);
        if (dir === repoDir)
            break;
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    if (!dirs.includes(repoDir))
        dirs.push(repoDir);
    return dirs;
}
function sniffNodeTest(file) {
    try {
        return /['"]node:test['"]/.test((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').slice(0, 20_000));
    }
    catch {
        return false;
    }
}
/** Which framework runs one test file, and in which folder. */
function ownerOf(file, repoDir) {
    const ext = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(file);
    const dirs = ancestors(file, repoDir);
    if (ext === '.go') {
        return { framework: 'go', packageDir: dirs.find(dir => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'go.mod'))) ?? repoDir };
    }
    if (ext === '.py') {
        return { framework: 'pytest', packageDir: dirs.find(dir => has(dir, PYTHON_MARKERS)) ?? repoDir };
    }
    if (JS_EXTENSIONS.has(ext)) {
        for (const dir of dirs) {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json')))
                continue;
            const framework = detectJsFramework(dir);
            if (framework)
                return { framework, packageDir: dir };
        }
        const nearest = dirs.find(dir => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json'))) ?? repoDir;
        if (sniffNodeTest(file))
            return { framework: 'node-test', packageDir: nearest };
        return { framework: 'node-test', packageDir: nearest };
    }
    throw new Error(`No test framework runs ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(repoDir, file)}: expected a JavaScript/TypeScript, Python or Go test file.`);
}
/** Groups test files by package and framework, each group run by its own runner. */
function groupFiles(files, repoDir) {
    const groups = new Map();
    for (const rel of files) {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(repoDir, rel);
        const owner = ownerOf(file, repoDir);
        const key = `${owner.framework}\0${owner.packageDir}`;
        const group = groups.get(key) ?? { ...owner, files: [], all: false };
        group.files.push(file);
        groups.set(key, group);
    }
    return [...groups.values()];
}
function workspaceDirs(repoDir) {
    const pkg = readPackageJson(repoDir);
    const patterns = Array.isArray(pkg?.workspaces) ? pkg.workspaces : (pkg?.workspaces?.packages ?? []);
    const dirs = [];
    for (const pattern of patterns) {
        if (pattern.endsWith('/*') || pattern.endsWith('/**')) {
            const base = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(repoDir, pattern.replace(/\/\*\*?$/, ''));
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(base))
                continue;
            for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(base)) {
                const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(base, entry);
                if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir).isDirectory() && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json')))
                    dirs.push(dir);
            }
        }
        else if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(repoDir, pattern, 'package.json'))) {
            dirs.push((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(repoDir, pattern));
        }
    }
    return dirs;
}
function findGoModules(dir, found = [], depth = 0) {
    if (depth > 6)
        return found;
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'go.mod')))
        found.push(dir);
    for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) {
            findGoModules((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name), found, depth + 1);
        }
    }
    return found;
}
/** Every test suite of the repository, for a run of all tests. */
function allGroups(repoDir) {
    const groups = [];
    const rootFramework = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(repoDir, 'package.json')) ? detectJsFramework(repoDir) : undefined;
    const jsGroup = (framework, dir) => {
        if (framework !== 'node-test') {
            groups.push({ framework, packageDir: dir, files: [], all: true });
            return;
        }
        // node --test's own default patterns, listed up front so that a file that dies or hangs takes
        // only itself down: the files after it are run on their own.
        const files = nodeTestFiles(dir);
        if (files.length > 0)
            groups.push({ framework, packageDir: dir, files, all: false });
    };
    if (rootFramework)
        jsGroup(rootFramework, repoDir);
    else {
        for (const dir of workspaceDirs(repoDir)) {
            const framework = detectJsFramework(dir);
            if (framework)
                jsGroup(framework, dir);
        }
    }
    if (isPythonProject(repoDir))
        groups.push({ framework: 'pytest', packageDir: repoDir, files: [], all: true });
    // Go test files are found here rather than by `./...`, so that a test binary that dies takes
    // only its own file down: the files after it are run again on their own.
    for (const dir of findGoModules(repoDir)) {
        const files = goTestFiles(dir);
        if (files.length > 0)
            groups.push({ framework: 'go', packageDir: dir, files, all: false });
    }
    return groups;
}
function goTestFiles(moduleDir, dir = moduleDir, found = [], depth = 0) {
    if (depth > 12)
        return found;
    for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name);
        if (entry.isDirectory()) {
            const skip = SKIP_DIRS.has(entry.name) ||
                entry.name === 'testdata' ||
                entry.name.startsWith('.') ||
                entry.name.startsWith('_');
            if (!skip && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, 'go.mod')))
                goTestFiles(moduleDir, path, found, depth + 1);
        }
        else if (entry.name.endsWith('_test.go')) {
            found.push(path);
        }
    }
    return found.sort();
}
const NODE_TEST_NAME = /(?:[.\-_]test|^test-.+|^test)\.[cm]?js$/;
/** The files `node --test` runs by default (or under the folders its test script names). */
function nodeTestFiles(packageDir) {
    const script = readPackageJson(packageDir)?.scripts?.test ?? '';
    const args = /\bnode\b[^&|;]*?\s--test\b([^&|;]*)/.exec(script)?.[1] ?? '';
    const roots = args
        .trim()
        .split(/\s+/)
        .filter(arg => arg && !arg.startsWith('-'))
        .map(arg => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(packageDir, arg));
    const found = new Set();
    const walk = (dir, inTestDir, depth) => {
        if (depth > 12)
            return;
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== 'node_modules' && !entry.name.startsWith('.'))
                    walk(path, inTestDir || entry.name === 'test', depth + 1);
            }
            else if (/\.[cm]?js$/.test(entry.name) && (inTestDir || NODE_TEST_NAME.test(entry.name))) {
                found.add(path);
            }
        }
    };
    for (const root of roots.length > 0 ? roots : [packageDir]) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(root))
            continue;
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(root).isDirectory())
            walk(root, false, 0);
        else
            found.add(root);
    }
    return [...found].sort();
}


/***/ }),

/***/ 99656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vh: () => (/* binding */ readJson),
/* harmony export */   a2: () => (/* binding */ requirePackage),
/* harmony export */   jU: () => (/* binding */ binOf)
/* harmony export */ });
/* unused harmony export findPackageDir */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The folder of an installed package, found the way Node looks: up the node_modules folders. */
function findPackageDir(name, fromDir) {
    let dir = fromDir;
    for (;;) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'node_modules', name);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(candidate, 'package.json')))
            return candidate;
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (parent === dir)
            return undefined;
        dir = parent;
    }
}
function readJson(file) {
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** The path of a package's bin script, e.g. `jest` → node_modules/jest/bin/jest.js. */
function binOf(packageDir, bin) {
    const pkg = readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(packageDir, 'package.json'));
    const rel = typeof pkg?.bin === 'string' ? pkg.bin : pkg?.bin?.[bin];
    return rel ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(packageDir, rel) : undefined;
}
function requirePackage(name, fromDir, installHint) {
    const dir = findPackageDir(name, fromDir);
    if (!dir) {
        throw new Error(`${name} is not installed for ${fromDir}: ${installHint}`);
    }
    return dir;
}


/***/ }),

/***/ 4632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KA: () => (/* reexport */ compareToBase),
  DI: () => (/* reexport */ isFailing),
  BZ: () => (/* reexport */ isFailingCase),
  N$: () => (/* binding */ runTests)
});

// UNUSED EXPORTS: failingFiles, mergeRetry, readTimings, recordTimings, totalsOf

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/ports/exec.ts
var exec = __webpack_require__(74795);
// EXTERNAL MODULE: ./src/runners/detect.ts
var detect = __webpack_require__(38408);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/runners/sourcemap.ts



const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const cache = new Map();
function decodeVlq(text) {
    const values = [];
    let value = 0;
    let shift = 0;
    for (const char of text) {
        const digit = BASE64.indexOf(char);
        if (digit < 0)
            return values;
        value += (digit & 31) << shift;
        if (digit & 32) {
            shift += 5;
        }
        else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
        }
    }
    return values;
}
function parseMap(raw, mapDir) {
    const root = raw.sourceRoot ?? '';
    const sources = (raw.sources ?? []).map(source => source.startsWith('file://') ? (0,external_node_url_.fileURLToPath)(source) : (0,external_node_path_.resolve)(mapDir, root, source));
    const lines = [];
    let source = 0;
    let line = 0;
    let column = 0;
    for (const encodedLine of (raw.mappings ?? '').split(';')) {
        const segments = [];
        let generatedColumn = 0;
        for (const encoded of encodedLine.split(',')) {
            if (!encoded)
                continue;
            const values = decodeVlq(encoded);
            generatedColumn += values[0] ?? 0;
            if (values.length >= 4) {
                source += values[1] ?? 0;
                line += values[2] ?? 0;
                column += values[3] ?? 0;
                segments.push({ generatedColumn, source, line, column });
            }
        }
        lines.push(segments);
    }
    return { sources, lines };
}
function loadMap(file) {
    if (cache.has(file))
        return cache.get(file) ?? null;
    let parsed = null;
    try {
        const code = (0,external_node_fs_.readFileSync)(file, 'utf8');
        const reference = /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
        if (reference?.startsWith('data:')) {
            const data = reference.slice(reference.indexOf(',') + 1);
            const json = reference.includes(';base64,')
                ? Buffer.from(data, 'base64').toString('utf8')
                : decodeURIComponent(data);
            parsed = parseMap(JSON.parse(json), (0,external_node_path_.dirname)(file));
        }
        else {
            const mapFile = reference ? (0,external_node_path_.resolve)((0,external_node_path_.dirname)(file), reference) : `${file}.map`;
            if ((0,external_node_fs_.existsSync)(mapFile))
                parsed = parseMap(JSON.parse((0,external_node_fs_.readFileSync)(mapFile, 'utf8')), (0,external_node_path_.dirname)(mapFile));
        }
    }
    catch {
        parsed = null;
    }
    cache.set(file, parsed);
    return parsed;
}
/** The source position of a generated position (1-based line and column), when a source map says. */
function originalPosition(file, line, column) {
    return originalPositionIn(loadMap(file), line, column);
}
/** originalPosition with the parsed map at hand. */
function originalPositionIn(map, line, column) {
    const segments = map?.lines[line - 1];
    if (!map || !segments || segments.length === 0)
        return undefined;
    let best = segments[0];
    for (const segment of segments)
        if (segment.generatedColumn <= column - 1)
            best = segment;
    const source = map.sources[best.source];
    if (!source)
        return undefined;
    return { file: source, line: best.line + 1, column: best.column + 1 };
}

;// CONCATENATED MODULE: ./src/runners/stack.ts




const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
function stripAnsi(text) {
    return text.replace(ANSI, '');
}
const JS_FRAME = /(?:\(|\bat\s+|^\s*)((?:file:\/\/)?(?:\/|[A-Za-z]:[\\/])[^():\n]+?|[\w.@-][\w./@-]*\.[cm]?[jt]sx?):(\d+)(?::(\d+))?\)?/gm;
const PY_FRAME = /File "([^"\n]+)", line (\d+)/g;
const PY_SHORT = /^([^\s:][^:\n]*\.py):(\d+):/gm;
const GO_FRAME = /^\s*([\w./-]+\.go):(\d+)(?::(\d+))?/gm;
function framesOf(stack) {
    const frames = [];
    for (const pattern of [JS_FRAME, PY_FRAME, PY_SHORT, GO_FRAME]) {
        for (const match of stack.matchAll(pattern)) {
            const path = match[1];
            const offset = match[0].indexOf(path);
            const js = pattern === JS_FRAME;
            frames.push({
                index: (match.index ?? 0) + offset,
                // JavaScript frames are rewritten whole (a source map moves the line); others keep their line text.
                length: js ? match[0].length - offset - (match[0].endsWith(')') ? 1 : 0) : path.length,
                pathOnly: !js,
                path,
                line: Number(match[2]),
                column: match[3] ? Number(match[3]) : undefined
            });
        }
    }
    frames.sort((a, b) => a.index - b.index);
    return frames.filter((frame, i) => i === 0 || frame.index >= frames[i - 1].index + frames[i - 1].length);
}
function toAbsolute(path, context) {
    let file = path;
    if (file.startsWith('file://')) {
        try {
            file = (0,external_node_url_.fileURLToPath)(file);
        }
        catch {
            return file;
        }
    }
    file = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(context.cwd, file);
    for (const alias of context.aliases ?? []) {
        if (file === alias || file.startsWith(alias + external_node_path_.sep))
            return (0,external_node_path_.join)(context.repoDir, (0,external_node_path_.relative)(alias, file));
    }
    return file;
}
/** Repository-relative path (forward slashes) of a file inside the repository, outside node_modules. */
function repoRelative(absolute, repoDir) {
    const rel = (0,external_node_path_.relative)(repoDir, absolute);
    if (!rel || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return undefined;
    const posix = rel.split(external_node_path_.sep).join('/');
    if (posix.split('/').includes('node_modules'))
        return undefined;
    return posix;
}
/**
 * Maps a compiled file position back to its source: through a source map when there is one
 * (`x.js.map` or an inline map), else by the `dist/x.test.js` ↔ `src/x.test.ts` convention.
 */
function mapToSource(absolute, line, column, repoDir) {
    const rel = repoRelative(absolute, repoDir);
    if (!rel)
        return undefined;
    if (/\.[cm]?js$/.test(rel)) {
        const mapped = originalPosition(absolute, line, column ?? 1);
        if (mapped) {
            const mappedRel = repoRelative(mapped.file, repoDir);
            if (mappedRel)
                return { file: mappedRel, line: mapped.line, column: mapped.column };
        }
    }
    const source = sourceForCompiled(rel, repoDir);
    return source ? { file: source, line, column } : { file: rel, line, column };
}
const COMPILED_DIRS = ['dist', 'build', 'out'];
/**
 * The source file of a compiled file by path convention (`dist/x.test.js` → `src/x.test.ts`, or
 * `dist/src/x.test.js` → `src/x.test.ts`), when it exists; undefined for anything else.
 */
function sourceForCompiled(rel, repoDir) {
    const parts = rel.split('/');
    const at = parts.findIndex(part => COMPILED_DIRS.includes(part));
    if (at < 0 || !/\.[cm]?js$/.test(rel))
        return undefined;
    const before = parts.slice(0, at);
    const after = parts.slice(at + 1);
    const stem = after.join('/').replace(/\.([cm]?)js$/, '');
    const candidates = [];
    for (const dir of [['src'], []]) {
        for (const ext of ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx']) {
            candidates.push([...before, ...dir, stem + ext].join('/'));
            if (after[0] === 'src')
                candidates.push([...before, stem.replace(/^src\//, 'src/') + ext].join('/'));
        }
    }
    return candidates.find(candidate => candidate !== rel && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(repoDir, candidate)));
}
/** Rewrites frames to repository paths (mapped to sources) and finds the first frame in the repository. */
function mapStack(stackText, context) {
    const stack = stripAnsi(stackText);
    let out = '';
    let last = 0;
    let location;
    for (const frame of framesOf(stack)) {
        const absolute = toAbsolute(frame.path, context);
        const mapped = (0,external_node_fs_.existsSync)(absolute)
            ? mapToSource(absolute, frame.line, frame.column, context.repoDir)
            : undefined;
        if (!mapped)
            continue;
        location ??= mapped;
        out +=
            stack.slice(last, frame.index) +
                (frame.pathOnly
                    ? mapped.file
                    : `${mapped.file}:${mapped.line}${mapped.column !== undefined ? `:${mapped.column}` : ''}`);
        last = frame.index + frame.length;
    }
    out += stack.slice(last);
    return { stack: withoutRunnerFrames(out), location };
}
/** The part of a failure text before its stack frames. */
function messageOf(text) {
    const clean = stripAnsi(text);
    const frame = clean.search(/\n\s+at\s/);
    return (frame >= 0 ? clean.slice(0, frame) : clean).trim();
}
function readTextIfExists(file) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** Frames of the test runner itself (node_modules, node internals) say nothing about the failure. */
function withoutRunnerFrames(stack) {
    return stack
        .split('\n')
        .filter(line => !/^\s+at\s(?:.*[(\s])?(?:[^\s()]*\/node_modules\/|node:|<anonymous>\)?$)/.test(line))
        .join('\n');
}

;// CONCATENATED MODULE: ./src/runners/events.ts


function parseEvents(text) {
    const events = [];
    for (const line of text.split('\n')) {
        if (!line.trim())
            continue;
        try {
            const event = JSON.parse(line);
            if (event && typeof event === 'object' && typeof event.t === 'string')
                events.push(event);
        }
        catch {
            // a line cut off by a killed process
        }
    }
    return events;
}
const OUTPUT_TAIL = 8000;
function head(text, max = OUTPUT_TAIL) {
    const clean = stripAnsi(text).trim();
    return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
function tail(text, max = OUTPUT_TAIL) {
    const clean = stripAnsi(text);
    return clean.length > max ? `…${clean.slice(clean.length - max)}` : clean;
}
function fileStatus(tests, errored) {
    if (errored)
        return 'errored';
    if (tests.some(t => t.status === 'failed' || t.status === 'errored'))
        return 'failed';
    if (tests.length > 0 && tests.every(t => t.status === 'skipped'))
        return 'skipped';
    return 'passed';
}
function describeEnd(outcome) {
    if (outcome.timedOut)
        return `The test run was killed after the ${Math.round(outcome.timeoutMs / 1000)}s time limit (test-timeout)`;
    if (outcome.signal)
        return `The test process was killed by ${outcome.signal}`;
    return `The test process exited with code ${outcome.exitCode}`;
}
/**
 * Turns the events of one run into file results. A file that reported is taken as reported; a file
 * that did not is `errored` with the process output as evidence — never a pass.
 */
function assemble(options) {
    const { stack, outcome } = options;
    const key = (file) => ((0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(stack.cwd, file));
    const started = new Set();
    const finished = new Map();
    const cases = new Map();
    let ended = false;
    for (const event of options.events) {
        if (event.t === 'end')
            ended = true;
        else if (event.t === 'start')
            started.add(key(event.file));
        else if (event.t === 'file')
            finished.set(key(event.file), event);
        else if (event.t === 'case') {
            const file = key(event.file);
            const list = cases.get(file) ?? [];
            list.push(toCase(event, stack));
            cases.set(file, list);
        }
    }
    // A file that started and did not finish is the one the crash or hang is charged to.
    const inProgress = [...started].some(file => !finished.has(file) || finished.get(file)?.error !== undefined);
    const processFailed = outcome.timedOut || outcome.signal !== null || (outcome.exitCode ?? 1) !== 0;
    const files = [];
    const notStarted = [];
    for (const expected of options.expected) {
        const file = key(expected);
        const tests = cases.get(file) ?? [];
        const done = finished.get(file);
        const rel = displayPath(file, stack.repoDir);
        const durationMs = Math.round(done?.durationMs ?? tests.reduce((sum, t) => sum + t.durationMs, 0));
        if (done) {
            const errored = done.error !== undefined;
            const result = { file: rel, status: fileStatus(tests, errored), durationMs, tests };
            if (done.error) {
                // The reason comes first in a runner's file error (a syntax error and its code frame):
                // keep the head, with runner frames dropped and paths made repository-relative.
                const message = mapStack(done.error.message, stack).stack;
                const frames = done.error.stack ? mapStack(done.error.stack, stack).stack : '';
                const text = frames && !message.includes(frames.trim()) && frames.trim() !== message.trim()
                    ? `${message}\n${frames}`
                    : message;
                result.output = head(text);
            }
            // A run that exits non-zero although every file "passed" (e.g. an error after the tests) is not a pass.
            files.push(result);
            continue;
        }
        if (ended && tests.length > 0) {
            files.push({ file: rel, status: fileStatus(tests, false), durationMs, tests });
            continue;
        }
        const standsForPackage = file === (0,external_node_path_.resolve)(stack.cwd);
        if (processFailed &&
            options.reportsStarts &&
            inProgress &&
            !standsForPackage &&
            !started.has(file) &&
            tests.length === 0) {
            notStarted.push(expected);
            continue;
        }
        const why = standsForPackage
            ? 'before the whole suite ran (files after the failure may not have run)'
            : started.has(file) || tests.length > 0
                ? 'while this file was running'
                : 'before this file reported';
        const message = ended && !processFailed
            ? 'The runner finished without reporting this file (no tests were found in it, or it was not collected)'
            : `${describeEnd(outcome)} ${why}; no report was written for it.`;
        files.push({
            file: rel,
            status: 'errored',
            durationMs: started.has(file) ? Math.max(durationMs, 0) : durationMs,
            tests,
            output: `${message}\n${tail(outcome.output)}`
        });
    }
    // The process failed although every file reported success: that failure must not vanish.
    if (processFailed &&
        files.length > 0 &&
        notStarted.length === 0 &&
        files.every(f => f.status === 'passed' || f.status === 'skipped') &&
        !ended) {
        for (const f of files) {
            f.status = 'errored';
            f.output = `${describeEnd(outcome)} after the tests reported.\n${tail(outcome.output)}`;
        }
    }
    return { files, notStarted };
}
function displayPath(file, repoDir) {
    if ((0,external_node_path_.resolve)(file) === (0,external_node_path_.resolve)(repoDir))
        return '.';
    const rel = repoRelative(file, repoDir);
    if (!rel)
        return file;
    return sourceForCompiled(rel, repoDir) ?? rel;
}
function toCase(event, context) {
    const result = {
        name: event.name,
        status: event.status,
        durationMs: Math.max(0, Math.round(event.durationMs ?? 0))
    };
    if (event.status === 'failed' || event.status === 'errored') {
        const text = event.stack ?? event.message ?? '';
        result.message = stripAnsi(event.message ?? messageOf(text)).trim() || 'Test failed.';
        if (text) {
            const mapped = mapStack(text, context);
            result.stack = mapped.stack;
            if (mapped.location)
                result.location = mapped.location;
        }
        if (!result.location && event.line !== undefined) {
            const file = (0,external_node_path_.isAbsolute)(event.file) ? event.file : (0,external_node_path_.resolve)(context.cwd, event.file);
            const rel = repoRelative(file, context.repoDir);
            if (rel)
                result.location = { file: rel, line: event.line, ...(event.column ? { column: event.column } : {}) };
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./src/runners/build.ts





const OUT_DIRS = ['dist', 'build', 'out'];
function jestConfigText(dir) {
    const pkg = (0,detect/* readPackageJson */.jJ)(dir);
    let text = pkg?.jest ? JSON.stringify(pkg.jest) : '';
    for (const name of [
        'jest.config.js',
        'jest.config.cjs',
        'jest.config.mjs',
        'jest.config.json',
        'jest.config.ts'
    ]) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, name)))
            text += (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, name), 'utf8');
    }
    return text;
}
/** Compiled-output folders the package's tests run from (named by its test script or jest config). */
function testedOutDirs(dir) {
    const script = (0,detect/* readPackageJson */.jJ)(dir)?.scripts?.test ?? '';
    const config = jestConfigText(dir);
    return OUT_DIRS.filter(out => new RegExp(`(^|[\\s'"=/])${out}(/|\\b)`).test(script.replace(/\b(npm|yarn|pnpm) run build\b/g, '')) ||
        new RegExp(`['"](<rootDir>/)?${out}(/|['"])`).test(config));
}
/** The build command a package declares for its tests, if its tests need one. */
function buildCommandFor(dir) {
    const scripts = (0,detect/* readPackageJson */.jJ)(dir)?.scripts ?? {};
    if (scripts.pretest)
        return 'npm run pretest --silent';
    const test = scripts.test ?? '';
    const buildsInTest = /\b(npm|yarn|pnpm)( run)? build\b|\btsc\b/.test(test);
    if ((buildsInTest || testedOutDirs(dir).length > 0) && scripts.build)
        return 'npm run build --silent';
    if (/\btsc\b/.test(test))
        return 'npx --no-install tsc';
    return undefined;
}
/** The compiled counterpart of a source test file in one of the tested output folders. */
function compiledFor(file, dir, outDirs) {
    if (!/\.(c|m)?tsx?$/.test(file))
        return undefined;
    const rel = (0,external_node_path_.relative)(dir, file).split('\\').join('/');
    const stem = rel.replace(/\.(c|m)?tsx?$/, '');
    const ext = /\.mts$/.test(file) ? '.mjs' : /\.cts$/.test(file) ? '.cjs' : '.js';
    for (const out of outDirs) {
        for (const candidate of [`${out}/${stem.replace(/^src\//, '')}${ext}`, `${out}/${stem}${ext}`]) {
            if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, candidate)))
                return (0,external_node_path_.join)(dir, candidate);
        }
    }
    return undefined;
}
/** Runs the package's declared build step when its tests run from compiled output, and maps files to it. */
async function prepareBuild(group, options) {
    if (!['jest', 'vitest', 'mocha', 'node-test'].includes(group.framework))
        return { ok: true, files: group.files };
    const command = buildCommandFor(group.packageDir);
    if (!command)
        return { ok: true, files: group.files };
    options.log.info(`Building before the tests: ${command} (in ${group.packageDir})`);
    const result = await (0,exec/* runShell */.E)(command, {
        cwd: group.packageDir,
        env: options.env,
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        maxOutput: 256 * 1024
    });
    if (result.timedOut || result.exitCode !== 0) {
        const end = result.timedOut
            ? `timed out after ${Math.round(options.timeoutMs / 1000)}s`
            : `failed with exit code ${result.exitCode}`;
        return {
            ok: false,
            command,
            output: `The build step \`${command}\` ${end}.\n${tail(result.stdout + result.stderr)}`
        };
    }
    const outDirs = testedOutDirs(group.packageDir);
    const files = group.files.map(file => outDirs.length ? (compiledFor(file, group.packageDir, outDirs) ?? file) : file);
    return { ok: true, files, command };
}

// EXTERNAL MODULE: ./src/regexp.ts
var regexp = __webpack_require__(70878);
;// CONCATENATED MODULE: ./src/runners/frameworks/go.ts



const TEST_FUNC = /^func\s+(Test\w*)\s*\(\s*\w+\s+\*testing\.T\s*\)/gm;
function testsIn(file) {
    try {
        return [...(0,external_node_fs_.readFileSync)(file, 'utf8').matchAll(TEST_FUNC)].map(match => match[1]);
    }
    catch {
        return [];
    }
}
function modulePath(moduleDir) {
    try {
        return /^module\s+(\S+)/m.exec((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(moduleDir, 'go.mod'), 'utf8'))?.[1] ?? '';
    }
    catch {
        return '';
    }
}
/** Turns `go test -json` (the go tool's own event stream on stdout) into the line protocol. */
function goEvents(stdout, moduleDir, packageDirs, stderr = '') {
    const module = modulePath(moduleDir);
    const dirOf = (pkg) => pkg === module
        ? moduleDir
        : pkg.startsWith(module + '/')
            ? (0,external_node_path_.join)(moduleDir, pkg.slice(module.length + 1))
            : pkg;
    // test name → file, for every test file of the packages that ran
    const fileOfTest = new Map();
    const filesOfPackage = new Map();
    const ensurePackage = (dir) => {
        let files = filesOfPackage.get(dir);
        if (files)
            return files;
        files = (0,external_node_fs_.existsSync)(dir)
            ? (0,external_node_fs_.readdirSync)(dir)
                .filter(name => name.endsWith('_test.go'))
                .map(name => (0,external_node_path_.join)(dir, name))
            : [];
        for (const file of files)
            for (const test of testsIn(file))
                fileOfTest.set(`${dir}\0${test}`, file);
        filesOfPackage.set(dir, files);
        return files;
    };
    for (const dir of packageDirs)
        ensurePackage(dir);
    const events = [];
    const output = new Map();
    const packageOutput = new Map();
    let lastWasPackageEnd = false;
    const started = new Set();
    const closed = new Set();
    const remaining = new Map();
    const running = new Set();
    const touched = new Map();
    const absolutize = (text, dir) => text.replace(/^(\s*)([\w.-]+\.go):(\d+)/gm, (_all, space, name, line) => `${space}${(0,external_node_path_.join)(dir, name)}:${line}`);
    for (const line of stdout.split('\n')) {
        if (!line.startsWith('{'))
            continue;
        let event;
        try {
            event = JSON.parse(line);
        }
        catch {
            continue;
        }
        if (!event.Package)
            continue;
        lastWasPackageEnd = !event.Test && ['pass', 'fail', 'skip'].includes(event.Action);
        const dir = dirOf(event.Package);
        ensurePackage(dir);
        if (!event.Test) {
            if (event.Action === 'output')
                packageOutput.set(dir, (packageOutput.get(dir) ?? '') + (event.Output ?? ''));
            else if (['pass', 'fail', 'skip'].includes(event.Action)) {
                const ran = touched.get(dir) ?? new Set();
                const failedOutside = event.Action === 'fail';
                for (const file of ran) {
                    if (closed.has(file))
                        continue;
                    closed.add(file);
                    const unfinished = [...running].filter(key => key.startsWith(`${dir}\0`) &&
                        fileOfTest.get(`${dir}\0${key.slice(dir.length + 1).split('/')[0]}`) === file);
                    if (unfinished.length > 0) {
                        const names = unfinished.map(key => key.slice(dir.length + 1)).join(', ');
                        const text = unfinished.map(key => output.get(key) ?? '').join('') + (packageOutput.get(dir) ?? '');
                        events.push({
                            t: 'file',
                            file,
                            error: {
                                message: `${names} did not finish: the test binary ended.\n${absolutize(text, dir)}`.trim()
                            }
                        });
                        for (const key of unfinished)
                            running.delete(key);
                    }
                    else {
                        events.push({ t: 'file', file });
                    }
                }
                if (failedOutside && ran.size === 0) {
                    for (const file of packageDirs.length === 0 || packageDirs.includes(dir)
                        ? (filesOfPackage.get(dir) ?? [])
                        : []) {
                        events.push({ t: 'start', file });
                        events.push({
                            t: 'file',
                            file,
                            error: {
                                message: [
                                    absolutize(packageOutput.get(dir) ?? 'go test failed', dir),
                                    stderrFor(stderr, event.Package)
                                ]
                                    .filter(Boolean)
                                    .join('\n')
                            }
                        });
                    }
                }
                touched.delete(dir);
            }
            continue;
        }
        const top = event.Test.split('/')[0];
        const file = fileOfTest.get(`${dir}\0${top}`) ?? (0,external_node_path_.join)(dir, 'unknown_test.go');
        const key = `${dir}\0${event.Test}`;
        if (event.Action === 'run') {
            running.add(key);
            if (!started.has(file)) {
                started.add(file);
                remaining.set(file, new Set(testsIn(file)));
                events.push({ t: 'start', file });
            }
            const ran = touched.get(dir) ?? new Set();
            ran.add(file);
            touched.set(dir, ran);
        }
        else if (event.Action === 'output') {
            const text = event.Output ?? '';
            if (!/^(=== (RUN|PAUSE|CONT|NAME)|--- (PASS|FAIL|SKIP))/.test(text.trim()))
                output.set(key, (output.get(key) ?? '') + text);
        }
        else if (['pass', 'fail', 'skip'].includes(event.Action)) {
            running.delete(key);
            const text = absolutize(output.get(key) ?? '', dir);
            const status = event.Action === 'pass' ? 'passed' : event.Action === 'skip' ? 'skipped' : 'failed';
            events.push({
                t: 'case',
                file,
                name: event.Test.split('/').join(' \u203a '),
                status,
                durationMs: (event.Elapsed ?? 0) * 1000,
                ...(status === 'failed'
                    ? { message: text.trim().replace(/^\s*\S+\.go:\d+:\s*/gm, '') || 'FAIL', stack: text }
                    : {})
            });
            const left = remaining.get(file);
            if (left && !event.Test.includes('/')) {
                left.delete(event.Test);
                if (left.size === 0 && !closed.has(file)) {
                    closed.add(file);
                    events.push({ t: 'file', file });
                }
            }
        }
    }
    if (lastWasPackageEnd)
        events.push({ t: 'end' });
    return events;
}
const goAdapter = {
    framework: 'go',
    plan(context) {
        const packageDirs = [...new Set(context.files.map(file => (0,external_node_path_.dirname)(file)))];
        const packages = context.all
            ? ['./...']
            : packageDirs.map(dir => {
                const rel = (0,external_node_path_.relative)(context.packageDir, dir).split('\\').join('/');
                return rel ? `./${rel}` : '.';
            });
        const tests = context.all ? [] : [...new Set(context.files.flatMap(testsIn))];
        const args = ['test', '-json', '-count=1'];
        if (!context.all && tests.length > 0)
            args.push(`-run=^(${tests.map(regexp/* escapeRegExp */.N).join('|')})$`);
        args.push(...packages);
        return {
            framework: 'go',
            command: 'go',
            args,
            env: context.env,
            reportsStarts: true,
            parseStdout: (stdout, stderr) => goEvents(stdout, context.packageDir, packageDirs, stderr),
            renderOutput: goOutput,
            display: ['go', ...args].join(' ')
        };
    }
};
/** The human text of a `go test -json` stream (its Output fields). */
function goOutput(stdout) {
    let text = '';
    for (const line of stdout.split('\n')) {
        if (!line.startsWith('{')) {
            if (line.trim())
                text += line + '\n';
            continue;
        }
        try {
            text += JSON.parse(line).Output ?? '';
        }
        catch {
            text += line + '\n';
        }
    }
    return text;
}
/** The compiler's messages for one package (`# import/path` and the lines under it) from go's stderr. */
function stderrFor(stderr, pkg) {
    const sections = stderr.split(/^(?=# )/m);
    const own = sections.filter(section => section.startsWith(`# ${pkg}`));
    return (own.length > 0 ? own.join('') : stderr).trim().slice(-4000);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/runners/frameworks/node-resolve.ts
var node_resolve = __webpack_require__(99656);
;// CONCATENATED MODULE: ./src/runners/frameworks/jest.ts





/**
 * A jest reporter that writes each file's results the moment the file finishes, so that a run
 * killed later (a hung file) keeps what finished.
 */
const REPORTER = String.raw `'use strict'
const fs = require('fs')
const STATUS = { passed: 'passed', failed: 'failed', pending: 'skipped', skipped: 'skipped', todo: 'skipped', disabled: 'skipped', focused: 'passed' }
class CiMedicReporter {
  constructor(globalConfig, options) { this.out = options.out; this.coverage = options.coverage; this.started = new Set(); this.mapped = new Set() }
  emit(event) { fs.appendFileSync(this.out, JSON.stringify(event) + '\n') }
  onTestFileStart(test) { this.start(test.path) }
  onTestStart(test) { this.start(test.path) }
  start(file) { if (!this.started.has(file)) { this.started.add(file); this.emit({ t: 'start', file }) } }
  onTestResult(test, result) {
    const file = result.testFilePath || test.path
    for (const a of result.testResults || []) {
      const text = (a.failureMessages || []).join('\n')
      this.emit({ t: 'case', file, name: [...(a.ancestorTitles || []), a.title].join(' \u203a '),
        status: STATUS[a.status] || 'failed', durationMs: a.duration || 0,
        stack: text || undefined, line: a.location ? a.location.line : undefined, column: a.location ? a.location.column : undefined })
    }
    if (this.coverage && result.coverage)
      this.emit({ t: 'coverage', file, sources: executedFunctions(result.coverage, this.mapped, test.context && test.context.config) })
    const perf = result.perfStats || {}
    const error = result.testExecError
      ? { message: result.failureMessage || result.testExecError.message || String(result.testExecError), stack: result.testExecError.stack }
      : undefined
    this.emit({ t: 'file', file, durationMs: perf.runtime || (perf.end && perf.start ? perf.end - perf.start : 0), error })
  }
  onRunComplete() { this.emit({ t: 'end' }) }
  getLastError() { return undefined }
}
// Per source file the test loaded: where each function it ran starts (line, column pairs), and
// whether those positions are the source's own. Where they are those of a transformed copy (as with
// ts-jest), the copy's source map comes along, once per file.
function executedFunctions(coverage, mapped, config) {
  const sources = {}
  for (const [path, entry] of Object.entries(coverage)) {
    const data = entry && entry.data ? entry.data : entry
    if (!data || !data.fnMap || !data.f) continue
    const fns = []
    for (const id of Object.keys(data.fnMap)) {
      const loc = data.fnMap[id].loc || data.fnMap[id].decl
      if (data.f[id] > 0 && loc) fns.push(loc.start.line, loc.start.column)
    }
    const source = data.path || path
    sources[source] = { fns, exact: !data.inputSourceMap && instrumentsItself(config, source) }
    if (data.inputSourceMap && !mapped.has(source)) { mapped.add(source); sources[source].map = data.inputSourceMap }
  }
  return sources
}
// Positions are the source's own when the code jest instrumented was the file itself: no
// transformer ran, or babel-jest did, which instruments in its own pass. Another transformer that
// hands jest no source map (swc, esbuild) leaves positions of its output: then only loading counts.
function instrumentsItself(config, file) {
  if (!config) return false
  // A pattern that does not compile never makes positions count as the source's own.
  const matches = (pattern, onError) => { try { return new RegExp(pattern).test(file) } catch { return onError } }
  if ((config.transformIgnorePatterns || []).some(pattern => matches(pattern, false))) return true
  const transform = (config.transform || []).find(([pattern]) => matches(pattern, true))
  return !transform || /[\\/]babel-jest[\\/]/.test(String(transform[1]))
}
module.exports = CiMedicReporter
`;
/**
 * Runs jest through its programmatic entry point (`runCLI`), so that a suite reading
 * `process.argv` sees `jest <files>` — exactly what the repository's own `jest <files>` shows it —
 * and none of our reporting options.
 */
const DRIVER = String.raw `'use strict'
const fs = require('fs')
const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
process.argv = [process.argv[0], plan.bin, ...plan.shownArgs]
const { runCLI } = require(plan.jest)
const argv = { _: plan.files, $0: 'jest', ci: true, watch: false, watchAll: false, watchman: false,
  testLocationInResults: true, reporters: ['default', [plan.reporter, { out: plan.out, coverage: plan.coverage }]] }
if (plan.files.length) argv.runTestsByPath = true
if (plan.config) argv.config = plan.config
// Coverage for the coverage map only: babel's counters (per test file), no report, no thresholds.
// The repository's own sources are instrumented even where a broad testRegex (kept in check by
// roots) would make jest take them for tests.
if (plan.coverage) Object.assign(argv, { coverage: true, collectCoverage: true, coverageProvider: 'babel',
  coverageReporters: [], coverageThreshold: '{}', ...(plan.sources.length ? { forceCoverageMatch: plan.sources } : {}) })
runCLI(argv, [plan.cwd]).then(
  ({ results }) => { process.exit(results.success ? 0 : 1) },
  error => { console.error((error && error.stack) || String(error)); process.exit(2) }
)
`;
const SOURCE_EXTENSIONS = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';
/**
 * Globs of the folders that hold the package's tracked JavaScript/TypeScript files (never
 * node_modules): one pattern, since jest compiles its patterns for every file it loads. Folders
 * whose names a glob would read as syntax are left to jest's own choice.
 */
function sourceGlobs(packageDir) {
    const listed = (0,external_node_child_process_.spawnSync)('git', ['ls-files', '-z', '--', '.'], {
        cwd: packageDir,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024
    });
    if (listed.status !== 0)
        return [];
    const folders = new Set();
    let root = false;
    for (const file of listed.stdout.split('\0')) {
        if (!/\.[cm]?[jt]sx?$/.test(file) || file.endsWith('.d.ts') || file.split('/').includes('node_modules'))
            continue;
        const slash = file.lastIndexOf('/');
        if (slash < 0)
            root = true;
        else if (!/[\\*?[\]{}()!,@+]/.test(file.slice(0, slash)))
            folders.add(file.slice(0, slash));
    }
    const base = packageDir.split('\\').join('/');
    if (/[*?[\]{}()!,@+]/.test(base))
        return [];
    const globs = root ? [`${base}/*.${SOURCE_EXTENSIONS}`] : [];
    if (folders.size === 1)
        globs.push(`${base}/${[...folders][0]}/*.${SOURCE_EXTENSIONS}`);
    else if (folders.size > 1)
        globs.push(`${base}/{${[...folders].sort().join(',')}}/*.${SOURCE_EXTENSIONS}`);
    return globs;
}
const jestAdapter = {
    framework: 'jest',
    plan(context) {
        const jestDir = (0,node_resolve/* requirePackage */.a2)('jest', context.packageDir, 'run npm ci (or npm install) before the tests');
        const reporter = (0,external_node_path_.join)(context.tempDir, 'jest-reporter.cjs');
        const driver = (0,external_node_path_.join)(context.tempDir, 'jest-driver.cjs');
        const planFile = (0,external_node_path_.join)(context.tempDir, 'jest-plan.json');
        const out = (0,external_node_path_.join)(context.tempDir, 'jest-events.jsonl');
        const files = context.all ? [] : context.files;
        (0,external_node_fs_.writeFileSync)(reporter, REPORTER);
        (0,external_node_fs_.writeFileSync)(driver, DRIVER);
        (0,external_node_fs_.writeFileSync)(out, '');
        (0,external_node_fs_.writeFileSync)(planFile, JSON.stringify({
            bin: (0,node_resolve/* binOf */.jU)(jestDir, 'jest') ?? (0,external_node_path_.join)(jestDir, 'bin/jest.js'),
            jest: jestDir,
            reporter,
            out,
            cwd: context.packageDir,
            files,
            config: (0,detect/* jestConfigOf */.c9)(context.packageDir),
            coverage: context.recordCoverage === true,
            sources: context.recordCoverage ? sourceGlobs(context.packageDir) : [],
            shownArgs: files.map(file => (0,external_node_path_.relative)(context.packageDir, file))
        }));
        return {
            framework: 'jest',
            command: process.execPath,
            args: [...context.nodeFlags, driver, planFile],
            env: context.env,
            eventsFile: out,
            reportsStarts: true,
            display: ['jest', ...files.map(file => (0,external_node_path_.relative)(context.packageDir, file))].join(' ')
        };
    }
};

;// CONCATENATED MODULE: ./src/runners/frameworks/mocha.ts



/** A mocha reporter writing each test as it ends, and each file as the run moves past it. */
const mocha_REPORTER = String.raw `'use strict'
const fs = require('fs')
function CiMedicReporter(runner) {
  const out = process.env.CI_MEDIC_MOCHA_EVENTS
  const emit = event => fs.appendFileSync(out, JSON.stringify(event) + '\n')
  const fileOf = node => (node ? node.file || fileOf(node.parent) : undefined)
  const started = new Map()
  const closed = new Set()
  let current
  const close = file => {
    if (!file || closed.has(file)) return
    closed.add(file)
    emit({ t: 'file', file, durationMs: started.has(file) ? Date.now() - started.get(file) : 0 })
  }
  const begin = node => {
    const file = fileOf(node)
    if (!file || file === current) return file
    if (current) close(current)
    current = file
    if (!started.has(file)) { started.set(file, Date.now()); emit({ t: 'start', file }) }
    return file
  }
  const name = node => (node.titlePath ? node.titlePath() : [node.fullTitle()]).join(' \u203a ')
  const allFiles = (suite, files) => {
    if (suite.file) files.add(suite.file)
    for (const child of suite.suites) allFiles(child, files)
    for (const test of suite.tests) if (test.file) files.add(test.file)
    return files
  }
  runner.on('suite', suite => { if (suite.file) begin(suite) })
  runner.on('test', test => begin(test))
  runner.on('pass', test => {
    console.log('  \u2713 ' + name(test))
    emit({ t: 'case', file: begin(test), name: name(test), status: 'passed', durationMs: test.duration || 0 })
  })
  runner.on('pending', test => {
    console.log('  - ' + name(test))
    emit({ t: 'case', file: begin(test), name: name(test), status: 'skipped', durationMs: 0 })
  })
  runner.on('fail', (test, error) => {
    console.log('  \u2717 ' + name(test) + ': ' + ((error && error.message) || error))
    emit({ t: 'case', file: begin(test) || current, name: name(test), status: 'failed', durationMs: test.duration || 0,
      message: (error && error.message) || String(error), stack: (error && error.stack) || String(error) })
  })
  runner.once('end', () => {
    for (const file of allFiles(runner.suite, new Set())) { if (!started.has(file)) { started.set(file, Date.now()); emit({ t: 'start', file }) } close(file) }
    emit({ t: 'end' })
  })
}
module.exports = CiMedicReporter
`;
/**
 * Runs mocha through its CLI module's `main(argv, options)`: the options (the repository's
 * .mocharc and package.json "mocha" settings, our reporter) are handed over as an object, so a
 * suite reading `process.argv` sees `mocha <files>` only.
 */
const mocha_DRIVER = String.raw `'use strict'
const fs = require('fs')
const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
process.argv = [process.argv[0], plan.bin, ...plan.shownArgs]
process.env.CI_MEDIC_MOCHA_EVENTS = plan.out
const cli = require(plan.cli)
const args = cli.loadOptions([])
if (plan.files.length) { args._ = plan.files; delete args.spec }
args.reporter = plan.reporter
args.R = plan.reporter
delete args['reporter-option']; delete args.reporterOption; delete args.O
cli.main(undefined, args)
`;
const mochaAdapter = {
    framework: 'mocha',
    plan(context) {
        const mochaDir = (0,node_resolve/* requirePackage */.a2)('mocha', context.packageDir, 'run npm ci (or npm install) before the tests');
        const reporter = (0,external_node_path_.join)(context.tempDir, 'mocha-reporter.cjs');
        const driver = (0,external_node_path_.join)(context.tempDir, 'mocha-driver.cjs');
        const planFile = (0,external_node_path_.join)(context.tempDir, 'mocha-plan.json');
        const out = (0,external_node_path_.join)(context.tempDir, 'mocha-events.jsonl');
        const files = context.all ? [] : context.files;
        const shown = files.map(file => (0,external_node_path_.relative)(context.packageDir, file));
        (0,external_node_fs_.writeFileSync)(reporter, mocha_REPORTER);
        (0,external_node_fs_.writeFileSync)(driver, mocha_DRIVER);
        (0,external_node_fs_.writeFileSync)(out, '');
        (0,external_node_fs_.writeFileSync)(planFile, JSON.stringify({
            bin: (0,node_resolve/* binOf */.jU)(mochaDir, 'mocha') ?? (0,external_node_path_.join)(mochaDir, 'bin/mocha.js'),
            cli: (0,external_node_path_.join)(mochaDir, 'lib/cli/cli.js'),
            reporter,
            out,
            files,
            shownArgs: shown
        }));
        return {
            framework: 'mocha',
            command: process.execPath,
            args: [...context.nodeFlags, driver, planFile],
            env: context.env,
            eventsFile: out,
            reportsStarts: true,
            display: ['mocha', ...shown].join(' ')
        };
    }
};

;// CONCATENATED MODULE: ./src/runners/frameworks/node-test.ts


/**
 * A `node --test` reporter module writing the line protocol. It is given to node itself
 * (`--test-reporter`, `--test-reporter-destination`); node does not pass those flags on to the
 * processes that run the test files, whose `process.argv` stays `[node, file]`.
 */
const node_test_REPORTER = String.raw `import { isAbsolute, resolve } from 'node:path'
const abs = file => (file ? (isAbsolute(file) ? file : resolve(file)) : undefined)
export default async function* ciMedicReporter(source) {
  const names = new Map()
  const output = new Map()
  const cases = new Map()
  for await (const event of source) {
    const data = event.data || {}
    const file = abs(data.file)
    const isFile = file !== undefined && data.nesting === 0 && abs(data.name) === file
    if (event.type === 'test:stdout' || event.type === 'test:stderr') {
      if (file) output.set(file, ((output.get(file) || '') + (data.message || '')).slice(-4000))
      continue
    }
    if (event.type === 'test:dequeue' && isFile) { yield JSON.stringify({ t: 'start', file }) + '\n'; continue }
    if (event.type === 'test:start' && !isFile && file) {
      const stack = names.get(file) || []
      stack[data.nesting] = data.name
      stack.length = data.nesting + 1
      names.set(file, stack)
      continue
    }
    if ((event.type === 'test:pass' || event.type === 'test:fail') && !isFile && file) {
      const details = data.details || {}
      if (details.type === 'suite') continue
      const stack = (names.get(file) || []).slice(0, data.nesting)
      const name = [...stack, data.name].join(' \u203a ')
      const error = details.error
      const cause = error && error.cause !== undefined ? error.cause : error
      const status = data.skip !== undefined || data.todo !== undefined ? 'skipped' : event.type === 'test:pass' ? 'passed' : 'failed'
      cases.set(file, (cases.get(file) || 0) + 1)
      yield JSON.stringify({ t: 'case', file, name, status, durationMs: details.duration_ms || 0,
        message: status === 'failed' ? String((cause && cause.message) || cause || 'failed') : undefined,
        stack: status === 'failed' ? String((cause && cause.stack) || (error && error.stack) || '') || undefined : undefined,
        line: data.line, column: data.column }) + '\n'
      continue
    }
    if ((event.type === 'test:complete' || event.type === 'test:fail') && isFile) {
      if (event.type === 'test:fail' && cases.has(file + '\0done')) continue
      cases.set(file + '\0done', 1)
      const details = data.details || {}
      const error = details.error
      const crashed = error && !cases.get(file) && (data.details.error.failureType !== 'subtestsFailed')
      yield JSON.stringify({ t: 'file', file, durationMs: details.duration_ms || 0,
        error: crashed ? { message: [String(error.message || 'test failed') + (error.exitCode != null ? ' (exit code ' + error.exitCode + ')' : '') + (error.signal ? ' (signal ' + error.signal + ')' : ''), output.get(file) || ''].join('\n').trim(), stack: String(error.stack || '') } : undefined }) + '\n'
    }
  }
  yield JSON.stringify({ t: 'end' }) + '\n'
}
`;
const nodeTestAdapter = {
    framework: 'node-test',
    plan(context) {
        const reporter = (0,external_node_path_.join)(context.tempDir, 'node-test-reporter.mjs');
        const out = (0,external_node_path_.join)(context.tempDir, 'node-test-events.jsonl');
        (0,external_node_fs_.writeFileSync)(reporter, node_test_REPORTER);
        (0,external_node_fs_.writeFileSync)(out, '');
        const files = context.all ? [] : context.files.map(file => (0,external_node_path_.relative)(context.packageDir, file));
        const nodeFlags = context.nodeFlags.filter(flag => !flag.startsWith('--test-reporter'));
        return {
            framework: 'node-test',
            command: process.execPath,
            args: [
                ...nodeFlags,
                '--test',
                '--test-reporter=spec',
                '--test-reporter-destination=stdout',
                `--test-reporter=${reporter}`,
                `--test-reporter-destination=${out}`,
                ...files
            ],
            env: context.env,
            eventsFile: out,
            reportsStarts: true,
            display: ['node', ...nodeFlags, '--test', ...files].join(' ')
        };
    }
};

;// CONCATENATED MODULE: ./src/runners/frameworks/pytest.ts


/**
 * Runs pytest through `pytest.main(args, plugins=[...])`: the report plugin is an object handed
 * over in-process, and `sys.argv` (which tests see) is `pytest <files>` only.
 */
const pytest_DRIVER = String.raw `import json, os, sys
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
`;
function pythonFor(context) {
    for (const dir of [context.packageDir, context.repoDir]) {
        for (const venv of ['.venv', 'venv']) {
            const python = (0,external_node_path_.join)(dir, venv, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
            if ((0,external_node_fs_.existsSync)(python))
                return python;
        }
    }
    return process.platform === 'win32' ? 'python' : 'python3';
}
const pytestAdapter = {
    framework: 'pytest',
    plan(context) {
        const driver = (0,external_node_path_.join)(context.tempDir, 'ci_medic_pytest.py');
        const planFile = (0,external_node_path_.join)(context.tempDir, 'pytest-plan.json');
        const out = (0,external_node_path_.join)(context.tempDir, 'pytest-events.jsonl');
        const files = context.all ? [] : context.files.map(file => (0,external_node_path_.relative)(context.packageDir, file));
        (0,external_node_fs_.writeFileSync)(driver, pytest_DRIVER);
        (0,external_node_fs_.writeFileSync)(out, '');
        (0,external_node_fs_.writeFileSync)(planFile, JSON.stringify({ out, files, shownArgs: files }));
        return {
            framework: 'pytest',
            command: pythonFor(context),
            args: ['-u', driver, planFile],
            env: { ...context.env, PYTHONDONTWRITEBYTECODE: '1' },
            eventsFile: out,
            reportsStarts: true,
            display: ['pytest', ...files].join(' ')
        };
    }
};

;// CONCATENATED MODULE: ./src/runners/frameworks/vitest.ts




/**
 * Runs vitest through `startVitest` (its programmatic entry point) with a reporter object that
 * writes every module's results as it ends. A suite reading `process.argv` sees `vitest run <files>`.
 */
const vitest_DRIVER = String.raw `import { appendFileSync, readFileSync } from 'node:fs'
const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'))
process.argv = [process.argv[0], plan.bin, 'run', ...plan.shownArgs]
const emit = event => appendFileSync(plan.out, JSON.stringify(event) + '\n')
const STATUS = { passed: 'passed', failed: 'failed', skipped: 'skipped', pending: 'skipped' }
const nameOf = test => {
  const names = []
  for (let node = test; node && node.type !== 'module'; node = node.parent) names.unshift(node.name)
  return names.join(' \u203a ')
}
const textOf = error => (error && (error.stack || error.message)) || String(error)
const reporter = {
  onTestModuleStart(module) { emit({ t: 'start', file: module.moduleId }) },
  onTestModuleEnd(module) {
    for (const test of module.children.allTests()) {
      const result = test.result() || { state: 'pending', errors: [] }
      const diagnostic = test.diagnostic ? test.diagnostic() : undefined
      const errors = result.errors || []
      emit({ t: 'case', file: module.moduleId, name: nameOf(test), status: STATUS[result.state] || 'failed',
        durationMs: diagnostic ? diagnostic.duration : 0,
        message: errors.length ? errors.map(e => e.message).join('\n') : undefined,
        stack: errors.length ? errors.map(textOf).join('\n') : undefined,
        line: test.location ? test.location.line : undefined, column: test.location ? test.location.column : undefined })
    }
    const errors = module.errors ? module.errors() : []
    const diagnostic = module.diagnostic ? module.diagnostic() : undefined
    emit({ t: 'file', file: module.moduleId, durationMs: diagnostic ? diagnostic.duration : 0,
      error: errors.length ? { message: errors.map(e => e.message).join('\n'), stack: errors.map(textOf).join('\n') } : undefined })
  },
  onTestRunEnd() { emit({ t: 'end' }) }
}
const { startVitest } = await import(plan.vitestNode)
let code = 1
try {
  const vitest = await startVitest('test', plan.files, { run: true, watch: false, reporters: ['default', reporter], includeTaskLocation: true, passWithNoTests: false })
  code = process.exitCode ?? (vitest ? 0 : 1)
  if (vitest) await vitest.close()
} catch (error) {
  console.error((error && error.stack) || String(error))
  code = 2
}
process.exit(code)
`;
const vitestAdapter = {
    framework: 'vitest',
    plan(context) {
        const vitestDir = (0,node_resolve/* requirePackage */.a2)('vitest', context.packageDir, 'run npm ci (or npm install) before the tests');
        const driver = (0,external_node_path_.join)(context.tempDir, 'vitest-driver.mjs');
        const planFile = (0,external_node_path_.join)(context.tempDir, 'vitest-plan.json');
        const out = (0,external_node_path_.join)(context.tempDir, 'vitest-events.jsonl');
        const files = context.all ? [] : context.files;
        const shown = files.map(file => (0,external_node_path_.relative)(context.packageDir, file));
        (0,external_node_fs_.writeFileSync)(driver, vitest_DRIVER);
        (0,external_node_fs_.writeFileSync)(out, '');
        (0,external_node_fs_.writeFileSync)(planFile, JSON.stringify({
            bin: (0,node_resolve/* binOf */.jU)(vitestDir, 'vitest') ?? (0,external_node_path_.join)(vitestDir, 'vitest.mjs'),
            vitestNode: (0,external_node_url_.pathToFileURL)((0,external_node_path_.join)(vitestDir, 'dist/node.js')).href,
            out,
            files,
            shownArgs: shown
        }));
        return {
            framework: 'vitest',
            command: process.execPath,
            args: [...context.nodeFlags, driver, planFile],
            env: context.env,
            eventsFile: out,
            reportsStarts: true,
            display: ['vitest', 'run', ...shown].join(' ')
        };
    }
};

;// CONCATENATED MODULE: ./src/runners/frameworks/index.ts






const ADAPTERS = {
    jest: jestAdapter,
    vitest: vitestAdapter,
    mocha: mochaAdapter,
    'node-test': nodeTestAdapter,
    pytest: pytestAdapter,
    go: goAdapter
};

;// CONCATENATED MODULE: ./src/runners/shell.ts
/** Quotes one word for a POSIX shell (or cmd.exe on Windows) so that it stays one literal argument. */
function shellQuote(word, platform = process.platform) {
    if (platform === 'win32')
        return `"${word.replace(/"/g, '""')}"`;
    if (/^[A-Za-z0-9_./@%+=:,-]+$/.test(word))
        return word;
    return `'${word.replace(/'/g, `'\\''`)}'`;
}
/** Puts the quoted files where `{files}` stands in a user's test command. */
function fillTestCommand(command, files, platform = process.platform) {
    const quoted = files.map(file => shellQuote(file, platform)).join(' ');
    return command.includes('{files}') ? command.split('{files}').join(quoted) : command;
}

// EXTERNAL MODULE: ./src/runners/timings.ts
var timings = __webpack_require__(63464);
// EXTERNAL MODULE: ./src/runners/coverage-map.ts
var coverage_map = __webpack_require__(32602);
// EXTERNAL MODULE: ./src/ports/git.ts
var ports_git = __webpack_require__(94220);
;// CONCATENATED MODULE: ./src/runners/totals.ts
function isFailing(result) {
    return result.status === 'failed' || result.status === 'errored';
}
function isFailingCase(test) {
    return test.status === 'failed' || test.status === 'errored';
}
/** Totals over cases; a file that failed without a failing case (a crash) counts as one failure. */
function totalsOf(files) {
    const totals = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
    for (const file of files) {
        for (const test of file.tests) {
            if (test.failureKind === 'flaky')
                totals.flaky++;
            else if (test.status === 'passed')
                totals.passed++;
            else if (test.status === 'skipped')
                totals.skipped++;
            else
                totals.failed++;
        }
        const failingCases = file.tests.some(isFailingCase);
        if (isFailing(file) && !failingCases)
            totals.failed++;
        if (file.flaky && !file.tests.some(test => test.failureKind === 'flaky'))
            totals.flaky++;
    }
    return totals;
}

;// CONCATENATED MODULE: ./src/runners/baseline.ts





/** Installed dependency folders that a fresh worktree lacks and may borrow from the checkout. */
const SHARED_INSTALLS = ['node_modules', '.venv', 'venv'];
/** The failures of a report that still count (not flaky). */
function failingFiles(report) {
    return report.files.filter(file => isFailing(file) && !file.flaky);
}
function linkInstalls(repoDir, worktree, files) {
    const dirs = new Set([repoDir]);
    for (const file of files) {
        for (let dir = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(repoDir, file)); dir.startsWith(repoDir) && dir !== repoDir; dir = (0,external_node_path_.dirname)(dir))
            dirs.add(dir);
    }
    for (const dir of dirs) {
        for (const name of SHARED_INSTALLS) {
            const source = (0,external_node_path_.join)(dir, name);
            const target = (0,external_node_path_.join)(worktree, (0,external_node_path_.relative)(repoDir, dir), name);
            if ((0,external_node_fs_.existsSync)(source) && !(0,external_node_fs_.existsSync)(target) && (0,external_node_fs_.existsSync)((0,external_node_path_.dirname)(target))) {
                try {
                    (0,external_node_fs_.symlinkSync)((0,external_node_fs_.lstatSync)(source).isSymbolicLink() ? (0,external_node_path_.resolve)((0,external_node_path_.dirname)(source), source) : source, target, 'dir');
                }
                catch {
                    // the base commit runs without it and reports what happens
                }
            }
        }
    }
}
/**
 * Runs the failing tests on the base commit in a temporary git worktree and marks each failure
 * `new` or `already-failing`. The worktree is removed whatever happens.
 */
async function compareToBase(options) {
    const { report, log } = options;
    const failing = failingFiles(report);
    if (failing.length === 0)
        return { ...report, baseline: { base: options.base, newFailures: 0, alreadyFailing: 0 } };
    const git = new ports_git/* Git */.TU(options.repoDir);
    const root = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ci-medic-base-'));
    const worktree = (0,external_node_path_.join)(root, 'tree');
    let baseReport;
    try {
        await git.run(['worktree', 'add', '--detach', '--force', worktree, options.base]);
        const files = failing.map(file => file.file).filter(file => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(worktree, file)));
        linkInstalls(options.repoDir, worktree, files);
        log.info(`Running ${files.length} failing test file(s) on the base commit ${options.base}.`);
        baseReport = files.length > 0 ? await options.run(worktree, files) : undefined;
    }
    finally {
        await git.tryRun(['worktree', 'remove', '--force', worktree]);
        (0,external_node_fs_.rmSync)(root, { recursive: true, force: true });
        await git.tryRun(['worktree', 'prune']);
    }
    const baseFiles = new Map((baseReport?.files ?? []).map(file => [file.file, file]));
    let newFailures = 0;
    let alreadyFailing = 0;
    const files = report.files.map(file => {
        if (!isFailing(file) || file.flaky)
            return file;
        const onBase = baseFiles.get(file.file);
        const tests = file.tests.map(test => {
            if (!isFailingCase(test) || test.failureKind === 'flaky')
                return test;
            const baseCase = onBase?.tests.find(candidate => candidate.name === test.name);
            const already = baseCase ? isFailingCase(baseCase) : onBase?.status === 'errored';
            if (already)
                alreadyFailing++;
            else
                newFailures++;
            return { ...test, failureKind: already ? 'already-failing' : 'new' };
        });
        const result = { ...file, tests };
        if (!tests.some(isFailingCase)) {
            const already = onBase !== undefined && isFailing(onBase);
            if (already)
                alreadyFailing++;
            else
                newFailures++;
            result.failureKind = already ? 'already-failing' : 'new';
        }
        return result;
    });
    return {
        ...report,
        files,
        totals: totalsOf(files),
        baseline: { base: options.base, newFailures, alreadyFailing }
    };
}

;// CONCATENATED MODULE: ./src/runners/index.ts


















const MAX_OUTPUT = 1024 * 1024;
/** Runs test files with the repository's own framework(s) and reads the results. */
async function runTests(options) {
    const started = Date.now();
    const repoDir = (0,external_node_path_.resolve)(options.repoDir);
    const env = { ...(options.env ?? process.env), FORCE_COLOR: '0', NO_COLOR: '1' };
    const runs = [];
    const coverage = new Map();
    const context = { ...options, repoDir, env, runs, coverage };
    let results;
    let frameworks;
    if (options.testCommand) {
        results = await runCustom(context, 'initial', options.files);
        frameworks = ['custom'];
        for (let attempt = 1; attempt <= options.retries && results.some(isFailing); attempt++) {
            const retried = await runCustom(context, `retry ${attempt}`, options.files);
            results = mergeRetry(results, retried);
        }
    }
    else {
        const groups = options.files ? (0,detect/* groupFiles */.Z1)(options.files, repoDir) : (0,detect/* allGroups */.Sm)(repoDir);
        frameworks = [...new Set(groups.map(group => group.framework))];
        results = [];
        for (const group of groups) {
            let groupResults = await runGroup(context, group, 'initial');
            for (let attempt = 1; attempt <= options.retries; attempt++) {
                // Neither a timed-out file (a retry costs another full time limit) nor the package entry
                // that stands for an unfinished whole-suite run is retried.
                const failing = groupResults.filter(result => isFailing(result) &&
                    !result.output?.includes('(test-timeout)') &&
                    !isDirectory((0,external_node_path_.resolve)(repoDir, result.file)));
                if (failing.length === 0)
                    break;
                options.log.info(`Retry ${attempt}/${options.retries}: ${failing.map(f => f.file).join(', ')}`);
                const retried = await runGroup(context, { ...group, all: false, files: failing.map(f => (0,external_node_path_.resolve)(repoDir, f.file)) }, `retry ${attempt}`);
                groupResults = mergeRetry(groupResults, retried);
            }
            results.push(...groupResults);
        }
    }
    results.sort((a, b) => a.file.localeCompare(b.file));
    const report = {
        framework: frameworks[0] ?? 'custom',
        frameworks,
        totals: totalsOf(results),
        files: results,
        durationMs: Date.now() - started,
        runs
    };
    if (options.timingsDir)
        (0,timings/* recordTimings */.HI)(options.timingsDir, report);
    if (options.coverageDir)
        report.coverageMap = await saveCoverage(options.coverageDir, context, results);
    return report;
}
/**
 * Records what each test file that passed on its first run ran. Nothing is recorded when the
 * work tree has changes (the map must describe a commit), and a test that loaded a file git does
 * not track is left out, since select could not tell whether that file changed.
 */
async function saveCoverage(dir, context, results) {
    const git = new ports_git/* Git */.TU(context.repoDir);
    const commit = (await git.tryRun(['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).stdout.trim();
    if (!commit)
        return { recorded: 0, why: 'not a git repository with a commit' };
    const status = await git.tryRun(['status', '--porcelain', '--untracked-files=no']);
    if (status.exitCode !== 0 || status.stdout.trim())
        return { commit, recorded: 0, why: 'the work tree has uncommitted changes' };
    const prefix = (await git.tryRun(['rev-parse', '--show-prefix'])).stdout.trim();
    const tracked = new Set((await git.run(['ls-files', '-z', '--full-name'])).split('\0').filter(Boolean));
    const recorded = new Map();
    let untracked = 0;
    // A file reported more than once (one run per jest project) counts only if every run passed.
    const notPassing = new Set(results.filter(r => r.status !== 'passed' || r.flaky).map(r => r.file));
    for (const result of results) {
        const ran = context.coverage.get(result.file);
        if (notPassing.has(result.file) || ran === undefined || recorded.has(prefix + result.file))
            continue;
        const sources = ran && Object.keys(ran);
        if (!sources || !sources.every(path => tracked.has(prefix + path))) {
            untracked++;
            continue;
        }
        recorded.set(prefix + result.file, Object.fromEntries(Object.entries(ran).map(([path, entry]) => [prefix + path, entry])));
    }
    if (recorded.size === 0)
        return {
            commit,
            recorded: 0,
            why: context.coverage.size === 0 ? 'no runner reported coverage (jest only)' : 'no test passed'
        };
    const instrumented = new Set();
    for (const ran of context.coverage.values())
        for (const path of Object.keys(ran ?? {}))
            if (tracked.has(prefix + path))
                instrumented.add(prefix + path);
    (0,coverage_map/* recordCoverageMap */.WK)(dir, commit, recorded, instrumented);
    return { commit, recorded: recorded.size, ...(untracked ? { untracked } : {}) };
}
function outcomeOf(result, timeoutMs, output) {
    return {
        exitCode: result.exitCode,
        signal: result.signal,
        timedOut: result.timedOut,
        timeoutMs,
        output,
        durationMs: result.durationMs
    };
}
async function runGroup(context, group, phase) {
    const build = await prepareBuild(group, {
        env: context.env,
        timeoutMs: context.timeoutMs,
        log: context.log,
        signal: context.signal
    });
    if (!build.ok) {
        const files = group.all ? [group.packageDir] : group.files;
        return files.map(file => ({
            file: (0,external_node_path_.relative)(context.repoDir, file).split('\\').join('/') || '.',
            status: 'errored',
            durationMs: 0,
            tests: [],
            output: build.output,
            attempts: 1
        }));
    }
    const results = [];
    let pending = build.files;
    let all = group.all;
    for (let round = 0; round < 50 && (all || pending.length > 0); round++) {
        const { files, notStarted } = await runOnce(context, { ...group, files: pending, all }, phase);
        results.push(...files);
        if (notStarted.length === 0 || notStarted.length >= pending.length) {
            if (notStarted.length > 0) {
                // Nothing reported at all: every file is charged with the failure.
                const again = await runOnce(context, { ...group, files: notStarted, all: false }, phase, false);
                results.push(...again.files);
            }
            break;
        }
        context.log.info(`The runner died before ${notStarted.length} file(s) started; running them on their own.`);
        pending = notStarted;
        all = false;
    }
    return results.map(result => ({ ...result, attempts: 1 }));
}
async function runOnce(context, group, phase, allowUnstarted = true) {
    const tempDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ci-medic-run-'));
    try {
        const adapter = ADAPTERS[group.framework];
        const plan = adapter.plan({
            repoDir: context.repoDir,
            packageDir: group.packageDir,
            files: group.files,
            all: group.all,
            tempDir,
            timeoutMs: context.timeoutMs,
            nodeFlags: (0,detect/* nodeFlagsOf */.BU)(group.packageDir),
            env: context.env,
            recordCoverage: context.coverageDir !== undefined
        });
        context.log.info(`Running ${plan.framework} in ${(0,external_node_path_.relative)(context.repoDir, group.packageDir) || '.'}: ${plan.display}`);
        const result = await (0,exec/* runProcess */.R)(plan.command, plan.args, {
            cwd: group.packageDir,
            env: plan.env,
            timeoutMs: context.timeoutMs,
            signal: context.signal,
            maxOutput: MAX_OUTPUT
        });
        context.runs.push({
            framework: plan.framework,
            cwd: group.packageDir,
            command: plan.display,
            files: group.files.map(file => (0,external_node_path_.relative)(context.repoDir, file)),
            exitCode: result.exitCode,
            timedOut: result.timedOut,
            durationMs: result.durationMs,
            phase
        });
        if (result.timedOut)
            context.log.warning(`${plan.framework} run killed after ${Math.round(context.timeoutMs / 1000)}s (test-timeout).`);
        const events = plan.eventsFile
            ? parseEvents(readTextOr(plan.eventsFile))
            : (plan.parseStdout?.(result.stdout, result.stderr) ?? []);
        for (const event of events)
            if (event.t === 'coverage')
                noteCoverage(context, group.packageDir, event);
        const output = `${plan.renderOutput ? plan.renderOutput(result.stdout) : result.stdout}\n${result.stderr}`;
        const expected = group.all ? filesOfEvents(events, group.packageDir) : group.files;
        const assembled = assemble({
            // A whole-suite run that did not reach its end may have skipped files nobody named: the
            // package itself then stands for them, so the failure cannot vanish.
            expected: group.all && (expected.length === 0 || !events.some(event => event.t === 'end') || result.timedOut)
                ? [...expected, group.packageDir]
                : expected,
            events,
            outcome: outcomeOf(result, context.timeoutMs, output),
            stack: { repoDir: context.repoDir, cwd: group.packageDir },
            reportsStarts: plan.reportsStarts && allowUnstarted
        });
        return assembled;
    }
    finally {
        (0,external_node_fs_.rmSync)(tempDir, { recursive: true, force: true });
    }
}
function noteCoverage(context, cwd, event) {
    const test = repoRelative((0,external_node_path_.resolve)(cwd, event.file), context.repoDir);
    if (!test)
        return;
    const ran = {};
    const maps = (context.coverageMaps ??= new Map());
    for (const [file, entry] of Object.entries(event.sources)) {
        const absolute = (0,external_node_path_.resolve)(cwd, file);
        const path = repoRelative(absolute, context.repoDir);
        if (!path) {
            context.coverage.set(test, null);
            return;
        }
        if (entry.map && !maps.has(absolute)) {
            const parsed = parseMap(entry.map, (0,external_node_path_.dirname)(absolute));
            // Only a map of the file onto itself (a compiler's) puts positions back in this file.
            maps.set(absolute, parsed.sources.length === 1 ? parsed : null);
        }
        ran[path] = entry.exact
            ? { fns: entry.fns, exact: true }
            : originalFunctions(entry.fns, maps.get(absolute));
    }
    // A file that runs in several jest projects ran what all its runs ran.
    const earlier = context.coverage.get(test);
    if (earlier === null)
        return;
    for (const [path, entry] of Object.entries(earlier ?? {})) {
        const now = ran[path];
        ran[path] = now ? { fns: [...entry.fns, ...now.fns], exact: entry.exact && now.exact } : entry;
    }
    context.coverage.set(test, ran);
}
/** Function starts in a transformed copy, put back in the source through its map (or inexact without one). */
function originalFunctions(fns, map) {
    if (!map)
        return { fns: [], exact: false };
    const original = [];
    for (let i = 0; i + 1 < fns.length; i += 2) {
        // Coverage columns count from 0, source map lookups from 1.
        const position = originalPositionIn(map, fns[i], fns[i + 1] + 1);
        if (!position)
            return { fns: [], exact: false };
        original.push(position.line, position.column - 1);
    }
    return { fns: original, exact: true };
}
function filesOfEvents(events, cwd) {
    const files = new Set();
    for (const event of events)
        if (event.t !== 'end')
            files.add((0,external_node_path_.resolve)(cwd, event.file));
    return [...files];
}
function readTextOr(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return '';
    }
}
async function runCustom(context, phase, files) {
    const commandLine = fillTestCommand(context.testCommand ?? '', files ?? []);
    context.log.info(`Running test-command: ${commandLine}`);
    const result = await (0,exec/* runShell */.E)(commandLine, {
        cwd: context.repoDir,
        env: context.env,
        timeoutMs: context.timeoutMs,
        signal: context.signal,
        maxOutput: MAX_OUTPUT
    });
    context.runs.push({
        framework: 'custom',
        cwd: context.repoDir,
        command: commandLine,
        files: files ?? [],
        exitCode: result.exitCode,
        timedOut: result.timedOut,
        durationMs: result.durationMs,
        phase
    });
    const passed = !result.timedOut && result.exitCode === 0;
    const output = tail(`${result.stdout}\n${result.stderr}`);
    const end = result.timedOut
        ? `test-command was killed after the ${Math.round(context.timeoutMs / 1000)}s time limit (test-timeout)`
        : `test-command exited with code ${result.exitCode ?? result.signal}`;
    const names = files && files.length > 0 ? files : ['(test-command)'];
    return names.map(file => ({
        file,
        status: passed ? 'passed' : result.timedOut || result.exitCode === null ? 'errored' : 'failed',
        durationMs: Math.round(result.durationMs / names.length),
        tests: [],
        attempts: 1,
        ...(passed ? {} : { output: `${end}.\n${output}` })
    }));
}
/** Folds a retry's results into the first run's: a failure that passes on a retry is flaky. */
function mergeRetry(previous, retried) {
    const byFile = new Map(retried.map(result => [result.file, result]));
    return previous.map(before => {
        const after = byFile.get(before.file);
        if (!after || !isFailing(before))
            return before;
        const attempts = (before.attempts ?? 1) + 1;
        const afterByName = new Map(after.tests.map(test => [test.name, test]));
        const tests = before.tests.map(test => {
            const again = afterByName.get(test.name);
            if (isFailingCase(test) && again && again.status === 'passed') {
                return { ...test, status: 'passed', failureKind: 'flaky' };
            }
            return test;
        });
        for (const test of after.tests)
            if (!tests.some(t => t.name === test.name))
                tests.push(test);
        if (before.status === 'errored' && !isFailing(after)) {
            return { ...after, tests, flaky: true, attempts, output: before.output };
        }
        const casesFailing = tests.some(isFailingCase);
        const stillFailing = casesFailing || isFailing(after);
        const status = !stillFailing
            ? 'passed'
            : casesFailing
                ? before.status === 'errored' && after.status === 'errored'
                    ? 'errored'
                    : 'failed'
                : after.status;
        return {
            ...before,
            status,
            tests,
            attempts,
            ...(!stillFailing ? { flaky: true } : {})
        };
    });
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 63464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ recordTimings),
/* harmony export */   hP: () => (/* binding */ TIMINGS_FILE)
/* harmony export */ });
/* unused harmony export readTimings */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


const TIMINGS_FILE = 'timings.json';
function readTimings(workDir) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workDir, TIMINGS_FILE);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return { version: 1, files: {} };
    try {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        if (parsed.version !== 1 || typeof parsed.files !== 'object' || parsed.files === null)
            return { version: 1, files: {} };
        const files = {};
        for (const [path, entry] of Object.entries(parsed.files)) {
            const durationMs = entry?.durationMs;
            if (typeof durationMs === 'number' && Number.isFinite(durationMs) && durationMs >= 0)
                files[path] = { durationMs };
        }
        return { version: 1, files };
    }
    catch {
        return { version: 1, files: {} };
    }
}
/** Merges a run's per-file durations into the timings file (files not run keep their old timing). */
function recordTimings(workDir, report) {
    const timings = readTimings(workDir);
    for (const file of report.files) {
        if (file.status === 'errored' && file.tests.length === 0)
            continue;
        timings.files[file.file] = { durationMs: Math.max(0, Math.round(file.durationMs)) };
    }
    const sorted = {
        version: 1,
        files: Object.fromEntries(Object.entries(timings.files).sort(([a], [b]) => a.localeCompare(b)))
    };
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(workDir, { recursive: true });
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workDir, TIMINGS_FILE);
    const temp = `${target}.${process.pid}.tmp`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temp, JSON.stringify(sorted, null, 2) + '\n');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, target);
    return sorted;
}


/***/ })

};
