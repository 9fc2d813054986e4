export const id = 634;
export const ids = [634];
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
    return selectResult(result, context.inputs.shards, context.workDir, context.repoDir);
};


/***/ })

};
