export const id = 191;
export const ids = [191,68,737];
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

/***/ 2877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ createHttpFetch),
/* harmony export */   j: () => (/* binding */ HttpRedirectError)
/* harmony export */ });
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


/***/ }),

/***/ 1040:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ exhaustedFailure),
/* harmony export */   Kc: () => (/* binding */ failureDetail),
/* harmony export */   XE: () => (/* binding */ classifyFailure),
/* harmony export */   XF: () => (/* binding */ isStall),
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   yX: () => (/* binding */ publishFailure)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);

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
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Push to branch ${branch} of ${repository} was refused by branch protection${said}. Set create-pr: true to open a pull request instead, or give token a token allowed to push to ${branch} (for example a GitHub App in the ruleset's bypass list).`, { input: 'branch' });
        case 'auth':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Authentication to ${repository} failed (HTTP 401/403) while ${action} branch ${branch}${said}. Check the token input: it must be allowed to write contents to ${repository}. The workflow's GITHUB_TOKEN only reaches the workflow's own repository and needs "permissions: contents: write"; for another repository use a GitHub App installation token or a fine-grained personal access token.`, { input: 'token' });
        case 'missing-branch':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Branch ${branch} does not exist in ${repository}. Create it first, or set branch to an existing branch.`, { input: 'branch' });
        case 'not-found':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Repository ${repository} was not found while ${action} branch ${branch}${said}. Check the repository input, and that the token can see the repository.`, { input: 'repository' });
        case 'redirect':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`${repository} answered ${action} branch ${branch} with a redirect${said}. Git does not follow redirects here, so the token never reaches another server. Set repository to the repository's current URL (a renamed or moved repository redirects).`, { input: 'repository' });
        default:
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Failed ${action} branch ${branch} of ${repository}${said}.`, {
                input: 'repository'
            });
    }
}
/** The error after the last attempt lost a race or could not reach the remote. */
function exhaustedFailure(kind, context, attempts, detail, budgetMs) {
    const { repository, branch } = context;
    const said = detail === '' ? '' : ` Last failure: ${detail}.`;
    if (kind === 'unreachable') {
        return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Could not reach ${repository} (branch ${branch}) in ${attempts} attempt(s).${said} Check the repository URL, the network and the git server.`, { input: 'repository' });
    }
    return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Gave up after ${attempts} attempt(s)${budgetMs === undefined ? '' : ` in ${Math.round(budgetMs / 1000)} s`} to push to branch ${branch} of ${repository}: other commits kept landing first or the remote kept refusing.${said} Nothing was pushed. Raise push-attempts (each allows another failed attempt and another minute of racing), or let fewer jobs update ${branch} at the same time.`, { input: 'push-attempts' });
}


/***/ }),

/***/ 5754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mz: () => (/* binding */ networkEnv),
/* harmony export */   VI: () => (/* binding */ gitBaseEnv),
/* harmony export */   i2: () => (/* binding */ DEFAULT_NETWORK_LIMITS),
/* harmony export */   tY: () => (/* binding */ FIXED_ENV)
/* harmony export */ });
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


/***/ }),

/***/ 2743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   Yl: () => (/* binding */ headersOf),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   o3: () => (/* binding */ kindOfStatus),
/* harmony export */   qO: () => (/* binding */ transportFailure),
/* harmony export */   wx: () => (/* binding */ header)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);
/* harmony import */ var _lib_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5068);
/* harmony import */ var _lib_http_fetch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2877);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1040);




/** A GitHub API call that failed; `status` is the HTTP status when there was an answer. */
class GitHubApiError extends _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1 {
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
function headersOf(error) {
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
    return (0,_failure_js__WEBPACK_IMPORTED_MODULE_3__/* .classifyFailure */ .XE)(message);
}
// No HTTP answer (deadline, connection) or a redirect: Octokit reports either as "HTTP 500" with
// our error as the cause; say what happened instead.
function transportFailure(what, error) {
    const cause = error?.cause ?? error;
    // The client refused to send the token (plain http to another host): final, and no HTTP
    // status was ever exchanged.
    if (cause instanceof _lib_http_js__WEBPACK_IMPORTED_MODULE_1__.PlainHttpCredentialError)
        return cause;
    if (cause instanceof _lib_http_js__WEBPACK_IMPORTED_MODULE_1__.HttpNetworkError) {
        const said = cause.timedOut ? `GitHub sent no complete answer: ${cause.message}` : cause.message;
        return new GitHubApiError(`${what}: ${said}`, undefined, 'unreachable');
    }
    if (cause instanceof _lib_http_fetch_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpRedirectError */ .j) {
        return new GitHubApiError(`${what}: ${cause.message}`, cause.status, 'redirect');
    }
    return undefined;
}


/***/ }),

/***/ 6386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DE: () => (/* binding */ callWithRateLimits),
/* harmony export */   Gt: () => (/* binding */ DEFAULT_RATE_LIMITS),
/* harmony export */   bo: () => (/* binding */ newRateLimitBudget),
/* harmony export */   ih: () => (/* binding */ RATE_LIMIT_POLICY)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);
/* harmony import */ var _lib_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6296);
/* harmony import */ var _lib_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8372);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2743);




/**
 * True for GitHub's rate-limit answers: 429, or 403 with `x-ratelimit-remaining: 0`, a
 * `retry-after` header, or a message about a (secondary) rate limit. A plain 403 stays an auth error.
 */
function isRateLimited(status, headers, message) {
    if (status === 429)
        return true;
    if (status !== 403)
        return false;
    return ((0,_api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(headers, 'x-ratelimit-remaining') === '0' ||
        (0,_api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(headers, 'retry-after') !== undefined ||
        /rate limit/i.test(message));
}
/**
 * How long GitHub asks us to wait, in ms: `retry-after` (seconds or an HTTP date), else with
 * `x-ratelimit-remaining: 0` until `x-ratelimit-reset` (epoch seconds, measured against the
 * answer's own `date` header so the runner's clock does not matter). Undefined when the answer
 * does not say: the retry policy's own back-off (a minute, then doubling) applies.
 */
function rateLimitDelay(headers) {
    const date = Date.parse((0,_api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(headers, 'date') ?? '');
    const after = (0,_api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(headers, 'retry-after');
    if (after !== undefined) {
        if (/^\d+$/.test(after.trim()))
            return Number(after) * 1000;
        const until = Date.parse(after);
        if (!Number.isNaN(until) && !Number.isNaN(date))
            return Math.max(0, until - date);
    }
    const reset = Number((0,_api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(headers, 'x-ratelimit-reset'));
    if ((0,_api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(headers, 'x-ratelimit-remaining') === '0' && reset > 0 && !Number.isNaN(date)) {
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
    clock: _lib_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m,
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
        outcome = await (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L)(limits.policy, limits.clock, async () => {
            let value;
            try {
                value = await fn();
            }
            catch (error) {
                const transport = (0,_api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .transportFailure */ .qO)(what, error);
                if (transport !== undefined)
                    throw transport;
                const status = (0,_api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOf */ .c2)(error);
                const message = (0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
                const headers = (0,_api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .headersOf */ .Yl)(error);
                if (isRateLimited(status, headers, message)) {
                    return limited(`HTTP ${status ?? ''} ${message}`.trim(), rateLimitDelay(headers));
                }
                throw new _api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .OS(`${what}: ${status === undefined ? '' : `HTTP ${status} `}${message}`, status, (0,_api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .kindOfStatus */ .o3)(status, message));
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
        throw new _api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .OS(`${what}: GitHub's rate limit was hit (${error.reason}) and GitHub asked ${asked}, but this run has only ${Math.floor(error.leftMs / 1000)} s of its ${Math.round(RATE_LIMIT_BUDGET_MS / 60_000)} minutes for rate-limit waits left. Run again later, or use a token with its own rate limit (a GitHub App installation token).`, 429, 'rate-limited');
    }
    if (outcome.ok)
        return outcome.value;
    throw new _api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .OS(`${what}: GitHub's rate limit was still in force after ${outcome.attempts} attempt(s) within ${Math.round(limits.policy.totalMs / 60_000)} minutes (${outcome.reason}). Run again later, or use a token with its own rate limit (a GitHub App installation token).`, 429, 'rate-limited');
}


/***/ }),

/***/ 2191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openPublisher: () => (/* binding */ openPublisher),
  publisherOnFirstUse: () => (/* binding */ publisherOnFirstUse)
});

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __webpack_require__(6299);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(8372);
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
 * How often a race window doubles at most (to 32 exposure windows). Measured with bench/race
 * (16 racers, one process each, same run): a cap of 8 windows took 21–27× one run with a median
 * of 4 attempts, 32 windows 17–19× with 3.5; racers that spread wider collide less. A cap of 64
 * windows was no faster for 64 racers.
 */
const MAX_RACE_DOUBLINGS = 4;
/** Longest single wait, in ms. */
const MAX_BACKOFF_MS = 30_000;
/**
 * Back-off before the next attempt: full jitter over a window that doubles with each
 * consecutive loss of the same sort. After a lost race the window starts at the time the tip we
 * built on was exposed twice over (`windowMs`: read to refused update, the shortest this run has
 * seen: racing runs inflate each other's) and grows to 32 such windows,
 * so racers spread out and mostly land one after the other; after a failure it starts at a
 * second and grows to MAX_BACKOFF_MS.
 */
function backoffDelay(kind, count, windowMs, random) {
    const start = kind === 'race'
        ? Math.max(MIN_RACE_BACKOFF_MS, FIRST_RACE_WINDOWS * windowMs)
        : Math.max(MIN_FAILURE_BACKOFF_MS, 8 * windowMs);
    // a race window stops growing at 32 exposures: each lost race means another run landed, so
    // the racers thin out by themselves, and a longer wait only leaves the branch idle
    const doublings = Math.max(0, count - 1);
    const window = Math.min(MAX_BACKOFF_MS, start * 2 ** Math.min(kind === 'race' ? MAX_RACE_DOUBLINGS : 20, doublings));
    return Math.round(random() * window);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/lib/exec.ts
var exec = __webpack_require__(1737);
// EXTERNAL MODULE: ./src/publish/git/env.ts
var env = __webpack_require__(5754);
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
            env: { ...env/* FIXED_ENV */.tY, ...context.env, ...options.env },
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
/** The top-level folder of the work tree containing `dir`. */
async function gitTopLevel(dir, context) {
    return git_text(['-C', dir, 'rev-parse', '--show-toplevel'], context);
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
 * when known (a bare repository), lets a fetch's result be read from FETCH_HEAD instead of
 * asking another git process.
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
    async isShallow() {
        return (await this.git(['rev-parse', '--is-shallow-repository'])) === 'true';
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
        if (result.exitCode === 0)
            return { ok: true };
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
        // no auto-maintenance (git 2.23+): one process less per attempt; the clone is thrown away
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

// EXTERNAL MODULE: ./src/publish/github/api-error.ts
var api_error = __webpack_require__(2743);
// EXTERNAL MODULE: ./src/publish/failure.ts
var failure = __webpack_require__(1040);
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
function failureOutcome(kind, output, context, windowMs) {
    const detail = (0,failure/* failureDetail */.Kc)(output);
    if ((0,failure/* isRetryable */.r3)(kind))
        return windowMs === undefined ? { retry: kind, detail } : { retry: kind, detail, windowMs };
    throw (0,failure/* publishFailure */.yX)(kind, context, detail);
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
                result = failureOutcome((0,failure/* classifyFailure */.XE)(error.output), error.output, options.context());
            }
            else if (error instanceof api_error/* GitHubApiError */.OS) {
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
        if (result.retry === 'stale') {
            races++;
            shortest = Math.min(shortest, window);
            delayMs = backoffDelay('race', races, shortest, () => clock.random());
        }
        else {
            races = 0;
            failures++;
            if (result.retry === 'unreachable' && (0,failure/* isStall */.XF)(result.detail))
                stalls++;
            if (failures >= attempts || stalls >= STALLED_ATTEMPTS)
                throw (0,failure/* exhaustedFailure */.I)(result.retry, options.context(), n, result.detail);
            delayMs = backoffDelay('failure', failures, window, () => clock.random());
        }
        options.logger.info(`Attempt ${n} did not land (${why(result.retry)}: ${result.detail}); reading the new tip and retrying in ${(delayMs / 1000).toFixed(1)} s.`);
        return { done: false, reason: result.detail, delayMs };
    });
    if (outcome.ok)
        return outcome.value;
    throw (0,failure/* exhaustedFailure */.I)(last.retry, options.context(), outcome.attempts, last.detail, budgetMs);
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
        if (outcome.ok) {
            const url = outcome.url || strategy.commitUrl(outcome.sha);
            return { done: { tip: tip.oid, sha: outcome.sha, url, edits, changed: true } };
        }
        if (outcome.sha !== undefined && !options.createPr) {
            pending = { tip: tip.oid, sha: outcome.sha, edits };
        }
        return failureOutcome(outcome.kind, outcome.output, { ...failureContext(), branch: target }, deps.clock.now() - started);
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

// EXTERNAL MODULE: ./src/publish/github/rate-limit.ts
var rate_limit = __webpack_require__(6386);
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



function parseHttpUrl(url) {
    if (!(0,git_url/* isHttpUrl */.q$)(url))
        return undefined;
    try {
        return new URL(url);
    }
    catch {
        return undefined;
    }
}
/** The URL with any user name and password removed (http/https); other forms unchanged. */
function withoutCredentials(url) {
    const parsed = parseHttpUrl(url);
    if (!parsed || (parsed.username === '' && parsed.password === ''))
        return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
}
/** True when an http(s) URL carries a password or token in its user information. */
function hasEmbeddedCredentials(url) {
    const parsed = parseHttpUrl(url);
    return parsed !== undefined && (parsed.password !== '' || parsed.username !== '');
}
/** `scheme://host[:port]/` of an http(s) URL, the key git uses for `http.<url>.extraheader`. */
function httpOrigin(url) {
    const parsed = parseHttpUrl(url);
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

// EXTERNAL MODULE: ./src/lib/runtime.ts
var runtime = __webpack_require__(6382);
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

// EXTERNAL MODULE: ./src/publish/types.ts
var types = __webpack_require__(1067);
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
    const network = (0,env/* networkEnv */.Mz)(deps.networkLimits, inherited, 
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
        let root;
        try {
            root = await gitTopLevel(options.workspace, bare);
        }
        catch {
            throw new errors/* PublishError */.S1(`The workspace ${options.workspace} is not a git repository. Run actions/checkout before this step, or set repository to the GitOps repository.`, { input: 'repository' });
        }
        let urls;
        try {
            urls = await createGit(root, bare).remoteUrls(REMOTE);
        }
        catch {
            throw new errors/* PublishError */.S1(`The workspace repository at ${root} has no remote named origin. Check out the repository with actions/checkout, or set repository.`, { input: 'repository' });
        }
        const auth = await gitEnv([urls.fetch, urls.push], root, options, bare, deps);
        const git = createGit(root, context(auth.env, auth.secrets));
        return { git, root, url: urls.fetch, shallow: await git.isShallow() };
    }
    const url = normalizeRemote(options.target.url, options.workspace);
    if (hasEmbeddedCredentials(url)) {
        throw new errors/* PublishError */.S1(`The repository URL carries credentials. Remove them from the URL and pass the token in the token input.`, { input: 'repository' });
    }
    const auth = await gitEnv([url], options.tempDir, options, bare, deps);
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempDir, `${types/* TEMP_PREFIX */.M}clone-`));
    deps.runtime.saveState(runtime/* STATE_KEYS */.L.cloneDir, dir);
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
    // the tip of each branch as this session last read or moved it
    known = new Map();
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
        if (repo.root !== undefined)
            this.workspaceRoot = repo.root;
        if (repository) {
            this.openPullRequest = (spec) => ensurePullRequest(deps.createGitHubApi(options.token ?? '', options.github, {
                clock: deps.clock,
                policy: rate_limit/* RATE_LIMIT_POLICY */.ih,
                logger: deps.logger,
                budget: deps.rateLimitBudget
            }, { http: deps.http }), repository, spec, deps.logger);
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
        const tip = (reuse ? this.known.get(branch) : undefined) ?? (await this.fetchTip(branch));
        if (tip === undefined)
            return undefined;
        this.known.set(branch, tip);
        const entries = await this.git.listTree(tip);
        this.read = { tip, entries };
        const source = createTreeSource(`${this.label}@${branch} (${(0,lib_text/* shortSha */.Fu)(tip)})`, entries, (sha) => this.git.readBlob(sha));
        return { oid: tip, source };
    }
    // the remote's HEAD and its commit (which a first attempt on the default branch then reuses)
    async fetchDefaultBranch() {
        const fetched = await this.git.fetchBranchAndHead(REMOTE, undefined, this.repo.shallow);
        if (fetched.defaultBranch === undefined)
            return (await this.git.defaultBranch(REMOTE)) ?? '';
        if (fetched.headTip !== undefined)
            this.known.set(fetched.defaultBranch, fetched.headTip);
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
            this.known.set(ref, sha);
            return { ok: true, sha, url: '' };
        }
        this.known.delete(ref);
        return { ok: false, kind: (0,failure/* classifyFailure */.XE)(result.output), output: result.output, sha };
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
    const api = deps.createGitHubApi(options.token, options.github, {
        clock: deps.clock,
        policy: rate_limit/* RATE_LIMIT_POLICY */.ih,
        logger: deps.logger,
        budget: deps.rateLimitBudget
    }, { http: deps.http });
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
async function openPublisher(options, deps) {
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


/***/ }),

/***/ 1067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ TEMP_PREFIX)
/* harmony export */ });
/** Prefix of every folder the stage creates under RUNNER_TEMP. */
const TEMP_PREFIX = 'gitops-release-';


/***/ })

};
