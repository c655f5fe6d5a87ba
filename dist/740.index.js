export const id = 740;
export const ids = [740];
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

/***/ 740:
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
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(4231);
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

;// CONCATENATED MODULE: ./src/images/dockerignore.ts
/**
 * `.dockerignore` as Docker reads it (moby's patternmatcher), for the fingerprint of a build
 * context: which files the builder is sent. Rules: one pattern per line; `#` lines are comments;
 * blank lines are ignored; surrounding white space and a leading `/` are dropped; `!` makes an
 * exception; the last pattern that matches a path (or one of its parent folders) decides.
 * In a pattern `*` matches within one path segment, `?` one character other than `/`, `**`
 * any number of segments (none included), `[…]` a character class and `\` escapes.
 */
/** Path cleaning as Go's filepath.Clean does it for a relative pattern. */
function cleanPath(path) {
    const parts = [];
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length > 0 && parts.at(-1) !== '..')
                parts.pop();
            continue;
        }
        parts.push(part);
    }
    return parts.join('/') || '.';
}
function toRegex(pattern) {
    let out = '^';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern.charAt(i);
        if (ch === '*') {
            if (pattern[i + 1] === '*') {
                i++;
                if (pattern[i + 1] === '/')
                    i++;
                // `**` at the end matches everything below; elsewhere any number of whole segments.
                out += i + 1 >= pattern.length ? '.*' : '(?:.*/)?';
            }
            else {
                out += '[^/]*';
            }
        }
        else if (ch === '?') {
            out += '[^/]';
        }
        else if (ch === '\\' && i + 1 < pattern.length) {
            i++;
            out += escapeChar(pattern.charAt(i));
        }
        else if (ch === '[') {
            const end = pattern.indexOf(']', i + 2);
            if (end === -1) {
                out += '\\[';
                continue;
            }
            let body = pattern.slice(i + 1, end);
            if (body.startsWith('!'))
                body = `^${body.slice(1)}`;
            out += `[${body.replace(/\\(?!\])/g, '\\\\')}]`;
            i = end;
        }
        else {
            out += escapeChar(ch);
        }
    }
    return new RegExp(`${out}$`, 's');
}
function escapeChar(ch) {
    return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
/** The patterns of a `.dockerignore` file, in order. */
function parseDockerignore(text) {
    const patterns = [];
    for (const raw of text.split(/\r?\n/)) {
        let line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const exception = line.startsWith('!');
        if (exception)
            line = line.slice(1).trim();
        line = cleanPath(line.replace(/^\/+/, ''));
        if (line === '.' && !exception)
            continue;
        patterns.push({ text: line, exception, regex: toRegex(line) });
    }
    return patterns;
}
/**
 * True when `path` (context-relative, `/`-separated) is not sent to the builder: the last
 * pattern that matches it or one of its parent folders is not an exception.
 */
function isExcluded(path, patterns) {
    const parts = path.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const pattern of patterns) {
        if (prefixes.some((prefix) => pattern.regex.test(prefix)))
            excluded = !pattern.exception;
    }
    return excluded;
}

;// CONCATENATED MODULE: ./src/images/fingerprint.ts

/** The label every image the action builds carries, holding the fingerprint of its build inputs. */
const FINGERPRINT_LABEL = 'io.github.gitops-release.fingerprint';
/** Version of the fingerprint's recipe: a change of recipe must not look like "unchanged". */
const RECIPE = 'gitops-release/fingerprint/v1';
/** Git's blob id of some content (`git hash-object`), so tracked files need not be read. */
function gitBlobId(content) {
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
/**
 * The fingerprint (`sha256:…`) of an image's build inputs. Order does not matter where the
 * builder does not care about it (files, build arguments, platforms), and nothing that changes
 * on every run (commit, time, tag) is part of it, so the same inputs give the same fingerprint
 * in any checkout.
 */
function fingerprint(input) {
    const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    const files = [...input.files]
        .sort((a, b) => byText(a.path, b.path))
        .map((file) => [file.path, file.mode, file.id]);
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
        files
    });
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/images/context-files.ts





/**
 * The files of a build context the builder is sent, with git object ids, for the fingerprint.
 *
 * In a git work tree, git's view is used: tracked files by the blob id in the index (nothing is
 * read), except those changed or deleted in the work tree (read and hashed as they are now);
 * untracked files, ignored ones included, are read and hashed too, since `docker build` sends
 * them just the same (a file an earlier step generated changes the image). Outside a work tree
 * every file is read. In both cases `.git` is left out and `CONTEXT/.dockerignore` is applied
 * the way Docker applies it, so an excluded file changes nothing.
 */
async function readContextFiles(context, git) {
    const ignore = await (0,promises_.readFile)((0,external_node_path_.join)(context, '.dockerignore'), 'utf8').catch(() => '');
    const patterns = parseDockerignore(ignore);
    // Filtered before anything is read, so an excluded node_modules costs no hashing.
    const sent = (path) => patterns.length === 0 || !isExcluded(path, patterns);
    const prunable = !patterns.some((pattern) => pattern.exception);
    return (await gitWorkTree(context, git))
        ? fromGit(context, git, sent)
        : fromFolder(context, sent, prunable);
}
/** The content id and mode of a file on disk; undefined for folders and other non-files. */
async function hashPath(path) {
    const info = await (0,promises_.lstat)(path).catch(() => undefined);
    if (info === undefined)
        return undefined;
    if (info.isSymbolicLink()) {
        return { mode: '120000', id: gitBlobId(Buffer.from(await (0,promises_.readlink)(path), 'utf8')) };
    }
    if (!info.isFile())
        return undefined;
    return {
        mode: (info.mode & 0o111) !== 0 ? '100755' : '100644',
        id: gitBlobId(await (0,promises_.readFile)(path))
    };
}
async function gitWorkTree(context, git) {
    try {
        const result = await git.run('git', ['-C', context, 'rev-parse', '--is-inside-work-tree']);
        return result.exitCode === 0 && result.stdout.trim() === 'true';
    }
    catch {
        return false;
    }
}
async function lsFiles(context, git, args) {
    const result = await git.run('git', ['-C', context, 'ls-files', '-z', ...args, '--', '.']);
    if (result.exitCode !== 0) {
        throw new Error(`git ls-files ${args.join(' ')} failed in ${context}: ${result.stderr.trim()}`);
    }
    return result.stdout.split('\0').filter((entry) => entry !== '');
}
async function fromGit(context, git, sent) {
    const [staged, modified, deleted, others] = await Promise.all([
        lsFiles(context, git, ['--stage']),
        lsFiles(context, git, ['--modified']),
        lsFiles(context, git, ['--deleted']),
        lsFiles(context, git, ['--others'])
    ]);
    const gone = new Set(deleted);
    const reread = new Set(modified);
    const files = new Map();
    for (const entry of staged) {
        // `MODE OBJECT STAGE<TAB>PATH`; a conflicted path has several stages, one is enough.
        const match = /^(\d{6}) ([0-9a-f]{40,64}) \d\t(.+)$/s.exec(entry);
        if (match === null)
            continue;
        const [, mode = '', id = '', path = ''] = match;
        if (files.has(path) || gone.has(path) || !sent(path))
            continue;
        if (reread.has(path) && mode !== '160000')
            continue;
        files.set(path, { path, mode, id });
    }
    for (const path of [...reread, ...others]) {
        if (files.has(path) || gone.has(path) || !sent(path))
            continue;
        const hashed = await hashPath((0,external_node_path_.join)(context, path));
        if (hashed !== undefined)
            files.set(path, { path, ...hashed });
    }
    return [...files.values()];
}
async function fromFolder(context, sent, prunable) {
    const files = [];
    const walk = async (folder, prefix) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)(folder, { withFileTypes: true });
        }
        catch (error) {
            throw new Error(`cannot list ${folder}: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
        }
        for (const entry of entries) {
            const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
            if (path === '.git')
                continue;
            const full = (0,external_node_path_.join)(folder, entry.name);
            if (entry.isDirectory()) {
                // Without `!` exceptions nothing below an excluded folder can be sent.
                if (prunable && !sent(path))
                    continue;
                await walk(full, path);
                continue;
            }
            if (!sent(path))
                continue;
            const hashed = await hashPath(full);
            if (hashed !== undefined)
                files.push({ path, ...hashed });
        }
    };
    await walk(context, '');
    return files;
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
/** The pushed manifest digest (`containerimage.digest`) from a buildx `--metadata-file`. */
function digestFromMetadata(text) {
    const digest = parseMetadata(text)?.['containerimage.digest'];
    return isDigest(digest) ? digest : undefined;
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
/** `https://HOST` for a domain; plain http for loopback, which Docker also treats as insecure. */
function registryBase(domain) {
    const host = domain === image_ref/* DOCKER_HUB */.Xb ? 'registry-1.docker.io' : domain;
    const name = host.replace(/:\d+$/, '');
    const loopback = name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
    return `${loopback ? 'http' : 'https'}://${host}`;
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
        const digest = top.headers['docker-content-digest'] ?? sha256(top.body);
        let manifest = parseJson(top.body, 'the manifest');
        const config = manifest.config;
        if (config === undefined) {
            const chosen = pickManifest(manifest, options.platform);
            if (chosen === undefined)
                throw new LookupError('the image index lists no image manifest');
            const platform = await session.get(`/v2/${ref.path}/manifests/${chosen}`, MANIFEST_ACCEPT);
            expectOk(platform, `the manifest ${chosen}`);
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
        return { kind: 'found', digest: (0,image_ref/* isDigest */.Bc)(digest) ? digest : sha256(top.body), labels: clean };
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
        const realm = new URL(challenge.params.realm);
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
        const files = await readContextFiles(plan.context, deps.git);
        print = fingerprint({
            files,
            dockerfile: gitBlobId(dockerfile),
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
    const found = await lookupImage(deps.http, plan.repository, current.tag, {
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
        await (0,login/* dockerLogin */.a1)(docker, { registry: options.registry, username: options.username, password: options.password }, logger, deps.runtime);
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
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempDir, 'gitops-release-build-'));
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


/***/ })

};
