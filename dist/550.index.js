export const id = 550;
export const ids = [550,656];
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

/***/ 7953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createDocker: () => (/* binding */ createDocker)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);
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
                    throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`The docker CLI ('${command}') could not be run (${error.message}); install Docker on the runner.`);
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

/***/ 4550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);
/* harmony import */ var _lib_runtime_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6382);
/* harmony import */ var _lib_exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1737);
/* harmony import */ var _lib_logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7856);
/* harmony import */ var _images_login_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6784);
/* harmony import */ var _images_build_temp_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2836);
/* harmony import */ var _images_docker_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7953);
/* harmony import */ var _publish_publish_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2656);








/**
 * The post step (entry `run`, as @github/local-action --post expects): logs out of the registry
 * and removes the temporary clone; never fails the job.
 */
async function run(runtime = (0,_lib_runtime_js__WEBPACK_IMPORTED_MODULE_1__/* .createCoreRuntime */ .C)(), logger = _lib_logger_js__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .W) {
    // A composition root like coreRunDeps: the post step reads no settings, so it passes the
    // process environment itself.
    const docker = (0,_images_docker_js__WEBPACK_IMPORTED_MODULE_6__.createDocker)((0,_lib_exec_js__WEBPACK_IMPORTED_MODULE_2__.createProcessRunner)(runtime.secrets, process.env));
    const cleanups = [
        ['registry logout', () => (0,_images_login_js__WEBPACK_IMPORTED_MODULE_4__/* .cleanupBuild */ .d)(logger, docker, runtime)],
        ['build folders', () => (0,_images_build_temp_js__WEBPACK_IMPORTED_MODULE_5__/* .removeBuildTemp */ .V)(process.env.RUNNER_TEMP ?? '', logger)],
        ['git credentials', () => (0,_publish_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .cleanupPublish */ .q)(logger, runtime)]
    ];
    for (const [stage, cleanup] of cleanups) {
        try {
            await cleanup();
        }
        catch (error) {
            logger.warning(`Cleanup of ${stage} failed: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
        }
    }
}


/***/ }),

/***/ 2656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ cleanupPublish),
  createPublishDeps: () => (/* binding */ createPublishDeps)
});

// UNUSED EXPORTS: publish

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/lib/clock.ts
var clock = __webpack_require__(6296);
// EXTERNAL MODULE: ./src/lib/exec.ts
var exec = __webpack_require__(1737);
// EXTERNAL MODULE: ./src/lib/runtime.ts
var lib_runtime = __webpack_require__(6382);
// EXTERNAL MODULE: ./src/publish/git/env.ts
var env = __webpack_require__(5754);
// EXTERNAL MODULE: ./src/lib/http.ts + 2 modules
var http = __webpack_require__(5068);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/http-fetch.ts
var http_fetch = __webpack_require__(2877);
// EXTERNAL MODULE: ./src/publish/failure.ts
var failure = __webpack_require__(1040);
// EXTERNAL MODULE: ./src/publish/github/api-error.ts
var api_error = __webpack_require__(2743);
// EXTERNAL MODULE: ./src/publish/github/rate-limit.ts
var rate_limit = __webpack_require__(6386);
;// CONCATENATED MODULE: ./src/publish/github/api.ts






const HEAD_QUERY = `query($owner: String!, $name: String!, $ref: String!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) {
      target { oid ... on Commit { message tree { oid } parents(first: 1) { nodes { oid } } } }
    }
  }
}`;
const DEFAULT_BRANCH_QUERY = `query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { defaultBranchRef { name } }
}`;
const COMMIT_MUTATION = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;
/** Deadline of one GitHub API request (connect to last byte), in ms. */
const API_REQUEST_TIMEOUT_MS = 60_000;
/** Largest GitHub API answer read, in bytes (a recursive tree listing of a big repository). */
const API_MAX_BODY_BYTES = 64 * 1024 * 1024;
// GraphQL errors as a GitHubApiError of the kind the publish loop acts on.
function graphqlFailure(what, errors) {
    const message = errors.map((e) => `${e.type ?? 'ERROR'}: ${e.message ?? ''}`).join('; ');
    const types = new Set(errors.map((e) => e.type));
    const kind = types.has('STALE_DATA')
        ? 'stale'
        : types.has('NOT_FOUND')
            ? 'not-found'
            : types.has('FORBIDDEN')
                ? /rule|protected/i.test(message)
                    ? 'protected'
                    : 'auth'
                : (0,failure/* classifyFailure */.XE)(message);
    return new api_error/* GitHubApiError */.OS(`${what}: ${message}`, undefined, kind);
}
/**
 * The GitHubApi backed by Octokit from `@actions/github`, every request sent through
 * `transport.http` (one deadline per request, no redirect followed, the runner's proxy);
 * rate limits are waited out within the run's budget.
 */
class OctokitGitHubApi {
    octokit;
    fetch;
    token;
    urls;
    limits;
    constructor(token, urls, limits, transport) {
        this.token = token;
        this.urls = urls;
        this.limits = limits;
        this.fetch = (0,http_fetch/* createHttpFetch */.H)(transport.http, {
            timeoutMs: transport.timeoutMs ?? API_REQUEST_TIMEOUT_MS,
            maxBodyBytes: transport.maxBodyBytes ?? API_MAX_BODY_BYTES
        });
    }
    async defaultBranch(repository) {
        const what = `Reading the default branch of ${repository.owner}/${repository.repo}`;
        const { data, errors } = await this.graphql(what, DEFAULT_BRANCH_QUERY, {
            owner: repository.owner,
            name: repository.repo
        });
        if (errors.length > 0)
            throw graphqlFailure(what, errors);
        const name = data
            .repository?.defaultBranchRef?.name;
        if (!name)
            throw new api_error/* GitHubApiError */.OS(`${what}: the repository has no default branch`, 404, 'missing-branch');
        return name;
    }
    async branchHead(repository, branch) {
        const what = `Reading branch ${branch} of ${repository.owner}/${repository.repo}`;
        const { data, errors } = await this.graphql(what, HEAD_QUERY, {
            owner: repository.owner,
            name: repository.repo,
            ref: `refs/heads/${branch}`
        });
        if (errors.length > 0)
            throw graphqlFailure(what, errors);
        const target = data.repository?.ref?.target;
        if (!target?.oid || !target.tree?.oid)
            return undefined;
        const parentOid = target.parents?.nodes?.[0]?.oid ?? '';
        return {
            oid: target.oid,
            treeOid: target.tree.oid,
            parentOid,
            message: target.message ?? ''
        };
    }
    async listTree(repository, treeSha) {
        const { data } = await this.limited(`Listing tree ${treeSha}`, async () => (await this.client()).request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
            ...repository,
            tree_sha: treeSha,
            recursive: '1'
        }));
        if (data.truncated) {
            throw new errors/* PublishError */.S1(`The tree of ${repository.owner}/${repository.repo} is too large for GitHub's trees API. Use commit-mode: git.`, { input: 'commit-mode' });
        }
        return data.tree
            .filter((entry) => entry.type !== 'tree')
            .map((entry) => ({ mode: entry.mode, sha: entry.sha, path: entry.path }));
    }
    async readBlob(repository, sha) {
        const { data } = await this.limited(`Reading blob ${sha}`, async () => (await this.client()).request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
            ...repository,
            file_sha: sha
        }));
        return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
    }
    async createCommitOnBranch(repository, branch, expectedHeadOid, message, additions) {
        const [headline = '', ...rest] = message.split('\n');
        const what = `Creating a commit on branch ${branch} of ${repository.owner}/${repository.repo}`;
        let result;
        try {
            result = await this.graphql(what, COMMIT_MUTATION, {
                input: {
                    branch: {
                        repositoryNameWithOwner: `${repository.owner}/${repository.repo}`,
                        branchName: branch
                    },
                    expectedHeadOid,
                    message: { headline, body: rest.join('\n').trim() },
                    fileChanges: { additions }
                }
            });
        }
        catch (error) {
            if (error instanceof api_error/* GitHubApiError */.OS &&
                (error.kind === 'stale' || error.kind === 'unreachable' || error.kind === 'protected')) {
                return { ok: false, kind: error.kind, detail: error.message };
            }
            throw error;
        }
        if (result.errors.length > 0) {
            const failure = graphqlFailure(what, result.errors);
            if (failure.kind === 'stale' ||
                failure.kind === 'protected' ||
                failure.kind === 'unreachable') {
                return { ok: false, kind: failure.kind, detail: failure.message };
            }
            throw failure;
        }
        const commit = result.data.createCommitOnBranch?.commit;
        if (!commit?.oid)
            throw new api_error/* GitHubApiError */.OS(`${what}: no commit in the answer`, undefined, 'other');
        return { ok: true, oid: commit.oid, url: commit.url ?? '' };
    }
    async setBranch(repository, branch, sha) {
        const existing = await this.branchHead(repository, branch);
        await this.limited(`Pointing branch ${branch} at ${sha}`, async () => {
            if (existing) {
                await (await this.client()).request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
                    ...repository,
                    ref: `heads/${branch}`,
                    sha,
                    force: true
                });
            }
            else {
                await (await this.client()).request('POST /repos/{owner}/{repo}/git/refs', {
                    ...repository,
                    ref: `refs/heads/${branch}`,
                    sha
                });
            }
        });
    }
    async findOpenPull(repository, head, base) {
        const { data } = await this.limited(`Listing pull requests of ${repository.owner}/${repository.repo}`, async () => (await this.client()).request('GET /repos/{owner}/{repo}/pulls', {
            ...repository,
            state: 'open',
            head: `${repository.owner}:${head}`,
            base
        }));
        const pull = data[0];
        return pull ? { number: pull.number, url: pull.html_url } : undefined;
    }
    async createPull(repository, pull) {
        return this.limited(`Opening a pull request from ${pull.head} to ${pull.base}`, async () => {
            try {
                const { data } = await (await this.client()).request('POST /repos/{owner}/{repo}/pulls', {
                    ...repository,
                    ...pull
                });
                return { number: data.number, url: data.html_url };
            }
            catch (error) {
                if ((0,api_error/* statusOf */.c2)(error) === 422 &&
                    /already exists/i.test(JSON.stringify(error.response ?? (0,errors/* errorMessage */.gJ)(error)))) {
                    return 'exists';
                }
                throw error;
            }
        });
    }
    async updatePull(repository, number, pull) {
        const { data } = await this.limited(`Updating pull request #${number}`, async () => (await this.client()).request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
            ...repository,
            pull_number: number,
            ...pull
        }));
        return { number: data.number, url: data.html_url };
    }
    async compare(repository, base, head) {
        try {
            const { data } = await this.limited(`Comparing ${base}...${head}`, async () => (await this.client()).request('GET /repos/{owner}/{repo}/compare/{basehead}', {
                ...repository,
                basehead: `${base}...${head}`,
                per_page: 1
            }));
            return data.status;
        }
        catch (error) {
            if (error instanceof api_error/* GitHubApiError */.OS && error.status === 404)
                return undefined;
            throw error;
        }
    }
    async addLabels(repository, number, labels) {
        if (labels.length === 0)
            return;
        await this.limited(`Labelling pull request #${number}`, async () => (await this.client()).request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
            ...repository,
            issue_number: number,
            labels: [...labels]
        }));
    }
    // Loaded on first use: Octokit is most of the bundle, and most runs never call the API.
    client() {
        const { fetch } = this;
        this.octokit ??= __webpack_require__.e(/* import() */ 329).then(__webpack_require__.bind(__webpack_require__, 1329)).then((github) => github.getOctokit(this.token, {
            baseUrl: this.urls.apiUrl.replace(/\/+$/, ''),
            request: { fetch }
        }));
        return this.octokit;
    }
    limited(what, fn) {
        return (0,rate_limit/* callWithRateLimits */.DE)(what, fn, this.limits);
    }
    async graphql(what, query, variables) {
        const response = await (0,rate_limit/* callWithRateLimits */.DE)(what, async () => (await this.client()).request({
            method: 'POST',
            url: this.urls.graphqlUrl,
            query,
            variables
        }), this.limits, (answer) => {
            const errors = answer.data?.errors ?? [];
            return errors.some((e) => e.type === 'RATE_LIMITED') ? answer.headers : undefined;
        });
        const body = response.data;
        return { data: body?.data, errors: body?.errors ?? [] };
    }
}
/** The real GitHubApi (see OctokitGitHubApi). */
function createGitHubApi(token, urls, limits = rate_limit/* DEFAULT_RATE_LIMITS */.Gt, transport = { http: (0,http.createHttpClient)({ maxBodyBytes: API_MAX_BODY_BYTES }) }) {
    return new OctokitGitHubApi(token, urls, limits, transport);
}

// EXTERNAL MODULE: ./src/publish/session.ts + 17 modules
var session = __webpack_require__(2191);
// EXTERNAL MODULE: ./src/publish/types.ts
var types = __webpack_require__(1067);
;// CONCATENATED MODULE: ./src/publish/publish.ts












/**
 * Lands the edits as one commit on the branch, however many jobs race: each attempt reads the
 * branch tip, computes the edits against it (`deps.compute`), and swaps the branch to a commit on
 * that tip only if the tip did not move (a non-force push, or createCommitOnBranch with
 * expectedHeadOid). A dry run (`options.dryRun`) reads and computes only. One call opens and
 * closes its own Publisher; a run that commits more than once (preflight, release, rollback)
 * should hold one Publisher (openPublisher) instead.
 */
async function publish(options, deps) {
    const publisher = await openPublisher(options, deps);
    try {
        return await (options.dryRun
            ? publisher.preview(deps.compute)
            : publisher.land(options, deps.compute));
    }
    finally {
        await publisher.close();
    }
}
/**
 * The composition root's factory for the stage's services: `deps` with the defaults filled in.
 * Without a runner of its own, git runs from `options.env` without GIT_DIR and friends, and
 * refuses any command line holding a secret the runtime has masked, or one masked through the
 * returned runtime (the auth header values). Call it once per run and share the result: the
 * rate-limit budget is the run's.
 */
function createPublishDeps(options, deps) {
    const derived = new Set();
    const { runtime } = deps;
    const secrets = {
        *[Symbol.iterator]() {
            yield* runtime.secrets;
            yield* derived;
        }
    };
    return {
        logger: deps.logger,
        runtime: {
            secrets,
            setSecret: (secret) => {
                if (secret !== '')
                    derived.add(secret);
                runtime.setSecret(secret);
            },
            saveState: (key, value) => {
                runtime.saveState(key, value);
            }
        },
        runner: deps.runner ?? (0,exec.createProcessRunner)(secrets, (0,env/* gitBaseEnv */.VI)(options.env)),
        clock: deps.clock ?? clock/* systemClock */.m,
        createGitHubApi: deps.createGitHubApi ?? createGitHubApi,
        networkLimits: deps.networkLimits ?? env/* DEFAULT_NETWORK_LIMITS */.i2,
        // The proxy variables come from the settings' copy of the environment, as git's do.
        http: deps.http ?? (0,http.createHttpClient)({ env: options.env, maxBodyBytes: API_MAX_BODY_BYTES }),
        rateLimitBudget: deps.rateLimitBudget ?? (0,rate_limit/* newRateLimitBudget */.bo)()
    };
}
/**
 * Post step. Credentials never reach a file (they live in the environment of our git
 * processes only), so the one thing to clean is a temporary clone a cancelled run left behind.
 */
async function cleanupPublish(logger, runtime) {
    const dir = runtime.getState(lib_runtime/* STATE_KEYS */.L.cloneDir);
    if (dir === '' || !(0,external_node_path_.basename)(dir).startsWith(types/* TEMP_PREFIX */.M) || !(0,external_node_fs_.existsSync)(dir))
        return;
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    logger.debug(`Removed the temporary clone ${dir}`);
}


/***/ })

};
