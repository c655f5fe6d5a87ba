export const id = 268;
export const ids = [268,737];
export const modules = {

/***/ 1737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProgramNotFoundError: () => (/* binding */ ProgramNotFoundError),
/* harmony export */   createProcessRunner: () => (/* binding */ createProcessRunner)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3032);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3931);



/** The program was not found on PATH or could not be started. */
class ProgramNotFoundError extends Error {
    command;
    constructor(command, message) {
        super(message);
        this.name = 'ProgramNotFoundError';
        this.command = command;
    }
}
/** Splits a stream of chunks into lines, calling `onLine` for each complete one. */
function lineSplitter(onLine) {
    let pending = '';
    return {
        push(text) {
            pending += text;
            const lines = pending.split(/\r\n|\n|\r/);
            pending = lines.pop() ?? '';
            for (const line of lines)
                onLine(line);
        },
        end() {
            if (pending !== '')
                onLine(pending);
            pending = '';
        }
    };
}
/**
 * Throws when a secret is part of the program's name or of an argument: argv, program included,
 * is visible to every process on the runner. The message names the position, never the value.
 */
function refuseSecretsInArgv(secrets, command, args) {
    const held = [...secrets].filter((secret) => secret !== '');
    const holds = (text) => held.some((secret) => text.includes(secret));
    // The program name first: the message for an argument names the program.
    if (holds(command)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InternalError */ .Gd('Refused to run a program: a secret would be on its command line (in the program name).');
    }
    const index = args.findIndex(holds);
    if (index !== -1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InternalError */ .Gd(`Refused to run ${command}: a secret would be on its command line (argument ${index + 1}).`);
    }
}
/**
 * The real runner over `@actions/exec`. `secrets` is read at every call (a live collection, such
 * as the runtime's masked values): a command line holding one is refused before anything starts,
 * since argv is visible to every process on the runner. `baseEnv` is the environment every
 * command starts from.
 */
function createProcessRunner(secrets, baseEnv) {
    return {
        async run(command, args, options = {}) {
            refuseSecretsInArgv(secrets, command, args);
            const env = {};
            for (const [name, value] of Object.entries({ ...baseEnv, ...options.env })) {
                if (value !== undefined)
                    env[name] = value;
            }
            let stdout = '';
            let stderr = '';
            let output = '';
            const lines = lineSplitter((line) => options.onLine?.(line));
            // one decoder per stream: a multi-byte character may straddle two chunks
            const decoders = { stdout: new node_string_decoder__WEBPACK_IMPORTED_MODULE_1__.StringDecoder('utf8'), stderr: new node_string_decoder__WEBPACK_IMPORTED_MODULE_1__.StringDecoder('utf8') };
            const collect = (stream) => (chunk) => {
                const text = decoders[stream].write(chunk);
                if (stream === 'stdout')
                    stdout += text;
                else
                    stderr += text;
                output += text;
                lines.push(text);
            };
            let exitCode;
            try {
                exitCode = await _actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .exec */ .m(command, [...args], {
                    cwd: options.cwd,
                    env,
                    // The runner prints nothing itself: callers decide what reaches the log.
                    silent: true,
                    ignoreReturnCode: true,
                    input: options.input === undefined ? undefined : Buffer.from(options.input),
                    listeners: { stdout: collect('stdout'), stderr: collect('stderr') }
                });
            }
            catch (error) {
                throw new ProgramNotFoundError(command, `Could not run '${command}': ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
            }
            const rest = { stdout: decoders.stdout.end(), stderr: decoders.stderr.end() };
            stdout += rest.stdout;
            stderr += rest.stderr;
            output += rest.stdout + rest.stderr;
            lines.push(rest.stdout + rest.stderr);
            lines.end();
            return { exitCode, stdout, stderr, output };
        }
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


/***/ }),

/***/ 8268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  API_MAX_BODY_BYTES: () => (/* reexport */ API_MAX_BODY_BYTES),
  q: () => (/* binding */ cleanupPublish),
  createPublishDeps: () => (/* binding */ createPublishDeps),
  openPublisher: () => (/* reexport */ session_openPublisher),
  publisherOnFirstUse: () => (/* reexport */ publisherOnFirstUse)
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
;// CONCATENATED MODULE: ./src/publish/git/env.ts
/** Variables a calling git (a hook, a wrapper) may leave behind that would redirect our commands. */
const INHERITED_GIT_VARS = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_NAMESPACE',
    'GIT_PREFIX'
];
/** `env` without the variables that would point git at another repository. */
function gitBaseEnv(env) {
    return Object.fromEntries(Object.entries(env).filter(([name]) => !INHERITED_GIT_VARS.includes(name)));
}
/** Fixed settings for every git process: no prompts, no smudging, messages in English. */
const FIXED_ENV = {
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'Never',
    GIT_TRACE_REDACT: '1',
    GIT_LFS_SKIP_SMUDGE: '1',
    LC_ALL: 'C',
    LANGUAGE: 'C'
};
/** The default: 30 s without a byte from the remote. */
const DEFAULT_NETWORK_LIMITS = { stallSeconds: 30 };
/**
 * Environment that bounds every network operation and keeps it from following redirects:
 * - HTTP(S): curl's low-speed limit (below 1 byte/s for `stallSeconds`) ends a request to a
 *   server that accepted the connection but never answers, or stops answering.
 * - SSH, when the user configured no ssh command of their own: a connect timeout, keep-alives
 *   that end a dead connection, and no interactive prompts.
 * - `http.followRedirects=false`: after a redirect git would send its next requests, with the
 *   Authorization header, to wherever the redirect pointed; a redirect is an error instead.
 * Entries use the `GIT_CONFIG_*` slots after `start`; returns the env and the next free slot.
 */
function networkEnv(limits, inherited, sshCommandConfigured, start) {
    const seconds = String(Math.max(1, Math.round(limits.stallSeconds)));
    const env = {
        GIT_HTTP_LOW_SPEED_LIMIT: '1',
        GIT_HTTP_LOW_SPEED_TIME: seconds,
        [`GIT_CONFIG_KEY_${start}`]: 'http.followRedirects',
        [`GIT_CONFIG_VALUE_${start}`]: 'false'
    };
    if (!sshCommandConfigured && !inherited.GIT_SSH_COMMAND && !inherited.GIT_SSH) {
        const alive = Math.max(1, Math.ceil(limits.stallSeconds / 3));
        env.GIT_SSH_COMMAND = `ssh -o BatchMode=yes -o ConnectTimeout=${seconds} -o ServerAliveInterval=${alive} -o ServerAliveCountMax=3`;
    }
    return { env, next: start + 1 };
}

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/http-client.ts
var http_client = __webpack_require__(5162);
;// CONCATENATED MODULE: ./src/lib/http-fetch.ts
/**
 * The server answered with a redirect. Nothing follows it: the request carried a credential
 * that must not reach the host the redirect names.
 */
class HttpRedirectError extends Error {
    /** The redirect's status. */
    status;
    /** Where the server pointed; '' when it did not say. */
    location;
    constructor(method, url, status, location) {
        super(`${method} ${url} answered ${status} with a redirect${location === '' ? '' : ` to ${location}`}; redirects are not followed, so the credential never goes to another server`);
        this.name = 'HttpRedirectError';
        this.status = status;
        this.location = location;
    }
}
/** The response body was larger than the adapter accepts. */
class HttpBodyTooLargeError extends Error {
    constructor(method, url, maxBodyBytes) {
        super(`${method} ${url}: the answer is larger than ${maxBodyBytes} bytes`);
        this.name = 'HttpBodyTooLargeError';
    }
}
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
function methodOf(method) {
    const upper = (method ?? 'GET').toUpperCase();
    const known = METHODS.find((m) => m === upper);
    if (known === undefined)
        throw new TypeError(`HTTP method ${upper} is not supported`);
    return known;
}
function headersOf(init) {
    const headers = {};
    new Headers(init).forEach((value, name) => {
        headers[name] = value;
    });
    return headers;
}
async function bodyOf(body) {
    if (body === undefined || body === null)
        return undefined;
    if (typeof body === 'string')
        return body;
    if (body instanceof ArrayBuffer)
        return Buffer.from(body);
    if (ArrayBuffer.isView(body))
        return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    // streams, forms, blobs: read them the way fetch would
    return Buffer.from(await new Response(body).arrayBuffer());
}
// Statuses a Response may not carry a body with.
const NO_BODY = new Set([101, 103, 204, 205, 304]);
/**
 * A `fetch` over the action's HttpClient: every request has the client's whole-exchange
 * deadline (`timeoutMs`) and body cap, goes through the runner's proxy settings the client
 * applies, and a redirect is an HttpRedirectError instead of a request to another host. A request
 * that gets no answer rejects with the client's HttpNetworkError ("no answer within N s").
 */
function createHttpFetch(http, options) {
    return async (input, init) => {
        const request = input instanceof Request ? input : undefined;
        const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
        const method = methodOf(init?.method ?? request?.method);
        const headers = headersOf(init?.headers ?? request?.headers);
        const body = await bodyOf(init?.body ?? (request ? await request.arrayBuffer() : undefined));
        const answer = await http.request({
            method,
            url,
            headers,
            ...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body }),
            timeoutMs: options.timeoutMs
        });
        if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
            throw new HttpRedirectError(method, url, answer.status, answer.headers.location ?? '');
        }
        if (Buffer.byteLength(answer.body, 'utf8') > options.maxBodyBytes) {
            throw new HttpBodyTooLargeError(method, url, options.maxBodyBytes);
        }
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined)
                responseHeaders.set(name, value);
        }
        return new Response(NO_BODY.has(answer.status) || method === 'HEAD' ? null : answer.body, {
            status: answer.status,
            headers: responseHeaders
        });
    };
}

;// CONCATENATED MODULE: ./src/publish/failure.ts

const patterns = [
    [
        'protected',
        /GH006|GH013|protected branch|rule violations|must be made through a pull request|required status check|cannot (?:push|update) .*protected/i
    ],
    [
        'auth',
        /authentication failed|could not read (?:username|password)|terminal prompts disabled|invalid username or password|returned error: 40[13]|\bHTTP 40[13]\b|permission to \S+ denied|write access to repository not granted|bad credentials|resource not accessible/i
    ],
    // git does not follow redirects here (http.followRedirects=false): see publish/git/git.ts
    ['redirect', /returned error: 30[1278]\b|\bHTTP 30[1278]\b/i],
    ['missing-branch', /couldn't find remote ref|no such ref was fetched/i],
    [
        'not-found',
        /repository not found|does not appear to be a git repository|returned error: 404|not a git repository/i
    ],
    [
        'stale',
        /\((?:fetch first|non-fast-forward|stale info|already exists)\)|failed to update ref|cannot lock ref|incorrect old value|STALE_DATA|expected branch to point to/i
    ],
    ['hook', /\[remote rejected\]|hook declined/i],
    [
        'unreachable',
        /could not resolve host|failed to connect|connection (?:refused|reset|timed out)|could not connect|network is unreachable|unable to access|timed out|operation too slow|early EOF|remote end hung up|RPC failed|empty reply|recv failure|send failure|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket hang up|returned error: 5\d\d|\bHTTP 5\d\d\b|\bstatus 5\d\d\b/i
    ]
];
/** Classifies the output of a failed git command or GitHub API call. */
function classifyFailure(output) {
    for (const [kind, pattern] of patterns)
        if (pattern.test(output))
            return kind;
    return 'other';
}
/**
 * True for an unreachable remote that went silent (git's low-speed limit, an SSH or socket
 * timeout) rather than one that refused at once: each such attempt costs the whole stall time,
 * so it is retried once only.
 */
function isStall(output) {
    return /operation too slow|timed out|timeout|server not responding/i.test(output);
}
/** Failures another attempt can cure: a moved branch, a flaky hook or network. */
function isRetryable(kind) {
    return kind === 'stale' || kind === 'hook' || kind === 'unreachable';
}
/** The lines of git's output worth showing: what the remote and git said, one line. */
function failureDetail(output, max = 600) {
    const lines = output
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => /^(?:remote:|fatal:|error:|!|hint: Updates were rejected)/.test(line));
    const text = (lines.length > 0 ? lines : output.split(/\r?\n/).filter((l) => l.trim() !== ''))
        .join(' / ')
        .replace(/\s+/g, ' ')
        .trim();
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
/** A PublishError that names repository and branch and says what to do. */
function publishFailure(kind, context, detail) {
    const { repository, branch, action } = context;
    const said = detail === '' ? '' : ` (${detail})`;
    switch (kind) {
        case 'protected':
            return new errors/* PublishError */.S1(`Push to branch ${branch} of ${repository} was refused by branch protection${said}. Set create-pr: true to open a pull request instead, or give token a token allowed to push to ${branch} (for example a GitHub App in the ruleset's bypass list).`, { input: 'branch' });
        case 'auth':
            return new errors/* PublishError */.S1(`Authentication to ${repository} failed (HTTP 401/403) while ${action} branch ${branch}${said}. Check the token input: it must be allowed to write contents to ${repository}. The workflow's GITHUB_TOKEN only reaches the workflow's own repository and needs "permissions: contents: write"; for another repository use a GitHub App installation token or a fine-grained personal access token.`, { input: 'token' });
        case 'missing-branch':
            return new errors/* PublishError */.S1(`Branch ${branch} does not exist in ${repository}. Create it first, or set branch to an existing branch.`, { input: 'branch' });
        case 'not-found':
            return new errors/* PublishError */.S1(`Repository ${repository} was not found while ${action} branch ${branch}${said}. Check the repository input, and that the token can see the repository.`, { input: 'repository' });
        case 'redirect':
            return new errors/* PublishError */.S1(`${repository} answered ${action} branch ${branch} with a redirect${said}. Git does not follow redirects here, so the token never reaches another server. Set repository to the repository's current URL (a renamed or moved repository redirects).`, { input: 'repository' });
        default:
            return new errors/* PublishError */.S1(`Failed ${action} branch ${branch} of ${repository}${said}.`, {
                input: 'repository'
            });
    }
}
/** The error after the last attempt lost a race or could not reach the remote. */
function exhaustedFailure(kind, context, attempts, detail, budgetMs) {
    const { repository, branch } = context;
    const said = detail === '' ? '' : ` Last failure: ${detail}.`;
    if (kind === 'unreachable') {
        return new errors/* PublishError */.S1(`Could not reach ${repository} (branch ${branch}) in ${attempts} attempt(s).${said} Check the repository URL, the network and the git server.`, { input: 'repository' });
    }
    return new errors/* PublishError */.S1(`Gave up after ${attempts} attempt(s)${budgetMs === undefined ? '' : ` in ${Math.round(budgetMs / 1000)} s`} to push to branch ${branch} of ${repository}: other commits kept landing first or the remote kept refusing.${said} Nothing was pushed. Raise push-attempts (each allows another failed attempt and another minute of racing), or let fewer jobs update ${branch} at the same time.`, { input: 'push-attempts' });
}

;// CONCATENATED MODULE: ./src/publish/github/api-error.ts




/** A GitHub API call that failed; `status` is the HTTP status when there was an answer. */
class GitHubApiError extends errors/* PublishError */.S1 {
    status;
    kind;
    constructor(message, status, kind) {
        super(message);
        this.status = status;
        this.kind = kind;
    }
}
/** The HTTP status of an Octokit error, when there was an answer. */
function statusOf(error) {
    if (typeof error !== 'object' || error === null || !('status' in error))
        return undefined;
    return typeof error.status === 'number' ? error.status : undefined;
}
/** The response headers of an Octokit error. */
function api_error_headersOf(error) {
    const response = error?.response;
    return response?.headers ?? {};
}
/** One header as a string. */
function header(headers, name) {
    const value = headers[name];
    return value === undefined ? undefined : String(value);
}
/** What a failed call's status and message mean to the publish loop. */
function kindOfStatus(status, message) {
    if (status === 401)
        return 'auth';
    if (status === 403)
        return /rule|protected/i.test(message) ? 'protected' : 'auth';
    if (status === 404)
        return 'not-found';
    if (status !== undefined && status >= 500)
        return 'unreachable';
    return classifyFailure(message);
}
// No HTTP answer (deadline, connection) or a redirect: Octokit reports either as "HTTP 500" with
// our error as the cause; say what happened instead.
function transportFailure(what, error) {
    const cause = error?.cause ?? error;
    // The client refused to send the token (plain http to another host): final, and no HTTP
    // status was ever exchanged.
    if (cause instanceof http_client/* PlainHttpCredentialError */.K)
        return cause;
    if (cause instanceof http_client/* HttpNetworkError */.z) {
        const said = cause.timedOut ? `GitHub sent no complete answer: ${cause.message}` : cause.message;
        return new GitHubApiError(`${what}: ${said}`, undefined, 'unreachable');
    }
    if (cause instanceof HttpRedirectError) {
        return new GitHubApiError(`${what}: ${cause.message}`, cause.status, 'redirect');
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(8372);
;// CONCATENATED MODULE: ./src/publish/github/rate-limit.ts




/**
 * True for GitHub's rate-limit answers: 429, or 403 with `x-ratelimit-remaining: 0`, a
 * `retry-after` header, or a message about a (secondary) rate limit. A plain 403 stays an auth error.
 */
function isRateLimited(status, headers, message) {
    if (status === 429)
        return true;
    if (status !== 403)
        return false;
    return (header(headers, 'x-ratelimit-remaining') === '0' ||
        header(headers, 'retry-after') !== undefined ||
        /rate limit/i.test(message));
}
/**
 * How long GitHub asks us to wait, in ms: `retry-after` (seconds or an HTTP date), else with
 * `x-ratelimit-remaining: 0` until `x-ratelimit-reset` (epoch seconds, measured against the
 * answer's own `date` header so the runner's clock does not matter). Undefined when the answer
 * does not say: the retry policy's own back-off (a minute, then doubling) applies.
 */
function rateLimitDelay(headers) {
    const date = Date.parse(header(headers, 'date') ?? '');
    const after = header(headers, 'retry-after');
    if (after !== undefined) {
        if (/^\d+$/.test(after.trim()))
            return Number(after) * 1000;
        const until = Date.parse(after);
        if (!Number.isNaN(until) && !Number.isNaN(date))
            return Math.max(0, until - date);
    }
    const reset = Number(header(headers, 'x-ratelimit-reset'));
    if (header(headers, 'x-ratelimit-remaining') === '0' && reset > 0 && !Number.isNaN(date)) {
        // one second more: the reset is rounded down to the second
        return Math.max(0, reset * 1000 - date) + 1000;
    }
    return undefined;
}
/**
 * Retries after a rate limit: at most 4 attempts within 10 minutes. The first wait without a
 * server-given time is one minute, then two and four, as GitHub asks of integrators.
 */
const RATE_LIMIT_POLICY = {
    attempts: 4,
    baseDelayMs: 60_000,
    maxDelayMs: 240_000,
    totalMs: 600_000,
    jitter: 'none'
};
/** The total time one run may spend waiting out rate limits, whatever the number of requests. */
const RATE_LIMIT_BUDGET_MS = 600_000;
/** A fresh budget of RATE_LIMIT_BUDGET_MS (one per run). */
function newRateLimitBudget(totalMs = RATE_LIMIT_BUDGET_MS) {
    return { remainingMs: totalMs };
}
/** Waits on the system clock with RATE_LIMIT_POLICY and a budget of its own. */
const DEFAULT_RATE_LIMITS = {
    clock: clock/* systemClock */.m,
    policy: RATE_LIMIT_POLICY
};
/** The rate limit asked for a longer wait than the run has left: failing now beats waiting. */
class BudgetSpent extends Error {
    askedMs;
    leftMs;
    reason;
    constructor(askedMs, leftMs, reason) {
        super(reason);
        this.askedMs = askedMs;
        this.leftMs = leftMs;
        this.reason = reason;
    }
}
/**
 * One API call, retried while GitHub answers with a rate limit (also a GraphQL RATE_LIMITED
 * error inside a 200, recognised by `limitedAnswer`). Other failures become a GitHubApiError.
 */
async function callWithRateLimits(what, fn, limits = DEFAULT_RATE_LIMITS, limitedAnswer) {
    const budget = limits.budget ?? newRateLimitBudget(limits.policy.totalMs);
    // a wait the run cannot afford fails now, naming what GitHub asked for
    const limited = (reason, delayMs) => {
        if (delayMs !== undefined && delayMs > budget.remainingMs) {
            throw new BudgetSpent(delayMs, budget.remainingMs, reason);
        }
        return { done: false, reason, ...(delayMs === undefined ? {} : { delayMs }) };
    };
    let outcome;
    try {
        outcome = await (0,retry/* retry */.L)(limits.policy, limits.clock, async () => {
            let value;
            try {
                value = await fn();
            }
            catch (error) {
                const transport = transportFailure(what, error);
                if (transport !== undefined)
                    throw transport;
                const status = statusOf(error);
                const message = (0,errors/* errorMessage */.gJ)(error);
                const headers = api_error_headersOf(error);
                if (isRateLimited(status, headers, message)) {
                    return limited(`HTTP ${status ?? ''} ${message}`.trim(), rateLimitDelay(headers));
                }
                throw new GitHubApiError(`${what}: ${status === undefined ? '' : `HTTP ${status} `}${message}`, status, kindOfStatus(status, message));
            }
            const headers = limitedAnswer?.(value);
            if (headers === undefined)
                return { done: true, value };
            return limited('GraphQL RATE_LIMITED', rateLimitDelay(headers));
        }, (n, reason, delayMs) => {
            if (delayMs > budget.remainingMs)
                throw new BudgetSpent(undefined, budget.remainingMs, reason);
            budget.remainingMs -= delayMs;
            limits.logger?.info(`${what}: GitHub's rate limit was hit (${reason}); waiting ${Math.ceil(delayMs / 1000)} s as it asks, then trying again (attempt ${n + 1}).`);
        });
    }
    catch (error) {
        if (!(error instanceof BudgetSpent))
            throw error;
        const asked = error.askedMs === undefined
            ? 'to back off'
            : `to wait ${Math.ceil(error.askedMs / 1000)} s (retry-after or x-ratelimit-reset)`;
        throw new GitHubApiError(`${what}: GitHub's rate limit was hit (${error.reason}) and GitHub asked ${asked}, but this run has only ${Math.floor(error.leftMs / 1000)} s of its ${Math.round(RATE_LIMIT_BUDGET_MS / 60_000)} minutes for rate-limit waits left. Run again later, or use a token with its own rate limit (a GitHub App installation token).`, 429, 'rate-limited');
    }
    if (outcome.ok)
        return outcome.value;
    throw new GitHubApiError(`${what}: GitHub's rate limit was still in force after ${outcome.attempts} attempt(s) within ${Math.round(limits.policy.totalMs / 60_000)} minutes (${outcome.reason}). Run again later, or use a token with its own rate limit (a GitHub App installation token).`, 429, 'rate-limited');
}

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
                : classifyFailure(message);
    return new GitHubApiError(`${what}: ${message}`, undefined, kind);
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
        this.fetch = createHttpFetch(transport.http, {
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
            throw new GitHubApiError(`${what}: the repository has no default branch`, 404, 'missing-branch');
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
            if (error instanceof GitHubApiError &&
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
            throw new GitHubApiError(`${what}: no commit in the answer`, undefined, 'other');
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
                if (statusOf(error) === 422 &&
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
            if (error instanceof GitHubApiError && error.status === 404)
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
        return callWithRateLimits(what, fn, this.limits);
    }
    async graphql(what, query, variables) {
        const response = await callWithRateLimits(what, async () => (await this.client()).request({
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
function createGitHubApi(token, urls, limits, transport) {
    return new OctokitGitHubApi(token, urls, limits, transport);
}

// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __webpack_require__(6299);
;// CONCATENATED MODULE: ./src/publish/backoff.ts
/** Shortest back-off window after a lost race, in ms (a local remote answers in milliseconds). */
const MIN_RACE_BACKOFF_MS = 20;
/** Shortest back-off window after a network failure or declined hook, in ms. */
const MIN_FAILURE_BACKOFF_MS = 1000;
/**
 * The first race window, in exposure windows. Measured with bench/race (one process per racer,
 * baseline and variant alternating in one session, medians of 3 repetitions per run): starting
 * at 2 exposures (still capped at 32) took 16 racers 2.95 s and 64 racers 15.1 s (median of 4
 * runs, median attempts at 64 down from 6 to 5), starting at one 3.07 s and 15.9 s (6 runs);
 * starting at 4 helped 64 racers but slowed 16 (the branch sat idle).
 */
const FIRST_RACE_WINDOWS = 2;
/**
 * The largest race window exponent in the sawtooth (2^5 first windows: 64 exposure windows).
 * Measured with bench/race, one process per racer, alternating in one session (three runs of 3
 * repetitions each): 64 racers 87.7–90.6× one run against 92.3–100.4× with 2^4, 16 racers
 * 19.7–20.4× against 19.5–22.5×; an earlier session had 2^5 at 12.7–14.3 s for 64 racers against
 * 13.7–16.5 s. Without the sawtooth (windows only doubling), a cap of 8 windows took 16 racers
 * 21–27× with a median of 4 attempts, 32 windows 17–19× with 3.5: racers that spread wider
 * collide less.
 */
const MAX_RACE_DOUBLINGS = 5;
/**
 * How often the first race window is doubled after `count` consecutive lost races: a sawtooth
 * over phases `1 0 | 2 1 0 | 3 2 1 0 | 4 3 2 1 0 | 5 4 3 2 1 0 | 5 4 … | …`. Racing runs are
 * mostly a batch (the jobs of one workflow finishing together): a window that only grows keeps the
 * last racers waiting long after the crowd has thinned, while each sawtooth phase sweeps from a
 * wide window to a narrow one, so a racer comes back soon once the others have landed. Measured
 * with bench/race in one session, alternating with doubling up to 32 windows (four runs of 3
 * repetitions each): 64 racers 14.4–16.5 s against 15.6–16.8 s, with a median of 2–3 attempts
 * instead of 5; 16 racers 3.5–3.8 s against 2.9–4.2 s.
 */
function raceDoublings(count) {
    let left = Math.max(1, Math.floor(count));
    let phase = 1;
    while (left > phase + 1) {
        left -= phase + 1;
        phase = Math.min(MAX_RACE_DOUBLINGS, phase + 1);
    }
    return phase - (left - 1);
}
/** Longest single wait, in ms. */
const MAX_BACKOFF_MS = 30_000;
/**
 * Back-off before the next attempt: full jitter over a window. After a lost race the window is
 * the time the tip we built on was exposed twice over (`windowMs`: read to refused update, the
 * shortest this run has seen: racing runs inflate each other's), doubled as raceDoublings says,
 * so racers spread out and mostly land one after the other; after a failure it starts at a
 * second and doubles with each consecutive failure up to MAX_BACKOFF_MS.
 */
function backoffDelay(kind, count, windowMs, random) {
    const start = kind === 'race'
        ? Math.max(MIN_RACE_BACKOFF_MS, FIRST_RACE_WINDOWS * windowMs)
        : Math.max(MIN_FAILURE_BACKOFF_MS, 8 * windowMs);
    const doublings = kind === 'race' ? raceDoublings(count) : Math.min(20, Math.max(0, count - 1));
    const window = Math.min(MAX_BACKOFF_MS, start * 2 ** doublings);
    return Math.round(random() * window);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/publish/git/fetch-head.ts



/**
 * What a fetch wrote to FETCH_HEAD: the commit of each branch and of HEAD; undefined when it
 * cannot be read.
 */
async function fetchHeads(gitDir) {
    try {
        const lines = (await (0,promises_.readFile)((0,external_node_path_.join)(gitDir, 'FETCH_HEAD'), 'utf8')).split('\n');
        const branches = new Map();
        let head;
        for (const line of lines) {
            const [sha = '', , what = ''] = line.split('\t');
            if (!(0,lib_text/* isCommitSha */._$)(sha))
                continue;
            const branch = /^branch '(.+)' of /.exec(what)?.[1];
            if (branch !== undefined)
                branches.set(branch, sha);
            else if (!/^(?:branch|tag) '/.test(what))
                head = sha;
        }
        return { branches, ...(head === undefined ? {} : { head }) };
    }
    catch {
        return undefined;
    }
}
/**
 * The branch the remote's HEAD points to, from a packet trace of the ref listing: protocol v2
 * (`<oid> HEAD symref-target:refs/heads/NAME`) or v0 (the `symref=HEAD:refs/heads/NAME`
 * capability). git 2.39 keeps no symref a fetch listed, so the trace is where it is read.
 */
async function headSymref(tracePath) {
    let text;
    try {
        text = await (0,promises_.readFile)(tracePath, 'utf8');
    }
    catch {
        return undefined;
    }
    for (const line of text.split('\n')) {
        if (!/ (?:fetch|git)< /.test(line))
            continue;
        const match = / HEAD symref-target:refs\/heads\/(\S+)/.exec(line) ??
            /\bsymref=HEAD:refs\/heads\/([^\s\\]+)/.exec(line);
        if (match?.[1])
            return match[1];
    }
    return undefined;
}
/** The remote has no HEAD to fetch (unborn or dangling). */
class MissingHead extends Error {
}

;// CONCATENATED MODULE: ./src/publish/git/fast-import-path.ts
/** A path as fast-import reads it: always C-quoted, so no name can end the command early. */
function quotePath(path) {
    let quoted = '';
    for (const byte of Buffer.from(path, 'utf8')) {
        if (byte === 0x22 || byte === 0x5c)
            quoted += `\\${String.fromCharCode(byte)}`;
        else if (byte < 0x20 || byte === 0x7f)
            quoted += `\\${byte.toString(8).padStart(3, '0')}`;
        else
            quoted += String.fromCharCode(byte);
    }
    // bytes above 0x7f stay as they are: latin1 turns each char back into its one byte
    return Buffer.from(`"${quoted}"`, 'latin1');
}

;// CONCATENATED MODULE: ./src/publish/git/git.ts









/** A git command that failed; `output` is what it printed (never contains a secret we hold). */
class GitCommandError extends errors/* PublishError */.S1 {
    args;
    exitCode;
    output;
    constructor(args, exitCode, output) {
        super(`git ${args.join(' ')} failed with exit code ${exitCode}: ${output.trim()}`);
        this.args = args;
        this.exitCode = exitCode;
        this.output = output;
    }
}
// The single place a git process starts: the argv check and the environment live here.
async function git_exec(args, context, options = {}) {
    if (context.secrets.some((secret) => secret !== '' && args.some((arg) => arg.includes(secret)))) {
        throw new errors/* InternalError */.Gd('Refusing to pass a secret on a git command line.');
    }
    context.logger.debug(`git ${args.join(' ')}`);
    try {
        const result = await context.runner.run('git', args, {
            env: { ...FIXED_ENV, ...context.env, ...options.env },
            // only commands that read stdin get input: a write to a git that already exited is EPIPE
            ...(options.input === undefined ? {} : { input: options.input })
        });
        return { exitCode: result.exitCode, stdout: result.stdout, output: result.output };
    }
    catch (error) {
        if (error instanceof exec.ProgramNotFoundError) {
            throw new errors/* PublishError */.S1(`Could not run git (${error.message}). Is git installed?`);
        }
        throw error;
    }
}
async function git_text(args, context, options) {
    const result = await git_exec(args, context, options);
    if (result.exitCode !== 0)
        throw new GitCommandError(args, result.exitCode, result.output);
    return result.stdout.trim();
}
/** The work tree containing `dir`, in one git process. */
async function workTreeOf(dir, context) {
    const args = ['-C', dir, 'rev-parse', '--show-toplevel', '--absolute-git-dir'];
    const [root = '', gitDir = '', shallow = ''] = (await git_text([...args, '--is-shallow-repository'], context)).split('\n');
    return { root, gitDir, shallow: shallow === 'true' };
}
/** True when git's own configuration (any scope) names an ssh command for this repository. */
async function sshCommandConfigured(dir, context) {
    const result = await git_exec(['-C', dir, 'config', '--get', 'core.sshCommand'], context);
    return result.exitCode === 0 && result.stdout.trim() !== '';
}
/** Creates an empty bare repository at `dir` whose `origin` is `url`. */
async function initBareRepository(dir, url, context) {
    await git_text(['init', '--bare', '--quiet', '--', dir], context);
    // `--` keeps a URL that starts with a dash from being read as an option
    await git_text(['-C', dir, 'remote', 'add', '--', 'origin', url], context);
    return createGit(dir, context, dir);
}
/**
 * A Git over the repository at `dir` (a work tree top level or a bare repository). `gitDir`,
 * when known, lets a fetch's result be read from FETCH_HEAD instead of asking another git
 * process.
 */
class LocalGit {
    dir;
    context;
    gitDir;
    // a commit's tree never changes: the fetch reads it with the tip, saving a process per attempt
    trees = new Map();
    constructor(dir, context, gitDir) {
        this.dir = dir;
        this.context = context;
        this.gitDir = gitDir;
    }
    async remoteUrls(remote) {
        const fetch = await this.git(['remote', 'get-url', '--', remote]);
        const push = await this.git(['remote', 'get-url', '--push', '--', remote]);
        return { fetch, push };
    }
    async defaultBranch(remote) {
        const out = await this.git(['ls-remote', '--symref', '--end-of-options', remote, 'HEAD']);
        return /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out)?.[1];
    }
    async fetchBranch(remote, branch, shallow) {
        return (await this.fetchRefs(remote, branch, false, shallow)).tip;
    }
    async fetchBranchAndHead(remote, branch, shallow) {
        try {
            return await this.fetchRefs(remote, branch, true, shallow);
        }
        catch (error) {
            // an unborn or dangling HEAD: read the branch alone
            if (!(error instanceof MissingHead) || branch === undefined)
                throw error;
            return this.fetchRefs(remote, branch, false, shallow);
        }
    }
    async fetchCommit(remote, sha) {
        if (!(0,lib_text/* isCommitSha */._$)(sha))
            return false;
        const args = ['-C', this.dir, 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules'];
        args.push('--filter=blob:none', '--end-of-options', remote, sha);
        const result = await git_exec(args, this.context);
        if (result.exitCode === 0)
            return true;
        if (/not our ref|no such remote ref|couldn't find remote ref|unadvertised object/i.test(result.output))
            return false;
        throw new GitCommandError(args, result.exitCode, result.output);
    }
    async hasCommit(sha) {
        if (!(0,lib_text/* isCommitSha */._$)(sha))
            return false;
        const result = await git_exec(['-C', this.dir, 'cat-file', '-e', `${sha}^{commit}`], this.context);
        return result.exitCode === 0;
    }
    async isAncestor(ancestor, commit) {
        const args = ['-C', this.dir, 'merge-base', '--is-ancestor', ancestor, commit];
        const result = await git_exec(args, this.context);
        if (result.exitCode === 0)
            return true;
        if (result.exitCode === 1)
            return false;
        throw new GitCommandError(args, result.exitCode, result.output);
    }
    async listTree(commit) {
        const out = await git_exec(['-C', this.dir, 'ls-tree', '-r', '-z', '--full-tree', commit], this.context);
        if (out.exitCode !== 0)
            throw new GitCommandError(['ls-tree', commit], out.exitCode, out.output);
        const entries = [];
        for (const record of out.stdout.split('\0')) {
            const match = /^(\d+) \w+ ([0-9a-f]+)\t(.+)$/s.exec(record);
            if (match?.[1] && match[2] && match[3]) {
                entries.push({ mode: match[1], sha: match[2], path: match[3] });
            }
        }
        return entries;
    }
    async readBlob(sha) {
        const args = ['-C', this.dir, 'cat-file', 'blob', sha];
        const out = await git_exec(args, this.context);
        if (out.exitCode !== 0)
            throw new GitCommandError(args, out.exitCode, out.output);
        // the files we edit are text (YAML, JSON): the runner hands stdout over as UTF-8
        return Buffer.from(out.stdout, 'utf8');
    }
    async treeOf(commit) {
        const known = this.trees.get(commit);
        if (known !== undefined)
            return known;
        const tree = await this.git(['rev-parse', '--verify', `${commit}^{tree}`]);
        this.trees.set(commit, tree);
        return tree;
    }
    async parentsOf(commit) {
        return [...(await this.readCommit(commit)).parents];
    }
    async writeTree(base, files) {
        const folder = await (0,promises_.mkdtemp)((0,external_node_path_.join)(this.context.tempDir, 'gitops-release-index-'));
        const env = { GIT_INDEX_FILE: (0,external_node_path_.join)(folder, 'index') };
        try {
            await this.git(['read-tree', base], { env });
            const lines = [];
            for (const file of files) {
                const sha = await this.git(['hash-object', '-w', '--no-filters', '--stdin'], {
                    input: file.content
                });
                lines.push(`${file.mode} ${sha}\t${file.path}\0`);
            }
            await this.git(['update-index', '-z', '--index-info'], { env, input: lines.join('') });
            return await this.git(['write-tree'], { env });
        }
        finally {
            await (0,promises_.rm)(folder, { recursive: true, force: true });
        }
    }
    commitTree(tree, parent, message, identity) {
        return this.git(['commit-tree', tree, '-p', parent], {
            input: message.endsWith('\n') ? message : `${message}\n`,
            env: {
                GIT_AUTHOR_NAME: identity.name,
                GIT_AUTHOR_EMAIL: identity.email,
                GIT_COMMITTER_NAME: identity.name,
                GIT_COMMITTER_EMAIL: identity.email
            }
        });
    }
    async commitFiles(parent, files, message, identity) {
        // fast-import needs a ref for the commit; a reset without `from` deletes it again at the end
        const ref = `refs/gitops-release/commit-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        const chunks = [];
        const add = (text) => {
            chunks.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
        };
        files.forEach((file, i) => {
            add(`blob\nmark :${i + 1}\ndata ${file.content.length}\n`);
            add(file.content);
            add('\n');
        });
        const body = Buffer.from(message.endsWith('\n') ? message : `${message}\n`, 'utf8');
        const mark = files.length + 1;
        // the identity holds no `<`, `>` or control character (checked with the inputs)
        const who = `${identity.name} <${identity.email}> now`;
        add(`commit ${ref}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\ndata ${body.length}\n`);
        add(body);
        add(`from ${parent}\n`);
        files.forEach((file, i) => {
            add(`M ${file.mode} :${i + 1} `);
            add(quotePath(file.path));
            add('\n');
        });
        add(`\nget-mark :${mark}\nreset ${ref}\n\ndone\n`);
        // unpackLimit=0: keep the objects in the one pack instead of starting unpack-objects
        const args = ['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet', '--done'];
        return this.git([...args, '--date-format=now'], { input: Buffer.concat(chunks) });
    }
    async signsCommits() {
        const result = await git_exec(['-C', this.dir, 'config', '--bool', '--get', 'commit.gpgSign'], this.context);
        return result.exitCode === 0 && result.stdout.trim() === 'true';
    }
    async push(remote, sha, ref, lease) {
        const args = ['-C', this.dir, 'push', '--porcelain', '--no-verify'];
        if (lease !== undefined)
            args.push(`--force-with-lease=${ref}:${lease}`);
        args.push('--end-of-options', remote, `${sha}:${ref}`);
        const result = await git_exec(args, this.context);
        // --porcelain flags each ref: `=` for up to date, ` ` for a fast-forward, `+` forced
        const upToDate = result.stdout.split('\n').some((line) => line.startsWith(`=\t${sha}:${ref}\t`));
        if (result.exitCode === 0)
            return { ok: true, upToDate };
        return { ok: false, output: result.output };
    }
    /** The author, committer and message of a commit object present locally. */
    async readCommit(commit) {
        const raw = await this.git(['cat-file', 'commit', commit]);
        const split = raw.indexOf('\n\n');
        const header = split < 0 ? raw : raw.slice(0, split);
        const person = (role) => new RegExp(`^${role} (.*<[^>]*>)`, 'm').exec(header)?.[1] ?? '';
        return {
            parents: [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1] ?? ''),
            author: person('author'),
            committer: person('committer'),
            message: split < 0 ? '' : raw.slice(split + 2)
        };
    }
    // Fetches `branch` into refs/remotes/REMOTE/BRANCH and, with `head`, the remote's HEAD too,
    // reading the name HEAD points to from the ref listing of the same connection (the packet
    // trace: git 2.39 keeps no symref a fetch listed), so no ls-remote is needed for it.
    async fetchRefs(remote, branch, head, shallow) {
        const ref = branch === undefined ? undefined : `refs/remotes/${remote}/${branch}`;
        const args = ['-C', this.dir, 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules'];
        // no auto-maintenance (git 2.23+): one process less per attempt (in the workspace, the
        // runner's checkout is thrown away with the job)
        args.push('--no-auto-gc');
        if (shallow)
            args.push('--depth=1');
        args.push('--end-of-options', remote);
        if (branch !== undefined)
            args.push(`+refs/heads/${branch}:${ref ?? ''}`);
        if (head)
            args.push('HEAD');
        const folder = head
            ? await (0,promises_.mkdtemp)((0,external_node_path_.join)(this.context.tempDir, 'gitops-release-trace-'))
            : undefined;
        const trace = folder === undefined ? {} : { GIT_TRACE_PACKET: (0,external_node_path_.join)(folder, 'packets') };
        try {
            const result = await git_exec(args, this.context, { env: trace });
            if (result.exitCode !== 0) {
                if (/couldn't find remote ref HEAD\b/i.test(result.output))
                    throw new MissingHead();
                if (/couldn't find remote ref/i.test(result.output))
                    return {};
                throw new GitCommandError(args, result.exitCode, result.output);
            }
            const listed = folder === undefined ? undefined : await headSymref((0,external_node_path_.join)(folder, 'packets'));
            const heads = this.gitDir === undefined ? undefined : await fetchHeads(this.gitDir);
            const headTip = heads?.head;
            const found = {
                ...(listed === undefined ? {} : { defaultBranch: listed }),
                ...(headTip === undefined ? {} : { headTip })
            };
            if (ref === undefined || branch === undefined)
                return found;
            const fetched = heads?.branches.get(branch);
            if (fetched !== undefined)
                return { ...found, tip: fetched };
            const [tip = '', tree = ''] = (await this.git(['rev-parse', `${ref}^{commit}`, `${ref}^{tree}`])).split('\n');
            if (tree !== '')
                this.trees.set(tip, tree);
            return { ...found, tip };
        }
        finally {
            if (folder !== undefined)
                await (0,promises_.rm)(folder, { recursive: true, force: true });
        }
    }
    git(args, options) {
        return git_text(['-C', this.dir, ...args], this.context, options);
    }
}
/** A Git over the repository at `dir` (see LocalGit). */
function createGit(dir, context, gitDir) {
    return new LocalGit(dir, context, gitDir);
}

;// CONCATENATED MODULE: ./src/publish/cas-loop.ts





/**
 * Time each attempt may take: `push-attempts` minutes in all. Lost races (the branch moved) do
 * not use up attempts, since every lost race means another run landed; they end when this budget
 * is spent. Failures that are no progress (unreachable remote, declined hook) count against
 * push-attempts.
 */
const RACE_BUDGET_PER_ATTEMPT_MS = 60_000;
/**
 * Attempts that may end in a stalled remote (no byte for the stall time): a silent server costs
 * the whole stall time per attempt, so one retry covers a blip and a dead server fails the run
 * in about two stall times instead of push-attempts of them.
 */
const STALLED_ATTEMPTS = 2;
/** Turns a refused update or failed command into a retry, or the final error. */
function failureOutcome(kind, output, context, measure) {
    const detail = failureDetail(output);
    if (isRetryable(kind))
        return { retry: kind, detail, ...measure };
    throw publishFailure(kind, context, detail);
}
function why(kind) {
    if (kind === 'stale')
        return 'the branch moved';
    if (kind === 'unreachable')
        return 'the remote could not be reached';
    return 'the remote refused the update';
}
/**
 * The compare-and-swap driver: runs `attempt` (read the tip, compute, create the commit,
 * update the branch only if it is still at the tip read) until it lands, backing off with
 * jitter after each lost race or failure. Works for any number of commits in one run: each call
 * is independent.
 */
async function casLoop(attempt, options) {
    const attempts = Number.isFinite(options.attempts) ? Math.max(1, Math.floor(options.attempts)) : 1;
    const budgetMs = options.budgetMs ?? attempts * RACE_BUDGET_PER_ATTEMPT_MS;
    const { clock } = options;
    // the delays are the attempt's own (measured windows); the policy only bounds the total
    const policy = {
        attempts: Number.MAX_SAFE_INTEGER,
        baseDelayMs: 0,
        maxDelayMs: MAX_BACKOFF_MS,
        totalMs: budgetMs,
        jitter: 'none'
    };
    let failures = 0;
    let stalls = 0;
    let races = 0;
    // the shortest exposure seen: the first ones are inflated by the racers' own contention
    let shortest = Number.POSITIVE_INFINITY;
    let last = { retry: 'other', detail: '' };
    const outcome = await (0,retry/* retry */.L)(policy, clock, async (n) => {
        const started = clock.now();
        let result;
        try {
            result = await attempt(n);
        }
        catch (error) {
            if (error instanceof GitCommandError) {
                result = failureOutcome(classifyFailure(error.output), error.output, options.context());
            }
            else if (error instanceof GitHubApiError) {
                result = failureOutcome(error.kind, error.message, options.context());
            }
            else {
                throw error;
            }
        }
        if ('done' in result)
            return { done: true, value: result.done };
        last = result;
        const window = result.windowMs ?? clock.now() - started;
        let delayMs;
        if (result.retry === 'stale' && result.staleRead === true) {
            delayMs = 0;
        }
        else if (result.retry === 'stale') {
            races++;
            shortest = Math.min(shortest, window);
            delayMs = backoffDelay('race', races, shortest, () => clock.random());
        }
        else {
            races = 0;
            failures++;
            if (result.retry === 'unreachable' && isStall(result.detail))
                stalls++;
            if (failures >= attempts || stalls >= STALLED_ATTEMPTS)
                throw exhaustedFailure(result.retry, options.context(), n, result.detail);
            delayMs = backoffDelay('failure', failures, window, () => clock.random());
        }
        options.logger.info(`Attempt ${n} did not land (${why(result.retry)}: ${result.detail}); reading the new tip and retrying in ${(delayMs / 1000).toFixed(1)} s.`);
        return { done: false, reason: result.detail, delayMs };
    });
    if (outcome.ok)
        return outcome.value;
    throw exhaustedFailure(last.retry, options.context(), outcome.attempts, last.detail, budgetMs);
}

// EXTERNAL MODULE: ./src/edit/unified-diff.ts
var unified_diff = __webpack_require__(2061);
;// CONCATENATED MODULE: ./src/publish/publish-common.ts


/** The edits that change content. */
function changedEdits(edits) {
    return edits.filter((edit) => edit.before !== edit.after);
}
/** Unified diff of every changed file. */
function editsDiff(edits) {
    return (0,unified_diff/* unifiedDiff */.W)(changedEdits(edits));
}
/**
 * The branch to commit to when the `branch` input is empty, with the reason logged: the
 * workflow's branch for the workspace repository, the default branch for another repository.
 * The default branch is only read when it is the answer.
 */
async function chooseBranch(options, readDefaultBranch, repository, logger) {
    if (options.branch)
        return options.branch;
    if (options.target.kind === 'workspace') {
        if (!options.workflowBranch) {
            // the default branch would be a surprise: a pull request or tag run would release to it
            throw new errors/* PublishError */.S1(`This run is not on a branch (GITHUB_REF is a pull request, tag or other ref, not refs/heads/...), so there is no workflow branch of ${repository} to commit to. Set the branch input to the branch that should receive the commit.`, { input: 'branch' });
        }
        logger.info(`Committing to the workflow's branch ${options.workflowBranch} of ${repository}.`);
        return options.workflowBranch;
    }
    const defaultBranch = await readDefaultBranch();
    if (defaultBranch === '') {
        throw new errors/* PublishError */.S1(`${repository} does not name a default branch (is it empty?). Set the branch input.`, { input: 'branch' });
    }
    logger.info(`Committing to the default branch ${defaultBranch} of ${repository}.`);
    return defaultBranch;
}
/** The pull request description. */
function pullRequestBody(message, files, base) {
    const body = message.split('\n').slice(1).join('\n').trim();
    return [
        ...(body === '' ? [] : [body, '']),
        'Files changed:',
        ...files.map((file) => `- \`${file}\``),
        '',
        `Opened by gitops-release. Merging it lands the release on \`${base}\`; a newer release for the same branch updates this pull request.`
    ].join('\n');
}
/**
 * Refuses options that cannot work, before anything is pushed; in a dry run too. (The token
 * they need is checked with the inputs, by the settings.)
 */
function checkPrerequisites(options, onGitHub) {
    if (options.createPr || options.mode === 'api') {
        const what = options.mode === 'api' ? 'commit-mode: api' : 'create-pr';
        if (!onGitHub) {
            throw new errors/* PublishError */.S1(`${what} needs a repository on the GitHub server (${options.github.serverUrl}); the target is not one. Use commit-mode: git without create-pr, or set repository to OWNER/NAME.`, { input: options.mode === 'api' ? 'commit-mode' : 'create-pr' });
        }
    }
}

// EXTERNAL MODULE: ./src/edit/write-edits.ts
var write_edits = __webpack_require__(1516);
// EXTERNAL MODULE: ./src/publish/landed-error.ts
var landed_error = __webpack_require__(3879);
;// CONCATENATED MODULE: ./src/publish/publish-result.ts




/** The shared fields of the result, from what settled; the default branch may be unread (dry run). */
function resultBase(settled, defaultBranch, remoteUrl) {
    return {
        before: settled.tip,
        defaultBranch: defaultBranch ?? '',
        remoteUrl,
        files: changedEdits(settled.edits).map((edit) => edit.path),
        edits: settled.edits,
        diff: editsDiff(settled.edits)
    };
}
/** The pull request from the pull request branch to `branch`, listing the changed files. */
function pullRequestSpec(options, branch, files) {
    return {
        head: options.prBranch,
        base: branch,
        title: options.prTitle,
        body: pullRequestBody(options.message, files, branch),
        labels: options.prLabels
    };
}
/**
 * The result when no commit lands, with the decision logged: a dry run, a re-run whose pull
 * request branch already holds the change (the pull request is opened or updated), or a branch
 * that already has the change. Undefined when a commit landed.
 */
async function resultWithoutCommit(settled, base, context) {
    const { options, branch, label, logger, openPullRequest } = context;
    const none = { ...base, commitSha: '', commitUrl: '', prOperation: '', prHeadSha: '' };
    if (options.dryRun) {
        logDryRun(base.diff, `${label}@${branch}`, logger);
        return { ...none, changed: settled.changed, branch };
    }
    if (settled.onPrBranch && openPullRequest) {
        const held = {
            ...none,
            changed: false,
            branch: options.prBranch,
            prHeadSha: settled.prHead ?? ''
        };
        const pull = await afterLanding(held, () => openPullRequest(pullRequestSpec(options, branch, base.files)));
        return {
            ...held,
            prNumber: pull.number,
            prUrl: pull.url,
            prOperation: pull.opened ? 'created' : 'unchanged',
            prHeadSha: settled.prHead ?? ''
        };
    }
    if (!settled.changed) {
        logger.info(`${label}@${branch} (${(0,lib_text/* shortSha */.Fu)(base.before)}) already has the change; no commit.`);
        return { ...none, changed: false, branch };
    }
    return undefined;
}
/**
 * The result of a commit that landed, logged. Without createPr the workspace's files are
 * updated when `workspaceRoot` is given; with it the pull request is opened or updated.
 */
async function committedResult(base, commit, workspaceRoot, context) {
    const { options, branch, label, logger, openPullRequest } = context;
    const target = options.createPr ? options.prBranch : branch;
    logger.info(`Landed ${commit.sha} on ${target} of ${label} (on top of ${(0,lib_text/* shortSha */.Fu)(base.before)}).`);
    const result = {
        ...base,
        changed: true,
        commitSha: commit.sha,
        commitUrl: commit.url,
        branch: target,
        prOperation: '',
        // our commit heads the pull request branch whether or not the pull request opens
        prHeadSha: options.createPr ? commit.sha : ''
    };
    if (workspaceRoot !== undefined && !options.createPr) {
        await afterLanding(result, () => (0,write_edits/* updateWorkTree */.f)(workspaceRoot, base.edits, logger));
    }
    if (!options.createPr || !openPullRequest)
        return result;
    const pull = await afterLanding(result, () => openPullRequest(pullRequestSpec(options, branch, base.files)));
    return {
        ...result,
        prNumber: pull.number,
        prUrl: pull.url,
        prOperation: pull.opened ? 'created' : 'updated'
    };
}
// A step after the commit reached the remote: its failure carries what landed.
async function afterLanding(landed, step) {
    try {
        return await step();
    }
    catch (error) {
        throw new landed_error/* LandedError */.Z(landed, error);
    }
}
function logDryRun(diff, where, logger) {
    if (diff === '')
        logger.info(`Dry run: ${where} already has the change; nothing would be committed.`);
    else
        logger.info(`Dry run: would commit to ${where}:\n${diff}`);
}

;// CONCATENATED MODULE: ./src/publish/driver.ts





/**
 * The compare-and-swap driver: read the tip, compute the edits against it, create the commit,
 * update the branch only if it is still at that tip; on a lost race back off and retry (see
 * casLoop). Each call is independent, so a run may land a second commit (a rollback) with
 * another message and compute function.
 */
async function runCompareAndSwap(strategy, options, deps) {
    const { compute, logger } = deps;
    const { label } = strategy;
    checkPrerequisites(options, strategy.onGitHub);
    let defaultBranch;
    let branch = options.branch ?? '';
    let phase = 'reading';
    // an update whose answer was lost may still have landed: the next tip then is our commit
    let pending;
    const failureContext = () => ({ repository: label, branch, action: phase });
    const readDefaultBranch = async () => (defaultBranch ??= await strategy.readDefaultBranch());
    const attempt = async (n) => {
        phase = 'reading';
        // the exposure starts with the read the tip comes from: on a first attempt that may be the
        // default branch's read, whose fetch brought the tip along
        const started = deps.clock.now();
        if (branch === '')
            branch = await chooseBranch(options, readDefaultBranch, label, logger);
        // the default branch goes into Argo CD's push event; a dry run spares the round trip
        if (!options.dryRun)
            await readDefaultBranch();
        phase = 'fetching';
        // the first attempt may build on the tip this session already knows (the preview's read, or
        // the commit it landed): a non-force push refuses it if the branch moved. A pull request
        // branch is pushed with a lease on itself, which says nothing about the base: read it anew.
        const tip = await strategy.readTip(branch, n === 1 && !options.createPr);
        if (tip === undefined)
            return failureOutcome('missing-branch', '', failureContext());
        if (pending?.sha === tip.oid) {
            const { sha } = pending;
            return { done: { ...pending, url: strategy.commitUrl(sha), changed: true } };
        }
        logger.debug(`Tip of ${branch} is ${tip.oid}`);
        const edits = await compute(tip.source);
        const changed = changedEdits(edits);
        const none = { tip: tip.oid, sha: '', url: '', edits };
        if (changed.length === 0)
            return { done: { ...none, changed: false } };
        // a dry run writes nothing, not even an object
        if (options.dryRun)
            return { done: { ...none, changed: true } };
        if (options.createPr) {
            const prHead = await strategy.prBranchHolds(tip.oid, changed, options.prBranch);
            if (prHead !== undefined) {
                logger.info(`${options.prBranch} already holds this change on ${branch}'s tip (${(0,lib_text/* shortSha */.Fu)(tip.oid)}); no new commit.`);
                return { done: { ...none, changed: false, onPrBranch: true, prHead } };
            }
        }
        phase = 'pushing';
        const target = options.createPr ? options.prBranch : branch;
        const outcome = await strategy.commitAndSwap(tip.oid, changed, target, options.message);
        if (outcome.ok === 'unchanged')
            return { done: { ...none, changed: false } };
        if (outcome.ok === 'landed-by-another') {
            logger.info(`${target} already is at ${(0,lib_text/* shortSha */.Fu)(outcome.sha)}, the very commit this run built: another run landed the same change first. Nothing to do.`);
            return { done: { ...none, changed: false } };
        }
        if (outcome.ok) {
            const url = outcome.url || strategy.commitUrl(outcome.sha);
            return { done: { tip: tip.oid, sha: outcome.sha, url, edits, changed: true } };
        }
        // only an update whose answer never came may have landed; a refusal is final
        if (outcome.sha !== undefined && outcome.kind === 'unreachable' && !options.createPr) {
            pending = { tip: tip.oid, sha: outcome.sha, edits };
        }
        // A tip read before this attempt (the preflight's, or a commit this session landed) was not
        // raced for: losing on it says nothing of how many runs race, so it does not size a back-off.
        const raced = tip.readAt === undefined || tip.readAt >= started;
        return failureOutcome(outcome.kind, outcome.output, { ...failureContext(), branch: target }, raced ? { windowMs: deps.clock.now() - started } : { staleRead: true });
    };
    const landed = await casLoop(attempt, {
        attempts: options.pushAttempts,
        logger,
        context: failureContext,
        clock: deps.clock
    });
    const base = resultBase(landed, defaultBranch, strategy.remoteUrl);
    const context = {
        options,
        branch,
        label,
        logger,
        ...(strategy.openPullRequest ? { openPullRequest: strategy.openPullRequest } : {})
    };
    return ((await resultWithoutCommit(landed, base, context)) ??
        committedResult(base, { sha: landed.sha, url: landed.url }, strategy.workspaceRoot, context));
}
/** The refusal for a commit the GitOps repository does not have (or text that is no SHA). */
function unknownCommit(commit, label) {
    return new errors/* PublishError */.S1(`The commit ${commit} is not in ${label}.`, { input: 'environments' });
}

// EXTERNAL MODULE: ./src/lib/git-url.ts
var git_url = __webpack_require__(4158);
;// CONCATENATED MODULE: ./src/publish/authorship.ts
/**
 * How the action recognises the pull request commits it wrote itself: the trailer below at the
 * end of the message and, where the action sets them (commit-mode git), the author and committer
 * identity of the inputs. A pull request branch whose head is anything else holds a reviewer's
 * work and is never overwritten.
 */
const RELEASE_TRAILER = 'Released-by: gitops-release';
/** `message` with the release trailer as its last paragraph (once). */
function withReleaseTrailer(message) {
    const body = message.replace(/\s+$/, '');
    if (hasReleaseTrailer(body))
        return body;
    return `${body}\n\n${RELEASE_TRAILER}`;
}
/** True when the last paragraph of `message` holds the release trailer line. */
function hasReleaseTrailer(message) {
    const paragraphs = message.replace(/\s+$/, '').split(/\n\s*\n/);
    const last = paragraphs.at(-1) ?? '';
    return paragraphs.length > 1 && last.split('\n').some((line) => line.trim() === RELEASE_TRAILER);
}
/**
 * True when the action wrote `commit`: the release trailer, and with `identity` an author and
 * committer equal to it.
 */
function isOurCommit(commit, identity) {
    if (!hasReleaseTrailer(commit.message))
        return false;
    if (identity === undefined)
        return true;
    const who = `${identity.name} <${identity.email}>`;
    return commit.author === who && commit.committer === who;
}

;// CONCATENATED MODULE: ./src/publish/github/run-api.ts

/**
 * The run's GitHub API client for `token`: the services' factory with the run's rate-limit
 * policy, its shared waiting budget and the action's HTTP client, the same for every caller.
 */
function runGitHubApi(token, urls, deps) {
    return deps.createGitHubApi(token, urls, {
        clock: deps.clock,
        policy: RATE_LIMIT_POLICY,
        logger: deps.logger,
        budget: deps.rateLimitBudget
    }, { http: deps.http });
}

;// CONCATENATED MODULE: ./src/publish/github/pull-request.ts

/** Opens a pull request from `head` to `base`, or updates the one already open for `head`. */
async function ensurePullRequest(api, repository, spec, logger) {
    const fields = { title: spec.title, body: spec.body };
    let pull;
    let opened = false;
    const open = await api.findOpenPull(repository, spec.head, spec.base);
    if (open) {
        pull = await api.updatePull(repository, open.number, fields);
        logger.info(`Updated the open pull request #${pull.number}: ${pull.url}`);
    }
    else {
        const created = await api.createPull(repository, {
            ...fields,
            head: spec.head,
            base: spec.base
        });
        if (created === 'exists') {
            // another job opened it between our lookup and our request
            const raced = await api.findOpenPull(repository, spec.head, spec.base);
            if (!raced) {
                throw new errors/* PublishError */.S1(`GitHub says a pull request from ${spec.head} already exists in ${repository.owner}/${repository.repo}, but none is open against ${spec.base}. Close it or choose another branch.`, { input: 'create-pr' });
            }
            pull = await api.updatePull(repository, raced.number, fields);
            logger.info(`Updated the open pull request #${pull.number}: ${pull.url}`);
        }
        else {
            pull = created;
            opened = true;
            logger.info(`Opened pull request #${pull.number}: ${pull.url}`);
        }
    }
    await api.addLabels(repository, pull.number, spec.labels);
    return { ...pull, opened };
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/publish/remote-url.ts



/** The URL with any user name and password removed (http/https); other forms unchanged. */
function withoutCredentials(url) {
    const parsed = (0,git_url/* parseHttpUrl */.f$)(url);
    if (!parsed || (parsed.username === '' && parsed.password === ''))
        return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
}
/** True when an http(s) URL carries a password or token in its user information. */
function hasEmbeddedCredentials(url) {
    const parsed = (0,git_url/* parseHttpUrl */.f$)(url);
    return parsed !== undefined && (parsed.password !== '' || parsed.username !== '');
}
/** `scheme://host[:port]/` of an http(s) URL, the key git uses for `http.<url>.extraheader`. */
function httpOrigin(url) {
    const parsed = (0,git_url/* parseHttpUrl */.f$)(url);
    return parsed ? `${parsed.protocol}//${parsed.host}/` : undefined;
}
/** A git URL for a remote given as a URL or a path (relative paths resolve against `base`). */
function normalizeRemote(url, base) {
    if ((0,git_url/* hasScheme */.EV)(url) || (0,git_url/* isScpLike */.ij)(url))
        return url;
    return (0,external_node_url_.pathToFileURL)((0,external_node_path_.resolve)(base, url)).toString();
}
/** Web URL of a commit on a GitHub server. */
function commitWebUrl(serverUrl, repository, sha) {
    return `${serverUrl.replace(/\/+$/, '')}/${repository.owner}/${repository.repo}/commit/${sha}`;
}

;// CONCATENATED MODULE: ./src/publish/tree-compare.ts

/** The object id git gives a blob with these bytes (SHA-1, as on GitHub). */
function gitBlobSha(content) {
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
/**
 * True when the listing `other` is exactly `base` with `writes` written over it: the same
 * paths, modes and blobs, so the two trees are the same tree. A written path keeps its mode
 * in `base`; a new one is a regular file.
 */
function sameTreeAfter(base, writes, other) {
    const expected = new Map(base.map((entry) => [entry.path, `${entry.mode} ${entry.sha}`]));
    for (const write of writes) {
        const mode = base.find((entry) => entry.path === write.path)?.mode ?? '100644';
        expected.set(write.path, `${mode} ${gitBlobSha(write.content)}`);
    }
    return (other.length === expected.size &&
        other.every((entry) => expected.get(entry.path) === `${entry.mode} ${entry.sha}`));
}

;// CONCATENATED MODULE: ./src/publish/tree-source.ts

const REGULAR_FILE = /^100(?:644|755)$/;
/** Splits a repository-relative path, refusing anything that could leave the repository. */
function checkRepositoryPath(path) {
    const parts = path.split('/');
    if (path === '' ||
        path.startsWith('/') ||
        path.includes('\\') ||
        path.includes('\0') ||
        /^[a-zA-Z]:/.test(path) ||
        parts.some((part) => part === '' || part === '.' || part === '..' || part === '.git')) {
        throw new errors/* EditError */.F(`File path ${JSON.stringify(path)} is not a plain path inside the repository (expected a relative path such as helm/values.yaml, without "..", "." or ".git").`, { file: path });
    }
    return parts;
}
/**
 * A FileSource over a commit's tree: paths are looked up in the listing and blobs read by SHA.
 * Symbolic links and submodules are refused, also as a parent folder, since a link in the
 * GitOps branch could point outside the repository.
 */
function createTreeSource(description, entries, readBlob) {
    const byPath = new Map(entries.map((entry) => [entry.path, entry]));
    const cache = new Map();
    // the entry at `path`; undefined when missing; throws for links, submodules, bad paths
    const locate = (path) => {
        const parts = checkRepositoryPath(path);
        for (let i = 1; i <= parts.length; i++) {
            const prefix = parts.slice(0, i).join('/');
            const entry = byPath.get(prefix);
            if (!entry)
                continue;
            if (entry.mode === '120000') {
                throw new errors/* EditError */.F(`${prefix} is a symbolic link in ${description}; symbolic links are not followed (they could lead outside the repository). Point the input at the real file.`, { file: path });
            }
            if (!REGULAR_FILE.test(entry.mode)) {
                throw new errors/* EditError */.F(`${prefix} is a submodule in ${description}, not a file.`, {
                    file: path
                });
            }
            return i === parts.length ? entry : undefined;
        }
        return undefined;
    };
    return {
        description,
        read(path) {
            let entry;
            try {
                entry = locate(path);
            }
            catch (error) {
                return Promise.reject(error instanceof Error ? error : new Error(String(error)));
            }
            if (!entry)
                return Promise.resolve(undefined);
            let blob = cache.get(entry.sha);
            if (!blob) {
                blob = readBlob(entry.sha);
                cache.set(entry.sha, blob);
            }
            return blob;
        },
        list() {
            return Promise.resolve(entries
                .filter((entry) => REGULAR_FILE.test(entry.mode))
                .map((entry) => entry.path)
                .sort());
        }
    };
}

// EXTERNAL MODULE: ./src/lib/loopback.ts
var loopback = __webpack_require__(9481);
;// CONCATENATED MODULE: ./src/publish/git/auth.ts


/** The `AUTHORIZATION` header value git sends for a GitHub token (as actions/checkout does). */
function basicAuthHeader(token) {
    return `basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}
/**
 * Env-scoped git config that sends the token to each origin. Config from the environment has
 * command-line scope, so it lives only in our child processes and is never written to a file.
 * An empty `extraheader` first clears headers a checkout may have persisted for the same origin
 * (two Authorization headers make GitHub answer 400). Entries already in `inherited` (the
 * environment git starts from) keep their indexes.
 */
function gitAuthEnv(origins, token, inherited) {
    const unique = [...new Set(origins)];
    if (token === '' || unique.length === 0)
        return { env: {}, secrets: [] };
    const header = basicAuthHeader(token);
    const start = Number.parseInt(inherited.GIT_CONFIG_COUNT ?? '0', 10) || 0;
    const env = {};
    let index = start;
    for (const origin of unique) {
        for (const value of ['', `AUTHORIZATION: ${header}`]) {
            env[`GIT_CONFIG_KEY_${index}`] = `http.${origin}.extraheader`;
            env[`GIT_CONFIG_VALUE_${index}`] = value;
            index++;
        }
    }
    env.GIT_CONFIG_COUNT = String(index);
    return { env, secrets: [token, header, header.slice('basic '.length)] };
}
/**
 * The token goes only to the GitHub server's origin, as actions/checkout does: a remote on any
 * other host gets no credentials (it must bring its own), and plain `http://` gets none unless
 * the host is loopback. SSH and local remotes are not HTTP and are not listed.
 */
function tokenOrigins(urls, serverUrl) {
    const server = httpOrigin(serverUrl);
    const send = new Set();
    const withheld = new Map();
    for (const url of urls) {
        const origin = httpOrigin(url);
        if (origin === undefined)
            continue;
        if (origin !== server)
            withheld.set(origin, 'other-host');
        else if (origin.startsWith('http:') && !(0,loopback/* isLoopbackHost */.c)(new URL(origin).hostname))
            withheld.set(origin, 'plain-http');
        else
            send.add(origin);
    }
    return {
        send: [...send],
        withheld: [...withheld].map(([origin, reason]) => ({ origin, reason }))
    };
}

;// CONCATENATED MODULE: ./src/publish/types.ts
/** Prefix of every folder the stage creates under RUNNER_TEMP. */
const TEMP_PREFIX = 'gitops-release-';

;// CONCATENATED MODULE: ./src/publish/git/repository.ts










/** The remote every git command of the stage talks to. */
const REMOTE = 'origin';
// The token only goes to the GitHub server's origin; say so for every origin that gets none.
function credentials(urls, options, logger, deps) {
    const token = options.token ?? '';
    if (token === '')
        return gitAuthEnv([], token, options.env);
    const origins = tokenOrigins(urls, options.github.serverUrl);
    for (const { origin, reason } of origins.withheld) {
        const host = new URL(origin).host;
        if (reason === 'plain-http') {
            logger.warning(`No credentials are sent to ${host}: the token never goes over plain http:// (except to a loopback host). Use https:// for ${host}.`);
        }
        else {
            logger.info(`No credentials are sent to ${host}: the token only goes to the GitHub server ${options.github.serverUrl}. A private repository on ${host} needs its own git credentials, set up in an earlier step (a credential helper or http.extraheader).`);
        }
    }
    const auth = gitAuthEnv(origins.send, token, options.env);
    auth.secrets.forEach((secret) => {
        deps.runtime.setSecret(secret);
    });
    return auth;
}
// Credentials for the GitHub server's origin, then the network limits, in one GIT_CONFIG_* list.
async function gitEnv(urls, dir, options, bare, deps) {
    const auth = credentials(urls, options, bare.logger, deps);
    const inherited = options.env;
    const start = Number.parseInt(auth.env.GIT_CONFIG_COUNT ?? inherited.GIT_CONFIG_COUNT ?? '0', 10) || 0;
    const network = networkEnv(deps.networkLimits, inherited, 
    // only an ssh remote needs to know (one git process less for http(s) and local remotes)
    urls.some(git_url/* isSshUrl */.Uu) && (await sshCommandConfigured(dir, bare)), start);
    return {
        env: { ...auth.env, ...network.env, GIT_CONFIG_COUNT: String(network.next) },
        secrets: auth.secrets
    };
}
/**
 * The workspace checkout (credentials for its origin in the environment), or an empty temporary
 * bare repository whose origin is the target URL (the caller removes `git.dir`).
 */
async function openRepository(options, context, deps) {
    const bare = context({}, []);
    if (options.target.kind === 'workspace') {
        let workTree;
        try {
            workTree = await workTreeOf(options.workspace, bare);
        }
        catch {
            throw new errors/* PublishError */.S1(`The workspace ${options.workspace} is not a git repository. Run actions/checkout before this step, or set repository to the GitOps repository.`, { input: 'repository' });
        }
        const { root, gitDir, shallow } = workTree;
        let urls;
        try {
            urls = await createGit(root, bare).remoteUrls(REMOTE);
        }
        catch {
            throw new errors/* PublishError */.S1(`The workspace repository at ${root} has no remote named origin. Check out the repository with actions/checkout, or set repository.`, { input: 'repository' });
        }
        const auth = await gitEnv([urls.fetch, urls.push], root, options, bare, deps);
        const git = createGit(root, context(auth.env, auth.secrets), gitDir);
        return { git, root, url: urls.fetch, shallow };
    }
    const url = normalizeRemote(options.target.url, options.workspace);
    if (hasEmbeddedCredentials(url)) {
        throw new errors/* PublishError */.S1(`The repository URL carries credentials. Remove them from the URL and pass the token in the token input.`, { input: 'repository' });
    }
    const auth = await gitEnv([url], options.tempDir, options, bare, deps);
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempDir, `${TEMP_PREFIX}clone-`));
    deps.runtime.saveState(lib_runtime/* STATE_KEYS */.L.cloneDir, dir);
    try {
        const git = await initBareRepository(dir, url, context(auth.env, auth.secrets));
        return { git, url, shallow: true };
    }
    catch (error) {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw error;
    }
}
/** Builds the GitContext of one publish from the environment its git commands need. */
function gitContextFactory(options, deps) {
    return (env, secrets) => ({
        runner: deps.runner,
        env,
        secrets,
        logger: deps.logger,
        tempDir: options.tempDir
    });
}

;// CONCATENATED MODULE: ./src/publish/git/strategy.ts













/**
 * The git-CLI strategy: the workspace checkout or a temporary bare clone, plumbing on a
 * temporary index (work tree and index untouched), a non-force push as the compare-and-swap.
 * One instance serves every commit and ancestry question of a run, so the repository is opened
 * (and a remote one cloned) once; `close` removes the temporary clone.
 */
class GitStrategy {
    label;
    remoteUrl;
    onGitHub;
    workspaceRoot;
    openPullRequest;
    git;
    identity;
    webRepository;
    defaultBranch;
    read;
    prTip;
    signing;
    // the tip of each branch as this session last read or moved it, and when (the run's clock)
    known = new Map();
    clock;
    repo;
    options;
    constructor(repo, options, deps) {
        this.repo = repo;
        this.options = options;
        this.git = repo.git;
        this.webRepository = (0,git_url/* ownerNameOnServer */.br)(repo.url, options.github.serverUrl);
        const repository = options.github.repository ?? this.webRepository;
        // Messages name the repository the push goes to: OWNER/NAME when its URL is on the GitHub
        // server, else the URL itself (a workspace whose origin is elsewhere is not GITHUB_REPOSITORY).
        this.label = this.webRepository
            ? `${this.webRepository.owner}/${this.webRepository.repo}`
            : withoutCredentials(repo.url);
        this.remoteUrl = withoutCredentials(repo.url);
        this.onGitHub = repository !== undefined;
        this.identity = { name: options.authorName, email: options.authorEmail };
        this.clock = deps.clock;
        if (repo.root !== undefined)
            this.workspaceRoot = repo.root;
        if (repository) {
            this.openPullRequest = (spec) => ensurePullRequest(runGitHubApi(options.token ?? '', options.github, deps), repository, spec, deps.logger);
        }
    }
    commitUrl(sha) {
        return this.webRepository
            ? commitWebUrl(this.options.github.serverUrl, this.webRepository, sha)
            : '';
    }
    // The default branch does not change within a run: read once for every commit of the session,
    // from the ref listing of a fetch where possible (one connection instead of two).
    readDefaultBranch() {
        this.defaultBranch ??= this.fetchDefaultBranch().catch((error) => {
            this.defaultBranch = undefined;
            throw error;
        });
        return this.defaultBranch;
    }
    async readTip(branch, reuse) {
        const known = reuse ? this.known.get(branch) : undefined;
        const tip = known?.oid ?? (await this.fetchTip(branch));
        if (tip === undefined)
            return undefined;
        const readAt = known?.at ?? this.clock.now();
        this.known.set(branch, { oid: tip, at: readAt });
        // A commit's files never change: the preflight's listing and the blobs it read serve the
        // first attempt on the same tip (two git processes less). The tree is written anew, since
        // another commit may bring other edits.
        if (this.read?.tip === tip && this.read.branch === branch) {
            const { entries, source } = this.read;
            this.read = { branch, tip, entries, source };
        }
        else {
            const entries = await this.git.listTree(tip);
            const source = createTreeSource(`${this.label}@${branch} (${(0,lib_text/* shortSha */.Fu)(tip)})`, entries, (sha) => this.git.readBlob(sha));
            this.read = { branch, tip, entries, source };
        }
        return { oid: tip, source: this.read.source, readAt };
    }
    // the remote's HEAD and its commit (which a first attempt on the default branch then reuses)
    async fetchDefaultBranch() {
        const fetched = await this.git.fetchBranchAndHead(REMOTE, undefined, this.repo.shallow);
        if (fetched.defaultBranch === undefined)
            return (await this.git.defaultBranch(REMOTE)) ?? '';
        if (fetched.headTip !== undefined) {
            this.known.set(fetched.defaultBranch, { oid: fetched.headTip, at: this.clock.now() });
        }
        return fetched.defaultBranch;
    }
    // the branch's tip, and the default branch with it while that is unknown
    async fetchTip(branch) {
        if (this.defaultBranch !== undefined) {
            return this.git.fetchBranch(REMOTE, branch, this.repo.shallow);
        }
        const fetched = await this.git.fetchBranchAndHead(REMOTE, branch, this.repo.shallow);
        const { defaultBranch } = fetched;
        if (defaultBranch !== undefined)
            this.defaultBranch ??= Promise.resolve(defaultBranch);
        return fetched.tip;
    }
    async prBranchHolds(tip, changed, prBranch) {
        this.prTip = await this.git.fetchBranch(REMOTE, prBranch, this.repo.shallow);
        if (this.prTip === undefined)
            return undefined;
        const head = await this.git.readCommit(this.prTip);
        if (!isOurCommit(head, this.identity)) {
            throw new errors/* PublishError */.S1(`The pull request branch ${prBranch} of ${this.label} ends in commit ${(0,lib_text/* shortSha */.Fu)(this.prTip)} by ${head.author}, which gitops-release did not write (a reviewer's change?). It is not overwritten. Merge or close its pull request and delete ${prBranch}, or release under another tag.`, { input: 'create-pr' });
        }
        const tree = await this.writeTree(tip, changed);
        const holds = (await this.git.treeOf(this.prTip)) === tree && head.parents[0] === tip;
        return holds ? this.prTip : undefined;
    }
    async commitAndSwap(tip, changed, ref, message) {
        const { createPr } = this.options;
        const sha = await this.commitOn(tip, changed, createPr ? withReleaseTrailer(message) : message);
        if (sha === undefined)
            return { ok: 'unchanged' };
        // the pull request branch is ours to move, but only from where we saw it (our own commit)
        const lease = createPr ? (this.prTip ?? '') : undefined;
        const result = await this.git.push(REMOTE, sha, `refs/heads/${ref}`, lease);
        if (result.ok) {
            this.known.set(ref, { oid: sha, at: this.clock.now() });
            return result.upToDate ? { ok: 'landed-by-another', sha } : { ok: true, sha, url: '' };
        }
        this.known.delete(ref);
        return { ok: false, kind: classifyFailure(result.output), output: result.output, sha };
    }
    async isDescendant(ancestor, commit) {
        if (!(0,lib_text/* isCommitSha */._$)(ancestor) || !(0,lib_text/* isCommitSha */._$)(commit))
            return false;
        if (ancestor === commit)
            return true;
        if (!(await this.present(commit)) || !(await this.present(ancestor)))
            return false;
        return this.git.isAncestor(ancestor, commit);
    }
    async sourceAt(commit) {
        const sha = commit.toLowerCase();
        if (!(0,lib_text/* isCommitSha */._$)(sha) || !(await this.present(sha)))
            throw unknownCommit(commit, this.label);
        // Fetched without file contents: git fetches the blobs read, on demand.
        return createTreeSource(`${this.label}@${(0,lib_text/* shortSha */.Fu)(sha)}`, await this.git.listTree(sha), (blob) => this.git.readBlob(blob));
    }
    async close() {
        if (this.options.target.kind === 'remote') {
            await (0,promises_.rm)(this.git.dir, { recursive: true, force: true });
        }
    }
    // present locally, or fetched now (history without file contents)
    async present(sha) {
        return (await this.git.hasCommit(sha)) || (await this.git.fetchCommit(REMOTE, sha));
    }
    // the files to write over the tip, each keeping its mode there
    treeFiles(tip, changed) {
        const read = this.read?.tip === tip ? this.read.entries : [];
        const modes = new Map(read.map((e) => [e.path, e.mode]));
        return changed.map((edit) => ({
            path: edit.path,
            mode: modes.get(edit.path) ?? '100644',
            content: Buffer.from(edit.after, 'utf8')
        }));
    }
    async writeTree(tip, changed) {
        const { read } = this;
        if (read?.tip === tip && read.tree !== undefined)
            return read.tree;
        const tree = await this.git.writeTree(tip, this.treeFiles(tip, changed));
        if (read?.tip === tip)
            read.tree = tree;
        return tree;
    }
    // The commit of `changed` on `tip`, undefined when it would not change the tree. One git
    // process (fast-import) when the tip's listing is at hand and no signature is asked for;
    // otherwise a temporary index, write-tree and commit-tree (which signs).
    async commitOn(tip, changed, message) {
        const { read, git } = this;
        if (read?.tip === tip &&
            read.tree === undefined &&
            !(await (this.signing ??= git.signsCommits()))) {
            const files = this.treeFiles(tip, changed);
            if (sameTreeAfter(read.entries, files, read.entries))
                return undefined;
            return git.commitFiles(tip, files, message, this.identity);
        }
        const tree = await this.writeTree(tip, changed);
        if (tree === (await git.treeOf(tip)))
            return undefined;
        return git.commitTree(tree, tip, message, this.identity);
    }
}
/** Opens the repository of `options` (cloning a remote one) and the git strategy over it. */
async function openGitStrategy(options, deps) {
    const repo = await openRepository(options, gitContextFactory(options, deps), deps);
    return new GitStrategy(repo, options, deps);
}

;// CONCATENATED MODULE: ./src/publish/github/strategy.ts











/** The target's URL (a remote target) and its OWNER/NAME when it is on the GitHub server. */
function apiTarget(options) {
    const url = options.target.kind === 'remote'
        ? normalizeRemote(options.target.url, options.workspace)
        : undefined;
    const repository = options.github.repository ??
        (url === undefined ? undefined : (0,git_url/* ownerNameOnServer */.br)(url, options.github.serverUrl));
    return { ...(url === undefined ? {} : { url }), ...(repository ? { repository } : {}) };
}
/**
 * The GitHub API client for commit-mode api on `repository` (rate-limit waits on the deps'
 * clock, within the run's one budget); PublishError naming the input without a repository or a
 * token.
 */
function connectApi(options, repository, deps) {
    if (!repository || !options.token) {
        throw new errors/* PublishError */.S1('commit-mode: api needs the target repository on the GitHub server and a token.', { input: 'commit-mode' });
    }
    const api = runGitHubApi(options.token, options.github, deps);
    return { api, repository };
}
/**
 * The API strategy: read the tip through GraphQL, the files through the trees and blobs API,
 * and land with createCommitOnBranch, whose expectedHeadOid makes GitHub do the
 * compare-and-swap (and sign the commit). No clone, no git; ancestry through the compare API.
 */
class GitHubStrategy {
    label;
    remoteUrl;
    onGitHub = true;
    workspaceRoot;
    openPullRequest;
    // the listing of the tip the current attempt read (the pull request check compares trees)
    defaultBranch;
    read;
    api;
    repository;
    options;
    logger;
    // the identity note is logged with the first commit, not by a preview or an ancestry check
    told = false;
    constructor(api, repository, options, url, logger) {
        this.api = api;
        this.repository = repository;
        this.options = options;
        this.logger = logger;
        this.label = `${repository.owner}/${repository.repo}`;
        this.remoteUrl = withoutCredentials(url ?? `${options.github.serverUrl.replace(/\/+$/, '')}/${this.label}.git`);
        if (options.target.kind === 'workspace')
            this.workspaceRoot = options.workspace;
        this.openPullRequest = (spec) => ensurePullRequest(api, repository, spec, logger);
    }
    commitUrl(sha) {
        return commitWebUrl(this.options.github.serverUrl, this.repository, sha);
    }
    // the default branch does not change within a run: read once for every commit of the session
    readDefaultBranch() {
        this.defaultBranch ??= this.api.defaultBranch(this.repository).catch((error) => {
            this.defaultBranch = undefined;
            throw error;
        });
        return this.defaultBranch;
    }
    // a GraphQL read costs no clone: the tip is read anew on every attempt
    async readTip(branch) {
        const { api, repository } = this;
        const head = await api.branchHead(repository, branch);
        if (!head)
            return undefined;
        const entries = await api.listTree(repository, head.treeOid);
        this.read = { tip: head.oid, entries };
        const source = createTreeSource(`${this.label}@${branch} (${(0,lib_text/* shortSha */.Fu)(head.oid)})`, entries, (sha) => api.readBlob(repository, sha));
        return { oid: head.oid, source };
    }
    // a re-run: the release branch is one commit on the tip whose tree is the one we would write
    async prBranchHolds(tip, changed, prBranch) {
        const { api, repository, read } = this;
        const prHead = await api.branchHead(repository, prBranch);
        if (prHead === undefined)
            return undefined;
        if (!isOurCommit({ message: prHead.message })) {
            throw new errors/* PublishError */.S1(`The pull request branch ${prBranch} of ${this.label} ends in commit ${(0,lib_text/* shortSha */.Fu)(prHead.oid)}, which gitops-release did not write (a reviewer's change?). It is not overwritten. Merge or close its pull request and delete ${prBranch}, or release under another tag.`, { input: 'create-pr' });
        }
        if (prHead.parentOid !== tip || read?.tip !== tip)
            return undefined;
        const writes = changed.map((edit) => ({
            path: edit.path,
            content: Buffer.from(edit.after, 'utf8')
        }));
        const same = sameTreeAfter(read.entries, writes, await api.listTree(repository, prHead.treeOid));
        return same ? prHead.oid : undefined;
    }
    async commitAndSwap(tip, changed, ref, message) {
        const { api, repository, options } = this;
        if (!this.told) {
            this.told = true;
            this.logger.info(`commit-mode api: GitHub creates and signs the commit as the token's identity; author-name and author-email are not used.`);
        }
        // the pull request branch holds only our commit (checked above): it starts again from the tip
        if (options.createPr)
            await api.setBranch(repository, ref, tip);
        const outcome = await api.createCommitOnBranch(repository, ref, tip, options.createPr ? withReleaseTrailer(message) : message, changed.map((edit) => ({
            path: edit.path,
            contents: Buffer.from(edit.after, 'utf8').toString('base64')
        })));
        if (outcome.ok)
            return { ok: true, sha: outcome.oid, url: outcome.url };
        return { ok: false, kind: outcome.kind, output: outcome.detail };
    }
    async isDescendant(ancestor, commit) {
        if (!(0,lib_text/* isCommitSha */._$)(ancestor) || !(0,lib_text/* isCommitSha */._$)(commit))
            return false;
        const status = await this.api.compare(this.repository, ancestor, commit);
        return status === 'identical' || status === 'ahead';
    }
    async sourceAt(commit) {
        if (!(0,lib_text/* isCommitSha */._$)(commit))
            throw unknownCommit(commit, this.label);
        // The trees API takes a commit SHA as well and answers with that commit's tree.
        const entries = await this.api.listTree(this.repository, commit);
        return createTreeSource(`${this.label}@${(0,lib_text/* shortSha */.Fu)(commit)}`, entries, (sha) => this.api.readBlob(this.repository, sha));
    }
    close() {
        return Promise.resolve();
    }
}
/** The API strategy for `options`; PublishError when the target or token does not allow it. */
function openGitHubStrategy(options, deps) {
    const target = apiTarget(options);
    checkPrerequisites(options, target.repository !== undefined);
    const { api, repository } = connectApi(options, target.repository, deps);
    return new GitHubStrategy(api, repository, options, target.url, deps.logger);
}

;// CONCATENATED MODULE: ./src/publish/session.ts



/**
 * Opens the repository of `options` for the commit mode it names (`options.message` and
 * `options.dryRun` are not used: each call says). The token is masked before anything runs.
 */
async function session_openPublisher(options, deps) {
    if (options.token)
        deps.runtime.setSecret(options.token);
    const strategy = options.mode === 'api'
        ? openGitHubStrategy(options, deps)
        : await openGitStrategy(options, deps);
    const driverDeps = { logger: deps.logger, clock: deps.clock };
    return {
        preview: (compute, logger) => runCompareAndSwap(strategy, { ...options, dryRun: true }, { ...driverDeps, ...(logger === undefined ? {} : { logger }), compute }),
        land: (text, compute) => runCompareAndSwap(strategy, { ...options, ...text, dryRun: false }, { ...driverDeps, compute }),
        isDescendant: (ancestor, commit) => strategy.isDescendant(ancestor, commit),
        sourceAt: (commit) => strategy.sourceAt(commit),
        close: () => strategy.close()
    };
}
/**
 * A Publisher that opens the repository on its first call (a run that fails before it commits
 * clones nothing) and whose `close` removes the clone only if one was made. The composition root
 * holds one per run and hands it to the preflight, the publish, the wait's ancestry check and the
 * rollback.
 */
function publisherOnFirstUse(open) {
    let opened;
    const publisher = () => (opened ??= open());
    return {
        preview: async (compute, logger) => (await publisher()).preview(compute, logger),
        land: async (text, compute) => (await publisher()).land(text, compute),
        isDescendant: async (ancestor, commit) => (await publisher()).isDescendant(ancestor, commit),
        sourceAt: async (commit) => (await publisher()).sourceAt(commit),
        close: async () => {
            if (opened !== undefined)
                await (await opened).close();
        }
    };
}

;// CONCATENATED MODULE: ./src/publish/publish.ts











// The stage's one entry for the composition root: one lazily loaded chunk, not one per module.


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
        runner: deps.runner ?? (0,exec.createProcessRunner)(secrets, gitBaseEnv(options.env)),
        clock: deps.clock ?? clock/* systemClock */.m,
        createGitHubApi: deps.createGitHubApi ?? createGitHubApi,
        networkLimits: deps.networkLimits ?? DEFAULT_NETWORK_LIMITS,
        http: deps.http,
        rateLimitBudget: deps.rateLimitBudget ?? newRateLimitBudget()
    };
}
/**
 * Post step. Credentials never reach a file (they live in the environment of our git
 * processes only), so the one thing to clean is a temporary clone a cancelled run left behind.
 */
async function cleanupPublish(logger, runtime) {
    const dir = runtime.getState(lib_runtime/* STATE_KEYS */.L.cloneDir);
    if (dir === '' || !(0,external_node_path_.basename)(dir).startsWith(TEMP_PREFIX) || !(0,external_node_fs_.existsSync)(dir))
        return;
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    logger.debug(`Removed the temporary clone ${dir}`);
}


/***/ })

};
