export const id = 550;
export const ids = [550];
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
/* harmony import */ var _publish_publish_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8268);








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


/***/ })

};
