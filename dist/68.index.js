export const id = 68;
export const ids = [68];
export const modules = {

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

/***/ 5068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createHttpClient: () => (/* binding */ createHttpClient)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/lib/http-client.ts
var http_client = __webpack_require__(5162);
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
        throw new http_client/* HttpNetworkError */.z('not a valid URL', 'ERR_INVALID_URL', false);
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw new http_client/* HttpNetworkError */.z(`${target.protocol} URLs are not supported (only http and https)`, 'ERR_INVALID_PROTOCOL', false);
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
    throw new http_client/* PlainHttpCredentialError */.K(`refused to send ${carried.join(' and ')} over plain http to ${target.host}, which is not ` +
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
        return Promise.reject(new http_client/* HttpNetworkError */.z(`proxy setting: ${route.reason}`, 'EPROXY', false));
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
            reject(new http_client/* HttpNetworkError */.z(text, timedOut ? 'ETIMEDOUT' : error.code, timedOut));
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


/***/ })

};
