export const id = 840;
export const ids = [840];
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


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  waitForGate: () => (/* binding */ waitForGate)
});

// EXTERNAL MODULE: ./src/argocd/app-status.ts
var app_status = __webpack_require__(8917);
// EXTERNAL MODULE: ./src/argocd/argocd-api.ts
var argocd_api = __webpack_require__(1314);
// EXTERNAL MODULE: ./src/argocd/wait-state.ts
var wait_state = __webpack_require__(7224);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __webpack_require__(6299);
;// CONCATENATED MODULE: ./src/promote/gate-verdict.ts


const FAILED_PHASES = new Set(['Failed', 'Error']);
/**
 * Judges one observation of a source app. `holds` answers, for the commit SHAs the app reports
 * (lower case), whether the source files at that commit hold the candidate (false, or absent,
 * for a commit that is not the branch tip or an ancestor of it). A last sync that ended Failed
 * or Error, or Degraded health once no operation runs, fails; Synced and Healthy with the
 * operation finished and succeeded at a revision that holds the candidate passes; anything
 * else is pending (and says why).
 */
function evaluateGateApp(status, holds) {
    const op = status.operation;
    const running = (0,wait_state/* operationRunning */.tY)(status);
    const at = status.revision !== ''
        ? (0,lib_text/* shortSha */.Fu)(status.revision)
        : status.revisions.map(lib_text/* shortSha */.Fu).join(', ') || 'no revision';
    if (op &&
        FAILED_PHASES.has(op.phase) &&
        op.finishedAt !== undefined &&
        !status.operationRequested) {
        return { kind: 'fail', reason: `its last sync ended ${op.phase}${(0,lib_text/* suffix */.ei)(op.message)}` };
    }
    if (running) {
        return { kind: 'pending', reason: `at ${at}, an operation is running` };
    }
    if (status.healthStatus === 'Degraded') {
        return { kind: 'fail', reason: `it is Degraded at ${at}${(0,lib_text/* suffix */.ei)(status.healthMessage)}` };
    }
    if (status.syncStatus !== 'Synced' || status.healthStatus !== 'Healthy') {
        return { kind: 'pending', reason: `at ${at}: ${status.syncStatus}, ${status.healthStatus}` };
    }
    if (op !== undefined && op.phase !== 'Succeeded') {
        return { kind: 'pending', reason: `at ${at}, its last operation is ${op.phase || 'pending'}` };
    }
    const revision = (0,wait_state/* reportedShas */.vn)(status).find((sha) => holds.get(sha.toLowerCase()) === true);
    if (revision === undefined) {
        return {
            kind: 'pending',
            reason: `Synced and Healthy at ${at}, which does not hold the candidate (or is not on the source branch)`
        };
    }
    return { kind: 'pass', revision };
}
/**
 * The gate over every source app: `fail` when one fails, `pending` while one is pending, else
 * `pass` at the first app's revision (the `source-revision` output).
 */
function evaluateGate(verdicts) {
    const failed = verdicts.find((v) => v.verdict.kind === 'fail');
    if (failed?.verdict.kind === 'fail') {
        return { kind: 'fail', reason: `${failed.app}: ${failed.verdict.reason}` };
    }
    const pending = verdicts.filter((v) => v.verdict.kind === 'pending');
    if (pending.length > 0) {
        return {
            kind: 'pending',
            reason: pending
                .map((v) => `${v.app}: ${v.verdict.kind === 'pending' ? v.verdict.reason : ''}`)
                .join('; ')
        };
    }
    const [first] = verdicts;
    if (first?.verdict.kind !== 'pass')
        return { kind: 'pending', reason: 'no app to look at' };
    return { kind: 'pass', revision: first.verdict.revision };
}
/**
 * True when the app finished its last operation at least `settleMs` before `nowMs` and Argo CD
 * reconciled it after that (so its Synced and Healthy are not a leftover of before the sync).
 */
function settledApp(status, nowMs, settleMs) {
    const finished = Date.parse(status.operation?.finishedAt ?? '');
    const reconciled = Date.parse(status.reconciledAt ?? '');
    if (Number.isNaN(finished) || Number.isNaN(reconciled))
        return false;
    return reconciled >= finished && nowMs - finished >= settleMs;
}

;// CONCATENATED MODULE: ./src/promote/gate.ts






const DEFAULT_POLL_MS = 5000;
const DEFAULT_SETTLE_MS = 5000;
const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Waits, up to `timeoutSeconds`, until every app of the source environment is Synced and
 * Healthy, its last operation finished, at a revision whose files hold the candidate; two
 * rounds in a row must agree (an app can flip right after a sync), unless every app has been
 * settled for `settleMs` already (see GateDeps.nowMs). Reads with the Argo CD
 * client of src/argocd (a refresh first, then plain GETs); an unavailable API is waited out.
 * Throws ArgoCdError naming the environment and the app at once for a failed sync or Degraded
 * health, and on timeout with every app's last state; 401/403/404 as the client raises them.
 */
async function waitForGate(options, deps) {
    const api = 'api' in deps
        ? deps.api
        : (0,argocd_api/* createArgoCdApi */.T)({ server: options.server, token: options.token, insecure: options.insecure }, deps.http);
    const refs = options.apps;
    const deadline = deps.clock.now() + options.timeoutSeconds * 1000;
    const holds = new Map();
    const lastLine = new Map();
    const applications = new Map();
    const statuses = new Map();
    const settled = () => {
        const now = deps.nowMs?.();
        if (now === undefined)
            return false;
        return refs.every((ref) => {
            const status = statuses.get(ref.label);
            return status !== undefined && settledApp(status, now, deps.settleMs ?? DEFAULT_SETTLE_MS);
        });
    };
    let passedAt;
    let refresh = true;
    for (;;) {
        const verdicts = [];
        for (const ref of refs) {
            verdicts.push({ app: ref.label, verdict: await observe(ref) });
        }
        refresh = false;
        const gate = evaluateGate(verdicts);
        if (gate.kind === 'fail') {
            throw new errors/* ArgoCdError */.rA(`Environment '${options.environment}' is not fit to promote from: Argo CD app ${gate.reason}. Nothing is promoted.`, { input: 'argocd-app' });
        }
        if (gate.kind === 'pass') {
            const key = verdicts.map((v) => (v.verdict.kind === 'pass' ? v.verdict.revision : '')).join();
            if (passedAt === key || settled()) {
                deps.logger.info(`Environment '${options.environment}' runs the candidate: every app Synced and Healthy at ${(0,lib_text/* shortSha */.Fu)(gate.revision)}.`);
                return {
                    revision: gate.revision,
                    applications: refs.map((ref) => ({
                        app: ref.label,
                        application: applications.get(ref.label)
                    }))
                };
            }
            passedAt = key;
        }
        else {
            passedAt = undefined;
        }
        const now = deps.clock.now();
        if (now >= deadline) {
            throw new errors/* ArgoCdError */.rA(`Environment '${options.environment}' did not run the candidate within ${options.timeoutSeconds} s ` +
                `(${gate.kind === 'pending' ? gate.reason : 'not confirmed twice'}). Nothing is promoted.`, { input: 'argocd-timeout' });
        }
        await deps.clock.sleep(Math.min(deps.pollMs ?? DEFAULT_POLL_MS, deadline - now));
    }
    async function observe(ref) {
        let application;
        try {
            const timeoutMs = Math.max(1000, Math.min(REQUEST_TIMEOUT_MS, deadline - deps.clock.now()));
            application = await api.getApp(ref, { refresh, timeoutMs });
        }
        catch (error) {
            if (!(error instanceof argocd_api/* ArgoCdUnavailableError */.N))
                throw error;
            return say(ref, { kind: 'pending', reason: `Argo CD unavailable (${error.message})` });
        }
        applications.set(ref.label, application);
        const status = (0,app_status/* readAppStatus */.q)(application);
        statuses.set(ref.label, status);
        for (const sha of (0,wait_state/* reportedShas */.vn)(status)) {
            const key = sha.toLowerCase();
            if (holds.has(key))
                continue;
            holds.set(key, await ask(sha));
        }
        return say(ref, evaluateGateApp(status, holds));
    }
    async function ask(revision) {
        try {
            return await deps.holdsCandidate(revision);
        }
        catch (error) {
            deps.logger.info(`Could not read the source files at ${(0,lib_text/* shortSha */.Fu)(revision)} (${(0,errors/* errorMessage */.gJ)(error)}); it does not count.`);
            return false;
        }
    }
    function say(ref, verdict) {
        const line = verdict.kind === 'pass'
            ? `Synced and Healthy at ${(0,lib_text/* shortSha */.Fu)(verdict.revision)}, which holds the candidate`
            : verdict.reason;
        if (lastLine.get(ref.label) !== line)
            deps.logger.info(`${options.environment}/${ref.label}: ${line}`);
        lastLine.set(ref.label, line);
        return verdict;
    }
}


/***/ })

};
