export const id = 997;
export const ids = [997];
export const modules = {

/***/ 2997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lookupImage: () => (/* binding */ lookupImage)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/image-ref.ts
var image_ref = __webpack_require__(6847);
// EXTERNAL MODULE: ./src/lib/loopback.ts
var loopback = __webpack_require__(9481);
;// CONCATENATED MODULE: ./src/images/registry-protocol.ts
/** The registry protocol as data: where a registry answers, its auth challenge, an index's manifest. */


/** `https://HOST` for a domain; plain http for loopback, which Docker also treats as insecure. */
function registryBase(domain) {
    const host = domain === image_ref/* DOCKER_HUB */.Xb ? 'registry-1.docker.io' : domain;
    return `${(0,loopback/* isLoopbackHost */.c)(host.replace(/:\d+$/, '')) ? 'http' : 'https'}://${host}`;
}
/** The parameters of a `WWW-Authenticate` challenge (`Bearer realm="…",service="…"`). */
function parseChallenge(header) {
    if (header === undefined)
        return undefined;
    const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (match === null)
        return undefined;
    const params = {};
    for (const param of (match[2] ?? '').matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
        params[(param[1] ?? '').toLowerCase()] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1');
    }
    return { scheme: (match[1] ?? '').toLowerCase(), params };
}
/**
 * From an image index, the manifest to read labels from: the wanted platform when it is there,
 * else linux/amd64, else the first real image (attestation entries, `unknown/unknown`, are not).
 */
function pickManifest(index, platform) {
    const entries = index?.manifests;
    if (!Array.isArray(entries))
        return undefined;
    const images = entries.flatMap((entry) => {
        const item = entry;
        if (!(0,image_ref/* isDigest */.Bc)(item.digest))
            return [];
        const os = typeof item.platform?.os === 'string' ? item.platform.os : '';
        const arch = typeof item.platform?.architecture === 'string' ? item.platform.architecture : '';
        const variant = typeof item.platform?.variant === 'string' ? item.platform.variant : '';
        if (os === 'unknown' || arch === 'unknown')
            return [];
        return [{ digest: item.digest, names: [`${os}/${arch}`, `${os}/${arch}/${variant}`] }];
    });
    const wanted = [platform?.trim(), 'linux/amd64'].filter((p) => !!p);
    for (const name of wanted) {
        const hit = images.find((image) => image.names.includes(name));
        if (hit)
            return hit.digest;
    }
    return images[0]?.digest;
}

;// CONCATENATED MODULE: ./src/images/registry-api.ts





/** Every manifest type a registry may hold for a tag. */
const MANIFEST_ACCEPT = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');
/** Time limit of each registry request. */
const REGISTRY_TIMEOUT_MS = 15_000;
/** A registry request that did not go as expected (the lookup turns it into `unknown`). */
class LookupError extends Error {
}
/**
 * Whether the registry's credentials may go to a token service (`realm`): only to the
 * registry's own origin, or over https, or over plain http to a loopback address (a test
 * registry). Anything else would send the password in clear text, or to a stranger over http.
 */
function realmMayHaveCredentials(realm, registryOrigin) {
    if (realm.origin === registryOrigin)
        return true;
    if (realm.protocol === 'https:')
        return true;
    return realm.protocol === 'http:' && (0,loopback/* isLoopbackHost */.c)(realm.hostname);
}
/**
 * Reads what the registry holds under `repository:tag` with small API requests only: the
 * manifest (for an index, one platform's manifest) and the image config JSON; never a layer.
 * Authenticates as Docker does: the bearer-token flow when the registry asks for it (Docker
 * Hub, GHCR and most others), basic auth when it asks for that; `credentials` are used only for
 * their own registry. Never throws: anything unexpected is `unknown` with the reason.
 */
async function lookupImage(http, repository, tag, options = {}) {
    const ref = (0,image_ref/* parseReference */.F2)(repository);
    if (ref === undefined)
        return { kind: 'unknown', reason: `'${repository}' is not a valid repository` };
    const mine = options.credentials &&
        (0,image_ref/* parseReference */.F2)(`${options.credentials.registry}/x`)?.domain === ref.domain;
    const session = createSession(http, registryBase(ref.domain), ref.path, mine ? options.credentials : undefined);
    try {
        const top = await session.get(`/v2/${ref.path}/manifests/${tag}`, MANIFEST_ACCEPT);
        if (top.status === 404)
            return { kind: 'missing' };
        expectOk(top, 'the manifest');
        // The digest is what skip-unchanged reports and the files may pin: it must be the digest of
        // the manifest read, not merely what a header (or a proxy in between) claims.
        const digest = top.headers['docker-content-digest'] ?? sha256(top.body);
        if (!(0,image_ref/* isDigest */.Bc)(digest)) {
            throw new LookupError(`the registry gave an invalid Docker-Content-Digest '${String(digest)}'`);
        }
        if (sha256(top.body) !== digest) {
            throw new LookupError(`the manifest does not match its Docker-Content-Digest ${digest} (its content is ${sha256(top.body)})`);
        }
        let manifest = parseJson(top.body, 'the manifest');
        const config = manifest.config;
        if (config === undefined) {
            const chosen = pickManifest(manifest, options.platform);
            if (chosen === undefined)
                throw new LookupError('the image index lists no image manifest');
            const platform = await session.get(`/v2/${ref.path}/manifests/${chosen}`, MANIFEST_ACCEPT);
            expectOk(platform, `the manifest ${chosen}`);
            if (sha256(platform.body) !== chosen) {
                throw new LookupError(`the manifest ${chosen} does not match its digest`);
            }
            manifest = parseJson(platform.body, `the manifest ${chosen}`);
        }
        const configDigest = manifest.config?.digest;
        if (!(0,image_ref/* isDigest */.Bc)(configDigest))
            throw new LookupError('the manifest names no image config');
        const blob = await session.get(`/v2/${ref.path}/blobs/${configDigest}`, '*/*');
        expectOk(blob, 'the image config');
        if (sha256(blob.body) !== configDigest) {
            throw new LookupError(`the image config does not match its digest ${configDigest}`);
        }
        const labels = parseJson(blob.body, 'the image config')
            .config?.Labels;
        const clean = {};
        if (labels !== null && typeof labels === 'object') {
            for (const [key, value] of Object.entries(labels)) {
                if (typeof value === 'string')
                    clean[key] = value;
            }
        }
        return { kind: 'found', digest, labels: clean };
    }
    catch (error) {
        return { kind: 'unknown', reason: (0,errors/* errorMessage */.gJ)(error) };
    }
}
function sha256(text) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex')}`;
}
function parseJson(text, what) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new LookupError(`${what} is not JSON`);
    }
}
function expectOk(response, what) {
    if (response.status === 200)
        return;
    const detail = response.body.replace(/\s+/g, ' ').trim().slice(0, 200);
    throw new LookupError(`the registry answered ${response.status} for ${what}${detail ? `: ${detail}` : ''}`);
}
/** GETs against one registry, answering its auth challenge once and keeping the result. */
function createSession(http, base, path, credentials) {
    let authorization;
    const basic = credentials
        ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
        : undefined;
    const send = (url, accept, auth) => http.request({
        method: 'GET',
        url,
        headers: { Accept: accept, ...(auth === undefined ? {} : { Authorization: auth }) },
        timeoutMs: REGISTRY_TIMEOUT_MS
    });
    const answerChallenge = async (header) => {
        const challenge = parseChallenge(header);
        if (challenge?.scheme === 'basic') {
            if (basic === undefined)
                throw new LookupError('the registry needs credentials (username and password)');
            return basic;
        }
        if (challenge?.scheme !== 'bearer' || !challenge.params.realm) {
            throw new LookupError(`the registry asked for unsupported authentication (${header ?? 'none'})`);
        }
        let realm;
        try {
            realm = new URL(challenge.params.realm);
        }
        catch {
            throw new LookupError(`the registry named an invalid token service '${challenge.params.realm}'`);
        }
        if (basic !== undefined && !realmMayHaveCredentials(realm, new URL(base).origin)) {
            throw new LookupError(`the registry sends the credentials to the token service ${realm.origin}${realm.pathname}, ` +
                'which is neither the registry itself nor https; they were not sent');
        }
        if (challenge.params.service)
            realm.searchParams.set('service', challenge.params.service);
        realm.searchParams.set('scope', challenge.params.scope ?? `repository:${path}:pull`);
        const answer = await send(realm.toString(), 'application/json', basic);
        if (answer.status !== 200) {
            throw new LookupError(`the token service ${realm.origin} answered ${answer.status}`);
        }
        const body = parseJson(answer.body, 'the token answer');
        const token = typeof body.token === 'string' ? body.token : body.access_token;
        if (typeof token !== 'string' || token === '')
            throw new LookupError('the token service gave no token');
        return `Bearer ${token}`;
    };
    return {
        async get(relative, accept) {
            let url = `${base}${relative}`;
            let response = await send(url, accept, authorization);
            if (response.status === 401) {
                authorization = await answerChallenge(response.headers['www-authenticate']);
                response = await send(url, accept, authorization);
            }
            // Blobs may be served from elsewhere (Docker Hub sends them to a CDN): follow a few
            // redirects by hand, and carry the credentials only to the registry's own origin.
            for (let hop = 0; hop < 3 && [301, 302, 303, 307, 308].includes(response.status); hop++) {
                const location = response.headers.location;
                if (location === undefined)
                    break;
                const next = new URL(location, url);
                url = next.toString();
                response = await send(url, accept, next.origin === new URL(base).origin ? authorization : undefined);
            }
            return response;
        }
    };
}


/***/ })

};
