export const id = 680;
export const ids = [680];
export const modules = {

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


/***/ })

};
