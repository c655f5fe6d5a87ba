export const id = 711;
export const ids = [711,997];
export const modules = {

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

/***/ 7711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildImages: () => (/* binding */ buildImages)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/image-ref.ts
var image_ref = __webpack_require__(6847);
// EXTERNAL MODULE: ./src/images/build-commands.ts
var build_commands = __webpack_require__(392);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/images/build-step.ts


/** Lines of a failed build's log quoted in the error. */
const FAILURE_TAIL_LINES = 25;
/**
 * Prints each finished step's captured log as its own group, one group at a time. Workflow
 * commands in the log are switched off (`::stop-commands::`): a build's output must not be able
 * to set outputs, masks or groups.
 */
function createLogPrinter(logger) {
    let queue = Promise.resolve();
    return (title, output) => {
        queue = queue.then(() => logger.group(title, () => {
            const token = (0,external_node_crypto_.randomUUID)();
            logger.info(`::stop-commands::${token}`);
            for (const line of output.replace(/\r?\n$/, '').split(/\r?\n/))
                logger.info(line);
            logger.info(`::${token}::`);
            return Promise.resolve();
        }));
        return queue;
    };
}
/** Runs one docker call for an image with live progress; prints its log as a group at the end. */
async function runStep(context, plan, verb, args, env) {
    const { docker, logger, progress } = context;
    logger.debug(`${plan.name}: docker ${args.join(' ')}`);
    const started = context.clock.now();
    progress.start(plan.name);
    let result;
    try {
        result = await docker.run(args, {
            ...(env === undefined ? {} : { env }),
            onLine: (line) => {
                progress.line(plan.name, line);
            }
        });
    }
    finally {
        progress.end(plan.name);
    }
    const seconds = (context.clock.now() - started) / 1000;
    const ok = result.exitCode === 0;
    const outcome = ok ? `done in ${seconds.toFixed(1)}s` : `FAILED (exit code ${result.exitCode})`;
    await context.printLog(`${verb} ${plan.name} (${plan.ref}): ${outcome}`, result.output);
    return { ok, exitCode: result.exitCode, output: result.output, seconds };
}
/** The failure record for an error thrown while handling an image (e.g. docker not found). */
function thrownFailure(plan, error) {
    return { name: plan.name, line: plan.line, reason: (0,errors/* errorMessage */.gJ)(error), output: '' };
}
/** The last `count` non-blank lines of a log. */
function logTail(output, count = FAILURE_TAIL_LINES) {
    return output
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .slice(-count);
}
/** The error listing every failed image with the end of its log. */
function failuresError(failures, total, what) {
    const names = failures.map((failure) => failure.name).join(', ');
    const lines = [`${failures.length} of ${total} images failed to ${what}: ${names}`];
    for (const failure of failures) {
        lines.push('', `${failure.name} (images line ${failure.line}): ${failure.reason}`);
        const tail = logTail(failure.output);
        if (tail.length > 0) {
            lines.push(`last ${tail.length} lines of its log:`, ...tail.map((line) => `  ${line}`));
        }
    }
    const first = failures[0];
    return new errors/* BuildError */.zS(lines.join('\n'), {
        input: 'images',
        ...(first === undefined ? {} : { line: first.line })
    });
}

// EXTERNAL MODULE: ./src/images/build-temp.ts
var build_temp = __webpack_require__(2836);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/images/dockerignore.ts

/** Go's `strings.TrimSpace` (Unicode white space; unlike String.trim, not U+FEFF). */
function goTrimSpace(text) {
    const space = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
    const end = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u;
    return text.replace(space, '').replace(end, '');
}
/** Go's `filepath.Clean` for `/`-separated paths. */
function goClean(path) {
    if (path === '')
        return '.';
    const rooted = path.startsWith('/');
    const parts = [];
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length > 0 && parts.at(-1) !== '..')
                parts.pop();
            else if (!rooted)
                parts.push('..');
            continue;
        }
        parts.push(part);
    }
    const joined = parts.join('/');
    if (rooted)
        return `/${joined}`;
    return joined === '' ? '.' : joined;
}
/** Throws unless `pattern` is valid for Go's `filepath.Match` (what Docker checks first). */
function checkGoPattern(pattern) {
    const chars = Array.from(pattern);
    const bad = (why) => {
        throw new Error(`'${pattern}' is not a valid pattern (${why})`);
    };
    // One character of a class, escapes understood (Go's getEsc).
    const classChar = (at) => {
        const ch = chars[at];
        if (ch === undefined || ch === '-' || ch === ']')
            bad('malformed character class');
        if (ch === '\\') {
            if (chars[at + 1] === undefined)
                bad('a class ends in \\');
            return at + 2;
        }
        return at + 1;
    };
    for (let i = 0; i < chars.length;) {
        const ch = chars[i];
        if (ch === '\\') {
            if (chars[i + 1] === undefined)
                bad('it ends in \\');
            i += 2;
        }
        else if (ch === '[') {
            i++;
            if (chars[i] === '^')
                i++;
            let ranges = 0;
            for (;;) {
                if (chars[i] === undefined)
                    bad('a character class is not closed');
                if (chars[i] === ']' && ranges > 0)
                    break;
                i = classChar(i);
                if (chars[i] === '-')
                    i = classChar(i + 1);
                ranges++;
            }
            i++;
        }
        else {
            i++;
        }
    }
}
/** moby's translation of a cleaned pattern into a Go regular expression, and its match type. */
function compileGo(pattern) {
    const chars = Array.from(pattern);
    let go = '^';
    let type = 'exact';
    for (let pos = 0, i = 0; pos < chars.length; i++) {
        const ch = chars[pos++] ?? '';
        if (ch === '*') {
            if (chars[pos] === '*') {
                pos++;
                if (chars[pos] === '/')
                    pos++;
                if (pos >= chars.length) {
                    if (type === 'exact') {
                        type = 'prefix';
                    }
                    else {
                        go += '.*';
                        type = 'regexp';
                    }
                }
                else {
                    go += '(.*/)?';
                    type = 'regexp';
                }
                if (i === 0)
                    type = 'suffix';
            }
            else {
                go += '[^/]*';
                type = 'regexp';
            }
        }
        else if (ch === '?') {
            go += '[^/]';
            type = 'regexp';
        }
        else if ('.+()|{}$'.includes(ch)) {
            go += `\\${ch}`;
        }
        else if (ch === '\\') {
            if (pos < chars.length) {
                go += `\\${chars[pos++] ?? ''}`;
                type = 'regexp';
            }
            else {
                go += '\\\\';
            }
        }
        else if (ch === '[' || ch === ']') {
            go += ch;
            type = 'regexp';
        }
        else {
            go += ch;
        }
    }
    return { go: `${go}$`, type };
}
const isAsciiAlnum = (ch) => /^[A-Za-z0-9]$/.test(ch);
/** A letter, digit or any non-ASCII character: written as it is. */
const isWordLike = (ch) => isAsciiAlnum(ch) || (ch.codePointAt(0) ?? 0) > 0x7f;
const hexEscape = (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`;
/**
 * The JavaScript regular expression that matches what a Go (RE2) expression of the shapes
 * `compileGo` makes matches: literals, escaped punctuation, classes, `.`, `*`, `?` and groups.
 * What could mean something else in Go (an escaped letter such as `\d`, a POSIX class `[:x:]`)
 * is refused rather than guessed.
 */
function goToJs(go) {
    const chars = Array.from(go);
    let out = '';
    let inClass = false;
    const unsupported = (what) => {
        throw new Error(`${what} is not supported in a .dockerignore pattern here`);
    };
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i] ?? '';
        if (ch === '\\') {
            const next = chars[++i] ?? '';
            // Go reads `\d`, `\pL`, `\x41`… as classes or codes, and refuses other escaped letters.
            if (next === '' || isWordLike(next))
                unsupported(`the escape \\${next}`);
            out += hexEscape(next);
        }
        else if (inClass) {
            if (ch === ']') {
                inClass = false;
                out += ']';
            }
            else if (ch === '[' && chars[i + 1] === ':') {
                unsupported('a POSIX character class');
            }
            else if (ch === '-' || isWordLike(ch)) {
                out += ch;
            }
            else {
                out += hexEscape(ch);
            }
        }
        else if (ch === '[') {
            inClass = true;
            out += '[';
            if (chars[i + 1] === '^') {
                i++;
                out += '^';
            }
            // In Go a `]` right after `[` or `[^` is a member, not the end.
            if (chars[i + 1] === ']')
                out += hexEscape(chars[++i] ?? '');
        }
        else if (ch === '.') {
            // Go's `.` is any character but a newline.
            out += '[^\\n]';
        }
        else if ('^$*?()'.includes(ch)) {
            out += ch;
        }
        else if (isWordLike(ch)) {
            out += ch;
        }
        else {
            out += hexEscape(ch);
        }
    }
    if (inClass)
        unsupported('an unclosed character class');
    // `u`: a class or `?` matches one character (code point), as Go matches one rune.
    return new RegExp(out, 'u');
}
function compile(text, exception) {
    checkGoPattern(text);
    const { go, type } = compileGo(text);
    return { text, exception, type, regex: goToJs(go) };
}
/**
 * The patterns of a `.dockerignore` file (`file` names it in errors), in order. Throws a
 * `BuildError` with the line for a pattern Docker refuses, or one whose meaning cannot be
 * reproduced exactly.
 */
function parseDockerignore(text, file = '.dockerignore') {
    const patterns = [];
    const lines = text.replace(/^\ufeff/, '').split('\n');
    // bufio.ScanLines: a final newline ends the last line, it does not start an empty one.
    if (lines.at(-1) === '')
        lines.pop();
    lines.forEach((raw, index) => {
        const line = raw.replace(/\r$/, '');
        if (line.startsWith('#'))
            return;
        let pattern = goTrimSpace(line);
        if (pattern === '')
            return;
        const invert = pattern.startsWith('!');
        if (invert)
            pattern = goTrimSpace(pattern.slice(1));
        if (pattern.length > 0) {
            pattern = goClean(pattern);
            if (pattern.length > 1 && pattern.startsWith('/'))
                pattern = pattern.slice(1);
        }
        // The pattern matcher cleans once more, and only then looks for the `!`.
        let cleaned = goClean(goTrimSpace(invert ? `!${pattern}` : pattern));
        const exception = cleaned.startsWith('!');
        try {
            if (cleaned === '!')
                throw new Error('illegal exclusion pattern "!"');
            if (exception)
                cleaned = cleaned.slice(1);
            patterns.push(compile(cleaned, exception));
        }
        catch (error) {
            throw new errors/* BuildError */.zS(`${file} line ${index + 1}: ${(0,errors/* errorMessage */.gJ)(error)}`, {
                file,
                line: index + 1
            });
        }
    });
    return patterns;
}
/** Whether one pattern matches a path (moby's Pattern.match). */
function matches(pattern, path) {
    const { text } = pattern;
    switch (pattern.type) {
        case 'exact':
            return path === text;
        case 'prefix':
            return path.startsWith(text.slice(0, -2));
        case 'suffix': {
            const suffix = text.slice(2);
            return path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
        }
        case 'regexp':
            return pattern.regex.test(path);
    }
}
/**
 * Whether `path` is excluded, given what matched its folder (`parent`; undefined for an entry
 * at the top of the context, or when unknown, as moby treats a zero MatchInfo: then the
 * path's folders are tested too). Returns the matches to hand to the entries of `path`.
 */
function matchPath(path, patterns, parent) {
    let excluded = false;
    const matched = patterns.map(() => false);
    patterns.forEach((pattern, index) => {
        let match = parent?.[index] ?? false;
        if (!match) {
            if (pattern.exception !== excluded)
                return;
            match = matches(pattern, path);
            if (!match && parent === undefined) {
                const folders = path.split('/').slice(0, -1);
                for (let i = 1; i <= folders.length && !match; i++) {
                    match = matches(pattern, folders.slice(0, i).join('/'));
                }
            }
        }
        matched[index] = match;
        if (match)
            excluded = !pattern.exception;
    });
    return { excluded, matched };
}
/**
 * Whether Docker walks into an excluded folder: only when an exception pattern's text starts
 * with `folder/` (what is inside is then decided one by one); otherwise nothing below it is sent.
 */
function entersExcludedFolder(folder, patterns) {
    return patterns.some((pattern) => pattern.exception && `${pattern.text}/`.startsWith(`${folder}/`));
}

;// CONCATENATED MODULE: ./src/images/fingerprint.ts

/** The label every image the action builds carries, holding the fingerprint of its build inputs. */
const FINGERPRINT_LABEL = 'io.github.gitops-release.fingerprint';
/**
 * Version of the fingerprint's recipe: a change of recipe must not look like "unchanged". v2:
 * the context as it is on disk (not git's view), with modes, folders and symlinks.
 */
const RECIPE = 'gitops-release/fingerprint/v2';
/** The id of some content (sha256, hex). */
function contentId(content) {
    return (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex');
}
/**
 * The fingerprint (`sha256:…`) of an image's build inputs. Order does not matter where the
 * builder does not care about it (entries, build arguments, platforms), and nothing that changes
 * on every run (commit, time, tag) is part of it, so the same inputs give the same fingerprint
 * in any checkout.
 */
function fingerprint(input) {
    const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    const entries = [...input.entries]
        .sort((a, b) => byText(a.path, b.path))
        .map((entry) => [entry.path, entry.type, (entry.mode & 0o7777).toString(8), entry.id]);
    const platforms = (input.platforms ?? '')
        .split(',')
        .map((platform) => platform.trim())
        .filter((platform) => platform !== '')
        .sort(byText);
    const canonical = JSON.stringify({
        recipe: RECIPE,
        dockerfile: input.dockerfile,
        target: input.target ?? '',
        buildArgs: [...input.buildArgs].sort(byText),
        platforms: [...new Set(platforms)],
        entries
    });
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/images/run-limited.ts
/**
 * Runs `task` for every item with at most `limit` running at once, in input order, and waits for
 * all of them: a failing task does not stop the others. Results are in input order.
 */
async function runLimited(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            try {
                results[index] = { ok: true, value: await task(items[index], index) };
            }
            catch (error) {
                results[index] = { ok: false, error };
            }
        }
    };
    const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/images/context-files.ts








/** Defaults: far above a sensible build context, low enough to bound a run's time. */
const CONTEXT_LIMITS = { entries: 100_000, bytes: 2 * 1024 ** 3 };
/** Files hashed at once. */
const HASH_PARALLEL = 8;
/** Files up to this size are read whole; larger ones are streamed through the hash. */
const READ_WHOLE_BYTES = 1024 * 1024;
/**
 * The entries of a build context exactly as Docker sends them to the builder: the folder as it
 * is on disk (untracked files, nested repositories, submodule work trees and `.git` included),
 * filtered by `.dockerignore` with Docker's own rules, with modes, folders and symlinks (as
 * links). An ignored `.dockerignore` or Dockerfile is not sent (the CLI sends them, the builder
 * drops them; the Dockerfile's content is part of the fingerprint anyway). When a
 * Dockerfile-specific ignore file (`Dockerfile.dockerignore`, which BuildKit prefers) exists next
 * to the Dockerfile, what either file lets through is covered, since which one applies depends
 * on the builder. Throws a `BuildError` past `limits`.
 */
async function readContextFiles(context, options = {}) {
    const limits = options.limits ?? CONTEXT_LIMITS;
    const readIgnore = (path) => (0,promises_.readFile)(path, 'utf8').catch((error) => {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    });
    const variants = [
        { file: '.dockerignore', text: (await readIgnore((0,external_node_path_.join)(context, '.dockerignore'))) ?? '' }
    ];
    if (options.dockerfile !== undefined) {
        const file = `${options.dockerfile}.dockerignore`;
        const text = await readIgnore(file);
        if (text !== undefined)
            variants.push({ file: (0,external_node_path_.basename)(file), text });
    }
    const found = new Map();
    for (const { file, text } of variants) {
        await walk(context, parseDockerignore(text, file), limits, found);
    }
    const files = [...found.values()];
    const hashed = await runLimited(files, HASH_PARALLEL, async ({ entry, size, full }) => entry.type === 'file' ? { ...entry, id: await hashFile(full, size) } : entry);
    return hashed.map((result) => {
        if (!result.ok)
            throw result.error;
        return result.value;
    });
}
function entryType(info) {
    if (info.isFile())
        return 'file';
    if (info.isDirectory())
        return 'dir';
    if (info.isSymbolicLink())
        return 'symlink';
    // Docker's archive leaves sockets out.
    if (info.isSocket())
        return undefined;
    return 'other';
}
async function walk(context, patterns, limits, found) {
    let entries = found.size;
    // Excluded entries are looked at too (inside a folder an exception reaches into): bounded too.
    let looked = 0;
    const lookLimit = limits.entries * 4;
    let bytes = [...found.values()].reduce((sum, item) => sum + item.size, 0);
    const tooLarge = (what) => {
        throw new errors/* BuildError */.zS(`the build context ${context} ${what}; ` +
            'skip-unchanged does not fingerprint a context that large (leave out what the image ' +
            'does not need with .dockerignore)');
    };
    const visit = async (folder, prefix, parent) => {
        let names;
        try {
            names = await (0,promises_.readdir)(folder);
        }
        catch (error) {
            throw new errors/* BuildError */.zS(`cannot list ${folder}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
        for (const name of names.sort()) {
            const path = prefix === '' ? name : `${prefix}/${name}`;
            const full = (0,external_node_path_.join)(folder, name);
            if (++looked > lookLimit)
                tooLarge(`has more than ${lookLimit} files and folders to look at`);
            const info = await (0,promises_.lstat)(full);
            const type = entryType(info);
            if (type === undefined)
                continue;
            const { excluded, matched } = matchPath(path, patterns, parent);
            if (excluded) {
                // Not sent; inside it only what an exception names may be.
                if (type === 'dir' && entersExcludedFolder(path, patterns)) {
                    await visit(full, path, matched);
                }
                continue;
            }
            if (!found.has(path)) {
                if (++entries > limits.entries)
                    tooLarge(`sends more than ${limits.entries} files and folders to the builder`);
                const size = type === 'file' ? info.size : 0;
                bytes += size;
                if (bytes > limits.bytes)
                    tooLarge(`sends more than ${limits.bytes} bytes to the builder`);
                const id = type === 'symlink' ? contentId(await (0,promises_.readlink)(full, { encoding: 'buffer' })) : '';
                found.set(path, { entry: { path, type, mode: info.mode & 0o7777, id }, size, full });
            }
            if (type === 'dir')
                await visit(full, path, matched);
        }
    };
    await visit(context, '');
}
async function hashFile(path, size) {
    if (size <= READ_WHOLE_BYTES)
        return contentId(await (0,promises_.readFile)(path));
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./src/images/detect-builder.ts

/** Checks that the engine answers, then picks buildx when `docker buildx` exists. */
async function detectBuilder(docker, logger) {
    const server = await docker.run(['version', '--format', '{{.Server.Version}}']);
    if (server.exitCode !== 0) {
        throw new errors/* BuildError */.zS(`Cannot reach the Docker engine: ${server.stderr.trim() || server.stdout.trim()} ` +
            '(the docker CLI uses DOCKER_HOST or its current context).');
    }
    const buildx = await docker.run(['buildx', 'version']);
    if (buildx.exitCode === 0) {
        logger.info(`Builder: buildx (${buildx.stdout.trim()}), engine ${server.stdout.trim()}`);
        return 'buildx';
    }
    logger.info(`Builder: classic 'docker build' + 'docker push' (no buildx plugin), engine ${server.stdout.trim()}`);
    return 'classic';
}
/** What the classic builder cannot do, as the error for the first input that asks for it. */
function classicBuilderConflict(plans, settings) {
    const needsBuildx = (what, input) => new errors/* InputError */.dz(`${input}: ${what} needs Docker buildx, but only the classic builder is available. ` +
        'Install the buildx plugin (e.g. docker/setup-buildx-action) or remove the input.', { input });
    if (settings.builder !== undefined && settings.builder !== '') {
        return needsBuildx(`the builder '${settings.builder}'`, 'builder');
    }
    if (settings.platforms !== undefined && settings.platforms !== '') {
        return needsBuildx(`platforms '${settings.platforms}'`, 'platforms');
    }
    for (const plan of plans) {
        if (plan.platforms !== undefined) {
            return new errors/* InputError */.dz(`images (line ${plan.line}): platforms '${plan.platforms}' of image '${plan.name}' need ` +
                'Docker buildx, but only the classic builder is available.', { input: 'images', line: plan.line });
        }
    }
    const first = plans[0];
    if (first && first.cacheFrom.length > 0)
        return needsBuildx('a build cache', 'cache-from');
    if (first && first.cacheTo.length > 0)
        return needsBuildx('a build cache', 'cache-to');
    return undefined;
}

;// CONCATENATED MODULE: ./src/images/digest.ts

/** A buildx `--metadata-file` as an object; undefined when it is not a JSON object. */
function parseMetadata(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data))
        return undefined;
    return data;
}
/** The digest `docker push` reports for `tag` (`TAG: digest: sha256:… size: N`). */
function digestFromPushOutput(output, tag) {
    for (const line of output.split(/\r?\n/)) {
        const match = /^(\S+): digest: (sha256:[a-f0-9]{64}) size: \d+/.exec(line.trim());
        if (match?.[1] === tag)
            return match[2];
    }
    return undefined;
}
/** The digest for `repository` among `docker image inspect`'s `{{json .RepoDigests}}`. */
function digestFromRepoDigests(json, repository) {
    let list;
    try {
        list = JSON.parse(json);
    }
    catch {
        return undefined;
    }
    if (!Array.isArray(list))
        return undefined;
    // Docker's normalisation: `x`, `library/x` and `docker.io/library/x` are one repository.
    const wanted = (0,image_ref/* normalizeRepository */.Y1)(repository);
    if (wanted === undefined)
        return undefined;
    for (const entry of list) {
        if (typeof entry !== 'string')
            continue;
        const at = entry.lastIndexOf('@');
        if (at === -1)
            continue;
        const digest = entry.slice(at + 1);
        if ((0,image_ref/* normalizeRepository */.Y1)(entry.slice(0, at)) === wanted && (0,image_ref/* isDigest */.Bc)(digest))
            return digest;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/images/labels.ts

/** The OCI labels the action puts on every image it builds. */
const OCI_LABELS = {
    revision: 'org.opencontainers.image.revision',
    source: 'org.opencontainers.image.source',
    created: 'org.opencontainers.image.created'
};
/**
 * The keys a Dockerfile sets with `LABEL` instructions (any stage; line continuations and
 * quoted keys understood, the legacy `LABEL key value` form too).
 */
function dockerfileLabelKeys(dockerfile) {
    const keys = new Set();
    const joined = dockerfile.replace(/\\\r?\n/g, ' ');
    for (const line of joined.split(/\r?\n/)) {
        const match = /^\s*LABEL\s+(.*)$/i.exec(line);
        if (match === null)
            continue;
        const body = match[1] ?? '';
        const pairs = [...body.matchAll(/(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s="']+))\s*=/g)];
        if (pairs.length === 0) {
            const legacy = /^(\S+)/.exec(body.trim())?.[1];
            if (legacy !== undefined)
                keys.add(legacy.replace(/^["']|["']$/g, ''));
            continue;
        }
        for (const pair of pairs)
            keys.add(pair[1] ?? pair[2] ?? pair[3] ?? '');
    }
    return keys;
}
/**
 * The `--label KEY=VALUE` values for one build: revision, source and created unless the
 * Dockerfile sets that key itself (a `--label` would override the user's `LABEL`), and the
 * fingerprint label always (skip-unchanged depends on it being the action's own).
 */
function imageLabels(values, dockerfile) {
    const own = dockerfileLabelKeys(dockerfile);
    const labels = [];
    const add = (key, value) => {
        if (value !== '' && !own.has(key))
            labels.push(`${key}=${value}`);
    };
    add(OCI_LABELS.revision, values.revision);
    add(OCI_LABELS.source, values.sourceUrl);
    add(OCI_LABELS.created, values.created);
    if (values.fingerprint !== undefined)
        labels.push(`${FINGERPRINT_LABEL}=${values.fingerprint}`);
    return labels;
}

// EXTERNAL MODULE: ./src/images/login.ts
var login = __webpack_require__(6784);
;// CONCATENATED MODULE: ./src/images/progress.ts
const MAX_NOTE = 100;
function shorten(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_NOTE ? `${flat.slice(0, MAX_NOTE - 1)}…` : flat;
}
/**
 * A short note for a line of build or push output that starts a new step, else undefined:
 * classic `Step 2/5 : RUN …`, BuildKit `#7 [build 2/5] RUN …`, push `The push refers to …`.
 */
function progressNote(line) {
    const classic = /^Step (\d+\/\d+) : (.+)$/.exec(line);
    if (classic)
        return shorten(`step ${classic[1] ?? ''}: ${classic[2] ?? ''}`);
    const buildkit = /^#\d+ \[(?:([^\]\s]+) )?(\d+\/\d+)\] (.+)$/.exec(line);
    if (buildkit) {
        const stage = buildkit[1] ? `${buildkit[1]} ` : '';
        return shorten(`step ${stage}${buildkit[2] ?? ''}: ${buildkit[3] ?? ''}`);
    }
    if (/^#\d+ exporting to image/.test(line) || /^#\d+ pushing layers/.test(line)) {
        return shorten(line.replace(/^#\d+ /, ''));
    }
    if (line.startsWith('The push refers to'))
        return 'pushing';
    return undefined;
}
/**
 * Creates the progress reporter; `intervalMs` is the period of the "still running" line, `now`
 * the injected clock's time (the roll call's timer itself only paces the log).
 */
function createProgress(logger, intervalMs, now) {
    const running = new Map();
    const seconds = (started) => Math.round((now() - started) / 1000);
    const timer = setInterval(() => {
        if (running.size === 0)
            return;
        const parts = [...running].map(([name, state]) => `${name} ${seconds(state.started)}s${state.note === '' ? '' : ` (${state.note})`}`);
        logger.info(`Still running: ${parts.join('; ')}`);
    }, intervalMs);
    timer.unref();
    return {
        start(name) {
            running.set(name, { started: now(), note: '' });
        },
        line(name, text) {
            const state = running.get(name);
            const note = progressNote(text);
            if (state === undefined || note === undefined || note === state.note)
                return;
            state.note = note;
            logger.info(`[${name}] ${note}`);
        },
        end(name) {
            running.delete(name);
        },
        stop() {
            clearInterval(timer);
        }
    };
}

// EXTERNAL MODULE: ./src/images/registry-api.ts + 1 modules
var registry_api = __webpack_require__(2997);
;// CONCATENATED MODULE: ./src/images/build-images.ts

















/** How often a long build says which images are still running. */
const PROGRESS_INTERVAL_MS = 20_000;
function builtImage(candidate, digest, seconds, metadata) {
    const { name, repository, tag, ref } = candidate.plan;
    return {
        name,
        repository,
        tag,
        digest,
        ref,
        built: true,
        seconds,
        metadata,
        fingerprint: candidate.fingerprint
    };
}
function failed(plan, reason, output) {
    return { ok: false, failure: { name: plan.name, line: plan.line, reason, output } };
}
/** Runs `task` per item with bounded parallelism; throws when any image failed. */
async function forEachImage(items, limit, what, task) {
    const settled = await runLimited(items, limit, async (item) => {
        try {
            return await task(item);
        }
        catch (error) {
            return { ok: false, failure: thrownFailure(item.plan, error) };
        }
    });
    const outcomes = settled.flatMap((result) => (result.ok ? [result.value] : []));
    const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]));
    if (failures.length > 0)
        throw failuresError(failures, items.length, what);
    return outcomes.flatMap((outcome) => (outcome.ok ? [outcome.image] : []));
}
async function buildWithBuildx(context, candidates, options, dir) {
    return forEachImage(candidates, options.maxParallel, 'build', async (candidate) => {
        const { plan } = candidate;
        const metadataFile = (0,external_node_path_.join)(dir, `${plan.name}.metadata.json`);
        const iidFile = (0,external_node_path_.join)(dir, `${plan.name}.iid`);
        const args = (0,build_commands/* buildxBuildArgs */.Ct)(plan, {
            ...(options.builder === undefined ? {} : { builder: options.builder }),
            push: options.push,
            metadataFile,
            iidFile
        });
        const step = await runStep(context, plan, 'Build', args);
        if (!step.ok)
            return failed(plan, `docker buildx build exit code ${step.exitCode}`, step.output);
        const metadata = parseMetadata(await (0,promises_.readFile)(metadataFile, 'utf8').catch(() => '')) ?? {};
        const digest = metadata['containerimage.digest'];
        const imageId = (await (0,promises_.readFile)(iidFile, 'utf8').catch(() => '')).trim();
        context.logger.debug(`${plan.name}: image id ${imageId}, digest ${(0,image_ref/* isDigest */.Bc)(digest) ? digest : 'none'}`);
        if (!options.push)
            return { ok: true, image: builtImage(candidate, '', step.seconds, metadata) };
        if (!(0,image_ref/* isDigest */.Bc)(digest)) {
            return failed(plan, `pushed, but buildx reported no digest ('containerimage.digest' missing in ${metadataFile})`, step.output);
        }
        return { ok: true, image: builtImage(candidate, digest, step.seconds, metadata) };
    });
}
async function buildWithClassic(context, candidates, options, dir) {
    // The legacy builder, even when the CLI would pick BuildKit: its output and flags are known.
    const env = { DOCKER_BUILDKIT: '0' };
    const images = await forEachImage(candidates, options.maxParallel, 'build', async (candidate) => {
        const { plan } = candidate;
        const iidFile = (0,external_node_path_.join)(dir, `${plan.name}.iid`);
        const step = await runStep(context, plan, 'Build', (0,build_commands/* classicBuildArgs */.y4)(plan, { iidFile }), env);
        if (!step.ok)
            return failed(plan, `docker build exit code ${step.exitCode}`, step.output);
        const imageId = (await (0,promises_.readFile)(iidFile, 'utf8').catch(() => '')).trim();
        const metadata = {
            ...((0,image_ref/* isDigest */.Bc)(imageId) ? { 'containerimage.config.digest': imageId } : {}),
            'image.name': plan.ref
        };
        return { ok: true, image: builtImage(candidate, '', step.seconds, metadata) };
    });
    if (!options.push)
        return images;
    // Every build succeeded: only now does anything reach the registry.
    const byName = new Map(candidates.map((candidate) => [candidate.plan.name, candidate.plan]));
    const pushes = images.flatMap((image) => {
        const plan = byName.get(image.name);
        return plan === undefined ? [] : [{ image, plan }];
    });
    return forEachImage(pushes, options.maxParallel, 'push', async ({ image, plan }) => {
        const step = await runStep(context, plan, 'Push', (0,build_commands/* classicPushArgs */.eB)(plan));
        if (!step.ok)
            return failed(plan, `docker push exit code ${step.exitCode}`, step.output);
        let digest = digestFromPushOutput(step.output, plan.tag);
        if (digest === undefined) {
            const inspect = await context.docker.run((0,build_commands/* repoDigestsArgs */.F$)(plan));
            if (inspect.exitCode === 0)
                digest = digestFromRepoDigests(inspect.stdout, plan.repository);
        }
        if (digest === undefined) {
            return failed(plan, 'pushed, but neither docker push nor docker inspect gave a digest', step.output);
        }
        return {
            ok: true,
            image: {
                ...image,
                digest,
                seconds: image.seconds + step.seconds,
                metadata: { 'containerimage.digest': digest, ...image.metadata }
            }
        };
    });
}
/** The cache entries of one input, without `type=gha` under act. */
function cacheEntries(value, act, logger) {
    const entries = (0,build_commands/* splitCacheInput */.jr)(value);
    if (!act)
        return entries;
    const dropped = entries.filter(build_commands/* isGhaCache */.$n);
    if (dropped.length > 0) {
        logger.info(`Running under act: not using the GitHub Actions cache (${dropped.join('; ')})`);
    }
    return entries.filter((entry) => !(0,build_commands/* isGhaCache */.$n)(entry));
}
/**
 * The fingerprint and labels of one image. A context that cannot be read gives no fingerprint
 * (the image is then always built, and carries no fingerprint label).
 */
async function prepare(plan, options, deps) {
    const dockerfilePath = plan.dockerfile ?? (0,external_node_path_.join)(plan.context, 'Dockerfile');
    const dockerfile = await (0,promises_.readFile)(dockerfilePath).catch(() => undefined);
    let print = '';
    try {
        if (dockerfile === undefined)
            throw new Error(`cannot read ${dockerfilePath}`);
        const entries = await readContextFiles(plan.context, { dockerfile: dockerfilePath });
        print = fingerprint({
            entries,
            dockerfile: contentId(dockerfile),
            ...(plan.target === undefined ? {} : { target: plan.target }),
            // A bare KEY takes its value from the environment docker starts from, as docker does.
            buildArgs: plan.buildArgs.map((arg) => arg.includes('=') ? arg : `${arg}=${options.env[arg] ?? ''}`),
            ...(plan.platforms === undefined ? {} : { platforms: plan.platforms })
        });
    }
    catch (error) {
        const message = `${plan.name}: no fingerprint of its build inputs (${(0,errors/* errorMessage */.gJ)(error)}); it is built.`;
        if (options.skipUnchanged)
            deps.logger.warning(message);
        else
            deps.logger.debug(message);
    }
    const labels = imageLabels({
        revision: options.revision,
        sourceUrl: options.sourceUrl,
        created: options.created,
        ...(print === '' ? {} : { fingerprint: print })
    }, dockerfile?.toString('utf8') ?? '');
    return { plan: { ...plan, labels }, fingerprint: print };
}
/**
 * skip-unchanged: the registry's image for the tag the files name now, when it carries the same
 * fingerprint; undefined (build it) otherwise. Whatever cannot be checked is built, with a
 * warning when the registry did not answer.
 */
async function reusable(candidate, options, deps) {
    const { plan, fingerprint: print } = candidate;
    const { logger } = deps;
    if (print === '')
        return undefined;
    const current = options.current?.get(plan.name);
    if (current === undefined) {
        logger.info(`${plan.name}: the files name no current tag for it; building.`);
        return undefined;
    }
    if (current.repository !== undefined && !(0,image_ref/* sameRepository */.RB)(current.repository, plan.repository)) {
        logger.info(`${plan.name}: the files name the repository ${current.repository}, not ${plan.repository}; building.`);
        return undefined;
    }
    const started = deps.clock.now();
    const credentials = options.username && options.password
        ? { registry: options.registry, username: options.username, password: options.password }
        : undefined;
    const platform = plan.platforms?.split(',')[0]?.trim();
    const found = await (0,registry_api.lookupImage)(deps.http, plan.repository, current.tag, {
        ...(credentials === undefined ? {} : { credentials }),
        ...(platform ? { platform } : {})
    });
    const ref = `${plan.repository}:${current.tag}`;
    if (found.kind === 'unknown') {
        logger.warning(`${plan.name}: skip-unchanged could not check ${ref} in the registry (${found.reason}); building it.`);
        return undefined;
    }
    if (found.kind === 'missing') {
        logger.info(`${plan.name}: ${ref} is not in the registry; building.`);
        return undefined;
    }
    const theirs = found.labels[FINGERPRINT_LABEL];
    if (theirs !== print) {
        logger.info(`${plan.name}: its build inputs changed since ${ref} ` +
            `(${theirs === undefined ? 'that image has no fingerprint label' : 'different fingerprint'}); building.`);
        return undefined;
    }
    logger.info(`${plan.name}: unchanged since ${ref}@${found.digest}; not built, the files keep ${current.tag}.`);
    return {
        name: plan.name,
        repository: plan.repository,
        tag: current.tag,
        digest: found.digest,
        ref,
        built: false,
        seconds: (deps.clock.now() - started) / 1000,
        metadata: { 'containerimage.digest': found.digest, 'image.name': ref },
        fingerprint: print,
        reusedFrom: current.tag
    };
}
/**
 * Builds every image (at most `maxParallel` at once) and pushes it unless `push` is false; with
 * `skipUnchanged`, first reuses each image whose build inputs did not change since the image the
 * files name now. Logs in first when `username` and `password` are set and anything is built.
 * When any image fails, the others still finish and a `BuildError` lists every failed image with
 * the end of its log; with the classic builder nothing is pushed unless every build succeeded.
 * Results are in input order.
 */
async function buildImages(options, deps) {
    if (options.images.length === 0)
        return [];
    const { docker, logger } = deps;
    const settings = {
        tag: options.tag,
        workspace: options.workspace,
        ...(options.platforms === undefined ? {} : { platforms: options.platforms }),
        buildArgs: options.buildArgs,
        cacheFrom: cacheEntries(options.cacheFrom, options.act, logger),
        cacheTo: cacheEntries(options.cacheTo, options.act, logger)
    };
    const plans = options.images.map((spec) => (0,build_commands/* planImage */.Fz)(spec, settings));
    const limit = Math.max(1, Math.min(Math.floor(options.maxParallel) || plans.length, plans.length));
    const prepared = await runLimited(plans, limit, (plan) => prepare(plan, options, deps));
    const candidates = plans.map((plan, index) => {
        const result = prepared[index];
        return result?.ok ? result.value : { plan, fingerprint: '' };
    });
    const reused = new Map();
    if (options.skipUnchanged) {
        const checks = await runLimited(candidates, limit, (candidate) => reusable(candidate, options, deps));
        checks.forEach((check, index) => {
            if (check.ok && check.value !== undefined)
                reused.set(check.value.name, check.value);
            if (!check.ok)
                logger.warning(`${plans[index]?.name ?? '?'}: ${(0,errors/* errorMessage */.gJ)(check.error)}; building it.`);
        });
    }
    const toBuild = candidates.filter((candidate) => !reused.has(candidate.plan.name));
    const inOrder = (built) => {
        const byName = new Map(built.map((image) => [image.name, image]));
        return plans.flatMap((plan) => {
            const image = reused.get(plan.name) ?? byName.get(plan.name);
            return image === undefined ? [] : [image];
        });
    };
    if (toBuild.length === 0) {
        logger.info(`Nothing to build: every image is unchanged (${plans.length} reused).`);
        return inOrder([]);
    }
    const builder = await detectBuilder(docker, logger);
    if (builder === 'classic') {
        const conflict = classicBuilderConflict(toBuild.map((candidate) => candidate.plan), options);
        if (conflict)
            throw conflict;
    }
    if (options.username && options.password) {
        await (0,login/* dockerLogin */.a)(docker, { registry: options.registry, username: options.username, password: options.password }, logger, deps.runtime);
    }
    const buildLimit = Math.min(limit, toBuild.length);
    logger.info(`${options.push ? 'Building and pushing' : 'Building (not pushing)'} ${toBuild.length} image(s), ` +
        `${buildLimit} at a time: ${toBuild.map((candidate) => candidate.plan.ref).join(', ')}` +
        (reused.size > 0 ? `; ${reused.size} unchanged, reused` : ''));
    const progress = createProgress(logger, PROGRESS_INTERVAL_MS, () => deps.clock.now());
    const context = {
        docker,
        logger,
        clock: deps.clock,
        progress,
        printLog: createLogPrinter(logger)
    };
    const dir = await (0,build_temp/* createBuildTemp */.$)(options.tempDir);
    try {
        const run = builder === 'buildx' ? buildWithBuildx : buildWithClassic;
        const images = await run(context, toBuild, { ...options, maxParallel: buildLimit }, dir);
        for (const image of images) {
            logger.info(`${image.ref}${image.digest === '' ? '' : `@${image.digest}`}`);
        }
        return inOrder(images);
    }
    finally {
        progress.stop();
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 2836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ createBuildTemp),
/* harmony export */   V: () => (/* binding */ removeBuildTemp)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The name every temporary folder of a build starts with (metadata and image id files). */
const BUILD_TEMP_PREFIX = 'gitops-release-build-';
/** A new temporary folder for one run's build files, in `tempDir`. */
function createBuildTemp(tempDir) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tempDir, BUILD_TEMP_PREFIX));
}
/**
 * The post step: removes the build folders a main step left in `runnerTemp` (a run cancelled
 * or killed mid-build never reaches its own `finally`). Only RUNNER_TEMP is swept, never a
 * shared folder such as /tmp where another run may be building: '' does nothing.
 */
async function removeBuildTemp(runnerTemp, logger) {
    if (runnerTemp === '')
        return;
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(runnerTemp, { withFileTypes: true }).catch(() => []);
    const removed = [];
    for (const entry of entries) {
        if (!entry.isDirectory() || !entry.name.startsWith(BUILD_TEMP_PREFIX))
            continue;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTemp, entry.name), { recursive: true, force: true });
        removed.push(entry.name);
    }
    if (removed.length > 0)
        logger.info(`Removed leftover build folder(s): ${removed.join(', ')}`);
}


/***/ }),

/***/ 6784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ dockerLogin),
/* harmony export */   d: () => (/* binding */ cleanupBuild)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);
/* harmony import */ var _build_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(392);
/* harmony import */ var _lib_runtime_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6382);
/* harmony import */ var _lib_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5645);




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
        const detail = (0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecret */ .Y)(result.stderr.trim() || result.stdout.trim(), password);
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`docker login to ${registry} as '${username}' failed (exit code ${result.exitCode}): ` +
            `${detail}. Check the 'username' and 'password' inputs and the 'registry' input.`, { input: 'password' });
    }
    logger.debug((0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecret */ .Y)(result.stdout.trim(), password));
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
        logger.warning(`Ignoring the saved docker logout state: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
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
            logger.warning(`docker logout ${registry} failed: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
        }
    }
}


/***/ }),

/***/ 2997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lookupImage: () => (/* binding */ lookupImage)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/image-ref.ts
var image_ref = __webpack_require__(6847);
// EXTERNAL MODULE: ./src/lib/loopback.ts
var loopback = __webpack_require__(9481);
;// CONCATENATED MODULE: ./src/images/registry-protocol.ts
/** The registry protocol as data: where a registry answers, its auth challenge, an index's manifest. */


/** `https://HOST` for a domain; plain http for loopback, which Docker also treats as insecure. */
function registryBase(domain) {
    const host = domain === image_ref/* DOCKER_HUB */.Xb ? 'registry-1.docker.io' : domain;
    return `${(0,loopback/* isLoopbackHost */.c)(host.replace(/:\d+$/, '')) ? 'http' : 'https'}://${host}`;
}
/** The parameters of a `WWW-Authenticate` challenge (`Bearer realm="…",service="…"`). */
function parseChallenge(header) {
    if (header === undefined)
        return undefined;
    const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (match === null)
        return undefined;
    const params = {};
    for (const param of (match[2] ?? '').matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
        params[(param[1] ?? '').toLowerCase()] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1');
    }
    return { scheme: (match[1] ?? '').toLowerCase(), params };
}
/**
 * From an image index, the manifest to read labels from: the wanted platform when it is there,
 * else linux/amd64, else the first real image (attestation entries, `unknown/unknown`, are not).
 */
function pickManifest(index, platform) {
    const entries = index?.manifests;
    if (!Array.isArray(entries))
        return undefined;
    const images = entries.flatMap((entry) => {
        const item = entry;
        if (!(0,image_ref/* isDigest */.Bc)(item.digest))
            return [];
        const os = typeof item.platform?.os === 'string' ? item.platform.os : '';
        const arch = typeof item.platform?.architecture === 'string' ? item.platform.architecture : '';
        const variant = typeof item.platform?.variant === 'string' ? item.platform.variant : '';
        if (os === 'unknown' || arch === 'unknown')
            return [];
        return [{ digest: item.digest, names: [`${os}/${arch}`, `${os}/${arch}/${variant}`] }];
    });
    const wanted = [platform?.trim(), 'linux/amd64'].filter((p) => !!p);
    for (const name of wanted) {
        const hit = images.find((image) => image.names.includes(name));
        if (hit)
            return hit.digest;
    }
    return images[0]?.digest;
}

;// CONCATENATED MODULE: ./src/images/registry-api.ts





/** Every manifest type a registry may hold for a tag. */
const MANIFEST_ACCEPT = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');
/** Time limit of each registry request. */
const REGISTRY_TIMEOUT_MS = 15_000;
/** A registry request that did not go as expected (the lookup turns it into `unknown`). */
class LookupError extends Error {
}
/**
 * Whether the registry's credentials may go to a token service (`realm`): only to the
 * registry's own origin, or over https, or over plain http to a loopback address (a test
 * registry). Anything else would send the password in clear text, or to a stranger over http.
 */
function realmMayHaveCredentials(realm, registryOrigin) {
    if (realm.origin === registryOrigin)
        return true;
    if (realm.protocol === 'https:')
        return true;
    return realm.protocol === 'http:' && (0,loopback/* isLoopbackHost */.c)(realm.hostname);
}
/**
 * Reads what the registry holds under `repository:tag` with small API requests only: the
 * manifest (for an index, one platform's manifest) and the image config JSON; never a layer.
 * Authenticates as Docker does: the bearer-token flow when the registry asks for it (Docker
 * Hub, GHCR and most others), basic auth when it asks for that; `credentials` are used only for
 * their own registry. Never throws: anything unexpected is `unknown` with the reason.
 */
async function lookupImage(http, repository, tag, options = {}) {
    const ref = (0,image_ref/* parseReference */.F2)(repository);
    if (ref === undefined)
        return { kind: 'unknown', reason: `'${repository}' is not a valid repository` };
    const mine = options.credentials &&
        (0,image_ref/* parseReference */.F2)(`${options.credentials.registry}/x`)?.domain === ref.domain;
    const session = createSession(http, registryBase(ref.domain), ref.path, mine ? options.credentials : undefined);
    try {
        const top = await session.get(`/v2/${ref.path}/manifests/${tag}`, MANIFEST_ACCEPT);
        if (top.status === 404)
            return { kind: 'missing' };
        expectOk(top, 'the manifest');
        // The digest is what skip-unchanged reports and the files may pin: it must be the digest of
        // the manifest read, not merely what a header (or a proxy in between) claims.
        const digest = top.headers['docker-content-digest'] ?? sha256(top.body);
        if (!(0,image_ref/* isDigest */.Bc)(digest)) {
            throw new LookupError(`the registry gave an invalid Docker-Content-Digest '${String(digest)}'`);
        }
        if (sha256(top.body) !== digest) {
            throw new LookupError(`the manifest does not match its Docker-Content-Digest ${digest} (its content is ${sha256(top.body)})`);
        }
        let manifest = parseJson(top.body, 'the manifest');
        const config = manifest.config;
        if (config === undefined) {
            const chosen = pickManifest(manifest, options.platform);
            if (chosen === undefined)
                throw new LookupError('the image index lists no image manifest');
            const platform = await session.get(`/v2/${ref.path}/manifests/${chosen}`, MANIFEST_ACCEPT);
            expectOk(platform, `the manifest ${chosen}`);
            if (sha256(platform.body) !== chosen) {
                throw new LookupError(`the manifest ${chosen} does not match its digest`);
            }
            manifest = parseJson(platform.body, `the manifest ${chosen}`);
        }
        const configDigest = manifest.config?.digest;
        if (!(0,image_ref/* isDigest */.Bc)(configDigest))
            throw new LookupError('the manifest names no image config');
        const blob = await session.get(`/v2/${ref.path}/blobs/${configDigest}`, '*/*');
        expectOk(blob, 'the image config');
        if (sha256(blob.body) !== configDigest) {
            throw new LookupError(`the image config does not match its digest ${configDigest}`);
        }
        const labels = parseJson(blob.body, 'the image config')
            .config?.Labels;
        const clean = {};
        if (labels !== null && typeof labels === 'object') {
            for (const [key, value] of Object.entries(labels)) {
                if (typeof value === 'string')
                    clean[key] = value;
            }
        }
        return { kind: 'found', digest, labels: clean };
    }
    catch (error) {
        return { kind: 'unknown', reason: (0,errors/* errorMessage */.gJ)(error) };
    }
}
function sha256(text) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex')}`;
}
function parseJson(text, what) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new LookupError(`${what} is not JSON`);
    }
}
function expectOk(response, what) {
    if (response.status === 200)
        return;
    const detail = response.body.replace(/\s+/g, ' ').trim().slice(0, 200);
    throw new LookupError(`the registry answered ${response.status} for ${what}${detail ? `: ${detail}` : ''}`);
}
/** GETs against one registry, answering its auth challenge once and keeping the result. */
function createSession(http, base, path, credentials) {
    let authorization;
    const basic = credentials
        ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
        : undefined;
    const send = (url, accept, auth) => http.request({
        method: 'GET',
        url,
        headers: { Accept: accept, ...(auth === undefined ? {} : { Authorization: auth }) },
        timeoutMs: REGISTRY_TIMEOUT_MS
    });
    const answerChallenge = async (header) => {
        const challenge = parseChallenge(header);
        if (challenge?.scheme === 'basic') {
            if (basic === undefined)
                throw new LookupError('the registry needs credentials (username and password)');
            return basic;
        }
        if (challenge?.scheme !== 'bearer' || !challenge.params.realm) {
            throw new LookupError(`the registry asked for unsupported authentication (${header ?? 'none'})`);
        }
        let realm;
        try {
            realm = new URL(challenge.params.realm);
        }
        catch {
            throw new LookupError(`the registry named an invalid token service '${challenge.params.realm}'`);
        }
        if (basic !== undefined && !realmMayHaveCredentials(realm, new URL(base).origin)) {
            throw new LookupError(`the registry sends the credentials to the token service ${realm.origin}${realm.pathname}, ` +
                'which is neither the registry itself nor https; they were not sent');
        }
        if (challenge.params.service)
            realm.searchParams.set('service', challenge.params.service);
        realm.searchParams.set('scope', challenge.params.scope ?? `repository:${path}:pull`);
        const answer = await send(realm.toString(), 'application/json', basic);
        if (answer.status !== 200) {
            throw new LookupError(`the token service ${realm.origin} answered ${answer.status}`);
        }
        const body = parseJson(answer.body, 'the token answer');
        const token = typeof body.token === 'string' ? body.token : body.access_token;
        if (typeof token !== 'string' || token === '')
            throw new LookupError('the token service gave no token');
        return `Bearer ${token}`;
    };
    return {
        async get(relative, accept) {
            let url = `${base}${relative}`;
            let response = await send(url, accept, authorization);
            if (response.status === 401) {
                authorization = await answerChallenge(response.headers['www-authenticate']);
                response = await send(url, accept, authorization);
            }
            // Blobs may be served from elsewhere (Docker Hub sends them to a CDN): follow a few
            // redirects by hand, and carry the credentials only to the registry's own origin.
            for (let hop = 0; hop < 3 && [301, 302, 303, 307, 308].includes(response.status); hop++) {
                const location = response.headers.location;
                if (location === undefined)
                    break;
                const next = new URL(location, url);
                url = next.toString();
                response = await send(url, accept, next.origin === new URL(base).origin ? authorization : undefined);
            }
            return response;
        }
    };
}


/***/ })

};
