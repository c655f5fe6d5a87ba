export const id = 840;
export const ids = [840];
export const modules = {

/***/ 5840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  waitForGate: () => (/* binding */ waitForGate)
});

// EXTERNAL MODULE: ./src/argocd/app-ref.ts
var app_ref = __webpack_require__(5114);
// EXTERNAL MODULE: ./src/argocd/app-status.ts
var app_status = __webpack_require__(8917);
// EXTERNAL MODULE: ./src/argocd/argocd-api.ts
var argocd_api = __webpack_require__(1314);
// EXTERNAL MODULE: ./src/argocd/wait-state.ts
var wait_state = __webpack_require__(7224);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/http.ts + 2 modules
var http = __webpack_require__(5068);
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
    const api = deps.api ??
        (0,argocd_api/* createArgoCdApi */.T)({ server: options.server, token: options.token, insecure: options.insecure }, deps.http ?? (0,http.createHttpClient)({ insecure: options.insecure }));
    const refs = options.apps.map((app) => (0,app_ref/* parseAppRef */.W)(app));
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
