export const id = 644;
export const ids = [644];
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

/***/ 5644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  notifyWebhook: () => (/* binding */ notifyWebhook)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/http-client.ts
var http_client = __webpack_require__(5162);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(8372);
// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __webpack_require__(6299);
// EXTERNAL MODULE: ./src/argocd/answer.ts
var answer = __webpack_require__(2683);
// EXTERNAL MODULE: ./src/argocd/repo-url.ts
var repo_url = __webpack_require__(1997);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(5645);
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
const ZERO_SHA = '0'.repeat(40);
/**
 * The push event for `commit`. Fields that only GitHub's API knows (numeric ids, visibility,
 * counters, creation dates, description, license, topics) are left out rather than invented:
 * Argo CD does not read them, and a wrong value could mislead another reader of the event.
 */
function buildPushPayload(commit, context) {
    const { htmlUrl } = context;
    const web = new URL(htmlUrl);
    const path = web.pathname.replace(/^\/|\/$/g, '');
    const name = path.slice(path.lastIndexOf('/') + 1);
    const login = path.slice(0, path.indexOf('/'));
    const created = commit.before === '' || /^0+$/.test(commit.before);
    const before = created ? ZERO_SHA : commit.before;
    const author = { name: commit.authorName, email: commit.authorEmail };
    // The action commits as the author unless the publish stage reports another committer
    // (GitHub's API commits are committed by GitHub).
    const committer = {
        name: commit.committerName ?? commit.authorName,
        email: commit.committerEmail ?? commit.authorEmail
    };
    const timestamp = commit.timestamp ?? context.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    // The file statuses are not known here; Argo CD joins added+modified+removed into one list, so
    // listing every path as modified selects exactly the same apps.
    const entry = {
        id: commit.after,
        ...(commit.treeId === undefined ? {} : { tree_id: commit.treeId }),
        distinct: true,
        message: commit.message,
        timestamp,
        url: `${htmlUrl}/commit/${commit.after}`,
        author,
        committer,
        added: [],
        modified: [...commit.files],
        removed: []
    };
    return {
        ref: `refs/heads/${commit.branch}`,
        before,
        after: commit.after,
        created,
        deleted: false,
        // The action pushes with compare-and-swap, never rewriting the branch.
        forced: false,
        base_ref: null,
        compare: created
            ? `${htmlUrl}/commit/${commit.after.slice(0, 12)}`
            : `${htmlUrl}/compare/${before.slice(0, 12)}...${commit.after.slice(0, 12)}`,
        commits: [entry],
        head_commit: entry,
        repository: {
            name,
            full_name: path,
            owner: owner(login, web, apiRoot(commit, web)),
            html_url: htmlUrl,
            ...repositoryUrls(path, web, apiRoot(commit, web)),
            // go-playground/webhooks decodes pushed_at as int64 Unix seconds, as GitHub sends it in push events.
            pushed_at: Math.floor(context.now.getTime() / 1000),
            default_branch: commit.defaultBranch,
            master_branch: commit.defaultBranch
        },
        pusher: author
    };
}
/** The exact bytes to sign and send: serialized once, never re-encoded afterwards. */
function serializePayload(payload) {
    return Buffer.from(JSON.stringify(payload), 'utf8');
}
// The REST root of the server hosting the repository: given by the caller for a GitHub server,
// known for github.com; undefined elsewhere (a GitLab or Gitea repository has no such URLs).
function apiRoot(commit, web) {
    if (commit.apiUrl !== undefined && commit.apiUrl !== '')
        return commit.apiUrl.replace(/\/+$/, '');
    return web.host === 'github.com' ? 'https://api.github.com' : undefined;
}
function owner(login, web, api) {
    const base = { login, name: login, html_url: `${web.origin}/${login}` };
    if (api === undefined)
        return base;
    const url = `${api}/users/${login}`;
    return {
        ...base,
        url,
        followers_url: `${url}/followers`,
        following_url: `${url}/following{/other_user}`,
        gists_url: `${url}/gists{/gist_id}`,
        starred_url: `${url}/starred{/owner}{/repo}`,
        subscriptions_url: `${url}/subscriptions`,
        organizations_url: `${url}/orgs`,
        repos_url: `${url}/repos`,
        events_url: `${url}/events{/privacy}`,
        received_events_url: `${url}/received_events`
    };
}
function repositoryUrls(path, web, api) {
    const clone = {
        git_url: `git://${web.host}/${path}.git`,
        ssh_url: `git@${web.hostname}:${path}.git`,
        clone_url: `${web.origin}/${path}.git`,
        svn_url: `${web.origin}/${path}`
    };
    if (api === undefined)
        return clone;
    const repo = `${api}/repos/${path}`;
    return {
        url: repo,
        forks_url: `${repo}/forks`,
        keys_url: `${repo}/keys{/key_id}`,
        collaborators_url: `${repo}/collaborators{/collaborator}`,
        teams_url: `${repo}/teams`,
        hooks_url: `${repo}/hooks`,
        issue_events_url: `${repo}/issues/events{/number}`,
        events_url: `${repo}/events`,
        assignees_url: `${repo}/assignees{/user}`,
        branches_url: `${repo}/branches{/branch}`,
        tags_url: `${repo}/tags`,
        blobs_url: `${repo}/git/blobs{/sha}`,
        git_tags_url: `${repo}/git/tags{/sha}`,
        git_refs_url: `${repo}/git/refs{/sha}`,
        trees_url: `${repo}/git/trees{/sha}`,
        statuses_url: `${repo}/statuses/{sha}`,
        languages_url: `${repo}/languages`,
        stargazers_url: `${repo}/stargazers`,
        contributors_url: `${repo}/contributors`,
        subscribers_url: `${repo}/subscribers`,
        subscription_url: `${repo}/subscription`,
        commits_url: `${repo}/commits{/sha}`,
        git_commits_url: `${repo}/git/commits{/sha}`,
        comments_url: `${repo}/comments{/number}`,
        issue_comment_url: `${repo}/issues/comments{/number}`,
        contents_url: `${repo}/contents/{+path}`,
        compare_url: `${repo}/compare/{base}...{head}`,
        merges_url: `${repo}/merges`,
        archive_url: `${repo}/{archive_format}{/ref}`,
        downloads_url: `${repo}/downloads`,
        issues_url: `${repo}/issues{/number}`,
        pulls_url: `${repo}/pulls{/number}`,
        milestones_url: `${repo}/milestones{/number}`,
        notifications_url: `${repo}/notifications{?since,all,participating}`,
        labels_url: `${repo}/labels{/name}`,
        releases_url: `${repo}/releases{/id}`,
        deployments_url: `${repo}/deployments`,
        ...clone
    };
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
    const shown = (0,redact/* redactUrl */.B)(endpoint);
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
    const now = deps.date?.() ?? new Date();
    const body = serializePayload(buildPushPayload(commit, { htmlUrl, now }));
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
            response = await http.request({
                method: 'POST',
                url: endpoint,
                headers,
                body,
                timeoutMs,
                // `user:password` in the URL over plain http to another host: only with argocd-insecure.
                allowPlainHttpCredentials: options.insecure
            });
        }
        catch (error) {
            // Refused before sending: the same URL is refused again.
            if (error instanceof http_client/* PlainHttpCredentialError */.K) {
                return { done: true, value: notDelivered(error.message, n) };
            }
            // An untrusted certificate stays untrusted; everything else on the network may pass.
            if (error instanceof http_client/* HttpNetworkError */.z && error.tls) {
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

/***/ 8372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ retry)
/* harmony export */ });
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
