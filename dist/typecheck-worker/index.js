import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/select/workers.ts



/**
 * A worker's script, bundled beside the running bundle (scripts/build.mjs puts each there):
 * undefined when the sources run as they are, where a worker could not load it.
 */
function workers_bundledWorker(name) {
    for (const relative of [`./${name}/index.js`, `../${name}/index.js`]) {
        const url = new URL(relative, import.meta.url);
        if (url.protocol === 'file:' && existsSync(url))
            return fileURLToPath(url);
    }
    return undefined;
}
/**
 * A worker thread that answers numbered questions: each answer carries the id of its question. It
 * keeps the process alive only while a question waits. When it stops (or could not start), every
 * question waiting or asked after is answered with undefined, for its owner to work out on this
 * thread.
 */
class workers_QuestionWorker {
    worker;
    waiting = new Map();
    next = 0;
    /** How many questions the worker answered. */
    answered = 0;
    constructor(script, options) {
        try {
            const worker = new Worker(script, options);
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
        return (0,external_node_module_namespaceObject.createRequire)((0,external_node_path_namespaceObject.join)(repoDir, 'package.json'))(name);
    }
    catch {
        return undefined;
    }
}
function nearestTsconfig(repoDir, file) {
    for (let dir = (0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.join)(repoDir, file)); dir.startsWith(repoDir); dir = (0,external_node_path_namespaceObject.dirname)(dir)) {
        const candidate = (0,external_node_path_namespaceObject.join)(dir, 'tsconfig.json');
        if ((0,external_node_fs_namespaceObject.existsSync)(candidate))
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
        const configPath = tsconfig ? (0,external_node_path_namespaceObject.join)(repoDir, tsconfig) : nearestTsconfig(repoDir, roots[0] ?? '');
        let options = {};
        if (configPath && (0,external_node_fs_namespaceObject.existsSync)(configPath)) {
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
    absolute = (file) => (0,external_node_path_namespaceObject.join)(this.repoDir, file);
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
class WorkerGone extends (/* unused pure expression or super */ null && (Error)) {
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

;// CONCATENATED MODULE: ./src/select/typecheck-worker.ts
// The type-check worker (bundled apart by scripts/build.mjs, started by TypeCheckJob in
// typecheck.ts): makes the program of the changed files as soon as it starts, then answers the
// checks asked of it.


const { repoDir, roots, tsconfig } = external_node_worker_threads_namespaceObject.workerData;
const message = (error) => (error instanceof Error ? error.message : String(error));
/** The program, or what every question is answered with when there is none. */
const opened = (() => {
    try {
        const program = TypeCheckProgram.open(repoDir, roots, tsconfig);
        return typeof program === 'string' ? { why: program } : program;
    }
    catch (error) {
        return { failed: message(error) };
    }
})();
external_node_worker_threads_namespaceObject.parentPort?.on('message', ({ id, step, files, bases }) => {
    const answer = (rest) => external_node_worker_threads_namespaceObject.parentPort?.postMessage({ id, ...rest });
    if (!(opened instanceof TypeCheckProgram))
        return answer(opened);
    try {
        const errors = [...opened.errorsIn(files)];
        if (step === 'more')
            return answer({ errors });
        answer({ errors, surfaced: opened.surfaced(files, new Map(bases)) });
    }
    catch (error) {
        answer({ failed: message(error) });
    }
});

