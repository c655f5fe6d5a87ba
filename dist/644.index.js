export const id = 644;
export const ids = [644,68];
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
// EXTERNAL MODULE: ./src/lib/http.ts + 2 modules
var lib_http = __webpack_require__(5068);
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
            if (error instanceof lib_http.PlainHttpCredentialError) {
                return { done: true, value: notDelivered(error.message, n) };
            }
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

/***/ 5068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HttpNetworkError: () => (/* binding */ HttpNetworkError),
  PlainHttpCredentialError: () => (/* binding */ PlainHttpCredentialError),
  createHttpClient: () => (/* binding */ createHttpClient)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/loopback.ts
var loopback = __webpack_require__(9481);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/lib/proxy-env.ts


/**
 * The route to `target` by the proxy variables, read as curl and git read them: `https_proxy`
 * or `HTTPS_PROXY` for https URLs, `http_proxy` or `HTTP_PROXY` for http URLs (the lower-case
 * name first; an empty value is unset), unless `no_proxy`/`NO_PROXY` exempts the host (see
 * noProxyMatches). A loopback target (see isLoopbackHost) is always reached directly: a proxy
 * elsewhere would reach its own machine. A proxy without a scheme is `http://`.
 */
function proxyRoute(target, env) {
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
        return { kind: 'direct' };
    if ((0,loopback/* isLoopbackHost */.c)(target.hostname))
        return { kind: 'direct' };
    const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
    const variable = names.find((name) => (env[name] ?? '').trim() !== '');
    if (variable === undefined)
        return { kind: 'direct' };
    const noProxy = [env.no_proxy, env.NO_PROXY].find((value) => (value ?? '').trim() !== '') ?? '';
    if (noProxyMatches(target, noProxy))
        return { kind: 'direct' };
    const value = (env[variable] ?? '').trim();
    let proxy;
    try {
        proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    }
    catch {
        return { kind: 'invalid', variable, reason: `${variable} is not a URL` };
    }
    if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
        return {
            kind: 'invalid',
            variable,
            reason: `${variable} names a ${proxy.protocol.replace(/:$/, '')} proxy; only http:// and https:// proxies are supported`
        };
    }
    if (proxy.hostname === '')
        return { kind: 'invalid', variable, reason: `${variable} has no host` };
    return { kind: 'proxy', proxy, variable };
}
/**
 * True when a `NO_PROXY` list exempts `target`. Entries are separated by commas or white space
 * and compared without case: `*` matches every host; `example.com`, `.example.com` and
 * `*.example.com` each match example.com and every name under it; an IP address matches itself
 * and `10.0.0.0/8` (CIDR) the addresses in it; `[::1]` or `::1` an IPv6 address; any entry may end
 * in `:PORT` to match that port only (the URL's port, or 80/443 by its scheme).
 */
function noProxyMatches(target, noProxy) {
    const host = target.hostname
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '')
        .toLowerCase();
    const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    for (const raw of noProxy.split(/[\s,]+/)) {
        const entry = raw.trim().toLowerCase();
        if (entry === '')
            continue;
        if (entry === '*')
            return true;
        const parsed = splitPort(entry);
        if (parsed === undefined)
            continue;
        if (parsed.port !== undefined && parsed.port !== port)
            continue;
        if (hostMatches(host, parsed.name))
            return true;
    }
    return false;
}
// `name` and the port of an entry; an IPv6 address has colons of its own, so it takes a port
// only inside brackets.
function splitPort(entry) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed !== null) {
        const [, name = '', port] = bracketed;
        return port === undefined ? { name } : { name, port: Number(port) };
    }
    const colons = entry.split(':').length - 1;
    if (colons !== 1)
        return { name: entry };
    const withPort = /^(.+):(\d+)$/.exec(entry);
    if (withPort === null)
        return undefined;
    return { name: withPort[1] ?? '', port: Number(withPort[2]) };
}
function hostMatches(host, entry) {
    const hostIp = (0,external_node_net_.isIP)(host);
    const slash = entry.indexOf('/');
    if (slash !== -1) {
        const network = entry.slice(0, slash);
        const prefix = Number(entry.slice(slash + 1));
        const family = (0,external_node_net_.isIP)(network);
        if (family === 0 || hostIp !== family || !Number.isInteger(prefix))
            return false;
        const type = family === 4 ? 'ipv4' : 'ipv6';
        if (prefix < 0 || prefix > (family === 4 ? 32 : 128))
            return false;
        const list = new external_node_net_.BlockList();
        list.addSubnet(network, prefix, type);
        return list.check(host, type);
    }
    const entryIp = (0,external_node_net_.isIP)(entry);
    if (entryIp !== 0) {
        if (hostIp !== entryIp)
            return false;
        // Compared as addresses: IPv6 has many spellings of one address.
        const type = entryIp === 4 ? 'ipv4' : 'ipv6';
        const list = new external_node_net_.BlockList();
        list.addAddress(entry, type);
        return list.check(host, type);
    }
    // A name suffix says nothing about an address.
    const name = entry.replace(/^\*?\./, '').replace(/\.$/, '');
    if (name === '' || hostIp !== 0)
        return false;
    return host === name || host.endsWith(`.${name}`);
}

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/lib/proxy-tunnel.ts




/** A proxy refused or broke the tunnel; `code` is `EPROXY`. */
class ProxyTunnelError extends Error {
    code = 'EPROXY';
    constructor(message) {
        super(message);
        this.name = 'ProxyTunnelError';
    }
}
/** A proxy URL for messages: `host:port`, never its credentials. */
function shownProxy(proxy) {
    return `${proxy.hostname}:${proxyPort(proxy)}`;
}
/** The proxy's port: the URL's, else 80 (443 for an `https://` proxy). */
function proxyPort(proxy) {
    return Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80));
}
/** `Proxy-Authorization: Basic …` for a proxy URL with `user:password`, else nothing. */
function proxyAuthorization(proxy) {
    if (proxy.username === '' && proxy.password === '')
        return {};
    const pair = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    return { 'Proxy-Authorization': `Basic ${Buffer.from(pair).toString('base64')}` };
}
/** A host as the socket APIs want it: an IPv6 address without its URL brackets. */
function bareHost(hostname) {
    return hostname.replace(/^\[|\]$/g, '');
}
/**
 * Asks `proxy` for a `CONNECT` tunnel to the https `target` and starts TLS to the target through
 * it. `rejectUnauthorized` is the target's (argocd-insecure); an `https://` proxy's own
 * certificate is always verified. Every socket opened is handed to `track` the moment it exists,
 * so the caller's deadline can destroy it whatever state the exchange is in (a proxy that
 * accepts and never answers the CONNECT included).
 */
function openTunnel(proxy, target, rejectUnauthorized, track) {
    const authority = `${target.hostname}:${target.port || '443'}`;
    const module = proxy.protocol === 'https:' ? external_node_https_ : external_node_http_;
    return new Promise((resolve, reject) => {
        const connect = module.request({
            host: bareHost(proxy.hostname),
            port: proxyPort(proxy),
            method: 'CONNECT',
            path: authority,
            headers: { Host: authority, ...proxyAuthorization(proxy) },
            agent: false
        });
        connect.on('socket', track);
        // `on`, not `once`: a request destroyed at the deadline may report more than one error.
        connect.on('error', reject);
        // Node hands every answer to a CONNECT, whatever its status, to this listener.
        connect.once('connect', (answer, socket, head) => {
            if (answer.statusCode !== 200) {
                socket.destroy();
                reject(new ProxyTunnelError(`proxy ${shownProxy(proxy)} refused CONNECT ${authority}: HTTP ${answer.statusCode ?? 0} ${answer.statusMessage ?? ''}`.trimEnd()));
                return;
            }
            if (head.length > 0)
                socket.unshift(head);
            const host = bareHost(target.hostname);
            const secure = external_node_tls_.connect({
                socket,
                host,
                // SNI carries names only, never an address.
                ...((0,external_node_net_.isIP)(host) === 0 ? { servername: host } : {}),
                rejectUnauthorized,
                ALPNProtocols: ['http/1.1']
            });
            track(secure);
            socket.on('error', (error) => secure.destroy(error));
            resolve(secure);
        });
        connect.end();
    });
}

;// CONCATENATED MODULE: ./src/lib/http.ts






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
class PlainHttpCredentialError extends errors/* ActionError */.lZ {
}
/** Default cap on a response body, so no server can make the action hold unbounded memory. */
const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * An HttpClient on Node's http/https. Through a proxy, plain http goes in absolute-URI form
 * (`POST http://host/path` to the proxy) and https through a `CONNECT` tunnel, as curl does.
 * No connection is kept alive or pooled: at its deadline every socket of a request is destroyed,
 * the proxy's included, so nothing is left to hold the process open.
 */
function createHttpClient(options = {}) {
    const settings = {
        env: options.env ?? {},
        rejectUnauthorized: options.insecure !== true,
        maxBody: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
    };
    return {
        request: async (request) => {
            const target = parseTarget(request.url);
            refuseExposedCredentials(request, target);
            return send(request, target, settings);
        }
    };
}
function parseTarget(url) {
    let target;
    try {
        target = new URL(url);
    }
    catch {
        throw new HttpNetworkError('not a valid URL', 'ERR_INVALID_URL', false);
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw new HttpNetworkError(`${target.protocol} URLs are not supported (only http and https)`, 'ERR_INVALID_PROTOCOL', false);
    }
    return target;
}
// The one place the transport of credentials is checked, for every caller alike.
function refuseExposedCredentials(request, target) {
    if (target.protocol !== 'http:' || request.allowPlainHttpCredentials === true)
        return;
    if ((0,loopback/* isLoopbackHost */.c)(target.hostname))
        return;
    const names = Object.keys(request.headers).map((name) => name.toLowerCase());
    const carried = [
        ...(names.includes('authorization') ? ['an Authorization header'] : []),
        ...(names.includes('cookie') ? ['a cookie'] : []),
        ...(target.username !== '' || target.password !== '' ? ['credentials in the URL'] : [])
    ];
    if (carried.length === 0)
        return;
    throw new PlainHttpCredentialError(`refused to send ${carried.join(' and ')} over plain http to ${target.host}, which is not ` +
        'this machine: use https (plain http is allowed to localhost, 127.0.0.0/8 and [::1] only)');
}
// The headers of the request itself: a body's length, and Basic credentials written in the URL
// (as Node would send them for a URL, here explicit because the request line may be a proxy's).
function targetHeaders(request, target, body) {
    const headers = { ...request.headers };
    if (body !== undefined)
        headers['Content-Length'] = String(body.length);
    const hasAuthorization = Object.keys(headers).some((n) => n.toLowerCase() === 'authorization');
    if (!hasAuthorization && (target.username !== '' || target.password !== '')) {
        const pair = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
        headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    }
    return headers;
}
function send(request, target, settings) {
    const route = proxyRoute(target, settings.env);
    if (route.kind === 'invalid') {
        return Promise.reject(new HttpNetworkError(`proxy setting: ${route.reason}`, 'EPROXY', false));
    }
    const proxy = route.kind === 'proxy' ? route.proxy : undefined;
    const via = proxy === undefined ? '' : ` (through proxy ${shownProxy(proxy)})`;
    return new Promise((resolve, reject) => {
        const body = request.body === undefined ? undefined : Buffer.from(request.body);
        const headers = targetHeaders(request, target, body);
        const path = `${target.pathname}${target.search}`;
        // Every socket this exchange opens, so the end of the exchange, in success or failure,
        // leaves none behind: one left open would keep the process alive after its work is done.
        const sockets = new Set();
        const track = (socket) => {
            sockets.add(socket);
            if (settled)
                socket.destroy();
        };
        let current;
        let settled = false;
        const finish = () => {
            settled = true;
            clearTimeout(timer);
            current?.destroy();
            for (const socket of sockets)
                socket.destroy();
        };
        const fail = (error, timedOut = false) => {
            if (settled)
                return;
            finish();
            const text = timedOut
                ? `no answer within ${Math.round(request.timeoutMs / 1000)} s${via}`
                : `${error.message}${via}`;
            reject(new HttpNetworkError(text, timedOut ? 'ETIMEDOUT' : error.code, timedOut));
        };
        // One deadline for the whole exchange, unlike socket idle timeouts: a server or proxy that
        // accepts and never answers, or drips bytes, cannot keep the step alive.
        const timer = setTimeout(() => {
            fail(new Error('timeout'), true);
        }, request.timeoutMs);
        const onResponse = (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > settings.maxBody) {
                    fail(new Error(`response larger than ${settings.maxBody} bytes`));
                    return;
                }
                chunks.push(chunk);
            });
            res.on('error', fail);
            res.on('end', () => {
                if (settled)
                    return;
                finish();
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
        };
        const start = (req) => {
            current = req;
            req.on('socket', track);
            req.on('response', onResponse);
            req.on('error', fail);
            req.end(body);
        };
        const host = bareHost(target.hostname);
        const port = target.port === '' ? undefined : Number(target.port);
        const base = { method: request.method, agent: false };
        if (proxy === undefined) {
            const module = target.protocol === 'https:' ? external_node_https_ : external_node_http_;
            start(module.request({
                ...base,
                host,
                port,
                path,
                headers,
                rejectUnauthorized: settings.rejectUnauthorized
            }));
        }
        else if (target.protocol === 'http:') {
            // Absolute-URI form: the proxy forwards it, where a CONNECT to a port other than 443 is
            // refused by Squid's default configuration.
            const module = proxy.protocol === 'https:' ? external_node_https_ : external_node_http_;
            start(module.request({
                ...base,
                host: bareHost(proxy.hostname),
                port: proxyPort(proxy),
                path: `${target.protocol}//${target.host}${path}`,
                headers: { Host: target.host, ...headers, ...proxyAuthorization(proxy) }
            }));
        }
        else {
            openTunnel(proxy, target, settings.rejectUnauthorized, track).then((secure) => {
                // Before anything else: a socket error with no listener would crash the process.
                secure.on('error', fail);
                if (settled)
                    return;
                start(external_node_https_.request({
                    method: request.method,
                    host,
                    port,
                    path,
                    headers,
                    createConnection: () => secure
                }));
            }, fail);
        }
    });
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
