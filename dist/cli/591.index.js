export const id = 591;
export const ids = [591];
export const modules = {

/***/ 15591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  guardCommand: () => (/* binding */ guardCommand)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/llm/index.ts + 4 modules
var llm = __webpack_require__(44589);
// EXTERNAL MODULE: ./src/ports/exec.ts
var exec = __webpack_require__(74795);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(65468);
;// CONCATENATED MODULE: ./src/guard/clock.ts
const systemClock = {
    now: () => Date.now(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, Math.max(0, ms)))
};
/** Simulated time: `sleep` returns at once and moves the clock forward. */
class ManualClock {
    time;
    constructor(time = 0) {
        this.time = time;
    }
    now() {
        return this.time;
    }
    advance(ms) {
        this.time += Math.max(0, ms);
    }
    async sleep(ms) {
        this.advance(ms);
    }
}

;// CONCATENATED MODULE: ./src/guard/deployments.ts
/** Starts every status description the guard writes, so a run started by one of them can stand down. */
const STATUS_PREFIX = 'CI Medic: ';
/** Written into the failure status of a deployment the guard rolled back; the next run sees it. */
const ROLLED_BACK_MARKER = '[ci-medic:rolled-back]';
function toInfo(d) {
    return { id: d.id, sha: d.sha, ref: d.ref, environment: d.environment ?? '', createdAt: d.created_at };
}
class Deployments {
    github;
    repo;
    log;
    constructor(github, repo, log) {
        this.github = github;
        this.repo = repo;
        this.log = log;
    }
    async get(id) {
        const { data } = await this.github.rest.repos.getDeployment({ ...this.repo, deployment_id: id });
        return toInfo(data);
    }
    /** Newest first. */
    async list(environment, pages = 2) {
        const all = [];
        for (let page = 1; page <= pages; page++) {
            const { data } = await this.github.rest.repos.listDeployments({
                ...this.repo,
                environment,
                per_page: 100,
                page
            });
            all.push(...data.map(toInfo));
            if (data.length < 100)
                break;
        }
        return all.sort((a, b) => b.id - a.id);
    }
    async statuses(deployment) {
        const { data } = await this.github.rest.repos.listDeploymentStatuses({
            ...this.repo,
            deployment_id: deployment.id,
            per_page: 100
        });
        const sorted = [...data].sort((a, b) => b.id - a.id);
        const withUrl = sorted.find(s => s.environment_url || s.target_url);
        return {
            ...deployment,
            url: deployment.url ?? (withUrl ? withUrl.environment_url || withUrl.target_url || undefined : undefined),
            statuses: sorted.map(s => ({ state: s.state, description: s.description ?? '' }))
        };
    }
    /**
     * The newest earlier deployment of the environment that succeeded, was not rolled back and is not
     * of the same commit: what a rollback goes back to. Undefined on the first deployment.
     */
    async lastGood(current, environment) {
        const earlier = (await this.list(environment)).filter(d => d.id < current.id && d.sha !== current.sha);
        for (const candidate of earlier.slice(0, 30)) {
            const withStatuses = await this.statuses(candidate);
            const states = withStatuses.statuses ?? [];
            if (states.some(s => s.description.includes(ROLLED_BACK_MARKER)))
                continue;
            const newest = states[0]?.state;
            const succeeded = states.some(s => s.state === 'success');
            if (succeeded && (newest === 'success' || newest === 'inactive'))
                return withStatuses;
        }
        return undefined;
    }
    /**
     * The newest deployment of `sha` in the environment. Without a SHA, the newest deployment; never an
     * unrelated one (a guard that rolled back someone else's deployment would be worse than none).
     */
    async find(environment, sha) {
        const all = await this.list(environment, 1);
        return sha ? all.find(d => d.sha === sha) : all[0];
    }
    async setStatus(id, state, description, extra = {}) {
        try {
            await this.github.rest.repos.createDeploymentStatus({
                ...this.repo,
                deployment_id: id,
                state,
                description: fitDescription(`${STATUS_PREFIX}${description}`, 140),
                ...(extra.environmentUrl ? { environment_url: extra.environmentUrl } : {}),
                ...(extra.logUrl ? { log_url: extra.logUrl } : {}),
                ...(extra.environment ? { environment: extra.environment } : {}),
                auto_inactive: state === 'success'
            });
        }
        catch (error) {
            this.log.warning(`Could not set the status of deployment ${id} to ${state}: ${error.message}`);
        }
    }
    /** A deployment record for the rollback itself (the good commit, same environment). */
    async createRollbackDeployment(good, of, environment) {
        try {
            const response = await this.github.rest.repos.createDeployment({
                ...this.repo,
                ref: good.sha,
                environment,
                auto_merge: false,
                required_contexts: [],
                task: 'deploy',
                description: `Rollback of deployment ${of.id} to ${good.sha.slice(0, 7)} by CI Medic`,
                payload: { ci_medic: { rollback_of: of.id, restores: good.id } }
            });
            if (response.status !== 201 || !('id' in response.data)) {
                this.log.warning(`GitHub did not create the rollback deployment (${response.status}).`);
                return undefined;
            }
            return toInfo(response.data);
        }
        catch (error) {
            this.log.warning(`Could not create the rollback deployment: ${error.message}`);
            return undefined;
        }
    }
}
/** GitHub rejects descriptions over 140 characters; the rolled-back marker must survive the cut. */
function fitDescription(text, max) {
    if (text.length <= max)
        return text;
    const marker = text.includes(ROLLED_BACK_MARKER) ? ` ${ROLLED_BACK_MARKER}` : '';
    const body = marker ? text.replace(` ${ROLLED_BACK_MARKER}`, '') : text;
    return `${body.slice(0, max - marker.length - 1)}…${marker}`;
}
/**
 * Claims the one rollback of a deployment by creating `refs/ci-medic/rollback/<key>`. Creating a ref
 * is atomic on GitHub: when two guard runs race, one gets 201 and the other 422 (already exists).
 */
async function claimRollback(github, repo, key, sha) {
    try {
        await github.rest.git.createRef({ ...repo, ref: rollbackRef(key), sha });
        return { state: 'won' };
    }
    catch (error) {
        const status = error.status;
        // 422 also means "Object does not exist" (a SHA GitHub does not have): that is no lock at all.
        if (status === 422 && /already exists/i.test(error.message))
            return { state: 'lost' };
        return { state: 'unavailable', reason: `${status ?? ''} ${error.message}`.trim() };
    }
}
function rollbackRef(key) {
    return `refs/ci-medic/rollback/${key.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

;// CONCATENATED MODULE: ./src/guard/config.ts

const KEYS = {
    'log-lines': 'log-lines: 200',
    'comment-when-healthy': 'comment-when-healthy: true'
};
function readGuardSection(raw) {
    const section = { logLines: 200, commentWhenHealthy: false };
    if (raw === undefined || raw === null)
        return section;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
        throw new errors/* ConfigurationError */.j1('Config file: "guard" must be a mapping. Example:\nguard:\n  log-lines: 200', 'guard');
    }
    const problems = [];
    for (const [key, value] of Object.entries(raw)) {
        if (key === 'log-lines') {
            if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5000) {
                problems.push(`Config file: guard.log-lines must be a whole number from 1 to 5000; got ${JSON.stringify(value)}. Example: ${KEYS[key]}`);
            }
            else
                section.logLines = value;
        }
        else if (key === 'comment-when-healthy') {
            if (typeof value !== 'boolean')
                problems.push(`Config file: guard.comment-when-healthy must be true or false. Example: ${KEYS[key]}`);
            else
                section.commentWhenHealthy = value;
        }
        else {
            problems.push(`Config file: guard has an unknown key "${key}". Valid keys: ${Object.keys(KEYS).join(', ')}. Other guard settings are inputs (e.g. "probe-interval: 5s").`);
        }
    }
    if (problems.length)
        throw new errors/* ConfigurationError */.j1(problems.join('\n'), 'guard');
    return section;
}
/** Timing inputs that parse but cannot work together. Every problem is reported at once. */
function checkTimings(inputs) {
    const problems = [];
    const need = (ok, name, message, example) => {
        if (!ok)
            problems.push(`Input "${name}" ${message}. Example: ${name}: ${example}`);
    };
    need(inputs.probeInterval >= 100, 'probe-interval', 'must be at least 100ms', '5s');
    need(inputs.probeTimeout >= 50, 'probe-timeout', 'must be at least 50ms', '5s');
    need(inputs.probeWindow >= inputs.probeInterval, 'probe-window', 'must be at least one probe-interval long', '5m');
    need(inputs.ratioWindow >= inputs.probeInterval, 'ratio-window', 'must be at least one probe-interval long', '60s');
    need(inputs.verifyWindow >= inputs.probeInterval, 'verify-window', 'must be at least one probe-interval long', '60s');
    need(inputs.rollbackTimeout >= 1000, 'rollback-timeout', 'must be at least 1s', '10m');
    if (problems.length)
        throw new errors/* ConfigurationError */.j1(problems.join('\n'), problems[0]?.match(/"([^"]+)"/)?.[1]);
}

// EXTERNAL MODULE: ./src/config/durations.ts
var durations = __webpack_require__(66503);
;// CONCATENATED MODULE: ./src/guard/probes.ts


const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
/** Every key a probe may have, with a valid example for error messages. */
const PROBE_KEYS = {
    name: 'name: api-health',
    url: 'url: https://example.com/healthz',
    method: 'method: GET',
    headers: 'headers: { Authorization: "Bearer ${HEALTH_TOKEN}" }',
    body: 'body: \'{"ping": true}\'',
    'expect-status': 'expect-status: [200, 204]  (or "200-299")',
    'body-matches': 'body-matches: "\\"status\\":\\s*\\"ok\\""',
    'json-path': 'json-path: checks.database.status',
    'json-equals': 'json-equals: up',
    'json-matches': 'json-matches: "^(up|degraded)$"',
    'latency-ceiling': 'latency-ceiling: 800ms',
    timeout: 'timeout: 5s',
    command: 'command: ./scripts/smoke-test.sh',
    'expect-exit': 'expect-exit: 0',
    'output-matches': 'output-matches: "all checks passed"'
};
const HTTP_ONLY = [
    'url',
    'method',
    'headers',
    'body',
    'expect-status',
    'body-matches',
    'json-path',
    'json-equals',
    'json-matches',
    'latency-ceiling'
];
const COMMAND_ONLY = ['command', 'expect-exit', 'output-matches'];
const EXAMPLE = `probes:
  - name: api
    url: https://example.com/healthz
    expect-status: [200]
    json-path: status
    json-equals: ok
  - name: smoke
    command: ./scripts/smoke.sh`;
/** The default probe built from the `health-url` input. */
function healthUrlProbe(url, defaults) {
    return {
        kind: 'http',
        name: 'health',
        url,
        method: 'GET',
        headers: {},
        expectStatus: statusRange(200, 399),
        latencyCeilingMs: defaults.latencyCeilingMs,
        timeoutMs: defaults.timeoutMs
    };
}
function statusRange(from, to) {
    const set = new Set();
    for (let s = from; s <= to; s++)
        set.add(s);
    return set;
}
class Problems {
    list = [];
    add(where, key, message) {
        const example = PROBE_KEYS[key];
        this.list.push(`Config file: ${where}.${key} ${message}.${example ? ` Example: ${example}` : ''}`);
    }
}
/**
 * Reads the config file's `probes:` list (and the `health-url` input) into validated probes.
 * Every problem is reported at once, each naming the key and showing a valid value.
 * `${NAME}` in a URL, header or command is taken from the environment; `secrets` collects the
 * values substituted into headers so that the caller can mask them.
 */
function readProbes(raw, healthUrl, defaults, env, secrets = []) {
    const probes = [];
    if (healthUrl)
        probes.push(healthUrlProbe(healthUrl, defaults));
    if (raw === undefined || raw === null)
        return probes;
    if (!Array.isArray(raw)) {
        throw new errors/* ConfigurationError */.j1(`Config file: "probes" must be a list of named probes. Example:\n${EXAMPLE}`, 'probes');
    }
    const problems = new Problems();
    const names = new Set(probes.map(p => p.name));
    raw.forEach((entry, index) => {
        const where = `probes[${index}]`;
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
            problems.list.push(`Config file: ${where} must be a mapping with a name and a url or command. Example:\n${EXAMPLE}`);
            return;
        }
        const probe = readProbe(entry, where, defaults, env, secrets, problems);
        if (!probe)
            return;
        if (names.has(probe.name)) {
            problems.add(where, 'name', `"${probe.name}" is used by another probe; names must be unique`);
            return;
        }
        names.add(probe.name);
        probes.push(probe);
    });
    if (problems.list.length)
        throw new errors/* ConfigurationError */.j1(problems.list.join('\n'), 'probes');
    return probes;
}
function readProbe(entry, where, defaults, env, secrets, problems) {
    const before = problems.list.length;
    for (const key of Object.keys(entry)) {
        if (!(key in PROBE_KEYS)) {
            problems.list.push(`Config file: ${where} has an unknown key "${key}". Valid keys: ${Object.keys(PROBE_KEYS).join(', ')}.`);
        }
    }
    const name = entry.name;
    if (typeof name !== 'string' || !NAME.test(name)) {
        problems.add(where, 'name', 'is required: letters, digits, spaces, ".", "_" or "-" (at most 64)');
    }
    const isHttp = entry.url !== undefined;
    const isCommand = entry.command !== undefined;
    if (isHttp === isCommand) {
        problems.add(where, isHttp ? 'command' : 'url', 'exactly one of "url" and "command" must be given');
        return undefined;
    }
    for (const key of isHttp ? COMMAND_ONLY : HTTP_ONLY) {
        if (entry[key] !== undefined)
            problems.add(where, key, `applies only to ${isHttp ? 'command' : 'HTTP'} probes`);
    }
    const timeoutMs = durationField(entry, 'timeout', where, problems) ?? defaults.timeoutMs;
    if (isCommand) {
        const command = entry.command;
        if (typeof command !== 'string' || command.trim() === '')
            problems.add(where, 'command', 'must be a command line');
        const expectExit = entry['expect-exit'] ?? 0;
        if (typeof expectExit !== 'number' ||
            !Number.isInteger(expectExit) ||
            expectExit < 0 ||
            expectExit > 255) {
            problems.add(where, 'expect-exit', 'must be an exit code from 0 to 255');
        }
        const outputMatches = regexField(entry, 'output-matches', where, problems);
        if (problems.list.length > before)
            return undefined;
        return {
            kind: 'command',
            name: name,
            command: substitute(command, env),
            expectExit: expectExit,
            outputMatches,
            timeoutMs
        };
    }
    let url = '';
    if (typeof entry.url !== 'string')
        problems.add(where, 'url', 'must be an absolute http(s) URL');
    else {
        url = substitute(entry.url, env);
        try {
            const parsed = new URL(url);
            if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
                throw new Error('protocol');
        }
        catch {
            problems.add(where, 'url', `must be an absolute http(s) URL; got "${entry.url}"`);
        }
    }
    const method = entry.method === undefined ? 'GET' : String(entry.method).toUpperCase();
    if (!HTTP_METHODS.includes(method))
        problems.add(where, 'method', `must be one of ${HTTP_METHODS.join(', ')}`);
    const headers = {};
    if (entry.headers !== undefined) {
        if (typeof entry.headers !== 'object' || entry.headers === null || Array.isArray(entry.headers)) {
            problems.add(where, 'headers', 'must be a mapping of header names to values');
        }
        else {
            for (const [header, value] of Object.entries(entry.headers)) {
                if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(header) ||
                    (typeof value !== 'string' && typeof value !== 'number')) {
                    problems.add(where, 'headers', `has an invalid header "${header}" (names are tokens, values strings)`);
                    continue;
                }
                const raw = String(value);
                const resolved = substitute(raw, env);
                if (resolved !== raw || /authorization|token|key|secret|cookie|password/i.test(header)) {
                    secrets.push(resolved);
                    for (const match of raw.matchAll(/\$\{(\w+)\}/g))
                        if (env[match[1]])
                            secrets.push(env[match[1]]);
                }
                headers[header] = resolved;
            }
        }
    }
    if (entry.body !== undefined && typeof entry.body !== 'string')
        problems.add(where, 'body', 'must be a string');
    const expectStatus = statusField(entry['expect-status'], where, problems);
    const bodyMatches = regexField(entry, 'body-matches', where, problems);
    let json;
    if (entry['json-path'] !== undefined) {
        const path = entry['json-path'];
        const segments = typeof path === 'string' ? parseJsonPath(path) : undefined;
        if (!segments)
            problems.add(where, 'json-path', 'must be a dotted path such as checks.db.status or $.items[0].state');
        const equals = entry['json-equals'];
        if (equals !== undefined && typeof equals === 'object')
            problems.add(where, 'json-equals', 'must be a string, number or boolean');
        const matches = regexField(entry, 'json-matches', where, problems);
        if (segments)
            json = { path: segments, equals: equals === undefined ? undefined : String(equals), matches };
    }
    else {
        for (const key of ['json-equals', 'json-matches']) {
            if (entry[key] !== undefined)
                problems.add(where, key, 'needs "json-path" to say which value to check');
        }
    }
    const latencyCeilingMs = durationField(entry, 'latency-ceiling', where, problems) ?? defaults.latencyCeilingMs;
    if (problems.list.length > before)
        return undefined;
    return {
        kind: 'http',
        name: name,
        url,
        method,
        headers,
        body: entry.body,
        expectStatus: expectStatus ?? statusRange(200, 399),
        bodyMatches,
        json,
        latencyCeilingMs,
        timeoutMs
    };
}
/** `${NAME}` → the environment variable's value (empty when unset). */
function substitute(text, env) {
    return text.replace(/\$\{(\w+)\}/g, (_, name) => env[name] ?? '');
}
function durationField(entry, key, where, problems) {
    const value = entry[key];
    if (value === undefined)
        return undefined;
    try {
        return (0,durations/* parseDuration */.E)(`${where}.${key}`, String(value));
    }
    catch {
        problems.add(where, key, `must be a duration such as "800ms", "5s" or "1m"; got "${String(value)}"`);
        return undefined;
    }
}
function regexField(entry, key, where, problems) {
    const value = entry[key];
    if (value === undefined)
        return undefined;
    if (typeof value !== 'string') {
        problems.add(where, key, 'must be a regular expression in a string');
        return undefined;
    }
    try {
        return new RegExp(value);
    }
    catch (error) {
        problems.add(where, key, `is not a valid regular expression (${error.message})`);
        return undefined;
    }
}
function statusField(value, where, problems) {
    if (value === undefined)
        return undefined;
    const items = Array.isArray(value) ? value : [value];
    const set = new Set();
    for (const item of items) {
        const text = String(item).trim();
        const range = /^([1-5]\d\d)\s*-\s*([1-5]\d\d)$/.exec(text);
        const klass = /^([1-5])xx$/i.exec(text);
        if (/^[1-5]\d\d$/.test(text))
            set.add(Number(text));
        else if (range && Number(range[1]) <= Number(range[2]))
            for (const s of statusRange(Number(range[1]), Number(range[2])))
                set.add(s);
        else if (klass)
            for (const s of statusRange(Number(klass[1]) * 100, Number(klass[1]) * 100 + 99))
                set.add(s);
        else {
            problems.add(where, 'expect-status', `has "${text}", which is not a status (100-599), a range "200-299" or a class "2xx"`);
            return undefined;
        }
    }
    if (set.size === 0)
        problems.add(where, 'expect-status', 'must name at least one status');
    return set;
}
/** `checks.db.status`, `$.items[0].state`, `items.0.state` → path segments. */
function parseJsonPath(path) {
    const text = path.trim().replace(/^\$\.?/, '');
    if (text === '')
        return [];
    const segments = [];
    for (const part of text.split('.')) {
        const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
        if (!match)
            return undefined;
        if (match[1])
            segments.push(match[1]);
        for (const index of match[2].matchAll(/\[(\d+)\]/g))
            segments.push(index[1]);
        if (!match[1] && !match[2])
            return undefined;
    }
    return segments;
}
/** The value at a path of a parsed JSON document, or undefined. */
function valueAt(document, path) {
    let current = document;
    for (const segment of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[segment];
    }
    return current;
}
/** The probe's target described for a report, with no header values. */
function describeProbe(probe) {
    return probe.kind === 'http' ? `${probe.method} ${probe.url}` : `$ ${probe.command}`;
}

// EXTERNAL MODULE: ./src/deliver/comments.ts
var deliver_comments = __webpack_require__(32259);
;// CONCATENATED MODULE: ./src/guard/publish.ts

/** Hidden marker of the guard's sticky comment, one per environment. */
function commentMarker(environment) {
    return `<!-- ci-medic:guard environment=${(environment ?? 'default').replace(/[^A-Za-z0-9._/-]/g, '_')} -->`;
}
function escalationMarker(environment) {
    return `<!-- ci-medic:guard-escalation environment=${(environment ?? 'default').replace(/[^A-Za-z0-9._/-]/g, '_')} -->`;
}
/**
 * Creates the sticky comment, or updates the one an earlier run left (found by its marker). On a
 * pull request this is the delivery module's sticky comment; a commit gets the same treatment with
 * commit comments. Only comments a bot wrote are taken as ours.
 */
async function upsertComment(github, repo, target, marker, body, log) {
    try {
        if (target.kind === 'pr') {
            const comment = await (0,deliver_comments/* upsertComment */.lB)({ github, ...repo, issueNumber: target.number }, marker, body);
            return comment.url;
        }
        const comments = await github.paginate(github.rest.repos.listCommentsForCommit, {
            ...repo,
            commit_sha: target.sha,
            per_page: 100
        });
        const text = (0,deliver_comments/* capComment */.W2)(body, marker);
        const existing = comments.find(c => (0,deliver_comments/* byBot */.pk)(c) && c.body?.includes(marker));
        if (existing) {
            const { data } = await github.rest.repos.updateCommitComment({
                ...repo,
                comment_id: existing.id,
                body: text
            });
            return data.html_url;
        }
        const { data } = await github.rest.repos.createCommitComment({
            ...repo,
            commit_sha: target.sha,
            body: text
        });
        return data.html_url;
    }
    catch (error) {
        log.warning(`Could not post the deploy guard comment: ${error.message}`);
        return undefined;
    }
}
/**
 * Opens the escalation issue, or comments on the open one for the environment (found by its marker),
 * unless that issue already reports this deployment.
 */
async function escalate(github, repo, options, log) {
    const marker = escalationMarker(options.environment);
    const deploymentMarker = `<!-- ci-medic:guard-deployment ${options.deploymentKey.replace(/[^A-Za-z0-9._/-]/g, '_')} -->`;
    const body = `${marker}\n${deploymentMarker}\n${options.body}`;
    try {
        const open = await github.paginate(github.rest.issues.listForRepo, {
            ...repo,
            state: 'open',
            labels: 'deploy-guard',
            per_page: 100
        });
        const existing = open.find(i => !i.pull_request && i.body?.includes(marker));
        if (!existing) {
            const { data } = await github.rest.issues.create({
                ...repo,
                title: options.title,
                body,
                labels: ['deploy-guard']
            });
            return data.html_url;
        }
        if (existing.body?.includes(deploymentMarker))
            return existing.html_url;
        const comments = await github.paginate(github.rest.issues.listComments, {
            ...repo,
            issue_number: existing.number,
            per_page: 100
        });
        if (!comments.some(c => c.body?.includes(deploymentMarker))) {
            await github.rest.issues.createComment({
                ...repo,
                issue_number: existing.number,
                body: `${deploymentMarker}\n${options.body}`
            });
        }
        return existing.html_url;
    }
    catch (error) {
        log.warning(`Could not open the escalation issue: ${error.message}`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/security/redact.ts
var redact = __webpack_require__(77733);
;// CONCATENATED MODULE: ./src/guard/redact.ts

/**
 * The project's redactor (known secrets with their encoded forms, secret-looking env values and
 * credential-shaped text) as a plain function.
 */
function createRedactor(options = {}) {
    const redactor = new redact/* Redactor */.pO({ secrets: options.secrets, env: options.env, log: options.log });
    return text => redactor.clean(text);
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/guard/verdict.ts
/**
 * The verdict engine: pure, with time passed in. It is fed probe samples and decides when a deploy is
 * unhealthy, inconclusive or (at the end of the watch) healthy.
 *
 * - Warm-up: until a probe first passes, its failures are forgiven for `warmupMs`.
 * - A probe trips after `failureThreshold` consecutive non-passes, or when non-passes make up at least
 *   `failureRatio` of its samples in the last `ratioWindowMs` (with enough samples to judge).
 * - Timeouts, transport errors and answers with no data are never a pass. A trip made mostly of them is
 *   `inconclusive` (the service may be fine and the network not); a trip made mostly of definite
 *   failures (wrong status, body, latency, exit code) is `unhealthy`.
 * - With a baseline (the previous version probed alongside), a candidate whose median latency or error
 *   rate is clearly worse than the baseline's is `unhealthy` even when every answer was a 200.
 */
/** Derives the ratio rule's minimum sample count from the probe interval. */
function defaultVerdictSettings(options) {
    const perWindow = Math.max(1, Math.floor(options.ratioWindowMs / Math.max(1, options.intervalMs)));
    return {
        warmupMs: options.warmupMs,
        windowMs: options.windowMs,
        failureThreshold: options.failureThreshold,
        failureRatio: options.failureRatioPercent / 100,
        ratioWindowMs: options.ratioWindowMs,
        minRatioSamples: Math.max(options.failureThreshold * 2, Math.ceil(perWindow * 0.75), 2),
        baselineLatencyFactor: 2,
        baselineErrorMargin: 0.25
    };
}
const definite = (s) => s.outcome === 'fail';
class VerdictEngine {
    settings;
    startedAt;
    states = new Map();
    tripped;
    constructor(settings, probes, startedAt) {
        this.settings = settings;
        this.startedAt = startedAt;
        for (const probe of probes)
            this.states.set(probe, { warm: true, streak: [], recent: [], baselineRecent: [], all: [] });
    }
    get trip() {
        return this.tripped;
    }
    /** The end of the watch: warm-up plus window from the start. */
    get endsAt() {
        return this.startedAt + this.settings.warmupMs + this.settings.windowMs;
    }
    samples(probe) {
        if (probe)
            return [...(this.states.get(probe)?.all ?? [])];
        return [...this.states.values()].flatMap(s => s.all).sort((a, b) => a.finishedAt - b.finishedAt);
    }
    /** Records one sample; returns the trip when this sample decides the deploy is not healthy. */
    record(input) {
        const state = this.states.get(input.probe);
        if (!state)
            throw new Error(`Unknown probe "${input.probe}"`);
        const sample = { ...input };
        const { settings } = this;
        if (sample.baseline) {
            state.all.push(sample);
            state.baselineRecent.push(sample);
            prune(state.baselineRecent, sample.finishedAt - settings.ratioWindowMs);
            return this.tripped;
        }
        if (state.warm) {
            if (sample.outcome === 'pass' || sample.finishedAt >= this.startedAt + settings.warmupMs)
                state.warm = false;
            else
                sample.warmup = true;
        }
        state.all.push(sample);
        if (sample.warmup || this.tripped)
            return this.tripped;
        state.recent.push(sample);
        prune(state.recent, sample.finishedAt - settings.ratioWindowMs);
        if (sample.outcome === 'pass')
            state.streak = [];
        else
            state.streak.push(sample);
        const now = sample.finishedAt;
        if (state.streak.length >= settings.failureThreshold) {
            this.tripped = this.makeTrip(sample.probe, 'consecutive', state.streak, now, `${state.streak.length} consecutive failed probes`);
            return this.tripped;
        }
        const failing = state.recent.filter(s => s.outcome !== 'pass');
        if (state.recent.length >= settings.minRatioSamples &&
            failing.length / state.recent.length >= settings.failureRatio &&
            failing.length > 0) {
            const percent = Math.round((failing.length / state.recent.length) * 100);
            this.tripped = this.makeTrip(sample.probe, 'ratio', failing, now, `${failing.length} of the last ${state.recent.length} probes failed (${percent}%, limit ${Math.round(settings.failureRatio * 100)}%)`);
            return this.tripped;
        }
        this.tripped = this.compareToBaseline(sample.probe, state, now);
        return this.tripped;
    }
    compareToBaseline(probe, state, now) {
        const { settings } = this;
        const base = state.baselineRecent;
        const cand = state.recent;
        if (base.length < settings.minRatioSamples || cand.length < settings.minRatioSamples)
            return undefined;
        const baseErrors = base.filter(s => s.outcome !== 'pass').length / base.length;
        const candFailing = cand.filter(s => s.outcome !== 'pass');
        const candErrors = candFailing.length / cand.length;
        if (candErrors - baseErrors >= settings.baselineErrorMargin) {
            return {
                probe,
                verdict: 'unhealthy',
                rule: 'baseline-errors',
                reason: `error rate ${pct(candErrors)} against ${pct(baseErrors)} on the previous version`,
                firstFailureAt: candFailing[0]?.finishedAt ?? now,
                decidedAt: now
            };
        }
        const baseMedian = median(base.filter(s => s.outcome === 'pass').map(s => s.latencyMs ?? 0));
        const candMedian = median(cand.filter(s => s.outcome === 'pass').map(s => s.latencyMs ?? 0));
        if (baseMedian === undefined || candMedian === undefined)
            return undefined;
        const limit = Math.max(baseMedian * settings.baselineLatencyFactor, baseMedian + 100);
        if (candMedian > limit) {
            const slow = cand.filter(s => (s.latencyMs ?? 0) > limit);
            return {
                probe,
                verdict: 'unhealthy',
                rule: 'baseline-latency',
                reason: `median latency ${ms(candMedian)} against ${ms(baseMedian)} on the previous version (limit ${ms(limit)})`,
                firstFailureAt: slow[0]?.finishedAt ?? now,
                decidedAt: now
            };
        }
        return undefined;
    }
    makeTrip(probe, rule, failing, now, reason) {
        const definiteCount = failing.filter(definite).length;
        const verdict = definiteCount * 2 >= failing.length ? 'unhealthy' : 'inconclusive';
        const kinds = countKinds(failing);
        return {
            probe,
            verdict,
            rule,
            reason: `${reason}: ${kinds}`,
            firstFailureAt: failing[0]?.finishedAt ?? now,
            decidedAt: now
        };
    }
    /** The verdict at the end of the watch (or now, when a probe tripped). */
    finish(now) {
        if (this.tripped)
            return { verdict: this.tripped.verdict, trip: this.tripped };
        for (const [probe, state] of this.states) {
            const counted = state.all.filter(s => !s.baseline && !s.warmup);
            if (!counted.some(s => s.outcome === 'pass')) {
                this.tripped = {
                    probe,
                    verdict: 'inconclusive',
                    rule: 'no-data',
                    reason: counted.length
                        ? `no passing probe in ${counted.length} tries: ${countKinds(counted)}`
                        : 'no probe result after the warm-up',
                    firstFailureAt: counted[0]?.finishedAt ?? now,
                    decidedAt: now
                };
                return { verdict: 'inconclusive', trip: this.tripped };
            }
        }
        return { verdict: 'healthy' };
    }
    tallies() {
        return [...this.states.entries()].map(([probe, state]) => {
            const own = state.all.filter(s => !s.baseline);
            const counted = own.filter(s => !s.warmup);
            const base = state.all.filter(s => s.baseline && s.outcome === 'pass');
            return {
                probe,
                counted: counted.length,
                passes: counted.filter(s => s.outcome === 'pass').length,
                fails: counted.filter(s => s.outcome === 'fail').length,
                timeouts: counted.filter(s => s.outcome === 'timeout').length,
                transportErrors: counted.filter(s => s.outcome === 'transport-error').length,
                noData: counted.filter(s => s.outcome === 'no-data').length,
                forgiven: own.length - counted.length,
                medianLatencyMs: median(counted.filter(s => s.latencyMs !== undefined).map(s => s.latencyMs)),
                baselineMedianLatencyMs: median(base.map(s => s.latencyMs ?? 0))
            };
        });
    }
}
function prune(samples, before) {
    while (samples.length && samples[0].finishedAt <= before)
        samples.shift();
}
function countKinds(samples) {
    const counts = new Map();
    for (const s of samples)
        counts.set(s.outcome, (counts.get(s.outcome) ?? 0) + 1);
    const label = {
        pass: 'passed',
        fail: 'failed',
        timeout: 'timed out',
        'transport-error': 'transport errors',
        'no-data': 'no data'
    };
    return [...counts].map(([kind, count]) => `${count} ${label[kind]}`).join(', ');
}
function median(values) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2
        ? sorted[mid]
        : (sorted[mid - 1] + sorted[mid]) / 2;
}
function pct(value) {
    return `${Math.round(value * 100)}%`;
}
function ms(value) {
    return value >= 1000 ? `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)}s` : `${Math.round(value)}ms`;
}

;// CONCATENATED MODULE: ./src/guard/report.ts



const SUMMARY_LIMIT = 1024 * 1024 - 4096;
const ICON = { healthy: '✅', unhealthy: '❌', inconclusive: '⚠️' };
function clock(at) {
    return new Date(at).toISOString().slice(11, 23);
}
/** A Mermaid timeline of the guard's story, with times relative to the deploy being ready. */
function mermaidTimeline(events) {
    if (events.length === 0)
        return '';
    const start = events[0].at;
    const lines = ['timeline', '    title Deploy guard'];
    for (const event of events) {
        const label = event.label
            .replace(/[:;#\n`<>]/g, ' ')
            .replace(/\s+/g, ' ')
            .trim();
        lines.push(`    +${((event.at - start) / 1000).toFixed(1)}s : ${label}`);
    }
    return (0,markdown/* codeBlock */.DV)(lines.join('\n'), 'mermaid');
}
function samplesTable(samples, limit) {
    const shown = samples.slice(-limit);
    const rows = shown.map(s => [
        clock(s.finishedAt),
        (0,markdown/* escapeCell */.kq)(s.probe) + (s.baseline ? ' (baseline)' : ''),
        s.outcome + (s.warmup ? ' (warm-up)' : ''),
        s.status === undefined ? '' : String(s.status),
        s.latencyMs === undefined ? '' : ms(s.latencyMs),
        (0,markdown/* escapeCell */.kq)(s.detail),
        s.excerpt ? (0,markdown/* code */.aY)(s.excerpt.slice(0, 120)) : ''
    ]);
    const note = samples.length > shown.length ? `\n\n_Last ${shown.length} of ${samples.length} probe results._` : '';
    return (0,markdown/* table */.tp)(['time', 'probe', 'outcome', 'status', 'latency', 'detail', 'body excerpt'], rows) + note;
}
function talliesTable(tallies, probes) {
    return (0,markdown/* table */.tp)([
        'probe',
        'target',
        'passed',
        'failed',
        'timeouts',
        'transport errors',
        'no data',
        'warm-up forgiven',
        'median latency'
    ], tallies.map(t => [
        (0,markdown/* escapeCell */.kq)(t.probe),
        (0,markdown/* code */.aY)(probes.find(p => p.name === t.probe)?.target ?? ''),
        String(t.passes),
        String(t.fails),
        String(t.timeouts),
        String(t.transportErrors),
        String(t.noData),
        String(t.forgiven),
        (t.medianLatencyMs === undefined ? '' : ms(t.medianLatencyMs)) +
            (t.baselineMedianLatencyMs === undefined ? '' : ` (baseline ${ms(t.baselineMedianLatencyMs)})`)
    ]));
}
function report_short(sha) {
    return sha ? sha.slice(0, 7) : '?';
}
/**
 * The diagnostics report as Markdown, fitted to `limit` characters: when too long, the least useful
 * parts shrink first (probe rows, then logs, then suspects).
 */
function renderReport(report, marker, limit) {
    for (const [rows, logChars, suspects] of [
        [500, 50_000, 50],
        [200, 20_000, 30],
        [40, 6000, 15],
        [20, 3000, 10],
        [10, 1000, 5],
        [5, 300, 3]
    ]) {
        const text = render(report, marker, rows, logChars, suspects);
        if (text.length <= limit)
            return text;
    }
    return (0,markdown/* truncate */.xv)(render(report, marker, 3, 0, 1), limit);
}
function render(report, marker, rows, logChars, suspectCount) {
    const parts = [marker];
    const env = report.environment ? ` of ${(0,markdown/* code */.aY)(report.environment)}` : '';
    const dep = report.deployment
        ? ` (deployment ${report.deployment.id}, ${(0,markdown/* code */.aY)(report_short(report.deployment.sha))})`
        : '';
    parts.push(`## ${ICON[report.verdict]} Deploy guard${env}: ${report.verdict}${dep}`);
    parts.push((0,markdown/* escapeCell */.kq)(report.outcome));
    if (report.trip)
        parts.push(`**Why:** probe ${(0,markdown/* code */.aY)(report.trip.probe)}: ${(0,markdown/* escapeCell */.kq)(report.trip.reason)}.`);
    if (report.lastGood) {
        parts.push(`**Last good deployment:** ${report.lastGood.id} (${(0,markdown/* code */.aY)(report_short(report.lastGood.sha))}).`);
    }
    if (report.rollback) {
        const r = report.rollback;
        parts.push(`**Rollback (${r.strategy}):** ${(0,markdown/* escapeCell */.kq)(r.detail)} in ${ms(r.durationMs)}` +
            (r.pullRequestUrl ? ` — ${r.pullRequestUrl}` : '') +
            (report.verify
                ? `; after it the service is **${report.verify.verdict}**` +
                    (report.verify.trip ? ` (${(0,markdown/* escapeCell */.kq)(report.verify.trip.reason)})` : '')
                : '') +
            '.');
        if (r.output)
            parts.push((0,markdown/* details */.zH)('Rollback command output', (0,markdown/* codeBlock */.DV)(r.output.slice(-Math.max(200, logChars)))));
    }
    if (report.timeline.length) {
        const timeline = [...report.timeline].sort((a, b) => a.at - b.at);
        parts.push('### Timeline');
        parts.push(mermaidTimeline(timeline));
        parts.push((0,markdown/* table */.tp)(['time (UTC)', 'event'], timeline.map(e => [clock(e.at), (0,markdown/* escapeCell */.kq)(e.label)])));
    }
    if (report.rootCause) {
        const rc = report.rootCause;
        parts.push(`### Probable root cause (${rc.confidence} confidence, ${(0,markdown/* escapeCell */.kq)(rc.model)})`);
        parts.push((0,markdown/* escapeCell */.kq)(rc.summary));
        if (rc.evidence.length)
            parts.push(rc.evidence.map(e => `- ${(0,markdown/* escapeCell */.kq)(e)}`).join('\n'));
    }
    else if (report.rootCauseNote) {
        parts.push(`### Probable root cause\n\n_${(0,markdown/* escapeCell */.kq)(report.rootCauseNote)}_`);
    }
    if (report.suspects.length || report.suspectsNote) {
        parts.push(`### Suspect commits (${report_short(report.lastGood?.sha)}..${report_short(report.deployment?.sha)})`);
        if (report.suspects.length) {
            const shown = report.suspects.slice(0, suspectCount);
            parts.push((0,markdown/* table */.tp)(['#', 'commit', 'subject', 'size', 'why'], shown.map((s, i) => [
                String(i + 1),
                (0,markdown/* code */.aY)(report_short(s.sha)),
                (0,markdown/* escapeCell */.kq)(s.subject.slice(0, 100)),
                `+${s.additions}/-${s.deletions}`,
                (0,markdown/* escapeCell */.kq)(s.reasons.join('; '))
            ])));
            if (report.suspects.length > shown.length)
                parts.push(`_${report.suspects.length - shown.length} more commits not shown._`);
        }
        if (report.suspectsNote)
            parts.push(`_${(0,markdown/* escapeCell */.kq)(report.suspectsNote)}_`);
    }
    parts.push('### Probes');
    parts.push(talliesTable(report.tallies, report.probes));
    if (report.verify)
        parts.push('After the rollback:\n\n' + talliesTable(report.verify.tallies, report.probes));
    const failing = report.samples.filter(s => s.outcome !== 'pass');
    const evidence = rows >= 20 ? report.samples : failing.length ? failing : report.samples;
    parts.push((0,markdown/* details */.zH)('Probe results (evidence)', samplesTable(evidence, rows), report.verdict !== 'healthy'));
    if (report.logs && logChars > 0) {
        const tail = report.logs.tail.slice(-logChars);
        parts.push((0,markdown/* details */.zH)(`Logs: ${(0,markdown/* code */.aY)(report.logs.command)} (last ${tail.length} characters, redacted)`, (0,markdown/* codeBlock */.DV)(tail || '(no output)')));
    }
    if (report.runUrl)
        parts.push(`<sub>[Workflow run](${report.runUrl}) · CI Medic deploy guard</sub>`);
    return parts.join('\n\n') + '\n';
}

// EXTERNAL MODULE: ./src/security/untrusted.ts
var untrusted = __webpack_require__(62308);
;// CONCATENATED MODULE: ./src/guard/root-cause.ts

const SCHEMA = {
    type: 'object',
    properties: {
        summary: { type: 'string' },
        confidence: { type: 'string', enum: ['low', 'medium', 'high'] },
        evidence: { type: 'array', items: { type: 'string' } }
    },
    required: ['summary', 'confidence', 'evidence'],
    additionalProperties: false
};
/** Numbered evidence items the model must cite. */
function evidenceItems(input) {
    const items = [];
    const add = (text) => void items.push({ id: `E${items.length + 1}`, text });
    add(`Verdict: probe "${input.trip.probe}" ${input.trip.verdict}: ${input.trip.reason}`);
    const failing = input.samples.filter(s => s.outcome !== 'pass' && !s.baseline && !s.warmup);
    const distinct = new Map();
    for (const s of failing)
        distinct.set(`${s.probe}|${s.detail}|${s.excerpt ?? ''}`, s);
    for (const s of [...distinct.values()].slice(0, 6)) {
        add(`Probe "${s.probe}" ${s.outcome}: ${s.detail}${s.excerpt ? `; body: ${s.excerpt.slice(0, 200)}` : ''}`);
    }
    if (input.logsTail)
        add(`Logs (tail):\n${input.logsTail.slice(-3000)}`);
    for (const s of input.suspects.slice(0, 8)) {
        add(`Commit ${s.sha.slice(0, 7)} "${s.subject}" (+${s.additions}/-${s.deletions}) files: ${s.files.slice(0, 8).join(', ')}; signals: ${s.reasons.join('; ')}`);
    }
    return items;
}
/**
 * Asks the model for a root-cause summary that cites the evidence items by id and says how sure it
 * is. Evidence is quoted as untrusted data; citations of items that do not exist are dropped, and a
 * summary that cites nothing is marked low confidence.
 */
async function summarizeRootCause(gateway, input) {
    const items = evidenceItems(input);
    let evidenceText = items.map(i => `${i.id}: ${i.text}`).join('\n\n');
    const budget = Math.max(1000, gateway.contextBudget - 1200);
    while (gateway.countTokens(evidenceText) > budget && evidenceText.length > 500) {
        evidenceText = evidenceText.slice(0, Math.floor(evidenceText.length * 0.8));
    }
    const result = await gateway.completeJson({
        purpose: 'guard.summary',
        schemaName: 'root_cause',
        maxOutputTokens: 600,
        messages: [
            {
                role: 'system',
                content: [
                    'You are a site reliability engineer explaining why a deployment failed its health checks.',
                    'Use only the evidence items given. Cite them by id (E1, E2, …) in every evidence entry.',
                    'Say which commit most likely caused the failure and why, in at most 5 sentences.',
                    'confidence: "high" only when a stack trace or error message points at a changed file; "low" when the evidence is thin.',
                    'Reply with JSON: {"summary": string, "confidence": "low"|"medium"|"high", "evidence": ["E2: …", …]}.',
                    untrusted/* UNTRUSTED_DATA_RULES */.A4
                ].join('\n')
            },
            { role: 'user', content: (0,untrusted/* quoteUntrusted */.X0)('deploy guard evidence', evidenceText) }
        ]
    }, SCHEMA);
    const ids = new Set(items.map(i => i.id));
    const evidence = (result.value.evidence ?? [])
        .map(e => gateway.redact(String(e)).slice(0, 300))
        .filter(e => [...e.matchAll(/\bE(\d+)\b/g)].some(m => ids.has(`E${m[1]}`)))
        .slice(0, 6);
    const confidence = evidence.length === 0 ? 'low' : result.value.confidence;
    return {
        summary: gateway.redact(String(result.value.summary)).slice(0, 1500),
        confidence,
        evidence,
        model: result.model
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/ports/git.ts
var ports_git = __webpack_require__(94220);
;// CONCATENATED MODULE: ./src/guard/rollback.ts





const OUTPUT_TAIL = 4000;
/**
 * Runs `fn` with SIGTERM and SIGINT ignored, so that a cancelled workflow does not stop a rollback
 * halfway. The rollback command runs in its own process group and is not signalled by the runner.
 */
async function shielded(log, fn) {
    const ignore = (signal) => log.warning(`Received ${signal} during the rollback; finishing the rollback and its record first.`);
    process.on('SIGTERM', ignore);
    process.on('SIGINT', ignore);
    try {
        return await fn();
    }
    finally {
        process.off('SIGTERM', ignore);
        process.off('SIGINT', ignore);
    }
}
async function rollbackWithCommand(options) {
    const env = {
        ...options.env,
        CI_MEDIC_ENVIRONMENT: options.environment ?? '',
        CI_MEDIC_DEPLOYMENT_ID: options.bad ? String(options.bad.id) : '',
        CI_MEDIC_BAD_SHA: options.bad?.sha ?? '',
        CI_MEDIC_ROLLBACK_SHA: options.good?.sha ?? '',
        CI_MEDIC_ROLLBACK_REF: options.good?.ref ?? ''
    };
    const started = Date.now();
    try {
        const result = await (0,exec/* runShell */.E)(options.command, { cwd: options.cwd, env, timeoutMs: options.timeoutMs });
        const output = options
            .redact(`${result.stdout}${result.stderr ? `\n${result.stderr}` : ''}`.trim())
            .slice(-OUTPUT_TAIL);
        const ok = result.exitCode === 0 && !result.timedOut;
        const detail = result.timedOut
            ? `the rollback command was still running after ${Math.round(options.timeoutMs / 1000)}s and was stopped`
            : ok
                ? 'the rollback command succeeded'
                : `the rollback command failed (exit ${result.exitCode ?? result.signal})`;
        return { strategy: 'command', ok, detail, output, durationMs: result.durationMs };
    }
    catch (error) {
        return {
            strategy: 'command',
            ok: false,
            detail: `the rollback command could not start: ${options.redact(error.message)}`,
            durationMs: Date.now() - started
        };
    }
}
/**
 * Redeploys the last good commit: the rollback deployment record (created by the caller) lets
 * `on: deployment` workflows act, and with `deploy-workflow` the deploy workflow is dispatched at a
 * branch pointing at the good commit (workflow_dispatch needs a branch or tag, not a SHA).
 */
async function rollbackByRedeploy(options) {
    const started = Date.now();
    const { github, repo, good, bad } = options;
    if (!options.deployWorkflow) {
        return {
            strategy: 'redeploy',
            ok: options.rollbackDeployment !== undefined,
            detail: options.rollbackDeployment
                ? `created deployment ${options.rollbackDeployment.id} of ${good.sha.slice(0, 7)} for workflows triggered by deployments`
                : 'could not create the rollback deployment',
            durationMs: Date.now() - started
        };
    }
    const branch = `ci-medic/rollback-${bad.id}`;
    try {
        try {
            await github.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: good.sha });
        }
        catch (error) {
            if (error.status !== 422)
                throw error;
            await github.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: good.sha, force: true });
        }
        await github.rest.actions.createWorkflowDispatch({
            ...repo,
            workflow_id: options.deployWorkflow,
            ref: branch
        });
        return {
            strategy: 'redeploy',
            ok: true,
            detail: `dispatched ${options.deployWorkflow} at ${branch} (${good.sha.slice(0, 7)})`,
            durationMs: Date.now() - started
        };
    }
    catch (error) {
        return {
            strategy: 'redeploy',
            ok: false,
            detail: `could not dispatch ${options.deployWorkflow}: ${error.message}`,
            durationMs: Date.now() - started
        };
    }
}
/**
 * Opens a pull request reverting the commits since the last good deployment. The reverts are made in
 * a temporary worktree, so the checkout the workflow uses is left as it was.
 */
async function rollbackByRevertPr(options) {
    const started = Date.now();
    const { github, repo, good, bad } = options;
    const git = new ports_git/* Git */.TU(options.repoDir);
    const branch = `ci-medic/revert-${bad.id}`;
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ci-medic-revert-'));
    const identity = ['-c', 'user.name=CI Medic', '-c', 'user.email=ci-medic@users.noreply.github.com'];
    try {
        await git.run(['worktree', 'add', '--detach', dir, bad.sha]);
        const work = new ports_git/* Git */.TU(dir);
        const commits = (await work.run(['rev-list', '--no-merges', `${good.sha}..${bad.sha}`]))
            .split('\n')
            .filter(Boolean);
        if (commits.length === 0)
            throw new Error(`no commits between ${good.sha.slice(0, 7)} and ${bad.sha.slice(0, 7)}`);
        await work.run([...identity, 'revert', '--no-edit', '--no-commit', ...commits]);
        await work.run([
            ...identity,
            'commit',
            '--no-verify',
            '-m',
            `Revert deployment ${bad.id} back to ${good.sha.slice(0, 7)}\n\nReverts ${commits.length} commit(s) since the last good deployment of ${bad.environment}, opened by CI Medic's deploy guard.`
        ]);
        await work.run(['push', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
        const { data } = await github.rest.pulls.create({
            ...repo,
            head: branch,
            base: options.base,
            title: `Revert deployment ${bad.id} (${bad.sha.slice(0, 7)}) to ${good.sha.slice(0, 7)}`,
            body: `The deploy guard found deployment ${bad.id} of \`${bad.environment}\` unhealthy. This reverts the ` +
                `${commits.length} commit(s) since the last good deployment (${good.sha.slice(0, 7)}).\n\n` +
                commits.map(c => `- ${c}`).join('\n')
        });
        return {
            strategy: 'revert-pr',
            ok: true,
            detail: `opened revert pull request #${data.number}`,
            pullRequestUrl: data.html_url,
            durationMs: Date.now() - started
        };
    }
    catch (error) {
        return {
            strategy: 'revert-pr',
            ok: false,
            detail: `could not open a revert pull request: ${error.message}`,
            durationMs: Date.now() - started
        };
    }
    finally {
        await git.tryRun(['worktree', 'remove', '--force', dir]);
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
;// CONCATENATED MODULE: ./src/guard/run-probe.ts





const MAX_BODY = 64 * 1024;
const EXCERPT = 300;
function createProbeRunner(options) {
    return async (probe, { baseline }) => {
        const sample = probe.kind === 'http'
            ? await runHttpProbe(probe, options, baseline ? options.originOverride : undefined)
            : await runCommandProbe(probe, options);
        return baseline ? { ...sample, baseline: true } : sample;
    };
}
/** Moves a URL onto another origin, keeping its path and query. */
function onOrigin(url, origin) {
    const target = new URL(url);
    const base = new URL(origin);
    const path = base.pathname.replace(/\/$/, '') + target.pathname;
    return `${base.origin}${path}${target.search}`;
}
function send(probe, url, timeoutMs) {
    return new Promise((resolve, reject) => {
        const target = new URL(url);
        const requestFn = target.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
        const headers = { 'user-agent': 'ci-medic-guard', ...probe.headers };
        if (probe.body !== undefined)
            headers['content-length'] = String(Buffer.byteLength(probe.body));
        const req = requestFn(target, { method: probe.method, headers, agent: false }, res => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                if (size < MAX_BODY)
                    chunks.push(chunk);
                size += chunk.length;
            });
            res.on('end', () => {
                clearTimeout(timer);
                resolve({
                    status: res.statusCode ?? 0,
                    body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY),
                    contentType: String(res.headers['content-type'] ?? '')
                });
            });
            res.on('error', error => {
                clearTimeout(timer);
                reject(error);
            });
        });
        const timer = setTimeout(() => req.destroy(new ProbeTimeout()), timeoutMs);
        req.on('error', error => {
            clearTimeout(timer);
            reject(error);
        });
        req.end(probe.body);
    });
}
class ProbeTimeout extends Error {
    name = 'ProbeTimeout';
}
async function runHttpProbe(probe, options, origin) {
    const { clock, redact } = options;
    const url = origin ? onOrigin(probe.url, origin) : probe.url;
    const startedAt = clock.now();
    const base = { probe: probe.name, startedAt };
    let answer;
    try {
        answer = await send(probe, url, probe.timeoutMs);
    }
    catch (error) {
        const finishedAt = clock.now();
        if (error instanceof ProbeTimeout) {
            return { ...base, finishedAt, outcome: 'timeout', detail: `no answer within ${ms(probe.timeoutMs)}` };
        }
        const code = error.code;
        return {
            ...base,
            finishedAt,
            outcome: 'transport-error',
            detail: redact(`${code ?? 'error'}: ${error.message}`).slice(0, 200)
        };
    }
    const finishedAt = clock.now();
    const latencyMs = finishedAt - startedAt;
    const excerpt = redact(answer.body.slice(0, EXCERPT * 2))
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, EXCERPT);
    const result = { ...base, finishedAt, status: answer.status, latencyMs, excerpt };
    if (!probe.expectStatus.has(answer.status)) {
        return { ...result, outcome: 'fail', detail: `status ${answer.status}` };
    }
    if (probe.latencyCeilingMs > 0 && latencyMs > probe.latencyCeilingMs) {
        return {
            ...result,
            outcome: 'fail',
            detail: `latency ${ms(latencyMs)} over the ${ms(probe.latencyCeilingMs)} ceiling`
        };
    }
    if (probe.bodyMatches && !probe.bodyMatches.test(answer.body)) {
        if (answer.body.trim() === '')
            return { ...result, outcome: 'no-data', detail: 'empty body' };
        return { ...result, outcome: 'fail', detail: `body does not match /${probe.bodyMatches.source}/` };
    }
    if (probe.json) {
        let document;
        try {
            document = JSON.parse(answer.body);
        }
        catch {
            return {
                ...result,
                outcome: answer.body.trim() === '' ? 'no-data' : 'fail',
                detail: answer.body.trim() === '' ? 'empty body where JSON was expected' : 'body is not JSON'
            };
        }
        const path = probe.json.path.join('.');
        const value = valueAt(document, probe.json.path);
        if (value === undefined)
            return { ...result, outcome: 'fail', detail: `no value at ${path}` };
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        if (probe.json.equals !== undefined && text !== probe.json.equals) {
            return {
                ...result,
                outcome: 'fail',
                detail: `${path} is ${redact(text).slice(0, 80)}, expected ${probe.json.equals}`
            };
        }
        if (probe.json.matches && !probe.json.matches.test(text)) {
            return {
                ...result,
                outcome: 'fail',
                detail: `${path} is ${redact(text).slice(0, 80)}, expected /${probe.json.matches.source}/`
            };
        }
    }
    return { ...result, outcome: 'pass', detail: `status ${answer.status} in ${ms(latencyMs)}` };
}
async function runCommandProbe(probe, options) {
    const { clock, redact } = options;
    const startedAt = clock.now();
    const base = { probe: probe.name, startedAt };
    try {
        const result = await (0,exec/* runShell */.E)(probe.command, {
            cwd: options.cwd,
            env: options.env,
            timeoutMs: probe.timeoutMs,
            maxOutput: MAX_BODY
        });
        const finishedAt = clock.now();
        const output = `${result.stdout}${result.stderr}`;
        const excerpt = redact(output.slice(-EXCERPT * 2))
            .trim()
            .slice(-EXCERPT);
        const latencyMs = finishedAt - startedAt;
        if (result.timedOut) {
            return {
                ...base,
                finishedAt,
                outcome: 'timeout',
                detail: `still running after ${ms(probe.timeoutMs)}`,
                excerpt
            };
        }
        if (result.exitCode !== probe.expectExit) {
            return {
                ...base,
                finishedAt,
                latencyMs,
                excerpt,
                outcome: 'fail',
                detail: `exit ${result.exitCode ?? result.signal}, expected ${probe.expectExit}`
            };
        }
        if (probe.outputMatches && !probe.outputMatches.test(output)) {
            return {
                ...base,
                finishedAt,
                latencyMs,
                excerpt,
                outcome: output.trim() === '' ? 'no-data' : 'fail',
                detail: `output does not match /${probe.outputMatches.source}/`
            };
        }
        return {
            ...base,
            finishedAt,
            latencyMs,
            excerpt,
            outcome: 'pass',
            detail: `exit ${result.exitCode} in ${ms(latencyMs)}`
        };
    }
    catch (error) {
        return {
            ...base,
            finishedAt: clock.now(),
            outcome: 'transport-error',
            detail: redact(`could not start: ${error.message}`).slice(0, 200)
        };
    }
}

;// CONCATENATED MODULE: ./src/guard/suspects.ts


const RISKS = [
    { label: 'database migration', weight: 4, test: /(^|\/)(migrations?|migrate|db\/schema)(\/|\.)|\.sql$/i },
    {
        label: 'dependency change',
        weight: 3,
        test: /(^|\/)(package(-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|go\.(mod|sum)|requirements[^/]*\.txt|poetry\.lock|Pipfile(\.lock)?|Cargo\.(toml|lock)|Gemfile(\.lock)?|pom\.xml|build\.gradle(\.kts)?)$/
    },
    {
        label: 'configuration change',
        weight: 3,
        test: /(^|\/)(\.env[^/]*|config\/[^/]+|[^/]*\.(ya?ml|toml|ini|conf|properties)|Dockerfile[^/]*|docker-compose[^/]*|helm\/.*|k8s\/.*|terraform\/.*|[^/]*\.tf)$/i
    }
];
/** Source files named in stack traces (Node, Python, Go, Java style). */
function filesInStackTraces(text) {
    const found = new Set();
    const patterns = [
        /\(?((?:[\w.@-]+\/)*[\w.@-]+\.(?:[cm]?[jt]sx?|py|go|rb|java|kt|rs|php|cs)):\d+(?::\d+)?\)?/g,
        /File "([^"]+)", line \d+/g
    ];
    for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) {
            const file = match[1].replace(/^file:\/\//, '');
            if (!file.includes('node_modules') &&
                !file.startsWith('node:') &&
                !/site-packages|\/usr\/lib/.test(file))
                found.add(file);
        }
    }
    return [...found];
}
/** Words of a URL path worth matching against file names: `/api/v2/orders/42` → orders. */
function pathWords(path) {
    const stop = new Set([
        'api',
        'v1',
        'v2',
        'v3',
        'health',
        'healthz',
        'status',
        'ready',
        'readyz',
        'livez',
        'index',
        'www'
    ]);
    return [
        ...new Set(path
            .toLowerCase()
            .split(/[/?&=.#_-]+/)
            .filter(w => w.length >= 3 && !/^\d+$/.test(w) && !stop.has(w)))
    ];
}
async function commitsBetween(git, good, bad) {
    const out = await git.run([
        'log',
        '--no-merges',
        '--format=%x1e%H%x1f%an%x1f%s',
        '--numstat',
        '--no-renames',
        `${good}..${bad}`
    ]);
    const commits = [];
    for (const block of out.split('\x1e').filter(b => b.trim())) {
        const [header, ...lines] = block.split('\n');
        const [sha, author, subject] = (header ?? '').split('\x1f');
        const files = lines
            .map(l => /^(\d+|-)\t(\d+|-)\t(.+)$/.exec(l))
            .filter((m) => m !== null)
            .map(m => ({ path: m[3], additions: Number(m[1]) || 0, deletions: Number(m[2]) || 0 }));
        commits.push({ sha: sha, author: author ?? '', subject: subject ?? '', files });
    }
    return commits;
}
/**
 * The commits between the last good deployment and this one, most suspect first, each with its reasons:
 * files named in stack traces, files whose names match the failing endpoint, size, and risk signals
 * (migrations, dependencies, configuration). Needs both commits in the local repository; fetches the
 * good one when it is missing (shallow checkouts).
 */
async function rankSuspects(repoDir, good, bad, clues) {
    const git = new ports_git/* Git */.TU(repoDir);
    for (const sha of [good, bad]) {
        if (!(await git.resolveCommit(sha)))
            await git.tryRun(['fetch', '--no-tags', '--quiet', 'origin', sha]);
    }
    if ((await git.tryRun(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true') {
        await git.tryRun(['fetch', '--no-tags', '--quiet', '--shallow-exclude', good, 'origin', bad]);
    }
    const commits = await commitsBetween(git, good, bad);
    const traced = filesInStackTraces(clues.evidence.join('\n'));
    const words = [...new Set(clues.failingPaths.flatMap(pathWords))];
    const total = commits.reduce((sum, c) => sum + c.files.reduce((s, f) => s + f.additions + f.deletions, 0), 0) || 1;
    const suspects = commits.map((commit) => {
        const reasons = [];
        let score = 0;
        const paths = commit.files.map(f => f.path);
        const inTrace = paths.filter(p => traced.some(t => t === p || t.endsWith(`/${p}`) || p.endsWith(`/${t}`) || (0,external_node_path_.basename)(t) === (0,external_node_path_.basename)(p)));
        if (inTrace.length) {
            score += 10;
            reasons.push(`touches ${inTrace.slice(0, 3).join(', ')}, named in a stack trace`);
        }
        const nearEndpoint = paths.filter(p => words.some(w => p.toLowerCase().includes(w)));
        if (nearEndpoint.length) {
            score += 5;
            reasons.push(`touches ${nearEndpoint.slice(0, 3).join(', ')}, near the failing endpoint`);
        }
        for (const risk of RISKS) {
            const hits = paths.filter(p => risk.test.test(p));
            if (hits.length) {
                score += risk.weight;
                reasons.push(`${risk.label} (${hits.slice(0, 2).join(', ')})`);
            }
        }
        const size = commit.files.reduce((s, f) => s + f.additions + f.deletions, 0);
        const share = size / total;
        score += Math.min(3, share * 4);
        if (commits.length > 1 && share >= 0.5)
            reasons.push(`largest change (${size} lines, ${Math.round(share * 100)}% of the range)`);
        else
            reasons.push(`${size} changed lines in ${paths.length} file(s)`);
        return {
            sha: commit.sha,
            subject: commit.subject,
            author: commit.author,
            files: paths,
            additions: commit.files.reduce((s, f) => s + f.additions, 0),
            deletions: commit.files.reduce((s, f) => s + f.deletions, 0),
            score: Math.round(score * 10) / 10,
            reasons
        };
    });
    // git log lists newest first: on equal scores the newest commit stays first.
    return suspects
        .map((s, i) => ({ s, i }))
        .sort((a, b) => b.s.score - a.s.score || a.i - b.i)
        .map(x => x.s);
}

;// CONCATENATED MODULE: ./src/guard/watch.ts

/**
 * Probes every `intervalMs` (all probes of a round in parallel) until a probe trips or the watch ends.
 * A round that takes longer than the interval is followed at once by the next.
 */
async function watchDeploy(options) {
    const { probes, run, clock, settings, intervalMs } = options;
    const startedAt = clock.now();
    const engine = new VerdictEngine(settings, probes.map(p => p.name), startedAt);
    let readyAt;
    let nextRound = startedAt;
    while (clock.now() < engine.endsAt) {
        const round = probes.flatMap(probe => [
            run(probe, {}),
            ...(options.baseline && probe.kind === 'http' ? [run(probe, { baseline: true })] : [])
        ]);
        const samples = await Promise.all(round);
        samples.sort((a, b) => a.finishedAt - b.finishedAt);
        for (const sample of samples) {
            options.onSample?.(sample);
            if (!sample.baseline && sample.outcome === 'pass')
                readyAt ??= sample.finishedAt;
            engine.record(sample);
        }
        if (engine.trip)
            break;
        nextRound += intervalMs;
        const now = clock.now();
        if (nextRound < now)
            nextRound = now;
        if (nextRound >= engine.endsAt)
            break;
        await clock.sleep(nextRound - now);
    }
    const endedAt = clock.now();
    const { verdict, trip } = engine.finish(endedAt);
    return { verdict, trip, startedAt, endedAt, readyAt, engine };
}

;// CONCATENATED MODULE: ./src/guard/guard.ts

















/** The deployment a `deployment_status` event is about. */
function deploymentFromEvent(name, payload) {
    if (name !== 'deployment_status' && name !== 'deployment')
        return undefined;
    const deployment = payload.deployment ?? {};
    const status = payload.deployment_status ?? {};
    return {
        id: typeof deployment.id === 'number' ? deployment.id : undefined,
        environment: status.environment || deployment.environment || undefined,
        url: status.environment_url || status.target_url || deployment.payload?.web_url || undefined,
        sha: deployment.sha || undefined,
        ref: deployment.ref || undefined,
        state: name === 'deployment_status' ? status.state : undefined,
        byGuard: name === 'deployment_status' && String(status.description ?? '').startsWith(STATUS_PREFIX)
    };
}
function guard_short(sha) {
    return sha ? sha.slice(0, 7) : 'unknown';
}
function result(report, summary, failure, links) {
    const json = {
        verdict: report.verdict,
        rolledBack: report.rolledBack,
        escalated: report.escalated,
        outcome: report.outcome,
        environment: report.environment ?? null,
        deployment: report.deployment ? { id: report.deployment.id, sha: report.deployment.sha } : null,
        lastGood: report.lastGood ? { id: report.lastGood.id, sha: report.lastGood.sha } : null,
        trip: report.trip ?? null,
        rollback: report.rollback ?? null,
        verify: report.verify ? { verdict: report.verify.verdict, trip: report.verify.trip ?? null } : null,
        timeline: report.timeline.map(e => ({ at: new Date(e.at).toISOString(), label: e.label })),
        probes: report.tallies,
        suspects: report.suspects.map(s => ({
            sha: s.sha,
            subject: s.subject,
            score: s.score,
            reasons: s.reasons
        })),
        rootCause: report.rootCause ?? null,
        links
    };
    const text = [
        `Deploy guard: ${report.verdict}${report.rolledBack ? ' (rolled back)' : ''}`,
        report.outcome,
        ...(report.trip ? [`Why: ${report.trip.probe}: ${report.trip.reason}`] : []),
        ...report.tallies.map(t => `  ${t.probe}: ${t.passes} passed, ${t.fails} failed, ${t.timeouts} timeouts, ${t.transportErrors} transport errors`)
    ].join('\n');
    return {
        outputs: { verdict: (0,outputs/* safeWord */.m)(report.verdict), 'rolled-back': (0,outputs/* safeWord */.m)(report.rolledBack) },
        summary,
        json,
        text,
        failure
    };
}
/** The `guard` command: probe the deploy, roll back once when it is unhealthy, verify, report. */
async function runGuard(context, ports = {}) {
    const { inputs, log, event, env, repoDir } = context;
    const clock = ports.clock ?? systemClock;
    const section = readGuardSection(context.config.guard);
    checkTimings(inputs);
    const fromEvent = deploymentFromEvent(event.name, event.payload);
    const environment = inputs.environment ?? fromEvent?.environment;
    const secrets = [];
    const defaults = { timeoutMs: inputs.probeTimeout, latencyCeilingMs: inputs.latencyCeiling };
    const probes = readProbes(context.config.probes, inputs.healthUrl ?? fromEvent?.url, defaults, env, secrets);
    for (const secret of secrets)
        log.mask(secret);
    if (probes.length === 0) {
        throw new errors/* ConfigurationError */.j1('Command "guard" needs something to probe: set "health-url", or list probes under "probes:" in the config file' +
            (event.name === 'deployment_status' ? ' (this deployment_status event has no environment_url)' : '') +
            '. Example: health-url: https://example.com/healthz', 'health-url');
    }
    if ((fromEvent?.state && fromEvent.state !== 'success') || fromEvent?.byGuard) {
        const outcome = fromEvent.byGuard
            ? 'This deployment status was written by the deploy guard itself: nothing new to guard.'
            : `Deployment status is "${fromEvent.state}", not "success": there is no finished deploy to guard.`;
        log.info(outcome);
        return {
            outputs: { verdict: 'skipped', 'rolled-back': 'false' },
            summary: `### Deploy guard\n\n${outcome}\n`,
            json: { verdict: 'skipped', rolledBack: false, outcome },
            text: outcome
        };
    }
    const redact = createRedactor({
        secrets: [...secrets, inputs.githubToken, inputs.llmApiKey ?? ''],
        env,
        log
    });
    const audit = (0,llm/* createRunAudit */.HP)(context);
    const repo = event.repository;
    const github = inputs.githubToken && repo ? await context.github() : undefined;
    const deployments = github && repo ? new Deployments(github, repo, log) : undefined;
    const runUrl = repo && event.runId
        ? `${event.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${event.runId}`
        : undefined;
    const timeline = [];
    const mark = (label, at = clock.now()) => void timeline.push({ at, label });
    // ── Which deployment, and what it would roll back to ─────────────────────────────────────
    let current;
    let lastGood;
    let history = 'unknown';
    if (deployments) {
        await log.group('Deployments', async () => {
            try {
                const id = inputs.deploymentId ?? fromEvent?.id;
                if (id !== undefined)
                    current = await deployments.get(id);
                else if (environment)
                    current = await deployments.find(environment, event.sha);
                const env = environment ?? current?.environment;
                if (current && env) {
                    lastGood = await deployments.lastGood(current, env);
                    history = 'known';
                }
                log.info(current
                    ? `Guarding deployment ${current.id} (${guard_short(current.sha)}) of ${env}; last good: ${lastGood ? `${lastGood.id} (${guard_short(lastGood.sha)})` : 'none (first deployment)'}`
                    : 'No GitHub deployment found for this run; probing without deployment statuses.');
            }
            catch (error) {
                log.warning(`Could not read the environment's deployments: ${redact(error.message)}`);
            }
        });
    }
    const statusExtra = { environmentUrl: fromEvent?.url ?? inputs.healthUrl, logUrl: runUrl };
    const alreadyRolledBack = async () => {
        if (!current || !deployments)
            return false;
        try {
            const seen = await deployments.statuses(current);
            return seen.statuses?.some(s => s.description.includes(ROLLED_BACK_MARKER)) ?? false;
        }
        catch {
            return false;
        }
    };
    if (await alreadyRolledBack()) {
        // A re-run, or a run that started after a concurrent one rolled back: the decision stands.
        const outcome = `Deployment ${current?.id} (${guard_short(current?.sha)}) was already rolled back by an earlier guard run: nothing to do.`;
        log.info(outcome);
        return {
            outputs: { verdict: 'unhealthy', 'rolled-back': 'false' },
            summary: `### Deploy guard\n\n${outcome}\n`,
            json: { verdict: 'unhealthy', rolledBack: false, outcome },
            text: outcome,
            failure: `Deploy guard: ${outcome}`
        };
    }
    if (current && deployments)
        await deployments.setStatus(current.id, 'in_progress', 'probing the deploy', statusExtra);
    // ── Probe and decide ──────────────────────────────────────────────────────────────────────
    const settings = defaultVerdictSettings({
        warmupMs: inputs.warmup,
        windowMs: inputs.probeWindow,
        intervalMs: inputs.probeInterval,
        failureThreshold: inputs.failureThreshold,
        failureRatioPercent: inputs.failureRatio,
        ratioWindowMs: inputs.ratioWindow
    });
    const baselineOrigin = inputs.baselineUrl ?? previousVersionOrigin(lastGood, probes);
    if (baselineOrigin && !inputs.baselineUrl)
        log.info(`Baseline: the last good deployment's URL ${baselineOrigin}`);
    const probeRunner = ports.probeRunner ??
        createProbeRunner({ clock, redact, cwd: repoDir, env, originOverride: baselineOrigin });
    mark('Deploy ready; probing starts');
    const watch = await log.group(`Probing ${probes.length} probe(s): ${probes.map(p => p.name).join(', ')}`, () => watchDeploy({
        probes,
        run: probeRunner,
        clock,
        settings,
        intervalMs: inputs.probeInterval,
        baseline: baselineOrigin !== undefined,
        onSample: s => log.info(`${s.baseline ? '[baseline] ' : ''}${s.probe}: ${s.outcome} — ${s.detail}${s.warmup ? ' (warm-up)' : ''}`)
    }));
    if (watch.readyAt !== undefined)
        mark('First healthy answer', watch.readyAt);
    if (watch.trip) {
        mark(`First failure counted (${watch.trip.probe})`, watch.trip.firstFailureAt);
        mark(`Verdict: ${watch.trip.verdict} — ${watch.trip.reason}`, watch.trip.decidedAt);
    }
    else
        mark(`Verdict: ${watch.verdict}`, watch.endedAt);
    audit.record({ type: 'guard.verdict', verdict: watch.verdict, trip: watch.trip ?? null });
    const report = {
        environment: environment ?? current?.environment,
        deployment: current,
        lastGood,
        verdict: watch.verdict,
        trip: watch.trip,
        outcome: '',
        rolledBack: false,
        escalated: false,
        timeline,
        probes: probes.map(p => ({ name: p.name, target: describeProbe(p) })),
        tallies: watch.engine.tallies(),
        samples: watch.engine.samples(),
        suspects: [],
        runUrl
    };
    let act = 'none';
    if (watch.verdict === 'unhealthy')
        act = 'rollback';
    else if (watch.verdict === 'inconclusive') {
        act =
            inputs.inconclusivePolicy === 'rollback'
                ? 'rollback'
                : inputs.inconclusivePolicy === 'fail'
                    ? 'fail'
                    : 'none';
    }
    let failure;
    /** Another run owns this deployment's rollback and its report: this one only reports to its own summary. */
    let deferred = false;
    const logsPromise = act === 'none' ? undefined : collectLogs(inputs.logsCommand, repoDir, env, redact, section.logLines);
    if (act === 'none' && (await alreadyRolledBack())) {
        // Another run decided while this one was probing (and what it probed may be the rolled-back version).
        act = 'fail';
        deferred = true;
        report.verdict = 'unhealthy';
        report.outcome = `Another guard run already rolled back deployment ${current?.id} while this one was probing; its decision stands.`;
        failure = `Deploy guard: ${report.outcome}`;
    }
    else if (act === 'none') {
        report.outcome =
            watch.verdict === 'healthy'
                ? `All ${probes.length} probe(s) stayed healthy for ${Math.round(inputs.probeWindow / 1000)}s after the warm-up.`
                : `The verdict is inconclusive (${watch.trip?.reason}); inconclusive-policy is "pass", so the deploy stands.`;
        if (current && deployments)
            await deployments.setStatus(current.id, 'success', `Healthy: ${report.outcome}`, statusExtra);
    }
    else if (act === 'fail') {
        report.outcome = `The verdict is inconclusive; inconclusive-policy is "fail": the step fails and nothing is rolled back.`;
        failure = `Deploy guard: inconclusive (${watch.trip?.reason}). Not rolled back (inconclusive-policy: fail).`;
        if (current && deployments)
            await deployments.setStatus(current.id, 'failure', `Inconclusive: ${watch.trip?.reason ?? ''}`, statusExtra);
    }
    else {
        const strategy = chooseStrategy(inputs.rollbackStrategy, inputs.rollbackCommand, deployments !== undefined && lastGood !== undefined);
        const decision = await log.group('Rollback', () => rollBack({
            context,
            strategy,
            trip: watch.trip,
            current,
            lastGood,
            history,
            environment: report.environment,
            deployments,
            github,
            repo,
            redact,
            statusExtra,
            mark,
            audit,
            probes,
            probeRunner,
            clock,
            settings: { ...settings, windowMs: inputs.verifyWindow },
            intervalMs: inputs.probeInterval
        }));
        report.outcome = decision.outcome;
        deferred = decision.deferred ?? false;
        report.rolledBack = decision.rolledBack;
        report.escalated = decision.escalate;
        report.rollback = decision.rollback;
        if (decision.verify) {
            report.verify = {
                verdict: decision.verify.verdict,
                trip: decision.verify.trip,
                tallies: decision.verify.engine.tallies()
            };
            report.samples = [...report.samples, ...decision.verify.engine.samples()];
        }
        failure = `Deploy guard: ${watch.verdict} (${watch.trip?.reason}). ${decision.outcome}`;
    }
    // ── Diagnostics ───────────────────────────────────────────────────────────────────────────
    if (act !== 'none' && watch.trip) {
        await log.group('Diagnostics', async () => {
            report.logs = await logsPromise;
            const failingPaths = probes
                .filter(p => p.kind === 'http' && report.samples.some(s => s.probe === p.name && s.outcome !== 'pass'))
                .map(p => (p.kind === 'http' ? new URL(p.url).pathname : ''));
            const evidence = [...report.samples.map(s => s.excerpt ?? ''), report.logs?.tail ?? ''];
            if (lastGood && current) {
                try {
                    report.suspects = await rankSuspects(repoDir, lastGood.sha, current.sha, { failingPaths, evidence });
                    if (report.suspects.length === 0)
                        report.suspectsNote = 'No commits between the last good deployment and this one.';
                }
                catch (error) {
                    report.suspectsNote = `Could not list the commits ${guard_short(lastGood.sha)}..${guard_short(current.sha)}: ${redact(error.message).slice(0, 200)}`;
                }
            }
            else {
                report.suspectsNote = 'No last good deployment to compare with, so no suspect commits.';
            }
            await explain(report, watch.trip, ports, context, audit, suspectsOrEmpty(report.suspects));
        });
    }
    // ── Publish ───────────────────────────────────────────────────────────────────────────────
    const links = {};
    const marker = commentMarker(report.environment);
    if (github && repo) {
        const target = commentTarget(event.payload, current?.sha ?? fromEvent?.sha ?? event.sha);
        if (target && !deferred && (act !== 'none' || section.commentWhenHealthy)) {
            links.comment = await upsertComment(github, repo, target, marker, renderReport(report, marker, deliver_comments/* COMMENT_LIMIT */.W$ - 100), log);
        }
        if (report.escalated) {
            links.issue = await escalate(github, repo, {
                environment: report.environment,
                deploymentKey: current ? String(current.id) : (event.sha ?? 'unknown'),
                title: `Deploy guard: ${report.environment ?? 'deploy'} is unhealthy after a failed rollback (${guard_short(current?.sha ?? event.sha)})`,
                body: renderReport(report, '', deliver_comments/* COMMENT_LIMIT */.W$ - 400)
            }, log);
        }
    }
    const summary = renderReport(report, marker, SUMMARY_LIMIT);
    audit.record({
        type: 'guard.done',
        verdict: report.verdict,
        rolledBack: report.rolledBack,
        escalated: report.escalated,
        links
    });
    return result(report, summary, failure, links);
}
function suspectsOrEmpty(suspects) {
    return suspects ?? [];
}
function chooseStrategy(input, command, canRedeploy) {
    if (input === 'command' && !command) {
        throw new errors/* ConfigurationError */.j1('Input "rollback-strategy" is "command" but "rollback-command" is empty. Example: rollback-command: kubectl rollout undo deploy/web', 'rollback-command');
    }
    if (input !== 'auto')
        return input;
    if (command)
        return 'command';
    return canRedeploy ? 'redeploy' : 'none';
}
async function rollBack(o) {
    const { context, current, lastGood, deployments, log } = { ...o, log: o.context.log };
    const failStatus = async (description) => {
        if (current && deployments)
            await deployments.setStatus(current.id, 'failure', description, o.statusExtra);
    };
    if (o.strategy === 'none') {
        await failStatus(`Unhealthy: ${o.trip.reason}`);
        return {
            outcome: 'No rollback is configured (set rollback-command, or give the environment GitHub deployments to redeploy): the deploy stays as it is.',
            rolledBack: false,
            escalate: false
        };
    }
    if (o.history === 'known' && !lastGood) {
        await failStatus(`Unhealthy: ${o.trip.reason}. First deployment: nothing to roll back to`);
        return {
            outcome: `This is the first deployment of ${o.environment ?? 'the environment'}: there is no earlier good deployment to roll back to, so nothing was rolled back.`,
            rolledBack: false,
            escalate: false
        };
    }
    if ((o.strategy === 'redeploy' || o.strategy === 'revert-pr') &&
        (!lastGood || !current || !o.github || !o.repo)) {
        await failStatus(`Unhealthy: ${o.trip.reason}`);
        return {
            outcome: `Rollback strategy "${o.strategy}" needs the environment's GitHub deployments (github-token and environment), and none were found: nothing was rolled back.`,
            rolledBack: false,
            escalate: true
        };
    }
    // Exactly once: the first run to create the lock ref rolls back; every other run reports.
    const key = current ? `${current.id}` : `${o.environment ?? 'default'}-${context.event.sha ?? 'unknown'}`;
    if (o.github && o.repo) {
        const lock = await claimRollback(o.github, o.repo, key, current?.sha ?? context.event.sha ?? lastGood?.sha ?? '');
        o.audit.record({ type: 'guard.lock', key, result: lock.state });
        if (lock.state === 'lost') {
            return {
                outcome: `Another guard run already rolled back ${current ? `deployment ${current.id}` : 'this deploy'} (lock refs/ci-medic/rollback/${key} exists): not rolling back twice.`,
                deferred: true,
                rolledBack: false,
                escalate: false
            };
        }
        if (lock.state === 'unavailable') {
            log.warning(`Could not take the rollback lock (${lock.reason}); checking the deployment's statuses instead.`);
            if (current && deployments) {
                const seen = await deployments.statuses(current);
                if (seen.statuses?.some(s => s.description.includes(ROLLED_BACK_MARKER))) {
                    return {
                        outcome: `Deployment ${current.id} was already rolled back by an earlier run: not rolling back twice.`,
                        deferred: true,
                        rolledBack: false,
                        escalate: false
                    };
                }
            }
        }
    }
    else {
        log.warning('No GitHub API access: the rollback cannot be recorded for other runs.');
    }
    return shielded(log, async () => {
        const to = lastGood ? `${lastGood.id} (${guard_short(lastGood.sha)})` : 'the previous version';
        // The lock ref already records the decision; the marker status (for re-runs) and the rollback's own
        // deployment record are written while the rollback runs, and are finished even if the job is cancelled.
        o.mark(`Rollback started (${o.strategy})`);
        o.audit.record({
            type: 'guard.rollback',
            strategy: o.strategy,
            from: current?.id ?? null,
            to: lastGood?.id ?? null
        });
        const recorded = failStatus(`Unhealthy: ${o.trip.reason}. Rolling back to ${to} ${ROLLED_BACK_MARKER}`);
        const recordRollback = async () => {
            if (!lastGood || !current || !deployments || !o.environment)
                return undefined;
            const created = await deployments.createRollbackDeployment(lastGood, current, o.environment);
            if (created)
                await deployments.setStatus(created.id, 'in_progress', `Rolling back from ${guard_short(current.sha)}`, o.statusExtra);
            return created;
        };
        let rollbackDeployment;
        let outcome;
        let finishedAt;
        if (o.strategy === 'command') {
            const [result, created] = await Promise.all([
                rollbackWithCommand({
                    command: context.inputs.rollbackCommand,
                    cwd: context.repoDir,
                    env: context.env,
                    timeoutMs: context.inputs.rollbackTimeout,
                    redact: o.redact,
                    bad: current,
                    good: lastGood,
                    environment: o.environment
                }).then(done => {
                    finishedAt = o.clock.now();
                    return done;
                }),
                recordRollback()
            ]);
            outcome = result;
            rollbackDeployment = created;
        }
        else if (o.strategy === 'redeploy') {
            // The deployment record comes first: without deploy-workflow it is what triggers the redeploy.
            rollbackDeployment = await recordRollback();
            outcome = await rollbackByRedeploy({
                github: o.github,
                repo: o.repo,
                good: lastGood,
                bad: current,
                deployWorkflow: context.inputs.deployWorkflow,
                rollbackDeployment
            });
        }
        else {
            outcome = await rollbackByRevertPr({
                github: o.github,
                repo: o.repo,
                repoDir: context.repoDir,
                good: lastGood,
                bad: current,
                base: defaultBranch(context),
                log
            });
        }
        await recorded;
        o.mark(`Rollback ${outcome.ok ? 'finished' : 'failed'}: ${outcome.detail}`, finishedAt);
        o.audit.record({ type: 'guard.rollback.done', ok: outcome.ok, detail: outcome.detail });
        if (outcome.output)
            log.info(outcome.output);
        let verify;
        if (o.strategy !== 'revert-pr') {
            verify = await watchDeploy({
                probes: o.probes,
                run: o.probeRunner,
                clock: o.clock,
                settings: o.settings,
                intervalMs: o.intervalMs
            });
            if (verify.readyAt !== undefined && verify.verdict === 'healthy')
                o.mark('Rollback healthy', verify.readyAt);
            o.mark(`After the rollback: ${verify.verdict}${verify.trip ? ` — ${verify.trip.reason}` : ''}`);
        }
        const healthy = verify?.verdict;
        if (rollbackDeployment && deployments) {
            const good = outcome.ok && healthy === 'healthy';
            await deployments.setStatus(rollbackDeployment.id, good ? 'success' : 'failure', good
                ? `Rolled back to ${guard_short(lastGood?.sha)}; healthy again`
                : `Rollback ${outcome.ok ? `unhealthy: ${verify?.trip?.reason ?? ''}` : `failed: ${outcome.detail}`}`, o.statusExtra);
        }
        const escalateNow = !outcome.ok || (verify !== undefined && healthy !== 'healthy');
        const text = !outcome.ok
            ? `Rolling back to ${to} failed: ${outcome.detail}. Escalated.`
            : verify === undefined
                ? `${outcome.detail[0]?.toUpperCase()}${outcome.detail.slice(1)} to go back to ${to}.`
                : healthy === 'healthy'
                    ? `Rolled back to ${to} with ${o.strategy === 'command' ? 'the rollback command' : o.strategy}; the service is healthy again.`
                    : `Rolled back to ${to}, but the service is still ${healthy} (${verify.trip?.reason}). Escalated.`;
        // A revert pull request rolls nothing back until someone merges it.
        return {
            outcome: text,
            rolledBack: outcome.ok && o.strategy !== 'revert-pr',
            escalate: escalateNow,
            rollback: outcome,
            verify
        };
    });
}
/**
 * The last good deployment's own URL, when it is not where the probes go now (per-deployment preview
 * URLs): the previous version still answers there, so it serves as the baseline.
 */
function previousVersionOrigin(lastGood, probes) {
    if (!lastGood?.url)
        return undefined;
    let origin;
    try {
        origin = new URL(lastGood.url).origin;
    }
    catch {
        return undefined;
    }
    const probed = probes.filter(p => p.kind === 'http').map(p => new URL(p.url).origin);
    return probed.length > 0 && !probed.includes(origin) ? origin : undefined;
}
function defaultBranch(context) {
    const payload = context.event.payload;
    return payload.repository?.default_branch ?? 'main';
}
function commentTarget(payload, sha) {
    const number = payload.pull_request?.number ?? (payload.issue?.pull_request ? payload.issue.number : undefined);
    if (typeof number === 'number')
        return { kind: 'pr', number };
    if (sha && /^[0-9a-f]{40}$/i.test(sha))
        return { kind: 'commit', sha };
    return undefined;
}
async function collectLogs(command, cwd, env, redact, lines) {
    if (!command)
        return undefined;
    try {
        const result = await (0,exec/* runShell */.E)(command, { cwd, env, timeoutMs: 60_000, maxOutput: 512 * 1024 });
        const all = `${result.stdout}${result.stderr ? `\n${result.stderr}` : ''}`.split('\n');
        return { command, tail: redact(all.slice(-lines).join('\n')).slice(-20_000), exitCode: result.exitCode };
    }
    catch (error) {
        return { command, tail: `could not run: ${redact(error.message)}`, exitCode: null };
    }
}
async function explain(report, trip, ports, context, audit, suspects) {
    try {
        const choice = ports.llm ? await ports.llm() : await defaultLlm(context, audit);
        if (!choice.gateway) {
            report.rootCauseNote = `No LLM summary: ${choice.disabledReason ?? 'no LLM endpoint configured'}. The evidence below is complete without it.`;
            return;
        }
        report.rootCause = await summarizeRootCause(choice.gateway, {
            trip,
            samples: report.samples,
            logsTail: report.logs?.tail,
            suspects
        });
    }
    catch (error) {
        context.log.warning(`The LLM root-cause summary failed: ${error.message}`);
        report.rootCauseNote = `No LLM summary: the request failed (${error.message.slice(0, 200)}).`;
    }
}
async function defaultLlm(context, audit) {
    // The summary is a nicety after the rollback: a minute at most.
    return (0,llm/* createLlmGateway */.Cn)(context, audit, { timeBudgetMs: 60_000 });
}


;// CONCATENATED MODULE: ./src/commands/guard.ts

const guardCommand = context => runGuard(context);


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
