export const id = 644;
export const ids = [644,80];
export const modules = {

/***/ 2683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ describeBody),
/* harmony export */   _: () => (/* binding */ redirectHint)
/* harmony export */ });
/* harmony import */ var _lib_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6299);
/* harmony import */ var _repo_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1997);


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
    const where = location === '' ? '' : ` to ${(0,_repo_url_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .B)(location)}`;
    return `; it redirects${where}, which is not followed: set ${input} to the final URL`;
}


/***/ }),

/***/ 5644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  notifyWebhook: () => (/* binding */ notifyWebhook)
});

// UNUSED EXPORTS: WEBHOOK_RETRY

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(4231);
// EXTERNAL MODULE: ./src/lib/http.ts
var lib_http = __webpack_require__(5080);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(8372);
// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __webpack_require__(6299);
// EXTERNAL MODULE: ./src/argocd/answer.ts
var answer = __webpack_require__(2683);
// EXTERNAL MODULE: ./src/argocd/repo-url.ts
var repo_url = __webpack_require__(1997);
;// CONCATENATED MODULE: ./src/argocd/signature.ts

/**
 * Signs `body` (the exact bytes sent) with `secret`, trimmed of surrounding whitespace as the
 * input is; lowercase hex, as Argo CD compares bytes.
 */
function signBody(body, secret) {
    const key = Buffer.from(secret.trim(), 'utf8');
    const hex = (algorithm) => (0,external_node_crypto_.createHmac)(algorithm, key).update(body).digest('hex');
    return {
        'X-Hub-Signature-256': `sha256=${hex('sha256')}`,
        'X-Hub-Signature': `sha1=${hex('sha1')}`
    };
}

;// CONCATENATED MODULE: ./src/argocd/webhook-payload.ts
const ZERO_SHA = /^0+$/;
/**
 * The push event for `commit`, with `repository.html_url` = `htmlUrl` (already normalized).
 * Only string, array and object fields: Argo CD decodes into typed Go structs and rejects a whole
 * event for one wrongly typed field (e.g. a date string in `created_at`), so no timestamps or ids.
 */
function buildPushPayload(commit, htmlUrl) {
    const path = new URL(htmlUrl).pathname.replace(/^\//, '');
    const name = path.slice(path.lastIndexOf('/') + 1);
    // The file statuses are not known here; Argo CD joins added+modified+removed into one list, so
    // listing every path as modified selects exactly the same apps.
    const entry = {
        id: commit.after,
        message: commit.message,
        author: { name: commit.authorName, email: commit.authorEmail },
        added: [],
        modified: [...commit.files],
        removed: []
    };
    // Without a real `before`, Argo CD must not move cached manifests from it: its webhook handler moves them from `before` to `after`.
    const before = commit.before === '' || ZERO_SHA.test(commit.before) ? {} : { before: commit.before };
    return {
        ref: `refs/heads/${commit.branch}`,
        ...before,
        after: commit.after,
        repository: {
            name,
            full_name: path,
            html_url: htmlUrl,
            default_branch: commit.defaultBranch
        },
        pusher: { name: commit.authorName, email: commit.authorEmail },
        commits: [entry],
        head_commit: entry
    };
}
/** The exact bytes to sign and send: serialized once, never re-encoded afterwards. */
function serializePayload(payload) {
    return Buffer.from(JSON.stringify(payload), 'utf8');
}

;// CONCATENATED MODULE: ./src/argocd/webhook.ts









/** Webhook delivery: up to 5 attempts within 30 s (1 s, 2 s, 4 s, 8 s apart). */
const WEBHOOK_RETRY = {
    attempts: 5,
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    totalMs: 30_000,
    jitter: 'none'
};
const POLL_NOTE = 'Argo CD will still notice the commit at its next poll (every 3 minutes by default).';
/**
 * Sends the GitHub `push` event for `options.commit` to `argocd-webhook-url`, signed with the
 * secret. Retries network errors and 5xx with bounded back-off; a 4xx is final. Never throws for
 * a delivery problem: it warns (Argo CD still polls) and says why in the result. May be called
 * again in the same run for another commit (a rollback commit).
 */
async function notifyWebhook(options, deps) {
    const { commit } = options;
    const { logger } = deps;
    const endpoint = options.url;
    const shown = (0,repo_url/* redactUrl */.B)(endpoint);
    const notDelivered = (reason, attempts, status) => {
        logger.warning(`Argo CD webhook not delivered to ${shown}: ${reason}. ${POLL_NOTE}`);
        return {
            delivered: false,
            attempts,
            url: shown,
            reason,
            ...(status === undefined ? {} : { status })
        };
    };
    let htmlUrl;
    try {
        htmlUrl = options.repoUrl ?? (0,repo_url/* normalizeRepoUrl */.H)(commit.repoUrl, 'repository');
    }
    catch (error) {
        return notDelivered((0,errors/* errorMessage */.gJ)(error), 0);
    }
    const body = serializePayload(buildPushPayload(commit, htmlUrl));
    const secret = options.secret ?? '';
    const headers = {
        'Content-Type': 'application/json',
        'X-GitHub-Event': 'push',
        'X-GitHub-Delivery': (deps.deliveryId ?? external_node_crypto_.randomUUID)(),
        'User-Agent': 'gitops-release',
        ...(secret === '' ? {} : signBody(body, secret))
    };
    logger.info(`Notifying Argo CD: push event for ${htmlUrl} branch ${commit.branch} at ${(0,lib_text/* shortSha */.Fu)(commit.after)} ` +
        `(${commit.files.length} changed file${commit.files.length === 1 ? '' : 's'}, ${body.length} bytes, ` +
        `${secret === '' ? 'unsigned' : 'signed'}) to ${shown}`);
    const { http } = deps;
    const timeoutMs = deps.requestTimeoutMs ?? 10_000;
    // The status of the last answer, for the result when the retries run out.
    let lastStatus;
    const attempt = async (n) => {
        let response;
        try {
            response = await http.request({ method: 'POST', url: endpoint, headers, body, timeoutMs });
        }
        catch (error) {
            // An untrusted certificate stays untrusted; everything else on the network may pass.
            if (error instanceof lib_http.HttpNetworkError && error.tls) {
                const reason = `${error.message} (set argocd-insecure: true for a self-signed certificate)`;
                return { done: true, value: notDelivered(reason, n) };
            }
            lastStatus = undefined;
            return { done: false, reason: (0,errors/* errorMessage */.gJ)(error) };
        }
        lastStatus = response.status;
        const verdict = judge(response, secret !== '');
        if (verdict.delivered) {
            logger.info(`Argo CD accepted the push event (HTTP ${response.status}, attempt ${n})`);
            const value = {
                delivered: true,
                status: response.status,
                attempts: n,
                url: shown,
                reason: verdict.reason
            };
            return { done: true, value };
        }
        if (!verdict.retryable) {
            return { done: true, value: notDelivered(verdict.reason, n, response.status) };
        }
        return { done: false, reason: verdict.reason };
    };
    const outcome = await (0,retry/* retry */.L)(deps.retry ?? WEBHOOK_RETRY, deps.clock, attempt, (n, reason, delayMs) => {
        logger.info(`Argo CD webhook attempt ${n} failed (${reason}); retrying in ${Math.round(delayMs / 100) / 10} s`);
    });
    return outcome.ok ? outcome.value : notDelivered(outcome.reason, outcome.attempts, lastStatus);
}
function judge(response, signed) {
    const { status } = response;
    const detail = `HTTP ${status}${(0,answer/* describeBody */.M)(response)}`;
    if (status >= 200 && status < 300) {
        // Argo CD's handler answers an empty 200; an HTML page is the web UI behind a wrong path.
        const html = /text\/html/i.test(response.headers['content-type'] ?? '') || /^\s*</.test(response.body);
        if (html) {
            return {
                delivered: false,
                retryable: false,
                reason: `HTTP ${status} with an HTML page: that is Argo CD's web UI, not its webhook; the URL should end in /api/webhook`
            };
        }
        return { delivered: true, retryable: false, reason: `accepted (HTTP ${status})` };
    }
    if (status >= 500 || status === 429 || status === 408)
        return { delivered: false, retryable: true, reason: detail };
    let hint = '';
    if (status === 400) {
        hint = signed
            ? '; Argo CD answers 400 when the signature does not verify: argocd-webhook-secret must equal ' +
                'webhook.github.secret in argocd-secret byte for byte (a stored trailing newline is a common cause)'
            : '; if Argo CD has webhook.github.secret set, set argocd-webhook-secret to it';
    }
    else if (status >= 300 && status < 400) {
        hint = (0,answer/* redirectHint */._)(response, 'argocd-webhook-url');
    }
    else if (status === 404) {
        hint = '; the URL should be https://ARGOCD/api/webhook (with the --rootpath, if any)';
    }
    return { delivered: false, retryable: false, reason: `${detail}${hint}` };
}


/***/ }),

/***/ 5080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_MAX_BODY_BYTES: () => (/* binding */ DEFAULT_MAX_BODY_BYTES),
/* harmony export */   HttpNetworkError: () => (/* binding */ HttpNetworkError),
/* harmony export */   createHttpClient: () => (/* binding */ createHttpClient)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66);



/** No HTTP answer: connection refused or reset, DNS, TLS, proxy, timeout, or an oversized body. */
class HttpNetworkError extends Error {
    /** Node's error code, e.g. ECONNREFUSED or DEPTH_ZERO_SELF_SIGNED_CERT. */
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
/** Default cap on a response body, so no server can make the action hold unbounded memory. */
const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * An HttpClient on Node's http/https. Agents come from `@actions/http-client`, which picks a
 * proxy tunnel from the runner's proxy variables (and `NO_PROXY`) the way the toolkit does for
 * every action; each client has its own agents, so `insecure` affects nothing else.
 */
function createHttpClient(options = {}) {
    const insecure = options.insecure === true;
    const direct = {
        https: new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ keepAlive: false, rejectUnauthorized: !insecure }),
        http: new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: false })
    };
    const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    return {
        request: (request) => {
            const url = new URL(request.url);
            const secure = url.protocol === 'https:';
            // A fresh toolkit client per proxied request: it caches one tunnel agent whatever the
            // target's scheme, and the tunnel for https differs from the one for http.
            const agent = (0,_actions_http_client__WEBPACK_IMPORTED_MODULE_2__.getProxyUrl)(request.url) !== ''
                ? new _actions_http_client__WEBPACK_IMPORTED_MODULE_2__.HttpClient('gitops-release', [], {
                    ignoreSslError: insecure,
                    keepAlive: false,
                    allowRedirects: false
                }).getAgent(request.url)
                : secure
                    ? direct.https
                    : direct.http;
            return send(request, url, agent, maxBody);
        }
    };
}
function send(request, url, agent, maxBody) {
    return new Promise((resolve, reject) => {
        const module = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__ : node_http__WEBPACK_IMPORTED_MODULE_0__;
        const headers = { ...request.headers };
        const body = request.body === undefined ? undefined : Buffer.from(request.body);
        if (body !== undefined)
            headers['Content-Length'] = String(body.length);
        let settled = false;
        const fail = (error, timedOut = false) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            const text = timedOut
                ? `no answer within ${Math.round(request.timeoutMs / 1000)} s`
                : error.message;
            reject(new HttpNetworkError(text, timedOut ? 'ETIMEDOUT' : error.code, timedOut));
        };
        const req = module.request(url, { method: request.method, headers, agent }, (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > maxBody) {
                    req.destroy();
                    fail(new Error(`response larger than ${maxBody} bytes`));
                    return;
                }
                chunks.push(chunk);
            });
            res.on('error', fail);
            res.on('end', () => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                const responseHeaders = {};
                for (const [name, value] of Object.entries(res.headers)) {
                    responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
                }
                resolve({
                    status: res.statusCode ?? 0,
                    headers: responseHeaders,
                    body: Buffer.concat(chunks).toString('utf8')
                });
            });
        });
        // One deadline for the whole exchange, unlike socket idle timeouts: a server that drips
        // bytes cannot keep the step alive.
        const timer = setTimeout(() => {
            fail(new Error('timeout'), true);
            req.destroy();
        }, request.timeoutMs);
        req.on('error', (error) => {
            fail(error);
        });
        req.end(body);
    });
}


/***/ }),

/***/ 8372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ retry)
/* harmony export */ });
/* unused harmony export nextDelay */
/**
 * The delay before attempt `attempt + 1` (attempt counts from 1), or undefined when the policy
 * says stop: attempts used up, or the next attempt would start after the total budget.
 */
function nextDelay(policy, attempt, elapsedMs, random) {
    if (attempt >= policy.attempts)
        return undefined;
    const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    const wait = policy.jitter === 'full' ? Math.round(random() * window) : window;
    return elapsedMs + wait > policy.totalMs ? undefined : wait;
}
/**
 * Runs `attempt` until it is done or the policy says stop. An outcome may ask for a delay of its
 * own (a server's `Retry-After`), which is honoured if it fits in the total budget. Errors thrown
 * by `attempt` are final and propagate.
 */
async function retry(policy, clock, attempt, onRetry) {
    const started = clock.now();
    for (let n = 1;; n++) {
        const outcome = await attempt(n);
        if (outcome.done)
            return { ok: true, value: outcome.value };
        const elapsed = clock.now() - started;
        let delay = nextDelay(policy, n, elapsed, () => clock.random());
        if (delay !== undefined && outcome.delayMs !== undefined) {
            delay = elapsed + outcome.delayMs > policy.totalMs ? undefined : outcome.delayMs;
        }
        if (delay === undefined)
            return { ok: false, attempts: n, reason: outcome.reason };
        onRetry?.(n, outcome.reason, delay);
        await clock.sleep(delay);
    }
}


/***/ })

};
