export const id = 680;
export const ids = [680];
export const modules = {

/***/ 2683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ describeBody),
/* harmony export */   _: () => (/* binding */ redirectHint)
/* harmony export */ });
/* harmony import */ var _lib_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6299);
/* harmony import */ var _lib_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5645);


/** `: <message>` from an Argo CD error body (JSON with `message`/`error`, or text), shortened. */
function describeBody(response) {
    let text = response.body;
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null) {
            const record = parsed;
            const message = record.message ?? record.error;
            if (typeof message === 'string')
                text = message;
        }
    }
    catch {
        // Not JSON: show the text itself.
    }
    return (0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .suffix */ .ei)(text);
}
/**
 * For a 3xx answer: `; it redirects to <Location>: ...` (redirects are never followed, so a
 * token or signed body never goes where the user did not point it); '' for any other answer.
 */
function redirectHint(response, input) {
    if (response.status < 300 || response.status >= 400)
        return '';
    const location = response.headers.location ?? '';
    const where = location === '' ? '' : ` to ${(0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .B)(location)}`;
    return `; it redirects${where}, which is not followed: set ${input} to the final URL`;
}


/***/ }),

/***/ 8917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ readAppStatus)
/* harmony export */ });
/** Reads an Application object as returned by `GET /api/v1/applications/{name}`. */
function readAppStatus(application) {
    const app = object(application);
    const status = object(app.status);
    const sync = object(status.sync);
    const opState = status.operationState;
    const automated = object(object(app.spec).syncPolicy).automated;
    const result = {
        revision: string(sync.revision),
        revisions: strings(sync.revisions),
        syncStatus: string(sync.status) || 'Unknown',
        healthStatus: string(object(status.health).status) || 'Unknown',
        healthMessage: healthMessage(status),
        operationRequested: isObject(app.operation),
        conditions: list(status.conditions).map((c) => ({
            type: string(object(c).type),
            message: string(object(c).message)
        })),
        autoSync: isObject(automated) && object(automated).enabled !== false,
        ...(string(status.reconciledAt) === '' ? {} : { reconciledAt: string(status.reconciledAt) }),
        ...(isObject(opState) ? { operation: readOperation(opState) } : {})
    };
    return result;
}
function healthMessage(status) {
    const own = string(object(status.health).message);
    if (own !== '')
        return own;
    for (const resource of list(status.resources).map(object)) {
        const health = object(resource.health);
        const message = string(health.message);
        if (string(health.status) === 'Degraded' && message !== '') {
            return `${string(resource.kind)}/${string(resource.name)}: ${message}`;
        }
    }
    return '';
}
function readOperation(state) {
    const requested = object(object(state.operation).sync);
    const applied = object(state.syncResult);
    const finishedAt = string(state.finishedAt);
    return {
        phase: string(state.phase),
        message: string(state.message),
        revisions: [
            string(requested.revision),
            ...strings(requested.revisions),
            string(applied.revision),
            ...strings(applied.revisions)
        ].filter((r) => r !== ''),
        dryRun: requested.dryRun === true,
        ...(finishedAt === '' ? {} : { finishedAt })
    };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function object(value) {
    return isObject(value) ? value : {};
}
function string(value) {
    return typeof value === 'string' ? value : '';
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
function strings(value) {
    return list(value).filter((v) => typeof v === 'string');
}


/***/ }),

/***/ 1314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ ArgoCdUnavailableError),
/* harmony export */   T: () => (/* binding */ createArgoCdApi)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);
/* harmony import */ var _lib_http_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5162);
/* harmony import */ var _answer_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2683);
/* harmony import */ var _lib_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5645);




/** The API did not answer usefully for now (network error, timeout, 5xx, 429): try again later. */
class ArgoCdUnavailableError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ArgoCdUnavailableError';
    }
}
const USER_AGENT = 'gitops-release';
/**
 * An ArgoCdApi for `options.server` authenticated with `options.token`. The token goes over
 * plain http to a host that is not loopback only with `argocd-insecure`: the settings refuse it
 * otherwise, and the HTTP client refuses every such request it is not told to allow.
 */
function createArgoCdApi(options, http) {
    const base = options.server.trim().replace(/\/+$/, '');
    const shownServer = (0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .B)(base).replace(/\/+$/, '');
    const authorization = `Bearer ${options.token.trim()}`;
    const allowPlainHttpCredentials = options.insecure;
    const appUrl = (app, suffix, query) => {
        const params = new URLSearchParams(query);
        const search = params.size === 0 ? '' : `?${params.toString()}`;
        return `${base}/api/v1/applications/${encodeURIComponent(app.name)}${suffix}${search}`;
    };
    const call = async (app, what, request) => {
        try {
            return await http.request(request);
        }
        catch (error) {
            if (error instanceof _lib_http_client_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpNetworkError */ .z && error.tls) {
                throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdError */ .rA(`Argo CD at ${shownServer}: TLS verification failed while ${what} ${app.label} (${error.message}). ` +
                    'If the server uses a self-signed certificate, set argocd-insecure: true.', { input: 'argocd-insecure' });
            }
            if (error instanceof _lib_http_client_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpNetworkError */ .z) {
                throw new ArgoCdUnavailableError(`${what} ${app.label}: ${error.message}`);
            }
            throw error;
        }
    };
    const refuse = (app, what, response) => {
        const detail = `HTTP ${response.status}${(0,_answer_js__WEBPACK_IMPORTED_MODULE_2__/* .describeBody */ .M)(response)}`;
        if (response.status === 401) {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdError */ .rA(`Argo CD at ${shownServer} rejected argocd-token while ${what} ${app.label} (${detail}); ` +
                'the token is invalid or expired: create a new one with `argocd account generate-token`', { input: 'argocd-token' });
        }
        if (response.status === 403) {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdError */ .rA(`Argo CD at ${shownServer} denied ${what} ${app.label} (${detail}). The token's account needs RBAC ` +
                '"applications, get" (and "applications, sync" for argocd-sync) on the app\'s project; ' +
                'Argo CD also answers 403 for an application that does not exist', { input: 'argocd-app' });
        }
        if (response.status === 404) {
            const where = app.namespace === undefined ? '' : ` in namespace ${app.namespace}`;
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdError */ .rA(`Argo CD at ${shownServer} has no application ${app.name}${where} (${detail}); ` +
                'check argocd-app (NAME, or NAMESPACE/NAME for apps outside the Argo CD namespace) and argocd-server', { input: 'argocd-app' });
        }
        if (response.status >= 500 || response.status === 429 || response.status === 408) {
            throw new ArgoCdUnavailableError(`${what} ${app.label}: ${detail}`);
        }
        const redirect = (0,_answer_js__WEBPACK_IMPORTED_MODULE_2__/* .redirectHint */ ._)(response, 'argocd-server');
        if (redirect !== '') {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdError */ .rA(`Argo CD at ${shownServer} answered ${what} ${app.label} with ${detail}${redirect}`, { input: 'argocd-server' });
        }
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdError */ .rA(`Argo CD at ${shownServer} refused ${what} ${app.label} (${detail})`, {
            input: 'argocd-app'
        });
    };
    const json = (app, what, response) => {
        try {
            return JSON.parse(response.body);
        }
        catch {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdError */ .rA(`Argo CD at ${shownServer} answered ${what} ${app.label} with HTTP ${response.status} but not JSON ` +
                `(${response.headers['content-type'] ?? 'no content type'}); argocd-server must be the base URL ` +
                'of Argo CD (plus its --rootpath, if any), e.g. https://argocd.example.com', { input: 'argocd-server' });
        }
    };
    return {
        getApp: async (app, options) => {
            const what = options.refresh ? 'refreshing' : 'reading';
            const query = {};
            if (options.refresh)
                query.refresh = 'normal';
            if (app.namespace !== undefined)
                query.appNamespace = app.namespace;
            const response = await call(app, what, {
                method: 'GET',
                url: appUrl(app, '', query),
                headers: {
                    Authorization: authorization,
                    Accept: 'application/json',
                    'User-Agent': USER_AGENT
                },
                timeoutMs: options.timeoutMs,
                allowPlainHttpCredentials
            });
            if (response.status !== 200)
                refuse(app, what, response);
            return json(app, what, response);
        },
        sync: async (app, timeoutMs) => {
            // No revision: the server resolves targetRevision live, and a revision would be refused for
            // auto-sync apps ("Cannot sync to REV: auto-sync currently set to ...").
            const body = app.namespace === undefined ? {} : { appNamespace: app.namespace };
            const response = await call(app, 'syncing', {
                method: 'POST',
                url: appUrl(app, '/sync', {}),
                headers: {
                    Authorization: authorization,
                    Accept: 'application/json',
                    // Exactly this value: Argo CD answers 415 to anything else, even with a charset.
                    'Content-Type': 'application/json',
                    'User-Agent': USER_AGENT
                },
                body: Buffer.from(JSON.stringify(body), 'utf8'),
                timeoutMs,
                allowPlainHttpCredentials
            });
            if (response.status === 200) {
                return { result: 'started', application: json(app, 'syncing', response) };
            }
            if (response.status === 400 &&
                /another operation is already in progress/i.test(response.body)) {
                return { result: 'in-progress' };
            }
            return refuse(app, 'syncing', response);
        }
    };
}


/***/ }),

/***/ 7224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wn: () => (/* binding */ describeStatus),
/* harmony export */   fR: () => (/* binding */ atRevision),
/* harmony export */   kf: () => (/* binding */ toAppState),
/* harmony export */   r6: () => (/* binding */ evaluateWait),
/* harmony export */   tY: () => (/* binding */ operationRunning),
/* harmony export */   vn: () => (/* binding */ reportedShas),
/* harmony export */   vo: () => (/* binding */ sameSha)
/* harmony export */ });
/* harmony import */ var _lib_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6299);

const FAILED_PHASES = new Set(['Failed', 'Error']);
const ERROR_CONDITIONS = new Set(['SyncError', 'ComparisonError']);
/** The CLI's "operation in progress": requested, unfinished, or finished but not yet reconciled. */
function operationRunning(status) {
    const op = status.operation;
    if (status.operationRequested)
        return true;
    if (op === undefined)
        return false;
    if (op.finishedAt === undefined)
        return true;
    if (op.dryRun)
        return false;
    if (status.reconciledAt === undefined)
        return true;
    return Date.parse(status.reconciledAt) < Date.parse(op.finishedAt);
}
/** The app's revision(s) include `revision`. */
function atRevision(status, revision) {
    return [status.revision, ...status.revisions].some((r) => sameSha(r, revision));
}
/**
 * The full commit SHAs the app reports (`status.sync.revision` and the multi-source
 * `revisions`), leaving out chart versions and other non-SHA revisions.
 */
function reportedShas(status) {
    return [status.revision, ...status.revisions].filter(_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .isCommitSha */ ._$);
}
/**
 * Judges one observation against `target.revision`. A state at any other revision is pending:
 * whether a newer commit counts is the caller's question (it needs the commit graph).
 */
function evaluateWait(status, target) {
    const ours = target.revision;
    const atOurs = atRevision(status, ours);
    const running = operationRunning(status);
    const op = status.operation;
    // The phase of the operation for our commit; undefined when the last operation was for another.
    const ourPhase = op?.revisions.some((r) => sameSha(r, ours)) ? op.phase : undefined;
    if (op && ourPhase !== undefined && FAILED_PHASES.has(op.phase) && !status.operationRequested) {
        // Auto-sync never retries a revision whose sync failed, so waiting longer cannot help.
        return {
            kind: 'failed',
            reason: `the sync to ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .shortSha */ .Fu)(ours)} ended ${op.phase}${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .suffix */ .ei)(op.message)}`,
            failure: { kind: 'sync-failed', revision: ours, phase: op.phase, message: op.message }
        };
    }
    const condition = status.conditions.find((c) => ERROR_CONDITIONS.has(c.type) && c.message.toLowerCase().includes(ours.toLowerCase()));
    if (condition) {
        return {
            kind: 'failed',
            reason: `${condition.type} for ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .shortSha */ .Fu)(ours)}${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .suffix */ .ei)(condition.message)}`,
            failure: {
                kind: 'error-condition',
                revision: ours,
                condition: condition.type,
                message: condition.message
            }
        };
    }
    if (atOurs && !running && status.healthStatus === 'Degraded') {
        const message = status.healthMessage || (op?.message ?? '');
        return {
            kind: 'failed',
            reason: `the app is Degraded at ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .shortSha */ .Fu)(ours)}${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .suffix */ .ei)(message)}`,
            failure: { kind: 'degraded', revision: ours, message }
        };
    }
    if (atOurs &&
        status.syncStatus === 'Synced' &&
        status.healthStatus === 'Healthy' &&
        !running &&
        (ourPhase === undefined || ourPhase === 'Succeeded')) {
        return { kind: 'success' };
    }
    return { kind: 'pending', reason: pendingReason(status, target, atOurs, running) };
}
function pendingReason(status, target, atOurs, running) {
    if (!atOurs) {
        const where = status.revision === '' ? 'no revision yet' : `at ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .shortSha */ .Fu)(status.revision)}`;
        const previous = target.previous !== '' && sameSha(status.revision, target.previous);
        return previous ? `${where}, the previous commit` : `${where}, not ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .shortSha */ .Fu)(target.revision)}`;
    }
    if (running) {
        const op = status.operation;
        if (op?.finishedAt === undefined && op?.phase)
            return `operation ${op.phase}`;
        if (status.operationRequested)
            return 'operation requested';
        return 'waiting for the reconcile after the operation';
    }
    if (status.syncStatus !== 'Synced')
        return status.syncStatus;
    if (status.healthStatus !== 'Healthy')
        return status.healthStatus;
    return `operation ${status.operation?.phase ?? 'unknown'}`;
}
/** One log line for an observation, e.g. `at 2222222 (ours): Synced, Progressing, operation Succeeded`. */
function describeStatus(status, target) {
    const revision = status.revision === '' && status.revisions.length === 0
        ? 'no revision'
        : `at ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .shortSha */ .Fu)(shownRevision(status, target.revision))}${atRevision(status, target.revision) ? ' (ours)' : ''}`;
    const op = status.operation;
    const operation = op ? `, operation ${op.phase || 'pending'}${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_0__/* .suffix */ .ei)(op.message)}` : '';
    const requested = status.operationRequested && !op?.phase ? ', operation requested' : '';
    return `${revision}: ${status.syncStatus}, ${status.healthStatus}${operation}${requested}`;
}
/** The AppState reported for `app`. */
function toAppState(app, status, target, outcome) {
    const errorCondition = status.conditions.find((c) => c.type.endsWith('Error'))?.message ?? '';
    const health = status.healthStatus === 'Healthy' ? '' : status.healthMessage;
    const message = [status.operation?.message ?? '', errorCondition, health].find((m) => m !== '');
    return {
        app,
        revision: shownRevision(status, target.revision),
        syncStatus: status.syncStatus,
        healthStatus: status.healthStatus,
        outcome,
        ...(status.operation?.phase ? { operationPhase: status.operation.phase } : {}),
        ...(message === undefined ? {} : { message })
    };
}
function shownRevision(status, ours) {
    if (status.revision !== '')
        return status.revision;
    return status.revisions.find((r) => sameSha(r, ours)) ?? status.revisions[0] ?? '';
}
/** The same commit, whatever the case of the hex. */
function sameSha(a, b) {
    return a !== '' && a.toLowerCase() === b.toLowerCase();
}


/***/ }),

/***/ 1680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   waitForApps: () => (/* binding */ waitForApps)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);
/* harmony import */ var _lib_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6299);
/* harmony import */ var _app_status_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8917);
/* harmony import */ var _argocd_api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1314);
/* harmony import */ var _wait_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6003);
/* harmony import */ var _wait_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7224);






/** The timing used unless the deps say otherwise. */
const DEFAULT_WAIT_TIMING = {
    pollMs: 5000,
    refreshTimeoutMs: 60_000,
    requestTimeoutMs: 30_000,
    refreshAgainMs: 45_000
};
/**
 * Refreshes each app (`GET ?refresh=normal`), syncs it when `sync` is set, and with `wait`
 * waits until it is Synced and Healthy at `options.commit.after`, or at a newer commit that
 * contains it, all within `timeoutSeconds`. Returns each app's state as it came. Throws
 * ArgoCdError at once for 401/403/404 (PlainHttpTokenError before any request when the token
 * would go over plain http), and ArgoCdWaitError, carrying each app's state and why it failed,
 * when a sync fails, an app is Degraded or time runs out. May be called again in the same run
 * for another commit (a rollback commit); each call has its own deadline.
 */
async function waitForApps(options, deps) {
    const ctx = createContext(options, deps);
    // Refresh (and sync) every app first and together: a bad token or app name shows at once.
    const first = await Promise.allSettled(ctx.apps.map((app) => firstLook(ctx, app)));
    const rejected = first.find((r) => r.status === 'rejected');
    if (rejected)
        throw rejected.reason;
    if (!options.wait)
        return refreshOnly(ctx);
    const results = [];
    for (const app of ctx.apps)
        results.push(await waitForApp(ctx, app));
    return results;
}
function createContext(options, deps) {
    const api = (0,_argocd_api_js__WEBPACK_IMPORTED_MODULE_2__/* .createArgoCdApi */ .T)({ server: options.server, token: options.token, insecure: options.insecure }, deps.http);
    const now = deps.clock.now();
    return {
        options,
        logger: deps.logger,
        clock: deps.clock,
        isDescendant: deps.isDescendant,
        api,
        timing: { ...DEFAULT_WAIT_TIMING, ...deps.timing },
        target: { revision: options.commit.after, previous: options.commit.before },
        deadline: now + options.timeoutSeconds * 1000,
        apps: options.apps.map((app) => ({
            ref: app,
            status: undefined,
            lastRefreshAt: now,
            lastProblem: '',
            lastLine: '',
            successes: 0
        })),
        ancestry: new Map()
    };
}
// A request's timeout: its own cap, cut to what is left of the deadline (at least 1 s, so the
// last poll still gets an answer).
function remaining(ctx, cap) {
    return Math.max(1000, Math.min(cap, ctx.deadline - ctx.clock.now()));
}
async function firstLook(ctx, app) {
    ctx.logger.info(`${app.ref.label}: refreshing`);
    await refresh(ctx, app);
    if (app.status === undefined)
        await poll(ctx, app);
    if (app.status)
        report(ctx, app, app.status);
    if (ctx.options.sync)
        await startSync(ctx, app);
}
function refreshOnly(ctx) {
    for (const app of ctx.apps.filter((a) => a.status === undefined)) {
        ctx.logger.warning(`Argo CD app ${app.ref.label} could not be refreshed: ${app.lastProblem}`);
    }
    return ctx.apps.map((app) => stateOf(ctx, app, app.status ? 'refreshed' : 'unreachable'));
}
function report(ctx, app, status) {
    const line = (0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .describeStatus */ .Wn)(status, ctx.target);
    if (line !== app.lastLine)
        ctx.logger.info(`${app.ref.label}: ${line}`);
    app.lastLine = line;
}
async function refresh(ctx, app) {
    app.lastRefreshAt = ctx.clock.now();
    try {
        const timeoutMs = remaining(ctx, ctx.timing.refreshTimeoutMs);
        app.status = (0,_app_status_js__WEBPACK_IMPORTED_MODULE_5__/* .readAppStatus */ .q)(await ctx.api.getApp(app.ref, { refresh: true, timeoutMs }));
    }
    catch (error) {
        if (!(error instanceof _argocd_api_js__WEBPACK_IMPORTED_MODULE_2__/* .ArgoCdUnavailableError */ .N))
            throw error;
        app.lastProblem = error.message;
        ctx.logger.info(`${app.ref.label}: refresh did not complete (${error.message}); polling instead`);
    }
}
async function poll(ctx, app) {
    try {
        const timeoutMs = remaining(ctx, ctx.timing.requestTimeoutMs);
        app.status = (0,_app_status_js__WEBPACK_IMPORTED_MODULE_5__/* .readAppStatus */ .q)(await ctx.api.getApp(app.ref, { refresh: false, timeoutMs }));
        app.lastProblem = '';
    }
    catch (error) {
        if (!(error instanceof _argocd_api_js__WEBPACK_IMPORTED_MODULE_2__/* .ArgoCdUnavailableError */ .N))
            throw error;
        if (app.lastProblem !== error.message)
            ctx.logger.info(`${app.ref.label}: Argo CD unavailable (${error.message}); retrying`);
        app.lastProblem = error.message;
    }
}
// Why no sync is needed now, or '' when one should be requested.
function noSyncReason(ctx, status) {
    if (status === undefined)
        return '';
    if (status.operationRequested || (status.operation && status.operation.finishedAt === undefined))
        return 'an operation is already running (auto-sync?); not starting another';
    const ours = ctx.target.revision;
    if ((0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .atRevision */ .fR)(status, ours) && status.syncStatus === 'Synced' && !(0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .operationRunning */ .tY)(status))
        return `already Synced at ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(ours)}; no sync needed`;
    return '';
}
async function startSync(ctx, app) {
    const label = app.ref.label;
    const skip = noSyncReason(ctx, app.status);
    if (skip !== '') {
        ctx.logger.info(`${label}: ${skip}`);
        return;
    }
    try {
        const answer = await ctx.api.sync(app.ref, remaining(ctx, ctx.timing.requestTimeoutMs));
        if (answer.result === 'started') {
            // The answer carries the requested operation; the state read before the sync is stale.
            app.status = (0,_app_status_js__WEBPACK_IMPORTED_MODULE_5__/* .readAppStatus */ .q)(answer.application);
            ctx.logger.info(`${label}: sync requested`);
        }
        else {
            ctx.logger.info(`${label}: another operation is already in progress; waiting for it instead`);
        }
    }
    catch (error) {
        if (!(error instanceof _argocd_api_js__WEBPACK_IMPORTED_MODULE_2__/* .ArgoCdUnavailableError */ .N))
            throw error;
        // Without wait this is the only chance: the sync did not happen.
        if (!ctx.options.wait)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdError */ .rA(`Argo CD sync of ${label} failed: ${error.message}`, {
                input: 'argocd-sync'
            });
        app.lastProblem = error.message;
        ctx.logger.warning(`${label}: sync request failed (${error.message}); waiting for auto-sync or a later sync`);
    }
}
// isDescendant(ours, revision), asked once per revision; a failed check counts as "no" (the
// wait goes on), and says why once.
function descendsFromOurs(ctx, revision) {
    const key = revision.toLowerCase();
    let answer = ctx.ancestry.get(key);
    if (answer === undefined) {
        answer = ctx.isDescendant(ctx.target.revision, revision).catch((error) => {
            ctx.logger.info(`Could not tell whether ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(revision)} contains ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(ctx.target.revision)} ` +
                `(${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}); waiting for ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(ctx.target.revision)} itself`);
            return false;
        });
        ctx.ancestry.set(key, answer);
    }
    return answer;
}
/**
 * Judges the app's state: at our commit by the usual rules; at a newer commit that contains ours
 * by the same rules for that commit; at any other revision (an older commit, or one from another
 * line of history) it is pending, however Synced and Healthy it looks.
 */
async function judge(ctx, status) {
    const { target } = ctx;
    if ((0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .atRevision */ .fR)(status, target.revision))
        return (0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .evaluateWait */ .r6)(status, target);
    for (const revision of (0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .reportedShas */ .vn)(status)) {
        if ((0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .sameSha */ .vo)(revision, target.previous))
            continue;
        if (await descendsFromOurs(ctx, revision)) {
            const verdict = (0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .evaluateWait */ .r6)(status, { ...target, revision });
            return verdict.kind === 'success' ? { ...verdict, via: revision } : verdict;
        }
    }
    const verdict = (0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .evaluateWait */ .r6)(status, target);
    return verdict.kind === 'pending' &&
        status.revision !== '' &&
        !(0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .sameSha */ .vo)(status.revision, target.previous)
        ? { kind: 'pending', reason: `${verdict.reason} nor a commit after it` }
        : verdict;
}
async function waitForApp(ctx, app) {
    for (;;) {
        const status = app.status;
        if (status) {
            report(ctx, app, status);
            const done = settle(ctx, app, await judge(ctx, status));
            if (done)
                return done;
        }
        const now = ctx.clock.now();
        if (now >= ctx.deadline)
            throw timedOut(ctx, app);
        if (shouldRefreshAgain(ctx, app, now)) {
            ctx.logger.info(`${app.ref.label}: still not at ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(ctx.target.revision)}; refreshing again`);
            await refresh(ctx, app);
            continue;
        }
        await ctx.clock.sleep(Math.min(ctx.timing.pollMs, ctx.deadline - now));
        await poll(ctx, app);
    }
}
// Acts on a verdict: the final state when the app is done, undefined to keep waiting.
function settle(ctx, app, verdict) {
    const label = app.ref.label;
    if (verdict.kind === 'failed') {
        throw failedWait(ctx, `Argo CD app ${label} failed: ${verdict.reason}`, app, verdict.failure);
    }
    if (verdict.kind === 'pending') {
        if (app.successes > 0)
            ctx.logger.info(`${label}: no longer Synced and Healthy (${verdict.reason})`);
        app.successes = 0;
        return undefined;
    }
    // One more poll must agree: apps can flip to OutOfSync right after a sync (mutating webhooks,
    // defaulted fields), so a single Synced is not trusted.
    app.successes++;
    if (app.successes < 2)
        return undefined;
    const ours = (0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(ctx.target.revision);
    if (verdict.via === undefined) {
        ctx.logger.info(`${label}: Synced and Healthy at ${ours}`);
        return stateOf(ctx, app, 'deployed');
    }
    ctx.logger.info(`${label}: Synced and Healthy at ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(verdict.via)}, a newer commit that contains ${ours}: ` +
        'a newer commit was pushed after ours and is deployed');
    return stateOf(ctx, app, 'superseded');
}
// Webhooks are best effort: ask again when the app has not looked at the branch for a while.
function shouldRefreshAgain(ctx, app, now) {
    const status = app.status;
    const stale = status === undefined || (!(0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .atRevision */ .fR)(status, ctx.target.revision) && !(0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .operationRunning */ .tY)(status));
    return stale && now - app.lastRefreshAt >= ctx.timing.refreshAgainMs;
}
function failedWait(ctx, message, failing, failure) {
    const apps = ctx.apps.map((app) => app === failing
        ? stateOf(ctx, app, failure.kind === 'timed-out' ? 'timed-out' : 'failed', failure)
        : stateOf(ctx, app, app.status ? 'refreshed' : 'unreachable'));
    return new _wait_error_js__WEBPACK_IMPORTED_MODULE_3__/* .ArgoCdWaitError */ .s(message, apps, { input: 'argocd-app' });
}
function timedOut(ctx, app) {
    const seconds = ctx.options.timeoutSeconds;
    const ours = (0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(ctx.target.revision);
    const head = `Argo CD app ${app.ref.label} was not Synced and Healthy at ${ours} within ${seconds} s`;
    if (!app.status) {
        const why = `Argo CD could not be read: ${app.lastProblem || 'no answer'}`;
        return failedWait(ctx, `${head}; ${why}`, app, { kind: 'timed-out', seconds, lastSeen: why });
    }
    const lastSeen = (0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .describeStatus */ .Wn)(app.status, ctx.target);
    const problem = app.lastProblem === '' ? '' : ` (last API problem: ${app.lastProblem})`;
    const hint = (0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .atRevision */ .fR)(app.status, ctx.target.revision)
        ? ''
        : ". Argo CD has not picked up the commit: check that the Application's repoURL is this " +
            `repository and its targetRevision is ${ctx.options.commit.branch}, or raise argocd-timeout`;
    return failedWait(ctx, `${head}; last seen ${lastSeen}${problem}${hint}`, app, {
        kind: 'timed-out',
        seconds,
        lastSeen
    });
}
function stateOf(ctx, app, outcome, failure) {
    const why = failure === undefined ? {} : { failure };
    if (app.status)
        return { ...(0,_wait_state_js__WEBPACK_IMPORTED_MODULE_4__/* .toAppState */ .kf)(app.ref.label, app.status, ctx.target, outcome), ...why };
    return {
        app: app.ref.label,
        revision: '',
        syncStatus: 'Unknown',
        healthStatus: 'Unknown',
        outcome,
        ...(app.lastProblem === '' ? {} : { message: app.lastProblem }),
        ...why
    };
}


/***/ }),

/***/ 5162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ PlainHttpCredentialError),
/* harmony export */   z: () => (/* binding */ HttpNetworkError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);
// What every stage sees of HTTP: the request and answer shapes, the client interface and its
// errors. Kept apart from the implementation (http.ts, which the composition root loads), so a
// stage's lazily loaded code does not carry its own copy of the proxying client.

/** No HTTP answer: connection refused or reset, DNS, TLS, proxy, timeout, or an oversized body. */
class HttpNetworkError extends Error {
    /** Node's error code, e.g. ECONNREFUSED or DEPTH_ZERO_SELF_SIGNED_CERT; EPROXY for a proxy's refusal. */
    code;
    /** The request ran out of time. */
    timedOut;
    /** The server's certificate was not trusted: retrying will not help. */
    tls;
    constructor(message, code, timedOut) {
        super(message);
        this.name = 'HttpNetworkError';
        this.code = code;
        this.timedOut = timedOut;
        this.tls = code !== undefined && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS/.test(code);
    }
}
/**
 * A request would have sent credentials unencrypted to a host that is not this machine. Nothing
 * was sent; retrying will not help.
 */
class PlainHttpCredentialError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
}


/***/ })

};
