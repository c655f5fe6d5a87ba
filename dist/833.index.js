export const id = 833;
export const ids = [833];
export const modules = {

/***/ 2061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ unifiedDiff)
/* harmony export */ });
const CONTEXT = 3;
/** Beyond this many differences the middle is shown as one replacement (keeps memory bounded). */
const MAX_EDIT_DISTANCE = 2000;
/** Lines with their terminator, so a last line without newline differs from one with it. */
function splitLines(text) {
    const lines = text.split(/(?<=\n)/);
    if (lines.at(-1) === '')
        lines.pop();
    return lines;
}
function myers(a, b) {
    const n = a.length;
    const m = b.length;
    const max = Math.min(n + m, MAX_EDIT_DISTANCE);
    const offset = max + 1;
    const v = new Int32Array(2 * max + 3);
    const trace = [];
    for (let d = 0; d <= max; d++) {
        trace.push(v.slice());
        for (let k = -d; k <= d; k += 2) {
            const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
            let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
            let y = x - k;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            v[offset + k] = x;
            if (x >= n && y >= m)
                return backtrack(a, b, trace, offset, d);
        }
    }
    return undefined;
}
function backtrack(a, b, trace, offset, distance) {
    const ops = [];
    let x = a.length;
    let y = b.length;
    for (let d = distance; d > 0; d--) {
        const v = trace[d] ?? new Int32Array();
        const k = x - y;
        const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
        const prevK = down ? k + 1 : k - 1;
        const prevX = v[offset + prevK] ?? 0;
        const prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            x--;
            y--;
            ops.push([' ', a[x] ?? '']);
        }
        if (down)
            ops.push(['+', b[--y] ?? '']);
        else
            ops.push(['-', a[--x] ?? '']);
    }
    while (x > 0 && y > 0) {
        x--;
        y--;
        ops.push([' ', a[x] ?? '']);
    }
    return ops.reverse();
}
function diffOps(a, b) {
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start])
        start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
        endA--;
        endB--;
    }
    const midA = a.slice(start, endA);
    const midB = b.slice(start, endB);
    const middle = myers(midA, midB) ?? [
        ...midA.map((line) => ['-', line]),
        ...midB.map((line) => ['+', line])
    ];
    return [
        ...a.slice(0, start).map((line) => [' ', line]),
        ...middle,
        ...a.slice(endA).map((line) => [' ', line])
    ];
}
function range(start, count) {
    if (count === 1)
        return String(start + 1);
    return `${count === 0 ? start : start + 1},${count}`;
}
function renderLine(kind, line) {
    if (line.endsWith('\n'))
        return kind + line;
    return `${kind}${line}\n\\ No newline at end of file\n`;
}
function fileDiff(edit) {
    const ops = diffOps(splitLines(edit.before), splitLines(edit.after));
    const changed = ops.flatMap((op, i) => (op[0] === ' ' ? [] : [i]));
    if (changed.length === 0)
        return '';
    let out = `--- a/${edit.path}\n+++ b/${edit.path}\n`;
    let i = 0;
    while (i < changed.length) {
        const first = changed[i] ?? 0;
        let last = first;
        while (i + 1 < changed.length && (changed[i + 1] ?? 0) - last <= 2 * CONTEXT + 1)
            last = changed[++i] ?? 0;
        i++;
        const from = Math.max(0, first - CONTEXT);
        const to = Math.min(ops.length, last + CONTEXT + 1);
        let aLine = 0;
        let bLine = 0;
        for (const op of ops.slice(0, from)) {
            if (op[0] !== '+')
                aLine++;
            if (op[0] !== '-')
                bLine++;
        }
        const hunk = ops.slice(from, to);
        const aCount = hunk.filter((op) => op[0] !== '+').length;
        const bCount = hunk.filter((op) => op[0] !== '-').length;
        out += `@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@\n`;
        for (const [kind, line] of hunk)
            out += renderLine(kind, line);
    }
    return out;
}
/** A git-style unified diff (`--- a/PATH`, `+++ b/PATH`, 3 lines of context) of every changed file. */
function unifiedDiff(edits) {
    return edits.map(fileDiff).join('');
}


/***/ }),

/***/ 4231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ EditError),
/* harmony export */   Gd: () => (/* binding */ InternalError),
/* harmony export */   S1: () => (/* binding */ PublishError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   lW: () => (/* binding */ annotationOf),
/* harmony export */   lZ: () => (/* binding */ ActionError),
/* harmony export */   rA: () => (/* binding */ ArgoCdError),
/* harmony export */   zS: () => (/* binding */ BuildError)
/* harmony export */ });
/** Base of every error the action raises on purpose; carries the location for the annotation. */
class ActionError extends Error {
    /** Where the problem is. */
    location;
    constructor(message, location = {}) {
        super(message);
        this.name = new.target.name;
        this.location = location;
    }
}
/** An input is missing, malformed or conflicts with another. */
class InputError extends ActionError {
}
/** A file, path or value could not be edited as asked. */
class EditError extends ActionError {
}
/** An image could not be built or pushed. */
class BuildError extends ActionError {
}
/** The commit could not be created, pushed or turned into a pull request. */
class PublishError extends ActionError {
}
/** Argo CD refused a request, or the wait for the rollout failed. */
class ArgoCdError extends ActionError {
}
/** A bug: a check that should never fail did. */
class InternalError extends ActionError {
}
/** The message of any thrown value. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/**
 * The annotation for a failure: the error's message (which names the input when it concerns
 * one), and the file, line and column when the error has a file.
 */
function annotationOf(error) {
    const message = errorMessage(error);
    const location = error instanceof ActionError ? error.location : {};
    if (location.file === undefined)
        return { message };
    return {
        message,
        title: 'gitops-release',
        file: location.file,
        ...(location.line === undefined ? {} : { startLine: location.line }),
        ...(location.column === undefined ? {} : { startColumn: location.column })
    };
}


/***/ }),

/***/ 392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $n: () => (/* binding */ isGhaCache),
/* harmony export */   Ct: () => (/* binding */ buildxBuildArgs),
/* harmony export */   F$: () => (/* binding */ repoDigestsArgs),
/* harmony export */   Fz: () => (/* binding */ planImage),
/* harmony export */   be: () => (/* binding */ loginArgs),
/* harmony export */   eB: () => (/* binding */ classicPushArgs),
/* harmony export */   jr: () => (/* binding */ splitCacheInput),
/* harmony export */   m9: () => (/* binding */ logoutArgs),
/* harmony export */   y4: () => (/* binding */ classicBuildArgs)
/* harmony export */ });
/* unused harmony exports mergeBuildArgs, scopeCacheEntries */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/** Merges build arguments by key (text before `=`): a later value replaces an earlier one in place. */
function mergeBuildArgs(...lists) {
    const byKey = new Map();
    for (const list of lists) {
        for (const arg of list) {
            const eq = arg.indexOf('=');
            byKey.set(eq === -1 ? arg : arg.slice(0, eq), arg);
        }
    }
    return [...byKey.values()];
}
/** One `cache-from`/`cache-to` input as separate entries (one per non-blank line). */
function splitCacheInput(value) {
    return (value ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
function cacheType(entry) {
    const attrs = entry.split(',').map((part) => part.trim());
    const type = attrs.find((attr) => attr.startsWith('type='));
    if (type)
        return type.slice('type='.length);
    // buildx reads a bare `NAME` (no `=`) as a registry reference.
    return attrs.length === 1 && !attrs[0]?.includes('=') ? 'registry' : undefined;
}
/** True for a `type=gha` cache entry, which needs GitHub's cache service (absent under act). */
function isGhaCache(entry) {
    return cacheType(entry) === 'gha';
}
/**
 * The cache entries for one image: a `type=gha` entry without `scope=` gets `scope=NAME`, so
 * images built in one run do not evict each other's cache.
 */
function scopeCacheEntries(entries, name) {
    return entries.map((entry) => isGhaCache(entry) && !/(^|,)\s*scope=/.test(entry) ? `${entry},scope=${name}` : entry);
}
/** Resolves one image spec into its build plan. */
function planImage(spec, settings) {
    const inWorkspace = (path) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(settings.workspace, path);
    const platforms = spec.platforms ?? settings.platforms;
    return {
        name: spec.name,
        repository: spec.repository,
        tag: settings.tag,
        ref: `${spec.repository}:${settings.tag}`,
        context: inWorkspace(spec.context),
        ...(spec.dockerfile === undefined ? {} : { dockerfile: inWorkspace(spec.dockerfile) }),
        ...(spec.target === undefined ? {} : { target: spec.target }),
        buildArgs: mergeBuildArgs(settings.buildArgs, spec.buildArgs),
        ...(platforms === undefined || platforms === '' ? {} : { platforms }),
        cacheFrom: scopeCacheEntries(settings.cacheFrom, spec.name),
        cacheTo: scopeCacheEntries(settings.cacheTo, spec.name),
        line: spec.line,
        labels: []
    };
}
function commonBuildArgs(plan) {
    const args = [];
    if (plan.dockerfile !== undefined)
        args.push('--file', plan.dockerfile);
    if (plan.target !== undefined)
        args.push('--target', plan.target);
    for (const arg of plan.buildArgs)
        args.push('--build-arg', arg);
    for (const label of plan.labels)
        args.push('--label', label);
    return args;
}
/** Arguments of `docker buildx build` for one image (the context comes last). */
function buildxBuildArgs(plan, settings) {
    const args = ['buildx', 'build', '--progress', 'plain'];
    if (settings.builder !== undefined && settings.builder !== '') {
        args.push('--builder', settings.builder);
    }
    args.push(...commonBuildArgs(plan));
    if (plan.platforms !== undefined)
        args.push('--platform', plan.platforms);
    for (const entry of plan.cacheFrom)
        args.push('--cache-from', entry);
    for (const entry of plan.cacheTo)
        args.push('--cache-to', entry);
    args.push('--tag', plan.ref);
    args.push('--metadata-file', settings.metadataFile, '--iidfile', settings.iidFile);
    if (settings.push)
        args.push('--push');
    args.push(plan.context);
    return args;
}
/** Arguments of the classic `docker build` for one image (the context comes last). */
function classicBuildArgs(plan, settings) {
    return [
        'build',
        // A failed step would otherwise leave its stopped container behind on the engine.
        '--force-rm',
        ...commonBuildArgs(plan),
        '--tag',
        plan.ref,
        '--iidfile',
        settings.iidFile,
        plan.context
    ];
}
/** Arguments of `docker push` for one built image. */
function classicPushArgs(plan) {
    return ['push', plan.ref];
}
/** Arguments of `docker image inspect` printing the image's repository digests as JSON. */
function repoDigestsArgs(plan) {
    return ['image', 'inspect', '--format', '{{json .RepoDigests}}', plan.ref];
}
/** Arguments of `docker login`; the password goes on stdin, never here. */
function loginArgs(registry, username) {
    return ['login', '--username', username, '--password-stdin', registry];
}
/** Arguments of `docker logout`. */
function logoutArgs(registry) {
    return ['logout', registry];
}


/***/ }),

/***/ 7953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createDocker: () => (/* binding */ createDocker)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4231);
/* harmony import */ var _lib_exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1737);


/**
 * The real docker CLI, run through the action's one process runner (which refuses a command
 * line holding a secret: the registry password only ever travels on stdin). `env` is added to
 * every call, e.g. `DOCKER_HOST` or `DOCKER_CONFIG`; the rest is the runner's environment.
 */
function createDocker(runner, env = {}, command = 'docker') {
    return {
        run: async (args, options = {}) => {
            try {
                return await runner.run(command, args, {
                    env: { ...env, ...options.env },
                    ...(options.input === undefined ? {} : { input: options.input }),
                    ...(options.onLine === undefined ? {} : { onLine: options.onLine })
                });
            }
            catch (error) {
                if (error instanceof _lib_exec_js__WEBPACK_IMPORTED_MODULE_1__.ProgramNotFoundError) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`The docker CLI ('${command}') could not be run (${error.message}); install Docker on the runner.`);
                }
                throw error;
            }
        }
    };
}


/***/ }),

/***/ 6784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a1: () => (/* binding */ dockerLogin),
/* harmony export */   dm: () => (/* binding */ cleanupBuild)
/* harmony export */ });
/* unused harmony export redact */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4231);
/* harmony import */ var _build_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(392);
/* harmony import */ var _lib_runtime_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6382);



/** Replaces every occurrence of `secret` in `text` with `***`. */
function redact(text, secret) {
    return secret === '' ? text : text.split(secret).join('***');
}
/**
 * `docker login --password-stdin`: the password goes to the CLI's stdin, never on its command
 * line or into a log. Records the registry so the post step logs out.
 */
async function dockerLogin(docker, credentials, logger, runtime) {
    const { registry, username, password } = credentials;
    runtime.setSecret(password);
    logger.info(`Logging in to ${registry} as ${username}`);
    const result = await docker.run((0,_build_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .loginArgs */ .be)(registry, username), { input: password });
    if (result.exitCode !== 0) {
        const detail = redact(result.stderr.trim() || result.stdout.trim(), password);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`docker login to ${registry} as '${username}' failed (exit code ${result.exitCode}): ` +
            `${detail}. Check the 'username' and 'password' inputs and the 'registry' input.`, { input: 'password' });
    }
    logger.debug(redact(result.stdout.trim(), password));
    runtime.saveState(_lib_runtime_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE_KEYS */ .L.registryLogins, JSON.stringify([registry]));
}
/** The post step: `docker logout` from every registry the main step logged in to. */
async function cleanupBuild(logger, docker, runtime) {
    const saved = runtime.getState(_lib_runtime_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE_KEYS */ .L.registryLogins);
    if (saved === '')
        return;
    let registries;
    try {
        registries = JSON.parse(saved);
    }
    catch (error) {
        logger.warning(`Ignoring the saved docker logout state: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
        return;
    }
    if (!Array.isArray(registries))
        return;
    for (const registry of registries) {
        if (typeof registry !== 'string')
            continue;
        try {
            const result = await docker.run((0,_build_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .logoutArgs */ .m9)(registry));
            if (result.exitCode === 0)
                logger.info(`Logged out of ${registry}`);
            else
                logger.warning(`docker logout ${registry} failed: ${result.stderr.trim()}`);
        }
        catch (error) {
            logger.warning(`docker logout ${registry} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
        }
    }
}


/***/ }),

/***/ 6296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ rfc3339),
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);

/** The real clock. */
const systemClock = {
    now: () => performance.now(),
    sleep: (ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.max(0, ms)),
    random: () => Math.random()
};
/** Wall-clock time as RFC 3339 (UTC), for labels and summaries; kept apart from the monotonic clock. */
function rfc3339(date = new Date()) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}


/***/ }),

/***/ 6299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fu: () => (/* binding */ shortSha),
/* harmony export */   UZ: () => (/* binding */ markdownCell),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
/* harmony export */   ei: () => (/* binding */ suffix),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* unused harmony exports TEXT_LIMITS, truncate, splitLines, lineAt */
/** Text and list helpers shared by every stage: one way to split, shorten and fill in text. */
/** The first 7 characters of a full commit SHA; any other text is returned as it is. */
function shortSha(sha) {
    return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(sha) ? sha.slice(0, 7) : sha;
}
/** Lengths used when text is shortened, so every message cuts at the same places. */
const TEXT_LIMITS = {
    /** A value quoted inside a one-line message. */
    value: 100,
    /** A server's or a tool's answer shown in a message. */
    answer: 300,
    /** A table cell of the job summary. */
    cell: 200
};
/** `text` on one line (runs of white space folded), cut to `max` characters with `...`. */
function truncate(text, max) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, Math.max(0, max - 3))}...` : flat;
}
/** `: text` shortened to one line, or nothing for empty text: the tail of an error message. */
function suffix(text, max = TEXT_LIMITS.answer) {
    const short = truncate(text, max);
    return short === '' ? '' : `: ${short}`;
}
/** Splits text into lines, accepting LF, CRLF and lone CR endings. */
function splitLines(text) {
    return text.split(/\r\n|\n|\r/);
}
/**
 * The items of a list input: one per line, blank lines and `#` comment lines ignored, each item
 * trimmed. With `commas`, items may also be separated by commas on a line (as yaml-update-action
 * users write `labels: a,b`).
 */
function splitList(text, options = {}) {
    const items = [];
    for (const raw of splitLines(text)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const parts = options.commas === true ? line.split(',') : [line];
        for (const part of parts) {
            const item = part.trim();
            if (item !== '')
                items.push(item);
        }
    }
    return items;
}
/** The 1-based line of a character offset in `text`. */
function lineAt(text, offset) {
    let line = 1;
    const end = Math.min(offset, text.length);
    for (let i = 0; i < end; i++) {
        const code = text.charCodeAt(i);
        // CRLF counts once: the LF ends the line, a CR alone ends it too.
        if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10))
            line++;
    }
    return line;
}
/** Replaces `{names}`, `{tag}`, `{sha}` and `{short-sha}`; any other brace stays as written. */
function renderTemplate(template, values) {
    return template.replace(/\{(names|tag|sha|short-sha)\}/g, (_match, key) => {
        if (key === 'names')
            return values.names;
        if (key === 'tag')
            return values.tag;
        if (key === 'sha')
            return values.sha;
        return shortSha(values.sha);
    });
}
/** Escapes text for one cell of a GitHub-flavoured markdown table (pipes, line breaks, HTML). */
function markdownCell(text) {
    return truncate(text, TEXT_LIMITS.cell)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/`/g, '\\`');
}


/***/ }),

/***/ 2084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ createMemoryLogger),
/* harmony export */   W: () => (/* binding */ coreLogger)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8806);

/** The logger backed by `@actions/core` (workflow commands on stdout). */
const coreLogger = {
    info: (message) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message);
    },
    debug: (message) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message);
    },
    warning: (message) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message);
    },
    group: (title, fn) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(title, fn)
};
/** A logger that keeps every line in memory; for tests and for quiet sub-steps. */
function createMemoryLogger() {
    const lines = [];
    return {
        lines,
        info: (message) => lines.push(`info: ${message}`),
        debug: (message) => lines.push(`debug: ${message}`),
        warning: (message) => lines.push(`warning: ${message}`),
        group: async (title, fn) => {
            lines.push(`group: ${title}`);
            return fn();
        }
    };
}


/***/ }),

/***/ 4550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4231);
/* harmony import */ var _lib_runtime_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6382);
/* harmony import */ var _lib_exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1737);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2084);
/* harmony import */ var _images_login_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6784);
/* harmony import */ var _images_docker_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7953);
/* harmony import */ var _publish_publish_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5063);







/**
 * The post step (entry `run`, as @github/local-action --post expects): logs out of the registry
 * and removes the temporary clone; never fails the job.
 */
async function run(runtime = (0,_lib_runtime_js__WEBPACK_IMPORTED_MODULE_1__/* .createCoreRuntime */ .C)(), logger = _logger_js__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .W) {
    const docker = (0,_images_docker_js__WEBPACK_IMPORTED_MODULE_5__.createDocker)((0,_lib_exec_js__WEBPACK_IMPORTED_MODULE_2__.createProcessRunner)(runtime.secrets));
    const cleanups = [
        ['registry logout', () => (0,_images_login_js__WEBPACK_IMPORTED_MODULE_4__/* .cleanupBuild */ .dm)(logger, docker, runtime)],
        ['git credentials', () => (0,_publish_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .cleanupPublish */ .qH)(logger)]
    ];
    for (const [stage, cleanup] of cleanups) {
        try {
            await cleanup();
        }
        catch (error) {
            logger.warning(`Cleanup of ${stage} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
        }
    }
}


/***/ })

};
