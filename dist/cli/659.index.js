export const id = 659;
export const ids = [659];
export const modules = {

/***/ 79659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SUMMARY_ROWS: () => (/* binding */ SUMMARY_ROWS),
/* harmony export */   changesCommand: () => (/* binding */ changesCommand),
/* harmony export */   changesJson: () => (/* binding */ changesJson),
/* harmony export */   changesResult: () => (/* binding */ changesResult),
/* harmony export */   changesSummary: () => (/* binding */ changesSummary),
/* harmony export */   changesText: () => (/* binding */ changesText),
/* harmony export */   countLine: () => (/* binding */ countLine)
/* harmony export */ });
/* harmony import */ var _changes_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3751);
/* harmony import */ var _ports_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94220);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54285);
/* harmony import */ var _report_outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65468);




/** Rows shown in the job summary; the full list is in the `changed-files` output. */
const SUMMARY_ROWS = 300;
/** GitHub's limit for one job output. */
const OUTPUT_LIMIT = 1024 * 1024;
/** Inline code for a table cell: a pipe would end the cell even inside backticks. */
function cellCode(text) {
    return (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(text).replace(/\|/g, '\\|');
}
function flags(file) {
    return [...(file.binary ? ['binary'] : []), ...(file.submodule ? ['submodule'] : [])];
}
function countLine(files) {
    const count = (status) => files.filter(f => f.status === status).length;
    const parts = [
        `${count('added')} added`,
        `${count('modified')} modified`,
        `${count('deleted')} deleted`,
        `${count('renamed')} renamed`
    ];
    const binary = files.filter(f => f.binary).length;
    const submodules = files.filter(f => f.submodule).length;
    if (binary)
        parts.push(`${binary} binary`);
    if (submodules)
        parts.push(`${submodules} submodule${submodules === 1 ? '' : 's'}`);
    return `${files.length} changed file${files.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
/** The job-summary section: counts, what was fetched and decided, and a table capped at SUMMARY_ROWS. */
function changesSummary(changes) {
    const lines = [
        '### Changed files',
        '',
        `${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(changes.base.slice(0, 12))} → ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(changes.head.slice(0, 12))}` +
            `${changes.baseKind === 'empty-tree' ? ' (empty tree: every file is new)' : ''} · ${countLine(changes.files)}`,
        ''
    ];
    if (changes.fallback)
        lines.push(`> [!WARNING]\n> ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(changes.fallback)}`, '');
    const notes = changes.notes.filter(n => n !== changes.fallback);
    if (notes.length)
        lines.push(...notes.map(n => `- ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(n)}`), '');
    if (changes.files.length) {
        const shown = changes.files.slice(0, SUMMARY_ROWS);
        const flagged = shown.some(f => flags(f).length > 0);
        const rows = shown.map(f => {
            const path = f.previousPath !== undefined ? `${cellCode(f.previousPath)} → ${cellCode(f.path)}` : cellCode(f.path);
            return flagged ? [f.status, path, flags(f).join(', ')] : [f.status, path];
        });
        lines.push((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)(flagged ? ['Status', 'Path', 'Kind'] : ['Status', 'Path'], rows));
        if (changes.files.length > shown.length) {
            lines.push('', `_…and ${changes.files.length - shown.length} more; the \`changed-files\` output has them all._`);
        }
    }
    return lines.join('\n') + '\n';
}
/** The CLI's human output: one line per file (`R  old -> new`), then the counts. */
function changesText(changes) {
    const lines = [`base ${changes.base}`, `head ${changes.head}`];
    if (changes.fallback)
        lines.push(`note: ${changes.fallback}`);
    lines.push('');
    const shown = changes.files;
    const width = Math.max(6, ...shown.map(f => f.status.length));
    lines.push(`${'STATUS'.padEnd(width)}  PATH`);
    for (const f of shown) {
        const path = f.previousPath !== undefined ? `${f.previousPath} -> ${f.path}` : f.path;
        const extra = flags(f);
        lines.push(`${f.status.padEnd(width)}  ${path}${extra.length ? `  (${extra.join(', ')})` : ''}`);
    }
    lines.push('', countLine(changes.files));
    return lines.join('\n');
}
/** The contract's JSON: `{"base","head","files":[{"path","status","previousPath"?,"binary"?,"submodule"?}]}`. */
function changesJson(changes) {
    return {
        base: changes.base,
        head: changes.head,
        files: changes.files.map(f => {
            const file = { path: f.path, status: f.status };
            if (f.previousPath !== undefined)
                file.previousPath = f.previousPath;
            if (f.binary)
                file.binary = true;
            if (f.submodule)
                file.submodule = true;
            return file;
        })
    };
}
function changesResult(changes) {
    const json = changesJson(changes);
    return {
        outputs: {
            'changed-files': (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .safeJson */ .o)(json.files),
            'changed-count': (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .safeWord */ .m)(json.files.length),
            base: (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .safeWord */ .m)(changes.base),
            head: (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .safeWord */ .m)(changes.head)
        },
        summary: changesSummary(changes),
        json,
        text: changesText(changes)
    };
}
const changesCommand = async (context) => {
    const git = new _ports_git_js__WEBPACK_IMPORTED_MODULE_1__/* .Git */ .TU(context.repoDir);
    const changes = await context.log.group('Change detection', () => (0,_changes_index_js__WEBPACK_IMPORTED_MODULE_0__/* .detectChanges */ .f8)((0,_changes_index_js__WEBPACK_IMPORTED_MODULE_0__/* .changeOptions */ .D$)(context, git)));
    const result = changesResult(changes);
    const size = result.outputs['changed-files']?.length ?? 0;
    if (size > OUTPUT_LIMIT) {
        context.log.warning(`The changed-files output is ${(size / 1024 / 1024).toFixed(1)} MB; GitHub limits a job output to 1 MB. ` +
            'Read it within the same job, or use changed-count.');
    }
    return result;
};


/***/ })

};
