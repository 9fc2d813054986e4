export const id = 634;
export const ids = [634,564];
export const modules = {

/***/ 52634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SUMMARY_ROWS: () => (/* binding */ SUMMARY_ROWS),
  matrixFor: () => (/* binding */ matrixFor),
  runSelection: () => (/* binding */ runSelection),
  selectCommand: () => (/* binding */ selectCommand),
  selectResult: () => (/* binding */ selectResult),
  selectSummary: () => (/* binding */ selectSummary),
  selectText: () => (/* binding */ selectText),
  selectionJson: () => (/* binding */ selectionJson),
  shellPath: () => (/* binding */ shellPath)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/changes/index.ts + 3 modules
var src_changes = __webpack_require__(3751);
// EXTERNAL MODULE: ./src/ports/git.ts
var ports_git = __webpack_require__(94220);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(65468);
// EXTERNAL MODULE: ./src/select/cached.ts
var cached = __webpack_require__(2492);
// EXTERNAL MODULE: ./src/commands/test.ts
var test = __webpack_require__(44564);
;// CONCATENATED MODULE: ./src/select/shards.ts


/** Recorded durations from `<workDir>/timings.json`, when present and well formed. */
function readTimings(workDir) {
    const timings = new Map();
    const path = (0,external_node_path_.join)(workDir, 'timings.json');
    if (!(0,external_node_fs_.existsSync)(path))
        return timings;
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        for (const [file, entry] of Object.entries(parsed.files ?? {})) {
            const ms = entry?.durationMs;
            if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0)
                timings.set(file, ms);
        }
    }
    catch {
        // unreadable timings: estimate instead
    }
    return timings;
}
/**
 * A duration estimate for a test file without a recorded timing: a fixed start-up cost plus a
 * share per test case (`it(`/`test(`/`def test_`/`func Test`) found in its text.
 */
function estimateDurationMs(text) {
    if (text === undefined)
        return 1000;
    const cases = (text.match(/\b(?:it|test)(?:\.each\([^)]*\))?\s*\(|^\s*(?:async\s+)?def\s+test_|^func\s+Test/gm) ?? []).length;
    return 300 + 50 * Math.max(1, cases) + Math.min(2000, text.length / 50);
}
/**
 * Longest-processing-time-first: the longest test goes to the currently lightest shard. Gives
 * shards within 4/3 of the optimum. Empty shards are dropped; ties break by path for stable output.
 */
function splitIntoShards(tests, count, durationOf) {
    const shards = Array.from({ length: Math.max(1, count) }, (_, i) => ({
        shard: i + 1,
        tests: [],
        expectedMs: 0
    }));
    const ordered = [...tests].sort((a, b) => durationOf(b) - durationOf(a) || a.localeCompare(b));
    for (const test of ordered) {
        let lightest = shards[0];
        for (const shard of shards)
            if (shard.expectedMs < lightest.expectedMs)
                lightest = shard;
        lightest.tests.push(test);
        lightest.expectedMs += durationOf(test);
    }
    const used = shards.filter(shard => shard.tests.length > 0);
    used.forEach((shard, i) => {
        shard.shard = i + 1;
        shard.tests.sort();
    });
    return used;
}

;// CONCATENATED MODULE: ./src/commands/select.ts









/** Rows of the "test ← why" table in the job summary. */
const SUMMARY_ROWS = 200;
const MERMAID_TESTS = 8;
const SUMMARY_LIMIT = 200_000;
const SAFE_PATH = /^[A-Za-z0-9._/@+=,-]+$/;
/** A path for a POSIX shell command line: bare when it is plain, else single-quoted. */
function shellPath(path) {
    return SAFE_PATH.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
function matrixFor(shards) {
    return {
        include: shards.map(s => ({
            shard: s.shard,
            tests: s.tests.map(shellPath).join(' '),
            files: JSON.stringify(s.tests),
            count: s.tests.length
        }))
    };
}
/** The contract of `select --json` (shared/design.md), nothing more. */
function selectionJson(result) {
    return {
        mode: result.mode,
        tests: result.tests,
        reasons: result.reasons,
        fallback: result.fallback,
        changed: result.changed
    };
}
function shardsFor(result, shardCount, workDir, repoDir) {
    const timings = readTimings(workDir);
    const durationOf = (test) => {
        const recorded = timings.get(test);
        if (recorded !== undefined)
            return recorded;
        const file = (0,external_node_path_.join)(repoDir, test);
        try {
            if (!(0,external_node_fs_.existsSync)(file) || (0,external_node_fs_.statSync)(file).size > 2_000_000)
                return estimateDurationMs(undefined);
            return estimateDurationMs((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch {
            return estimateDurationMs(undefined);
        }
    };
    const cache = new Map();
    return splitIntoShards(result.tests, shardCount, test => {
        let ms = cache.get(test);
        if (ms === undefined)
            cache.set(test, (ms = durationOf(test)));
        return ms;
    });
}
function cellCode(text) {
    return (0,markdown/* code */.aY)(text).replace(/\|/g, '\\|');
}
function mermaidLabel(text) {
    return text
        .replace(/[^A-Za-z0-9._/@#<>: -]/g, '_')
        .replace(/</g, '‹')
        .replace(/>/g, '›')
        .slice(0, 120);
}
/** A small graph of changed symbol → test for the first few selected tests. */
function mermaid(result) {
    const tests = result.tests.filter(t => result.reach[t]?.length).slice(0, MERMAID_TESTS);
    if (tests.length === 0)
        return '';
    const ids = new Map();
    const id = (label) => {
        let value = ids.get(label);
        if (!value)
            ids.set(label, (value = `n${ids.size}`));
        return value;
    };
    const lines = ['```mermaid', 'graph LR'];
    for (const test of tests) {
        for (const symbol of (result.reach[test] ?? []).slice(0, 4)) {
            lines.push(`  ${id(symbol)}["${mermaidLabel(symbol)}"] --> ${id(test)}["${mermaidLabel(test)}"]`);
        }
    }
    lines.push('```');
    return lines.join('\n');
}
function graphLine(stats) {
    const read = stats.scanned + stats.cacheHits;
    return stats.graph === 'demand'
        ? `${read} of ${stats.files} files scanned, only what the change reaches, ${stats.totalMs} ms`
        : `${read} of ${stats.files} files scanned (${stats.cacheHits} from the cache), ${stats.totalMs} ms`;
}
function selectSummary(result, shards) {
    const lines = ['### Test selection', ''];
    const modeLine = result.mode === 'all'
        ? `**All ${result.tests.length} test files** run`
        : result.mode === 'none'
            ? '**No test file** can be affected by this change'
            : `**${result.tests.length} of ${result.allTests.length} test files** selected`;
    lines.push(`${modeLine} · ${graphLine(result.stats)}`, '');
    if (result.fallback)
        lines.push(`> [!NOTE]\n> Running every test: ${(0,markdown/* escapeCell */.kq)(result.fallback)}`, '');
    if (result.changed.length) {
        const rows = result.changed
            .slice(0, SUMMARY_ROWS)
            .map(c => [
            cellCode(c.file),
            (0,markdown/* escapeCell */.kq)(c.symbols.slice(0, 20).join(', ') + (c.symbols.length > 20 ? ', …' : ''))
        ]);
        lines.push('<details><summary>Changed symbols</summary>', '', (0,markdown/* table */.tp)(['File', 'Symbols'], rows), '', '</details>', '');
    }
    if (result.mode === 'selected') {
        const rows = result.tests.slice(0, SUMMARY_ROWS).map(test => {
            const chain = (result.reasons[test] ?? []).filter(step => step !== test);
            return [cellCode(test), chain.length ? chain.map(cellCode).reverse().join(' ← ') : 'changed'];
        });
        lines.push((0,markdown/* table */.tp)(['Test', '← why'], rows));
        if (result.tests.length > SUMMARY_ROWS)
            lines.push('', `_…and ${result.tests.length - SUMMARY_ROWS} more; the \`tests\` output has them all._`);
        const graph = mermaid(result);
        if (graph)
            lines.push('', '<details><summary>Changed symbol → test</summary>', '', graph, '', '</details>');
    }
    if (shards.length > 1) {
        lines.push('', (0,markdown/* table */.tp)(['Shard', 'Tests', 'Expected'], shards.map(s => [String(s.shard), String(s.tests.length), `${(s.expectedMs / 1000).toFixed(1)} s`])));
    }
    if (result.unreached.length) {
        const list = result.unreached
            .slice(0, 30)
            .map(u => cellCode(`${u.file}#${u.symbol}`))
            .join(', ');
        lines.push('', `Changed symbols no test reaches: ${list}${result.unreached.length > 30 ? ', …' : ''}`);
    }
    if (result.notes.length)
        lines.push('', ...result.notes.slice(0, 20).map(n => `- ${(0,markdown/* escapeCell */.kq)(n)}`));
    return (0,markdown/* truncate */.xv)(lines.join('\n') + '\n', SUMMARY_LIMIT);
}
function selectText(result) {
    const lines = [
        `mode ${result.mode}: ${result.tests.length} test file${result.tests.length === 1 ? '' : 's'}`
    ];
    if (result.fallback)
        lines.push(`run all: ${result.fallback}`);
    for (const c of result.changed)
        lines.push(`changed ${c.file}: ${c.symbols.join(', ')}`);
    lines.push('');
    if (result.mode !== 'all') {
        for (const test of result.tests) {
            const chain = (result.reasons[test] ?? []).filter(step => step !== test);
            lines.push(`${test}  <-  ${chain.reverse().join(' <- ') || 'changed'}`);
        }
    }
    else
        lines.push(...result.tests);
    return lines.join('\n');
}
function selectResult(result, shardCount, workDir, repoDir) {
    const shards = result.tests.length ? shardsFor(result, shardCount, workDir, repoDir) : [];
    return {
        outputs: {
            tests: (0,outputs/* safeJson */.o)(result.tests),
            count: (0,outputs/* safeWord */.m)(result.tests.length),
            mode: (0,outputs/* safeWord */.m)(result.mode),
            matrix: (0,outputs/* safeJson */.o)(matrixFor(shards))
        },
        summary: selectSummary(result, shards),
        json: selectionJson(result),
        text: selectText(result)
    };
}
async function runSelection(context) {
    const git = new ports_git/* Git */.TU(context.repoDir);
    const changes = await context.log.group('Change detection', () => (0,src_changes/* detectChanges */.f8)((0,src_changes/* changeOptions */.D$)(context, git)));
    return (0,cached/* selectChange */.f)(context, git, changes.baseKind === 'empty-tree' ? undefined : changes.base, changes.head);
}
const selectCommand = async (context) => {
    const result = await runSelection(context);
    context.log.info(result.mode === 'all'
        ? `Running all ${result.tests.length} test files: ${result.fallback}`
        : `Selected ${result.tests.length} of ${result.allTests.length} test files.`);
    // Shards are balanced by the timings earlier test runs recorded (a select job has none of its own).
    if (context.inputs.shards > 1 && result.tests.length > 1)
        await (0,test.restoreTimings)(context);
    return selectResult(result, context.inputs.shards, context.workDir, context.repoDir);
};


/***/ }),

/***/ 44564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   annotationsFor: () => (/* binding */ annotationsFor),
/* harmony export */   countingFailures: () => (/* binding */ countingFailures),
/* harmony export */   failuresOf: () => (/* binding */ failuresOf),
/* harmony export */   renderSummary: () => (/* binding */ renderSummary),
/* harmony export */   renderText: () => (/* binding */ renderText),
/* harmony export */   restoreTimings: () => (/* binding */ restoreTimings),
/* harmony export */   runTestStage: () => (/* binding */ runTestStage),
/* harmony export */   testCommand: () => (/* binding */ testCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _changes_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3751);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _ports_cache_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5994);
/* harmony import */ var _ports_git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94220);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(54285);
/* harmony import */ var _report_outputs_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(65468);
/* harmony import */ var _runners_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(98721);
/* harmony import */ var _runners_timings_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(63464);
/* harmony import */ var _coverage_cache_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(84649);











/** GitHub shows at most 10 error annotations a step; the rest are listed in the summary. */
const ANNOTATION_LIMIT = 10;
const SLOWEST_FILES = 10;
const MESSAGE_LIMIT = 500;
/** Every failure that still counts (flaky ones excluded), new ones first. */
function failuresOf(report) {
    const failures = [];
    for (const file of report.files) {
        if (!(0,_runners_index_js__WEBPACK_IMPORTED_MODULE_5__/* .isFailing */ .DI)(file) || file.flaky)
            continue;
        const cases = file.tests.filter(test => (0,_runners_index_js__WEBPACK_IMPORTED_MODULE_5__/* .isFailingCase */ .BZ)(test) && test.failureKind !== 'flaky');
        for (const test of cases)
            failures.push(caseFailure(file, test));
        if (cases.length === 0) {
            failures.push({
                file: file.file,
                name: '(whole file)',
                message: (file.output ?? 'The file failed without a report.').trim().split('\n')[0] ?? '',
                kind: file.failureKind === 'new' || file.failureKind === 'already-failing' ? file.failureKind : 'failing'
            });
        }
    }
    const rank = { new: 0, failing: 1, 'already-failing': 2 };
    return failures.sort((a, b) => rank[a.kind] - rank[b.kind]);
}
function caseFailure(file, test) {
    return {
        file: file.file,
        name: test.name,
        message: firstLines(test.message ?? 'Test failed.'),
        ...(test.location ? { location: { file: test.location.file, line: test.location.line } } : {}),
        kind: test.failureKind === 'new' || test.failureKind === 'already-failing' ? test.failureKind : 'failing'
    };
}
function firstLines(text, lines = 6) {
    return (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .truncate */ .xv)(text.trim().split('\n').slice(0, lines).join('\n'), MESSAGE_LIMIT, '…');
}
function flakyOf(report) {
    const flaky = [];
    for (const file of report.files) {
        const cases = file.tests.filter(test => test.failureKind === 'flaky');
        for (const test of cases)
            flaky.push({ file: file.file, name: test.name });
        if (file.flaky && cases.length === 0)
            flaky.push({ file: file.file, name: '(whole file)' });
    }
    return flaky;
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
}
/** Failures that fail the step: new ones with a baseline, every one without. */
function countingFailures(report) {
    const failures = failuresOf(report);
    return report.baseline ? failures.filter(f => f.kind === 'new') : failures;
}
function renderSummary(report, annotated) {
    const failures = failuresOf(report);
    const counting = countingFailures(report);
    const flaky = flakyOf(report);
    const status = counting.length > 0 ? '❌' : '✅';
    const lines = [
        `## ${status} Tests (${report.frameworks.join(', ') || report.framework})`,
        '',
        (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .table */ .tp)(['Passed', 'Failed', 'Skipped', 'Flaky', 'Files', 'Duration'], [
            [
                String(report.totals.passed),
                String(report.totals.failed),
                String(report.totals.skipped),
                String(report.totals.flaky),
                String(report.files.length),
                seconds(report.durationMs)
            ]
        ])
    ];
    if (report.baseline) {
        lines.push('', `Compared with base ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .code */ .aY)(report.baseline.base)}: ${report.baseline.newFailures} new failure(s), ` +
            `${report.baseline.alreadyFailing} already failing before this change (those do not fail the step).`);
    }
    const section = (title, items) => {
        if (items.length === 0)
            return;
        lines.push('', `### ${title} (${items.length})`, '');
        lines.push((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .table */ .tp)(['Test', 'Where', 'Message'], items.map(f => [
            (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .escapeCell */ .kq)(f.name),
            f.location ? (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .code */ .aY)(`${f.location.file}:${f.location.line}`) : (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .code */ .aY)(f.file),
            (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .escapeCell */ .kq)(f.message.replace(/\s*\n\s*/g, ' '))
        ])));
    };
    if (report.baseline) {
        section('New failures', failures.filter(f => f.kind === 'new'));
        section('Already failing on base', failures.filter(f => f.kind === 'already-failing'));
    }
    else {
        section('Failures', failures);
    }
    if (flaky.length > 0) {
        lines.push('', `### Flaky (${flaky.length}): failed, then passed on a retry`, '');
        lines.push((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .table */ .tp)(['Test', 'File'], flaky.map(f => [(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .escapeCell */ .kq)(f.name), (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .code */ .aY)(f.file)])));
    }
    const slowest = [...report.files].sort((a, b) => b.durationMs - a.durationMs).slice(0, SLOWEST_FILES);
    if (slowest.length > 0) {
        lines.push('', '### Slowest files', '');
        lines.push((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .table */ .tp)(['File', 'Duration', 'Status'], slowest.map(f => [(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .code */ .aY)(f.file), seconds(f.durationMs), f.status])));
    }
    if (failures.length > annotated) {
        lines.push('', `_${annotated} failure(s) are annotated in the code; GitHub shows at most ${ANNOTATION_LIMIT} a step, so every failure is listed above._`);
    }
    const crashed = report.files.filter(file => file.output && (0,_runners_index_js__WEBPACK_IMPORTED_MODULE_5__/* .isFailing */ .DI)(file) && !file.flaky);
    for (const file of crashed.slice(0, 5)) {
        lines.push('', (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .details */ .zH)(`Output of ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .escapeCell */ .kq)(file.file)} (${file.status})`, '```text\n' + (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_8__/* .truncate */ .xv)(file.output ?? '', 4000).replace(/```/g, "'''") + '\n```'));
    }
    return lines.join('\n');
}
function renderText(report) {
    const lines = [
        `${report.frameworks.join(', ') || report.framework}: ${report.totals.passed} passed, ${report.totals.failed} failed, ` +
            `${report.totals.skipped} skipped, ${report.totals.flaky} flaky in ${seconds(report.durationMs)}`
    ];
    const width = Math.max(4, ...report.files.map(f => f.file.length));
    for (const file of report.files) {
        lines.push(`${file.status.padEnd(8)} ${file.file.padEnd(width)} ${seconds(file.durationMs)}${file.flaky ? ' (flaky)' : ''}`);
        for (const test of file.tests) {
            if (!(0,_runners_index_js__WEBPACK_IMPORTED_MODULE_5__/* .isFailingCase */ .BZ)(test) && test.failureKind !== 'flaky')
                continue;
            const where = test.location ? ` at ${test.location.file}:${test.location.line}` : '';
            const kind = test.failureKind ? ` [${test.failureKind}]` : '';
            lines.push(`         ✗ ${test.name}${kind}${where}: ${(test.message ?? '').split('\n')[0]}`);
        }
        if ((0,_runners_index_js__WEBPACK_IMPORTED_MODULE_5__/* .isFailing */ .DI)(file) && !file.tests.some(_runners_index_js__WEBPACK_IMPORTED_MODULE_5__/* .isFailingCase */ .BZ) && file.output) {
            lines.push(`         ${file.output.split('\n')[0]}`);
        }
    }
    return lines.join('\n');
}
function annotationsFor(report) {
    return countingFailures(report)
        .filter(f => f.location)
        .slice(0, ANNOTATION_LIMIT)
        .map(f => ({
        level: 'error',
        title: `Test failed: ${f.name}`.slice(0, 200),
        message: f.message,
        file: f.location?.file,
        startLine: f.location?.line
    }));
}
async function baseRevision(context) {
    if (context.inputs.base)
        return context.inputs.base;
    const changes = await (0,_changes_index_js__WEBPACK_IMPORTED_MODULE_2__/* .detectChanges */ .f8)((0,_changes_index_js__WEBPACK_IMPORTED_MODULE_2__/* .changeOptions */ .D$)(context, new _ports_git_js__WEBPACK_IMPORTED_MODULE_4__/* .Git */ .TU(context.repoDir)));
    if (changes.baseKind !== 'commit') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('Input "compare-to-base" needs a base commit, and none could be found for this event. Example: base: origin/main', 'base');
    }
    return changes.base;
}
function timingsCacheKey(context) {
    const { event } = context;
    return `ci-medic-timings-${event.runId ?? 'local'}-${event.runAttempt ?? '1'}-${context.env.GITHUB_JOB ?? 'job'}-${Date.now()}`;
}
/** Restores the per-file timings earlier `test` runs saved in the Actions cache (outside Actions: nothing to do). */
async function restoreTimings(context) {
    const cache = (0,_ports_cache_js__WEBPACK_IMPORTED_MODULE_9__/* .createCachePort */ ._)(context.env, context.log);
    if (!cache.available || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(context.workDir, _runners_timings_js__WEBPACK_IMPORTED_MODULE_6__/* .TIMINGS_FILE */ .hP)))
        return;
    await context.log.group('Restore test timings', async () => {
        await cache.restore([(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(context.workDir, _runners_timings_js__WEBPACK_IMPORTED_MODULE_6__/* .TIMINGS_FILE */ .hP)], `ci-medic-timings-${context.event.runId ?? 'local'}`, ['ci-medic-timings-']);
    });
}
/**
 * Runs test files the way both `test` and `ci` do: timings restored and saved with the Actions
 * cache, a clear error when no suite is found, the failing tests rerun on the base commit with
 * `compare-to-base`, and the JSON report written to the work folder.
 */
async function runTestStage(context, files, base) {
    const { inputs, log, repoDir } = context;
    const workDir = context.workDir;
    const cache = (0,_ports_cache_js__WEBPACK_IMPORTED_MODULE_9__/* .createCachePort */ ._)(context.env, log);
    const timingsPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workDir, _runners_timings_js__WEBPACK_IMPORTED_MODULE_6__/* .TIMINGS_FILE */ .hP);
    await restoreTimings(context);
    const runOptions = {
        testCommand: inputs.testCommand,
        timeoutMs: inputs.testTimeout,
        retries: inputs.retries,
        log,
        env: context.env
    };
    const coverage = inputs.recordCoverage ? (0,_coverage_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .coverageMapCache */ .l)(context) : undefined;
    await coverage?.restore();
    let report = await log.group('Run tests', () => (0,_runners_index_js__WEBPACK_IMPORTED_MODULE_5__/* .runTests */ .N$)({
        ...runOptions,
        repoDir,
        files,
        timingsDir: workDir,
        ...(inputs.recordCoverage ? { coverageDir: workDir } : {})
    }));
    if (report.coverageMap) {
        const { recorded, commit, untracked, why } = report.coverageMap;
        log.info(recorded
            ? `Coverage map: recorded what ${recorded} test file(s) ran at ${commit?.slice(0, 12)}${untracked ? ` (${untracked} left out: they loaded files git does not track)` : ''}.`
            : `Coverage map: nothing recorded (${why}).`);
        if (recorded)
            await coverage?.save();
    }
    if (report.files.length === 0 && !inputs.testCommand) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('No tests were found to run: no jest, vitest, mocha, node --test, pytest or go test suite was detected. ' +
            'Name the files or the command. Example: test-command: "npm test -- {files}"', 'test-command');
    }
    const baseRev = inputs.compareToBase && countingFailures(report).length > 0 ? await base() : undefined;
    if (baseRev) {
        report = await log.group('Run the failing tests on the base commit', () => (0,_runners_index_js__WEBPACK_IMPORTED_MODULE_5__/* .compareToBase */ .KA)({
            repoDir,
            base: baseRev,
            report,
            log,
            run: (dir, baseFiles) => (0,_runners_index_js__WEBPACK_IMPORTED_MODULE_5__/* .runTests */ .N$)({ ...runOptions, repoDir: dir, files: baseFiles, retries: 0 })
        }));
    }
    if (cache.available) {
        await log.group('Save test timings', async () => {
            await cache.save([timingsPath], timingsCacheKey(context));
        });
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(workDir, { recursive: true });
    const reportPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workDir, 'test-report.json');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(reportPath, JSON.stringify(report, null, 2) + '\n');
    return { report, reportPath };
}
const testCommand = async (context) => {
    const { inputs } = context;
    const { report, reportPath } = await runTestStage(context, inputs.files.length > 0 ? inputs.files : undefined, () => baseRevision(context));
    const counting = countingFailures(report);
    const annotations = annotationsFor(report);
    const failedCount = report.baseline ? report.baseline.newFailures : report.totals.failed;
    const result = {
        outputs: {
            passed: (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_10__/* .safeWord */ .m)(report.totals.passed),
            failed: (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_10__/* .safeWord */ .m)(failedCount),
            flaky: (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_10__/* .safeWord */ .m)(report.totals.flaky),
            report: (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_10__/* .safeWord */ .m)(reportPath)
        },
        summary: renderSummary(report, annotations.length),
        json: report,
        text: renderText(report),
        annotations
    };
    if (counting.length > 0) {
        result.failure = report.baseline
            ? `${counting.length} new test failure(s) (${report.baseline.alreadyFailing} already failing on base). See the job summary.`
            : `${counting.length} test failure(s). See the job summary.`;
    }
    return result;
};


/***/ })

};
