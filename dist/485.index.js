export const id = 485;
export const ids = [485];
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

/***/ 9024:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LI: () => (/* binding */ resolveInside),
/* harmony export */   Vd: () => (/* binding */ normalizeRelativePath),
/* harmony export */   oW: () => (/* binding */ hasGitSegment)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3931);



function outside(path, input, why) {
    const prefix = input ? `${input}: ` : '';
    return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EditError */ .F(`${prefix}${path} ${why}; only files inside the repository can be edited (give a path relative to the repository root).`, { file: path, ...(input ? { input } : {}) });
}
/**
 * Normalizes a repository-relative path (`./a//b` → `a/b`). Throws EditError naming the file
 * (and `input`) for an empty, absolute or `../` path, and for any path inside `.git/`.
 */
function normalizeRelativePath(path, input) {
    const slashed = path.trim().replaceAll('\\', '/');
    if (slashed === '' || slashed.includes('\0'))
        throw outside(path, input, 'is not a file path');
    if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
        throw outside(path, input, 'is an absolute path');
    }
    const normal = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(slashed).replace(/\/+$/, '');
    if (normal === '..' || normal.startsWith('../')) {
        throw outside(path, input, 'is outside the repository');
    }
    if (normal === '.' || normal === '')
        throw outside(path, input, 'is the repository folder, not a file');
    if (hasGitSegment(normal))
        throw insideGit(normal, input);
    return normal;
}
// Git's own folder, in any case, also as Windows reads it (trailing dots or spaces, 8.3 name).
const GIT_DIR_SEGMENT = /^(?:\.git[. ]*|git~1)$/i;
/** True when some segment of a `/`-separated path names git's folder (`.git`, `.GIT`, …). */
function hasGitSegment(path) {
    return path.split(/[\\/]/).some((segment) => GIT_DIR_SEGMENT.test(segment));
}
function insideGit(path, input, via) {
    const prefix = input ? `${input}: ` : '';
    const how = via ? ` (through a symlink to ${via})` : '';
    return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EditError */ .F(`${prefix}${path} lies inside git's .git folder${how}; files there are never edited.`, { file: path, ...(input ? { input } : {}) });
}
function isInside(root, candidate) {
    return candidate === root || candidate.startsWith(root.endsWith(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) ? root : root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep);
}
function isMissing(error) {
    const code = error?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
// A real path reached from `path` must stay inside the root and outside its .git folder.
function checkReal(realRoot, real, path, input) {
    if (!isInside(realRoot, real))
        throw outside(path, input, 'leads outside the repository (through a symlink)');
    const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(realRoot, real);
    if (hasGitSegment(inside))
        throw insideGit(path, input, inside.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'));
}
/**
 * Resolves a repository-relative path to the real file it names under `root`, following
 * symlinks; EditError when it (or, for a missing file, its nearest existing folder) lies outside
 * the root or inside its `.git` folder. Returns undefined for a file that does not exist.
 */
async function resolveInside(root, path, input) {
    const relative = normalizeRelativePath(path, input);
    const realRoot = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(root);
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(realRoot, ...relative.split('/'));
    // The file, or when it is missing its nearest existing folder, which must still be inside (a
    // symlinked folder may lead out).
    let candidate = file;
    for (;;) {
        try {
            const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(candidate);
            checkReal(realRoot, real, relative, input);
            return candidate === file ? real : undefined;
        }
        catch (error) {
            if (!isMissing(error))
                throw error;
        }
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(candidate);
        if (parent === candidate)
            return undefined;
        candidate = parent;
    }
}


/***/ }),

/***/ 1516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ writeEdits),
/* harmony export */   f: () => (/* binding */ updateWorkTree)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3931);
/* harmony import */ var _workspace_path_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9024);





function tempBeside(target) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(target)}.gitops-release-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
}
async function writeTemp(target, content, mode, temps) {
    const temp = tempBeside(target);
    temps.push(temp);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, content, { flag: 'wx', ...(mode === undefined ? {} : { mode }) });
    if (mode !== undefined)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(temp, mode);
    return temp;
}
function cannotWrite(edit, error, consequence) {
    if (error instanceof _lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ)
        return error;
    return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EditError */ .F(`${edit.path} cannot be written: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}. ${consequence}`, {
        file: edit.path
    });
}
/**
 * Where the content of `path` goes under `root`: the real file (a symlink is followed when it
 * stays inside the root, outside the `.git` folder; EditError otherwise), or for a missing file
 * its place under the real root, when `create` allows one.
 */
async function targetOf(root, path, create) {
    const real = await (0,_workspace_path_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveInside */ .LI)(root, path);
    if (real !== undefined)
        return real;
    if (!create)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EditError */ .F(`${path} no longer exists; no file was changed.`, { file: path });
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root), ...(0,_workspace_path_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeRelativePath */ .Vd)(path).split('/'));
}
async function modeOf(target) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(target)).mode & 0o7777;
    }
    catch {
        return undefined;
    }
}
async function prepare(root, edit, temps) {
    const target = await targetOf(root, edit.path, false);
    const current = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(target, 'utf8');
    if (current !== edit.before) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EditError */ .F(`${edit.path} changed on disk after it was read; no file was changed. Re-run to edit the new content.`, { file: edit.path });
    }
    const mode = await modeOf(target);
    return { edit, target, mode, temp: await writeTemp(target, edit.after, mode, temps) };
}
/**
 * Writes the changed files of `edits` under `root`, all or nothing: every new content goes to a
 * temp file beside its target (keeping the file mode) first, then the temps are renamed over the
 * targets. On a failure the temps are removed and files already renamed are restored.
 * Unchanged edits (after === before) are skipped. A symlinked file is written through to the
 * file it points to; one leading outside the root or into `.git` is refused (EditError).
 */
async function writeEdits(root, edits) {
    const changed = edits.filter((edit) => edit.after !== edit.before);
    const temps = [];
    const prepared = [];
    const cleanup = () => Promise.all(temps.map((temp) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true })));
    for (const edit of changed) {
        try {
            prepared.push(await prepare(root, edit, temps));
        }
        catch (error) {
            await cleanup();
            throw cannotWrite(edit, error, 'No file was changed.');
        }
    }
    const renamed = [];
    for (const item of prepared) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(item.temp, item.target);
            renamed.push(item);
        }
        catch (error) {
            for (const done of renamed) {
                const temp = await writeTemp(done.target, done.edit.before, done.mode, temps);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, done.target);
            }
            await cleanup();
            throw cannotWrite(item.edit, error, 'No file was changed.');
        }
    }
}
/**
 * Brings the work tree at `root` up to a commit that already landed: each changed file gets the
 * committed content (`after`), whatever the work tree held, each written atomically (temp file
 * and rename, keeping the mode; a missing file and its folders are created). The same symlink
 * rule as writeEdits applies; a file it refuses, or that cannot be written, is skipped with a
 * warning (the commit has the new content). Returns the paths written.
 */
async function updateWorkTree(root, edits, logger) {
    const written = [];
    for (const edit of edits) {
        if (edit.before === edit.after)
            continue;
        const temps = [];
        try {
            const target = await targetOf(root, edit.path, true);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), { recursive: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(await writeTemp(target, edit.after, await modeOf(target), temps), target);
            written.push(edit.path);
        }
        catch (error) {
            await Promise.all(temps.map((temp) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true })));
            const reason = cannotWrite(edit, error, 'The commit has the new content.').message;
            logger.warning(`Not updating ${edit.path} in the workspace: ${reason}`);
        }
    }
    return written;
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

/***/ 3931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ EditError),
/* harmony export */   Gd: () => (/* binding */ InternalError),
/* harmony export */   S1: () => (/* binding */ PublishError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   g1: () => (/* binding */ PromotionError),
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
/**
 * A promotion cannot go ahead: the registry no longer holds the candidate as recorded, or the
 * source environment is not running it.
 */
class PromotionError extends ActionError {
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

/***/ 4158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ parseScpLike),
/* harmony export */   EV: () => (/* binding */ hasScheme),
/* harmony export */   S2: () => (/* binding */ parseOwnerName),
/* harmony export */   Uu: () => (/* binding */ isSshUrl),
/* harmony export */   br: () => (/* binding */ ownerNameOnServer),
/* harmony export */   f$: () => (/* binding */ parseHttpUrl),
/* harmony export */   ij: () => (/* binding */ isScpLike),
/* harmony export */   m8: () => (/* binding */ isGitUrl),
/* harmony export */   qp: () => (/* binding */ SSH_SCHEMES)
/* harmony export */ });
/* unused harmony export isHttpUrl */
/** Repository names and git remote URLs: the one place their patterns are written. */
/** `OWNER/NAME` of a GitHub repository: the one pattern for it in the action. */
const OWNER_NAME = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;
/** OWNER and NAME of `text` when it is a plain `OWNER/NAME`; undefined otherwise. */
function parseOwnerName(text) {
    const match = OWNER_NAME.exec(text);
    if (match === null)
        return undefined;
    const [, owner = '', repo = ''] = match;
    // `.` and `..` are path steps, never repository names.
    if (owner === '.' || owner === '..' || repo === '.' || repo === '..')
        return undefined;
    return { owner, repo };
}
/** True for text that starts with a URL scheme (`SCHEME://`), whatever the scheme. */
function hasScheme(text) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}
/** True for a URL with a scheme git speaks (`https://`, `http://`, `file://`, `ssh://`, `git://`). */
function isGitUrl(text) {
    return /^(https?|file|ssh|git):\/\//i.test(text);
}
/** True for an `http://` or `https://` URL (by its scheme; not validated). */
function isHttpUrl(text) {
    return /^https?:\/\//i.test(text);
}
/** The URL schemes git reaches over SSH. */
const SSH_SCHEMES = ['ssh', 'git+ssh', 'ssh+git'];
// git's scp-like syntax: [USER@]HOST:PATH with no scheme; a `/` or `\` before the colon makes it
// a local path, a `://` after it a URL.
const SCP_LIKE = /^(?:([^/\\\s]+)@)?([^@/\\:\s]+):(?!\/\/)(.*)$/;
/** The parts of git's scp-like syntax `[USER@]HOST:PATH`; undefined for anything else. */
function parseScpLike(text) {
    const match = SCP_LIKE.exec(text);
    if (match === null)
        return undefined;
    const [, user = '', host = '', path = ''] = match;
    return { user, host, path };
}
/** True for git's scp-like syntax with a user, `USER@HOST:PATH` (no scheme). */
function isScpLike(text) {
    return (parseScpLike(text)?.user ?? '') !== '';
}
/** True for a remote git reaches over SSH: an `ssh://` (or `git+ssh://`) URL or scp-like. */
function isSshUrl(text) {
    const scheme = /^([a-z0-9+.-]+):\/\//i.exec(text)?.[1]?.toLowerCase();
    return scheme === undefined ? isScpLike(text) : SSH_SCHEMES.includes(scheme);
}
/**
 * OWNER/NAME of a repository URL on the GitHub server `serverUrl` (its host, and its path prefix
 * on a server under a path), `.git` and a trailing slash ignored; undefined for any other URL.
 * The one way the action works out OWNER/NAME from a URL.
 */
function ownerNameOnServer(url, serverUrl) {
    const parsed = parseHttpUrl(url);
    const server = parseHttpUrl(serverUrl);
    if (!parsed || server?.host.toLowerCase() !== parsed.host.toLowerCase())
        return undefined;
    const serverPath = server.pathname.replace(/\/+$/, '');
    if (!parsed.pathname.startsWith(`${serverPath}/`))
        return undefined;
    const path = parsed.pathname.slice(serverPath.length + 1);
    return parseOwnerName(path.replace(/\/$/, '').replace(/\.git$/, ''));
}
/** An `http://` or `https://` URL, parsed; undefined for anything else or a malformed one. */
function parseHttpUrl(text) {
    if (!isHttpUrl(text))
        return undefined;
    try {
        return new URL(text);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 7856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ createMemoryLogger),
/* harmony export */   W: () => (/* binding */ coreLogger)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(692);

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

/***/ 9481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost),
/* harmony export */   t: () => (/* binding */ isLoopbackUrl)
/* harmony export */ });
/**
 * True when a URL's host names this machine by itself: `localhost`, an IPv4 address in
 * 127.0.0.0/8 (also IPv4-mapped, `[::ffff:7f00:1]`), or `[::1]` (brackets optional). A name that
 * merely resolves to a loopback address does not count (`app.localhost`, `127.0.0.1.nip.io`):
 * what it resolves to is up to a resolver, and a proxy resolves it on its own machine. Hosts as
 * `new URL()` writes them (lower case, IPv4 in dotted decimal); any other spelling is not loopback.
 */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (host === 'localhost' || host === '::1')
        return true;
    // IPv4-mapped IPv6, as WHATWG URL writes it (::ffff:7f00:1) or with the IPv4 part spelt out.
    if (/^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host))
        return true;
    const octets = /^(?:::ffff:)?127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
    return octets?.slice(1).every((octet) => Number(octet) <= 255) ?? false;
}
/** True when the URL's host is a loopback address as the URL itself names it (see isLoopbackHost). */
function isLoopbackUrl(url) {
    return isLoopbackHost((typeof url === 'string' ? new URL(url) : url).hostname);
}


/***/ }),

/***/ 5645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ redactUrl),
/* harmony export */   Y: () => (/* binding */ redactSecret)
/* harmony export */ });
/** The one way credentials are kept out of messages: URLs shown without user info, secrets masked. */
/** The URL with any `user:password@` removed and query and fragment dropped, safe to log. */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.host !== '') {
            parsed.username = '';
            parsed.password = '';
            parsed.search = '';
            parsed.hash = '';
            return parsed.toString();
        }
    }
    catch {
        // Not a URL: fall through.
    }
    // No host part (e.g. `user:pw@host` reads as scheme `user:`): drop everything up to an `@`.
    return url.replace(/^[^@/\s]*@/, '').replace(/\/\/[^@/\s]*@/, '//');
}
/** `text` with every occurrence of `secret` replaced by `***` (an empty secret masks nothing). */
function redactSecret(text, secret) {
    return secret === '' ? text : text.split(secret).join('***');
}


/***/ }),

/***/ 6299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fu: () => (/* binding */ shortSha),
/* harmony export */   UZ: () => (/* binding */ markdownCell),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
/* harmony export */   _$: () => (/* binding */ isCommitSha),
/* harmony export */   ei: () => (/* binding */ suffix),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* unused harmony exports splitLines, lineAt */
/** Text and list helpers shared by every stage: one way to split, shorten and fill in text. */
// SHA-1 (40 hex digits) or SHA-256 (64) object names; git writes them in lower case, Argo CD may not.
const COMMIT_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
/** True when `text` is a full commit SHA (SHA-1 or SHA-256 object format, either case). */
function isCommitSha(text) {
    return COMMIT_SHA.test(text);
}
/** The first 7 characters of a full commit SHA; any other text is returned as it is. */
function shortSha(sha) {
    return isCommitSha(sha) ? sha.slice(0, 7) : sha;
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

/***/ 3879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ landedResult),
/* harmony export */   Z: () => (/* binding */ LandedError)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);

/**
 * A publish that failed after its commit reached the remote (the pull request could not be
 * opened, the workspace files could not be updated): `result` says what landed, so the outputs
 * and the summary still name the commit, the branch and the pull request branch's head.
 */
class LandedError extends _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1 {
    /** What is on the remote now. */
    result;
    constructor(result, cause) {
        const landed = result.commitSha === ''
            ? `${result.branch} already held the change`
            : `Commit ${result.commitSha} landed on ${result.branch}`;
        super(`${landed}, but the step after it failed: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(cause)}`, cause instanceof _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ ? cause.location : {});
        this.result = result;
    }
}
/** What landed before `error`, when it is a LandedError; undefined otherwise. */
function landedResult(error) {
    return error instanceof LandedError ? error.result : undefined;
}


/***/ })

};
