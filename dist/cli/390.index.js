export const id = 390;
export const ids = [390];
export const modules = {

/***/ 3751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D$: () => (/* binding */ changeOptions),
  f8: () => (/* binding */ detectChanges)
});

// UNUSED EXPORTS: DEFAULT_FETCH_POLICY, planRange

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/ports/git.ts
var ports_git = __webpack_require__(94220);
;// CONCATENATED MODULE: ./src/changes/diff.ts
const GITLINK_MODE = '160000';
/** Options that keep a user's git config (external diff, textconv, relative, quoting, ignore rules) out of the result. */
const DIFF_OPTIONS = [
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
    '--ignore-submodules=none',
    '--find-renames',
    '-z'
];
const CONFIG = ['-c', 'core.quotepath=off', '-c', 'diff.renameLimit=10000'];
/**
 * Parses `git diff --raw -z`: `:<old mode> <new mode> <old sha> <new sha> <status>\0<path>\0`,
 * with two paths (old, new) for renames and copies.
 */
function parseRawDiff(output) {
    const tokens = output.split('\0');
    const entries = [];
    for (let i = 0; i < tokens.length; i++) {
        const header = tokens[i];
        if (!header.startsWith(':'))
            continue;
        const fields = header.slice(1).trim().split(/\s+/);
        const [oldMode = '', newMode = ''] = fields;
        const status = fields[fields.length - 1] ?? '';
        if (status.startsWith('R') || status.startsWith('C')) {
            const previousPath = tokens[++i];
            const path = tokens[++i];
            entries.push({ status, oldMode, newMode, path, previousPath });
        }
        else {
            entries.push({ status, oldMode, newMode, path: tokens[++i] });
        }
    }
    return entries;
}
/**
 * The paths `git diff --numstat -z` reports as binary (`-\t-\t`). A rename's line has an empty
 * path followed by the old and new paths as their own fields.
 */
function parseBinaryPaths(output) {
    const tokens = output.split('\0');
    const binary = new Set();
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        const match = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(token);
        if (!match)
            continue;
        let path = match[3];
        if (path === '') {
            i++; // the old path
            path = tokens[++i];
        }
        if (match[1] === '-' && match[2] === '-')
            binary.add(path);
    }
    return binary;
}
function statusOf(letter) {
    switch (letter.charAt(0)) {
        case 'A':
        case 'C': // a copy is a new file
            return 'added';
        case 'D':
            return 'deleted';
        case 'R':
            return 'renamed';
        default: // M, T (type change), U, X
            return 'modified';
    }
}
/** Turns parsed raw and numstat output into changed files, sorted by path. */
function toChangedFiles(entries, binary) {
    const files = entries.map(entry => {
        const status = statusOf(entry.status);
        const file = { path: entry.path, status };
        if (status === 'renamed' && entry.previousPath !== undefined)
            file.previousPath = entry.previousPath;
        if (binary.has(entry.path))
            file.binary = true;
        if (entry.oldMode === GITLINK_MODE || entry.newMode === GITLINK_MODE)
            file.submodule = true;
        return file;
    });
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/**
 * The files that differ between two commits (or a tree and a commit), with real git:
 * status with renames, binary files flagged from `--numstat`, submodules from gitlink modes.
 */
async function diffFiles(git, base, head) {
    const [raw, numstat] = await Promise.all([
        git.run([...CONFIG, 'diff', '--raw', ...DIFF_OPTIONS, base, head, '--']),
        git.run([...CONFIG, 'diff', '--numstat', ...DIFF_OPTIONS, base, head, '--'])
    ]);
    return toChangedFiles(parseRawDiff(raw), parseBinaryPaths(numstat));
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/changes/fetch.ts


const DEFAULT_FETCH_POLICY = { depth: 1, deepenBy: 50, maxDeepenRounds: 5 };
const REMOTE = 'origin';
function fetch_short(sha) {
    return sha.slice(0, 7);
}
/** git's first meaningful stderr line, with any credentials in a URL blanked out. */
function firstLine(text) {
    const line = text
        .split('\n')
        .map(l => l.trim())
        .find(l => l && !l.startsWith('From ') && !l.startsWith('*')) ?? '';
    return line.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}
function times(n) {
    return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
/**
 * Fetches exactly the history change detection needs, with real git, from the remote `origin`:
 * missing commits by SHA, then deeper history of a shallow clone until a merge base appears.
 * Never fetches tags. Every fetch is logged and kept as a sentence in `actions`.
 */
class Fetcher {
    git;
    log;
    policy;
    fetchGit;
    /** One sentence per fetch, in order, for the log and the job summary. */
    actions = [];
    shallowCache;
    remoteCache;
    constructor(git, log, policy = DEFAULT_FETCH_POLICY, 
    /** The git that fetches (it may carry the token for a checkout without persisted credentials). */
    fetchGit = git) {
        this.git = git;
        this.log = log;
        this.policy = policy;
        this.fetchGit = fetchGit;
    }
    async isShallow() {
        if (this.shallowCache === undefined) {
            const out = await this.git.tryRun(['rev-parse', '--is-shallow-repository']);
            this.shallowCache = out.exitCode === 0 && out.stdout.trim() === 'true';
        }
        return this.shallowCache;
    }
    async hasRemote() {
        if (this.remoteCache === undefined) {
            const out = await this.git.tryRun(['remote']);
            this.remoteCache = out.exitCode === 0 && out.stdout.split('\n').some(r => r.trim() === REMOTE);
        }
        return this.remoteCache;
    }
    record(sentence) {
        this.actions.push(sentence);
        this.log.info(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.');
    }
    async fetch(args) {
        const out = await this.fetchGit.tryRun(['fetch', '--no-tags', '--no-recurse-submodules', ...args]);
        this.shallowCache = undefined;
        return { ok: out.exitCode === 0, detail: firstLine(out.stderr) || firstLine(out.stdout) };
    }
    /** The commits at the edge of a shallow clone's history (`.git/shallow`). */
    async shallowBoundary() {
        const path = await this.git.tryRun(['rev-parse', '--git-path', 'shallow']);
        if (path.exitCode !== 0)
            return [];
        try {
            const text = await (0,promises_.readFile)((0,external_node_path_.resolve)(this.git.dir, path.stdout.trim()), 'utf8');
            return text.split('\n').filter(line => /^[0-9a-f]{40,64}$/.test(line));
        }
        catch {
            return [];
        }
    }
    /** Whether a commit object is in the repository. */
    async hasCommit(sha) {
        const out = await this.git.tryRun(['cat-file', '-e', `${sha}^{commit}`]);
        return out.exitCode === 0;
    }
    /**
     * Makes sure a commit (full SHA) is present, fetching it by SHA from origin if not: with a small
     * depth in a shallow clone, with just the missing history in a full one.
     */
    async ensureCommit(sha, label) {
        if (await this.hasCommit(sha))
            return { ok: true, fetched: false };
        if (!(await this.hasRemote())) {
            return { ok: false, reason: 'no-remote', detail: `there is no remote named ${REMOTE} to fetch it from` };
        }
        const shallow = await this.isShallow();
        const depthArgs = shallow ? [`--depth=${this.policy.depth}`] : [];
        const result = await this.fetch([...depthArgs, REMOTE, sha]);
        if (!result.ok || !(await this.hasCommit(sha))) {
            return { ok: false, reason: 'not-on-remote', detail: result.detail || `${REMOTE} did not send it` };
        }
        this.record(`fetched ${label} ${fetch_short(sha)}${shallow ? ` with --depth=${this.policy.depth}` : ''}`);
        return { ok: true, fetched: true };
    }
    /**
     * Fetches a branch of origin into `refs/remotes/origin/<branch>` and returns its SHA, or
     * undefined when origin has no such branch (or there is no origin).
     */
    async fetchBranch(branch, label) {
        if (!(await this.hasRemote()))
            return undefined;
        if (!/^(?!-)[A-Za-z0-9._/+-]+$/.test(branch) || branch.includes('..'))
            return undefined;
        const shallow = await this.isShallow();
        const depthArgs = shallow ? [`--depth=${this.policy.depth}`] : [];
        const result = await this.fetch([
            ...depthArgs,
            REMOTE,
            `+refs/heads/${branch}:refs/remotes/${REMOTE}/${branch}`
        ]);
        if (!result.ok) {
            this.log.debug(`Could not fetch ${REMOTE}/${branch}: ${result.detail}`);
            return undefined;
        }
        const sha = await this.git.resolveCommit(`refs/remotes/${REMOTE}/${branch}`);
        if (sha) {
            this.record(`fetched ${label} ${REMOTE}/${branch} (${fetch_short(sha)})${shallow ? ` with --depth=${this.policy.depth}` : ''}`);
        }
        return sha;
    }
    async mergeBaseNow(base, head) {
        const out = await this.git.tryRun(['merge-base', base, head]);
        return out.exitCode === 0 ? out.stdout.trim().split('\n')[0] || undefined : undefined;
    }
    /**
     * The merge base of two present commits. In a shallow clone without one, deepens the history
     * behind both (doubling the step each round), then unshallows as a last resort. Undefined when
     * the two histories share no commit at all.
     */
    async mergeBase(base, head) {
        let found = await this.mergeBaseNow(base, head);
        if (found || !(await this.isShallow()) || !(await this.hasRemote()))
            return found;
        const steps = [];
        let by = this.policy.deepenBy;
        // A commit only this clone has (a local commit on top of a shallow checkout) cannot be
        // asked of origin; the shallow boundary commits can, and deepening them is the same history.
        let wants = [base, head];
        for (let round = 0; round < this.policy.maxDeepenRounds && !found; round++) {
            let result = await this.fetch([`--deepen=${by}`, REMOTE, ...wants]);
            if (!result.ok && wants[0] === base) {
                const boundary = await this.shallowBoundary();
                if (boundary.length) {
                    this.log.debug(`Deepening by ${by} from the shallow boundary instead: ${result.detail}`);
                    wants = boundary;
                    result = await this.fetch([`--deepen=${by}`, REMOTE, ...wants]);
                }
            }
            if (!result.ok) {
                this.log.warning(`git fetch --deepen=${by} failed: ${result.detail}`);
                break;
            }
            steps.push(by);
            this.log.info(`Deepened the history by ${by} commits looking for the merge base of ${fetch_short(base)} and ${fetch_short(head)}.`);
            found = await this.mergeBaseNow(base, head);
            if (!(await this.isShallow()))
                break;
            if (wants[0] !== base)
                wants = await this.shallowBoundary();
            by *= 2;
        }
        if (steps.length) {
            this.actions.push(`${describeDeepening(steps)} ${found ? 'to reach the merge base' : 'without reaching a merge base'}`);
        }
        if (!found && (await this.isShallow())) {
            let result = await this.fetch(['--unshallow', REMOTE, base, head]);
            if (!result.ok) {
                const boundary = await this.shallowBoundary();
                if (boundary.length)
                    result = await this.fetch(['--unshallow', REMOTE, ...boundary]);
            }
            if (result.ok) {
                this.record('fetched the full history (--unshallow) to find the merge base');
                found = await this.mergeBaseNow(base, head);
            }
            else {
                this.log.warning(`git fetch --unshallow failed: ${result.detail}`);
            }
        }
        return found;
    }
    /**
     * The first parent of a commit: undefined for a root commit. A shallow clone whose boundary
     * is this commit is deepened by one to find it.
     */
    async parentOf(sha) {
        const parent = await this.git.resolveCommit(`${sha}^1`);
        if (parent || !(await this.isShallow()) || !(await this.hasRemote()))
            return parent;
        const result = await this.fetch(['--deepen=1', REMOTE, sha]);
        if (!result.ok) {
            this.log.warning(`git fetch --deepen=1 failed: ${result.detail}`);
            return undefined;
        }
        const fetched = await this.git.resolveCommit(`${sha}^1`);
        if (fetched)
            this.record(`deepened by 1 to fetch the parent of ${fetch_short(sha)} (${fetch_short(fetched)})`);
        return fetched;
    }
    /** All fetches as one sentence: "fetched base abc1234 with --depth=1; deepened by 50 twice …". */
    describe() {
        return this.actions.join('; ');
    }
}
/** "deepened by 50", "deepened by 50 twice" (equal steps) or "deepened by 50, 100 and 200". */
function describeDeepening(steps) {
    if (steps.length === 0)
        return '';
    if (steps.every(s => s === steps[0])) {
        return `deepened by ${steps[0]}${steps.length > 1 ? ` ${times(steps.length)}` : ''}`;
    }
    const head = steps.slice(0, -1).join(', ');
    return `deepened by ${head} and ${steps[steps.length - 1]} (${steps.reduce((a, b) => a + b, 0)} commits)`;
}

;// CONCATENATED MODULE: ./src/changes/range.ts

const ZERO_SHA = /^0+$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
const REVISION = /^(?!-)[A-Za-z0-9._/~^@{}+-]+$/;
const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment'
]);
function isFullSha(rev) {
    return SHA.test(rev);
}
/** A SHA from the event payload: a full hex SHA, or a ConfigurationError naming the field. */
function eventSha(value, field, input) {
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value !== 'string' || !SHA.test(value)) {
        throw new errors/* ConfigurationError */.j1(`The event's ${field} is not a commit SHA (got ${JSON.stringify(String(value).slice(0, 80))}); ` +
            `set the "${input}" input instead. Example: ${input}: ${input === 'base' ? 'origin/main' : 'HEAD'}`, input);
    }
    return value.toLowerCase();
}
/** A revision from `workflow_dispatch` inputs, held to the same rules as the action's inputs. */
function dispatchRevision(value, input) {
    if (typeof value !== 'string' || value.trim() === '')
        return undefined;
    const rev = value.trim();
    if (!REVISION.test(rev) || rev.includes('..')) {
        throw new errors/* ConfigurationError */.j1(`The workflow_dispatch input "${input}" must be a commit SHA or a ref name such as main or ` +
            `origin/main; got ${JSON.stringify(rev.slice(0, 80))}. Example: ${input}: origin/main`, input);
    }
    return rev;
}
function branchOf(ref) {
    return typeof ref === 'string' && ref.startsWith('refs/heads/')
        ? ref.slice('refs/heads/'.length)
        : undefined;
}
function range_short(sha) {
    return isFullSha(sha) ? sha.slice(0, 7) : sha;
}
/**
 * Decides which revisions to compare from the event and the inputs, without touching git.
 * Explicit `base`/`head` inputs win over the event; head defaults to `GITHUB_SHA`, then `HEAD`.
 */
function planRange(event, inputs) {
    const payload = event.payload ?? {};
    const defaultBranch = typeof payload.repository?.default_branch === 'string' && payload.repository.default_branch
        ? payload.repository.default_branch
        : undefined;
    const branch = branchOf(payload.ref) ?? branchOf(event.ref);
    const notes = [];
    let eventHead;
    let eventBase;
    if (PULL_REQUEST_EVENTS.has(event.name) && payload.pull_request) {
        const head = eventSha(payload.pull_request.head?.sha, 'pull_request.head.sha', 'head');
        const base = eventSha(payload.pull_request.base?.sha, 'pull_request.base.sha', 'base');
        if (head)
            eventHead = { rev: head, source: 'pull_request.head.sha', input: 'head' };
        if (base) {
            eventBase = {
                kind: 'revision',
                revision: { rev: base, source: 'pull_request.base.sha', input: 'base' },
                whenMissing: 'error'
            };
        }
    }
    else if (event.name === 'push') {
        const before = typeof payload.before === 'string' ? payload.before : undefined;
        const after = typeof payload.after === 'string' ? payload.after : undefined;
        if (after && ZERO_SHA.test(after)) {
            eventBase = {
                kind: 'nothing',
                reason: `The push deleted ${payload.ref ?? 'its ref'}; nothing changed.`
            };
        }
        else {
            const head = eventSha(after, 'after', 'head');
            if (head)
                eventHead = { rev: head, source: 'push after', input: 'head' };
            if (before && ZERO_SHA.test(before)) {
                eventBase = {
                    kind: 'default-branch',
                    reason: `The push created ${payload.ref ?? 'a new ref'} (before is all zeros)`
                };
            }
            else {
                const base = eventSha(before, 'before', 'base');
                if (base) {
                    eventBase = {
                        kind: 'revision',
                        revision: { rev: base, source: 'push before', input: 'base' },
                        whenMissing: 'fall-back'
                    };
                }
            }
        }
    }
    else if (event.name === 'merge_group' && payload.merge_group) {
        const head = eventSha(payload.merge_group.head_sha, 'merge_group.head_sha', 'head');
        const base = eventSha(payload.merge_group.base_sha, 'merge_group.base_sha', 'base');
        if (head)
            eventHead = { rev: head, source: 'merge_group.head_sha', input: 'head' };
        if (base) {
            eventBase = {
                kind: 'revision',
                revision: { rev: base, source: 'merge_group.base_sha', input: 'base' },
                whenMissing: 'error'
            };
        }
    }
    else if (event.name === 'workflow_dispatch') {
        const head = dispatchRevision(payload.inputs?.head, 'head');
        const base = dispatchRevision(payload.inputs?.base, 'base');
        if (head)
            eventHead = { rev: head, source: 'workflow_dispatch input "head"', input: 'head' };
        if (base) {
            eventBase = {
                kind: 'revision',
                revision: { rev: base, source: 'workflow_dispatch input "base"', input: 'base' },
                whenMissing: 'error'
            };
        }
        else if (branch && defaultBranch && branch !== defaultBranch) {
            eventBase = {
                kind: 'default-branch',
                reason: `workflow_dispatch on branch ${branch} without a "base" input`
            };
        }
    }
    let head;
    if (inputs.head)
        head = { rev: inputs.head, source: 'input "head"', input: 'head' };
    else if (eventHead)
        head = eventHead;
    else if (event.sha && SHA.test(event.sha) && !ZERO_SHA.test(event.sha))
        head = { rev: event.sha, source: 'GITHUB_SHA', input: 'head' };
    else
        head = { rev: 'HEAD', source: 'HEAD', input: 'head' };
    let base;
    if (inputs.base) {
        base = {
            kind: 'revision',
            revision: { rev: inputs.base, source: 'input "base"', input: 'base' },
            whenMissing: 'error'
        };
    }
    else if (eventBase) {
        base = eventBase;
    }
    else {
        base = {
            kind: 'parent',
            reason: event.name === 'local'
                ? 'No "base" given: comparing with the parent of head'
                : `No base in the ${event.name} event and no "base" input: comparing with the parent of head`
        };
    }
    const baseText = base.kind === 'revision'
        ? `${range_short(base.revision.rev)} (${base.revision.source})`
        : base.kind === 'default-branch'
            ? `the merge base with the default branch`
            : base.kind === 'parent'
                ? 'the parent of head'
                : 'nothing';
    notes.push(`Event ${event.name}: head ${range_short(head.rev)} (${head.source}), base ${baseText}.`);
    return { eventName: event.name, head, base, defaultBranch, branch, notes };
}

;// CONCATENATED MODULE: ./src/changes/index.ts








function changes_short(sha) {
    return isFullSha(sha) ? sha.slice(0, 7) : sha;
}
const EXAMPLES = { base: 'origin/main', head: 'HEAD' };
async function emptyTree(git) {
    return (await git.run(['hash-object', '-t', 'tree', '--stdin'], '')).trim();
}
/**
 * The options every command passes: inputs win over the event, and in Actions the workflow token
 * fetches what a shallow checkout lacks (it is never used to fetch from a developer's machine).
 */
function changeOptions(context, git) {
    return {
        git,
        event: context.event,
        base: context.inputs.base,
        head: context.inputs.head,
        log: context.log,
        fetchToken: context.frontDoor === 'action' ? context.inputs.githubToken || undefined : undefined
    };
}
/**
 * Finds what changed: decides base and head from the event and inputs, fetches what a shallow
 * clone lacks, and diffs head against the merge base of base and head (GitHub's three-dot diff).
 * Throws a ConfigurationError for a missing repository or a revision that cannot be found.
 */
async function detectChanges(options) {
    const { git, event, log } = options;
    await requireRepository(git);
    const plan = planRange(event, { base: options.base, head: options.head });
    const fetchGit = await (0,ports_git/* withTokenAuth */.mq)(git, options.fetchToken, log);
    const fetcher = new Fetcher(git, log, options.fetchPolicy ?? DEFAULT_FETCH_POLICY, fetchGit);
    const notes = [...plan.notes];
    for (const note of plan.notes)
        log.info(note);
    const note = (text, level = 'info') => {
        notes.push(text);
        if (level === 'warning')
            log.warning(text);
        else
            log.info(text);
    };
    const head = await resolveRevision(git, fetcher, plan.head);
    const found = await findBase(git, fetcher, plan, head, note);
    let base = found.base;
    if (found.baseKind === 'commit' && found.compareFromMergeBase) {
        const mergeBase = await fetcher.mergeBase(found.base, head);
        if (mergeBase) {
            if (mergeBase !== found.base) {
                const rewritten = plan.base.kind === 'revision' && plan.base.whenMissing === 'fall-back'
                    ? ` (${changes_short(found.base)} is not an ancestor of head: the push rewrote history)`
                    : '';
                note(`Comparing from the merge base ${changes_short(mergeBase)} of ${changes_short(found.base)} and ${changes_short(head)}${rewritten}.`, rewritten ? 'warning' : 'info');
            }
            base = mergeBase;
        }
        else {
            note(`${changes_short(found.base)} and ${changes_short(head)} share no history; comparing the two commits directly.`, 'warning');
        }
    }
    const files = found.nothing ? [] : await diffFiles(git, base, head);
    const fetched = [...fetcher.actions];
    if (fetched.length) {
        const sentence = fetcher.describe();
        notes.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    }
    log.info(`${files.length} changed file${files.length === 1 ? '' : 's'} between ${changes_short(base)} and ${changes_short(head)}.`);
    const result = { base, head, files, notes, fetched, baseKind: found.baseKind };
    if (found.fallback)
        result.fallback = found.fallback;
    return result;
}
async function requireRepository(git) {
    const example = 'Example: working-directory: . (after actions/checkout)';
    if (!(0,external_node_fs_.existsSync)(git.dir)) {
        throw new errors/* ConfigurationError */.j1(`Input "working-directory": ${git.dir} does not exist. ${example}`, 'working-directory');
    }
    const out = await git.tryRun(['rev-parse', '--is-inside-work-tree']);
    if (out.exitCode !== 0 || out.stdout.trim() !== 'true') {
        const reason = out.stderr.trim().split('\n')[0] ?? '';
        throw new errors/* ConfigurationError */.j1(`Input "working-directory": ${git.dir} is not a git repository` +
            (reason && !/not a git repository/i.test(reason) ? ` (${reason})` : '') +
            `; check the repository out first or point working-directory at it. ${example}`, 'working-directory');
    }
}
/** A revision's full SHA, fetching it (a SHA by id, a branch from origin) when it is missing. */
async function tryResolve(git, fetcher, request) {
    const local = await git.resolveCommit(request.rev);
    if (local)
        return local;
    if (isFullSha(request.rev)) {
        const outcome = await fetcher.ensureCommit(request.rev.toLowerCase(), request.input);
        if (outcome.ok)
            return request.rev.toLowerCase();
        return {
            problem: outcome.reason === 'no-remote'
                ? `is not in the repository and ${outcome.detail}`
                : `is not in the repository and could not be fetched from ${REMOTE} (${outcome.detail})`
        };
    }
    const remoteRef = await git.resolveCommit(`refs/remotes/${REMOTE}/${request.rev}`);
    if (remoteRef)
        return remoteRef;
    const fetched = await fetcher.fetchBranch(request.rev, request.input);
    if (fetched)
        return fetched;
    return {
        problem: `is not a commit, branch or tag in the repository${(await fetcher.hasRemote()) ? ` or on ${REMOTE}` : ''}`
    };
}
async function resolveRevision(git, fetcher, request) {
    const resolved = await tryResolve(git, fetcher, request);
    if (typeof resolved === 'string')
        return resolved;
    throw revisionError(request, resolved.problem);
}
function revisionError(request, problem) {
    const from = request.source === `input "${request.input}"`
        ? `Input "${request.input}"`
        : `The ${request.input} from ${request.source}`;
    return new errors/* ConfigurationError */.j1(`${from}: ${request.rev} ${problem}. Fetch it before this step (actions/checkout with fetch-depth: 0) ` +
        `or set the "${request.input}" input. Example: ${request.input}: ${EXAMPLES[request.input]}`, request.input);
}
async function findBase(git, fetcher, plan, head, note) {
    const wanted = plan.base;
    switch (wanted.kind) {
        case 'nothing':
            note(wanted.reason);
            return { base: head, baseKind: 'commit', compareFromMergeBase: false, nothing: true };
        case 'revision': {
            const resolved = await tryResolve(git, fetcher, wanted.revision);
            if (typeof resolved === 'string')
                return { base: resolved, baseKind: 'commit', compareFromMergeBase: true };
            if (wanted.whenMissing === 'error')
                throw revisionError(wanted.revision, resolved.problem);
            const why = `The ${wanted.revision.source} commit ${changes_short(wanted.revision.rev)} ${resolved.problem} (a force-push?)`;
            const fallback = await fallbackBase(git, fetcher, plan, head);
            const text = `${why}; compared against ${fallback.description} instead.`;
            note(text, 'warning');
            return { ...fallback.found, fallback: text };
        }
        case 'default-branch': {
            const fromDefault = await defaultBranchBase(git, fetcher, plan, head);
            if (fromDefault) {
                note(`${wanted.reason}: comparing with ${fromDefault.description}.`);
                return fromDefault.found;
            }
            const text = `${wanted.reason} and there is no default branch to compare with: every file of head counts as added.`;
            note(text, 'warning');
            return {
                base: await emptyTree(git),
                baseKind: 'empty-tree',
                compareFromMergeBase: false,
                fallback: text
            };
        }
        case 'parent': {
            const parent = await fetcher.parentOf(head);
            if (parent) {
                note(`${wanted.reason} (${changes_short(parent)}).`);
                return { base: parent, baseKind: 'commit', compareFromMergeBase: false };
            }
            note(`${wanted.reason}, but ${changes_short(head)} has no parent (a root commit): every file counts as added.`);
            return { base: await emptyTree(git), baseKind: 'empty-tree', compareFromMergeBase: false };
        }
    }
}
/** The branch's merge base with `origin/<default branch>`, when there is one and it is not head's own branch. */
async function defaultBranchBase(git, fetcher, plan, head) {
    const branch = plan.defaultBranch ?? (await localDefaultBranch(git));
    if (!branch || plan.branch === branch)
        return undefined;
    const tip = (await git.resolveCommit(`refs/remotes/${REMOTE}/${branch}`)) ??
        (await fetcher.fetchBranch(branch, 'default branch'));
    if (!tip)
        return undefined;
    const mergeBase = await fetcher.mergeBase(tip, head);
    if (!mergeBase)
        return undefined;
    return {
        found: { base: mergeBase, baseKind: 'commit', compareFromMergeBase: false },
        description: `the merge base ${changes_short(mergeBase)} with ${REMOTE}/${branch}`
    };
}
/** `origin/HEAD`'s branch, when the clone recorded it. */
async function localDefaultBranch(git) {
    const out = await git.tryRun(['symbolic-ref', '--quiet', '--short', `refs/remotes/${REMOTE}/HEAD`]);
    if (out.exitCode !== 0)
        return undefined;
    const name = out.stdout.trim();
    return name.startsWith(`${REMOTE}/`) ? name.slice(REMOTE.length + 1) : undefined;
}
/** For a push whose `before` is gone: the default branch's merge base, else head's parent, else nothing. */
async function fallbackBase(git, fetcher, plan, head) {
    const fromDefault = await defaultBranchBase(git, fetcher, plan, head);
    if (fromDefault && fromDefault.found.base !== head)
        return fromDefault;
    const parent = await fetcher.parentOf(head);
    if (parent) {
        return {
            found: { base: parent, baseKind: 'commit', compareFromMergeBase: false },
            description: `the parent of head (${changes_short(parent)})`
        };
    }
    return {
        found: { base: await emptyTree(git), baseKind: 'empty-tree', compareFromMergeBase: false },
        description: 'an empty tree (every file of head counts as added)'
    };
}


/***/ }),

/***/ 94220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   mq: () => (/* binding */ withTokenAuth)
/* harmony export */ });
/* unused harmony export GitError */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41955);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88701);



class GitError extends Error {
    args;
    result;
    name = 'GitError';
    constructor(args, result) {
        super(`git ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`);
        this.args = args;
        this.result = result;
    }
}
/**
 * git's full path, looked up once: @actions/exec searches PATH on every call otherwise, which costs
 * more than most of the short commands a selection runs.
 */
let gitPath;
function gitExecutable() {
    gitPath ??= (0,_actions_io__WEBPACK_IMPORTED_MODULE_2__/* .which */ .K7)('git', true);
    gitPath.catch(() => (gitPath = undefined));
    return gitPath;
}
/** Real git in one repository, through @actions/exec. */
class Git {
    dir;
    env;
    constructor(dir, env = {}) {
        this.dir = dir;
        this.env = env;
    }
    /** The environment git runs in: the process's, without prompts, in the C locale, with this port's own. */
    environment() {
        return { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...this.env };
    }
    /** Runs git and returns its result whatever the exit code. */
    async tryRun(args, input) {
        const result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_1__/* .getExecOutput */ .H)(await gitExecutable(), [...args], {
            cwd: this.dir,
            silent: true,
            ignoreReturnCode: true,
            input: input === undefined ? undefined : Buffer.from(input),
            env: this.environment()
        });
        return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    }
    /**
     * Runs a read-only git command (no input) straight from child_process and returns its result
     * whatever the exit code. @actions/exec looks git up with file checks before every run, which
     * doubles the few milliseconds the selection's short commands take.
     */
    tryQuery(args) {
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', [...args], {
                cwd: this.dir,
                env: this.environment(),
                stdio: ['ignore', 'pipe', 'pipe'],
                windowsHide: true
            });
            const stdout = [];
            const stderr = [];
            child.stdout.on('data', (chunk) => stdout.push(chunk));
            child.stderr.on('data', (chunk) => stderr.push(chunk));
            child.on('error', reject);
            child.on('close', code => resolve({
                exitCode: code ?? -1,
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8')
            }));
        });
    }
    /** tryQuery's output; a non-zero exit throws a GitError, as run does. */
    async query(args) {
        const result = await this.tryQuery(args);
        if (result.exitCode !== 0)
            throw new GitError(args, result);
        return result.stdout;
    }
    /** Runs git and returns stdout; a non-zero exit throws a GitError. */
    async run(args, input) {
        const result = await this.tryRun(args, input);
        if (result.exitCode !== 0)
            throw new GitError(args, result);
        return result.stdout;
    }
    /** Resolves a revision to a full commit SHA, or undefined when it is not in the repository. */
    async resolveCommit(rev) {
        const result = await this.tryRun([
            'rev-parse',
            '--verify',
            '--quiet',
            '--end-of-options',
            `${rev}^{commit}`
        ]);
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async isRepository() {
        const result = await this.tryRun(['rev-parse', '--is-inside-work-tree']);
        return result.exitCode === 0 && result.stdout.trim() === 'true';
    }
    async topLevel() {
        return (await this.run(['rev-parse', '--show-toplevel'])).trim();
    }
}
/**
 * A git that authenticates to an HTTPS remote with a token, for checkouts made with
 * `persist-credentials: false`. The header goes through GIT_CONFIG_* variables, so the token never
 * shows in a process list, and the encoded header is masked like the token. The repository's own
 * git is returned when it already has credentials (actions/checkout persists an extra header), when
 * the remote is not HTTPS, or when there is no token.
 */
async function withTokenAuth(git, token, log, remote = 'origin') {
    if (!token)
        return git;
    const url = (await git.tryRun(['remote', 'get-url', remote])).stdout.trim();
    if (!/^https:\/\//i.test(url))
        return git;
    const existing = await git.tryRun(['config', '--get-regexp', '^http\\..*\\.extraheader$']);
    if (existing.exitCode === 0 && existing.stdout.trim())
        return git;
    const origin = new URL(url).origin;
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    log.mask(basic);
    return new Git(git.dir, {
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: `http.${origin}/.extraheader`,
        GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`
    });
}


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   xv: () => (/* binding */ truncate),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/** Small Markdown builders for job summaries and comments. Untrusted text goes through `escapeCell`/`code`. */
function escapeCell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, '<br>');
}
function table(headers, rows) {
    const head = `| ${headers.join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    const body = rows.map(row => `| ${row.join(' | ')} |`);
    return [head, rule, ...body].join('\n');
}
/** Inline code that cannot be broken out of by backticks in the text. */
function code(text) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map(m => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}
/** A fenced block that cannot be closed early by fences in the text. */
function codeBlock(text, language = '') {
    const longest = Math.max(2, ...[...text.matchAll(/^`{3,}/gm)].map(m => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`;
}
function details(summary, body, open = false) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** Cuts text to at most `max` characters, saying so. */
function truncate(text, max, note = '\n\n_…truncated._') {
    if (text.length <= max)
        return text;
    return text.slice(0, Math.max(0, max - note.length)) + note;
}


/***/ }),

/***/ 65468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ safeWord),
/* harmony export */   o: () => (/* binding */ safeJson)
/* harmony export */ });
/**
 * Action outputs end up in `run:` lines through `${{ }}` interpolation, where they are injection
 * sinks. Every output is JSON whose shell-significant characters are \u-escaped (JSON parsers and
 * `fromJSON` decode them back), or a plain value of safe characters.
 */
function safeJson(value) {
    const json = JSON.stringify(value) ?? 'null';
    // Escape inside string literals only; structural characters ({}[],:") stay as they are.
    return json.replace(/"(?:[^"\\]|\\.)*"/g, literal => literal.replace(/\\\\|[$`'!;&|<>(){}\n\r\u2028\u2029*?#~%]/g, ch => ch === '\\\\' ? '\\u005c' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
/** A plain output (a number, a word, a SHA): anything but [A-Za-z0-9._:/@+=-] is dropped. */
function safeWord(value) {
    return String(value).replace(/[^A-Za-z0-9._:/@+=-]/g, '');
}


/***/ })

};
