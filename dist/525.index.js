export const id = 525;
export const ids = [525];
export const modules = {

/***/ 1997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ normalizeRepoUrl)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);
/* harmony import */ var _lib_git_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4158);
/* harmony import */ var _lib_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5645);



const WEB_SCHEMES = new Set(['https:', 'http:']);
// git:// names the same host as its web URL, like the SSH schemes
const HOST_SCHEMES = new Set([..._lib_git_url_js__WEBPACK_IMPORTED_MODULE_1__/* .SSH_SCHEMES */ .qp, 'git'].map((scheme) => `${scheme}:`));
// Hosts that serve only SSH next to a web host of the same name; Argo CD's matcher accepts the
// prefix on an Application's repoURL but only when html_url names the web host.
const SSH_HOST_PREFIX = /^(?:ssh|altssh)\./i;
/**
 * The web URL Argo CD matches Applications against (`repository.html_url`): `https://HOST/OWNER/REPO`,
 * without credentials, `.git` or a trailing slash. scp and ssh forms become https on the web host.
 */
function normalizeRepoUrl(url, input = 'argocd-repo-url') {
    const text = url.trim();
    const scp = (0,_lib_git_url_js__WEBPACK_IMPORTED_MODULE_1__/* .parseScpLike */ .$x)(text);
    if (scp !== undefined && !text.includes('://')) {
        return build('https:', webHost(scp.host), '', scp.path, url, input);
    }
    let parsed;
    try {
        parsed = new URL(text);
    }
    catch {
        throw unsupported(url, input);
    }
    if (WEB_SCHEMES.has(parsed.protocol)) {
        return build(parsed.protocol, parsed.hostname, parsed.port, parsed.pathname, url, input);
    }
    if (HOST_SCHEMES.has(parsed.protocol)) {
        // The port of an ssh URL is the SSH port, never the web one.
        return build('https:', webHost(parsed.hostname), '', parsed.pathname, url, input);
    }
    throw unsupported(url, input);
}
function webHost(host) {
    const lower = host.toLowerCase();
    // Keep a bare `ssh.` host (no further dot) rather than turn it into a TLD.
    const stripped = lower.replace(SSH_HOST_PREFIX, '');
    return stripped.includes('.') ? stripped : lower;
}
function build(scheme, host, port, rawPath, original, input) {
    let path = rawPath.replace(/^\/+/, '').replace(/\/+$/, '');
    if (path.endsWith('.git'))
        path = path.slice(0, -'.git'.length).replace(/\/+$/, '');
    if (host === '' || !path.includes('/'))
        throw unsupported(original, input);
    return `${scheme}//${host}${port === '' ? '' : `:${port}`}/${path}`;
}
function unsupported(url, input) {
    // The URL may carry a token (https://x-access-token:...@host/...): never echo it whole.
    return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${input}: cannot turn "${(0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .B)(url)}" into the repository's web URL; expected ` +
        'https://HOST/OWNER/REPO (or a git URL such as git@HOST:OWNER/REPO.git). ' +
        'Set argocd-repo-url to the URL your Argo CD Applications use as repoURL.', { input });
}


/***/ }),

/***/ 6003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ ArgoCdWaitError)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);

/**
 * The wait failed: a sync failed, an app turned Degraded, or time ran out. Carries every app's
 * last state in `argocd-app` order; the apps that failed also carry `failure` (why, with what Argo
 * CD said), so a caller such as a rollback can report what failed and where Argo CD stands now.
 */
class ArgoCdWaitError extends _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ArgoCdError */ .rA {
    /** The last state seen of each app, in `argocd-app` order. */
    apps;
    constructor(message, apps, location = {}) {
        super(message, location);
        this.apps = apps;
    }
    /** The apps whose wait failed or timed out, each with its `failure`. */
    get failed() {
        return this.apps.filter((app) => app.failure !== undefined);
    }
}


/***/ }),

/***/ 6847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   Cf: () => (/* binding */ isRegistry),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   GW: () => (/* binding */ isNamespace),
/* harmony export */   RB: () => (/* binding */ sameRepository),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   Y1: () => (/* binding */ normalizeRepository),
/* harmony export */   dz: () => (/* binding */ isTag),
/* harmony export */   mQ: () => (/* binding */ splitReference)
/* harmony export */ });
/**
 * Image references as Docker reads them, in one module so that building, matching in files and
 * validating inputs agree on what a reference means. The grammar is that of the `reference`
 * package of distribution (the library the docker CLI parses names with):
 *   reference := name [ ":" tag ] [ "@" digest ];  name := [ domain "/" ] path
 *   path      := component ( "/" component )*;    component := [a-z0-9]+ ( separator [a-z0-9]+ )*
 *   separator := "." | "_" | "__" | "-"+;          tag := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
 *   domain    := host components joined by "." (or a bracketed IPv6 address), then [ ":" port ]
 * and its normalisation: `x` = `library/x` = `docker.io/library/x`; `index.docker.io` is
 * `docker.io`; any other registry (`registry-1.docker.io` included) is compared exactly.
 */
/** A path component: lower-case alphanumerics joined by `.`, `_`, `__` or runs of `-`. */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const PATH_RE = new RegExp(`^${PATH}$`);
const DOMAIN_RE = new RegExp(`^${DOMAIN}$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;
/** Longest repository name Docker accepts (domain and path together). */
const MAX_NAME_LENGTH = 255;
/** Docker Hub's canonical domain. */
const DOCKER_HUB = 'docker.io';
/** True for a well-formed `sha256:` digest. */
function isDigest(value) {
    return typeof value === 'string' && DIGEST_RE.test(value);
}
/** True for a tag Docker accepts (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`). */
function isTag(value) {
    return TAG_RE.test(value);
}
/** True for a registry host with optional port, as Docker's domain grammar has it. */
function isRegistry(value) {
    return DOMAIN_RE.test(value);
}
/** True for a namespace: empty, or path components joined by `/` (`acme`, `acme/team`). */
function isNamespace(value) {
    return value === '' || PATH_RE.test(value);
}
/**
 * Splits a reference as written; a `:` after the last `/` starts the tag, so `host:5000/x` is a
 * repository. No validation: for values read from files, where anything may stand.
 */
function splitReference(text) {
    const at = text.indexOf('@');
    const digest = at === -1 ? '' : text.slice(at + 1);
    const name = at === -1 ? text : text.slice(0, at);
    const colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
        return { repository: name.slice(0, colon), tag: name.slice(colon + 1), digest };
    }
    return { repository: name, tag: '', digest };
}
/**
 * Splits a repository into domain and path as Docker does: the first component is a domain
 * when it holds `.` or `:`, is `localhost`, or has an upper-case letter; otherwise the domain is
 * Docker Hub. Undefined when the result breaks the grammar (e.g. `Docker.io/Acme/X`).
 */
function splitDomain(repository) {
    if (repository.length > MAX_NAME_LENGTH)
        return undefined;
    const slash = repository.indexOf('/');
    const first = slash === -1 ? '' : repository.slice(0, slash);
    const isDomain = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
    let domain = isDomain ? first : DOCKER_HUB;
    let path = isDomain ? repository.slice(slash + 1) : repository;
    if (!DOMAIN_RE.test(domain) || !PATH_RE.test(path))
        return undefined;
    // Host names are case-insensitive; Docker compares them as written, we compare them folded.
    domain = domain.toLowerCase();
    if (domain === 'index.docker.io')
        domain = DOCKER_HUB;
    if (domain === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    return { domain, path };
}
/** Parses and normalises a reference; undefined when it is not a valid Docker reference. */
function parseReference(text) {
    const parts = splitReference(text);
    const name = splitDomain(parts.repository);
    if (name === undefined)
        return undefined;
    if (parts.tag !== '' && !isTag(parts.tag))
        return undefined;
    if (parts.digest !== '' && !isDigest(parts.digest))
        return undefined;
    if (text.includes('@') && parts.digest === '')
        return undefined;
    return { ...name, tag: parts.tag, digest: parts.digest };
}
/** The full normalised name (`docker.io/library/x`), or undefined for an invalid repository. */
function normalizeRepository(repository) {
    const name = splitDomain(repository);
    return name === undefined ? undefined : `${name.domain}/${name.path}`;
}
/** True when both are valid and name the same repository after normalisation. */
function sameRepository(a, b) {
    const left = normalizeRepository(a);
    return left !== undefined && left === normalizeRepository(b);
}


/***/ }),

/***/ 7525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  coreRunDeps: () => (/* binding */ coreRunDeps),
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: promote, release

// EXTERNAL MODULE: ../../node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(692);
// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(3931);
// EXTERNAL MODULE: ./src/lib/image-ref.ts
var image_ref = __webpack_require__(6847);
;// CONCATENATED MODULE: ./src/edit/path.ts

/** Keys that would reach JavaScript object internals; never accepted in a path. */
const FORBIDDEN_KEYS = new Set([
    '__proto__',
    'constructor',
    'prototype'
]);
class Cursor {
    text;
    input;
    pos = 0;
    constructor(text, input) {
        this.text = text;
        this.input = input;
    }
    peek() {
        return this.text[this.pos];
    }
    fail(expected) {
        const found = this.pos < this.text.length ? `'${this.text[this.pos] ?? ''}'` : 'the end';
        throw new errors/* InputError */.dz(`${this.input}: malformed path "${this.text}" at position ${this.pos + 1}: expected ${expected}, found ${found}\n` +
            `  ${this.text}\n  ${' '.repeat(this.pos)}^`, { input: this.input, path: this.text });
    }
}
/**
 * Parses `a.b`, `a[0]`, `a["b.c"]`, `a['b.c']` and `a[name=x]` into segments. For paths
 * pasted from yaml-update-action (JSONPath) it also takes a leading `$.` or `$` (the root),
 * the filter `[?(@.name=='x')]` (the same as `[name=x]`), `[(@.length)]` (the same as `[-]`,
 * append) and a leading `[*]` (every document). Throws InputError (naming `input`, the path
 * and the position) for malformed paths, for other JSONPath syntax and for the keys
 * `__proto__`, `constructor` and `prototype`.
 */
function parsePath(text, input) {
    const cur = new Cursor(text, input);
    const segments = [];
    if (text.length === 0)
        cur.fail('a key');
    if (text === '$') {
        throw new errors/* InputError */.dz(`${input}: path "$" is the whole document; name the key to change, e.g. $.backend.version or backend.version`, { input, path: text });
    }
    // JSONPath's root: `$.a.b` and `$[0].a` are `a.b` and `[0].a` (yaml-update-action adds it itself).
    if (text.startsWith('$.'))
        cur.pos = 2;
    else if (text.startsWith('$['))
        cur.pos = 1;
    let first = true;
    while (cur.pos < text.length) {
        const ch = cur.peek();
        if (ch === '[') {
            const segment = parseBracket(cur);
            placeSpecial(cur, segment, segments.length);
            segments.push(segment);
        }
        else {
            if (!first) {
                if (ch !== '.')
                    cur.fail("'.' or '['");
                cur.pos++;
            }
            segments.push(checkKey(cur, { kind: 'key', key: parseBareKey(cur) }));
        }
        first = false;
    }
    return segments;
}
function placeSpecial(cur, segment, at) {
    if (segment.kind === 'every' && at !== 0) {
        throw new errors/* InputError */.dz(`${cur.input}: path "${cur.text}": [*] selects every document and is only allowed at the start ` +
            `of the path (e.g. [*].image.tag); to change every item of a list, name each item ([0], [1], …) or use [FIELD=VALUE]`, { input: cur.input, path: cur.text });
    }
    if (segment.kind === 'append' && cur.pos !== cur.text.length) {
        throw new errors/* InputError */.dz(`${cur.input}: path "${cur.text}": [-] (append) must end the path; give the whole new item as the value, ` +
            `e.g. ${cur.text.slice(0, cur.text.lastIndexOf('[', cur.pos - 1))}[-]: {name: x, image: y}`, { input: cur.input, path: cur.text });
    }
}
const FILTER = /^\?\(\s*@\.([^\s=!<>()'"]+)\s*={2,3}\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?[0-9][0-9.]*|true|false|null))\s*\)\]/;
/** `[?(@.field=='value')]` (JSONPath filter) as a selector; cur is after `[`, at `?`. */
function parseFilter(cur) {
    const rest = cur.text.slice(cur.pos);
    const m = FILTER.exec(rest);
    if (!m) {
        throw new errors/* InputError */.dz(`${cur.input}: path "${cur.text}": only the JSONPath filter [?(@.FIELD=='VALUE')] is understood ` +
            `(it is written [FIELD=VALUE] here, e.g. containers[name=node].image)`, { input: cur.input, path: cur.text });
    }
    const quoted = m[2] ?? m[3];
    const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (m[4] ?? '');
    // Leave the cursor on the closing bracket, like the other bracket forms.
    cur.pos += m[0].length - 1;
    return { kind: 'select', field: m[1] ?? '', value };
}
function parseBareKey(cur) {
    const start = cur.pos;
    while (cur.pos < cur.text.length && !'.[]'.includes(cur.text[cur.pos] ?? ''))
        cur.pos++;
    if (cur.pos === start)
        cur.fail('a key');
    return cur.text.slice(start, cur.pos);
}
function parseBracket(cur) {
    const open = cur.pos;
    cur.pos++;
    const ch = cur.peek();
    let segment;
    if (ch === '?') {
        segment = parseFilter(cur);
    }
    else if (cur.text.startsWith('(@.length)]', cur.pos) || cur.text.startsWith('-]', cur.pos)) {
        cur.pos = cur.text.indexOf(']', cur.pos);
        segment = { kind: 'append' };
    }
    else if (cur.text.startsWith('*]', cur.pos)) {
        cur.pos++;
        segment = { kind: 'every' };
    }
    else if (ch === '"' || ch === "'") {
        segment = { kind: 'key', key: parseQuoted(cur) };
    }
    else if (ch !== undefined && /[0-9]/.test(ch)) {
        const start = cur.pos;
        while (/[0-9]/.test(cur.peek() ?? ''))
            cur.pos++;
        if (cur.peek() !== ']')
            cur.fail("a digit or ']'");
        segment = { kind: 'index', index: Number(cur.text.slice(start, cur.pos)) };
    }
    else {
        const start = cur.pos;
        while (cur.pos < cur.text.length && !'=[]'.includes(cur.text[cur.pos] ?? ''))
            cur.pos++;
        if (cur.pos === start)
            cur.fail('an index, a quoted key or FIELD=VALUE');
        const field = cur.text.slice(start, cur.pos);
        if (cur.peek() !== '=')
            cur.fail("'=' (a selector is [FIELD=VALUE])");
        cur.pos++;
        let value;
        const q = cur.peek();
        if (q === '"' || q === "'") {
            value = parseQuoted(cur);
        }
        else {
            const vstart = cur.pos;
            while (cur.pos < cur.text.length && !'[]'.includes(cur.text[cur.pos] ?? ''))
                cur.pos++;
            value = cur.text.slice(vstart, cur.pos);
        }
        segment = { kind: 'select', field, value };
    }
    if (cur.peek() !== ']')
        cur.fail("']'");
    cur.pos++;
    const next = cur.peek();
    if (next !== undefined && next !== '.' && next !== '[')
        cur.fail("'.', '[' or the end");
    return checkKey(cur, segment, open);
}
function parseQuoted(cur) {
    const quote = cur.peek();
    cur.pos++;
    let out = '';
    for (;;) {
        const ch = cur.peek();
        if (ch === undefined)
            cur.fail(`a closing ${quote === '"' ? 'double' : 'single'} quote`);
        if (quote === "'" && ch === "'") {
            if (cur.text[cur.pos + 1] === "'") {
                out += "'";
                cur.pos += 2;
                continue;
            }
            cur.pos++;
            return out;
        }
        if (quote === '"' && ch === '"') {
            cur.pos++;
            return out;
        }
        if (quote === '"' && ch === '\\') {
            const esc = cur.text[cur.pos + 1];
            if (esc !== '"' && esc !== '\\') {
                cur.pos++;
                cur.fail(`'"' or '\\' after a backslash`);
            }
            out += esc;
            cur.pos += 2;
            continue;
        }
        out += ch;
        cur.pos++;
    }
}
function checkKey(cur, segment, at = cur.pos) {
    assertSafeSegment(segment, cur.input, cur.text, ` (near position ${at + 1})`);
    return segment;
}
/** Throws InputError when a segment names `__proto__`, `constructor` or `prototype`. */
function assertSafeSegment(segment, input, pathText, where = '') {
    const name = segment.kind === 'key' ? segment.key : segment.kind === 'select' ? segment.field : undefined;
    if (name !== undefined && FORBIDDEN_KEYS.has(name)) {
        throw new errors/* InputError */.dz(`${input}: path "${pathText}" uses the key '${name}'${where}, which is refused: ` +
            `'__proto__', 'constructor' and 'prototype' are never edited`, { input, path: pathText });
    }
}
/** Renders segments back to the canonical path text (used in messages). */
function formatPath(segments) {
    let out = '';
    for (const segment of segments) {
        if (segment.kind === 'append')
            out += '[-]';
        else if (segment.kind === 'every')
            out += '[*]';
        else if (segment.kind === 'index')
            out += `[${segment.index}]`;
        else if (segment.kind === 'select')
            out += `[${segment.field}=${quoteIfNeeded(segment.value)}]`;
        else if (/^[^.[\]"']+$/.test(segment.key))
            out += out === '' ? segment.key : `.${segment.key}`;
        else
            out += `[${JSON.stringify(segment.key)}]`;
    }
    return out;
}
function quoteIfNeeded(value) {
    return /^[^[\]"']*$/.test(value) ? value : JSON.stringify(value);
}
/**
 * Replaces `{name}` inside every key and selector of a parsed path template (so an image name
 * with dots stays one key); refuses a result that names a forbidden key.
 */
function fillTemplate(segments, name, input) {
    const filled = segments.map((segment) => {
        if (segment.kind === 'key')
            return { kind: 'key', key: segment.key.replaceAll('{name}', name) };
        if (segment.kind === 'select') {
            return {
                kind: 'select',
                field: segment.field.replaceAll('{name}', name),
                value: segment.value.replaceAll('{name}', name)
            };
        }
        return segment;
    });
    const text = formatPath(filled);
    for (const segment of filled)
        assertSafeSegment(segment, input, text);
    return filled;
}

;// CONCATENATED MODULE: ./src/edit/edit-value.ts



/** A number given as `!!float`: written as a float even when it is whole (`1.0`). */
class FloatValue {
    value;
    constructor(value) {
        this.value = value;
    }
}
/** The scalar of a non-collection value, and whether it is written as a float. */
function scalarOf(value) {
    return value instanceof FloatValue ? { value: value.value, float: true } : { value, float: false };
}
/** True for a scalar node the engine made from a `!!float` value. */
function isFloatNode(node) {
    return node.minFractionDigits !== undefined && node.minFractionDigits > 0;
}
/** True for a map or list value. */
function isCollectionValue(value) {
    return Array.isArray(value) || value instanceof Map;
}
/** The YAML node holding `value` (for the engine's own copy of the documents). */
function toNode(value) {
    if (value instanceof Map) {
        const map = new dist/* YAMLMap */.CA();
        for (const [key, item] of value)
            map.items.push(new dist/* Pair */.Rm(new dist/* Scalar */.X5(key), toNode(item)));
        return map;
    }
    if (Array.isArray(value)) {
        const seq = new dist/* YAMLSeq */.Rw();
        for (const item of value)
            seq.items.push(toNode(item));
        return seq;
    }
    if (value instanceof FloatValue) {
        const scalar = new dist/* Scalar */.X5(value.value);
        scalar.minFractionDigits = 1;
        return scalar;
    }
    return new dist/* Scalar */.X5(value);
}
const CORE_TAGS = {
    'tag:yaml.org,2002:str': 'str',
    'tag:yaml.org,2002:int': 'int',
    'tag:yaml.org,2002:float': 'float',
    'tag:yaml.org,2002:bool': 'bool',
    'tag:yaml.org,2002:null': 'null'
};
const TAG_HELP = "a typed value is written !!str, !!int, !!float, !!bool or !!null followed by the value, e.g. !!bool 'true' or !!int '123456'";
/**
 * The value of a scalar with the explicit tag `tag` (`tag:yaml.org,2002:int`, …) whose parsed
 * value is `value`, checked against the tag; undefined when it does not fit (`!!int 'abc'`)
 * or the tag is not one of str, int, float, bool, null.
 */
function typedValue(tag, value) {
    const kind = CORE_TAGS[tag];
    if (kind === 'str')
        return typeof value === 'string' ? value : String(value);
    if (kind === 'bool')
        return typeof value === 'boolean' ? value : undefined;
    if (kind === 'null')
        return value === null || value === '' ? null : undefined;
    if (kind === 'int')
        return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    if (kind === 'float') {
        if (typeof value === 'number')
            return new FloatValue(value);
        // YAML 1.2 reads `!!float 1` as unresolved; YAML 1.1 (and yaml-update-action) take it.
        return typeof value === 'string' && /^[-+]?[0-9]+$/.test(value)
            ? new FloatValue(Number(value))
            : undefined;
    }
    return undefined;
}
/**
 * Reads a string that starts with `!!` the way yaml-update-action users write typed values
 * (`!!bool 'true'`, `!!int '123456'`, `!!str 0123`). Throws InputError naming `where` and the
 * text when it is not one of those tags, or the value does not fit its tag.
 */
function parseTaggedString(text, where, input) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false });
    const node = doc.contents;
    const tag = (0,dist/* isScalar */.jn)(node) ? node.tag : undefined;
    const value = doc.errors.length === 0 && tag !== undefined && !(0,dist/* isMap */.jh)(node) && !(0,dist/* isSeq */.oP)(node)
        ? typedValue(tag, node.value)
        : undefined;
    if (value === undefined) {
        const known = tag !== undefined && CORE_TAGS[tag] !== undefined;
        throw new errors/* InputError */.dz(`${input}: the value of ${where} is ${JSON.stringify(text)}, which starts with !! but ` +
            (known
                ? `is not a valid ${CORE_TAGS[tag] ?? ''} value`
                : `is not one of the tags !!str, !!int, !!float, !!bool, !!null`) +
            `; ${TAG_HELP}. To write this text as a string, give !!str '${text.replaceAll("'", "''")}'.`, { input, path: where });
    }
    assertExact(value, text, where, input);
    return value;
}
/**
 * Throws InputError naming `where` when the typed `value`, read from the source text `source`,
 * cannot be written exactly: a whole number beyond ±(2^53 − 1) that is not a `!!float` (a
 * JavaScript number holds it rounded, `12345678901234567890` would become
 * `12345678901234567000`), or a number that overflows a 64-bit float (`1e400` would become
 * `.inf`) unless the source says `.inf` or `.nan` itself.
 */
function assertExact(value, source, where, input, line) {
    const number = value instanceof FloatValue ? value.value : value;
    if (typeof number !== 'number')
        return;
    const at = line === undefined ? '' : ` (line ${line})`;
    // The digits alone, without a `!!int '…'` tag and quotes around them, for the hint.
    const digits = source.replace(/^!!\w+\s*/, '').replace(/^(['"])(.*)\1$/, '$2');
    const refuse = (why) => {
        throw new errors/* InputError */.dz(`${input}: the value of ${where}${at} is ${source}, ${why}; it is refused. To write it as text, give it as a string ('${digits.replaceAll("'", "''")}' in YAML).`, { input, path: where, ...(line === undefined ? {} : { line }) });
    };
    if (!Number.isFinite(number) && !/\.(?:inf|nan)\b/i.test(source)) {
        refuse(`which is out of the range of a 64-bit float and would be written as ${number > 0 ? '.inf' : '-.inf'}`);
    }
    if (!(value instanceof FloatValue) && Number.isInteger(number) && !Number.isSafeInteger(number)) {
        refuse(`a whole number beyond ±(2^53 − 1) that cannot be written exactly (it would become ${String(number)})`);
    }
}
/** Throws InputError when a key of a map value is `__proto__`, `constructor` or `prototype`. */
function assertSafeValueKey(key, where, input) {
    if (FORBIDDEN_KEYS.has(key)) {
        throw new errors/* InputError */.dz(`${input}: the value of ${where} has the key '${key}', which is refused: '__proto__', 'constructor' and 'prototype' are never written`, { input, path: where });
    }
}

;// CONCATENATED MODULE: ./src/edit/nesting.ts
// A block scalar header (`key: |`, `- >-2`, with an optional comment): its content lines are text.
const BLOCK_SCALAR = /(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/;
/**
 * How deeply the YAML or JSON `text` nests, measured on the text alone so that it can be
 * checked before a parser (which recurses once per level) sees it: on every line, the
 * indentation levels open above it, its `- ` list markers and its open `[`/`{` brackets outside
 * quotes and comments. It may count a little more than the parser would (a bracket inside a
 * plain scalar), never less. Stops at the first line that nests deeper than `limit`.
 */
function nestingDepth(text, limit = Infinity) {
    const indents = [];
    let flow = 0;
    let deepest = { depth: 0, line: 1 };
    let blockScalarAt;
    let quote;
    const lines = text.split('\n');
    lines.every((line, index) => {
        const indent = line.length - line.trimStart().length;
        const content = line.trim();
        if (blockScalarAt !== undefined) {
            if (content === '' || indent > blockScalarAt)
                return true;
            blockScalarAt = undefined;
        }
        if (quote === undefined && flow === 0) {
            if (content === '' || content.startsWith('#'))
                return true;
            while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent)
                indents.pop();
            indents.push(indent);
        }
        const markers = quote === undefined && flow === 0 ? /^(?:-\s+)*/.exec(content)?.[0] : '';
        const block = indents.length + (markers?.replaceAll(/\s+/g, '').length ?? 0);
        let most = block + flow;
        for (let i = 0; i < line.length; i++) {
            const c = line[i];
            if (quote !== undefined) {
                if (c === '\\' && quote === '"')
                    i++;
                else if (c === "'" && quote === "'" && line[i + 1] === "'")
                    i++;
                else if (c === quote)
                    quote = undefined;
                continue;
            }
            if (c === '#' && (i === 0 || ' \t'.includes(line[i - 1] ?? '')))
                break;
            if (c === '"' || c === "'") {
                const before = line[i - 1];
                // A quote opens a quoted scalar only where a value starts, not inside `don't`.
                if (before === undefined || ' \t[{,:-?'.includes(before))
                    quote = c;
            }
            else if (c === '[' || c === '{') {
                flow++;
                most = Math.max(most, block + flow);
            }
            else if ((c === ']' || c === '}') && flow > 0)
                flow--;
        }
        if (most > deepest.depth)
            deepest = { depth: most, line: index + 1 };
        if (quote === undefined && flow === 0 && BLOCK_SCALAR.test(line))
            blockScalarAt = indent;
        return deepest.depth <= limit;
    });
    return deepest;
}

;// CONCATENATED MODULE: ./src/edit/go-scalar.ts
// How Go's YAML reader (go-yaml v2, behind sigs.k8s.io/yaml, which Helm and kubectl use) types a
// plain scalar that starts with a digit or a sign. Its resolver drops every `_`, then tries
// `strconv.ParseInt(s, 0, 64)`, `strconv.ParseUint(s, 0, 64)` and a float pattern, in that order.
// ParseInt with base 0 takes `0x`/`0X`, `0o`/`0O`, `0b`/`0B` and a leading `0` (octal) as
// prefixes, and a sign. The yaml library's YAML 1.1 schema knows only the lower-case prefixes, so
// `0X1F`, `0X_1F`, `0B101` and `0O17` read back as strings there while Helm reads 31, 31, 5, 15.
// strconv.ParseInt / ParseUint with base 0, after the underscores are gone.
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/;
// go-yaml v2's `yamlStyleFloat`, tried when both integer parses fail (`08` is the float 8).
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/**
 * True when Go's YAML reader takes the plain scalar `text` as a number (an integer in any base
 * strconv.ParseInt accepts, or a float), not as the string it is.
 */
function goReadsAsNumber(text) {
    if (!/^[-+0-9]/.test(text))
        return false;
    const plain = text.replaceAll('_', '');
    return GO_INT.test(plain) || GO_FLOAT.test(plain);
}

;// CONCATENATED MODULE: ./src/edit/render-scalar.ts


// Characters YAML does not allow raw in a scalar (C0/C1 controls, DEL, surrogates, BOM,
// and the Unicode line/paragraph separators YAML 1.1 treats as line breaks). With the `u` flag the
// surrogate range matches only a lone surrogate, never half of an emoji.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/u;
function readsAs(text, version) {
    try {
        return (0,dist/* parse */.qg)(text, { version, prettyErrors: false, uniqueKeys: false });
    }
    catch {
        return Symbol('unparsable');
    }
}
// A release writes the same tag into many places, so each distinct value is read back once.
// Emptied when full, so a long-lived process (tests, benchmarks) cannot grow it without bound.
const plainReadings = new Map();
const MAX_PLAIN_READINGS = 1000;
function readsBackPlain(value) {
    let same = plainReadings.get(value);
    if (same === undefined) {
        same = readsAs(value, '1.2') === value && readsAs(value, '1.1') === value;
        if (plainReadings.size >= MAX_PLAIN_READINGS)
            plainReadings.clear();
        plainReadings.set(value, same);
    }
    return same;
}
/**
 * True when `value` can be written as a plain scalar that YAML 1.1, YAML 1.2 and Go's YAML reader
 * (Helm's, see go-scalar.ts) all read back as exactly this string.
 */
function isPlainSafe(value, inFlow) {
    if (value === '' || value.trim() !== value || NEEDS_ESCAPE.test(value))
        return false;
    const first = value[0] ?? '';
    if ('[]{}#&*!|>\'"%@`,'.includes(first))
        return false;
    if ('-?:'.includes(first) && (value.length === 1 || value[1] === ' '))
        return false;
    if (value.startsWith('---') || value.startsWith('...'))
        return false;
    if (value.includes(': ') || value.includes(' #') || value.endsWith(':'))
        return false;
    if (inFlow && /[,[\]{}]/.test(value))
        return false;
    // Go's reader takes `0X1F`, `0B101`, `0O17` as numbers, which YAML 1.1 and 1.2 keep as strings.
    if (goReadsAsNumber(value))
        return false;
    return readsBackPlain(value);
}
/** A double-quoted YAML scalar for `value` (escapes only what YAML requires). */
function doubleQuoted(value) {
    let out = '"';
    for (const ch of value) {
        const code = ch.codePointAt(0) ?? 0;
        if (ch === '"')
            out += '\\"';
        else if (ch === '\\')
            out += '\\\\';
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\t')
            out += '\\t';
        else if (ch === '\r')
            out += '\\r';
        else if (NEEDS_ESCAPE.test(ch))
            out += `\\u${code.toString(16).padStart(4, '0')}`;
        else
            out += ch;
    }
    return `${out}"`;
}
/** A single-quoted YAML scalar, or undefined when `value` cannot be written single-quoted on one line. */
function singleQuoted(value) {
    if (NEEDS_ESCAPE.test(value))
        return undefined;
    return `'${value.replaceAll("'", "''")}'`;
}
/**
 * The source text for a string value replacing a scalar of the given style: the style is kept,
 * except that a plain value that would not read back as the same string in YAML 1.1 and 1.2
 * (e.g. `1276e23`, `0123456`, `on`, `1.10`) and a single-quoted value with control characters
 * become double-quoted.
 */
function renderString(value, style, inFlow) {
    if (style === 'QUOTE_SINGLE')
        return singleQuoted(value) ?? doubleQuoted(value);
    if (style === 'PLAIN' && isPlainSafe(value, inFlow))
        return value;
    return doubleQuoted(value);
}
/**
 * The plain source text of a typed value (number, boolean, null) that reads back as that type;
 * with `float`, a whole number is written as a float (`1.0`).
 */
function renderTyped(value, float = false) {
    if (value === null)
        return 'null';
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (Number.isNaN(value))
        return '.nan';
    if (!Number.isFinite(value))
        return value > 0 ? '.inf' : '-.inf';
    if (Object.is(value, -0))
        return '-0';
    const text = String(value);
    // YAML 1.1 floats need a dot before the exponent (1e+21 would be a string there).
    if (text.includes('e') && !text.includes('.'))
        return text.replace('e', '.0e');
    return float && !text.includes('.') ? `${text}.0` : text;
}
/**
 * Renders any ScalarValue for a node of the given style (typed values always plain; `float`
 * writes a whole number as a float).
 */
function renderValue(value, style, inFlow, float = false) {
    return typeof value === 'string' ? renderString(value, style, inFlow) : renderTyped(value, float);
}
/** The text of a parsed scalar value for comparisons (keys, `name` fields): '' for non-scalars. */
function scalarString(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
        return String(value);
    }
    return value === null ? 'null' : '';
}

;// CONCATENATED MODULE: ./src/edit/changes.ts






const INPUT = 'changes';
/**
 * Deepest nesting (maps and lists inside each other) the `changes` input may have. Values files
 * nest a few levels; the limit only keeps a hostile input from exhausting the parser's stack.
 */
const MAX_CHANGES_DEPTH = 100;
/** Replaces `{tag}`, `{sha}` and `{short-sha}` in a string. */
function substituteVars(text, vars) {
    return text
        .replaceAll('{tag}', vars.tag)
        .replaceAll('{short-sha}', vars.shortSha)
        .replaceAll('{sha}', vars.sha);
}
function lineOf(text, offset) {
    return text.slice(0, offset).split('\n').length;
}
function lineAt(text, node) {
    return lineOf(text, node?.range?.[0] ?? 0);
}
/**
 * The value of one YAML node of the input: strings get `{tag}`, `{sha}` and `{short-sha}`
 * replaced, and a string starting with `!!` (`"!!bool 'true'"`) is read as that typed value,
 * as yaml-update-action does; a node tagged in the YAML itself keeps its tag's type.
 */
function toValue(text, node, where, file, vars) {
    const line = lineAt(text, node);
    if ((0,dist/* isAlias */.Vj)(node)) {
        throw new errors/* InputError */.dz(`${INPUT}: the value of ${where} (line ${line}) is the alias *${node.source}; write the value itself.`, { input: INPUT, path: where, line });
    }
    if ((0,dist/* isMap */.jh)(node)) {
        const out = new Map();
        for (const pair of node.items) {
            if (!(0,dist/* isScalar */.jn)(pair.key) || typeof pair.key.value === 'object') {
                throw new errors/* InputError */.dz(`${INPUT}: a key inside the value of ${where} (line ${line}) is not a string; map keys must be plain text.`, { input: INPUT, path: where, line });
            }
            const key = scalarString(pair.key.value);
            assertSafeValueKey(key, where, INPUT);
            if (key === '<<') {
                throw new errors/* InputError */.dz(`${INPUT}: the value of ${where} for ${file} (line ${lineAt(text, pair.key)}) has the key '<<', which Helm's YAML reader takes as a merge key (it merges the map under it into the value) rather than a key named <<; it is refused.`, { input: INPUT, path: where, line: lineAt(text, pair.key) });
            }
            out.set(key, toValue(text, pair.value, where, file, vars));
        }
        return out;
    }
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.map((item) => toValue(text, item, where, file, vars));
    if (!(0,dist/* isScalar */.jn)(node))
        return null;
    const raw = node.value;
    if (node.tag !== undefined) {
        const value = typedValue(node.tag, raw);
        if (value === undefined) {
            throw new errors/* InputError */.dz(`${INPUT}: the value of ${where} (line ${line}) has the tag ${node.tag}, which is refused or does not fit the value ${JSON.stringify(String(node.source ?? raw))}; ` +
                "use !!str, !!int, !!float, !!bool or !!null with a value of that type, e.g. !!bool 'true'.", { input: INPUT, path: where, line });
        }
        assertExact(value, String(node.source ?? raw), where, INPUT, line);
        return typeof value === 'string' ? substituteVars(value, vars) : value;
    }
    if (raw !== null && !['string', 'number', 'boolean'].includes(typeof raw)) {
        throw new errors/* InputError */.dz(`${INPUT}: the value of ${where} (line ${line}) is not a string, number, boolean, null, map or list.`, { input: INPUT, path: where, line });
    }
    if (typeof raw !== 'string') {
        assertExact(raw, String(node.source ?? raw), where, INPUT, line);
        return raw;
    }
    const value = substituteVars(raw, vars);
    return value.startsWith('!!') ? parseTaggedString(value, where, INPUT) : value;
}
function entry(text, key, node, file, vars) {
    const pathText = scalarString(key);
    const segments = parsePath(pathText, INPUT);
    return { pathText, segments, value: toValue(text, node, pathText, file, vars) };
}
/**
 * How many members the top-level JSON object in `text` has, counting repeats of a key (which
 * JSON.parse folds into one). `text` must be valid JSON holding one object.
 */
function topLevelMembers(text) {
    let depth = 0;
    let commas = 0;
    let empty = true;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
            continue;
        }
        if (c === '"') {
            inString = true;
            if (depth === 1)
                empty = false;
        }
        else if (c === '{' || c === '[')
            depth++;
        else if (c === '}' || c === ']')
            depth--;
        else if (c === ',' && depth === 1)
            commas++;
    }
    return empty ? 0 : commas + 1;
}
/**
 * The common case read without the YAML parser: a JSON object of `PATH: "string"` entries. It
 * gives what the YAML reading gives for such input (YAML is a superset of JSON), and returns
 * undefined for anything else (a repeated key, which YAML refuses and JSON.parse folds; a
 * non-string value; a very long key), which then goes the YAML way with its line numbers.
 */
function parseJsonChanges(text, vars) {
    // A tab between JSON tokens is whitespace to JSON, but may be refused as indentation by YAML.
    if (!text.trimStart().startsWith('{') || text.includes('\t'))
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return undefined;
    const pairs = Object.entries(parsed);
    if (pairs.length !== topLevelMembers(text))
        return undefined;
    // YAML caps an implicit key at 1024 characters; leave such keys to its error.
    if (pairs.some(([key, value]) => typeof value !== 'string' || key.length > 1000)) {
        return undefined;
    }
    const values = pairs.map(([pathText, raw]) => {
        const segments = parsePath(pathText, INPUT);
        const value = substituteVars(raw, vars);
        return {
            pathText,
            segments,
            value: value.startsWith('!!') ? parseTaggedString(value, pathText, INPUT) : value
        };
    });
    return { values, files: [] };
}
/**
 * Parses the `changes` input (YAML or JSON), in either form yaml-update-action takes:
 * `PATH: VALUE` (for the values files) or `FILE: {PATH: VALUE}`; both may be mixed (at the top
 * level a map value marks a file; inside a file's map a value may be a map or list). String
 * values get `{tag}`, `{sha}` and `{short-sha}` replaced; numbers, booleans and null keep their
 * type; `!!int '1'`-style typed values (in the YAML, or as a string) become that type.
 */
function parseChanges(text, vars) {
    if (text.trim() === '')
        return { values: [], files: [] };
    const json = parseJsonChanges(text, vars);
    if (json !== undefined)
        return json;
    const nesting = nestingDepth(text, MAX_CHANGES_DEPTH);
    if (nesting.depth > MAX_CHANGES_DEPTH) {
        throw new errors/* InputError */.dz(`${INPUT}: the input nests more than ${MAX_CHANGES_DEPTH} levels of maps and lists inside each other (at line ${nesting.line}); it is refused unparsed.`, { input: INPUT, line: nesting.line });
    }
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
        const line = lineOf(text, error.pos[0]);
        throw new errors/* InputError */.dz(`${INPUT}: not valid YAML or JSON at line ${line}: ${error.message}`, {
            input: INPUT,
            line
        });
    }
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root)) {
        throw new errors/* InputError */.dz(`${INPUT}: expected a map of PATH: VALUE or FILE: {PATH: VALUE}, got ${root === null ? 'nothing' : 'a single value or list'}.`, { input: INPUT });
    }
    const values = [];
    const files = [];
    for (const pair of root.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : undefined;
        if (key === undefined || key === null || typeof key === 'object') {
            const line = lineAt(text, pair.key);
            throw new errors/* InputError */.dz(`${INPUT}: the key at line ${line} is ${key === null || key === undefined ? 'empty' : 'not text'}; every key must be a path (backend.image.tag) or a file name (FILE: {PATH: VALUE}).`, { input: INPUT, line });
        }
        if ((0,dist/* isMap */.jh)(pair.value)) {
            const name = scalarString(key);
            if (/^\$|[[\]]/.test(name)) {
                const line = lineAt(text, pair.value);
                throw new errors/* InputError */.dz(`${INPUT}: ${name} (line ${line}) has a map as its value, which marks a file (FILE: {PATH: VALUE}), ` +
                    `but ${name} looks like a path. To set a map value, name the file: {values.yaml: {${JSON.stringify(name)}: {…}}}.`, { input: INPUT, path: name, line });
            }
            const entries = pair.value.items.map((inner) => entry(text, (0,dist/* isScalar */.jn)(inner.key) ? inner.key.value : '', inner.value, scalarString(key), vars));
            files.push({ file: scalarString(key), entries });
        }
        else {
            values.push(entry(text, key, pair.value, 'the values files', vars));
        }
    }
    return { values, files };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/edit/json-text.ts



// JSON allows these raw in a string, but YAML 1.1 takes U+2028/U+2029 as line breaks and YAML
// does not allow DEL, C1 controls or a BOM raw; escaped, the text is the same in both.
const ESCAPE_FOR_YAML = /[\u007f-\u009f\u2028\u2029\ufeff]/g;
/**
 * True when a file is edited as JSON: its name ends in `.json`, or its whole text is a JSON
 * object or array (a values file named `values` that holds JSON).
 */
function isJsonFile(path, text) {
    if (/\.json$/i.test(path))
        return true;
    const start = text.replace(/^\ufeff/, '').trimStart()[0];
    if (start !== '{' && start !== '[')
        return false;
    return parsesAsJson(text);
}
/** True when `text` (a BOM allowed) is valid JSON. */
function parsesAsJson(text) {
    try {
        JSON.parse(text.replace(/^\ufeff/, ''));
        return true;
    }
    catch {
        return false;
    }
}
/** A JSON string literal for `value`, which YAML reads as the same string. */
function jsonString(value) {
    return JSON.stringify(value).replace(ESCAPE_FOR_YAML, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
/**
 * The JSON text of a scalar: a string in double quotes, a number, boolean or null as a JSON
 * literal (`float` writes a whole number as `1.0`). Numbers must be finite (see assertJsonValue).
 */
function jsonScalar(value, float = false) {
    return typeof value === 'string' ? jsonString(value) : renderTyped(value, float);
}
function nonFinite(value) {
    if (value instanceof Map) {
        for (const item of value.values()) {
            const found = nonFinite(item);
            if (found !== undefined)
                return found;
        }
        return undefined;
    }
    if (Array.isArray(value)) {
        for (const item of value) {
            const found = nonFinite(item);
            if (found !== undefined)
                return found;
        }
        return undefined;
    }
    const number = value instanceof FloatValue ? value.value : value;
    return typeof number === 'number' && !Number.isFinite(number) ? number : undefined;
}
/**
 * Throws EditError naming the file, the path and the input when `value` holds a number JSON
 * cannot write (`.inf`, `-.inf`, `.nan`).
 */
function assertJsonValue(value, where) {
    const bad = nonFinite(value);
    if (bad === undefined)
        return;
    throw new errors/* EditError */.F(`${where.file}: path ${where.path} (${where.input}) sets ${renderTyped(bad)}, which JSON cannot write; a JSON file is edited as JSON. Give a finite number, or the text as a string.`, { input: where.input, file: where.file, path: where.path });
}

;// CONCATENATED MODULE: ./src/edit/render-node.ts




function isEmptyCollection(node) {
    return ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) && node.items.length === 0;
}
function keyText(key, flow) {
    return renderString(scalarString((0,dist/* isScalar */.jn)(key) ? key.value : key), 'PLAIN', flow);
}
/**
 * A node (scalar, map or list built by the engine) as flow text: `{a: 1, b: [x]}`, or with
 * `json` as JSON: `{"a": 1, "b": ["x"]}`.
 */
function flowText(node, json = false) {
    if ((0,dist/* isMap */.jh)(node)) {
        const key = (k) => json ? jsonString(scalarString((0,dist/* isScalar */.jn)(k) ? k.value : k)) : keyText(k, true);
        return `{${node.items.map((p) => `${key(p.key)}: ${flowText(p.value, json)}`).join(', ')}}`;
    }
    if ((0,dist/* isSeq */.oP)(node))
        return `[${node.items.map((item) => flowText(item, json)).join(', ')}]`;
    const value = node.value;
    const float = isFloatNode(node);
    return json ? jsonScalar(value, float) : renderValue(value, 'PLAIN', true, float);
}
/**
 * The lines of a map or list node in block layout, its keys (or `-`) at column `col`. Empty
 * maps and lists inside are written `{}` and `[]`; scalars plain when that reads back as the
 * same value in YAML 1.1 and 1.2, else double-quoted.
 */
function blockLines(node, col, layout) {
    const pad = ' '.repeat(col);
    const lines = [];
    if ((0,dist/* isMap */.jh)(node)) {
        for (const pair of node.items) {
            const key = `${pad}${keyText(pair.key, false)}:`;
            const value = pair.value;
            if (isEmptyCollection(value) || !((0,dist/* isMap */.jh)(value) || (0,dist/* isSeq */.oP)(value))) {
                lines.push(`${key} ${isEmptyCollection(value) ? flowText(value) : flowScalar(value)}`);
            }
            else {
                lines.push(key, ...blockLines(value, col + ((0,dist/* isMap */.jh)(value) ? layout.step : layout.seqIndent), layout));
            }
        }
        return lines;
    }
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.flatMap((item) => seqItemLines(item, col, layout));
    return [`${pad}${flowScalar(node)}`];
}
/** The lines of one list item (`- …`) in block layout, its `-` at column `col`. */
function seqItemLines(item, col, layout) {
    const pad = ' '.repeat(col);
    if (isEmptyCollection(item) || !((0,dist/* isMap */.jh)(item) || (0,dist/* isSeq */.oP)(item))) {
        return [`${pad}- ${isEmptyCollection(item) ? flowText(item) : flowScalar(item)}`];
    }
    const inner = blockLines(item, col + layout.itemOffset, layout);
    const first = inner[0] ?? '';
    return [
        `${pad}-${' '.repeat(layout.itemOffset - 1)}${first.slice(col + layout.itemOffset)}`,
        ...inner.slice(1)
    ];
}
function flowScalar(node) {
    return renderValue(node.value, 'PLAIN', false, isFloatNode(node));
}

;// CONCATENATED MODULE: ./src/edit/create-keys.ts


/** The line ending the file uses (CRLF when its first line ends with one). */
function lineEnding(text) {
    const at = text.indexOf('\n');
    return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}
/** The indentation step of nested block maps in the file (2 when nothing tells). */
function detectIndentStep(file) {
    for (const doc of file.docs) {
        const step = findStep(doc.contents, file);
        if (step !== undefined)
            return step;
    }
    return 2;
}
function findStep(node, file) {
    if (!(0,dist/* isMap */.jh)(node) || node.flow === true)
        return undefined;
    for (const pair of node.items) {
        const child = pair.value;
        if ((0,dist/* isMap */.jh)(child) && child.flow !== true && child.items.length > 0) {
            const parentKey = pair.key?.range?.[0];
            const childKey = child.items[0]?.key?.range?.[0];
            if (parentKey !== undefined && childKey !== undefined) {
                const step = file.columnOf(childKey) - file.columnOf(parentKey);
                if (step > 0)
                    return step;
            }
        }
    }
    return undefined;
}
function endOfLine(text, from) {
    const at = text.indexOf('\n', from);
    return at === -1 ? { offset: text.length, atEof: true } : { offset: at + 1, atEof: false };
}
/** Where to add keys to an existing map: after its last item's line, at its first key's column. */
function mapInsertPoint(file, map) {
    const text = file.text;
    const real = map.items.filter((p) => p.key?.range !== undefined);
    const last = real.at(-1);
    const lastKey = last?.key;
    const lastValue = last?.value;
    if (map.flow === true) {
        const end = lastValue?.range?.[1] ?? lastKey?.range?.[1];
        if (end !== undefined)
            return { offset: end, indent: 0, flow: true, atEof: false, afterItem: true };
        const close = text.lastIndexOf('}', (map.range?.[1] ?? 1) - 1);
        return { offset: close, indent: 0, flow: true, atEof: false, afterItem: false };
    }
    const firstKey = real[0]?.key;
    const indent = file.columnOf(firstKey?.range?.[0] ?? 0);
    let end = lastValue?.range?.[1] ?? lastKey?.range?.[1] ?? 0;
    const keepsTrailingLines = (0,dist/* isScalar */.jn)(lastValue) && (lastValue.type === 'BLOCK_LITERAL' || lastValue.type === 'BLOCK_FOLDED');
    if (keepsTrailingLines && text[end - 1] === '\n') {
        return { offset: end, indent, flow: false, atEof: false, afterItem: false };
    }
    // Back over trailing whitespace, so a file ending in spaces gets the key on its own line.
    while (end > 0 && ' \t\r\n'.includes(text[end - 1] ?? ''))
        end--;
    return { indent, flow: false, afterItem: false, ...endOfLine(text, end) };
}
/** Where to add keys under an empty value (`key:` or `key: # c`): the next line, one step in. */
function emptyValueInsertPoint(file, pair, empty, step) {
    const keyStart = pair.key?.range?.[0] ?? 0;
    const indent = file.columnOf(keyStart) + step;
    return { indent, flow: false, afterItem: false, ...endOfLine(file.text, empty.range?.[0] ?? 0) };
}
/**
 * The file's layout for new block content: its map indentation step, and whether its lists
 * are indented under their key (`key:\n  - a`) or not (`key:\n- a`).
 */
function detectLayout(file) {
    const step = detectIndentStep(file);
    let seqIndent;
    const visit = (node) => {
        if (seqIndent !== undefined || !(0,dist/* isMap */.jh)(node) || node.flow === true)
            return;
        for (const pair of node.items) {
            const child = pair.value;
            const keyAt = pair.key?.range?.[0];
            if ((0,dist/* isSeq */.oP)(child) && child.flow !== true && child.range && keyAt !== undefined) {
                seqIndent = Math.max(0, file.columnOf(child.range[0]) - file.columnOf(keyAt));
                return;
            }
            visit(child);
        }
    };
    for (const doc of file.docs)
        visit(doc.contents);
    return { step, seqIndent: seqIndent ?? step, itemOffset: 2, json: file.json };
}
/** Where to append an item to an existing list: after its last item, with its `-` column. */
function seqInsertPoint(file, seq) {
    const text = file.text;
    const last = seq.items.at(-1);
    if (seq.flow === true) {
        const end = last?.range?.[1];
        if (end !== undefined) {
            return { offset: end, indent: 0, flow: true, atEof: false, afterItem: true, itemOffset: 2 };
        }
        const close = text.lastIndexOf(']', (seq.range?.[1] ?? 1) - 1);
        return { offset: close, indent: 0, flow: true, atEof: false, afterItem: false, itemOffset: 2 };
    }
    const dash = seq.range?.[0] ?? 0;
    const indent = file.columnOf(dash);
    const first = seq.items[0];
    const firstAt = first?.range?.[0];
    const itemOffset = firstAt !== undefined && file.lineOf(firstAt) === file.lineOf(dash)
        ? Math.max(2, file.columnOf(firstAt) - indent)
        : 2;
    let end = last?.range?.[1] ?? seq.range?.[1] ?? 0;
    while (end > 0 && ' \t\r\n'.includes(text[end - 1] ?? ''))
        end--;
    return { indent, flow: false, afterItem: false, itemOffset, ...endOfLine(text, end) };
}
/** The text inserted at `point` for new list `items` (appended to a list). */
function renderItemsInsert(point, items, layout, eol) {
    if (point.flow) {
        return items
            .map((item, i) => (point.afterItem || i > 0 ? ', ' : '') + flowText(item, layout.json))
            .join('');
    }
    const lines = items.flatMap((item) => seqItemLines(item, point.indent, layout));
    return point.atEof ? lines.map((l) => eol + l).join('') : lines.map((l) => l + eol).join('');
}
function pairsMap(pairs) {
    const map = new dist/* YAMLMap */.CA();
    map.items.push(...pairs);
    return map;
}
/** The text inserted at `point` for the new `pairs`. */
function renderInsert(point, pairs, layout, eol) {
    if (point.flow) {
        return (point.afterItem ? ', ' : '') + flowText(pairsMap(pairs), layout.json).slice(1, -1);
    }
    const lines = blockLines(pairsMap(pairs), point.indent, layout);
    return point.atEof ? lines.map((l) => eol + l).join('') : lines.map((l) => l + eol).join('');
}

;// CONCATENATED MODULE: ./src/edit/documents.ts


/**
 * The documents a path applies to. In a file with several documents a leading `[N]` selects
 * document N (0-based, as yaml-update-action numbers them) and a leading `[*]` every document;
 * without either the path must resolve in one document only (`single`). In a one-document file
 * a leading `[N]` indexes a root list, as in any path. Throws EditError for `[N]` past the last
 * document.
 */
function documentScope(file, segments, input, pathText) {
    const all = file.docs.map((_doc, i) => i);
    const first = segments[0];
    if (first?.kind === 'every')
        return { docs: all, segments: segments.slice(1), single: false };
    if (file.docs.length > 1 && first?.kind === 'index') {
        if (first.index >= file.docs.length) {
            throw new errors/* EditError */.F(`${file.path}: path ${pathText} (${input}) selects document [${first.index}], but the file has ${file.docs.length} documents ([0] to [${file.docs.length - 1}]).`, { input, file: file.path, path: pathText });
        }
        return { docs: [first.index], segments: segments.slice(1), single: false };
    }
    return { docs: all, segments, single: file.docs.length > 1 };
}
/**
 * The refusal for a path without a document selector that resolves (or could be created) in
 * several documents: names them and says how to pick one or all.
 */
function ambiguousDocuments(file, segments, hits, input, pathText, creating) {
    const rest = formatPath(segments);
    const join = (p) => (p.startsWith('[') ? p : `.${p}`);
    const where = hits.map((h) => `[${h.doc}] (line ${h.line})`).join(', ');
    const line = hits[0]?.line;
    return new errors/* EditError */.F(`${file.path}: path ${pathText} (${input}) ${creating ? 'could be created' : 'resolves'} in ${hits.length} of the file's ${file.docs.length} documents: ${where}. ` +
        `Say which document: ${hits.map((h) => `[${h.doc}]${join(rest)}`).join(' or ')}` +
        (creating ? '.' : `, or [*]${join(rest)} to change it in every document where it resolves.`), { input, file: file.path, path: pathText, ...(line !== undefined ? { line } : {}) });
}

;// CONCATENATED MODULE: ./src/edit/places.ts



function field(node, key) {
    return (0,dist/* isMap */.jh)(node)
        ? node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key)?.value
        : undefined;
}
function places_text(node) {
    return (0,dist/* isScalar */.jn)(node) && node.value !== null ? scalarString(node.value) : undefined;
}
/** A document's kind, name and namespace when it has a kind and a metadata.name. */
function documentIdentity(doc) {
    const kind = places_text(field(doc.contents, 'kind'));
    const metadata = field(doc.contents, 'metadata');
    const name = places_text(field(metadata, 'name'));
    if (kind === undefined || name === undefined)
        return undefined;
    const namespace = places_text(field(metadata, 'namespace'));
    return { by: 'identity', kind, name, ...(namespace === undefined ? {} : { namespace }) };
}
/**
 * How to find `doc` of `file` again: by its identity when it has one; by index when the path
 * chose the document by position (`[N]`, `[*]`) in a file with several; else as the document
 * where the path resolves.
 */
function documentRef(file, doc, byIndex) {
    const identity = documentIdentity(doc);
    if (identity)
        return identity;
    if (byIndex && file.docs.length > 1)
        return { by: 'index', index: file.docs.indexOf(doc) };
    return { by: 'path' };
}
/** True when `doc` is the document `ref` names by identity. */
function sameIdentity(ref, doc) {
    if (ref.by !== 'identity')
        return false;
    const identity = documentIdentity(doc);
    return (identity?.kind === ref.kind &&
        identity.name === ref.name &&
        identity.namespace === ref.namespace);
}
/**
 * The place as users read it, in the path grammar: `services[name=web].tag`, with the document
 * first when the edit found it by identity (`[kind=Deployment,name=web]`) or by index (`[1]`).
 */
function formatPlace(place) {
    const rest = formatPath(place.path);
    const doc = place.document;
    let prefix = '';
    if (doc.by === 'index')
        prefix = `[${doc.index}]`;
    else if (doc.by === 'identity') {
        const namespace = doc.namespace === undefined ? '' : `,namespace=${doc.namespace}`;
        prefix = `[kind=${doc.kind},name=${doc.name}${namespace}]`;
    }
    if (prefix === '')
        return rest === '' ? '(document root)' : rest;
    return rest === '' || rest.startsWith('[') ? prefix + rest : `${prefix}.${rest}`;
}

;// CONCATENATED MODULE: ./src/edit/resolve-path.ts




const BLOCK_TYPES = new Set(['BLOCK_LITERAL', 'BLOCK_FOLDED']);
const STR_TAG = 'tag:yaml.org,2002:str';
function offsetOf(node) {
    return node?.range?.[0] ?? 0;
}
function describe(node) {
    if ((0,dist/* isMap */.jh)(node))
        return 'a map';
    if ((0,dist/* isSeq */.oP)(node))
        return 'a sequence';
    if ((0,dist/* isScalar */.jn)(node))
        return node.value === null ? 'an empty value' : 'a scalar';
    return 'nothing';
}
function resolve_path_keyText(pair) {
    return (0,dist/* isScalar */.jn)(pair.key) ? scalarString(pair.key.value) : undefined;
}
function refuse(ctx, offset, what) {
    const line = ctx.file.lineOf(offset);
    throw new errors/* EditError */.F(`${ctx.file.path}:${line}: path ${ctx.pathText} (${ctx.input}) ${what}`, {
        input: ctx.input,
        file: ctx.file.path,
        line,
        path: ctx.pathText
    });
}
function refuseAlias(ctx, alias) {
    const anchored = ctx.file.aliasTarget(alias);
    const at = anchored?.range ? ctx.file.text.lastIndexOf(`&${alias.source}`, anchored.range[0]) : -1;
    const where = at >= 0 ? ` (line ${ctx.file.lineOf(at)})` : '';
    refuse(ctx, offsetOf(alias), `goes through the alias *${alias.source}; an alias cannot be edited on its own. ` +
        `Edit the anchored node &${alias.source}${where} instead, which changes every alias of it.`);
}
function isEmptyValue(node) {
    return ((0,dist/* isScalar */.jn)(node) && node.value === null && node.range != null && node.range[0] === node.range[1]);
}
/**
 * Walks `segments` from `root` (a document's contents or any node in it). Returns every scalar
 * the path leads to (a `[field=value]` selector may match several) and, for the branches that
 * stop early, where and why. Throws EditError for a path through an alias, to a map, sequence,
 * block scalar or explicitly tagged value.
 */
function resolvePath(root, segments, ctx) {
    const result = { found: [], misses: [], appends: [] };
    walk(root, 0, false, undefined, () => undefined, segments, ctx, result);
    return result;
}
function walk(node, i, inFlow, pair, replace, segments, ctx, out) {
    if ((0,dist/* isAlias */.Vj)(node))
        refuseAlias(ctx, node);
    if (i === segments.length) {
        if (ctx.collection !== undefined && pair && !inFlow && isEmptyValue(node)) {
            // `key:` with nothing after it: the map or list goes on the lines below.
            out.found.push({ node, inFlow, replace, emptyIn: pair });
            return;
        }
        out.found.push({ node: checkTarget(node, ctx), inFlow, replace });
        return;
    }
    const segment = segments[i];
    if (segment === undefined)
        return;
    assertSafeSegment(segment, ctx.input, ctx.pathText);
    const here = formatPath(segments.slice(0, i)) || 'the document root';
    const remainingKeys = () => {
        const rest = segments.slice(i);
        return rest.every((s) => s.kind === 'key') ? rest.map((s) => s.key) : undefined;
    };
    if ((0,dist/* isMap */.jh)(node)) {
        if (segment.kind !== 'key') {
            const single = i === 0 && segment.kind === 'index' && ctx.file.docs.length === 1
                ? `; a leading [${segment.index}] selects a document only in a file with several documents, and this one has one: write ${formatPath(segments.slice(1)) || 'a key'}`
                : segment.kind === 'append'
                    ? '; [-] appends to a list only'
                    : '';
            out.misses.push({
                reason: `${here} is a map (line ${ctx.file.lineOf(offsetOf(node))}), not a sequence${single}`,
                offset: offsetOf(node)
            });
            return;
        }
        const next = node.items.find((p) => resolve_path_keyText(p) === segment.key);
        if (next) {
            const setValue = (n) => {
                next.value = n;
            };
            walk(next.value, i + 1, node.flow === true, next, setValue, segments, ctx, out);
            return;
        }
        const merges = node.items.some((p) => resolve_path_keyText(p) === '<<')
            ? ' (keys merged in with << cannot be edited through the merging map)'
            : '';
        out.misses.push({
            container: node,
            keys: remainingKeys(),
            reason: `key '${segment.key}' not found in ${here} (line ${ctx.file.lineOf(offsetOf(node))})${merges}`,
            offset: offsetOf(node)
        });
        return;
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        const flow = node.flow === true;
        if (segment.kind === 'select') {
            let matched = false;
            for (const item of node.items) {
                const target = (0,dist/* isAlias */.Vj)(item) ? ctx.file.aliasTarget(item) : item;
                if (!(0,dist/* isMap */.jh)(target))
                    continue;
                const field = target.items.find((p) => resolve_path_keyText(p) === segment.field);
                if (!field || !(0,dist/* isScalar */.jn)(field.value) || scalarString(field.value.value) !== segment.value)
                    continue;
                if ((0,dist/* isAlias */.Vj)(item))
                    refuseAlias(ctx, item);
                matched = true;
                const at = node.items.indexOf(item);
                walk(item, i + 1, flow, undefined, itemSetter(node, at), segments, ctx, out);
            }
            if (!matched) {
                out.misses.push({
                    reason: `no item with ${segment.field}=${segment.value} in the sequence ${here} (line ${ctx.file.lineOf(offsetOf(node))})`,
                    offset: offsetOf(node)
                });
            }
            return;
        }
        if (segment.kind === 'append') {
            out.appends.push({ seq: node });
            return;
        }
        const index = segment.kind === 'index'
            ? segment.index
            : segment.kind === 'key' && /^[0-9]+$/.test(segment.key)
                ? Number(segment.key)
                : undefined;
        if (index === undefined) {
            out.misses.push({
                reason: `${here} is a sequence (line ${ctx.file.lineOf(offsetOf(node))}), not a map` +
                    (segment.kind === 'key'
                        ? ` with the key '${segment.key}'; pick an item first: ${formatPath(segments.slice(0, i))}[0].${segment.key} or ${formatPath(segments.slice(0, i))}[name=…].${segment.key}`
                        : ''),
                offset: offsetOf(node)
            });
            return;
        }
        if (index >= node.items.length) {
            const last = i === segments.length - 1;
            const next = last && index === node.items.length;
            out.misses.push({
                reason: `index ${index} is out of range: the sequence ${here} (line ${ctx.file.lineOf(offsetOf(node))}) has ${node.items.length} items` +
                    (next
                        ? ` (to add an item, write ${formatPath([...segments.slice(0, i), { kind: 'append' }])} or set create-missing: true)`
                        : ''),
                offset: offsetOf(node),
                ...(next ? { appendTo: node } : {})
            });
            return;
        }
        walk(node.items[index], i + 1, flow, undefined, itemSetter(node, index), segments, ctx, out);
        return;
    }
    const keys = remainingKeys();
    if (pair && !inFlow && isEmptyValue(node) && keys) {
        out.misses.push({
            container: { pair, empty: node },
            keys,
            reason: `${here} is an empty value (line ${ctx.file.lineOf(offsetOf(node))}), not a map`,
            offset: offsetOf(node)
        });
        return;
    }
    out.misses.push({
        reason: `${here} is ${describe(node)}${(0,dist/* isScalar */.jn)(node) ? ` (line ${ctx.file.lineOf(offsetOf(node))})` : ''}, not a map or sequence`,
        offset: offsetOf((0,dist/* isScalar */.jn)(node) ? node : undefined)
    });
}
function itemSetter(seq, index) {
    return (node) => {
        seq.items[index] = node;
    };
}
function checkTarget(node, ctx) {
    const line = (n) => `line ${ctx.file.lineOf(offsetOf(n))}`;
    if (ctx.collection !== undefined) {
        const kind = (0,dist/* isMap */.jh)(node) ? 'map' : (0,dist/* isSeq */.oP)(node) ? 'list' : undefined;
        if (kind === undefined) {
            refuse(ctx, offsetOf(node), `points to ${describe(node)} (${line(node)}), and the value is a ${ctx.collection}; a map or list value ` +
                'replaces only a map or list, or is created where nothing is (create-missing, [-]). ' +
                `Set its fields one by one (${ctx.pathText}.KEY: VALUE), or make the value in the file a ${ctx.collection} first.`);
        }
        if (kind !== ctx.collection) {
            refuse(ctx, offsetOf(node), `points to a ${kind} (${line(node)}), and the value is a ${ctx.collection}; a ${kind} is replaced only by a ${kind}.`);
        }
        if (node.anchor !== undefined) {
            refuse(ctx, offsetOf(node), `points to the anchored ${kind} &${node.anchor ?? ''} (${line(node)}); replacing it would change or break its aliases. Set its fields one by one.`);
        }
        return node;
    }
    if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) {
        refuse(ctx, offsetOf(node), `points to ${describe(node)} (${line(node)}), not to a scalar value; a string, number, boolean or null replaces only a scalar. ` +
            `Name a key inside it, e.g. ${ctx.pathText}.tag, or give a ${(0,dist/* isMap */.jh)(node) ? 'map' : 'list'} as the value to replace it whole.`);
    }
    if (!(0,dist/* isScalar */.jn)(node)) {
        if ((0,dist/* isPair */.tO)(node))
            refuse(ctx, 0, 'points to a key, not a value');
        refuse(ctx, 0, 'points to nothing');
    }
    if (node.type !== undefined && BLOCK_TYPES.has(node.type)) {
        refuse(ctx, offsetOf(node), 'points to a block scalar (| or >); the text of block scalars is never edited. Use a plain or quoted value.');
    }
    if (node.tag !== undefined && node.tag !== STR_TAG) {
        refuse(ctx, offsetOf(node), `points to a value with the explicit tag ${node.tag}; tagged values are not replaced. Remove the tag first.`);
    }
    return node;
}

;// CONCATENATED MODULE: ./src/edit/yaml-file.ts



/**
 * Options for every parse of a file we edit, so the verification parse reads it the same way.
 * The parser's own duplicate-key check compares each key with every earlier key of its map
 * (quadratic on big maps), so it is off and `parseYamlFile` checks keys itself in linear time.
 */
const PARSE_OPTIONS = {
    prettyErrors: false,
    keepSourceTokens: false,
    uniqueKeys: false
};
/**
 * Most nodes a file's aliases may stand for, counted as if every alias were replaced by a copy of
 * its anchored node (nested aliases multiply). Real values files stay far below; an "alias bomb"
 * (a billion nodes from a few hundred bytes) is refused before anything expands it.
 */
const MAX_ALIAS_EXPANSION = 1_000_000;
/** Start offsets of every line of `text`. */
function lineStarts(text) {
    const starts = [0];
    let at = text.indexOf('\n');
    while (at !== -1) {
        starts.push(at + 1);
        at = text.indexOf('\n', at + 1);
    }
    return starts;
}
function lineLookup(text) {
    let starts;
    const lineOf = (offset) => {
        starts ??= lineStarts(text);
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    };
    const columnOf = (offset) => {
        starts ??= lineStarts(text);
        return offset - (starts[lineOf(offset) - 1] ?? 0);
    };
    return { lineOf, columnOf };
}
function parseFailure(message) {
    return `YAML does not parse: ${message}. Fix the file so that it parses, then re-run.`;
}
/**
 * One pass over a document, in document order: finds the first duplicate key of any map (what
 * the parser's `uniqueKeys` check reports, by a Set per map instead of a scan per key) and sums
 * how many nodes the aliases stand for, each anchored node's expanded size computed once.
 */
function checkDocument(doc, targets) {
    const anchors = new Map();
    const sizes = new Map();
    let expansion = 0;
    let found;
    const sizeOf = (node) => {
        if (found !== undefined || node === null || typeof node !== 'object')
            return 1;
        if ((0,dist/* isAlias */.Vj)(node))
            return aliasSize(node);
        if ((0,dist/* isPair */.tO)(node))
            return sizeOf(node.key) + sizeOf(node.value);
        const n = node;
        // Anchored before its children: an alias inside its own anchor is a cycle, counted once.
        if (n.anchor !== undefined)
            anchors.set(n.anchor, n);
        let size = 1;
        if ((0,dist/* isMap */.jh)(n)) {
            checkKeys(n.items);
            for (const pair of n.items)
                size += sizeOf(pair);
        }
        else if ((0,dist/* isSeq */.oP)(n)) {
            for (const item of n.items)
                size += sizeOf(item);
        }
        if (n.anchor !== undefined)
            sizes.set(n, size);
        return size;
    };
    const aliasSize = (alias) => {
        const target = anchors.get(alias.source);
        targets.set(alias, target);
        const size = (target && sizes.get(target)) ?? 1;
        expansion += size;
        if (expansion > MAX_ALIAS_EXPANSION && found === undefined) {
            found = {
                offset: alias.range?.[0] ?? 0,
                message: `YAML aliases would expand to more than ${MAX_ALIAS_EXPANSION} nodes (nested aliases multiply, as in an "alias bomb"); the file is refused rather than expanded. Use fewer nested aliases.`
            };
        }
        return size;
    };
    const checkKeys = (pairs) => {
        const seen = new Set();
        for (const { key } of pairs) {
            if (!(0,dist/* isScalar */.jn)(key))
                continue;
            // The parser's rule: scalar keys are equal when their values are (===); NaN never is.
            const value = key.value;
            if (typeof value === 'number' && Number.isNaN(value))
                continue;
            if (seen.has(value) && found === undefined) {
                found = { offset: key.range?.[0] ?? 0, message: parseFailure('Map keys must be unique') };
            }
            seen.add(value);
        }
    };
    sizeOf(doc.contents);
    return found;
}
/**
 * Parses every document of a file. Throws EditError with the file, the line and the parser's
 * message when any document has an error (warnings are accepted), has a duplicate key, or has
 * aliases that would expand past MAX_ALIAS_EXPANSION nodes.
 */
function parseYamlFile(path, text, input) {
    const docs = (0,dist/* parseAllDocuments */.hR)(text, PARSE_OPTIONS);
    const { lineOf, columnOf } = lineLookup(text);
    const refuse = (offset, sentence) => {
        const line = lineOf(offset);
        const column = columnOf(offset) + 1;
        throw new errors/* EditError */.F(`${path}:${line}:${column}: ${sentence}`, {
            input,
            file: path,
            line,
            column
        });
    };
    for (const doc of docs) {
        const error = doc.errors[0];
        if (error)
            refuse(error.pos[0], parseFailure(error.message));
    }
    const targets = new Map();
    for (const doc of docs) {
        const finding = checkDocument(doc, targets);
        if (finding)
            refuse(finding.offset, finding.message);
    }
    const aliasTarget = (alias) => targets.get(alias);
    return { path, input, text, json: isJsonFile(path, text), docs, lineOf, columnOf, aliasTarget };
}
/**
 * Parsed files by path, reused while their text is unchanged: the preflight and the edit of one
 * run read the same bytes, and parsing them once is enough. Whoever edits a cached file's
 * documents must take the changes back (FileEditor.restore) before the next parse call.
 */
class ParseCache {
    files = new Map();
    /** Like parseYamlFile, but returns the earlier parse when `path` had the same text. */
    parse(path, text, input) {
        const known = this.files.get(path);
        if (known?.text === text)
            return known.input === input ? known : { ...known, input };
        const file = parseYamlFile(path, text, input);
        this.files.set(path, file);
        return file;
    }
}

;// CONCATENATED MODULE: ./src/edit/verify.ts





function keyLabel(key) {
    return (0,dist/* isScalar */.jn)(key) ? String(key.value) : '(complex key)';
}
/**
 * The first place where two parsed trees hold different data, or undefined when they hold the
 * same. Aliases are compared by the anchor they name, never expanded, so the work is linear in
 * the number of nodes however deeply aliases nest. Scalar keys compare as strings, as they did
 * when both trees were turned into plain objects.
 */
function firstDifference(a, b, at) {
    const here = at === '' ? '(document root)' : at;
    const child = (label) => (at === '' ? label : `${at}.${label}`);
    if (a === b)
        return undefined;
    if ((0,dist/* isAlias */.Vj)(a) || (0,dist/* isAlias */.Vj)(b)) {
        return (0,dist/* isAlias */.Vj)(a) && (0,dist/* isAlias */.Vj)(b) && a.source === b.source ? undefined : here;
    }
    if ((0,dist/* isNode */.Ll)(a) && (0,dist/* isNode */.Ll)(b) && a.anchor !== b.anchor)
        return here;
    if ((0,dist/* isScalar */.jn)(a) && (0,dist/* isScalar */.jn)(b)) {
        return (0,external_node_util_.isDeepStrictEqual)(a.value, b.value) ? undefined : here;
    }
    if ((0,dist/* isMap */.jh)(a) && (0,dist/* isMap */.jh)(b)) {
        if (a.items.length !== b.items.length)
            return here;
        for (const [i, p] of a.items.entries()) {
            const q = b.items[i];
            if (!q)
                return here;
            const label = keyLabel(p.key);
            if ((0,dist/* isScalar */.jn)(p.key) && (0,dist/* isScalar */.jn)(q.key)) {
                if (String(p.key.value) !== String(q.key.value))
                    return child(label);
            }
            else if (firstDifference(p.key, q.key, child(label)) !== undefined) {
                return child(label);
            }
            const diff = firstDifference(p.value, q.value, child(label));
            if (diff !== undefined)
                return diff;
        }
        return undefined;
    }
    if ((0,dist/* isSeq */.oP)(a) && (0,dist/* isSeq */.oP)(b)) {
        if (a.items.length !== b.items.length)
            return here;
        for (let i = 0; i < a.items.length; i++) {
            const diff = firstDifference(a.items[i], b.items[i], child(String(i)));
            if (diff !== undefined)
                return diff;
        }
        return undefined;
    }
    // An empty value is null in a parse and may be an absent node in a built tree.
    const isNull = (n) => n == null || ((0,dist/* isScalar */.jn)(n) && n.value === null);
    return isNull(a) && isNull(b) ? undefined : here;
}
function fail(path, what) {
    throw new errors/* InternalError */.Gd(`internal error: the edit of ${path} would ${what}; nothing was written. This is a bug in gitops-release, please report it with the file.`, { file: path });
}
/** Full check: the whole new text, parsed again, equals the expected documents. */
function verifyFull(path, expected, out) {
    const docs = (0,dist/* parseAllDocuments */.hR)(out, PARSE_OPTIONS);
    const error = docs.find((doc) => doc.errors.length > 0)?.errors[0];
    if (error)
        fail(path, `not parse (${error.message})`);
    if (docs.length !== expected.length) {
        fail(path, `change the number of documents from ${expected.length} to ${docs.length}`);
    }
    docs.forEach((doc, i) => {
        const diff = firstDifference(doc.contents, expected[i]?.contents, '');
        if (diff !== undefined)
            fail(path, `change more than intended: ${diff} in document ${i + 1} differs`);
    });
}
function hasAnchorsOrAliases(node) {
    if (node === null || node === undefined)
        return false;
    let found = false;
    (0,dist/* visit */.YR)(node, {
        Node(_key, n) {
            if ((0,dist/* isAlias */.Vj)(n) || (((0,dist/* isScalar */.jn)(n) || (0,dist/* isCollection */.P3)(n)) && n.anchor !== undefined)) {
                found = true;
                return dist/* visit */.YR.BREAK;
            }
            return undefined;
        }
    });
    return found;
}
function isSpaces(text, from, to) {
    for (let i = from; i < to; i++)
        if (text[i] !== ' ')
            return false;
    return true;
}
/**
 * The innermost block-map entry whose value holds `piece`, descending from the root map while
 * every key of a map starts its own line (only spaces before it). Undefined when even the root
 * entries do not qualify or the piece lies in no entry's value.
 */
function innermostEntry(file, root, piece) {
    let map = root;
    let found;
    let end = file.text.length;
    while ((0,dist/* isMap */.jh)(map) && map.flow !== true && map.anchor === undefined) {
        const lineStarts = [];
        for (const pair of map.items) {
            const at = pair.key?.range?.[0];
            if (!(0,dist/* isScalar */.jn)(pair.key) || at === undefined)
                return found;
            const lineStart = at - file.columnOf(at);
            if (!isSpaces(file.text, lineStart, at))
                return found;
            lineStarts.push(lineStart);
        }
        const j = map.items.findIndex((pair) => {
            const keyStart = pair.key.range?.[0] ?? Infinity;
            const valueEnd = pair.value?.range?.[1] ?? -1;
            return keyStart <= piece.start && piece.end <= valueEnd;
        });
        const pair = map.items[j];
        if (!pair)
            return found;
        found = { pair, from: lineStarts[j] ?? 0, to: lineStarts[j + 1] ?? end };
        end = found.to;
        map = pair.value;
    }
    return found;
}
/**
 * Fast check for single-document files whose root is a block map: a block-map entry whose key
 * starts its line parses the same on its own as inside the file (it ends at the next line with a
 * key at its indentation or less), so only the innermost entries holding an edit are parsed
 * again. Returns false when the file does not qualify or any check fails; the caller then runs
 * the full check, which decides.
 */
function verifyEntries(file, pieces, out) {
    if (file.docs.length !== 1 || /^%/m.test(file.text))
        return false;
    const root = file.docs[0]?.contents;
    const shift = (offset) => pieces.reduce((sum, p) => (p.start <= offset ? sum + p.text.length - (p.end - p.start) : sum), 0);
    const entries = new Map();
    for (const piece of pieces) {
        const entry = innermostEntry(file, root, piece);
        if (!entry)
            return false;
        entries.set(entry.pair, entry);
    }
    const value = (n) => ((0,dist/* isScalar */.jn)(n) || (0,dist/* isCollection */.P3)(n) ? n.toJSON() : null);
    for (const { pair, from, to } of entries.values()) {
        if (hasAnchorsOrAliases(pair.key) || hasAnchorsOrAliases(pair.value))
            return false;
        const docs = (0,dist/* parseAllDocuments */.hR)(out.slice(from + shift(from), to + shift(to)), PARSE_OPTIONS);
        const got = docs[0]?.contents;
        if (docs.length !== 1 || (docs[0]?.errors.length ?? 1) > 0 || !(0,dist/* isMap */.jh)(got))
            return false;
        const [entry] = got.items;
        if (got.items.length !== 1 || !entry || !(0,dist/* isScalar */.jn)(entry.key) || !(0,dist/* isScalar */.jn)(pair.key))
            return false;
        if (!Object.is(entry.key.value, pair.key.value))
            return false;
        if (!(0,external_node_util_.isDeepStrictEqual)(value(entry.value), value(pair.value)))
            return false;
    }
    return true;
}
/**
 * Requires `out` (the original text with `pieces` applied) to hold exactly the data of the
 * file's documents, whose nodes already carry the intended changes, and a file edited as JSON
 * to still parse as JSON. Any other difference is a bug in the engine: throws InternalError, so
 * nothing gets written.
 */
function verifyEdit(file, pieces, out, rootInserts) {
    // A file edited as JSON stays JSON (unless it was not valid JSON to begin with).
    if (file.json && !parsesAsJson(out) && parsesAsJson(file.text))
        fail(file.path, 'not be valid JSON');
    if (!rootInserts && verifyEntries(file, pieces, out))
        return;
    verifyFull(file.path, file.docs, out);
}

;// CONCATENATED MODULE: ./src/edit/file-editor.ts












/**
 * Plans edits of one parsed file: replaced scalars are spliced into the original text, created
 * keys inserted as new lines; `result()` applies them and verifies the outcome.
 */
class FileEditor {
    file;
    changes = [];
    splices = new Map();
    created = new WeakSet();
    createdBy = new WeakMap();
    inserts = new Map();
    /** How to take back each change made to the parsed nodes, in the order they were made. */
    undo = [];
    step;
    layoutCache;
    /** Each changed place, made when asked for (a created key's data is complete only then). */
    recorded = [];
    /** Lists were appended to or maps/lists replaced: the whole file is verified again. */
    structural = false;
    constructor(file) {
        this.file = file;
    }
    /**
     * Sets `value` at `segments` in the documents the path selects (see documentScope: `[N]`
     * picks document N of a multi-document file, `[*]` every document; without either the path
     * must resolve in one document only); the path must resolve, unless `create` allows creating
     * it or it ends in `[-]` (append). A map or list value replaces only a map or list, or is
     * created or appended. Returns how many values it matched.
     */
    setPath(segments, value, options) {
        const where = { file: this.file.path, path: options.pathText, input: options.input };
        if (this.file.json)
            assertJsonValue(value, where);
        const scope = options.roots
            ? { docs: [], segments, single: false }
            : documentScope(this.file, segments, options.input, options.pathText);
        const ambiguous = (hits, creating) => ambiguousDocuments(this.file, scope.segments, hits, options.input, options.pathText, creating);
        const roots = options.roots ??
            this.file.docs
                .filter((_doc, i) => scope.docs.includes(i))
                .map((doc) => ({ doc, node: doc.contents }));
        const byIndex = !options.roots &&
            (segments[0]?.kind === 'every' ||
                (this.file.docs.length > 1 && segments[0]?.kind === 'index'));
        const whereOf = (root) => {
            const doc = roots[root]?.doc;
            return doc === undefined
                ? undefined
                : {
                    input: options.input,
                    document: documentRef(this.file, doc, byIndex),
                    path: [...(options.prefix ?? []), ...scope.segments]
                };
        };
        const collection = value instanceof Map ? 'map' : Array.isArray(value) ? 'list' : undefined;
        const found = [];
        const appends = [];
        const misses = [];
        roots.forEach((root, index) => {
            const ctx = {
                file: this.file,
                doc: root.doc,
                input: options.input,
                pathText: options.pathText,
                ...(collection ? { collection } : {})
            };
            const result = resolvePath(root.node, scope.segments, ctx);
            found.push(...result.found.map((target) => ({ target, root: index })));
            appends.push(...result.appends.map(({ seq }) => ({ seq, root: index })));
            misses.push(...result.misses.map((miss) => ({ miss, root: index })));
        });
        const hitRoots = new Set([...found, ...appends].map((h) => h.root));
        if (scope.single && hitRoots.size > 1) {
            const hits = [...hitRoots].map((root) => {
                const node = [
                    ...found.map((f) => ({ root: f.root, node: f.target.node })),
                    ...appends.map((a) => ({ root: a.root, node: a.seq }))
                ].find((h) => h.root === root)?.node;
                return { doc: scope.docs[root] ?? root, line: this.file.lineOf(node?.range?.[0] ?? 0) };
            });
            throw ambiguous(hits, false);
        }
        for (const { target, root } of found) {
            if (isCollectionValue(value)) {
                const before = target.emptyIn ? null : target.node.toJSON();
                this.noting(whereOf(root), 'replaced', before, value, () => {
                    this.replaceCollection(target, value, options);
                });
            }
            else
                this.setScalar(target.node, scalarOf(value).value, target.inFlow, options.pathText, options.input, scalarOf(value).float, whereOf(root));
        }
        for (const { seq, root } of appends) {
            this.noting(whereOf(root), 'appended', undefined, value, () => {
                this.append(seq, value, options, false);
            });
        }
        if (found.length > 0 || appends.length > 0)
            return found.length + appends.length;
        const appendable = misses.filter(({ miss }) => miss.appendTo);
        const creatable = misses.filter(({ miss }) => miss.container && miss.keys);
        const fewest = Math.min(...creatable.map(({ miss }) => miss.keys?.length ?? Infinity));
        const best = creatable.find(({ miss }) => miss.keys?.length === fewest);
        if (options.create && (appendable.length > 0 || best)) {
            const candidates = new Set(appendable.length > 0
                ? appendable.map((a) => a.root)
                : creatable.filter(({ miss }) => miss.keys?.length === fewest).map((c) => c.root));
            // Creating in several documents is never guessed, not even for [*]: say which one.
            const every = segments[0]?.kind === 'every';
            if ((scope.single || every) && candidates.size > 1) {
                const hits = [...candidates].map((root) => {
                    const miss = [...appendable, ...creatable].find((m) => m.root === root)?.miss;
                    return { doc: scope.docs[root] ?? root, line: this.file.lineOf(miss?.offset ?? 0) };
                });
                throw ambiguous(hits, true);
            }
            if (appendable.length > 0) {
                for (const { miss, root } of appendable) {
                    const seq = miss.appendTo;
                    if (seq) {
                        this.noting(whereOf(root), 'appended', undefined, value, () => {
                            this.append(seq, value, options, true);
                        });
                    }
                }
                return 0;
            }
            for (const { miss, root } of creatable) {
                if (root === best?.root && miss.keys?.length === fewest)
                    this.create(miss, value, options, whereOf(root));
            }
            return 0;
        }
        const shownMiss = best ?? appendable[0] ?? misses[0];
        const shown = shownMiss?.miss;
        const line = shown ? this.file.lineOf(shown.offset) : undefined;
        const reason = shown?.reason ?? 'the file has no YAML document';
        const docNote = shownMiss && this.file.docs.length > 1
            ? ` (in document [${scope.docs[shownMiss.root] ?? shownMiss.root}])`
            : '';
        const hint = best && !options.create ? ' Set create-missing: true to create it.' : '';
        throw new errors/* EditError */.F(`${this.file.path}${line ? `:${line}` : ''}: path ${options.pathText} (${options.input}) does not resolve: ${reason}${docNote}.${hint}`, {
            input: options.input,
            file: this.file.path,
            path: options.pathText,
            ...(line ? { line } : {})
        });
    }
    /** Every place changed so far, named so it can be found again (see places.ts). */
    get places() {
        return this.recorded.map((make) => make());
    }
    /**
     * Runs one change of a map or list and records it as a place when it changed something
     * (`before`: the data it held, undefined when nothing was there; `value`: what it writes).
     */
    noting(where, change, before, value, action) {
        const mark = this.changes.length;
        action();
        const made = this.changes[this.changes.length - 1];
        if (where === undefined || made === undefined || this.changes.length === mark)
            return;
        const was = made.before === undefined ? undefined : { text: made.before, data: before };
        const path = this.file.path;
        const data = toNode(value).toJSON();
        const after = { text: made.after, data };
        this.recorded.push(() => ({ ...where, file: path, change, before: was, after }));
    }
    get layout() {
        this.layoutCache ??= detectLayout(this.file);
        return this.layoutCache;
    }
    /** Marks every node of a new subtree as written by `label` (a later edit of it must agree). */
    adopt(node, label) {
        (0,dist/* visit */.YR)(node, {
            Node: (_key, n) => {
                this.created.add(n);
                this.createdBy.set(n, label);
            }
        });
    }
    /** Replaces a whole map or list with `value` (a map or list of the same kind). */
    replaceCollection(target, value, options) {
        const old = target.node;
        const node = toNode(value);
        if (this.created.has(old) || this.splices.has(old)) {
            this.conflict(old, this.createdBy.get(old) ?? this.splices.get(old)?.label ?? options.pathText, options.pathText, value, options.input);
        }
        if (target.emptyIn) {
            this.fillEmpty(target, node, value, options);
            return;
        }
        // Equal data: nothing to write (a re-run, or the same value written another way).
        if ((0,external_node_util_.isDeepStrictEqual)(old.toJSON(), node.toJSON()))
            return;
        const [start, rawEnd] = old.range ?? [0, 0];
        // An earlier path changed something inside: the two edits would overlap.
        const inside = [...this.splices.values()].find((s) => s.start >= start && s.end <= rawEnd);
        const insideInsert = [...this.inserts.values()].find((ins) => ins.point.offset > start && ins.point.offset < rawEnd);
        if (inside || insideInsert) {
            const line = this.file.lineOf(start);
            throw new errors/* EditError */.F(`${this.file.path}:${line}: conflicting edits: ${inside?.label ?? 'an earlier path'} changes a value inside ` +
                `${options.pathText}, which ${options.pathText} (${options.input}) replaces whole. Put that value into the new ${(0,dist/* isMap */.jh)(old) ? 'map' : 'list'} instead.`, { input: options.input, file: this.file.path, path: options.pathText, line });
        }
        let end = rawEnd;
        const flow = old.flow === true || target.inFlow;
        if (!flow)
            while (end > start && ' \t\r\n'.includes(this.file.text[end - 1] ?? ''))
                end--;
        const col = this.file.columnOf(start);
        const render = () => {
            const empty = ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) && node.items.length === 0;
            if (flow || empty)
                return flowText(node, this.file.json);
            return blockLines(node, col, this.layout).join(lineEnding(this.file.text)).slice(col);
        };
        this.structural = true;
        this.splices.set(old, { start, end, text: '', label: options.pathText, render });
        this.undo.push(() => {
            target.replace(old);
        });
        target.replace(node);
        this.adopt(node, options.pathText);
        this.changes.push({
            label: options.pathText,
            line: this.file.lineOf(start),
            before: this.file.text.slice(start, end),
            after: flowText(node)
        });
    }
    /** Writes a map or list under an empty `key:`, on the lines below it, in the file's layout. */
    fillEmpty(target, node, value, options) {
        const empty = target.node;
        const pair = target.emptyIn;
        if (!pair || this.splices.has(empty) || this.created.has(empty)) {
            this.conflict(empty, this.splices.get(empty)?.label ?? options.pathText, options.pathText, value, options.input);
        }
        this.step ??= detectIndentStep(this.file);
        const base = emptyValueInsertPoint(this.file, pair, empty, this.step);
        const keyColumn = base.indent - this.step;
        if (node.items.length === 0) {
            // `key: {}` / `key: []`, in the place of the empty value.
            this.setScalarText(empty, flowText(node), options.pathText);
        }
        else if ((0,dist/* isMap */.jh)(node)) {
            this.inserts.set(node, { point: base, pairs: node.items });
        }
        else {
            const point = { ...base, indent: keyColumn + this.layout.seqIndent };
            this.inserts.set(node, { point, pairs: [], items: node.items });
        }
        this.structural = true;
        this.undo.push(() => {
            target.replace(empty);
        });
        target.replace(node);
        this.adopt(node, options.pathText);
        this.changes.push({
            label: options.pathText,
            line: this.file.lineOf(empty.range?.[0] ?? 0),
            before: '',
            after: flowText(node)
        });
    }
    /** Puts `text` in the place of an empty value, with a space on both sides. */
    setScalarText(node, text, label) {
        const [start, end] = node.range ?? [0, 0];
        let out = text;
        if (!' \t'.includes(this.file.text[start - 1] ?? ' '))
            out = ` ${out}`;
        if (this.file.text[end] === '#')
            out = `${out} `;
        this.splices.set(node, { start, end, text: out, label });
    }
    /**
     * Appends `value` as a new item of `seq` ([-], or an index equal to its length with
     * create-missing). A `[-]` append is skipped when the list already holds an equal item, so a
     * re-run changes nothing.
     */
    append(seq, value, options, positional) {
        const node = toNode(value);
        const same = (item) => (0,external_node_util_.isDeepStrictEqual)((0,dist/* isNode */.Ll)(item) ? item.toJSON() : null, node.toJSON());
        if (!positional && seq.items.some(same))
            return;
        let insertion = this.inserts.get(seq);
        if (!insertion) {
            if (this.created.has(seq)) {
                this.conflict(seq, this.createdBy.get(seq) ?? options.pathText, options.pathText, value, options.input);
            }
            const point = seqInsertPoint(this.file, seq);
            insertion = { point, pairs: [], items: [] };
            this.inserts.set(seq, insertion);
        }
        this.structural = true;
        this.undo.push(() => {
            const at = seq.items.lastIndexOf(node);
            if (at >= 0)
                seq.items.splice(at, 1);
        });
        seq.items.push(node);
        insertion.items?.push(node);
        this.adopt(node, options.pathText);
        this.changes.push({
            label: options.pathText,
            line: this.file.lineOf(insertion.point.offset),
            before: undefined,
            after: flowText(node)
        });
    }
    /** Replaces the value of one scalar node (keeping its quote style) with `value`. */
    setScalar(node, value, inFlow, label, input, float = false, where) {
        if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) {
            // A later path reached a map or list an earlier one wrote.
            this.conflict(node, this.createdBy.get(node) ?? label, label, value, input);
        }
        const before = this.createdBy.get(node) ?? this.splices.get(node)?.label;
        if (this.created.has(node) || this.splices.has(node)) {
            if (!Object.is(node.value, value))
                this.conflict(node, before ?? label, label, value, input);
            return;
        }
        const [start, end] = node.range ?? [0, 0];
        // A whole number given as !!float replaces the same number written as an integer.
        const intText = float && !/[.eEn]/.test(this.file.text.slice(start, end));
        if (Object.is(node.value, value) && !intText)
            return;
        const style = (node.type ?? 'PLAIN');
        let text = this.file.json ? jsonScalar(value, float) : renderValue(value, style, inFlow, float);
        if (start === end) {
            // An empty value (`key:` or `key: # comment`): keep a space on both sides of the text.
            if (!' \t'.includes(this.file.text[start - 1] ?? ' '))
                text = ` ${text}`;
            if (this.file.text[end] === '#')
                text = `${text} `;
        }
        this.splices.set(node, { start, end, text, label });
        this.changes.push({
            label,
            line: this.file.lineOf(start),
            before: this.file.text.slice(start, end),
            after: text.trim()
        });
        const old = node.value;
        this.undo.push(() => {
            node.value = old;
        });
        node.value = value;
        if (where) {
            const place = {
                ...where,
                file: this.file.path,
                change: 'set',
                before: { text: this.file.text.slice(start, end), data: old },
                after: { text, data: value }
            };
            this.recorded.push(() => place);
        }
    }
    conflict(node, first, label, value, input) {
        const line = node.range ? this.file.lineOf(node.range[0]) : undefined;
        const show = (v) => (0,dist/* isScalar */.jn)(v)
            ? JSON.stringify(v.value)
            : v instanceof Map || Array.isArray(v)
                ? flowText(toNode(v))
                : (0,dist/* isMap */.jh)(v) || (0,dist/* isSeq */.oP)(v)
                    ? flowText(v)
                    : JSON.stringify(v);
        throw new errors/* EditError */.F(`${this.file.path}${line ? `:${line}` : ''}: conflicting edits: ${first} sets ${show(node)} ` +
            `and ${label} (${input}) sets ${show(value)} on the same value.`, { input, file: this.file.path, path: label, ...(line ? { line } : {}) });
    }
    create(miss, value, options, where) {
        const keys = miss.keys ?? [];
        const container = miss.container;
        if (!container || keys.length === 0)
            return;
        let map;
        let insertion;
        if ((0,dist/* isMap */.jh)(container)) {
            map = container;
            if (!this.created.has(map)) {
                insertion = this.inserts.get(map);
                if (!insertion) {
                    insertion = { point: mapInsertPoint(this.file, map), pairs: [] };
                    this.inserts.set(map, insertion);
                }
            }
        }
        else {
            const { pair, empty } = container;
            if (this.splices.has(empty)) {
                this.conflict(empty, this.splices.get(empty)?.label ?? '', options.pathText, value, options.input);
            }
            map = new dist/* YAMLMap */.CA();
            this.created.add(map);
            const old = pair.value;
            this.undo.push(() => {
                pair.value = old;
            });
            pair.value = map;
            this.step ??= detectIndentStep(this.file);
            insertion = {
                point: emptyValueInsertPoint(this.file, pair, empty, this.step),
                pairs: map.items
            };
            this.inserts.set(map, insertion);
        }
        const leaf = toNode(value);
        this.adopt(leaf, options.pathText);
        let node = leaf;
        for (let i = keys.length - 1; i >= 1; i--) {
            const parent = new dist/* YAMLMap */.CA();
            parent.items.push(new dist/* Pair */.Rm(new dist/* Scalar */.X5(keys[i]), node));
            this.created.add(parent);
            node = parent;
        }
        const pair = new dist/* Pair */.Rm(new dist/* Scalar */.X5(keys[0]), node);
        const items = map.items;
        this.undo.push(() => {
            const at = items.lastIndexOf(pair);
            if (at >= 0)
                items.splice(at, 1);
        });
        items.push(pair);
        if (insertion && insertion.pairs !== map.items)
            insertion.pairs.push(pair);
        // A key created inside a map this run created is part of that map's place.
        if (where && !((0,dist/* isMap */.jh)(container) && this.created.has(container))) {
            const file = this.file.path;
            const path = where.path.slice(0, where.path.length - keys.length + 1);
            this.recorded.push(() => ({
                ...where,
                file,
                path,
                change: 'created',
                before: undefined,
                after: { text: flowText(pair.value), data: pair.value.toJSON() }
            }));
        }
        this.changes.push({
            label: options.pathText,
            line: this.file.lineOf(miss.offset),
            before: undefined,
            after: isCollectionValue(value)
                ? flowText(leaf)
                : renderValue(scalarOf(value).value, 'PLAIN', false, scalarOf(value).float)
        });
    }
    /**
     * Takes back every change made to the parsed nodes, so the file's documents hold the original
     * data again and can be edited anew (a parse cache hands the same nodes to the next run).
     */
    restore() {
        for (const undo of this.undo.splice(0).reverse())
            undo();
    }
    /** True when at least one value changes or a key is created. */
    get changed() {
        return this.splices.size > 0 || this.inserts.size > 0;
    }
    /** The new text of the file, verified against the intended changes (InternalError if not). */
    result() {
        if (!this.changed)
            return this.file.text;
        const eol = lineEnding(this.file.text);
        this.step ??= detectIndentStep(this.file);
        const layout = { ...this.layout, step: this.step };
        const pieces = [
            ...[...this.splices.values()].map((s) => ({
                ...s,
                text: s.render ? s.render() : s.text,
                order: 0
            })),
            ...[...this.inserts.values()].map((ins) => ({
                start: ins.point.offset,
                end: ins.point.offset,
                text: ins.items
                    ? renderItemsInsert(ins.point, ins.items, { ...layout, itemOffset: ins.point.itemOffset ?? 2 }, eol)
                    : renderInsert(ins.point, ins.pairs, layout, eol),
                order: 1
            }))
        ];
        pieces.sort((a, b) => a.start - b.start || a.order - b.order);
        let out = '';
        let at = 0;
        for (const piece of pieces) {
            out += this.file.text.slice(at, piece.start) + piece.text;
            at = piece.end;
        }
        out += this.file.text.slice(at);
        const rootInserts = this.file.docs.some((doc) => this.inserts.has(doc.contents));
        verifyEdit(this.file, pieces, out, rootInserts || this.structural);
        return out;
    }
}

;// CONCATENATED MODULE: ./src/edit/glob.ts
const cache = new Map();
/** True when `pattern` contains glob characters (`*`, `?`). */
function isGlob(pattern) {
    return /[*?]/.test(pattern);
}
function toRegExp(pattern) {
    let source = '';
    const parts = pattern.split('/');
    parts.forEach((part, i) => {
        const last = i === parts.length - 1;
        if (part === '**') {
            // `**` as a whole segment: zero or more folders (or, last, anything below).
            source += last ? '.*' : '(?:[^/]*/)*';
            return;
        }
        for (const ch of part) {
            if (ch === '*')
                source += '[^/]*';
            else if (ch === '?')
                source += '[^/]';
            else
                source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
        }
        if (!last)
            source += '/';
    });
    return new RegExp(`^${source}$`);
}
/**
 * Matches a repository-relative POSIX path against a glob: `*` and `?` stay within one path
 * segment, a `**` segment spans any number of folders.
 */
function matchesGlob(path, pattern) {
    let re = cache.get(pattern);
    if (!re) {
        re = toRegExp(pattern);
        cache.set(pattern, re);
    }
    return re.test(path);
}

;// CONCATENATED MODULE: ./src/edit/kustomization.ts



const kustomization_INPUT = 'kustomization';
function kustomization_field(map, key) {
    const pair = map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
    return pair && (0,dist/* isScalar */.jn)(pair.value) && pair.value.value !== null
        ? scalarString(pair.value.value)
        : undefined;
}
/**
 * Edits the `images` entries of a kustomization whose `newName` (or, without one, `name`) is an
 * image's repository: `newTag` gets the tag; `digest` gets the digest with `pinDigest`, or when
 * the entry already pins one and the new digest is known. Returns the names of the images
 * that matched an entry.
 */
function editKustomization(editor, images, pinDigest, logger) {
    const matched = new Set();
    for (const doc of editor.file.docs) {
        const root = doc.contents;
        if (!(0,dist/* isMap */.jh)(root))
            continue;
        const list = root.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'images')?.value;
        if (!(0,dist/* isSeq */.oP)(list))
            continue;
        list.items.forEach((item, index) => {
            if (!(0,dist/* isMap */.jh)(item))
                return;
            const name = kustomization_field(item, 'name');
            const compared = kustomization_field(item, 'newName') ?? name;
            if (compared === undefined)
                return;
            const label = name === undefined ? `images[${index}]` : `images[name=${name}]`;
            // The entry is found again by its name (by its index only when it has none).
            const prefix = [
                { kind: 'key', key: 'images' },
                name === undefined
                    ? { kind: 'index', index }
                    : { kind: 'select', field: 'name', value: name }
            ];
            for (const image of images) {
                if (!(0,image_ref/* sameRepository */.RB)(compared, image.repository))
                    continue;
                matched.add(image.name);
                const set = (key, value) => {
                    const segments = [{ kind: 'key', key }];
                    editor.setPath(segments, value, {
                        input: kustomization_INPUT,
                        pathText: `${label}.${key}`,
                        create: true,
                        roots: [{ doc, node: item }],
                        prefix
                    });
                };
                set('newTag', image.tag);
                const pinned = kustomization_field(item, 'digest') !== undefined;
                if (image.digest !== '' && (pinDigest || pinned))
                    set('digest', image.digest);
                else if (pinned) {
                    logger.warning(`${editor.file.path}: ${label} pins a digest, which overrides the new tag ${image.tag}; ` +
                        'no digest is known for this image (it was not built), so the digest was left as is.');
                }
            }
        });
    }
    return matched;
}

;// CONCATENATED MODULE: ./src/edit/manifests.ts






const manifests_INPUT = 'manifests';
const CONTAINER_KEYS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const EDITABLE = new Set(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE']);
function keyOf(pair) {
    return (0,dist/* isScalar */.jn)(pair.key) ? scalarString(pair.key.value) : undefined;
}
/** Every container `image:` scalar in a document, at any depth (any kind's pod spec). */
function findImages(doc, prefix, file) {
    const out = [];
    const visit = (node, path) => {
        if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item, index) => {
                visit(item, [...path, { kind: 'index', index }]);
            });
            return;
        }
        if (!(0,dist/* isMap */.jh)(node))
            return;
        for (const pair of node.items) {
            const key = keyOf(pair);
            if (key === undefined)
                continue;
            if (CONTAINER_KEYS.has(key) && (0,dist/* isSeq */.oP)(pair.value)) {
                const flow = pair.value.flow === true;
                pair.value.items.forEach((item, index) => {
                    if (!(0,dist/* isMap */.jh)(item))
                        return;
                    const image = item.items.find((p) => keyOf(p) === 'image');
                    if (!image)
                        return;
                    const name = item.items.find((p) => keyOf(p) === 'name')?.value;
                    const step = (0,dist/* isScalar */.jn)(name) && name.value !== null
                        ? { kind: 'select', field: 'name', value: scalarString(name.value) }
                        : { kind: 'index', index };
                    const imagePath = [
                        ...path,
                        { kind: 'key', key },
                        step,
                        { kind: 'key', key: 'image' }
                    ];
                    const label = prefix + formatPath(imagePath);
                    if ((0,dist/* isAlias */.Vj)(image.value)) {
                        const line = file.lineOf(image.value.range?.[0] ?? 0);
                        throw new errors/* EditError */.F(`${file.path}:${line}: ${label} (${manifests_INPUT}) is the alias *${image.value.source}; edit the anchored value instead.`, { input: manifests_INPUT, file: file.path, line, path: label });
                    }
                    if ((0,dist/* isScalar */.jn)(image.value) &&
                        typeof image.value.value === 'string' &&
                        EDITABLE.has(image.value.type ?? '')) {
                        out.push({
                            node: image.value,
                            inFlow: item.flow === true || flow,
                            label,
                            path: imagePath
                        });
                    }
                });
            }
            visit(pair.value, [...path, { kind: 'key', key }]);
        }
    };
    visit(doc.contents, []);
    return out;
}
/**
 * Sets the tag of every container, init container and ephemeral container image whose
 * repository is one of `images` (`REPO:TAG`, or `REPO:TAG@DIGEST` with `pinDigest` and a known
 * digest), keeping the repository text as written. Returns the names of the images that matched.
 */
function editManifest(editor, images, pinDigest) {
    const matched = new Set();
    const docs = editor.file.docs;
    docs.forEach((doc, index) => {
        const prefix = docs.length > 1 ? `[doc ${index}] ` : '';
        for (const found of findImages(doc, prefix, editor.file)) {
            const ref = (0,image_ref/* splitReference */.mQ)(found.node.value);
            for (const image of images) {
                if (!(0,image_ref/* sameRepository */.RB)(ref.repository, image.repository))
                    continue;
                matched.add(image.name);
                const digest = pinDigest && image.digest !== '' ? `@${image.digest}` : '';
                editor.setScalar(found.node, `${ref.repository}:${image.tag}${digest}`, found.inFlow, found.label, manifests_INPUT, false, {
                    input: manifests_INPUT,
                    document: documentRef(editor.file, doc, false),
                    path: found.path,
                    repository: ref.repository
                });
            }
        }
    });
    return matched;
}

// EXTERNAL MODULE: ./src/edit/workspace-path.ts
var workspace_path = __webpack_require__(9024);
;// CONCATENATED MODULE: ./src/edit/read-text.ts

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Largest file the engine reads (10 MiB): far above any values file, small enough to parse fast. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The error for a file over MAX_FILE_BYTES; sources that can stat call it before reading. */
function tooLarge(path, size) {
    return new errors/* EditError */.F(`${path} is ${size} bytes, more than the limit of ${MAX_FILE_BYTES} bytes (10 MiB) for a file to edit; it is refused unread.`, { file: path });
}
/**
 * Reads a file as UTF-8 text (BOM kept); EditError naming `input` when it cannot or when it is
 * larger than MAX_FILE_BYTES.
 */
async function readText(source, path, input) {
    let bytes;
    try {
        bytes = await source.read(path);
    }
    catch (error) {
        // The source knows the file but not which input named it; add that to the location.
        if (error instanceof errors/* ActionError */.lZ) {
            throw new errors/* EditError */.F(`${input}: ${error.message}`, { ...error.location, input, file: path });
        }
        throw new errors/* EditError */.F(`${input}: ${path} cannot be read: ${(0,errors/* errorMessage */.gJ)(error)}`, {
            input,
            file: path
        });
    }
    if (bytes === undefined)
        return undefined;
    // For sources that cannot stat first; the message says the file was read, unlike tooLarge's.
    if (bytes.length > MAX_FILE_BYTES) {
        throw new errors/* EditError */.F(`${input}: ${path} is ${bytes.length} bytes, more than the limit of ${MAX_FILE_BYTES} bytes (10 MiB) for a file to edit; it is refused.`, { input, file: path });
    }
    try {
        return UTF8.decode(bytes);
    }
    catch {
        throw new errors/* EditError */.F(`${input}: ${path} is not UTF-8 text; only UTF-8 YAML files are edited.`, {
            input,
            file: path
        });
    }
}
/** The error for a file an input names that does not exist. */
function missingFile(path, input, source) {
    return new errors/* EditError */.F(`${input}: ${path} does not exist in ${source.description}.`, {
        input,
        file: path
    });
}

;// CONCATENATED MODULE: ./src/edit/compute-edits.ts













class Planner {
    files = new Map();
    add(path, input, step) {
        const plan = this.files.get(path) ?? { path, input, steps: [] };
        plan.steps.push(step);
        this.files.set(path, plan);
    }
}
function setStep(segments, pathText, value, input, create) {
    return (editor) => {
        editor.setPath(segments, value, { input, pathText, create });
    };
}
// `REPOSITORY:TAG` at a ref-path, with `@DIGEST` when pinning or when the reference there
// already pins one (as a kustomization entry keeps its digest), and the digest is known.
function refStep(segments, pathText, image, pinDigest, create) {
    return (editor) => {
        const file = editor.file;
        const pinned = pinDigest ||
            file.docs.some((doc) => resolvePath(doc.contents, segments, { file, doc, input: 'ref-path', pathText }).found.some((hit) => (0,dist/* isScalar */.jn)(hit.node) &&
                typeof hit.node.value === 'string' &&
                (0,image_ref/* splitReference */.mQ)(hit.node.value).digest !== ''));
        const digest = pinned && image.digest !== '' ? `@${image.digest}` : '';
        editor.setPath(segments, `${image.repository}:${image.tag}${digest}`, {
            input: 'ref-path',
            pathText,
            create
        });
    };
}
async function expandManifests(request, source) {
    const out = [];
    let all;
    for (const entry of request.manifests) {
        if (!isGlob(entry)) {
            out.push((0,workspace_path/* normalizeRelativePath */.Vd)(entry, 'manifests'));
            continue;
        }
        const pattern = (0,workspace_path/* normalizeRelativePath */.Vd)(entry, 'manifests');
        all ??= await source.list();
        // A glob never reaches into git's own folder, whatever the source lists.
        const matches = all.filter((path) => matchesGlob(path, pattern) && !(0,workspace_path/* hasGitSegment */.oW)(path));
        if (matches.length === 0) {
            throw new errors/* InputError */.dz(`manifests: the glob ${entry} matches no file in ${source.description}.`, {
                input: 'manifests'
            });
        }
        out.push(...matches);
    }
    return [...new Set(out)];
}
function planValues(request, planner, valuesFiles, changes) {
    const templates = [
        {
            input: 'tag-path',
            text: request.tagPath,
            value: (i) => i.tag
        },
        {
            input: 'repository-path',
            text: request.repositoryPath,
            value: (i) => i.repository
        },
        {
            input: 'digest-path',
            text: request.digestPath,
            value: (i) => i.digest
        }
    ];
    for (const template of templates) {
        if (template.text === undefined || template.text.trim() === '')
            continue;
        const parsed = parsePath(template.text.trim(), template.input);
        for (const image of request.images) {
            const value = template.value(image);
            if (template.input === 'digest-path' && value === '')
                continue;
            const segments = fillTemplate(parsed, image.name, template.input);
            const pathText = template.text.trim().replaceAll('{name}', image.name);
            for (const file of valuesFiles) {
                planner.add(file, 'values-file', setStep(segments, pathText, value, template.input, request.createMissing));
            }
        }
    }
    if (request.refPath !== undefined && request.refPath.trim() !== '') {
        const text = request.refPath.trim();
        const parsed = parsePath(text, 'ref-path');
        for (const image of request.images) {
            const segments = fillTemplate(parsed, image.name, 'ref-path');
            const pathText = text.replaceAll('{name}', image.name);
            for (const file of valuesFiles) {
                planner.add(file, 'values-file', refStep(segments, pathText, image, request.pinDigest, request.createMissing));
            }
        }
    }
    for (const change of changes) {
        for (const file of valuesFiles) {
            planner.add(file, 'values-file', setStep(change.segments, change.pathText, change.value, 'changes', request.createMissing));
        }
    }
}
/**
 * Plans every edit the request asks for, across values files, `changes`, kustomizations and
 * manifests: reads and parses each file once, resolves every path, splices the new values into
 * the original text and verifies each result. Writes nothing. Returns one FileEdit per file read,
 * in the order the inputs name them; a file with nothing to change has `after === before`.
 * Throws InputError/EditError (with input, file, line, path) for bad input and InternalError when
 * a verification fails. Pass the same `parses` to several calls (preflight, then edit) so a file
 * whose text did not change between them is parsed once.
 */
async function computeEdits(source, request, logger, parses = new ParseCache()) {
    const changes = parseChanges(request.changes, request.vars);
    const planner = new Planner();
    const texts = new Map();
    const load = async (path, input) => {
        const known = texts.get(path);
        if (known !== undefined)
            return known;
        const text = await readText(source, path, input);
        if (text !== undefined)
            texts.set(path, text);
        return text;
    };
    const valuesFiles = [];
    const hasImages = request.images.length > 0;
    if (hasImages || changes.values.length > 0) {
        const optional = request.valuesFileIsDefault &&
            (request.kustomizations.length > 0 || request.manifests.length > 0);
        for (const entry of request.valuesFiles) {
            const path = (0,workspace_path/* normalizeRelativePath */.Vd)(entry, 'values-file');
            if ((await load(path, 'values-file')) !== undefined)
                valuesFiles.push(path);
            else if (optional)
                logger.debug(`values-file: ${path} does not exist; no values file is edited`);
            else
                throw missingFile(path, 'values-file', source);
        }
    }
    if (changes.values.length > 0 && valuesFiles.length === 0) {
        throw new errors/* InputError */.dz('changes: PATH: VALUE entries need a values file (values-file), and there is none. Use FILE: {PATH: VALUE} to name the file.', { input: 'changes' });
    }
    planValues(request, planner, valuesFiles, changes.values);
    for (const { file, entries } of changes.files) {
        const path = (0,workspace_path/* normalizeRelativePath */.Vd)(file, 'changes');
        if ((await load(path, 'changes')) === undefined)
            throw missingFile(path, 'changes', source);
        for (const change of entries) {
            planner.add(path, 'changes', setStep(change.segments, change.pathText, change.value, 'changes', request.createMissing));
        }
    }
    if (!hasImages && (request.kustomizations.length > 0 || request.manifests.length > 0)) {
        logger.warning('kustomization/manifests are given but there are no images; they are not edited.');
    }
    if (request.pinDigest && hasImages) {
        for (const image of request.images.filter((i) => i.digest === '')) {
            logger.warning(`pin-digest: no digest is known for ${image.name} (not built); only its tag is written.`);
        }
    }
    const matched = { kustomization: new Set(), manifests: new Set() };
    if (hasImages) {
        for (const entry of request.kustomizations) {
            const path = (0,workspace_path/* normalizeRelativePath */.Vd)(entry, 'kustomization');
            if ((await load(path, 'kustomization')) === undefined)
                throw missingFile(path, 'kustomization', source);
            planner.add(path, 'kustomization', (editor) => {
                for (const name of editKustomization(editor, request.images, request.pinDigest, logger))
                    matched.kustomization.add(name);
            });
        }
        for (const path of await expandManifests(request, source)) {
            if ((await load(path, 'manifests')) === undefined)
                throw missingFile(path, 'manifests', source);
            planner.add(path, 'manifests', (editor) => {
                for (const name of editManifest(editor, request.images, request.pinDigest))
                    matched.manifests.add(name);
            });
        }
    }
    const edits = [];
    for (const plan of planner.files.values()) {
        const before = texts.get(plan.path) ?? '';
        // Parse, edit and restore run without an await between them, so no other call sharing
        // `parses` can see the nodes while they hold this edit's values.
        const editor = new FileEditor(parses.parse(plan.path, before, plan.input));
        let after;
        let places;
        try {
            for (const step of plan.steps)
                step(editor);
            after = editor.result();
            places = editor.places;
        }
        finally {
            editor.restore();
        }
        for (const change of editor.changes) {
            const was = change.before === undefined
                ? 'created'
                : change.before === ''
                    ? 'was empty'
                    : `was ${change.before}`;
            logger.info(`${plan.path}:${change.line}: ${change.label} = ${change.after} (${was})`);
        }
        if (after === before)
            logger.info(`${plan.path}: already up to date`);
        edits.push({ path: plan.path, before, after, places });
    }
    checkMatched(request, matched, logger);
    return edits;
}
function checkMatched(request, matched, logger) {
    if (request.images.length === 0)
        return;
    const kinds = [
        {
            input: 'kustomization',
            files: request.kustomizations,
            names: matched.kustomization,
            where: 'images entry'
        },
        {
            input: 'manifests',
            files: request.manifests,
            names: matched.manifests,
            where: 'container image'
        }
    ];
    for (const kind of kinds) {
        if (kind.files.length === 0)
            continue;
        if (kind.names.size === 0) {
            const wanted = request.images.map((i) => i.repository).join(', ');
            throw new errors/* EditError */.F(`${kind.input}: no ${kind.where} in ${kind.files.join(', ')} names any of the images (${wanted}).`, { input: kind.input });
        }
        for (const image of request.images.filter((i) => !kind.names.has(i.name))) {
            logger.warning(`${kind.input}: no ${kind.where} names ${image.repository} (image ${image.name}); its tag is not written there.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/edit/current-values.ts









function current_values_field(map, key) {
    const pair = map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
    return pair && (0,dist/* isScalar */.jn)(pair.value) && pair.value.value !== null
        ? scalarString(pair.value.value)
        : undefined;
}
/**
 * The tag (and repository) each image has in the files now, read with the edit engine's own path
 * resolution, so it is the very value an edit would replace: `tag-path` in the values files, and
 * `newTag` of the matching `images` entries of the kustomizations. An image is left out when it
 * has no such value, when files or documents disagree, when a kustomization pins a digest (the
 * tag is then not what runs), or when its path cannot be read (the edit itself reports that);
 * `reasons` says why, per image name. Reads, never writes.
 */
async function readCurrentValues(source, request) {
    const seen = new Map();
    const reasons = new Map();
    for (const image of request.images)
        seen.set(image.name, { tags: new Set(), repositories: new Set() });
    const templates = [
        { input: 'tag-path', text: request.tagPath.trim(), key: 'tags' },
        {
            input: 'repository-path',
            text: request.repositoryPath?.trim() ?? '',
            key: 'repositories'
        }
    ].filter((template) => template.text !== '');
    for (const entry of request.valuesFiles) {
        let file;
        try {
            const path = (0,workspace_path/* normalizeRelativePath */.Vd)(entry, 'values-file');
            const text = await readText(source, path, 'values-file');
            if (text === undefined)
                continue;
            file = parseYamlFile(path, text, 'values-file');
        }
        catch (error) {
            for (const image of request.images)
                reasons.set(image.name, (0,errors/* errorMessage */.gJ)(error));
            continue;
        }
        for (const template of templates) {
            const parsed = parsePath(template.text, template.input);
            for (const image of request.images) {
                const found = seen.get(image.name);
                if (found === undefined)
                    continue;
                try {
                    const segments = fillTemplate(parsed, image.name, template.input);
                    const pathText = template.text.replaceAll('{name}', image.name);
                    for (const doc of file.docs) {
                        const ctx = { file, doc, input: template.input, pathText };
                        for (const hit of resolvePath(doc.contents, segments, ctx).found) {
                            if ((0,dist/* isScalar */.jn)(hit.node) && hit.node.value !== null) {
                                found[template.key].add(scalarString(hit.node.value));
                            }
                        }
                    }
                }
                catch (error) {
                    reasons.set(image.name, (0,errors/* errorMessage */.gJ)(error));
                }
            }
        }
    }
    for (const entry of request.kustomizations ?? []) {
        try {
            const path = (0,workspace_path/* normalizeRelativePath */.Vd)(entry, 'kustomization');
            const text = await readText(source, path, 'kustomization');
            if (text === undefined)
                continue;
            const file = parseYamlFile(path, text, 'kustomization');
            for (const doc of file.docs) {
                const root = doc.contents;
                if (!(0,dist/* isMap */.jh)(root))
                    continue;
                const list = root.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'images')?.value;
                if (!(0,dist/* isSeq */.oP)(list))
                    continue;
                for (const item of list.items) {
                    if (!(0,dist/* isMap */.jh)(item))
                        continue;
                    const compared = current_values_field(item, 'newName') ?? current_values_field(item, 'name');
                    if (compared === undefined)
                        continue;
                    for (const image of request.images) {
                        if (!(0,image_ref/* sameRepository */.RB)(compared, image.repository))
                            continue;
                        if (current_values_field(item, 'digest') !== undefined) {
                            reasons.set(image.name, `${path} pins a digest for it`);
                        }
                        const tag = current_values_field(item, 'newTag');
                        if (tag !== undefined)
                            seen.get(image.name)?.tags.add(tag);
                        else
                            reasons.set(image.name, `${path} has no newTag for it`);
                    }
                }
            }
        }
        catch (error) {
            for (const image of request.images)
                reasons.set(image.name, (0,errors/* errorMessage */.gJ)(error));
        }
    }
    const values = new Map();
    for (const [name, found] of seen) {
        if (reasons.has(name))
            continue;
        const tags = [...found.tags].filter((tag) => tag !== '');
        const repositories = [...found.repositories];
        if (tags.length !== 1) {
            reasons.set(name, tags.length === 0
                ? `no tag at ${request.tagPath.replaceAll('{name}', name)} in the values files (nor in a kustomization)`
                : `the files disagree on its tag (${tags.join(', ')})`);
            continue;
        }
        if (repositories.length > 1) {
            reasons.set(name, `the values files disagree on its repository (${repositories.join(', ')})`);
            continue;
        }
        const [tag = ''] = tags;
        const [repository] = repositories;
        values.set(name, { tag, ...(repository === undefined ? {} : { repository }) });
    }
    return { values, reasons };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/edit/workspace-source.ts





async function isFileLink(path) {
    try {
        return (await (0,promises_.stat)(path)).isFile();
    }
    catch {
        return false;
    }
}
async function listFiles(root, folder, out) {
    const entries = await (0,promises_.readdir)((0,external_node_path_.join)(root, folder), { withFileTypes: true });
    for (const entry of entries) {
        const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
        // Symlinked folders are not followed: they may loop or lead out of the repository.
        if (entry.isDirectory()) {
            if (!(0,workspace_path/* hasGitSegment */.oW)(entry.name))
                await listFiles(root, path, out);
        }
        else if (entry.isFile() || (entry.isSymbolicLink() && (await isFileLink((0,external_node_path_.join)(root, path))))) {
            out.push(path);
        }
    }
}
/**
 * A FileSource over a folder (the workspace or a clone). Refuses `../`, absolute paths and
 * symlinks that lead out of `root`, paths inside `.git/` and files over MAX_FILE_BYTES with an
 * EditError naming the file.
 */
function createWorkspaceSource(root) {
    return {
        description: root,
        async read(path) {
            const real = await (0,workspace_path/* resolveInside */.LI)(root, path);
            if (real === undefined)
                return undefined;
            const file = (0,workspace_path/* normalizeRelativePath */.Vd)(path);
            let size;
            try {
                size = (await (0,promises_.stat)(real)).size;
            }
            catch (error) {
                throw new errors/* EditError */.F(`${file} cannot be read: ${(0,errors/* errorMessage */.gJ)(error)}`, { file });
            }
            // Checked before reading, so a huge file never gets into memory.
            if (size > MAX_FILE_BYTES)
                throw tooLarge(file, size);
            try {
                return await (0,promises_.readFile)(real);
            }
            catch (error) {
                throw new errors/* EditError */.F(`${file} cannot be read: ${(0,errors/* errorMessage */.gJ)(error)}`, { file });
            }
        },
        async list() {
            const out = [];
            await listFiles(root, '', out);
            return out.sort();
        }
    };
}

// EXTERNAL MODULE: ./src/edit/write-edits.ts
var write_edits = __webpack_require__(1516);
;// CONCATENATED MODULE: ./src/edit/engine.ts





/** An EditEngine with a parse cache of its own (one per run). */
function createEditEngine() {
    const parses = new ParseCache();
    return {
        plan: (source, request, logger) => computeEdits(source, request, logger, parses),
        current: (source, request) => readCurrentValues(source, request),
        folder: (root) => createWorkspaceSource(root),
        write: (root, edits) => (0,write_edits/* writeEdits */.B)(root, edits)
    };
}

// EXTERNAL MODULE: ./src/lib/clock.ts
var clock = __webpack_require__(6296);
;// CONCATENATED MODULE: ./src/compose.ts



/** Registry answers the skip-unchanged lookup reads are manifests and config JSON only. */
const REGISTRY_BODY_LIMIT = 4 * 1024 * 1024;
/**
 * The composition root: builds every real dependency of the stages once and binds it, so the
 * pipeline only passes options. Each stage's modules are imported on first use: a run that only
 * edits files (build: false, commit: false, no Argo CD) never loads the docker, git, GitHub or
 * Argo CD code.
 */
function composeStages(settings, runtime, logger) {
    // The action's HTTP client, loaded on first use, always with the settings' proxy environment.
    const httpClient = async (options = {}) => {
        const { createHttpClient } = await __webpack_require__.e(/* import() */ 68).then(__webpack_require__.bind(__webpack_require__, 5068));
        return createHttpClient({ env: settings.env, ...options });
    };
    // One client for the webhook and the API: `argocd-insecure` applies to Argo CD alone.
    const argoCdHttp = once(() => httpClient({ insecure: (settings.argocd.api ?? settings.argocd.webhook)?.insecure ?? false }));
    const registryHttp = once(() => httpClient({ maxBodyBytes: REGISTRY_BODY_LIMIT }));
    // The publish stage's services, made once per run: the GitHub API's rate-limit budget is the
    // run's, whatever number of repositories it opens. Every GitHub API request goes through the
    // action's client.
    const publishServices = once(async () => {
        const { createPublishDeps, API_MAX_BODY_BYTES } = await __webpack_require__.e(/* import() */ 268).then(__webpack_require__.bind(__webpack_require__, 8268));
        const http = await httpClient({ maxBodyBytes: API_MAX_BODY_BYTES });
        return createPublishDeps({ env: settings.env }, { logger, runtime, http });
    });
    return {
        logger,
        edits: createEditEngine(),
        checkBuildContexts: async (options) => {
            const { checkBuildContexts } = await __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 9074));
            return checkBuildContexts(options);
        },
        buildImages: async (options) => {
            const [{ buildImages }, { createDocker }, { createProcessRunner }] = await Promise.all([
                __webpack_require__.e(/* import() */ 711).then(__webpack_require__.bind(__webpack_require__, 7711)),
                __webpack_require__.e(/* import() */ 953).then(__webpack_require__.bind(__webpack_require__, 7953)),
                __webpack_require__.e(/* import() */ 737).then(__webpack_require__.bind(__webpack_require__, 1737))
            ]);
            const runner = createProcessRunner(runtime.secrets, settings.env);
            return buildImages(options, {
                docker: createDocker(runner),
                http: await registryHttp(),
                logger,
                runtime,
                clock: clock/* systemClock */.m
            });
        },
        openRepository: async (options) => {
            const { openPublisher, publisherOnFirstUse } = await __webpack_require__.e(/* import() */ 268).then(__webpack_require__.bind(__webpack_require__, 8268));
            const services = await publishServices();
            // Cloned on first use (a run that fails before it reads the repository clones nothing);
            // the message and title come with each commit.
            const publisher = publisherOnFirstUse(() => openPublisher({ ...options, message: '', prTitle: '' }, services));
            const repository = {
                preview: (_text, compute, quiet) => publisher.preview(compute, quiet),
                // dry-run: the commit is computed and shown, never pushed.
                land: (text, compute) => options.dryRun ? publisher.preview(compute) : publisher.land(text, compute),
                isDescendant: (ancestor, commit) => publisher.isDescendant(ancestor, commit),
                sourceAt: (revision) => publisher.sourceAt(revision),
                close: () => publisher.close()
            };
            return repository;
        },
        notifyWebhook: async (options) => {
            const { notifyWebhook } = await __webpack_require__.e(/* import() */ 644).then(__webpack_require__.bind(__webpack_require__, 5644));
            return notifyWebhook(options, { logger, clock: clock/* systemClock */.m, http: await argoCdHttp() });
        },
        waitForApps: async (options, isDescendant) => {
            const { waitForApps } = await __webpack_require__.e(/* import() */ 680).then(__webpack_require__.bind(__webpack_require__, 1680));
            return waitForApps(options, {
                logger,
                clock: clock/* systemClock */.m,
                http: await argoCdHttp(),
                isDescendant
            });
        },
        lookupImage: async (repository, tag, credentials) => {
            const { lookupImage } = await __webpack_require__.e(/* import() */ 997).then(__webpack_require__.bind(__webpack_require__, 2997));
            return lookupImage(await registryHttp(), repository, tag, {
                ...(credentials === undefined ? {} : { credentials })
            });
        },
        waitForGate: async (options, holdsCandidate) => {
            const { waitForGate } = await __webpack_require__.e(/* import() */ 840).then(__webpack_require__.bind(__webpack_require__, 5840));
            // The source's Argo CD may be another server than the target's, with its own `insecure`.
            const http = await httpClient({ insecure: options.insecure });
            return waitForGate(options, {
                clock: clock/* systemClock */.m,
                logger,
                holdsCandidate,
                http,
                nowMs: () => Date.now()
            });
        },
        measureSoak: async (options, holdsCandidate) => {
            const { measureSoak } = await __webpack_require__.e(/* import() */ 484).then(__webpack_require__.bind(__webpack_require__, 3484));
            return measureSoak(options, { holdsCandidate, nowMs: () => Date.now(), logger });
        },
        notice: (message) => {
            core/* notice */.lm(message);
        }
    };
}
// A value made on first use and kept.
function once(make) {
    let value;
    return () => (value ??= { made: make() }).made;
}

// EXTERNAL MODULE: ./src/lib/runtime.ts
var lib_runtime = __webpack_require__(6382);
// EXTERNAL MODULE: ./src/lib/logger.ts
var lib_logger = __webpack_require__(7856);
// EXTERNAL MODULE: ./src/edit/unified-diff.ts
var unified_diff = __webpack_require__(2061);
// EXTERNAL MODULE: ./src/promote/soak.ts
var soak = __webpack_require__(9531);
;// CONCATENATED MODULE: ./src/promote/outputs.ts

/** The outputs a promotion adds (see the contract's outputs table); all strings, '' when unknown. */
function promotionOutputs(outcome) {
    return {
        promoted: outcome?.promoted === true ? 'true' : 'false',
        'promoted-from': outcome?.from ?? '',
        'promoted-to': outcome?.to ?? '',
        'source-revision': outcome?.sourceRevision ?? '',
        'soak-remaining': outcome?.soakRemaining === undefined ? '' : String(outcome.soakRemaining)
    };
}
/** The notice of a promotion that waits for its soak (the run still succeeds). */
function soakNotice(from, to, remainingSeconds) {
    return (`Not promoted to '${to}' yet: '${from}' must run the candidate for ${(0,soak/* formatDuration */.a3)(remainingSeconds)} more ` +
        `(soak-remaining=${remainingSeconds}). Nothing was written; run again later.`);
}

;// CONCATENATED MODULE: ./src/outputs.ts


/** A state before any stage ran. */
function newReleaseState(tag) {
    return { tag, images: [] };
}
/** The edits of the run, from whichever stage made them. */
function releaseEdits(state) {
    return state.publish?.edits ?? state.edits ?? [];
}
/** The unified diff of every edited file. */
function releaseDiff(state) {
    if (state.publish !== undefined)
        return state.publish.diff;
    return state.edits === undefined ? '' : (0,unified_diff/* unifiedDiff */.W)(state.edits);
}
/** True when the run changed file content (with a commit: when it landed one). */
function releaseChanged(state) {
    if (state.publish !== undefined)
        return state.publish.changed;
    return (state.edits ?? []).some((edit) => edit.before !== edit.after);
}
/** Every output of action.yml as name → value. */
function outputValues(state) {
    const publish = state.publish;
    // With argocd-wait the outputs show the last state seen of the last app: after a rollback,
    // the state its own wait saw.
    const rollbackWait = state.rollback?.result.wait;
    const rollbackApps = rollbackWait?.kind === 'not-run' ? [] : (rollbackWait?.apps ?? []);
    const apps = rollbackApps.length > 0 ? rollbackApps : (state.argocd?.apps ?? []);
    const last = state.argocd?.waited === true ? apps.at(-1) : undefined;
    const only = state.images.length === 1 ? state.images[0] : undefined;
    return {
        tag: state.tag,
        images: JSON.stringify(state.images.map((image) => ({
            name: image.name,
            repository: image.repository,
            tag: image.tag,
            digest: image.digest,
            ref: image.ref,
            built: image.built
        }))),
        changed: String(releaseChanged(state)),
        diff: releaseDiff(state),
        'commit-sha': publish?.commitSha ?? '',
        'commit-url': publish?.commitUrl ?? '',
        'pr-number': publish?.prNumber === undefined ? '' : String(publish.prNumber),
        'pr-url': publish?.prUrl ?? '',
        'pr-operation': publish?.prOperation ?? '',
        'pr-head-sha': publish?.prHeadSha ?? '',
        'argocd-revision': last?.revision ?? '',
        'argocd-sync-status': last?.syncStatus ?? '',
        'argocd-health-status': last?.healthStatus ?? '',
        'rolled-back': String(state.rollback?.result.rolledBack ?? false),
        'rollback-commit-sha': state.rollback?.result.commitSha ?? '',
        digest: only?.digest ?? '',
        metadata: JSON.stringify(Object.fromEntries(state.images.map((image) => [image.name, image.metadata]))),
        ...promotionOutputs(state.promotion === undefined
            ? undefined
            : {
                from: state.promotion.from,
                to: state.promotion.to,
                promoted: state.promotion.promoted,
                ...(state.promotion.sourceRevision === undefined
                    ? {}
                    : { sourceRevision: state.promotion.sourceRevision }),
                ...(state.promotion.soakRemaining === undefined
                    ? {}
                    : { soakRemaining: state.promotion.soakRemaining })
            })
    };
}

// EXTERNAL MODULE: ./src/argocd/wait-error.ts
var wait_error = __webpack_require__(6003);
// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __webpack_require__(6299);
// EXTERNAL MODULE: ./src/publish/landed-error.ts
var landed_error = __webpack_require__(3879);
;// CONCATENATED MODULE: ./src/edit/remove-key.ts
function onOwnLine(file, offset) {
    const lineStart = offset - file.columnOf(offset);
    for (let i = lineStart; i < offset; i++)
        if (file.text[i] !== ' ')
            return undefined;
    return lineStart;
}
/** From `start` (a line start) to the start of the line after `last` (an offset in the entry). */
function throughLine(text, start, last) {
    let end = last;
    while (end > start && ' \t\r\n'.includes(text[end - 1] ?? ''))
        end--;
    const lineEnd = text.indexOf('\n', end);
    if (lineEnd !== -1)
        return { start, end: lineEnd + 1, text: '' };
    // The last line of a file without a final line break: take the line break before it.
    const breakAt = text[start - 2] === '\r' ? start - 2 : start - 1;
    return { start: Math.max(breakAt, 0), end: text.length, text: '' };
}
/**
 * The removal of one entry of a block map, line-exact: from the start of its key's line to the
 * start of the line after its value (a comment at the end of that line goes with it). At the
 * end of a file without a final line break, the line break before the entry goes instead, so a
 * key appended there is taken out byte for byte. Undefined when the entry does not sit on lines
 * of its own (a flow map, a key after `- `, a next key on the value's last line).
 */
function removeEntry(file, map, pair) {
    if (map.flow === true)
        return undefined;
    const index = map.items.indexOf(pair);
    const keyStart = pair.key?.range?.[0];
    if (index < 0 || keyStart === undefined)
        return undefined;
    const start = onOwnLine(file, keyStart);
    if (start === undefined)
        return undefined;
    const text = file.text;
    const next = map.items[index + 1];
    if (next) {
        const nextKey = next.key?.range?.[0];
        const end = nextKey === undefined ? undefined : onOwnLine(file, nextKey);
        return end === undefined ? undefined : { start, end, text: '' };
    }
    const last = pair.value?.range?.[1] ?? pair.key?.range?.[1] ?? keyStart;
    return throughLine(text, start, last);
}
/** Where a block-list item starts its line: only spaces, its `-` and spaces before it. */
function itemLine(file, item) {
    const at = item.range?.[0];
    if (at === undefined)
        return undefined;
    const lineStart = at - file.columnOf(at);
    return /^ *- +$/.test(file.text.slice(lineStart, at)) ? lineStart : undefined;
}
/**
 * The removal of one item of a block list, line-exact, like removeEntry: from the start of its
 * `- ` line to the start of the next item's line (or the line after the item, for the last one).
 * Undefined for a flow list or an item that does not start its own line.
 */
function removeItem(file, seq, item) {
    if (seq.flow === true)
        return undefined;
    const index = seq.items.indexOf(item);
    const start = index < 0 ? undefined : itemLine(file, item);
    if (start === undefined)
        return undefined;
    const next = seq.items[index + 1];
    if (next !== undefined) {
        const end = itemLine(file, next);
        return end === undefined ? undefined : { start, end, text: '' };
    }
    return throughLine(file.text, start, item.range?.[1] ?? start);
}

;// CONCATENATED MODULE: ./src/edit/restore.ts














/** The documents `place` may be in, the way the edit chose them. */
function candidates(file, place) {
    const ref = place.document;
    if (ref.by === 'identity') {
        const docs = file.docs.filter((doc) => sameIdentity(ref, doc));
        if (docs.length === 0)
            return `is no longer there (no document is ${ref.kind} ${ref.name})`;
        if (docs.length > 1)
            return `is in ${docs.length} documents now (${ref.kind} ${ref.name})`;
        return docs;
    }
    if (ref.by === 'index') {
        const doc = file.docs[ref.index];
        return doc ? [doc] : `is no longer there (the file has ${file.docs.length} documents)`;
    }
    return [...file.docs];
}
/**
 * Finds `place` on `file`: for a set value (or a replaced map or list) what the path leads to,
 * for a created key the map holding it, for an appended item the list. `nth` of `total`: the same path named several places (a selector matching
 * several items); they are matched in order, and only while the count is the same.
 */
function locate(file, place, nth, total) {
    const docs = candidates(file, place);
    if (typeof docs === 'string')
        return { missing: docs };
    const created = place.change === 'created';
    const appended = place.change === 'appended';
    // A created key is found through its map, an appended item through its list; a replaced map
    // or list is itself what is found.
    const segments = created || appended ? place.path.slice(0, -1) : place.path;
    const collection = created
        ? 'map'
        : appended || (place.change === 'replaced' && Array.isArray(place.after.data))
            ? 'list'
            : place.change === 'replaced'
                ? 'map'
                : undefined;
    const hits = [];
    for (const doc of docs) {
        const ctx = {
            file,
            doc,
            input: place.input,
            pathText: formatPath(place.path),
            ...(collection ? { collection } : {})
        };
        // A created key is looked for in the maps that hold it, not in every map its parent path reaches.
        const found = resolvePath(doc.contents, segments, ctx).found.filter((f) => !created || keyIn(f.node, place.path.at(-1)) !== undefined);
        if (found.length > 0)
            hits.push({ doc, found });
    }
    const [hit, other] = hits;
    if (!hit)
        return { missing: 'is no longer there' };
    if (other)
        return { missing: `resolves in ${hits.length} documents now` };
    if (hit.found.length !== total) {
        return { missing: `matches ${hit.found.length} places now, not ${total} as at the release` };
    }
    const found = hit.found[nth];
    return found ? { found, doc: hit.doc } : { missing: 'is no longer there' };
}
/** The pair of `map` whose key the path segment `name` names. */
function keyIn(map, name) {
    if (!(0,dist/* isMap */.jh)(map) || name?.kind !== 'key')
        return undefined;
    return map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && scalarString(p.key.value) === name.key);
}
function sourceOf(file, node) {
    if ((0,dist/* isScalar */.jn)(node) && node.range)
        return file.text.slice(node.range[0], node.range[1]);
    return node === undefined ? 'nothing' : flowText(node);
}
const changed = (file, node) => ({
    why: `was changed since the release (now ${sourceOf(file, node)})`,
    changedSince: true
});
/**
 * For a manifest image: the one container image of the document(s) with the repository the edit
 * matched that still holds what it wrote, as the edit found images by repository. Undefined when
 * there is not exactly one.
 */
function imageByRepository(file, place, used) {
    const repository = place.repository;
    if (repository === undefined)
        return undefined;
    const docs = candidates(file, place);
    if (typeof docs === 'string')
        return undefined;
    try {
        const images = docs
            .flatMap((doc) => findImages(doc, '', file))
            .map((image) => image.node)
            .filter((node) => !used.has(node) &&
            (0,external_node_util_.isDeepStrictEqual)(node.value, place.after.data) &&
            (0,image_ref/* sameRepository */.RB)((0,image_ref/* splitReference */.mQ)(String(node.value)).repository, repository));
        return images.length === 1 ? images[0] : undefined;
    }
    catch {
        return undefined;
    }
}
/** A value the edit replaced: its earlier source text, where the file still holds ours. */
function putBack(file, place, located, used) {
    let node = 'found' in located ? located.found.node : undefined;
    const holds = (n) => (0,dist/* isScalar */.jn)(n) && n.range != null && (0,external_node_util_.isDeepStrictEqual)(n.value, place.after.data);
    // A manifest image is looked for by its repository when its container is gone by that name
    // (renamed since) or was reached by position (a container without a name); never in place
    // of a named container that holds another value now (someone changed it since).
    const byPosition = place.path.some((segment) => segment.kind === 'index');
    if (node === undefined || (byPosition && (!holds(node) || used.has(node)))) {
        node = imageByRepository(file, place, used) ?? node;
    }
    if ('missing' in located && node === undefined) {
        return { why: located.missing, changedSince: false };
    }
    if (!holds(node) || !place.before)
        return changed(file, node);
    const range = node.range;
    if (used.has(node) || !range)
        return { why: 'was already put back', changedSince: false };
    used.add(node);
    let [start, end] = range;
    const from = file.text.slice(start, end);
    if (place.before.text === '') {
        // The edit put spaces around a value written into an empty one: take them back too.
        if (place.after.text.startsWith(' ') && file.text[start - 1] === ' ')
            start--;
        if (place.after.text.endsWith(' ') && file.text[end] === ' ')
            end++;
    }
    node.value = place.before.data;
    return {
        piece: { start, end, text: place.before.text },
        restored: { from, to: place.before.text, removed: false },
        structural: false
    };
}
/**
 * A map or list the edit replaced whole: its earlier source text, where the file still holds the
 * data the edit wrote. Not for one filled into an empty value (its lines are the edit's own), nor
 * for one holding anchors or aliases (the data alone cannot say what they were).
 */
function putBackCollection(file, place, located, used) {
    if ('missing' in located)
        return { why: located.missing, changedSince: false };
    const { found, doc } = located;
    const node = found.node;
    if (!((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) || !(0,external_node_util_.isDeepStrictEqual)(node.toJSON(), place.after.data)) {
        return changed(file, node);
    }
    const before = place.before;
    if (!before || before.text === '' || /[&*]/.test(before.text)) {
        return {
            why: 'was replaced as a whole map or list by the release in a way a rollback does not undo; put it back by hand',
            changedSince: false
        };
    }
    const [start, rawEnd] = node.range ?? [0, 0];
    if (used.has(node) || rawEnd === 0)
        return { why: 'was already put back', changedSince: false };
    used.add(node);
    let end = rawEnd;
    // The edit replaced the text up to the last character of the block, as the tip holds it now.
    if (node.flow !== true && !found.inFlow) {
        while (end > start && ' \t\r\n'.includes(file.text[end - 1] ?? ''))
            end--;
    }
    found.replace(doc.createNode(before.data));
    return {
        piece: { start, end, text: before.text },
        restored: { from: flowText(node), to: before.text, removed: false },
        structural: true
    };
}
/** An item the edit appended to a list: the one item equal to it, removed line-exactly. */
function removeAppended(file, place, located, used) {
    if ('missing' in located)
        return { why: located.missing, changedSince: false };
    const seq = located.found.node;
    if (!(0,dist/* isSeq */.oP)(seq))
        return { why: 'is no longer there', changedSince: false };
    const equal = seq.items.filter((item) => (0,dist/* isNode */.Ll)(item) && !used.has(item) && (0,external_node_util_.isDeepStrictEqual)(item.toJSON(), place.after.data));
    const [item, other] = equal;
    if (!item)
        return { why: `is no longer there (no item ${place.after.text})`, changedSince: false };
    if (other) {
        return {
            why: `is ambiguous now: the list holds ${equal.length} items ${place.after.text}; left in place`,
            changedSince: false
        };
    }
    const piece = removeItem(file, seq, item);
    if (!piece) {
        return {
            why: 'was appended by the release but is not on lines of its own; left in place',
            changedSince: false
        };
    }
    used.add(item);
    seq.items.splice(seq.items.indexOf(item), 1);
    return { piece, restored: { from: place.after.text, to: '', removed: true }, structural: true };
}
/** A key the edit created: removed line-exactly, where it still holds what the edit wrote. */
function removeCreated(file, place, located, used) {
    if ('missing' in located)
        return { why: located.missing, changedSince: false };
    const { found, doc } = located;
    const map = found.node;
    const pair = keyIn(map, place.path.at(-1));
    if (!(0,dist/* isMap */.jh)(map) || !pair)
        return { why: 'is no longer there', changedSince: false };
    const now = (0,dist/* isNode */.Ll)(pair.value) ? pair.value.toJSON() : null;
    if (!(0,external_node_util_.isDeepStrictEqual)(now, place.after.data))
        return changed(file, pair.value);
    const key = pair.key;
    const piece = used.has(key) ? undefined : removeEntry(file, map, pair);
    if (!piece) {
        return {
            why: 'was created by the release but is not on lines of its own; left in place',
            changedSince: false
        };
    }
    used.add(key);
    map.items.splice(map.items.indexOf(pair), 1);
    // A block map left with no entry reads as an empty value (`key:`), as before the release.
    if (map.items.length === 0) {
        if (map === doc.contents)
            doc.contents = null;
        else
            found.replace(new dist/* Scalar */.X5(null));
    }
    return { piece, restored: { from: place.after.text, to: '', removed: true }, structural: true };
}
/**
 * Puts back `places` (all of one file) on `file`, the file as it is now. Pure: parsed file in,
 * text out; the file's documents are changed to the expected data for the verification. Throws
 * InternalError when the result does not verify.
 */
function restoreFile(file, places) {
    const restored = [];
    const skipped = [];
    const pieces = [];
    const used = new Set();
    const keyOf = (place) => JSON.stringify([place.document, place.path]);
    const seen = new Map();
    let structural = false;
    for (const place of places) {
        const label = formatPlace(place);
        const key = keyOf(place);
        const nth = seen.get(key) ?? 0;
        seen.set(key, nth + 1);
        const total = places.filter((p) => keyOf(p) === key).length;
        let located;
        try {
            located = locate(file, place, nth, total);
        }
        catch (error) {
            located = { missing: `cannot be put back: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
        const step = place.change === 'created'
            ? removeCreated(file, place, located, used)
            : place.change === 'replaced'
                ? putBackCollection(file, place, located, used)
                : place.change === 'appended'
                    ? removeAppended(file, place, located, used)
                    : putBack(file, place, located, used);
        if ('why' in step) {
            skipped.push({
                file: place.file,
                reason: `${label} ${step.why}`,
                changedSince: step.changedSince
            });
            continue;
        }
        pieces.push(step.piece);
        structural ||= step.structural;
        restored.push({ ...step.restored, file: place.file, path: label });
    }
    if (pieces.length === 0)
        return { text: file.text, restored, skipped };
    pieces.sort((a, b) => a.start - b.start);
    let text = '';
    let at = 0;
    for (const piece of pieces) {
        text += file.text.slice(at, piece.start) + piece.text;
        at = piece.end;
    }
    text += file.text.slice(at);
    verifyEdit(file, pieces, text, structural);
    return { text, restored, skipped };
}
/**
 * Puts back every recorded place on the files `source` holds (see the module comment). A file
 * deleted, unreadable or not parsing any more is left alone, each of its places skipped with
 * the reason. Returns one FileEdit per file read.
 */
async function restorePlaces(source, places) {
    const files = new Map();
    for (const place of places)
        files.set(place.file, [...(files.get(place.file) ?? []), place]);
    const result = { edits: [], restored: [], skipped: [] };
    for (const [path, filePlaces] of files) {
        const input = filePlaces[0]?.input ?? 'rollback-on-failure';
        const paths = filePlaces.map((place) => formatPlace(place)).join(', ');
        const leave = (why) => {
            result.skipped.push({
                file: path,
                reason: `${why}, so ${paths} could not be put back`,
                changedSince: false
            });
        };
        let text;
        let file;
        try {
            text = await readText(source, path, input);
            if (text === undefined) {
                leave('the file was deleted since the release');
                continue;
            }
            file = parseYamlFile(path, text, input);
        }
        catch (error) {
            leave(`the file cannot be read as YAML any more (${(0,errors/* errorMessage */.gJ)(error)})`);
            continue;
        }
        const restore = restoreFile(file, filePlaces);
        result.restored.push(...restore.restored);
        result.skipped.push(...restore.skipped);
        result.edits.push({ path, before: text, after: restore.text });
    }
    return result;
}

;// CONCATENATED MODULE: ./src/rollback/rollback.ts



/** Runs the rollback; see the module comment. Never throws for a rollback that went wrong. */
async function rollback(options, deps) {
    const { logger } = deps;
    // compute runs once per compare-and-swap attempt; the plan of the last attempt is what landed.
    let restored = [];
    let skipped = [];
    const compute = async (source) => {
        const outcome = await restorePlaces(source, options.places);
        restored = outcome.restored;
        skipped = outcome.skipped;
        return outcome.edits;
    };
    const base = {
        releaseSha: options.releaseSha,
        commitUrl: '',
        branch: ''
    };
    // no commit: nothing restored, Argo CD not asked (`skipped` as the last attempt left it)
    const notRolledBack = (problem) => ({
        ...base,
        rolledBack: false,
        commitSha: '',
        restored: [],
        skipped,
        problem,
        wait: { kind: 'not-run' }
    });
    let landed;
    try {
        landed = await deps.publish(options.message, compute);
    }
    catch (error) {
        const problem = `the rollback commit could not be landed: ${(0,errors/* errorMessage */.gJ)(error)}`;
        logger.warning(`Rollback: ${problem}`);
        return notRolledBack(problem);
    }
    for (const entry of skipped) {
        logger.warning(`Rollback: in ${entry.file}, ${entry.reason}; left as it is.`);
    }
    if (landed.commitSha === '') {
        const problem = nothingLeft(options.places.length, skipped);
        logger.warning(`Rollback: ${problem}; no commit.`);
        return notRolledBack(problem);
    }
    logger.info(`Rolled back ${describePlaces(restored)} in ${(0,lib_text/* shortSha */.Fu)(landed.commitSha)}.`);
    const result = {
        ...base,
        rolledBack: true,
        commitSha: landed.commitSha,
        commitUrl: landed.commitUrl,
        branch: landed.branch,
        restored,
        skipped,
        problem: ''
    };
    const webhook = deps.notify === undefined ? undefined : await deps.notify(landed);
    const withWebhook = webhook === undefined ? result : { ...result, webhook };
    try {
        const apps = await deps.wait(landed);
        return { ...withWebhook, wait: { kind: 'healthy', apps } };
    }
    catch (error) {
        const apps = hasApps(error) ? error.apps : [];
        return { ...withWebhook, wait: { kind: 'failing', message: (0,errors/* errorMessage */.gJ)(error), apps } };
    }
}
/** Why no rollback commit landed although the publish went through. */
function nothingLeft(places, skipped) {
    if (places === 0)
        return 'nothing was left to restore: this run recorded no place it changed';
    if (skipped.length > 0 && skipped.every((entry) => entry.changedSince)) {
        return 'nothing was left to restore: every value this run wrote was changed since';
    }
    return 'nothing was left to restore: no place this run changed could be put back';
}
/** `file (path), file (path [removed])`: the places put back, for messages. */
function describePlaces(restored) {
    return restored
        .map((p) => `${p.file} (${p.path}${p.removed ? ', added by this run, removed' : ''})`)
        .join(', ');
}
function hasApps(error) {
    return (typeof error === 'object' && error !== null && Array.isArray(error.apps));
}
/** The failed rollout with the rollback done after it: the one error the step fails with. */
class RolledBackError extends errors/* ArgoCdError */.rA {
    /** The release's apps as the failed wait left them. */
    apps;
    rollback;
    constructor(message, apps, result, location = {}) {
        super(message, location);
        this.apps = apps;
        this.rollback = result;
    }
}
/** Joins the wait failure and the rollback into one error: what failed, what was rolled back, where Argo CD stands. */
function rollbackError(failure, result) {
    return new RolledBackError(describeRollback(failure, result), failure.apps, result, {
        input: 'argocd-app'
    });
}
/** The text of `rollbackError`. Pure. */
function describeRollback(failure, result) {
    const parts = [failure.message.replace(/\.?\s*$/, '.')];
    const failing = failure.apps.filter((app) => app.outcome === 'failed' || app.outcome === 'timed-out');
    for (const app of failing)
        parts.push(`${app.app}: ${appState(app)}.`);
    if (!result.rolledBack) {
        parts.push(`Not rolled back: ${result.problem}.`);
    }
    else {
        const where = describePlaces(result.restored);
        parts.push(`Rolled back ${where} to the values before ${(0,lib_text/* shortSha */.Fu)(result.releaseSha)} in commit ${result.commitSha}.`);
    }
    if (result.skipped.length > 0) {
        parts.push(`Left as they are: ${result.skipped.map((s) => `in ${s.file}, ${s.reason}`).join('; ')}.`);
    }
    if (result.rolledBack) {
        const short = (0,lib_text/* shortSha */.Fu)(result.commitSha);
        if (result.wait.kind === 'healthy') {
            const apps = result.wait.apps;
            const names = apps.map((app) => app.app).join(', ');
            parts.push(apps.every((app) => app.outcome === 'deployed')
                ? `Argo CD now: ${names || 'every app'} Synced and Healthy at the rollback commit ${short}.`
                : `Argo CD now: ${apps.map((app) => `${app.app} ${appState(app)}`).join('; ')}.`);
        }
        else if (result.wait.kind === 'failing') {
            parts.push(`Argo CD is still failing after the rollback ${short}: ${result.wait.message}`);
        }
    }
    return parts.join(' ');
}
function appState(app) {
    const revision = app.revision === '' ? '' : ` at ${(0,lib_text/* shortSha */.Fu)(app.revision)}`;
    const phase = app.operationPhase === undefined ? '' : `, operation ${app.operationPhase}`;
    const message = app.message === undefined || app.message === '' ? '' : `: ${app.message}`;
    return `${app.syncStatus}/${app.healthStatus}${revision}${phase}${message}`;
}

;// CONCATENATED MODULE: ./src/pipeline/release-steps.ts






// The steps of a release, in the order src/main.ts runs them. Each takes the resolved settings
// and the bound stages, records what its stage returned in the release state, and returns what
// the next step needs.
// A digest of the right shape, so the preflight can resolve digest paths before anything is built.
const PLACEHOLDER_DIGEST = `sha256:${'0'.repeat(64)}`;
/** The images as planned before any build: no digest, not built. */
function plannedImages(settings) {
    return settings.images.map((image) => ({
        name: image.name,
        repository: image.repository,
        tag: settings.tag,
        digest: '',
        ref: `${image.repository}:${settings.tag}`,
        seconds: 0,
        built: false,
        metadata: {},
        fingerprint: ''
    }));
}
/** The edit request for `images`: the settings' edit inputs with the images to write. */
function editRequest(settings, images) {
    return { ...settings.edit, images };
}
/**
 * A commit's text from a template: `{names}` (the images written; `update` when none is, as
 * with `changes` alone), `{tag}`, `{sha}`, `{short-sha}`.
 */
function commitText(settings, commit, images, template) {
    const message = (0,lib_text/* renderTemplate */.Xm)(template, {
        names: images.map((image) => image.name).join(', ') || 'update',
        tag: settings.tag,
        sha: settings.vars.sha
    });
    return { message, prTitle: commit.prTitle ?? message.split('\n')[0] ?? message };
}
/**
 * Checks every input and file before any work: build contexts, and every file and path resolved
 * where the edits will land (the branch tip through a dry run of the commit, or the workspace),
 * so a typo costs no build and pushes nothing. With skip-unchanged, returns the tags the files
 * hold now, read from the same files.
 */
async function checkFiles(settings, stages, repository, state) {
    const { logger, edits } = stages;
    return logger.group('Checking inputs and files', async () => {
        if (settings.build !== undefined)
            await stages.checkBuildContexts(settings.build);
        // With nothing to build and nothing to push, the edit itself is the first step that can
        // fail, and it writes all or nothing: a preflight would only do the same work twice.
        if (settings.build === undefined && repository === undefined) {
            logger.info('build: false and commit: false: the files are checked as they are edited.');
            return undefined;
        }
        const preview = state.images.map((image) => ({
            ...image,
            digest: settings.build === undefined ? '' : PLACEHOLDER_DIGEST
        }));
        const request = editRequest(settings, preview);
        const quiet = (0,lib_logger/* createMemoryLogger */.C)();
        let current;
        const compute = async (source) => {
            if (settings.build?.skipUnchanged === true) {
                const found = await edits.current(source, editRequest(settings, state.images));
                for (const [name, reason] of found.reasons) {
                    logger.info(`skip-unchanged: ${name} is built: ${reason}.`);
                }
                current = found.values;
            }
            return edits.plan(source, request, quiet);
        };
        let planned;
        const { commit } = settings;
        if (repository === undefined || commit === undefined) {
            planned = await compute(edits.folder(settings.workspace));
        }
        else {
            const text = commitText(settings, commit, preview, commit.messages.release);
            planned = (await repository.preview(text, compute, quiet)).edits;
        }
        const where = commit === undefined ? 'the workspace' : commit.label;
        logger.info(`${planned.length} file(s) to edit in ${where}; every path resolves.`);
        return current;
    });
}
/**
 * Builds and pushes the images (or says why nothing is built); returns the images whose values
 * are written: an image skip-unchanged reused keeps its value in the files.
 */
async function buildImages(settings, stages, current, state) {
    const { build } = settings;
    if (build === undefined) {
        if (settings.images.length > 0)
            stages.logger.info(`${settings.noBuildReason}.`);
        return state.images;
    }
    const title = settings.dryRun
        ? 'Building images (dry run: not pushed)'
        : 'Building and pushing images';
    state.images = await stages.logger.group(title, () => stages.buildImages({ ...build, ...(current === undefined ? {} : { current }) }));
    return state.images.filter((image) => image.built);
}
/** `commit: false`: edits the workspace's files (a dry run only prints the diff). */
async function editWorkspace(settings, stages, images, state) {
    const { logger, edits } = stages;
    state.edits = await logger.group('Editing files', async () => {
        const planned = await edits.plan(edits.folder(settings.workspace), editRequest(settings, images), logger);
        if (settings.dryRun)
            logger.info('dry-run: the files are left as they are.');
        else
            await edits.write(settings.workspace, planned);
        return planned;
    });
    logChanges(state, stages);
}
/** Lands the edits as one commit (compare-and-swap, or a pull request). */
async function landRelease(settings, commit, stages, repository, images, state) {
    const text = commitText(settings, commit, images, commit.messages.release);
    return landEdits(text, editRequest(settings, images), settings.dryRun, stages, repository, state);
}
/**
 * Lands what `request` asks for on the repository's branch as one commit with `text` (a dry run
 * computes the diff and pushes nothing), records the publish result and logs the changes.
 */
async function landEdits(text, request, dryRun, stages, repository, state) {
    const title = dryRun ? 'Committing (dry run)' : 'Committing and pushing';
    state.publish = await stages.logger.group(title, () => repository
        .land(text, (source) => stages.edits.plan(source, request, stages.logger))
        .catch((error) => {
        // A failure after the commit reached the remote still reports what landed.
        const landed = (0,landed_error/* landedResult */.U)(error);
        if (landed !== undefined)
            state.publish = landed;
        throw error;
    }));
    logChanges(state, stages);
    return state.publish;
}
/** A release's delivery: the top-level Argo CD settings and the release's messages. */
function releaseDelivery(settings, commit, images) {
    return {
        commit,
        argocd: settings.argocd,
        rollbackOnFailure: settings.rollbackOnFailure,
        text: commitText(settings, commit, images, commit.messages.release),
        rollbackMessage: commitText(settings, commit, images, commit.messages.rollback).message
    };
}
/**
 * Tells Argo CD of the landed commit and waits for it; with `rollback-on-failure`, a failed wait
 * puts the previous values back and the step fails with what was rolled back.
 */
async function deploy(delivery, stages, repository, landed, state) {
    const { commit } = delivery;
    if (landed.commitSha === '')
        return;
    if (commit.publish.createPr) {
        stages.logger.info('Pull-request mode: Argo CD hears of the change when the pull request is merged.');
        return;
    }
    try {
        await tellArgoCd(delivery.argocd, stages, repository, pushedCommit(commit, landed, delivery.text), state);
    }
    catch (error) {
        if (!(error instanceof wait_error/* ArgoCdWaitError */.s) || !delivery.rollbackOnFailure)
            throw error;
        throw await rollBack(delivery, stages, repository, landed, error, state);
    }
}
// The pushed commit as the Argo CD stages describe it.
function pushedCommit(commit, landed, text) {
    return {
        repoUrl: commit.repoUrl ?? landed.remoteUrl,
        branch: landed.branch,
        defaultBranch: landed.defaultBranch,
        before: landed.before,
        after: landed.commitSha,
        files: landed.files,
        message: text.message,
        authorName: commit.publish.authorName,
        authorEmail: commit.publish.authorEmail,
        ...(commit.apiUrl === undefined ? {} : { apiUrl: commit.apiUrl })
    };
}
// Webhook first (fast, never fails the run), then refresh, sync and wait through the API.
async function tellArgoCd(argocd, stages, repository, pushed, state) {
    const { webhook, api } = argocd;
    const { logger } = stages;
    let delivered;
    if (webhook !== undefined) {
        delivered = await logger.group('Notifying Argo CD', () => stages.notifyWebhook({ ...webhook, commit: pushed }));
    }
    let apps = [];
    try {
        if (api !== undefined) {
            apps = await logger.group('Waiting for Argo CD', () => stages.waitForApps({ ...api, commit: pushed }, repository.isDescendant));
        }
        return apps;
    }
    catch (error) {
        // A failed wait still shows where each app got to.
        if (error instanceof wait_error/* ArgoCdWaitError */.s)
            apps = error.apps;
        throw error;
    }
    finally {
        state.argocd = {
            ...(delivered === undefined ? {} : { webhook: delivered }),
            apps,
            waited: api?.wait ?? false
        };
    }
}
// rollback-on-failure: the rollback stage over the same repository and Argo CD stages; returns
// the one error the step fails with (what failed, what was rolled back, where Argo CD stands).
async function rollBack(delivery, stages, repository, release, failure, state) {
    const { logger } = stages;
    const { commit } = delivery;
    const { webhook, api } = delivery.argocd;
    const text = { ...delivery.text, message: delivery.rollbackMessage };
    const result = await logger.group('Rolling back', () => rollback({
        places: release.edits.flatMap((edit) => edit.places ?? []),
        releaseSha: release.commitSha,
        message: text.message
    }, {
        publish: (message, compute) => repository.land({ ...text, message }, compute),
        ...(webhook === undefined
            ? {}
            : {
                notify: (landed) => stages.notifyWebhook({ ...webhook, commit: pushedCommit(commit, landed, text) })
            }),
        wait: (landed) => api === undefined
            ? Promise.resolve([])
            : stages.waitForApps({ ...api, commit: pushedCommit(commit, landed, text) }, repository.isDescendant),
        logger
    }));
    state.rollback = { failure, result };
    return rollbackError(failure, result);
}
function logChanges(state, stages) {
    const changed = releaseEdits(state)
        .filter((edit) => edit.before !== edit.after)
        .map((edit) => edit.path);
    stages.logger.info(changed.length === 0
        ? 'No file changed: the tags were already in place.'
        : `Changed ${changed.join(', ')}.`);
    const diff = releaseDiff(state);
    if (diff !== '')
        stages.logger.info(diff);
}

;// CONCATENATED MODULE: ./src/promote/candidate.ts










const candidate_CONTAINER_KEYS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
function where(sighting) {
    return `${sighting.file}:${sighting.line} (${sighting.path})`;
}
function candidate_keyText(pair) {
    return (0,dist/* isScalar */.jn)(pair.key) ? scalarString(pair.key.value) : undefined;
}
function candidate_field(map, key) {
    const pair = map.items.find((p) => candidate_keyText(p) === key);
    return pair && (0,dist/* isScalar */.jn)(pair.value) && pair.value.value !== null
        ? { value: scalarString(pair.value.value), node: pair.value }
        : undefined;
}
function candidate_lineOf(file, node) {
    return file.lineOf(node?.range?.[0] ?? 0);
}
/** Every scalar value `template` leads to for `image`, in every document of `file`. */
function valuesAt(file, template, input, image) {
    const segments = fillTemplate(parsePath(template, input), image, input);
    const pathText = template.replaceAll('{name}', image);
    const out = [];
    file.docs.forEach((doc, index) => {
        const ctx = { file, doc, input, pathText };
        for (const hit of resolvePath(doc.contents, segments, ctx).found) {
            if (!(0,dist/* isScalar */.jn)(hit.node) || hit.node.value === null)
                continue;
            const value = scalarString(hit.node.value).trim();
            if (value === '')
                continue;
            const path = file.docs.length > 1 ? `[${index}].${pathText}` : pathText;
            out.push({ value, line: candidate_lineOf(file, hit.node), path });
        }
    });
    return out;
}
function valuesSightings(file, env, image) {
    const out = [];
    const add = (kind, template, part) => {
        if (template === undefined || template.trim() === '')
            return;
        for (const hit of valuesAt(file, template.trim(), kind, image.name)) {
            out.push({ kind, file: file.path, line: hit.line, path: hit.path, ...part(hit.value) });
        }
    };
    add('tag-path', env.tagPath, (tag) => ({ tag }));
    add('repository-path', env.repositoryPath, (repository) => ({ repository }));
    add('digest-path', env.digestPath, (digest) => ({ digest }));
    add('ref-path', env.refPath, (ref) => {
        const parts = (0,image_ref/* splitReference */.mQ)(ref);
        return {
            repository: parts.repository,
            ...(parts.tag === '' ? {} : { tag: parts.tag }),
            ...(parts.digest === '' ? {} : { digest: parts.digest })
        };
    });
    return out;
}
function kustomizationSightings(file, image) {
    const out = [];
    for (const doc of file.docs) {
        const root = doc.contents;
        if (!(0,dist/* isMap */.jh)(root))
            continue;
        const list = root.items.find((p) => candidate_keyText(p) === 'images')?.value;
        if (!(0,dist/* isSeq */.oP)(list))
            continue;
        list.items.forEach((item, index) => {
            if (!(0,dist/* isMap */.jh)(item))
                return;
            const name = candidate_field(item, 'name');
            const repository = candidate_field(item, 'newName') ?? name;
            if (repository === undefined || !(0,image_ref/* sameRepository */.RB)(repository.value, image.repository))
                return;
            const tag = candidate_field(item, 'newTag');
            const digest = candidate_field(item, 'digest');
            out.push({
                kind: 'kustomization',
                file: file.path,
                line: candidate_lineOf(file, (tag ?? digest ?? repository).node),
                path: name === undefined ? `images[${index}]` : `images[name=${name.value}]`,
                repository: repository.value,
                ...(tag === undefined ? {} : { tag: tag.value }),
                ...(digest === undefined ? {} : { digest: digest.value })
            });
        });
    }
    return out;
}
/** Every container, init container and ephemeral container `image:` of a document. */
function containerImages(doc) {
    const out = [];
    const visit = (node, path) => {
        if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item, index) => {
                visit(item, `${path}[${index}]`);
            });
            return;
        }
        if (!(0,dist/* isMap */.jh)(node))
            return;
        for (const pair of node.items) {
            const key = candidate_keyText(pair);
            if (key === undefined)
                continue;
            const here = path === '' ? key : `${path}.${key}`;
            if (candidate_CONTAINER_KEYS.has(key) && (0,dist/* isSeq */.oP)(pair.value)) {
                pair.value.items.forEach((item, index) => {
                    if (!(0,dist/* isMap */.jh)(item))
                        return;
                    const image = candidate_field(item, 'image');
                    const name = candidate_field(item, 'name');
                    if (image === undefined)
                        return;
                    const step = name === undefined ? `[${index}]` : `[name=${name.value}]`;
                    out.push({ value: image.value, node: image.node, path: `${here}${step}.image` });
                });
            }
            visit(pair.value, here);
        }
    };
    visit(doc.contents, '');
    return out;
}
function manifestSightings(file, image) {
    const out = [];
    file.docs.forEach((doc, index) => {
        for (const found of containerImages(doc)) {
            const ref = (0,image_ref/* splitReference */.mQ)(found.value);
            if (!(0,image_ref/* sameRepository */.RB)(ref.repository, image.repository))
                continue;
            out.push({
                kind: 'manifests',
                file: file.path,
                line: candidate_lineOf(file, found.node),
                path: file.docs.length > 1 ? `[doc ${index}] ${found.path}` : found.path,
                repository: ref.repository,
                ...(ref.tag === '' ? {} : { tag: ref.tag }),
                ...(ref.digest === '' ? {} : { digest: ref.digest })
            });
        }
    });
    return out;
}
async function loadFiles(source, entries, input) {
    const paths = [];
    let all;
    for (const entry of entries) {
        const path = (0,workspace_path/* normalizeRelativePath */.Vd)(entry, input);
        if (!isGlob(entry) || input !== 'manifests') {
            paths.push(path);
            continue;
        }
        all ??= await source.list();
        const matches = all.filter((file) => matchesGlob(file, path) && !(0,workspace_path/* hasGitSegment */.oW)(file));
        if (matches.length === 0) {
            throw new errors/* InputError */.dz(`manifests: the glob ${entry} matches no file in ${source.description}.`, {
                input
            });
        }
        paths.push(...matches);
    }
    const files = [];
    for (const path of new Set(paths)) {
        const text = await readText(source, path, input);
        if (text === undefined)
            throw missingFile(path, input, source);
        files.push(parseYamlFile(path, text, input));
    }
    return files;
}
// The one value the sightings give for a part, or an error naming two places that disagree.
function single(env, image, sightings, part) {
    let first;
    for (const sighting of sightings) {
        const value = sighting[part];
        if (value === undefined || value === '')
            continue;
        if (first === undefined) {
            first = sighting;
            continue;
        }
        const known = first[part] ?? '';
        const same = part === 'repository'
            ? ((0,image_ref/* normalizeRepository */.Y1)(known) ?? known) === ((0,image_ref/* normalizeRepository */.Y1)(value) ?? value)
            : known === value;
        if (same)
            continue;
        throw new errors/* EditError */.F(`Environment '${env.name}' names two ${part === 'repository' ? 'repositories' : `${part}s`} for image ${image.name}: ` +
            `${known} at ${where(first)} and ${value} at ${where(sighting)}. ` +
            'A promotion moves exactly one version of each image; make the files agree first.', { input: 'environments', file: sighting.file, line: sighting.line, path: sighting.path });
    }
    return first?.[part];
}
function describeSearch(env, image) {
    const looked = [];
    const paths = [env.tagPath, env.refPath]
        .filter((p) => p !== undefined)
        .map((p) => p.replaceAll('{name}', image.name));
    if (env.valuesFiles.length > 0 && paths.length > 0)
        looked.push(`${paths.join(' or ')} in ${env.valuesFiles.join(', ')}`);
    if (env.kustomizations.length > 0)
        looked.push(`an images entry for ${image.repository} in ${env.kustomizations.join(', ')}`);
    if (env.manifests.length > 0)
        looked.push(`a container image ${image.repository} in ${env.manifests.join(', ')}`);
    return looked.join('; ') || 'no place to look';
}
/**
 * Reads what an environment's files hold for each image, at `source` (a workspace or a commit):
 * the tag, repository and digest at its `tag-path`, `repository-path`, `digest-path` and
 * `ref-path` in its values files, in the `images` entries of its kustomizations (`newName` or
 * `name`, `newTag`, `digest`) and in the container images of its manifests, matching images by
 * repository in normalised form. Reads, never writes. Throws EditError naming the environment
 * when an image has no tag there, and naming both places when two of them disagree on its tag,
 * repository or digest; file and path errors as the edit engine raises them.
 */
async function readCandidate(source, env, images) {
    const valuesFiles = await loadFiles(source, env.valuesFiles, 'values-file');
    const kustomizations = await loadFiles(source, env.kustomizations, 'kustomization');
    const manifests = await loadFiles(source, env.manifests, 'manifests');
    return images.map((image) => {
        const sightings = [
            ...valuesFiles.flatMap((file) => valuesSightings(file, env, image)),
            ...kustomizations.flatMap((file) => kustomizationSightings(file, image)),
            ...manifests.flatMap((file) => manifestSightings(file, image))
        ];
        const tag = single(env, image, sightings, 'tag');
        if (tag === undefined) {
            throw new errors/* EditError */.F(`Environment '${env.name}' does not hold image ${image.name} in ${source.description}: ` +
                `no tag at ${describeSearch(env, image)}.`, { input: 'environments' });
        }
        const repository = single(env, image, sightings, 'repository') ?? image.repository;
        const digest = single(env, image, sightings, 'digest') ?? '';
        return { name: image.name, repository, tag, digest, sightings };
    });
}
/**
 * True when both name the same images with the same tag, repository (in normalised form) and
 * recorded digest: the test for "the files at this revision hold the candidate".
 */
function sameCandidate(a, b) {
    if (a.length !== b.length)
        return false;
    return a.every((image) => {
        const other = b.find((candidate) => candidate.name === image.name);
        if (other === undefined)
            return false;
        return (other.tag === image.tag &&
            other.digest === image.digest &&
            ((0,image_ref/* normalizeRepository */.Y1)(other.repository) ?? other.repository) ===
                ((0,image_ref/* normalizeRepository */.Y1)(image.repository) ?? image.repository));
    });
}

;// CONCATENATED MODULE: ./src/promote/holds.ts

/**
 * The gate's and the soak's `holdsCandidate`: true when `revision` is on the source branch and
 * the source environment's files there hold exactly the candidate (as `sameCandidate` compares,
 * the digest the files record included). A revision whose files do not hold the images at all,
 * or hold them in two versions, does not count (false, not an error). Each revision is
 * answered once.
 */
function candidateHolder(env, images, candidate, deps) {
    const answers = new Map();
    const answer = async (revision) => {
        if (!(await deps.onBranch(revision)))
            return false;
        let held;
        try {
            held = await readCandidate(await deps.sourceAt(revision), env, images);
        }
        catch {
            // A revision where the files are missing or disagree is simply not one that holds it.
            return false;
        }
        return sameCandidate(held, candidate);
    };
    return (revision) => {
        const key = revision.toLowerCase();
        let known = answers.get(key);
        if (known === undefined) {
            known = answer(revision);
            answers.set(key, known);
        }
        return known;
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/promote/naming.ts


/** The images as a message names them: `name:tag` joined by `, `. */
function imageList(images) {
    return images.map((image) => `${image.name}:${image.tag}`).join(', ');
}
/** The first line of a promotion commit: `chore(promote): {images} to {env} [skip ci]`. */
function promotionSubject(images, env) {
    return `chore(promote): ${imageList(images)} to ${env} [skip ci]`;
}
/** The trailer that ties a promotion to what the gate saw: `Promoted-from: {from}@{R}`. */
function promotionTrailer(from, revision) {
    return `Promoted-from: ${from}@${revision}`;
}
/** The whole promotion commit message: the subject, a blank line, the trailer. */
function promotionMessage(images, to, from, revision) {
    return `${promotionSubject(images, to)}\n\n${promotionTrailer(from, revision)}`;
}
/** The message of a promotion's rollback: `revert(promote): {images} to {env} [skip ci]`. */
function promotionRollbackMessage(images, env) {
    return `revert(promote): ${imageList(images)} to ${env} [skip ci]`;
}
/**
 * 12 hex digits of a SHA-256 of the candidate: each image's name, repository (normalised) and
 * tag and digest, in name order, so the same candidate always gets the same name.
 */
function candidateHash(images) {
    const canonical = [...images]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((image) => [
        image.name,
        (0,image_ref/* normalizeRepository */.Y1)(image.repository) ?? image.repository,
        image.tag,
        image.digest
    ]);
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 12);
}
/** The pull-request branch of a promotion: `promote/{env}/{short}`. */
function promotionBranch(env, images) {
    return `promote/${env}/${candidateHash(images)}`;
}
/**
 * True when the target's files already hold the candidate: for every image the same tag, the
 * same repository (in normalised form) and, where both record a digest, the same digest (the
 * check runs before the registry supplies a digest the source does not record). Such a
 * promotion is a success with nothing to do.
 */
function alreadyPromoted(target, candidate) {
    return candidate.every((image) => {
        const held = target.find((t) => t.name === image.name);
        if (held === undefined)
            return false;
        const repository = (text) => (0,image_ref/* normalizeRepository */.Y1)(text) ?? text;
        return (held.tag === image.tag &&
            repository(held.repository) === repository(image.repository) &&
            (held.digest === '' || image.digest === '' || held.digest === image.digest));
    });
}

;// CONCATENATED MODULE: ./src/promote/registry-check.ts

/**
 * Checks each candidate tag against the registry: it must still resolve to the digest the
 * source recorded; with no recorded digest, the registry's digest is taken (and said). Returns
 * the images with their digests, in candidate order. Throws PromotionError naming image, tag and
 * both digests when the tag moved, and naming image and tag when the tag is gone or the registry
 * cannot answer (a promotion never goes ahead unverified).
 */
async function checkRegistry(candidate, deps) {
    const verified = [];
    for (const image of candidate) {
        const ref = `${image.repository}:${image.tag}`;
        const found = await deps.lookup(image.repository, image.tag);
        if (found.kind === 'missing') {
            throw new errors/* PromotionError */.g1(`Image ${image.name}: the registry no longer has the tag ${ref}; it cannot be promoted.`, { input: 'promote-from' });
        }
        if (found.kind === 'unknown') {
            throw new errors/* PromotionError */.g1(`Image ${image.name}: the registry could not confirm what ${ref} points to (${found.reason}); ` +
                'nothing is promoted unverified.', { input: 'promote-from' });
        }
        if (image.digest !== '' && image.digest !== found.digest) {
            throw new errors/* PromotionError */.g1(`Image ${image.name}: the tag ${ref} has moved: the source recorded ${image.digest}, ` +
                `the registry now has ${found.digest}. Promote by digest, or release the image again.`, { input: 'promote-from' });
        }
        const recorded = image.digest !== '';
        deps.logger.info(`${image.name}: ${ref} is ${found.digest}${recorded ? ', as recorded' : ' (read from the registry; the source records no digest)'}`);
        verified.push({
            name: image.name,
            repository: image.repository,
            tag: image.tag,
            digest: found.digest,
            recorded
        });
    }
    return verified;
}

;// CONCATENATED MODULE: ./src/promote/target-request.ts

/**
 * The EditRequest that makes the existing edit engine write the candidate into the target's
 * files as the target's paths hold them: tag at `tag-path`, repository at `repository-path`,
 * digest at `digest-path` (a repository the target already names, in another spelling, keeps
 * its spelling); `REPOSITORY:TAG` at `ref-path` (the engine adds `@DIGEST` where the target's
 * reference holds one, or with `pin-digest`);
 * kustomization `newTag` (and `digest` where the entry pins one); manifest images, with their
 * digest when the target's manifests pin one or with `pin-digest`. Top-level `changes` are not
 * part of a promotion.
 */
function targetEditRequest(options) {
    const { target, held } = options;
    // The same repository written another way (`acme/x`, `docker.io/acme/x`) keeps the target's
    // spelling, so a promotion changes no byte it does not have to.
    const images = options.images.map((image) => {
        const known = held.find((h) => h.name === image.name)?.repository;
        return known !== undefined && (0,image_ref/* sameRepository */.RB)(known, image.repository)
            ? { ...image, repository: known }
            : image;
    });
    const manifestsPinned = held.some((image) => images.some((wanted) => wanted.name === image.name) &&
        image.sightings.some((s) => s.kind === 'manifests' && s.digest !== undefined && s.digest !== ''));
    return {
        images,
        valuesFiles: target.valuesFiles,
        valuesFileIsDefault: false,
        tagPath: target.tagPath ?? '',
        ...(target.repositoryPath === undefined ? {} : { repositoryPath: target.repositoryPath }),
        ...(target.digestPath === undefined ? {} : { digestPath: target.digestPath }),
        ...(target.refPath === undefined ? {} : { refPath: target.refPath }),
        kustomizations: target.kustomizations,
        manifests: target.manifests,
        pinDigest: options.pinDigest || manifestsPinned,
        changes: '',
        createMissing: options.createMissing,
        vars: options.vars
    };
}

;// CONCATENATED MODULE: ./src/pipeline/promote-steps.ts







/** The promotion's record before any step ran. */
function newPromotionState(promotion) {
    return {
        from: promotion.from.environment.name,
        to: promotion.to.environment.name,
        promoted: false
    };
}
/** The images of `images` by name and repository: what a promotion looks for. */
function namedImages(settings) {
    return settings.images.map((image) => ({ name: image.name, repository: image.repository }));
}
/**
 * Opens the source's and the target's branch (one repository when both environments share a
 * branch and the target takes direct commits).
 */
async function openPromotion(promotion, stages) {
    const from = promotion.from.commit.publish;
    const to = promotion.to.commit.publish;
    const target = await stages.openRepository(to);
    if (from.branch === to.branch && !to.createPr)
        return { source: target, target };
    try {
        // The source is only read: its own create-pr does not matter here.
        return { source: await stages.openRepository({ ...from, createPr: false }), target };
    }
    catch (error) {
        await target.close();
        throw error;
    }
}
/**
 * Steps 1 and 2: reads the candidate at the source branch's tip and what the target holds at
 * its own, every file and path of both environments resolved (an image missing from either is
 * an error naming the environment); the target's edit is planned once, so a path that does not
 * resolve there fails now.
 */
async function readEnvironments(settings, promotion, stages, repositories, state) {
    const { logger } = stages;
    const names = namedImages(settings);
    const { from, to } = promotion;
    return logger.group(`Reading '${from.environment.name}' and '${to.environment.name}'`, async () => {
        const quiet = (0,lib_logger/* createMemoryLogger */.C)();
        const text = { message: 'read', prTitle: 'read' };
        let candidate = [];
        const read = await repositories.source.preview(text, async (files) => {
            candidate = await readCandidate(files, from.environment, names);
            return [];
        }, quiet);
        let held = [];
        await repositories.target.preview(text, async (files) => {
            held = await readCandidate(files, to.environment, names);
            return stages.edits.plan(files, targetEditRequest({
                target: to.environment,
                images: candidate,
                held,
                pinDigest: settings.edit.pinDigest,
                createMissing: settings.edit.createMissing,
                vars: settings.vars
            }), quiet);
        }, quiet);
        state.images = candidate.map(releaseImage);
        state.tag = commonTag(candidate) ?? state.tag;
        const record = promotionRecord(state, promotion);
        record.sourceTip = read.before;
        record.images = candidate.map((image) => ({ ...image, recorded: image.digest !== '' }));
        logger.info(`Candidate in '${from.environment.name}' at ${read.before.slice(0, 12)}: ${imageList(candidate)}.`);
        return { candidate, tip: read.before, held };
    });
}
/**
 * Step 2, re-run: true when the target already holds the candidate (a success with nothing to
 * do, said before the gate is waited for).
 */
function alreadyThere(files, promotion, stages, state) {
    if (!alreadyPromoted(files.held, files.candidate))
        return false;
    promotionRecord(state, promotion).alreadyPromoted = true;
    stages.logger.info(`'${promotion.to.environment.name}' already runs ${imageList(files.candidate)}: nothing to promote.`);
    return true;
}
/** Step 3: each candidate tag must still point to the recorded digest (manifest requests only). */
async function verifyRegistry(promotion, stages, files, state) {
    const verified = await stages.logger.group('Checking the registry', () => checkRegistry(files.candidate, {
        lookup: (repository, tag) => stages.lookupImage(repository, tag, promotion.credentials),
        logger: stages.logger
    }));
    promotionRecord(state, promotion).images = verified;
    state.images = verified.map(releaseImage);
    return verified;
}
/** Whether the source's files at a revision on its branch hold the candidate (read with git). */
function holdsCandidateAt(settings, promotion, repositories, files) {
    const { source } = repositories;
    return candidateHolder(promotion.from.environment, namedImages(settings), files.candidate, {
        sourceAt: (revision) => source.sourceAt(revision),
        onBranch: (revision) => source.isDescendant(revision, files.tip)
    });
}
/**
 * Step 4: every source app Synced and Healthy at a revision that holds the candidate, waited for
 * up to `argocd-timeout`. A source without apps has no gate: the tip stands for it (warned).
 */
async function passGate(promotion, stages, files, holds, state) {
    const { from } = promotion;
    const record = promotionRecord(state, promotion);
    const api = from.argocd.api;
    if (api === undefined) {
        record.sourceRevision = files.tip;
        record.sourceHealth = 'not checked: the environment has no argocd-app';
        return { revision: files.tip, applications: [] };
    }
    const gate = await stages.logger.group(`Waiting for '${from.environment.name}' to run it`, () => stages.waitForGate({
        environment: from.environment.name,
        apps: api.apps,
        server: api.server,
        token: api.token,
        insecure: api.insecure,
        timeoutSeconds: promotion.gateTimeoutSeconds
    }, holds));
    record.sourceRevision = gate.revision;
    record.sourceHealth = 'Synced and Healthy';
    return gate;
}
/**
 * Step 5: with a soak on the target, true once the source has run the candidate long enough;
 * otherwise a notice says how long remains and the run ends successfully, writing nothing.
 */
async function soaked(promotion, stages, gate, holds, state) {
    const soakSeconds = promotion.to.environment.soakSeconds;
    if (soakSeconds === undefined)
        return true;
    const from = promotion.from.environment.name;
    const result = await stages.measureSoak({ applications: gate.applications, soakSeconds, environment: from }, holds);
    const record = promotionRecord(state, promotion);
    record.soakSeconds = soakSeconds;
    record.soakRemaining = result.remainingSeconds;
    if (result.remainingSeconds === 0)
        return true;
    stages.notice(soakNotice(from, promotion.to.environment.name, result.remainingSeconds));
    return false;
}
/**
 * The promotion commit's text: `chore(promote): {images} to {env} [skip ci]` with the trailer
 * `Promoted-from: {from}@{R}`; with the target's `create-pr`, the branch `promote/{env}/{short}`.
 */
function promotionText(promotion, images, revision) {
    const to = promotion.to.environment.name;
    const commit = promotion.to.commit;
    return {
        message: promotionMessage(images, to, promotion.from.environment.name, revision),
        prTitle: commit.prTitle ?? promotionSubject(images, to),
        prBranch: promotionBranch(to, images)
    };
}
/** What deploying the promotion needs: the target's apps and the promotion's messages. */
function promotionDelivery(settings, promotion, images, text) {
    return {
        commit: promotion.to.commit,
        argocd: promotion.to.argocd,
        rollbackOnFailure: settings.rollbackOnFailure,
        text,
        rollbackMessage: promotionRollbackMessage(images, promotion.to.environment.name)
    };
}
/** Step 6's request: the candidate written into the target's files as its paths hold them. */
function promotionRequest(settings, promotion, files, images) {
    return targetEditRequest({
        target: promotion.to.environment,
        images,
        held: files.held,
        pinDigest: settings.edit.pinDigest,
        createMissing: settings.edit.createMissing,
        vars: settings.vars
    });
}
/** Records whether the landing promoted anything (a dry run never does). */
function recordLanding(settings, promotion, landed, state) {
    promotionRecord(state, promotion).promoted =
        !settings.dryRun && landed.changed && landed.commitSha !== '';
}
// The run's promotion record, made on first use.
function promotionRecord(state, promotion) {
    state.promotion ??= newPromotionState(promotion);
    return state.promotion;
}
function releaseImage(image) {
    return {
        name: image.name,
        repository: image.repository,
        tag: image.tag,
        digest: image.digest,
        ref: `${image.repository}:${image.tag}`,
        seconds: 0,
        built: false,
        metadata: {},
        fingerprint: ''
    };
}
// The `tag` output of a promotion: the tag every image shares, if they share one.
function commonTag(images) {
    const tags = new Set(images.map((image) => image.tag));
    return tags.size === 1 ? [...tags][0] : undefined;
}

// EXTERNAL MODULE: ./src/lib/loopback.ts
var loopback = __webpack_require__(9481);
// EXTERNAL MODULE: ./src/lib/git-url.ts
var git_url = __webpack_require__(4158);
;// CONCATENATED MODULE: ./src/argocd/app-ref.ts

// Kubernetes names: a DNS subdomain for the app, a DNS label for the namespace.
const APP_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Parses `NAME` or `NAMESPACE/NAME`; an InputError on `argocd-app` otherwise. */
function parseAppRef(text) {
    const label = text.trim();
    const parts = label.split('/');
    const [first = '', second] = parts;
    const name = second ?? first;
    const namespace = second === undefined ? undefined : first;
    if (parts.length > 2 ||
        !APP_NAME.test(name) ||
        (namespace !== undefined && !NAMESPACE.test(namespace))) {
        throw new errors/* InputError */.dz(`argocd-app: "${label}" is not an application name; expected NAME or NAMESPACE/NAME ` +
            '(lower-case letters, digits, "-" and "."; the namespace without ".")', { input: 'argocd-app' });
    }
    return namespace === undefined ? { name, label } : { name, namespace, label };
}

// EXTERNAL MODULE: ./src/argocd/repo-url.ts
var repo_url = __webpack_require__(1997);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(5645);
;// CONCATENATED MODULE: ./src/argocd/webhook-endpoint.ts
/** `argocd-webhook-url` as the endpoint: a bare server URL gets Argo CD's `/api/webhook`. */
function webhookEndpoint(url) {
    const parsed = new URL(url.trim());
    if (parsed.pathname === '/' || parsed.pathname === '')
        parsed.pathname = '/api/webhook';
    return parsed.toString();
}

;// CONCATENATED MODULE: ./src/settings/argocd.ts






/** The longest wait that makes sense: a GitHub-hosted job is cancelled after six hours. */
const MAX_TIMEOUT_SECONDS = 6 * 60 * 60;
/**
 * Checks the Argo CD inputs as a whole and resolves them into what the webhook and the API
 * stages take (endpoint, trimmed secrets, parsed apps); throws an InputError naming the input.
 * Warns when plain http is accepted because
 * of `argocd-insecure`.
 */
function resolveArgoCd(inputs, warn) {
    const { webhookUrl, webhookSecret, server, apps } = inputs;
    const token = inputs.token?.trim();
    const repoUrl = inputs.repoUrl === undefined ? undefined : (0,repo_url/* normalizeRepoUrl */.H)(inputs.repoUrl, 'argocd-repo-url');
    if (webhookUrl !== undefined)
        httpUrl(webhookUrl, 'argocd-webhook-url', 'https://ARGOCD/api/webhook');
    if (webhookSecret !== undefined && webhookUrl === undefined) {
        throw new errors/* InputError */.dz("Input 'argocd-webhook-secret' is set but 'argocd-webhook-url' is not; set both.", {
            input: 'argocd-webhook-secret'
        });
    }
    const secret = webhookSecret?.trim();
    const webhook = webhookUrl === undefined
        ? undefined
        : {
            url: webhookEndpoint(webhookUrl),
            ...(secret === undefined || secret === '' ? {} : { secret }),
            ...(repoUrl === undefined ? {} : { repoUrl }),
            insecure: inputs.insecure
        };
    const usesApi = server !== undefined || token !== undefined || apps.length > 0 || inputs.sync || inputs.wait;
    if (!usesApi)
        return webhook === undefined ? {} : { webhook };
    const why = inputs.wait ? 'argocd-wait' : inputs.sync ? 'argocd-sync' : 'the Argo CD API';
    if (server === undefined) {
        throw new errors/* InputError */.dz(`Input 'argocd-server' is required for ${why} (e.g. https://argocd.example.com).`, { input: 'argocd-server' });
    }
    const base = httpUrl(server, 'argocd-server', 'https://argocd.example.com');
    if (/\/api(\/|$)/.test(base.pathname)) {
        throw new errors/* InputError */.dz(`Input 'argocd-server': "${(0,redact/* redactUrl */.B)(server)}" must be the server's base URL (plus its root path, if any), ` +
            'without /api/...; e.g. https://argocd.example.com', { input: 'argocd-server' });
    }
    if (token === undefined) {
        throw new errors/* InputError */.dz(`Input 'argocd-token' is required for ${why}: an Argo CD API token (JWT).`, {
            input: 'argocd-token'
        });
    }
    // Argo CD reads a bearer token only when it looks like a JWT; anything else is a sure 401.
    if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
        throw new errors/* InputError */.dz("Input 'argocd-token' does not look like an Argo CD token (a JWT: three dot-separated base64url parts); " +
            'create one with `argocd account generate-token`.', { input: 'argocd-token' });
    }
    // The token is a bearer credential: plain http may carry it only to this machine, or when the
    // user says so (`argocd-insecure`, as the argocd CLI wants `--plaintext`).
    if (base.protocol === 'http:' && !(0,loopback/* isLoopbackUrl */.t)(base)) {
        if (!inputs.insecure) {
            throw new errors/* InputError */.dz(`Input 'argocd-server' is plain http (${(0,redact/* redactUrl */.B)(server)}), which would send 'argocd-token' unencrypted; ` +
                "use https, or set 'argocd-insecure: true' to accept it.", { input: 'argocd-server' });
        }
        warn(`argocd-server ${(0,redact/* redactUrl */.B)(server)} is plain http: 'argocd-token' crosses the network unencrypted (accepted because argocd-insecure is true).`);
    }
    if (apps.length === 0) {
        throw new errors/* InputError */.dz(`Input 'argocd-app' is required for ${why}: application names, one per line or comma-separated.`, { input: 'argocd-app' });
    }
    const refs = [];
    const seen = new Set();
    for (const app of apps) {
        const ref = parseAppRef(app);
        const key = `${ref.namespace ?? ''}/${ref.name}`;
        if (seen.has(key)) {
            throw new errors/* InputError */.dz(`Input 'argocd-app': "${ref.label}" is listed twice.`, {
                input: 'argocd-app'
            });
        }
        seen.add(key);
        refs.push(ref);
    }
    const api = {
        server: server.trim().replace(/\/+$/, ''),
        token,
        apps: refs,
        sync: inputs.sync,
        wait: inputs.wait,
        timeoutSeconds: inputs.timeoutSeconds,
        insecure: inputs.insecure
    };
    return webhook === undefined ? { api } : { webhook, api };
}
/**
 * Every secret form the Argo CD inputs give rise to: the webhook secret and the token as given
 * and trimmed, the bearer header, and a password written inside a URL.
 */
function argoCdSecrets(raw) {
    const values = new Set();
    for (const value of [raw.webhookSecret, raw.token]) {
        if (value.trim() === '')
            continue;
        values.add(value);
        values.add(value.trim());
    }
    if (raw.token.trim() !== '')
        values.add(`Bearer ${raw.token.trim()}`);
    for (const url of raw.urls) {
        const password = urlPassword(url);
        if (password !== '')
            values.add(password);
    }
    return [...values];
}
function urlPassword(url) {
    try {
        const parsed = new URL(url.trim());
        return parsed.password === '' ? '' : decodeURIComponent(parsed.password);
    }
    catch {
        return '';
    }
}
function httpUrl(value, input, example) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
        throw new errors/* InputError */.dz(`Input '${input}': "${(0,redact/* redactUrl */.B)(value)}" is not an http(s) URL; expected e.g. ${example}.`, { input });
    }
    return url;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/settings/github-env.ts


/** Reads the runner's `GITHUB_*` variables; the only reader of them. */
function readGitHubEnvironment(env) {
    // `||`, not `??`: harnesses and .env files often set these to the empty string.
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const isDotCom = /^https:\/\/github\.com$/i.test(serverUrl);
    const apiUrl = env.GITHUB_API_URL || (isDotCom ? 'https://api.github.com' : `${serverUrl}/api/v3`);
    const ref = env.GITHUB_REF ?? '';
    // A pull request runs on refs/pull/N/merge; its branch is the head branch.
    const branch = ref.startsWith('refs/heads/')
        ? ref.slice('refs/heads/'.length)
        : env.GITHUB_HEAD_REF || undefined;
    return {
        serverUrl,
        apiUrl,
        graphqlUrl: env.GITHUB_GRAPHQL_URL || (isDotCom ? `${apiUrl}/graphql` : `${serverUrl}/api/graphql`),
        repository: env.GITHUB_REPOSITORY ?? '',
        repositoryOwner: env.GITHUB_REPOSITORY_OWNER ?? '',
        sha: env.GITHUB_SHA ?? '',
        ...(branch === undefined ? {} : { branch }),
        act: env.ACT === 'true',
        // absolute: git runs with -C elsewhere and must find the files the stages name under it
        runnerTemp: external_node_path_.resolve(env.RUNNER_TEMP || external_node_os_.tmpdir()),
        workspace: external_node_path_.resolve(env.GITHUB_WORKSPACE || process.cwd())
    };
}

;// CONCATENATED MODULE: ./src/settings/environment-settings.ts

/**
 * One environment as each stage needs it: its files and paths in the edit settings (the
 * top-level `changes` are not part of an environment), its branch and `create-pr` in the commit
 * settings, and the Argo CD API over its own apps, server and token. An environment without
 * apps gets the webhook alone: there is nothing to sync or wait for.
 */
function environmentSettings(env, base) {
    const edit = {
        valuesFiles: env.valuesFiles,
        valuesFileIsDefault: false,
        tagPath: env.tagPath ?? '',
        ...(env.repositoryPath === undefined ? {} : { repositoryPath: env.repositoryPath }),
        ...(env.digestPath === undefined ? {} : { digestPath: env.digestPath }),
        ...(env.refPath === undefined ? {} : { refPath: env.refPath }),
        kustomizations: env.kustomizations,
        manifests: env.manifests,
        pinDigest: base.edit.pinDigest,
        changes: '',
        createMissing: base.edit.createMissing,
        vars: base.edit.vars
    };
    const { commit } = base;
    const publish = commit?.publish;
    const branch = env.branch ?? publish?.branch;
    const environmentCommit = commit === undefined || publish === undefined
        ? undefined
        : {
            ...commit,
            publish: {
                ...publish,
                ...(branch === undefined ? {} : { branch }),
                createPr: env.createPr
            }
        };
    const withApps = env.apps.length > 0;
    const inputs = {
        ...base.argocd,
        apps: env.apps,
        server: withApps ? env.server : undefined,
        token: withApps ? env.token : undefined,
        sync: withApps && base.argocd.sync,
        wait: withApps && base.argocd.wait
    };
    const argocd = resolveArgoCd(inputs, base.warn);
    return {
        environment: env,
        edit,
        ...(environmentCommit === undefined ? {} : { commit: environmentCommit }),
        argocd
    };
}

;// CONCATENATED MODULE: ./src/settings/environments.ts






const environments_INPUT = 'environments';
const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const KEYS = new Set([
    'name',
    'values-file',
    'kustomization',
    'manifests',
    'tag-path',
    'repository-path',
    'digest-path',
    'ref-path',
    'argocd-app',
    'argocd-server',
    'argocd-token',
    'branch',
    'create-pr',
    'soak'
]);
const SOAK_UNITS = { s: 1, m: 60, h: 3600, d: 86400 };
function environments_refuse(message) {
    throw new errors/* InputError */.dz(`Input '${environments_INPUT}': ${message}`, { input: environments_INPUT });
}
// Another module's InputError about one key, restated for the environment it came from.
function within(where, fn) {
    try {
        return fn();
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.lZ)
            environments_refuse(`${where}: ${error.message}`);
        throw error;
    }
}
/** Parses a soak duration (`90s`, `30m`, `2h`, `1d`) into seconds; undefined when malformed. */
function parseSoak(text) {
    const match = /^(\d{1,9})([smhd])$/.exec(text.trim());
    if (match === null)
        return undefined;
    return Number(match[1]) * (SOAK_UNITS[match[2] ?? 's'] ?? 1);
}
/**
 * Parses the `environments` input: a YAML list of maps, in promotion order (see the contract,
 * "Environments and promotion"). Applies the top-level defaults, replaces `{env}` in every path
 * template, checks each environment's Argo CD settings as the top-level ones are checked, and
 * masks each `argocd-token` (and its bearer form) through `maskSecret` as soon as it is read.
 * Refuses, with an InputError naming `environments` and the environment: malformed YAML, an
 * unknown key, a bad or repeated name, no file to edit, a malformed path or soak, a soak on the
 * first environment, and any of the
 * top-level `values-file`, `kustomization`, `manifests`, `argocd-app` set beside it. Returns []
 * for empty text.
 */
function parseEnvironments(text, defaults, maskSecret) {
    if (text.trim() === '')
        return [];
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true });
    const problem = doc.errors[0];
    if (problem !== undefined)
        environments_refuse(`not valid YAML: ${problem.message}`);
    const root = doc.contents;
    if (!(0,dist/* isSeq */.oP)(root) || root.items.length === 0) {
        environments_refuse('expected a YAML list of environments, each a map with at least name and values-file.');
    }
    // Secrets first: no later message may show one.
    for (const item of root.items) {
        if (!(0,dist/* isMap */.jh)(item))
            continue;
        const token = item.get('argocd-token');
        if (typeof token === 'string' && token.trim() !== '') {
            for (const secret of argoCdSecrets({ webhookSecret: '', token, urls: [] }))
                maskSecret(secret);
        }
    }
    const seen = new Set();
    const environments = root.items.map((item, index) => {
        const env = parseEntry(item, index, defaults);
        if (seen.has(env.name))
            environments_refuse(`the environment name '${env.name}' is listed twice.`);
        seen.add(env.name);
        return env;
    });
    const first = environments[0];
    if (first?.soakSeconds !== undefined) {
        environments_refuse(`environment '${first.name}' has a soak, but it is the first environment: a soak is how long the ` +
            'environment before it must have run the images, and there is none. Drop the soak.');
    }
    checkTopLevel(defaults.topLevel);
    return environments;
}
function checkTopLevel(topLevel) {
    const set = [
        ['values-file', !topLevel.valuesFileIsDefault],
        ['kustomization', topLevel.kustomizations.length > 0],
        ['manifests', topLevel.manifests.length > 0],
        ['argocd-app', topLevel.apps.length > 0]
    ].filter(([, isSet]) => isSet === true);
    const [first] = set;
    if (first === undefined)
        return;
    const name = String(first[0]);
    throw new errors/* InputError */.dz(`Inputs '${environments_INPUT}' and '${name}' conflict: with environments, each environment names its own ` +
        `${name}; move it into the environment's entry and leave the top-level input empty.`, { input: name });
}
function parseEntry(item, index, defaults) {
    if (!(0,dist/* isMap */.jh)(item))
        environments_refuse(`entry ${index + 1} is not a map (name, values-file, ...).`);
    const raw = new Map();
    for (const pair of item.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        raw.set(key, (0,dist/* isScalar */.jn)(pair.value) ? pair.value.value : pair.value);
    }
    const nameValue = raw.get('name');
    const name = typeof nameValue === 'string' || typeof nameValue === 'number' ? String(nameValue).trim() : '';
    if (!NAME.test(name)) {
        environments_refuse(`entry ${index + 1} has ${nameValue === undefined ? 'no name' : `the name ${JSON.stringify(nameValue)}`}; ` +
            'expected a name of lower-case letters, digits, ".", "_" and "-" (e.g. staging).');
    }
    const where = `environment '${name}'`;
    for (const key of raw.keys()) {
        if (!KEYS.has(key))
            environments_refuse(`${where}: unknown key '${key}'; expected ${[...KEYS].join(', ')}.`);
    }
    const text = (key) => {
        const value = raw.get(key);
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
            environments_refuse(`${where}: ${key} must be text, not a map or list.`);
        }
        const trimmed = String(value).trim();
        return trimmed === '' ? undefined : trimmed;
    };
    const list = (key, commas = false) => {
        const value = raw.get(key);
        if ((0,dist/* isSeq */.oP)(value)) {
            return value.items.map((entry) => {
                const item = (0,dist/* isScalar */.jn)(entry) ? entry.value : undefined;
                if (typeof item !== 'string' && typeof item !== 'number') {
                    environments_refuse(`${where}: every item of ${key} must be text.`);
                }
                return String(item).trim();
            });
        }
        return (0,lib_text/* splitList */.ry)(text(key) ?? '', { commas });
    };
    const valuesFiles = list('values-file');
    const kustomizations = list('kustomization');
    const manifests = list('manifests');
    if (valuesFiles.length + kustomizations.length + manifests.length === 0) {
        environments_refuse(`${where} names no file: give values-file, kustomization or manifests.`);
    }
    const fill = (template, key) => {
        if (template === undefined)
            return undefined;
        const filled = template.replaceAll('{env}', name);
        within(`${where}: ${key}`, () => parsePath(filled, key));
        return filled;
    };
    const refPath = fill(text('ref-path') ?? defaults.refPath, 'ref-path');
    const ownTagPath = text('tag-path');
    // A ref-path holds the tag already: the default tag-path would name a key that is not there.
    const tagPath = fill(ownTagPath ?? (refPath === undefined ? defaults.tagPath : undefined), 'tag-path');
    const apps = list('argocd-app', true);
    for (const app of apps)
        within(`${where}: argocd-app`, () => parseAppRef(app));
    const server = text('argocd-server') ?? defaults.server;
    const token = text('argocd-token') ?? defaults.token;
    if (apps.length > 0) {
        within(where, () => resolveArgoCd({
            apps,
            sync: false,
            wait: false,
            timeoutSeconds: 1,
            insecure: defaults.insecure,
            ...(server === undefined ? {} : { server }),
            ...(token === undefined ? {} : { token })
        }, () => undefined));
    }
    const createPrText = text('create-pr') ?? 'false';
    if (createPrText !== 'true' && createPrText !== 'false') {
        environments_refuse(`${where}: create-pr is '${createPrText}'; expected true or false.`);
    }
    const soakText = text('soak');
    const soakSeconds = soakText === undefined ? undefined : parseSoak(soakText);
    if (soakText !== undefined && soakSeconds === undefined) {
        environments_refuse(`${where}: soak is '${soakText}'; expected a number and a unit: 90s, 30m, 2h or 1d.`);
    }
    const branch = (text('branch') ?? defaults.branch)?.replace(/^refs\/heads\//, '');
    const optional = (key, value) => value === undefined ? {} : { [key]: value };
    return {
        name,
        index,
        valuesFiles,
        kustomizations,
        manifests,
        ...optional('tagPath', tagPath),
        ...optional('repositoryPath', fill(text('repository-path') ?? defaults.repositoryPath, 'repository-path')),
        ...optional('digestPath', fill(text('digest-path') ?? defaults.digestPath, 'digest-path')),
        ...optional('refPath', refPath),
        apps,
        ...optional('server', server),
        ...optional('token', token),
        ...optional('branch', branch),
        createPr: createPrText === 'true',
        ...optional('soakSeconds', soakSeconds)
    };
}
/**
 * Resolves `promote-to` and `promote-from` against the environments: undefined without
 * `promote-to`. `promote-from` defaults to the entry before `promote-to`. Refuses, with an
 * InputError naming the input: either input without `environments`, `promote-from` without
 * `promote-to`, an unknown name (listing the names that exist), promoting into the first
 * environment or into the source itself, and a `soak` on the target when the source has no
 * `argocd-app` (its history is what a soak is counted from).
 */
function resolvePromotion(options) {
    const { environments } = options;
    const promoteTo = options.promoteTo?.trim() ?? '';
    const promoteFrom = options.promoteFrom?.trim() ?? '';
    if (promoteTo === '') {
        if (promoteFrom !== '') {
            throw new errors/* InputError */.dz("Input 'promote-from' is set but 'promote-to' is not; set both.", {
                input: 'promote-from'
            });
        }
        return undefined;
    }
    if (environments.length === 0) {
        throw new errors/* InputError */.dz("Input 'promote-to' needs 'environments': the list of environments, in promotion order.", { input: 'promote-to' });
    }
    const names = environments.map((env) => env.name).join(', ');
    const find = (name, input) => {
        const env = environments.find((candidate) => candidate.name === name);
        if (env === undefined) {
            throw new errors/* InputError */.dz(`Input '${input}' is '${name}', which is not an environment; the environments are ${names}.`, { input });
        }
        return env;
    };
    const to = find(promoteTo, 'promote-to');
    if (to.index === 0) {
        throw new errors/* InputError */.dz(`Input 'promote-to' is '${to.name}', the first environment: a release writes into it, nothing is promoted into it. ` +
            `Promote into a later one (${names}).`, { input: 'promote-to' });
    }
    const from = promoteFrom === '' ? (environments[to.index - 1] ?? to) : find(promoteFrom, 'promote-from');
    if (from === to) {
        throw new errors/* InputError */.dz(`Inputs 'promote-from' and 'promote-to' are both '${to.name}'; promote from another environment.`, { input: 'promote-from' });
    }
    const warnings = [];
    if (from.apps.length === 0) {
        if (to.soakSeconds !== undefined) {
            throw new errors/* InputError */.dz(`Input '${environments_INPUT}': environment '${to.name}' has a soak, which is counted from the Argo CD history ` +
                `of '${from.name}'; '${from.name}' has no argocd-app. Give it its apps, or drop the soak.`, { input: environments_INPUT });
        }
        warnings.push(`Environment '${from.name}' has no argocd-app: nothing checks that it runs the images before they are promoted to '${to.name}'.`);
    }
    return { from, to, warnings };
}

;// CONCATENATED MODULE: ./src/settings/parse-images.ts



const parse_images_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const parse_images_KEYS = new Set([
    'name',
    'context',
    'dockerfile',
    'target',
    'repository',
    'build-args',
    'platforms'
]);
/** Parses the `images` input (lines `NAME[=CONTEXT]` or a YAML list of maps) into image specs. */
function parseImages(text, defaults) {
    const lines = text.split(/\r?\n/);
    const firstItem = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    const specs = firstItem?.trim().startsWith('-')
        ? parseYamlList(text, defaults)
        : parseLines(lines, defaults);
    const seen = new Map();
    for (const spec of specs) {
        const earlier = seen.get(spec.name);
        if (earlier !== undefined) {
            throw new errors/* InputError */.dz(`Input 'images' line ${spec.line}: image name '${spec.name}' is already used on line ${earlier}. Each image needs a unique name.`, { input: 'images' });
        }
        seen.set(spec.name, spec.line);
    }
    return specs;
}
function parseLines(lines, defaults) {
    const specs = [];
    lines.forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const eq = line.indexOf('=');
        const name = (eq < 0 ? line : line.slice(0, eq)).trim();
        const context = eq < 0 ? name : line.slice(eq + 1).trim();
        specs.push(makeSpec({ name, context }, index + 1, defaults));
    });
    return specs;
}
function parseYamlList(text, defaults) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: true });
    const lineOf = (offset) => offset === undefined ? 1 : text.slice(0, offset).split('\n').length;
    if (doc.errors.length > 0) {
        const first = doc.errors[0];
        throw new errors/* InputError */.dz(`Input 'images' is not a valid YAML list (line ${lineOf(first?.pos[0])}): ${first?.message.split('\n')[0] ?? ''}`, { input: 'images' });
    }
    if (!(0,dist/* isSeq */.oP)(doc.contents)) {
        throw new errors/* InputError */.dz(`Input 'images' must be lines 'NAME[=CONTEXT]' or a YAML list of maps.`, {
            input: 'images'
        });
    }
    return doc.contents.items.map((item) => {
        const line = lineOf((0,dist/* isMap */.jh)(item) || (0,dist/* isScalar */.jn)(item) ? item.range[0] : undefined);
        if ((0,dist/* isScalar */.jn)(item) && typeof item.value === 'string') {
            return makeSpec({ name: item.value, context: item.value }, line, defaults);
        }
        if (!(0,dist/* isMap */.jh)(item)) {
            throw new errors/* InputError */.dz(`Input 'images' line ${line}: expected a map with at least 'name'.`, {
                input: 'images'
            });
        }
        const entry = item.toJSON();
        for (const key of Object.keys(entry)) {
            if (!parse_images_KEYS.has(key)) {
                throw new errors/* InputError */.dz(`Input 'images' line ${line}: unknown key '${key}'; expected one of ${[...parse_images_KEYS].join(', ')}.`, { input: 'images' });
            }
        }
        const name = stringField(entry, 'name', line);
        if (name === undefined) {
            throw new errors/* InputError */.dz(`Input 'images' line ${line}: the entry has no 'name'.`, {
                input: 'images'
            });
        }
        return makeSpec({
            name,
            context: stringField(entry, 'context', line) ?? name,
            dockerfile: stringField(entry, 'dockerfile', line),
            target: stringField(entry, 'target', line),
            repository: stringField(entry, 'repository', line),
            buildArgs: buildArgsField(entry['build-args'], line),
            platforms: platformsField(entry.platforms, line)
        }, line, defaults);
    });
}
function makeSpec(raw, line, defaults) {
    if (!parse_images_NAME.test(raw.name)) {
        throw new errors/* InputError */.dz(`Input 'images' line ${line}: '${raw.name}' is not a valid image name; expected [a-z0-9][a-z0-9._-]* (lower case).`, { input: 'images' });
    }
    if (raw.context === '') {
        throw new errors/* InputError */.dz(`Input 'images' line ${line}: the build context after '=' is empty.`, {
            input: 'images'
        });
    }
    const repository = (raw.repository ?? [defaults.registry, defaults.namespace, raw.name].filter(Boolean).join('/')).toLowerCase();
    // The repository ends up on docker's command line and in files: it must be a Docker name.
    if (raw.repository?.startsWith('-') === true || (0,image_ref/* normalizeRepository */.Y1)(repository) === undefined) {
        throw new errors/* InputError */.dz(`Input 'images' line ${line}: repository ${JSON.stringify(repository)} of image '${raw.name}' is not a valid Docker repository; expected [REGISTRY/]PATH with lower-case path components (e.g. ghcr.io/acme/web).`, { input: 'images' });
    }
    return {
        name: raw.name,
        context: raw.context,
        ...(raw.dockerfile === undefined ? {} : { dockerfile: raw.dockerfile }),
        ...(raw.target === undefined ? {} : { target: raw.target }),
        repository,
        buildArgs: [...defaults.buildArgs, ...(raw.buildArgs ?? [])],
        ...(raw.platforms === undefined ? {} : { platforms: raw.platforms }),
        line
    };
}
function stringField(entry, key, line) {
    const value = entry[key];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string' || typeof value === 'number')
        return String(value);
    throw new errors/* InputError */.dz(`Input 'images' line ${line}: '${key}' must be a string.`, {
        input: 'images'
    });
}
function buildArgsField(value, line) {
    if (value === undefined || value === null)
        return undefined;
    if (Array.isArray(value)) {
        return value.map((item) => {
            if (typeof item !== 'string' || !item.includes('=')) {
                throw new errors/* InputError */.dz(`Input 'images' line ${line}: each 'build-args' item must be KEY=VALUE.`, { input: 'images' });
            }
            return item;
        });
    }
    if (typeof value === 'object') {
        return Object.entries(value).map(([key, v]) => `${key}=${v === null ? '' : String(v)}`);
    }
    throw new errors/* InputError */.dz(`Input 'images' line ${line}: 'build-args' must be a map or a list.`, {
        input: 'images'
    });
}
function platformsField(value, line) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value.join(',');
    throw new errors/* InputError */.dz(`Input 'images' line ${line}: 'platforms' must be a string or a list.`, {
        input: 'images'
    });
}

;// CONCATENATED MODULE: ./src/settings/repository.ts


/**
 * Resolves the `repository` input against the workflow's repository. Refuses, naming the input,
 * anything git could read as an option (a leading `-`), white space or control characters,
 * credentials in a URL, and text that is neither OWNER/NAME, a git URL, scp-like nor a path.
 */
function resolveTarget(repository, workflowRepository, serverUrl) {
    if (repository === '' || repository.toLowerCase() === workflowRepository.toLowerCase()) {
        return {
            target: { kind: 'workspace' },
            targetName: workflowRepository || 'the workspace repository'
        };
    }
    // git reads an argument that starts with `-` as an option (`--upload-pack=…`,
    // `-oProxyCommand=…`), whatever else it looks like.
    if (repository.startsWith('-')) {
        throw new errors/* InputError */.dz(`Input 'repository' starts with '-', so git would read it as an option; expected OWNER/NAME or a git URL.`, { input: 'repository' });
    }
    // eslint-disable-next-line no-control-regex
    if (/[\s\u0000-\u001f\u007f]/.test(repository)) {
        throw new errors/* InputError */.dz(`Input 'repository' holds white space or a control character; expected OWNER/NAME or a git URL (https://…, file://…).`, { input: 'repository' });
    }
    const ownerName = (0,git_url/* parseOwnerName */.S2)(repository);
    if (ownerName !== undefined) {
        return {
            target: { kind: 'remote', url: `${serverUrl}/${ownerName.owner}/${ownerName.repo}.git` },
            targetName: repository
        };
    }
    const isPath = repository.startsWith('/') || repository.startsWith('.');
    if ((0,git_url/* isGitUrl */.m8)(repository) || (0,git_url/* isScpLike */.ij)(repository) || isPath) {
        if (/^https?:\/\/[^/]*@/i.test(repository)) {
            throw new errors/* InputError */.dz("Input 'repository' contains credentials in the URL; give the token in 'token' instead.", { input: 'repository' });
        }
        return { target: { kind: 'remote', url: repository }, targetName: repository };
    }
    throw new errors/* InputError */.dz(`Input 'repository' is '${repository}'; expected OWNER/NAME or a git URL (https://…, file://…).`, { input: 'repository' });
}
/** OWNER/NAME of a commit target when it is a repository on the GitHub server `serverUrl`. */
function targetOwnerName(target, workflowRepository, serverUrl) {
    if (target.kind === 'workspace')
        return (0,git_url/* parseOwnerName */.S2)(workflowRepository);
    return (0,git_url/* ownerNameOnServer */.br)(target.url, serverUrl);
}

;// CONCATENATED MODULE: ./src/settings/inputs.ts












const DEFAULT_VALUES_FILE = 'helm/values.yaml';
/** The rollback commit's message (interface.md, `rollback-on-failure`). */
const ROLLBACK_MESSAGE = 'revert(release): {names} {tag} [skip ci]';
const DEFAULT_AUTHOR_NAME = 'github-actions[bot]';
const DEFAULT_AUTHOR_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';
/** Inputs that hold secrets; masked before any other input is read. */
const SECRET_INPUTS = ['password', 'token', 'argocd-webhook-secret', 'argocd-token'];
/**
 * Reads, validates and resolves every input and the GitHub environment once; the only reader of
 * either. Every refusal is an InputError naming the input. Secrets, and the forms derived from
 * them that a later stage sends (base64 `user:token`, the bearer header, a password in a URL),
 * are masked here, on read, and nowhere else.
 */
function readSettings(deps) {
    const { runtime } = deps;
    const text = (name) => runtime.getInput(name).trim();
    maskSecrets(text, (secret) => {
        runtime.setSecret(secret);
    });
    const optional = (name) => text(name) || undefined;
    const bool = (name, fallback) => readBoolean(name, text(name), fallback);
    const list = (name, commas = false) => (0,lib_text/* splitList */.ry)(text(name), { commas });
    const github = readGitHubEnvironment(deps.env);
    const tag = readTag(text('tag'), github.sha);
    const registry = readRegistry(text('registry'));
    const namespace = readNamespace(text('namespace'), github.repositoryOwner, github.repository);
    const buildArgs = list('build-args');
    for (const arg of buildArgs) {
        if (!arg.includes('=')) {
            throw new errors/* InputError */.dz(`Input 'build-args': '${arg}' is not KEY=VALUE.`, {
                input: 'build-args'
            });
        }
    }
    const images = parseImages(text('images'), { registry, namespace, buildArgs });
    const changes = text('changes');
    if (images.length === 0 && changes === '') {
        throw new errors/* InputError */.dz("Input 'images' is empty and 'changes' is not set: there is nothing to build or edit. List images (NAME or NAME=CONTEXT, one per line) or give 'changes'.", { input: 'images' });
    }
    // A promotion moves images that exist: nothing is built.
    const promoting = text('promote-to') !== '';
    const buildImages = bool('build', true) && images.length > 0 && !promoting;
    const username = optional('username');
    const password = optional('password');
    if ((username === undefined) !== (password === undefined)) {
        throw new errors/* InputError */.dz("Inputs 'username' and 'password' go together: set both to log in to the registry, or neither.", { input: username === undefined ? 'username' : 'password' });
    }
    // The registry login stores `user:password` base64-encoded; that form is a secret as well.
    if (username !== undefined && password !== undefined) {
        runtime.setSecret(base64(`${username}:${password}`));
    }
    const valuesFiles = list('values-file');
    if (valuesFiles.length === 0)
        valuesFiles.push(DEFAULT_VALUES_FILE);
    const valuesFileIsDefault = valuesFiles.length === 1 && valuesFiles[0] === DEFAULT_VALUES_FILE;
    const commit = bool('commit', true);
    const createPr = bool('create-pr', false);
    if (createPr && !commit) {
        throw new errors/* InputError */.dz("Inputs 'create-pr: true' and 'commit: false' conflict: a pull request needs a commit. Drop one of them.", { input: 'create-pr' });
    }
    const commitMode = text('commit-mode') || 'git';
    if (commitMode !== 'git' && commitMode !== 'api') {
        throw new errors/* InputError */.dz(`Input 'commit-mode' is '${commitMode}'; expected 'git' or 'api'.`, {
            input: 'commit-mode'
        });
    }
    if (commit && (commitMode === 'api' || createPr)) {
        checkApiTransport(github.apiUrl, commitMode);
        if (text('token') === '') {
            const what = commitMode === 'api' ? "'commit-mode: api'" : "'create-pr: true'";
            throw new errors/* InputError */.dz(`${what} needs a token for the GitHub API; the token input is empty.`, {
                input: 'token'
            });
        }
    }
    const { target, targetName } = resolveTarget(text('repository'), github.repository, github.serverUrl);
    const authorName = authorField('author-name', text('author-name') || DEFAULT_AUTHOR_NAME);
    const authorEmail = authorField('author-email', text('author-email') || DEFAULT_AUTHOR_EMAIL);
    const argocdInputs = readArgoCd(text, optional, bool, list);
    const skipUnchanged = bool('skip-unchanged', false);
    const pinDigest = bool('pin-digest', false);
    const dryRun = bool('dry-run', false);
    const rollbackOnFailure = bool('rollback-on-failure', false);
    const env = processEnvironment(deps.env);
    const vars = { tag, sha: github.sha, shortSha: (0,lib_text/* shortSha */.Fu)(github.sha) };
    checkCombinations({
        // A promotion's digests come from the registry.
        build: buildImages || promoting,
        commit,
        createPr,
        pinDigest,
        rollbackOnFailure,
        wait: argocdInputs.wait
    });
    const refPath = optional('ref-path');
    const edit = {
        valuesFiles,
        valuesFileIsDefault,
        // A ref-path holds the tag already: the default tag-path would name a key that is not there.
        tagPath: text('tag-path') || (refPath === undefined ? '{name}.tag' : ''),
        ...optionalField('repositoryPath', optional('repository-path')),
        ...optionalField('digestPath', optional('digest-path')),
        ...optionalField('refPath', refPath),
        kustomizations: list('kustomization'),
        manifests: list('manifests'),
        pinDigest,
        changes,
        createMissing: bool('create-missing', false),
        vars
    };
    const ownerName = targetOwnerName(target, github.repository, github.serverUrl);
    const repoWebUrl = webUrl(target, ownerName, github.serverUrl);
    const build = buildImages
        ? {
            images,
            tag,
            workspace: github.workspace,
            registry,
            ...optionalField('username', username),
            ...optionalField('password', password),
            ...optionalField('platforms', optional('platforms')),
            buildArgs,
            ...optionalField('cacheFrom', optional('cache-from')),
            ...optionalField('cacheTo', optional('cache-to')),
            ...optionalField('builder', optional('builder')),
            maxParallel: readInteger('max-parallel', text('max-parallel'), Math.max(1, images.length), 1, 64),
            push: !dryRun,
            act: github.act,
            revision: github.sha,
            sourceUrl: github.repository === '' ? '' : `${github.serverUrl}/${github.repository}`,
            created: (0,clock/* rfc3339 */.a)(),
            skipUnchanged,
            tempDir: github.runnerTemp,
            env
        }
        : undefined;
    const commitSettings = commit
        ? {
            publish: {
                workspace: github.workspace,
                target,
                ...optionalField('branch', optional('branch')?.replace(/^refs\/heads\//, '')),
                ...optionalField('workflowBranch', github.branch),
                ...optionalField('token', optional('token')),
                authorName,
                authorEmail,
                pushAttempts: readInteger('push-attempts', text('push-attempts'), 5, 1, 50),
                mode: commitMode,
                createPr,
                prBranch: `release/${tag}`,
                // Labels never hold a comma, and users of other actions write `labels: a,b`.
                prLabels: list('pr-labels', true),
                dryRun,
                tempDir: github.runnerTemp,
                env,
                github: {
                    serverUrl: github.serverUrl,
                    apiUrl: github.apiUrl,
                    graphqlUrl: github.graphqlUrl,
                    ...optionalField('repository', ownerName)
                }
            },
            messages: {
                release: text('message') || 'chore(release): {names} {tag} [skip ci]',
                rollback: ROLLBACK_MESSAGE
            },
            ...optionalField('prTitle', optional('pr-title')),
            label: targetName,
            ...optionalField('repoUrl', repoWebUrl),
            ...optionalField('apiUrl', repoWebUrl === undefined ? undefined : github.apiUrl)
        }
        : undefined;
    const environments = parseEnvironments(text('environments'), {
        tagPath: text('tag-path') || '{name}.tag',
        ...optionalField('repositoryPath', edit.repositoryPath),
        ...optionalField('digestPath', edit.digestPath),
        ...optionalField('refPath', refPath),
        ...optionalField('server', argocdInputs.server),
        ...optionalField('token', argocdInputs.token),
        insecure: argocdInputs.insecure,
        ...optionalField('branch', commitSettings?.publish.branch),
        topLevel: {
            valuesFileIsDefault,
            kustomizations: edit.kustomizations,
            manifests: edit.manifests,
            apps: argocdInputs.apps
        }
    }, (secret) => {
        runtime.setSecret(secret);
    }).map((env) => environmentSettings(env, {
        edit,
        ...optionalField('commit', commitSettings),
        argocd: argocdInputs,
        warn: deps.warn
    }));
    // An environment's own create-pr talks to the GitHub API as the top-level one does.
    if (commit && environments.some((entry) => entry.environment.createPr)) {
        checkApiTransport(github.apiUrl, commitMode);
    }
    const promotion = readPromotion(environments, optional('promote-to'), optional('promote-from'), images, {
        ...optionalField('credentials', username === undefined || password === undefined
            ? undefined
            : { registry, username, password }),
        gateTimeoutSeconds: argocdInputs.timeoutSeconds
    });
    // With environments, a release writes into the first one: its files, its branch, its apps.
    const first = promotion === undefined ? environments[0] : undefined;
    const argocd = environments.length === 0
        ? resolveArgoCd(argocdInputs, deps.warn)
        : (first?.argocd ?? promotion?.to.argocd ?? {});
    return {
        tag,
        vars,
        images,
        ...optionalField('build', build),
        noBuildReason: promoting
            ? 'A promotion builds nothing: it moves the images the source environment runs'
            : images.length === 0
                ? "no image is listed in 'images'"
                : 'build: false, so no image is built; the image names only drive the tag edits',
        edit: first === undefined ? edit : { ...first.edit, changes },
        workspace: github.workspace,
        ...optionalField('commit', first === undefined ? commitSettings : first.commit),
        argocd,
        rollbackOnFailure,
        dryRun,
        env,
        environments,
        ...optionalField('promotion', promotion)
    };
}
// `promote-to` and `promote-from` against the environments, each side resolved for its stages.
function readPromotion(environments, promoteTo, promoteFrom, images, rest) {
    const resolved = resolvePromotion({
        environments: environments.map((env) => env.environment),
        ...optionalField('promoteTo', promoteTo),
        ...optionalField('promoteFrom', promoteFrom)
    });
    if (resolved === undefined)
        return undefined;
    if (images.length === 0) {
        throw new errors/* InputError */.dz("Input 'images' is empty: a promotion moves the images it names. List them (names only).", { input: 'images' });
    }
    const settingsOf = (index) => {
        const found = environments[index];
        if (found === undefined)
            throw new errors/* InternalError */.Gd(`environment ${index} is not resolved`);
        const { commit } = found;
        if (commit === undefined) {
            throw new errors/* InputError */.dz("Inputs 'promote-to' and 'commit: false' conflict: a promotion is a commit (or a pull request) on the target's branch.", { input: 'commit' });
        }
        return { ...found, commit };
    };
    return {
        from: settingsOf(resolved.from.index),
        to: settingsOf(resolved.to.index),
        warnings: resolved.warnings,
        ...rest
    };
}
// `{ [name]: value }` when there is a value: optional fields stay absent, never `undefined`.
function optionalField(name, value) {
    return (value === undefined ? {} : { [name]: value });
}
// The web URL Argo CD's Applications use for a repository on the GitHub server.
function webUrl(target, ownerName, serverUrl) {
    if (ownerName === undefined)
        return undefined;
    if (target.kind === 'remote' && !target.url.startsWith(`${serverUrl}/`))
        return undefined;
    return `${serverUrl}/${ownerName.owner}/${ownerName.repo}`;
}
// A frozen copy: a later change to the process environment does not reach the stages.
function processEnvironment(env) {
    const copy = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined)
            copy[name] = value;
    }
    return Object.freeze(copy);
}
/**
 * The tag to report when the settings could not be read: the `tag` input, else the short SHA,
 * when that is a valid tag; '' otherwise.
 */
function fallbackTag(deps) {
    const tag = deps.runtime.getInput('tag').trim() || (deps.env.GITHUB_SHA ?? '').slice(0, 7);
    return (0,image_ref/* isTag */.dz)(tag) ? tag : '';
}
// Masks before anything else is read, so no later message can show a secret.
function maskSecrets(text, mask) {
    for (const name of SECRET_INPUTS) {
        const value = text(name);
        if (value !== '')
            mask(value);
    }
    // git sends the token as basic auth of `x-access-token:TOKEN`, base64-encoded.
    const token = text('token');
    if (token !== '')
        mask(base64(`x-access-token:${token}`));
    for (const secret of argoCdSecrets({
        webhookSecret: text('argocd-webhook-secret'),
        token: text('argocd-token'),
        urls: [text('argocd-webhook-url'), text('argocd-server')]
    }))
        mask(secret);
}
function base64(text) {
    return Buffer.from(text, 'utf8').toString('base64');
}
function readTag(input, sha) {
    const tag = input || sha.slice(0, 7);
    if (tag === '') {
        throw new errors/* InputError */.dz("Input 'tag' is empty and GITHUB_SHA is not set, so no default tag can be derived. Set 'tag'.", { input: 'tag' });
    }
    if (!(0,image_ref/* isTag */.dz)(tag)) {
        throw new errors/* InputError */.dz(`Input 'tag' is ${JSON.stringify(tag)}; expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127} (a Docker tag).`, { input: 'tag' });
    }
    return tag;
}
function readRegistry(input) {
    const registry = (input || 'docker.io').replace(/\/+$/, '');
    if (!(0,image_ref/* isRegistry */.Cf)(registry)) {
        throw new errors/* InputError */.dz(`Input 'registry' is ${JSON.stringify(registry)}; expected a host name with an optional port (e.g. ghcr.io, registry.example.com:5000).`, { input: 'registry' });
    }
    return registry;
}
function readNamespace(input, ownerVariable, repository) {
    // Under act, GITHUB_REPOSITORY can be a local path or URL: only a real OWNER/NAME names an owner.
    const owner = /^[A-Za-z0-9_.-]+$/.test(ownerVariable)
        ? ownerVariable
        : ((0,git_url/* parseOwnerName */.S2)(repository)?.owner ?? '');
    const namespace = (input === '' ? owner : input).replace(/^\/+|\/+$/g, '').toLowerCase();
    if (!(0,image_ref/* isNamespace */.GW)(namespace)) {
        throw new errors/* InputError */.dz(`Input 'namespace' is ${JSON.stringify(input || owner)}; expected lower-case path components joined by '/' (letters, digits, '.', '_', '-'), e.g. acme or acme/team.`, { input: 'namespace' });
    }
    return namespace;
}
function readArgoCd(text, optional, bool, list) {
    return {
        webhookUrl: optional('argocd-webhook-url'),
        webhookSecret: optional('argocd-webhook-secret'),
        repoUrl: optional('argocd-repo-url'),
        server: optional('argocd-server'),
        token: optional('argocd-token'),
        // Application names never hold a comma; `app-a,app-b` is how other actions take a list.
        apps: list('argocd-app', true),
        sync: bool('argocd-sync', false),
        wait: bool('argocd-wait', false),
        timeoutSeconds: readInteger('argocd-timeout', text('argocd-timeout'), 300, 1, MAX_TIMEOUT_SECONDS),
        insecure: bool('argocd-insecure', false)
    };
}
// Conflicts between inputs, each refused naming the input that asks for too much.
function checkCombinations(given) {
    if (given.pinDigest && !given.build) {
        throw new errors/* InputError */.dz("Input 'pin-digest: true' needs digests, which only a build produces; it cannot be used with 'build: false'.", { input: 'pin-digest' });
    }
    if (given.rollbackOnFailure && !given.wait) {
        throw new errors/* InputError */.dz("Input 'rollback-on-failure: true' needs 'argocd-wait: true': only a failed wait can trigger a rollback.", { input: 'rollback-on-failure' });
    }
    if (given.rollbackOnFailure && !given.commit) {
        throw new errors/* InputError */.dz("Inputs 'rollback-on-failure: true' and 'commit: false' conflict: a rollback is a commit on the branch the release went to.", { input: 'rollback-on-failure' });
    }
    if (given.rollbackOnFailure && given.createPr) {
        throw new errors/* InputError */.dz("Inputs 'rollback-on-failure: true' and 'create-pr: true' conflict: a rollback reverts a direct commit, and a pull request is not deployed by this run.", { input: 'rollback-on-failure' });
    }
}
// The token goes to the GitHub API with every request: never over plain http to another host
// (git mode refuses the same for git's own requests).
function checkApiTransport(apiUrl, commitMode) {
    let url;
    try {
        url = new URL(apiUrl);
    }
    catch {
        throw new errors/* InputError */.dz(`GITHUB_API_URL is ${JSON.stringify(apiUrl)}; expected an http(s) URL.`, {
            input: 'commit-mode'
        });
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && (0,loopback/* isLoopbackUrl */.t)(url)))
        return;
    const why = commitMode === 'api' ? "'commit-mode: api'" : "'create-pr: true'";
    throw new errors/* InputError */.dz(`${why} sends 'token' to the GitHub API at ${url.origin}, which is not https (nor a loopback address); the token would cross the network unencrypted. Use an https GITHUB_API_URL.`, { input: commitMode === 'api' ? 'commit-mode' : 'create-pr' });
}
// git writes the author into the commit header as `NAME <EMAIL>`: a line break would forge
// header lines (git strips it silently), and `<` or `>` would break the header apart.
function authorField(name, value) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f<>]/.test(value)) {
        throw new errors/* InputError */.dz(`Input '${name}' holds a control character, '<' or '>'; git would alter or refuse it. Give plain text.`, { input: name });
    }
    return value;
}
function readBoolean(name, value, fallback) {
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new errors/* InputError */.dz(`Input '${name}' is '${value}'; expected 'true' or 'false'.`, {
        input: name
    });
}
function readInteger(name, value, fallback, min, max) {
    if (value === '')
        return fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
        throw new errors/* InputError */.dz(`Input '${name}' is '${value}'; expected a whole number from ${min} to ${max}.`, { input: name });
    }
    return parsed;
}

;// CONCATENATED MODULE: ./src/argocd/summary.ts

const OUTCOME = {
    deployed: '✅ deployed',
    superseded: '✅ deployed in a newer commit',
    refreshed: '🔄 refreshed',
    unreachable: '⚠️ could not be read',
    failed: '❌ failed',
    'timed-out': '⏱️ timed out'
};
/** The job-summary section for the Argo CD stage (markdown), from the stage's results as they came. */
function argoCdSummary(webhook, apps) {
    const lines = ['### Argo CD', ''];
    if (webhook && webhook.url !== '') {
        lines.push(webhook.delivered
            ? `Webhook: ✅ delivered to \`${webhook.url}\` (HTTP ${webhook.status ?? '?'}, ${attempts(webhook.attempts)}).`
            : `Webhook: ⚠️ not delivered to \`${webhook.url}\`: ${(0,lib_text/* markdownCell */.UZ)(webhook.reason)}. Argo CD will notice the commit at its next poll.`, '');
    }
    if (apps.length > 0) {
        lines.push('| App | Result | Revision | Sync | Health | Operation | Message |');
        lines.push('| --- | --- | --- | --- | --- | --- | --- |');
        for (const app of apps) {
            const revision = app.revision === '' ? '' : `\`${(0,lib_text/* shortSha */.Fu)(app.revision)}\``;
            lines.push(`| ${(0,lib_text/* markdownCell */.UZ)(app.app)} | ${OUTCOME[app.outcome]} | ${revision} | ${(0,lib_text/* markdownCell */.UZ)(app.syncStatus)} | ` +
                `${(0,lib_text/* markdownCell */.UZ)(app.healthStatus)} | ${(0,lib_text/* markdownCell */.UZ)(app.operationPhase ?? '')} | ${(0,lib_text/* markdownCell */.UZ)(app.message ?? '')} |`);
        }
        lines.push('');
    }
    return lines.join('\n');
}
function attempts(count) {
    return count === 1 ? '1 attempt' : `${count} attempts`;
}

;// CONCATENATED MODULE: ./src/promote/summary.ts


/**
 * The job summary's promotion section: from → to and the outcome, each image as
 * `REPOSITORY:TAG@DIGEST` (and where its digest came from), the source revision and its health,
 * and the soak. The commit or pull request and the target's Argo CD state have their own sections.
 */
function promotionSummary(promotion, failed) {
    const lines = [
        `### Promotion: ${(0,lib_text/* markdownCell */.UZ)(promotion.from)} → ${(0,lib_text/* markdownCell */.UZ)(promotion.to)}`,
        ''
    ];
    lines.push(outcome(promotion, failed), '');
    const images = promotion.images ?? [];
    if (images.length > 0) {
        lines.push('| Image | Ref | Digest from |', '| --- | --- | --- |');
        for (const image of images) {
            const digest = image.digest === '' ? '' : `@${image.digest}`;
            const from = image.digest === '' ? '' : image.recorded ? 'the source files' : 'the registry';
            lines.push(`| ${(0,lib_text/* markdownCell */.UZ)(image.name)} | \`${(0,lib_text/* markdownCell */.UZ)(`${image.repository}:${image.tag}${digest}`)}\` | ${from} |`);
        }
        lines.push('');
    }
    if (promotion.sourceRevision !== undefined) {
        const health = promotion.sourceHealth === undefined ? '' : `: ${promotion.sourceHealth}`;
        lines.push(`Source \`${(0,lib_text/* markdownCell */.UZ)(promotion.from)}\` at \`${(0,lib_text/* shortSha */.Fu)(promotion.sourceRevision)}\`${(0,lib_text/* markdownCell */.UZ)(health)}.`, '');
    }
    if (promotion.soakSeconds !== undefined && promotion.soakRemaining !== undefined) {
        lines.push(promotion.soakRemaining === 0
            ? `Soak: ${(0,soak/* formatDuration */.a3)(promotion.soakSeconds)} reached.`
            : `Soak: ${(0,soak/* formatDuration */.a3)(promotion.soakRemaining)} of ${(0,soak/* formatDuration */.a3)(promotion.soakSeconds)} still to go.`, '');
    }
    return lines.join('\n');
}
function outcome(promotion, failed) {
    if (promotion.promoted)
        return 'Promoted.';
    if (promotion.alreadyPromoted === true)
        return `Nothing to do: \`${(0,lib_text/* markdownCell */.UZ)(promotion.to)}\` already runs these images.`;
    if (failed)
        return 'Not promoted: the run failed.';
    if (promotion.soakRemaining !== undefined && promotion.soakRemaining > 0)
        return 'Not promoted yet: the soak is not over. Nothing was written; run again later.';
    return 'Not promoted: nothing landed (a dry run, or the pull request already holds it).';
}

;// CONCATENATED MODULE: ./src/rollback/summary.ts

/**
 * The job-summary section for `rollback-on-failure`: the release and the rollback side by side
 * (commit, then each app's state), then the values put back and the places left alone.
 */
function rollbackSummary(failure, result) {
    const lines = ['### Rollback', ''];
    const rollbackApps = result.wait.kind === 'not-run' ? [] : result.wait.apps;
    lines.push('| | Release | Rollback |', '| --- | --- | --- |');
    lines.push(`| Commit | \`${(0,lib_text/* shortSha */.Fu)(result.releaseSha)}\` | ${result.rolledBack ? commit(result) : (0,lib_text/* markdownCell */.UZ)(`none: ${result.problem}`)} |`);
    const names = [...new Set([...failure.apps, ...rollbackApps].map((app) => app.app))];
    for (const name of names) {
        const before = failure.apps.find((app) => app.app === name);
        const after = rollbackApps.find((app) => app.app === name);
        lines.push(`| ${(0,lib_text/* markdownCell */.UZ)(name)} | ${state(before)} | ${state(after)} |`);
    }
    if (result.wait.kind === 'failing') {
        lines.push('', `Still failing after the rollback: ${(0,lib_text/* markdownCell */.UZ)(result.wait.message)}`);
    }
    if (result.restored.length > 0) {
        lines.push('', 'Put back:', '');
        for (const place of result.restored) {
            lines.push(place.removed
                ? `- \`${place.file}\` ${(0,lib_text/* markdownCell */.UZ)(place.path)}: ${(0,lib_text/* markdownCell */.UZ)(place.from)} removed (this run added it)`
                : `- \`${place.file}\` ${(0,lib_text/* markdownCell */.UZ)(place.path)}: ${(0,lib_text/* markdownCell */.UZ)(place.from)} → ${(0,lib_text/* markdownCell */.UZ)(place.to)}`);
        }
    }
    if (result.skipped.length > 0) {
        lines.push('', 'Left as they are:', '');
        for (const entry of result.skipped) {
            lines.push(`- \`${entry.file}\`: ${(0,lib_text/* markdownCell */.UZ)(entry.reason)}`);
        }
    }
    lines.push('');
    return lines.join('\n');
}
function commit(result) {
    const short = `\`${(0,lib_text/* shortSha */.Fu)(result.commitSha)}\``;
    return result.commitUrl === '' ? short : `[${short}](${result.commitUrl})`;
}
function state(app) {
    if (app === undefined)
        return '';
    const revision = app.revision === '' ? '' : ` at \`${(0,lib_text/* shortSha */.Fu)(app.revision)}\``;
    const message = app.message === undefined || app.message === '' ? '' : `: ${app.message}`;
    return `${(0,lib_text/* markdownCell */.UZ)(`${app.syncStatus}/${app.healthStatus}`)}${revision}${(0,lib_text/* markdownCell */.UZ)(message)}`;
}

;// CONCATENATED MODULE: ./src/summary.ts





/** The job summary as Markdown: images, the diff of each file, the commit, then Argo CD. */
function renderSummary(state) {
    const parts = [
        state.tag === '' ? '## gitops-release' : `## gitops-release: ${state.tag}`,
        ''
    ];
    // The message may quote an input: shown as text, never as HTML.
    if (state.failure !== undefined)
        parts.push(`**Failed:** ${escapeHtml(state.failure)}`, '');
    if (state.images.length > 0) {
        parts.push('### Images', '', imagesTable(state.images));
        const reused = state.images.filter((image) => image.reusedFrom !== undefined).length;
        if (reused > 0 && state.images.every((image) => !image.built)) {
            parts.push(`Nothing was built: the build inputs of every image are unchanged (${reused} reused).`, '');
        }
    }
    if (state.promotion !== undefined) {
        parts.push(promotionSummary(state.promotion, state.failure !== undefined));
    }
    parts.push(...changesSection(state));
    const publish = state.publish;
    if (publish?.prUrl !== undefined && publish.prNumber !== undefined) {
        const operation = publish.prOperation ? ` (${publish.prOperation})` : '';
        parts.push('### Pull request', '', `[#${publish.prNumber}](${publish.prUrl})${operation}`, '');
    }
    if (publish !== undefined && publish.commitSha !== '') {
        const short = (0,lib_text/* shortSha */.Fu)(publish.commitSha);
        const commit = publish.commitUrl === '' ? `\`${short}\`` : `[\`${short}\`](${publish.commitUrl})`;
        parts.push('### Commit', '', `${commit} on \`${(0,lib_text/* markdownCell */.UZ)(publish.branch)}\``, '');
    }
    if (state.rollback !== undefined) {
        parts.push(rollbackSummary(state.rollback.failure, state.rollback.result));
    }
    if (state.argocd !== undefined &&
        (state.argocd.webhook !== undefined || state.argocd.apps.length > 0)) {
        parts.push(argoCdSummary(state.argocd.webhook, state.argocd.apps));
    }
    return parts.join('\n');
}
// One row per image: built (with its build time), reused (and from which tag), or not built.
function imagesTable(images) {
    const rows = images.map((image) => {
        const digest = image.digest === '' ? '' : `\`${(0,lib_text/* markdownCell */.UZ)(image.digest)}\``;
        const result = image.built
            ? `built in ${image.seconds.toFixed(1)} s`
            : image.reusedFrom !== undefined
                ? `reused from \`${(0,lib_text/* markdownCell */.UZ)(image.reusedFrom)}\``
                : 'not built';
        return `| ${(0,lib_text/* markdownCell */.UZ)(image.name)} | \`${(0,lib_text/* markdownCell */.UZ)(image.ref)}\` | ${digest} | ${result} |`;
    });
    return ['| Image | Ref | Digest | Result |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}
function changesSection(state) {
    const changed = releaseEdits(state).filter((edit) => edit.before !== edit.after);
    const lines = ['### Changes', ''];
    if (changed.length === 0) {
        lines.push(state.failure === undefined
            ? 'No file needed a change: the tags were already in place.'
            : 'No file was changed.', '');
        return lines;
    }
    const diff = releaseDiff(state);
    for (const edit of changed) {
        lines.push(`\`${(0,lib_text/* markdownCell */.UZ)(edit.path)}\``, '', '```diff', fileDiff(diff, edit.path), '```', '');
    }
    return lines;
}
// The `diff` output holds every file; the summary shows each file's part under its own heading.
function fileDiff(diff, file) {
    const sections = diff.split(/^(?=--- )/m);
    const own = sections.find((section) => section.startsWith(`--- a/${file}\n`));
    return (own ?? diff).trimEnd();
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

;// CONCATENATED MODULE: ./src/main.ts










/**
 * A release, in the order of work (interface.md, "The job, in one step"): check every input and
 * file, build and push the images, edit the files and land them as one commit, then tell Argo
 * CD and wait for it. Each step records its stage's result in `state`.
 */
async function release(settings, stages, state) {
    state.images = plannedImages(settings);
    const { commit } = settings;
    // Opened once: the preflight, the commit, the ancestry check and a rollback share it.
    const repository = commit === undefined ? undefined : await stages.openRepository(commit.publish);
    try {
        const current = await checkFiles(settings, stages, repository, state);
        const images = await buildImages(settings, stages, current, state);
        if (commit === undefined || repository === undefined) {
            await editWorkspace(settings, stages, images, state);
            return;
        }
        const landed = await landRelease(settings, commit, stages, repository, images, state);
        await deploy(releaseDelivery(settings, commit, images), stages, repository, landed, state);
    }
    finally {
        await repository?.close();
    }
}
/**
 * A promotion: the release's stages in another order (interface.md, "Environments and
 * promotion"). Reads both environments, stops at once when the target has the candidate, checks
 * the registry, waits for the source's gate, measures the soak (not yet: a notice, success),
 * then lands the target's edit and deploys it as a release is deployed.
 */
async function promote(settings, promotion, stages, state) {
    state.promotion = newPromotionState(promotion);
    for (const warning of promotion.warnings)
        stages.logger.warning(warning);
    const repositories = await openPromotion(promotion, stages);
    try {
        const files = await readEnvironments(settings, promotion, stages, repositories, state);
        if (alreadyThere(files, promotion, stages, state))
            return;
        const images = await verifyRegistry(promotion, stages, files, state);
        const holds = holdsCandidateAt(settings, promotion, repositories, files);
        const gate = await passGate(promotion, stages, files, holds, state);
        if (!(await soaked(promotion, stages, gate, holds, state)))
            return;
        const text = promotionText(promotion, images, gate.revision);
        const request = promotionRequest(settings, promotion, files, images);
        const { target } = repositories;
        const landed = await landEdits(text, request, settings.dryRun, stages, target, state);
        recordLanding(settings, promotion, landed, state);
        await deploy(promotionDelivery(settings, promotion, images, text), stages, target, landed, state);
    }
    finally {
        await repositories.target.close();
        if (repositories.source !== repositories.target)
            await repositories.source.close();
    }
}
/** The runner's services: one Runtime over @actions/core, the core logger, the real stages. */
function coreRunDeps(runtime = (0,lib_runtime/* createCoreRuntime */.C)()) {
    return { runtime, logger: lib_logger/* coreLogger */.W, env: process.env, compose: composeStages, fail: main_fail };
}
/**
 * Runs the action; the only place that fails the step. Outputs and the job summary are written
 * whatever fails, input validation included, with what is known by then.
 */
async function run(deps = coreRunDeps()) {
    const { runtime, logger, env } = deps;
    let state;
    let failure;
    try {
        const settings = readSettings({
            runtime,
            env,
            warn: (message) => {
                logger.warning(message);
            }
        });
        state = newReleaseState(settings.tag);
        const stages = deps.compose(settings, runtime, logger);
        if (settings.promotion === undefined)
            await release(settings, stages, state);
        else
            await promote(settings, settings.promotion, stages, state);
    }
    catch (error) {
        failure = error;
    }
    // A later `if: failure()` step still learns which commit landed and where Argo CD stood.
    state ??= newReleaseState(fallbackTag({ runtime, env }));
    if (failure !== undefined)
        state.failure = (0,errors/* errorMessage */.gJ)(failure);
    for (const [name, value] of Object.entries(outputValues(state)))
        runtime.setOutput(name, value);
    try {
        await runtime.writeSummary(renderSummary(state));
    }
    catch (error) {
        logger.warning(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    if (failure !== undefined)
        deps.fail(failure);
}
// One error annotation per failure, with file and line when the error has them.
function main_fail(error) {
    const { message, ...properties } = (0,errors/* annotationOf */.lW)(error);
    // `::error::message` alone when there is no file, as core.setFailed writes it.
    if (properties.file === undefined)
        core/* error */.z3(message);
    else
        core/* error */.z3(message, properties);
    // 1, not core.ExitCode.Failure: @github/local-action's stand-in for @actions/core has no
    // ExitCode, and the runner reads any non-zero code as a failure.
    process.exitCode = 1;
}


/***/ }),

/***/ 9531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ET: () => (/* binding */ evaluateSoak),
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   ZJ: () => (/* binding */ historyRevisions),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The `status.history` of an Application object as Argo CD's API returns it, oldest first. */
function readHistory(application) {
    const status = isObject(application) && isObject(application.status) ? application.status : {};
    const history = Array.isArray(status.history) ? status.history : [];
    return history
        .filter(isObject)
        .map((entry, index) => {
        const revisions = [
            entry.revision,
            ...(Array.isArray(entry.revisions) ? entry.revisions : [])
        ].filter((r) => typeof r === 'string' && r !== '');
        return {
            id: typeof entry.id === 'number' ? entry.id : index,
            revisions,
            deployedAt: typeof entry.deployedAt === 'string' ? Date.parse(entry.deployedAt) : NaN
        };
    })
        .sort((a, b) => a.id - b.id);
}
/** Every revision the histories name, lower-cased and once each: what to ask git about. */
function historyRevisions(histories) {
    return [...new Set(histories.flat().flatMap((d) => d.revisions.map((r) => r.toLowerCase())))];
}
/**
 * When an app started running the candidate: walking its history from the newest deployment
 * back, the oldest of the unbroken run of deployments whose revision holds it (a deployment of
 * anything else in between restarts the count). Undefined when the newest deployment does not
 * hold it. A history trimmed by `revisionHistoryLimit` gives a later start, never an earlier one.
 */
function runningSince(history, holds) {
    let since;
    for (let i = history.length - 1; i >= 0; i--) {
        const deployment = history[i];
        if (deployment === undefined || Number.isNaN(deployment.deployedAt))
            break;
        if (!deployment.revisions.some((r) => holds.get(r.toLowerCase()) === true))
            break;
        since = deployment.deployedAt;
    }
    return since;
}
/**
 * The soak of a promotion: every source app must have run the candidate for `soakSeconds`,
 * counted from `runningSince` of its history to `nowMs` (wall-clock epoch ms). `holds` answers,
 * per lower-case revision, whether the source files there hold the candidate.
 */
function evaluateSoak(options) {
    const starts = options.histories.map((history) => runningSince(history, options.holds));
    const known = starts.filter((start) => start !== undefined);
    if (known.length === 0 || known.length < starts.length) {
        return { runningSeconds: 0, remainingSeconds: options.soakSeconds };
    }
    const since = Math.max(...known);
    const runningSeconds = Math.max(0, Math.floor((options.nowMs - since) / 1000));
    return {
        runningSeconds,
        remainingSeconds: Math.max(0, options.soakSeconds - runningSeconds),
        since
    };
}
/** `1h 5m 3s`-style text for a number of seconds, for the notice. */
function formatDuration(seconds) {
    const parts = [];
    let left = Math.max(0, Math.round(seconds));
    for (const [unit, size] of [
        ['d', 86400],
        ['h', 3600],
        ['m', 60]
    ]) {
        if (left >= size) {
            parts.push(`${Math.floor(left / size)}${unit}`);
            left %= size;
        }
    }
    if (left > 0 || parts.length === 0)
        parts.push(`${left}s`);
    return parts.join(' ');
}


/***/ })

};
