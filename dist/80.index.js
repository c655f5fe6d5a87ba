export const id = 80;
export const ids = [80];
export const modules = {

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


/***/ })

};
