export const id = 492;
export const ids = [492];
export const modules = {

/***/ 83946:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ checkSyntax),
/* harmony export */   t: () => (/* binding */ describeSyntaxProblems)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ports_exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74795);



const TS_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
const JSONC_NAMES = /(^|\/)(tsconfig[^/]*|jsconfig[^/]*|\.eslintrc|devcontainer)\.json$|\.jsonc$|(^|\/)\.vscode\//i;
/** Parses a file's new content with the language's own parser; never runs the code. */
async function checkSyntax(path, content, repoDir) {
    if (TS_EXTENSIONS.test(path))
        return checkTypeScript(path, content);
    if (/\.py$/i.test(path))
        return checkPython(path, content, repoDir);
    if (/\.go$/i.test(path))
        return checkGo(content, repoDir);
    if (/\.json$/i.test(path) && !JSONC_NAMES.test(path))
        return checkJson(content);
    if (/\.ya?ml$/i.test(path))
        return checkYaml(content);
    return { problems: [] };
}
async function checkTypeScript(path, content) {
    // typescript is CommonJS and reads __filename; an ES-module bundle (ncc) has no such variable.
    const scope = globalThis;
    if (typeof __filename === 'undefined' && scope.__filename === undefined) {
        scope.__filename = (0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url);
        scope.__dirname = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(scope.__filename);
    }
    // The bundle (ncc) exposes the CommonJS module itself, Node's ESM loader puts it on `default`.
    const loaded = (await __webpack_require__.e(/* import() */ 672).then(__webpack_require__.t.bind(__webpack_require__, 35672, 23)));
    const ts = loaded.default ?? loaded;
    const kind = /\.(tsx|jsx)$/i.test(path)
        ? ts.ScriptKind.TSX
        : /\.(js|mjs|cjs)$/i.test(path)
            ? ts.ScriptKind.JS
            : ts.ScriptKind.TS;
    const source = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, kind);
    // Parse diagnostics are what the parser found; createSourceFile keeps them on the node.
    const diagnostics = source
        .parseDiagnostics ?? [];
    const problems = diagnostics.slice(0, 5).map(d => {
        const position = d.start !== undefined ? source.getLineAndCharacterOfPosition(d.start) : undefined;
        return {
            line: position ? position.line + 1 : undefined,
            column: position ? position.character + 1 : undefined,
            message: ts.flattenDiagnosticMessageText(d.messageText, ' ')
        };
    });
    return { language: kind === ts.ScriptKind.JS ? 'javascript' : 'typescript', problems };
}
const PYTHON_PARSE = [
    'import ast, sys',
    'source = sys.stdin.read()',
    'try:',
    '    ast.parse(source, sys.argv[1])',
    'except SyntaxError as e:',
    '    print(f"{e.lineno or 0}:{e.offset or 0}:{e.msg}")',
    '    sys.exit(1)'
].join('\n');
async function checkPython(path, content, repoDir) {
    try {
        const result = await (0,_ports_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .runProcess */ .R)('python3', ['-c', PYTHON_PARSE, path], {
            cwd: repoDir,
            input: content,
            timeoutMs: 20_000
        });
        if (result.exitCode === 0)
            return { language: 'python', problems: [] };
        const match = /^(\d+):(\d+):(.*)$/m.exec(result.stdout);
        if (!match)
            return {
                language: 'python',
                problems: [],
                skipped: `python3 failed: ${result.stderr.trim().slice(0, 200)}`
            };
        return {
            language: 'python',
            problems: [{ line: Number(match[1]), column: Number(match[2]), message: match[3].trim() }]
        };
    }
    catch (error) {
        return {
            language: 'python',
            problems: [],
            skipped: `python3 is not available (${error.message})`
        };
    }
}
async function checkGo(content, repoDir) {
    try {
        const result = await (0,_ports_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .runProcess */ .R)('gofmt', ['-e'], {
            cwd: repoDir,
            input: content,
            timeoutMs: 20_000,
            maxOutput: 64 * 1024
        });
        if (result.exitCode === 0)
            return { language: 'go', problems: [] };
        const problems = result.stderr
            .split('\n')
            .map(line => /^<standard input>:(\d+):(\d+):\s*(.*)$/.exec(line.trim()))
            .filter((m) => m !== null)
            .slice(0, 5)
            .map(m => ({ line: Number(m[1]), column: Number(m[2]), message: m[3] }));
        return {
            language: 'go',
            problems: problems.length ? problems : [{ message: result.stderr.trim().slice(0, 300) }]
        };
    }
    catch (error) {
        return { language: 'go', problems: [], skipped: `gofmt is not available (${error.message})` };
    }
}
function checkJson(content) {
    try {
        JSON.parse(content);
        return { language: 'json', problems: [] };
    }
    catch (error) {
        return { language: 'json', problems: [{ message: error.message }] };
    }
}
async function checkYaml(content) {
    const { parseAllDocuments } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    const problems = parseAllDocuments(content)
        .flatMap(doc => ('errors' in doc ? doc.errors : []))
        .slice(0, 5)
        .map(e => ({
        line: e.linePos?.[0]?.line,
        column: e.linePos?.[0]?.col,
        message: e.message.split('\n')[0]
    }));
    return { language: 'yaml', problems };
}
function describeSyntaxProblems(path, check) {
    return check.problems
        .map(p => `${path}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ${p.message}`)
        .join('\n');
}


/***/ }),

/***/ 2492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ selectChange)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ports_cache_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5994);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15538);
/* harmony import */ var _scan_cache_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6296);
/* harmony import */ var _runners_coverage_map_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32602);
/* harmony import */ var _commands_coverage_cache_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(84649);







/**
 * The scan cache of the full graph: a folder under workDir, restored from the Actions cache (when
 * there is one) only when selection is about to build the full graph, and saved after it. The
 * demand-driven graph, which answers almost every change, needs no cache: it scans in well under a
 * second what the change reaches, less than an Actions cache download and upload take.
 */
function fullGraphCache(context, dir) {
    const { log } = context;
    const cache = (0,_ports_cache_js__WEBPACK_IMPORTED_MODULE_6__/* .createCachePort */ ._)(context.env, log);
    if (!cache.available)
        return undefined;
    const prefix = `ci-medic-select-v${_scan_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .SCANNER_VERSION */ .y}-${process.platform}-`;
    return {
        async restore() {
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'scans.json')))
                return;
            const hit = await cache.restore([dir], `${prefix}${context.event.sha ?? 'local'}`, [prefix]);
            log.info(hit ? `Selection graph cache restored (${hit}).` : 'No selection graph cache yet: cold scan.');
        },
        async save() {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'scans.json')))
                return;
            const key = `${prefix}${context.event.sha ?? 'local'}-${context.event.runId ?? Date.now()}-${context.event.runAttempt ?? 1}`;
            await cache.save([dir], key);
        }
    };
}
/**
 * Selects the tests a change between `base` and `head` can affect, with the scan cache of the
 * full graph in the work dir (and the Actions cache when that graph is built). Every command that
 * selects goes through here.
 */
async function selectChange(context, git, base, head) {
    const { log, inputs } = context;
    const cacheDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(context.workDir, 'select-cache');
    const cache = fullGraphCache(context, cacheDir);
    return log.group('Test selection', async () => {
        if (inputs.useCoverage)
            await (0,_commands_coverage_cache_js__WEBPACK_IMPORTED_MODULE_5__/* .coverageMapCache */ .l)(context)?.restore();
        const coverageMap = inputs.useCoverage ? (0,_runners_coverage_map_js__WEBPACK_IMPORTED_MODULE_4__/* .readCoverageMap */ .RH)(context.workDir) : undefined;
        const result = await (0,_index_js__WEBPACK_IMPORTED_MODULE_2__/* .selectTests */ .M0)({
            git,
            base,
            head,
            log,
            alwaysRun: inputs.alwaysRun,
            runAllOn: inputs.runAllOn,
            memberReach: inputs.selectGranularity === 'member',
            configFile: inputs.configFile,
            cacheDir,
            fullGraphCache: cache,
            coverageMap
        });
        if (result.stats.graph === 'full')
            await cache?.save();
        return result;
    });
}


/***/ }),

/***/ 15538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tf: () => (/* reexport */ scanKindOf),
  M0: () => (/* binding */ selectTests)
});

// UNUSED EXPORTS: buildDemandRepositoryGraph, buildRepositoryGraph, emitsDecoratorMetadata, metadataOnlyChange, scanSource, stringRefersTo, valueImportKeeper

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/select/model.ts
var model = __webpack_require__(71709);
;// CONCATENATED MODULE: ./src/select/diff.ts

/**
 * Compares two versions of a module symbol by symbol. Symbols whose normalized token hash is
 * unchanged are unchanged, so edits to comments, whitespace, semicolons or quotes change nothing.
 */
function diffScans(base, head) {
    const change = { whole: false, symbols: new Set(), exports: new Set() };
    if (!base || !head || base.lang !== head.lang) {
        change.whole = true;
        return change;
    }
    // Own entries only: a symbol named toString or constructor is not Object.prototype's.
    for (const name of new Set([...Object.keys(base.symbols), ...Object.keys(head.symbols)])) {
        if ((0,model/* own */.ZV)(base.symbols, name)?.hash !== (0,model/* own */.ZV)(head.symbols, name)?.hash)
            change.symbols.add(name);
    }
    for (const name of new Set([...Object.keys(base.exports), ...Object.keys(head.exports)])) {
        const before = (0,model/* own */.ZV)(base.exports, name);
        const after = (0,model/* own */.ZV)(head.exports, name);
        if (before !== after || (after !== undefined && change.symbols.has(after)))
            change.exports.add(name);
    }
    // A value made a type alone (`export type { b } from`): what ran through it is gone.
    const isType = typeNames(head);
    if (isType) {
        const wasType = typeNames(base);
        const valueBefore = (name) => (0,model/* own */.ZV)(base.symbols, name) !== undefined && !wasType?.(name);
        for (const name of change.symbols)
            if (isType(name) && valueBefore(name))
                (change.valuesBefore ??= new Set()).add(name);
        for (const name of change.exports) {
            const [before, after] = [(0,model/* own */.ZV)(base.exports, name), (0,model/* own */.ZV)(head.exports, name)];
            if (after !== undefined && isType(after) && before !== undefined && valueBefore(before))
                (change.valuesBefore ??= new Set()).add(name);
        }
    }
    if (base.exportAll.join('\n') !== head.exportAll.join('\n') ||
        base.esm !== head.esm ||
        base.pkg !== head.pkg)
        change.symbols.add(model/* MODULE_SYMBOL */.se);
    const wholeImports = (scan) => scan.imports
        .filter(record => record.names === null)
        .map(record => `${record.kind}:${record.spec}`)
        .sort()
        .join('\n');
    // A new or removed require()/import() inside a function changes that function's hash already;
    // at module level it is part of MODULE_SYMBOL. Go and Python imports load whole packages.
    if ((head.lang === 'go' || head.lang === 'py') && wholeImports(base) !== wholeImports(head))
        change.symbols.add(model/* MODULE_SYMBOL */.se);
    return change;
}
/**
 * Whether a local name of a scan is a type alone (see isTypeName in graph.ts): undefined when none
 * is.
 */
function typeNames(scan) {
    const bound = new Map();
    for (const record of scan.imports)
        for (const { local } of record.names ?? [])
            if (local)
                bound.set(local, record.typeOnly === true);
    const typed = (name) => bound.get(name) ?? (0,model/* own */.ZV)(scan.symbols, name)?.typeOnly === true;
    return [...bound.values()].some(Boolean) || Object.values(scan.symbols).some(symbol => symbol.typeOnly)
        ? typed
        : undefined;
}
function isEmptyChange(change) {
    return !change.whole && change.symbols.size === 0 && change.exports.size === 0;
}
/** Human names of what changed: `foo`, `Widget.render`, `<module>`, or `*` for the whole file. */
function changedNames(change) {
    if (change.whole)
        return ['*'];
    const names = new Set();
    for (const symbol of change.symbols)
        if (!symbol.startsWith('@reexport:'))
            names.add(symbol);
    for (const name of change.exports)
        names.add(name);
    return [...names].sort();
}

// EXTERNAL MODULE: ./src/select/fallback.ts
var fallback = __webpack_require__(11380);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/select/git-source.ts




/**
 * Every blob of `rev` (symlinks and submodules left out). When the index holds exactly rev's tree
 * (rev checked out with nothing staged, as a CI job has it), the index is listed: git reads one
 * file, where `ls-tree -r` inflates every tree object (twice the time on 30,000 files). Else, or when
 * git cannot tell (a bare repository), `git ls-tree` lists rev. `checkedOut: false` says rev is not
 * what the work tree holds, so the index is not looked at.
 */
async function listTree(git, rev, options = {}) {
    if (options.checkedOut !== false) {
        const [index, same] = await Promise.all([
            gitToFile(git, ['ls-files', '--stage', '-z', '--full-name', '--', ':/']),
            git.tryQuery(['diff-index', '--cached', '--quiet', rev, '--']).then(result => result.exitCode === 0, () => false)
        ]);
        if (same && index.exitCode === 0)
            return parseIndex(index.text);
    }
    const tree = await gitToFile(git, ['ls-tree', '-r', '-z', '--full-tree', rev]);
    if (tree.exitCode !== 0)
        throw new Error(`git ls-tree ${rev} failed (exit ${tree.exitCode}): ${tree.stderr.trim()}`);
    return parseTree(tree.text);
}
/**
 * Runs git with its output going to a temporary file rather than a pipe: a pipe holds 64 KiB, so
 * while this thread is busy (loading the scan cache) git would stop, and a large listing would be
 * written only once the thread is free again.
 */
function gitToFile(git, args) {
    const folder = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ci-medic-tree-'));
    const file = (0,external_node_path_.join)(folder, 'out');
    const removeFolder = () => (0,external_node_fs_.rmSync)(folder, { recursive: true, force: true });
    let out;
    try {
        out = (0,external_node_fs_.openSync)(file, 'w');
    }
    catch (error) {
        removeFolder();
        return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
        let child;
        try {
            child = (0,external_node_child_process_.spawn)('git', [...args], {
                cwd: git.dir,
                env: git.environment(),
                stdio: ['ignore', out, 'pipe'],
                windowsHide: true
            });
        }
        finally {
            (0,external_node_fs_.closeSync)(out);
        }
        let stderr = '';
        child.stderr?.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', code => {
            try {
                resolve({ exitCode: code ?? 1, text: code === 0 ? (0,external_node_fs_.readFileSync)(file, 'utf8') : '', stderr });
            }
            catch (error) {
                reject(error);
            }
        });
    }).finally(removeFolder);
}
/**
 * `ls-tree -r` records: <mode> SP <type> SP <sha> TAB <path>. Files are blobs; symlinks (blobs of
 * mode 120000) and submodules (commits) are left out.
 */
function parseTree(out) {
    return parseListing(out, (at, tab) => {
        const type = out.indexOf(' ', at) + 1;
        const sha = out.indexOf(' ', type) + 1;
        return type > 0 && sha > 0 && sha < tab && out.startsWith('blob ', type) && !out.startsWith('120000 ', at)
            ? out.slice(sha, tab)
            : undefined;
    });
}
/**
 * `ls-files --stage` records: <mode> SP <sha> SP <stage> TAB <path>, in the order `ls-tree -r`
 * gives. Files have modes 100644 and 100755; symlinks (120000) and submodules (160000) are left out.
 */
function parseIndex(out) {
    return parseListing(out, (at, tab) => {
        const sha = out.indexOf(' ', at) + 1;
        const stage = out.indexOf(' ', sha);
        return sha > 0 && stage > 0 && stage < tab && out.startsWith('100', at)
            ? out.slice(sha, stage)
            : undefined;
    });
}
/**
 * NUL-ended records of fields, TAB, path, read in place (tens of thousands of them). `blobOf` gives
 * the blob SHA of the record at `at` whose path follows `tab`, or undefined to leave it out.
 */
function parseListing(out, blobOf) {
    const entries = [];
    for (let at = 0; at < out.length;) {
        let end = out.indexOf('\0', at);
        if (end < 0)
            end = out.length;
        const tab = out.indexOf('\t', at);
        const sha = tab > at && tab < end ? blobOf(at, tab) : undefined;
        if (sha !== undefined)
            entries.push({ path: out.slice(tab + 1, end), sha });
        at = end + 1;
    }
    return entries;
}
/** Contents of many blobs through one `git cat-file --batch` process. */
async function readBlobs(dir, shas) {
    const result = new Map();
    if (shas.length === 0)
        return result;
    const batch = openBlobBatch(dir, (sha, blob) => result.set(sha, blob));
    batch.request(shas);
    await batch.close();
    return result;
}
/**
 * Streams blobs out of `git cat-file --batch` and hands each to `onBlob` as soon as it is complete,
 * so that git (on another core) decompresses while the caller scans. Requests made before the
 * caller's next await are written at once; blobs reach `onBlob` only once this thread is free.
 */
function openBlobBatch(dir, onBlob) {
    const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], {
        cwd: dir,
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true
    });
    let pending = Buffer.alloc(0);
    // Chunks that came after `pending`, joined once the blob being read is whole: joined chunk by
    // chunk, a blob of megabytes would be copied over and over.
    const chunks = [];
    let chunkBytes = 0;
    /** How many bytes `pending` must hold before drain can hand over another blob. */
    let needed = 1;
    let stderr = '';
    let failed;
    const drain = () => {
        for (;;) {
            const headerEnd = pending.indexOf(10);
            if (headerEnd < 0) {
                needed = pending.length + 1;
                return;
            }
            const header = pending.toString('latin1', 0, headerEnd).split(' ');
            if (header[1] === 'missing' || header.length < 3) {
                pending = pending.subarray(headerEnd + 1);
                continue;
            }
            const size = Number(header[2]);
            needed = headerEnd + 1 + size + 1;
            if (pending.length < needed)
                return;
            const blob = pending.subarray(headerEnd + 1, headerEnd + 1 + size);
            pending = pending.subarray(headerEnd + 1 + size + 1);
            try {
                onBlob(header[0], blob);
            }
            catch (error) {
                failed ??= error;
            }
        }
    };
    const finished = new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
            chunks.push(chunk);
            chunkBytes += chunk.length;
            if (pending.length + chunkBytes < needed)
                return;
            pending = pending.length || chunks.length > 1 ? Buffer.concat([pending, ...chunks]) : chunk;
            chunks.length = 0;
            chunkBytes = 0;
            drain();
        });
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', code => {
            if (failed)
                return reject(failed);
            if (code !== 0)
                return reject(new Error(`git cat-file --batch failed (exit ${code}): ${stderr.trim()}`));
            resolve();
        });
    });
    // Failures are reported by close(); a batch dropped after a failure must not crash the process.
    finished.catch(() => undefined);
    child.stdin.on('error', () => undefined);
    return {
        request(shas) {
            const unique = [...new Set(shas)];
            if (unique.length)
                child.stdin.write(unique.join('\n') + '\n');
        },
        close() {
            child.stdin.end();
            return finished;
        }
    };
}
const ZERO = /^0+$/;
/** base..head changes with blob SHAs on both sides (`git diff --raw`). */
async function diffRaw(git, base, head) {
    const out = await git.query(['diff', '--raw', '-z', '-M', '--no-abbrev', '--no-ext-diff', base, head, '--']);
    const fields = out.split('\0');
    const changes = [];
    for (let i = 0; i < fields.length;) {
        const meta = fields[i++];
        if (!meta.startsWith(':'))
            continue;
        const [, , oldSha, newSha, statusField] = meta.slice(1).split(' ');
        const status = (statusField ?? 'M')[0];
        const baseSha = oldSha && !ZERO.test(oldSha) ? oldSha : undefined;
        const headSha = newSha && !ZERO.test(newSha) ? newSha : undefined;
        if (status === 'R' || status === 'C') {
            const from = fields[i++];
            const to = fields[i++];
            changes.push({
                status: status === 'R' ? 'renamed' : 'added',
                path: to,
                previousPath: status === 'R' ? from : undefined,
                baseSha,
                headSha
            });
        }
        else {
            const path = fields[i++];
            const mapped = status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified';
            changes.push({ status: mapped, path, baseSha, headSha });
        }
    }
    return changes;
}

// EXTERNAL MODULE: ./src/select/glob-imports.ts
var glob_imports = __webpack_require__(12903);
// EXTERNAL MODULE: ./src/select/project.ts
var project = __webpack_require__(82045);
// EXTERNAL MODULE: ./src/select/js-lexer.ts
var js_lexer = __webpack_require__(40614);
;// CONCATENATED MODULE: ./src/select/html.ts


/**
 * An HTML page read as the module its scripts make: what a test that loads the page (jsdom's
 * `runScripts` with usable resources, a browser) runs. Each `<script src>` and
 * `<link rel="modulepreload">` becomes a side-effect import, each inline script its own code,
 * each other local `src`/`href` (a stylesheet, an image, a page it links to) a path string, and
 * the page's whole text one string, so that any edit of it changes the module.
 *
 * `src="app.js"` is a URL relative to the page, so `./app.js`; `/src/main.ts` starts at the
 * server's root, which is taken to be the page's folder (Vite's `index.html`). URLs with a scheme
 * (`https:`, `data:`), protocol-relative ones and template placeholders (`{{ }}`, `<%= %>`,
 * `%PUBLIC_URL%`, `${…}`) name no file of the repository and are left out. Comments load nothing.
 */
function htmlModule(html) {
    const page = html.replace(COMMENT, '');
    const lines = [];
    for (const match of page.matchAll(ELEMENT)) {
        const script = match[1] !== undefined;
        const attributeText = (script ? match[2] : match[5]) ?? '';
        // Most tags name no URL: their attributes are not read.
        if (!script && !URL_ATTRIBUTE.test(attributeText))
            continue;
        const attributes = attributesOf(attributeText);
        const content = match[3] ?? '';
        if (script) {
            const type = (attributes.get('type') ?? '').trim().toLowerCase();
            if (JSON_SCRIPT.test(type)) {
                // An import map or JSON: its strings may name modules and data files.
                if (content.trim() && !(0,js_lexer/* tokenize */.qw)(`(${content})`, false).error)
                    lines.push(`;(${content}\n)`);
                continue;
            }
            if (TEMPLATE_SCRIPT.test(type))
                continue;
            if (attributes.has('src')) {
                const src = localUrl(attributes.get('src'));
                if (src !== undefined)
                    lines.push(`import ${JSON.stringify(src)}`);
                continue;
            }
            // Inline code that does not tokenize on its own (a server template's placeholders) is left out.
            if (content.trim() && !(0,js_lexer/* tokenize */.qw)(content, false).error)
                lines.push(`;${content}\n`);
            continue;
        }
        const name = (match[4] ?? '').toLowerCase();
        for (const attribute of ['src', 'href', 'poster', 'data']) {
            const url = localUrl(attributes.get(attribute));
            // A folder (`<a href="/">`) is no file the page loads.
            if (url === undefined || url.endsWith('/'))
                continue;
            const rel = (attributes.get('rel') ?? '').toLowerCase();
            lines.push(name === 'link' && attribute === 'href' && /\bmodulepreload\b/.test(rel)
                ? `import ${JSON.stringify(url)}`
                : `;${JSON.stringify(url)}`);
        }
    }
    lines.push(`;${JSON.stringify(`html ${(0,model/* hashText */.qj)(html)}`)}`);
    return lines.join('\n') + '\n';
}
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** A script with its code (up to the first `</script`, as HTML reads it), or a start tag. */
const ELEMENT = /<(script)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)(?:<\/script\s*>|$)|<([a-z][\w-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
/** Script types whose content is data, not code: JSON and an import map, whose strings count. */
const JSON_SCRIPT = /^(?:importmap|speculationrules|application\/(?:[\w.+-]+\+)?json)$/;
/** Script types whose content is markup for later, not code. */
const TEMPLATE_SCRIPT = /^text\/(?:template|html|plain|x-[\w.-]*template[\w.-]*)$/;
const URL_ATTRIBUTE = /(?:src|href|poster|data)\s*=/i;
const ATTRIBUTE = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
function attributesOf(text) {
    const attributes = new Map();
    for (const [, name = '', double, single, bare] of text.matchAll(ATTRIBUTE)) {
        const key = name.toLowerCase();
        if (!attributes.has(key))
            attributes.set(key, decodeEntities(double ?? single ?? bare ?? ''));
    }
    return attributes;
}
function decodeEntities(text) {
    return text.includes('&')
        ? text.replace(/&(?:amp|quot|apos|#39|#x27);/g, entity => ENTITIES[entity] ?? entity)
        : text;
}
const ENTITIES = {
    '&amp;': '&',
    '&quot;': '"',
    '&apos;': "'",
    '&#39;': "'",
    '&#x27;': "'"
};
/** A URL that names a file of the site, as a relative specifier; undefined for anything else. */
function localUrl(value) {
    if (value === undefined)
        return undefined;
    const url = value.trim().replace(/[?#].*$/, '');
    if (!url || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//') || /[{}%<>$\s\\]/.test(url))
        return undefined;
    if (url.startsWith('/'))
        return `.${url}`;
    return url.startsWith('./') || url.startsWith('../') ? url : `./${url}`;
}

;// CONCATENATED MODULE: ./src/select/quick-pass.ts

/**
 * The demand graph's quick pass: every quoted string of every JavaScript/TypeScript source,
 * filed by a hash of its last segment's stem. It reads bytes, not text: decoding every file and
 * making a string of every candidate cost more than the rest of the pass together. The few
 * strings that need a closer look (see TextRules) are handed back as ranges, to be decoded.
 */
const MAX_SPEC_LENGTH = 1024;
/** Calls `found` with the range of each candidate in `text` (after its quote, up to the next). */
function quotedRanges(text, found) {
    for (const quote of ["'", '"', '`']) {
        const template = quote === '`';
        let at = text.indexOf(quote);
        let lineEnd = -1;
        while (at >= 0) {
            const next = text.indexOf(quote, at + 1);
            if (next < 0)
                break;
            if (!template && lineEnd < at) {
                lineEnd = text.indexOf('\n', at + 1);
                if (lineEnd < 0)
                    lineEnd = text.length;
            }
            if ((template || next < lineEnd) && next - at - 1 <= MAX_SPEC_LENGTH)
                found(at + 1, next);
            at = next;
        }
    }
}
/** FNV-1a of the UTF-16 code units of `text` from `start` to `end`. */
function hash32(text, start = 0, end = text.length) {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++)
        hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return hash | 0;
}
const EXTENSION = /^\.(?:[cm]?[jt]sx?|json|node)$/;
/**
 * hash32 of the stem (the last segment, less an extension the resolver infers) of the spec at
 * `from`..`to` of `text`, without making either string; 0 for a spec without a segment.
 */
function stemHash(text, from = 0, to = text.length) {
    let end = to;
    while (end > from && text.charCodeAt(end - 1) === 47 /* / */)
        end--;
    if (end !== to) {
        // A folder form: `..`, `./` and the like have no segment (they are resolved up front).
        const segment = lastSegment(text.slice(from, to));
        return segment === undefined ? 0 : hash32(stemOf(segment));
    }
    // Back from the end to the segment's start, within the spec (a file may hold long strings).
    let start = end;
    let dot = -1;
    for (; start > from; start--) {
        const c = text.charCodeAt(start - 1);
        if (c === 47 /* / */)
            break;
        if (c === 46 /* . */ && dot < 0)
            dot = start - 1;
    }
    if (dot >= 0 && end - dot <= 5 && EXTENSION.test(text.slice(dot, end)))
        end = dot;
    return hash32(text, start, end);
}
/** The extensions the resolver infers (`./data` finds `data.json`, `./dir` finds `dir/index.json`). */
const SPEC_EXTENSION = /\.(?:[cm]?[jt]sx?|json|node)$/;
/** The last path segment of a specifier; undefined for `.`, `..`, `` and trailing-slash-only forms. */
function lastSegment(spec) {
    let end = spec.length;
    while (end > 0 && spec.charCodeAt(end - 1) === 47 /* / */)
        end--;
    const segment = spec.slice(spec.lastIndexOf('/', end - 1) + 1, end);
    return segment === '' || segment === '.' || segment === '..' ? undefined : segment;
}
/** A segment without an extension the resolver infers (`util.js` → `util`). */
function stemOf(segment) {
    return segment.includes('.') ? segment.replace(SPEC_EXTENSION, '') : segment;
}
/**
 * Source indexes filed by a 32-bit hash, in typed arrays: tens of thousands of candidates cost no
 * objects. Equal hashes of different names only add sources, which the caller checks again.
 */
class StemIndex {
    heads;
    next = new Int32Array(1024);
    hashes = new Int32Array(1024);
    sources = new Int32Array(1024);
    size = 0;
    constructor(files) {
        let buckets = 1024;
        while (buckets < files * 4)
            buckets *= 2;
        this.heads = new Int32Array(buckets).fill(-1);
    }
    add(hash, source) {
        const bucket = hash & (this.heads.length - 1);
        const head = this.heads[bucket];
        // A source names the same stem again: filed once is enough.
        if (head >= 0 && this.sources[head] === source && this.hashes[head] === hash)
            return;
        if (this.size === this.next.length) {
            this.next = grown(this.next);
            this.hashes = grown(this.hashes);
            this.sources = grown(this.sources);
        }
        this.next[this.size] = head;
        this.hashes[this.size] = hash;
        this.sources[this.size] = source;
        this.heads[bucket] = this.size++;
    }
    sourcesOf(hash) {
        const found = [];
        for (let entry = this.heads[hash & (this.heads.length - 1)]; entry >= 0; entry = this.next[entry])
            if (this.hashes[entry] === hash)
                found.push(this.sources[entry]);
        return found;
    }
}
const ANY_LENGTH = 1;
const SOME_LENGTH = 2;
/** A string is at most this many UTF-8 bytes when it is at most MAX_SPEC_LENGTH code units. */
const MAX_SPEC_BYTES = 3 * MAX_SPEC_LENGTH;
/**
 * Which strings the byte pass must hand back as text, known by their first two bytes (and, for
 * whole strings, their length) or their stem. Beyond these it always hands back strings that
 * are empty, end in `/` or `.`, hold a byte outside ASCII, or start with `.` or `/` and hold a
 * pattern character.
 */
class TextRules {
    starts = new Uint8Array(65536);
    whole = new Set();
    stems = new Set();
    all = false;
    /** Every string that starts with `prefix` (every string when it is empty). */
    prefix(prefix) {
        const bytes = Buffer.from(prefix, 'utf8');
        if (bytes.length === 0)
            this.all = true;
        else if (bytes.length === 1)
            this.starts.fill(ANY_LENGTH, bytes[0] << 8, (bytes[0] + 1) << 8);
        else
            this.starts[startKey(bytes, 0, bytes.length)] = ANY_LENGTH;
        return this;
    }
    /** The string `text` itself. */
    exactly(text) {
        const bytes = Buffer.from(text, 'utf8');
        if (bytes.length === 0 || bytes.length > MAX_SPEC_BYTES)
            return this;
        const key = startKey(bytes, 0, bytes.length);
        this.starts[key] = this.starts[key] | SOME_LENGTH;
        this.whole.add(key * 4096 + bytes.length);
        return this;
    }
    /** Every string whose last segment's stem (see stemHash) is `stem`. */
    stem(stem) {
        this.stems.add(hash32(stem));
        return this;
    }
    /** Whether the string of `length` bytes that starts with `key` (see startKey) is handed back. */
    wants(key, length, hash) {
        const flags = this.starts[key];
        return (this.all ||
            (flags & ANY_LENGTH) !== 0 ||
            ((flags & SOME_LENGTH) !== 0 && this.whole.has(key * 4096 + length)) ||
            this.stems.has(hash));
    }
}
/** The first two bytes of `start`..`end` as one number; the second is 0 for a one-byte string. */
function startKey(bytes, start, end) {
    return (bytes[start] << 8) | (end - start > 1 ? bytes[start + 1] : 0);
}
/** `*`, `?`, `[` or `{`: globCandidate takes a relative path with one for a pattern. */
const isPatternByte = (c) => c === 0x2a || c === 0x3f || c === 0x5b || c === 0x7b;
/** Does `bytes[start..end)` hold `/${`: a template's hole after a folder (see holedPattern)? */
function holeAfterSlash(bytes, start, end) {
    for (let i = start; i + 2 < end; i++)
        if (bytes[i] === 0x2f && bytes[i + 1] === 0x24 && bytes[i + 2] === 0x7b)
            return true;
    return false;
}
/** Is `bytes[dot..end)` an extension the resolver infers (`.js`, `.tsx`, `.json`, …)? */
function inferredExtension(bytes, dot, end) {
    const length = end - dot - 1;
    let i = dot + 1;
    if (length === 4) {
        if ((bytes[i] === 0x6a /* j */ &&
            bytes[i + 1] === 0x73 &&
            bytes[i + 2] === 0x6f &&
            bytes[i + 3] === 0x6e) ||
            (bytes[i] === 0x6e /* n */ && bytes[i + 1] === 0x6f && bytes[i + 2] === 0x64 && bytes[i + 3] === 0x65))
            return true;
    }
    if (length < 2 || length > 4)
        return false;
    const last = end;
    if (bytes[i] === 0x63 /* c */ || bytes[i] === 0x6d /* m */)
        i++;
    if (bytes[i] !== 0x6a /* j */ && bytes[i] !== 0x74 /* t */)
        return false;
    if (bytes[++i] !== 0x73 /* s */)
        return false;
    i++;
    if (i < last && bytes[i] === 0x78 /* x */)
        i++;
    return i === last;
}
/**
 * The quick pass over one source's bytes. Each string quotedRanges would find in its text is
 * either filed in `stems` under `source` by its stemHash (ASCII text: the same hash), or handed
 * to `closer` by its byte range, when `rules` or its bytes say it needs a closer look; an argument
 * filed that something is joined to (`join(ROOT, 'rules', name)`) is filed in `holed` too. Returns
 * how many strings were filed.
 */
function fileStrings(bytes, source, stems, rules, closer, holed) {
    let filed = 0;
    const byteAt = (i) => bytes[i];
    for (const quote of [0x27 /* ' */, 0x22 /* " */, 0x60 /* ` */]) {
        const template = quote === 0x60;
        let at = bytes.indexOf(quote);
        let lineEnd = -1;
        while (at >= 0) {
            const next = bytes.indexOf(quote, at + 1);
            if (next < 0)
                break;
            if (!template && lineEnd < at) {
                lineEnd = bytes.indexOf(0x0a, at + 1);
                if (lineEnd < 0)
                    lineEnd = bytes.length;
            }
            const start = at + 1;
            at = next;
            if ((!template && next >= lineEnd) || next - start > MAX_SPEC_BYTES)
                continue;
            const end = next;
            const last = end > start ? bytes[end - 1] : 0;
            if (last === 0 || last === 0x2f /* / */ || last === 0x2e /* . */) {
                closer(start, end);
                continue;
            }
            // Back to the segment's start, then on over the rest: a byte outside ASCII, or a pattern
            // character in a relative or absolute path, sends the string to the closer look.
            let segment = end;
            let dot = -1;
            let high = 0;
            let pattern = false;
            for (; segment > start; segment--) {
                const c = bytes[segment - 1];
                if (c === 0x2f /* / */)
                    break;
                if (c === 0x2e /* . */ && dot < 0)
                    dot = segment - 1;
                high |= c;
                pattern ||= isPatternByte(c);
            }
            for (let i = start; i < segment; i++) {
                const c = bytes[i];
                high |= c;
                pattern ||= isPatternByte(c);
            }
            const first = bytes[start];
            if (high & 0x80 ||
                (pattern &&
                    (first === 0x2e /* . */ ||
                        first === 0x2f /* / */ ||
                        (template && first === 0x24 /* $ */ && holeAfterSlash(bytes, start, end))))) {
                closer(start, end);
                continue;
            }
            if (end - start > MAX_SPEC_LENGTH)
                continue;
            const stemEnd = dot >= 0 && end - dot <= 5 && inferredExtension(bytes, dot, end) ? dot : end;
            let hash = 0x811c9dc5;
            for (let i = segment; i < stemEnd; i++)
                hash = Math.imul(hash ^ bytes[i], 0x01000193);
            hash |= 0;
            if (rules.wants(startKey(bytes, start, end), end - start, hash)) {
                closer(start, end);
                continue;
            }
            stems.add(hash, source);
            if (holed && goesOnPast(byteAt, end) && joinedArgument(bytes, start - 1))
                holed.add(hash, source);
            filed++;
        }
    }
    return filed;
}
/**
 * Whether something is joined or added to the string whose closing quote is at `close` (`code`
 * gives the text's code units, or bytes): `'rules', name`, `'rules' + name`, not `'a', 'b'` nor
 * `'a')`. A path may go on past it (see holedPattern).
 */
function goesOnPast(code, close) {
    let i = close + 1;
    while (isSpaceByte(code(i)))
        i++;
    const joint = code(i);
    if (joint !== 0x2c /* , */ && joint !== 0x2b /* + */)
        return false;
    i++;
    while (isSpaceByte(code(i)))
        i++;
    const next = code(i);
    return (next !== undefined &&
        next !== 0x27 &&
        next !== 0x22 &&
        next !== 0x60 &&
        next !== 0x29 /* ) */ &&
        next !== 0x5d /* ] */ &&
        next !== 0x7d /* } */);
}
/**
 * Whether the string whose opening quote is at `quote` is an argument after another, or the
 * first of `join(` or `resolve(`: where a path built by joining may hold it.
 */
function joinedArgument(bytes, quote) {
    let i = quote - 1;
    while (isSpaceByte(bytes[i]))
        i--;
    if (bytes[i] === 0x2c /* , */)
        return true;
    if (bytes[i] !== 0x28 /* ( */)
        return false;
    i--;
    while (isSpaceByte(bytes[i]))
        i--;
    return endsWithWord(bytes, i, JOIN) || endsWithWord(bytes, i, RESOLVE);
}
const JOIN = Buffer.from('join');
const RESOLVE = Buffer.from('resolve');
function endsWithWord(bytes, last, word) {
    if (last + 1 < word.length)
        return false;
    for (let k = 0; k < word.length; k++)
        if (bytes[last - k] !== word[word.length - 1 - k])
            return false;
    return true;
}
const isSpaceByte = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const IDENTIFIER_CHAR = /[\w$]/;
/**
 * How the code before the string whose opening quote is at `quote` loads it, nothing but spaces
 * between: `require(` (`require`), `import(` (`dynamic`), `from` or `import` (`static`); undefined
 * when it is no import's specifier.
 */
function loaderAt(text, quote) {
    let i = quote - 1;
    while (i >= 0 && isSpace(text[i]))
        i--;
    const call = text[i] === '(';
    if (call) {
        i--;
        while (i >= 0 && isSpace(text[i]))
            i--;
    }
    const end = i + 1;
    while (i >= 0 && IDENTIFIER_CHAR.test(text[i]))
        i--;
    if (text[i] === '.')
        return undefined;
    const word = text.slice(i + 1, end);
    if (call)
        return word === 'require' ? 'require' : word === 'import' ? 'dynamic' : undefined;
    return word === 'from' || word === 'import' ? 'static' : undefined;
}
/** Characters that match themselves in a pattern, outside brackets. */
const PLAIN = /^[\w@\-/#~!%&,:;<>='"`]$/;
/**
 * The text every string `regex` matches starts with, up to two characters: '' when it cannot
 * tell (no `^` at the start, a `|` outside groups, flags that change what `^` or a letter
 * matches, an optional or repeated first character).
 */
function literalStart(regex) {
    const source = regex.source;
    if (/[im]/.test(regex.flags) || !source.startsWith('^') || alternatesAtTop(source))
        return '';
    let start = '';
    for (let i = 1; start.length < 2 && i < source.length;) {
        let c = source[i];
        let width = 1;
        if (c === '\\') {
            c = source[i + 1] ?? '';
            width = 2;
            if (!/^[^\w\s]$/.test(c))
                break;
        }
        else if (!PLAIN.test(c))
            break;
        const after = source[i + width] ?? '';
        if (after === '?' || after === '*' || after === '{')
            break;
        start += c;
        if (after === '+')
            break;
        i += width;
    }
    return start;
}
/** Does the pattern source have a `|` outside every group and bracket? */
function alternatesAtTop(source) {
    let depth = 0;
    let bracket = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\')
            i++;
        else if (bracket)
            bracket = c !== ']';
        else if (c === '[')
            bracket = true;
        else if (c === '(')
            depth++;
        else if (c === ')')
            depth--;
        else if (c === '|' && depth === 0)
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/select/js-loads.ts



/**
 * What a JavaScript/TypeScript file too large to scan symbol by symbol loads (a bundle, a
 * generated parser; see MAX_SCANNED_BYTES), read from its quoted strings without tokenizing it:
 * - a string that is the whole argument of `require(…)` or `import(…)`, or that follows `from` or
 *   `import`, is an import of the whole module;
 * - such an argument that a path goes on past (`require('./' + id + '.index.js')`, as a bundle
 *   loads its chunks, or `` import(`./locale/${lang}`) ``) loads every file under its text;
 * - a string that may be a path is kept, as the scanner keeps one (see ModuleScan.strings).
 * It reads as CommonJS (whatever imports it takes all of it), and its one symbol is the module,
 * hashed (with `hashes`) from its text: any change of the file is a change of all of it. A string
 * in a comment counts as well, which can only add loads.
 */
function scanJsLoads(text, hashes) {
    const scan = (0,model/* emptyScan */.$6)('js');
    const strings = new Set();
    const specs = new Set();
    const add = (record) => {
        scan.imports.push(record);
        if (record.kind !== 'glob')
            specs.add(record.spec);
    };
    quotedRanges(text, (start, end) => {
        const value = text.slice(start, end);
        const loader = loaderAt(text, start - 1);
        if (loader === 'static')
            add({ spec: value, kind: 'static', names: null });
        else if (loader !== undefined) {
            const built = text[start - 1] === '`' ? value.indexOf('${') : nextCode(text, end + 1) === '+' ? value.length : -1;
            if (built < 0)
                add({ spec: value, kind: loader, names: null });
            else {
                const prefix = value.slice(0, built);
                if (/^\.{1,2}\//.test(prefix))
                    add({ spec: `${(0,glob_imports/* literalGlob */.Iq)(prefix)}**`, kind: 'glob', names: null });
            }
        }
        if ((0,model/* keptAsPath */._V)(value))
            strings.add(value);
    });
    scan.strings = [...strings].filter(value => !specs.has(value));
    scan.symbols[model/* MODULE_SYMBOL */.se] = { hash: hashes ? (0,model/* hashText */.qj)(text) : '', refs: [] };
    return scan;
}
/** The first character from `at` on that is not a space. */
function nextCode(text, at) {
    let i = at;
    while (isSpace(text[i]))
        i++;
    return text[i];
}

// EXTERNAL MODULE: ./src/select/js-scanner.ts
var js_scanner = __webpack_require__(62178);
;// CONCATENATED MODULE: ./src/select/other-scanners.ts



/** Python and Go: top-level definitions by indentation / package-level declarations. */
const PY_KEYWORDS = new Set([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def',
    'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
    'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'self', 'cls'
]); // prettier-ignore
/** Splits Python source into logical lines (bracket and backslash continuations joined). */
function pythonLogicalLines(src) {
    const lines = [];
    let i = 0;
    const n = src.length;
    let depth = 0;
    let code = '';
    let norm = '';
    let strings = [];
    let indent = -1;
    let atLineStart = true;
    let lineIndent = 0;
    let start = 0;
    const flush = (end) => {
        if (code.trim())
            lines.push({ code, norm: norm.replace(/[ \t]+/g, ' ').trim(), indent, strings, start, end });
        code = '';
        norm = '';
        strings = [];
        indent = -1;
    };
    while (i < n) {
        const c = src[i];
        if (atLineStart) {
            if (!code.trim())
                start = i;
            lineIndent = 0;
            while (src[i] === ' ' || src[i] === '\t') {
                lineIndent += src[i] === '\t' ? 8 : 1;
                i++;
            }
            atLineStart = false;
            continue;
        }
        if (c === '#') {
            while (i < n && src[i] !== '\n')
                i++;
            continue;
        }
        if (c === '\\' && src[i + 1] === '\n') {
            i += 2;
            norm += ' ';
            code += ' ';
            continue;
        }
        if (c === '\n' || c === '\r') {
            const end = i;
            i++;
            if (c === '\r' && src[i] === '\n')
                i++;
            atLineStart = true;
            if (depth === 0)
                flush(end);
            else {
                code += ' ';
                norm += ' ';
            }
            continue;
        }
        if (indent < 0 && c !== ' ' && c !== '\t')
            indent = lineIndent;
        if (c === '"' || c === "'") {
            const triple = src.startsWith(c.repeat(3), i);
            const quote = triple ? c.repeat(3) : c;
            let j = i + quote.length;
            while (j < n) {
                if (src[j] === '\\')
                    j += 2;
                else if (src.startsWith(quote, j))
                    break;
                else if (!triple && src[j] === '\n')
                    return { lines, error: `unterminated string at offset ${i}` };
                else
                    j++;
            }
            if (j >= n)
                return { lines, error: `unterminated string at offset ${i}` };
            const value = src.slice(i + quote.length, j);
            strings.push(value);
            // Spaces inside a string are content: kept apart from the whitespace the hash ignores.
            norm += JSON.stringify(value).replace(/ /g, '\\u0020');
            code += '""';
            // An f-string's replacement fields are code: what they name is referenced.
            if (/[fF][rRbB]?$|[rR][fF]$/.test(/\w*$/.exec(code.slice(0, -2))?.[0] ?? ''))
                code += ` ${fStringFields(value)} `;
            i = j + quote.length;
            continue;
        }
        if (c === '(' || c === '[' || c === '{')
            depth++;
        else if (c === ')' || c === ']' || c === '}')
            depth = Math.max(0, depth - 1);
        code += c;
        norm += c;
        i++;
    }
    flush(n);
    if (depth > 0)
        return { lines, error: 'unclosed bracket at end of file' };
    return { lines };
}
/** A top-level statement that sets, or adds to, a conftest's list of what pytest does not collect. */
const COLLECT_IGNORE = /^(collect_ignore(?:_glob)?)\s*(=\s*\[|\+=\s*\[|\.extend\(\s*\[|\.append\()(.*)$/;
/**
 * The entries of `collect_ignore` and `collect_ignore_glob` a conftest.py sets whatever runs (see
 * CollectIgnore), from its folder `dir`: in statements at the top level (`collect_ignore =
 * ["setup.py"]`, `.append(…)`, `.extend([…])`, `+= […]`) of plain strings only. What it adds
 * under a condition (`if sys.version_info < (3,):`), or computes, stays collected.
 */
function collectIgnoreOf(src, dir) {
    const paths = [];
    const globs = [];
    for (const { code, indent, strings } of pythonLogicalLines(src).lines) {
        const found = indent === 0 ? COLLECT_IGNORE.exec(code.trim()) : null;
        if (!found)
            continue;
        // Nothing but the strings (each `""` in the code) and the brackets that close the statement.
        const how = found[2];
        const close = how.startsWith('.append') ? '\\)' : how.startsWith('.extend') ? '\\]\\)' : '\\]';
        const items = how.startsWith('.append') ? '""' : '(?:"",)*(?:"",?)?';
        if (!new RegExp(`^${items}${close}$`).test(found[3].replace(/\s+/g, '')))
            continue;
        for (const value of strings) {
            const entry = (0,project/* joinPath */.uJ)(dir, value);
            if (found[1] === 'collect_ignore')
                paths.push(entry);
            else
                globs.push((0,project/* fnmatchPath */.lQ)(entry));
        }
    }
    return paths.length || globs.length ? { dir, paths, globs } : undefined;
}
/** A logical line that is an import statement. */
const PY_IMPORT_LINE = /^(from\s+\S+\s+import|import)\s/;
/** The replacement fields of an f-string's text (`{x!r:>{width}}` → `x width`), `{{` escapes aside. */
function fStringFields(text) {
    let fields = '';
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (depth === 0 && (c === '{' || c === '}') && text[i + 1] === c)
            i++;
        else if (c === '{') {
            depth++;
            fields += ' ';
        }
        else if (c === '}')
            depth = Math.max(0, depth - 1);
        else if (depth > 0)
            fields += c;
    }
    return fields;
}
/**
 * For each local that a top-level `import pkg` (or `import pkg.mod as local`) binds, the attribute
 * names the file reads from it (`pkg.name`), when that is all the file does with it: no bare use
 * (passed on, assigned, `getattr(pkg, …)`) and no other binding of the name.
 */
function moduleAttributes(lines, locals) {
    const attributes = new Map([...locals].map(local => [local, new Set()]));
    for (const line of lines) {
        const code = line.code.trim();
        if (PY_IMPORT_LINE.test(code))
            continue;
        for (const match of code.matchAll(/(^|[^.\w])([A-Za-z_]\w*)(\s*\.\s*([A-Za-z_]\w*))?/g)) {
            const found = attributes.get(match[2]);
            if (!found)
                continue;
            if (match[4] === undefined)
                attributes.delete(match[2]);
            else
                found.add(match[4]);
        }
    }
    return attributes;
}
/**
 * The names code uses; a name read for an attribute as `name.attr` (scanPython keeps that form for
 * names that imports bind: see moduleAttributeRefs).
 */
function pythonRefs(code) {
    const refs = new Set();
    for (const match of code.matchAll(/(^|[^.\w])([A-Za-z_]\w*)(?:\s*\.\s*([A-Za-z_]\w*))?/g)) {
        const name = match[2];
        if (PY_KEYWORDS.has(name))
            continue;
        refs.add(match[3] === undefined ? name : `${name}.${match[3]}`);
    }
    return [...refs];
}
/**
 * Keeps `name.attr` references only where an import binds `name` (a module, perhaps: see linkNode);
 * elsewhere they become `name`.
 */
function moduleAttributeRefs(scan, importBound) {
    for (const symbol of Object.values(scan.symbols)) {
        if (!symbol.refs.some(ref => ref.includes('.')))
            continue;
        const refs = new Set();
        for (const ref of symbol.refs) {
            const dot = ref.indexOf('.');
            refs.add(dot < 0 || importBound.has(ref.slice(0, dot)) ? ref : ref.slice(0, dot));
        }
        symbol.refs = [...refs];
    }
}
function parsePythonImport(code) {
    const text = code.trim();
    let match = /^from\s+(\.*[\w.]*)\s+import\s+(.+)$/s.exec(text);
    if (match) {
        const spec = match[1];
        const list = match[2].replace(/[()]/g, '');
        if (list.trim() === '*')
            return [{ spec, names: null }];
        const names = list
            .split(',')
            .map(part => part.trim())
            .filter(Boolean)
            .map(part => {
            const [imported, local] = part.split(/\s+as\s+/);
            return { imported: imported.trim(), local: (local ?? imported ?? '').trim() };
        });
        return [{ spec, names }];
    }
    match = /^import\s+(.+)$/s.exec(text);
    if (match) {
        return match[1].split(',').map(part => {
            const [module, local] = part.trim().split(/\s+as\s+/);
            const spec = module.trim();
            return { spec, names: null, local: (local ?? spec.split('.')[0] ?? '').trim() };
        });
    }
    return [];
}
/**
 * Code that loads modules named in strings: pytest's `pytest_plugins` (each one loaded with the
 * conftest or test module that lists it), `importlib.import_module(…)` and `__import__(…)`.
 */
const PY_MODULE_BY_NAME = /\bpytest_plugins\s*[:=]|\bimport_module\s*\(|\b__import__\s*\(/;
/** A dotted module path, relative ones too. */
const PY_MODULE_PATH = /^\.*[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
function scanPython(src) {
    const scan = (0,model/* emptyScan */.$6)('py');
    const { lines, error } = pythonLogicalLines(src);
    if (error)
        scan.error = error;
    const moduleParts = [];
    const moduleRefs = new Set();
    const allStrings = new Set();
    let current;
    let decorators = [];
    // Imports in a block: a function's or class's body, or code under `if`/`try` at module level.
    const nested = [];
    // Every name an import binds, at top level or in a block.
    const importBound = new Set();
    const close = () => {
        if (!current)
            return;
        const existing = scan.symbols[current.name];
        const hash = (0,model/* hashText */.qj)(current.parts.join('\n'));
        scan.symbols[current.name] = {
            hash: existing ? (0,model/* hashText */.qj)(existing.hash + hash) : hash,
            refs: [...new Set([...(existing?.refs ?? []), ...current.refs])]
        };
        if (current.kind === 'class')
            for (const ref of current.onLoad)
                moduleRefs.add(ref);
        current = undefined;
    };
    for (const line of lines) {
        for (const value of line.strings)
            if (value.length <= 200 && /^[\w@./-]+$/.test(value) && /[./_-]/.test(value))
                allStrings.add(value);
        const code = line.code.trim();
        if (PY_MODULE_BY_NAME.test(code))
            for (const value of line.strings)
                if (PY_MODULE_PATH.test(value))
                    scan.imports.push({ spec: value, kind: 'dynamic', names: null });
        if (line.indent > 0) {
            if (PY_IMPORT_LINE.test(code))
                for (const entry of parsePythonImport(code))
                    nested.push({ ...entry, definition: current });
            if (current) {
                const global = /^global\s+(.+)$/.exec(code);
                for (const name of global?.[1]?.split(',') ?? [])
                    current.globals.add(name.trim());
                current.parts.push(`${line.indent}:${line.norm}`);
                const refs = pythonRefs(code);
                for (const ref of refs)
                    current.refs.add(ref);
                // A class body runs on load, its methods' signatures and decorators too, not their bodies.
                if (current.kind === 'class' &&
                    !(current.methodIndent !== undefined && line.indent > current.methodIndent)) {
                    current.methodIndent = /^(?:async\s+)?def\s/.test(code) ? line.indent : undefined;
                    for (const ref of refs)
                        current.onLoad.add(ref);
                    if (runsOnLoad(code))
                        moduleParts.push(`${current.name}:${line.indent}:${line.norm}`);
                }
            }
            else {
                moduleParts.push(`${line.indent}:${line.norm}`);
                for (const ref of pythonRefs(code))
                    moduleRefs.add(ref);
            }
            continue;
        }
        close();
        if (code.startsWith('@')) {
            decorators.push(line);
            continue;
        }
        const def = /^(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)/.exec(code);
        if (def) {
            const name = def[2];
            current = {
                name,
                kind: def[1],
                parts: [...decorators.map(d => d.norm), line.norm],
                // Its signature's defaults and annotations, its bases: read as it is defined, on load.
                signature: new Set(pythonRefs(code.slice(def[0].length))),
                refs: new Set(),
                onLoad: new Set(),
                globals: new Set()
            };
            for (const ref of current.signature)
                current.refs.add(ref);
            for (const decorator of decorators)
                for (const ref of pythonRefs(decorator.code))
                    moduleRefs.add(ref);
            // Decorators, bases and defaults that call run as the module loads: an edit to them can
            // raise there, for every module that loads this one.
            for (const decorator of decorators)
                moduleParts.push(decorator.norm);
            if (runsOnLoad(code))
                moduleParts.push(line.norm);
            if (def[1] === 'class') {
                const bases = /\((.*)\)/.exec(code);
                if (bases)
                    for (const ref of pythonRefs(bases[1]))
                        moduleRefs.add(ref);
            }
            decorators = [];
            scan.exports[name] = name;
            continue;
        }
        for (const decorator of decorators)
            moduleParts.push(decorator.norm);
        decorators = [];
        if (PY_IMPORT_LINE.test(code)) {
            for (const entry of parsePythonImport(code)) {
                const star = !entry.names && entry.local === undefined;
                const record = {
                    spec: entry.spec,
                    kind: star ? 'reexport' : 'static',
                    names: entry.names
                };
                // `import pkg` or `import pkg.mod as name` binds the module it imports (`import pkg.mod`
                // binds `pkg`).
                if (!entry.names &&
                    entry.local &&
                    (!entry.spec.includes('.') || entry.local !== entry.spec.split('.')[0]))
                    record.local = entry.local;
                scan.imports.push(record);
                const bindings = entry.names ?? (entry.local ? [{ imported: '*', local: entry.local }] : []);
                for (const binding of bindings) {
                    importBound.add(binding.local);
                    scan.symbols[binding.local] = { hash: `${entry.spec}\u0000${binding.imported}`, refs: [] };
                    scan.exports[binding.local] ??= binding.local;
                }
                if (!entry.names)
                    moduleParts.push(`import ${entry.spec}`);
            }
            continue;
        }
        const assignment = /^([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)/.exec(code);
        if (assignment) {
            const name = assignment[1];
            const refs = pythonRefs(code.slice(assignment[0].length));
            scan.symbols[name] = { hash: (0,model/* hashText */.qj)(line.norm), refs };
            // A value that runs code as the module loads (a call, an operator) is module code as well.
            if (!pythonInert(code.slice(assignment[0].length)))
                moduleParts.push(line.norm);
            scan.exports[name] = name;
            for (const ref of refs)
                moduleRefs.add(ref);
            continue;
        }
        moduleParts.push(line.norm);
        // `del name` unbinds a name: it does not use what the name holds.
        if (!/^del\s+[\w\s,]+$/.test(code))
            for (const ref of pythonRefs(code))
                moduleRefs.add(ref);
    }
    close();
    for (const decorator of decorators)
        moduleParts.push(decorator.norm);
    for (const bound of recordNestedImports(scan, nested))
        importBound.add(bound);
    scan.symbols[model/* MODULE_SYMBOL */.se] = { hash: (0,model/* hashText */.qj)(moduleParts.join('\n')), refs: [...moduleRefs] };
    moduleAttributeRefs(scan, importBound);
    recordModuleAttributes(scan, lines);
    scan.strings = [...allStrings].slice(0, 300);
    return scan;
}
/**
 * Adds the imports made in blocks, and returns the names they bind. `from m import a` under a
 * module-level `if`/`try` (`if TYPE_CHECKING: from .core import Context`) binds `a` for the module,
 * as at top level; in a function (`def __getattr__(name): from .core import Command`), for that
 * function only (`<function>/a`, unless the function declares `a` global): its references to `a`
 * lead to `m`'s `a`, not to all of `m`. In a class (a method's, or the class body's) it binds for
 * the module, as the class body may run it on load. A name bound twice in one scope, to different
 * things (`try: from ._speedups import escape` / `except ImportError: from ._native import escape`),
 * or bound at module level and at top level, keeps its imports whole; so do `import m` and
 * `from m import *`.
 */
function recordNestedImports(scan, nested) {
    const bindingKey = (spec, binding) => `${spec}\u0000${binding.imported}`;
    const scoped = (definition, local) => definition?.kind === 'def' && !definition.globals.has(local) ? `${definition.name}/${local}` : local;
    const boundTo = new Map();
    for (const { spec, names, definition } of nested)
        for (const binding of names ?? []) {
            const local = scoped(definition, binding.local);
            const keys = boundTo.get(local) ?? new Set();
            keys.add(bindingKey(spec, binding));
            boundTo.set(local, keys);
        }
    const bindsOnce = (local) => boundTo.get(local)?.size === 1 && (local.includes('/') || !(0,model/* own */.ZV)(scan.symbols, local));
    const bound = new Set();
    // Per function: its locals and what they are bound as.
    const renames = new Map();
    for (const { spec, names, local, definition } of nested) {
        const kept = names?.every(binding => bindsOnce(scoped(definition, binding.local))) ? names : null;
        if (!kept && local)
            bound.add(local);
        const bindings = (kept ?? []).map(binding => ({ ...binding, local: scoped(definition, binding.local) }));
        scan.imports.push({ spec, kind: 'dynamic', names: kept ? bindings : null });
        bindings.forEach((binding, i) => {
            bound.add(binding.local);
            if (definition && binding.local.includes('/')) {
                const renamed = renames.get(definition) ?? new Map();
                renamed.set((kept?.[i]).local, binding.local);
                renames.set(definition, renamed);
            }
            else {
                scan.symbols[binding.local] = { hash: bindingKey(spec, binding), refs: [] };
                scan.exports[binding.local] ??= binding.local;
            }
        });
    }
    for (const [definition, renamed] of renames) {
        const symbol = (0,model/* own */.ZV)(scan.symbols, definition.name);
        if (!symbol)
            continue;
        const refs = new Set();
        for (const ref of symbol.refs) {
            const dot = ref.indexOf('.');
            const head = dot < 0 ? ref : ref.slice(0, dot);
            const to = renamed.get(head);
            // In the body, a function's local hides the module's name.
            if (to !== undefined)
                refs.add(to + ref.slice(head.length));
            if (to === undefined || definition.signature.has(ref))
                refs.add(ref);
        }
        symbol.refs = [...refs];
    }
    return bound;
}
/**
 * Sets `attributes` on the imports that bind a module (`local`) the file only reads attributes of.
 * A local that two of them bind (`import a as m`, `import b as m`) is left whole. `import a.b`
 * beside `import a` leaves `a` an attribute reader: `a.b` reads the submodule `b`.
 */
function recordModuleAttributes(scan, lines) {
    const byLocal = new Map();
    for (const record of scan.imports) {
        if (record.local === undefined)
            continue;
        const list = byLocal.get(record.local);
        if (list)
            list.push(record);
        else
            byLocal.set(record.local, [record]);
    }
    const locals = new Set([...byLocal].filter(([, records]) => records.length === 1).map(([local]) => local));
    for (const [local, names] of moduleAttributes(lines, locals)) {
        const record = byLocal.get(local)?.[0];
        if (record)
            record.attributes = [...names].sort();
    }
}
// ── Go ─────────────────────────────────────────────────────────────────────
/**
 * Comments Go reads: build constraints, `//go:` directives (`embed`, `linkname`, `noinline`…),
 * cgo's `//export`, and `//line`. They are code to the scanner, kept with the declaration they
 * precede.
 */
const GO_DIRECTIVE = /^\/\/(?:go:[a-z]|\s*\+build\s|export\s|line\s)/;
/** A file that imports "C": its comment before the import is C code (cgo), so no comment is dropped. */
const GO_CGO_IMPORT = /^import\s*(?:\(\s*)?"C"/m;
/**
 * Go: package clause, imports, embed patterns, and a hash per package-level declaration (comments
 * dropped, except directives, and except every comment in a cgo file).
 */
function scanGo(src) {
    const scan = (0,model/* emptyScan */.$6)('go');
    const keepComments = GO_CGO_IMPORT.test(src);
    const embeds = [];
    // Remove comments while keeping strings (raw strings use backquotes).
    let code = '';
    const strings = new Set();
    for (let i = 0; i < src.length;) {
        const c = src[i];
        if (c === '/' && src[i + 1] === '/') {
            let end = src.indexOf('\n', i);
            if (end < 0)
                end = src.length;
            const comment = src.slice(i, end);
            const atLineStart = /^[ \t]*$/.test(src.slice(src.lastIndexOf('\n', i - 1) + 1, i));
            if (atLineStart && GO_DIRECTIVE.test(comment)) {
                code += comment;
                if (comment.startsWith('//go:embed '))
                    embeds.push(...goEmbedPatterns(comment.slice('//go:embed '.length)));
            }
            else if (keepComments)
                code += comment;
            i = end;
        }
        else if (c === '/' && src[i + 1] === '*') {
            const end = src.indexOf('*/', i + 2);
            if (end < 0) {
                scan.error = 'unclosed comment';
                break;
            }
            if (keepComments)
                code += src.slice(i, end + 2);
            else
                code += src.slice(i, end + 2).includes('\n') ? '\n' : ' ';
            i = end + 2;
        }
        else if (c === '"' || c === '`' || c === "'") {
            let j = i + 1;
            while (j < src.length && src[j] !== c) {
                if (src[j] === '\\' && c !== '`')
                    j++;
                j++;
            }
            const value = src.slice(i + 1, j);
            if (c === '"' && /^[\w@./-]+$/.test(value) && /[./_-]/.test(value))
                strings.add(value);
            // Whitespace inside a literal is content, not formatting: escaped so that it is hashed as is.
            code += src.slice(i, j + 1).replace(/\s/g, ch => `\\u{${ch.charCodeAt(0).toString(16)}}`);
            i = j + 1;
        }
        else {
            code += c;
            i++;
        }
    }
    if (embeds.length)
        scan.embeds = embeds;
    scan.pkg = /^\s*package\s+(\w+)/m.exec(code)?.[1];
    if (!scan.pkg)
        scan.error ??= 'no package clause';
    const importBlock = /^import\s*\(([\s\S]*?)\)/gm;
    for (const block of code.matchAll(importBlock)) {
        for (const m of block[1].matchAll(/(?:^|\n)\s*(?:[\w.]+\s+)?"([^"]+)"/g))
            scan.imports.push({ spec: m[1], kind: 'static', names: null });
    }
    for (const m of code.matchAll(/^import\s+(?:[\w.]+\s+)?"([^"]+)"/gm))
        scan.imports.push({ spec: m[1], kind: 'static', names: null });
    // Package-level declarations start at column 0, with the directives just above them.
    const decls = code.split(/(?<!^\/\/go:[^\n]*)\n(?=(?:\/\/go:[^\n]*\n)*(?:func|type|var|const)\b)/m);
    const moduleParts = [];
    for (const decl of decls) {
        const norm = decl.replace(/\s+/g, ' ').trim();
        const head = /^(func|type|var|const)\s*(?:\(\s*\w*\s*\*?\s*(\w+)[^)]*\)\s*)?(\w+)?/.exec(decl.replace(/^(?:\/\/go:[^\n]*\n)+/, '').replace(/\s+/g, ' '));
        if (!head) {
            moduleParts.push(norm.replace(/^package \w+/, '').replace(/import\s*\([^)]*\)|import\s+(?:[\w.]+\s+)?"[^"]+"/g, ''));
            continue;
        }
        const name = head[2] ? `${head[2]}.${head[3]}` : (head[3] ?? `${head[1]}#${moduleParts.length}`);
        scan.symbols[name] = { hash: (0,model/* hashText */.qj)(norm), refs: [] };
    }
    scan.symbols[model/* MODULE_SYMBOL */.se] = { hash: (0,model/* hashText */.qj)(moduleParts.join('\n')), refs: [] };
    const specs = new Set(scan.imports.map(i => i.spec));
    scan.strings = [...strings].filter(value => !specs.has(value)).slice(0, 300);
    return scan;
}
function pythonDefinitions(src) {
    const { lines, error } = pythonLogicalLines(src);
    if (error)
        return undefined;
    const definitions = new Map();
    const twice = new Set();
    let decorators = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.indent > 0)
            continue;
        const code = line.code.trim();
        if (code.startsWith('@')) {
            decorators.push(line);
            continue;
        }
        const def = /^(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)/.exec(code);
        const header = [...decorators, line];
        decorators = [];
        if (!def)
            continue;
        let last = i;
        while ((lines[last + 1]?.indent ?? 0) > 0)
            last++;
        const body = lines.slice(i + 1, last + 1);
        const definition = {
            name: def[2],
            kind: def[1],
            span: [header[0].start, lines[last].end],
            shape: [...header.map(h => h.norm), ...docstringOf(body)],
            methods: []
        };
        if (definition.kind === 'class') {
            const memberIndent = body[0]?.indent ?? 0;
            let methodDecorators = [];
            for (let j = 0; j < body.length; j++) {
                const member = body[j];
                const memberCode = member.code.trim();
                if (member.indent === memberIndent && memberCode.startsWith('@')) {
                    methodDecorators.push(member);
                    continue;
                }
                const memberHeader = [...methodDecorators, member];
                methodDecorators = [];
                for (const part of memberHeader)
                    definition.shape.push(`${part.indent}:${part.norm}`);
                if (member.indent !== memberIndent || !/^(?:async\s+)?def\s/.test(memberCode))
                    continue;
                let end = j;
                while ((body[end + 1]?.indent ?? 0) > memberIndent)
                    end++;
                const methodBody = body.slice(j + 1, end + 1);
                for (const doc of docstringOf(methodBody))
                    definition.shape.push(doc);
                definition.methods.push({
                    span: [memberHeader[0].start, body[end].end],
                    body: methodBody.map(part => `${part.indent}:${part.norm}`).join('\n')
                });
                j = end;
            }
            for (const part of methodDecorators)
                definition.shape.push(`${part.indent}:${part.norm}`);
        }
        if (definitions.has(definition.name))
            twice.add(definition.name);
        definitions.set(definition.name, definition);
        i = last;
    }
    // Defined twice: the filter leaves such a name to the graph.
    for (const name of twice)
        definitions.delete(name);
    return definitions;
}
/** A call or a subscript: code that runs (and may raise) where the expression is evaluated. */
const PY_CALL_OR_SUBSCRIPT = /[\w)\]"]\s*[([]/;
const PY_CALL = /[\w)\]"]\s*\(/;
/** A statement that is a string alone (strings blanked to `""`): a docstring where it comes first. */
const PY_STRING_STATEMENT = /^[rRuUbB]?""$/;
/**
 * Whether evaluating an expression (strings already blanked to `""`) runs no code but a name's
 * look-up: literals, names, dotted names and displays of them, as a JavaScript initializer without
 * a call. An operator, a call, a subscript, a lambda or a comprehension's call counts as code.
 */
function pythonInert(expression) {
    const value = expression.replace(/(^|[([{,:]\s*)[-+](?=\s*\d)/g, '$1').trim();
    return /^[\w\s.,:()[\]{}"]*$/.test(value) && !PY_CALL_OR_SUBSCRIPT.test(value) && !/\blambda\b/.test(value);
}
/**
 * Whether a statement at top level or in a class body runs code of its own as the module loads:
 * a decorator, a class with bases, a function whose defaults or annotations call something, an
 * assignment whose value is not inert, or any other statement but a docstring, `pass` or a bare
 * annotation.
 */
function runsOnLoad(code) {
    if (code.startsWith('@'))
        return true;
    const def = /^(?:async\s+)?def\s+\w+\s*\((.*)$/.exec(code);
    // A subscript in an annotation (`list[int]`) is a type's, as a name is.
    if (def)
        return PY_CALL.test(def[1]);
    const cls = /^class\s+\w+\s*(.*)$/.exec(code);
    if (cls)
        return /^\(\s*[^)\s]/.test(cls[1]);
    if (PY_STRING_STATEMENT.test(code) || code === 'pass' || code === '...')
        return false;
    const assignment = /^[A-Za-z_][\w.]*\s*(:[^=]+)?(?:=(?!=)(.*))?$/.exec(code);
    if (assignment)
        return assignment[2] === undefined ? false : !pythonInert(assignment[2]);
    return true;
}
/** A function's docstring: read as it is defined (`__doc__`, click's help text), not when it runs. */
function docstringOf(body) {
    const first = body[0];
    return first && PY_STRING_STATEMENT.test(first.code.trim()) ? [`doc:${first.norm}`] : [];
}
/**
 * The spans of the top-level functions and classes of the two versions of a Python file, for the
 * coverage filter (see SymbolSpans). A function's code runs only when called, but its decorators
 * and signature (defaults, annotations) run as it is defined, and its docstring is read then:
 * they are its shape. A class whose
 * versions differ only in the bodies of methods counts as those methods, a function of the same
 * shape; any other change to a class (a class attribute, a method's decorators or signature, a
 * method added or removed) runs on load: the class spans the whole of itself and is no function.
 */
function pythonSymbolSpans(base, head) {
    const before = pythonDefinitions(base);
    const after = pythonDefinitions(head);
    const spans = { base: new Map(), head: new Map() };
    if (!before || !after)
        return spans;
    for (const [name, old] of before) {
        const now = after.get(name);
        if (!now)
            continue;
        const shape = (d) => `${d.kind}\n${d.shape.join('\n')}`;
        if (old.kind === 'def' || shape(old) !== shape(now)) {
            const fn = old.kind === 'def' && now.kind === 'def';
            spans.base.set(name, { spans: [old.span], fn, shape: shape(old) });
            spans.head.set(name, { spans: [now.span], fn, shape: shape(now) });
            continue;
        }
        // Same shape, so the same methods in the same order: the ones whose bodies changed.
        const changed = old.methods.flatMap((method, i) => (method.body !== now.methods[i]?.body ? [i] : []));
        spans.base.set(name, {
            spans: changed.map(i => old.methods[i]?.span),
            fn: true,
            shape: shape(old)
        });
        spans.head.set(name, {
            spans: changed.map(i => now.methods[i]?.span),
            fn: true,
            shape: shape(now)
        });
    }
    return spans;
}

;// CONCATENATED MODULE: ./src/select/scan-blob.ts





/**
 * Larger files are not read symbol by symbol: a JavaScript/TypeScript one (a bundle, a generated
 * parser) is scanned for what it loads alone (see scanJsLoads); any other is read as data.
 */
const MAX_SCANNED_BYTES = 1024 * 1024;
/** Larger JavaScript/TypeScript files are read as data, with no imports. */
const MAX_LOADS_SCANNED_BYTES = 64 * 1024 * 1024;
/** Whether a file of `kind` and `bytes` is scanned for what it loads alone (see scanJsLoads). */
function scannedForLoadsAlone(kind, bytes) {
    return bytes > MAX_SCANNED_BYTES && bytes <= maxScannedBytes(kind);
}
/** The most bytes a file of `kind` is scanned with: past that, it is data. */
function maxScannedBytes(kind) {
    return kind === 'ts' || kind === 'jsx' ? MAX_LOADS_SCANNED_BYTES : MAX_SCANNED_BYTES;
}
/** Scanned files by extension: TypeScript without JSX, the other JavaScript-likes, Python, Go. */
const KIND_BY_EXTENSION = new Map([
    ...['ts', 'mts', 'cts'].map(ext => [ext, 'ts']),
    ...['tsx', 'mtsx', 'ctsx', 'js', 'mjs', 'cjs', 'jsx', 'mjsx', 'cjsx'].map(ext => [ext, 'jsx']),
    ['py', 'py'],
    ['go', 'go'],
    // A shell script, or a node one named so (jscodeshift's bin/jscodeshift.sh): its `#!` line says.
    ['sh', 'script'],
    ['html', 'html'],
    ['htm', 'html']
]);
/** Files without an extension that are never scripts. */
const NOT_SCRIPTS = new Set([
    'LICENSE',
    'LICENCE',
    'Makefile',
    'Dockerfile',
    'CODEOWNERS',
    'AUTHORS',
    'NOTICE',
    'README'
]);
/** What a file is scanned as, if at all: called for every file of a revision, so by extension first. */
function scanKindOf(path) {
    const dot = path.lastIndexOf('.');
    if (dot < 0 || path.indexOf('/', dot) > 0)
        return scriptKindOf(path);
    if (path.length - dot > 5)
        return undefined;
    const kind = KIND_BY_EXTENSION.get(path.slice(dot + 1));
    if (kind === undefined || path.includes('node_modules/'))
        return undefined;
    return kind === 'ts' && path.endsWith('.d.ts') ? undefined : kind;
}
/** A file without an extension (`bin/cli`, a test's `fixtures/pm`): a script, if its `#!` says so. */
function scriptKindOf(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return name.startsWith('.') || NOT_SCRIPTS.has(name) || path.includes('node_modules/')
        ? undefined
        : 'script';
}
/** The interpreter a script's first line names: `#!/usr/bin/env node`, `#!/usr/bin/python3`… */
const SHEBANG = /^#![^\n]*?\b(?:(node|nodejs|bun|deno|tsx|ts-node)|(python[\d.]*))\b/;
function scanSource(kind, text, path) {
    if (kind === 'py')
        return scanPython(text);
    if (kind === 'go')
        return scanGo(text);
    if (kind === 'script') {
        const shebang = SHEBANG.exec(text);
        if (!shebang)
            return (0,model/* emptyScan */.$6)('data');
        return shebang[1] ? (0,js_scanner/* scanJs */.jg)(text, path) : scanPython(text);
    }
    if (kind === 'html')
        return (0,js_scanner/* scanJs */.jg)(htmlModule(text), path, { jsx: false });
    return (0,js_scanner/* scanJs */.jg)(text, path);
}
/**
 * The text the selection reads a file of `kind` as, where that is not the file's own: an HTML
 * page's module (see htmlModule). The demand graph's quick pass reads it, as the scanner does.
 */
function moduleText(kind, blob) {
    return kind === 'html' ? Buffer.from(htmlModule(blob.toString('utf8'))) : blob;
}
/** Too large to scan as a file of `kind`, or binary: read as data. */
function isDataBlob(blob, kind) {
    return blob.length > maxScannedBytes(kind) || blob.includes(0);
}
/**
 * The blobs isDataBlob says yes to. Blobs that follow one another in one buffer (as a reader's
 * arena holds them) are searched for a NUL together: one search per run of them and one per
 * binary blob, not one per blob.
 */
function dataBlobsAmong(blobs) {
    const data = new Set();
    let run = [];
    const searchRun = () => {
        const first = run[0];
        if (!first)
            return;
        const last = run[run.length - 1];
        const whole = Buffer.from(first.buffer, first.byteOffset, last.byteOffset + last.length - first.byteOffset);
        const offset = first.byteOffset;
        let at = 0;
        for (let nul = whole.indexOf(0); nul >= 0; nul = whole.indexOf(0, run[at] ? run[at].byteOffset - offset : whole.length)) {
            // The first blob of the run that ends past the NUL: it holds the NUL, or the NUL is in a gap.
            let high = run.length - 1;
            while (at < high) {
                const middle = (at + high) >> 1;
                const blob = run[middle];
                if (blob.byteOffset + blob.length - offset <= nul)
                    at = middle + 1;
                else
                    high = middle;
            }
            const blob = run[at];
            if (blob.byteOffset - offset <= nul) {
                data.add(blob);
                at++;
            }
        }
        run = [];
    };
    for (const [blob, kind] of blobs) {
        if (blob.length > maxScannedBytes(kind)) {
            data.add(blob);
            continue;
        }
        const previous = run[run.length - 1];
        if (previous &&
            (previous.buffer !== blob.buffer || blob.byteOffset < previous.byteOffset + previous.length))
            searchRun();
        run.push(blob);
    }
    searchRun();
    return data;
}
/**
 * Scans a blob. `hashes: false` (JavaScript/TypeScript only) leaves out the symbol hashes: enough
 * for the graph, a third faster; files that are diffed are scanned with them.
 */
function scanBlob(kind, blob, path, hashes = true) {
    if (isDataBlob(blob, kind))
        return (0,model/* emptyScan */.$6)('data');
    if (scannedForLoadsAlone(kind, blob.length))
        return scanJsLoads(blob.toString('utf8'), hashes);
    if (!hashes && (kind === 'ts' || kind === 'jsx'))
        return (0,js_scanner/* scanJs */.jg)(blob.toString('utf8'), path, { hashes });
    return scanSource(kind, blob.toString('utf8'), path);
}
/** Scans what moduleText made of a file of `kind`. */
function scanModuleText(kind, text, path, hashes = true) {
    if (kind !== 'html')
        return scanBlob(kind, text, path, hashes);
    return isDataBlob(text, kind)
        ? (0,model/* emptyScan */.$6)('data')
        : (0,js_scanner/* scanJs */.jg)(text.toString('utf8'), path, { jsx: false, hashes });
}
/** The cache key of a graph node's scan: without hashes for JavaScript/TypeScript. */
function nodeKey(sha, kind) {
    return kind === 'ts' || kind === 'jsx' ? `${sha}:${kind}:link` : `${sha}:${kind}`;
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/regexp.ts
var regexp = __webpack_require__(70878);
;// CONCATENATED MODULE: ./src/select/aliases.ts


const VITE_CONFIG = /(?:^|\/)(?:vite|vitest)\.config\.[cm]?[jt]s$/;
const WEBPACK_CONFIG = /(?:^|\/)(?:webpack(?:\.[\w-]+)+|craco\.config|vue\.config)\.[cm]?[jt]s$/;
const BABEL_CONFIG = /(?:^|\/)(?:\.babelrc(?:\.json|\.[cm]?js)?|babel\.config\.(?:json|[cm]?[jt]s))$/;
const ALIAS_CONFIG = new RegExp([VITE_CONFIG, WEBPACK_CONFIG, BABEL_CONFIG].map(pattern => `(?:${pattern.source})`).join('|'));
/**
 * Is `path` a config whose aliases this module reads (package.json aside, read for its `babel`
 * field)? Their names hold one of the words tested first: the tens of thousands of other paths
 * skip the pattern.
 */
function isAliasConfig(path) {
    const named = path.includes('config.') || path.includes('webpack.') || path.includes('.babelrc');
    return named && ALIAS_CONFIG.test(path) && !path.includes('node_modules/');
}
/**
 * The aliases and module roots of the config at `path`. Vite's apply under the config's folder
 * (Vite's root); webpack's and babel's under `scope`, the folder of the package the config builds.
 */
function configuredAliases(path, text, scope = (0,project/* dirname */.pD)(path)) {
    if (VITE_CONFIG.test(path))
        return { aliases: viteAliases(text, path), roots: [] };
    if (WEBPACK_CONFIG.test(path))
        return webpackAliases(text, path, scope);
    if (BABEL_CONFIG.test(path) || path === 'package.json' || path.endsWith('/package.json'))
        return moduleResolverAliases(text, path, scope);
    return { aliases: [], roots: [] };
}
/**
 * Vite's `alias: { '@': … }` or `alias: [{ find: '@', replacement: … }]`, where `find` may be a
 * regex and the replacement is a path string, or a call that joins strings to the config's folder
 * (`path.resolve(__dirname, 'src')`, `fileURLToPath(new URL('./src', import.meta.url))`,
 * `new URL('src', import.meta.url).pathname`).
 */
function viteAliases(text, configPath) {
    const dir = (0,project/* dirname */.pD)(configPath);
    const aliases = [];
    for (const body of bracketsAfter(text, /\balias\s*:\s*([{[])/g)) {
        if (body.startsWith('{')) {
            for (const [key, value] of keyedEntries(body))
                prefixAlias(aliases, dir, key, bundlerTarget(value, dir));
            continue;
        }
        for (const item of (0,project/* objectEntries */.WP)(body)) {
            if (!item.startsWith('{'))
                continue;
            const fields = new Map(keyedEntries(item));
            const find = fields.get('find')?.trim() ?? '';
            const target = bundlerTarget(fields.get('replacement') ?? '', dir);
            const literal = stringLiteral(find);
            if (literal !== undefined)
                prefixAlias(aliases, dir, literal, target);
            else {
                const regex = regexLiteral(find);
                if (regex && target !== undefined)
                    aliases.push({ dir, find: regex, replacement: target });
            }
        }
    }
    return aliases;
}
/**
 * webpack's `alias: { name: path }` (`name$` matches only `name` itself) or
 * `alias: [{ name, alias, onlyModule }]`, and `modules: [path.resolve(__dirname, 'src'), 'node_modules']`.
 */
function webpackAliases(text, configPath, scope = (0,project/* dirname */.pD)(configPath)) {
    const dir = (0,project/* dirname */.pD)(configPath);
    const aliases = [];
    for (const body of bracketsAfter(text, /\balias\s*:\s*([{[])/g)) {
        const entries = body.startsWith('{')
            ? keyedEntries(body).map(([key, value]) => [key.replace(/\$$/, ''), value, key.endsWith('$')])
            : (0,project/* objectEntries */.WP)(body)
                .filter(item => item.startsWith('{'))
                .map(item => new Map(keyedEntries(item)))
                .map(fields => [
                stringLiteral(fields.get('name')?.trim() ?? '') ?? '',
                fields.get('alias') ?? '',
                fields.get('onlyModule')?.trim() === 'true'
            ]);
        for (const [name, value, exact] of entries) {
            // An array of targets: webpack takes the first that resolves.
            const first = value.trim().startsWith('[') ? ((0,project/* objectEntries */.WP)(value.trim())[0] ?? '') : value;
            const target = bundlerTarget(first, dir);
            if (!name || target === undefined)
                continue;
            if (exact)
                aliases.push({ dir: scope, find: new RegExp(`^${(0,regexp/* escapeRegExp */.N)(name)}$`), replacement: target });
            else
                prefixAlias(aliases, scope, name, target);
        }
    }
    const roots = [];
    for (const body of bracketsAfter(text, /\bmodules\s*:\s*(\[)/g)) {
        for (const entry of (0,project/* objectEntries */.WP)(body)) {
            const name = stringLiteral(entry);
            if (name === 'node_modules')
                continue;
            // A plain name is looked up in each parent folder, as node_modules is: the config's is the usual one.
            const root = name !== undefined && !/^[./]/.test(name) ? (0,project/* joinPath */.uJ)(dir, name) : bundlerTarget(entry, dir);
            if (root !== undefined)
                roots.push({ dir: scope, root });
        }
    }
    return { aliases, roots };
}
/**
 * babel-plugin-module-resolver's options: `alias` (a key matches itself and its subpaths; a key
 * that starts with `^` or ends with `$` is a regex, and `\1` in its value a group) and `root`.
 * Paths count from the config's folder (the plugin's default `cwd` when babel runs from there).
 */
function moduleResolverAliases(text, configPath, scope = (0,project/* dirname */.pD)(configPath)) {
    const dir = (0,project/* dirname */.pD)(configPath);
    const aliases = [];
    const roots = [];
    const plugin = /['"](?:babel-plugin-)?module-resolver['"]\s*\)?\s*,\s*(\{)/g;
    for (const options of bracketsAfter(text, plugin)) {
        const fields = new Map(keyedEntries(options));
        const alias = fields.get('alias')?.trim();
        for (const [key, value] of alias?.startsWith('{') ? keyedEntries(alias) : []) {
            const target = relativeTarget(value, dir);
            if (target === undefined)
                continue;
            if (!key.startsWith('^') && !key.endsWith('$')) {
                prefixAlias(aliases, scope, key, target);
                continue;
            }
            const find = (0,project/* safeRegex */.zs)(key);
            if (find)
                aliases.push({ dir: scope, find, replacement: target.replace(/\\(\d)/g, '$$$1') });
        }
        const root = fields.get('root')?.trim() ?? '';
        for (const entry of root.startsWith('[') ? (0,project/* objectEntries */.WP)(root) : [root]) {
            const target = relativeTarget(entry, dir);
            if (target !== undefined && !target.includes('*'))
                roots.push({ dir: scope, root: target });
        }
    }
    return { aliases, roots };
}
/** The source of each bracketed value that `opener` finds (its last group is the opening bracket). */
function bracketsAfter(text, opener) {
    const found = [];
    for (let match = opener.exec(text); match; match = opener.exec(text)) {
        const open = match.index + match[0].length - 1;
        const close = (0,project/* closingBracket */.uE)(text, open);
        if (close >= 0)
            found.push(text.slice(open, close + 1));
    }
    return found;
}
/** The `key: value` entries of an object literal's source, keys unquoted and unescaped. */
function keyedEntries(body) {
    const pairs = [];
    for (const entry of (0,project/* objectEntries */.WP)(body)) {
        const key = /^(?:(['"])((?:(?!\1)[^\\\n]|\\.)*)\1|([\w$@~#-]+))\s*:\s*([\s\S]*)$/.exec(entry);
        if (key)
            pairs.push([key[2] !== undefined ? aliases_unescape(key[2]) : key[3], key[4]]);
    }
    return pairs;
}
/** Adds the alias of a plain key: the key itself, and the key followed by a subpath. */
function prefixAlias(aliases, dir, key, target) {
    if (target === undefined)
        return;
    aliases.push({ dir, find: new RegExp(`^${(0,regexp/* escapeRegExp */.N)(key)}(/.*)?$`), replacement: `${target}$1` });
}
/** The text of a lone string literal (unescaped), or undefined when `source` is something else. */
function stringLiteral(source) {
    const match = /^(['"`])((?:(?!\1)[^\\]|\\.)*)\1$/.exec(source.trim());
    return match && !(match[1] === '`' && match[2]?.includes('${')) ? aliases_unescape(match[2]) : undefined;
}
/** A regex literal (`/^~(.*)$/i`) as a RegExp; `g` and `y` are left out, as they make `test` keep state. */
function regexLiteral(source) {
    const match = /^\/(.+)\/([a-z]*)$/.exec(source);
    return match ? (0,project/* safeRegex */.zs)(match[1], match[2].replace(/[gy]/g, '')) : undefined;
}
function aliases_unescape(text) {
    return text.replace(/\\(.)/g, '$1');
}
/**
 * The repository path a Vite or webpack alias value names, from the config's folder `dir`: a
 * string, or the strings of a call that joins them to the config's folder. A lone string that
 * is not a path names a package (`'react': 'preact/compat'`), and gives undefined.
 */
function bundlerTarget(value, dir) {
    const lone = stringLiteral(value);
    if (lone !== undefined && !/^[./]/.test(lone))
        return undefined;
    const strings = (0,project/* pathStrings */.IJ)(value);
    if (strings.length === 0)
        return undefined;
    // `/src` counts from Vite's root, the config's folder, as `./src` does.
    return inRepository((0,project/* joinPath */.uJ)(dir, ...strings.map(text => text.replace(/^\/+/, ''))));
}
/** The repository path of a module-resolver value: a `./` or `../` string from `dir`. */
function relativeTarget(value, dir) {
    const lone = stringLiteral(value);
    return lone !== undefined && /^\.\.?(?:\/|$)/.test(lone) ? inRepository((0,project/* joinPath */.uJ)(dir, lone)) : undefined;
}
function inRepository(path) {
    return path === '..' || path.startsWith('../') ? undefined : path;
}

;// CONCATENATED MODULE: ./src/select/resolve.ts






/**
 * Resolves import specifiers to repository files, in memory: the set of files at the revision
 * under test plus the project settings. No file-system calls, so that 10,000 files resolve fast.
 */
const JS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json', '.node'];
const TS_FOR_JS = {
    '.js': ['.ts', '.tsx'],
    '.jsx': ['.tsx'],
    '.mjs': ['.mts'],
    '.cjs': ['.cts']
};
/**
 * Export conditions in the order they are taken: the source first, then as Vite and Vitest
 * resolve, or as node and jest (CommonJS, and code they transpile to it) do.
 */
const BUNDLER_CONDITIONS = [
    'source',
    'development',
    'import',
    'module',
    'require',
    'node',
    'default',
    'types'
];
const NODE_CONDITIONS = ['source', 'development', 'require', 'node', 'import', 'module', 'default', 'types'];
/** The files a resolution to a file loads: the file, then those of other export conditions. */
function filesOf(resolution) {
    return resolution.also ? [resolution.file, ...resolution.also] : [resolution.file];
}
const DECLARATION = /\.d\.[cm]?ts$/;
/** An HTML page, which whatever opens it by its path (jsdom, a browser) runs the scripts of. */
const HTML_PAGE = /\.html?$/;
/** Build output folders: a path through one that is not in the repository is mapped to `src`. */
const BUILD_FOLDERS = ['dist', 'lib', 'build', 'out', 'esm', 'cjs'];
/** `text` up to the first `char` in it, or all of it. */
function upTo(text, char) {
    const at = text.indexOf(char);
    return at < 0 ? text : text.slice(0, at);
}
/** A specifier that can only be an alias: `@/…` or `~/…`. */
const UNREAD_ALIAS = /^[@~]\//;
/**
 * The platforms a file may be written for, by the part before its extension: React Native's
 * bundler and jest under its preset (haste `platforms`) load `Button.ios.js` for `./Button` on
 * iOS, `Button.android.js` on Android, `Button.native.js` on either; react-native-web and its
 * bundler configs `Button.web.js`; react-native-windows and -macos theirs.
 */
const PLATFORMS = new Set(['ios', 'android', 'native', 'web', 'windows', 'macos']);
/**
 * A JavaScript/TypeScript file written for one platform, without that part
 * (`src/Button.ios.js` → `src/Button.js`); undefined for any other file.
 */
function withoutPlatform(path) {
    const dot = path.lastIndexOf('.');
    const before = path.lastIndexOf('.', dot - 1);
    if (before <= path.lastIndexOf('/') + 1)
        return undefined;
    if (!PLATFORMS.has(path.slice(before + 1, dot)) || !(0,model/* isJsLike */.Pp)(path))
        return undefined;
    return path.slice(0, before) + path.slice(dot);
}
/** The extensions an import may leave out, of the files withExtensionSiblings looks at. */
const INFERRED_EXTENSIONS = JS_EXTENSIONS.filter(extension => extension !== '.node');
/** `resolution` with the files `beside` gives for each file it finds, once each, among its others. */
function withFilesBeside(resolution, beside) {
    if (!('file' in resolution))
        return resolution;
    const found = filesOf(resolution);
    let more;
    for (const file of found)
        for (const other of beside(file))
            if (!found.includes(other) && !more?.includes(other))
                (more ??= []).push(other);
    return more ? { file: resolution.file, also: [...(resolution.also ?? []), ...more] } : resolution;
}
/** Test-looking paths, left out of a package's sources (see packageSources). */
const TEST_LIKE = /(?:^|\/)(?:__tests__|__mocks__)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/;
class Resolver {
    files;
    read;
    jest;
    tsconfigByDir = new Map();
    tsconfigs = new Map();
    packageByDir = new Map();
    workspacePackages = new Map();
    /** Folders of workspace packages (for scoping fallbacks), longest first. */
    workspaceDirs = [];
    goModules = [];
    pythonRoots;
    /** Vite, webpack and babel-plugin-module-resolver aliases (see aliases.ts), the nearest config's first. */
    aliases = [];
    /** Folders where bare specifiers are looked up (webpack `resolve.modules`, module-resolver `root`). */
    moduleRoots = [];
    /**
     * `configs` are the files whose text `read` gives (package.json, tsconfig, alias configs…), in
     * tree order; every file by default. The repository's other files need not be looked through.
     */
    constructor(files, read, jest, memo = Object.create(null), configs = files) {
        this.files = files;
        this.read = read;
        this.jest = jest;
        this.memo = memo;
        const globs = (0,project/* workspaceGlobs */.xG)(read);
        if (globs.length) {
            const isWorkspace = picomatch_default()(globs.map(g => g.replace(/\/$/, '')));
            for (const file of configs) {
                if (!file.endsWith('/package.json') || file.includes('node_modules/'))
                    continue;
                const dir = (0,project/* dirname */.pD)(file);
                if (!isWorkspace(dir))
                    continue;
                const pkg = (0,project/* loadPackage */.HU)(read, file);
                if (!pkg)
                    continue;
                this.workspaceDirs.push(dir);
                if (pkg.name)
                    this.workspacePackages.set(pkg.name, pkg);
            }
            this.workspaceDirs.sort((a, b) => b.length - a.length);
        }
        for (const file of configs) {
            const pkg = file.endsWith('package.json') && !file.includes('node_modules/');
            if (!pkg && !isAliasConfig(file))
                continue;
            const text = read(file);
            if (!text || (pkg && !text.includes('module-resolver')))
                continue;
            const { aliases, roots } = configuredAliases(file, text, this.nearestPackage((0,project/* dirname */.pD)(file))?.dir);
            this.aliases.push(...aliases);
            this.moduleRoots.push(...roots);
        }
        this.aliases.sort((a, b) => b.dir.length - a.dir.length);
        this.moduleRoots.sort((a, b) => b.dir.length - a.dir.length);
        const roots = new Set(['', 'src', 'lib', 'python']);
        for (const file of files) {
            if (file === 'go.mod' || file.endsWith('/go.mod')) {
                const module = /^module\s+(\S+)/m.exec(read(file) ?? '')?.[1];
                if (module)
                    this.goModules.push({ dir: (0,project/* dirname */.pD)(file), module });
            }
            else if ((file.endsWith('.toml') || file.endsWith('.py') || file.endsWith('.cfg')) &&
                /(?:^|\/)(?:pyproject\.toml|setup\.py|setup\.cfg)$/.test(file)) {
                roots.add((0,project/* dirname */.pD)(file));
                roots.add((0,project/* joinPath */.uJ)((0,project/* dirname */.pD)(file), 'src'));
            }
        }
        this.pythonRoots = [...roots];
    }
    /** The workspace package folder that holds a path ('' for the root). */
    workspaceOf(path) {
        return this.workspaceDirs.find(dir => path.startsWith(dir + '/')) ?? '';
    }
    exists(path) {
        return this.files.has(path);
    }
    /** A path with extension and index inference, and TypeScript's .js → .ts mapping. */
    tryPath(path) {
        if (path.startsWith('..'))
            return undefined;
        const ext = model/* JS_EXTENSION */.Sc.exec(path)?.[0];
        if (ext && TS_FOR_JS[ext]) {
            const stem = path.slice(0, -ext.length);
            for (const tsExt of TS_FOR_JS[ext])
                if (this.exists(stem + tsExt))
                    return stem + tsExt;
        }
        if (this.exists(path))
            return path;
        for (const e of JS_EXTENSIONS)
            if (this.exists(path + e))
                return path + e;
        const forPlatform = this.platformFiles(path)[0];
        if (forPlatform)
            return forPlatform;
        const pkg = this.exists((0,project/* joinPath */.uJ)(path, 'package.json')) ? this.packageAt(path) : undefined;
        if (pkg) {
            // Node (so jest, mocha, node:test) loads a folder's `main`, else its index, and never its
            // `module`; Vite and Vitest take `module` first. js-yaml's `module` is a bundle it commits,
            // and `require('../')` in its tests loads index.js, which requires lib/.
            const entries = this.viteAt(path)
                ? [pkg.source, pkg.module, pkg.main]
                : [pkg.source, pkg.main, pkg.main ? undefined : './index', pkg.module];
            for (const field of [...entries, pkg.types]) {
                if (!field)
                    continue;
                const target = this.tryPathNoPackage((0,project/* joinPath */.uJ)(path, field)) ?? this.sourceFor((0,project/* joinPath */.uJ)(path, field));
                if (target)
                    return target;
            }
        }
        return this.indexIn(path);
    }
    viteDirs;
    /**
     * Whether Vite or Vitest loads folder `path`: a config of theirs at or above it, and no jest
     * config or node runner's test script there (a Vite config beside a jest or mocha suite builds a
     * site, not the tests).
     */
    viteAt(path) {
        const under = (dir) => dir === '' || path === dir || path.startsWith(dir + '/');
        this.viteDirs ??= [...this.files].filter(file => VITE_CONFIG.test(file)).map(project/* dirname */.pD);
        return this.viteDirs.some(under) && !this.jest.some(settings => under(settings.dir));
    }
    /** The index file of folder `path` (the repository's top folder is '': `require('..')` from test/). */
    indexIn(path) {
        const index = (0,project/* joinPath */.uJ)(path, 'index');
        for (const e of JS_EXTENSIONS)
            if (this.exists(index + e))
                return index + e;
        return this.platformFiles(index)[0];
    }
    /**
     * A resolution with the other files a runner may load for `spec` instead of those it finds:
     * those with another extension (see withExtensionSiblings) and those for other platforms (see
     * withPlatformFiles), beside each.
     */
    withFilesRunnersMayLoad(resolution, spec) {
        return this.withPlatformFiles(this.withExtensionSiblings(resolution, spec), spec);
    }
    byPlatformless;
    /** The files written for a platform whose path, less that part and the extension, is `stem`. */
    platformFiles(stem) {
        if (!this.byPlatformless) {
            this.byPlatformless = new Map();
            for (const path of this.files) {
                const plain = withoutPlatform(path);
                if (plain === undefined || DECLARATION.test(path))
                    continue;
                const key = plain.slice(0, plain.lastIndexOf('.'));
                const list = this.byPlatformless.get(key);
                if (list)
                    list.push(path);
                else
                    this.byPlatformless.set(key, [path]);
            }
        }
        return this.byPlatformless.get(stem) ?? [];
    }
    /**
     * A resolution with the files written for other platforms beside each file it finds: which of
     * `./Button`'s `Button.ios.js`, `Button.android.js` and `Button.js` loads depends on the platform
     * a run is for, and a project may test several. An import that names the platform
     * (`./Button.ios`) loads that file alone.
     */
    withPlatformFiles(resolution, spec) {
        const named = spec.slice(spec.lastIndexOf('/') + 1);
        return withFilesBeside(resolution, file => {
            const plain = withoutPlatform(file);
            if (plain !== undefined) {
                const name = file.slice(file.lastIndexOf('/') + 1);
                if (named === name || named === name.slice(0, name.lastIndexOf('.')))
                    return [];
            }
            return this.platformFiles((plain ?? file).replace(model/* JS_EXTENSION */.Sc, ''));
        });
    }
    /**
     * A resolution with the files beside each it finds that differ from it in their extension
     * alone, when the import leaves that file's extension to the resolver: which of `./a`'s `a.ts`
     * and `a.js` loads depends on the runner (node, jest's default moduleFileExtensions and Vite take
     * `.js` first, TypeScript `.ts`), and which of `./a.js`'s two does too (TypeScript maps it to
     * `a.ts`, a runner loads `a.js`). An import that names the file loads it alone.
     */
    withExtensionSiblings(resolution, spec) {
        return withFilesBeside(resolution, file => {
            const name = file.slice(file.lastIndexOf('/') + 1);
            return spec === name || spec.endsWith(`/${name}`) ? [] : this.extensionSiblings(file);
        });
    }
    siblings = new Map();
    /**
     * The files that differ from `file` in an extension an import may leave out, or that are the
     * index of a folder of its path less the extension (`src/c.ts`: `src/c/index.js`); declarations aside.
     */
    extensionSiblings(file) {
        const known = this.siblings.get(file);
        if (known)
            return known;
        const found = [];
        const dot = file.lastIndexOf('.');
        if (dot > file.lastIndexOf('/') + 1 && INFERRED_EXTENSIONS.includes(file.slice(dot))) {
            const stem = file.slice(0, dot);
            for (const other of [stem, `${stem}/index`])
                for (const extension of INFERRED_EXTENSIONS)
                    if (other + extension !== file && this.exists(other + extension))
                        found.push(other + extension);
        }
        this.siblings.set(file, found);
        return found;
    }
    tryPathNoPackage(path) {
        if (this.exists(path))
            return path;
        const ext = model/* JS_EXTENSION */.Sc.exec(path)?.[0];
        if (ext && TS_FOR_JS[ext]) {
            const stem = path.slice(0, -ext.length);
            for (const tsExt of TS_FOR_JS[ext])
                if (this.exists(stem + tsExt))
                    return stem + tsExt;
        }
        for (const e of JS_EXTENSIONS)
            if (this.exists(path + e))
                return path + e;
        return this.indexIn(path);
    }
    /** A path as tryPath finds it, or else, as build output not in the repository, its source. */
    fileOrSource(path) {
        return this.tryPath(path) ?? this.sourceFor(path);
    }
    /** The tsconfig at `path`, with what it extends (a workspace package's config among them). */
    tsconfigAt(path) {
        return (0,project/* loadTsConfig */.mt)(this.read, path, this.files, this.tsconfigs, name => this.workspacePackages.get(name)?.dir);
    }
    /** A build output path (dist/lib/build) mapped back to its source in the repository. */
    sourceFor(path) {
        // Slashes around it, so that the build folder itself (`../lib`) maps to `src` too.
        const stem = `/${path.replace(/\.d\.ts$/, '').replace(/\.[cm]?[jt]sx?$/, '')}/`;
        for (const folder of BUILD_FOLDERS) {
            const from = `/${folder}/`;
            const idx = stem.indexOf(from);
            if (idx < 0)
                continue;
            const candidate = stem.slice(1, idx + 1) + 'src/' + stem.slice(idx + from.length);
            const found = this.tryPathNoPackage((0,project/* joinPath */.uJ)(candidate.slice(0, -1)));
            if (found)
                return found;
        }
        return undefined;
    }
    packageAt(dir) {
        if (!this.packageByDir.has(dir)) {
            const path = inFolder(dir, 'package.json');
            this.packageByDir.set(dir, this.exists(path) ? (0,project/* loadPackage */.HU)(this.read, path) : undefined);
        }
        return this.packageByDir.get(dir);
    }
    nearestPackage(fromDir) {
        for (let dir = fromDir;; dir = (0,project/* dirname */.pD)(dir)) {
            const pkg = this.packageAt(dir);
            if (pkg)
                return pkg;
            if (dir === '')
                return undefined;
        }
    }
    nearestTsConfig(fromDir) {
        const visited = [];
        let found;
        for (let dir = fromDir;; dir = (0,project/* dirname */.pD)(dir)) {
            if (this.tsconfigByDir.has(dir)) {
                found = this.tsconfigByDir.get(dir);
                break;
            }
            visited.push(dir);
            for (const name of ['tsconfig.json', 'jsconfig.json']) {
                const path = inFolder(dir, name);
                if (this.exists(path)) {
                    found = this.tsconfigAt(path);
                    break;
                }
            }
            if (found || dir === '')
                break;
        }
        for (const dir of visited)
            this.tsconfigByDir.set(dir, found);
        return found;
    }
    /**
     * Resolves a subpath through a package's `exports` or `imports` map: the file taken, then those
     * other export conditions take (see targets); none when the map does not lead into the repository.
     */
    throughMap(map, key, dir) {
        const entry = (0,project/* exportsEntry */.Qd)(map, key);
        return entry ? this.targets(entry.value, dir, entry.star, entry.folder) : [];
    }
    /**
     * The file an exports or imports target leads to under the conditions the runner at `dir` uses
     * (see viteAt), then the one the other order takes, when it differs: node loads the `import`
     * target for an ES module and the `require` one for CommonJS, and a folder may hold both kinds.
     */
    targets(value, dir, star, folder = false) {
        const vite = this.viteAt(dir);
        const first = this.target(value, dir, star, folder, vite ? BUNDLER_CONDITIONS : NODE_CONDITIONS);
        if (first === undefined)
            return [];
        const other = this.target(value, dir, star, folder, vite ? NODE_CONDITIONS : BUNDLER_CONDITIONS);
        return other === undefined || other === first ? [first] : [first, other];
    }
    target(value, dir, star, folder, order) {
        if (typeof value === 'string') {
            const path = (0,project/* joinPath */.uJ)(dir, folder ? value + star : value.replace(/\*/g, star));
            return this.tryPathNoPackage(path) ?? this.sourceFor(path);
        }
        if (Array.isArray(value)) {
            for (const item of value) {
                const found = this.target(item, dir, star, folder, order);
                if (found)
                    return found;
            }
            return undefined;
        }
        if (value && typeof value === 'object') {
            const conditions = value;
            for (const condition of order) {
                if (condition in conditions) {
                    const found = this.target(conditions[condition], dir, star, folder, order);
                    if (found)
                        return found;
                }
            }
            for (const nested of Object.values(conditions)) {
                const found = this.target(nested, dir, star, folder, order);
                if (found)
                    return found;
            }
        }
        return undefined;
    }
    rewriters;
    /** Whether a jest mapping or an alias may rewrite `spec`, wherever it is imported. */
    rewrites(spec) {
        // Each pattern once: a monorepo's jest configs often map the same ones.
        this.rewriters ??= [
            ...new Map([
                ...this.jest.flatMap(settings => settings.moduleNameMapper.map(({ regex }) => regex)),
                ...this.aliases.map(({ find }) => find)
            ].map(regex => [`${regex.flags}/${regex.source}`, regex])).values()
        ];
        return this.rewriters.some(regex => regex.test(spec));
    }
    /**
     * Which resolutions of specifiers that jest's mappings or a path alias rewrite still hold when
     * files were added or deleted, `touched` saying which paths that may change what a path finds
     * (see relink.ts): what a rewritten specifier finds depends on the paths it is rewritten to
     * alone (tried as tryPath tries them, in resolveJsUncached's order) and, when none of them finds
     * anything, on the specifier's own resolution, which the caller judges. True for a specifier
     * nothing rewrites.
     */
    rewritesHolding(touched) {
        // Per specifier: not rewritten, rewritten with jest's paths untouched, or touched.
        const NOT_REWRITTEN = 0;
        const JEST_HOLDS = 1;
        const TOUCHED = 2;
        const bySpec = new Map();
        const jestHolds = (spec) => {
            for (const path of this.jestMapped(spec))
                if (touched(path))
                    return false;
            return true;
        };
        const byAlias = new Map();
        return (fromDir, spec) => {
            let state = bySpec.get(spec);
            if (state === undefined) {
                state = !this.rewrites(spec) ? NOT_REWRITTEN : jestHolds(spec) ? JEST_HOLDS : TOUCHED;
                bySpec.set(spec, state);
            }
            if (state !== JEST_HOLDS)
                return state === NOT_REWRITTEN;
            if (this.aliases.length === 0)
                return true;
            const alias = this.aliasFor(fromDir, spec);
            if (!alias)
                return true;
            let answers = byAlias.get(alias);
            if (!answers)
                byAlias.set(alias, (answers = new Map()));
            let answer = answers.get(spec);
            if (answer === undefined)
                answers.set(spec, (answer = !touched((0,project/* joinPath */.uJ)(spec.replace(alias.find, alias.replacement)))));
            return answer;
        };
    }
    aliasFor(fromDir, spec) {
        return this.aliases.find(({ dir, find }) => (dir === '' || fromDir === dir || fromDir.startsWith(dir + '/')) && find.test(spec));
    }
    /** The paths jest's mappings rewrite `spec` to, in the order jest tries them. */
    *jestMapped(spec) {
        for (const settings of this.jest)
            for (const { regex, targets } of settings.moduleNameMapper) {
                const match = regex.exec(spec);
                if (match)
                    for (const target of targets)
                        yield (0,project/* joinPath */.uJ)(target.replace(/\$(\d+)/g, (_, n) => match[Number(n)] ?? ''));
            }
    }
    /** viaJest's answers by specifier (null: no mapping finds a file); the same from every folder. */
    mappedBySpec = new Map();
    viaJest(spec) {
        let found = this.mappedBySpec.get(spec);
        if (found === undefined) {
            found = null;
            for (const path of this.jestMapped(spec))
                if ((found = this.tryPath(path) ?? null))
                    break;
            this.mappedBySpec.set(spec, found);
        }
        return found ?? undefined;
    }
    /**
     * Resolutions by folder + specifier: a path, '' for a package outside, '?' for unresolved,
     * '\u0001' + folder for a repository package whose entry is not in the repository.
     */
    memo;
    /** How many resolutions this resolver added to the memo. */
    added = 0;
    /**
     * The JavaScript/TypeScript files a path string in `from` names with its extension (or the
     * scripts it names, files without one), which a test or module may run in another process or
     * thread: `join(__dirname, '../bin/cli.js')`,
     * `` `${root}/bin/cli.js` `` (the text after the last hole), `new URL('./worker.ts', …)`,
     * `spawn('node', ['bin/cli.js'])`. A path counts from the file's folder, its package's folder
     * and the repository's top, wherever it may be run from, and a name alone names the files so
     * called under the file's folder (`join(__dirname, 'fixtures', 'inspect.js')`); never `from`.
     */
    namedSources(from, literal) {
        const text = (0,model/* afterLastHole */.Jz)(literal);
        if (text.length < 2 || text.length > 200 || !model/* PATH_LIKE */.G8.test(text))
            return [];
        // With its extension (a page too: it runs its scripts), or a script without one
        // (`fixtures/pm`, whose `#!` line says node).
        const script = !(0,model/* isJsLike */.Pp)(text) && !HTML_PAGE.test(text);
        if (script && !this.scriptNames().has(text.slice(text.lastIndexOf('/') + 1)))
            return [];
        const dir = (0,project/* dirname */.pD)(from);
        const relative = text.startsWith('./') || text.startsWith('../');
        const rest = text.startsWith('/') ? text.slice(1) : text;
        const bases = relative ? [dir] : [dir, this.packageDirOf(from) ?? '', ''];
        const named = [];
        // A name alone (`join(__dirname, 'fixtures', 'inspect.js')`): a file of that name under the folder.
        if (!relative && dir !== '' && !rest.includes('/'))
            for (const path of this.filesNamed(rest))
                if (path.startsWith(dir + '/') && path !== from && (!script || scanKindOf(path) === 'script'))
                    named.push(path);
        for (const base of bases) {
            const path = (0,project/* joinPath */.uJ)(base, rest);
            if (path === from || path.startsWith('../') || !this.exists(path) || named.includes(path))
                continue;
            if (!script || scanKindOf(path) === 'script')
                named.push(path);
        }
        return named;
    }
    /** Per name before its first dot: the folders that hold a file or folder so named. */
    entryFolders;
    fromAnyFolderMemo = new Map();
    /**
     * The files a path from a folder known only when the code runs leads to (`src/a` of
     * `require(path.resolve('src/a'))` or `require(ROOT + '/src/a')`, ImportKind `rooted`): from
     * each folder of the repository, as tryPath finds it (or, for build output that is not in the
     * repository, its source), with the other files a runner may load (withFilesRunnersMayLoad).
     * Only the folders that hold the path's first segment (`src`, or `a` for `a.js`, `a.ios.ts`,
     * `a/`) can lead anywhere.
     */
    fromAnyFolder(spec) {
        let found = this.fromAnyFolderMemo.get(spec);
        if (found)
            return found;
        if (spec === '' || spec === '.' || spec.startsWith('..') || spec.startsWith('/'))
            return [];
        const head = upTo(spec, '/');
        const folders = new Set(this.foldersHolding(head));
        // Build output that is not in the repository leads to its source (see sourceFor).
        if (BUILD_FOLDERS.includes(head))
            for (const folder of this.foldersHolding('src'))
                folders.add(folder);
        const files = new Set();
        for (const folder of folders) {
            const file = this.fileOrSource((0,project/* joinPath */.uJ)(folder, spec));
            if (file === undefined)
                continue;
            const resolution = this.withFilesRunnersMayLoad({ file }, spec);
            if ('file' in resolution)
                for (const each of filesOf(resolution))
                    files.add(each);
        }
        this.fromAnyFolderMemo.set(spec, (found = [...files]));
        return found;
    }
    /** The folders that hold a file or folder whose name, up to its first dot, is `name`'s. */
    foldersHolding(name) {
        if (!this.entryFolders) {
            const byName = new Map();
            const add = (path) => {
                const slash = path.lastIndexOf('/');
                const entry = path.slice(slash + 1);
                const key = upTo(entry, '.');
                const folder = slash < 0 ? '' : path.slice(0, slash);
                const folders = byName.get(key);
                if (!folders)
                    byName.set(key, [folder]);
                else if (folders[folders.length - 1] !== folder)
                    folders.push(folder);
            };
            const seen = new Set();
            for (const path of this.files) {
                add(path);
                for (let dir = (0,project/* dirname */.pD)(path); dir !== '' && !seen.has(dir); dir = (0,project/* dirname */.pD)(dir)) {
                    seen.add(dir);
                    add(dir);
                }
            }
            this.entryFolders = byName;
        }
        return this.entryFolders.get(upTo(name, '.')) ?? [];
    }
    scriptNamesFound;
    /** The names of the files scanned as scripts (without an extension, or `.sh`). */
    scriptNames() {
        if (!this.scriptNamesFound) {
            this.scriptNamesFound = new Set();
            for (const path of this.files)
                if (scanKindOf(path) === 'script')
                    this.scriptNamesFound.add(path.slice(path.lastIndexOf('/') + 1));
        }
        return this.scriptNamesFound;
    }
    byName;
    /** The files whose last segment is `name`. */
    filesNamed(name) {
        if (!this.byName) {
            this.byName = new Map();
            for (const path of this.files) {
                const base = path.slice(path.lastIndexOf('/') + 1);
                const list = this.byName.get(base);
                if (list)
                    list.push(path);
                else
                    this.byName.set(base, [path]);
            }
        }
        return this.byName.get(name) ?? [];
    }
    globMemo = new Map();
    globMatchers = new Map();
    /** The files a glob import in `from` loads (see glob-imports.ts). */
    globFiles(from, pattern) {
        const key = this.globKey(from, pattern);
        let files = this.globMemo.get(key);
        if (!files)
            this.globMemo.set(key, (files = (0,glob_imports/* globFiles */.CJ)(prefix => this.filesUnder(prefix), this.globFrom(key), pattern)));
        return files.includes(from) ? files.filter(file => file !== from) : files;
    }
    /** Whether glob import `pattern`, written in `from`, loads `file` (as globFiles lists it). */
    globLoads(from, pattern, file) {
        return this.globLoader(from, pattern)(file);
    }
    /** globLoads for one importer and pattern: tries each file asked about, lists none. */
    globLoader(from, pattern) {
        const key = this.globKey(from, pattern);
        let loads = this.globMatchers.get(key);
        if (!loads) {
            const matcher = (0,glob_imports/* globMatcher */.fU)(this.globFrom(key), pattern);
            this.globMatchers.set(key, (loads = matcher ? matcher.loads : () => false));
        }
        const inFolder = loads;
        return file => file !== from && this.files.has(file) && inFolder(file);
    }
    /**
     * What a pattern matches depends on the importer's folder (nothing, for a rooted one), and never
     * includes the importer: worked out once per folder, as tests repeat one pattern in hundreds of files.
     */
    globKey(from, pattern) {
        return `${pattern.startsWith('/') ? '' : (0,project/* dirname */.pD)(from)}\0${pattern}`;
    }
    /** A file name no file has, in the key's folder: the matcher for every importer there. */
    globFrom(key) {
        return (0,project/* joinPath */.uJ)(key.slice(0, key.indexOf('\0')), '\0');
    }
    /** Resolves `spec` imported from file `from` (memoized per folder and specifier). */
    resolveJs(from, spec) {
        const fromDir = (0,project/* dirname */.pD)(from);
        const key = fromDir + '\u0000' + spec;
        let encoded = this.memo[key];
        if (encoded === undefined) {
            const result = this.withFilesRunnersMayLoad(this.resolveJsUncached(fromDir, spec), spec);
            encoded =
                'file' in result
                    ? [result.file, ...(result.also ?? [])].join('\u0002')
                    : 'external' in result
                        ? ''
                        : 'package' in result
                            ? '\u0001' + result.package
                            : '?';
            this.memo[key] = encoded;
            this.added++;
        }
        if (encoded === '')
            return { external: true };
        if (encoded === '?')
            return { unresolved: true };
        if (encoded.charCodeAt(0) === 1)
            return { package: encoded.slice(1) };
        if (!encoded.includes('\u0002'))
            return { file: encoded };
        const [file, ...also] = encoded.split('\u0002');
        return { file, also };
    }
    /** The files in path order, for folder lookups, with their places in `files`. */
    sorted;
    /** The files whose path starts with `prefix` (a folder and a slash), in the order of `files`. */
    filesUnder(prefix) {
        if (prefix === '')
            return this.files;
        if (!this.sorted) {
            const paths = [...this.files];
            const order = new Map(paths.map((path, i) => [path, i]));
            this.sorted = { paths: paths.sort(), order };
        }
        const { paths, order } = this.sorted;
        let low = 0;
        let high = paths.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (paths[middle] < prefix)
                low = middle + 1;
            else
                high = middle;
        }
        const found = [];
        for (let i = low; i < paths.length && paths[i].startsWith(prefix); i++)
            found.push(paths[i]);
        return found.sort((a, b) => order.get(a) - order.get(b));
    }
    /** Each package folder's sources (see packageSources), worked out on first use. */
    sourcesByPackage;
    /**
     * The JavaScript/TypeScript sources of the repository package in `dir`: its files, less
     * node_modules, nested packages and test-looking files.
     */
    packageSources(dir) {
        this.sourcesByPackage ??= this.groupSourcesByPackage();
        return this.sourcesByPackage.get(dir) ?? new Set();
    }
    /** Every source under the nearest folder above it with a package.json (the root when none is). */
    groupSourcesByPackage() {
        const byPackage = new Map();
        const packageDirs = new Set();
        for (const f of this.files)
            if ((f === 'package.json' || f.endsWith('/package.json')) && !f.includes('node_modules/'))
                packageDirs.add((0,project/* dirname */.pD)(f));
        const nearest = new Map();
        const packageOf = (folder) => {
            let found = nearest.get(folder);
            if (found === undefined) {
                found = packageDirs.has(folder) || folder === '' ? folder : packageOf((0,project/* dirname */.pD)(folder));
                nearest.set(folder, found);
            }
            return found;
        };
        for (const f of this.files) {
            if (!(0,model/* isJsLike */.Pp)(f) || f.includes('node_modules/') || TEST_LIKE.test(f))
                continue;
            const owner = packageOf((0,project/* dirname */.pD)(f));
            let sources = byPackage.get(owner);
            if (!sources)
                byPackage.set(owner, (sources = new Set()));
            sources.add(f);
        }
        return byPackage;
    }
    /**
     * The folder `dirname(require.resolve(spec))` names from `from`, for the files code reads or
     * lists there: the whole package the module is in (its entry may be in a folder of its own, and
     * `join(dirname(…), '..')` goes up from it), or the module's folder when that package is the
     * repository's top, which a string cannot name either. Undefined for a module outside the repository.
     */
    namedFolder(from, spec) {
        const resolution = this.resolveJs(from, spec);
        if ('package' in resolution)
            return resolution.package || undefined;
        if (!('file' in resolution))
            return undefined;
        return this.packageDirOf(resolution.file) || (0,project/* dirname */.pD)(resolution.file) || undefined;
    }
    /** The folder of the package (nearest package.json) that holds `path`. */
    packageDirOf(path) {
        return this.nearestPackage((0,project/* dirname */.pD)(path))?.dir;
    }
    resolveJsUncached(fromDir, spec) {
        const mapped = this.viaJest(spec);
        if (mapped)
            return { file: mapped };
        const alias = this.aliasFor(fromDir, spec);
        if (alias) {
            // Vite resolves the replaced specifier as a path; one that names nothing fails to load.
            const found = this.fileOrSource((0,project/* joinPath */.uJ)(spec.replace(alias.find, alias.replacement)));
            return found ? { file: found } : { unresolved: true };
        }
        if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
            // Build output that is not in the repository (a test importing `../lib/index.js`) is its source.
            const found = this.fileOrSource((0,project/* joinPath */.uJ)(fromDir, spec));
            return found ? { file: found } : { unresolved: true };
        }
        if (spec.startsWith('/')) {
            const found = this.fileOrSource((0,project/* joinPath */.uJ)(spec));
            return found ? { file: found } : { unresolved: true };
        }
        // A bare specifier resolves the same from every folder with the same package and tsconfig.
        const pkg = this.nearestPackage(fromDir);
        const tsconfig = this.nearestTsConfig(fromDir);
        let byPackage = this.bareResolutions.get(tsconfig);
        if (!byPackage)
            this.bareResolutions.set(tsconfig, (byPackage = new Map()));
        let bySpec = byPackage.get(pkg);
        if (!bySpec)
            byPackage.set(pkg, (bySpec = new Map()));
        let resolution = bySpec.get(spec);
        if (!resolution)
            bySpec.set(spec, (resolution = this.resolveBare(pkg, tsconfig, spec)));
        return resolution;
    }
    bareResolutions = new Map();
    jestBaseList;
    /** The folders jest looks for a bare specifier in (`modulePaths`, `moduleDirectories`), in order. */
    jestBases() {
        return (this.jestBaseList ??= this.jest.flatMap(settings => [
            ...settings.modulePaths,
            ...settings.moduleDirectories.map(d => (0,project/* joinPath */.uJ)(settings.rootDir, d))
        ]));
    }
    /**
     * Which resolutions of bare specifiers still hold when files were added or deleted, `touched`
     * saying which paths that may change what a path finds (see relink.ts). What resolveBare tries:
     * a package's `imports` (`#…`, always resolved again); the targets of tsconfig `paths` patterns
     * that match; the path under `baseUrl`; the folder of the workspace package the specifier names;
     * the path under each of jest's folders and each module root. A resolution holds when none of
     * them is touched.
     */
    bareResolutionsHolding(touched) {
        const bases = [...new Set([...this.jestBases(), ...this.moduleRoots.map(({ root }) => root)])];
        const underBases = new Map();
        const holds = (tsconfig, pkg, spec) => {
            if (spec.startsWith('#'))
                return false;
            if (tsconfig) {
                for (const { pattern, targets } of tsconfig.paths) {
                    const rest = pathsRest(pattern, spec);
                    if (rest !== undefined && targets.some(target => touched(target.replace('*', rest))))
                        return false;
                }
                if (tsconfig.baseUrl !== undefined && touched((0,project/* joinPath */.uJ)(tsconfig.baseUrl, spec)))
                    return false;
            }
            const name = packageName(spec);
            const named = this.workspacePackages.get(name) ?? (pkg?.name === name ? pkg : undefined);
            if (named)
                return named.dir !== '' && !touched(named.dir) && !entryOutsideTouched(named, touched);
            let found = underBases.get(spec);
            if (found === undefined)
                underBases.set(spec, (found = !bases.some(base => touched((0,project/* joinPath */.uJ)(base, spec)))));
            return found;
        };
        const contexts = new Map();
        const byFolder = new Map();
        const contextOf = (fromDir) => {
            const tsconfig = this.nearestTsConfig(fromDir);
            const pkg = this.nearestPackage(fromDir);
            let byPackage = contexts.get(tsconfig);
            if (!byPackage)
                contexts.set(tsconfig, (byPackage = new Map()));
            let context = byPackage.get(pkg);
            if (!context)
                byPackage.set(pkg, (context = { tsconfig, pkg, answers: new Map() }));
            return context;
        };
        return (fromDir, spec) => {
            let context = byFolder.get(fromDir);
            if (!context)
                byFolder.set(fromDir, (context = contextOf(fromDir)));
            let answer = context.answers.get(spec);
            if (answer === undefined)
                context.answers.set(spec, (answer = holds(context.tsconfig, context.pkg, spec)));
            return answer;
        };
    }
    /** Resolves a bare specifier (`#…`, a path alias, a package name) from a folder of `pkg` under `tsconfig`. */
    resolveBare(pkg, tsconfig, spec) {
        if (spec.startsWith('#')) {
            const [found, ...others] = pkg ? this.throughMap(pkg.imports, spec, pkg.dir) : [];
            const also = others.filter(other => !DECLARATION.test(other));
            if (found)
                return also.length ? { file: found, also } : { file: found };
        }
        // A declaration file found through `paths` types the import; what runs may be elsewhere.
        let declaration;
        if (tsconfig) {
            for (const { pattern, targets } of tsconfig.paths) {
                const rest = pathsRest(pattern, spec);
                if (rest === undefined)
                    continue;
                for (const target of targets) {
                    const found = this.tryPath(target.replace('*', rest));
                    if (found && DECLARATION.test(found))
                        declaration ??= found;
                    else if (found)
                        return { file: found };
                }
            }
            if (tsconfig.baseUrl !== undefined) {
                const found = this.tryPath((0,project/* joinPath */.uJ)(tsconfig.baseUrl, spec));
                if (found)
                    return { file: found };
            }
        }
        // A workspace package, by name or name/subpath.
        const name = packageName(spec);
        const named = this.workspacePackages.get(name) ?? (pkg?.name === name ? pkg : undefined);
        if (named) {
            const sub = spec.slice(name.length);
            const key = sub ? '.' + sub : '.';
            const [mapped, ...others] = named.exports !== undefined ? this.throughMap(named.exports, key, named.dir) : [];
            let found = mapped ?? (sub ? this.fileOrSource((0,project/* joinPath */.uJ)(named.dir, sub)) : this.tryPath(named.dir));
            // A declaration (a `types` field) is not what runs: the source of the same name is, when there
            // is one; when not, any source may be.
            if (!found || DECLARATION.test(found))
                found = this.tryPath((0,project/* joinPath */.uJ)(named.dir, 'src', sub || 'index'));
            if (!found || DECLARATION.test(found))
                return { package: named.dir };
            const also = others.filter(other => other !== found && !DECLARATION.test(other));
            return also.length ? { file: found, also } : { file: found };
        }
        if (declaration)
            return { file: declaration };
        for (const base of this.jestBases()) {
            const found = this.tryPath((0,project/* joinPath */.uJ)(base, spec));
            if (found)
                return { file: found };
        }
        const pkgDir = pkg?.dir ?? '';
        for (const { dir, root } of this.moduleRoots) {
            if (dir !== '' && pkgDir !== dir && !pkgDir.startsWith(dir + '/'))
                continue;
            const found = this.tryPath((0,project/* joinPath */.uJ)(root, spec));
            if (found)
                return { file: found };
        }
        // `@/…` and `~/…` name no npm package: an alias this resolver could not read (a bundler's,
        // a framework's). It may lead to any source of the package.
        if (UNREAD_ALIAS.test(spec) && pkg)
            return { package: pkg.dir };
        return { external: true };
    }
    // ── Python ───────────────────────────────────────────────────────────────
    pyModule(base) {
        if (this.exists(base + '.py'))
            return base + '.py';
        if (this.exists(base + '/__init__.py'))
            return base + '/__init__.py';
        return undefined;
    }
    /** Files for `import a.b.c` (packages a, a.b and module a.b.c), from the importing file. */
    resolvePython(from, spec) {
        const dots = /^\.*/.exec(spec)?.[0].length ?? 0;
        const dotted = spec.slice(dots);
        const parts = dotted ? dotted.split('.') : [];
        let bases;
        if (dots > 0) {
            let dir = (0,project/* dirname */.pD)(from);
            for (let i = 1; i < dots; i++)
                dir = (0,project/* dirname */.pD)(dir);
            bases = [dir];
        }
        else {
            bases = [...this.pythonRoots];
            // pytest's rootdir-relative imports: the test's folder and its parents.
            for (let dir = (0,project/* dirname */.pD)(from); dir !== ''; dir = (0,project/* dirname */.pD)(dir))
                bases.push(dir);
        }
        for (const base of bases) {
            const files = [];
            let ok = true;
            for (let i = 1; i <= parts.length; i++) {
                const file = this.pyModule((0,project/* joinPath */.uJ)(base, ...parts.slice(0, i)));
                if (file)
                    files.push(file);
                else if (i === parts.length)
                    ok = false;
            }
            if (parts.length === 0) {
                const init = (0,project/* joinPath */.uJ)(base, '__init__.py');
                if (this.exists(init))
                    files.push(init);
            }
            if (ok && (files.length || parts.length === 0))
                return { files, resolved: true };
        }
        return { files: [], resolved: false };
    }
    /** A name imported with `from pkg import name` that is a submodule file. */
    pythonSubmodule(packageFile, name) {
        if (!packageFile.endsWith('__init__.py'))
            return undefined;
        return this.pyModule((0,project/* joinPath */.uJ)((0,project/* dirname */.pD)(packageFile), name));
    }
    // ── Go ───────────────────────────────────────────────────────────────────
    /** The Go modules of the repository: each `go.mod` folder and its module path. */
    get goModuleRoots() {
        return this.goModules;
    }
    /**
     * The repository folder of a Go import path: a package of a module in the repository, or a
     * package vendored into the module that holds the importing file (`vendor/<import path>`).
     */
    goPackageDir(importPath, from) {
        // The module whose path matches longest: a nested module need not sit where its path says.
        let found;
        for (const entry of this.goModules)
            if ((importPath === entry.module || importPath.startsWith(entry.module + '/')) &&
                entry.module.length > (found?.module.length ?? -1))
                found = entry;
        if (found)
            return importPath === found.module
                ? found.dir
                : (0,project/* joinPath */.uJ)(found.dir, importPath.slice(found.module.length + 1));
        if (from === undefined)
            return undefined;
        const owner = this.goModules
            .filter(({ dir }) => dir === '' || from.startsWith(dir + '/'))
            .sort((a, b) => b.dir.length - a.dir.length)[0];
        return owner ? (0,project/* joinPath */.uJ)(owner.dir, 'vendor', importPath) : undefined;
    }
}
/** What a tsconfig `paths` pattern's `*` stands for in `spec` ('' for a pattern without one), or undefined when it does not match. */
function pathsRest(pattern, spec) {
    const star = pattern.indexOf('*');
    if (star < 0)
        return pattern === spec ? '' : undefined;
    if (spec.length < pattern.length - 1)
        return undefined;
    if (!spec.startsWith(pattern.slice(0, star)) || !spec.endsWith(pattern.slice(star + 1)))
        return undefined;
    return spec.slice(star, spec.length - (pattern.length - star - 1));
}
/** The package a bare specifier names: `@scope/name` or `name`, without the subpath. */
function packageName(spec) {
    const parts = spec.split('/');
    return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
/** A file named `name` in folder `dir` (a path as the file list has it: '' is the top folder). */
const inFolder = (dir, name) => (dir === '' ? name : `${dir}/${name}`);
/**
 * Whether an entry field of a package that points outside its folder (`"main": "../lib/index.js"`,
 * which node allows) names a touched path: the file, its name without the extension, or its folder.
 */
function entryOutsideTouched(pkg, touched) {
    for (const field of [pkg.main, pkg.module, pkg.source, pkg.types]) {
        if (typeof field !== 'string')
            continue;
        const path = (0,project/* joinPath */.uJ)(pkg.dir, field);
        if (path.startsWith(`${pkg.dir}/`))
            continue;
        if (touched(path) || touched(path.replace(/\.[^./]+$/, '')) || touched((0,project/* dirname */.pD)(path)))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/select/relink.ts



function fileListChange(before, after) {
    const old = new Set(before);
    const added = [];
    const deleted = [];
    for (const path of after)
        if (!old.has(path))
            added.push(path);
    for (const path of old)
        if (!after.has(path))
            deleted.push(path);
    return { added, deleted };
}
const PYTHON_OR_GO = /\.(?:py|pyi|go)$|(?:^|\/)go\.work$/;
/**
 * Whether adding or deleting `path` may change links that relinking by keys does not follow:
 * Python and Go modules (packages, conftest.py, module roots), and Go's workspace file. A config
 * added or deleted (package.json, tsconfig, an alias config, pyproject.toml) changes the configs'
 * fingerprint, which links everything again before this is asked.
 */
function changesEverything(path) {
    return PYTHON_OR_GO.test(path);
}
/**
 * The paths a relative import that may load one of `changed` can resolve through: each file, the
 * file without each of its extensions (`./a` and `./a.js` find `a.ts`), and each folder above it
 * (an index, a folder's package entry).
 */
function touchedPaths(changed) {
    const touched = new Set();
    for (const path of changed) {
        touched.add(path);
        const slash = path.lastIndexOf('/');
        for (let dot = path.indexOf('.', slash + 2); dot > 0; dot = path.indexOf('.', dot + 1))
            touched.add(path.slice(0, dot));
        for (let dir = (0,project/* dirname */.pD)(path); dir !== ''; dir = (0,project/* dirname */.pD)(dir))
            touched.add(dir);
    }
    return touched;
}
const RELATIVE = /^\.\.?(?:\/|$)/;
const LAST_EXTENSION = /\.[^./]+$/;
/**
 * The saved resolutions (folder + NUL + specifier → result) that hold after `change`: those whose
 * specifier no alias or jest mapping rewrites to a path an added or deleted file touches (see
 * touchedPaths) or through a build folder (mapped to `src/`) (see Resolver.rewritesHolding), and
 * which, as found without them,
 * are of relative specifiers whose path is none of those either, or of bare specifiers that try no
 * touched path (see Resolver.bareResolutionsHolding). The others are taken out of `memo` and
 * returned with their old results, to resolve again and compare.
 */
function carryResolutions(memo, change, rules) {
    const touched = touchedPaths([...change.added, ...change.deleted]);
    // A path is touched only if its last segment (or that without its extension) is the name of one.
    const names = new Set([...touched].map(path => path.slice(path.lastIndexOf('/') + 1)));
    for (const folder of BUILD_FOLDERS)
        names.add(folder);
    const buildFolder = new RegExp(`(?:^|/)(?:${BUILD_FOLDERS.join('|')})(?:/|$)`);
    const touchedOrBuilt = (path) => buildFolder.test(path) || touched.has(path) || touched.has(path.replace(LAST_EXTENSION, ''));
    const bareHolds = rules.bareResolutionsHolding(touchedOrBuilt);
    const rewriteHolds = rules.rewritesHolding(touchedOrBuilt);
    const dropped = new Map();
    for (const key in memo) {
        const value = memo[key];
        const nul = key.indexOf('\u0000');
        const dir = key.slice(0, nul);
        const spec = key.slice(nul + 1);
        let keep = rewriteHolds(dir, spec);
        if (keep && !RELATIVE.test(spec))
            keep = !spec.startsWith('/') && bareHolds(dir, spec);
        else if (keep) {
            const last = spec.slice(spec.lastIndexOf('/') + 1);
            if (last === '' ||
                last === '.' ||
                last === '..' ||
                names.has(last) ||
                names.has(last.replace(LAST_EXTENSION, ''))) {
                keep = !touchedOrBuilt((0,project/* joinPath */.uJ)(dir, spec));
            }
            else
                keep = !buildFolder.test(spec);
        }
        if (!keep)
            dropped.set(key, value);
    }
    for (const key of dropped.keys())
        delete memo[key];
    return dropped;
}
/**
 * The specifiers, by folder, that a dropped resolution now resolves otherwise: the modules there
 * that import one are linked again. Resolves each again into `resolver`'s memo.
 */
function resolvedAnew(dropped, resolver) {
    const specsByFolder = new Map();
    for (const [key, before] of dropped) {
        const nul = key.indexOf('\u0000');
        const dir = key.slice(0, nul);
        const spec = key.slice(nul + 1);
        resolver.resolveJs(dir === '' ? '\u0000' : `${dir}/\u0000`, spec);
        if (resolver.memo[key] === before)
            continue;
        const specs = specsByFolder.get(dir);
        if (specs)
            specs.add(spec);
        else
            specsByFolder.set(dir, new Set([spec]));
    }
    return specsByFolder;
}
/** The keys (see above) of what a module's links depend on besides its imports' resolutions. */
function linkSense(path, scan, resolver) {
    if (scan.lang !== 'js')
        return [];
    const keys = new Set();
    for (const literal of scan.strings) {
        // As namedSources reads a string: a path ending in a name.
        const text = (0,model/* afterLastHole */.Jz)(literal);
        if (text.length < 2 || text.length > 200 || !model/* PATH_LIKE */.G8.test(text))
            continue;
        const path = text.replace(/\/+$/, '');
        const name = path.slice(path.lastIndexOf('/') + 1);
        if (name !== '' && name !== '.' && name !== '..')
            keys.add(`n:${name}`);
    }
    for (const record of scan.imports) {
        // A glob's files, and a path from any folder (a rooted import), are looked up in the file list.
        if (record.kind === 'glob' || record.kind === 'rooted')
            keys.add('g');
        else if (record.kind !== 'folder') {
            const resolution = resolver.resolveJs(path, record.spec);
            if ('package' in resolution)
                keys.add(`p:${resolution.package}`);
        }
    }
    return [...keys];
}
/** The keys under which a module whose links `path`'s addition or deletion may change is kept. */
function senseKeysOf(path) {
    const keys = [`n:${path.slice(path.lastIndexOf('/') + 1)}`, 'g', 'p:'];
    for (let dir = (0,project/* dirname */.pD)(path); dir !== ''; dir = (0,project/* dirname */.pD)(dir))
        keys.push(`p:${dir}`);
    return keys;
}

;// CONCATENATED MODULE: ./src/select/graph.ts



/**
 * The dependency graph at symbol level. Nodes are files; a file's edges are its resolved imports.
 * Reachability is computed per test file over (file, key) pairs where key is a local symbol name,
 * `export:<name>`, MODULE_SYMBOL, LOAD (the module is loaded: its top-level code runs and its
 * imports load) or WHOLE (everything the module has).
 */
const LOAD = '<load>';
const WHOLE = '*';
const ALL_EDGES = { kind: 'all' };
/** Does an edge of any kind lead into a file? */
const anyEdges = (into) => !!into && (into.loaders.length > 0 || into.bindings.length > 0 || into.exportAllers.length > 0);
/** A node whose edges are resolved on first use (its file did not change since the snapshot). */
class LazyNode {
    path;
    scan;
    build;
    forward;
    constructor(path, scan, build) {
        this.path = path;
        this.scan = scan;
        this.build = build;
    }
    get edges() {
        return (this.forward ??= this.build());
    }
    get bindings() {
        return this.edges.bindings;
    }
    get loads() {
        return this.edges.loads;
    }
    get exportAll() {
        return this.edges.exportAll;
    }
    get unresolved() {
        return this.edges.unresolved;
    }
    get folders() {
        return this.edges.folders;
    }
}
function addEdgesFrom(node, edges) {
    const into = (target) => {
        let entry = edges.get(target);
        if (!entry)
            edges.set(target, (entry = { loaders: [], bindings: [], exportAllers: [] }));
        return entry;
    };
    for (const { target, whole } of node.loads)
        into(target).loaders.push({ from: node.path, whole });
    for (const [local, binding] of node.bindings)
        for (const target of targetsOfBinding(binding))
            into(target).bindings.push(binding.typeOnly
                ? { from: node.path, local, imported: binding.imported, typeOnly: true }
                : { from: node.path, local, imported: binding.imported });
    for (const target of node.exportAll)
        into(target).exportAllers.push(node.path);
}
function targetsOf(node) {
    const targets = new Set();
    for (const { target } of node.loads)
        targets.add(target);
    for (const binding of node.bindings.values())
        for (const target of targetsOfBinding(binding))
            targets.add(target);
    for (const target of node.exportAll)
        targets.add(target);
    return targets;
}
/** The files a binding comes from: its target, and those of other export conditions. */
function targetsOfBinding(binding) {
    if (binding.target === undefined)
        return [];
    return binding.also ? [binding.target, ...binding.also] : [binding.target];
}
/** Edges into one file, with the files they come from as indices into `paths`. */
function encodeEdges(edges, index) {
    if (!edges)
        return '0';
    const at = (path) => index.get(path);
    return JSON.stringify([
        edges.loaders.flatMap(l => [at(l.from), l.whole ? 1 : 0]),
        // A type-only binding's file as -1 - its index.
        edges.bindings.flatMap(b => [b.typeOnly ? -1 - at(b.from) : at(b.from), b.local, b.imported]),
        edges.exportAllers.map(at)
    ]);
}
function decodeEdges(line, paths) {
    const data = JSON.parse(line);
    if (data === 0)
        return undefined;
    const [loads, binds, alls] = data;
    const edges = { loaders: [], bindings: [], exportAllers: alls.map(i => paths[i]) };
    for (let i = 0; i < loads.length; i += 2)
        edges.loaders.push({ from: paths[loads[i]], whole: loads[i + 1] === 1 });
    for (let i = 0; i < binds.length; i += 3) {
        const at = binds[i];
        const binding = {
            from: paths[at < 0 ? -1 - at : at],
            local: binds[i + 1],
            imported: binds[i + 2]
        };
        edges.bindings.push(at < 0 ? { ...binding, typeOnly: true } : binding);
    }
    return edges;
}
/**
 * Builds the graph of `scans` (keyed by path, in a stable order; `keys` gives each scan's cache
 * key). With the snapshot of an earlier run for the same files and configs, only the files whose
 * scan changed are linked again, the edges into the files they point at (before and after) are
 * patched, and the rest is read from the snapshot when something asks for it. With `across`, the
 * snapshot is of a revision with other files (added, `deleted`), the same configs: the modules in
 * `relink` are linked again too, as what they link to may have changed (see relink.ts).
 */
function buildGraph(scans, resolver, conftests, keys = new Map(), previous, setupLoadsOf = () => [], across) {
    // Go packages: folder → non-test files.
    const goPackages = new Map();
    for (const [path, scan] of scans) {
        if (scan.lang !== 'go' || path.endsWith('_test.go'))
            continue;
        const dir = (0,project/* dirname */.pD)(path);
        const list = goPackages.get(dir) ?? [];
        list.push(path);
        goPackages.set(dir, list);
    }
    const link = (path, scan) => linkNode(path, scan, resolver, conftests, goPackages, setupLoadsOf(path));
    const linkAll = () => {
        const nodes = new Map();
        for (const [path, scan] of scans)
            nodes.set(path, { path, scan, ...link(path, scan) });
        return freshGraph(nodes, keys, resolver, nodes.size);
    };
    if (!previous || !(across ? inSameOrder(previous, scans) : sameFiles(previous, scans)))
        return linkAll();
    const scannedBefore = previous.keys.length;
    const oldIndex = new Map();
    previous.paths.forEach((path, i) => oldIndex.set(path, i));
    // This revision's order: its scanned files, then the other files edges lead to.
    const paths = across ? [...scans.keys()] : [...previous.paths];
    if (across)
        for (const path of previous.paths.slice(scannedBefore))
            if (!scans.has(path) && !across.deleted.has(path))
                paths.push(path);
    const index = new Map();
    paths.forEach((path, i) => index.set(path, i));
    const changed = [];
    const nodes = new Map();
    for (const [path, scan] of scans) {
        const at = oldIndex.get(path);
        const before = at !== undefined && at < scannedBefore ? previous.keys[at] : undefined;
        if (before === keys.get(path) && !across?.relink.has(path))
            nodes.set(path, new LazyNode(path, scan, () => link(path, scan)));
        else {
            changed.push(path);
            nodes.set(path, { path, scan, ...link(path, scan) });
        }
    }
    const gone = across
        ? [...across.deleted].filter(path => (oldIndex.get(path) ?? scannedBefore) < scannedBefore)
        : [];
    // A Go file links to its package's other files, which depend on their languages: start over.
    const goChanged = [...changed, ...gone].some(path => path.endsWith('.go'));
    if (goChanged || changed.length + gone.length > scans.size / 4)
        return freshGraph(nodes, keys, resolver, changed.length);
    const decoded = new Map();
    const stored = (at) => {
        if (!decoded.has(at))
            decoded.set(at, decodeEdges(previous.edgesInto(at), previous.paths));
        return decoded.get(at);
    };
    // Edges into the files the changed (or deleted) files pointed at or point at now, rebuilt in node order.
    const changedPaths = new Set([...changed, ...gone]);
    const fresh = new Map();
    for (const path of changed)
        addEdgesFrom(nodes.get(path), fresh);
    const affected = new Set(fresh.keys());
    for (const path of changedPaths) {
        const at = oldIndex.get(path);
        if (at !== undefined && at < scannedBefore)
            for (const t of previous.outs[at] ?? [])
                affected.add(previous.paths[t]);
    }
    const patched = new Map();
    const order = (from) => index.get(from) ?? Number.MAX_SAFE_INTEGER;
    for (const target of affected) {
        const at = oldIndex.get(target);
        const before = at === undefined ? undefined : stored(at);
        const add = fresh.get(target);
        const edges = {
            loaders: [...(before?.loaders.filter(l => !changedPaths.has(l.from)) ?? []), ...(add?.loaders ?? [])],
            bindings: [
                ...(before?.bindings.filter(b => !changedPaths.has(b.from)) ?? []),
                ...(add?.bindings ?? [])
            ],
            exportAllers: [
                ...(before?.exportAllers.filter(f => !changedPaths.has(f)) ?? []),
                ...(add?.exportAllers ?? [])
            ]
        };
        edges.loaders.sort((a, b) => order(a.from) - order(b.from));
        edges.bindings.sort((a, b) => order(a.from) - order(b.from));
        edges.exportAllers.sort((a, b) => order(a) - order(b));
        const empty = !edges.loaders.length && !edges.bindings.length && !edges.exportAllers.length;
        patched.set(target, empty ? undefined : edges);
        if (!index.has(target)) {
            index.set(target, paths.length);
            paths.push(target);
        }
    }
    const edgesInto = (file) => {
        if (patched.has(file))
            return patched.get(file);
        if (across?.deleted.has(file))
            return undefined;
        const at = oldIndex.get(file);
        return at === undefined ? undefined : stored(at);
    };
    let snapshot;
    return {
        nodes,
        edgesInto,
        linked: changed.length,
        snapshot: fingerprint => {
            if (snapshot)
                return snapshot;
            if (!across &&
                changed.length === 0 &&
                paths.length === previous.paths.length &&
                fingerprint === previous.fingerprint)
                return (snapshot = previous);
            const moved = new Set(changed);
            const outs = [];
            for (const path of scans.keys()) {
                const node = nodes.get(path);
                const at = oldIndex.get(path);
                const targets = moved.has(path)
                    ? [...targetsOf(node)]
                    : (previous.outs[at] ?? []).map(t => previous.paths[t]);
                outs.push(targets.map(target => {
                    if (!index.has(target)) {
                        index.set(target, paths.length);
                        paths.push(target);
                    }
                    return index.get(target);
                }));
            }
            // What each module's links depend on: kept for the modules not linked again.
            const sense = Object.create(null);
            for (const [key, list] of Object.entries(previous.sense))
                for (const at of list) {
                    const path = previous.paths[at];
                    if (!moved.has(path) && scans.has(path))
                        (sense[key] ??= []).push(index.get(path));
                }
            for (const path of changed)
                for (const key of linkSense(path, nodes.get(path).scan, resolver))
                    (sense[key] ??= []).push(index.get(path));
            for (const list of Object.values(sense))
                list.sort((a, b) => a - b);
            return (snapshot = {
                fingerprint,
                paths,
                keys: [...scans.keys()].map(path => keys.get(path) ?? ''),
                outs,
                edgesInto: at => {
                    const path = paths[at];
                    if (patched.has(path))
                        return encodeEdges(patched.get(path), index);
                    const before = oldIndex.get(path);
                    if (before === undefined || across?.deleted.has(path))
                        return encodeEdges(undefined, index);
                    return across ? encodeEdges(stored(before), index) : previous.edgesInto(before);
                },
                sense
            });
        }
    };
}
function sameFiles(previous, scans) {
    if (previous.keys.length !== scans.size)
        return false;
    let i = 0;
    for (const path of scans.keys())
        if (previous.paths[i++] !== path)
            return false;
    return true;
}
/**
 * Whether the files both revisions scan come in the same order in each, so that edges kept from
 * the snapshot (in its order) are in this revision's order too.
 */
function inSameOrder(previous, scans) {
    const scannedBefore = previous.keys.length;
    const oldIndex = new Map();
    for (let i = 0; i < scannedBefore; i++)
        oldIndex.set(previous.paths[i], i);
    let last = -1;
    for (const path of scans.keys()) {
        const at = oldIndex.get(path);
        if (at === undefined)
            continue;
        if (at < last)
            return false;
        last = at;
    }
    return true;
}
function freshGraph(nodes, keys, resolver, linked) {
    let edges;
    const all = () => {
        if (edges)
            return edges;
        edges = new Map();
        for (const node of nodes.values())
            addEdgesFrom(node, edges);
        return edges;
    };
    return {
        nodes,
        edgesInto: file => all().get(file),
        linked,
        snapshot: fingerprint => {
            const paths = [...nodes.keys()];
            const index = new Map();
            paths.forEach((path, i) => index.set(path, i));
            for (const target of all().keys())
                if (!index.has(target)) {
                    index.set(target, paths.length);
                    paths.push(target);
                }
            const outs = [...nodes.values()].map(node => [...targetsOf(node)].map(t => index.get(t)));
            const sense = Object.create(null);
            let at = 0;
            for (const node of nodes.values()) {
                for (const key of linkSense(node.path, node.scan, resolver))
                    (sense[key] ??= []).push(at);
                at++;
            }
            return {
                fingerprint,
                paths,
                keys: [...nodes.keys()].map(path => keys.get(path) ?? ''),
                outs,
                edgesInto: at => encodeEdges(all().get(paths[at]), index),
                sense
            };
        }
    };
}
/** A rooted import's files (see Resolver.fromAnyFolder), less the importer, as a resolution. */
function fromAnyFolder(resolver, from, spec) {
    const [file, ...also] = resolver.fromAnyFolder(spec).filter(found => found !== from);
    return file === undefined ? { external: true } : also.length ? { file, also } : { file };
}
/** A node's edges out: its imports resolved (plus conftests for Python, package files for Go). */
function linkNode(path, scan, resolver, conftests, goPackages, setupLoads = []) {
    const node = { bindings: new Map(), loads: [], exportAll: [], unresolved: [], folders: [] };
    const load = (target, whole) => {
        node.loads.push({ target, whole });
    };
    // A test file's jest setup files run before it, with everything they load.
    for (const setup of setupLoads)
        if (setup !== path)
            load(setup, false);
    if (scan.lang === 'js') {
        for (const record of scan.imports) {
            if (record.kind === 'glob') {
                for (const file of resolver.globFiles(path, record.spec))
                    load(file, true);
                continue;
            }
            if (record.kind === 'folder') {
                const folder = resolver.namedFolder(path, record.spec);
                if (folder)
                    node.folders.push(folder);
                continue;
            }
            const resolution = record.kind === 'rooted'
                ? fromAnyFolder(resolver, path, record.spec)
                : resolver.resolveJs(path, record.spec);
            const target = 'file' in resolution ? resolution.file : undefined;
            const also = 'file' in resolution ? resolution.also : undefined;
            if ('unresolved' in resolution)
                node.unresolved.push((0,project/* joinPath */.uJ)((0,project/* dirname */.pD)(path), record.spec));
            // A package of the repository whose entry is not here: any of its sources may be loaded.
            if ('package' in resolution)
                for (const source of resolver.packageSources(resolution.package))
                    if (source !== path)
                        load(source, true);
            for (const file of target ? [target, ...(also ?? [])] : []) {
                if (record.kind === 'reexport' && record.names && record.names.length === 0) {
                    node.exportAll.push(file);
                }
                if (!record.typeOnly)
                    load(file, record.names === null);
            }
            for (const binding of record.names ?? []) {
                if (binding.local)
                    node.bindings.set(binding.local, {
                        target,
                        ...(also && { also }),
                        ...(record.typeOnly && { typeOnly: true }),
                        imported: binding.imported === '*'
                            ? WHOLE
                            : record.kind === 'require' || record.kind === 'dynamic' || record.kind === 'rooted'
                                ? `${REQUIRED}${binding.imported}`
                                : binding.imported
                    });
            }
        }
        // A source file named by its path runs, in another process or thread, as a whole.
        for (const literal of scan.strings)
            for (const target of resolver.namedSources(path, literal))
                node.loads.push({ target, whole: true, elsewhere: true });
    }
    else if (scan.lang === 'py') {
        const attributesOnly = project/* PY_TEST */.Ts.test(path);
        // Names bound to a module object.
        const modules = new Set();
        for (const record of scan.imports) {
            const { files, resolved } = resolver.resolvePython(path, record.spec);
            if (!resolved)
                continue;
            const module = files[files.length - 1];
            for (const file of files.slice(0, -1))
                load(file, false);
            // `from m import *` at top level: m's names are this module's too (see pythonStarProviders).
            if (record.kind === 'reexport' && module) {
                load(module, false);
                node.exportAll.push(module);
                continue;
            }
            // A test module that reads only attributes of `import pkg` takes those names from it, as
            // `from pkg import …` would (nothing imports a test module to use its `pkg`).
            const attributes = attributesOnly ? record.attributes : undefined;
            const names = attributes
                ? attributes.map(name => ({ imported: name, local: `${record.local}.${name}` }))
                : record.names;
            // `import pkg` (or `import pkg.mod as name`) runs pkg's top level; the rest of it goes with
            // the name, as does `from pkg import mod` for a submodule.
            const named = !names && record.local !== undefined;
            if (module)
                load(module, names === null && !named);
            for (const binding of names ?? []) {
                const submodule = module ? resolver.pythonSubmodule(module, binding.imported) : undefined;
                if (submodule) {
                    load(submodule, attributes !== undefined);
                    node.bindings.set(binding.local, { target: submodule, imported: WHOLE });
                    if (!attributes)
                        modules.add(binding.local);
                }
                else
                    node.bindings.set(binding.local, { target: module, imported: binding.imported });
            }
            if (!names && module) {
                const local = record.local ?? record.spec.split('.')[0];
                if (!node.bindings.has(local)) {
                    node.bindings.set(local, { target: module, imported: WHOLE });
                    if (named)
                        modules.add(local);
                }
            }
        }
        bindModuleAttributes(node, scan, modules, resolver);
        for (const conftest of conftests.get(path) ?? [])
            load(conftest, true);
    }
    else if (scan.lang === 'go') {
        const dir = (0,project/* dirname */.pD)(path);
        for (const sibling of goPackages.get(dir) ?? [])
            if (sibling !== path)
                load(sibling, true);
        for (const record of scan.imports) {
            const pkgDir = resolver.goPackageDir(record.spec, path);
            if (pkgDir === undefined)
                continue;
            for (const file of goPackages.get(pkgDir) ?? [])
                load(file, true);
        }
    }
    return node;
}
/**
 * Does string literal `literal`, found in `from`, name `path` (a file or one of its folders)?
 * Without `bareNames`, a name alone (`'input.js'`, `'fixtures'`) names nothing: it needs a folder.
 */
function stringRefersTo(literal, from, path, bareNames = true) {
    if (literal.startsWith('./') || literal.startsWith('../')) {
        const resolved = (0,project/* joinPath */.uJ)((0,project/* dirname */.pD)(from), literal);
        if (resolved && (path === resolved || path.startsWith(resolved + '/')))
            return true;
    }
    const bare = literal
        .replace(/^(?:\.{1,2}\/)+/, '')
        .replace(/^\/+/, '')
        .replace(/\/+$/, '');
    if (bare.length < 3 || bare === '..' || bare === '.' || (!bareNames && !bare.includes('/')))
        return false;
    return (path === bare ||
        path.endsWith('/' + bare) ||
        path.startsWith(bare + '/') ||
        path.includes('/' + bare + '/'));
}
/** A manual mock, `__mocks__/<module>`, and the module it stands for. */
const MOCK_FILE = /(?:^|\/)__mocks__\/(.+?)(?:\.[cm]?[jt]sx?)?$/;
/**
 * How a module reaches a (changed) data file: it imports it ('loads'), or names it in a string or
 * imports the module it mocks ('names'), or neither.
 */
function dataReferenceOf(node, path, { bareNames = true, locatedFolders = true } = {}) {
    // Named first: a source file named by its path is loaded as well, and may be read as text.
    if (node.scan.strings.some(s => stringRefersTo(s, node.path, path, bareNames)))
        return 'names';
    if (locatedFolders && node.folders.some(folder => path.startsWith(folder + '/')))
        return 'names';
    const mock = MOCK_FILE.exec(path)?.[1];
    if (mock && node.scan.imports.some(r => r.spec === mock || r.spec.endsWith('/' + mock)))
        return 'names';
    return node.loads.some(l => l.target === path) ? 'loads' : undefined;
}
/** Files from which any of `targets` can be reached by following imports backwards. */
function reverseClosure(graph, targets) {
    const seen = new Set();
    const queue = [...targets];
    while (queue.length) {
        const file = queue.pop();
        if (seen.has(file))
            continue;
        seen.add(file);
        for (const { from } of graph.edgesInto(file)?.loaders ?? [])
            if (!seen.has(from))
                queue.push(from);
    }
    return seen;
}
/** A change of the whole file. */
function wholeChange() {
    return { whole: true, symbols: new Set(), exports: new Set() };
}
/** The label of a selection made because a changed file is type-checked on load. */
const TYPE_CHECK = '<type-check>';
/**
 * Walks everything a test file reaches and returns the changed symbols it meets, each with the
 * chain of steps that leads to it.
 */
function reachFromTest(graph, test, changes, { typeChecked = false, keepsValueImports = keepsNoValueImport } = {}) {
    // A test that is not type-checked reaches what runs: no type, nor the type an export is.
    const erasure = typeChecked
        ? undefined
        : { changes, nodes: graph.nodes, keepsValueImports };
    const parent = new Map();
    const hits = [];
    const hitKeys = new Set();
    const queue = [];
    const visit = (file, key, from) => {
        const id = `${file}\u0000${key}`;
        if (parent.has(id))
            return;
        parent.set(id, from);
        queue.push(id);
    };
    visit(test, WHOLE, null);
    for (let q = 0; q < queue.length; q++) {
        const id = queue[q];
        const sep = id.indexOf('\u0000');
        const file = id.slice(0, sep);
        const key = id.slice(sep + 1);
        const node = graph.nodes.get(file);
        if (erasure && node && isTypeKey(node, key, erasure))
            continue;
        const change = changes.get(file);
        if (change) {
            for (const symbol of changedSymbolsFor(change, key)) {
                if (erasure && node && key.startsWith('export:') && isTypeExport(node, symbol, erasure))
                    continue;
                if (hitKeys.has(`${file}#${symbol}`))
                    continue;
                hitKeys.add(`${file}#${symbol}`);
                const chain = chainOf(parent, id).filter(step => step !== test && !step.startsWith(test + '#'));
                if (chain[0] !== `${file}#${symbol}`)
                    chain.unshift(`${file}#${symbol}`);
                chain.push(test);
                hits.push({ file, symbol, chain });
            }
        }
        if (!node)
            continue;
        const step = (to, toKey) => visit(to, toKey, id);
        const symbol = stepForward(node, key, step, undefined, graph.nodes, erasure);
        if (symbol)
            for (const ref of localRefs(node, key, symbol, graph.nodes))
                step(file, ref);
    }
    return hits;
}
/**
 * Binds each `mod.attr` that a Python module's declarations reference (see pythonRefs), `mod` being
 * a name bound to a module, to that attribute of the module: its name, or its submodule.
 */
function bindModuleAttributes(node, scan, modules, resolver) {
    if (modules.size === 0)
        return;
    for (const symbol of Object.values(scan.symbols))
        for (const ref of symbol.refs) {
            const dot = ref.indexOf('.');
            if (dot < 0 || !modules.has(ref.slice(0, dot)) || node.bindings.has(ref))
                continue;
            const module = node.bindings.get(ref.slice(0, dot))?.target;
            if (module === undefined)
                continue;
            const attribute = ref.slice(dot + 1);
            const submodule = resolver.pythonSubmodule(module, attribute);
            node.bindings.set(ref, submodule ? { target: submodule, imported: WHOLE } : { target: module, imported: attribute });
        }
}
/**
 * A Python reference `mod.attr` that no binding has (`mod` is not a module, or not imported) is
 * one to `mod`.
 */
function pythonReferences(node, refs) {
    if (!refs.some(ref => ref.includes('.')))
        return refs;
    return refs.map(ref => {
        const dot = ref.indexOf('.');
        return dot < 0 || node.bindings.has(ref) ? ref : ref.slice(0, dot);
    });
}
/** Marks a binding's imported name as taken by `require` or `await import` (see stepForward). */
const REQUIRED = '?';
/** The walk's key for the type an `import type` takes (`type:<name>`): an export, not loaded. */
const TYPE_OF = 'type:';
/** An imported name without the REQUIRED mark. */
function exportedName(imported) {
    return imported.startsWith(REQUIRED) ? imported.slice(1) : imported;
}
/** No module keeps a value import that takes only types: compilers drop it. */
const keepsNoValueImport = () => false;
/**
 * Whether local name `name` of `node` is a type alone: a declaration that only `interface` and
 * `type` make, or a binding of `import type`, or (with `erasure.nodes`) of a value import whose
 * name is such a declaration where it is declared (a binding wins over a declaration, see
 * stepForward). What runs never goes through one; type-checked tests do. A changed name that was
 * a value before is not (FileChange.valuesBefore).
 */
function isTypeName(node, name, erasure) {
    const binding = node.bindings.get(name);
    const type = binding
        ? binding.typeOnly === true || (!!erasure?.nodes && bindsTypeAlone(erasure.nodes, binding, erasure))
        : (0,model/* own */.ZV)(node.scan.symbols, name)?.typeOnly === true;
    return type && !erasure?.changes?.get(node.path)?.valuesBefore?.has(name);
}
/** A value import's binding of a name that is a type alone where it is declared (see exportKind). */
function bindsTypeAlone(nodes, binding, erasure) {
    if (binding.also || binding.imported === WHOLE || binding.imported.startsWith(REQUIRED) || !binding.target)
        return false;
    const target = nodes.get(binding.target);
    return !!target && exportKind(nodes, target, binding.imported, erasure) === 'type';
}
/**
 * Whether a forward walk's `key` of `node` is a type alone (see isTypeName), which a walk of what
 * runs leaves out: a `type:` key, or a local name that is a type. An `export:` key is not: it
 * also loads its module.
 */
function isTypeKey(node, key, erasure) {
    if (key.startsWith(TYPE_OF))
        return true;
    if (key === LOAD || key === WHOLE || key.startsWith('export:'))
        return false;
    return isTypeName(node, key, erasure);
}
/** Whether export `name` of `node` is a type alone (see isTypeName). */
function isTypeExport(node, name, erasure) {
    const local = (0,model/* own */.ZV)(node.scan.exports, name);
    return (local !== undefined &&
        isTypeName(node, local, erasure) &&
        !erasure?.changes?.get(node.path)?.valuesBefore?.has(name));
}
/**
 * Whether export `name` of `node` is a type alone where it is declared, followed through
 * re-exports and `export *` (see isTypeName): 'type', 'value', or undefined when not found.
 */
function exportKind(nodes, node, name, erasure, depth = 0) {
    if (depth > MAX_CALLEE_HOPS || !node.scan.esm)
        return 'value';
    const known = (erasure.exportKinds ??= new Map());
    const key = node.path + SEP + name;
    if (known.has(key))
        return known.get(key);
    const kind = exportKindOf(nodes, node, name, erasure, depth);
    // Only what holds at any depth: a cut made deeper down may not hold from here.
    if (kind !== 'value' || depth === 0)
        known.set(key, kind);
    return kind;
}
function exportKindOf(nodes, node, name, erasure, depth) {
    if (erasure.changes?.get(node.path)?.valuesBefore?.has(name))
        return 'value';
    const local = (0,model/* own */.ZV)(node.scan.exports, name);
    if (local !== undefined) {
        const binding = node.bindings.get(local);
        if (!binding || binding.typeOnly)
            return isTypeName(node, local, erasure) ? 'type' : 'value';
        if (binding.imported === WHOLE || !binding.target || binding.also)
            return 'value';
        const target = nodes.get(binding.target);
        return ((target && exportKind(nodes, target, exportedName(binding.imported), erasure, depth + 1)) ?? 'value');
    }
    // Any 'value' settles it, and the modules made already are asked first: a walk that reached the
    // name through one of them finds it there without making the others.
    let found;
    const made = (from) => nodes.made?.(from) !== undefined;
    const ordered = nodes.made
        ? [...node.exportAll.filter(made), ...node.exportAll.filter(from => !made(from))]
        : node.exportAll;
    for (const from of ordered) {
        // A changed module is always asked: a name it no longer spells may have been a value before
        // (see FileChange.valuesBefore). Any other module that cannot export the name is not made.
        if (nodes.mayExport && !erasure.changes?.has(from) && !nodes.mayExport(from, name))
            continue;
        const target = nodes.get(from);
        const kind = target ? exportKind(nodes, target, name, erasure, depth + 1) : 'value';
        if (kind === 'value')
            return 'value';
        if (kind === 'type')
            found = kind;
    }
    return found;
}
/** A TypeScript module (not a declaration file), whose imports compilers drop when they take only types. */
const TYPESCRIPT_MODULE = /(?<!\.d)\.[cm]?tsx?$/;
/**
 * Whether `node` loads `target` only for types: every binding it takes from it by a value import
 * is a type alone (`import { Options } from './types'`, see isTypeName) or is used in types alone
 * (`type Input = z.infer<typeof schema>`, see usedInTypesAlone), and none is re-exported.
 * TypeScript, babel, SWC and esbuild drop such an import, unless the project keeps them (see
 * TypeErasure.keepsValueImports), so the module never loads `target`.
 */
function loadsForTypesAlone(node, target, erasure) {
    if (!TYPESCRIPT_MODULE.test(node.path) || node.exportAll.includes(target))
        return false;
    const reexported = new Set(Object.values(node.scan.exports));
    let taken = 0;
    for (const [local, binding] of node.bindings) {
        if (binding.target !== target && !binding.also?.includes(target))
            continue;
        if (binding.typeOnly)
            continue;
        if (local.startsWith('@reexport:') ||
            reexported.has(local) ||
            !(isTypeName(node, local, erasure) || usedInTypesAlone(node, erasure).has(local)))
            return false;
        taken++;
    }
    return taken > 0 && !erasure.keepsValueImports(node.path);
}
/** Names a classic JSX transform reads for every element, which compilers keep the imports of. */
const JSX_FACTORIES = new Set(['React', 'h', 'jsx', 'createElement', 'Fragment']);
/**
 * The local names `node` uses in types alone: its `interface` and `type` declarations (isTypeName)
 * reference them, and nothing else does, as a value (computed keys, SymbolInfo.valueRefs) or from
 * code. Compilers drop an import of names used only there, as they drop one of types.
 */
function usedInTypesAlone(node, erasure) {
    const known = (erasure.typeUses ??= new Map()).get(node.path);
    if (known)
        return known;
    const inTypes = new Set();
    const inValues = new Set();
    for (const [name, symbol] of Object.entries(node.scan.symbols)) {
        const type = name !== model/* MODULE_SYMBOL */.se && isTypeName(node, name, erasure);
        for (const ref of symbol.refs)
            (type ? inTypes : inValues).add(ref);
        for (const ref of symbol.valueRefs ?? [])
            inValues.add(ref);
        for (const call of symbol.deferred ?? [])
            for (const ref of call.refs)
                inValues.add(ref);
    }
    const jsx = node.path.endsWith('x');
    const used = new Set([...inTypes].filter(name => !inValues.has(name) && !(jsx && JSX_FACTORIES.has(name))));
    erasure.typeUses.set(node.path, used);
    return used;
}
/**
 * One step of a forward walk from `key` of `node` (LOAD, WHOLE, `export:<name>`, an import
 * binding or a local declaration): visits where it leads. For a declaration it returns the
 * symbol, whose references (localRefs) are the caller's to follow; WHOLE leaves out the
 * declarations `skip` names.
 */
function stepForward(node, key, visit, skip, nodes, erasure) {
    const { path: file, scan } = node;
    if (key === LOAD) {
        visit(file, model/* MODULE_SYMBOL */.se);
        for (const { target, whole } of node.loads)
            if (whole)
                visit(target, WHOLE);
            else if (!erasure || !loadsForTypesAlone(node, target, erasure))
                visit(target, LOAD);
    }
    else if (key === WHOLE) {
        visit(file, LOAD);
        for (const name of Object.keys(scan.symbols))
            if (!skip?.(name))
                visit(file, name);
        for (const name of Object.keys(scan.exports))
            visit(file, `export:${name}`);
        for (const target of node.exportAll)
            visit(target, WHOLE);
    }
    else if (key.startsWith(`export:${REQUIRED}`)) {
        // `require(…).name`: with babel's interop an ES module's default export may hold it
        // (add-module-exports), when the module does not export it.
        const name = exportedName(key.slice(7));
        visit(file, `export:${name}`);
        if (scan.esm && (0,model/* own */.ZV)(scan.exports, name) === undefined)
            visit(file, 'export:default');
    }
    else if (key.startsWith('export:') || key.startsWith(TYPE_OF)) {
        // A type an `import type` takes is the export without the load.
        const type = key.startsWith(TYPE_OF);
        if (!type)
            visit(file, LOAD);
        const name = key.slice(type ? TYPE_OF.length : 7);
        const local = (0,model/* own */.ZV)(scan.exports, name);
        const providers = local === undefined ? pythonStarProviders(nodes, node, name) : undefined;
        if (local !== undefined)
            visit(file, local);
        else if (providers?.length)
            for (const target of providers)
                visit(target, key);
        else if (!scan.esm)
            visit(file, WHOLE);
        else
            for (const target of node.exportAll)
                visit(target, key);
    }
    else {
        const binding = node.bindings.get(key);
        if (binding) {
            const to = binding.imported === WHOLE ? WHOLE : binding.typeOnly ? TYPE_OF : 'export:';
            for (const target of targetsOfBinding(binding))
                visit(target, to === WHOLE ? WHOLE : `${to}${binding.imported}`);
            return undefined;
        }
        const symbol = (0,model/* own */.ZV)(scan.symbols, key);
        if (!symbol)
            for (const target of pythonStarProviders(nodes, node, key) ?? [])
                visit(target, `export:${key}`);
        return symbol;
    }
    return undefined;
}
/** Does `node` export `name`: its own, or (Python) through `import *`? */
function hasExport(nodes, node, name) {
    return (0,model/* own */.ZV)(node.scan.exports, name) !== undefined || !!pythonStarProviders(nodes, node, name)?.length;
}
const starProvidersCache = new WeakMap();
/**
 * The modules a Python module takes with `from m import *` that have `name` (or take it so
 * themselves); undefined when it takes none, or without `nodes` to look them up. A name none of
 * them has leaves the module's own lookup as it was: all of the module (its `__getattr__`, names
 * bound in blocks the scanner does not read as declarations).
 */
function pythonStarProviders(nodes, node, name, seen = new Set()) {
    if (!nodes || node.scan.lang !== 'py' || node.exportAll.length === 0)
        return undefined;
    let byName = starProvidersCache.get(node);
    if (!byName)
        starProvidersCache.set(node, (byName = new Map()));
    const cached = byName.get(name);
    if (cached)
        return cached;
    seen.add(node.path);
    const providers = node.exportAll.filter(target => {
        const from = seen.has(target) ? undefined : nodes.get(target);
        if (!from)
            return false;
        return ((0,model/* own */.ZV)(from.scan.exports, name) !== undefined || !!pythonStarProviders(nodes, from, name, seen)?.length);
    });
    byName.set(name, providers);
    return providers;
}
/**
 * The references of declaration `key` that lead somewhere in its module: declarations and bindings.
 * `nodes` lets it leave out what functions passed on load reference when no callee calls them then
 * (see referencesOf); without it they are kept.
 */
function localRefs(node, key, symbol, nodes) {
    return referencesOf(nodes, node, symbol).filter(ref => ref !== key &&
        ((0,model/* own */.ZV)(node.scan.symbols, ref) ||
            node.bindings.has(ref) ||
            !!pythonStarProviders(nodes, node, ref)?.length));
}
/**
 * A symbol's references; MODULE_SYMBOL's with those of each function passed to a call on load
 * (DeferredCall) unless every call it goes through leaves it uncalled (see defersArgument).
 */
function referencesOf(nodes, node, symbol) {
    if (node.scan.lang === 'py')
        return pythonReferences(node, symbol.refs);
    if (!symbol.deferred)
        return symbol.refs;
    const refs = [...symbol.refs];
    for (const { calls, refs: passed } of symbol.deferred)
        if (!nodes || !calls.every(([callee, at]) => defersArgument(nodes, node, callee, at, 0)))
            refs.push(...passed);
    return refs;
}
/** Re-exports followed to a callee's declaration. */
const MAX_CALLEE_HOPS = 8;
/**
 * Whether calling `name` of `node` leaves the function passed at `position` uncalled: `name` is,
 * or imports (through re-exports), a function declaration whose SymbolInfo.defers has the
 * position. A callee that cannot be followed there (a namespace, `export *`, a package) may call it.
 */
function defersArgument(nodes, node, name, position, hops) {
    if (hops > MAX_CALLEE_HOPS)
        return false;
    const binding = node.bindings.get(name);
    if (binding) {
        if (!binding.target || binding.also || binding.imported === WHOLE)
            return false;
        const target = nodes.get(binding.target);
        const local = target && (0,model/* own */.ZV)(target.scan.exports, exportedName(binding.imported));
        return local !== undefined && defersArgument(nodes, target, local, position, hops + 1);
    }
    const defers = (0,model/* own */.ZV)(node.scan.symbols, name)?.defers;
    return defers !== undefined && ((defers >>> position) & 1) === 1;
}
function changedSymbolsFor(change, key) {
    if (change.whole)
        return [
            key === WHOLE || key === LOAD
                ? MODULE_SYMBOL
                : key.startsWith('export:')
                    ? exportedName(key.slice(7))
                    : key.startsWith(TYPE_OF)
                        ? key.slice(TYPE_OF.length)
                        : key
        ];
    if (key === WHOLE)
        return [...change.symbols, ...change.exports];
    if (key === LOAD)
        return change.symbols.has(MODULE_SYMBOL) ? [MODULE_SYMBOL] : [];
    const exported = key.startsWith('export:')
        ? key.slice(7)
        : key.startsWith(TYPE_OF)
            ? key.slice(TYPE_OF.length)
            : undefined;
    if (exported !== undefined)
        return change.exports.has(exported) ? [exported] : [];
    return change.symbols.has(key) ? [key] : [];
}
/** The steps of a forward walk (`file\u0000key` ids) from node `id` back to where it started. */
function chainOf(parent, id) {
    const steps = [];
    let current = id;
    let last = '';
    while (current) {
        const sep = current.indexOf('\u0000');
        const file = current.slice(0, sep);
        let key = current.slice(sep + 1);
        if (key.startsWith('export:'))
            key = exportedName(key.slice(7));
        else if (key.startsWith(TYPE_OF))
            key = key.slice(TYPE_OF.length);
        const step = key === WHOLE || key === LOAD ? file : `${file}#${key}`;
        if (step !== last && !(steps.length && step === file && last.startsWith(file + '#')))
            steps.push(step);
        last = step;
        current = parent.get(current);
    }
    return steps;
}
/** A typed array twice as long, with the same start. */
function grown(array) {
    const larger = new Int32Array(array.length * 2);
    larger.set(array);
    return larger;
}
function pushTo(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
function reverseIndex() {
    return { refsTo: new Map(), exportsTo: new Map() };
}
function refsTo(index, node, nodes) {
    let map = index.refsTo.get(node.path);
    if (!map) {
        map = new Map();
        for (const [name, symbol] of Object.entries(node.scan.symbols))
            for (const ref of referencesOf(nodes, node, symbol))
                if (ref !== name)
                    pushTo(map, ref, name);
        index.refsTo.set(node.path, map);
    }
    return map;
}
function exportsTo(index, node) {
    let map = index.exportsTo.get(node.path);
    if (!map) {
        map = new Map();
        for (const [exported, local] of Object.entries(node.scan.exports))
            pushTo(map, local, exported);
        index.exportsTo.set(node.path, map);
    }
    return map;
}
const SEP = '\u0000';
const id = (kind, file, name = '') => `${kind}${SEP}${file}${SEP}${name}`;
/** Marks a predecessor reached through a type alone (see loadsForTypesAlone). */
const THROUGH_TYPE = '~';
/** Predecessors of a node: the nodes whose forward walk visits it directly. */
function predecessors(graph, index, nodeId, out, erasure) {
    const [kind, file, name] = nodeId.split(SEP);
    const node = graph.nodes.get(file);
    out.length = 0;
    switch (kind) {
        case 'L': // LOAD(F)
            out.push(id('W', file), id('A', file));
            for (const { from, whole } of graph.edgesInto(file)?.loaders ?? []) {
                if (whole)
                    continue;
                const loader = erasure && graph.nodes.get(from);
                const typesAlone = !!loader && loadsForTypesAlone(loader, file, erasure);
                out.push(typesAlone ? THROUGH_TYPE + id('L', from) : id('L', from));
            }
            break;
        case 'A': // some EXP(F, X)
            out.push(id('W', file));
            // A type-only binding takes a type (see TYPE_OF), which does not load its module.
            for (const b of graph.edgesInto(file)?.bindings ?? [])
                if (b.imported !== WHOLE && !b.typeOnly)
                    out.push(id('S', b.from, b.local));
            for (const from of graph.edgesInto(file)?.exportAllers ?? [])
                out.push(id('A', from));
            break;
        case 'E': {
            // EXP(F, X)
            out.push(id('W', file));
            const edges = graph.edgesInto(file, { kind: 'named', name });
            for (const b of edges?.bindings ?? [])
                if (b.imported === name || b.imported === REQUIRED + name)
                    out.push(id('S', b.from, b.local));
            // A name required of an ES module that does not export it (see stepForward).
            if (name === 'default' && node?.scan.esm)
                for (const b of edges?.bindings ?? [])
                    if (b.imported.startsWith(REQUIRED) &&
                        (0,model/* own */.ZV)(node.scan.exports, exportedName(b.imported)) === undefined)
                        out.push(id('S', b.from, b.local));
            for (const from of edges?.exportAllers ?? []) {
                const exporter = graph.nodes.get(from);
                if (!exporter || (0,model/* own */.ZV)(exporter.scan.exports, name) !== undefined)
                    continue;
                out.push(id('E', from, name));
                // A Python module's own code that uses the name it takes with `import *`.
                if (exporter.scan.lang === 'py' && !exporter.bindings.has(name))
                    for (const user of refsTo(index, exporter, graph.nodes).get(name) ?? [])
                        out.push(id('S', from, user));
            }
            break;
        }
        case 'W': {
            // WHOLE(F)
            const edges = graph.edgesInto(file, { kind: 'whole' });
            for (const { from, whole } of edges?.loaders ?? [])
                if (whole)
                    out.push(id('L', from));
            for (const b of edges?.bindings ?? []) {
                if (b.imported === WHOLE)
                    out.push(id('S', b.from, b.local));
                else if (node && !node.scan.esm && !hasExport(graph.nodes, node, exportedName(b.imported)))
                    out.push(id('S', b.from, b.local));
            }
            for (const from of edges?.exportAllers ?? [])
                out.push(id('W', from));
            // A name a CommonJS module lacks is all of it; a Python module's is all of the module that
            // asked it (see stepForward), which the line above follows.
            if (node && !node.scan.esm && node.scan.lang !== 'py')
                for (const from of edges?.exportAllers ?? [])
                    out.push(id('A', from));
            break;
        }
        case 'S': {
            // SYM(F, S); MODULE_SYMBOL is visited on LOAD
            out.push(id('W', file));
            if (name === model/* MODULE_SYMBOL */.se)
                out.push(id('L', file));
            if (!node)
                break;
            for (const exported of exportsTo(index, node).get(name) ?? [])
                out.push(id('E', file, exported));
            for (const user of refsTo(index, node, graph.nodes).get(name) ?? [])
                out.push(id('S', file, user));
            break;
        }
    }
}
/** The changed symbol a hit reaches; undefined for a change of the whole file. */
function changedSymbolOf(hit) {
    return hit.changed === `${hit.changedFile}#*` ? undefined : hit.changed.slice(hit.changedFile.length + 1);
}
function stepOf(nodeId) {
    const [kind, file, name] = nodeId.split(SEP);
    if (kind === 'S')
        return name.startsWith('@reexport:') ? undefined : `${file}#${name}`;
    if (kind === 'E')
        return `${file}#${name}`;
    return file;
}
function stepFor(nodeId) {
    const text = stepOf(nodeId);
    return { text, fileOnly: text !== undefined && text === nodeId.split(SEP)[1] };
}
/** The steps from a walk's start to the test file `file`, found at node `found`. */
function chainTo(found, parentOf, stepAt, start, file) {
    const chain = [];
    for (let at = found; at >= 0; at = parentOf(at)) {
        const { text, fileOnly } = stepAt(at);
        if (text &&
            text !== chain[chain.length - 1] &&
            !(fileOnly && chain.length && chain[chain.length - 1].startsWith(text + '#')))
            chain.push(text);
    }
    chain.reverse();
    const steps = chain.filter(s => s !== file && !s.startsWith(file + '#'));
    if (steps[0] !== start.label)
        steps.unshift(start.label);
    if (steps[1] === start.file && start.label !== start.file)
        steps.splice(1, 1);
    steps.push(file);
    return steps;
}
/**
 * For every changed symbol, the tests that reach it, each with a chain of steps from the changed
 * symbol to the test file (on a test's first hit). With `members`, a walk that goes through a
 * member called by name holds only for the tests whose forward walk (see members.ts) reaches the
 * change; the others are left out.
 */
function testsReaching(graph, changes, isTest, { members, isTypeChecked = () => false, keepsValueImports = keepsNoValueImport } = {}) {
    const erasure = { changes, nodes: graph.nodes, keepsValueImports };
    const index = reverseIndex();
    /** Where a walk starts, and what a test's forward walk must reach for its hits to hold (see members). */
    const starts = [];
    for (const [file, change] of changes) {
        if (change.whole) {
            starts.push({ file, label: file, nodes: [id('L', file), id('W', file)], target: { file } });
            continue;
        }
        for (const symbol of change.symbols)
            starts.push({
                file,
                label: `${file}#${symbol}`,
                nodes: [id('S', file, symbol)],
                target: { file, key: symbol }
            });
        for (const exported of change.exports) {
            const exports = graph.nodes.get(file)?.scan.exports;
            if (!change.symbols.has((exports && (0,model/* own */.ZV)(exports, exported)) ?? '\u0001'))
                starts.push({
                    file,
                    label: `${file}#${exported}`,
                    nodes: [id('E', file, exported)],
                    target: { file, key: `export:${exported}` }
                });
        }
    }
    for (const [file, change] of changes) {
        if (change.typeCheckedOnLoad && !change.whole)
            starts.push({ file, label: `${file}#${TYPE_CHECK}`, nodes: [id('L', file)], target: { file } });
    }
    // Every walk crosses the same graph: node names are numbered once, and each node's predecessors
    // and test check are worked out once. A walk marks what it visited with its own stamp, per
    // state: node n reached by what runs (2n), or only through a type (2n + 1; see isTypeName),
    // which reaches type-checked tests alone.
    const numbers = new Map();
    const names = [];
    const predecessorsOf = [];
    const testOf = [];
    let stamp = new Int32Array(2048);
    let parent = new Int32Array(2048);
    const number = (name) => {
        let n = numbers.get(name);
        if (n === undefined) {
            n = names.length;
            numbers.set(name, n);
            names.push(name);
            if (2 * n + 1 >= stamp.length) {
                stamp = grown(stamp);
                parent = grown(parent);
            }
        }
        return n;
    };
    /**
     * Per node: 1 when it is a type alone (a symbol, binding or export; see isTypeName), 0 when not.
     */
    const typeNode = [];
    const isType = (n) => {
        let known = typeNode[n];
        if (known === undefined) {
            const [kind, file, name] = names[n].split(SEP);
            const node = kind === 'S' || kind === 'E' ? graph.nodes.get(file) : undefined;
            known = typeNode[n] =
                node && (kind === 'S' ? isTypeName(node, name, erasure) : isTypeExport(node, name, erasure)) ? 1 : 0;
        }
        return known === 1;
    };
    // Each node's step of a reason chain, worked out once: many walks build chains through the same nodes.
    const steps = [];
    const stepOfNode = (n) => (steps[n] ??= stepFor(names[n]));
    const stepAt = (state) => stepOfNode(state >> 1);
    const fileOfNode = [];
    const fileAt = (n) => (fileOfNode[n] ??= names[n].split(SEP)[1]);
    const deadEnds = new Map();
    const scratch = [];
    const pending = [];
    const toCheck = new Map();
    /** Tests with a sure hit (one no forward walk can drop): later hits need no chain. */
    const sure = new Set();
    /** Per node: 1 when it is a member that runs only when called by name, 0 when not. */
    const gatedMember = [];
    const isGatedMember = (n) => {
        let known = gatedMember[n];
        if (known === undefined) {
            const name = names[n];
            if (name.charCodeAt(0) !== 83 /* S */ || !name.includes('.'))
                known = gatedMember[n] = 0;
            else {
                const [, file, symbol] = name.split(SEP);
                known = gatedMember[n] = members?.gated(file, symbol) ? 1 : 0;
            }
        }
        return known === 1;
    };
    starts.forEach((start, walk) => {
        const mark = walk + 1;
        const queue = [];
        for (const name of start.nodes) {
            const n = number(name);
            const state = 2 * n + (isType(n) ? 1 : 0);
            if (stamp[state] === mark)
                continue;
            stamp[state] = mark;
            parent[state] = -1;
            queue.push(state);
        }
        // The tests found, and whether the walk went through a member called by name: then each test
        // must reach the change by a forward walk that follows members by name.
        const found = [];
        let throughMember = false;
        /** Each file the walk visits: its first node, and whether the walk went on to another file. */
        const visitedFiles = new Map();
        const foundThroughType = new Set();
        for (let q = 0; q < queue.length; q++) {
            const state = queue[q];
            const current = state >> 1;
            const typed = (state & 1) === 1;
            // What runs reaches what a type does, and more.
            if (typed && stamp[2 * current] === mark)
                continue;
            const currentFile = fileAt(current);
            // Where what runs goes: a file reached through a type alone is not run by the change.
            let visit = typed ? undefined : visitedFiles.get(currentFile);
            if (!typed && !visit)
                visitedFiles.set(currentFile, (visit = { at: state, leadsOn: false }));
            let test = testOf[current];
            if (test === undefined) {
                const name = names[current];
                const file = name.charCodeAt(0) === 87 /* W */ ? name.slice(2, -1) : undefined;
                testOf[current] = test = file !== undefined && isTest(file) ? file : null;
            }
            if (test !== null) {
                // A type-checked test may be reached in both states: it is found once.
                if (!typed && !foundThroughType.has(current))
                    found.push({ test, at: state });
                else if (typed && isTypeChecked(test)) {
                    foundThroughType.add(current);
                    found.push({ test, at: state });
                }
            }
            if (members && !throughMember && isGatedMember(current))
                throughMember = true;
            let preds = predecessorsOf[current];
            if (!preds) {
                predecessors(graph, index, names[current], scratch, erasure);
                // A predecessor reached through a type alone is numbered -1 - n.
                preds = predecessorsOf[current] = scratch.map(name => name.startsWith(THROUGH_TYPE) ? -1 - number(name.slice(1)) : number(name));
            }
            for (const edge of preds) {
                const pred = edge < 0 ? -1 - edge : edge;
                const typedPred = typed || edge < 0 || isType(pred);
                if (visit && !visit.leadsOn && !typedPred && fileAt(pred) !== currentFile)
                    visit.leadsOn = true;
                const next = 2 * pred + (typedPred ? 1 : 0);
                // What runs reaches what a type does, and more.
                if (stamp[next] === mark || (typedPred && stamp[2 * pred] === mark))
                    continue;
                stamp[next] = mark;
                parent[next] = state;
                queue.push(next);
            }
        }
        for (const [file, { at, leadsOn }] of visitedFiles)
            if (!leadsOn && !deadEnds.has(file) && !isTest(file))
                deadEnds.set(file, chainTo(at, n => parent[n], stepAt, start, file));
        for (const { test, at } of found) {
            const hit = {
                test,
                changedFile: start.file,
                changed: start.label === start.file ? `${start.file}#*` : start.label
            };
            // The test's first hit gives the reason. A hit that may be dropped does not settle which
            // hit that is: a later one keeps its chain too, until a sure hit has one.
            if (!sure.has(test))
                hit.chain = chainTo(at, n => parent[n], stepAt, start, test);
            if (throughMember) {
                hit.target = start.target;
                hit.label = start.label;
                pushTo(toCheck, test, hit);
            }
            else
                sure.add(test);
            pending.push(hit);
        }
    });
    members?.plan(toCheck.size);
    for (const [test, unsure] of toCheck) {
        const reached = members.reachable(test, unsure.map(hit => hit.target), isTypeChecked(test) ? undefined : erasure);
        unsure.forEach((hit, i) => {
            const found = reached[i];
            if (!found)
                hit.dropped = true;
            // The reason: a way the test reaches the change, following members by name.
            else if (Array.isArray(found))
                hit.chain = [hit.label, ...found.slice(1)];
        });
    }
    const hits = [];
    const kept = new Set();
    const droppedHits = [];
    for (const { target: _target, label: _label, dropped: drop, chain, ...hit } of pending) {
        if (drop)
            droppedHits.push(hit);
        else if (kept.has(hit.test))
            hits.push(hit);
        else {
            kept.add(hit.test);
            hits.push({ ...hit, chain: chain });
        }
    }
    return { hits, dropped: droppedHits.filter(hit => !kept.has(hit.test)), deadEnds };
}
/**
 * Files whose types can change with the changed symbols: those with a symbol, export or binding
 * that reaches one of them by reference (loading alone does not carry types).
 */
function typeDependents(graph, changes) {
    const index = reverseIndex();
    const files = new Set();
    const seen = new Set();
    const queue = [];
    for (const [file, change] of changes) {
        if (!change.typeCheckedOnLoad)
            continue;
        files.add(file);
        for (const symbol of change.symbols)
            queue.push(id('S', file, symbol));
        for (const exported of change.exports)
            queue.push(id('E', file, exported));
    }
    const preds = [];
    for (let q = 0; q < queue.length; q++) {
        const current = queue[q];
        if (seen.has(current))
            continue;
        seen.add(current);
        files.add(current.split(SEP)[1]);
        predecessors(graph, index, current, preds);
        for (const pred of preds)
            if (pred.charCodeAt(0) !== 76 /* L */ && !seen.has(pred))
                queue.push(pred);
    }
    return files;
}

;// CONCATENATED MODULE: ./src/select/go-files.ts



/**
 * What a Go package builds from besides its .go files: C, C++, assembly, SWIG and object files in
 * its folder (cgo and the Go assembler), and the files its `//go:embed` directives name.
 */
const GO_PACKAGE_SOURCE = /\.(?:c|h|s|S|sx|cc|cpp|cxx|hh|hpp|hxx|m|f|F|for|f90|syso|swig|swigcxx)$/;
/**
 * The Go files that build with, or embed, the non-Go file `path`: every Go file of its folder for
 * a C, assembly or object file there; and the Go files of its folder and of the folders above it,
 * up to its module's root, whose `//go:embed` patterns name it. Whatever the build constraints,
 * so that a selection holds on every platform.
 */
function goFilesUsing(path, files, scanOf) {
    const goFilesIn = (dir) => goFolders(files).get(dir) ?? [];
    const users = new Set();
    const own = (0,project/* dirname */.pD)(path);
    if (GO_PACKAGE_SOURCE.test(path))
        for (const file of goFilesIn(own))
            if (!file.endsWith('_test.go'))
                users.add(file);
    for (let dir = own; dir !== undefined; dir = dir === '' ? undefined : (0,project/* dirname */.pD)(dir)) {
        const rel = dir === '' ? path : path.slice(dir.length + 1);
        for (const file of goFilesIn(dir))
            if (scanOf(file)?.embeds?.some(pattern => goEmbeds(pattern, rel)))
                users.add(file);
        if (files.has(dir === '' ? 'go.mod' : `${dir}/go.mod`))
            break;
    }
    return [...users];
}
const goFolderIndex = new WeakMap();
/** The Go files of each folder of `files` (made once per set of files). */
function goFolders(files) {
    let folders = goFolderIndex.get(files);
    if (!folders) {
        folders = new Map();
        for (const file of files)
            if (file.endsWith('.go'))
                pushTo(folders, (0,project/* dirname */.pD)(file), file);
        goFolderIndex.set(files, folders);
    }
    return folders;
}
/**
 * The patterns of a `//go:embed` line: space-separated, each optionally in Go string quotes
 * ("…" with escapes, or `…`).
 */
function goEmbedPatterns(args) {
    const patterns = [];
    for (const match of args.matchAll(/"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g)) {
        if (match[1] !== undefined) {
            try {
                patterns.push(JSON.parse(`"${match[1]}"`));
            }
            catch {
                patterns.push(match[1]);
            }
        }
        else
            patterns.push((match[2] ?? match[3]));
    }
    return patterns;
}
/**
 * Does `//go:embed` pattern `pattern`, in a Go file of folder F, embed the file at `rel` (its path
 * relative to F)? As Go decides: the pattern (path.Match syntax, `all:` prefix optional) names the
 * file or one of its folders; a folder embeds every file under it except those under a name that
 * starts with `.` or `_` (unless `all:`).
 */
function goEmbeds(pattern, rel) {
    const all = pattern.startsWith('all:');
    const glob = (0,glob_imports/* globRegExp */.u9)(all ? pattern.slice(4) : pattern, 'go');
    if (!glob)
        return false;
    const segments = rel.split('/');
    for (let k = 1; k <= segments.length; k++) {
        if (!glob.test(segments.slice(0, k).join('/')))
            continue;
        if (k === segments.length)
            return true;
        if (all || segments.slice(k).every(name => !name.startsWith('.') && !name.startsWith('_')))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/select/demand.ts









/**
 * Whether a source is too large to scan symbol by symbol (see scanJsLoads): its strings are too
 * many to file, so it is scanned up front instead, and what it loads resolved then.
 */
const loadsAlone = (source) => !source.data && source.blob !== undefined && scannedForLoadsAlone(source.kind, source.blob.length);
const INDEX_FILE = /^index\.(?:[cm]?[jt]sx?|json|node)$/;
/** `import.meta.glob(` or `globEager(`, as the scanner reads it: comments and spaces between the words. */
const GAP = String.raw `(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*`;
const META_GLOB = new RegExp(String.raw `\bmeta${GAP}\.${GAP}glob(?:Eager)?${GAP}\(`);
/** `dirname(require.resolve(`, as the scanner reads it (see GraphNode.folders). */
const FOLDER_OF_MODULE = new RegExp(String.raw `\bdirname${GAP}\(${GAP}require${GAP}\.${GAP}resolve${GAP}\(`);
/**
 * Calls `found` with the text between each quote (', ", `) and the next same quote. Quotes end at
 * the line's end, template literals do not. Every string literal of the file is among them.
 */
function quotedCandidates(text, found) {
    quotedRanges(text, (start, end) => found(text.slice(start, end)));
}
/**
 * Python import statements of a file, found by lines that start with `import` or `from … import`
 * (indented ones too): each module path with the names it imports. A superset of what the Python
 * scanner reads, which takes the same statements from logical lines.
 */
function pythonImports(text, found) {
    const statement = /^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import\b|import\b)/gm;
    for (let match = statement.exec(text); match; match = statement.exec(text)) {
        let end = match.index + match[0].length;
        let rest = '';
        // The statement runs to the line's end, on through backslashes and an open parenthesis.
        for (let depth = 0; end < text.length; end++) {
            const c = text[end];
            if (c === '(')
                depth++;
            else if (c === ')')
                depth = Math.max(0, depth - 1);
            else if (c === '\\' && text[end + 1] === '\n') {
                end++;
                continue;
            }
            else if (c === '\n' && depth === 0)
                break;
            rest += c;
        }
        statement.lastIndex = Math.max(statement.lastIndex, end);
        const parts = rest
            .replace(/#[^\n]*/g, '')
            .replace(/[()]/g, ' ')
            .split(/[,\s]+/)
            .filter(word => word && word !== 'as');
        if (match[1] !== undefined)
            found(match[1], parts);
        else
            for (const part of parts)
                found(part, []);
    }
    // Modules named in strings: every quoted dotted path from the name to the end of its line, or
    // to the bracket that closes the list or call that starts on it.
    const byName = new RegExp(PY_MODULE_BY_NAME.source, 'g');
    for (let match = byName.exec(text); match; match = byName.exec(text)) {
        let end = match.index + match[0].length;
        for (let depth = match[0].endsWith('(') ? 1 : 0; end < text.length; end++) {
            const c = text[end];
            if (c === '(' || c === '[')
                depth++;
            else if (c === ')' || c === ']')
                depth--;
            else if (c === '\n' && depth <= 0)
                break;
            if (depth < 0 || (depth === 0 && (c === ')' || c === ']')))
                break;
        }
        quotedCandidates(text.slice(match.index, end + 1), spec => {
            if (PY_MODULE_PATH.test(spec))
                found(spec, []);
        });
    }
}
/** Calls whose string argument the scanner may read as an import (see findCallImportsAndStrings). */
const IMPORTING_CALLS = new Set([
    'require', 'import', 'resolve', 'glob', 'globEager', 'URL', 'Worker',
    'mock', 'doMock', 'unmock', 'dontMock', 'unstable_mockModule', 'requireActual', 'requireMock',
    'setMock', 'createMockFromModule', 'importActual', 'importMock'
]); // prettier-ignore
/** Bytes after which a string is an operand or an element, never a specifier: = : [ + ? ! & | ; < > { } */
const OPERAND_BEFORE = new Set([0x3d, 0x3a, 0x5b, 0x2b, 0x3f, 0x21, 0x26, 0x7c, 0x3b, 0x3c, 0x3e, 0x7b, 0x7d]);
const isWordByte = (c) => c !== undefined &&
    ((c >= 0x61 && c <= 0x7a) ||
        (c >= 0x41 && c <= 0x5a) ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x5f ||
        c === 0x24);
/**
 * Whether the string whose opening quote is at `quote` may be a specifier the scanner reads as an
 * import (or joins to a folder and requires): no only when the code just before it says it is
 * not, as an argument of another call (`split('.')`) or after an operator (`x === '.'`). A
 * comment, a word or a comma before it: it may be.
 */
function mayImportAt(bytes, quote) {
    // After other strings and commas: the first argument of no call, nor an element, is imported;
    // a string joined to the folder (`join(__dirname, 'a', 'b')`) may be.
    const walk = stringArgumentsBefore(i => bytes[i], quote);
    if (!walk)
        return true;
    let i = walk.at;
    if (walk.afterComma) {
        // A word: only the folder (`__dirname`, `import.meta.dirname`) is. Anything else: cannot tell.
        if (!isWordByte(bytes[i]))
            return true;
        return Buffer.from(bytes.subarray(Math.max(0, i - 6), i + 1)).toString('latin1') === 'dirname';
    }
    const before = bytes[i];
    if (before === undefined)
        return true;
    if (before === 0x5b /* [ */)
        return false;
    if (before !== 0x28 /* ( */)
        return !OPERAND_BEFORE.has(before);
    if (walk.crossed)
        return false;
    i--;
    while (i >= 0 && isSpaceByte(bytes[i]))
        i--;
    const end = i + 1;
    while (i >= 0 && isWordByte(bytes[i]))
        i--;
    if (i + 1 === end)
        return true;
    return IMPORTING_CALLS.has(Buffer.from(bytes.subarray(i + 1, end)).toString('latin1'));
}
/**
 * Back from the string whose opening quote is at `quote` (`code` gives the text's code units, or
 * bytes), over the quoted strings before it that are arguments of the same call (`'a', 'b', `):
 * `at`, where the code before them ends (spaces skipped); `crossed`, whether a comma was;
 * `afterComma`, whether the code at `at` is an argument before them. Undefined when it cannot
 * tell: a quote in the way is escaped, or has no opening one.
 */
function stringArgumentsBefore(code, quote) {
    let i = quote - 1;
    const skipSpace = () => {
        while (i >= 0 && isSpaceByte(code(i)))
            i--;
    };
    skipSpace();
    let crossed = false;
    while (code(i) === 0x2c /* , */) {
        crossed = true;
        i--;
        skipSpace();
        const close = code(i);
        if (close !== 0x27 /* ' */ && close !== 0x22 /* " */)
            return { at: i, crossed, afterComma: true };
        let open = i - 1;
        for (; open >= 0 && code(open) !== close; open--)
            if (code(open) === 0x5c /* \ */)
                return undefined;
        if (open < 0 || code(open - 1) === 0x5c)
            return undefined;
        i = open - 1;
        skipSpace();
    }
    return { at: i, crossed, afterComma: false };
}
/**
 * Whether the string whose opening quote is at `quote` (`code` gives the text's code units, or
 * bytes) may end a path built from a folder known only when the code runs, which the scanner
 * reads as a rooted import (ImportKind `rooted`): a template that opens with a hole
 * (`` `${ROOT}/src/a` ``), a string added to something (`ROOT + '/src/a'`), or one of the strings
 * that end a call's arguments after something else (`join(ROOT, 'src', 'a')`) or `resolve`'s alone
 * (`resolve('src/a')`).
 */
function rootedAt(code, quote) {
    if (code(quote) === 0x60 /* ` */)
        return code(quote + 1) === 0x24 /* $ */ && code(quote + 2) === 0x7b; /* { */
    const walk = stringArgumentsBefore(code, quote);
    if (!walk || walk.afterComma)
        return true;
    let i = walk.at;
    if (code(i) === 0x2b /* + */)
        return !walk.crossed;
    if (code(i) !== 0x28 /* ( */)
        return false;
    i--;
    while (i >= 0 && isSpaceByte(code(i)))
        i--;
    const word = 'resolve';
    for (let k = word.length - 1; k >= 0; k--, i--)
        if (code(i) !== word.charCodeAt(k))
            return false;
    return true;
}
/** The path a rooted string (see rootedAt) leads to from some folder: `src/a` of `${ROOT}/../src/a`. */
function rootedSpec(spec) {
    return (0,model/* afterLastHole */.Jz)(spec).replace(/^(?:\.{0,2}\/)+/, '');
}
/**
 * The files a path that goes on past the string `spec` (quoted from `quote` to `close`, `code`
 * giving the text's code units, or bytes) may lead to, as a pattern: for a string that something
 * is added or joined to (`ROOT + '/src/rules/' + name`, `join(ROOT, 'src/rules', name)`), or a
 * template with a hole after a `/` (`` `${ROOT}/src/rules/${name}` ``), every file under its text
 * from any folder (or from the source's, when its text is only `.`, `..` and `/`). It holds every
 * file the scanner's pattern for such a path holds (see JsScanner.pathIn). Undefined for any other string.
 */
function holedPattern(spec, code, quote, close) {
    if (code(quote) === 0x60 /* ` */) {
        // Relative templates are globCandidate's; the scanner reads no other that does not open with a hole.
        if (!spec.startsWith('${') || !spec.includes('/${'))
            return undefined;
        const pattern = templatePattern(spec);
        if (pattern === undefined)
            return undefined;
        if (/^\$\{(?:__dirname|import\.meta\.dirname)\}/.test(spec))
            return `./${pattern.slice(2).replace(/^\//, '')}`;
        const rooted = pattern.replace(/^\*\*/, '').replace(/^(?:\.{0,2}\/)+/, '');
        return /[^*/]/.test(rooted) ? `/${rooted}` : undefined;
    }
    if (!goesOnPast(code, close) || !model/* PATH_TEXT */._i.test(spec))
        return undefined;
    const segments = spec.split('/');
    while (segments[0] === '' || segments[0] === '.' || segments[0] === '..')
        segments.shift();
    const text = segments.join('/').replace(/\/+$/, '');
    if (text !== '')
        return `/${(0,glob_imports/* literalGlob */.Iq)(text)}/**`;
    return `./${(0,glob_imports/* literalGlob */.Iq)(spec.replace(/^\//, ''))}/**`.replace(/\/+\*\*$/, '/**');
}
/**
 * A call that the scanner reads as loading a path (require, `require.resolve`, `import()`, a jest
 * or vitest helper) whose argument is not one string alone: the only places it reads a path that
 * goes on past a string (see holedPattern), or a name that may hold one.
 */
const LOADS_BUILT_PATH = new RegExp(String.raw `(?:\brequire(?:\.resolve)?|\bimport|\b(?:jest|vi)\.(?:${[...js_scanner/* MOCK_METHODS */.oK].join('|')}))` +
    String.raw `\s*\(\s*(?:[^'"\s)]|(['"])[^'"\n]*\1\s*[^\s)])`);
/** A template's text with each hole as `**` and the rest escaped; undefined when a hole is not closed. */
function templatePattern(spec) {
    let pattern = '';
    let literal = 0;
    for (let i = spec.indexOf('${'); i >= 0; i = spec.indexOf('${', literal)) {
        pattern += (0,glob_imports/* literalGlob */.Iq)(spec.slice(literal, i));
        let depth = 0;
        let end = i + 2;
        for (; end < spec.length; end++) {
            const c = spec[end];
            if (c === '{')
                depth++;
            else if (c === '}' && depth-- === 0)
                break;
        }
        if (end >= spec.length)
            return undefined;
        pattern += '**';
        literal = end + 1;
    }
    return pattern + (0,glob_imports/* literalGlob */.Iq)(spec.slice(literal));
}
/**
 * Whether the string whose opening quote is at `quote` is an import's specifier: after `from`,
 * `import`, `require(` or `import(` (nothing but spaces between).
 */
function importedAt(text, quote) {
    return loaderAt(text, quote) !== undefined;
}
/**
 * The names a static import or re-export with a named list takes from the specifier whose
 * opening quote is at `quote` (`import { a, b as c } from '…'`, `import type { T } from '…'`,
 * `import d, { a } from '…'`, `import d from '…'`, `export { a } from '…'`): every word of the
 * list, and `default` for a default import. Undefined for every other use of a string (namespace
 * and side-effect imports, `export *`, require, import(), mocks, a list with comments or strings
 * in it): those may take the whole module.
 */
function namedImportAt(text, quote) {
    let i = quote - 1;
    const skipSpace = () => {
        while (i >= 0 && isSpace(text[i]))
            i--;
    };
    const wordBefore = () => {
        const end = i + 1;
        while (i >= 0 && IDENTIFIER_CHAR.test(text[i]))
            i--;
        return text.slice(i + 1, end);
    };
    skipSpace();
    if (wordBefore() !== 'from')
        return undefined;
    skipSpace();
    const names = new Set();
    // A default import comes alone (`d`) or before the list (`d, {…}`).
    let defaultImport = true;
    if (text[i] === '}') {
        const open = text.lastIndexOf('{', i);
        const items = open < 0 ? '' : text.slice(open + 1, i);
        if (open < 0 || /[{}*'"`/]/.test(items))
            return undefined;
        for (const word of items.split(/[^\w$]+/))
            if (word)
                names.add(word);
        i = open - 1;
        skipSpace();
        defaultImport = text[i] === ',';
        if (defaultImport) {
            i--;
            skipSpace();
        }
    }
    if (defaultImport) {
        const local = wordBefore();
        if (!local || local === 'type' || local === 'import' || local === 'export')
            return undefined;
        names.add('default');
        skipSpace();
    }
    let keyword = wordBefore();
    if (keyword === 'type') {
        skipSpace();
        keyword = wordBefore();
    }
    if (keyword !== 'import' && (keyword !== 'export' || defaultImport))
        return undefined;
    const before = text[i];
    return before === undefined || !/[\w$.]/.test(before) ? names : undefined;
}
/**
 * Whether the string whose opening quote is at `quote` may be an argument after the folder in a
 * call the scanner joins from it: `, 'pm'` after `__dirname` (or `import.meta.dirname`), with only
 * other quoted strings between. A comment, or a quote in the way that cannot be matched, may
 * hide one: yes.
 */
function joinedToFolder(text, quote) {
    const walk = stringArgumentsBefore(i => text.charCodeAt(i), quote);
    if (!walk || text[walk.at] === '/')
        return true;
    return walk.afterComma && text.endsWith('dirname', walk.at + 1);
}
/** The hashes under which the strings whose last segment is `name` (or its stem) are filed. */
function filedHashes(name) {
    return [hash32(name), hash32(stemOf(name))];
}
/**
 * The names under which specifiers that resolve to `file` are filed; a file written for a
 * platform (`Button.ios.js`) is also found by the name it shares with the others (`./Button`).
 */
function namesOf(file) {
    const base = file.slice(file.lastIndexOf('/') + 1);
    const names = [base, base.replace(SPEC_EXTENSION, '')];
    if (INDEX_FILE.test(base)) {
        const folder = lastSegment((0,project/* dirname */.pD)(file));
        if (folder)
            names.push(folder);
    }
    const plain = withoutPlatform(file);
    return plain === undefined ? names : [...names, ...namesOf(plain)];
}
/** tsconfig `paths` target, jest mapper target: does the specifier's tail survive the mapping? */
const keepsTail = (template, placeholder) => placeholder.test(template);
function aliasRules(options) {
    const exact = new Set();
    const prefixes = [];
    const packageNames = [];
    for (const path of options.files) {
        if (!path.endsWith('.json') || path.includes('node_modules/'))
            continue;
        if (/(?:^|\/)[tj]sconfig(?:\.[\w-]+)?\.json$/.test(path)) {
            const config = options.resolver.tsconfigAt(path);
            for (const { pattern, targets } of config?.paths ?? []) {
                const star = pattern.indexOf('*');
                if (star < 0)
                    exact.add(pattern);
                else
                    prefixes.push({
                        prefix: pattern.slice(0, star),
                        suffix: pattern.slice(star + 1),
                        keeps: /^(?:\.(?:[cm]?[jt]sx?|json|node))?$/.test(pattern.slice(star + 1)) &&
                            targets.every(t => keepsTail(t, /\*(?:\.[cm]?[jt]sx?)?$/))
                    });
            }
        }
        else if (path === 'package.json' || path.endsWith('/package.json')) {
            const name = (0,project/* loadPackage */.HU)(options.readConfig, path)?.name;
            if (name)
                packageNames.push(name);
        }
    }
    const mappers = options.jest.flatMap(settings => settings.moduleNameMapper.map(({ regex, targets }) => {
        const groups = new RegExp(`(?:${regex.source})?`).exec('')?.length ?? 1;
        const lastGroup = new RegExp(`\\$${groups - 1}(?:\\.[cm]?[jt]sx?)?$`);
        // The last group takes the specifier's tail, up to an extension the resolver would strip too.
        const tailGroup = /\.[*+]\)(?:\\\.(?:[cm]?[jt]sx?|json|node))?\$?$/.test(regex.source);
        return { regex, keeps: groups > 1 && tailGroup && targets.every(t => keepsTail(t, lastGroup)) };
    }));
    // Path aliases (Vite, webpack, babel-plugin-module-resolver) are resolved up front: `@` alone
    // names a folder's index. Each pattern once: a monorepo's jest configs often map the same ones.
    const remapping = [
        ...new Map([
            ...mappers.filter(mapper => !mapper.keeps).map(mapper => mapper.regex),
            ...options.resolver.aliases.map(alias => alias.find)
        ].map(regex => [`${regex.flags}/${regex.source}`, regex])).values()
    ];
    const names = new Set(packageNames);
    const nameStarts = new Set(packageNames.map(name => name.charCodeAt(0)));
    /** Is `spec` a package name of the repository, or a path in one? */
    const namesPackage = (spec) => {
        if (!nameStarts.has(spec.charCodeAt(0)))
            return false;
        for (let slash = spec.indexOf('/'); slash > 0; slash = spec.indexOf('/', slash + 1))
            if (names.has(spec.slice(0, slash)))
                return true;
        return names.has(spec);
    };
    // Beyond these, the quick pass hands back every string without a segment (empty, or ending in
    // `/` or `.`).
    const text = new TextRules().prefix('#').prefix('@/').prefix('~/');
    for (const spec of exact)
        text.exactly(spec);
    for (const folder of BUILD_FOLDERS)
        text.stem(folder);
    for (const regex of remapping)
        text.prefix(literalStart(regex));
    for (const { prefix, suffix, keeps } of prefixes) {
        // A tail that is kept says yes to the prefix alone, or to a folder form (which ends in `/`).
        if (keeps && suffix === '')
            text.exactly(prefix);
        else
            text.prefix(prefix);
    }
    for (const name of packageNames)
        text.prefix(name);
    return {
        text,
        eager(spec) {
            const segment = lastSegment(spec);
            if (spec.startsWith('#') || exact.has(spec) || segment === undefined || UNREAD_ALIAS.test(spec))
                return true;
            // A build folder not in the repository (`../lib`) resolves to its source folder's entry.
            if (BUILD_FOLDERS.includes(segment))
                return true;
            for (const regex of remapping) {
                regex.lastIndex = 0;
                if (regex.test(spec))
                    return true;
            }
            for (const { prefix, suffix, keeps } of prefixes) {
                if (!spec.startsWith(prefix) || !spec.endsWith(suffix))
                    continue;
                if (spec.length < prefix.length + suffix.length)
                    continue;
                const rest = spec.slice(prefix.length, spec.length - suffix.length);
                if (!keeps || rest === '' || rest.endsWith('/'))
                    return true;
            }
            return namesPackage(spec);
        }
    };
}
/**
 * The demand-driven graph of `sources`, or undefined when too many specifiers would have to be
 * resolved up front (say, a catch-all moduleNameMapper): then the full graph is the faster way.
 */
function demandGraph(options) {
    const { sources, resolver } = options;
    const indexOf = new Map(sources.map((source, i) => [source.path, i]));
    const rules = aliasRules(options);
    const maxEager = options.maxEager ?? 100_000;
    /** The candidate for `spec` in `seen`, made (and handed to `made`) on first sight, with `at` noted. */
    const note = (seen, spec, made) => {
        let candidate = seen.get(spec);
        if (!candidate) {
            seen.set(spec, (candidate = { spec, sources: [] }));
            made?.(candidate);
        }
        candidate.sources.push(at);
        return candidate;
    };
    // JavaScript/TypeScript candidates are only filed by a hash of their last segment's stem: the
    // few sources under a name are read again when it is asked for (see resolvedUnder).
    const stems = new StemIndex(sources.length);
    // Those a path may go on past (see holedPattern), filed again.
    const holedStems = new StemIndex(sources.length);
    // Go imports are quoted import paths too; filed apart, as Go resolves them its own way.
    const goDistinct = new Map();
    const goBySegment = new Map();
    const collectGo = (spec) => {
        note(goDistinct, spec, candidate => {
            const segment = lastSegment(spec);
            if (segment)
                pushTo(goBySegment, segment, candidate);
        });
    };
    // Files resolved to up front → the sources whose specifiers resolve to them.
    const eagerInto = new Map();
    /** Package folders whose entry is not in the repository → the sources that import them by name. */
    const eagerPackageInto = new Map();
    /** The patterns (`import.meta.glob`, templates) of each source that has one. */
    const globsIn = new Map();
    const globCalls = new Map();
    const globCallIn = (source) => {
        let found = globCalls.get(source);
        if (found === undefined) {
            const blob = sources[source].blob;
            found = !!blob?.includes('glob') && META_GLOB.test(blob.toString('utf8'));
            globCalls.set(source, found);
        }
        return found;
    };
    const builtLoads = new Map();
    /** Whether the source may load a path it builds (see LOADS_BUILT_PATH): else no string of it leads on past its text. */
    const loadsBuiltPaths = (at) => {
        let found = builtLoads.get(at);
        if (found === undefined) {
            const text = sources[at].blob?.toString('latin1') ?? '';
            builtLoads.set(at, (found = LOADS_BUILT_PATH.test(text) || text.includes('createRequire')));
        }
        return found;
    };
    let eagerCount = 0;
    let candidates = 0;
    let at = 0;
    /** `quote`: where the string opens in `bytes`, the source's text. */
    const collect = (spec, bytes, quote, close) => {
        candidates++;
        const holed = holedPattern(spec, i => bytes[i], quote, close);
        if (holed !== undefined && loadsBuiltPaths(at)) {
            eagerCount++;
            pushTo(globsIn, at, holed);
        }
        // A pattern is tried on the files asked about (see globLoaders); it may also be a plain path (a
        // `[id]` folder), filed below. Only a template with holes or a file with `import.meta.glob` has one.
        const glob = (0,glob_imports/* globCandidate */.Yx)(spec);
        if (glob !== undefined && (spec.includes('${') || globCallIn(at))) {
            eagerCount++;
            pushTo(globsIn, at, glob);
        }
        if (!rules.eager(spec)) {
            stems.add(stemHash(spec), at);
            return;
        }
        note(eagerStrings, spec);
        eagerCount++;
        const from = sources[at].path;
        if (rootedAt(i => bytes[i], quote))
            for (const file of resolver.fromAnyFolder(rootedSpec(spec)))
                pushTo(eagerInto, file, at);
        // Only an import loads what a specifier resolves to (`split('.')` is none); a path is run.
        if (mayImportAt(bytes, quote)) {
            const resolution = resolver.resolveJs(from, spec);
            if ('file' in resolution)
                for (const file of filesOf(resolution))
                    pushTo(eagerInto, file, at);
            else if ('package' in resolution)
                pushTo(eagerPackageInto, resolution.package, at);
        }
        for (const file of resolver.namedSources(from, spec))
            pushTo(eagerInto, file, at);
    };
    // Strings resolved up front (not filed by stem), for the data files they may name.
    const eagerStrings = new Map();
    // Python strings, for the data files they may name.
    const pyStrings = new Map();
    const collectString = (spec) => {
        note(pyStrings, spec);
    };
    // Python imports by each dotted segment of the module path and each imported name.
    const pyBySegment = new Map();
    const pyFiles = [];
    const collectPython = (spec, names) => {
        const entry = { at, spec, names };
        const keys = new Set([...spec.split('.').filter(Boolean), ...names]);
        if (/^\.+$/.test(spec))
            keys.add('.');
        for (const key of keys)
            pushTo(pyBySegment, key, entry);
    };
    const goPackages = new Map();
    const goFilesIn = new Map();
    /** The sources scanned up front (see loadsAlone). */
    const scannedUpFront = [];
    for (; at < sources.length; at++) {
        const source = sources[at];
        if (source.data || source.blob === undefined)
            continue;
        if (loadsAlone(source)) {
            scannedUpFront.push(at);
            continue;
        }
        if (source.kind === 'py') {
            const text = source.blob.toString('utf8');
            pythonImports(text, collectPython);
            quotedCandidates(text, collectString);
            pyFiles.push(at);
            continue;
        }
        if (source.kind === 'go') {
            quotedCandidates(source.blob.toString('utf8'), collectGo);
            pushTo(goFilesIn, (0,project/* dirname */.pD)(source.path), at);
            if (!source.path.endsWith('_test.go'))
                pushTo(goPackages, (0,project/* dirname */.pD)(source.path), source.path);
            continue;
        }
        const bytes = source.blob;
        candidates += fileStrings(bytes, at, stems, rules.text, (start, end) => {
            const spec = bytes.toString('utf8', start, end);
            if (spec.length <= MAX_SPEC_LENGTH)
                collect(spec, bytes, start - 1, end);
        }, holedStems);
        if (eagerCount > maxEager)
            return undefined;
    }
    const goModuleNames = new Map();
    for (const { dir, module } of resolver.goModuleRoots) {
        const name = lastSegment(module);
        if (name)
            goModuleNames.set(dir, name);
    }
    // A folder with a package.json resolves to its entry file, whatever that file is called.
    const packageEntryNames = new Map();
    for (const path of options.files) {
        if (!path.endsWith('/package.json') || path.includes('node_modules/'))
            continue;
        const folder = (0,project/* dirname */.pD)(path);
        const entry = resolver.tryPath(folder);
        const name = lastSegment(folder);
        if (entry && name)
            packageEntryNames.set(entry, [...(packageEntryNames.get(entry) ?? []), name]);
    }
    const scans = new Map();
    const scanOf = (path) => {
        let scan = scans.get(path);
        if (!scan) {
            const at = indexOf.get(path);
            const source = at === undefined ? undefined : sources[at];
            if (!source)
                return undefined;
            scan = options.scan(source);
            scans.set(path, scan);
        }
        return scan;
    };
    const conftestsOf = (path) => new Map(path.endsWith('.py') ? [[path, (0,project/* conftestsFor */.JN)(path, options.files)]] : []);
    const nodes = new Map();
    const outgoing = new Map();
    const edgesFrom = (from) => {
        let out = outgoing.get(from.path);
        if (!out) {
            out = new Map();
            addEdgesFrom(from, out);
            outgoing.set(from.path, out);
        }
        return out;
    };
    const node = (path) => {
        let found = nodes.get(path);
        if (!found) {
            const scan = scanOf(path);
            if (!scan)
                return undefined;
            found = {
                path,
                scan,
                ...linkNode(path, scan, resolver, conftestsOf(path), goPackages, setupLoadsOf(path))
            };
            nodes.set(path, found);
        }
        return found;
    };
    const stringsBySource = new Map();
    const stringsOf = (at) => {
        let found = stringsBySource.get(at);
        if (!found) {
            const text = sources[at].blob?.toString('utf8') ?? '';
            const strings = { text, ranges: [], hashes: [] };
            quotedRanges(text, (start, end) => {
                strings.ranges.push(start, end);
                strings.hashes.push(stemHash(text, start, end));
            });
            stringsBySource.set(at, (found = strings));
        }
        return found;
    };
    const eagerOf = (strings) => (strings.eager ??= strings.hashes.map((_, r) => rules.eager(strings.text.slice(strings.ranges[2 * r], strings.ranges[2 * r + 1]))));
    /**
     * Whether a source may name a path from its own folder with strings as arguments, which the
     * scanner joins (`join(__dirname, 'fixtures', 'pm')`, `defineTest(__dirname, 'class')`): then
     * a string of it so placed (see joinedToFolder) may lead, joined, to any file whose name is
     * that string's last segment.
     */
    const pathsFromFolder = new Map();
    const namesFromFolder = (at) => {
        let found = pathsFromFolder.get(at);
        if (found === undefined)
            pathsFromFolder.set(at, (found = sources[at].blob?.includes('dirname') === true));
        return found;
    };
    /** The sources that name from their folder a string whose last segment (or its stem) is a name. */
    const fromFolderUnder = new Map();
    // The candidates whose last segment (or its stem) is a name, resolved once: target → the sources
    // that import it. The sources filed under the name's hashes are read again for them.
    /**
     * Each string whose last segment (or its stem) is `name`, of the sources `index` files under its
     * hashes, in source order: `visit(at, spec, text, start)`, `start` where the string starts in its
     * source's `text` (after the quote).
     */
    const eachStringNamed = (index, name, visit) => {
        const wanted = new Set(filedHashes(name));
        const filed = new Set([...wanted].flatMap(hash => index.sourcesOf(hash)));
        for (const at of [...filed].sort((a, b) => a - b)) {
            const { text, ranges, hashes } = stringsOf(at);
            for (let r = 0; r < hashes.length; r++) {
                if (!wanted.has(hashes[r]))
                    continue;
                const start = ranges[2 * r];
                const spec = text.slice(start, ranges[2 * r + 1]);
                const segment = lastSegment(spec);
                if (segment !== undefined && (segment === name || stemOf(segment) === name))
                    visit(at, spec, text, start);
            }
        }
    };
    const resolvedNames = new Map();
    const resolvedUnder = (name) => {
        let byTarget = resolvedNames.get(name);
        if (byTarget)
            return byTarget;
        const found = (byTarget = new Map());
        // A string resolved up front that resolves here too is found again: no harm, it imports it.
        let seen = new Set();
        let seenIn = -1;
        eachStringNamed(stems, name, (at, spec, text, start) => {
            const source = sources[at];
            if (seenIn !== at) {
                seen = new Set();
                seenIn = at;
            }
            if (fromFolderUnder.get(name)?.at(-1) !== at && joinedToFolder(text, start - 1) && namesFromFolder(at))
                pushTo(fromFolderUnder, name, at);
            if (seen.has(spec))
                return;
            seen.add(spec);
            const resolution = resolver.resolveJs(source.path, spec);
            if ('file' in resolution)
                for (const file of filesOf(resolution))
                    pushTo(found, file, at);
            for (const file of resolver.namedSources(source.path, spec))
                pushTo(found, file, at);
            if (rootedAt(i => text.charCodeAt(i), start - 1))
                for (const file of resolver.fromAnyFolder(rootedSpec(spec)))
                    pushTo(found, file, at);
        });
        resolvedNames.set(name, byTarget);
        return byTarget;
    };
    /**
     * The sources with a string whose last segment (or its stem) is `name` and that a path goes on
     * past (see holedPattern), with the files that pattern may lead to: the files under a folder
     * so named. Strings that end in `/` or are templates are collect's.
     */
    const holedNames = new Map();
    const holedUnder = (name) => {
        let found = holedNames.get(name);
        if (found)
            return found;
        const loaders = (found = []);
        eachStringNamed(holedStems, name, (at, spec, text, start) => {
            const pattern = holedPattern(spec, i => text.charCodeAt(i), start - 1, start + spec.length);
            if (pattern === undefined || !loadsBuiltPaths(at))
                return;
            pushTo(globsIn, at, pattern);
            loaders.push({ at, loads: resolver.globLoader(sources[at].path, pattern) });
        });
        holedNames.set(name, found);
        return found;
    };
    /** The names of the folders `path` is in. */
    const folderNames = (path) => path.split('/').slice(0, -1);
    /**
     * A Go file is loaded by the other Go files of its package, and by every Go file that imports
     * its package (`go.mod` module path or `vendor/`): found by the package folder's name (or the
     * module path's last segment for a module's root package).
     */
    const goImporters = (target) => {
        const dir = (0,project/* dirname */.pD)(target);
        if (!goPackages.get(dir)?.includes(target))
            return [];
        const importers = new Set(goFilesIn.get(dir) ?? []);
        importers.delete(indexOf.get(target));
        const names = [lastSegment(dir), goModuleNames.get(dir)];
        for (const name of new Set(names)) {
            if (!name)
                continue;
            for (const { spec, sources: found } of goBySegment.get(name) ?? [])
                for (const at of found)
                    if (resolver.goPackageDir(spec, sources[at].path) === dir)
                        importers.add(at);
        }
        return [...importers].sort((a, b) => a - b);
    };
    /**
     * A Python file is loaded by the imports whose module path runs through it (a package's
     * `__init__.py` too) or that import it by name from its package, and a conftest.py by every
     * Python file under its folder.
     */
    const pythonImporters = (target) => {
        const importers = new Set();
        const dir = (0,project/* dirname */.pD)(target);
        if (target === 'conftest.py' || target.endsWith('/conftest.py'))
            for (const at of pyFiles) {
                const path = sources[at].path;
                if (path !== target && (dir === '' || path.startsWith(dir + '/')))
                    importers.add(at);
            }
        const base = target.slice(target.lastIndexOf('/') + 1);
        // The package that has the target as an attribute.
        const parent = base === '__init__.py' ? (0,project/* dirname */.pD)(dir) : dir;
        // A module is found under its own name and, as an attribute of its package, the package's.
        const names = base === '__init__.py'
            ? [lastSegment(dir) ?? '.', lastSegment(parent) ?? '.', '.']
            : [base.slice(0, -3), lastSegment(dir) ?? '.'];
        for (const name of new Set(names))
            for (const { at, spec, names: imported } of pyBySegment.get(name) ?? []) {
                if (importers.has(at))
                    continue;
                const from = sources[at].path;
                const { files, resolved } = resolver.resolvePython(from, spec);
                if (!resolved)
                    continue;
                const module = files[files.length - 1];
                if (files.includes(target) ||
                    (module !== undefined &&
                        // `import pkg` may read a submodule as an attribute (`pkg.mod`; see linkNode); a name
                        // of an import list may be one.
                        (imported.length === 0
                            ? module.endsWith('/__init__.py') && (0,project/* dirname */.pD)(module) === parent
                            : imported.some(name => resolver.pythonSubmodule(module, name) === target))))
                    importers.add(at);
            }
        return [...importers].sort((a, b) => a - b);
    };
    const setupLoadsOf = options.setupLoadsOf ?? (() => []);
    // Setup file → the test files that load it first.
    const setupLoaders = new Map();
    sources.forEach((source, i) => {
        for (const setup of setupLoadsOf(source.path))
            if (setup !== source.path)
                pushTo(setupLoaders, setup, i);
    });
    for (const at of scannedUpFront)
        for (const { target } of node(sources[at].path)?.loads ?? [])
            pushTo(eagerInto, target, at);
    /** The names under which the strings that may resolve to `target` are filed. */
    const namesFor = (target) => [
        ...new Set([...namesOf(target), ...(packageEntryNames.get(target) ?? [])])
    ];
    // Patterns are tried on each target asked about, rather than listing every file they match.
    let globLoaders;
    const globLoadersOf = () => [...globsIn].flatMap(([at, globs]) => globs.map(glob => ({ at, loads: resolver.globLoader(sources[at].path, glob) })));
    /** The sources with a candidate that resolves to `target`, in tree order (before any scan). */
    const candidateImporters = (target) => {
        if (target.endsWith('.go'))
            return goImporters(target);
        if (target.endsWith('.py'))
            return pythonImporters(target);
        const importers = new Set([...(eagerInto.get(target) ?? []), ...(setupLoaders.get(target) ?? [])]);
        for (const { at, loads } of (globLoaders ??= globLoadersOf()))
            if (loads(target))
                importers.add(at);
        for (const name of folderNames(target))
            for (const { at, loads } of holedUnder(name))
                if (loads(target))
                    importers.add(at);
        if (eagerPackageInto.size) {
            const dir = resolver.packageDirOf(target);
            if (dir !== undefined && resolver.packageSources(dir).has(target))
                for (const at of eagerPackageInto.get(dir) ?? [])
                    importers.add(at);
        }
        for (const name of namesFor(target)) {
            for (const at of resolvedUnder(name).get(target) ?? [])
                importers.add(at);
            for (const at of fromFolderUnder.get(name) ?? [])
                importers.add(at);
        }
        return [...importers].sort((a, b) => a - b);
    };
    /**
     * Whether the JavaScript/TypeScript source at `at` may have an edge into `target` that `need`
     * looks at, judged from its text: not when every string of it that leads to `target` is a
     * static import list (see namedImportAt) and, for one name, none of the lists has that name; for
     * the whole module, when `target` is an ES module. Anything else is scanned.
     */
    const mayHaveEdge = (at, target, need) => {
        if (need.kind === 'all')
            return true;
        const source = sources[at];
        const js = source.kind === 'ts' || source.kind === 'jsx';
        if (!js || !(0,js_scanner/* isJsFile */.Mn)(target) || source.blob === undefined || loadsAlone(source))
            return true;
        if (need.kind === 'whole' && node(target)?.scan.esm !== true)
            return true;
        // A pattern that matches the target may take it whole.
        const globs = globsIn.get(at);
        if (globs?.some(glob => resolver.globLoads(source.path, glob, target)))
            return true;
        const uses = usesOf(at, target);
        return uses === undefined || (need.kind === 'named' && uses.has(need.name));
    };
    /**
     * How a JavaScript/TypeScript source uses `target`, from its strings (patterns aside): the names
     * its import lists of `target` take, or undefined when some string may take the whole module.
     */
    const uses = new Map();
    const usesOf = (at, target) => {
        const key = `${at}\u0000${target}`;
        if (uses.has(key))
            return uses.get(key);
        const source = sources[at];
        let hashes = targetHashes.get(target);
        if (!hashes) {
            hashes = new Set(namesFor(target).flatMap(filedHashes));
            targetHashes.set(target, hashes);
        }
        // A package name whose sources the target is in may take it whole.
        const packageDir = eagerPackageInto.size ? resolver.packageDirOf(target) : undefined;
        if (packageDir !== undefined && eagerPackageInto.get(packageDir)?.includes(at)) {
            uses.set(key, undefined);
            return undefined;
        }
        const strings = stringsOf(at);
        const { text, ranges } = strings;
        // Strings resolved up front only matter when one of them led here.
        const eager = eagerSources(target).has(at) ? eagerOf(strings) : undefined;
        let names = new Set();
        for (let r = 0; r < strings.hashes.length && names; r++) {
            // Only a string filed under one of the target's names, or resolved up front, resolves to it.
            if (!hashes.has(strings.hashes[r]) && !eager?.[r])
                continue;
            const start = ranges[2 * r];
            const spec = text.slice(start, ranges[2 * r + 1]);
            const resolution = resolver.resolveJs(source.path, spec);
            if ('package' in resolution && resolver.packageSources(resolution.package).has(target))
                names = undefined;
            // A path that names the target may run it whole, and so may one joined from the folder.
            if (resolver.namedSources(source.path, spec).includes(target))
                names = undefined;
            // A path from a folder known only when it runs may lead to the target (see rootedAt).
            if (rootedAt(i => text.charCodeAt(i), start - 1) &&
                resolver.fromAnyFolder(rootedSpec(spec)).includes(target))
                names = undefined;
            const here = 'file' in resolution && filesOf(resolution).includes(target);
            const joined = !here && joinedName(spec, target) && joinedToFolder(text, start - 1) && namesFromFolder(at);
            if (!here && !joined)
                continue;
            const listed = namedImportAt(text, start - 1);
            if (joined) {
                if (!listed)
                    names = undefined;
            }
            else if (listed)
                for (const name of listed)
                    names?.add(name);
            else
                names = undefined;
        }
        uses.set(key, names);
        return names;
    };
    /** Whether `spec`'s last segment (or its stem) is a name of `target`: joined, it may lead there. */
    const joinedName = (spec, target) => {
        const segment = lastSegment(spec);
        if (segment === undefined)
            return false;
        const names = namesFor(target);
        return names.includes(segment) || names.includes(stemOf(segment));
    };
    const targetHashes = new Map();
    const eagerSets = new Map();
    const eagerSources = (target) => {
        let found = eagerSets.get(target);
        if (!found)
            eagerSets.set(target, (found = new Set(eagerInto.get(target))));
        return found;
    };
    /** Per target: the importers scanned so far, whether all of them, and their edges into it. */
    const edgeState = new Map();
    const edgesInto = (target, need = ALL_EDGES) => {
        let state = edgeState.get(target);
        if (!state)
            edgeState.set(target, (state = { scanned: new Set(), all: false, into: undefined }));
        if (state.all)
            return state.into;
        let added = false;
        for (const at of candidateImporters(target)) {
            if (state.scanned.has(at) || !mayHaveEdge(at, target, need))
                continue;
            state.scanned.add(at);
            added = true;
        }
        if (need.kind === 'all')
            state.all = true;
        if (!added)
            return state.into;
        const into = { loaders: [], bindings: [], exportAllers: [] };
        for (const at of [...state.scanned].sort((a, b) => a - b)) {
            const from = node(sources[at].path);
            const mine = from && edgesFrom(from).get(target);
            if (!mine)
                continue;
            into.loaders.push(...mine.loaders);
            into.bindings.push(...mine.bindings);
            into.exportAllers.push(...mine.exportAllers);
        }
        const empty = !into.loaders.length && !into.bindings.length && !into.exportAllers.length;
        state.into = empty ? undefined : into;
        return state.into;
    };
    /**
     * The JavaScript/TypeScript strings filed under `name`: a string names a path (see
     * stringRefersTo) only when its last segment is one of the path's, or it has none (`..`, `./`),
     * and those are resolved up front (see eagerStrings). Found by their stems, and read again.
     */
    const namingStrings = new Map();
    /** With `keep`, of the sources it keeps only (and not kept for later). */
    const stringsNaming = (name, keep) => {
        let found = keep ? undefined : namingStrings.get(name);
        if (found)
            return found;
        found = [];
        const wanted = new Set(filedHashes(name));
        const filed = new Set([...wanted].flatMap(hash => stems.sourcesOf(hash)));
        for (const at of [...filed].sort((a, b) => a - b)) {
            if (keep && !keep(at))
                continue;
            const { text, ranges, hashes } = stringsOf(at);
            for (let r = 0; r < hashes.length; r++)
                if (wanted.has(hashes[r]))
                    found.push({
                        at,
                        spec: text.slice(ranges[2 * r], ranges[2 * r + 1]),
                        quote: ranges[2 * r] - 1
                    });
        }
        if (!keep)
            namingStrings.set(name, found);
        return found;
    };
    /** Whether a source's text has one of `words` as a whole identifier (`sync`, not `async`). */
    const mentionTests = new Map();
    const mentionTest = (words) => {
        const key = words.join('\u0000');
        const known = mentionTests.get(key);
        if (known)
            return known;
        const word = new RegExp(`(?<![\\w$])(?:${words.map(w => w.replace(/[^\w$]/g, '\\$&')).join('|')})(?![\\w$])`);
        const answers = new Map();
        const test = (at) => {
            let answer = answers.get(at);
            if (answer === undefined) {
                const blob = sources[at].blob;
                // The cheap byte search first.
                answer =
                    blob !== undefined &&
                        words.some(w => blob.includes(w)) &&
                        word.test(stringsBySource.get(at)?.text ?? blob.toString('utf8'));
                answers.set(at, answer);
            }
            return answer;
        };
        mentionTests.set(key, test);
        return test;
    };
    /** The sources that may name the folder of a module they locate (see GraphNode.folders). */
    let folderNamers;
    const namingFolders = () => (folderNamers ??= sources.flatMap((source, at) => !loadsAlone(source) &&
        namesFromFolder(at) &&
        source.blob.includes('resolve') &&
        FOLDER_OF_MODULE.test(source.blob.toString('utf8'))
        ? [at]
        : []));
    const dataReferences = (path, naming = {}) => {
        const { bareNames = true, readingCalls, locatedFolders = true } = naming;
        const mock = MOCK_FILE.exec(path)?.[1];
        const mentions = readingCalls && mentionTest(readingCalls);
        // A source scanned up front is not filed by its strings: its scan tells.
        const maybe = new Set([...(locatedFolders ? namingFolders() : []), ...scannedUpFront]);
        /** `quote`: where a JavaScript string of the one source in `found` opens. */
        const consider = (candidate, found, quote) => {
            let spec = candidate;
            // A template with holes: the scanner keeps the text after the last one (`${dir}/modules/`).
            if (quote !== undefined && spec.includes('${') && stringsOf(found[0]).text[quote] === '`') {
                spec = (0,model/* afterLastHole */.Jz)(spec);
                if (!(0,model/* keptAsPath */._V)(spec))
                    return;
            }
            if (mock && (spec === mock || spec.endsWith('/' + mock))) {
                for (const at of found)
                    maybe.add(at);
            }
            else if (quote !== undefined && importedAt(stringsOf(found[0]).text, quote)) {
                // An import's specifier: a scan keeps no string that is one (see ModuleScan.strings).
            }
            else if (quote !== undefined && !(0,model/* keptAsPath */._V)(spec) && !spec.includes('\\')) {
                // Not a string the scanner keeps (`require('path')`): it names a path only joined to the folder.
                for (const at of found)
                    if (stringRefersTo(spec, '', path) &&
                        joinedToFolder(stringsOf(at).text, quote) &&
                        namesFromFolder(at))
                        maybe.add(at);
            }
            else if (spec.startsWith('./') || spec.startsWith('../')) {
                for (const at of found)
                    if (stringRefersTo(spec, sources[at].path, path, bareNames))
                        maybe.add(at);
            }
            else if (stringRefersTo(spec, '', path, bareNames))
                for (const at of found)
                    maybe.add(at);
            // A name alone may be joined to a folder (`join(__dirname, 'fixtures', 'a.json')`).
            else if (!bareNames && stringRefersTo(spec, '', path))
                for (const at of found)
                    if (namesFromFolder(at))
                        maybe.add(at);
        };
        const names = new Set(path.split('/'));
        const mocked = mock && lastSegment(mock);
        if (mocked)
            names.add(mocked);
        for (const name of names)
            for (const { at, spec, quote } of stringsNaming(name, mentions))
                consider(spec, [at], quote);
        for (const { spec, sources: found } of [
            ...eagerStrings.values(),
            ...goDistinct.values(),
            ...pyStrings.values()
        ]) {
            // A string names the path, or one of its folders, by its last segment (see stringRefersTo).
            const segment = lastSegment(spec);
            if (segment === undefined || names.has(segment))
                consider(spec, found);
        }
        const referrers = [];
        for (const at of [...maybe].sort((a, b) => a - b)) {
            const source = sources[at];
            // A source scanned up front is searched for the calls only once its strings name the file.
            const upFront = loadsAlone(source);
            if (mentions && !upFront && !mentions(at))
                continue;
            const found = node(source.path);
            if (!found || dataReferenceOf(found, path, naming) !== 'names')
                continue;
            if (mentions && upFront && !mentions(at))
                continue;
            referrers.push(found.path);
        }
        return { referrers };
    };
    /** exportableWords of the sources asked about (null: any name). */
    const wordsIn = new Map();
    const hasEdgesInto = (target) => {
        const state = edgeState.get(target);
        if (state?.all)
            return anyEdges(state.into);
        return candidateImporters(target).some(at => {
            const from = node(sources[at].path);
            return from !== undefined && anyEdges(edgesFrom(from).get(target));
        });
    };
    return {
        sourceAt: path => {
            const at = indexOf.get(path);
            return at === undefined ? undefined : sources[at];
        },
        nodes: {
            get: node,
            made: path => nodes.get(path),
            mayExport: (path, name) => {
                const at = indexOf.get(path);
                const source = at === undefined ? undefined : sources[at];
                if (nodes.has(path) ||
                    !source?.blob ||
                    source.data ||
                    loadsAlone(source) ||
                    (source.kind !== 'ts' && source.kind !== 'jsx'))
                    return true;
                let words = wordsIn.get(path);
                if (words === undefined)
                    wordsIn.set(path, (words = exportableWords(source.blob) ?? null));
                return words === null || words.has(name);
            }
        },
        edgesInto,
        hasEdgesInto,
        candidateImporters: target => candidateImporters(target).map(at => sources[at].path),
        scanOf,
        dataReferences,
        get linked() {
            return nodes.size;
        },
        candidates
    };
}
/**
 * The words of a module's text, of which any name it exports is one; undefined when it may export
 * names it does not spell: it has an `export` followed by `*` (or by a comment, which may hide
 * one), or it is CommonJS (`exports`, `require`), whose exports a walk takes as values whatever
 * they are called.
 */
function exportableWords(text) {
    for (let at = text.indexOf('export'); at >= 0; at = text.indexOf('export', at + 6)) {
        let next = at + 6;
        if (text[next] === 0x73 /* s: exports */)
            return undefined;
        while (next < text.length && isSpaceByte(text[next]))
            next++;
        if (text[next] === 0x2a /* * */ || text[next] === 0x2f /* / */)
            return undefined;
    }
    const words = new Set(text.toString('utf8').match(WORDS));
    return words.has('require') ? undefined : words;
}
/** Runs of identifier characters (and of anything outside ASCII, which may be one). */
const WORDS = /[\w$\u0080-\uffff]+/g;

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./src/select/workers.ts



/**
 * A worker's script, bundled beside the running bundle (scripts/build.mjs puts each there):
 * undefined when the sources run as they are, where a worker could not load it.
 */
function bundledWorker(name) {
    for (const relative of [`./${name}/index.js`, `../${name}/index.js`]) {
        const url = new URL(relative, import.meta.url);
        if (url.protocol === 'file:' && (0,external_node_fs_.existsSync)(url))
            return (0,external_node_url_.fileURLToPath)(url);
    }
    return undefined;
}
/**
 * A worker thread that answers numbered questions: each answer carries the id of its question. It
 * keeps the process alive only while a question waits. When it stops (or could not start), every
 * question waiting or asked after is answered with undefined, for its owner to work out on this
 * thread.
 */
class QuestionWorker {
    worker;
    waiting = new Map();
    next = 0;
    /** How many questions the worker answered. */
    answered = 0;
    constructor(script, options) {
        try {
            const worker = new external_node_worker_threads_.Worker(script, options);
            worker.on('message', (answer) => {
                const done = this.waiting.get(answer.id);
                this.waiting.delete(answer.id);
                this.answered++;
                if (this.waiting.size === 0)
                    worker.unref();
                done?.(answer);
            });
            worker.on('error', () => this.stopped());
            worker.on('exit', () => this.stopped());
            // Until a question waits, it does not keep the process alive.
            worker.unref();
            this.worker = worker;
        }
        catch {
            this.worker = undefined;
        }
    }
    /** Whether the worker is there to ask. */
    get running() {
        return this.worker !== undefined;
    }
    ask(question) {
        const worker = this.worker;
        if (!worker)
            return Promise.resolve(undefined);
        const id = this.next++;
        const answer = new Promise(done => this.waiting.set(id, done));
        worker.ref();
        worker.postMessage({ ...question, id });
        return answer;
    }
    close() {
        const worker = this.worker;
        this.worker = undefined;
        void worker?.terminate();
    }
    stopped() {
        this.worker = undefined;
        for (const done of this.waiting.values())
            done(undefined);
        this.waiting.clear();
    }
}

;// CONCATENATED MODULE: ./src/select/typecheck.ts




/**
 * When ts-jest type-checks modules as they load, a type error anywhere in a loaded module fails
 * the whole suite. Rather than selecting every loader of a changed TypeScript file, the files whose
 * types can change are checked with the repository's own TypeScript: when they are clean, symbol
 * level selection stands; a file with errors makes all of its loaders run.
 */
/** The codes ts-jest ignores by default. */
const IGNORED_CODES = new Set([6059, 18002, 18003]);
function loadTypeScript(repoDir) {
    try {
        const name = 'typescript';
        return (0,external_node_module_.createRequire)((0,external_node_path_.join)(repoDir, 'package.json'))(name);
    }
    catch {
        return undefined;
    }
}
function nearestTsconfig(repoDir, file) {
    for (let dir = (0,external_node_path_.dirname)((0,external_node_path_.join)(repoDir, file)); dir.startsWith(repoDir); dir = (0,external_node_path_.dirname)(dir)) {
        const candidate = (0,external_node_path_.join)(dir, 'tsconfig.json');
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        if (dir === repoDir)
            break;
    }
    return undefined;
}
/**
 * A TypeScript program over the changed files, made once (the costly part: every module and
 * declaration file they import is parsed), of which the checks are asked afterwards.
 */
class TypeCheckProgram {
    ts;
    repoDir;
    options;
    /** Source files parsed once, for every program made here. */
    parsed = new Map();
    roots;
    program;
    constructor(ts, repoDir, options, roots) {
        this.ts = ts;
        this.repoDir = repoDir;
        this.options = options;
        this.roots = [...roots];
        this.program = ts.createProgram({ rootNames: this.roots.map(this.absolute), options, host: this.host() });
    }
    /**
     * The program of `roots` (repository-relative), with the options of `tsconfig` (else the one
     * nearest the first root); a message saying why when it cannot be made.
     */
    static open(repoDir, roots, tsconfig) {
        const ts = loadTypeScript(repoDir);
        if (!ts)
            return 'typescript is not installed in the repository';
        const configPath = tsconfig ? (0,external_node_path_.join)(repoDir, tsconfig) : nearestTsconfig(repoDir, roots[0] ?? '');
        let options = {};
        if (configPath && (0,external_node_fs_.existsSync)(configPath)) {
            const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
            if (!parsed)
                return `${configPath} could not be read`;
            options = parsed.options;
        }
        // Declarations are emitted to memory, to compare; nothing is written.
        const emitting = {
            ...options,
            noEmit: false,
            declaration: true,
            emitDeclarationOnly: true,
            declarationMap: false,
            sourceMap: false,
            inlineSourceMap: false,
            incremental: false,
            composite: false,
            tsBuildInfoFile: undefined,
            noEmitOnError: false,
            outFile: undefined,
            out: undefined
        };
        return new TypeCheckProgram(ts, repoDir, emitting, roots);
    }
    /** Type errors in `files` (made roots of the program if they are not), with the first message of each. */
    errorsIn(files) {
        this.include(files);
        const errors = new Map();
        for (const file of files) {
            const source = this.program.getSourceFile(this.absolute(file));
            if (!source)
                continue;
            const first = [
                ...this.program.getSyntacticDiagnostics(source),
                ...this.program.getSemanticDiagnostics(source)
            ].find(d => d.category === this.ts.DiagnosticCategory.Error && !IGNORED_CODES.has(d.code));
            if (first)
                errors.set(file, typeof first.messageText === 'string' ? first.messageText : first.messageText.messageText);
        }
        return errors;
    }
    /**
     * Those of `files` whose declarations (their `.d.ts`, as TypeScript emits it) may differ from
     * those of their text at the base, `bases` (a file without one may differ). The others changed
     * nothing another file's check can see.
     */
    surfaced(files, bases) {
        this.include(files);
        const texts = new Map();
        for (const [file, text] of bases)
            texts.set(this.absolute(file), text);
        const before = texts.size > 0
            ? this.ts.createProgram({
                rootNames: this.roots.map(this.absolute),
                options: this.options,
                host: this.host(texts),
                oldProgram: this.program
            })
            : undefined;
        return files.filter(file => {
            const now = before && bases.has(file) ? this.declarations(this.program, file) : undefined;
            return now === undefined || now !== this.declarations(before, file);
        });
    }
    include(files) {
        const more = files.filter(file => !this.roots.includes(file));
        if (more.length === 0)
            return;
        this.roots = [...this.roots, ...more];
        this.program = this.ts.createProgram({
            rootNames: this.roots.map(this.absolute),
            options: this.options,
            host: this.host(),
            oldProgram: this.program
        });
    }
    absolute = (file) => (0,external_node_path_.join)(this.repoDir, file);
    host(texts = new Map()) {
        const base = this.ts.createCompilerHost(this.options);
        return {
            ...base,
            fileExists: name => texts.has(name) || base.fileExists(name),
            readFile: name => texts.get(name) ?? base.readFile(name),
            getSourceFile: (name, languageVersion, ...rest) => {
                const text = texts.get(name);
                if (text !== undefined)
                    return this.ts.createSourceFile(name, text, languageVersion);
                let file = this.parsed.get(name);
                if (!file) {
                    file = base.getSourceFile(name, languageVersion, ...rest);
                    if (file)
                        this.parsed.set(name, file);
                }
                return file;
            }
        };
    }
    declarations(program, file) {
        const source = program.getSourceFile(this.absolute(file));
        if (!source)
            return undefined;
        let text = '';
        const emitted = program.emit(source, (name, out) => (text += name.endsWith('.map') ? '' : out), undefined, true);
        return emitted.emitSkipped || emitted.diagnostics.length ? undefined : text;
    }
}
/**
 * The outcome of a check of `files` (`first`: its errors, and the files whose declarations may
 * differ from the base's), once what depends on those (`dependentsOf`; undefined: too many to
 * check) is checked too (`checkMore`).
 */
async function completeCheck(files, first, dependentsOf, checkMore) {
    const { errors, surfaced } = first;
    // A file with an error fails every test that loads it; one that only imports its types does
    // not load it, and is checked too.
    const dependents = surfaced.length ? dependentsOf(surfaced) : [];
    if (dependents === undefined)
        return { checked: false, errors, why: 'too many files depend on the changed types' };
    const more = dependents.filter(file => !files.includes(file));
    if (more.length)
        for (const [file, message] of await checkMore(more))
            errors.set(file, message);
    return { checked: true, errors, checkedFiles: files.length + more.length };
}
/**
 * Type-checks the changed files `files` as ts-jest would when they load, and the files that
 * depend on their types (`dependentsOf`, given the files whose types others see may have
 * changed). A changed file whose declarations are the same at the base (`baseText`) changed
 * nothing another file's check can see: its dependents are not checked. Undefined from
 * `dependentsOf`: too many to check.
 */
async function typeErrorsIn(repoDir, files, tsconfig, baseText = () => undefined, dependentsOf = () => []) {
    const program = TypeCheckProgram.open(repoDir, files, tsconfig);
    if (typeof program === 'string')
        return { checked: false, errors: new Map(), why: program };
    const first = {
        errors: program.errorsIn(files),
        surfaced: program.surfaced(files, basesOf(files, baseText))
    };
    return completeCheck(files, first, dependentsOf, more => program.errorsIn(more));
}
function basesOf(files, baseText) {
    const bases = new Map();
    for (const file of files) {
        const text = baseText(file);
        if (text !== undefined)
            bases.set(file, text);
    }
    return bases;
}
/** The worker stopped, or a check there threw: the whole check runs on this thread instead. */
class WorkerGone extends Error {
}
/**
 * A type check begun before its questions are known. The program of the changed files that may
 * need checking (`roots`) is made on a worker thread, on the second core, while this thread
 * walks the graph: making it (parsing every module and declaration file they import) is most of
 * a check's cost. Without the worker (the sources run as they are, or it fails) the check runs on
 * this thread when asked.
 */
class TypeCheckJob {
    repoDir;
    tsconfig;
    worker;
    /** `workerScript`: the bundled worker, by default the one beside the running bundle; null for none. */
    constructor(repoDir, roots, tsconfig, workerScript = bundledWorker('typecheck-worker') ?? null) {
        this.repoDir = repoDir;
        this.tsconfig = tsconfig;
        if (!workerScript || roots.length === 0)
            return;
        const start = { repoDir, roots: [...roots], tsconfig };
        this.worker = new QuestionWorker(workerScript, { workerData: start });
    }
    /** How many questions the worker answered. */
    get answeredByWorker() {
        return this.worker?.answered ?? 0;
    }
    /** What typeErrorsIn answers for these arguments (a file that is not a root is parsed when asked). */
    async outcome(files, baseText = () => undefined, dependentsOf = () => []) {
        const here = () => typeErrorsIn(this.repoDir, files, this.tsconfig, baseText, dependentsOf);
        const first = await this.ask({ step: 'check', files: [...files], bases: [...basesOf(files, baseText)] });
        if (!first || first.failed !== undefined)
            return here();
        if (first.why !== undefined)
            return { checked: false, errors: new Map(), why: first.why };
        try {
            return await completeCheck(files, { errors: new Map(first.errors), surfaced: first.surfaced ?? [] }, dependentsOf, async (more) => {
                const answer = await this.ask({ step: 'more', files: more });
                if (!answer?.errors)
                    throw new WorkerGone();
                return new Map(answer.errors);
            });
        }
        catch (error) {
            if (error instanceof WorkerGone)
                return here();
            throw error;
        }
    }
    close() {
        this.worker?.close();
    }
    ask(question) {
        return this.worker?.ask(question) ?? Promise.resolve(undefined);
    }
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/select/members.ts



/**
 * Member reach: a method or accessor of a class (one in its `calledByName`) runs only when code
 * that runs names it (`x.format()`, `x['format']`, `{ format } = x`, a string 'format'). So a test
 * reaches a changed member when it reaches the class and something it reaches mentions the
 * member's name. Whatever mentions names (the test itself, what it loads, the reached members of
 * classes) is found by a walk forward from the test that opens a class's members as their names
 * turn up.
 *
 * Where code outside the repository may call members by names the repository never mentions, a
 * class's members are all reached with it: decorated classes, classes that implement an interface
 * not declared in the repository, classes whose base is not a class of the repository
 * (React.Component, HTMLElement…) or is such a class, and the classes such a class extends. A
 * base from JavaScript's or Node's library whose calls on a subclass are known (Error, Map,
 * EventEmitter…: see LIBRARY_BASES) leaves the class closed but for the names the base has. A module
 * that lists the names on a prototype (`Object.getOwnPropertyNames(Object.getPrototypeOf(x))`…)
 * opens every class, and so does importing a JSON, YAML or TOML file (its names are not scanned).
 * A namespace import that `Object.assign(C.prototype, …)` copies onto a class (ClassInfo.mixins)
 * adds its module's exports as members: each runs only when code names it, unless the class is
 * open. Those, and the methods set on a function's prototype, are enumerable: a module that lists
 * enumerable names (`for (key in object)` and lodash's `keysIn` and the like, which list a
 * prototype's too, or `Object.keys` and the like beside a prototype word) reaches them all.
 *
 * What stays out of reach: a member called through a name computed from pieces
 * (`x['for' + 'mat']()`) or read at run time from a file, and a member of a plain class that only
 * a package calls, on an instance the repository hands it.
 */
const REFLECTION = new Set(['getOwnPropertyNames', 'ownKeys', 'getOwnPropertyDescriptors']);
const PROTOTYPE = new Set(['prototype', 'getPrototypeOf', '__proto__']);
/** Functions that list an object's own enumerable names (Object's, and lodash's and the like). */
const ENUMERATION = new Set([
    'keys', 'values', 'entries', 'toPairs', 'forOwn', 'forOwnRight', 'functions', 'mapValues'
]); // prettier-ignore
/**
 * lodash's (and the like's) functions that list or copy the enumerable names of an object's
 * prototypes too, as `for…in` does: given an instance, they reach its prototype's.
 */
const INHERITED_ENUMERATION = new Set([
    'forIn', 'forInRight', 'keysIn', 'valuesIn', 'entriesIn', 'toPairsIn', 'functionsIn',
    'assignIn', 'assignInWith', 'extend', 'extendWith', 'toPlainObject'
]); // prettier-ignore
/**
 * Interfaces of JavaScript's standard library whose members the language calls by names a class
 * leaves out of its calledByName (`length`, `next`, `then`, `Symbol.iterator`…): implementing one
 * opens no member.
 */
const PROTOCOL_INTERFACES = new Set([
    'ArrayLike', 'Iterable', 'Iterator', 'IterableIterator', 'AsyncIterable', 'AsyncIterator',
    'AsyncIterableIterator', 'PromiseLike', 'Disposable', 'AsyncDisposable', 'EventListenerObject'
]); // prettier-ignore
/** LIBRARY_BASES' key for an EventEmitter (the module of EVENTS_MODULES, or its export of that name). */
const EVENT_EMITTER = 'node:events';
/** Node's `events`, and `eventemitter3`, whose emitter has only names Node's has. */
const EVENTS_MODULES = new Set(['events', 'node:events', 'eventemitter3']);
/**
 * Bases from outside the repository that call a subclass's members only by their own names, with
 * an instance of each. Not streams: they call `_final` and `_construct`, which their prototypes
 * lack, and not classes of the DOM or of frameworks, which call members by names of the subclass's
 * (`connectedCallback`, `render`).
 */
const LIBRARY_BASES = new Map([
    ...[Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError].map(kind => [kind.name, () => new kind('', { cause: 0 })]),
    ['AggregateError', () => new AggregateError([], '', { cause: 0 })],
    ['Map', () => new Map()],
    ['Set', () => new Set()],
    ['WeakMap', () => new WeakMap()],
    ['WeakSet', () => new WeakSet()],
    ['Array', () => []],
    ['Promise', () => Promise.resolve()],
    ['Object', () => ({})],
    // Node's stream functions take any EventEmitter, and call it by a stream's names (`pipe` calls
    // `write` and `end`): a socket has them all, and its prototypes end with EventEmitter's.
    [EVENT_EMITTER, () => new external_node_net_.Socket()]
]);
const libraryNamesMemo = new Map();
/**
 * The names base `key` of LIBRARY_BASES has on an instance and its prototypes: the only names by
 * which its own code (and the language) calls a subclass's members, as `new Map(entries)` calls
 * `set` and `once` calls `on`. Read from this Node, so a name added to it counts too.
 */
function libraryNames(key) {
    const known = libraryNamesMemo.get(key);
    const make = LIBRARY_BASES.get(key);
    if (known || !make)
        return known;
    const names = new Set();
    for (let at = make(); at; at = Object.getPrototypeOf(at))
        for (const name of Object.getOwnPropertyNames(at))
            names.add(name);
    libraryNamesMemo.set(key, names);
    return names;
}
/** Data files a module may import that can hold names (JSON, YAML, TOML). */
const NAMES_IN_DATA = /\.(?:json5?|jsonc|ya?ml|toml)$/i;
/** The name code calls a member by: `format` for `format`, and for `prototype.format` (a function's). */
const nameOf = (member) => (member.startsWith('prototype.') ? member.slice(10) : member);
/** Is declaration `key` (`Class.member`, `F.prototype.member`) a member of its class's `calledByName`? */
function calledByName(scan, key) {
    const dot = key.indexOf('.');
    if (dot <= 0)
        return false;
    return (0,model/* own */.ZV)(scan.symbols, key.slice(0, dot))?.class?.calledByName?.includes(key.slice(dot + 1)) ?? false;
}
/**
 * Which names on some prototype a module may list: 'all' (a reflection word and a prototype
 * word), 'enumerable' (`for…in` or a word of INHERITED_ENUMERATION, or an enumeration word and a
 * prototype word: a class's methods are not enumerable, a function's prototype's and a mixin's
 * are), or none.
 */
function namesListed(scan) {
    let reflection = false;
    let enumeration = false;
    let inherited = false;
    let prototype = false;
    for (const symbol of Object.values(scan.symbols))
        for (const word of symbol.words ?? []) {
            if (REFLECTION.has(word))
                reflection = true;
            else if (ENUMERATION.has(word))
                enumeration = true;
            else if (PROTOTYPE.has(word))
                prototype = true;
            else if (word === model/* FOR_IN_WORD */.fG || INHERITED_ENUMERATION.has(word))
                inherited = true;
        }
    if (reflection && prototype)
        return 'all';
    return inherited || (enumeration && prototype) ? 'enumerable' : undefined;
}
/**
 * Forward steps all the walks of one selection may take (about a second on typeorm); when the walks so far
 * say the rest would not fit, member reach gives up and every test that reaches a class counts.
 */
const MEMBER_REACH_BUDGET = 250_000;
/** The least a single walk may take before member reach gives up. */
const WALK_FLOOR = 5_000;
const members_SEP = '\u0000';
const mixinOwnersMemo = new WeakMap();
/** Each name of a module mixed into a class's prototype (ClassInfo.mixins), with the class. */
function mixinOwners(scan) {
    let owners = mixinOwnersMemo.get(scan);
    if (!owners) {
        owners = new Map();
        for (const [name, symbol] of Object.entries(scan.symbols))
            for (const mixin of symbol.class?.mixins ?? [])
                owners.set(mixin, name);
        mixinOwnersMemo.set(scan, owners);
    }
    return owners;
}
function memberReach(graph, budget = MEMBER_REACH_BUDGET) {
    const listing = new Map();
    const listedBy = (scan) => {
        if (!listing.has(scan))
            listing.set(scan, namesListed(scan));
        return listing.get(scan);
    };
    let steps = 0;
    let walks = 0;
    let testsLeft = 0;
    let exhausted = false;
    const exportedClass = (file, exported, depth) => {
        const node = graph.nodes.get(file);
        if (!node || depth > 8)
            return undefined;
        const local = (0,model/* own */.ZV)(node.scan.exports, exported);
        if (local !== undefined)
            return classAt(file, local, depth + 1);
        for (const target of node.exportAll) {
            const found = exportedClass(target, exported, depth + 1);
            if (found)
                return found;
        }
        return undefined;
    };
    /**
     * The class that `name` denotes in `file`; undefined when it may be one of several (a binding
     * with targets under other export conditions: see classesAt).
     */
    const classAt = (file, name, depth = 0) => {
        const node = graph.nodes.get(file);
        if (!node)
            return undefined;
        const binding = node.bindings.get(name);
        if (binding) {
            if (!binding.target || binding.also || binding.imported === WHOLE)
                return undefined;
            return exportedClass(binding.target, exportedName(binding.imported), depth + 1);
        }
        const symbol = (0,model/* own */.ZV)(node.scan.symbols, name);
        return symbol?.class ? { file, name, symbol } : undefined;
    };
    /** Each class that `name` may denote in `file`. */
    const classesAt = (file, name) => {
        const binding = graph.nodes.get(file)?.bindings.get(name);
        if (!binding?.also || binding.imported === WHOLE) {
            const found = classAt(file, name);
            return found ? [found] : [];
        }
        return targetsOfBinding(binding).flatMap(target => exportedClass(target, exportedName(binding.imported), 1) ?? []);
    };
    /**
     * Does interface `name` of `file` leave its class's members closed: one declared in the
     * repository, or a protocol of the standard library (a global, not a package's)?
     */
    const closesMembers = (file, name) => {
        const node = graph.nodes.get(file);
        if (!node)
            return false;
        const binding = node.bindings.get(name);
        if (binding)
            return binding.target !== undefined;
        return (0,model/* own */.ZV)(node.scan.symbols, name) !== undefined || PROTOCOL_INTERFACES.has(name);
    };
    /**
     * The names by which base `name` of a class in `file` calls its members, when it is one of
     * LIBRARY_BASES: a global the module does not shadow, or EventEmitter imported from `events`.
     */
    const libraryBase = (file, name) => {
        const node = graph.nodes.get(file);
        if (!node)
            return undefined;
        const binding = node.bindings.get(name);
        if (!binding)
            return (0,model/* own */.ZV)(node.scan.symbols, name) === undefined ? libraryNames(name) : undefined;
        if (binding.target !== undefined)
            return undefined;
        const events = node.scan.imports.some(record => EVENTS_MODULES.has(record.spec) &&
            !record.typeOnly &&
            record.names?.some(bound => bound.local === name &&
                (bound.imported === '*' || bound.imported === 'default' || bound.imported === 'EventEmitter')));
        return events ? libraryNames(EVENT_EMITTER) : undefined;
    };
    /**
     * Null for a class whose members code outside the repository may call (see above); else the
     * names its bases from outside the repository call its members by (see LIBRARY_BASES): its
     * members of those names run whenever it does.
     */
    const closedMemo = new Map();
    const NONE = new Set();
    const calledByBase = (ref, depth = 0) => {
        const key = ref.file + members_SEP + ref.name;
        const known = closedMemo.get(key);
        if (known !== undefined)
            return known;
        closedMemo.set(key, null); // a cycle of bases is open
        const info = ref.symbol.class;
        let names = null;
        if (info?.calledByName && (info.interfaces ?? []).every(name => closesMembers(ref.file, name))) {
            if (info.base === undefined)
                names = NONE;
            else {
                const base = classAt(ref.file, info.base);
                if (base)
                    names = depth > 16 ? null : calledByBase(base, depth + 1);
                else
                    names = libraryBase(ref.file, info.base) ?? null;
            }
        }
        closedMemo.set(key, names);
        return names;
    };
    const isOpen = (ref) => calledByBase(ref) === null;
    /**
     * The class of `file` whose prototype namespace import `name` is mixed into (see
     * ClassInfo.mixins), with the module whose exports it adds as members; undefined when there is
     * none, or member reach cannot follow it: the binding may be more than one module, a CommonJS
     * module, or one that re-exports all of another.
     */
    const mixedInto = (file, name) => {
        const node = graph.nodes.get(file);
        const owner = node && mixinOwners(node.scan).get(name);
        if (!owner)
            return undefined;
        const binding = node.bindings.get(name);
        if (!binding?.target || binding.also || binding.imported !== WHOLE || binding.typeOnly)
            return undefined;
        const module = graph.nodes.get(binding.target);
        if (!module?.scan.esm || module.scan.lang !== 'js' || module.exportAll.length)
            return undefined;
        return {
            owner: { file, name: owner, symbol: node.scan.symbols[owner] },
            module: binding.target
        };
    };
    const gated = (file, symbol) => {
        const node = graph.nodes.get(file);
        if (!node)
            return false;
        if (!calledByName(node.scan, symbol)) {
            const mixin = mixedInto(file, symbol);
            return !!mixin && !isOpen(mixin.owner);
        }
        const dot = symbol.indexOf('.');
        const owner = symbol.slice(0, dot);
        if (node.bindings.has(owner))
            return false;
        const ref = { file, name: owner, symbol: node.scan.symbols[owner] };
        return calledByBase(ref)?.has(nameOf(symbol.slice(dot + 1))) === false;
    };
    /** What a test reaches, by a forward walk that opens members as their names turn up. */
    const walk = (test, targets, cap, erasure) => {
        const stepsBefore = steps;
        const files = new Set();
        /** Each node reached, with the node it was reached from. */
        const parent = new Map();
        const found = targets.map(() => false);
        let left = targets.length;
        const targetIds = new Map();
        const targetFiles = new Map();
        targets.forEach((target, i) => {
            if (target.key === undefined)
                pushTo(targetFiles, target.file, i);
            else
                pushTo(targetIds, target.file + members_SEP + target.key, i);
        });
        const hit = (at, id) => {
            for (const i of at ?? [])
                if (!found[i]) {
                    found[i] = [
                        ...chainOf(parent, id).filter(step => step !== test && !step.startsWith(test + '#')),
                        test
                    ];
                    left--;
                }
        };
        const queue = [];
        const names = new Set();
        let everything = false;
        /** Once true, the enumerable members (see namesListed) are reached with their class. */
        let enumerated = false;
        /** Members waiting for their name: name → node ids; and by class, for classes forced open. */
        const waitingByName = new Map();
        const waitingByClass = new Map();
        const waitingEnumerable = [];
        /** The node each member waiting was found from: its class, or the code that mixes it in. */
        const waitingFrom = new Map();
        const wait = (name, owner, id, enumerable) => {
            if (!waitingFrom.has(id)) {
                waitingFrom.set(id, from);
                pushTo(waitingByName, name, id);
                if (enumerable)
                    waitingEnumerable.push(id);
            }
            // A module mixed into two classes waits for either to open.
            pushTo(waitingByClass, owner, id);
        };
        const forced = new Set();
        let from = null;
        const visit = (file, key) => {
            const id = file + members_SEP + key;
            if (parent.has(id))
                return;
            parent.set(id, from);
            queue.push(id);
        };
        /** Visits members that were waiting, each from its class. */
        const release = (ids) => {
            for (const id of ids ?? []) {
                if (parent.has(id))
                    continue;
                parent.set(id, waitingFrom.get(id));
                queue.push(id);
            }
        };
        const mention = (words) => {
            for (const word of words ?? []) {
                if (names.has(word))
                    continue;
                names.add(word);
                release(waitingByName.get(word));
                waitingByName.delete(word);
            }
        };
        const forceOpen = (ref) => {
            const key = ref.file + members_SEP + ref.name;
            if (forced.has(key))
                return;
            forced.add(key);
            release(waitingByClass.get(key));
            waitingByClass.delete(key);
            const baseName = ref.symbol.class?.base;
            if (baseName !== undefined)
                for (const base of classesAt(ref.file, baseName))
                    forceOpen(base);
        };
        visit(test, WHOLE);
        for (let q = 0; q < queue.length && left > 0; q++) {
            if (++steps - stepsBefore > cap) {
                exhausted = true;
                break;
            }
            const id = queue[q];
            from = id;
            const sep = id.indexOf(members_SEP);
            const file = id.slice(0, sep);
            const key = id.slice(sep + 1);
            const node = graph.nodes.get(file);
            if (erasure && node && isTypeKey(node, key, erasure))
                continue;
            if (!files.has(file)) {
                files.add(file);
                hit(targetFiles.get(file), id);
            }
            hit(targetIds.get(id), id);
            // Names can come from a data file the test imports (a table of cases): it is not scanned.
            const listed = everything ? undefined : node ? listedBy(node.scan) : NAMES_IN_DATA.test(file) && 'all';
            if (listed === 'all') {
                everything = true;
                for (const ids of waitingByName.values())
                    release(ids);
                waitingByName.clear();
            }
            else if (listed === 'enumerable' && !enumerated) {
                enumerated = true;
                release(waitingEnumerable);
            }
            if (!node)
                continue;
            // A class's members called by name are reached through the class, not by WHOLE.
            const symbol = stepForward(node, key, visit, name => calledByName(node.scan, name), graph.nodes, erasure);
            if (!symbol)
                continue;
            mention(symbol.words);
            const classRef = { file, name: key, symbol };
            const open = symbol.class !== undefined && (everything || forced.has(file + members_SEP + key) || isOpen(classRef));
            const byBase = open || !symbol.class ? NONE : (calledByBase(classRef) ?? NONE);
            const callable = !open && symbol.class?.calledByName
                ? new Set(symbol.class.calledByName.filter(member => !byBase.has(nameOf(member))))
                : undefined;
            for (const ref of localRefs(node, key, symbol, graph.nodes)) {
                const mixin = key === model/* MODULE_SYMBOL */.se ? mixedInto(file, ref) : undefined;
                if (mixin) {
                    const owner = mixin.owner;
                    if (!everything && !forced.has(file + members_SEP + owner.name) && !isOpen(owner)) {
                        // The module loads; each export runs once code names it on an instance.
                        visit(mixin.module, LOAD);
                        const byOwnersBase = calledByBase(owner) ?? NONE;
                        for (const name of Object.keys(graph.nodes.get(mixin.module).scan.exports)) {
                            if (names.has(name) || byOwnersBase.has(name) || enumerated)
                                visit(mixin.module, `export:${name}`);
                            else
                                wait(name, file + members_SEP + owner.name, mixin.module + members_SEP + `export:${name}`, true);
                        }
                        continue;
                    }
                }
                const member = ref.startsWith(key + '.') ? ref.slice(key.length + 1) : undefined;
                const enumerable = member !== undefined && member !== nameOf(member);
                if (member === undefined ||
                    !callable?.has(member) ||
                    names.has(nameOf(member)) ||
                    (enumerated && enumerable)) {
                    visit(file, ref);
                    if (open && member === undefined) {
                        for (const header of classesAt(file, ref))
                            forceOpen(header);
                    }
                    continue;
                }
                wait(nameOf(member), file + members_SEP + key, file + members_SEP + ref, enumerable);
            }
        }
        return found;
    };
    return {
        gated,
        reachable(test, targets, erasure) {
            if (!exhausted && walks > 0 && steps + (steps / walks) * testsLeft > budget)
                exhausted = true;
            // One walk may take a few times its share of what is left, and never more than all of it.
            const cap = Math.min(budget - steps, Math.max(WALK_FLOOR, ((budget - steps) / Math.max(1, testsLeft)) * 4));
            testsLeft--;
            if (exhausted)
                return targets.map(() => true);
            walks++;
            const found = walk(test, targets, cap, erasure);
            return exhausted ? targets.map(() => true) : found;
        },
        plan(tests) {
            testsLeft = tests;
        },
        get exhausted() {
            return exhausted;
        }
    };
}

// EXTERNAL MODULE: ./src/select/scan-cache.ts
var scan_cache = __webpack_require__(6296);
// EXTERNAL MODULE: ./src/agent/syntax.ts
var syntax = __webpack_require__(83946);
;// CONCATENATED MODULE: ./src/select/js-syntax.ts
/**
 * The parser's message when a JavaScript or TypeScript file does not parse, else undefined. Loose
 * where a module may be (top-level return and await), strict on grammar.
 */
function jsSyntaxError(path, text, parseWith) {
    const typescript = /\.[cm]?tsx?$/.test(path);
    try {
        parseWith(text, {
            sourceType: 'unambiguous',
            allowReturnOutsideFunction: true,
            allowAwaitOutsideFunction: true,
            errorRecovery: false,
            plugins: typescript
                ? [...(/x$/.test(path) ? ['jsx'] : []), 'typescript', 'decorators-legacy']
                : ['jsx', 'decorators-legacy']
        });
        return undefined;
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
}

;// CONCATENATED MODULE: ./src/select/syntax.ts




/**
 * Whether a changed source file still parses. A file that does not fails every test that loads it,
 * whichever symbol the edit touched, and the token scanner cannot see most grammar errors
 * (`return 2 +* 1`). Returns the parser's message, or undefined when the file parses (or its
 * language has no parser here). A parser that rejects valid code only makes more tests run, so
 * JavaScript and TypeScript go through @babel/parser (about 40 ms to load) rather than the
 * TypeScript parser the fixer's checkSyntax uses (about 0.4 s), which would double a selection.
 */
async function syntaxErrorIn(path, text, repoDir) {
    if (/\.py$/.test(path)) {
        const check = await (0,syntax/* checkSyntax */.k)(path, text, repoDir);
        return check.problems[0]?.message;
    }
    if (!(0,model/* isJsLike */.Pp)(path))
        return undefined;
    return jsSyntaxError(path, text, await loadParse());
}
let parser;
const loadParse = () => (parser ??= __webpack_require__.e(/* import() */ 429).then(__webpack_require__.bind(__webpack_require__, 5429)).then(babel => babel.parse));
const sameText = (a, b) => a === b || a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
/**
 * Syntax checks of changed JavaScript and TypeScript files on a worker thread, on the second core
 * while this thread builds the graph: loading the parser (about 46 ms here) leaves this thread, which
 * pays only for sharing the machine (about 10 ms on two cores).
 * Without the worker (the sources run as they are, or it fails) each check runs here.
 */
class SyntaxChecks {
    repoDir;
    worker;
    answers = new Map();
    workerScript;
    /** `workerScript`: the bundled worker, by default the one beside the running bundle; null for none. */
    constructor(repoDir, workerScript = bundledWorker('syntax-worker') ?? null) {
        this.repoDir = repoDir;
        this.workerScript = workerScript ?? undefined;
    }
    /** How many checks the worker answered. */
    get answeredByWorker() {
        return this.worker?.answered ?? 0;
    }
    /** Starts checking `text` as the file `path`: on the worker, started on first use, if there is one. */
    check(path, text) {
        if (!(0,model/* isJsLike */.Pp)(path) || this.answers.has(path))
            return;
        const worker = this.start();
        if (!worker?.running)
            return;
        // Should the worker stop first, the file is parsed here.
        const error = worker
            .ask({ path, text })
            .then(answer => (answer ? answer.error : syntaxErrorIn(path, text, this.repoDir)));
        this.answers.set(path, { text, error });
    }
    /**
     * Starts the worker ahead of the first check, so that it loads the parser while this thread is
     * busy (reading files); idle, it does not keep the process alive.
     */
    prepare() {
        this.start();
    }
    /** The parser's message for `path` as `text`: the worker's when it checked the same text. */
    errorIn(path, text) {
        const checked = this.answers.get(path);
        if (checked && sameText(checked.text, text))
            return checked.error;
        return syntaxErrorIn(path, text, this.repoDir);
    }
    close() {
        this.worker?.close();
    }
    start() {
        if (this.workerScript)
            this.worker ??= new QuestionWorker(this.workerScript);
        return this.worker;
    }
}

// EXTERNAL MODULE: ./src/runners/coverage-map.ts
var coverage_map = __webpack_require__(32602);
;// CONCATENATED MODULE: ./src/select/coverage.ts




async function coverageEvidence(git, map, base) {
    const tests = new Map();
    const unusable = [];
    const commits = [];
    let outdated = 0;
    const baseCommit = (await git.tryRun(['rev-parse', '--verify', '-q', `${base}^{commit}`])).stdout.trim();
    for (const run of map.runs) {
        const short = run.commit.slice(0, 12);
        const known = await git.tryRun(['cat-file', '-e', `${run.commit}^{commit}`]);
        if (known.exitCode !== 0) {
            unusable.push(`coverage recorded at ${short} is not usable: that commit is not in this clone`);
            continue;
        }
        const index = new Map(run.sources.map((source, i) => [source.path, i]));
        const changed = run.commit === baseCommit
            ? []
            : (await git.run(['diff', '--name-only', '-z', '--no-renames', run.commit, base]))
                .split('\0')
                .filter(Boolean);
        const unseen = changed.find(path => !index.has(path));
        if (unseen) {
            unusable.push(`coverage recorded at ${short} is not usable: ${unseen} changed since, and coverage does not show who reads it`);
            continue;
        }
        const changedPaths = new Set(changed);
        const changedSources = new Set(changed.map(path => index.get(path)));
        for (const [test, entry] of Object.entries(run.tests)) {
            if (tests.has(test))
                continue;
            if (changedPaths.has(test) || Object.keys(entry).some(at => changedSources.has(Number(at)))) {
                outdated++;
                continue;
            }
            tests.set(test, { run, entry, index });
        }
        commits.push(run.commit);
    }
    const covering = new Map();
    return {
        current: tests.size,
        outdated,
        unusable,
        commits,
        commitOf: test => tests.get(test)?.run.commit,
        covers: (test, file) => tests.get(test)?.index.has(file) === true,
        testsCovering(file) {
            let list = covering.get(file);
            if (!list) {
                list = [...tests].filter(([, current]) => current.index.has(file)).map(([test]) => test);
                covering.set(file, list);
            }
            return list;
        },
        loaded(test, file) {
            const current = tests.get(test);
            const at = current?.index.get(file);
            return at !== undefined && Object.hasOwn(current?.entry ?? {}, String(at));
        },
        loadedFiles(test) {
            const current = tests.get(test);
            if (!current)
                return [];
            return Object.keys(current.entry).flatMap(at => current.run.sources[Number(at)]?.path ?? []);
        },
        ran(test, file) {
            const current = tests.get(test);
            const at = current?.index.get(file);
            if (!current || at === undefined)
                return undefined;
            const source = current.run.sources[at];
            const encoded = current.entry[String(at)];
            if (!source?.exact || encoded === undefined)
                return undefined;
            return (0,coverage_map/* decodeIndices */.Eb)(encoded).flatMap(fn => [
                source.fns[fn * 2],
                source.fns[fn * 2 + 1]
            ]);
        }
    };
}
/**
 * Decides, with coverage evidence, whether a change can affect a test (see CoverageEvidence).
 * `affects` is undefined when the evidence does not speak for the test and the file: the static
 * graph decides then.
 */
class CoverageFilter {
    evidence;
    changes;
    texts;
    gone;
    runElsewhere;
    spans = new Map();
    constructor(evidence, changes, texts, 
    /**
     * Files deleted or renamed away: a test that never loaded one can still need it to exist
     * (`jest.mock('./gone', factory)` resolves the path), so the graph decides for them.
     */
    gone = new Set(), 
    /**
     * Whether a process or thread the test starts (a script or worker it names by path) may load
     * `file`: coverage recorded in the test's own process does not see that run, so the graph decides.
     */
    runElsewhere = () => false) {
        this.evidence = evidence;
        this.changes = changes;
        this.texts = texts;
        this.gone = gone;
        this.runElsewhere = runElsewhere;
    }
    /**
     * `false`: the change cannot affect the test. `ran`: the test ran the changed code (it loaded a
     * file changed as a whole or at module level, or ran the changed function). `maybe`: it loaded
     * the file and coverage cannot tell more. Undefined: no evidence for this test and file.
     */
    affects(test, file, symbol) {
        const verdict = this.inProcess(test, file, symbol);
        return verdict === false && this.runElsewhere(test, file) ? undefined : verdict;
    }
    inProcess(test, file, symbol) {
        if (!this.evidence.covers(test, file))
            return undefined;
        if (!this.evidence.loaded(test, file))
            return this.gone.has(file) ? undefined : false;
        const change = this.changes.get(file);
        if (!change || change.whole || symbol === undefined || symbol === model/* MODULE_SYMBOL */.se)
            return 'ran';
        const versions = this.versionsOf(file);
        const before = versions?.base.get(symbol);
        const after = versions?.head.get(symbol);
        const ran = this.evidence.ran(test, file);
        const within = versions && before && ran ? ranWithin(ran, before.spans, versions.lineStarts) : undefined;
        if (within)
            return 'ran';
        if (within === undefined || !before?.fn || !after?.fn || before.shape !== after.shape)
            return 'maybe';
        return false;
    }
    /** The changed code of `file` the test surely ran (see `affects`), for tests the static graph did not reach. */
    ranChanges(test, file) {
        const change = this.changes.get(file);
        if (!change)
            return [];
        if (change.whole)
            return this.affects(test, file, undefined) === 'ran' ? ['*'] : [];
        return [...change.symbols].filter(symbol => this.affects(test, file, symbol) === 'ran');
    }
    versionsOf(file) {
        let known = this.spans.get(file);
        if (known === undefined) {
            const text = this.texts(file);
            known =
                text?.base !== undefined && text.head !== undefined && !text.exportsMoved
                    ? {
                        ...(file.endsWith('.py')
                            ? pythonSymbolSpans(text.base, text.head)
                            : { base: (0,js_scanner/* symbolSpans */.On)(text.base, file), head: (0,js_scanner/* symbolSpans */.On)(text.head, file) }),
                        lineStarts: lineStartsOf(text.base)
                    }
                    : null;
            this.spans.set(file, known);
        }
        return known ?? undefined;
    }
}
/**
 * Whether one of the function starts (line, column pairs) lies in one of the spans; undefined when
 * a start is past the file's end (the recording does not match this text).
 */
function ranWithin(ran, spans, lineStarts) {
    for (let i = 0; i + 1 < ran.length; i += 2) {
        const start = lineStarts[ran[i] - 1];
        if (start === undefined)
            return undefined;
        const offset = start + ran[i + 1];
        if (spans.some(([from, to]) => offset >= from && offset < to))
            return true;
    }
    return false;
}
function lineStartsOf(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            starts.push(i + 1);
    return starts;
}

;// CONCATENATED MODULE: ./src/select/index.ts
























/** A file in a fixture folder: the folder's parent holds the tests that read it. */
const FIXTURE_FOLDER = /^(.*?)(?:^|\/)(?:__fixtures__|fixtures|__testfixtures__|testdata|test-data)\//;
const CONFIG_NAMES = /(?:^|\/)(?:package\.json|[tj]sconfig(?:\.[\w-]+)?\.json|jest\.config\.[cm]?[jt]s(?:on)?|\.mocharc\.(?:jsonc?|ya?ml|c?js)|pnpm-workspace\.yaml|go\.mod|\.?pytest\.ini|pyproject\.toml|tox\.ini|setup\.cfg|conftest\.py)$/;
/**
 * babel's and SWC's configs: whether they keep the imports that take only types, or emit
 * decorator metadata (see valueImportKeeper, emitsDecoratorMetadata).
 */
const TRANSPILER_CONFIG = /(?:^|\/)(?:\.babelrc(?:\.json|\.[cm]?js)?|babel\.config\.(?:json|[cm]?[jt]s)|\.swcrc)$/;
/**
 * The modules whose value imports a config of the repository keeps whatever they take (see
 * TypeErasure.keepsValueImports):
 * - a tsconfig's `verbatimModuleSyntax`, `preserveValueImports` or `importsNotUsedAsValues`
 *   preserve/error, set there or in a config it extends (or, with `unreadBases`, one it extends
 *   that cannot be read), keeps them in the modules it compiles: a `tsconfig.json` (or
 *   `jsconfig.json`), which tools find as the nearest to a module, those of its folder; a config
 *   under another name (`tsconfig.spec.json`), which a tool of its package is pointed at, those of
 *   its package (the folder of the nearest package.json); and those its `include` names;
 * - a tsconfig ts-jest is given in a jest config (`tsJestConfigs`), everywhere: ts-jest compiles
 *   with it every module a test loads (with `unreadBases`, one that is not read too);
 * - babel's `onlyRemoveTypeImports`, and the tsconfig options set in any other config (SWC's
 *   `verbatimModuleSyntax`, ts-jest's inline `tsconfig`, vite's `esbuild.tsconfigRaw`), keep them
 *   everywhere.
 */
function valueImportKeeper(configText, files, tsconfigs, { unreadBases = true, tsJestConfigs = [] } = {}) {
    // Any other config that sets one (an .swcrc, ts-jest's inline `tsconfig`, vite's `oxc` or
    // `esbuild.tsconfigRaw`) is taken to compile every module.
    const tsconfigPaths = new Set([...tsconfigs.values()].flatMap(chain => chain.paths));
    for (const [path, text] of configText)
        if (/onlyRemoveTypeImports["']?\s*:\s*true/.test(text) ||
            (!tsconfigPaths.has(path) && keepsImportsOption(text)))
            return () => true;
    const keeps = (chain) => (unreadBases && chain.missing.length > 0) || chain.texts.some(keepsImportsOption);
    // ts-jest compiles every module a test loads with the tsconfig it is given, wherever the
    // module is, and whatever that config's own folder and `include` take.
    for (const config of tsJestConfigs) {
        const chain = tsconfigs.get(config);
        // One not read (not in the repository at the path guessed) may set anything.
        if (chain ? keeps(chain) : unreadBases)
            return () => true;
    }
    const scopes = new Set();
    for (const [config, chain] of tsconfigs) {
        if (!keeps(chain))
            continue;
        const name = config.slice(config.lastIndexOf('/') + 1);
        scopes.add(name === 'tsconfig.json' || name === 'jsconfig.json' ? (0,project/* dirname */.pD)(config) : packageFolderOf(config, files));
        for (const folder of chain.includes)
            scopes.add(folder);
    }
    if (scopes.has(''))
        return () => true;
    if (scopes.size === 0)
        return () => false;
    return path => {
        for (const scope of scopes)
            if (path.startsWith(scope) && path[scope.length] === '/')
                return true;
        return false;
    };
}
/**
 * Whether a config of the repository emits decorator metadata (a tsconfig's
 * `emitDecoratorMetadata`, SWC's `decoratorMetadata`, babel's typescript-metadata plugin). A
 * compiler that sees one module at a time (SWC, babel, ts-jest's isolatedModules) cannot tell a
 * type from a value, so it keeps the import of every name a decorated class annotates with.
 */
function emitsDecoratorMetadata(configText, tsconfigs) {
    const metadata = (text) => /["']?(?:emitDecoratorMetadata|decoratorMetadata)["']?\s*:\s*true|typescript-metadata/.test(text);
    return ([...configText.values()].some(metadata) ||
        [...tsconfigs.values()].some(chain => chain.texts.some(metadata)));
}
/** The folder of the package.json nearest to `path` ('' for none but the repository's). */
function packageFolderOf(path, files) {
    for (let dir = (0,project/* dirname */.pD)(path); dir !== ''; dir = (0,project/* dirname */.pD)(dir))
        if (files.has(`${dir}/package.json`))
            return dir;
    return '';
}
/** A tsconfig option, in a tsconfig or any other config, that keeps every value import (see valueImportKeeper). */
function keepsImportsOption(text) {
    return (/["']?(?:verbatimModuleSyntax|preserveValueImports)["']?\s*:\s*true/.test(text) ||
        /["']?importsNotUsedAsValues["']?\s*:\s*["'](?:preserve|error)["']/.test(text));
}
/** The files under `top` on disk, by path from it; none above it. */
function filesUnder(top) {
    const within = (path) => path !== '..' && !path.startsWith('../') && !path.startsWith('/');
    return {
        has: path => within(path) && (0,external_node_fs_.statSync)((0,external_node_path_.join)(top, path), { throwIfNoEntry: false })?.isFile() === true,
        read: path => {
            if (!within(path))
                return undefined;
            try {
                return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(top, path), 'utf8');
            }
            catch {
                return undefined;
            }
        }
    };
}
function isConfigEntry(entry) {
    const path = entry.path;
    // The names CONFIG_NAMES takes end so; tens of thousands of other paths skip the pattern.
    const named = path.endsWith('.json') ||
        path.endsWith('.yaml') ||
        path.endsWith('.mod') ||
        path.endsWith('.ini') ||
        path.endsWith('.toml') ||
        path.endsWith('.cfg') ||
        path.includes('jest.config.') ||
        path.includes('.mocharc.') ||
        path.endsWith('conftest.py');
    return ((named && CONFIG_NAMES.test(path) && !path.includes('node_modules/')) ||
        ((path.includes('babel') || path.endsWith('.swcrc')) &&
            TRANSPILER_CONFIG.test(path) &&
            !path.includes('node_modules/')) ||
        ((0,project/* isJestConfigFile */.Nh)(path) && !path.includes('node_modules/')) ||
        isAliasConfig(path) ||
        ((0,project/* isVitestProjectFile */.j_)(path) && !path.includes('node_modules/')));
}
/**
 * Adds to `configText` the configs that others name under names no listing rule takes (see
 * namedConfigs), read from git once the configs that name them are: a tsconfig's base may extend
 * another.
 */
async function readNamedConfigs(git, entries, files, configText) {
    for (let round = 0; round < 8; round++) {
        const wanted = new Set();
        for (const path of (0,project/* namedConfigs */.Hh)(p => configText.get(p), configText.keys(), files).keys())
            if (!configText.has(path))
                wanted.add(path);
        const named = wanted.size ? entries.filter(entry => wanted.has(entry.path)) : [];
        if (named.length === 0)
            return;
        const blobs = await readBlobs(git.dir, named.map(entry => entry.sha));
        for (const entry of named)
            configText.set(entry.path, blobs.get(entry.sha)?.toString('utf8') ?? '');
    }
}
/** Each jest project's setup files, as found in the repository. */
function setupFilesOf(jest, resolver) {
    return jest.map(settings => [
        ...new Set(settings.setupFiles.flatMap(file => {
            const found = (settings.rootDir ? resolver.tryPath((0,project/* joinPath */.uJ)(settings.rootDir, file)) : undefined) ??
                resolver.tryPath(file);
            return found ? [found] : [];
        }))
    ]);
}
/**
 * For each JavaScript test file, the setup files of its jest project that exist in the repository;
 * of a vitest run's projects, those of each project that takes the file.
 */
function setupLoader(jest, setupFiles, isTest) {
    const projects = jest.map((settings, i) => ({
        settings,
        files: setupFiles[i] ?? [],
        takes: once(() => (0,project/* makeTestMatcher */.bq)([settings]))
    }));
    if (projects.every(project => project.files.length === 0))
        return () => [];
    const holds = (dir, path) => !dir || path.startsWith(dir + '/');
    return path => {
        if (!(0,model/* isJsLike */.Pp)(path) || !isTest(path))
            return [];
        const first = projects.find(({ settings }) => holds(settings.dir, path));
        const group = first?.settings.group;
        if (group === undefined)
            return first?.files ?? [];
        const taking = projects.filter(({ settings, takes }) => settings.group === group && holds(settings.dir, path) && takes()(path));
        return [...new Set(taking.flatMap(project => project.files))];
    };
}
/** `make()`, made on first use. */
function once(make) {
    let made;
    return () => (made ??= { value: make() }).value;
}
/** A revision's files, with its jest settings, test matcher and resolver (from its config files). */
function revisionOf(head, entries, files, configText, installed, memo) {
    const configs = [...configText.keys()];
    const text = (path) => configText.get(path);
    const read = Object.assign(text, {
        packageDir: (0,project/* workspacePackageDirs */.kU)(text, configs.filter(path => /(?:^|\/)package\.json$/.test(path)))
    });
    const jest = [];
    const jestDirs = new Set(['']);
    for (const path of configText.keys())
        if (/(?:^|\/)(?:jest\.config\.[cm]?[jt]s(?:on)?|package\.json)$/.test(path))
            jestDirs.add((0,project/* dirname */.pD)(path));
    for (const dir of [...jestDirs].sort((a, b) => b.length - a.length)) {
        jest.push(...(0,project/* loadTestSettings */.k$)(read, dir, configs));
    }
    // The deepest folder first (see makeTestMatcher); a vitest project may be deeper than its run.
    jest.sort((a, b) => b.dir.length - a.dir.length);
    const tsconfigs = once(() => (0,project/* tsconfigChains */.W0)(read, configs, files, installed));
    settleTsJestIsolation(jest, read, files, tsconfigs, installed);
    const resolver = new Resolver(files, read, jest, memo, configs);
    const pytestDirs = new Set();
    for (const path of configText.keys())
        if (project/* PYTEST_CONFIGS */.iL.includes(path.slice(path.lastIndexOf('/') + 1)))
            pytestDirs.add((0,project/* dirname */.pD)(path));
    const pytest = [...pytestDirs]
        .sort((a, b) => b.length - a.length)
        .flatMap(dir => (0,project/* loadPytestSettings */.ng)(read, dir) ?? []);
    const conftestIgnores = [...configText]
        .filter(([path]) => path === 'conftest.py' || path.endsWith('/conftest.py'))
        .flatMap(([path, text]) => collectIgnoreOf(text, (0,project/* dirname */.pD)(path)) ?? []);
    const isTest = (0,project/* makeTestMatcher */.bq)(jest, pytest, conftestIgnores);
    const setupFiles = setupFilesOf(jest, resolver);
    return {
        head,
        entries,
        files,
        configText,
        jest,
        isTest,
        resolver,
        tsconfigs,
        setupFiles,
        setupLoadsOf: setupLoader(jest, setupFiles, isTest)
    };
}
/**
 * Turns ts-jest's type checking off in the jest configs whose ts-jest compiles each module alone
 * because the tsconfig it compiles with sets `isolatedModules` (see tsJestIsolatedByTsconfig):
 * then a type error fails no test. `installed`: the work tree's files, for the ts-jest installed.
 */
function settleTsJestIsolation(jest, read, files, tsconfigs, installed) {
    if (!jest.some(settings => settings.isolationFromTsconfig))
        return;
    const chains = tsconfigs();
    jest.forEach((settings, i) => {
        if (!settings.isolationFromTsconfig)
            return;
        const version = (0,project/* tsJestVersion */.EW)(settings.rootDir, read, installed);
        if ((0,project/* tsJestIsolatedByTsconfig */.nM)(settings, files, chains, version))
            jest[i] = { ...settings, typeChecked: false };
    });
}
/** What the configs are: their paths and texts. */
function configFingerprint(configText) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const [path, text] of configText)
        hash.update(`\u0000${path}\u0001${text}`);
    return hash.digest('base64url').slice(0, 22);
}
/**
 * At most this many files, or this share of them, added or deleted since the cache, for the graph
 * to be patched: past that, linking every module costs less than finding which to link again.
 */
const FEW_FILES_CHANGED = 64;
const MOST_FILES_CHANGED = 0.05;
function revisionBefore(cache, fingerprint, configPrint, files) {
    const previous = cache.loaded ? cache.previousResolutions() : undefined;
    if (!previous || previous.fingerprint === fingerprint)
        return undefined;
    const { revision } = previous;
    const colon = revision.configPrint.indexOf(':');
    if (colon < 0 || revision.configPrint.slice(0, colon) !== configPrint)
        return undefined;
    const change = fileListChange([...revision.tree, ...revision.extra], files);
    const changedFiles = [...change.added, ...change.deleted];
    if (changedFiles.length > Math.max(FEW_FILES_CHANGED, files.size * MOST_FILES_CHANGED) ||
        changedFiles.some(changesEverything))
        return undefined;
    return {
        fingerprint: previous.fingerprint,
        resolutions: previous.resolutions,
        change,
        scannedBefore: revision.tree.filter(path => scanKindOf(path) !== undefined),
        setupPrint: revision.configPrint.slice(colon + 1)
    };
}
function carryAcross(before, resolver) {
    return { ...before, dropped: carryResolutions(before.resolutions, before.change, resolver) };
}
/**
 * The snapshot of the previous revision, and the modules to link again: those with an import that
 * now resolves otherwise, and those whose strings, glob imports or packages may take an added or
 * deleted file (see relink.ts).
 */
function relinkAcross(carried, cache, resolver, scans) {
    const previous = cache.graphSnapshot(carried.fingerprint, carried.scannedBefore);
    if (!previous)
        return undefined;
    const relink = new Set();
    const anew = resolvedAnew(carried.dropped, resolver);
    for (const [path, scan] of scans) {
        const specs = anew.get((0,project/* dirname */.pD)(path));
        if (specs && scan.imports.some(record => specs.has(record.spec)))
            relink.add(path);
    }
    const { added, deleted } = carried.change;
    for (const file of [...added, ...deleted])
        for (const key of senseKeysOf(file))
            for (const at of previous.sense[key] ?? [])
                relink.add(previous.paths[at]);
    return { previous, deleted: new Set(deleted), relink };
}
/** Up to this many files to scan are read from git, with no check of the work tree first. */
const FEW_MISSES = 256;
/**
 * What the saved resolutions and graph depend on: the files (those of the tree, in its order, then
 * the others) and the config texts.
 */
function revisionFingerprint(entries, others, configText) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(entries.map(entry => entry.path).join('\n'));
    hash.update(`\u0002${others.join('\n')}`);
    for (const [path, text] of configText)
        hash.update(`\u0000${path}\u0001${text}`);
    return hash.digest('base64url').slice(0, 22);
}
/**
 * Builds the symbol-level graph of a revision: lists its files, scans every source file (or takes
 * the scan from the cache, by blob SHA) and resolves every import.
 */
async function buildRepositoryGraph(git, head, options = {}) {
    const listing = options.listing ?? listTree(git, head);
    const cache = options.cache ?? new scan_cache/* ScanCache */.E(undefined);
    // Parse the cache file while git lists the tree (another process). With no cache every file is
    // read, so the work tree is checked at once; with one, only if the cache misses many files:
    // `git status` costs more CPU than reading a few blobs from git.
    const checkedOut = options.workTree ?? (cache.loaded ? undefined : workTreeAt(git, head));
    if (cache.loaded)
        cache.prepareResolutions();
    const entries = await listing;
    const configEntries = entries.filter(isConfigEntry);
    const configShas = new Set(configEntries.map(e => e.sha));
    const configBlobs = new Map();
    const extraShas = new Set();
    const extraBlobs = new Map();
    const missingBySha = new Map();
    // The scan of each file of `scanned`, at the same index.
    const found = [];
    let batch;
    const fromGit = (shas) => {
        if (shas.size === 0)
            return;
        batch ??= openBlobBatch(git.dir, (sha, blob) => {
            if (configShas.has(sha))
                configBlobs.set(sha, blob);
            if (extraShas.has(sha))
                extraBlobs.set(sha, blob);
            for (const { entry, kind, key, at } of missingBySha.get(sha) ?? []) {
                if (found[at])
                    continue;
                const scan = scanBlob(kind, blob, entry.path, false);
                cache.set(key, scan);
                found[at] = scan;
            }
        });
        batch.request(shas);
    };
    const files = new Set();
    let extraFiles = [];
    const keys = new Map();
    const scanned = [];
    const missing = [];
    try {
        // With a scan cache the work tree is looked at only when many files miss it: git gives the
        // configs, starting now, while this thread goes through the files.
        const configsFromGit = checkedOut === undefined;
        if (configsFromGit)
            fromGit(configShas);
        for (const entry of entries) {
            files.add(entry.path);
            const kind = scanKindOf(entry.path);
            if (!kind)
                continue;
            const key = nodeKey(entry.sha, kind);
            const at = scanned.push(entry) - 1;
            keys.set(entry.path, key);
            const cached = cache.get(key);
            found.push(cached);
            if (!cached)
                missing.push({ entry, kind, key, at });
        }
        const missingByKey = new Map();
        for (const item of missing) {
            pushTo(missingBySha, item.entry.sha, item);
            pushTo(missingByKey, item.key, item);
        }
        extraFiles = (await options.extraFiles) ?? [];
        for (const extra of extraFiles)
            files.add(extra);
        for (const sha of (await options.extraBlobs) ?? [])
            extraShas.add(sha);
        // A work tree clean at head is read directly (faster than inflating objects); git gives the rest.
        const workTree = await (checkedOut ?? (missing.length > FEW_MISSES ? workTreeAt(git, head) : undefined));
        const configsRead = configsFromGit
            ? []
            : await takeFromWorkTree(workTree, configEntries.map(entry => entry.path), (_, blob) => blob);
        configEntries.forEach((entry, i) => {
            const blob = configsRead[i];
            if (!blob)
                return;
            configBlobs.set(entry.sha, blob);
            configShas.delete(entry.sha);
        });
        const readable = [...missingByKey.values()]
            .map(items => items[0])
            .filter(({ entry }) => !extraShas.has(entry.sha) && !configShas.has(entry.sha));
        // Each file scanned as soon as it is read: no file's bytes outlive its scan.
        const fromWorkTree = await takeFromWorkTree(workTree, readable.map(({ entry }) => entry.path), (i, blob) => {
            const { entry, kind } = readable[i];
            return scanBlob(kind, blob, entry.path, false);
        });
        fromWorkTree.forEach((scan, i) => {
            if (!scan)
                return;
            const { key } = readable[i];
            cache.set(key, scan);
            for (const item of missingByKey.get(key) ?? [])
                found[item.at] = scan;
        });
        fromGit(new Set([
            ...missing.filter(({ at }) => !found[at]).map(({ entry }) => entry.sha),
            ...(configsFromGit ? [] : configShas),
            ...extraShas
        ]));
        await batch?.close();
    }
    finally {
        // Whatever failed, git is not left waiting for more requests.
        void batch?.close();
    }
    for (const { key, at } of missing) {
        if (found[at])
            continue;
        const scan = { ...(0,model/* emptyScan */.$6)('data'), error: 'blob missing' };
        cache.set(key, scan);
        found[at] = scan;
    }
    // In tree order, whatever came from the cache, so that graphs of the same files line up.
    const scans = new Map();
    scanned.forEach((entry, i) => scans.set(entry.path, found[i]));
    let entryOf;
    const configText = new Map();
    for (const entry of configEntries) {
        const blob = configBlobs.get(entry.sha);
        if (blob)
            configText.set(entry.path, blob.toString('utf8'));
    }
    await readNamedConfigs(git, entries, files, configText);
    const fingerprint = revisionFingerprint(entries, extraFiles, configText);
    const configPrint = configFingerprint(configText);
    const before = revisionBefore(cache, fingerprint, configPrint, files);
    // After files were added or deleted, what no longer holds is taken out once the resolver can say
    // which specifiers an alias may rewrite.
    const memo = before ? before.resolutions : cache.resolutions(fingerprint);
    const revision = revisionOf(head, entries, files, configText, options.installed, memo);
    options.afterConfigs?.(revision.jest);
    const { resolver } = revision;
    const carried = before && carryAcross(before, resolver);
    const conftests = new Map();
    for (const path of scans.keys()) {
        const found = path.endsWith('.py') ? (0,project/* conftestsFor */.JN)(path, files) : [];
        if (found.length)
            conftests.set(path, found);
    }
    const setupPrint = JSON.stringify(revision.setupFiles);
    const across = carried && carried.setupPrint === setupPrint ? relinkAcross(carried, cache, resolver, scans) : undefined;
    const graph = buildGraph(scans, resolver, conftests, keys, across?.previous ?? cache.graphSnapshot(fingerprint, [...scans.keys()]), revision.setupLoadsOf, across);
    cache.setResolutions(fingerprint, resolver.memo, resolver.added > 0, {
        tree: entries.map(entry => entry.path),
        extra: [...extraFiles],
        configPrint: `${configPrint}:${setupPrint}`
    });
    cache.setGraphSnapshot(() => graph.snapshot(fingerprint));
    return {
        ...revision,
        scans,
        // A changed file, diffed: scanned with hashes from its committed text (a work tree may have
        // other line endings).
        scan: path => {
            const kind = scanKindOf(path);
            entryOf ??= new Map(scanned.map(entry => [entry.path, entry.sha]));
            const sha = entryOf.get(path);
            if (!kind || sha === undefined)
                return scans.get(path);
            const js = kind === 'ts' || kind === 'jsx';
            const key = `${sha}:${kind}`;
            const cached = js ? cache.get(key) : undefined;
            if (cached)
                return cached;
            const blob = extraBlobs.get(sha);
            if (!blob) {
                if (js)
                    throw new Error(`${path}: its committed text was not read`);
                return scans.get(path);
            }
            const scan = scanBlob(kind, blob, path);
            if (js)
                cache.set(key, scan);
            return scan;
        },
        dataReferences: (path, naming) => dataReferencesIn(graph, path, naming),
        graph,
        stats: {
            files: entries.length,
            scanned: missing.length,
            cacheHits: scans.size - missing.length,
            graph: 'full',
            linked: graph.linked
        },
        extraBlobs
    };
}
/**
 * How many times modules that name a module run by its path (see runByPath) are added and the
 * walk redone: such a module may itself be one that only its path loads.
 */
const RUN_BY_PATH_ROUNDS = 3;
/** Both walks' hits: a test one walk's member reach left out may be one the other reaches. */
function withReaching(first, more) {
    const hits = [...first.hits, ...more.hits];
    const reached = new Set(hits.map(hit => hit.test));
    const dropped = [...first.dropped, ...more.dropped].filter(hit => !reached.has(hit.test));
    const deadEnds = new Map(first.deadEnds);
    for (const [file, chain] of more.deadEnds)
        if (!deadEnds.has(file))
            deadEnds.set(file, chain);
    return { hits, dropped, deadEnds };
}
/** Calls that read a file's text. */
const READS_TEXT = ['readFileSync', 'readFile', 'createReadStream'];
/** Calls that find files to load or read: listing a folder, globbing, or reading one. */
const READS_FILES = [
    ...READS_TEXT,
    'readdirSync',
    'readdir',
    'opendirSync',
    'opendir',
    'globSync',
    'sync'
];
/**
 * The names a module may call a function by: the property names and string words of its
 * declarations (`fs.readFileSync`), and the names it imports (`import { readFileSync } from 'fs'`).
 */
function callableNames(scan) {
    const names = new Set();
    for (const symbol of Object.values(scan?.symbols ?? {}))
        for (const word of symbol.words ?? [])
            names.add(word);
    for (const record of scan?.imports ?? [])
        for (const { imported } of record.names ?? [])
            names.add(imported);
    return names;
}
/** Does no module load `path` (import it, or run it by its path)? */
function nothingLoads(graph, path) {
    return !(graph.hasEdgesInto ? graph.hasEdgesInto(path) : anyEdges(graph.edgesInto(path)));
}
/** `dataReferences` of a full graph: every module is read. */
function dataReferencesIn(graph, path, naming) {
    const referrers = [];
    for (const [file, node] of graph.nodes)
        if (dataReferenceOf(node, path, naming) === 'names')
            referrers.push(file);
    return { referrers };
}
/**
 * Reads `paths` from the work tree while git status runs, hands each file read to `take` (with
 * its index), and keeps what it returns for the files status does not report changed: undefined
 * for the rest (all of them when there is no work tree at the revision, or git could not tell),
 * which are for git to give.
 */
async function takeFromWorkTree(tree, paths, take) {
    const taken = new Array(paths.length);
    if (!tree)
        return taken;
    const top = `${tree.top}/`;
    const reader = new FileReader();
    for (let i = 0; i < paths.length; i++) {
        const blob = reader.read(top + paths[i]);
        if (blob)
            taken[i] = take(i, blob);
    }
    const changed = await tree.changed;
    if (changed === undefined)
        return new Array(paths.length);
    if (changed.size)
        for (let i = 0; i < paths.length; i++)
            if (changed.has(paths[i]))
                taken[i] = undefined;
    return taken;
}
/** A file system page: a read of whole pages may have stopped short of the end. */
const PAGE = 4096;
/**
 * Reads whole files into shared buffers and hands out views of them: ten thousand small files
 * then cost a few allocations, not one buffer each, and no `stat` each.
 */
class FileReader {
    arena = Buffer.allocUnsafeSlow(1 << 20);
    used = 0;
    /**
     * The file's bytes, or undefined when it cannot be read (missing, a folder). A read that brings
     * fewer bytes than there was room for has reached the end of a regular file, and no second read
     * is made to find it; unless it brought whole pages, which a file system may hand out in parts.
     */
    read(path) {
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(path, 'r');
        }
        catch {
            return undefined;
        }
        let start = this.used;
        try {
            for (;;) {
                if (this.used === this.arena.length) {
                    // Full: what this file has so far moves to a fresh buffer; earlier views keep the old one.
                    const sofar = this.used - start;
                    const fresh = Buffer.allocUnsafeSlow(Math.max(1 << 20, sofar * 2));
                    this.arena.copy(fresh, 0, start, this.used);
                    this.arena = fresh;
                    start = 0;
                    this.used = sofar;
                }
                const room = this.arena.length - this.used;
                const read = (0,external_node_fs_.readSync)(fd, this.arena, this.used, room, null);
                if (read === 0)
                    break;
                this.used += read;
                if (read < room && read % PAGE !== 0)
                    break;
            }
        }
        catch {
            this.used = start;
            return undefined;
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        return this.arena.subarray(start, this.used);
    }
}
/**
 * Reads files of the revision: from the work tree when it is checked out at that revision and
 * clean (faster than inflating git objects), otherwise, and for anything missing there, from git.
 */
async function readRevisionFiles(git, entries, fromWorkTree, extraShas) {
    const byPath = new Map();
    const extras = Promise.resolve(extraShas).then(shas => readBlobs(git.dir, shas));
    extras.catch(() => undefined);
    const read = await takeFromWorkTree(fromWorkTree, entries.map(entry => entry.path), (_, blob) => blob);
    const fromGit = [];
    entries.forEach((entry, i) => {
        const blob = read[i];
        if (blob)
            byPath.set(entry.path, blob);
        else
            fromGit.push(entry);
    });
    if (fromGit.length) {
        const blobs = await readBlobs(git.dir, fromGit.map(e => e.sha));
        for (const entry of fromGit) {
            const blob = blobs.get(entry.sha);
            if (blob)
                byPath.set(entry.path, blob);
        }
    }
    return { byPath, extra: extras };
}
async function workTreeAt(git, head, checkout) {
    const changed = changedInWorkTree(git);
    try {
        // `checkout` comes with `head` resolved to a SHA; any other head is resolved here.
        const where = checkout
            ? undefined
            : await git.query(['rev-parse', '--show-toplevel', 'HEAD', '--end-of-options', `${head}^{commit}`]);
        const [top, current, wanted] = where ? revParseLines(where) : [checkout?.top, checkout?.current, head];
        return current === wanted && top ? { top, changed } : undefined;
    }
    catch {
        return undefined;
    }
}
/** The tracked paths `git status` reports (both sides of a rename); undefined when it fails. */
async function changedInWorkTree(git) {
    try {
        const status = await git.query([
            'status',
            '--porcelain',
            '-z',
            '--untracked-files=no',
            '--ignore-submodules'
        ]);
        const paths = new Set();
        const records = status.split('\0');
        for (let i = 0; i < records.length; i++) {
            const record = records[i];
            if (record.length < 4)
                continue;
            paths.add(record.slice(3));
            // A rename or copy: the source path is the next record.
            if (record[0] === 'R' || record[0] === 'C' || record[1] === 'R' || record[1] === 'C') {
                const source = records[++i];
                if (source)
                    paths.add(source);
            }
        }
        return paths;
    }
    catch {
        return undefined;
    }
}
/** The paths a change removed: deleted files and the old side of renames. */
function pathsGone(raw) {
    return raw.flatMap(c => (c.status === 'deleted' ? [c.path] : c.previousPath ? [c.previousPath] : []));
}
/** rev-parse's output lines; git before 2.43 echoes `--end-of-options` among them. */
function revParseLines(stdout) {
    return stdout.split('\n').filter(line => line !== '' && line !== '--end-of-options');
}
/**
 * Base and head as commit SHAs, plus the work tree's top folder and HEAD, in one git run when it
 * can (each git process costs a few milliseconds); one run per revision otherwise.
 */
async function resolveRevisions(git, base, head) {
    const revs = base === undefined ? [head] : [base, head];
    const all = await git.tryQuery([
        'rev-parse',
        '--show-toplevel',
        '--end-of-options',
        ...revs.map(r => `${r}^{commit}`),
        'HEAD'
    ]);
    const lines = revParseLines(all.stdout);
    if (all.exitCode === 0 && lines.length === revs.length + 2) {
        const [top, ...shas] = lines;
        const current = shas.pop();
        return {
            base: base === undefined ? undefined : shas[0],
            head: shas[shas.length - 1],
            checkout: { top, current }
        };
    }
    const [from, to] = await Promise.all([
        base === undefined ? undefined : git.resolveCommit(base),
        git.resolveCommit(head)
    ]);
    return { base: from, head: to };
}
/**
 * The demand-driven graph of a revision (see demand.ts): only the files the reverse search from a
 * change reaches are scanned and linked. Undefined when the full graph is the better way.
 */
async function buildDemandRepositoryGraph(git, head, options = {}) {
    const cache = options.cache ?? new scan_cache/* ScanCache */.E(undefined);
    const [entries, workTree] = await Promise.all([
        options.listing ?? listTree(git, head),
        options.workTree ?? workTreeAt(git, head)
    ]);
    options.beforeRead?.();
    cache.load();
    const kinds = entries.map(e => scanKindOf(e.path));
    const sourceEntries = entries.filter((_, i) => kinds[i] !== undefined);
    const configEntries = entries.filter(isConfigEntry);
    const { byPath, extra: extraRead } = await readRevisionFiles(git, [...sourceEntries, ...configEntries], workTree, options.extraBlobs ?? []);
    const files = new Set(entries.map(e => e.path));
    for (const path of (await options.extraFiles) ?? [])
        files.add(path);
    await options.afterRead?.(path => byPath.get(path));
    const configText = new Map();
    for (const entry of configEntries) {
        const blob = byPath.get(entry.path);
        if (blob)
            configText.set(entry.path, blob.toString('utf8'));
    }
    await readNamedConfigs(git, entries, files, configText);
    const revision = revisionOf(head, entries, files, configText, options.installed);
    options.afterConfigs?.(revision.jest);
    const { jest, resolver } = revision;
    const sources = [];
    const dataBlobs = dataBlobsAmong(entries.flatMap((entry, i) => {
        const blob = byPath.get(entry.path);
        return blob ? [[blob, kinds[i]]] : [];
    }));
    entries.forEach((entry, i) => {
        const kind = kinds[i];
        if (kind === undefined)
            return;
        const blob = byPath.get(entry.path);
        const data = blob !== undefined && dataBlobs.has(blob);
        // The quick pass reads a page's module, as its scan does.
        const text = data || blob === undefined ? undefined : moduleText(kind, blob);
        sources.push({ path: entry.path, sha: entry.sha, kind, blob: text, data });
    });
    let scanned = 0;
    let cacheHits = 0;
    // Files the walk only links are scanned without hashes (kept apart in the cache); the changed
    // files, which are diffed, with them.
    const scanOnce = (source, hashes) => {
        const key = hashes ? `${source.sha}:${source.kind}` : `${source.sha}:${source.kind}:link`;
        const cached = cache.get(key);
        if (cached) {
            cacheHits++;
            return cached;
        }
        scanned++;
        const committed = hashes ? extra.get(source.sha) : undefined;
        const scan = committed
            ? scanBlob(source.kind, committed, source.path)
            : source.data
                ? (0,model/* emptyScan */.$6)('data')
                : source.blob === undefined
                    ? { ...(0,model/* emptyScan */.$6)('data'), error: 'blob missing' }
                    : scanModuleText(source.kind, source.blob, source.path, hashes);
        cache.set(key, scan);
        return scan;
    };
    const graph = demandGraph({
        sources,
        setupLoadsOf: revision.setupLoadsOf,
        resolver,
        jest,
        files,
        readConfig: path => configText.get(path),
        scan: source => scanOnce(source, false)
    });
    if (!graph)
        return undefined;
    // git reads the changed files' blobs while the quick pass runs.
    const extra = await extraRead;
    return {
        ...revision,
        scan: path => {
            const source = graph.sourceAt(path);
            return source && scanOnce(source, true);
        },
        dataReferences: (path, naming) => graph.dataReferences(path, naming),
        graph,
        stats: {
            files: entries.length,
            get scanned() {
                return scanned;
            },
            get cacheHits() {
                return cacheHits;
            },
            graph: 'demand'
        },
        extraBlobs: extra
    };
}
function selection(mode, tests, reasons, fallback) {
    return { mode, tests: [...new Set(tests)].sort(), reasons, fallback, changed: [] };
}
/**
 * Selects the test files that base..head can affect, with a reason chain for each. Never throws:
 * when selection itself fails it selects every test and says why (fail open).
 */
async function selectTests(options) {
    const started = Date.now();
    const { log } = options;
    let allTests = [];
    const syntax = new SyntaxChecks(options.git.dir);
    const background = [syntax];
    try {
        return await selectOrThrow(options, started, syntax, background, tests => (allTests = tests));
    }
    catch (error) {
        const why = `selection failed, running every test: ${(0,errors/* errorMessage */.gJ)(error)}`;
        log.warning(why);
        return {
            ...selection('all', allTests, Object.fromEntries(allTests.map(t => [t, ['fail-open']])), why),
            changedSymbols: [],
            reach: {},
            unreached: [],
            allTests,
            stats: { files: 0, scanned: 0, cacheHits: 0, graphMs: 0, totalMs: Date.now() - started },
            notes: [why]
        };
    }
    finally {
        for (const job of background)
            job.close();
    }
}
async function selectOrThrow(options, started, syntax, background, reportAllTests) {
    const { git, log } = options;
    const { base, head, checkout } = await resolveRevisions(git, options.base, options.head);
    if (!head)
        throw new Error(`head revision ${options.head} is not in the repository`);
    // git lists the tree, checks the work tree and diffs, while the files are read.
    const listing = listTree(git, head, { checkedOut: checkout ? checkout.current === head : undefined });
    const workTree = workTreeAt(git, head, checkout);
    const diffed = base
        ? Promise.all([diffRaw(git, base, head), git.query(['log', '--format=%B%x00', `${base}..${head}`])])
        : Promise.resolve([[], '']);
    listing.catch(() => undefined);
    diffed.catch(() => undefined);
    const notes = [];
    const rawChanges = diffed.then(([raw]) => raw);
    // The scan cache serves the full graph. A demand-driven run scans a few hundred files at most
    // where it is fast, which costs less than reading and rewriting a cache of every file.
    const fileCache = new scan_cache/* ScanCache */.E(options.cacheDir ? (0,external_node_path_.join)(options.cacheDir, 'scans.json') : undefined);
    const graphStarted = Date.now();
    const ghosts = rawChanges.then(pathsGone);
    // Both versions of each changed source file come from git, so that they are diffed as committed
    // (a work tree may have other line endings).
    const diffedShas = rawChanges.then(raw => raw.flatMap(c => [
        ...(c.baseSha && scanKindOf(c.previousPath ?? c.path) ? [c.baseSha] : []),
        ...(c.headSha && scanKindOf(c.path) ? [c.headSha] : [])
    ]));
    // Known once git has diffed, which is before the files are listed as a rule.
    let parsesChanges;
    rawChanges.then(raw => (parsesChanges = raw.some(change => change.headSha !== undefined && (0,model/* isJsLike */.Pp)(change.path))), () => undefined);
    // ts-jest type-checks what it loads: the program of the changed files it may check is made on
    // a worker from as soon as the configs say so, while this thread builds the graph, diffs the
    // files and walks the graph (see checkTypes).
    let typeCheckJob;
    let diffKnown;
    rawChanges.then(raw => (diffKnown = raw), () => undefined);
    const startTypeCheck = (jest, raw) => {
        if (typeCheckJob || options.typeCheck === false)
            return typeCheckJob;
        const roots = raw
            .filter(change => change.status !== 'deleted' && typeCheckedOnLoad(jest, change.path))
            .map(change => change.path);
        if (roots.length === 0)
            return undefined;
        typeCheckJob = new TypeCheckJob(git.dir, roots, jest.find(j => j.typeChecked)?.tsconfig);
        background.push(typeCheckJob);
        return typeCheckJob;
    };
    const graphOptions = {
        afterConfigs: (jest) => {
            // At once when the diff is in: a callback would wait until the graph is built.
            if (diffKnown)
                startTypeCheck(jest, diffKnown);
            else
                rawChanges.then(raw => startTypeCheck(jest, raw)).catch(() => undefined);
        },
        extraFiles: ghosts,
        extraBlobs: diffedShas,
        listing,
        workTree,
        installed: checkout && filesUnder(checkout.top),
        // The syntax worker loads its parser on the other core while this thread reads the files (not
        // sooner: then it slows git down).
        beforeRead: () => {
            if (parsesChanges !== false)
                syntax.prepare();
        },
        // The changed files as the work tree has them are parsed on a worker while the graph is built.
        afterRead: async (read) => {
            for (const change of await rawChanges) {
                const text = change.headSha ? read(change.path) : undefined;
                // A file too large to scan symbol by symbol is not parsed either (see isDataBlob).
                if (text && !isDataBlob(text))
                    syntax.check(change.path, text.toString('utf8'));
            }
        }
    };
    const memoryCache = new scan_cache/* ScanCache */.E(undefined);
    const building = options.graph !== 'full'
        ? buildDemandRepositoryGraph(git, head, { ...graphOptions, cache: memoryCache })
        : undefined;
    building?.catch(() => undefined);
    const [raw, history] = await diffed;
    const messages = history.split('\0');
    const demand = await building;
    if (!demand)
        await options.fullGraphCache?.restore();
    const repo = demand ?? (await buildRepositoryGraph(git, head, { ...graphOptions, cache: fileCache }));
    const cache = repo.stats.graph === 'full' ? fileCache : memoryCache;
    const graphMs = Date.now() - graphStarted;
    const allTests = repo.entries
        .map(e => e.path)
        .filter(repo.isTest)
        .sort();
    reportAllTests(allTests);
    let typeCheckMs = 0;
    const stats = () => ({ ...repo.stats, graphMs, typeCheckMs, totalMs: Date.now() - started });
    const finish = (sel, extra = {}) => {
        try {
            cache.save();
        }
        catch (error) {
            notes.push(`scan cache not saved: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
        return { ...sel, changedSymbols: [], reach: {}, unreached: [], allTests, stats: stats(), notes, ...extra };
    };
    const runAll = (why, changed = []) => finish({ ...selection('all', allTests, Object.fromEntries(allTests.map(t => [t, [why]])), why), changed });
    if (!base)
        return runAll(options.base === undefined
            ? 'there is no base commit to compare against'
            : `base revision ${options.base} is not in the repository (a shallow clone?)`);
    if (raw.length === 0)
        return finish(selection('none', [], {}, null));
    if (messages.some(message => fallback/* RUN_ALL_LINE */.tM.test(message)))
        return runAll('a commit message asks for it with "ci-medic: run-all"');
    for (const settings of repo.jest) {
        if (settings.readInPart)
            notes.push(`jest config ${settings.readInPart}`);
        if (settings.unreadable)
            notes.push(`jest config ${settings.unreadable}: its moduleNameMapper, roots and setup files there are not known (add run-all-on or always-run globs if they matter)`);
        if (settings.resolver)
            notes.push(`jest config${settings.dir ? ` in ${settings.dir}` : ''} uses its own resolver (${settings.resolver}), which CI Medic does not run: an import of a repository package by name reaches all of that package's sources, and anything else only the resolver maps is not followed (add a moduleNameMapper entry or run-all-on globs for it)`);
    }
    const runAllOn = (0,fallback/* globMatcher */.fU)(options.runAllOn ?? []);
    const alwaysRun = (0,fallback/* globMatcher */.fU)(options.alwaysRun ?? []);
    const setupFiles = new Set(repo.jest.flatMap(j => j.setupFiles));
    // Only a changed config can be one of them.
    let named;
    const namedIfConfig = (path) => repo.configText.has(path)
        ? (named ??= (0,project/* namedConfigs */.Hh)(p => repo.configText.get(p), repo.configText.keys(), repo.files))
        : undefined;
    const configFile = options.configFile ?? '.github/ci-medic.yml';
    // Base versions of changed source files, scanned (through the cache as well).
    const baseBlobs = repo.extraBlobs;
    const baseScan = (change) => {
        const path = change.previousPath ?? change.path;
        const kind = scanKindOf(path);
        if (!kind || !change.baseSha)
            return undefined;
        const key = `${change.baseSha}:${kind}`;
        const cached = cache.get(key);
        if (cached)
            return cached;
        const blob = baseBlobs.get(change.baseSha);
        if (!blob)
            return undefined;
        const scan = scanSource(kind, blob.toString('utf8'), path);
        cache.set(key, scan);
        return scan;
    };
    const changes = new Map();
    // The base text of each changed file ts-jest type-checks, to compare its declarations.
    const baseTexts = new Map();
    const changed = [];
    // Syntax checks of the changed files, answered on the worker while the graph is walked.
    const parsing = [];
    /** Takes the syntax answers in: a file that does not parse changes as a whole. Any such file? */
    const settleSyntax = async () => {
        let broken = false;
        for (const { path, fileChange, entry, error } of parsing.splice(0)) {
            const message = await error;
            if (message === undefined)
                continue;
            fileChange.whole = true;
            entry.symbols = changedNames(fileChange);
            notes.push(`${path} does not parse (${message.split('\n')[0]}): every test that loads it runs`);
            broken = true;
        }
        return broken;
    };
    const scoped = [];
    const selfSelected = new Map();
    const extraReasons = new Map();
    const dataFiles = new Set();
    const unloadedFiles = new Set();
    /** Changed sources that modules load: each with whether only its comments or formatting changed. */
    const loadedSources = new Map();
    const add = (test, chain) => {
        if (!extraReasons.has(test))
            extraReasons.set(test, chain);
    };
    for (const change of raw) {
        const path = change.path;
        if (runAllOn(path) || (change.previousPath && runAllOn(change.previousPath)))
            return runAll(`${path} matches run-all-on`, [{ file: path, symbols: ['*'] }]);
        let hit = (0,fallback/* fallbackFor */.oA)(path, setupFiles, configFile, namedIfConfig(path)) ??
            (change.previousPath
                ? (0,fallback/* fallbackFor */.oA)(change.previousPath, setupFiles, configFile, namedIfConfig(change.previousPath))
                : undefined);
        if (hit && /(?:^|\/)package\.json$/.test(path) && change.status === 'modified' && change.baseSha) {
            const before = (await readBlobs(git.dir, [change.baseSha])).get(change.baseSha)?.toString('utf8');
            const after = repo.configText.get(path);
            const metadata = before !== undefined && after !== undefined ? metadataOnlyChange(before, after) : undefined;
            if (metadata) {
                notes.push(`${path}: only package metadata changed (${metadata.join(', ')})`);
                hit = undefined;
            }
        }
        if (hit) {
            const scope = repo.resolver.workspaceOf(path);
            if (!scope || hit.why === "CI Medic's own config changed")
                return runAll(`${hit.path}: ${hit.why}`, [{ file: path, symbols: ['*'] }]);
            scoped.push({ ...hit, scope });
            changed.push({ file: path, symbols: ['*'] });
            continue;
        }
        // A file without an extension whose `#!` line names no JavaScript or Python is data.
        const scanned = scanKindOf(path);
        const kind = scanned === 'script' && repo.scan(path)?.lang === 'data' ? undefined : scanned;
        // A source file in a fixture folder may be read as text (a transform's input, a codemod's
        // expected output): it is data too, where comments count.
        const fixture = !!kind && FIXTURE_FOLDER.test(path) && !repo.isTest(path);
        // A source file no module loads may be read as text: a parser's or formatter's cases beside
        // the test that reads its folder.
        const unloaded = !!kind && !fixture && !repo.isTest(path) && nothingLoads(repo.graph, path);
        if (unloaded)
            unloadedFiles.add(path);
        // A page is data as well as a module: a server that names its folder may serve it.
        const data = !kind || fixture || unloaded || kind === 'html';
        if (change.status === 'deleted') {
            changes.set(path, wholeChange());
            changed.push({ file: path, symbols: ['*'] });
            if (data)
                dataFiles.add(path);
            continue;
        }
        if (change.previousPath)
            changes.set(change.previousPath, wholeChange());
        // A manual mock replaces its module in every test that mocks (or auto-mocks) that module.
        if (/(?:^|\/)__mocks__\//.test(path))
            dataFiles.add(path);
        if (data)
            dataFiles.add(path);
        if (repo.isTest(path))
            selfSelected.set(path, [path]);
        if (!kind) {
            changes.set(path, wholeChange());
            changed.push({ file: path, symbols: ['*'] });
            dataFiles.add(path);
            continue;
        }
        const headScan = repo.scan(path);
        if (headScan?.error) {
            const scope = repo.resolver.workspaceOf(path);
            const why = `${path} could not be parsed (${headScan.error})`;
            if (!scope)
                return runAll(why, [{ file: path, symbols: ['*'] }]);
            scoped.push({ path, why, scope });
            continue;
        }
        const before = change.status === 'added' ? undefined : baseScan(change);
        const fileChange = before?.error ? wholeChange() : diffScans(before, headScan);
        if (!fixture && !unloaded && !repo.isTest(path))
            loadedSources.set(path, isEmptyChange(fileChange));
        if (isEmptyChange(fileChange)) {
            // A test moved as it was runs where it is now: its relative imports may lead elsewhere.
            if (change.previousPath && selfSelected.has(path))
                selfSelected.set(path, [change.previousPath, path]);
            else {
                notes.push(`${path}: no semantic change (comments or formatting only)`);
                selfSelected.delete(path);
            }
            continue;
        }
        if (typeCheckedOnLoad(repo.jest, path)) {
            fileChange.typeCheckedOnLoad = true;
            const base = change.status === 'modified' && change.baseSha ? baseBlobs.get(change.baseSha) : undefined;
            if (base)
                baseTexts.set(path, base.toString('utf8'));
        }
        const entry = { file: path, symbols: changedNames(fileChange) };
        const committed = change.headSha ? repo.extraBlobs.get(change.headSha) : undefined;
        if (!fileChange.whole && committed) {
            const error = syntax.errorIn(path, committed.toString('utf8'));
            // Awaited after the walk, unless an earlier return leaves it.
            error.catch(() => undefined);
            parsing.push({ path, fileChange, entry, error });
        }
        changes.set(path, fileChange);
        changed.push(entry);
    }
    // The coverage filter goes by the changes as they stand: the answers first.
    const mayRewalk = !options.coverageMap?.runs.length;
    if (!mayRewalk)
        await settleSyntax();
    // The graph is walked as if ts-jest's check finds no error; the loaders of what it finds are
    // walked to after, when the worker has answered.
    const typeChecked = [...changes].filter(([, change]) => change.typeCheckedOnLoad);
    // Started once the configs were read; the changed files it checks are among its roots.
    const typeCheck = typeChecked.length ? startTypeCheck(repo.jest, raw) : undefined;
    const typeVerdict = typeCheck && checkTypes(repo, workTree, typeChecked, baseTexts, typeCheck);
    typeVerdict?.catch(() => undefined);
    if (typeVerdict)
        for (const [, change] of typeChecked)
            change.typeCheckedOnLoad = false;
    // Data files: snapshots, module mocks, fixture folders, modules that name them in a string, and
    // Go packages that build with or embed them.
    const dataReferrers = new Map();
    for (const path of dataFiles) {
        const snapshot = /^(.*?)__snapshots__\/(.+)\.snap$/.exec(path);
        if (snapshot) {
            const test = `${snapshot[1]}${snapshot[2]}`;
            if (repo.files.has(test))
                add(test, [path, test]);
        }
        // A fixture is read by the code its tests give the folder to: a name alone (`'input.js'`) in a
        // shared reader does not say which tests, the fixture folder's place does.
        const fixtures = FIXTURE_FOLDER.exec(path);
        const { referrers } = repo.dataReferences(path, { bareNames: !fixtures });
        for (const file of referrers)
            dataReferrers.set(file, path);
        for (const file of goFilesUsing(path, repo.files, file => repo.scan(file)))
            if (!dataReferrers.has(file))
                dataReferrers.set(file, path);
        // A fixture: every test next to (or under) the folder's parent, as much as any that names it.
        if (fixtures) {
            const folder = fixtures[1] ?? '';
            for (const test of allTests)
                if (folder === '' || test.startsWith(folder + '/'))
                    add(test, [path, test]);
        }
        // A source file nothing loads: the tests in its folder.
        if (unloadedFiles.has(path))
            for (const test of allTests)
                if ((0,project/* dirname */.pD)(test) === (0,project/* dirname */.pD)(path))
                    add(test, [path, test]);
    }
    // A source that modules import may be read as a file too: a test that lists its folder and
    // requires each file it finds, or reads their text (a locale's header comment), runs it beyond
    // what its imports say. A name alone says no folder: medusa's router matches URLs to '/admin'.
    for (const [path, textOnly] of loadedSources) {
        const reads = textOnly ? READS_TEXT : READS_FILES;
        for (const file of repo.dataReferences(path, { bareNames: false, readingCalls: reads }).referrers) {
            if (file === path || dataReferrers.has(file))
                continue;
            const names = callableNames(repo.graph.nodes.get(file)?.scan);
            if (reads.some(name => names.has(name)))
                dataReferrers.set(file, path);
        }
    }
    for (const [file, dataPath] of dataReferrers) {
        if (!changes.has(file))
            changes.set(file, wholeChange());
        extraReasons.set(`data:${file}`, [dataPath]);
    }
    const coverage = options.coverageMap?.runs.length
        ? await coverageFilterFor(options.coverageMap, git, base, raw, repo, baseScan, changes)
        : undefined;
    // Tests that reach a changed symbol.
    const reasons = {};
    const reach = {};
    /** Notes that `test` reaches the changed `label`, once however many ways it does. */
    const reaches = (test, label) => {
        const labels = (reach[test] ??= []);
        if (!labels.includes(label))
            labels.push(label);
    };
    const reachedSymbols = new Set();
    const members = options.memberReach === false ? undefined : memberReach(repo.graph);
    const tsconfigs = repo.tsconfigs();
    const tsJestConfigs = repo.jest.flatMap(settings => (settings.tsconfig ? [settings.tsconfig] : []));
    const keeps = valueImportKeeper(repo.configText, repo.files, tsconfigs, { tsJestConfigs });
    const keepsKnown = valueImportKeeper(repo.configText, repo.files, tsconfigs, {
        unreadBases: false,
        tsJestConfigs
    });
    const decoratorMetadata = emitsDecoratorMetadata(repo.configText, tsconfigs);
    /** Whether a module's value import of types alone was taken to load because a base is missing. */
    let keptForUnreadBase = false;
    const reachOptions = {
        members,
        isTypeChecked: (0,project/* typeCheckedTests */.tN)(repo.jest),
        keepsValueImports: (path) => {
            if (decoratorMetadata && repo.graph.nodes.get(path)?.scan.decorated)
                return true;
            if (!keeps(path))
                return false;
            if (!keepsKnown(path))
                keptForUnreadBase = true;
            return true;
        }
    };
    let reaching = testsReaching(repo.graph, changes, repo.isTest, reachOptions);
    if (await settleSyntax())
        reaching = testsReaching(repo.graph, changes, repo.isTest, reachOptions);
    if (typeVerdict) {
        const waitStarted = Date.now();
        const verdict = await typeVerdict;
        typeCheckMs = Date.now() - waitStarted;
        notes.push(...verdict.notes);
        // Every test that loads a file with a type error (or an unchecked one) fails under ts-jest.
        const loaded = new Map();
        const typeCheckOnly = () => ({
            whole: false,
            symbols: new Set(),
            exports: new Set(),
            typeCheckedOnLoad: true
        });
        for (const file of verdict.loadersRun) {
            const change = changes.get(file);
            if (change?.whole)
                continue;
            if (change)
                change.typeCheckedOnLoad = true;
            else
                changes.set(file, typeCheckOnly());
            loaded.set(file, typeCheckOnly());
        }
        if (loaded.size)
            reaching = withReaching(reaching, testsReaching(repo.graph, loaded, repo.isTest, reachOptions));
    }
    // A module nothing imports, which a change reaches through its imports, runs only when code
    // loads it by its path (a route or plugin folder a server lists): it counts as changed for the
    // modules that name it, as a changed file nothing loads does. Its text is the same, so the tests
    // in its folder that may read it do not run for it, nor do modules that locate its package's
    // folder (`dirname(require.resolve(…))`): they read files there (a browser entry, for Tailwind).
    const runByPath = new Map();
    const deadEndsSeen = new Set();
    for (let round = 0; round < RUN_BY_PATH_ROUNDS; round++) {
        const added = new Map();
        for (const [file, steps] of [...reaching.deadEnds].sort(([a], [b]) => (a < b ? -1 : 1))) {
            if (deadEndsSeen.has(file) || (changes.has(file) && !runByPath.has(file)) || FIXTURE_FOLDER.test(file))
                continue;
            deadEndsSeen.add(file);
            if (!scanKindOf(file) || !nothingLoads(repo.graph, file))
                continue;
            // From a module an earlier round added: from the change that made it count.
            const chain = [...(runByPath.get(steps[0]) ?? []), ...steps].filter((step, i, all) => step !== all[i - 1]);
            const { referrers } = repo.dataReferences(file, { bareNames: false, locatedFolders: false });
            for (const referrer of referrers) {
                if (changes.has(referrer))
                    continue;
                const whole = wholeChange();
                changes.set(referrer, whole);
                added.set(referrer, whole);
                runByPath.set(referrer, chain);
            }
        }
        if (added.size === 0)
            break;
        reaching = withReaching(reaching, testsReaching(repo.graph, added, repo.isTest, reachOptions));
    }
    const neverRan = new Set();
    for (const hit of reaching.hits) {
        const affects = coverage?.affects(hit.test, hit.changedFile, changedSymbolOf(hit));
        if (affects === false) {
            neverRan.add(hit.test);
            continue;
        }
        const viaPath = runByPath.get(hit.changedFile);
        const dataPath = viaPath ?? extraReasons.get(`data:${hit.changedFile}`);
        const chain = hit.chain ?? [hit.changed, hit.test];
        // A test that names the data file or the module run by its path starts its own chain: once.
        reasons[hit.test] ??= dataPath
            ? [...dataPath, ...(chain[0] === hit.test ? chain.slice(1) : chain)]
            : chain;
        if (hit.changed.endsWith(`#${TYPE_CHECK}`))
            continue;
        reaches(hit.test, viaPath?.[0] ?? (dataPath ? `${dataPath[0]}#*` : hit.changed));
        reachedSymbols.add(viaPath?.[0] ?? hit.changed);
    }
    if (members?.exhausted)
        notes.push('member reach gave up (too large a walk): a changed method selects every test that reaches its class');
    if (coverage) {
        // Tests that ran a changed function, or loaded a changed file, where the graph found no path.
        for (const [file] of changes)
            for (const test of coverage.evidence.testsCovering(file)) {
                if (Object.hasOwn(reasons, test))
                    continue;
                const ran = coverage.ranChanges(test, file);
                if (ran.length === 0)
                    continue;
                const changedLabel = ran[0] === '*' ? file : `${file}#${ran[0]}`;
                const recordedAt = coverage.evidence.commitOf(test)?.slice(0, 12);
                reasons[test] = [
                    `${changedLabel} (the test ran it when coverage was recorded at ${recordedAt})`,
                    test
                ];
                reaches(test, ran[0] === '*' ? `${file}#*` : changedLabel);
            }
        // Member reach drops a test that never names the members between it and the change; but a
        // name built at run time (`x['sh' + 'ift']`) calls one unnamed. A test that loaded the changed
        // file when coverage was recorded, whose coverage tells which functions it ran there and
        // cannot rule the change out (a variable, a field), runs. Where coverage tells only loading,
        // member reach stands: every loader would run otherwise.
        for (const hit of reaching.dropped) {
            if (Object.hasOwn(reasons, hit.test))
                continue;
            if (coverage.evidence.ran(hit.test, hit.changedFile) === undefined)
                continue;
            if (!coverage.affects(hit.test, hit.changedFile, changedSymbolOf(hit)))
                continue;
            const recordedAt = coverage.evidence.commitOf(hit.test)?.slice(0, 12);
            reasons[hit.test] = [
                `${hit.changed} (no call by name was found, but the test loaded ${hit.changedFile} when coverage was recorded at ${recordedAt})`,
                hit.test
            ];
            reaches(hit.test, hit.changed);
        }
        coverageNotes(coverage, neverRan, reasons, notes);
    }
    for (const [test, chain] of selfSelected)
        reasons[test] ??= chain;
    for (const [test, chain] of extraReasons)
        if (!test.startsWith('data:'))
            reasons[test] ??= chain;
    for (const { path, why, scope } of scoped) {
        for (const test of allTests)
            if (test.startsWith(scope + '/'))
                reasons[test] ??= [`${path} (${why}; all tests of ${scope})`, test];
    }
    for (const test of allTests)
        if (alwaysRun(test))
            reasons[test] ??= ['always-run', test];
    const leftOut = [...new Set(reaching.dropped.map(hit => hit.test))]
        .filter(test => !Object.hasOwn(reasons, test))
        .sort();
    if (leftOut.length)
        notes.push(`member reach: ${leftOut.length} test file(s) reach a change only through methods they never mention, so they do not run (${leftOut.slice(0, 5).join(', ')}${leftOut.length > 5 ? ', …' : ''}); select-granularity: class runs them`);
    // A test file the change deletes or renames has nothing to run there (the graph keeps such
    // files, so that what imported them is found).
    const goneAtHead = new Set(await ghosts);
    const gone = Object.keys(reasons).filter(test => goneAtHead.has(test) || !repo.files.has(test));
    for (const test of gone)
        delete reasons[test];
    if (gone.length)
        notes.push(`${gone.length} test file(s) no longer at head, not run: ${gone.slice(0, 5).join(', ')}${gone.length > 5 ? ', …' : ''}`);
    const tests = Object.keys(reasons).sort();
    const changedSymbols = changed.flatMap(c => c.symbols.map(symbol => ({ file: c.file, symbol })));
    const unreachedSymbols = changedSymbols.filter(c => !repo.isTest(c.file) &&
        c.symbol !== model/* MODULE_SYMBOL */.se &&
        !reachedSymbols.has(`${c.file}#${c.symbol}`) &&
        scanKindOf(c.file));
    // A type reaches no test that runs: no test can be generated for it either.
    const isType = (c) => {
        const node = repo.graph.nodes.get(c.file);
        const erasure = { changes, nodes: repo.graph.nodes, keepsValueImports: reachOptions.keepsValueImports };
        return !!node && (isTypeName(node, c.symbol, erasure) || isTypeExport(node, c.symbol, erasure));
    };
    if (keptForUnreadBase) {
        const missing = [
            ...new Set([
                ...[...tsconfigs.values()].flatMap(chain => chain.missing),
                ...tsJestConfigs
                    .filter(config => !tsconfigs.has(config))
                    .map(config => `ts-jest's tsconfig ${config}`)
            ])
        ];
        notes.push(`${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}, which is neither in the repository nor installed: in the modules it compiles, an import that takes only types counts as loading its module (install dependencies before selecting to select fewer tests)`);
    }
    const unreached = unreachedSymbols.filter(c => !isType(c));
    const types = unreachedSymbols.filter(isType).map(c => `${c.file}#${c.symbol}`);
    if (types.length)
        notes.push(`${types.length} changed type(s) reach no test: TypeScript erases types from the code tests run, and no test that is type-checked reaches them (${types.slice(0, 5).join(', ')}${types.length > 5 ? ', …' : ''})`);
    log.debug(`select: ${tests.length} of ${allTests.length} test files; graph ${graphMs} ms`);
    return finish({ mode: tests.length ? 'selected' : 'none', tests, reasons, fallback: null, changed }, { changedSymbols, reach, unreached });
}
/** The coverage filter for this change, with the versions of each changed file it compares. */
async function coverageFilterFor(map, git, base, raw, repo, baseScan, changes) {
    const evidence = await coverageEvidence(git, map, base);
    const byPath = new Map(raw.map(change => [change.path, change]));
    const gone = new Set(pathsGone(raw));
    const elsewhere = filesRunElsewhere(repo, evidence);
    return new CoverageFilter(evidence, changes, file => {
        const change = byPath.get(file);
        const kind = scanKindOf(file);
        if (!change?.baseSha ||
            !change.headSha ||
            change.previousPath ||
            (kind !== 'ts' && kind !== 'jsx' && kind !== 'py'))
            return undefined;
        const before = baseScan(change);
        const after = repo.scan(file);
        const exportsMoved = !before ||
            !after ||
            JSON.stringify(Object.entries(before.exports).sort()) !==
                JSON.stringify(Object.entries(after.exports).sort()) ||
            before.exportAll.join('\n') !== after.exportAll.join('\n');
        return {
            base: repo.extraBlobs.get(change.baseSha)?.toString('utf8'),
            head: repo.extraBlobs.get(change.headSha)?.toString('utf8'),
            exportsMoved
        };
    }, gone, (test, file) => elsewhere(test).has(file));
}
/**
 * Per test, the files that a script or worker it runs by path may load: the sources the test, or a
 * file it loaded, names by path (see linkNode), with everything they load in turn.
 */
function filesRunElsewhere(repo, evidence) {
    const byTest = new Map();
    return test => {
        let reached = byTest.get(test);
        if (reached)
            return reached;
        const queue = [test, ...evidence.loadedFiles(test)].flatMap(path => repo.graph.nodes.get(path)?.loads.flatMap(load => (load.elsewhere ? [load.target] : [])) ?? []);
        reached = new Set(queue);
        while (queue.length) {
            for (const { target } of repo.graph.nodes.get(queue.pop())?.loads ?? [])
                if (!reached.has(target)) {
                    reached.add(target);
                    queue.push(target);
                }
        }
        byTest.set(test, reached);
        return reached;
    };
}
function coverageNotes(coverage, neverRan, reasons, notes) {
    const { evidence } = coverage;
    notes.push(...evidence.unusable);
    if (evidence.current === 0 && evidence.outdated === 0)
        return;
    const leftOut = [...neverRan].filter(test => !Object.hasOwn(reasons, test)).sort();
    notes.push(`coverage map: ${evidence.current} test file(s) recorded at ${evidence.commits.map(c => c.slice(0, 12)).join(', ') || 'no usable commit'} speak for the base commit` +
        (evidence.outdated ? `, ${evidence.outdated} are out of date (a file they loaded changed since)` : '') +
        (leftOut.length
            ? `; ${leftOut.length} test file(s) reach a change but never ran it, so they do not run (${leftOut.slice(0, 5).join(', ')}${leftOut.length > 5 ? ', …' : ''}); use-coverage: false runs them`
            : ''));
}
/** Most files to type-check; beyond that every loader of a changed TypeScript file runs. */
const MAX_TYPECHECK_FILES = 400;
/** Whether ts-jest type-checks `path` when a test loads it. */
function typeCheckedOnLoad(jest, path) {
    if (scanKindOf(path) !== 'ts' && !path.endsWith('.tsx'))
        return false;
    return !!jest.find(j => j.dir === '' || path.startsWith(j.dir + '/'))?.typeChecked;
}
/**
 * For files type-checked on load (ts-jest, `changed`): checks them with the repository's
 * TypeScript (`job`, on its worker when it has one), and the files whose types can change with
 * theirs, unless their declarations are the same as at the base (`baseTexts`). Clean: only the
 * tests that reach changed symbols run. A file with an error: every test that loads it runs.
 * Could not check: every loader of the changed files runs.
 */
async function checkTypes(repo, workTree, changed, baseTexts, job) {
    const all = changed.map(([file]) => file);
    // TypeScript reads the work tree: the one the graph was read from, when it is clean at head.
    const tree = await workTree;
    const atHead = tree !== undefined && (await tree.changed)?.size === 0;
    if (!atHead)
        return {
            loadersRun: all,
            notes: [
                'ts-jest type-checks on load and the work tree is not at head: every loader of a changed TypeScript file runs'
            ]
        };
    const typeScript = (file) => /\.[cm]?tsx?$/.test(file);
    let tooMany = 0;
    /** What depends on the types of `surfaced` (changed files whose declarations changed). */
    const dependentsOf = (surfaced) => {
        const reach = new Map(changed
            .filter(([file]) => surfaced.includes(file))
            .map(([file, change]) => [file, { ...change, typeCheckedOnLoad: true }]));
        const found = [...typeDependents(repo.graph, reach)].filter(typeScript);
        if (found.length <= MAX_TYPECHECK_FILES)
            return found;
        tooMany = found.length;
        return undefined;
    };
    const baseText = (file) => baseTexts.get(file);
    const outcome = await job.outcome(all, baseText, dependentsOf);
    if (tooMany)
        return {
            loadersRun: all,
            notes: [
                `ts-jest type-checks on load and ${tooMany} files would need checking: every loader of a changed TypeScript file runs`
            ]
        };
    if (!outcome.checked)
        return {
            loadersRun: all,
            notes: [
                `ts-jest type-checks on load and the types could not be checked (${outcome.why}): every loader of a changed TypeScript file runs`
            ]
        };
    const checked = outcome.checkedFiles ?? all.length;
    return {
        loadersRun: [...outcome.errors.keys()],
        notes: [
            ...[...outcome.errors].map(([file, message]) => `${file} has a type error (${message.split('\n')[0]}): every test that loads it runs`),
            `type-checked ${checked} file${checked === 1 ? '' : 's'} whose types can change: ${outcome.errors.size} with errors`
        ]
    };
}
/** package.json fields that change neither dependencies, resolution nor how tests run. */
const METADATA_FIELDS = new Set([
    'description', 'keywords', 'author', 'contributors', 'maintainers', 'license', 'repository', 'bugs',
    'homepage', 'funding', 'publishConfig', 'files', 'version', 'private', 'scripts'
]); // prettier-ignore
/**
 * The changed fields when only metadata changed between two package.json texts (scripts other
 * than test ones count as metadata); undefined when anything else changed or a text is not JSON.
 */
function metadataOnlyChange(before, after) {
    let a;
    let b;
    try {
        a = JSON.parse(before);
        b = JSON.parse(after);
    }
    catch {
        return undefined;
    }
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object')
        return undefined;
    const changed = [];
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (JSON.stringify(a[key]) === JSON.stringify(b[key]))
            continue;
        if (!METADATA_FIELDS.has(key))
            return undefined;
        if (key === 'scripts') {
            const sa = (a.scripts ?? {});
            const sb = (b.scripts ?? {});
            for (const name of new Set([...Object.keys(sa), ...Object.keys(sb)])) {
                if (/test/i.test(name) && JSON.stringify(sa[name]) !== JSON.stringify(sb[name]))
                    return undefined;
            }
        }
        changed.push(key);
    }
    return changed;
}


/***/ }),

/***/ 6296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ ScanCache),
/* harmony export */   y: () => (/* binding */ SCANNER_VERSION)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Scan results keyed by git blob SHA and scanner kind: a blob never changes, so an entry is valid
 * for as long as the scanners are the same (SCANNER_VERSION, which also changes with how scans are
 * linked, as the graph snapshot holds links). A warm run rescans changed blobs only.
 *
 * File layout, one JSON value per line. A head: the header (version, fingerprint of the
 * resolutions, the head's length in bytes), the resolutions, the keys, each entry's language, the
 * graph snapshot's header, the length of each line of the bulk, and the revision the resolutions
 * were made for (its files and the configs' fingerprint, see RevisionFiles). Then the bulk: two lines per
 * entry (its link part: imports, exports; its detail part: symbols, strings) and one line per file
 * of the graph snapshot (the edges into it). A warm run reads the head; bulk lines are read and
 * parsed only when something asks for them. Resolutions and the graph snapshot stay valid while
 * the list of files and the project configs are the same (their fingerprint); after files were
 * added or deleted, with the same configs, what still holds is worked out (see relink.ts).
 */
const SCANNER_VERSION = 67;
/** Lines read one at a time with a read of their own; after this many, the whole bulk at once. */
const LINES_READ_ONE_BY_ONE = 256;
/** Closes the file of a bulk that was never read in whole once nothing can read it any more. */
const openFiles = new FinalizationRegistry(fd => {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    catch {
        // already closed
    }
});
/**
 * The lines after a cache file's head (entries, graph edges), read when first asked for: a warm
 * run that reads few of them does not read the rest of the file. The file stays open until the
 * bulk is read in whole, so a cache file replaced meanwhile (by another run) cannot mix in.
 */
class Bulk {
    offset;
    starts;
    buffer;
    fd;
    reads = 0;
    constructor(fd, offset, sizes) {
        this.offset = offset;
        this.fd = fd;
        openFiles.register(this, fd, this);
        const starts = new Float64Array(sizes.length + 1);
        for (let i = 0; i < sizes.length; i++)
            starts[i + 1] = starts[i] + sizes[i] + 1;
        this.starts = starts;
    }
    get count() {
        return this.starts.length - 1;
    }
    at(index) {
        if (index < 0 || index >= this.count)
            return undefined;
        const start = this.starts[index];
        const length = this.starts[index + 1] - start - 1;
        if (!this.buffer && ++this.reads > LINES_READ_ONE_BY_ONE)
            this.readAll();
        if (this.buffer)
            return this.buffer.toString('utf8', start, start + length);
        return this.read(start, length).toString('utf8');
    }
    readAll() {
        this.buffer = this.read(0, this.starts[this.count]);
        this.close();
    }
    close() {
        if (this.fd === undefined)
            return;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(this.fd);
        this.fd = undefined;
        openFiles.unregister(this);
    }
    read(start, length) {
        const buffer = Buffer.allocUnsafe(length);
        let done = 0;
        while (done < length) {
            const got = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(this.fd, buffer, done, length - done, this.offset + start + done);
            if (got === 0)
                throw new Error('the scan cache file is shorter than its head says');
            done += got;
        }
        return buffer;
    }
}
/** The first line of a file (at most 4 KiB) and where the next one starts. */
function readHeader(fd) {
    const chunk = Buffer.allocUnsafe(4096);
    const got = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, chunk, 0, chunk.length, 0);
    const end = chunk.subarray(0, got).indexOf(10);
    return end < 0 ? undefined : { header: chunk.toString('utf8', 0, end), next: end + 1 };
}
/** A cached scan whose link and detail parts are parsed on first use. */
class CachedScan {
    lang;
    lines;
    line;
    parsedLink;
    parsedDetail;
    constructor(lang, lines, line) {
        this.lang = lang;
        this.lines = lines;
        this.line = line;
    }
    get rawLink() {
        return this.lines.at(this.line);
    }
    get rawDetail() {
        return this.lines.at(this.line + 1);
    }
    get link() {
        return (this.parsedLink ??= JSON.parse(this.rawLink));
    }
    get detail() {
        return (this.parsedDetail ??= JSON.parse(this.rawDetail));
    }
    get error() {
        return this.link.error;
    }
    get imports() {
        return this.link.imports;
    }
    get exports() {
        return this.link.exports;
    }
    get exportAll() {
        return this.link.exportAll;
    }
    get esm() {
        return this.link.esm;
    }
    get pkg() {
        return this.link.pkg;
    }
    get embeds() {
        return this.link.embeds;
    }
    get decorated() {
        return this.link.decorated;
    }
    get symbols() {
        return this.detail.symbols;
    }
    get strings() {
        return this.detail.strings;
    }
}
function linkOf(scan) {
    const link = {
        imports: scan.imports,
        exports: scan.exports,
        exportAll: scan.exportAll,
        esm: scan.esm
    };
    if (scan.error !== undefined)
        link.error = scan.error;
    if (scan.pkg !== undefined)
        link.pkg = scan.pkg;
    if (scan.embeds !== undefined)
        link.embeds = scan.embeds;
    if (scan.decorated)
        link.decorated = scan.decorated;
    return link;
}
function storedForm(snapshot) {
    const { fingerprint, keys, outs, edgesInto, sense } = snapshot;
    return {
        fingerprint,
        scanned: keys.length,
        after: snapshot.paths.slice(keys.length),
        keys,
        outs,
        edgesInto,
        sense
    };
}
class ScanCache {
    file;
    loadedEntries = new Map();
    entries = new Map();
    used = new Set();
    resolutionPrint = '';
    resolutionsRaw;
    resolutionsText = '{}';
    /** The revision of the resolutions, as read (parsed on first use) or as this run set it. */
    revisionText = 'null';
    revision;
    /** The snapshot the next save writes. */
    stored;
    /** The stored snapshot as handed to this run's graph (with its paths). */
    handedOut;
    nextSnapshot;
    dirty = false;
    stats = { hits: 0, misses: 0 };
    loadTried = false;
    fileLoaded = false;
    /** The file is read on first use (or by `load()`), so a caller can start other work first. */
    constructor(file) {
        this.file = file;
    }
    /** Reads the cache file's head once; a missing, outdated or unreadable file is an empty cache. */
    load() {
        if (this.loadTried)
            return;
        this.loadTried = true;
        const file = this.file;
        if (!file || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            return;
        let fd;
        try {
            fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'r');
            const first = readHeader(fd);
            if (!first)
                return;
            const header = JSON.parse(first.header);
            if (header.version !== SCANNER_VERSION || typeof header.head !== 'number')
                return;
            const headBytes = Buffer.allocUnsafe(header.head);
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, headBytes, 0, header.head, first.next) !== header.head)
                return;
            const head = headBytes.toString('utf8').split('\n');
            const keys = JSON.parse(head[1] ?? '[]');
            const langs = JSON.parse(head[2] ?? '[]');
            const graph = JSON.parse(head[3] ?? 'null');
            const sizes = JSON.parse(head[4] ?? '[]');
            const edgeLines = 2 * keys.length;
            const graphPaths = graph ? graph.scanned + graph.after.length : 0;
            if (keys.length !== langs.length || sizes.length !== edgeLines + graphPaths)
                return;
            const bulkStart = first.next + header.head;
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).size !== bulkStart + sizes.reduce((sum, size) => sum + size + 1, 0))
                return;
            const bulk = new Bulk(fd, bulkStart, sizes);
            fd = undefined;
            keys.forEach((key, i) => this.loadedEntries.set(key, new CachedScan(langs[i], bulk, 2 * i)));
            this.resolutionPrint = header.fingerprint ?? '';
            this.resolutionsText = head[0] ?? '{}';
            this.revisionText = head[5] || 'null';
            if (graph)
                this.stored = {
                    ...graph,
                    keys: graph.keys.map(i => keys[i] ?? ''),
                    edgesInto: i => bulk.at(edgeLines + i)
                };
            this.fileLoaded = true;
        }
        catch {
            this.loadedEntries.clear();
            this.stored = undefined;
        }
        finally {
            if (fd !== undefined)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    }
    /** Whether a valid cache file was read. */
    get loaded() {
        this.load();
        return this.fileLoaded;
    }
    get(key) {
        this.load();
        const entry = this.entries.get(key) ?? this.loadedEntries.get(key);
        if (entry) {
            this.stats.hits++;
            this.used.add(key);
        }
        else
            this.stats.misses++;
        return entry;
    }
    set(key, scan) {
        this.entries.set(key, scan);
        this.used.add(key);
        this.dirty = true;
    }
    /**
     * Parses the saved resolutions now (while waiting for git, say) rather than on first use. Every
     * key holds a NUL (folder, NUL, specifier), so none is a name Object.prototype has.
     */
    prepareResolutions() {
        this.load();
        this.resolutionsRaw ??= JSON.parse(this.resolutionsText);
    }
    /** Resolutions saved for this fingerprint of the file list and configs (empty when it differs). */
    resolutions(fingerprint) {
        this.load();
        if (fingerprint !== this.resolutionPrint)
            return Object.create(null);
        this.prepareResolutions();
        return this.resolutionsRaw;
    }
    /**
     * Records the resolutions of this run; `grew`: resolutions were added to the ones handed out.
     * `revision`: the files and configs they were made for, so that a run after files were added or
     * deleted can keep what still holds (see previousResolutions).
     */
    setResolutions(fingerprint, resolutions, grew = true, revision) {
        this.load();
        if (fingerprint === this.resolutionPrint && resolutions === this.resolutionsRaw && !grew)
            return;
        if (fingerprint !== this.resolutionPrint)
            this.revision = revision ?? null;
        this.resolutionPrint = fingerprint;
        this.resolutionsRaw = resolutions;
        this.dirty = true;
    }
    /**
     * The saved resolutions with the fingerprint and the revision they were made for, whatever this
     * run's fingerprint; undefined when the revision was not recorded. The object is the cache's
     * own, for this run to cut to what still holds and use as its resolver's memo.
     */
    previousResolutions() {
        this.load();
        try {
            this.revision ??= JSON.parse(this.revisionText);
        }
        catch {
            this.revision = null;
        }
        if (!this.revision)
            return undefined;
        this.prepareResolutions();
        return {
            fingerprint: this.resolutionPrint,
            resolutions: this.resolutionsRaw,
            revision: this.revision
        };
    }
    /**
     * The graph of the last run when it was built for the same fingerprint, which pins the files:
     * `scanned` are the scanned ones, in the graph's order.
     */
    graphSnapshot(fingerprint, scanned) {
        this.load();
        const stored = this.stored;
        if (stored?.fingerprint !== fingerprint || stored.scanned !== scanned.length)
            return undefined;
        this.handedOut ??= { ...stored, paths: [...scanned, ...stored.after] };
        return this.handedOut;
    }
    /** The graph of this run, made when the cache is saved. */
    setGraphSnapshot(snapshot) {
        this.nextSnapshot = snapshot;
    }
    /** Writes the entries this run used (older blobs are dropped), atomically; skips an unchanged cache. */
    save() {
        if (!this.file)
            return;
        this.load();
        if (this.nextSnapshot) {
            const snapshot = this.nextSnapshot();
            this.nextSnapshot = undefined;
            if (snapshot !== this.handedOut) {
                this.stored = storedForm(snapshot);
                this.dirty = true;
            }
        }
        if (!this.dirty && this.used.size === this.loadedEntries.size)
            return;
        const keys = [];
        const langs = [];
        const parts = [];
        for (const key of this.used) {
            const fresh = this.entries.get(key);
            const cached = this.loadedEntries.get(key);
            if (fresh) {
                keys.push(key);
                langs.push(fresh.lang);
                parts.push(JSON.stringify(linkOf(fresh)), JSON.stringify({ symbols: fresh.symbols, strings: fresh.strings }));
            }
            else if (cached) {
                keys.push(key);
                langs.push(cached.lang);
                parts.push(cached.rawLink, cached.rawDetail);
            }
        }
        const snapshot = this.stored;
        const keyIndex = new Map(keys.map((key, i) => [key, i]));
        const graph = snapshot
            ? {
                fingerprint: snapshot.fingerprint,
                scanned: snapshot.scanned,
                after: snapshot.after,
                keys: snapshot.keys.map(key => keyIndex.get(key) ?? -1),
                outs: snapshot.outs,
                sense: snapshot.sense
            }
            : null;
        const edges = snapshot
            ? Array.from({ length: snapshot.scanned + snapshot.after.length }, (_, i) => snapshot.edgesInto(i))
            : [];
        const resolutions = this.resolutionsRaw ? JSON.stringify(this.resolutionsRaw) : this.resolutionsText;
        const bulk = [...parts, ...edges];
        const sizes = bulk.map(line => Buffer.byteLength(line));
        const head = [
            resolutions,
            JSON.stringify(keys),
            JSON.stringify(langs),
            JSON.stringify(graph),
            JSON.stringify(sizes),
            this.revision !== undefined ? JSON.stringify(this.revision) : this.revisionText
        ].join('\n') + '\n';
        const header = JSON.stringify({
            version: SCANNER_VERSION,
            fingerprint: this.resolutionPrint,
            head: Buffer.byteLength(head)
        });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(this.file), { recursive: true });
        const tmp = `${this.file}.${process.pid}.tmp`;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tmp, header + '\n' + head + bulk.map(line => line + '\n').join(''));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, this.file);
        this.dirty = false;
    }
}


/***/ })

};
