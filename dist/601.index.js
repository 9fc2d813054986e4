export const id = 601;
export const ids = [601];
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
/* harmony export */   Sm: () => (/* binding */ allGroups),
/* harmony export */   Z1: () => (/* binding */ groupFiles),
/* harmony export */   c9: () => (/* binding */ jestConfigOf),
/* harmony export */   jJ: () => (/* binding */ readPackageJson),
/* harmony export */   u6: () => (/* binding */ jestProjectsOf),
/* harmony export */   z8: () => (/* binding */ NODE_OPTIONS_WITH_VALUE)
/* harmony export */ });
/* unused harmony exports detectJsFramework, isPythonProject, ownerOf, nodeTestFiles */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _frameworks_node_resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99656);
/* harmony import */ var _script_words_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73816);




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
/**
 * The config file the test script hands jest (`jest --config ./scripts/jest.config.js`, `-c`),
 * as an absolute path, when it exists.
 */
function jestConfigOf(dir) {
    const path = (0,_script_words_js__WEBPACK_IMPORTED_MODULE_3__/* .jestConfigArgument */ .QO)(readPackageJson(dir)?.scripts?.test ?? '');
    return path === undefined ? undefined : existingInside(dir, path);
}
/**
 * When the test script names no config and runs jest through other scripts (`npm run test:unit`,
 * `yarn test:e2e`) that do (`runConfigs`, see jestRunConfigs): those configs (absolute paths),
 * with the package's own folder first when it has a config of its own, to run as one jest run of
 * projects. Undefined when that is the package's own config alone.
 */
function jestProjectsOf(dir, runConfigs) {
    if ((0,_script_words_js__WEBPACK_IMPORTED_MODULE_3__/* .jestConfigArgument */ .QO)(readPackageJson(dir)?.scripts?.test ?? ''))
        return undefined;
    const named = [...new Set(runConfigs.flatMap(path => existingInside(dir, path) ?? []))];
    if (named.length === 0)
        return undefined;
    const own = has(dir, CONFIGS('jest.config')) || readPackageJson(dir)?.jest !== undefined;
    return own ? [dir, ...named] : named;
}
function existingInside(dir, path) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir, path);
    return insideRepo(file, dir) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) ? file : undefined;
}
/** Node options whose value may come as the next word (`--import tsx`, `-r ts-node/register`). */
const NODE_OPTIONS_WITH_VALUE = new Set([
    '--import',
    '--require',
    '-r',
    '--loader',
    '--experimental-loader',
    '--conditions',
    '-C',
    '--env-file',
    '--env-file-if-exists',
    '--test-reporter',
    '--test-reporter-destination',
    '--test-name-pattern',
    '--test-skip-pattern',
    '--test-concurrency',
    '--test-timeout'
]);
const NODE_FLAG = /^--?[\w-]+(=[\w./:@-]+)?$/;
const NODE_OPTION_VALUE = /^[\w./:@-]+$/;
/**
 * Node flags the test script gives node itself (`node --experimental-vm-modules …`,
 * `node --import tsx --test`, `NODE_OPTIONS=…`), each with its value. `--test` and reporters are
 * the runner's to add; a flag whose value is not a plain word (a module name or path) is left out.
 */
function nodeFlagsOf(dir) {
    const script = readPackageJson(dir)?.scripts?.test ?? '';
    const direct = /\bnode\s+(-[^&|;]*)/.exec(script)?.[1];
    const options = /NODE_OPTIONS=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(script);
    const fromOptions = options?.[1] ?? options?.[2] ?? options?.[3];
    const flags = [...nodeOptionsIn(direct), ...nodeOptionsIn(fromOptions)];
    const seen = new Set();
    return flags.filter(flag => !seen.has(flag.join(' ')) && seen.add(flag.join(' '))).flat();
}
/** The options at the start of `text` (up to the script or file node runs), each with its value. */
function nodeOptionsIn(text) {
    const words = text?.trim().split(/\s+/) ?? [];
    const flags = [];
    for (let i = 0; i < words.length && words[i].startsWith('-'); i++) {
        const word = words[i];
        const takesValue = NODE_OPTIONS_WITH_VALUE.has(word);
        const value = takesValue ? words[++i] : undefined;
        // The runner gives node its own `--test` and reporters.
        if (word === '--test' || word.startsWith('--test-reporter') || !NODE_FLAG.test(word))
            continue;
        if (takesValue && !(value && NODE_OPTION_VALUE.test(value)))
            continue;
        flags.push(value === undefined ? [word] : [word, value]);
    }
    return flags;
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

/***/ 98721:
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
// EXTERNAL MODULE: ./src/select/project.ts
var project = __webpack_require__(82045);
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
/**
 * A config of the jest runs the test script makes through other scripts, as one run of their
 * projects (see jestProjectsOf), written beside the plan; undefined when there are none.
 */
function projectsConfig(context) {
    const projects = (0,detect/* jestProjectsOf */.u6)(context.packageDir, (0,project/* jestRunConfigs */.Jp)((0,detect/* readPackageJson */.jJ)(context.packageDir)?.scripts));
    if (!projects)
        return undefined;
    if (projects.length === 1 && projects[0] !== context.packageDir)
        return projects[0];
    const file = (0,external_node_path_.join)(context.tempDir, 'jest-projects.config.cjs');
    (0,external_node_fs_.writeFileSync)(file, `module.exports = ${JSON.stringify({ rootDir: context.packageDir, projects })}\n`);
    return file;
}
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
            config: (0,detect/* jestConfigOf */.c9)(context.packageDir) ?? projectsConfig(context),
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

;// CONCATENATED MODULE: ./src/runners/v8-coverage.ts



/**
 * What a node runner's plan adds to record coverage: node writes each process's coverage to a
 * folder of the run, read after it. Nothing when the run records none.
 */
function nodeCoverage(context) {
    if (!context.recordCoverage)
        return { env: context.env };
    const dir = (0,external_node_path_.join)(context.tempDir, 'v8-coverage');
    return {
        env: { ...context.env, NODE_V8_COVERAGE: dir },
        readCoverage: tests => v8CoverageEvents(dir, tests, context.tempDir)
    };
}
/**
 * One coverage event per process that ran exactly one of `testFiles` (absolute paths): the
 * scripts it loaded (absolute paths, outside node_modules; test files too, as jest instruments
 * them) and where the functions it ran start. A process that loaded none of them (the
 * runner's own, a script a test started) or several (tests run in one process) says nothing a
 * single test file can be charged with, and is skipped.
 */
function v8CoverageEvents(dir, testFiles, 
/** CI Medic's own driver and reporter are here: not the suite's. */
ownFolder) {
    // V8 names scripts by their real path (macOS's temp folder is behind a symlink).
    const own = ownFolder === undefined ? undefined : realPath(ownFolder) + external_node_path_.sep;
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(dir).filter(name => name.startsWith('coverage-') && name.endsWith('.json'));
    }
    catch {
        return [];
    }
    // Test files as V8 names them (real paths), and as the run's events named them.
    const named = new Map([...testFiles].map(file => [realPath(file), file]));
    const events = [];
    const texts = new Map();
    for (const name of names.sort()) {
        let parsed;
        try {
            parsed = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, name), 'utf8'));
        }
        catch {
            continue; // a process killed while writing
        }
        const scripts = (parsed.result ?? []).flatMap(script => {
            const path = pathOf(script.url);
            return path ? [{ path, script }] : [];
        });
        const tests = scripts.filter(({ path }) => named.has(path));
        if (tests.length !== 1)
            continue;
        const sources = {};
        for (const { path, script } of scripts) {
            if (/[\\/]node_modules[\\/]/.test(path) || (own && path.startsWith(own)))
                continue;
            const mapped = parsed['source-map-cache']?.[script.url];
            sources[path] =
                mapped?.data && mapped.lineLengths
                    ? { fns: functionStarts(script, positionsIn(mapped.lineLengths)), exact: false, map: mapped.data }
                    : ownPositions(script, path, texts);
        }
        events.push({
            t: 'coverage',
            file: named.get(tests[0].path),
            sources
        });
    }
    return events;
}
function realPath(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return (0,external_node_path_.resolve)(path);
    }
}
/** The file a script URL names; undefined for node's own modules, `data:` and `eval` scripts. */
function pathOf(url) {
    if (url.startsWith('file://')) {
        try {
            return (0,external_node_url_.fileURLToPath)(url);
        }
        catch {
            return undefined;
        }
    }
    // Older node versions name CommonJS scripts by their path.
    return url.startsWith('/') || /^[A-Za-z]:[\\/]/.test(url) ? url : undefined;
}
/**
 * Positions in the file itself, when V8 compiled the file as it is on disk: the script's own
 * range is exactly as long as the file's text (a loader that rewrote it, with no source map, makes
 * it longer or shorter; then only loading the file counts).
 */
function ownPositions(script, path, texts) {
    if (!texts.has(path)) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch {
            text = undefined;
        }
        texts.set(path, text);
    }
    const text = texts.get(path);
    const whole = script.functions[0]?.ranges[0];
    if (text === undefined || !whole || whole.endOffset !== text.length)
        return { fns: [], exact: false };
    const lengths = text.split('\n').map(line => line.length);
    return { fns: functionStarts(script, positionsIn(lengths)), exact: true };
}
/** Offset → line (1-based), column (0-based), for a text whose lines (without `\n`) are this long. */
function positionsIn(lineLengths) {
    const starts = [];
    let at = 0;
    for (const length of lineLengths) {
        starts.push(at);
        at += length + 1;
    }
    return offset => {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (starts[middle] <= offset)
                low = middle;
            else
                high = middle - 1;
        }
        return [low + 1, offset - starts[low]];
    };
}
/**
 * Line, column pairs where the functions that ran start. The script's own top level (V8 lists it
 * first) is not one: a function that starts the file is.
 */
function functionStarts(script, position) {
    const fns = [];
    script.functions.forEach((fn, i) => {
        const range = fn.ranges[0];
        if (!range || range.count === 0 || (i === 0 && fn.functionName === ''))
            return;
        fns.push(...position(range.startOffset));
    });
    return fns;
}

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
const path = require('path')
const { spawn } = require('child_process')
// The whole run: driver PLAN. While recording a coverage map it runs each test file as
// driver PLAN FILE EVENTS, and files that failed alone again as driver PLAN --together EVENTS LIST
// (one mocha; the files listed in LIST, a JSON array: a long command line fails on Windows); each
// writes its events to EVENTS.
const [planFile, ...rest] = process.argv.slice(2)
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'))
const together = rest[0] === '--together'
const part = together ? JSON.parse(fs.readFileSync(rest[2], 'utf8')) : rest.length ? [rest[0]] : undefined
const cli = require(plan.cli)
const args = cli.loadOptions(plan.scriptArgs)
if (plan.perFile && part === undefined) runEachFile()
else {
  const files = part === undefined ? plan.files : part
  process.argv = [process.argv[0], plan.bin, ...(part === undefined ? plan.shownArgs : part.map(file => path.relative(process.cwd(), file)))]
  process.env.CI_MEDIC_MOCHA_EVENTS = part === undefined ? plan.out : rest[1]
  if (files.length) { args._ = files; delete args.spec }
  // One file alone runs in this process; files together run as the repository's config says.
  if (part !== undefined && !together) args.parallel = false
  args.reporter = plan.reporter
  args.R = plan.reporter
  delete args['reporter-option']; delete args.reporterOption; delete args.O
  if (plan.optionsFromArgv) cli.main(commandLine(args))
  else cli.main(undefined, args)
}
// mocha 8 and older read their options from the command line alone: the options as read above
// (config files included, which the command line then leaves out), one flag each.
function commandLine(options) {
  const argv = ['--no-config', '--no-package']
  for (const [key, value] of Object.entries(options)) {
    if (['_', '$0', 'config', 'package', 'spec'].includes(key) || key.length === 1 || /[A-Z]/.test(key)) continue
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === true) argv.push('--' + key)
      else if (item === false) argv.push('--no-' + key)
      else if (item !== undefined && item !== null) argv.push('--' + key, String(item))
    }
  }
  return [...argv, ...options._]
}
// Each test file in a process of its own (this driver again), a few at a time: what a process
// loads and runs is then that file's alone.
function runEachFile() {
  let files = plan.files
  if (!files.length) {
    const list = v => (v === undefined ? [] : Array.isArray(v) ? v : [v])
    const specs = [...list(args._), ...list(args.spec)]
    const found = require(plan.collect)({ spec: specs.length ? specs : ['./test'],
      extension: list(args.extension).length ? list(args.extension) : ['js', 'cjs', 'mjs'],
      ignore: list(args.ignore), file: [], recursive: args.recursive, sort: args.sort })
    files = (Array.isArray(found) ? found : found.files).map(file => path.resolve(file))
  }
  // Beside the plan, in a folder that is removed after the run whatever happens to this process.
  const parts = path.join(path.dirname(path.resolve(planFile)), 'mocha-parts')
  fs.mkdirSync(parts, { recursive: true })
  const emit = event => fs.appendFileSync(plan.out, JSON.stringify(event) + '\n')
  const readEvents = file => {
    try { return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line)) } catch { return [] }
  }
  const failedIn = events => events.some(e => e.status === 'failed' || e.status === 'errored' || e.error)
  // Node's coverage of each process goes to a folder of its own, kept only when its file passed
  // alone: a run that failed part way says too little of what the file runs.
  const coverageDir = process.env.NODE_V8_COVERAGE
  const run = (driverArgs, name) => new Promise(done => {
    const coverage = coverageDir && path.join(coverageDir, name)
    const env = coverage ? { ...process.env, NODE_V8_COVERAGE: coverage } : process.env
    const child = spawn(process.execPath, [...process.execArgv, __filename, planFile, ...driverArgs], { stdio: 'inherit', env })
    child.on('error', () => done({ code: 1, coverage }))
    child.on('close', code => done({ code, coverage }))
  })
  const keepCoverage = (coverage, keep) => {
    if (!coverage) return
    if (keep) for (const name of fs.readdirSync(coverage, { withFileTypes: true }))
      if (name.isFile()) fs.renameSync(path.join(coverage, name.name), path.join(coverageDir, name.name))
    fs.rmSync(coverage, { recursive: true, force: true })
  }
  const os = require('os')
  const width = Math.max(1, Math.min(4, os.availableParallelism ? os.availableParallelism() : os.cpus().length))
  const aloneFailed = new Map()
  let next = 0
  const start = () => {
    if (next >= files.length) return Promise.resolve()
    const index = next++
    const file = files[index]
    const eventsFile = path.join(parts, index + '.jsonl')
    // Now, not with the file's results: a run stopped by its time limit charges the files in flight.
    emit({ t: 'start', file })
    return run([file, eventsFile], 'file-' + index).then(({ code, coverage }) => {
      const events = readEvents(eventsFile).filter(event => event.t !== 'end')
      const passed = code === 0 && !failedIn(events)
      keepCoverage(coverage, passed)
      if (passed) events.forEach(emit)
      else aloneFailed.set(file, events)
    }).then(start)
  }
  Promise.all(Array.from({ length: width }, start)).then(async () => {
    let failed = false
    if (aloneFailed.size) {
      // A file may fail alone but pass where it runs in the suite, after the files before it (one
      // sets up what it needs, say). Those files run together once more, as a plain run runs them,
      // and that run's results count: the recording must not change them.
      const last = Math.max(...[...aloneFailed.keys()].map(file => files.indexOf(file)))
      const togetherFile = path.join(parts, 'together.jsonl')
      const togetherList = path.join(parts, 'together.json')
      fs.writeFileSync(togetherList, JSON.stringify(files.slice(0, last + 1)))
      keepCoverage((await run(['--together', togetherFile, togetherList], 'together')).coverage, false)
      const sharedEvents = readEvents(togetherFile)
      for (const file of files) {
        if (!aloneFailed.has(file)) continue
        const shared = sharedEvents.filter(event => event.file === file)
        const finished = shared.some(event => event.t === 'file')
        const chosen = finished ? shared : aloneFailed.get(file)
        if (finished && !failedIn(shared))
          process.stderr.write('ci-medic: ' + path.relative(process.cwd(), file) + ' failed when run on its own, and passed after the test files before it: those results count, and it has no coverage entry\n')
        chosen.forEach(emit)
        failed = failed || !finished || failedIn(chosen)
      }
    }
    emit({ t: 'end' })
    process.exit(failed ? 1 : 0)
  })
}
`;
/** Options mocha would then never end with. */
const NOT_PASSED_ON = new Set(['--watch', '-w']);
/**
 * What the test script gives mocha (specs, `--require`, `--recursive`, `--timeout`…), as mocha
 * reads its command line; its config files are read as well.
 */
function scriptArguments(packageDir) {
    const words = (0,project/* runnerArguments */.bB)((0,detect/* readPackageJson */.jJ)(packageDir)?.scripts, project/* MOCHA_COMMAND */.X_) ?? [];
    return words.filter(word => !NOT_PASSED_ON.has(word));
}
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
            scriptArgs: scriptArguments(context.packageDir),
            collect: (0,external_node_path_.join)(mochaDir, 'lib/cli/collect-files.js'),
            // mocha 9 and later take options already parsed (main's second argument); older ones do not.
            optionsFromArgv: !(0,external_node_fs_.readFileSync)((0,external_node_path_.join)(mochaDir, 'lib/cli/cli.js'), 'utf8').includes('mochaArgs'),
            // For a coverage map: node's coverage of a process is one test file's when the file ran alone.
            perFile: context.recordCoverage === true,
            reporter,
            out,
            files,
            shownArgs: shown
        }));
        return {
            framework: 'mocha',
            command: process.execPath,
            args: [...context.nodeFlags, driver, planFile],
            ...nodeCoverage(context),
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
        return {
            framework: 'node-test',
            command: process.execPath,
            args: [
                ...context.nodeFlags,
                '--test',
                '--test-reporter=spec',
                '--test-reporter-destination=stdout',
                `--test-reporter=${reporter}`,
                `--test-reporter-destination=${out}`,
                ...files
            ],
            // Each test file runs in a process of its own, which writes its coverage as it exits.
            ...nodeCoverage(context),
            eventsFile: out,
            reportsStarts: true,
            display: ['node', ...context.nodeFlags, '--test', ...files].join(' ')
        };
    }
};

;// CONCATENATED MODULE: ./src/runners/frameworks/pytest.ts


/**
 * Runs pytest through `pytest.main(args, plugins=[...])`: the report plugin is an object handed
 * over in-process, and `sys.argv` (which tests see) is `pytest <files>` only.
 */
const pytest_DRIVER = String.raw `import json, os, sys
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
`;
/**
 * For a coverage map (`record-coverage`): what one pytest process (one test file) loaded of the
 * repository's Python files, and the first lines of the functions it ran. Nothing is reported when
 * the process may have run the repository's code where this cannot see: a forked or spawned
 * Python, a shell or a script (a console entry point), or when a test set its own profiler.
 */
const RECORDER = String.raw `import builtins, io, os, re, sys, threading

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
        if (context.recordCoverage)
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(context.tempDir, 'ci_medic_coverage.py'), RECORDER);
        (0,external_node_fs_.writeFileSync)(out, '');
        (0,external_node_fs_.writeFileSync)(planFile, JSON.stringify({
            out,
            files,
            shownArgs: files,
            // For a coverage map: what a process loads and runs is one test file's when it ran alone.
            perFile: context.recordCoverage === true,
            root: context.repoDir
        }));
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
  // For a coverage map: CI Medic's provider (see COVERAGE_PROVIDER in vitest.ts), no report, no thresholds.
  const coverage = plan.coverageProvider ? { coverage: { enabled: true, provider: 'custom', customProviderModule: plan.coverageProvider } } : {}
  // The config the test script names (\`vitest --config vitest.unit.config.ts\`), else vitest's own default.
  const config = plan.config ? { config: plan.config } : {}
  // \`vitest --typecheck\` in the test script: its type tests are type-checked too.
  const typecheck = plan.typecheck ? { typecheck: plan.typecheck } : {}
  const vitest = await startVitest('test', plan.files, { run: true, watch: false, reporters: ['default', reporter], includeTaskLocation: true, passWithNoTests: false, ...config, ...typecheck, ...coverage })
  code = process.exitCode ?? (vitest ? 0 : 1)
  if (vitest) await vitest.close()
} catch (error) {
  console.error((error && error.stack) || String(error))
  code = 2
}
process.exit(code)
`;
/**
 * A vitest coverage provider (`coverage.provider: 'custom'`) for the coverage map: in each test
 * worker it counts what every test file ran with V8's profiler (as @vitest/coverage-v8 does), and
 * in vitest's own process it turns each file's counts into a coverage event: the modules the file
 * loaded and where the functions it ran start, in vite's output with vite's source map, which the
 * runner maps back. Vitest imports this module through its module runner, afresh for each test
 * file, so the profiler's session lives on a global. Without isolation (`isolate: false`) a module
 * loaded by an earlier file is not loaded again, so what a file loaded cannot be told: no events.
 */
const COVERAGE_PROVIDER = String.raw `import { appendFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import inspector from 'node:inspector/promises'

const OUT = process.env.CI_MEDIC_VITEST_EVENTS
const OWN = fileURLToPath(import.meta.url)
const SESSION = Symbol.for('ci-medic.vitest-coverage')
const ownScript = url => url.startsWith('file://') && !url.includes('/node_modules/') && fileURLToPath(url) !== OWN

export default {
  async startCoverage({ isolate }) {
    if (isolate === false || globalThis[SESSION]) return
    const session = new inspector.Session()
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false })
    globalThis[SESSION] = session
  },
  // V8 resets the counts as it hands them over: each test file gets its own.
  async takeCoverage(options) {
    const session = globalThis[SESSION]
    if (!session) return undefined
    const { result } = await session.post('Profiler.takePreciseCoverage')
    const scripts = []
    for (const script of result) {
      // A module loaded by this file: its top level ran (earlier files' copies have counts of 0).
      if (!ownScript(script.url) || !(script.functions[0]?.ranges[0]?.count > 0)) continue
      const path = fileURLToPath(script.url)
      const startOffset = options?.moduleExecutionInfo?.get(path)?.startOffset
      // What ran of vite's output (after the wrapper vitest puts around it), or loading only.
      const ran = startOffset === undefined ? undefined : script.functions.flatMap(fn => {
        const range = fn.ranges[0]
        return range && range.count > 0 && range.startOffset >= startOffset ? [range.startOffset - startOffset] : []
      })
      scripts.push({ path, ran })
    }
    return { scripts }
  },
  async stopCoverage() {
    const session = globalThis[SESSION]
    if (!session) return
    globalThis[SESSION] = undefined
    await session.post('Profiler.stopPreciseCoverage')
    await session.post('Profiler.disable')
    session.disconnect()
  },
  getProvider() {
    return new MapProvider()
  }
}

class MapProvider {
  name = 'ci-medic'
  done = Promise.resolve()
  mapped = new Set()
  initialize(ctx) { this.ctx = ctx }
  resolveOptions() { return this.ctx.config.coverage }
  clean() {}
  // Called with each test file's counts, and not awaited: generateCoverage waits for the events.
  // They are written one at a time, in order, so that a module's source map comes with the first
  // event that names it (the runner reads the events in the order they were written).
  onAfterSuiteRun({ coverage, testFiles, environment, transformMode, projectName }) {
    if (!coverage || testFiles.length !== 1) return
    this.done = this.done
      .then(() => this.emit(coverage.scripts, testFiles[0], environment || transformMode, projectName))
      .catch(error => {
        console.error('ci-medic: coverage of ' + testFiles[0] + ' not recorded: ' + ((error && error.stack) || error))
      })
  }
  async emit(scripts, testFile, environment, projectName) {
    const project = this.ctx.getProjectByName(projectName || '')
    const sources = {}
    for (const { path, ran } of scripts) {
      const transformed = ran && await transformedBy(project, environment, path).catch(() => null)
      const map = transformed && transformed.map
      if (!map || typeof map.mappings !== 'string' || typeof transformed.code !== 'string') {
        sources[path] = { fns: [], exact: false }
        continue
      }
      sources[path] = { fns: starts(ran, transformed.code, map.mappings), exact: false }
      if (!this.mapped.has(path)) {
        this.mapped.add(path)
        sources[path].map = { sources: map.sources, sourceRoot: map.sourceRoot, mappings: map.mappings }
      }
    }
    appendFileSync(OUT, JSON.stringify({ t: 'coverage', file: resolve(project.config.root, testFile), sources }) + '\n')
  }
  async generateCoverage() {
    await this.done
    return {}
  }
  reportCoverage() {}
}

// The code vitest ran for a module, with its source map: from the vite environment the test file
// ran in (vitest 4), or from what vite-node fetched for it (vitest 3).
async function transformedBy(project, environment, path) {
  const environments = project.vite && project.vite.environments
  if (environments && environments[environment]) return environments[environment].transformRequest(path)
  const node = project.vitenode
  if (!node) return null
  const fetched = (node.fetchCaches && node.fetchCaches[environment]) || node.fetchCache
  const cached = fetched && fetched.get(path)
  return (cached && cached.result) || node.transformRequest(path, path, environment)
}

// Line (1-based), column pairs of offsets in vite's output, less those on lines the source map
// maps nowhere: code vite wrote (its export getters), which is not the file's.
function starts(offsets, code, mappings) {
  const lineStarts = [0]
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const mappedLines = mappings.split(';').map(line => line !== '')
  const fns = []
  for (const offset of offsets) {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (lineStarts[middle] <= offset) low = middle
      else high = middle - 1
    }
    if (mappedLines[low]) fns.push(low + 1, offset - lineStarts[low])
  }
  return fns
}
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
        const scripts = (0,detect/* readPackageJson */.jJ)(context.packageDir)?.scripts;
        const named = (0,project/* vitestConfigArgument */.Bk)(scripts);
        const typecheck = (0,project/* vitestTypecheckArguments */.G)(scripts);
        (0,external_node_fs_.writeFileSync)(driver, vitest_DRIVER);
        (0,external_node_fs_.writeFileSync)(out, '');
        const coverageProvider = context.recordCoverage ? (0,external_node_path_.join)(context.tempDir, 'vitest-coverage.mjs') : undefined;
        if (coverageProvider)
            (0,external_node_fs_.writeFileSync)(coverageProvider, COVERAGE_PROVIDER);
        (0,external_node_fs_.writeFileSync)(planFile, JSON.stringify({
            bin: (0,node_resolve/* binOf */.jU)(vitestDir, 'vitest') ?? (0,external_node_path_.join)(vitestDir, 'vitest.mjs'),
            vitestNode: (0,external_node_url_.pathToFileURL)((0,external_node_path_.join)(vitestDir, 'dist/node.js')).href,
            out,
            files,
            shownArgs: shown,
            coverageProvider,
            config: named === undefined ? undefined : (0,external_node_path_.resolve)(context.packageDir, named),
            typecheck
        }));
        return {
            framework: 'vitest',
            command: process.execPath,
            args: [...context.nodeFlags, driver, planFile],
            env: coverageProvider ? { ...context.env, CI_MEDIC_VITEST_EVENTS: out } : context.env,
            eventsFile: out,
            reportsStarts: true,
            display: [
                'vitest',
                'run',
                ...(named === undefined ? [] : ['--config', named]),
                ...(typecheck ? [typecheck.only ? '--typecheck.only' : '--typecheck'] : []),
                ...shown
            ].join(' ')
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
// EXTERNAL MODULE: ./src/select/js-lexer.ts
var js_lexer = __webpack_require__(40614);
// EXTERNAL MODULE: ./src/select/js-scanner.ts
var js_scanner = __webpack_require__(62178);
// EXTERNAL MODULE: ./src/select/model.ts
var model = __webpack_require__(71709);
;// CONCATENATED MODULE: ./src/runners/loader-stub.ts





/** A stub is a few lines; anything larger holds code of its own. */
const MAX_STUB_BYTES = 4096;
/** Stubs that load stubs: how deep to follow them. */
const MAX_DEPTH = 4;
/** What a relative specifier may leave out, as node resolves it. */
const SUFFIXES = ['', '.js', '.cjs', '.mjs', '/index.js'];
/**
 * Whether the untracked file `path` (relative to repoDir) does nothing but load other files: it
 * defines no function or class, and every relative path it imports or requires is a tracked file
 * the test's coverage holds, a dependency (under node_modules), or another such stub; at least
 * one is a tracked file. Then what the test ran through it is the tracked files' code, which its
 * coverage records. The entry points `preconstruct dev` writes into `dist/` are such stubs
 * (`module.exports = require("../src/index.js")`); built output is not, as it holds the code of the
 * tracked files it was built from rather than loading them.
 */
function onlyLoadsWhatRan(path, check, depth = 0) {
    if (depth > MAX_DEPTH || !(0,model/* isJsLike */.Pp)(path))
        return false;
    let text;
    try {
        const bytes = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(check.repoDir, path));
        if (bytes.length > MAX_STUB_BYTES)
            return false;
        text = bytes.toString('utf8');
    }
    catch {
        return false;
    }
    const { kinds, texts, error } = (0,js_lexer/* tokenize */.qw)(text, true);
    if (error)
        return false;
    for (let k = 0; k < kinds.length; k++) {
        const token = texts[k];
        if (kinds[k] === js_lexer/* IDENT */.L3 && (token === 'function' || token === 'class'))
            return false;
        if (kinds[k] === js_lexer/* PUNCT */.rU && token === '=>')
            return false;
    }
    let loadsTracked = false;
    for (const { spec, kind } of (0,js_scanner/* scanJs */.jg)(text, path, { hashes: false }).imports) {
        if (kind === 'rooted')
            return false;
        if (!spec.startsWith('./') && !spec.startsWith('../'))
            continue;
        const target = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(path), spec));
        if (target.startsWith('../'))
            return false;
        if (target.split('/').includes('node_modules'))
            continue;
        const found = SUFFIXES.map(suffix => target + suffix).find(candidate => check.tracked(candidate) || isFile((0,external_node_path_.join)(check.repoDir, candidate)));
        if (found === undefined)
            return false;
        // A tracked file the test ran, or an untracked one that is a stub too (and so loads one).
        if (check.tracked(found) ? !check.ran.has(found) : !onlyLoadsWhatRan(found, check, depth + 1))
            return false;
        loadsTracked = true;
    }
    return loadsTracked;
}
function isFile(file) {
    try {
        return (0,external_node_fs_.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}

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
 * not track is left out, since select could not tell whether that file changed (or what it was
 * built from); unless that file only loads tracked files the test ran (a stub, see
 * onlyLoadsWhatRan), which the entry then leaves out.
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
        const isTracked = (path) => tracked.has(prefix + path);
        const stubs = { repoDir: context.repoDir, tracked: isTracked, ran: new Set(sources) };
        if (!sources || !sources.every(path => isTracked(path) || onlyLoadsWhatRan(path, stubs))) {
            untracked++;
            continue;
        }
        recorded.set(prefix + result.file, Object.fromEntries(Object.entries(ran)
            .filter(([path]) => isTracked(path))
            .map(([path, entry]) => [prefix + path, entry])));
    }
    if (recorded.size === 0)
        return {
            commit,
            recorded: 0,
            why: context.coverage.size === 0
                ? 'no runner reported coverage (jest, vitest, node:test, mocha and pytest do)'
                : 'no test passed'
        };
    const instrumented = new Set();
    for (const path of context.instrumented ?? [])
        if (tracked.has(prefix + path))
            instrumented.add(prefix + path);
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
        const reported = plan.eventsFile
            ? parseEvents(readTextOr(plan.eventsFile))
            : (plan.parseStdout?.(result.stdout, result.stderr) ?? []);
        const testFiles = new Set(reported.flatMap(event => ('file' in event ? [(0,external_node_path_.resolve)(group.packageDir, event.file)] : [])));
        const events = [...reported, ...(plan.readCoverage?.(testFiles) ?? [])];
        for (const event of events) {
            if (event.t === 'coverage')
                noteCoverage(context, group.packageDir, event);
            else if (event.t === 'instrumented')
                for (const file of event.files) {
                    const path = repoRelative((0,external_node_path_.resolve)(group.packageDir, file), context.repoDir);
                    if (path)
                        (context.instrumented ??= new Set()).add(path);
                }
        }
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
        if ('file' in event)
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

/***/ 73816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kf: () => (/* binding */ commandsOf),
/* harmony export */   OU: () => (/* binding */ configArgument),
/* harmony export */   QO: () => (/* binding */ jestConfigArgument),
/* harmony export */   T8: () => (/* binding */ jestConfigArguments)
/* harmony export */ });
/**
 * The commands of a package.json script, each as its words, read as a POSIX shell reads them:
 * split at `&&`, `||`, `;`, `|`, `&` and line ends outside quotes; `'…'` taken as written, `"…"`
 * with `\"`, `\\`, `` \` `` and `\$` escapes, and a backslash outside quotes escaping the next
 * character. Expansions (`$VAR`, `$(…)`) stay as written.
 */
function commandsOf(script) {
    const commands = [];
    let words = [];
    let word = '';
    let inWord = false;
    const endWord = () => {
        if (inWord)
            words.push(word);
        word = '';
        inWord = false;
    };
    const endCommand = () => {
        endWord();
        commands.push(words);
        words = [];
    };
    for (let i = 0; i < script.length; i++) {
        const c = script[i];
        if (c === "'") {
            const close = script.indexOf("'", i + 1);
            const end = close < 0 ? script.length : close;
            word += script.slice(i + 1, end);
            inWord = true;
            i = end;
        }
        else if (c === '"') {
            inWord = true;
            for (i++; i < script.length && script[i] !== '"'; i++) {
                if (script[i] === '\\' && '"\\$`'.includes(script[i + 1] ?? ''))
                    i++;
                word += script[i];
            }
        }
        else if (c === '\\' && i + 1 < script.length) {
            word += script[++i];
            inWord = true;
        }
        else if (c === ' ' || c === '\t')
            endWord();
        else if (c === ';' || c === '\n' || c === '&' || c === '|') {
            if ((c === '&' || c === '|') && script[i + 1] === c)
                i++;
            endCommand();
        }
        else {
            word += c;
            inWord = true;
        }
    }
    endCommand();
    return commands.filter(command => command.length > 0);
}
/**
 * The config file a runner's words name: `--config <file>`, `--config=<file>`, or `<short> <file>`
 * for a runner whose short flag is the config's (jest's and vitest's `-c`; mocha's `-c` is `--colors`).
 */
function configArgument(words, short) {
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if ((word === '--config' || (short !== undefined && word === short)) && words[i + 1])
            return words[i + 1];
        if (word.startsWith('--config=') && word.length > 9)
            return word.slice(9);
    }
    return undefined;
}
/** A word that runs jest: `jest`, `node_modules/.bin/jest`, `node_modules/jest/bin/jest.js`. */
const JEST_COMMAND = /^(?:\S*\/)?jest(?:\.js)?$/;
/** The config files (`--config`, `-c`) of each jest run of a script's commands that names one, as written; not inline JSON. */
function jestConfigArguments(script) {
    return commandsOf(script).flatMap(words => {
        const at = words.findIndex(word => JEST_COMMAND.test(word));
        const path = at < 0 ? undefined : configArgument(words.slice(at + 1), '-c');
        return path && !path.trimStart().startsWith('{') ? [path] : [];
    });
}
/** The config file a test script hands jest (its first jest run's `--config <file>` or `-c <file>`). */
function jestConfigArgument(script) {
    return jestConfigArguments(script)[0];
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


/***/ }),

/***/ 11380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fU: () => (/* binding */ globMatcher),
/* harmony export */   fd: () => (/* binding */ RUNNER_CONFIG_CHANGED),
/* harmony export */   j7: () => (/* binding */ TSCONFIG_CHANGED),
/* harmony export */   oA: () => (/* binding */ fallbackFor),
/* harmony export */   tM: () => (/* binding */ RUN_ALL_LINE)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Changes that static analysis cannot follow safely: every test runs (or every test of the
 * workspace package the file belongs to), and the reason is reported.
 */
/** Why a change to a test runner's or build tool's config runs every test. */
const RUNNER_CONFIG_CHANGED = 'a test runner or build config changed';
/** Why a change to a tsconfig (or a config one extends) runs every test. */
const TSCONFIG_CHANGED = 'a TypeScript config changed';
const RULES = [
    {
        test: /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|\.pnp\.c?js)$/,
        why: 'a lockfile changed'
    },
    {
        test: /(?:^|\/)(?:package\.json|\.npmrc|\.yarnrc(?:\.yml)?|\.nvmrc|\.node-version|\.tool-versions|pnpm-workspace\.yaml|lerna\.json|nx\.json|turbo\.json)$/,
        why: 'a dependency manifest changed'
    },
    {
        test: /(?:^|\/)(?:requirements[^/]*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile(?:\.lock)?|poetry\.lock|uv\.lock|tox\.ini|pytest\.ini|\.python-version)$/,
        why: 'a Python manifest or pytest config changed'
    },
    {
        test: /(?:^|\/)(?:go\.mod|go\.sum|go\.work(?:\.sum)?|vendor\/modules\.txt)$/,
        why: 'a Go module file changed'
    },
    {
        // Named variants too (`jest.config.unit.js`, `vitest.compile.config.ts`, `test/jest-e2e.json`),
        // and the vitest options that configs build on (`vitest.shared.ts`).
        test: /(?:^|\/)(?:jest|vitest|vite|karma|playwright|cypress|ava|webpack|rollup|esbuild|tsup)(?:\.[\w-]+)?\.config(?:\.[\w-]+)?\.[cm]?[jt]s(?:on)?$|(?:^|\/)jest[.-][\w.-]*\.json$|(?:^|\/)\.mocharc(?:\.[a-z]+)?$|(?:^|\/)vitest\.(?:workspace|projects)(?:\.[\w-]+)?\.(?:[cm]?[jt]s|json)$|(?:^|\/)vitest\.(?!setup\b)[\w.-]+\.[cm]?[jt]s$/,
        why: RUNNER_CONFIG_CHANGED
    },
    {
        test: /(?:^|\/)(?:jest|vitest|test)[.-]?setup[^/]*\.[cm]?[jt]sx?$|(?:^|\/)setupTests\.[cm]?[jt]sx?$|(?:^|\/)(?:global[-_]?setup|global[-_]?teardown)\.[cm]?[jt]s$/i,
        why: 'a test setup file changed'
    },
    { test: /(?:^|\/)[tj]sconfig(?:\.[\w-]+)?\.json$/, why: TSCONFIG_CHANGED },
    {
        test: /(?:^|\/)(?:\.babelrc(?:\.[cm]?js(?:on)?)?|babel\.config\.[cm]?js(?:on)?|\.swcrc)$/,
        why: 'a Babel or SWC config changed'
    },
    { test: /\.d\.[cm]?ts$/, why: 'a type declaration file changed' },
    { test: /^\.github\/ci-medic\.ya?ml$/, why: "CI Medic's own config changed" },
    { test: /(?:^|\/)__mocks__\/[^/]+$/, why: '' } // handled by the selection (module mocks), listed so it is not data
];
/** The fallback rule a changed path triggers, if any. */
function fallbackFor(path, setupFiles, configFile, namedConfigs = new Map()) {
    if (setupFiles.has(path))
        return { path, why: 'a test setup file changed' };
    // A config read under a name of its own (`jest --config config/unit.json`; see namedConfigs).
    const named = namedConfigs.get(path);
    if (named)
        return { path, why: named };
    if (path === configFile)
        return { path, why: "CI Medic's own config changed" };
    for (const rule of RULES)
        if (rule.why && rule.test.test(path))
            return { path, why: rule.why };
    return undefined;
}
function globMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    const match = picomatch__WEBPACK_IMPORTED_MODULE_0___default()([...globs], { dot: true });
    return path => match(path);
}
/** `ci-medic: run-all` on a line of its own in a commit message forces every test. */
const RUN_ALL_LINE = /^\s*ci-medic:\s*run-all\s*$/im;


/***/ }),

/***/ 12903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ globFiles),
/* harmony export */   Iq: () => (/* binding */ literalGlob),
/* harmony export */   Yx: () => (/* binding */ globCandidate),
/* harmony export */   fU: () => (/* binding */ globMatcher),
/* harmony export */   u9: () => (/* binding */ globRegExp)
/* harmony export */ });
/* unused harmony export requiredText */
/* harmony import */ var _regexp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70878);
/* harmony import */ var _project_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82045);


/**
 * Imports that load every file a pattern matches: `import.meta.glob('./pages/*.ts')` (Vite and
 * Vitest), and `import(…)` or `require(…)` of a template literal with holes
 * (`./locales/${lang}.json`), whose holes may be any text, `/` included. Patterns are relative
 * to the importing file, or to the root (`/…`), read as any folder of the repository.
 */
const GLOB_CHARS = /[*?[\]{}\\]/g;
/** A template literal's static text, with glob characters escaped. */
function literalGlob(text) {
    return text.replace(GLOB_CHARS, '\\$&');
}
/**
 * A quoted string of a source that may be a glob import, as the quick pass finds it: a relative
 * or rooted pattern with glob characters; or a relative template with holes, widened to
 * everything under its text before the first hole (the scanner's pattern for it never matches more).
 */
function globCandidate(spec) {
    // Both forms start with `.` or `/`; most strings of a file do not.
    const first = spec.charCodeAt(0);
    if (first !== 46 /* . */ && first !== 47 /* / */)
        return undefined;
    const hole = spec.indexOf('${');
    if (hole >= 0) {
        const prefix = spec.slice(0, hole);
        return /^\.{1,2}\//.test(prefix) ? `${literalGlob(prefix)}**` : undefined;
    }
    return /^\.{0,2}\//.test(spec) && /[*?[{]/.test(spec) ? spec : undefined;
}
/**
 * The longest run of plain characters of a pattern outside braces and brackets: every path it
 * matches holds that text (`/locales/` for a pattern of every locales folder's JSON files).
 * Empty when there is none.
 */
function requiredText(pattern) {
    let longest = '';
    let run = '';
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '{' || c === '[')
            depth++;
        else if ((c === '}' || c === ']') && depth > 0)
            depth--;
        if (depth === 0 && !'*?[]{}\\(),|!@+'.includes(c))
            run += c;
        else {
            if (run.length > longest.length)
                longest = run;
            run = '';
            if (c === '\\')
                i++;
        }
    }
    return run.length > longest.length ? run : longest;
}
/**
 * A glob pattern as a RegExp, or undefined when malformed. Both syntaxes: `*` and `?` stay
 * within a name, `[…]` (negated by `^`) matches one character but `/`, `\x` is `x`. `import`
 * (Vite, fast-glob) adds `**` for any text, `{a,b}`, and `!` to negate a class; `go` (path.Match,
 * for `//go:embed`) has none of those.
 */
function globRegExp(pattern, syntax = 'import') {
    const extended = syntax === 'import';
    let source = '';
    let braces = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*') {
            if (extended && pattern[i + 1] === '*') {
                source += '.*';
                while (pattern[i + 1] === '*')
                    i++;
            }
            else
                source += '[^/]*';
        }
        else if (c === '?')
            source += '[^/]';
        else if (c === '\\') {
            const next = pattern[++i];
            if (next === undefined)
                return undefined;
            source += (0,_regexp_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .N)(next);
        }
        else if (extended && c === '{') {
            braces++;
            source += '(?:';
        }
        else if (extended && c === '}' && braces > 0) {
            braces--;
            source += ')';
        }
        else if (extended && c === ',' && braces > 0)
            source += '|';
        else if (c === '[') {
            const close = pattern.indexOf(']', i + 2);
            if (close < 0)
                return undefined;
            let body = pattern.slice(i + 1, close);
            const negated = body.startsWith('^') || (extended && body.startsWith('!'));
            if (negated)
                body = body.slice(1);
            source += `(?!/)[${negated ? '^' : ''}${body.replace(/[\]\\^]/g, '\\$&')}]`;
            i = close;
        }
        else
            source += (0,_regexp_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .N)(c);
    }
    if (braces)
        return undefined;
    try {
        return new RegExp(`^${source}$`);
    }
    catch {
        return undefined;
    }
}
/**
 * Whether a file is one that glob import `pattern`, written in `from`, loads (never `from` itself),
 * with the folder prefix every such file starts with (`a/b/`, or `` for any); undefined when the
 * pattern loads nothing (malformed, or above the repository's root).
 */
function globMatcher(from, pattern) {
    let rest = pattern;
    let base = (0,_project_js__WEBPACK_IMPORTED_MODULE_0__/* .dirname */ .pD)(from);
    if (rest.startsWith('/')) {
        base = undefined;
        rest = rest.slice(1);
    }
    for (;;) {
        if (rest.startsWith('./'))
            rest = rest.slice(2);
        else if (rest.startsWith('../') && base !== undefined) {
            if (base === '')
                return undefined;
            base = (0,_project_js__WEBPACK_IMPORTED_MODULE_0__/* .dirname */ .pD)(base);
            rest = rest.slice(3);
        }
        else
            break;
    }
    const regex = globRegExp(rest);
    if (!regex)
        return undefined;
    const prefix = base ? `${base}/` : '';
    // Text every match holds: most files are passed over without trying the pattern on them.
    const needed = requiredText(rest);
    if (base === undefined) {
        // A rooted pattern matches from any folder: one test per file, not one per folder of its path
        // (the source without the `^` globRegExp anchors it with).
        const anywhere = new RegExp(`(?:^|/)${regex.source.slice(1)}`);
        return {
            prefix,
            loads: file => file !== from && (!needed || file.includes(needed)) && anywhere.test(file)
        };
    }
    return {
        prefix,
        loads: file => file !== from &&
            (!needed || file.includes(needed)) &&
            file.startsWith(prefix) &&
            regex.test(file.slice(prefix.length))
    };
}
/**
 * The files of `files` that glob import `pattern`, written in `from`, loads (never `from` itself).
 * `files` may be a function that lists the files under a folder prefix (`a/b/`, or `` for all).
 */
function globFiles(files, from, pattern) {
    const matcher = globMatcher(from, pattern);
    if (!matcher)
        return [];
    const matched = [];
    for (const file of typeof files === 'function' ? files(matcher.prefix) : files)
        if (matcher.loads(file))
            matched.push(file);
    return matched;
}


/***/ }),

/***/ 40614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   An: () => (/* binding */ STRING),
/* harmony export */   IO: () => (/* binding */ JSX),
/* harmony export */   L3: () => (/* binding */ IDENT),
/* harmony export */   QL: () => (/* binding */ REGEX),
/* harmony export */   nE: () => (/* binding */ TEMPLATE),
/* harmony export */   qw: () => (/* binding */ tokenize),
/* harmony export */   rU: () => (/* binding */ PUNCT),
/* harmony export */   uk: () => (/* binding */ NUMBER)
/* harmony export */ });
/* unused harmony export jsxText */
/**
 * A hand-written tokenizer for JavaScript and TypeScript (with JSX). It is not a parser: it yields
 * just enough (identifiers, punctuation, literals, with a newline flag) for the scanner to find
 * imports, exports and top-level declarations, and for token-stream hashes that ignore comments,
 * whitespace and quote style. It never throws on odd input; it reports an error only when a
 * string, template, comment or bracket is left open at the end of the file.
 */
const IDENT = 1;
const PUNCT = 2;
const STRING = 3;
const TEMPLATE = 4;
const NUMBER = 5;
const REGEX = 6;
const JSX = 7;
const LINE_PRAGMA = /@ts-(?:ignore|expect-error)\b/;
const FILE_PRAGMA = /@(?:ts-nocheck|ts-check|jest-environment(?:-options)?|vitest-environment|jsx(?:Frag|ImportSource|Runtime)?|flow|noflow)\b[^\n*]*/g;
/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set([
    'return', 'typeof', 'case', 'do', 'else', 'in', 'instanceof', 'new', 'delete', 'void', 'throw',
    'yield', 'await', 'of', 'extends'
]); // prettier-ignore
/**
 * `<T>(`, `<T, U>(`, `<T: Bound>(`, `<Args: $ReadOnlyArray<mixed>, R>(`, `<T extends U>(`: type
 * parameters and a parameter list's `(`.
 */
const TYPE_PARAMETERS = /<\s*[A-Za-z_$][\w$]*(?:\s*(?:,|:|extends\b)(?:[^<>()]|<[^<>()]*>)*)?\s*>\s*\(/y;
/** Tokens after which `<` in a .jsx/.tsx file opens an element. */
const JSX_AFTER_PUNCT = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '=>']);
const JSX_AFTER_WORD = new Set(['return', 'default', 'yield', 'await', 'case', 'else', 'do']);
function isIdentStart(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c > 127 || c === 92;
}
function isIdentPart(c) {
    return isIdentStart(c) || (c >= 48 && c <= 57);
}
class Lexer {
    src;
    jsx;
    i = 0;
    n;
    newline = false;
    out = { kinds: [], texts: [], newline: [] };
    constructor(src, jsx) {
        this.src = src;
        this.jsx = jsx;
        this.n = src.length;
        if (src.charCodeAt(0) === 35 && src.charCodeAt(1) === 33)
            this.skipLine(); // #! shebang
    }
    push(kind, text) {
        this.out.ends?.push(this.i);
        this.out.kinds.push(kind);
        this.out.texts.push(text);
        this.out.newline.push(this.newline);
        this.newline = false;
    }
    fail(message) {
        if (!this.out.error)
            this.out.error = `${message} (offset ${this.i})`;
    }
    skipLine() {
        const start = this.i;
        while (this.i < this.n) {
            const c = this.src.charCodeAt(this.i);
            if (c === 10 || c === 13)
                break;
            this.i++;
        }
        this.notePragmas(start, this.i);
    }
    /** Records the pragmas of the comment at from..to (see Tokens.linePragmas and filePragmas). */
    notePragmas(from, to) {
        const at = this.src.indexOf('@', from);
        if (at < 0 || at >= to)
            return;
        const text = this.src.slice(from, to);
        for (const match of text.matchAll(FILE_PRAGMA))
            (this.out.filePragmas ??= []).push(match[0].trim());
        const line = LINE_PRAGMA.exec(text);
        if (line) {
            const next = this.out.kinds.length;
            const pragmas = (this.out.linePragmas ??= new Map());
            pragmas.set(next, (pragmas.get(next) ?? '') + line[0]);
        }
    }
    /** For each open `(`: whether it follows if/while/for/with (then `)` ends a condition). */
    parens = [];
    lastParenWasControl = false;
    prevAllowsRegex() {
        const k = this.out.kinds.length - 1;
        if (k < 0)
            return true;
        const kind = this.out.kinds[k];
        const text = this.out.texts[k];
        if (kind === PUNCT && text === ')')
            return this.lastParenWasControl;
        if (kind === PUNCT)
            return text !== ']';
        if (kind === IDENT)
            return REGEX_AFTER_WORD.has(text);
        if (kind === JSX)
            return true;
        return false;
    }
    prevAllowsJsx() {
        if (!this.jsx)
            return false;
        const k = this.out.kinds.length - 1;
        if (k < 0)
            return true;
        const kind = this.out.kinds[k];
        const text = this.out.texts[k];
        if (kind === PUNCT)
            return JSX_AFTER_PUNCT.has(text);
        if (kind === IDENT)
            return JSX_AFTER_WORD.has(text);
        return kind === JSX;
    }
    /** Tokenizes until the end, or (nested) until the `}` that closes the current expression. */
    lex(untilBrace) {
        const src = this.src;
        let depth = 0;
        while (this.i < this.n) {
            const c = src.charCodeAt(this.i);
            if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
                this.newline = true;
                this.i++;
            }
            else if (c === 32 || c === 9 || c === 11 || c === 12 || c === 0xfeff || c === 0xa0) {
                this.i++;
            }
            else if (c === 47 /* / */) {
                const d = src.charCodeAt(this.i + 1);
                if (d === 47)
                    this.skipLine();
                else if (d === 42)
                    this.skipBlockComment();
                else if (this.prevAllowsRegex())
                    this.scanRegex();
                else {
                    this.i++;
                    this.push(PUNCT, '/');
                }
            }
            else if (isIdentStart(c)) {
                const start = this.i++;
                while (this.i < this.n && isIdentPart(src.charCodeAt(this.i)))
                    this.i++;
                this.push(IDENT, src.slice(start, this.i));
            }
            else if (c >= 48 && c <= 57) {
                this.scanNumber();
            }
            else if (c === 34 || c === 39) {
                this.scanString(c);
            }
            else if (c === 96) {
                this.scanTemplate();
            }
            else if (c === 123 /* { */) {
                depth++;
                this.i++;
                this.push(PUNCT, '{');
            }
            else if (c === 125 /* } */) {
                if (depth === 0 && untilBrace) {
                    this.i++;
                    return;
                }
                depth--;
                this.i++;
                this.push(PUNCT, '}');
            }
            else if (c === 60 /* < */ && this.prevAllowsJsx() && this.looksLikeJsx()) {
                this.scanJsxElement();
            }
            else if (c === 61 /* = */ && src.charCodeAt(this.i + 1) === 62) {
                this.i += 2;
                this.push(PUNCT, '=>');
            }
            else if (c === 46 /* . */ && src.charCodeAt(this.i + 1) >= 48 && src.charCodeAt(this.i + 1) <= 57) {
                this.scanNumber();
            }
            else if (c === 35 /* # */ && isIdentStart(src.charCodeAt(this.i + 1))) {
                const start = this.i++;
                while (this.i < this.n && isIdentPart(src.charCodeAt(this.i)))
                    this.i++;
                this.push(IDENT, src.slice(start, this.i));
            }
            else {
                if (c === 40 /* ( */) {
                    const k = this.out.kinds.length - 1;
                    const prev = k >= 0 && this.out.kinds[k] === IDENT ? this.out.texts[k] : '';
                    this.parens.push(prev === 'if' || prev === 'while' || prev === 'for' || prev === 'with');
                }
                else if (c === 41 /* ) */)
                    this.lastParenWasControl = this.parens.pop() ?? false;
                this.i++;
                this.push(PUNCT, src[this.i - 1]);
            }
        }
        if (untilBrace)
            this.fail('unclosed ${ or { in template or JSX');
        else if (depth > 0)
            this.fail('unclosed {');
    }
    skipBlockComment() {
        const end = this.src.indexOf('*/', this.i + 2);
        if (end < 0) {
            this.fail('unclosed comment');
            this.i = this.n;
            return;
        }
        const body = this.src.slice(this.i, end);
        if (body.includes('\n') || body.includes('\r'))
            this.newline = true;
        this.notePragmas(this.i, end);
        this.i = end + 2;
    }
    scanNumber() {
        const src = this.src;
        const start = this.i;
        while (this.i < this.n) {
            const c = src.charCodeAt(this.i);
            if (isIdentPart(c) || c === 46)
                this.i++;
            else if ((c === 43 || c === 45) &&
                /[eE]/.test(src[this.i - 1]) &&
                !/^0[xX]/.test(src.slice(start, start + 2)))
                this.i++;
            else
                break;
        }
        this.push(NUMBER, src.slice(start, this.i).replace(/_/g, ''));
    }
    scanString(quote) {
        const src = this.src;
        const start = ++this.i;
        let text = '';
        let chunk = start;
        while (this.i < this.n) {
            const c = src.charCodeAt(this.i);
            if (c === quote) {
                text += src.slice(chunk, this.i);
                this.i++;
                this.push(STRING, text);
                return;
            }
            if (c === 92) {
                const next = src.charCodeAt(this.i + 1);
                if (next === 34 || next === 39) {
                    text += src.slice(chunk, this.i);
                    chunk = this.i + 1;
                }
                this.i += 2;
                continue;
            }
            if (c === 10 || c === 13)
                break;
            this.i++;
        }
        this.fail('unterminated string');
        this.push(STRING, src.slice(start, this.i));
    }
    scanTemplate() {
        const src = this.src;
        this.i++;
        let start = this.i;
        while (this.i < this.n) {
            const c = src.charCodeAt(this.i);
            if (c === 92) {
                this.i += 2;
            }
            else if (c === 96) {
                this.push(TEMPLATE, src.slice(start, this.i));
                this.i++;
                return;
            }
            else if (c === 36 && src.charCodeAt(this.i + 1) === 123) {
                this.push(TEMPLATE, src.slice(start, this.i) + '${');
                this.i += 2;
                this.lex(true);
                start = this.i;
            }
            else
                this.i++;
        }
        this.fail('unterminated template literal');
    }
    scanRegex() {
        const src = this.src;
        const start = this.i++;
        let inClass = false;
        while (this.i < this.n) {
            const c = src.charCodeAt(this.i);
            if (c === 92)
                this.i += 2;
            else if (c === 10 || c === 13)
                break;
            else if (c === 91) {
                inClass = true;
                this.i++;
            }
            else if (c === 93) {
                inClass = false;
                this.i++;
            }
            else if (c === 47 && !inClass) {
                this.i++;
                while (this.i < this.n && isIdentPart(src.charCodeAt(this.i)))
                    this.i++;
                this.push(REGEX, src.slice(start, this.i));
                return;
            }
            else
                this.i++;
        }
        // Not a regular expression after all: treat the slash as division.
        this.i = start + 1;
        this.push(PUNCT, '/');
    }
    looksLikeJsx() {
        const next = this.src.charCodeAt(this.i + 1);
        return next === 62 /* <> */ || (isIdentStart(next) && !this.genericArrowAhead());
    }
    /**
     * A generic arrow function, or a generic function type or call signature, in a .js file with
     * Flow types: `<T>(x: T): T => x`, `<T>(RecoilValue<T>) => Loadable<T>`, `<T>(Options<T>): T,`.
     * Type parameters, a parameter list, then `=>` (after a return type on the same line), or a
     * return type that ends the line with `,` or `;`; with no closing tag in that line.
     */
    genericArrowAhead() {
        const src = this.src;
        TYPE_PARAMETERS.lastIndex = this.i;
        if (!TYPE_PARAMETERS.exec(src))
            return false;
        let depth = 0;
        const limit = Math.min(this.n, this.i + 2000);
        for (let k = TYPE_PARAMETERS.lastIndex - 1; k < limit; k++) {
            const c = src.charCodeAt(k);
            if (c === 40 /* ( */)
                depth++;
            else if (c === 41 /* ) */ && --depth === 0) {
                const lineEnd = src.indexOf('\n', k);
                const rest = src.slice(k + 1, lineEnd < 0 ? this.n : lineEnd);
                return /^\s*(?:=>|:[^;]*?=>|:[^;]*[,;]\s*$)/.test(rest) && !rest.includes('</');
            }
        }
        return false;
    }
    readJsxName() {
        const src = this.src;
        const start = this.i;
        while (this.i < this.n) {
            const c = src.charCodeAt(this.i);
            if (isIdentPart(c) || c === 46 || c === 45 || c === 58)
                this.i++;
            else
                break;
        }
        return src.slice(start, this.i);
    }
    skipJsxSpace() {
        while (this.i < this.n && /\s/.test(this.src[this.i]))
            this.i++;
    }
    /** Emits the root identifier of a JSX tag name (a component is a reference). */
    pushJsxName(name) {
        const root = name.split('.')[0];
        if (root && /^[A-Za-z_$]/.test(root) && !root.includes('-') && !root.includes(':'))
            this.push(IDENT, root);
        else
            this.push(JSX, name);
    }
    scanJsxElement() {
        const src = this.src;
        this.i++; // <
        this.push(JSX, '<');
        const name = this.readJsxName();
        if (name)
            this.pushJsxName(name);
        // Attributes
        for (;;) {
            this.skipJsxSpace();
            if (this.i >= this.n)
                return this.fail('unterminated JSX element');
            const c = src.charCodeAt(this.i);
            if (c === 47 && src.charCodeAt(this.i + 1) === 62) {
                this.i += 2;
                this.push(JSX, '/>');
                return;
            }
            if (c === 62) {
                this.i++;
                this.push(JSX, '>');
                break;
            }
            if (c === 123) {
                this.i++;
                this.push(JSX, '{');
                this.lex(true);
                this.push(JSX, '}');
            }
            else if (c === 34 || c === 39) {
                const end = src.indexOf(src[this.i], this.i + 1);
                if (end < 0)
                    return this.fail('unterminated JSX attribute');
                this.push(STRING, src.slice(this.i + 1, end));
                this.i = end + 1;
            }
            else if (c === 61) {
                this.i++;
                this.push(JSX, '=');
            }
            else if (isIdentStart(c)) {
                this.push(JSX, this.readJsxName());
            }
            else if (c === 60 && this.jsx) {
                // A generic arrow function such as <T,>() => … in .tsx, not an element: give up on JSX.
                this.push(JSX, src[this.i++]);
            }
            else {
                this.push(JSX, src[this.i++]);
            }
        }
        // Children until the matching closing tag.
        let textStart = this.i;
        const flushText = () => {
            const text = jsxText(src.slice(textStart, this.i));
            if (text)
                this.push(JSX, text);
        };
        while (this.i < this.n) {
            const c = src.charCodeAt(this.i);
            if (c === 60) {
                flushText();
                if (src.charCodeAt(this.i + 1) === 47) {
                    const end = src.indexOf('>', this.i);
                    if (end < 0)
                        return this.fail('unterminated JSX closing tag');
                    this.push(JSX, '</' + src.slice(this.i + 2, end).trim() + '>');
                    this.i = end + 1;
                    return;
                }
                this.scanJsxElement();
                textStart = this.i;
            }
            else if (c === 123) {
                flushText();
                this.i++;
                this.push(JSX, '{');
                this.lex(true);
                this.push(JSX, '}');
                textStart = this.i;
            }
            else
                this.i++;
        }
        this.fail('unterminated JSX element');
    }
}
/**
 * The string a JSX text child becomes: lines are trimmed where they meet a line break, blank lines
 * dropped and the rest joined by one space; spaces inside a line are kept (they render, and
 * snapshots see them).
 */
function jsxText(raw) {
    const lines = raw.replace(/\t/g, ' ').split(/\r\n|\n|\r/);
    let lastFilled = -1;
    lines.forEach((line, i) => {
        if (/[^ ]/.test(line))
            lastFilled = i;
    });
    let text = '';
    lines.forEach((line, i) => {
        let part = line;
        if (i > 0)
            part = part.replace(/^ +/, '');
        if (i < lines.length - 1)
            part = part.replace(/ +$/, '');
        if (part)
            text += i === lastFilled ? part : part + ' ';
    });
    return text;
}
function tokenize(src, jsx, positions = false) {
    const lexer = new Lexer(src, jsx);
    if (positions)
        lexer.out.ends = [];
    lexer.lex(false);
    return lexer.out;
}


/***/ }),

/***/ 62178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mn: () => (/* binding */ isJsFile),
/* harmony export */   On: () => (/* binding */ symbolSpans),
/* harmony export */   jg: () => (/* binding */ scanJs),
/* harmony export */   oK: () => (/* binding */ MOCK_METHODS)
/* harmony export */ });
/* harmony import */ var _glob_imports_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12903);
/* harmony import */ var _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40614);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71709);



/**
 * Finds a JavaScript/TypeScript module's imports, exports and top-level declarations from its
 * token stream: each declaration gets a hash of its normalized tokens and the names it references.
 * Statements that are not declarations (and what declarations run while the module loads) make up
 * the MODULE_SYMBOL pseudo-symbol.
 */
const NOT_REFERENCES = new Set([
    'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
    'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new',
    'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while',
    'with', 'yield', 'let', 'static', 'await', 'async', 'of', 'get', 'set', 'as', 'from', 'type',
    'interface', 'enum', 'implements', 'private', 'protected', 'public', 'readonly', 'declare', 'abstract',
    'keyof', 'infer', 'is', 'asserts', 'satisfies', 'namespace', 'module', 'unique', 'override', 'accessor',
    'undefined', 'string', 'number', 'boolean', 'any', 'unknown', 'never', 'object', 'symbol', 'bigint'
]); // prettier-ignore
/**
 * Words of NOT_REFERENCES that are also valid names of values (`import set from './set'`,
 * rxjs's `of` and `from`, yup's `string()`): a reference unless used as a keyword (see keywordAt).
 */
const CONTEXTUAL_WORDS = new Set([
    'async', 'of', 'get', 'set', 'as', 'from', 'type', 'declare', 'abstract', 'readonly', 'keyof', 'infer',
    'is', 'asserts', 'satisfies', 'namespace', 'module', 'unique', 'override', 'accessor', 'string',
    'number', 'boolean', 'any', 'unknown', 'never', 'object', 'symbol', 'bigint'
]); // prettier-ignore
/** Words of NOT_REFERENCES that may end an expression or a type (`a: string`). */
const TYPE_WORDS = new Set([
    'undefined', 'string', 'number', 'boolean', 'any', 'unknown', 'never', 'object', 'symbol', 'bigint',
    'null', 'true', 'false', 'this', 'super', 'void'
]); // prettier-ignore
/** Words that continue an expression on the next line rather than start a statement. */
const CONTINUATION_WORDS = new Set([
    'in',
    'instanceof',
    'as',
    'satisfies',
    'of',
    'extends',
    'implements',
    'from'
]);
const STATEMENT_KEYWORDS = new Set([
    'import', 'export', 'function', 'class', 'const', 'let', 'var', 'interface', 'type', 'enum', 'declare',
    'namespace', 'module', 'abstract', 'async', 'if', 'for', 'while', 'do', 'switch', 'try', 'return', 'throw'
]); // prettier-ignore
const DECLARES = new Set(['const', 'let', 'var']);
/** The most values a name required alone (`require(file)`) is followed through (see builtPath). */
const MAX_DECLARED_VALUES = 16;
/** Words after which a name is read, never bound. */
const READ_AFTER_WORDS = new Set(['return', 'typeof', 'await', 'throw', 'in', 'of', 'instanceof', 'void']);
/** Operators after which a name is read, never bound (not `:`, which a pattern's renaming has). */
const READ_AFTER_OPERATORS = new Set([
    '=',
    '+',
    '-',
    '*',
    '/',
    '%',
    '==',
    '===',
    '!=',
    '!==',
    '&&',
    '||',
    '??',
    '?',
    '!',
    '<',
    '>',
    '<=',
    '>=',
    '+='
]);
/** Statements whose parentheses a block follows (`if (…) {`): no method shorthand. */
const CONTROL_KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);
const BLOCK_DECLARATIONS = new Set(['function', 'class', 'interface', 'enum', 'namespace', 'module']);
const MODIFIERS = new Set(['declare', 'abstract', 'async', 'default', 'export']);
const MEMBER_MODIFIERS = new Set([
    'static', 'public', 'private', 'protected', 'readonly', 'async', 'override', 'abstract', 'declare', 'accessor'
]); // prettier-ignore
const MOCK_METHODS = new Set([
    'mock', 'doMock', 'unstable_mockModule', 'requireActual', 'requireMock', 'setMock', 'createMockFromModule',
    'importActual', 'importMock'
]); // prettier-ignore
/** Brace openers that are not a declaration's body (a type literal, an object in a default value). */
const NOT_BODY_BEFORE = new Set([':', '|', '&', ',', '<', '=>', '=', '?', '(']);
/**
 * Members that the language, the runtime or common libraries call without the caller's code naming
 * them: conversions (template literals, `JSON.stringify`, `await`), iteration, inspection, and every
 * name on Object.prototype. A class's other methods and accessors run only when some code names them.
 */
const CALLED_WITHOUT_NAME = new Set([
    ...Object.getOwnPropertyNames(Object.prototype),
    'toString', 'valueOf', 'toJSON', 'toLocaleString', 'then', 'catch', 'finally', 'next', 'return', 'throw',
    'inspect', 'length', 'size', 'name', 'message', 'stack', 'cause', 'handleEvent', 'asymmetricMatch',
    'toPrimitive', 'dispose', 'asyncDispose'
]); // prettier-ignore
/** Words inside a string or template: the whole text, and each name-like run of it. */
const WORD_RUN = /[\p{L}\p{N}_$#]+/gu;
function isJsFile(path) {
    return /\.(?:[cm]?[jt]sx?)$/.test(path) && !path.endsWith('.d.ts');
}
/**
 * Scans a JavaScript/TypeScript file. With `hashes: false` the symbols' hashes are left empty:
 * enough to link and walk the graph (about a third faster), never to diff.
 */
function scanJs(src, path, options = {}) {
    const jsx = options.jsx ?? !/\.[cm]?ts$/.test(path);
    const tokens = (0,_js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .tokenize */ .qw)(src, jsx);
    return new JsScanner(tokens, options.hashes ?? true).scan();
}
/** The spans of every top-level symbol of a JavaScript/TypeScript file (see SymbolSpans). */
function symbolSpans(src, path) {
    const jsx = !/\.[cm]?ts$/.test(path);
    const scanner = new JsScanner((0,_js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .tokenize */ .qw)(src, jsx, true), false);
    scanner.spans = new Map();
    scanner.scan();
    return scanner.spans;
}
class JsScanner {
    tokens;
    hashes;
    kinds;
    texts;
    newline;
    n;
    scan_ = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyScan */ .$6)('js');
    moduleParts = [];
    moduleRefs = new Set();
    /** Where the last statement made only of decorators ends. */
    decoratorsEndAt = -1;
    /** The words of the code run on load (see SymbolInfo.words). */
    moduleWords = new Set();
    /** Function expressions and names passed to calls made on load (see DeferredCall). */
    deferredCalls = [];
    /** Matching bracket index for every opening bracket. */
    match;
    /** Names of top-level function declarations. */
    functionNames = new Set();
    /** Function declarations whose name was declared before (overloads, a redeclaration). */
    functionsRedeclared = new Set();
    /** Top-level classes without `extends` and without accessors: setting a property on them runs no code. */
    plainClasses = new Set();
    classNames = new Set();
    /** Top-level `F.name = value` statements, placed once every declaration is known. */
    propertyStatements = [];
    /** Names declared so far only as types (`interface X`, `type X =`), which a function may merge with. */
    typesOnly = new Set();
    /** How many declarations each name has, and how many of them are types (see SymbolInfo.typeOnly). */
    declarationCounts = new Map();
    typeDeclarationCounts = new Map();
    /** The names each type declaration reads in a computed key (see SymbolInfo.valueRefs). */
    typeValueRefs = new Map();
    /** Tokens whose line pragma (Tokens.linePragmas) is in some declaration's hash. */
    pragmasHashed = new Set();
    /**
     * Targets of `F.prototype = …` and `F.prototype.__proto__ = …`: their prototype may be anything,
     * setters included.
     */
    prototypeReplaced = new Set();
    /** Top-level `Object.assign(C.prototype, A, B…)` statements (see ClassInfo.mixins). */
    prototypeMixins = [];
    /** How many pieces of code run on load reference each name. */
    loadRefCounts = new Map();
    /** Set to record where each symbol is (see symbolSpans); needs tokens with `ends`. */
    spans;
    constructor(tokens, hashes) {
        this.tokens = tokens;
        this.hashes = hashes;
        this.kinds = tokens.kinds;
        this.texts = tokens.texts;
        this.newline = tokens.newline;
        this.n = tokens.kinds.length;
        this.match = new Int32Array(this.n).fill(-1);
        const stack = [];
        for (let k = 0; k < this.n; k++) {
            if (this.kinds[k] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU)
                continue;
            const t = this.texts[k];
            if (t === '(' || t === '[' || t === '{')
                stack.push(k);
            else if (t === ')' || t === ']' || t === '}') {
                const open = stack.pop();
                if (open !== undefined) {
                    this.match[open] = k;
                    this.match[k] = open;
                }
            }
        }
    }
    scan() {
        const result = this.scan_;
        if (this.tokens.error)
            result.error = this.tokens.error;
        this.findCallImportsAndStrings();
        this.findNarrowNamespaces();
        let k = 0;
        while (k < this.n) {
            const end = this.statementEnd(k);
            this.statement(k, end);
            k = end > k ? end : k + 1;
        }
        // Specifiers are edges already; strings are kept to find data files named at run time. A
        // path built of strings (see builtPath) leaves them strings too, as the demand graph reads them.
        const specs = new Set(result.imports.flatMap(i => (this.built.has(i) ? [] : [i.spec])));
        result.strings = result.strings.filter(value => !specs.has(value));
        this.placeCommonJsExports();
        this.placePropertyStatements();
        if (this.tokens.filePragmas)
            this.moduleParts.push(this.tokens.filePragmas.join('\u0003'));
        // A line pragma no declaration's hash took in (above an import or a re-export) is the module's.
        for (const [k, pragma] of this.tokens.linePragmas ?? [])
            if (!this.pragmasHashed.has(k))
                this.moduleParts.push(`${pragma}\u0003${this.t(k)}`);
        this.narrowNamespaceBindings();
        this.dropCollidingBindings();
        result.symbols[_model_js__WEBPACK_IMPORTED_MODULE_2__/* .MODULE_SYMBOL */ .se] = {
            hash: (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .hashText */ .qj)(this.moduleParts.join('\u0002')),
            refs: [...this.moduleRefs],
            words: [...this.moduleWords]
        };
        if (this.deferredCalls.length)
            result.symbols[_model_js__WEBPACK_IMPORTED_MODULE_2__/* .MODULE_SYMBOL */ .se].deferred = this.deferredCalls;
        this.dropReassignedDefers();
        this.markTypeOnlySymbols();
        this.placePrototypeMixins();
        if (this.hasDecorator())
            result.decorated = true;
        return result;
    }
    hasDecorator() {
        for (let k = 0; k < this.n - 1; k++)
            if (this.kinds[k] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU && this.texts[k] === '@' && this.kinds[k + 1] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)
                return true;
        return false;
    }
    /** Names that only `interface` and `type` declarations declare: types, which no code runs. */
    markTypeOnlySymbols() {
        if (this.typeDeclarationCounts.size === 0)
            return;
        const bound = new Set();
        for (const record of this.scan_.imports)
            for (const { local } of record.names ?? [])
                bound.add(local);
        for (const [name, count] of this.typeDeclarationCounts) {
            const symbol = Object.hasOwn(this.scan_.symbols, name) ? this.scan_.symbols[name] : undefined;
            if (!symbol || bound.has(name) || this.declarationCounts.get(name) !== count)
                continue;
            symbol.typeOnly = true;
            const valueRefs = this.typeValueRefs.get(name);
            if (valueRefs?.size)
                symbol.valueRefs = [...valueRefs];
        }
    }
    /**
     * Namespace bindings (`import * as io from './effects'`, `import io = require('./effects')`)
     * used only to read members (`io.call`), with those members: such an import takes those names,
     * as a named import would, and each reference is to a member (`io.call`; see references). Any
     * other use (`io[name]`, `{ io }`, `<io.X />`, passing `io`) keeps the whole module.
     */
    narrowNamespaces = new Map();
    /**
     * `const io = require('./effects')`, `const io = await import(…)`, `import(…).then(io => …)`: how
     * many such declarations each name has.
     */
    moduleLocals = new Map();
    /** The module every such declaration of a name names, or null when they name different ones. */
    moduleLocalSpecs = new Map();
    moduleLocalRecords = new Map();
    findNarrowNamespaces() {
        const locals = [...this.moduleLocals.keys()];
        for (let k = 0; k < this.n; k++) {
            if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '*') && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'as') && this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
                const atImport = this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import') || (this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',') && this.is(k - 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import'));
                if (atImport)
                    locals.push(this.t(k + 2));
            }
            else if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import') &&
                this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
                this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') &&
                this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'require'))
                locals.push(this.t(k + 1));
        }
        for (const local of locals) {
            if (this.narrowNamespaces.has(local))
                continue;
            const members = new Set();
            let declarations = 0;
            let onlyMembers = true;
            for (let k = 0; k < this.n && onlyMembers; k++) {
                if (this.kinds[k] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 || this.texts[k] !== local || this.readAsMember(k))
                    continue;
                // A property key (`{ io: … }`, `, io: …`) names no binding.
                if ((this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') || this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',')) && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':'))
                    continue;
                if ((this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'as') && this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '*')) ||
                    (this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import') && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=')) ||
                    (DECLARES.has(this.t(k - 1)) &&
                        this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') &&
                        (this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'require') ||
                            (this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'await') && this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import')))) ||
                    this.moduleParameters.has(k))
                    declarations++;
                else if (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') && this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3))
                    members.add(this.t(k + 2));
                else
                    onlyMembers = false;
            }
            // Declared more than once (a test that imports a module in each case), each time the same module.
            const once = declarations === 1 ||
                (declarations > 1 &&
                    declarations === this.moduleLocals.get(local) &&
                    this.moduleLocalSpecs.get(local) !== null);
            if (onlyMembers && once && members.size > 0)
                this.narrowNamespaces.set(local, members);
        }
    }
    /** The bindings of narrowed namespaces become one per member; a bare reference left, every member. */
    narrowNamespaceBindings() {
        for (const [record, local] of this.moduleLocalRecords)
            if (this.requireBindings.has(local) && !this.narrowNamespaces.has(local))
                record.names = [{ imported: '*', local }];
        if (this.narrowNamespaces.size === 0)
            return;
        const bindings = new Map();
        for (const record of this.scan_.imports) {
            const required = this.moduleLocalRecords.get(record);
            const binding = record.kind === 'static'
                ? record.names?.find(b => b.imported === '*')
                : required !== undefined && this.moduleLocalSpecs.get(required) !== null
                    ? { imported: '*', local: required }
                    : undefined;
            const members = binding && this.narrowNamespaces.get(binding.local);
            if (!binding || !members)
                continue;
            const names = [...members].map(member => ({ imported: member, local: `${binding.local}.${member}` }));
            record.names = [...(record.names ?? []).filter(b => b !== binding), ...names];
            bindings.set(binding.local, names);
            // As addBinding's: a member's source changes when the import's specifier does, and a
            // require's, which runs as the module loads, is also the module's (its declaration stays).
            if (required !== undefined)
                this.moduleParts.push(`require ${record.spec}`);
            else
                delete this.scan_.symbols[binding.local];
            for (const name of names)
                this.scan_.symbols[name.local] = { hash: `${record.spec}\u0000${name.imported}`, refs: [] };
        }
        const widen = (refs) => refs.some(ref => bindings.has(ref))
            ? refs.flatMap(ref => bindings.get(ref)?.map(b => b.local) ?? [ref])
            : refs;
        for (const symbol of Object.values(this.scan_.symbols))
            symbol.refs = widen(symbol.refs);
        for (const [local, names] of bindings)
            if (this.moduleRefs.delete(local))
                for (const b of names)
                    this.moduleRefs.add(b.local);
    }
    /** Is the name at k read as a member (`x.name`), rather than spread (`...name`) or alone? */
    readAsMember(k) {
        return this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') && !this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.');
    }
    t(k) {
        return k < this.n ? this.texts[k] : '';
    }
    is(k, kind, text) {
        return k < this.n && this.kinds[k] === kind && (text === undefined || this.texts[k] === text);
    }
    // ── whole-file passes ────────────────────────────────────────────────────
    findCallImportsAndStrings() {
        const { kinds, texts, n } = this;
        const strings = new Set();
        /** Names given a require function of their own: `const load = createRequire(import.meta.url)`. */
        let requires;
        for (let k = 0; k < n; k++) {
            const kind = kinds[k];
            if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An || (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE && !texts[k].endsWith('${'))) {
                for (const value of this.holeFilled(k) ?? [texts[k]])
                    if ((0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .keptAsPath */ ._V)(value))
                        strings.add(value);
                continue;
            }
            if (kind !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)
                continue;
            if (texts[k] === '__dirname' || (texts[k] === 'import' && this.is(k + 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'dirname'))) {
                this.pathFromFolder(k, strings);
                continue;
            }
            if (!this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '('))
                continue;
            const word = texts[k];
            if (word === 'createRequire') {
                const name = this.declaredBy(this.readAsMember(k) ? k - 3 : k - 1);
                if (name !== undefined)
                    (requires ??= new Set()).add(name);
                continue;
            }
            if (word === 'join' || word === 'resolve')
                this.rootedJoin(k + 1, strings);
            for (const pattern of this.globImport(k))
                this.scan_.imports.push({
                    spec: pattern,
                    kind: (0,_glob_imports_js__WEBPACK_IMPORTED_MODULE_0__/* .globCandidate */ .Yx)(pattern) ? 'glob' : 'dynamic',
                    names: null
                });
            // A string added to (`require('./locale/' + lang)`) is the start of a path built (see builtPath).
            const spec = this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '+')
                ? undefined
                : this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An)
                    ? texts[k + 2]
                    : this.plainTemplate(k + 2);
            const prevDot = this.readAsMember(k);
            if (spec === undefined) {
                if ((word === 'require' || word === 'import' || requires?.has(word)) && !prevDot) {
                    const close = this.match[k + 1];
                    const eq = word !== 'import' ? k - 1 : this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'await') ? k - 2 : -1;
                    this.builtPath(k + 1, close > k && eq >= 0 ? this.destructuredBindings(k, eq, close) : null);
                }
                else if (this.mockCall(k, prevDot) || this.requireResolve(k, prevDot))
                    this.builtPath(k + 1, null);
                continue;
            }
            if ((word === 'require' || requires?.has(word)) &&
                !prevDot &&
                !(this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') && this.is(k - 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import'))) {
                const record = {
                    spec,
                    kind: 'require',
                    names: this.destructuredBindings(k) ?? this.memberBinding(k - 1, k + 3)
                };
                this.scan_.imports.push(record);
                if (!record.names)
                    this.noteModuleLocal(record, this.requiredAs(k));
            }
            else if (word === 'import' && !prevDot) {
                const awaited = this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'await');
                const wrapped = awaited && this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') && this.is(k + 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')');
                const record = {
                    spec,
                    kind: 'dynamic',
                    names: awaited
                        ? (this.destructuredBindings(k, k - 2) ?? (wrapped ? this.memberBinding(k - 3, k + 4) : null))
                        : this.thenBindings(k)
                };
                this.scan_.imports.push(record);
                if (!record.names)
                    this.noteModuleLocal(record, awaited ? this.requiredAs(k, k - 2) : this.thenParameter(k));
            }
            else if (this.mockCall(k, prevDot)) {
                this.scan_.imports.push({ spec, kind: 'mock', names: null });
            }
            else if (this.requireResolve(k, prevDot)) {
                this.scan_.imports.push({ spec, kind: this.foldedToFolder(k) ? 'folder' : 'require', names: null });
            }
        }
        this.scan_.strings = [...strings].slice(0, 300);
    }
    /** `jest.mock(…)`, `vi.importActual(…)` and the like, at `k` (see MOCK_METHODS). */
    mockCall(k, prevDot) {
        return (prevDot && MOCK_METHODS.has(this.t(k)) && (this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'jest') || this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'vi')));
    }
    /** `require.resolve(…)`, with `resolve` at `k`. */
    requireResolve(k, prevDot) {
        return prevDot && this.t(k) === 'resolve' && this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'require');
    }
    /**
     * `dirname(require.resolve(spec))`, with `resolve` at `k`: the call's value is only the folder
     * the module is in (to read or list files there, as medusa's admin bundler hands its dashboard's
     * to Tailwind), not the module loaded.
     */
    foldedToFolder(k) {
        return (this.is(k - 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') &&
            this.is(k - 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'dirname') &&
            this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')') &&
            this.is(k + 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')'));
    }
    /**
     * A call whose first argument is the file's folder and whose next ones are strings names a path
     * from that folder: `join(__dirname, 'fixtures', 'pm')` (and `import.meta.dirname`) is kept as
     * the string `./fixtures/pm`, wrapped in `require(…)` it is a require, and jscodeshift's
     * `defineTest(__dirname, 'name')` requires the transform `../name`. `at` is the folder's first token.
     */
    pathFromFolder(at, strings) {
        const isMeta = this.t(at) === 'import';
        if (isMeta &&
            !(this.is(at + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') && this.is(at + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'meta') && this.is(at + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.')))
            return;
        if (!this.is(at - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || !this.is(at - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3))
            return;
        const parts = [];
        let k = at + (isMeta ? 5 : 1);
        for (; this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',') && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An); k += 2)
            parts.push(this.t(k + 1));
        if (parts.length === 0)
            return;
        // `join(__dirname, 'rules', name)`: a file somewhere under the folder.
        const holeEnded = this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',') && !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')');
        const callee = this.t(at - 2);
        const jscodeshift = callee === 'defineTest' || callee === 'runTest';
        const path = relativePath(jscodeshift ? ['..', parts[0]] : parts);
        if (path === undefined)
            return;
        const required = (callee === 'join' || callee === 'resolve') && this.loadedArgument(at - 2);
        if (required && holeEnded)
            this.scan_.imports.push({ spec: `${(0,_glob_imports_js__WEBPACK_IMPORTED_MODULE_0__/* .literalGlob */ .Iq)(path)}/**`, kind: 'glob', names: null });
        else if (jscodeshift || required)
            this.scan_.imports.push({ spec: path, kind: 'require', names: null });
        else
            strings.add(path);
    }
    /**
     * A require or import of a path its argument (from `open`, the call's `(`) builds: from the
     * file's folder (`__dirname + '/../lib/a'`), a plain require; from a folder known only when the
     * code runs, a `rooted` one of the strings after the last part that cannot be read
     * (`resolve('src/a')`, from the working directory; `join(process.cwd(), 'src', 'a')`,
     * `join(ROOT, 'src/a')`, `ROOT + '/src/a'`, `` `${ROOT}/src/a` ``: all `src/a`). A path joined
     * to the folder by a call is pathFromFolder's. A name alone (`require(file)`) is each value
     * it is declared with (`const file = join(ROOT, 'src/a')`, `let file = './a'`).
     */
    builtPath(open, names) {
        const close = this.match[open];
        if (close === open + 2 && this.is(open + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
            const name = this.t(open + 1);
            const values = this.initializersOf(name);
            // One name bound from two modules: see dropCollidingBindings; their records are the same
            // for every call. A name declared over and over is generated code's, not a path's.
            if (values.length > 1) {
                if (values.length > MAX_DECLARED_VALUES || this.expanded.has(name))
                    return;
                this.expanded.add(name);
                names = null;
            }
            for (const [from, to] of values) {
                const value = to === from + 1 ? (this.is(from, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An) ? this.t(from) : this.plainTemplate(from)) : undefined;
                if (value !== undefined)
                    this.pushBuilt({ spec: value, kind: 'require', names });
                else
                    this.pathIn(from, to, true, names);
            }
        }
        else if (close > open)
            this.pathIn(open + 1, close, false, names);
    }
    /**
     * The path the expression from `from` up to `to` builds (see builtPath); `named` when a name
     * holds it, so that a path joined to the folder by a call is this one's too. `names`: what the
     * loader takes of the module (null for the whole).
     */
    pathIn(from, to, named, names) {
        const last = to - 1;
        const push = (parts, kind) => {
            const path = relativePath(kind === 'require' ? ['.', ...parts] : parts);
            const spec = kind === 'rooted' ? path?.replace(/^(?:\.{1,2}\/)+/, '') : path;
            if (spec && spec !== '..')
                this.pushBuilt({ spec, kind, names });
        };
        // A path that ends in a hole (`${ROOT}/src/rules/${name}`): every file under its text before.
        const pushGlob = (pattern, relative) => {
            if (relative) {
                this.pushBuilt({ spec: `./${pattern.replace(/^\.?\//, '')}`, kind: 'glob', names });
                return;
            }
            const rooted = pattern.replace(/^(?:\.{0,2}\/)+/, '');
            // Nothing to go by but the hole: any file.
            if (!/[^*/]/.test(rooted))
                return;
            this.pushBuilt({ spec: `/${rooted}`, kind: 'glob', names });
        };
        if (this.is(from, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE) && this.is(last, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE) && last > from) {
            const tail = this.t(last);
            if (this.templateGlob(from, last, named, pushGlob))
                return;
            // `${ROOT}/src/a`: the text after the last hole.
            if (this.t(from) === '${' && tail.startsWith('/'))
                push([tail], this.isFolder(from + 1, last) ? 'require' : 'rooted');
            return;
        }
        const terms = this.termsOf(from, to);
        if (terms.length > 1) {
            const texts = terms.map(term => (this.isString(term) ? this.t(term[0]) : undefined));
            // `'./a' + '.js'`.
            if (texts.every(text => text !== undefined)) {
                this.pushBuilt({ spec: texts.join(''), kind: 'require', names });
                return;
            }
            // `ROOT + '/src/a'`, `process.cwd() + '/src' + '/a'`: the strings after the last other term.
            let strings = terms.length;
            while (texts[strings - 1] !== undefined)
                strings--;
            const tail = texts.slice(strings);
            if (tail[0]?.startsWith('/')) {
                push(tail, strings === 1 && this.isFolder(...terms[0]) ? 'require' : 'rooted');
                return;
            }
            // `ROOT + '/src/rules/' + name`, `__dirname + '/rules/' + name + '.js'`, `'./locale/' + lang`.
            this.sumGlob(terms, texts, pushGlob);
            return;
        }
        // `path.join(ROOT, 'src', 'a')`, `resolve(process.cwd(), 'src/a')`, `resolve('src/a')`,
        // `require('path').join(…)`.
        const call = this.joinCall(from, to);
        if (!call)
            return;
        const { word, args } = call;
        let strings = args.length;
        while (strings > 0 && this.isString(args[strings - 1]))
            strings--;
        const parts = args.slice(strings).map(([start]) => this.t(start));
        if (parts.length === 0) {
            // `join(ROOT, 'src', 'rules', name)`: the strings before the holes at the end.
            let end = args.length;
            while (end > 0 && !this.isString(args[end - 1]))
                end--;
            let start = end;
            while (start > 0 && this.isString(args[start - 1]))
                start--;
            const before = args.slice(start, end).map(([at]) => this.t(at));
            if (before.length === 0 || (word === 'resolve' && before.some(part => part.startsWith('/'))))
                return;
            if (start === 0 && word === 'join')
                return;
            const relative = start === 1 && this.isFolder(...args[0]);
            // From the file's folder, inside the call: pathFromFolder's.
            if (relative && !named)
                return;
            if (!before.every(part => _model_js__WEBPACK_IMPORTED_MODULE_2__/* .PATH_TEXT */ ._i.test(part)))
                return;
            const path = relativePath(['.', ...before]) ?? '.';
            pushGlob(`${(0,_glob_imports_js__WEBPACK_IMPORTED_MODULE_0__/* .literalGlob */ .Iq)(path)}/**`, relative);
            return;
        }
        if (word === 'resolve' && parts.some(part => part.startsWith('/')))
            return;
        // All strings: joined, a name node looks up as a package; resolved, a path from the working directory.
        if (strings === 0 && word === 'join')
            return;
        // From the file's folder: inside the call, pathFromFolder's.
        if (strings === 1 && this.isFolder(...args[0])) {
            if (named)
                push(parts, 'require');
            return;
        }
        push(parts, 'rooted');
    }
    /**
     * A template from `from` to `last` with a hole after a `/` (`` `${ROOT}/src/rules/${name}` ``),
     * as a pattern (each hole any text): from the file's folder when it opens with the folder
     * (`` `${__dirname}/rules/${name}` ``) or, in a name, with `./` or `../`; else from an unknown
     * one. False when it is not such a template. The pattern of a relative template written in the
     * call itself is globImport's.
     */
    templateGlob(from, last, named, pushGlob) {
        const pieces = [];
        for (let i = from; i <= last; i++)
            if (this.kinds[i] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE)
                pieces.push(i);
        // A template within a hole: not read.
        if (pieces.slice(0, -1).some(i => !this.t(i).endsWith('${')))
            return false;
        if (!pieces.some(i => this.t(i).endsWith('/${')))
            return false;
        if (!pieces.every(i => _model_js__WEBPACK_IMPORTED_MODULE_2__/* .PATH_TEXT */ ._i.test(this.t(i).replace(/\$\{$/, ''))))
            return false;
        const head = this.t(from);
        let relative = false;
        let piece = 0;
        if (head === '${') {
            relative = this.isFolder(from + 1, pieces[1]);
            piece = 1;
        }
        else if (named && /^\.{1,2}\//.test(head))
            relative = true;
        else
            return false;
        let pattern = '';
        for (; piece < pieces.length; piece++) {
            const text = this.t(pieces[piece]);
            pattern += text.endsWith('${') ? `${(0,_glob_imports_js__WEBPACK_IMPORTED_MODULE_0__/* .literalGlob */ .Iq)(text.slice(0, -2))}**` : (0,_glob_imports_js__WEBPACK_IMPORTED_MODULE_0__/* .literalGlob */ .Iq)(text);
        }
        pushGlob(pattern, relative);
        return true;
    }
    /** The terms of a sum from `from` up to `to` (`a + 'b' + f(c)`): one, or none when a `+` has nothing on a side. */
    termsOf(from, to) {
        const terms = [];
        let start = from;
        for (let i = from; i <= to; i++) {
            if (i === to || this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '+')) {
                if (i === start)
                    return [];
                terms.push([start, i]);
                start = i + 1;
            }
            else if (this.isOpener(i) && this.match[i] > i)
                i = this.match[i];
        }
        return terms;
    }
    /**
     * A sum (its `terms`, and the `texts` of those that are strings) with a term that is not a
     * string after a string that ends in `/` (`ROOT + '/src/rules/' + name`), as a pattern (each
     * term that is not a string any text): from the file's folder when the sum starts with it or
     * with `./` or `../`, else from an unknown one.
     */
    sumGlob(terms, texts, pushGlob) {
        const holed = texts.some((text, t) => t > 0 && text === undefined && texts[t - 1]?.endsWith('/'));
        if (!holed || !texts.every(text => text === undefined || _model_js__WEBPACK_IMPORTED_MODULE_2__/* .PATH_TEXT */ ._i.test(text)))
            return;
        const head = texts[0];
        if (head !== undefined && !/^\.{1,2}\//.test(head))
            return;
        const relative = head !== undefined || this.isFolder(...terms[0]);
        let pattern = head === undefined ? '' : (0,_glob_imports_js__WEBPACK_IMPORTED_MODULE_0__/* .literalGlob */ .Iq)(head);
        for (const text of texts.slice(1))
            pattern += text === undefined ? '**' : (0,_glob_imports_js__WEBPACK_IMPORTED_MODULE_0__/* .literalGlob */ .Iq)(text);
        pushGlob(pattern, relative);
    }
    /** The records builtPath made. */
    built = new Set();
    pushBuilt(record) {
        this.built.add(record);
        this.scan_.imports.push(record);
    }
    /** Where each name is declared with a value: the `const`, `let` or `var` of `const name = …`. */
    declarations;
    declaredValues = new Map();
    /** The names declared more than once whose values builtPath has required. */
    expanded = new Set();
    /** The values (token ranges) a name is declared with anywhere in the file: `const name = …`, `let`, `var`. */
    initializersOf(name) {
        if (!this.declarations) {
            this.declarations = new Map();
            for (let k = 0; k + 3 < this.n; k++)
                if (this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') &&
                    this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
                    this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
                    DECLARES.has(this.t(k))) {
                    const at = this.declarations.get(this.t(k + 1));
                    if (at)
                        at.push(k);
                    else
                        this.declarations.set(this.t(k + 1), [k]);
                }
        }
        const found = this.declaredValues.get(name);
        if (found)
            return found;
        const values = (this.declarations.get(name) ?? []).flatMap(k => {
            const end = this.statementEnd(k);
            let to = k + 3;
            while (to < end && !this.is(to, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',') && !this.is(to, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';'))
                to = this.isOpener(to) && this.match[to] > to ? this.match[to] + 1 : to + 1;
            return to > k + 3 ? [[k + 3, to]] : [];
        });
        this.declaredValues.set(name, values);
        return values;
    }
    /** Whether the tokens from `from` up to `to` are the file's folder: `__dirname`, `import.meta.dirname`. */
    isFolder(from, to) {
        if (to === from + 1)
            return this.is(from, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, '__dirname');
        return (to === from + 5 &&
            this.is(from, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import') &&
            this.is(from + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'meta') &&
            this.is(from + 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'dirname'));
    }
    /** The token ranges of the arguments of the call whose `(` is at `open`. */
    argumentsOf(open) {
        const close = this.match[open];
        const args = [];
        if (!(close > open))
            return args;
        for (let start = open + 1, i = start; i <= close; i++) {
            if (i === close || this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',')) {
                if (i > start)
                    args.push([start, i]);
                start = i + 1;
            }
            else if (this.isOpener(i) && this.match[i] > i)
                i = this.match[i];
        }
        return args;
    }
    /**
     * A path joined from a folder known only when the code runs, of strings alone after it
     * (`join(ROOT, 'dist', 'index.js')`, `resolve(process.cwd(), 'bin', 'cli.js')`), kept in
     * `strings` as the path from some folder (`dist/index.js`), as if it were written so: a test
     * runs a built file by such a path, which its parts alone do not name. A folder held by a name
     * counts as the value it is declared with (`const DIST = join(ROOT, 'dist')`, then
     * `join(DIST, 'index.js')`), and from the file's folder (`resolve(__dirname, '../dist')`) the
     * path is kept from there (`./../dist/index.js`). Joined to the file's folder itself, it is
     * pathFromFolder's; handed to a loader (`require(join(ROOT, 'src', 'a.js'))`), builtPath's.
     */
    rootedJoin(open, strings) {
        if (!this.is(open, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || this.loadedArgument(open - 1))
            return;
        const [root, ...parts] = this.argumentsOf(open);
        if (!root || parts.length === 0 || this.isString(root) || this.isFolder(...root))
            return;
        if (!parts.every(part => this.isString(part)))
            return;
        const folder = this.folderPath(...root, 0);
        const texts = parts.map(([at]) => this.t(at));
        const path = folder.relative
            ? relativePath(['.', folder.path, ...texts])
            : relativePath([folder.path, ...texts])?.replace(/^(?:\.{1,2}\/)+/, '');
        if (path?.includes('/') && (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .keptAsPath */ ._V)(path))
            strings.add(path);
    }
    /**
     * The folder the tokens from `from` up to `to` hold, for rootedJoin: from the file's folder
     * (`relative`), or from one known only when the code runs (`path` after it, '' for the folder
     * itself). A name is followed to the one value it is declared with, a `join` or `resolve` of a
     * folder and strings to that folder, a few steps deep.
     */
    folderPath(from, to, depth) {
        const unknown = { path: '', relative: false };
        if (this.isFolder(from, to))
            return { path: '.', relative: true };
        if (depth > 3)
            return unknown;
        if (to === from + 1 && this.is(from, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
            const values = this.initializersOf(this.t(from));
            return values.length === 1 ? this.folderPath(...values[0], depth + 1) : unknown;
        }
        const [root, ...parts] = this.joinCall(from, to)?.args ?? [];
        if (!root || this.isString(root) || !parts.every(part => this.isString(part)))
            return unknown;
        const folder = this.folderPath(...root, depth + 1);
        const path = relativePath([folder.path, ...parts.map(([at]) => this.t(at))]);
        return path === undefined ? unknown : { path, relative: folder.relative };
    }
    /**
     * The tokens from `from` up to `to` as a `join` or `resolve` call (`join(`, `path.join(`,
     * `require('path').join(`): its name and the token ranges of its arguments.
     */
    joinCall(from, to) {
        let callee = from;
        if (this.is(from, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'require') && this.is(from + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An) && this.is(from + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')'))
            callee = this.is(from + 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') ? from + 5 : from;
        while (this.is(callee, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && this.is(callee + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.'))
            callee += 2;
        const word = this.t(callee);
        if (!this.is(callee, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || (word !== 'join' && word !== 'resolve'))
            return undefined;
        if (!this.is(callee + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || this.match[callee + 1] !== to - 1)
            return undefined;
        return { word, args: this.argumentsOf(callee + 1) };
    }
    /**
     * Whether the call whose name is at `name` (`join`, of `path.join` or `require('path').join`)
     * is what a loader is handed: `require(…)`, a jest or vitest module helper, `require.resolve(…)`.
     */
    loadedArgument(name) {
        const start = !this.is(name - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.')
            ? name
            : this.is(name - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)
                ? name - 2
                : this.is(name - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')') && this.is(name - 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An) && this.is(name - 5, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'require')
                    ? name - 5
                    : name;
        const loader = start - 2;
        return (this.is(start - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') &&
            ((this.is(loader, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'require') && !this.is(loader - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.')) ||
                this.mockCall(loader, this.readAsMember(loader)) ||
                this.requireResolve(loader, this.readAsMember(loader))));
    }
    isString([from, to]) {
        return to === from + 1 && this.is(from, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An);
    }
    /**
     * The name of `const io = require('x')` (or `let`, `var`; or `= await import('x')`, `eq` the
     * `=`) when the declaration is that alone, ended by `;` or a line break.
     */
    requiredAs(k, eq = k - 1) {
        const name = this.declaredBy(eq);
        return name !== undefined && this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')') && this.endsDeclaration(k + 4) ? name : undefined;
    }
    /** The name that `eq`, a `=`, gives a value to in `const name =` (or `let`, `var`). */
    declaredBy(eq) {
        return this.is(eq, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') && this.is(eq - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && DECLARES.has(this.t(eq - 2))
            ? this.t(eq - 1)
            : undefined;
    }
    /** Does a declaration end before token k: at the end, a `;`, or a line break before a name? */
    endsDeclaration(k) {
        return k >= this.n || this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';') || (this.newline[k] === true && this.kinds[k] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3);
    }
    /**
     * `const a = require('x').b` (`eq` the `=`, `close` the call's `)`) or `const a = (await
     * import('x')).b` (`close` the `)` around it) reads only `b` of the module, bound to `a`, when
     * the declaration is that alone, ended by `;` or a line break.
     */
    memberBinding(eq, close) {
        const local = this.declaredBy(eq);
        if (local === undefined || !this.is(close, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')') || !this.is(close + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.'))
            return null;
        if (!this.is(close + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || !this.endsDeclaration(close + 3))
            return null;
        const names = [{ imported: this.t(close + 2), local }];
        if (!this.atTopLevel(eq))
            this.nestedBindings.add(names);
        return names;
    }
    /**
     * `import('x').then(({ a, b: c }) => …)` (or `function ({ a }) {…}`), with `import` at k: the
     * callback reads only `a` and `b` of the module (see destructuredBindings).
     */
    thenBindings(k) {
        const callback = this.thenArgument(k);
        const open = callback === undefined ? undefined : this.parametersOf(callback);
        if (open === undefined || !this.is(open + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
            return null;
        const close = this.match[open + 1];
        if (!this.is(close + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')'))
            return null;
        const names = this.bindingList(open + 1, close);
        if (names)
            this.nestedBindings.add(names);
        return names;
    }
    /**
     * The module's name in `import('x').then(m => …)` (or `(m) =>`, `function (m)`, `async`), with
     * `import` at k.
     */
    thenParameter(k) {
        const callback = this.thenArgument(k);
        if (callback === undefined)
            return undefined;
        const open = this.parametersOf(callback);
        const at = this.is(callback, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && this.is(callback + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>')
            ? callback
            : open !== undefined && this.is(open + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && this.is(open + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')')
                ? open + 1
                : undefined;
        if (at === undefined)
            return undefined;
        this.moduleParameters.add(at);
        return this.t(at);
    }
    /** Where the parameters of thenParameter are declared. */
    moduleParameters = new Set();
    /** The first token of the callback in `import('x').then(…)` (past `async`), with `import` at k. */
    thenArgument(k) {
        if (!this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')') || !this.is(k + 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') || !this.is(k + 5, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'then'))
            return undefined;
        if (!this.is(k + 6, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '('))
            return undefined;
        return this.is(k + 7, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'async') && !this.is(k + 8, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>') ? k + 8 : k + 7;
    }
    /** The `(` of the parameters of the function expression at `callback` (an arrow or `function`). */
    parametersOf(callback) {
        if (this.is(callback, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(')) {
            const close = this.match[callback];
            return this.is(close + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>') ? callback : undefined;
        }
        if (this.is(callback, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'function') && this.is(callback + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '('))
            return callback + 1;
        return undefined;
    }
    /** Records `local` as bound to the whole module of `record` (see findNarrowNamespaces). */
    noteModuleLocal(record, local) {
        if (local === undefined)
            return;
        this.moduleLocals.set(local, (this.moduleLocals.get(local) ?? 0) + 1);
        const spec = this.moduleLocalSpecs.get(local);
        this.moduleLocalSpecs.set(local, spec === undefined || spec === record.spec ? record.spec : null);
        this.moduleLocalRecords.set(record, local);
    }
    /**
     * `const { a, b: c } = require('x')` (or `= await import('x')`, `eq` the `=`) reads only `a` and
     * `b` of the module: named bindings, as an import would have. Anything else (a plain binding,
     * defaults, rest, nesting, a member access on the call) reaches the whole module: null. So does
     * one inside a function whose names another binding or a top-level declaration has (see
     * dropCollidingBindings): a module has one binding per name.
     */
    destructuredBindings(k, eq = k - 1, end = k + 3) {
        if (!this.is(end, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')') || this.is(end + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') || this.is(end + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '['))
            return null;
        if (this.is(end + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || !this.is(eq, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') || !this.is(eq - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '}'))
            return null;
        const close = eq - 1;
        const open = this.match[close];
        if (open < 0 || !this.is(open, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
            return null;
        const declaration = this.t(open - 1);
        if (declaration !== 'const' && declaration !== 'let' && declaration !== 'var')
            return null;
        const names = this.bindingList(open, close);
        if (names && !this.atTopLevel(open))
            this.nestedBindings.add(names);
        return names;
    }
    /** The names of a destructuring pattern `{ a, b: c }` from `open` to `close`; null for any other. */
    bindingList(open, close) {
        const names = [];
        for (let i = open + 1; i < close;) {
            if (!this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3))
                return null;
            const imported = this.t(i);
            let local = imported;
            i++;
            if (this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':')) {
                if (!this.is(i + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3))
                    return null;
                local = this.t(i + 1);
                i += 2;
            }
            names.push({ imported, local });
            if (this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','))
                i++;
            else if (i !== close)
                return null;
        }
        return names.length ? names : null;
    }
    /** Bindings destructured inside a function or block (see destructuredBindings). */
    nestedBindings = new Set();
    /** Is token k outside every bracket? */
    atTopLevel(k) {
        for (let j = 0; j < k; j++) {
            const close = this.match[j];
            if (close <= j)
                continue;
            if (close > k)
                return false;
            j = close;
        }
        return true;
    }
    /**
     * A module has one binding per name, which wins over a declaration of it (see stepForward): a
     * destructured require or import inside a function whose names another import binds to
     * something else, or a top-level declaration has, reaches the whole module instead, so that
     * neither is lost. The same name taken from the same module in several functions is one binding.
     */
    dropCollidingBindings() {
        if (this.nestedBindings.size === 0)
            return;
        const bound = new Map();
        for (const record of this.scan_.imports)
            for (const { local, imported } of record.names ?? []) {
                if (!local)
                    continue;
                const source = `${record.spec}\u0000${imported}`;
                bound.set(local, bound.has(local) && bound.get(local) !== source ? '' : source);
            }
        for (const record of this.scan_.imports) {
            if (!record.names || !this.nestedBindings.has(record.names))
                continue;
            const collides = record.names.some(({ local }) => bound.get(local) === '' || Object.hasOwn(this.scan_.symbols, local));
            if (collides)
                record.names = null;
        }
    }
    /**
     * The patterns of a glob import at call `k`: `import.meta.glob(pattern | [patterns])` (negated
     * patterns left out: the rest loads more), or `import(…)` / `require(…)` of a template with
     * holes, each hole any text.
     */
    globImport(k) {
        const word = this.t(k);
        if ((word === 'glob' || word === 'globEager') &&
            this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') &&
            this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'meta') &&
            this.is(k - 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') &&
            this.is(k - 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import')) {
            const patterns = [];
            const first = this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '[') ? k + 3 : k + 2;
            for (let i = first; this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An) || this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE); i += 2) {
                const text = this.t(i);
                if (this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE) && text.endsWith('${'))
                    break;
                if (!text.startsWith('!'))
                    patterns.push(text);
                if (first === k + 2 || !this.is(i + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','))
                    break;
            }
            return patterns;
        }
        if ((word !== 'import' && word !== 'require') || this.readAsMember(k))
            return [];
        if (!this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE) || !this.t(k + 2).endsWith('${'))
            return [];
        let pattern = '';
        for (let i = k + 2; i < this.n; i++) {
            if (!this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE))
                continue;
            const text = this.t(i);
            if (!text.endsWith('${'))
                pattern += (0,_glob_imports_js__WEBPACK_IMPORTED_MODULE_0__/* .literalGlob */ .Iq)(text);
            else
                pattern += `${(0,_glob_imports_js__WEBPACK_IMPORTED_MODULE_0__/* .literalGlob */ .Iq)(text.slice(0, -2))}**`;
            if (!text.endsWith('${'))
                break;
        }
        return /^\.{1,2}\//.test(pattern) ? [pattern] : [];
    }
    /**
     * The text of a template from before its last hole to its end, when the hole is a constant of
     * literal strings, once per value: `${srcDir}/modules/` after
     * `const srcDir = inDist ? 'dist' : 'src'` is `dist/modules/` and `src/modules/`, where the text
     * after the hole alone (`/modules/`) names every folder called `modules`. Undefined otherwise,
     * and when a value filled in makes something other than a path.
     */
    holeFilled(k) {
        if (this.kinds[k] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE || !this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || !this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE))
            return undefined;
        const before = this.t(k - 2);
        if (!before.endsWith('${'))
            return undefined;
        const filled = this.literalConstants()
            .get(this.t(k - 1))
            ?.map(value => before.slice(0, -2) + value + this.t(k));
        // Not a path once filled (`${baseUrl}/auth/callback`, a URL): the text after the hole is its path.
        return filled?.every(_model_js__WEBPACK_IMPORTED_MODULE_2__/* .keptAsPath */ ._V) ? filled : undefined;
    }
    constants;
    /**
     * Names bound only by `const name = 'a'` or `const name = test ? 'a' : 'b'` (each declaration's
     * values count), and otherwise only read where nothing can bind them (see surelyRead).
     */
    literalConstants() {
        if (this.constants)
            return this.constants;
        const values = new Map();
        const declarations = new Set();
        const rejected = new Set();
        for (let k = 0; k + 3 < this.n; k++) {
            if (!this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'const') || !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || !this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '='))
                continue;
            const name = this.t(k + 1);
            const literal = this.literalValues(k + 3, this.statementEnd(k));
            if (!literal)
                rejected.add(name);
            else {
                declarations.add(k + 1);
                values.set(name, [...(values.get(name) ?? []), ...literal]);
            }
        }
        if (values.size)
            for (let k = 0; k < this.n; k++)
                if (this.kinds[k] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 && values.has(this.t(k)) && !declarations.has(k) && !this.surelyRead(k))
                    rejected.add(this.t(k));
        for (const name of rejected)
            values.delete(name);
        return (this.constants = values);
    }
    /** The values of an initializer from `from` to `end`: a string, or `test ? 'a' : 'b'` with a plain test. */
    literalValues(from, end) {
        const last = this.is(end - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';') ? end - 1 : end;
        if (last === from + 1 && this.is(from, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An))
            return [this.t(from)];
        if (last - from < 5 ||
            !this.is(last - 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '?') ||
            !this.is(last - 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An) ||
            !this.is(last - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':') ||
            !this.is(last - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An))
            return undefined;
        for (let k = from; k < last - 4; k++)
            if (this.kinds[k] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU && (this.texts[k] === '?' || this.texts[k] === ':'))
                return undefined;
        return [this.t(last - 3), this.t(last - 1)];
    }
    /**
     * Is the name at k read there, where no declaration, parameter or pattern can bind it: a member
     * (`x.name`, `name.x`), a template's hole, an operand, a returned value, or an argument of a
     * method call (`path.split(name)`)?
     */
    surelyRead(k) {
        // A parameter (`d => …`), or a target (`d = …`, a pattern's default).
        if (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>') || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '='))
            return false;
        if (this.readAsMember(k) || (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') && !this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.')))
            return true;
        if (this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE) && this.t(k - 1).endsWith('${') && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE))
            return true;
        if (this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && READ_AFTER_WORDS.has(this.t(k - 1)))
            return true;
        if (this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU) && READ_AFTER_OPERATORS.has(this.t(k - 1)))
            return true;
        if (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '+'))
            return true;
        if (!(this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',')) ||
            !(this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')') || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',')))
            return false;
        const open = this.enclosingOpen(k);
        return open > 1 && this.is(open, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') && this.is(open - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && this.is(open - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.');
    }
    /** The bracket that holds token k, or -1. */
    enclosingOpen(k) {
        for (let i = k - 1; i >= 0; i--) {
            if (this.kinds[i] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU)
                continue;
            const text = this.texts[i];
            if (text === ')' || text === ']' || text === '}') {
                const open = this.match[i];
                if (open < 0)
                    return -1;
                i = open;
            }
            else if (text === '(' || text === '[' || text === '{')
                return i;
        }
        return -1;
    }
    plainTemplate(k) {
        if (!this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE))
            return undefined;
        const text = this.texts[k];
        return text.endsWith('${') ? undefined : text;
    }
    // ── statement boundaries ─────────────────────────────────────────────────
    endsExpression(k) {
        if (k < 0)
            return false;
        const kind = this.kinds[k];
        const text = this.texts[k];
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) {
            if (text === 'const' && this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'as'))
                return true;
            return !CONTINUATION_WORDS.has(text) && !STATEMENT_KEYWORDS.has(text);
        }
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU)
            return text === ')' || text === ']' || text === '}';
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE)
            return !text.endsWith('${');
        return kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .NUMBER */ .uk || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .REGEX */ .QL || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .JSX */ .IO;
    }
    startsStatement(k) {
        const kind = this.kinds[k];
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)
            return !CONTINUATION_WORDS.has(this.texts[k]);
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU)
            return this.texts[k] === '@';
        return kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An;
    }
    /** `type A = …`, `declare …` (after `export`): a statement of types alone. */
    startsTypeStatement(k) {
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'export'))
            k++;
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'declare') && !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '('))
            return true;
        return this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'type') && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3);
    }
    /** A declaration keyword on a new line after a type that ends in `>` (`let a: B<C>`). */
    declarationAfterType(k) {
        if (!this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '>'))
            return false;
        const word = this.t(k);
        return ((word === 'abstract' && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'class')) ||
            (word === 'async' && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'function')) ||
            word === 'export' ||
            word === 'import' ||
            word === 'const' ||
            word === 'let' ||
            word === 'var' ||
            word === 'function' ||
            word === 'class' ||
            word === 'interface' ||
            word === 'enum' ||
            word === 'declare' ||
            (word === 'type' && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)));
    }
    skipDecorators(k) {
        while (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '@')) {
            k++;
            while (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.'))
                k += 2;
            if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3))
                k++;
            if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '('))
                k = this.after(k);
        }
        return k;
    }
    /** Index after the bracket group that opens at k. */
    after(k) {
        const close = this.match[k];
        return close > k ? close + 1 : k + 1;
    }
    isBlockDeclaration(k) {
        k = this.skipDecorators(k);
        while (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && MODIFIERS.has(this.t(k)))
            k++;
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'const') && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'enum'))
            return true;
        if (!this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || !BLOCK_DECLARATIONS.has(this.t(k)))
            return false;
        if (this.t(k) === 'module' || this.t(k) === 'namespace')
            return this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An);
        return true;
    }
    statementEnd(start) {
        const { kinds, texts, newline, n } = this;
        const block = this.isBlockDeclaration(start);
        let k = this.skipDecorators(start);
        // An import or export of names (`import … from 'a'`, `import 'a'`, `import a = require('a')`,
        // `export { a }`, `export * from 'a'`) never goes on with a `(`, `[` or template on a new line:
        // that line is a statement of its own (code without semicolons).
        const namesModule = (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import') && !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') && !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.')) ||
            (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'export') &&
                (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') ||
                    this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '*') ||
                    (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'type') && this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))));
        // A type alias or an ambient declaration is all types: a `>` that ends a line there closes
        // type arguments, and a statement may start on the next line.
        const allTypes = this.startsTypeStatement(k);
        for (; k < n; k++) {
            if (namesModule &&
                k > start &&
                newline[k] &&
                (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '[') || kinds[k] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE))
                return k;
            if (k > start &&
                newline[k] &&
                this.startsStatement(k) &&
                (this.endsExpression(k - 1) ||
                    this.declarationAfterType(k) ||
                    (allTypes && this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '>')))) {
                if (!block || STATEMENT_KEYWORDS.has(texts[k]))
                    return k;
            }
            if (kinds[k] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU)
                continue;
            const text = texts[k];
            if (text === ';')
                return k + 1;
            if (text === '(' || text === '[') {
                k = this.after(k) - 1;
            }
            else if (text === '{') {
                const close = this.match[k];
                if (close < 0)
                    return n;
                const isBody = block && !NOT_BODY_BEFORE.has(this.t(k - 1));
                k = close;
                if (isBody)
                    return this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';') ? k + 2 : k + 1;
            }
            else if (text === '}' || text === ')' || text === ']') {
                // A stray closing bracket: end here so that the scan keeps going.
                return k > start ? k : k + 1;
            }
        }
        return n;
    }
    // ── one statement ────────────────────────────────────────────────────────
    statement(start, end) {
        const k = this.skipDecorators(start);
        // Decorators on a line of their own end a statement before the class they decorate.
        if (k > start && k >= end)
            this.decoratorsEndAt = end;
        const word = this.t(k);
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import') && !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') && !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.')) {
            this.scan_.esm = true;
            return this.importStatement(k + 1, end);
        }
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'export')) {
            this.scan_.esm = true;
            const next = k + 1;
            if (this.is(next, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '*'))
                return this.exportStar(next + 1, end);
            if (this.is(next, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
                return this.exportList(next, end);
            if (this.is(next, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'type') && this.is(next + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
                return this.exportList(next + 1, end, true);
            if (this.is(next, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'default'))
                return this.declaration(start, next + 1, end, 'default');
            if (this.is(next, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') || this.is(next, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'import') || this.is(next, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'as'))
                return this.moduleStatement(start, end);
            return this.declaration(start, next, end, 'named');
        }
        if (word && this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
            const commonJs = this.commonJsExport(k, end);
            if (commonJs) {
                this.commonJsExports.push({ ...commonJs, start, end });
                return;
            }
            return this.otherStatement(start, k, end);
        }
        this.moduleStatement(start, end);
    }
    /** A statement that starts with a name: a declaration, a property assignment or code run on load. */
    otherStatement(start, k, end) {
        const mixin = this.prototypeMixin(k, end);
        if (mixin)
            this.prototypeMixins.push(mixin);
        const assignment = this.propertyAssignment(k, end);
        if (!assignment)
            return this.declaration(start, k, end, 'none');
        this.propertyStatements.push({ ...assignment, start, end });
        const { target, member, onPrototype } = assignment;
        if (onPrototype ? member === '__proto__' : member === 'prototype')
            this.prototypeReplaced.add(target);
    }
    /** CommonJS export statements, placed once the whole module is read (placeCommonJsExports). */
    commonJsExports = [];
    /**
     * `exports.name = value`, `module.exports.name = value`, or `module.exports = value` (names with
     * `{ a, b: c }`) at k: a CommonJS export statement.
     */
    commonJsExport(k, end) {
        let j = k;
        if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'module') && this.is(j + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') && this.is(j + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'exports'))
            j += 2;
        else if (!this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'exports'))
            return undefined;
        const exportsAt = j;
        if (this.is(j + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') && this.is(j + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && this.is(j + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') && j + 4 < end)
            return { at: k, name: this.t(j + 2), value: j + 4, exportsAt };
        if (exportsAt === k || !this.is(j + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') || j + 2 >= end)
            return undefined;
        const value = { at: k, value: j + 2, exportsAt };
        if (!this.is(j + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
            return value;
        const close = this.after(j + 2);
        if (close !== end && !(close === end - 1 && this.is(close, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';')))
            return value;
        for (let i = j + 3; i < close - 1;) {
            const next = this.exportedNameEnd(i, close - 1);
            if (next < 0 || (next !== close - 1 && !this.is(next, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',')))
                return value;
            i = next + 1;
        }
        return { ...value, names: true };
    }
    /**
     * Where a property of `module.exports = { … }` that gives a name ends, or -1: `a`, `b: c` or
     * `d: e.f` (the last, a member of a required module, say), with `close` the object's `}`.
     */
    exportedNameEnd(i, close) {
        if (this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && (this.is(i + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',') || i + 1 === close))
            return i + 1;
        if ((!this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && !this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An)) || !this.is(i + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':') || !this.is(i + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3))
            return -1;
        return this.is(i + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') && this.is(i + 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) ? i + 5 : i + 3;
    }
    /**
     * A module whose every use of `exports` and `module.exports` is a CommonJS export statement, at
     * most one of them replacing `module.exports`, exports by name: `exports.name = value` is a
     * declaration (`exports.name`) of what it stores, run on load when the value runs code;
     * `module.exports = { a, b: c }` names its exports; `module.exports = value` is a declaration
     * (`module.exports`) that only the module's whole reaches. Any other use (`exports.a()` in a
     * function, `Object.assign(exports, …)`, a second replacement) leaves the statements as code run
     * on load and the module whole.
     */
    placeCommonJsExports() {
        const statements = this.commonJsExports;
        if (statements.length === 0)
            return;
        const covered = new Set(statements.map(s => s.exportsAt));
        let readable = !this.scan_.esm && statements.filter(s => s.name === undefined).length <= 1;
        for (let k = 0; k < this.n && readable; k++)
            if (this.kinds[k] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 && this.texts[k] === 'exports' && !covered.has(k)) {
                const member = this.readAsMember(k);
                if (!member || this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'module'))
                    readable = false;
            }
        for (const { start, at, end, name, value, names } of statements) {
            if (!readable) {
                this.otherStatement(start, at, end);
                continue;
            }
            const exports = this.scan_.exports;
            if (names) {
                const close = this.after(value);
                for (let i = value + 1; i < close - 1;) {
                    const next = this.exportedNameEnd(i, close - 1);
                    const holder = next === i + 1 ? this.t(i) : this.t(i + 2);
                    // `e.f` is the member binding when `e` is a narrowed namespace, else all of `e`.
                    exports[this.t(i)] =
                        next === i + 5 && this.narrowNamespaces.has(holder) ? `${holder}.${this.t(i + 4)}` : holder;
                    i = next + 1;
                }
                continue;
            }
            const to = this.is(end - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';') ? end - 1 : end;
            if (name !== undefined &&
                value + 1 === to &&
                this.is(value, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
                !NOT_REFERENCES.has(this.t(value))) {
                exports[name] = this.t(value);
                continue;
            }
            // `module.exports = value` is what a require of the module takes: a declaration of it that
            // the module's whole reaches, and that code reading no export of it does not.
            const local = name === undefined ? 'module.exports' : `exports.${name}`;
            const refs = this.references(value, end);
            const fnShape = this.spans && this.isFunctionExpression(value, to) ? 'const' : '';
            this.addSymbol(local, start, end, refs, '', fnShape);
            // As a declaration's: what runs on load changes when the statement does.
            if (this.executesOnLoad(value, end))
                this.runsOnLoadDeferring(value, end, local, value, to, [local, ...refs]);
            if (name !== undefined)
                exports[name] = local;
        }
    }
    /**
     * `F.name = value` or `F.prototype.name = value` (a string key in brackets too: `F.prototype['@@x']`):
     * F's name, the member, whether the value is inert (a literal, a name, `G.prototype`, an array
     * or object of those, or a function that is not called), and whether it is such a function. An inert one calls no code of the module
     * on load, so only the holders of F can observe it; another runs its value then, but reads F only
     * to set a property on it.
     */
    propertyAssignment(k, end) {
        const target = this.t(k);
        if (NOT_REFERENCES.has(target) || !this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3))
            return undefined;
        const key = (at) => this.is(at, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') && this.is(at + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)
            ? { name: this.t(at + 1), next: at + 2 }
            : this.is(at, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '[') && this.is(at + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An) && this.is(at + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ']')
                ? { name: this.t(at + 1), next: at + 3 }
                : undefined;
        const first = key(k + 1);
        if (!first)
            return undefined;
        let { name: member, next: j } = first;
        const second = member === 'prototype' ? key(j) : undefined;
        const onPrototype = second !== undefined;
        if (second)
            ({ name: member, next: j } = second);
        if (!this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '='))
            return undefined;
        const to = this.is(end - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';') ? end - 1 : end;
        const inert = this.inertExpression(j + 1, to);
        const fn = inert && this.isFunctionExpression(j + 1, to);
        return { target, member, onPrototype, inert, fn, valueAt: j + 1 };
    }
    inertExpression(from, to) {
        if (from >= to)
            return false;
        let k = from;
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'async') &&
            (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'function') || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>')))
            k++;
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'function')) {
            while (k < to && !this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '('))
                k++;
            const close = this.after(k);
            return this.is(close, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') && this.after(close) === to;
        }
        const arrow = this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') ? this.after(k) : this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) ? k + 1 : -1;
        if (arrow > k && this.is(arrow, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>')) {
            if (this.is(arrow + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
                return this.after(arrow + 1) === to;
            // An expression body ends at a top-level comma: `F.x = a => a, f()` calls f on load.
            return this.skipExpressionBody(arrow + 1, to) === to;
        }
        return this.inertValue(from, to) === to;
    }
    /** The index after an inert value starting at k, or -1. */
    inertValue(k, to) {
        if (k >= to)
            return -1;
        const kind = this.kinds[k];
        const text = this.t(k);
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .NUMBER */ .uk || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .REGEX */ .QL)
            return k + 1;
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE)
            return text.endsWith('${') ? -1 : k + 1;
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) {
            if (text === 'true' || text === 'false' || text === 'null' || text === 'undefined')
                return k + 1;
            if (NOT_REFERENCES.has(text))
                return -1;
            if (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.'))
                return this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'prototype') && !this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') ? k + 3 : -1;
            return k + 1;
        }
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '-') && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .NUMBER */ .uk))
            return k + 2;
        const close = this.match[k];
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '[') && close > k && close < to) {
            let j = k + 1;
            while (j < close) {
                j = this.inertValue(j, close);
                if (j < 0)
                    return -1;
                if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','))
                    j++;
                else if (j !== close)
                    return -1;
            }
            return close + 1;
        }
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') && close > k && close < to) {
            let j = k + 1;
            while (j < close) {
                const key = this.kinds[j];
                if (key !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 && key !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An && key !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .NUMBER */ .uk)
                    return -1;
                if (this.is(j + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':')) {
                    j = this.inertValue(j + 2, close);
                    if (j < 0)
                        return -1;
                }
                else if (key === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 && !NOT_REFERENCES.has(this.t(j))) {
                    j++; // shorthand
                }
                else
                    return -1;
                if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','))
                    j++;
                else if (j !== close)
                    return -1;
            }
            return close + 1;
        }
        return -1;
    }
    /**
     * An inert property assignment on a local function or plain class belongs to that declaration:
     * what it stores is reached by whoever reaches the declaration. On anything else (an import, a
     * global, a class whose setters or base class could run) it stays a statement run on load.
     */
    placePropertyStatements() {
        // Decided before any statement is placed: placing one as run-on-load adds to moduleRefs.
        const handedToLoad = new Set(this.moduleRefs);
        const placements = this.propertyStatements.map(({ target, onPrototype }) => {
            const plain = this.functionNames.has(target) || this.plainClasses.has(target);
            // Code run on load could give F setters (defineProperty, setPrototypeOf), and after
            // `F.prototype = C.prototype`, `F.prototype.x = …` can run C's setters.
            return plain && !handedToLoad.has(target) && !(onPrototype && this.prototypeReplaced.has(target));
        });
        for (const [i, statement] of this.propertyStatements.entries()) {
            const { target, start, end, inert, fn, valueAt } = statement;
            const key = `${target}.${statement.onPrototype ? 'prototype.' : ''}${statement.member}`;
            // A value that runs on load and names F may call it then (`F.x = make(F)`).
            if (placements[i] && (inert || !this.references(valueAt, end).includes(target))) {
                const refs = this.references(start, end).filter(ref => ref !== target);
                if (fn) {
                    this.assignedFunction(key, start, end, this.references(valueAt, end));
                    this.addReference(target, key);
                    continue;
                }
                this.addSymbol(target, start, end, refs);
                if (inert)
                    continue;
                // Its value runs on load: the module's, as any statement's, save F, which it only holds.
                this.moduleParts.push(this.hashRange(start, end));
                this.runsOnLoad(start, end, refs);
            }
            else if (fn && Object.hasOwn(this.scan_.symbols, target)) {
                // On a local object (`res.send = function…`): the statement runs on load as before, and
                // load holds the function, whose body is its own symbol (coverage can then tell who ran it).
                this.assignedFunction(key, start, end, this.references(valueAt, end));
                this.moduleParts.push(`${key}\u0003${this.hashRange(start, valueAt)}`);
                this.runsOnLoad(start, valueAt, [target, key]);
            }
            else {
                this.moduleStatement(start, end);
            }
        }
        this.placePrototypeMethods(placements);
    }
    /**
     * A function declared once whose prototype gets only functions (`F.prototype.name = function…`)
     * and inert values (which F holds: whoever reaches F reaches them), each by a statement placed
     * with it (not after `F.prototype = …` or `F.prototype.__proto__ = …`), and that no code run on
     * load holds (`inherits(F, G)`, `Object.defineProperty(F.prototype, …)`): its prototype's
     * functions run only when code names them, as a class's methods do (member reach). Their keys in
     * calledByName are `prototype.name`.
     */
    placePrototypeMethods(placements) {
        const methods = new Map();
        const unfit = new Set();
        for (const [i, { target, onPrototype, inert, fn, member }] of this.propertyStatements.entries()) {
            if (!onPrototype || !this.functionNames.has(target))
                continue;
            if (!placements[i] || !inert)
                unfit.add(target);
            else if (fn && !CALLED_WITHOUT_NAME.has(member)) {
                const names = methods.get(target);
                if (names)
                    names.push(`prototype.${member}`);
                else
                    methods.set(target, [`prototype.${member}`]);
            }
        }
        for (const [target, names] of methods) {
            const symbol = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .own */ .ZV)(this.scan_.symbols, target);
            if (!symbol || symbol.class || unfit.has(target))
                continue;
            if (this.functionsRedeclared.has(target) || this.moduleRefs.has(target))
                continue;
            symbol.class = { calledByName: [...new Set(names)] };
        }
    }
    /** `F.name = function…`: the function as a symbol `F.name`, code that runs only when called. */
    assignedFunction(key, start, end, refs) {
        this.addSymbol(key, start, end, refs, '', 'property');
    }
    addReference(from, to) {
        const symbol = Object.hasOwn(this.scan_.symbols, from) ? this.scan_.symbols[from] : undefined;
        if (symbol && !symbol.refs.includes(to))
            symbol.refs = [...symbol.refs, to];
    }
    moduleStatement(start, end) {
        this.moduleParts.push(this.hashRange(start, end));
        this.runsOnLoad(start, end, this.references(start, end));
    }
    /**
     * `Object.assign(C.prototype, A, B…)` from k to the statement's end, each source a plain name:
     * C and the sources.
     */
    prototypeMixin(k, end) {
        if (!this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'Object') ||
            !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') ||
            !this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'assign') ||
            !this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') ||
            !this.is(k + 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) ||
            !this.is(k + 5, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') ||
            !this.is(k + 6, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'prototype') ||
            !this.is(k + 7, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','))
            return undefined;
        const close = this.match[k + 3];
        if (close !== end - 1 && !(close === end - 2 && this.is(end - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';')))
            return undefined;
        const sources = [];
        for (let j = k + 8; j < close; j += 2) {
            if (!this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || (j + 1 !== close && !this.is(j + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',')))
                return undefined;
            sources.push(this.t(j));
        }
        return sources.length ? { target: this.t(k + 4), sources } : undefined;
    }
    /**
     * The names each `Object.assign(C.prototype, …)` mixes into a class of the module that member
     * reach may follow (ClassInfo.mixins): those no other code run on load references, not even as a
     * function passed to a call then.
     */
    placePrototypeMixins() {
        if (this.prototypeMixins.length === 0)
            return;
        const passed = new Set(this.deferredCalls.flatMap(call => call.refs));
        for (const { target, sources } of this.prototypeMixins) {
            const info = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .own */ .ZV)(this.scan_.symbols, target)?.class;
            if (!info?.calledByName)
                continue;
            const mixins = sources.filter(source => source !== target && this.loadRefCounts.get(source) === 1 && !passed.has(source));
            if (mixins.length)
                info.mixins = [...new Set([...(info.mixins ?? []), ...mixins])];
        }
    }
    /** Code in the range runs when the module loads: what it references and names, MODULE_SYMBOL does. */
    runsOnLoad(from, to, refs) {
        for (const ref of refs) {
            this.moduleRefs.add(ref);
            this.loadRefCounts.set(ref, (this.loadRefCounts.get(ref) ?? 0) + 1);
        }
        this.wordsOf(from, to, this.moduleWords);
    }
    /**
     * Statement `start`..`end`, declaring `self`, runs on load, and `refs` are its references. When
     * its value (`from`..`to`) is a call that is passed function expressions or names (`_curry1(function
     * f(a) {…})`), their references go to deferred calls (DeferredCall), for the graph to follow only
     * when a callee may call them on load; the rest of the statement's text (names passed included)
     * goes to the module's hash, and its other references to the module's, so that a change inside
     * such a function reaches load only through them.
     */
    runsOnLoadDeferring(start, end, self, from, to, refs, annotations = []) {
        const passed = this.functionsPassedIn(from, to);
        if (passed.length === 0)
            return this.runsOnLoad(start, end, refs);
        /** The parts of the statement around `ranges`. */
        const around = (ranges) => {
            const parts = [];
            let at = start;
            for (const range of ranges) {
                parts.push([at, range.from]);
                at = range.to;
            }
            parts.push([at, end]);
            return parts;
        };
        const loadRefs = new Set();
        for (const [a, b] of around(passed))
            for (const ref of this.referencesOutside(a, b, annotations))
                if (ref !== self)
                    loadRefs.add(ref);
        this.runsOnLoad(start, end, loadRefs);
        // A name passed is part of the statement's text; a function's body is its own.
        const bodies = passed.filter(range => range.fn);
        this.moduleParts.push(`${self}\u0003${around(bodies)
            .map(([a, b]) => this.hashRange(a, b))
            .join('\u0003')}`);
        for (const { calls, from: a, to: b, fn } of passed)
            this.deferredCalls.push({
                calls,
                refs: fn ? [...new Set([self, ...this.references(a, b)])] : this.references(a, b)
            });
    }
    /**
     * functionsPassed of a value that is such a call, or a choice of such calls (`test ? f(…) : g(…)`,
     * ramda's trim): the test runs on load, one of the calls too.
     */
    functionsPassedIn(from, to) {
        // A conditional's `?`: not `?.` nor `??`.
        const conditional = (k) => this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '?') &&
            !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') &&
            !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '?') &&
            !this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '?');
        let question = -1;
        for (let k = from; k < to && question < 0; k = this.isOpener(k) ? this.after(k) : k + 1)
            if (conditional(k))
                question = k;
        if (question < 0)
            return this.functionsPassed(from, to, []);
        let depth = 0;
        for (let k = question + 1; k < to; k = this.isOpener(k) ? this.after(k) : k + 1) {
            if (conditional(k))
                depth++;
            else if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':') && depth-- === 0)
                return [...this.functionsPassedIn(question + 1, k), ...this.functionsPassedIn(k + 1, to)];
        }
        return [];
    }
    /**
     * The function expressions and names passed as arguments to the call `from`..`to` (`callee(…)`,
     * a plain name), or to calls whose results it is passed, in order; `outer` are the calls this
     * one's result goes to. None when the range is anything else.
     */
    functionsPassed(from, to, outer) {
        // A member of a namespace import that only reads members (`core.$constructor(…)`) is a
        // binding of its own (see narrowNamespaceBindings).
        const member = this.narrowNamespaces.has(this.t(from)) && this.is(from + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') && this.is(from + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3);
        const callee = member ? `${this.t(from)}.${this.t(from + 2)}` : this.t(from);
        const open = member ? from + 3 : from + 1;
        if (!this.is(from, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) ||
            (NOT_REFERENCES.has(callee) && !CONTEXTUAL_WORDS.has(callee)) ||
            !this.is(open, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') ||
            this.after(open) !== to)
            return [];
        const found = [];
        const close = to - 1;
        let position = 0;
        for (let a = open + 1; a < close; position++) {
            let b = a;
            while (b < close && !this.is(b, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','))
                b = this.isOpener(b) ? this.after(b) : b + 1;
            const calls = [[callee, position], ...outer];
            // A function expression, or a name (reading a binding runs nothing: what it holds runs only if called).
            const name = b === a + 1 && this.is(a, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && !NOT_REFERENCES.has(this.t(a));
            if (b > a && name)
                found.push({ calls, from: a, to: b, fn: false });
            else if (b > a && this.isFunctionExpression(a, b))
                found.push({ calls, from: a, to: b, fn: true });
            else if (b > a)
                found.push(...this.functionsPassed(a, b, calls));
            a = b + 1;
        }
        return found;
    }
    isOpener(k) {
        return this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '[') || this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{');
    }
    /**
     * SymbolInfo.defers of the function whose parameters open at `open` and whose body ends the
     * statement (at `end`): the parameters its body never names, save inside a function it returns
     * as it is. `arguments` or `eval` there, a `this` parameter (which shifts positions in
     * TypeScript), or a parameter that is not a plain name (perhaps typed) defer none.
     */
    deferredParams(open, end) {
        if (!this.is(open, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || !this.is(end - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '}'))
            return 0;
        const close = this.after(open) - 1;
        const bodyOpen = this.match[end - 1];
        if (bodyOpen <= close)
            return 0;
        const params = [];
        for (let a = open + 1; a < close;) {
            let b = a;
            let defaulted = false;
            while (b < close && !this.is(b, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',')) {
                if (this.is(b, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '='))
                    defaulted = true;
                b = this.isOpener(b) ? this.after(b) : b + 1;
            }
            const name = this.t(a);
            if (params.length === 0 && name === 'this')
                return 0;
            const simple = !defaulted &&
                this.is(a, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
                !NOT_REFERENCES.has(name) &&
                (b === a + 1 ||
                    this.is(a + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':') ||
                    (this.is(a + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '?') && this.is(a + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':')));
            // A default value or a pattern runs code (perhaps a parameter) when the function is called.
            if (!simple)
                return 0;
            params.push(name);
            a = b + 1;
        }
        let used = 0;
        const declared = this.declaredFunctionsIn(bodyOpen, end - 1, params);
        const running = new Set();
        /** Function declarations stored on each (`Object.defineProperty(_, 'init', { value: init })`). */
        const storedOn = new Map();
        // Inside a function nested in the body until here: its `return` is not the body's.
        let nestedUntil = -1;
        // Inside the arguments of `Object.defineProperty(…)` until here, and the name of its target.
        let definingUntil = -1;
        let target = '';
        for (let k = bodyOpen + 1; k < end - 1; k++) {
            const declaration = this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'function') ? declared.get(this.t(k + 1)) : undefined;
            if (declaration?.[0] === k) {
                k = declaration[1] - 1;
                continue;
            }
            if (k >= nestedUntil && this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'return')) {
                const returned = this.returnedFunctionEnd(k + 1, end - 1);
                if (returned > 0) {
                    k = returned - 1;
                    continue;
                }
            }
            nestedUntil = Math.max(nestedUntil, this.nestedFunctionEnd(k, end - 1));
            if (k >= definingUntil && this.definesProperty(k)) {
                definingUntil = this.after(k + 3);
                target = declared.has(this.t(k + 4)) && this.is(k + 5, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',') ? this.t(k + 4) : '';
            }
            if (this.kinds[k] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)
                continue;
            const text = this.t(k);
            if (text === 'arguments' || text === 'eval')
                return 0;
            if (declared.has(text)) {
                // A function expression's `return` hands it to whoever calls that function, perhaps here.
                const kept = k < definingUntil
                    ? this.storedBy(k, target)
                    : this.keptAt(k) && (k >= nestedUntil || !this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'return'));
                if (kept === 'stored')
                    storedOn.set(target, [...(storedOn.get(target) ?? []), text]);
                else if (!kept)
                    running.add(text);
                continue;
            }
            used |= this.parameterAt(k, params);
        }
        // What a declaration that runs names runs too (it may call it), and so does what is stored on it.
        const queue = [...running];
        for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
            const [from, to] = declared.get(name);
            const names = [...(storedOn.get(name) ?? [])];
            for (let k = from; k < to; k++) {
                if (this.kinds[k] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)
                    continue;
                const text = this.t(k);
                if (text === 'arguments' || text === 'eval')
                    return 0;
                if (declared.has(text))
                    names.push(text);
                used |= this.parameterAt(k, params);
            }
            for (const other of names)
                if (!running.has(other)) {
                    running.add(other);
                    queue.push(other);
                }
        }
        let defers = 0;
        params.forEach((_, at) => {
            if (at < 31 && !(used & (1 << at)))
                defers |= 1 << at;
        });
        return defers;
    }
    /** The bit of the parameter that the name at k reads (not a member `x.fn`), or 0. */
    parameterAt(k, params) {
        const at = params.indexOf(this.t(k));
        return at >= 0 && !this.readAsMember(k) ? 1 << at : 0;
    }
    /**
     * The function declarations directly in a body (`{` at `open`, `}` at `close`), by name, with
     * their tokens: hoisted, each runs only where the body calls it. A name declared twice, or also
     * a parameter, is left out.
     */
    declaredFunctionsIn(open, close, params) {
        const declared = new Map();
        const twice = new Set(params);
        for (let k = open + 1; k < close; k = this.isOpener(k) ? this.after(k) : k + 1) {
            if (!this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'function') || !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3))
                continue;
            const starts = this.newline[k] ||
                this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';') ||
                this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') ||
                this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '}');
            const fnEnd = starts ? this.functionBodyEnd(k, close) : -1;
            if (fnEnd < 0)
                continue;
            const name = this.t(k + 1);
            if (declared.has(name))
                twice.add(name);
            declared.set(name, [k, fnEnd]);
            k = fnEnd - 1;
        }
        for (const name of twice)
            declared.delete(name);
        return declared;
    }
    /** `Object.defineProperty(` or `Object.defineProperties(` at k, with a name or nothing before. */
    definesProperty(k) {
        if (!this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'Object') || !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') || !this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '('))
            return false;
        const method = this.t(k + 2);
        return (method === 'defineProperty' || method === 'defineProperties') && !this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.');
    }
    /**
     * How the function declaration named at k, inside the arguments of `Object.defineProperty(…)`,
     * is used: the call's first argument ('target', a function declaration
     * the others are stored on when it is `target`), a descriptor's `value` on that target
     * ('stored'), or otherwise (undefined: it may run).
     */
    storedBy(k, target) {
        if (this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') &&
            this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
            this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',') &&
            this.definesProperty(k - 4))
            return 'target';
        const value = this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':') &&
            this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'value') &&
            (this.is(k - 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') || this.is(k - 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',')) &&
            (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '}') || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','));
        return value && target !== '' ? 'stored' : undefined;
    }
    /**
     * Whether the function declaration named at k is only kept there, not run: returned as it is
     * (`return _`, `return _ as any`), or a property set on it (`Internals.prototype = proto`).
     */
    keptAt(k) {
        if (this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'return'))
            return (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';') ||
                this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '}') ||
                this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'as') ||
                this.newline[k + 1] === true);
        if (!this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') || !this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || !this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '='))
            return false;
        const member = this.t(k + 2);
        return member !== 'call' && member !== 'apply' && member !== 'bind' && !this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.');
    }
    /** A function declaration assigned another value (`f = g`) may be anything when called. */
    dropReassignedDefers() {
        const symbols = this.scan_.symbols;
        const deferring = new Set(Object.keys(symbols).filter(name => symbols[name]?.defers !== undefined));
        if (deferring.size === 0)
            return;
        for (let k = 0; k < this.n; k++) {
            const name = this.texts[k];
            if (this.kinds[k] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 &&
                deferring.has(name) &&
                this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') &&
                !this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') &&
                !(this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.') && !this.is(k - 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.')))
                delete symbols[name].defers;
        }
    }
    /**
     * Where the body of a function that starts at token `k` ends (`function`, `=>`, a method's
     * `name(…) {`), or -1 when none starts there. A block after a statement's parentheses
     * (`if (…) {`) is no function.
     */
    nestedFunctionEnd(k, to) {
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'function')) {
            const end = this.functionBodyEnd(k, to);
            return end < 0 ? to : end;
        }
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>'))
            return this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') ? this.after(k + 1) : this.skipExpressionBody(k + 1, to);
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') &&
            this.is(this.after(k), _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') &&
            this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
            !CONTROL_KEYWORDS.has(this.t(k - 1)))
            return this.after(this.after(k));
        return -1;
    }
    /**
     * Where the function expression returned as it is at `k` (after `return`) ends, or -1: one that
     * is called, read or combined (`return function () {}()`, `return f || g`) is not.
     */
    returnedFunctionEnd(k, to) {
        const start = this.afterAsync(k);
        let end;
        if (this.is(start, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'function')) {
            end = this.functionBodyEnd(start, to);
            if (end < 0)
                return -1;
        }
        else {
            const arrow = this.arrowAt(start, to);
            if (arrow < 0)
                return -1;
            end = this.is(arrow + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') ? this.after(arrow + 1) : this.skipExpressionBody(arrow + 1, to);
            if (end < to && !this.is(end, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';') && !this.is(end, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '}'))
                return -1;
        }
        if (end >= to || this.is(end, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';') || this.is(end, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '}'))
            return end;
        const next = this.t(end);
        return this.newline[end] && this.kinds[end] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 && next !== 'in' && next !== 'instanceof' ? end : -1;
    }
    addSymbol(name, start, end, refs, hashExtra = '', fnShape = '') {
        if (this.spans)
            this.addSpan(name, start, end, fnShape);
        this.declarationCounts.set(name, (this.declarationCounts.get(name) ?? 0) + 1);
        const range = this.rangeFacts(start, end);
        const hash = hashExtra ? (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .hashText */ .qj)(hashExtra + '\u0003' + range.hash) : range.hash;
        // Own entries only: a function named hasOwnProperty or toString must not find Object.prototype's.
        const existing = Object.hasOwn(this.scan_.symbols, name) ? this.scan_.symbols[name] : undefined;
        if (existing) {
            existing.hash = (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .hashText */ .qj)(existing.hash + hash);
            existing.refs = [...new Set([...existing.refs, ...refs])];
            existing.words = [...new Set([...(existing.words ?? []), ...range.words])];
        }
        else {
            this.scan_.symbols[name] = { hash, refs: Array.isArray(refs) ? refs : [...refs], words: range.words };
        }
    }
    lastRange;
    /**
     * The hash and words of a token range, kept for the next symbol of the same range: every
     * declarator of `var a = 1, b = 2, …` is one (a minified bundle's hundred-name `var` would
     * otherwise be read once per name).
     */
    rangeFacts(start, end) {
        const last = this.lastRange;
        if (last?.start === start && last.end === end)
            return last;
        const words = [...this.wordsOf(start, end, new Set())];
        this.lastRange = { start, end, hash: this.hashRange(start, end), words };
        return this.lastRange;
    }
    addSpan(name, start, end, fnShape) {
        const ends = this.tokens.ends;
        const from = start > 0 ? ends[start - 1] : 0;
        const to = end > start ? ends[end - 1] : from;
        const known = this.spans?.get(name);
        if (known) {
            known.spans.push([from, to]);
            known.fn &&= fnShape !== '';
            known.shape += `,${fnShape}`;
        }
        else
            this.spans?.set(name, { spans: [[from, to]], fn: fnShape !== '', shape: fnShape });
    }
    /** Whether the tokens from..to are one function or arrow function expression. */
    isFunctionExpression(from, to) {
        const k = this.afterAsync(from);
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'function'))
            return this.functionBodyEnd(k, to) === to;
        const arrow = this.arrowAt(k, to);
        return arrow >= 0 && arrow < to;
    }
    /** Past `async` at k when it starts a function (not when it is an arrow's one parameter). */
    afterAsync(k) {
        return this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'async') && !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>') ? k + 1 : k;
    }
    /** Where the body of the `function` at k ends (the index after its `}`), or -1 before `to`. */
    functionBodyEnd(k, to) {
        const open = this.nextIndex(k, to, '(');
        const body = open < 0 ? -1 : this.nextIndex(this.after(open), to, '{');
        return body < 0 ? -1 : this.after(body);
    }
    /** The `=>` of the arrow function whose parameters start at k (`x =>`, `(x) =>`, `<T>(x: T): T =>`), or -1. */
    arrowAt(k, to) {
        const start = this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '<') ? this.afterTypeArguments(k, to) : k;
        let arrow = this.is(start, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) ? start + 1 : this.is(start, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') ? this.after(start) : -1;
        // (x): T => …: whatever `=>` follows the return type, the function is an arrow function.
        if (arrow > start && this.is(arrow, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':'))
            arrow = this.nextIndex(arrow + 1, to, '=>');
        return arrow > start && this.is(arrow, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>') ? arrow : -1;
    }
    /** The index of the first `text` punctuator at or after k and before `to` (bracket depth 0), or -1. */
    nextIndex(k, to, text) {
        for (let j = k; j < to; j++) {
            if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, text))
                return j;
            if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '[') || this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
                j = this.after(j) - 1;
        }
        return -1;
    }
    /**
     * Whether the name at k can name a property, and so call a method or run an accessor: after a
     * dot (`x.format`, `x?.format`, `super.format`), before a colon (`{ format: f } = x`, a key of
     * `toMatchObject({ year: 1 })`), or as a shorthand in braces (`{ format } = x`). A variable, a
     * parameter used as such, or a type (`x: unknown`) cannot; nor can a name before a colon that
     * is not a key: a variable's or a parameter's with its type (`const format: F`, `(format:
     * string)`), a ternary's value (`a ? format : parse`); nor a spread's (`...format`).
     */
    namesProperty(k) {
        const before = this.kinds[k - 1] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU ? this.texts[k - 1] : '';
        const after = this.kinds[k + 1] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU ? this.texts[k + 1] : '';
        // A spread (`...rest`) names no property.
        if (before === '.')
            return !(this.kinds[k - 2] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU && this.texts[k - 2] === '.');
        if (after === ':')
            return !this.beforeColonNotKey(k, before);
        return (before === '{' || before === ',') && (after === '}' || after === ',' || after === '=');
    }
    /** The name at k, before a colon, is a declaration's with its type or a ternary's value. */
    beforeColonNotKey(k, before) {
        if (before === '?' || before === '(')
            return true;
        if (this.kinds[k - 1] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) {
            const word = this.texts[k - 1];
            return word === 'const' || word === 'let' || word === 'var';
        }
        if (before !== ',')
            return false;
        // After a comma: a parameter when the innermost bracket around it is a parenthesis.
        const open = this.openerAround(k - 1);
        return open >= 0 && this.texts[open] === '(';
    }
    /** Is the `in` at k in the head of a `for`, as in `for (const key in object)`? */
    inForHead(k) {
        const open = this.openerAround(k);
        return (open > 0 && this.texts[open] === '(' && this.kinds[open - 1] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 && this.texts[open - 1] === 'for');
    }
    /** The innermost bracket open around each token (-1 at the top), worked out on first use. */
    openers;
    /** The index of the innermost bracket open around token k; -1 when none is. */
    openerAround(k) {
        if (!this.openers) {
            const openers = new Int32Array(this.n);
            const stack = [];
            for (let j = 0; j < this.n; j++) {
                const t = this.kinds[j] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU ? this.texts[j] : '';
                if (t === ')' || t === ']' || t === '}')
                    stack.pop();
                openers[j] = stack.length ? stack[stack.length - 1] : -1;
                if (t === '(' || t === '[' || t === '{')
                    stack.push(j);
            }
            this.openers = openers;
        }
        return this.openers[k];
    }
    /** Adds the words of a token range (see SymbolInfo.words) to `into`. */
    wordsOf(from, to, into) {
        const { kinds, texts } = this;
        for (let k = from; k < to; k++) {
            const kind = kinds[k];
            const text = texts[k];
            if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .NUMBER */ .uk || (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 && this.namesProperty(k)))
                into.add(text);
            else if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 && text === 'in' && this.inForHead(k))
                into.add(_model_js__WEBPACK_IMPORTED_MODULE_2__/* .FOR_IN_WORD */ .fG);
            else if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .JSX */ .IO) {
                into.add(text);
                for (const run of text.match(WORD_RUN) ?? [])
                    into.add(run);
            }
        }
        return into;
    }
    addBinding(spec, kind, names, typeOnly = false) {
        this.scan_.imports.push(typeOnly ? { spec, kind, names, typeOnly } : { spec, kind, names });
        for (const binding of names ?? []) {
            if (binding.local) {
                // Short and unique enough as it is: the binding's source and imported name (and whether
                // it is a type only: made one, a value in use is undefined when the code runs).
                this.scan_.symbols[binding.local] = {
                    hash: `${spec}\u0000${binding.imported}${typeOnly ? '\u0000type' : ''}`,
                    refs: []
                };
            }
        }
    }
    importStatement(k, end) {
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An)) {
            // A side-effect import: loads the whole module.
            this.scan_.imports.push({ spec: this.t(k), kind: 'static', names: null });
            this.moduleParts.push(`import ${this.t(k)}`);
            return;
        }
        // `import type …`: erased from the output, it loads nothing.
        const typeOnly = this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'type') && !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',') && !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'from');
        if (typeOnly)
            k++;
        const names = [];
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=')) {
            // import X = require('y') / import X = A.B
            const local = this.t(k);
            if (this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'require') && this.is(k + 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An)) {
                this.addBinding(this.t(k + 4), 'static', [{ imported: '*', local }]);
            }
            else {
                this.addSymbol(local, k, end, this.references(k + 2, end));
            }
            return;
        }
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && !this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'from')) {
            names.push({ imported: 'default', local: this.t(k) });
            k++;
            if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','))
                k++;
        }
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '*') && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'as')) {
            names.push({ imported: '*', local: this.t(k + 2) });
            k += 3;
        }
        else if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{')) {
            const close = this.match[k];
            for (const item of this.listItems(k + 1, close > k ? close : end))
                names.push({ imported: item.name, local: item.alias });
            k = close > k ? close + 1 : end;
        }
        while (k < end && !this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An))
            k++;
        if (k < end)
            this.addBinding(this.t(k), 'static', names, typeOnly);
    }
    /** `a`, `a as b`, `type a`, `'str' as b`, `default as b` items of an import/export list. */
    listItems(from, to) {
        const items = [];
        let k = from;
        while (k < to) {
            if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'type') &&
                (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An)) &&
                !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'as'))
                k++;
            if (!this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && !this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An)) {
                k++;
                continue;
            }
            const name = this.t(k);
            let alias = name;
            k++;
            if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'as') && (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An))) {
                alias = this.t(k + 1);
                k += 2;
            }
            items.push({ name, alias });
            while (k < to && !this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','))
                k++;
            k++;
        }
        return items;
    }
    fromSpec(k, end) {
        for (; k < end; k++)
            if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'from') && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An))
                return this.t(k + 1);
        return undefined;
    }
    exportStar(k, end) {
        const spec = this.fromSpec(k, end);
        if (spec === undefined)
            return this.moduleStatement(k, end);
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'as')) {
            const name = this.t(k + 1);
            const local = `@reexport:${name}`;
            this.addBinding(spec, 'reexport', [{ imported: '*', local }]);
            this.scan_.exports[name] = local;
        }
        else {
            this.scan_.imports.push({ spec, kind: 'reexport', names: [] });
            this.scan_.exportAll.push(spec);
        }
    }
    exportList(open, end, typeOnly = false) {
        const close = this.match[open];
        const items = this.listItems(open + 1, close > open ? close : end);
        const spec = this.fromSpec(close > open ? close : open, end);
        if (spec === undefined) {
            for (const item of items)
                this.scan_.exports[item.alias] = item.name;
            return;
        }
        const names = items.map(item => ({ imported: item.name, local: `@reexport:${item.alias}` }));
        this.addBinding(spec, 'reexport', names, typeOnly);
        for (const item of items)
            this.scan_.exports[item.alias] = `@reexport:${item.alias}`;
    }
    // ── declarations ─────────────────────────────────────────────────────────
    declaration(start, k, end, exported) {
        while (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
            (this.t(k) === 'declare' || this.t(k) === 'abstract' || this.t(k) === 'async'))
            k++;
        const word = this.t(k);
        const exports = this.scan_.exports;
        const named = (name) => {
            if (exported === 'named')
                exports[name] = name;
            else if (exported === 'default')
                exports.default = name;
        };
        if (word === 'function' && this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
            let nameAt = k + 1;
            if (this.is(nameAt, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '*'))
                nameAt++;
            if (this.is(nameAt, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
                const name = this.t(nameAt);
                // A type of the same name (an interface merged with it) is no other value.
                const declaredBefore = Object.hasOwn(this.scan_.symbols, name) && !this.typesOnly.has(name);
                this.typesOnly.delete(name);
                if (declaredBefore)
                    this.functionsRedeclared.add(name);
                this.functionNames.add(name);
                this.addSymbol(name, start, end, this.references(nameAt + 1, end), '', 'function');
                const symbol = this.scan_.symbols[name];
                // A name declared twice (overloads, a redeclaration) may be either: none is deferred.
                const defers = declaredBefore ? 0 : this.deferredParams(this.afterTypeArguments(nameAt + 1, end), end);
                if (defers)
                    symbol.defers = defers;
                else
                    delete symbol.defers;
                return named(name);
            }
        }
        else if (word === 'class' && this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
            const name = this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && this.t(k + 1) !== 'extends' && this.t(k + 1) !== 'implements'
                ? this.t(k + 1)
                : undefined;
            this.classDeclaration(name ?? 'default', start, k, end);
            return named(name ?? 'default');
        }
        else if ((word === 'interface' ||
            word === 'type' ||
            word === 'enum' ||
            word === 'namespace' ||
            word === 'module') &&
            this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
            const name = this.t(k + 1);
            const isType = word === 'interface' || word === 'type';
            const refs = this.references(k + 2, end, isType);
            if (isType) {
                if (!Object.hasOwn(this.scan_.symbols, name))
                    this.typesOnly.add(name);
            }
            else
                this.typesOnly.delete(name);
            this.addSymbol(name, start, end, refs);
            if (isType) {
                this.typeDeclarationCounts.set(name, (this.typeDeclarationCounts.get(name) ?? 0) + 1);
                const valueRefs = this.computedKeyRefs(k + 2, end);
                if (valueRefs.length) {
                    const known = this.typeValueRefs.get(name) ?? new Set();
                    for (const ref of valueRefs)
                        known.add(ref);
                    this.typeValueRefs.set(name, known);
                }
            }
            if (word === 'enum' || word === 'namespace' || word === 'module')
                this.runsOnLoad(k + 2, end, refs);
            return named(name);
        }
        else if (word === 'const' && this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'enum') && this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
            const name = this.t(k + 2);
            this.addSymbol(name, start, end, this.references(k + 3, end));
            return named(name);
        }
        else if ((word === 'const' || word === 'let' || word === 'var' || word === 'using') &&
            exported !== 'default') {
            return this.variables(start, k + 1, end, exported === 'named');
        }
        if (exported === 'default') {
            // export default <expression>
            const expressionEnd = this.is(end - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';') ? end - 1 : end;
            const fnShape = this.spans && this.isFunctionExpression(k, expressionEnd) ? 'default' : '';
            const refs = this.references(k, end);
            this.addSymbol('default', start, end, refs, '', fnShape);
            // As a declaration's: what runs on load changes when the expression does.
            if (this.executesOnLoad(k, end))
                this.runsOnLoadDeferring(k, end, 'default', k, expressionEnd, ['default', ...refs]);
            exports.default = 'default';
            return;
        }
        this.moduleStatement(start, end);
    }
    variables(start, k, end, exported) {
        // One symbol per declarator; the declarators of one statement share its tokens' hash.
        const declared = [];
        const refs = this.references(k, end);
        const bound = this.requireBinding(k, end);
        let onLoad = false;
        const keyword = this.t(k - 1); // const, let, var or using
        let declarators = 0;
        let functionInit = false;
        /** The last declarator's initializer. */
        let initializer;
        /** Type annotations (`: T`), which run nothing. */
        const annotations = [];
        while (k < end) {
            if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
                declared.push(this.t(k));
                k++;
            }
            else if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') || this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '[')) {
                const close = this.after(k);
                for (let j = k + 1; j < close - 1; j++) {
                    if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
                        !this.is(j + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':') &&
                        !this.is(j - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') &&
                        !NOT_REFERENCES.has(this.t(j)))
                        declared.push(this.t(j));
                }
                k = close;
            }
            else
                break;
            // type annotation and initializer, up to the next declarator
            const annotationAt = k;
            let initStart = -1;
            /** How deep in an annotation's type arguments (`Map<K, V>`), whose commas part no declarators. */
            let typeArguments = 0;
            while (k < end && !(this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ',') && typeArguments === 0) && !this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';')) {
                if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=') && initStart < 0)
                    initStart = k + 1;
                if (initStart < 0 && this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '<'))
                    typeArguments++;
                else if (initStart < 0 && this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '>') && typeArguments > 0)
                    typeArguments--;
                if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '[') || this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
                    k = this.after(k);
                else
                    k++;
            }
            if (this.is(annotationAt, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':') ||
                (this.is(annotationAt, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '!') && this.is(annotationAt + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':')))
                annotations.push([annotationAt, initStart >= 0 ? initStart - 1 : k]);
            if (initStart >= 0 && this.executesOnLoad(initStart, k))
                onLoad = true;
            if (initStart >= 0)
                initializer = [initStart, k];
            if (++declarators === 1 && this.spans)
                functionInit = initStart >= 0 && this.isFunctionExpression(initStart, k);
            if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','))
                k++;
            else
                break;
        }
        if (declared.length === 0)
            return this.moduleStatement(start, end);
        const fn = functionInit && declarators === 1 && declared.length === 1;
        for (const name of declared) {
            this.addSymbol(name, start, end, refs, '', fn ? keyword : '');
            if (exported)
                this.scan_.exports[name] = name;
        }
        // A binding's module loads as the import record says; its declaration reaches nothing more.
        const runRefs = annotations.length ? this.referencesOutside(start, end, annotations) : refs;
        const loadRefs = bound ? runRefs.filter(ref => ref !== bound) : runRefs;
        if (onLoad && declarators === 1 && declared.length === 1 && initializer)
            this.runsOnLoadDeferring(start, end, declared[0], initializer[0], initializer[1], loadRefs, annotations);
        else if (onLoad)
            this.runsOnLoad(start, end, loadRefs);
    }
    /**
     * The names read in the computed keys of a type's members (`[sym]: T`, `readonly [Keys.id]?: T`),
     * which are values: tsc keeps their imports. A bracket that starts a member (after `{`, `;`, `,`,
     * `readonly` or a line break) is taken for one unless it opens a mapped type's `[K in …]` or an
     * index signature's `[key: T]`; a tuple there is taken for one too, which only keeps an import.
     */
    computedKeyRefs(from, to) {
        const refs = new Set();
        for (let k = from; k < to; k++) {
            if (this.kinds[k] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU || this.texts[k] !== '[')
                continue;
            const before = this.texts[k - 1];
            const startsMember = this.newline[k] === true ||
                this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'readonly') ||
                (this.kinds[k - 1] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU && (before === '{' || before === ';' || before === ','));
            if (!startsMember)
                continue;
            if (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && (this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'in') || this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':')))
                continue;
            for (const ref of this.references(k + 1, this.after(k) - 1))
                refs.add(ref);
        }
        return [...refs];
    }
    /** The distinct references of `from`..`to` outside the ranges of `skip` (in order, apart). */
    referencesOutside(from, to, skip) {
        const refs = new Set();
        let at = from;
        for (const [a, b] of [...skip, [to, to]]) {
            if (a > at)
                for (const ref of this.references(at, Math.min(a, to)))
                    refs.add(ref);
            at = Math.max(at, b);
        }
        return [...refs];
    }
    /** `const x = require('y')`, declared once, that names the module (see narrowNamespaceBindings). */
    requireBindings = new Set();
    /**
     * The name of a declaration made only of `x = require('y')`, after `const`, when it is the only
     * declaration of `x` that requires a module: `x` is then a binding to the whole module, as
     * `import x = require('y')` is, and code that never reads `x` does not reach the module's code.
     */
    requireBinding(k, end) {
        const name = this.t(k);
        const shaped = this.t(k - 1) === 'const' &&
            this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'require') &&
            this.is(k + 4, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An) &&
            this.requiredAs(k + 2) === name &&
            (k + 6 === end || (k + 7 === end && this.is(k + 6, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ';')));
        if (!shaped || this.moduleLocals.get(name) !== 1)
            return undefined;
        this.requireBindings.add(name);
        return name;
    }
    classDeclaration(name, start, k, end) {
        // Find the body: the first `{` not part of a type in the heritage clause.
        let body = -1;
        for (let j = k + 1; j < end; j++) {
            if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{') && !NOT_BODY_BEFORE.has(this.t(j - 1))) {
                body = j;
                break;
            }
            if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '['))
                j = this.after(j) - 1;
        }
        const close = body >= 0 ? this.match[body] : -1;
        if (body < 0 || close < 0) {
            this.addSymbol(name, start, end, this.references(k, end));
            return;
        }
        const headerRefs = this.references(start, body).filter(ref => ref !== name);
        this.runsOnLoad(start, body, headerRefs); // extends/decorators run on load
        let plain = true;
        // Code outside the repository may call any member of a decorated class, or of one whose base
        // is not a plain name: no member reach for them.
        let open = this.decoratorsEndAt === start;
        const interfaces = [];
        for (let j = start; j < body; j++) {
            if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '@'))
                open = true;
            if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'extends'))
                plain = false;
            if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'implements')) {
                let itemStart = true;
                for (let i = j + 1; i < body; i++) {
                    if (this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '<'))
                        i = this.afterTypeArguments(i, body) - 1;
                    else if (this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','))
                        itemStart = true;
                    else if (itemStart && this.is(i, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)) {
                        interfaces.push(this.t(i));
                        itemStart = false;
                    }
                }
                break;
            }
        }
        const base = this.baseClass(k + 1, body);
        if (base === null)
            open = true;
        const memberNames = [];
        const calledByName = [];
        const fieldParts = [];
        let m = body + 1;
        while (m < close) {
            const memberEnd = this.memberEnd(m, close);
            const member = this.memberName(m, memberEnd);
            if (member) {
                const key = `${name}.${member.name}`;
                if (member.isAccessor)
                    plain = false;
                if (this.is(m, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '@'))
                    open = true;
                memberNames.push(member.name);
                if (member.isMethod) {
                    this.addSymbol(key, m, memberEnd, this.references(m, memberEnd), '', member.name.startsWith('[')
                        ? ''
                        : `${member.isStatic ? 'static ' : ''}${member.accessor ?? 'method'}`);
                }
                else {
                    fieldParts.push(this.hashRange(m, memberEnd));
                    this.addSymbol(key, m, memberEnd, this.references(m, memberEnd));
                }
                if ((member.isMethod || member.isAccessor) &&
                    !member.name.startsWith('[') &&
                    !CALLED_WITHOUT_NAME.has(member.name))
                    calledByName.push(member.name);
                if (member.isStatic && !member.isMethod)
                    this.runsOnLoad(m, memberEnd, this.references(m, memberEnd));
            }
            m = memberEnd > m ? memberEnd : m + 1;
        }
        if (plain && !this.classNames.has(name))
            this.plainClasses.add(name);
        else
            this.plainClasses.delete(name);
        this.classNames.add(name);
        const refs = [...headerRefs, ...memberNames.map(member => `${name}.${member}`)];
        this.addSymbol(name, start, body + 1, refs, memberNames.join(',') + '\u0003' + fieldParts.join('\u0002'));
        const symbol = this.scan_.symbols[name];
        // A class declared twice (overloads, merging): no member reach.
        const twice = symbol.class !== undefined;
        symbol.class = { calledByName: open || twice ? null : [...new Set(calledByName)] };
        if (base)
            symbol.class.base = base;
        if (interfaces.length)
            symbol.class.interfaces = interfaces;
    }
    /**
     * The base class of a class whose header runs from `k` (after `class`) to its body: its name,
     * undefined without `extends`, or null when the base is not a plain name (a call, a member).
     */
    baseClass(k, body) {
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) && this.t(k) !== 'extends' && this.t(k) !== 'implements')
            k++;
        k = this.afterTypeArguments(k, body);
        if (!this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'extends'))
            return undefined;
        if (!this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3))
            return null;
        const after = this.afterTypeArguments(k + 2, body);
        return after === body || this.is(after, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'implements') ? this.t(k + 1) : null;
    }
    /** The index after `<…>` at k (k itself when there is none). */
    afterTypeArguments(k, end) {
        if (!this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '<'))
            return k;
        let depth = 0;
        for (let j = k; j < end; j++) {
            if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '<'))
                depth++;
            else if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '>') && --depth === 0)
                return j + 1;
        }
        return end;
    }
    memberEnd(m, close) {
        let sawParams = false;
        let sawEquals = false;
        for (let k = m; k < close; k++) {
            if (k > m && this.newline[k] && !sawParams && this.startsStatement(k) && this.endsExpression(k - 1))
                return k;
            if (this.kinds[k] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU)
                continue;
            const text = this.texts[k];
            if (text === ';')
                return k + 1;
            if (text === '=')
                sawEquals = true;
            if (text === '(') {
                if (!sawEquals)
                    sawParams = true;
                k = this.after(k) - 1;
            }
            else if (text === '[')
                k = this.after(k) - 1;
            else if (text === '{') {
                const after = this.after(k);
                if (sawParams || this.is(m, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'static')) {
                    if (sawParams || this.is(m + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
                        return after;
                }
                k = after - 1;
            }
        }
        return close;
    }
    memberName(m, end) {
        let k = this.skipDecorators(m);
        let isStatic = false;
        while (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
            MEMBER_MODIFIERS.has(this.t(k)) &&
            k + 1 < end &&
            !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') &&
            !this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=')) {
            if (this.t(k) === 'static')
                isStatic = true;
            k++;
        }
        if (isStatic && this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
            return { name: 'static{}', isMethod: false, isStatic: true, isAccessor: false };
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '*'))
            k++;
        let isAccessor = false;
        let accessor;
        if ((this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'get') || this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3, 'set')) &&
            (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An) || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '['))) {
            isAccessor = true;
            accessor = this.t(k);
            k++;
        }
        let name;
        if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An) || this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .NUMBER */ .uk))
            name = this.t(k);
        else if (this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '['))
            name = `[${this.normalized(k + 1, this.after(k) - 1)}]`;
        else
            return undefined;
        let j = this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '[') ? this.after(k) : k + 1;
        if (this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '?') || this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '!'))
            j++;
        const isMethod = this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(') || this.is(j, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '<');
        return { name, isMethod, isStatic, isAccessor, ...(accessor ? { accessor } : {}) };
    }
    // ── token helpers ────────────────────────────────────────────────────────
    /** The identifiers a token range references (not property names after a dot). */
    seen = new Set();
    /**
     * The distinct identifiers a token range references (not property names after a dot). `inType`:
     * the range is an interface or a type alias, where a method signature's name is a key.
     */
    references(from, to, inType = false) {
        const refs = [];
        const seen = this.seen;
        seen.clear();
        for (let k = from; k < to; k++) {
            if (this.kinds[k] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3)
                continue;
            const text = this.texts[k];
            if (seen.has(text))
                continue;
            if (NOT_REFERENCES.has(text) && !(CONTEXTUAL_WORDS.has(text) && !this.keywordAt(k)))
                continue;
            if (this.texts[k - 1] === '.' &&
                this.kinds[k - 1] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU &&
                !(this.texts[k - 2] === '.' && this.kinds[k - 2] === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU))
                continue;
            if (this.isPropertyKey(k, inType))
                continue;
            // A narrowed namespace is referred to by the member read (`io.call`); its declaration
            // (`const io = require(…)`) loads the module as the import record says.
            const member = this.narrowNamespaces.size && this.narrowNamespaces.has(text)
                ? this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '.')
                    ? `${text}.${this.t(k + 2)}`
                    : ''
                : undefined;
            if (member === '')
                continue;
            if (member) {
                if (!seen.has(member)) {
                    seen.add(member);
                    refs.push(member);
                }
                continue;
            }
            seen.add(text);
            refs.push(text);
        }
        return refs;
    }
    /**
     * Whether the name at k is a key that reads no binding of its name, before a colon (or `?:`):
     * first in braces, after a comma or a semicolon (`{ persist: … }` in an object, a type or a
     * pattern, `(a, b: T)`, a label), or first on a line after a member that ended (a type
     * literal's or an interface's `persist: {` under `setState(): void`). `inType` (an interface or
     * a type alias): so are a method signature's name before `(` (`setState(): void`) and a
     * parameter's name first in parentheses (`(x: Size) => void`). A conditional's branch follows
     * `?` or an operator, a case's value `case`, and a Flow cast's expression `(`: those still read
     * it.
     */
    isPropertyKey(k, inType) {
        if (this.kinds[k + 1] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU)
            return false;
        const after = this.texts[k + 1];
        const signature = inType && (after === '(' || (after === '?' && this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '(')));
        if (!signature && after !== ':' && !(after === '?' && this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ':')))
            return false;
        const kind = this.kinds[k - 1];
        const before = this.texts[k - 1];
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU) {
            if (before === '{' || before === ',' || before === ';')
                return true;
            // A parameter's name in a type's signature, `(x: Size) => void`; elsewhere a Flow cast.
            if (before === '(' && inType && !signature)
                return true;
            return this.newline[k] === true && (before === ')' || before === ']' || before === '}');
        }
        if (!this.newline[k])
            return false;
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .NUMBER */ .uk)
            return true;
        return kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 && (!NOT_REFERENCES.has(before) || TYPE_WORDS.has(before));
    }
    /**
     * Whether a contextual word (CONTEXTUAL_WORDS) is used as a keyword: followed by a name, a
     * string, `{`, `[` or `*` (`get size()`, `x as T`, `from './a'`, `type {`, `of [1]`, `async *g()`).
     * Followed by anything else (`(`, `.`, `,`, `)`, `<`…) it names a value; taking a keyword for a
     * name only adds an edge that goes nowhere or a little too far, never one too few.
     */
    keywordAt(k) {
        const kind = this.kinds[k + 1];
        if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An)
            return true;
        const next = this.texts[k + 1];
        return kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU && (next === '{' || next === '[' || next === '*');
    }
    /**
     * Hash of the token range as `normalized` would render it, without building the string: no
     * comments, whitespace, semicolons or trailing commas; `(x) =>` equals `x =>`; quote style ignored.
     */
    hashRange(from, to) {
        if (!this.hashes)
            return '';
        let h1 = 0xdeadbeef;
        let h2 = 0x41c6ce57;
        const texts = this.texts;
        const kinds = this.kinds;
        const pragmas = this.tokens.linePragmas;
        for (let k = from; k < to; k++) {
            const kind = kinds[k];
            let text = texts[k];
            const pragma = pragmas?.get(k);
            if (pragma) {
                text = `${pragma}\u0003${text}`;
                this.pragmasHashed.add(k);
            }
            let tag = kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .NUMBER */ .uk || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .REGEX */ .QL || kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .JSX */ .IO ? _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 : kind;
            if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU) {
                if (this.insignificant(k, text, to))
                    continue;
                if (text === '(' &&
                    this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
                    this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')') &&
                    this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>')) {
                    text = texts[k + 1];
                    tag = _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3;
                    k += 2;
                }
            }
            h1 = Math.imul(h1 ^ tag, 2654435761);
            h2 = Math.imul(h2 ^ tag, 1597334677);
            for (let i = 0; i < text.length; i++) {
                const ch = text.charCodeAt(i);
                h1 = Math.imul(h1 ^ ch, 2654435761);
                h2 = Math.imul(h2 ^ ch, 1597334677);
            }
        }
        h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
        h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
        return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
    }
    /**
     * A `;` or a trailing `,` that a formatter may add or drop without changing the program. Kept: a
     * `;` before a token that would otherwise continue the statement (`(`, `[`, a template, `+`,
     * `-`, a regular expression: no automatic semicolon there) in the same range, and the `,` of a
     * trailing array hole.
     */
    insignificant(k, text, to) {
        if (text === ';') {
            if (k + 1 >= to)
                return true;
            const next = this.kinds[k + 1];
            if (next === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE || next === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .REGEX */ .QL)
                return false;
            return !(next === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU && /^(?:\(|\[|\+|-)$/.test(this.texts[k + 1]));
        }
        if (text !== ',')
            return false;
        if (!(this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')') || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ']') || this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '}')))
            return false;
        return !(this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '[') || this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ','));
    }
    /** The token range as one string: no comments, whitespace, semicolons or trailing commas. */
    normalized(from, to) {
        const parts = [];
        for (let k = from; k < to; k++) {
            const kind = this.kinds[k];
            const text = this.texts[k];
            if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU) {
                if (this.insignificant(k, text, to))
                    continue;
                // `(x) =>` and `x =>` are the same
                if (text === '(' &&
                    this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) &&
                    this.is(k + 2, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')') &&
                    this.is(k + 3, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '=>')) {
                    parts.push(this.texts[k + 1]);
                    k += 2;
                    continue;
                }
                parts.push(text);
            }
            else if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .STRING */ .An)
                parts.push('"' + text);
            else if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE)
                parts.push('`' + text);
            else
                parts.push(text);
        }
        return parts.join('\u0001');
    }
    /**
     * Whether an initializer runs code while the module loads (a call, `new`, a tagged template,
     * `await`) outside function bodies. Function and class expressions only run when called.
     */
    executesOnLoad(from, to) {
        for (let k = from; k < to; k++) {
            const kind = this.kinds[k];
            const text = this.texts[k];
            if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) {
                if (text === 'new' || text === 'await')
                    return true;
                if (text === 'function') {
                    while (k < to && !this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
                        k++;
                    k = this.after(k) - 1;
                }
                else if (text === 'class') {
                    while (k < to && !this.is(k, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
                        k++;
                    // class bodies run static members on load: be safe
                    return true;
                }
                continue;
            }
            if (kind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE && k > from && (this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3) || this.is(k - 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, ')')))
                return true;
            if (kind !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU)
                continue;
            if (text === '=>') {
                if (this.is(k + 1, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{'))
                    k = this.after(k + 1) - 1;
                else
                    k = this.skipExpressionBody(k + 1, to) - 1;
            }
            else if (text === '(') {
                const close = this.after(k);
                const next = this.t(close);
                const prevKind = this.kinds[k - 1];
                const prev = this.t(k - 1);
                if (next === '=>' || (next === ':' && !this.is(close, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '?'))) {
                    k = close - 1; // arrow parameters
                }
                else if (next === '{' && this.is(close, _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU, '{')) {
                    k = this.after(close) - 1; // method shorthand
                }
                else if ((prevKind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENT */ .L3 &&
                    prev !== 'async' &&
                    (!NOT_REFERENCES.has(prev) || (CONTEXTUAL_WORDS.has(prev) && !this.keywordAt(k - 1)))) ||
                    prev === ')' ||
                    prev === ']' ||
                    prev === '>' ||
                    prevKind === _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .TEMPLATE */ .nE) {
                    return true;
                }
            }
        }
        return false;
    }
    skipExpressionBody(k, to) {
        for (; k < to; k++) {
            const text = this.texts[k];
            if (this.kinds[k] !== _js_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .PUNCT */ .rU)
                continue;
            if (text === '(' || text === '[' || text === '{')
                k = this.after(k) - 1;
            else if (text === ',' || text === ')' || text === ']' || text === '}' || text === ';')
                return k;
        }
        return to;
    }
}
/**
 * The segments of a path from a file's folder, joined (`..` and `.` worked out) into a relative
 * path that starts with `./` or `..`; undefined for the folder itself, or a path not PATH_LIKE or long.
 */
function relativePath(segments) {
    const out = [];
    let up = 0;
    for (const segment of segments.join('/').split('/')) {
        if (segment === '' || segment === '.')
            continue;
        if (segment !== '..')
            out.push(segment);
        else if (out.length)
            out.pop();
        else
            up++;
    }
    if (out.length === 0)
        return up ? Array(up).fill('..').join('/') : undefined;
    const path = (up ? '../'.repeat(up) : './') + out.join('/');
    return path.length <= 200 && _model_js__WEBPACK_IMPORTED_MODULE_2__/* .PATH_LIKE */ .G8.test(path) ? path : undefined;
}


/***/ }),

/***/ 71709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ emptyScan),
/* harmony export */   G8: () => (/* binding */ PATH_LIKE),
/* harmony export */   Jz: () => (/* binding */ afterLastHole),
/* harmony export */   Pp: () => (/* binding */ isJsLike),
/* harmony export */   Sc: () => (/* binding */ JS_EXTENSION),
/* harmony export */   ZV: () => (/* binding */ own),
/* harmony export */   _V: () => (/* binding */ keptAsPath),
/* harmony export */   _i: () => (/* binding */ PATH_TEXT),
/* harmony export */   fG: () => (/* binding */ FOR_IN_WORD),
/* harmony export */   qj: () => (/* binding */ hashText),
/* harmony export */   se: () => (/* binding */ MODULE_SYMBOL)
/* harmony export */ });
/**
 * What the scanners extract from one source file. It is plain JSON so that it can be cached,
 * keyed by the file's git blob SHA.
 */
/** The name of the pseudo-symbol made of a module's top-level statements (what runs on load). */
const MODULE_SYMBOL = '<module>';
/**
 * The word (see SymbolInfo.words) of a `for (key in object)` loop, which lists an object's
 * enumerable names and those of its prototypes: no property or string has it.
 */
const FOR_IN_WORD = '\u0000for…in';
/** A JavaScript or TypeScript file's extension, at the end of its path (`.ts`, `.mjs`, `.d.ts`…). */
const JS_EXTENSION = /\.[cm]?[jt]sx?$/;
/** Whether `path` names a JavaScript or TypeScript file (declaration files too). */
const isJsLike = (path) => JS_EXTENSION.test(path);
/** A string that may be a path: kept from a scan (`ModuleScan.strings`) to find what it names. */
const PATH_LIKE = /^(?:\.{0,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\/?$/;
/** The text of a part of a path built at run time that a scan reads: no spaces, quotes or the like. */
const PATH_TEXT = /^[\w@.\-/]*$/;
/** Whether a scan keeps a string literal in `strings`: it is PATH_LIKE and has a `.`, `/`, `_` or `-`. */
const keptAsPath = (value) => value.length >= 2 && value.length <= 200 && PATH_LIKE.test(value) && /[./_-]/.test(value);
/**
 * A template literal's text after its last hole (`${dir}/bin/cli.js` → `/bin/cli.js`), as a scan
 * keeps it.
 */
const afterLastHole = (template) => template.includes('${') ? template.slice(template.lastIndexOf('}') + 1) : template;
/** A record's own entry (never one of Object.prototype's: `toString`, `constructor`…). */
function own(record, name) {
    return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}
function emptyScan(lang) {
    // Records keyed by names from the code: dictionary objects from the start (a null prototype),
    // not a hidden class per name seen.
    const symbols = Object.create(null);
    const exports = Object.create(null);
    return { lang, imports: [], symbols, exports, exportAll: [], esm: false, strings: [] };
}
/** A fast, non-cryptographic 53-bit string hash (cyrb53), rendered in base 36. */
function hashText(text, seed = 0) {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}


/***/ }),

/***/ 82045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ vitestConfigArgument),
/* harmony export */   EW: () => (/* binding */ tsJestVersion),
/* harmony export */   G: () => (/* binding */ vitestTypecheckArguments),
/* harmony export */   HU: () => (/* binding */ loadPackage),
/* harmony export */   Hh: () => (/* binding */ namedConfigs),
/* harmony export */   IJ: () => (/* binding */ pathStrings),
/* harmony export */   JN: () => (/* binding */ conftestsFor),
/* harmony export */   Jp: () => (/* binding */ jestRunConfigs),
/* harmony export */   Nh: () => (/* binding */ isJestConfigFile),
/* harmony export */   Qd: () => (/* binding */ exportsEntry),
/* harmony export */   Ts: () => (/* binding */ PY_TEST),
/* harmony export */   W0: () => (/* binding */ tsconfigChains),
/* harmony export */   WP: () => (/* binding */ objectEntries),
/* harmony export */   X_: () => (/* binding */ MOCHA_COMMAND),
/* harmony export */   bB: () => (/* binding */ runnerArguments),
/* harmony export */   bq: () => (/* binding */ makeTestMatcher),
/* harmony export */   iL: () => (/* binding */ PYTEST_CONFIGS),
/* harmony export */   j_: () => (/* binding */ isVitestProjectFile),
/* harmony export */   k$: () => (/* binding */ loadTestSettings),
/* harmony export */   kU: () => (/* binding */ workspacePackageDirs),
/* harmony export */   lQ: () => (/* binding */ fnmatchPath),
/* harmony export */   mt: () => (/* binding */ loadTsConfig),
/* harmony export */   nM: () => (/* binding */ tsJestIsolatedByTsconfig),
/* harmony export */   ng: () => (/* binding */ loadPytestSettings),
/* harmony export */   pD: () => (/* binding */ dirname),
/* harmony export */   tN: () => (/* binding */ typeCheckedTests),
/* harmony export */   uE: () => (/* binding */ closingBracket),
/* harmony export */   uJ: () => (/* binding */ joinPath),
/* harmony export */   xG: () => (/* binding */ workspaceGlobs),
/* harmony export */   zs: () => (/* binding */ safeRegex)
/* harmony export */ });
/* unused harmony exports typeCheckedByJest, parseJsonc, literalObjectFromJs, jestConfigFromJs, loadJestSettings, tsconfigExtendsTarget, VITEST_COMMAND, testMatchMatcher, pytestCollects */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _runners_detect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38408);
/* harmony import */ var _runners_script_words_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73816);
/* harmony import */ var _fallback_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11380);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71709);





const TSCONFIG_NAME = /(?:^|\/)[tj]sconfig(?:\.[\w-]+)?\.json$/;
/** The options of a jest config that list paths or patterns, which its projects add to. */
const PROJECT_LISTS = [
    'roots',
    'testMatch',
    'testRegex',
    'setupFiles',
    'setupFilesAfterEnv',
    'modulePaths',
    'moduleDirectories'
];
/**
 * A jest config with its inline `projects` (objects, not paths: those are configs of their own)
 * folded in, as what any of them takes: their tests, setup files and module mappings added to the
 * config's own; `<rootDir>` in a project's options is its own rootDir. A project's
 * testPathIgnorePatterns do not hide another's tests, so they are left out.
 */
function withInlineProjects(config, rootDir, configDir) {
    const projects = Array.isArray(config.projects)
        ? config.projects.filter((project) => !!project &&
            typeof project === 'object' &&
            !Array.isArray(project) &&
            !(IMPORTED_PROJECT in project))
        : [];
    if (projects.length === 0)
        return config;
    const merged = { ...config };
    const mapper = {
        ...(config.moduleNameMapper ?? {})
    };
    for (const project of projects) {
        const own = typeof project.rootDir === 'string'
            ? joinPath(configDir, project.rootDir.replace(/<rootDir>/g, rootDir))
            : rootDir;
        const expand = (value) => value.replace(/<rootDir>/g, own);
        for (const key of PROJECT_LISTS) {
            const values = asStrings(project[key]).map(expand);
            // A project's roots default to its rootDir.
            const added = key === 'roots' && values.length === 0 && own !== rootDir ? [own] : values;
            if (added.length)
                merged[key] = [...asStrings(merged[key]), ...added];
        }
        if (project.moduleNameMapper && typeof project.moduleNameMapper === 'object')
            for (const [pattern, target] of Object.entries(project.moduleNameMapper))
                mapper[pattern] ??= Array.isArray(target)
                    ? target.map(t => (typeof t === 'string' ? expand(t) : t))
                    : typeof target === 'string'
                        ? expand(target)
                        : target;
    }
    // A project without its own testMatch or testRegex takes jest's default names.
    if (projects.some(project => project.testMatch === undefined && project.testRegex === undefined) &&
        (merged.testMatch !== undefined || merged.testRegex !== undefined))
        merged.testMatch = [
            ...asStrings(merged.testMatch),
            '**/__tests__/**/*.[jt]s?(x)',
            '**/?(*.)+(spec|test).[jt]s?(x)'
        ];
    if (Object.keys(mapper).length)
        merged.moduleNameMapper = mapper;
    if (asStrings(merged.roots).length &&
        !config.roots &&
        projects.some(project => project.roots === undefined && project.rootDir === undefined))
        merged.roots = [...asStrings(merged.roots), rootDir];
    delete merged.testPathIgnorePatterns;
    if (config.testPathIgnorePatterns !== undefined)
        merged.testPathIgnorePatterns = config.testPathIgnorePatterns;
    return merged;
}
/**
 * Does this jest config (its text) transform TypeScript with ts-jest's type checking on? So does
 * jest-preset-angular's transformer, which is ts-jest's with Angular's transforms added. Compiler
 * options given inline as its tsconfig are left to tsJestIsolatedByTsconfig: whether they turn the
 * checking off depends on the version.
 */
function typeCheckedByJest(configText) {
    if (!/ts-jest|jest-preset-angular/.test(configText))
        return false;
    return !/isolatedModules['"]?\s*:\s*true|diagnostics['"]?\s*:\s*false|transpileOnly['"]?\s*:\s*true/.test(withoutInlineTsconfigs(configText));
}
/**
 * Does an inline tsconfig in this jest config (ts-jest's `tsconfig: { … }`, compiler options laid
 * over its tsconfig file's) set `isolatedModules: true`? Only ts-jest 29.3 and later compile each
 * module alone for it (see tsJestIsolatedByTsconfig); earlier ones still check types.
 */
function inlineTsconfigIsolates(configText) {
    return inlineTsconfigs(configText).some(object => /isolatedModules['"]?\s*:\s*true/.test(object));
}
/** The config's text with its inline tsconfig objects left out. */
function withoutInlineTsconfigs(configText) {
    let text = configText;
    for (const object of inlineTsconfigs(configText))
        text = text.replace(object, '{}');
    return text;
}
/** The texts of the objects given as ts-jest's `tsconfig` (`tsconfig: { isolatedModules: true }`). */
function inlineTsconfigs(configText) {
    const objects = [];
    for (const match of configText.matchAll(/\btsconfig['"]?\s*:\s*\{/g)) {
        const start = match.index + match[0].length - 1;
        const end = closingBrace(configText, start);
        objects.push(configText.slice(start, end === undefined ? configText.length : end + 1));
    }
    return objects;
}
/** Where the brace that `open` opens closes, past strings and comments; undefined when it does not. */
function closingBrace(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        const skipped = stringOrCommentEnd(text, i);
        if (skipped !== undefined)
            i = skipped;
        else if (text[i] === '{')
            depth++;
        else if (text[i] === '}' && --depth === 0)
            return i;
    }
    return undefined;
}
/**
 * A config's text with its comments blanked out (JSON with comments, a jest config): a
 * commented-out option sets nothing.
 */
function withoutComments(text) {
    let code = '';
    let from = 0;
    for (let i = 0; i < text.length; i++) {
        const end = stringOrCommentEnd(text, i);
        if (end === undefined)
            continue;
        if (text[i] === '/')
            code += text.slice(from, i) + (text[i + 1] === '/' ? '' : ' ');
        else
            code += text.slice(from, end + 1);
        from = end + 1;
        i = end;
    }
    return code + text.slice(from);
}
/**
 * Where the string, template or comment that starts at `i` ends (its last character; a line
 * comment's is the one before its line break); undefined when none starts there.
 */
function stringOrCommentEnd(text, i) {
    const char = text[i];
    if (char === '"' || char === "'" || char === '`') {
        let j = i + 1;
        for (; j < text.length && text[j] !== char; j++)
            if (text[j] === '\\')
                j++;
        return Math.min(j, text.length - 1);
    }
    if (char !== '/')
        return undefined;
    if (text[i + 1] === '/') {
        const lineEnd = text.indexOf('\n', i);
        return (lineEnd === -1 ? text.length : lineEnd) - 1;
    }
    if (text[i + 1] === '*') {
        const commentEnd = text.indexOf('*/', i + 2);
        return commentEnd === -1 ? text.length - 1 : commentEnd + 1;
    }
    return undefined;
}
/**
 * Whether ts-jest, as the jest config `settings` runs it, compiles each module alone and checks
 * no types because the tsconfig it compiles with sets `isolatedModules`: ts-jest takes that
 * setting from the tsconfig, or from the compiler options given inline as its `tsconfig`, from
 * 29.3 on (before, only from its own option, which typeCheckedByJest reads). `version`: the
 * ts-jest that runs (see tsJestVersion); `chains`: the repository's tsconfigs (see
 * tsconfigChains). Anything not known counts as checking types: a version outside 29.3-29.x, a
 * config that sets `isolatedModules: false` or runs another transformer (see
 * isolationFromTsconfig), a tsconfig that is not read, that sets it false, or whose bases cannot
 * all be read when it does not set it itself.
 */
function tsJestIsolatedByTsconfig(settings, files, chains, version) {
    const [major, minor] = (version ?? '').split('.').map(Number);
    if (!settings.isolationFromTsconfig || major !== 29 || minor === undefined || !(minor >= 3))
        return false;
    if (settings.inlineIsolation)
        return true;
    const tsconfig = settings.tsconfig ?? nearestTsconfig(settings.rootDir, files);
    const chain = tsconfig === undefined ? undefined : chains.get(tsconfig);
    if (!chain)
        return false;
    const set = chain.texts.map(text => {
        const options = parseTsconfigOptions(text);
        return typeof options?.isolatedModules === 'boolean' ? options.isolatedModules : undefined;
    });
    if (set[0] !== undefined)
        return set[0];
    return chain.missing.length === 0 && !set.includes(false) && set.includes(true);
}
/** A tsconfig's `compilerOptions` (undefined when it is not JSON with comments). */
function parseTsconfigOptions(text) {
    const options = readJson(() => text, 'tsconfig.json')?.compilerOptions;
    return options && typeof options === 'object' ? options : undefined;
}
/** The tsconfig.json ts-jest finds from `rootDir` when it is given none: there or in a parent folder. */
function nearestTsconfig(rootDir, files) {
    for (let dir = rootDir;; dir = dirname(dir)) {
        const path = joinPath(dir, 'tsconfig.json');
        if (files.has(path))
            return path;
        if (dir === '' || dir === '..' || dir.startsWith('../'))
            return undefined;
    }
}
/**
 * The version of the ts-jest a jest config whose rootDir is `dir` loads: as installed
 * (`node_modules/ts-jest/package.json` there or in a parent folder, from `installed`), else as
 * the nearest lockfile in the work tree pins it (the least, when it pins several), else the
 * least version that the nearest package.json that asks for it allows (`^29.4.1`, `~29.3.0`,
 * `29.4.15`; none for a range with no upper bound in its major, such as `>=29.3.0` or `*`).
 */
function tsJestVersion(dir, read, installed) {
    const folders = [];
    for (let at = dir;; at = dirname(at)) {
        folders.push(at);
        if (at === '' || at === '..' || at.startsWith('../'))
            break;
    }
    for (const folder of folders) {
        const text = installed?.read(joinPath(folder, 'node_modules/ts-jest/package.json'));
        const version = text === undefined ? undefined : readJson(() => text, 'package.json')?.version;
        if (typeof version === 'string')
            return version;
    }
    for (const folder of folders) {
        const locked = installed && lockedTsJest(installed, folder);
        if (locked !== undefined)
            return locked;
    }
    for (const folder of folders) {
        const json = readJson(read, joinPath(folder, 'package.json'));
        const range = [json?.devDependencies, json?.dependencies]
            .map(deps => deps && typeof deps === 'object' ? deps['ts-jest'] : undefined)
            .find(value => typeof value === 'string');
        if (typeof range === 'string')
            return /^[\^~]?(\d+\.\d+\.\d+)$/.exec(range.trim())?.[1];
    }
    return undefined;
}
/** Where an npm lockfile pins ts-jest: `"node_modules/ts-jest": { "version": … }` (v1: `"ts-jest": {`). */
const NPM_LOCKED = /"(?:[^"\n]*node_modules\/)?ts-jest":\s*\{\s*"version":\s*"(\d+\.\d+\.\d+)/g;
/** Where each lockfile pins a version of ts-jest (npm's v1-v3, yarn's classic and berry, pnpm's). */
const LOCKED_TS_JEST = [
    ['package-lock.json', NPM_LOCKED],
    ['npm-shrinkwrap.json', NPM_LOCKED],
    ['yarn.lock', /^"?ts-jest@[^\n]*:\r?\n[ \t]+version:? "?(\d+\.\d+\.\d+)/gm],
    ['pnpm-lock.yaml', /^[ \t]+['"]?\/?ts-jest[@/](\d+\.\d+\.\d+)/gm]
];
const lockedInFolder = new WeakMap();
/**
 * The least version of ts-jest the first lockfile in `folder` that pins one pins, read once for
 * each folder of the work tree: every jest config of a workspace asks for the one at its top.
 */
function lockedTsJest(installed, folder) {
    let known = lockedInFolder.get(installed);
    if (!known)
        lockedInFolder.set(installed, (known = new Map()));
    if (known.has(folder))
        return known.get(folder);
    let least;
    for (const [name, pinned] of LOCKED_TS_JEST) {
        const text = installed.read(joinPath(folder, name));
        const versions = text === undefined ? [] : [...text.matchAll(pinned)].map(match => match[1]);
        if (versions.length) {
            least = versions.sort(compareVersions)[0];
            break;
        }
    }
    known.set(folder, least);
    return least;
}
/** Orders `major.minor.patch` versions from the least. */
function compareVersions(a, b) {
    const [x, y] = [a, b].map(version => version.split('.').map(Number));
    for (let i = 0; i < 3; i++)
        if (x[i] !== y[i])
            return x[i] - y[i];
    return 0;
}
function dirname(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
const NEEDS_NORMALIZING = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|^\/|\/$/;
/** The conftest.py files pytest loads for a Python file: in its folder and each parent, not itself. */
function conftestsFor(path, files) {
    const found = [];
    for (let dir = dirname(path);; dir = dirname(dir)) {
        const conftest = joinPath(dir, 'conftest.py');
        if (conftest !== path && files.has(conftest))
            found.push(conftest);
        if (dir === '')
            return found;
    }
}
function joinPath(...parts) {
    const joined = parts.length === 1 ? parts[0] : parts.filter(p => p !== '').join('/');
    if (!NEEDS_NORMALIZING.test(joined))
        return joined;
    const out = [];
    for (const part of parts.join('/').split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (out.length === 0 || out[out.length - 1] === '..')
                out.push('..');
            else
                out.pop();
        }
        else
            out.push(part);
    }
    return out.join('/');
}
/** JSON with comments and trailing commas (tsconfig, jsconfig). */
function parseJsonc(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return parseCommentedJson(text);
    }
}
function parseCommentedJson(text) {
    return JSON.parse(withoutComments(text).replace(/,(\s*[}\]])/g, '$1'));
}
function readJson(read, path) {
    const text = read(path);
    if (text === undefined)
        return undefined;
    try {
        const value = parseJsonc(text);
        return value && typeof value === 'object' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * A tsconfig with what it extends. `loaded` keeps each config read, for the next caller: the
 * configs of a workspace's packages often extend one base with a `paths` entry for each package.
 * `${configDir}` in a path (TypeScript 5.5) is the folder of the config at `path`, whichever
 * config it was written in.
 */
function loadTsConfig(read, path, files, loaded = new Map(), packageDir) {
    const config = loadTemplatedTsConfig(read, path, files, loaded, packageDir, new Set());
    if (!config || !config.templated)
        return config;
    const dir = dirname(path);
    const place = (p) => p.startsWith(CONFIG_DIR) ? joinPath(dir, p.slice(CONFIG_DIR.length)) : p;
    return {
        dir: config.dir,
        ...(config.baseUrl !== undefined && { baseUrl: place(config.baseUrl) }),
        paths: config.paths.map(({ pattern, targets }) => ({ pattern, targets: targets.map(place) }))
    };
}
/** TypeScript's template for the folder of the config a program is built from. */
const CONFIG_DIR = '${configDir}';
function loadTemplatedTsConfig(read, path, files, loaded, packageDir, seen) {
    if (loaded.has(path))
        return loaded.get(path);
    const config = readTsConfig(read, path, files, loaded, packageDir, seen);
    loaded.set(path, config);
    return config;
}
/** What a tsconfig `extends`: one config or a list (TypeScript 5). */
function extendsOf(json) {
    const value = json?.extends;
    return Array.isArray(value) ? value : value ? [value] : [];
}
function readTsConfig(read, path, files, loaded, packageDir, seen) {
    // A config that extends itself, through others or not, is an error to tsc: the loop is cut.
    if (seen.has(path))
        return undefined;
    seen.add(path);
    const json = readJson(read, path);
    if (!json)
        return undefined;
    const dir = dirname(path);
    let base;
    for (const ext of extendsOf(json)) {
        if (typeof ext !== 'string')
            continue;
        const target = tsconfigExtendsTarget(ext, dir, files, packageDir, read);
        if (target)
            base = loadTemplatedTsConfig(read, target, files, loaded, packageDir, seen) ?? base;
    }
    const options = (json.compilerOptions ?? {});
    const config = {
        dir: base?.dir ?? dir,
        baseUrl: base?.baseUrl,
        paths: base?.paths ?? [],
        ...(base?.templated && { templated: true })
    };
    // A path that starts with `${configDir}` stays so until the config it is used for is known.
    const from = (folder, path) => {
        if (!path.startsWith(CONFIG_DIR))
            return joinPath(folder, path);
        config.templated = true;
        return path;
    };
    if (typeof options.baseUrl === 'string')
        config.baseUrl = from(dir, options.baseUrl);
    if (options.paths && typeof options.paths === 'object') {
        const pathsBase = config.baseUrl ?? dir;
        config.paths = Object.entries(options.paths).map(([pattern, targets]) => ({
            pattern,
            targets: (Array.isArray(targets) ? targets : [])
                .filter(t => typeof t === 'string')
                .map(t => from(pathsBase, t))
        }));
    }
    return config;
}
function loadPackage(read, path) {
    const json = readJson(read, path);
    if (!json)
        return undefined;
    const str = (v) => (typeof v === 'string' ? v : undefined);
    return {
        dir: dirname(path),
        name: str(json.name),
        exports: json.exports,
        imports: json.imports,
        main: str(json.main),
        module: str(json.module),
        source: str(json.source),
        types: str(json.types) ?? str(json.typings)
    };
}
/** Workspace package folders from package.json `workspaces` and pnpm-workspace.yaml. */
function workspaceGlobs(read) {
    const globs = [];
    const root = readJson(read, 'package.json');
    const ws = root?.workspaces;
    if (Array.isArray(ws))
        globs.push(...ws.filter((w) => typeof w === 'string'));
    else if (ws && typeof ws === 'object' && Array.isArray(ws.packages))
        globs.push(...ws.packages.filter(w => typeof w === 'string'));
    const pnpm = read('pnpm-workspace.yaml');
    if (pnpm) {
        for (const m of pnpm.matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)) {
            const glob = m[1].trim();
            if (!glob.startsWith('!'))
                globs.push(glob);
        }
    }
    return globs;
}
// ── jest ───────────────────────────────────────────────────────────────────
const JEST_CONFIG_FILES = [
    'jest.config.js',
    'jest.config.cjs',
    'jest.config.mjs',
    'jest.config.ts',
    'jest.config.json'
];
/**
 * Reads a literal object out of a JS config file without running it: `export default {…}`,
 * `module.exports = {…}` or `const config = {…}`. Returns undefined when the object is not literal.
 */
function literalObjectFromJs(text) {
    const start = /(?:export\s+default|module\.exports\s*=|(?:const|let|var)\s+\w+(?:\s*:\s*[\w.<>]+)?\s*=)\s*(?:\/\*\*?[\s\S]*?\*\/\s*)?\{/.exec(text);
    if (!start)
        return undefined;
    const open = start.index + start[0].length - 1;
    let depth = 0;
    let end = -1;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === '"' || c === "'" || c === '`') {
            let j = i + 1;
            while (j < text.length && text[j] !== c)
                j += text[j] === '\\' ? 2 : 1;
            i = j;
        }
        else if (c === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n')
                i++;
        }
        else if (c === '/' && text[i + 1] === '*') {
            i = text.indexOf('*/', i + 2) + 1;
            if (i <= 0)
                return undefined;
        }
        else if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0) {
            end = i;
            break;
        }
    }
    if (end < 0)
        return undefined;
    return jsObjectLiteralToValue(text.slice(open, end + 1));
}
/**
 * The strings of a path written in a JS config, in order, to join to the config's folder: a
 * string, or a call that joins strings (`path.resolve(__dirname, 'src')`,
 * `fileURLToPath(new URL('./src', import.meta.url))`, `` `${__dirname}/src` ``). Strings with any
 * other hole are left out.
 */
function pathStrings(value) {
    return [...value.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)]
        .map(match => match[2].replace(/^\$\{__dirname\}\/?/, ''))
        .filter(text => !text.includes('${'))
        .map(text => text.replace(/\\(.)/g, '$1'));
}
/** Index of the bracket that closes the one opening at `open`, skipping strings and comments; -1 if none. */
function closingBracket(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === '"' || c === "'" || c === '`') {
            let j = i + 1;
            while (j < text.length && text[j] !== c)
                j += text[j] === '\\' ? 2 : 1;
            i = j;
        }
        else if (c === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n')
                i++;
        }
        else if (c === '/' && text[i + 1] === '*') {
            i = text.indexOf('*/', i + 2) + 1;
            if (i <= 0)
                return -1;
        }
        else if (c === '{' || c === '[' || c === '(')
            depth++;
        else if ((c === '}' || c === ']' || c === ')') && --depth === 0)
            return i;
    }
    return -1;
}
/** The top-level entries of an object literal's source (`{…}`), split at commas outside brackets. */
function objectEntries(source) {
    const entries = [];
    let start = 1;
    for (let i = 1; i < source.length - 1; i++) {
        const c = source[i];
        if ('"\'`{[('.includes(c) || (c === '/' && (source[i + 1] === '/' || source[i + 1] === '*'))) {
            if ('{[('.includes(c)) {
                const close = closingBracket(source, i);
                if (close < 0)
                    return entries;
                i = close;
            }
            else if (c === '/') {
                i = source[i + 1] === '/' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2) + 1;
                if (i < 0)
                    break;
            }
            else {
                let j = i + 1;
                while (j < source.length && source[j] !== c)
                    j += source[j] === '\\' ? 2 : 1;
                i = j;
            }
        }
        else if (c === ',') {
            entries.push(source.slice(start, i));
            start = i + 1;
        }
    }
    entries.push(source.slice(start, source.length - 1));
    return entries
        .map(entry => entry.replace(/^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '').trim())
        .filter(entry => entry !== '');
}
/** Keys that decide which files are tests: a spread after them may replace them. */
const TEST_FILE_KEYS = ['rootDir', 'roots', 'testMatch', 'testRegex', 'testPathIgnorePatterns'];
/**
 * Reads a jest config file without running it, keeping what is literal: the exported object
 * (`module.exports = {…}`, `export default {…}`, or a `const` either of them names), its literal
 * properties, and spreads of other literal `const` objects of the file. Computed properties and
 * spreads of anything else are skipped and named in `skipped`; a test-file key defined before such
 * a spread is dropped, as the spread may replace it.
 */
function jestConfigFromJs(text) {
    const objects = new Map();
    for (const m of text.matchAll(/(?:^|[\n;])\s*(?:export\s+)?(?:const|let|var)\s+([\w$]+)(?:\s*:\s*[\w.<>]+)?\s*=\s*\{/g)) {
        const open = (m.index ?? 0) + m[0].length - 1;
        const close = closingBracket(text, open);
        if (close > open)
            objects.set(m[1], text.slice(open, close + 1));
    }
    const skipped = [];
    const partial = [];
    const objectAt = (open) => {
        const close = closingBracket(text, open);
        return close > open ? text.slice(open, close + 1) : undefined;
    };
    // The object (or the name of one) after `at`: `{…}`, `({…})` or `name`.
    const objectAfter = (at) => {
        const next = /^\s*(?:\/\*\*?[\s\S]*?\*\/\s*)?(?:\(\s*)?(?:(\{)|([\w$]+)\s*[;)}\n])/.exec(text.slice(at));
        if (!next)
            return undefined;
        return next[1] ? objectAt(at + next[0].length - 1) : objects.get(next[2]);
    };
    const exportAt = /(?:export\s+default|module\.exports\s*=)\s*/.exec(text);
    if (!exportAt)
        return undefined;
    const after = exportAt.index + exportAt[0].length;
    const rest = text.slice(after);
    let exported = objectAfter(after);
    // A config made by a function jest calls (`async () => { … return {…} }`, `() => ({…})`).
    const fn = /^(?:async\s+)?(?:function\s*[\w$]*\s*\(\s*\)\s*\{|\(\s*\)\s*=>\s*\{?)/.exec(rest);
    if (exported === undefined && fn) {
        const body = after + fn[0].length;
        // A block body: the object it returns. An expression body (`() => ({…})`): the object itself.
        const returned = fn[0].endsWith('{') ? /\breturn\b/.exec(text.slice(body)) : undefined;
        if (returned !== null)
            exported = objectAfter(body + (returned ? returned.index + 6 : 0));
    }
    // A config handed to a function that completes it (next/jest's `createJestConfig(config)`):
    // what it is given, which the function may add to.
    const wrapper = /^(?:await\s+)?([\w$.]+)\s*\(/.exec(rest);
    if (exported === undefined && wrapper) {
        exported = objectAfter(after + wrapper[0].length);
        if (exported !== undefined)
            partial.push(`the config given to ${wrapper[1]}(), which may add to it`);
    }
    if (exported === undefined)
        return undefined;
    const imported = importedPaths(text);
    const read = (source, depth) => {
        const config = {};
        for (const entry of objectEntries(source)) {
            const spread = /^\.\.\.\s*([\w$]+)$/.exec(entry);
            const inner = spread ? objects.get(spread[1]) : undefined;
            if (spread && inner !== undefined && depth < 5) {
                Object.assign(config, read(inner, depth + 1));
            }
            else if (entry.startsWith('...')) {
                skipped.push(entry);
                for (const key of TEST_FILE_KEYS)
                    delete config[key];
            }
            else {
                const value = jsObjectLiteralToValue(`{${entry}}`);
                const list = value ? undefined : listInPart(entry);
                const projects = value || list ? undefined : projectList(entry, objects, imported);
                if (value)
                    Object.assign(config, value);
                else if (projects)
                    config.projects = projects;
                else if (list) {
                    config[list.key] = list.values;
                    partial.push(list.how);
                }
                else
                    skipped.push(entry.split(/[:(]/)[0]?.trim() ?? entry);
            }
        }
        return config;
    };
    return { config: read(exported, 0), skipped, partial };
}
/**
 * A jest project that a config imports (`import unit from './jest.config.unit'`, `require(…)`):
 * `{ [IMPORTED_PROJECT]: specifier }` in its `projects`, the specifier relative to the config file.
 */
const IMPORTED_PROJECT = '\u0000imported';
/** What an imported project's specifier may leave out, as node and TypeScript find the file. */
const PROJECT_EXTENSIONS = ['', '.js', '.ts', '.cjs', '.mjs', '.cts', '.mts', '.json'];
/** The local names a module binds to relative imports (`import x from './x'`, `const x = require('./x')`). */
function importedPaths(text) {
    const names = new Map();
    for (const m of text.matchAll(/\bimport\s+([\w$]+)\s+from\s+(['"])(\.{1,2}\/[^'"]+)\2|\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*(['"])(\.{1,2}\/[^'"]+)\5\s*\)/g))
        names.set((m[1] ?? m[4]), (m[3] ?? m[6]));
    return names;
}
/**
 * A `projects` entry whose items are paths, literal objects, objects the module names
 * (`const unit = {…}`) or configs it imports (see IMPORTED_PROJECT); undefined for anything else.
 */
function projectList(entry, objects, imported) {
    const head = /^(['"]?)projects\1\s*:\s*\[/.exec(entry);
    if (!head)
        return undefined;
    const open = head[0].length - 1;
    const close = closingBracket(entry, open);
    if (close < 0 || entry.slice(close + 1).trim() !== '')
        return undefined;
    const items = [];
    for (const element of objectEntries(entry.slice(open, close + 1))) {
        const required = /^require\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)$/.exec(element)?.[2];
        const spec = required ?? imported.get(element);
        const source = objects.get(element) ?? element;
        const value = spec === undefined ? jsObjectLiteralToValue(`{"item": ${source}}`)?.item : undefined;
        if (spec !== undefined)
            items.push({ [IMPORTED_PROJECT]: spec });
        else if (typeof value === 'string' || (value && typeof value === 'object' && !Array.isArray(value)))
            items.push(value);
        else
            return undefined;
    }
    return items;
}
/** Lists whose entries only take files away from the tests: an entry left out only adds tests. */
const NARROWING_LISTS = new Set(['testPathIgnorePatterns']);
/** Lists whose entries only add tests or setup files: an extra entry only adds tests or run-alls. */
const WIDENING_LISTS = new Set(['roots', 'testMatch', 'testRegex', 'setupFiles', 'setupFilesAfterEnv']);
/** `...(condition ? [literals] : [literals])`, the condition without brackets. */
const CONDITIONAL_SPREAD = /^\.\.\.\s*\(?([^?[\]()]*(?:\([^()[\]]*\)[^?[\]()]*)*)\?\s*(\[[\s\S]*?\])\s*:\s*(\[[\s\S]*?\])\s*\)?$/;
/**
 * A list of string literals with spreads among them (`[..., ...(process.env.X ? ['a'] : [])]`),
 * read as far as it is safe for selection: a narrowing list without what its spreads add, a
 * widening list with everything a conditional spread of literals may add. Undefined for other
 * keys, and for a widening list with any other spread.
 */
function listInPart(entry) {
    const head = /^(['"]?)([\w$]+)\1\s*:\s*\[/.exec(entry);
    const key = head?.[2];
    const narrowing = key !== undefined && NARROWING_LISTS.has(key);
    if (!head || !key || !(narrowing || WIDENING_LISTS.has(key)))
        return undefined;
    const open = head[0].length - 1;
    const close = closingBracket(entry, open);
    if (close < 0 || entry.slice(close + 1).trim() !== '')
        return undefined;
    const literal = (element) => {
        const list = jsObjectLiteralToValue(`{"list": [${element}]}`)?.list;
        return Array.isArray(list) && list.every(v => typeof v === 'string') ? list : undefined;
    };
    const values = [];
    for (const element of objectEntries(entry.slice(open, close + 1))) {
        if (!element.startsWith('...')) {
            const value = literal(element);
            if (!value)
                return undefined;
            values.push(...value);
        }
        else if (!narrowing) {
            const branches = CONDITIONAL_SPREAD.exec(element);
            const added = branches && [branches[2], branches[3]].map(b => literal(b.slice(1, -1)));
            if (!added || added.some(a => a === undefined))
                return undefined;
            for (const a of added)
                values.push(...a);
        }
    }
    return {
        key,
        values,
        how: narrowing
            ? `${key} is read without the entries its spreads add (a file only those ignore counts as a test here)`
            : `${key} is read with every entry its conditional spreads may add`
    };
}
/** Converts a literal JS object (no calls or variables) to a value; undefined if it is not literal. */
function jsObjectLiteralToValue(source) {
    let out = '';
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '"' || c === "'" || c === '`') {
            let j = i + 1;
            let value = '';
            while (j < source.length && source[j] !== c) {
                if (source[j] === '\\') {
                    const next = source[j + 1];
                    value += next === c ? c : '\\' + next;
                    j += 2;
                }
                else
                    value += source[j++];
            }
            if (c === '`' && value.includes('${'))
                return undefined;
            out += JSON.stringify(value).replace(/\\\\/g, '\\');
            i = j;
        }
        else if (c === '/' && source[i + 1] === '/') {
            while (i < source.length && source[i] !== '\n')
                i++;
        }
        else if (c === '/' && source[i + 1] === '*') {
            i = source.indexOf('*/', i + 2) + 1;
        }
        else if (c === '/') {
            // a regular expression literal: keep its source as a string
            let j = i + 1;
            while (j < source.length && source[j] !== '/')
                j += source[j] === '\\' ? 2 : 1;
            out += JSON.stringify(source.slice(i + 1, j));
            i = j;
            while (/[a-z]/.test(source[i + 1] ?? ''))
                i++;
        }
        else if (/[A-Za-z_$]/.test(c)) {
            let j = i;
            while (j < source.length && /[\w$]/.test(source[j]))
                j++;
            const word = source.slice(i, j);
            const after = source.slice(j).trimStart();
            if (after.startsWith(':'))
                out += JSON.stringify(word);
            else if (word === 'true' || word === 'false' || word === 'null')
                out += word;
            else if (word === 'undefined')
                out += 'null';
            else if ((after.startsWith(',') || after.startsWith('}')) && /[{,]\s*$/.test(out))
                return undefined; // shorthand
            else
                return undefined;
            i = j - 1;
        }
        else
            out += c;
    }
    try {
        const value = JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
        return value && typeof value === 'object' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function asStrings(value) {
    if (typeof value === 'string')
        return [value];
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}
function safeRegex(source, flags) {
    try {
        return new RegExp(source, flags);
    }
    catch {
        return undefined;
    }
}
/** What a folder's own config or test script says of its tests (see testSettingsOf). */
function loadJestSettings(read, dir) {
    return testSettingsOf(read, dir, []).own;
}
/** What says which files are tests under a folder: its own settings, then its vitest projects'. */
function loadTestSettings(read, dir, configs) {
    const { own, projects } = testSettingsOf(read, dir, configs);
    return own ? [own, ...projects] : projects;
}
/**
 * The tests of a folder: its jest config, when there is one (the file its test script names,
 * `jest --config <file>`, else jest.config.*, else package.json "jest"), else its test script's
 * runner (see runnerTestSettings), with the projects of a vitest run. `configs`: the repository's
 * config files, where vitest projects given by glob are looked for.
 */
function testSettingsOf(read, dir, configs) {
    const { pkg, runs, named, config: found } = folderJestConfig(read, dir);
    let config = found;
    if (!config && named)
        config = {
            raw: undefined,
            text: '',
            configDir: dir,
            unreadable: `${joinPath(dir, named)} (the test script's --config) is not read`
        };
    if (!config)
        return runnerTestSettings(read, dir, pkg, configs);
    const own = jestSettings(dir, config);
    const projects = jestPathProjects(read, config, own.rootDir, configs);
    // The other jest runs of the test script, by the configs they name.
    const ownPath = named === undefined ? undefined : joinPath(dir, named);
    for (const path of new Set(runs.map(run => joinPath(dir, run))))
        if (path !== ownPath) {
            const found = readJestConfig(read, path);
            const settings = jestSettings(found ? undefined : dir, found ?? {
                raw: {},
                text: '',
                configDir: dir,
                unreadable: `${path} (a jest run of the test script) is not read`
            });
            projects.push(settings, ...(found ? jestPathProjects(read, found, settings.rootDir, configs) : []));
        }
    // A run of projects: a file is a test when one of them takes it, and loads the setup files of
    // each that does (the run's own config is one of the group, which can only add to them).
    if (projects.length)
        for (const settings of [own, ...projects])
            settings.group = dir;
    return { own, projects };
}
/**
 * The jest config a folder's settings are read from: the one its test script names (`--config`),
 * else its own (jest.config.*, else package.json's `jest`), else the first one a jest run of the
 * scripts its test script runs names (see jestRunConfigs, which are `runs`).
 */
function folderJestConfig(read, dir) {
    const pkg = readJson(read, joinPath(dir, 'package.json'));
    const runs = jestRunConfigs(pkg?.scripts);
    const test = pkg?.scripts?.test;
    const direct = typeof test === 'string' ? (0,_runners_script_words_js__WEBPACK_IMPORTED_MODULE_2__/* .jestConfigArgument */ .QO)(test) : undefined;
    const own = direct === undefined ? configOfFolder(read, dir, pkg) : undefined;
    const named = direct ?? (own ? undefined : runs[0]);
    return { pkg, runs, named, config: named === undefined ? own : readJestConfig(read, joinPath(dir, named)) };
}
/** A folder's own jest config: jest.config.*, else package.json's `jest`. */
function configOfFolder(read, dir, pkg) {
    for (const name of JEST_CONFIG_FILES) {
        const found = readJestConfig(read, joinPath(dir, name));
        if (found)
            return found;
    }
    return pkg?.jest && typeof pkg.jest === 'object'
        ? withPreset(read, {
            raw: pkg.jest,
            text: JSON.stringify(pkg.jest),
            configDir: dir
        })
        : undefined;
}
/** The jest config at `path` (JSON, or a literal object in JavaScript), when the file exists. */
function readJestConfig(read, path) {
    const file = readJestConfigAlone(read, path);
    return file && withPreset(read, file);
}
/** A jest config's rootDir: its `rootDir` from the config's folder, else that folder. */
function configRootDir(raw, configDir) {
    return typeof raw?.rootDir === 'string' ? joinPath(configDir, raw.rootDir) : configDir;
}
/** The path or glob a `projects` item names, from the config's rootDir. */
const projectPattern = (rootDir, item) => joinPath(rootDir, item.replace(/^<rootDir>\/?/, '').replace(/\/+$/, ''));
/**
 * The file of the repository a jest config's `preset` names (its extension aside): by path
 * (`./jest.preset.js`), or in a workspace package (`@repo/jest-presets/node` is the package's
 * `node/jest-preset.js`, as jest looks a package's preset up).
 */
function presetPath(raw, configDir, packageDir) {
    const preset = raw?.preset;
    if (typeof preset !== 'string')
        return undefined;
    if (/^(?:\.{1,2}\/|<rootDir>\/)/.test(preset))
        return joinPath(configRootDir(raw, configDir), preset.replace(/^<rootDir>\//, ''));
    const segments = preset.split('/');
    const nameLength = preset.startsWith('@') ? 2 : 1;
    const dir = packageDir?.(segments.slice(0, nameLength).join('/'));
    return dir === undefined ? undefined : joinPath(dir, ...segments.slice(nameLength), 'jest-preset');
}
/** What a preset's path may leave out of its name, as jest finds it. */
const PRESET_EXTENSIONS = ['', '.json', '.js', '.cjs', '.mjs'];
/**
 * Vue CLI's presets (`@vue/cli-plugin-unit-jest`, versions 3 to 5): the options that say which
 * files are tests, how `@/` imports resolve and whether ts-jest type-checks. They live in
 * node_modules and compute the rest (transformers' paths) when jest loads them.
 */
const VUE_CLI_PRESET = {
    moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
    testMatch: ['**/tests/unit/**/*.spec.[jt]s?(x)', '**/__tests__/*.[jt]s?(x)']
};
const VUE_CLI_TS_PRESET = { ...VUE_CLI_PRESET, transform: { '^.+\\.tsx?$': 'ts-jest' } };
/** Presets from installed packages whose options CI Medic knows, by the name a config gives. */
const KNOWN_PRESETS = new Map([
    ['@vue/cli-plugin-unit-jest', VUE_CLI_PRESET],
    ['@vue/cli-plugin-unit-jest/presets/default', VUE_CLI_PRESET],
    ['@vue/cli-plugin-unit-jest/presets/no-babel', VUE_CLI_PRESET],
    ['@vue/cli-plugin-unit-jest/presets/typescript', VUE_CLI_TS_PRESET],
    ['@vue/cli-plugin-unit-jest/presets/typescript-and-babel', VUE_CLI_TS_PRESET]
]);
/** A known preset (see KNOWN_PRESETS) as if read from a file. */
function knownPreset(raw) {
    const name = typeof raw?.preset === 'string' ? raw.preset : '';
    const options = KNOWN_PRESETS.get(name);
    return options && { raw: options, text: JSON.stringify(options), configDir: '', path: name };
}
/**
 * A jest config with the options of the preset it names by path or in a workspace package, as
 * jest merges them: the config's own options win; setup files add to the preset's, after them;
 * module mappings of both count, the config's first. `<rootDir>` in the preset is the config's.
 * A preset from an installed package is not read (it lives in node_modules), unless its options
 * are known (see KNOWN_PRESETS).
 */
function withPreset(read, file) {
    const path = presetPath(file.raw, file.configDir, read.packageDir);
    const preset = path === undefined
        ? knownPreset(file.raw)
        : PRESET_EXTENSIONS.map(ext => readJestConfigAlone(read, path + ext)).find(found => found);
    if (!file.raw || (path === undefined && !preset))
        return file;
    if (!preset?.raw) {
        const unreadable = preset?.unreadable ?? `${path} (its preset) is not read`;
        return { ...file, unreadable: file.unreadable ? `${file.unreadable}; ${unreadable}` : unreadable };
    }
    const own = file.raw;
    const merged = { ...preset.raw, ...own };
    for (const key of ['setupFiles', 'setupFilesAfterEnv'])
        if (own[key] !== undefined)
            merged[key] = [...asStrings(preset.raw[key]), ...asStrings(own[key])];
    const mappers = [preset.raw.moduleNameMapper, own.moduleNameMapper];
    if (mappers.every(mapper => mapper && typeof mapper === 'object'))
        merged.moduleNameMapper = {
            ...own.moduleNameMapper,
            ...preset.raw.moduleNameMapper,
            ...own.moduleNameMapper
        };
    delete merged.rootDir;
    if (own.rootDir !== undefined)
        merged.rootDir = own.rootDir;
    return {
        ...file,
        raw: merged,
        text: `${file.text}\n${preset.text}`,
        ...(preset.unreadable && {
            unreadable: file.unreadable ? `${file.unreadable}; ${preset.unreadable}` : preset.unreadable
        }),
        ...(preset.readInPart && {
            readInPart: file.readInPart ? `${file.readInPart}; ${preset.readInPart}` : preset.readInPart
        })
    };
}
/** A jest config as its file says, without its preset. */
function readJestConfigAlone(read, path) {
    const text = read(path);
    if (text === undefined)
        return undefined;
    const configDir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (path.endsWith('.json')) {
        const raw = readJson(read, path);
        return { raw, text, configDir, path, ...(!raw && { unreadable: `${path} is not valid JSON` }) };
    }
    const partial = jestConfigFromJs(text);
    return {
        raw: partial?.config,
        text,
        configDir,
        path,
        ...(!partial
            ? { unreadable: `${path} is not a literal object` }
            : partial.skipped.length
                ? { unreadable: `${path}: not literal: ${partial.skipped.join(', ')}` }
                : {}),
        ...(partial?.partial.length && { readInPart: `${path}: ${partial.partial.join('; ')}` })
    };
}
/**
 * What a jest config says of the tests under `dir` (by default, where its file and rootDir are),
 * with its inline projects folded in.
 */
function jestSettings(home, file) {
    const { raw, configDir, unreadable, readInPart } = file;
    const configText = withoutComments(file.text);
    const typeChecked = typeCheckedByJest(configText);
    const rootDir = configRootDir(raw, configDir);
    const dir = home ?? sharedFolder(configDir, rootDir);
    const config = withInlineProjects(raw ?? {}, rootDir, configDir);
    const expand = (p) => joinPath(p.replace(/<rootDir>/g, rootDir));
    const mapper = [];
    if (config.moduleNameMapper && typeof config.moduleNameMapper === 'object') {
        for (const [pattern, target] of Object.entries(config.moduleNameMapper)) {
            const regex = safeRegex(pattern);
            if (regex)
                mapper.push({ regex, targets: asStrings(target).map(t => t.replace(/<rootDir>/g, rootDir)) });
        }
    }
    return {
        dir,
        rootDir,
        roots: config.roots ? asStrings(config.roots).map(expand) : [rootDir],
        moduleNameMapper: mapper,
        moduleDirectories: asStrings(config.moduleDirectories).filter(d => d !== 'node_modules'),
        modulePaths: asStrings(config.modulePaths).map(expand),
        testMatch: asStrings(config.testMatch).map(p => p.replace(/<rootDir>\/?/g, rootDir ? rootDir + '/' : '')),
        testRegex: asStrings(config.testRegex)
            .map(source => safeRegex(source))
            .filter((r) => r !== undefined),
        testPathIgnorePatterns: asStrings(config.testPathIgnorePatterns)
            .map(p => safeRegex(p.replace(/<rootDir>/g, rootDir)))
            .filter((r) => r !== undefined),
        setupFiles: [
            ...asStrings(config.setupFiles),
            ...asStrings(config.setupFilesAfterEnv),
            ...asStrings(config.globalSetup),
            ...asStrings(config.globalTeardown)
        ].map(expand),
        unreadable,
        readInPart,
        ...(typeof config.resolver === 'string' ? { resolver: config.resolver.replace(/<rootDir>\/?/, '') } : {}),
        typeChecked,
        tsconfig: tsJestConfig(configText, rootDir, configDir),
        ...(typeChecked &&
            !/jest-preset-angular|isolatedModules['"]?\s*:\s*false/.test(configText) && {
            isolationFromTsconfig: true,
            ...(inlineTsconfigIsolates(configText) && { inlineIsolation: true })
        })
    };
}
/**
 * The tsconfig a jest config tells ts-jest to use (`tsconfig: '<rootDir>/tsconfig.spec.json'`),
 * from the repository's top. ts-jest reads a path without `<rootDir>` from the folder jest runs
 * in, taken to be the config's.
 */
function tsJestConfig(configText, rootDir, configDir) {
    const named = /tsconfig['"]?\s*:\s*['"]([^'"]+\.json)['"]/.exec(configText)?.[1];
    if (named === undefined)
        return undefined;
    return named.startsWith('<rootDir>')
        ? joinPath(rootDir, named.replace(/^<rootDir>\/?/, ''))
        : joinPath(configDir, named);
}
/**
 * The projects a jest config gives as paths (`projects: ['<rootDir>/jest.unit.config.js',
 * '<rootDir>/packages/*']`), relative to its rootDir, by glob too: a config file is read as its
 * own config; a folder by its jest config (jest.config.*, package.json's `jest`), else jest's
 * defaults. A folder whose jest config is read for it anyway (it has one) is left to that.
 */
function jestPathProjects(read, file, rootDir, configs) {
    const listed = Array.isArray(file.raw?.projects) ? file.raw.projects : [];
    const items = listed.filter((item) => typeof item === 'string');
    const projects = [];
    const seen = new Set();
    // Configs it imports: by the path, as node and TypeScript find them.
    for (const item of listed) {
        const spec = item && typeof item === 'object' ? item[IMPORTED_PROJECT] : undefined;
        if (typeof spec !== 'string')
            continue;
        const path = joinPath(file.configDir, spec);
        const config = PROJECT_EXTENSIONS.map(ext => readJestConfig(read, path + ext)).find(found => found !== undefined);
        projects.push(jestSettings(config ? undefined : file.configDir, config ?? {
            raw: {},
            text: '',
            configDir: file.configDir,
            unreadable: `${path} (a project it imports) is not read`
        }));
    }
    const folders = [...new Set(configs.map(dirname))];
    for (const item of items) {
        const pattern = projectPattern(rootDir, item);
        const matches = /[*?{[]/.test(pattern)
            ? picomatch__WEBPACK_IMPORTED_MODULE_3___default()(pattern, { dot: true })
            : (path) => path === pattern;
        // A config named by its path is one whatever its name (see namedConfigs, which reads it).
        const named = (path) => isJestConfigFile(path) || path === pattern;
        for (const path of configs.filter(path => matches(path) && named(path))) {
            // A folder's own config is read for the folder (its settings, deeper, decide there).
            const forFolder = folderJestConfig(read, dirname(path)).config?.path === path;
            const config = seen.has(path) || forFolder ? undefined : readJestConfig(read, path);
            seen.add(path);
            if (config)
                projects.push(jestSettings(undefined, config));
        }
        for (const folder of folders.filter(folder => matches(folder) && !seen.has(folder))) {
            seen.add(folder);
            if (folder === file.configDir)
                continue;
            if (!folderJestConfig(read, folder).config)
                projects.push(jestSettings(folder, { raw: {}, text: '', configDir: folder }));
        }
    }
    return projects;
}
/**
 * A jest config file by its name: `jest.config.*`, and named ones (`jest.unit.config.js`,
 * `jest.config.e2e.ts`, mobx's `jest.projects.js`, NestJS's `test/jest-e2e.json`), which a test
 * script's `--config` or a config's `projects` may name.
 */
const isJestConfigFile = (path) => path.includes('jest') &&
    /(?:^|\/)jest(?:\.[\w-]+)?\.config(?:\.[\w-]+)?\.[cm]?[jt]s(?:on)?$|(?:^|\/)jest[.-][\w.-]*\.(?:[cm]?[jt]s|json)$/.test(path);
// ── the test files of mocha, tap and node --test ───────────────────────────
/** Options of mocha that take a value: the word after them is not a spec. */
const MOCHA_VALUE_OPTIONS = new Set('--require -r --reporter -R --reporter-option --reporter-options -O --timeout -t --ui -u --config --file --extension --grep -g --fgrep -f --ignore --exclude --slow -s --retries --jobs -j --package --spec --watch-files --watch-ignore --node-option -n'.split(' '));
/** Scripts that run other scripts, followed this deep. */
const MAX_SCRIPT_DEPTH = 4;
/**
 * The package's test script, with the scripts it runs (`npm run spec`, `yarn spec`,
 * `npm-run-all --parallel spec lint`, `run-s build:*`, `concurrently "npm:spec"`) after it, each
 * as a command of its own: `"test": "npm-run-all --parallel spec lint"` runs mocha through `spec`.
 */
function testScript(scripts) {
    if (!scripts || typeof scripts !== 'object')
        return undefined;
    const byName = scripts;
    const text = (name) => Object.prototype.hasOwnProperty.call(byName, name) && typeof byName[name] === 'string'
        ? byName[name]
        : undefined;
    if (text('test') === undefined)
        return undefined;
    const seen = new Set(['test']);
    const texts = [];
    let names = ['test'];
    for (let depth = 0; depth <= MAX_SCRIPT_DEPTH && names.length; depth++) {
        const next = [];
        for (const name of names) {
            const script = text(name);
            texts.push(script);
            for (const called of scriptsCalled(script, Object.keys(byName)))
                if (!seen.has(called) && text(called) !== undefined) {
                    seen.add(called);
                    next.push(called);
                }
        }
        names = next;
    }
    return texts.join(' ; ');
}
/** The package scripts a script runs by name (`names`: the package's scripts, for globs and `yarn x`). */
function scriptsCalled(script, names) {
    const called = [];
    const matching = (pattern) => {
        // pnpm runs every script a `/regex/` matches (`pnpm run "/^test:.*/"`).
        const regexScripts = /^\/(.+)\/$/.exec(pattern)?.[1];
        if (regexScripts !== undefined) {
            const regex = safeRegex(regexScripts);
            return regex ? names.filter(name => regex.test(name)) : [];
        }
        if (!pattern.includes('*'))
            return [pattern];
        const regex = new RegExp(`^${pattern
            .split(/(\*\*|\*)/)
            .map(part => part === '**' ? '.*' : part === '*' ? '[^:]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('')}$`);
        return names.filter(name => regex.test(name));
    };
    for (const words of (0,_runners_script_words_js__WEBPACK_IMPORTED_MODULE_2__/* .commandsOf */ .Kf)(script)) {
        for (const word of words)
            if (word.startsWith('npm:'))
                called.push(...matching(word.slice(4)));
        const at = words.findIndex(word => /^(?:npm|pnpm|yarn|bun)$/.test(word));
        if (at >= 0) {
            const rest = words.slice(at + 1).filter(word => !word.startsWith('-'));
            if (rest[0] === 'run' || rest[0] === 'run-script')
                called.push(...matching(rest[1] ?? ''));
            else if (words[at] !== 'npm' && rest[0] && names.includes(rest[0]))
                called.push(rest[0]);
        }
        const runAll = words.findIndex(word => /^(?:\S*\/)?(?:npm-run-all2?|run-p|run-s)$/.test(word));
        if (runAll >= 0)
            for (const word of words.slice(runAll + 1))
                if (!word.startsWith('-'))
                    called.push(...matching(word));
    }
    return called;
}
/**
 * Config files that others name, under names no listing rule takes, with why a change to one runs
 * every test: the configs test scripts hand jest (`jest -c config/unit.json`, also in the jest runs
 * they make through other scripts), vitest and mocha; the configs jest configs list as projects
 * by path or import, and the presets they name by path; and the configs tsconfigs extend
 * (`./config/base.json`, a workspace package's `@repo/tsconfig/base.json`). Followed as far as
 * `read` has them (see readNamedConfigs, which reads them round by round).
 */
function namedConfigs(read, configs, files) {
    const named = new Map();
    const manifests = [];
    const tsconfigs = [];
    const jestConfigs = [];
    for (const path of configs) {
        if (path.includes('node_modules/'))
            continue;
        if (path === 'package.json' || path.endsWith('/package.json')) {
            manifests.push(path);
            if (/"projects"|"preset"/.test(read(path) ?? ''))
                jestConfigs.push(path);
            if (!/--config|\s-c\s/.test(read(path) ?? ''))
                continue;
            const scripts = readJson(read, path)?.scripts;
            const direct = typeof scripts?.test === 'string' ? (0,_runners_script_words_js__WEBPACK_IMPORTED_MODULE_2__/* .jestConfigArgument */ .QO)(scripts.test) : undefined;
            const mochaWords = runnerArguments(scripts, MOCHA_COMMAND);
            const others = [vitestConfigArgument(scripts), mochaWords && (0,_runners_script_words_js__WEBPACK_IMPORTED_MODULE_2__/* .configArgument */ .OU)(mochaWords)];
            const runs = [...(direct === undefined ? [] : [direct]), ...jestRunConfigs(scripts)];
            for (const config of [...runs, ...others.filter(value => value !== undefined)]) {
                const target = joinPath(dirname(path), config);
                if (/\.(?:[cm]?[jt]s|jsonc?|ya?ml)$/.test(target)) {
                    named.set(target, _fallback_js__WEBPACK_IMPORTED_MODULE_1__/* .RUNNER_CONFIG_CHANGED */ .fd);
                    jestConfigs.push(target);
                }
            }
        }
        else if (TSCONFIG_NAME.test(path))
            tsconfigs.push(path);
        else if (isJestConfigFile(path))
            jestConfigs.push(path);
    }
    const packageDir = workspacePackageDirs(read, manifests);
    // The configs jest configs list as projects (by path or by import), and their presets.
    for (const path of jestConfigs) {
        const text = read(path);
        if (!text?.includes('projects') && !text?.includes('preset'))
            continue;
        const file = path.endsWith('package.json')
            ? { raw: readJson(read, path)?.jest, configDir: dirname(path) }
            : readJestConfigAlone(read, path);
        const preset = presetPath(file?.raw, file?.configDir ?? '', packageDir);
        const presetFile = preset === undefined ? undefined : PRESET_EXTENSIONS.map(ext => preset + ext).find(p => files.has(p));
        for (const target of [
            ...projectConfigFiles(file?.raw, file?.configDir ?? '', files),
            ...(presetFile === undefined ? [] : [presetFile])
        ])
            if (!named.has(target)) {
                named.set(target, _fallback_js__WEBPACK_IMPORTED_MODULE_1__/* .RUNNER_CONFIG_CHANGED */ .fd);
                jestConfigs.push(target);
            }
    }
    for (const path of tsconfigs) {
        if (!read(path)?.includes('extends'))
            continue;
        for (const ext of extendsOf(readJson(read, path))) {
            if (typeof ext !== 'string')
                continue;
            const target = tsconfigExtendsTarget(ext, dirname(path), files, packageDir, read);
            if (!target || named.has(target) || tsconfigs.includes(target))
                continue;
            named.set(target, _fallback_js__WEBPACK_IMPORTED_MODULE_1__/* .TSCONFIG_CHANGED */ .j7);
            tsconfigs.push(target);
        }
    }
    return named;
}
/** The folder of each workspace package by its name, from the manifests at `manifests` (read when first asked). */
function workspacePackageDirs(read, manifests) {
    let packageDirs;
    return name => {
        packageDirs ??= new Map(manifests.flatMap(path => {
            const pkgName = readJson(read, path)?.name;
            return typeof pkgName === 'string' ? [[pkgName, dirname(path)]] : [];
        }));
        return packageDirs.get(name);
    };
}
/**
 * Each tsconfig of the repository with what it extends, as tsc finds it: a config of the
 * repository (a workspace package's among them); else, from `outside`, a package's in the
 * nearest node_modules that has it (`@vue/tsconfig/tsconfig.dom.json`) or a generated one
 * (`./.svelte-kit/tsconfig.json`), and what those extend in turn. Without `outside` (or when it
 * lacks one) each such base is `missing`: what it sets cannot be known.
 */
function tsconfigChains(read, configs, files, outside) {
    const paths = [...configs].filter(path => !path.includes('node_modules/'));
    const packageDir = workspacePackageDirs(read, paths.filter(path => path === 'package.json' || path.endsWith('/package.json')));
    const readOutside = outside?.read ?? (() => undefined);
    const chains = new Map();
    for (const config of paths) {
        if (!TSCONFIG_NAME.test(config))
            continue;
        const chain = { texts: [], paths: [], missing: [], includes: [] };
        const visited = new Set();
        const visit = (path, inRepository) => {
            const key = `${inRepository ? 'repository' : 'outside'}:${path}`;
            if (visited.has(key))
                return;
            visited.add(key);
            const text = (inRepository ? read : readOutside)(path);
            if (text === undefined)
                return;
            chain.texts.push(text);
            if (inRepository)
                chain.paths.push(path);
            const json = readJson(() => text, path);
            const dir = dirname(path);
            if (inRepository)
                for (const list of [json?.include, json?.files])
                    if (Array.isArray(list))
                        for (const pattern of list)
                            if (typeof pattern === 'string')
                                chain.includes.push(joinPath(dir, staticPrefix(pattern)));
            for (const ext of extendsOf(json)) {
                if (typeof ext !== 'string')
                    continue;
                const inside = inRepository ? tsconfigExtendsTarget(ext, dir, files, packageDir, read) : undefined;
                if (inside) {
                    visit(inside, true);
                    continue;
                }
                const found = outside && baseOutside(ext, dir, outside);
                if (found === undefined || outside?.read(found) === undefined)
                    chain.missing.push(`${path} extends ${ext}`);
                else
                    visit(found, false);
            }
        };
        visit(config, true);
        chains.set(config, chain);
    }
    return chains;
}
/** The folders of a glob before its first wildcard: `src` for `src/lib/*`, '' for `*.ts`. */
function staticPrefix(pattern) {
    const parts = pattern.split('/');
    const wild = parts.findIndex(part => /[*?{[]/.test(part));
    return (wild < 0 ? parts : parts.slice(0, wild)).join('/');
}
/** Where tsc finds the base `ext` that a config in `dir` extends, among `outside`'s files. */
function baseOutside(ext, dir, outside) {
    if (ext.startsWith('.'))
        return tsconfigFile(joinPath(dir, ext), outside);
    if (ext.startsWith('/'))
        return undefined;
    const parts = ext.split('/');
    const nameParts = ext.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameParts).join('/');
    const subpath = parts.slice(nameParts).join('/');
    for (let at = dir;; at = dirname(at)) {
        const found = packageTsConfig(joinPath(at, 'node_modules', name), subpath, outside, outside.read);
        if (found)
            return found;
        if (at === '')
            return undefined;
    }
}
/**
 * The config files of the repository a jest config (`raw`, read in `configDir`) lists among its
 * projects: by a path that is not a glob (`'<rootDir>/config/unit.json'`), or by import.
 */
function projectConfigFiles(raw, configDir, files) {
    const listed = Array.isArray(raw?.projects) ? raw.projects : [];
    const rootDir = configRootDir(raw, configDir);
    const found = [];
    for (const item of listed) {
        if (typeof item === 'string') {
            const path = projectPattern(rootDir, item);
            if (!/[*?{[]/.test(path) && /\.(?:[cm]?[jt]s|json)$/.test(path) && files.has(path))
                found.push(path);
            continue;
        }
        const spec = item && typeof item === 'object' ? item[IMPORTED_PROJECT] : undefined;
        if (typeof spec !== 'string')
            continue;
        const path = joinPath(configDir, spec);
        const file = PROJECT_EXTENSIONS.map(ext => path + ext).find(candidate => files.has(candidate));
        if (file)
            found.push(file);
    }
    return found;
}
/**
 * The file a tsconfig's `extends` names, when it is in the repository: a path from the config's
 * folder (`.json` may be left out), or a config a package ships, in node_modules or, for a
 * workspace package (`packageDir`), in its folder, found as tsc finds it (see packageTsConfig).
 */
function tsconfigExtendsTarget(ext, dir, files, packageDir, read) {
    if (ext.startsWith('.'))
        return tsconfigFile(joinPath(dir, ext), files);
    const inModules = tsconfigFile(joinPath('node_modules', ext), files);
    if (inModules)
        return inModules;
    const parts = ext.split('/');
    const nameParts = ext.startsWith('@') ? 2 : 1;
    const folder = packageDir?.(parts.slice(0, nameParts).join('/'));
    if (folder === undefined)
        return undefined;
    return packageTsConfig(folder, parts.slice(nameParts).join('/'), files, read);
}
/** `path`, or `path.json`, when `files` has it. */
function tsconfigFile(path, files) {
    return files.has(path) ? path : files.has(path + '.json') ? path + '.json' : undefined;
}
/**
 * The config a package at `folder` gives for `subpath` ('' for the package's name alone), as tsc
 * looks it up: through the package's `exports` when it has them (and nothing they do not export),
 * otherwise its `tsconfig` field or tsconfig.json for the name alone, and the file (`.json` may be
 * left out) or the folder's tsconfig.json for a subpath.
 */
function packageTsConfig(folder, subpath, files, read) {
    const manifest = read && files.has(joinPath(folder, 'package.json'))
        ? readJson(read, joinPath(folder, 'package.json'))
        : undefined;
    if (manifest?.exports !== undefined && manifest.exports !== null) {
        const exported = exportedPath(manifest.exports, subpath ? `./${subpath}` : '.');
        return exported === undefined ? undefined : tsconfigFile(joinPath(folder, exported), files);
    }
    if (subpath)
        return (tsconfigFile(joinPath(folder, subpath), files) ??
            tsconfigFile(joinPath(folder, subpath, 'tsconfig.json'), files));
    const field = typeof manifest?.tsconfig === 'string'
        ? tsconfigFile(joinPath(folder, manifest.tsconfig), files)
        : undefined;
    return field ?? tsconfigFile(joinPath(folder, 'tsconfig.json'), files);
}
/** The conditions tsc matches in `exports` when it looks a config up. */
const TSCONFIG_CONDITIONS = new Set(['node', 'require', 'types', 'default']);
/**
 * The entry of a package's `exports` or `imports` map that `key` (`.`, `./sub`, `#name`) takes, as
 * Node matches them: the map itself for `.` when it is a target or a conditions object; the key
 * itself; else the `*` pattern (or, deprecated, the folder key ending in `/`) with the longest
 * prefix. `star` is what its `*` (or the folder) stands for. Undefined when the map has none.
 */
function exportsEntry(map, key) {
    if (map === undefined || map === null)
        return undefined;
    if (typeof map !== 'object' || Array.isArray(map))
        return key === '.' ? { value: map, star: '', folder: false } : undefined;
    const entries = map;
    const keys = Object.keys(entries);
    if (keys.length && !keys.some(k => k.startsWith('.') || k.startsWith('#')))
        return key === '.' ? { value: entries, star: '', folder: false } : undefined;
    if (key in entries && !key.includes('*'))
        return { value: entries[key], star: '', folder: false };
    let best;
    for (const pattern of keys) {
        const star = pattern.indexOf('*');
        const prefix = star < 0 ? pattern : pattern.slice(0, star);
        const suffix = star < 0 ? '' : pattern.slice(star + 1);
        const matches = star < 0
            ? pattern.endsWith('/') && key.startsWith(pattern)
            : key.startsWith(prefix) && key.endsWith(suffix) && key.length >= prefix.length + suffix.length;
        if (matches && (!best || prefix.length > best.prefix))
            best = {
                prefix: prefix.length,
                value: entries[pattern],
                star: key.slice(prefix.length, key.length - suffix.length),
                folder: star < 0
            };
    }
    return best && { value: best.value, star: best.star, folder: best.folder };
}
/**
 * The path an `exports` map gives for `key` (`.`, `./base`) when tsc looks a config up: its entry
 * (see exportsEntry), and in a conditions object the first key (in its order) that is one of
 * TSCONFIG_CONDITIONS; undefined when the map does not export it.
 */
function exportedPath(exportsMap, key) {
    const entry = exportsEntry(exportsMap, key);
    return entry && conditionalPath(entry.value, entry.star, entry.folder);
}
function conditionalPath(value, star, folder) {
    if (typeof value === 'string')
        return folder ? value + star : value.replace(/\*/g, star);
    if (Array.isArray(value)) {
        for (const item of value) {
            const found = conditionalPath(item, star, folder);
            if (found !== undefined)
                return found;
        }
        return undefined;
    }
    if (!value || typeof value !== 'object')
        return undefined;
    for (const [condition, target] of Object.entries(value)) {
        const found = TSCONFIG_CONDITIONS.has(condition) ? conditionalPath(target, star, folder) : undefined;
        if (found !== undefined)
            return found;
    }
    return undefined;
}
/**
 * The configs (`--config`, `-c`) the jest runs of the package's test script name, through the
 * scripts it runs (see testScript), as written.
 */
function jestRunConfigs(scripts) {
    const script = testScript(scripts);
    return script === undefined ? [] : (0,_runners_script_words_js__WEBPACK_IMPORTED_MODULE_2__/* .jestConfigArguments */ .T8)(script);
}
/**
 * The words the package's test script (or a script it runs) gives a runner: `mocha --require
 * ./setup 'test/**'` gives `['--require', './setup', 'test/**']`.
 */
function runnerArguments(scripts, runner) {
    const script = testScript(scripts);
    return script === undefined ? undefined : commandWords(script, runner);
}
const VITEST_COMMAND = /^(?:\S*\/)?vitest$/;
const MOCHA_COMMAND = /^(?:\S*\/)?_?mocha$/;
/**
 * The config the package's test script (or a script it runs) hands vitest (`vitest run --config
 * vitest.unit.config.ts`), relative to the package's folder.
 */
function vitestConfigArgument(scripts) {
    const words = runnerArguments(scripts, VITEST_COMMAND);
    return words && (0,_runners_script_words_js__WEBPACK_IMPORTED_MODULE_2__/* .configArgument */ .OU)(words, '-c');
}
/**
 * What the package's test script tells vitest of type checking: `--typecheck` (or
 * `--typecheck.enabled`) turns it on, `--typecheck.only` runs only the type tests. Undefined when
 * it says nothing of it.
 */
function vitestTypecheckArguments(scripts) {
    return typecheckOf(runnerArguments(scripts, VITEST_COMMAND) ?? []);
}
function typecheckOf(words) {
    if (!words.some(word => /^--typecheck(?:\.enabled|\.only)?$/.test(word)))
        return undefined;
    return words.includes('--typecheck.only') ? { enabled: true, only: true } : { enabled: true };
}
/**
 * The words after command `name` in a test script (up to `&&`, `||`, `;` or `|`), in the first
 * command that has `flag` among them when one is given.
 */
function commandWords(script, name, flag) {
    for (const words of (0,_runners_script_words_js__WEBPACK_IMPORTED_MODULE_2__/* .commandsOf */ .Kf)(script)) {
        const at = words.findIndex(word => name.test(word));
        const after = words.slice(at + 1);
        if (at >= 0 && (flag === undefined || after.includes(flag)))
            return after;
    }
    return undefined;
}
/**
 * Whether a value mocha `--require`s names a file of the repository (`./setup`, `test/support/env`)
 * rather than a package (`ts-node/register` passes too, and resolves to nothing).
 */
const namesAFile = (value) => /^\.{0,2}\/|^[\w-]+\/[\w./-]+$/.test(value);
/** The test-file patterns of a spec (a file, a glob or a folder), relative to the package's folder. */
function specPatterns(dir, spec, recursive, extensions) {
    const path = joinPath(dir, spec.replace(/^\.\//, '').replace(/\/+$/, ''));
    if (/[*?{[]/.test(spec) || /\.[cm]?[jt]sx?$/.test(spec))
        return [path];
    return [`${path ? path + '/' : ''}${recursive ? '**/' : ''}*.{${extensions.join(',')}}`];
}
/**
 * The tests of a package whose test script runs mocha, tap, `node --test`, AVA, tape or uvu (no
 * jest config): the specs the script names, else its config's (`.mocharc.*`, package.json `mocha`
 * or `ava.files`), else the runner's defaults (tape and uvu have none: their files must be named);
 * with mocha's `--require`d local files as setup files.
 */
function runnerTestSettings(read, dir, pkg, configs) {
    const none = { projects: [] };
    const script = testScript(pkg?.scripts);
    if (script === undefined)
        return none;
    let testMatch;
    const setupFiles = [];
    const mocha = commandWords(script, MOCHA_COMMAND);
    const tap = mocha ? undefined : commandWords(script, /^(?:\S*\/)?tap$/);
    const nodeTest = mocha || tap ? undefined : commandWords(script, /^node$/, '--test');
    const ava = mocha || tap || nodeTest ? undefined : commandWords(script, /^(?:\S*\/)?ava$/);
    const tape = mocha || tap || nodeTest || ava ? undefined : commandWords(script, /^(?:\S*\/)?(?:tape|tape-es|uvu)$/);
    const vitest = mocha || tap || nodeTest || ava || tape ? undefined : commandWords(script, VITEST_COMMAND);
    const ignored = [];
    if (mocha) {
        const rc = mochaConfig(read, dir, pkg, (0,_runners_script_words_js__WEBPACK_IMPORTED_MODULE_2__/* .configArgument */ .OU)(mocha));
        const specs = [];
        let recursive = rc.recursive;
        const extensions = ['js', 'cjs', 'mjs', ...rc.extensions];
        for (let i = 0; i < mocha.length; i++) {
            const word = mocha[i];
            if (word === '--recursive')
                recursive = true;
            else if (word === '--extension')
                extensions.push(mocha[i + 1] ?? '');
            if ((word === '--require' || word === '-r' || word === '--file') && namesAFile(mocha[i + 1] ?? ''))
                setupFiles.push(joinPath(dir, mocha[i + 1]));
            if (word === '--spec')
                specs.push(mocha[i + 1] ?? '');
            else if (!word.startsWith('-') && !MOCHA_VALUE_OPTIONS.has(mocha[i - 1] ?? ''))
                specs.push(word);
        }
        setupFiles.push(...rc.setupFiles.map(file => joinPath(dir, file)));
        const chosen = specs.length ? specs : rc.specs.length ? rc.specs : ['test'];
        testMatch = chosen.flatMap(spec => specPatterns(dir, spec, recursive, extensions));
    }
    else if (tap) {
        const specs = tap.filter(word => !word.startsWith('-'));
        testMatch = specs.length
            ? specs.flatMap(spec => specPatterns(dir, spec, true, ['js', 'cjs', 'mjs', 'jsx', 'ts', 'tsx']))
            : [`${dir ? dir + '/' : ''}{test,tests,__tests__}/**/*.{js,cjs,mjs,jsx,ts,tsx}`];
    }
    else if (nodeTest) {
        // Not the value of one of node's options (`--import tsx`, `-r ./setup.js`); a local file node
        // loads first, in each test file's process, is a setup file.
        const specs = nodeTest.filter((word, i) => !word.startsWith('-') && !_runners_detect_js__WEBPACK_IMPORTED_MODULE_0__/* .NODE_OPTIONS_WITH_VALUE */ .z8.has(nodeTest[i - 1] ?? ''));
        nodeTest.forEach((word, i) => {
            const value = nodeTest[i + 1] ?? '';
            if (/^(?:-r|--require|--import)$/.test(word) && /^\.{0,2}\//.test(value))
                setupFiles.push(joinPath(dir, value));
        });
        testMatch = specs.length
            ? specs.flatMap(spec => specPatterns(dir, spec, true, ['js', 'cjs', 'mjs']))
            : [
                `${dir ? dir + '/' : ''}**/{test,test-*,*.test,*-test,*_test}.{js,cjs,mjs}`,
                `${dir ? dir + '/' : ''}**/test/**/*.{js,cjs,mjs}`
            ];
    }
    else if (ava) {
        const configured = asStrings(pkg?.ava?.files);
        const specs = [...ava.filter(word => !word.startsWith('-')), ...configured].filter(g => !g.startsWith('!'));
        const base = dir ? dir + '/' : '';
        const kinds = ['js', 'cjs', 'mjs', 'jsx', 'ts', 'cts', 'mts', 'tsx'];
        const extensions = `{${kinds.join(',')}}`;
        testMatch = specs.length
            ? specs.flatMap(spec => specPatterns(dir, spec, true, kinds))
            : [
                `${base}{test,src/test,source/test}.${extensions}`,
                `${base}**/{test-*,*.spec,*.test}.${extensions}`,
                `${base}**/{test,tests,__tests__}/**/*.${extensions}`
            ];
        // AVA's helpers and fixtures, and files whose name starts with `_`, are not tests.
        ignored.push(/\/(?:__)?(?:helpers?|fixtures?)(?:__)?\//, /(?:^|\/)_[^/]*$/);
    }
    else if (tape) {
        const specs = tape.filter((word, i) => !word.startsWith('-') && !MOCHA_VALUE_OPTIONS.has(tape[i - 1] ?? ''));
        if (specs.length)
            testMatch = specs.flatMap(spec => specPatterns(dir, spec, false, ['js', 'cjs', 'mjs']));
    }
    else if (vitest) {
        let config = vitestConfig(read, dir, (0,_runners_script_words_js__WEBPACK_IMPORTED_MODULE_2__/* .configArgument */ .OU)(vitest, '-c'));
        // `vitest --typecheck` type-checks vitest's type test names, unless the config lists others.
        if (typecheckOf(vitest) && !config?.typeChecks)
            config = { ...(config ?? vitestTestBlock('')), typeChecks: VITEST_TYPECHECK_INCLUDE };
        const list = vitestProjectList(read, dir, config);
        const projects = list === undefined ? [] : vitestProjects(read, dir, configs, config, list);
        // A config that says nothing of the tests leaves the conventional names (see makeTestMatcher).
        if (!config ||
            config.include.length +
                config.exclude.length +
                config.setupFiles.length +
                (config.typeChecks?.length ?? 0) ===
                0)
            return { projects };
        const own = vitestSettings(dir, config);
        if (list !== undefined)
            own.group = dir;
        return { own, projects };
    }
    if (!testMatch)
        return none;
    const own = {
        dir,
        rootDir: dir,
        roots: [dir],
        moduleNameMapper: [],
        moduleDirectories: [],
        modulePaths: [],
        // Conventional names (`*.test.js`) stay tests, as they were without this package's runner.
        testMatch: [...testMatch, `${dir ? dir + '/' : ''}**/{__tests__/**/*,*.test.*,*.spec.*}`],
        testRegex: [],
        testPathIgnorePatterns: [/\/node_modules\//, ...ignored],
        setupFiles,
        typeChecked: false
    };
    return { own, projects: [] };
}
/** What a vitest config's test block (see vitestTestBlock) makes of the tests under `folder`. */
function vitestSettings(folder, block, inherited = [], conventional = true) {
    const root = joinPath(folder, block.root ?? '');
    // The folder the project's tests are under: its root, or with a root outside the config's
    // folder (`root: '..'`), the folder holding both.
    const home = isUnder(root, folder) ? root : sharedFolder(root, folder);
    const base = joinPath(root, block.dir);
    const under = (glob) => joinPath(base, glob.replace(/^\.\//, ''));
    const typeChecks = block.typeChecks?.map(under);
    // With type checking on, vitest collects the files it type-checks too.
    const testMatch = [
        ...(block.include.length ? block.include.map(under) : VITEST_INCLUDE.map(under)),
        ...(typeChecks ?? [])
    ];
    // jest's ignore patterns are tried against the path with a `/` before it.
    const ignored = block.exclude.map(glob => {
        const regex = picomatch__WEBPACK_IMPORTED_MODULE_3___default().makeRe(under(glob), { dot: true });
        return new RegExp(`^/${regex.source.replace(/^\^/, '')}`);
    });
    return {
        dir: home,
        rootDir: home,
        roots: [home],
        moduleNameMapper: [],
        moduleDirectories: [],
        modulePaths: [],
        // Conventional names (`*.test.js`) stay tests, as they were without this config (a project of
        // a run takes its own only: those of the others are theirs).
        testMatch: conventional
            ? [...testMatch, `${home ? home + '/' : ''}**/{__tests__/**/*,*.test.*,*.spec.*}`]
            : testMatch,
        testRegex: [],
        testPathIgnorePatterns: [/\/node_modules\//, ...ignored],
        setupFiles: [...new Set([...inherited, ...block.setupFiles.map(file => joinPath(root, file))])],
        typeChecked: false,
        ...(typeChecks && { typeChecks })
    };
}
/** Is `path` the folder `folder` or under it? */
const isUnder = (path, folder) => folder === '' ? !path.startsWith('..') : path === folder || path.startsWith(folder + '/');
/** The deepest folder that holds both. */
function sharedFolder(a, b) {
    const left = a.split('/');
    const right = b.split('/');
    let n = 0;
    while (n < left.length && left[n] === right[n] && left[n] !== '..')
        n++;
    return left.slice(0, n).join('/');
}
/** A vitest or vite config, named variants too (`vitest.config.solid.mts`, `vitest.compile.config.ts`). */
const VITEST_CONFIG_FILE = /(?:^|\/)vite(?:st)?(?:\.[\w-]+)?\.config(?:\.[\w-]+)?\.[cm]?[jt]s$/;
const VITEST_WORKSPACE_NAMES = ['json', 'ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map(ext => `vitest.workspace.${ext}`);
/**
 * Whether `path` is a file that may say what a vitest project tests: a config, a workspace file,
 * or a file of vitest options that configs build on (`vitest.shared.ts`, `vitest.root.mjs`).
 */
const isVitestProjectFile = (path) => path.includes('vite') &&
    (VITEST_CONFIG_FILE.test(path) ||
        /(?:^|\/)vitest\.(?!setup\b)[\w.-]+\.[cm]?[jt]s$/.test(path) ||
        VITEST_WORKSPACE_NAMES.includes(path.slice(path.lastIndexOf('/') + 1)));
/**
 * The source of the array that lists the projects of the vitest run in `dir`: its config's
 * `test.projects` (vitest 3.2; `test.workspace` before), else a `vitest.workspace` file's.
 */
function vitestProjectList(read, dir, config) {
    if (config?.projects)
        return config.projects;
    for (const name of VITEST_WORKSPACE_NAMES) {
        const text = read(joinPath(dir, name));
        if (text === undefined)
            continue;
        if (name.endsWith('.json'))
            return text.trim().startsWith('[') ? text.trim() : undefined;
        const exported = /\bexport\s+default\b/.exec(text);
        const open = exported ? text.indexOf('[', exported.index) : -1;
        const close = open < 0 ? -1 : closingBracket(text, open);
        return close > open ? text.slice(open, close + 1) : undefined;
    }
    return undefined;
}
/**
 * The projects of the vitest run in `dir`, whose config is `root` and whose project list (see
 * vitestProjectList) is `list`. An item is a folder or a config file, by path or glob (`!` leaves some out),
 * or an inline project (`{ test: {…} }`). A folder's project is its vitest (else vite) config; a
 * folder without one takes vitest's default names. Each project says what is a test, and which
 * setup files run first, under its folder; one that builds on the run's config (`extends`,
 * `mergeConfig`) has that config's setup files too. `configs`: the repository's config files.
 */
function vitestProjects(read, dir, configs, root, list) {
    // What a project builds on (`extends`, `mergeConfig`): the run's config and the configs it
    // imports by path (`import shared from '../../vitest.shared'`), whose setup files it has too. A
    // setup file written `resolve(__dirname, 'setup.ts')` is in the folder of the file that names
    // it, and one written './setup.ts' in the project's: both are taken (those that exist count).
    const inherited = (text, folder) => {
        if (!/\bmergeConfig\s*\(|\bextends\s*:/.test(text))
            return [];
        const named = [{ from: dir, files: root?.setupFiles ?? [] }];
        const built = [...importedPaths(text).values()].map(spec => joinPath(folder, spec));
        // `extends: './vitest.base.ts'`: from the project's folder, or the run's.
        const extended = /\bextends\s*:\s*(['"])([^'"]+)\1/.exec(text)?.[2];
        if (extended)
            built.push(joinPath(folder, extended), joinPath(dir, extended));
        for (const path of new Set(built)) {
            const stem = path.replace(/\.[cm]?[jt]s$/, '');
            for (const candidate of [
                path,
                ...['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map(ext => `${stem}.${ext}`)
            ]) {
                const imported = read(candidate);
                if (imported === undefined)
                    continue;
                named.push({ from: dirname(candidate), files: vitestTestBlock(imported).setupFiles });
                break;
            }
        }
        return named.flatMap(({ from, files }) => files.flatMap(file => [joinPath(from, file), joinPath(folder, file)]));
    };
    const candidates = configs.filter(path => VITEST_CONFIG_FILE.test(path));
    const projects = new Map();
    const left = new Set();
    for (const item of objectEntries(list)) {
        if (item.startsWith('{')) {
            // Its root is the declaring config's (the run's folder) unless it gives one, in its test
            // block or beside it.
            const block = vitestTestBlock(item);
            const root = block.root ?? (/\broot\s*:\s*(['"])([^'"]*)\1/.exec(item)?.[2] || undefined);
            projects.set(`${projects.size}\u0000inline`, vitestSettings(dir, { ...block, root }, inherited(item, joinPath(dir, root ?? '')), false));
            continue;
        }
        const [value] = /^['"`]/.test(item) ? pathStrings(item) : [];
        if (value === undefined)
            continue;
        const negated = value.startsWith('!');
        const pattern = joinPath(dir, value.replace(/^!/, '').replace(/^\.\//, '').replace(/\/+$/, ''));
        const matches = /[*?{[]/.test(pattern)
            ? picomatch__WEBPACK_IMPORTED_MODULE_3___default()(pattern, { dot: true })
            : (path) => path === pattern;
        // A folder's config: vitest's before vite's, in VITEST_CONFIG_NAMES order.
        const byFolder = new Map();
        for (const name of VITEST_CONFIG_NAMES)
            for (const path of candidates)
                if (path.endsWith('/' + name) || path === name) {
                    const folder = dirname(path);
                    if (matches(folder) && !byFolder.has(folder))
                        byFolder.set(folder, path);
                }
        const files = [...byFolder.values(), ...candidates.filter(path => matches(path))];
        // A folder without a config is a project of vitest's defaults (folders known by a config file
        // of theirs, package.json say).
        const bare = [...new Set(configs.map(dirname))].filter(folder => matches(folder) && !byFolder.has(folder));
        // Keyed by config file, or by folder for one without.
        const found = [
            ...files.map(path => ({ key: path, text: read(path), folder: dirname(path) })),
            ...bare.map(folder => ({ key: folder, text: '', folder }))
        ];
        for (const { key, text, folder } of found) {
            if (negated)
                left.add(key);
            else if (text !== undefined)
                projects.set(key, vitestSettings(folder, vitestTestBlock(text), inherited(text, folder), false));
        }
    }
    return [...projects]
        .filter(([path]) => !left.has(path))
        .map(([, settings]) => ({ ...settings, group: dir }));
}
/** Vitest's default `test.include`. */
const VITEST_INCLUDE = ['**/*.{test,spec}.?(c|m)[jt]s?(x)'];
/** Vitest's default `test.typecheck.include`. */
const VITEST_TYPECHECK_INCLUDE = ['**/*.{test,spec}-d.?(c|m)[jt]s?(x)'];
const VITEST_CONFIG_NAMES = ['vitest', 'vite'].flatMap(name => ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map(ext => `${name}.config.${ext}`));
/**
 * What the `test` block of a package's vitest (or vite) config says of its tests, read without
 * running it: the paths of `include`, `exclude`, `setupFiles` and `globalSetup` (strings, or calls
 * that join them, see pathStrings; lists the file names, spread or not; `...configDefaults.include`
 * as vitest's default names; another spread is left out, and an include list read in part keeps
 * the default names), and `dir`. Undefined without a config file; empty lists when it has no
 * `test` block.
 */
/**
 * The test block of the vitest config in `dir`: the one the test script names (`named`, whose
 * paths are still from `dir`, where vitest runs), else vitest's default names.
 */
function vitestConfig(read, dir, named) {
    let text;
    if (named !== undefined)
        text = read(joinPath(dir, named));
    else
        for (const name of VITEST_CONFIG_NAMES)
            if ((text = read(joinPath(dir, name))) !== undefined)
                break;
    return text === undefined ? undefined : vitestTestBlock(text);
}
/** The entries of the `test: {…}` block in a vitest config's (or an inline project's) text, by key. */
function testBlockEntries(text) {
    const open = /\btest\s*:\s*\{/.exec(text);
    const start = open ? open.index + open[0].length - 1 : -1;
    const end = start < 0 ? -1 : closingBracket(text, start);
    // The block's own entries (not those of the `coverage` block inside it), by key.
    const entries = new Map();
    if (end > start)
        for (const entry of objectEntries(text.slice(start, end + 1))) {
            const pair = /^['"]?([\w$]+)['"]?\s*:\s*([\s\S]*)$/.exec(entry);
            if (pair)
                entries.set(pair[1], pair[2].trim());
        }
    return entries;
}
/** What the `test` block of a vitest config's text says of its tests (see vitestConfig). */
function vitestTestBlock(text) {
    const entries = testBlockEntries(text);
    // Lists the config names (`const testFiles = ['checks/**']`, `include: testFiles`, `...testFiles`).
    const lists = new Map();
    for (const m of text.matchAll(/\b(?:const|let|var)\s+([\w$]+)(?:\s*:\s*[\w.<>[\]]+)?\s*=\s*\[/g)) {
        const open = (m.index ?? 0) + m[0].length - 1;
        const close = closingBracket(text, open);
        if (close > open)
            lists.set(m[1], text.slice(open, close + 1));
    }
    /** The paths of a list, and whether an item of it could not be read. */
    const pathsIn = (value, depth = 0) => {
        const named = lists.get(value);
        if (named !== undefined && depth < 3)
            return pathsIn(named, depth + 1);
        const found = [];
        let unread = false;
        for (const item of value.startsWith('[') ? objectEntries(value) : [value]) {
            const spread = /^\.\.\.\s*([\w$.]+)$/.exec(item)?.[1];
            if (spread === 'configDefaults.include' || spread === 'defaultInclude')
                found.push(...VITEST_INCLUDE);
            else if (spread !== undefined && lists.has(spread) && depth < 3) {
                const inner = pathsIn(spread, depth + 1);
                found.push(...inner.paths);
                unread ||= inner.unread;
            }
            else {
                const strings = item.startsWith('...') ? [] : pathStrings(item);
                if (strings.length)
                    found.push(joinPath(...strings));
                else
                    unread = true;
            }
        }
        return { paths: found, unread };
    };
    const paths = (key) => {
        const value = entries.get(key);
        return value ? pathsIn(value).paths : [];
    };
    // An include list read in part (`[...shared.include, 'checks/**']`) keeps vitest's default
    // names: what the rest adds is not known, and those are the likeliest.
    const included = entries.has('include') ? pathsIn(entries.get('include')) : undefined;
    const include = included?.unread && included.paths.length
        ? [...included.paths, ...VITEST_INCLUDE]
        : (included?.paths ?? []);
    const projects = entries.get('projects') ?? entries.get('workspace');
    const root = paths('root')[0] ?? exportedRoot(text);
    // `typecheck: { enabled: true, include: […] }`: an include list, else vitest's type test names.
    const typecheck = entries.get('typecheck');
    const typecheckEntries = typecheck?.startsWith('{') ? objectEntries(typecheck) : [];
    const typecheckInclude = typecheckEntries
        .map(entry => /^['"]?include['"]?\s*:\s*([\s\S]*)$/.exec(entry)?.[1])
        .find(value => value !== undefined);
    const typeChecks = typecheckInclude !== undefined
        ? pathsIn(typecheckInclude.trim()).paths
        : typecheckEntries.some(entry => /^['"]?enabled['"]?\s*:\s*true$/.test(entry))
            ? VITEST_TYPECHECK_INCLUDE
            : undefined;
    return {
        include: [...new Set(include)],
        exclude: paths('exclude'),
        setupFiles: [...paths('setupFiles'), ...paths('globalSetup')],
        dir: paths('dir')[0] ?? '',
        ...(root !== undefined && { root }),
        ...(projects?.startsWith('[') && { projects }),
        ...(typeChecks?.length && { typeChecks })
    };
}
/**
 * The `root` of the object a config exports (`export default defineConfig({ root: 'src', … })`,
 * vite's option, which vitest takes too), when it is a path written out.
 */
function exportedRoot(text) {
    const exported = /\bexport\s+default\b|\bmodule\.exports\s*=/.exec(text);
    const open = exported ? text.indexOf('{', exported.index) : -1;
    const close = open < 0 ? -1 : closingBracket(text, open);
    if (close < 0)
        return undefined;
    for (const entry of objectEntries(text.slice(open, close + 1))) {
        const pair = /^['"]?root['"]?\s*:\s*([\s\S]*)$/.exec(entry);
        const strings = pair ? pathStrings(pair[1]) : [];
        if (strings.length)
            return joinPath(...strings);
    }
    return undefined;
}
/**
 * What a package's mocha config (`.mocharc.json`, `.yml`, a literal `.mocharc.js`, package.json
 * `mocha`) says of its tests.
 */
function mochaConfig(read, dir, pkg, named) {
    let config;
    // The file the test script names (`mocha --config test/mocharc.yml`), whatever its name.
    const path = named === undefined ? undefined : joinPath(dir, named);
    const text = path === undefined ? undefined : read(path);
    if (path !== undefined && text !== undefined)
        config = /\.jsonc?$/.test(path)
            ? parseJsonc(text)
            : /\.ya?ml$/.test(path)
                ? yamlObject(text)
                : jestConfigFromJs(text)?.config;
    for (const name of ['.mocharc.json', '.mocharc.jsonc'])
        config ??= readJson(read, joinPath(dir, name));
    for (const name of ['.mocharc.yml', '.mocharc.yaml']) {
        const text = read(joinPath(dir, name));
        if (text !== undefined && !config)
            config = yamlObject(text);
    }
    for (const name of ['.mocharc.js', '.mocharc.cjs']) {
        const text = read(joinPath(dir, name));
        if (text !== undefined && !config)
            config = jestConfigFromJs(text)?.config;
    }
    if (!config && pkg?.mocha && typeof pkg.mocha === 'object')
        config = pkg.mocha;
    return {
        specs: asStrings(config?.spec),
        recursive: config?.recursive === true || config?.recursive === 'true',
        extensions: asStrings(config?.extension),
        setupFiles: [...asStrings(config?.require), ...asStrings(config?.file)].filter(namesAFile)
    };
}
/** The top-level `key: value` and `key:` + `- item` lists of a simple YAML file. */
function yamlObject(text) {
    const config = {};
    let list;
    for (const line of text.split('\n')) {
        const item = /^\s+-\s*(.+?)\s*$/.exec(line);
        if (item && list) {
            list.push(item[1].replace(/^['"]|['"]$/g, ''));
            continue;
        }
        const entry = /^([\w-]+):\s*(.*?)\s*$/.exec(line);
        if (!entry)
            continue;
        const value = entry[2].replace(/^['"]|['"]$/g, '');
        if (value === '')
            config[entry[1]] = list = [];
        else {
            list = undefined;
            config[entry[1]] = value.startsWith('[')
                ? value
                    .slice(1, -1)
                    .split(',')
                    .map(v => v.trim().replace(/^['"]|['"]$/g, ''))
                : value;
        }
    }
    return config;
}
// ── test files ─────────────────────────────────────────────────────────────
const CONVENTIONAL_JS_TEST = /(?:^|\/)(?:__tests__\/.*\.[cm]?[jt]sx?|[^/]*\.(?:test|spec)\.[cm]?[jt]sx?)$/;
/** CONVENTIONAL_JS_TEST, with the text it needs looked for first (most paths have none of it). */
const isConventionalJsTest = (path) => (path.includes('__tests__/') || path.includes('.test.') || path.includes('.spec.')) &&
    CONVENTIONAL_JS_TEST.test(path);
/** A test module by pytest's default names (`test_*.py`, `*_test.py`). */
const PY_TEST = /(?:^|\/)(?:test_[^/]*\.py|[^/]*_test\.py)$/;
const GO_TEST = /_test\.go$/;
/**
 * jest tests testRegex and testPathIgnorePatterns against absolute paths. The repository's own is
 * not known here, so a path is tried from the top and below a stand-in folder (babel's
 * `./packages/…` needs a character before `/packages`).
 */
function matchesAbsolute(pattern, path) {
    return pattern.test('/' + path) || pattern.test('/repository/' + path);
}
const ignoredBy = (settings, path) => settings.testPathIgnorePatterns.some(pattern => matchesAbsolute(pattern, path));
/**
 * Whether a path is a test file: as the jest config over it says, else by the conventional
 * names; a Python module as pytest's configuration over it says (see pytestCollects); a Go file by
 * its `_test.go` name. `pytest` is sorted deepest folder first.
 */
/** Vitest's default `typecheck.include`, and tsd's names: files of type tests. */
const TYPE_TEST_NAME = /\.(?:test|spec)-d\.[cm]?[jt]sx?$/;
/**
 * Which test files are type-checked, so that a change to a type can fail them: those named as
 * type tests, and those a vitest config's `typecheck.include` takes. The others run compiled
 * code, which no type is in (ts-jest's checking is looked after by typecheck.ts).
 */
function typeCheckedTests(jest) {
    const globs = jest.flatMap(settings => settings.typeChecks ?? []);
    const listed = globs.length ? picomatch__WEBPACK_IMPORTED_MODULE_3___default()(globs, { dot: true }) : undefined;
    return path => TYPE_TEST_NAME.test(path) || (listed?.(path) ?? false);
}
function makeTestMatcher(jest, pytest = [], conftestIgnores = []) {
    const matchers = jest.map(settings => {
        const globs = settings.testMatch.length ? testMatchMatcher(settings.testMatch) : undefined;
        const folder = settings.dir ? settings.dir + '/' : '';
        const roots = settings.roots.map(root => (root === '' ? '' : root + '/'));
        return { settings, globs, folder, roots };
    });
    // Asked of every file more than once (listing the tests, their setup files): each path is matched once.
    const known = new Map();
    return path => {
        let test = known.get(path);
        if (test === undefined)
            known.set(path, (test = matchesTest(path)));
        return test;
    };
    function matchesTest(path) {
        if (path.includes('node_modules/') || path.endsWith('.d.ts'))
            return false;
        if (path.endsWith('.py'))
            return (pytestCollects(pytest.find(settings => settings.dir === '' || path.startsWith(settings.dir + '/')), path) && !conftestIgnores.some(ignore => ignores(ignore, path)));
        if (path.endsWith('.go'))
            return GO_TEST.test(path);
        if (!(0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsLike */ .Pp)(path))
            return false;
        for (const matcher of matchers) {
            if (!path.startsWith(matcher.folder))
                continue;
            const group = matcher.settings.group;
            // A vitest run's projects: a test of any project that holds the file is a test.
            if (group !== undefined)
                return matchers.some(other => other.settings.group === group && path.startsWith(other.folder) && verdict(other, path));
            const found = verdict(matcher, path);
            if (found !== undefined)
                return found;
        }
        return isConventionalJsTest(path) && !/(?:^|\/)(?:__fixtures__|fixtures)\//.test(path);
    }
    /** What a config says of a file under its folder: a test or not; undefined outside its roots. */
    function verdict({ settings, globs, roots }, path) {
        if (!roots.some(root => path.startsWith(root) || (root.length === path.length + 1 && root.startsWith(path))))
            // Ignored under the config's folder: not a test, whichever config comes next.
            return ignoredBy(settings, path) ? false : undefined;
        const named = (globs !== undefined && globs(path)) ||
            settings.testRegex.some(r => matchesAbsolute(r, path)) ||
            (!globs && settings.testRegex.length === 0 && isConventionalJsTest(path));
        return named && !ignoredBy(settings, path);
    }
}
/** A glob's characters that are not literal (picomatch's, with extglobs and braces). */
const GLOB_SYNTAX = /[*?[\]{}()!+@\\]/;
/**
 * Whether a path matches one of jest's `testMatch` globs, as picomatch matches the path or the
 * path under `/` (jest matches absolute paths). Asked of every file of the repository, so each
 * positive glob is tried the cheap way first: a glob of any folders then a name glob, on the
 * file's name alone; a glob with literal folder names (`__tests__`), only on paths that hold
 * them. A list with a negated glob is matched as a whole.
 */
function testMatchMatcher(testMatch) {
    if (testMatch.some(glob => glob.startsWith('!'))) {
        const whole = picomatch__WEBPACK_IMPORTED_MODULE_3___default()([...testMatch], { dot: true });
        return path => whole(path) || whole('/' + path);
    }
    const tests = testMatch.map((glob) => {
        const name = glob.startsWith('**/') ? glob.slice(3) : undefined;
        if (name && !name.includes('/') && !name.startsWith('**')) {
            const matchName = picomatch__WEBPACK_IMPORTED_MODULE_3___default()(name, { dot: true });
            return path => matchName(path.slice(path.lastIndexOf('/') + 1));
        }
        const match = picomatch__WEBPACK_IMPORTED_MODULE_3___default()(glob, { dot: true });
        const literals = globSegments(glob).filter(segment => segment !== '' && segment !== '.' && segment !== '..' && !GLOB_SYNTAX.test(segment));
        return path => literals.every(literal => path.includes(literal)) && (match(path) || match('/' + path));
    });
    return path => tests.some(test => test(path));
}
/** A glob's segments, split at the slashes outside braces and parentheses (`{test,src/test}.js` is one). */
function globSegments(glob) {
    const segments = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '\\')
            i++;
        else if (c === '{' || c === '(')
            depth++;
        else if ((c === '}' || c === ')') && depth > 0)
            depth--;
        else if (c === '/' && depth === 0) {
            segments.push(glob.slice(start, i));
            start = i + 1;
        }
    }
    segments.push(glob.slice(start));
    return segments;
}
const ignores = ({ dir, paths, globs }, path) => (dir === '' || path.startsWith(dir + '/')) &&
    (paths.some(entry => path === entry || path.startsWith(entry + '/')) || globs.some(glob => glob.test(path)));
const PYTEST_DEFAULT_FILES = ['test_*.py', '*_test.py'];
const PYTEST_DEFAULT_NORECURSE = [
    '*.egg',
    '.*',
    '_darcs',
    'build',
    'CVS',
    'dist',
    'node_modules',
    'venv',
    '{arch}'
];
/** The files pytest reads its configuration from, in the order it looks for them in a folder. */
const PYTEST_CONFIGS = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'];
/** A `key = value` section of an INI file (configparser: continuation lines are indented). */
function iniSection(text, section) {
    let found;
    let inSection = false;
    let last;
    for (const raw of text.split(/\r?\n/)) {
        const header = /^\[([^\]]+)\]/.exec(raw);
        if (header) {
            inSection = header[1]?.trim() === section;
            if (inSection)
                found ??= new Map();
            last = undefined;
            continue;
        }
        if (!inSection || !found)
            continue;
        if (/^\s*[#;]/.test(raw) || raw.trim() === '')
            continue;
        if (/^\s/.test(raw) && last !== undefined) {
            found.set(last, `${found.get(last) ?? ''}\n${raw.trim()}`);
            continue;
        }
        const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
        if (!pair)
            continue;
        last = pair[1].trim();
        found.set(last, pair[2].trim());
    }
    return found;
}
/** A TOML table's keys whose values are strings or arrays of strings (the rest is left out). */
function tomlTable(text, table) {
    const lines = text.split(/\r?\n/);
    const start = lines.findIndex(line => line.trim() === `[${table}]`);
    if (start < 0)
        return undefined;
    const found = new Map();
    const string = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/;
    for (let i = start + 1; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line.startsWith('[') && !line.startsWith('[[') && /^\[[\w.-]/.test(line))
            break;
        const pair = /^([\w.-]+|"[^"]+")\s*=\s*(.*)$/.exec(line);
        if (!pair)
            continue;
        const key = pair[1].replace(/^"|"$/g, '');
        let value = pair[2];
        if (value.startsWith('[')) {
            // An array, maybe over several lines.
            while (!/\]\s*(?:#.*)?$/.test(value) && i + 1 < lines.length)
                value += '\n' + lines[++i].trim();
            const items = [];
            let rest = value.slice(1);
            for (;;) {
                rest = rest.replace(/^(?:[\s,]+|#[^\n]*)+/, '');
                const item = string.exec(rest);
                if (!item)
                    break;
                items.push(item[1] !== undefined ? item[1].replace(/\\(.)/g, '$1') : item[2]);
                rest = rest.slice(item[0].length);
            }
            found.set(key, items);
        }
        else {
            const item = string.exec(value);
            if (item)
                found.set(key, item[1] !== undefined ? item[1].replace(/\\(.)/g, '$1') : item[2]);
        }
    }
    return found;
}
/** Words as pytest splits an `args` option (shlex: spaces, quotes). */
function argsOf(value) {
    if (value === undefined)
        return undefined;
    if (Array.isArray(value))
        return value;
    return (value.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map(word => word.replace(/^(["'])(.*)\1$/, '$2'));
}
/**
 * The pytest configuration in folder `dir`, as pytest looks for it there: `pytest.ini` (even
 * empty), `.pytest.ini`, then `pyproject.toml`, `tox.ini` and `setup.cfg` when they have a
 * pytest section. Undefined when the folder has none.
 */
function loadPytestSettings(read, dir) {
    let options;
    for (const name of PYTEST_CONFIGS) {
        const text = read(joinPath(dir, name));
        if (text === undefined)
            continue;
        if (name === 'pytest.ini' || name === '.pytest.ini')
            options = iniSection(text, 'pytest') ?? new Map();
        else if (name === 'pyproject.toml')
            options = tomlTable(text, 'tool.pytest.ini_options') ?? tomlTable(text, 'tool.pytest');
        else
            options = iniSection(text, name === 'tox.ini' ? 'pytest' : 'tool:pytest');
        if (options)
            break;
    }
    if (!options)
        return undefined;
    const addopts = argsOf(options.get('addopts')) ?? [];
    const ignore = [];
    const ignoreGlobs = [];
    addopts.forEach((word, i) => {
        const option = /^--(ignore|ignore-glob)(?:=(.*))?$/.exec(word);
        if (!option)
            return;
        const value = option[2] ?? addopts[i + 1];
        if (value === undefined)
            return;
        const path = joinPath(dir, value.replace(/\/+$/, ''));
        if (option[1] === 'ignore')
            ignore.push(path);
        else
            ignoreGlobs.push(path);
    });
    return {
        dir,
        pythonFiles: argsOf(options.get('python_files')) ?? PYTEST_DEFAULT_FILES,
        testpaths: (argsOf(options.get('testpaths')) ?? []).map(path => joinPath(dir, path.replace(/\/+$/, ''))),
        norecursedirs: argsOf(options.get('norecursedirs')) ?? PYTEST_DEFAULT_NORECURSE,
        ignore,
        ignoreGlobs
    };
}
/** pytest's fnmatch: a pattern without `/` matches the name, one with `/` the path's end. */
function pytestMatcher(patterns) {
    const byName = patterns.filter(p => !p.includes('/'));
    const byPath = patterns.filter(p => p.includes('/')).map(p => `**/${p.replace(/^\.\//, '')}`);
    const name = byName.length ? picomatch__WEBPACK_IMPORTED_MODULE_3___default()(byName, { dot: true, nobrace: true, noextglob: true }) : () => false;
    const path = byPath.length ? picomatch__WEBPACK_IMPORTED_MODULE_3___default()(byPath, { dot: true, nobrace: true, noextglob: true }) : () => false;
    return file => name(file.slice(file.lastIndexOf('/') + 1)) || path(file) || path(`/${file}`);
}
/**
 * Whether pytest, run in `settings.dir` without arguments, collects Python module `path` as a
 * test module: under its `testpaths`, in no folder `norecursedirs` or `--ignore` leaves out, and
 * named as `python_files` says. With no settings, pytest's defaults.
 */
function pytestCollects(settings, path) {
    const rules = settings ? compiledRules(settings) : DEFAULT_RULES;
    if (!rules.files(path))
        return false;
    const under = (folder) => folder === '' || path === folder || path.startsWith(folder + '/');
    if (rules.testpaths.length && !rules.testpaths.some(inFolder => inFolder(path)))
        return false;
    if (settings?.ignore.some(under) || rules.ignoreGlobs.some(glob => glob.test(path)))
        return false;
    // Each folder between the config's and the module's.
    const dir = settings?.dir ?? '';
    const start = dir === '' ? 0 : dir.length + 1;
    for (let slash = path.indexOf('/', start); slash > 0; slash = path.indexOf('/', slash + 1))
        if (rules.norecurse(path.slice(0, slash)))
            return false;
    return true;
}
const compiled = new WeakMap();
function compiledRules(settings) {
    let rules = compiled.get(settings);
    if (!rules) {
        rules = {
            files: pytestMatcher(settings.pythonFiles),
            testpaths: settings.testpaths.map(folder => {
                if (!folder.includes('*'))
                    return path => folder === '' || path.startsWith(folder + '/');
                const glob = picomatch__WEBPACK_IMPORTED_MODULE_3___default()([folder, `${folder}/**`], { dot: true });
                return path => glob(path);
            }),
            ignoreGlobs: settings.ignoreGlobs.map(fnmatchPath),
            norecurse: pytestMatcher(settings.norecursedirs)
        };
        compiled.set(settings, rules);
    }
    return rules;
}
/** Python's fnmatch over a whole path, as `--ignore-glob` matches: `*` crosses folders. */
function fnmatchPath(glob) {
    let source = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        const end = c === '[' ? glob.indexOf(']', i + 2) : -1;
        if (c === '*')
            source += '.*';
        else if (c === '?')
            source += '.';
        else if (end > 0) {
            const set = glob.slice(i + 1, end);
            source += `[${set.startsWith('!') ? '^' + set.slice(1) : set}]`;
            i = end;
        }
        else
            source += c.replace(/[.+^${}()|\\/[\]]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}
const DEFAULT_RULES = {
    files: pytestMatcher(PYTEST_DEFAULT_FILES),
    testpaths: [],
    ignoreGlobs: [],
    norecurse: pytestMatcher(PYTEST_DEFAULT_NORECURSE)
};


/***/ })

};
