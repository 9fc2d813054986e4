export const id = 729;
export const ids = [729,634,564];
export const modules = {

/***/ 11729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ciCommand: () => (/* binding */ ciCommand)
});

// EXTERNAL MODULE: ./src/select/cached.ts
var cached = __webpack_require__(2492);
// EXTERNAL MODULE: ./src/changes/index.ts + 3 modules
var src_changes = __webpack_require__(3751);
;// CONCATENATED MODULE: ./src/ci/graph.ts
/** A Mermaid picture of how a change reaches the selected tests: changed symbol → importing modules → test. */
const MAX_TESTS = 6;
const MAX_EDGES = 40;
function label(text) {
    // Mermaid labels in quotes: no quotes, brackets or markup; keep paths and #symbols readable.
    return text.replace(/[^A-Za-z0-9._/@#: -]/g, '_').slice(0, 100);
}
/**
 * `reasons[test]` is the chain from a changed `file#symbol` to the test path. Draws the chains of
 * the first few tests as one left-to-right graph, sharing nodes, or '' when there is nothing to draw.
 */
function selectionPathGraph(tests, reasons) {
    const ids = new Map();
    const edges = new Set();
    const changed = new Set();
    const selected = new Set();
    const id = (node) => {
        let value = ids.get(node);
        if (!value)
            ids.set(node, (value = `n${ids.size}`));
        return value;
    };
    for (const test of tests.filter(t => (reasons[t]?.length ?? 0) > 1).slice(0, MAX_TESTS)) {
        const chain = reasons[test];
        // `file#symbol` then `file` says the same thing twice in a picture.
        const path = chain.length > 2 && chain[0].startsWith(`${chain[1]}#`) ? [chain[0], ...chain.slice(2)] : chain;
        changed.add(path[0]);
        selected.add(test);
        for (let i = 1; i < path.length && edges.size < MAX_EDGES; i++) {
            edges.add(`  ${id(path[i - 1])}["${label(path[i - 1])}"] --> ${id(path[i])}["${label(path[i])}"]`);
        }
    }
    if (edges.size === 0)
        return '';
    const lines = ['```mermaid', 'graph LR', ...edges];
    lines.push('  classDef changed fill:#fde2e1,stroke:#cf222e', '  classDef test fill:#dafbe1,stroke:#1a7f37');
    const changedIds = [...changed].filter(n => ids.has(n)).map(n => ids.get(n));
    const testIds = [...selected].filter(n => ids.has(n)).map(n => ids.get(n));
    if (changedIds.length)
        lines.push(`  class ${changedIds.join(',')} changed`);
    if (testIds.length)
        lines.push(`  class ${testIds.join(',')} test`);
    lines.push('```');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/ci/summary.ts
/** The `ci` command's job summary: a one-line verdict, a stage table, then one foldable section per stage. */

const STATE_MARK = {
    passed: '✅',
    done: '✅',
    'not-needed': '➖',
    fixed: '🩹',
    failed: '❌',
    skipped: '⏭️'
};
/** GitHub allows 1 MiB a step; keep well below, leaving each stage a fair share. */
const SUMMARY_LIMIT = 900_000;
/** Headings inside a fold would compete with the verdict: demote them below level 3. */
function demoteHeadings(markdown) {
    let fenced = false;
    return markdown
        .split('\n')
        .map(line => {
        if (/^\s*(```|~~~)/.test(line))
            fenced = !fenced;
        if (fenced)
            return line;
        const match = /^(#{1,3}) (.*)$/.exec(line);
        return match ? `#### ${match[2]}` : line;
    })
        .join('\n');
}
function renderCiSummary(input) {
    const parts = [`## CI Medic`, '', `**${input.verdict}**`, ''];
    for (const note of input.notes)
        parts.push(note, '');
    parts.push((0,markdown/* table */.tp)(['Stage', 'Outcome'], input.stages.map(stage => [`${STATE_MARK[stage.state]} ${stage.name}`, (0,markdown/* escapeCell */.kq)(stage.outcome)])), '');
    const share = Math.floor(SUMMARY_LIMIT / Math.max(1, input.stages.length));
    for (const stage of input.stages) {
        const title = `<b>${STATE_MARK[stage.state]} ${escapeHtml(stage.name)}</b> — ${escapeHtml(stage.outcome)}`;
        parts.push((0,markdown/* details */.zH)(title, (0,markdown/* truncate */.xv)(demoteHeadings(stage.body.trim()), share), stage.open ?? false), '');
    }
    return parts.join('\n');
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** "1 test", "2 tests". */
function plural(count, word, many = `${word}s`) {
    return `${count} ${count === 1 ? word : many}`;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/fix/run.ts + 9 modules
var run = __webpack_require__(83359);
// EXTERNAL MODULE: ./src/generate/run.ts + 15 modules
var generate_run = __webpack_require__(80113);
// EXTERNAL MODULE: ./src/llm/index.ts + 4 modules
var src_llm = __webpack_require__(44589);
// EXTERNAL MODULE: ./src/ports/git.ts
var ports_git = __webpack_require__(94220);
// EXTERNAL MODULE: ./src/report/audit.ts
var audit = __webpack_require__(8809);
// EXTERNAL MODULE: ./src/report/outputs.ts
var report_outputs = __webpack_require__(65468);
// EXTERNAL MODULE: ./src/select/index.ts + 19 modules
var src_select = __webpack_require__(15538);
// EXTERNAL MODULE: ./src/commands/select.ts + 1 modules
var commands_select = __webpack_require__(52634);
// EXTERNAL MODULE: ./src/commands/test.ts
var test = __webpack_require__(44564);
;// CONCATENATED MODULE: ./src/commands/ci.ts














const AUTONOMY_WORDS = {
    shadow: 'shown in this summary (shadow mode)',
    report: 'shown in this summary (delivery was not allowed)',
    suggest: 'delivered as review suggestions',
    pr: 'delivered as a pull request',
    commit: 'pushed to the branch'
};
const NO_LLM_NOTE = '> [!NOTE]\n> No LLM endpoint is configured, so CI Medic selected and ran the tests only. ' +
    'With one — GitHub Models through the workflow token (`permissions: models: read`), or any OpenAI-compatible ' +
    'endpoint (`llm-base-url`, `llm-model`, `llm-api-key`) — it would also propose a fix for new failures, validated ' +
    'by rerunning the tests, and write tests for changed code no test covers.';
/** The mode of the delivery the fixer recorded in the audit log (`shadow`, `suggest`, `pr`, `commit`, `report`). */
function deliveryMode(audit) {
    const entry = [...audit.entries()].reverse().find(e => e.type === 'deliver' && e.kind === 'fix');
    return entry ? String(entry.mode) : undefined;
}
async function runStages(context) {
    const { log, repoDir } = context;
    const git = new ports_git/* Git */.TU(repoDir);
    const audit = (0,src_llm/* createRunAudit */.HP)(context, 'audit-ci');
    // Decided once, before any test runs, so inconsistent LLM inputs fail fast.
    const llm = (0,src_llm/* createLlmGateway */.Cn)(context, audit);
    const changes = await log.group('Change detection', () => (0,src_changes/* detectChanges */.f8)((0,src_changes/* changeOptions */.D$)(context, git)));
    const base = changes.baseKind === 'empty-tree' ? undefined : changes.base;
    const selection = await (0,cached/* selectChange */.f)(context, git, base, changes.head);
    const stages = { selection, llm, audit, errors: {} };
    const redactor = (0,src_llm/* runRedactor */.Ms)(context);
    if (selection.mode !== 'none') {
        const files = selection.mode === 'all' ? undefined : selection.tests;
        const { report, reportPath } = await (0,test.runTestStage)(context, files, async () => base);
        stages.reportPath = reportPath;
        stages.report = report;
        if ((0,test.countingFailures)(report).length > 0 && llm.gateway) {
            try {
                stages.fix = await (0,run/* runFix */.h)(context, {
                    report,
                    selection,
                    selectedFiles: files ?? report.files.map(f => f.file),
                    base,
                    head: changes.head,
                    changedFiles: changes.files.map(f => f.path),
                    audit,
                    gateway: llm.gateway
                });
            }
            catch (error) {
                if ((0,errors/* isConfigurationError */.p0)(error))
                    throw error;
                stages.errors.fix = redactor.clean((0,errors/* errorMessage */.gJ)(error));
                log.error(`The fixer stopped: ${stages.errors.fix}`);
            }
        }
    }
    const green = !stages.report || (0,test.countingFailures)(stages.report).length === 0;
    if (green && changedSourceOf(selection) && llm.gateway) {
        try {
            stages.generate = await (0,generate_run/* runGenerate */.H)(context, {
                base,
                head: changes.head,
                selection,
                audit,
                gateway: llm.gateway
            });
        }
        catch (error) {
            if ((0,errors/* isConfigurationError */.p0)(error))
                throw error;
            stages.errors.generate = redactor.clean((0,errors/* errorMessage */.gJ)(error));
            log.warning(`Test generation stopped: ${stages.errors.generate}`);
        }
    }
    return stages;
}
/** Changed code (not tests) the generator could write tests for. */
function changedSourceOf(selection) {
    return selection.changed.some(c => (0,src_select/* scanKindOf */.tf)(c.file) !== undefined && !selection.allTests.includes(c.file));
}
function isNoEndpoint(llm) {
    return !llm.gateway && (llm.disabledReason ?? '').startsWith('No LLM endpoint');
}
function shortLlmReason(llm) {
    if (isNoEndpoint(llm))
        return 'skipped: no LLM endpoint configured';
    return `skipped: ${(llm.disabledReason ?? 'no LLM for this run').split(/(?<=\.)\s/)[0]}`;
}
function selectOutcome(selection) {
    if (selection.mode === 'none')
        return 'no test file can be affected by this change';
    if (selection.mode === 'all')
        return `all ${plural(selection.allTests.length, 'test file')}: ${selection.fallback ?? 'fallback'}`;
    return `${selection.tests.length} of ${plural(selection.allTests.length, 'test file')} selected`;
}
function verdictOf(stages, failOnFixed) {
    const { selection, report, fix } = stages;
    if (!report) {
        return { verdict: `✅ Nothing to test: ${selectOutcome(selection)}` };
    }
    const counting = (0,test.countingFailures)(report);
    const newWord = report.baseline ? 'new ' : '';
    if (counting.length === 0) {
        const what = selection.mode === 'all'
            ? `${plural(report.totals.passed, 'test')} passed (all tests ran)`
            : `${plural(report.totals.passed, 'selected test')} passed`;
        const extra = report.baseline?.alreadyFailing
            ? ` (${report.baseline.alreadyFailing} already failing on base)`
            : '';
        return { verdict: `✅ ${what}${extra}` };
    }
    const failures = plural(counting.length, `${newWord}failure`);
    if (fix?.status === 'fixed') {
        const mode = deliveryMode(stages.audit) ?? 'report';
        const delivered = mode !== 'report';
        const how = AUTONOMY_WORDS[mode] ?? `delivered (${mode})`;
        if (delivered && !failOnFixed) {
            return {
                verdict: `✅ ${failures} with a validated fix — ${how}; passing because fail-on-fixed is false`
            };
        }
        return {
            verdict: `❌ ${failures} — a validated fix was ${how}`,
            failure: `${failures}; a validated fix was ${how}.${delivered ? ' Set fail-on-fixed: false to pass the step when a fix is delivered.' : ''}`
        };
    }
    if (stages.errors.fix) {
        return {
            verdict: `❌ ${failures} — the fixer stopped with an error`,
            failure: `${failures}; the fixer stopped with an error: ${stages.errors.fix}`
        };
    }
    if (fix) {
        return {
            verdict: `❌ ${failures} — no validated fix was found`,
            failure: `${failures}, and no validated fix was found. See the job summary.`
        };
    }
    const why = stages.llm.gateway
        ? ''
        : isNoEndpoint(stages.llm)
            ? ' — no LLM endpoint configured, so no fix was attempted'
            : ' — the fixer did not run (no LLM for this run)';
    return { verdict: `❌ ${failures}${why}`, failure: `${failures}. See the job summary.` };
}
function sections(stages) {
    const { selection, report, fix, generate, llm } = stages;
    const graph = selection.mode === 'selected' ? selectionPathGraph(selection.tests, selection.reasons) : '';
    const list = [
        {
            name: 'Select',
            state: 'done',
            outcome: selectOutcome(selection),
            body: (graph ? `How the change reaches the tests:\n\n${graph}\n\n` : '') + (0,commands_select.selectSummary)(selection, [])
        }
    ];
    if (report) {
        const counting = (0,test.countingFailures)(report);
        const annotated = (0,test.annotationsFor)(report).length;
        list.push({
            name: 'Run',
            state: counting.length ? 'failed' : 'passed',
            outcome: `${report.totals.passed} passed, ${report.totals.failed} failed${report.totals.flaky ? `, ${report.totals.flaky} flaky` : ''}${report.baseline ? ` (${report.baseline.newFailures} new)` : ''}`,
            body: (0,test.renderSummary)(report, annotated),
            open: counting.length > 0 && fix?.status !== 'fixed'
        });
        if (counting.length > 0) {
            if (fix) {
                list.push({
                    name: 'Fix',
                    state: fix.status === 'fixed' ? 'fixed' : 'failed',
                    outcome: fix.status === 'fixed' ? 'a validated fix (tests green with it)' : 'no validated fix',
                    body: fix.result.summary,
                    open: true
                });
            }
            else if (stages.errors.fix) {
                list.push({
                    name: 'Fix',
                    state: 'failed',
                    outcome: 'stopped with an error',
                    body: `The fixer stopped with an error; the test results above stand.\n\n\`\`\`text\n${stages.errors.fix.replace(/```/g, "'''")}\n\`\`\``,
                    open: true
                });
            }
            else {
                list.push({
                    name: 'Fix',
                    state: 'skipped',
                    outcome: shortLlmReason(llm),
                    body: llm.disabledReason ?? 'The fixer did not run.'
                });
            }
        }
    }
    if (generate) {
        const kept = generate.report?.kept.length ?? 0;
        list.push({
            name: 'Generate',
            state: generate.report ? 'done' : 'skipped',
            outcome: generate.report
                ? `${generate.report.outcomes.length} candidate(s), ${kept} kept, +${generate.report.coverage.deltaPercent}% changed lines covered`
                : 'skipped',
            body: generate.result.summary
        });
    }
    else if (stages.errors.generate) {
        list.push({
            name: 'Generate',
            state: 'failed',
            outcome: 'stopped with an error (the step is not failed for it)',
            body: `Test generation stopped with an error:\n\n\`\`\`text\n${stages.errors.generate.replace(/```/g, "'''")}\n\`\`\``
        });
    }
    else if (!llm.gateway &&
        changedSourceOf(selection) &&
        (!report || (0,test.countingFailures)(report).length === 0)) {
        list.push({
            name: 'Generate',
            state: 'skipped',
            outcome: shortLlmReason(llm),
            body: llm.disabledReason ?? 'No LLM endpoint.'
        });
    }
    return list;
}
function outputsOf(stages) {
    const { selection, report, fix, generate } = stages;
    const outputs = {
        tests: (0,report_outputs/* safeJson */.o)(selection.tests),
        count: (0,report_outputs/* safeWord */.m)(selection.tests.length),
        mode: (0,report_outputs/* safeWord */.m)(selection.mode),
        passed: (0,report_outputs/* safeWord */.m)(report?.totals.passed ?? 0),
        failed: (0,report_outputs/* safeWord */.m)(report ? (report.baseline ? report.baseline.newFailures : report.totals.failed) : 0),
        flaky: (0,report_outputs/* safeWord */.m)(report?.totals.flaky ?? 0),
        'fix-status': (0,report_outputs/* safeWord */.m)(fix?.status ??
            (stages.errors.fix
                ? 'not-fixed'
                : report && (0,test.countingFailures)(report).length
                    ? 'skipped'
                    : 'not-needed')),
        generated: (0,report_outputs/* safeWord */.m)(generate?.report?.outcomes.length ?? 0),
        kept: (0,report_outputs/* safeWord */.m)(generate?.report?.kept.length ?? 0),
        'coverage-delta': (0,report_outputs/* safeWord */.m)(generate?.report?.coverage.deltaPercent ?? 0)
    };
    if (stages.reportPath)
        outputs.report = (0,report_outputs/* safeWord */.m)(stages.reportPath);
    if (generate?.result.outputs['generated-tests'])
        outputs['generated-tests'] = generate.result.outputs['generated-tests'];
    return outputs;
}
function textOf(stages, verdict) {
    const parts = [verdict, '', '— select —', (0,commands_select.selectText)(stages.selection)];
    if (stages.report)
        parts.push('', '— test —', (0,test.renderText)(stages.report));
    if (stages.fix)
        parts.push('', '— fix —', stages.fix.result.text);
    else if (stages.errors.fix)
        parts.push('', '— fix —', `fix: stopped with an error — ${stages.errors.fix}`);
    else if (stages.report && (0,test.countingFailures)(stages.report).length)
        parts.push('', '— fix —', `fix: skipped — ${stages.llm.disabledReason ?? 'not run'}`);
    if (stages.generate)
        parts.push('', '— generate —', stages.generate.result.text);
    else if (stages.errors.generate)
        parts.push('', '— generate —', `generate: stopped with an error — ${stages.errors.generate}`);
    return parts.join('\n');
}
/** `ci`: select → run the selected tests → fix new failures → generate tests for uncovered changed code, in one summary. */
const ciCommand = async (context) => {
    const stages = await runStages(context);
    const { verdict, failure } = verdictOf(stages, context.inputs.failOnFixed);
    const folds = sections(stages);
    if (stages.fix || stages.generate || stages.errors.fix || stages.errors.generate) {
        const artifact = await (0,audit/* uploadAuditArtifact */.xe)(stages.audit, { env: context.env, log: context.log });
        folds.push({
            name: 'Audit',
            state: 'done',
            outcome: artifact
                ? `what the model read, changed and cost — artifact ${artifact}`
                : 'what the model read, changed and cost',
            body: (0,audit/* renderAuditSummary */.sX)(stages.audit.entries(), { title: 'Audit log', artifactName: artifact })
        });
    }
    const notes = [];
    if (!stages.llm.gateway) {
        notes.push(isNoEndpoint(stages.llm)
            ? NO_LLM_NOTE
            : `> [!NOTE]\n> No LLM for this run: ${stages.llm.disabledReason ?? 'unavailable'}`);
    }
    context.log.info(verdict);
    return {
        outputs: outputsOf(stages),
        summary: renderCiSummary({ verdict, notes, stages: folds }),
        json: {
            verdict,
            passed: failure === undefined,
            selection: (0,commands_select.selectionJson)(stages.selection),
            tests: stages.report ?? null,
            fix: stages.fix?.result.json ?? null,
            generate: stages.generate?.result.json ?? null,
            llm: stages.llm.gateway
                ? { provider: stages.llm.provider, model: stages.llm.gateway.model }
                : { disabled: stages.llm.disabledReason ?? null }
        },
        text: textOf(stages, verdict),
        annotations: stages.report ? (0,test.annotationsFor)(stages.report) : [],
        ...(failure ? { failure } : {})
    };
};


/***/ }),

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
