export const id = 423;
export const ids = [423,737];
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4231);



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
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   yX: () => (/* binding */ publishFailure)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4231);

const patterns = [
    [
        'protected',
        /GH006|GH013|protected branch|rule violations|must be made through a pull request|required status check|cannot (?:push|update) .*protected/i
    ],
    [
        'auth',
        /authentication failed|could not read (?:username|password)|terminal prompts disabled|invalid username or password|returned error: 40[13]|\bHTTP 40[13]\b|permission to \S+ denied|write access to repository not granted|bad credentials|resource not accessible/i
    ],
    // git does not follow redirects here (http.followRedirects=false): see publish/git.ts
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
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Push to branch ${branch} of ${repository} was refused by branch protection${said}. Set create-pr: true to open a pull request instead, or give token a token allowed to push to ${branch} (for example a GitHub App in the ruleset's bypass list).`, { input: 'branch' });
        case 'auth':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Authentication to ${repository} failed (HTTP 401/403) while ${action} branch ${branch}${said}. Check the token input: it must be allowed to write contents to ${repository}. The workflow's GITHUB_TOKEN only reaches the workflow's own repository and needs "permissions: contents: write"; for another repository use a GitHub App installation token or a fine-grained personal access token.`, { input: 'token' });
        case 'missing-branch':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Branch ${branch} does not exist in ${repository}. Create it first, or set branch to an existing branch.`, { input: 'branch' });
        case 'not-found':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Repository ${repository} was not found while ${action} branch ${branch}${said}. Check the repository input, and that the token can see the repository.`, { input: 'repository' });
        case 'redirect':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`${repository} answered ${action} branch ${branch} with a redirect${said}. Git does not follow redirects here, so the token never reaches another server. Set repository to the repository's current URL (a renamed or moved repository redirects).`, { input: 'repository' });
        default:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Failed ${action} branch ${branch} of ${repository}${said}.`, {
                input: 'repository'
            });
    }
}
/** The error after the last attempt lost a race or could not reach the remote. */
function exhaustedFailure(kind, context, attempts, detail, budgetMs) {
    const { repository, branch } = context;
    const said = detail === '' ? '' : ` Last failure: ${detail}.`;
    if (kind === 'unreachable') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Could not reach ${repository} (branch ${branch}) in ${attempts} attempt(s).${said} Check the repository URL, the network and the git server.`, { input: 'repository' });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Gave up after ${attempts} attempt(s)${budgetMs === undefined ? '' : ` in ${Math.round(budgetMs / 1000)} s`} to push to branch ${branch} of ${repository}: other commits kept landing first or the remote kept refusing.${said} Nothing was pushed. Raise push-attempts (each allows another failed attempt and another minute of racing), or let fewer jobs update ${branch} at the same time.`, { input: 'push-attempts' });
}


/***/ }),

/***/ 7594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mz: () => (/* binding */ networkEnv),
/* harmony export */   P_: () => (/* binding */ initBareRepository),
/* harmony export */   VI: () => (/* binding */ gitBaseEnv),
/* harmony export */   WF: () => (/* binding */ sshCommandConfigured),
/* harmony export */   i2: () => (/* binding */ DEFAULT_NETWORK_LIMITS),
/* harmony export */   iR: () => (/* binding */ GitCommandError),
/* harmony export */   lD: () => (/* binding */ createGit),
/* harmony export */   oB: () => (/* binding */ gitTopLevel)
/* harmony export */ });
/* unused harmony exports INHERITED_GIT_VARS, quotePath */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4231);
/* harmony import */ var _lib_exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1737);





/** A git command that failed; `output` is what it printed (never contains a secret we hold). */
class GitCommandError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PublishError */ .S1 {
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
// The single place a git process starts: the argv check and the environment live here.
async function exec(args, context, options = {}) {
    if (context.secrets.some((secret) => secret !== '' && args.some((arg) => arg.includes(secret)))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InternalError */ .Gd('Refusing to pass a secret on a git command line.');
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
        if (error instanceof _lib_exec_js__WEBPACK_IMPORTED_MODULE_4__.ProgramNotFoundError) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PublishError */ .S1(`Could not run git (${error.message}). Is git installed?`);
        }
        throw error;
    }
}
async function text(args, context, options) {
    const result = await exec(args, context, options);
    if (result.exitCode !== 0)
        throw new GitCommandError(args, result.exitCode, result.output);
    return result.stdout.trim();
}
/** The top-level folder of the work tree containing `dir`. */
async function gitTopLevel(dir, context) {
    return text(['-C', dir, 'rev-parse', '--show-toplevel'], context);
}
/** True when git's own configuration (any scope) names an ssh command for this repository. */
async function sshCommandConfigured(dir, context) {
    const result = await exec(['-C', dir, 'config', '--get', 'core.sshCommand'], context);
    return result.exitCode === 0 && result.stdout.trim() !== '';
}
/** Creates an empty bare repository at `dir` whose `origin` is `url`. */
async function initBareRepository(dir, url, context) {
    await text(['init', '--bare', '--quiet', '--', dir], context);
    // `--` keeps a URL that starts with a dash from being read as an option
    await text(['-C', dir, 'remote', 'add', '--', 'origin', url], context);
    return createGit(dir, context, dir);
}
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
// The one commit a fetch of one branch wrote to FETCH_HEAD; undefined when it cannot be read.
async function fetchHead(gitDir) {
    try {
        const lines = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(gitDir, 'FETCH_HEAD'), 'utf8')).split('\n');
        const sha = lines[0]?.split('\t')[0] ?? '';
        return lines.filter((line) => line !== '').length === 1 && SHA.test(sha) ? sha : undefined;
    }
    catch {
        return undefined;
    }
}
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
/**
 * A Git over the repository at `dir` (a work tree top level or a bare repository). `gitDir`,
 * when known (a bare repository), lets a fetch's result be read from FETCH_HEAD instead of
 * asking another git process.
 */
function createGit(dir, context, gitDir) {
    const git = (args, options) => text(['-C', dir, ...args], context, options);
    // a commit's tree never changes: the fetch reads it with the tip, saving a process per attempt
    const trees = new Map();
    return {
        dir,
        async remoteUrls(remote) {
            const fetch = await git(['remote', 'get-url', '--', remote]);
            const push = await git(['remote', 'get-url', '--push', '--', remote]);
            return { fetch, push };
        },
        async isShallow() {
            return (await git(['rev-parse', '--is-shallow-repository'])) === 'true';
        },
        async defaultBranch(remote) {
            const out = await git(['ls-remote', '--symref', '--end-of-options', remote, 'HEAD']);
            return /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out)?.[1];
        },
        async fetchBranch(remote, branch, shallow) {
            const ref = `refs/remotes/${remote}/${branch}`;
            const args = ['-C', dir, 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules'];
            // no auto-maintenance (git 2.23+): one process less per attempt; the clone is thrown away
            args.push('--no-auto-gc');
            if (shallow)
                args.push('--depth=1');
            args.push('--end-of-options', remote, `+refs/heads/${branch}:${ref}`);
            const result = await exec(args, context);
            if (result.exitCode !== 0) {
                if (/couldn't find remote ref/i.test(result.output))
                    return undefined;
                throw new GitCommandError(args, result.exitCode, result.output);
            }
            const fetched = gitDir === undefined ? undefined : await fetchHead(gitDir);
            if (fetched !== undefined)
                return fetched;
            const [tip = '', tree = ''] = (await git(['rev-parse', `${ref}^{commit}`, `${ref}^{tree}`])).split('\n');
            if (tree !== '')
                trees.set(tip, tree);
            return tip;
        },
        async fetchCommit(remote, sha) {
            if (!SHA.test(sha))
                return false;
            const args = ['-C', dir, 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules'];
            args.push('--filter=blob:none', '--end-of-options', remote, sha);
            const result = await exec(args, context);
            if (result.exitCode === 0)
                return true;
            if (/not our ref|no such remote ref|couldn't find remote ref|unadvertised object/i.test(result.output))
                return false;
            throw new GitCommandError(args, result.exitCode, result.output);
        },
        async hasCommit(sha) {
            if (!SHA.test(sha))
                return false;
            const result = await exec(['-C', dir, 'cat-file', '-e', `${sha}^{commit}`], context);
            return result.exitCode === 0;
        },
        async isAncestor(ancestor, commit) {
            const args = ['-C', dir, 'merge-base', '--is-ancestor', ancestor, commit];
            const result = await exec(args, context);
            if (result.exitCode === 0)
                return true;
            if (result.exitCode === 1)
                return false;
            throw new GitCommandError(args, result.exitCode, result.output);
        },
        async listTree(commit) {
            const out = await exec(['-C', dir, 'ls-tree', '-r', '-z', '--full-tree', commit], context);
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
        },
        async readBlob(sha) {
            const args = ['-C', dir, 'cat-file', 'blob', sha];
            const out = await exec(args, context);
            if (out.exitCode !== 0)
                throw new GitCommandError(args, out.exitCode, out.output);
            // the files we edit are text (YAML, JSON): the runner hands stdout over as UTF-8
            return Buffer.from(out.stdout, 'utf8');
        },
        async treeOf(commit) {
            const known = trees.get(commit);
            if (known !== undefined)
                return known;
            const tree = await git(['rev-parse', '--verify', `${commit}^{tree}`]);
            trees.set(commit, tree);
            return tree;
        },
        async parentsOf(commit) {
            const header = (await git(['cat-file', 'commit', commit])).split('\n\n')[0] ?? '';
            return [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1] ?? '');
        },
        async writeTree(base, files) {
            const folder = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(context.tempDir, 'gitops-release-index-'));
            const env = { GIT_INDEX_FILE: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(folder, 'index') };
            try {
                await git(['read-tree', base], { env });
                const lines = [];
                for (const file of files) {
                    const sha = await git(['hash-object', '-w', '--no-filters', '--stdin'], {
                        input: file.content
                    });
                    lines.push(`${file.mode} ${sha}\t${file.path}\0`);
                }
                await git(['update-index', '-z', '--index-info'], { env, input: lines.join('') });
                return await git(['write-tree'], { env });
            }
            finally {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(folder, { recursive: true, force: true });
            }
        },
        commitTree(tree, parent, message, identity) {
            return git(['commit-tree', tree, '-p', parent], {
                input: message.endsWith('\n') ? message : `${message}\n`,
                env: {
                    GIT_AUTHOR_NAME: identity.name,
                    GIT_AUTHOR_EMAIL: identity.email,
                    GIT_COMMITTER_NAME: identity.name,
                    GIT_COMMITTER_EMAIL: identity.email
                }
            });
        },
        async commitFiles(parent, files, message, identity) {
            // fast-import needs a ref for the commit; a reset without `from` deletes it again at the end
            const ref = `refs/gitops-release/commit-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
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
            return git([...args, '--date-format=now'], { input: Buffer.concat(chunks) });
        },
        async signsCommits() {
            const result = await exec(['-C', dir, 'config', '--bool', '--get', 'commit.gpgSign'], context);
            return result.exitCode === 0 && result.stdout.trim() === 'true';
        },
        async push(remote, sha, ref, lease) {
            const args = ['-C', dir, 'push', '--porcelain', '--no-verify'];
            if (lease !== undefined)
                args.push(`--force-with-lease=${ref}:${lease}`);
            args.push('--end-of-options', remote, `${sha}:${ref}`);
            const result = await exec(args, context);
            if (result.exitCode === 0)
                return { ok: true };
            return { ok: false, output: result.output };
        }
    };
}


/***/ }),

/***/ 126:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   _j: () => (/* binding */ createGitHubApi),
/* harmony export */   ih: () => (/* binding */ RATE_LIMIT_POLICY)
/* harmony export */ });
/* unused harmony exports isRateLimited, rateLimitDelay */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4231);
/* harmony import */ var _lib_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6296);
/* harmony import */ var _lib_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8372);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1040);




/** A GitHub API call that failed; `status` is the HTTP status when there was an answer. */
class GitHubApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1 {
    status;
    kind;
    constructor(message, status, kind) {
        super(message);
        this.status = status;
        this.kind = kind;
    }
}
function statusOf(error) {
    if (typeof error !== 'object' || error === null || !('status' in error))
        return undefined;
    return typeof error.status === 'number' ? error.status : undefined;
}
function headersOf(error) {
    const response = error?.response;
    return response?.headers ?? {};
}
function header(headers, name) {
    const value = headers[name];
    return value === undefined ? undefined : String(value);
}
function kindOfStatus(status, message) {
    if (status === 401)
        return 'auth';
    if (status === 403)
        return /rule|protected/i.test(message) ? 'protected' : 'auth';
    if (status === 404)
        return 'not-found';
    if (status !== undefined && status >= 500)
        return 'unreachable';
    return (0,_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyFailure */ .XE)(message);
}
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
const DEFAULT_RATE_LIMITS = { clock: _lib_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m, policy: RATE_LIMIT_POLICY };
// One API call, retried while GitHub answers with a rate limit (also a GraphQL RATE_LIMITED
// error inside a 200, recognised by `limitedAnswer`). Other failures become a GitHubApiError.
async function call(what, fn, limits = DEFAULT_RATE_LIMITS, limitedAnswer) {
    const outcome = await (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L)(limits.policy, limits.clock, async () => {
        let value;
        try {
            value = await fn();
        }
        catch (error) {
            const status = statusOf(error);
            const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
            const headers = headersOf(error);
            if (isRateLimited(status, headers, message)) {
                const delayMs = rateLimitDelay(headers);
                return {
                    done: false,
                    reason: `HTTP ${status ?? ''} ${message}`.trim(),
                    ...(delayMs === undefined ? {} : { delayMs })
                };
            }
            throw new GitHubApiError(`${what}: ${status === undefined ? '' : `HTTP ${status} `}${message}`, status, kindOfStatus(status, message));
        }
        const headers = limitedAnswer?.(value);
        if (headers === undefined)
            return { done: true, value };
        const delayMs = rateLimitDelay(headers);
        return {
            done: false,
            reason: 'GraphQL RATE_LIMITED',
            ...(delayMs === undefined ? {} : { delayMs })
        };
    }, (n, reason, delayMs) => {
        limits.logger?.info(`${what}: GitHub's rate limit was hit (${reason}); waiting ${Math.ceil(delayMs / 1000)} s as it asks, then trying again (attempt ${n + 1}).`);
    });
    if (outcome.ok)
        return outcome.value;
    throw new GitHubApiError(`${what}: GitHub's rate limit was still in force after ${outcome.attempts} attempt(s) within ${Math.round(limits.policy.totalMs / 60_000)} minutes (${outcome.reason}). Run again later, or use a token with its own rate limit (a GitHub App installation token).`, 429, 'rate-limited');
}
const HEAD_QUERY = `query($owner: String!, $name: String!, $ref: String!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) {
      target { oid ... on Commit { tree { oid } parents(first: 1) { nodes { oid } } } }
    }
  }
}`;
const DEFAULT_BRANCH_QUERY = `query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { defaultBranchRef { name } }
}`;
const COMMIT_MUTATION = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;
/** The GitHubApi backed by Octokit from `@actions/github`; rate limits are waited out. */
function createGitHubApi(token, urls, limits = DEFAULT_RATE_LIMITS) {
    // Loaded on first use: Octokit is most of the bundle, and most runs never call the API.
    let octokit;
    const client = () => (octokit ??= Promise.all([__webpack_require__.e(/* import() */ 329).then(__webpack_require__.bind(__webpack_require__, 1329)), Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 66))]).then(([github, httpClient]) => {
        const baseUrl = urls.apiUrl.replace(/\/+$/, '');
        // @actions/github picks its proxy once, when it loads, for GITHUB_API_URL: decide it here,
        // for the API this client talks to, so HTTPS_PROXY and NO_PROXY apply to that host.
        const dispatcher = new httpClient.HttpClient().getAgentDispatcher(baseUrl);
        const proxied = (url, init) => fetch(url, { ...init, dispatcher });
        return github.getOctokit(token, { baseUrl, request: { fetch: proxied } });
    }));
    const limited = (what, fn) => call(what, fn, limits);
    async function graphql(what, query, variables) {
        const response = await call(what, async () => (await client()).request({ method: 'POST', url: urls.graphqlUrl, query, variables }), limits, (answer) => {
            const errors = answer.data?.errors ?? [];
            return errors.some((e) => e.type === 'RATE_LIMITED') ? answer.headers : undefined;
        });
        const body = response.data;
        return { data: body?.data, errors: body?.errors ?? [] };
    }
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
                    : (0,_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyFailure */ .XE)(message);
        return new GitHubApiError(`${what}: ${message}`, undefined, kind);
    }
    return {
        async defaultBranch(repository) {
            const what = `Reading the default branch of ${repository.owner}/${repository.repo}`;
            const { data, errors } = await graphql(what, DEFAULT_BRANCH_QUERY, {
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
        },
        async branchHead(repository, branch) {
            const what = `Reading branch ${branch} of ${repository.owner}/${repository.repo}`;
            const { data, errors } = await graphql(what, HEAD_QUERY, {
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
            return { oid: target.oid, treeOid: target.tree.oid, parentOid };
        },
        async listTree(repository, treeSha) {
            const { data } = await limited(`Listing tree ${treeSha}`, async () => (await client()).request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
                ...repository,
                tree_sha: treeSha,
                recursive: '1'
            }));
            if (data.truncated) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`The tree of ${repository.owner}/${repository.repo} is too large for GitHub's trees API. Use commit-mode: git.`, { input: 'commit-mode' });
            }
            return data.tree
                .filter((entry) => entry.type !== 'tree')
                .map((entry) => ({ mode: entry.mode, sha: entry.sha, path: entry.path }));
        },
        async readBlob(repository, sha) {
            const { data } = await limited(`Reading blob ${sha}`, async () => (await client()).request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
                ...repository,
                file_sha: sha
            }));
            return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
        },
        async createCommitOnBranch(repository, branch, expectedHeadOid, message, additions) {
            const [headline = '', ...rest] = message.split('\n');
            const what = `Creating a commit on branch ${branch} of ${repository.owner}/${repository.repo}`;
            let result;
            try {
                result = await graphql(what, COMMIT_MUTATION, {
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
        },
        async setBranch(repository, branch, sha) {
            const existing = await this.branchHead(repository, branch);
            await limited(`Pointing branch ${branch} at ${sha}`, async () => {
                if (existing) {
                    await (await client()).request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
                        ...repository,
                        ref: `heads/${branch}`,
                        sha,
                        force: true
                    });
                }
                else {
                    await (await client()).request('POST /repos/{owner}/{repo}/git/refs', {
                        ...repository,
                        ref: `refs/heads/${branch}`,
                        sha
                    });
                }
            });
        },
        async findOpenPull(repository, head, base) {
            const { data } = await limited(`Listing pull requests of ${repository.owner}/${repository.repo}`, async () => (await client()).request('GET /repos/{owner}/{repo}/pulls', {
                ...repository,
                state: 'open',
                head: `${repository.owner}:${head}`,
                base
            }));
            const pull = data[0];
            return pull ? { number: pull.number, url: pull.html_url } : undefined;
        },
        async createPull(repository, pull) {
            return limited(`Opening a pull request from ${pull.head} to ${pull.base}`, async () => {
                try {
                    const { data } = await (await client()).request('POST /repos/{owner}/{repo}/pulls', {
                        ...repository,
                        ...pull
                    });
                    return { number: data.number, url: data.html_url };
                }
                catch (error) {
                    if (statusOf(error) === 422 &&
                        /already exists/i.test(JSON.stringify(error.response ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)))) {
                        return 'exists';
                    }
                    throw error;
                }
            });
        },
        async updatePull(repository, number, pull) {
            const { data } = await limited(`Updating pull request #${number}`, async () => (await client()).request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
                ...repository,
                pull_number: number,
                ...pull
            }));
            return { number: data.number, url: data.html_url };
        },
        async compare(repository, base, head) {
            try {
                const { data } = await limited(`Comparing ${base}...${head}`, async () => (await client()).request('GET /repos/{owner}/{repo}/compare/{basehead}', {
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
        },
        async addLabels(repository, number, labels) {
            if (labels.length === 0)
                return;
            await limited(`Labelling pull request #${number}`, async () => (await client()).request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
                ...repository,
                issue_number: number,
                labels: [...labels]
            }));
        }
    };
}


/***/ }),

/***/ 84:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xm: () => (/* binding */ connectApi),
/* harmony export */   _x: () => (/* binding */ apiTarget),
/* harmony export */   gO: () => (/* binding */ createApiStrategy)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4231);
/* harmony import */ var _lib_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6299);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(126);
/* harmony import */ var _pull_request_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3375);
/* harmony import */ var _publish_common_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7303);
/* harmony import */ var _remote_url_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9058);
/* harmony import */ var _tree_compare_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9286);
/* harmony import */ var _tree_source_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6204);








/** The target's URL (a remote target) and its OWNER/NAME when it is on the GitHub server. */
function apiTarget(options) {
    const url = options.target.kind === 'remote'
        ? (0,_remote_url_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeRemote */ .e$)(options.target.url, options.workspace)
        : undefined;
    const repository = options.github.repository ??
        (url === undefined ? undefined : (0,_remote_url_js__WEBPACK_IMPORTED_MODULE_5__/* .repositoryFromUrl */ .kG)(url, options.github.serverUrl));
    return { ...(url === undefined ? {} : { url }), ...(repository ? { repository } : {}) };
}
/**
 * The GitHub API client for commit-mode api on `repository` (rate-limit waits on the deps'
 * clock); PublishError naming the input without a repository or a token.
 */
function connectApi(options, repository, deps) {
    if (!repository || !options.token) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1('commit-mode: api needs the target repository on the GitHub server and a token.', { input: 'commit-mode' });
    }
    const api = deps.createGitHubApi(options.token, options.github, {
        clock: deps.clock,
        policy: _github_api_js__WEBPACK_IMPORTED_MODULE_2__/* .RATE_LIMIT_POLICY */ .ih,
        logger: deps.logger
    });
    return { api, repository };
}
/**
 * The API strategy: read the tip through GraphQL, the files through the trees and blobs API,
 * and land with createCommitOnBranch, whose expectedHeadOid makes GitHub do the
 * compare-and-swap (and sign the commit). No clone, no git.
 */
function createApiStrategy(options, deps) {
    const { logger } = deps;
    const target = apiTarget(options);
    (0,_publish_common_js__WEBPACK_IMPORTED_MODULE_4__/* .checkPrerequisites */ .G$)(options, target.repository !== undefined);
    const { api, repository } = connectApi(options, target.repository, deps);
    const { url } = target;
    const label = `${repository.owner}/${repository.repo}`;
    logger.info(`commit-mode api: GitHub creates and signs the commit as the token's identity; author-name and author-email are not used.`);
    // the listing of the tip the current attempt read (the pull request check compares trees)
    let read;
    return {
        label,
        remoteUrl: (0,_remote_url_js__WEBPACK_IMPORTED_MODULE_5__/* .withoutCredentials */ .ri)(url ?? `${options.github.serverUrl.replace(/\/+$/, '')}/${label}.git`),
        onGitHub: true,
        commitUrl: (sha) => (0,_remote_url_js__WEBPACK_IMPORTED_MODULE_5__/* .commitWebUrl */ .Vh)(options.github.serverUrl, repository, sha),
        ...(options.target.kind === 'workspace' ? { workspaceRoot: options.workspace } : {}),
        readDefaultBranch: () => api.defaultBranch(repository),
        async readTip(branch) {
            const head = await api.branchHead(repository, branch);
            if (!head)
                return undefined;
            const entries = await api.listTree(repository, head.treeOid);
            read = { tip: head.oid, entries };
            const source = (0,_tree_source_js__WEBPACK_IMPORTED_MODULE_7__/* .createTreeSource */ .g)(`${label}@${branch} (${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(head.oid)})`, entries, (sha) => api.readBlob(repository, sha));
            return { oid: head.oid, source };
        },
        // a re-run: the release branch is one commit on the tip whose tree is the one we would write
        async prBranchHolds(tip, changed) {
            const prHead = await api.branchHead(repository, options.prBranch);
            if (prHead?.parentOid !== tip || read?.tip !== tip)
                return undefined;
            const writes = changed.map((edit) => ({
                path: edit.path,
                content: Buffer.from(edit.after, 'utf8')
            }));
            const same = (0,_tree_compare_js__WEBPACK_IMPORTED_MODULE_6__/* .sameTreeAfter */ .p)(read.entries, writes, await api.listTree(repository, prHead.treeOid));
            return same ? prHead.oid : undefined;
        },
        async commitAndSwap(tip, changed, ref) {
            // the pull request branch is ours: it starts again from the tip
            if (options.createPr)
                await api.setBranch(repository, ref, tip);
            const outcome = await api.createCommitOnBranch(repository, ref, tip, options.message, changed.map((edit) => ({
                path: edit.path,
                contents: Buffer.from(edit.after, 'utf8').toString('base64')
            })));
            if (outcome.ok)
                return { ok: true, sha: outcome.oid, url: outcome.url };
            return { ok: false, kind: outcome.kind, output: outcome.detail };
        },
        openPullRequest: (spec) => (0,_pull_request_js__WEBPACK_IMPORTED_MODULE_3__/* .ensurePullRequest */ .p)(api, repository, spec, logger)
    };
}


/***/ }),

/***/ 7303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G$: () => (/* binding */ checkPrerequisites),
/* harmony export */   NF: () => (/* binding */ pullRequestBody),
/* harmony export */   ie: () => (/* binding */ chooseBranch),
/* harmony export */   nJ: () => (/* binding */ editsDiff),
/* harmony export */   sR: () => (/* binding */ changedEdits)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4231);
/* harmony import */ var _edit_unified_diff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2061);


/** The edits that change content. */
function changedEdits(edits) {
    return edits.filter((edit) => edit.before !== edit.after);
}
/** Unified diff of every changed file. */
function editsDiff(edits) {
    return (0,_edit_unified_diff_js__WEBPACK_IMPORTED_MODULE_1__/* .unifiedDiff */ .W)(changedEdits(edits));
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`This run is not on a branch (GITHUB_REF is a pull request, tag or other ref, not refs/heads/...), so there is no workflow branch of ${repository} to commit to. Set the branch input to the branch that should receive the commit.`, { input: 'branch' });
        }
        logger.info(`Committing to the workflow's branch ${options.workflowBranch} of ${repository}.`);
        return options.workflowBranch;
    }
    const defaultBranch = await readDefaultBranch();
    if (defaultBranch === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`${repository} does not name a default branch (is it empty?). Set the branch input.`, { input: 'branch' });
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
/** Refuses options that cannot work, before anything is pushed; in a dry run too. */
function checkPrerequisites(options, onGitHub) {
    if (options.createPr || options.mode === 'api') {
        const what = options.mode === 'api' ? 'commit-mode: api' : 'create-pr';
        if (!onGitHub) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`${what} needs a repository on the GitHub server (${options.github.serverUrl}); the target is not one. Use commit-mode: git without create-pr, or set repository to OWNER/NAME.`, { input: options.mode === 'api' ? 'commit-mode' : 'create-pr' });
        }
        if (!options.token) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`${what} needs a token for the GitHub API; the token input is empty.`, {
                input: 'token'
            });
        }
    }
}


/***/ }),

/***/ 8557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IW: () => (/* binding */ createGitStrategy),
  u8: () => (/* binding */ gitContextFactory),
  h_: () => (/* binding */ openRepository)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(4231);
// EXTERNAL MODULE: ./src/lib/runtime.ts
var runtime = __webpack_require__(6382);
// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __webpack_require__(6299);
// EXTERNAL MODULE: ./src/publish/failure.ts
var failure = __webpack_require__(1040);
// EXTERNAL MODULE: ./src/publish/git.ts
var publish_git = __webpack_require__(7594);
// EXTERNAL MODULE: ./src/publish/remote-url.ts
var remote_url = __webpack_require__(9058);
;// CONCATENATED MODULE: ./src/publish/git-auth.ts

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
    const server = (0,remote_url/* httpOrigin */.dp)(serverUrl);
    const send = new Set();
    const withheld = new Map();
    for (const url of urls) {
        const origin = (0,remote_url/* httpOrigin */.dp)(url);
        if (origin === undefined)
            continue;
        if (origin !== server)
            withheld.set(origin, 'other-host');
        else if (origin.startsWith('http:') && !(0,remote_url/* isLoopbackHost */.cW)(new URL(origin).hostname))
            withheld.set(origin, 'plain-http');
        else
            send.add(origin);
    }
    return {
        send: [...send],
        withheld: [...withheld].map(([origin, reason]) => ({ origin, reason }))
    };
}

// EXTERNAL MODULE: ./src/publish/github-api.ts
var github_api = __webpack_require__(126);
// EXTERNAL MODULE: ./src/publish/pull-request.ts
var pull_request = __webpack_require__(3375);
// EXTERNAL MODULE: ./src/lib/git-url.ts
var git_url = __webpack_require__(4158);
// EXTERNAL MODULE: ./src/publish/tree-compare.ts
var tree_compare = __webpack_require__(9286);
// EXTERNAL MODULE: ./src/publish/tree-source.ts
var tree_source = __webpack_require__(6204);
// EXTERNAL MODULE: ./src/publish/types.ts
var types = __webpack_require__(1067);
;// CONCATENATED MODULE: ./src/publish/publish-git.ts















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
    const network = (0,publish_git/* networkEnv */.Mz)(deps.networkLimits, inherited, 
    // only an ssh remote needs to know (one git process less for http(s) and local remotes)
    urls.some(git_url/* isSshUrl */.Uu) && (await (0,publish_git/* sshCommandConfigured */.WF)(dir, bare)), start);
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
            root = await (0,publish_git/* gitTopLevel */.oB)(options.workspace, bare);
        }
        catch {
            throw new errors/* PublishError */.S1(`The workspace ${options.workspace} is not a git repository. Run actions/checkout before this step, or set repository to the GitOps repository.`, { input: 'repository' });
        }
        let urls;
        try {
            urls = await (0,publish_git/* createGit */.lD)(root, bare).remoteUrls(REMOTE);
        }
        catch {
            throw new errors/* PublishError */.S1(`The workspace repository at ${root} has no remote named origin. Check out the repository with actions/checkout, or set repository.`, { input: 'repository' });
        }
        const auth = await gitEnv([urls.fetch, urls.push], root, options, bare, deps);
        const git = (0,publish_git/* createGit */.lD)(root, context(auth.env, auth.secrets));
        return { git, root, url: urls.fetch, shallow: await git.isShallow() };
    }
    const url = (0,remote_url/* normalizeRemote */.e$)(options.target.url, options.workspace);
    if ((0,remote_url/* hasEmbeddedCredentials */.bL)(url)) {
        throw new errors/* PublishError */.S1(`The repository URL carries credentials. Remove them from the URL and pass the token in the token input.`, { input: 'repository' });
    }
    const auth = await gitEnv([url], options.tempDir, options, bare, deps);
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempDir, `${types/* TEMP_PREFIX */.M}clone-`));
    deps.runtime.saveState(runtime/* STATE_KEYS */.L.cloneDir, dir);
    try {
        const git = await (0,publish_git/* initBareRepository */.P_)(dir, url, context(auth.env, auth.secrets));
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
/**
 * The git-CLI strategy: the workspace checkout or a temporary bare clone, plumbing on a
 * temporary index (work tree and index untouched), a non-force push as the compare-and-swap.
 * `close` removes the temporary clone.
 */
async function createGitStrategy(options, deps) {
    const { logger } = deps;
    const repo = await openRepository(options, gitContextFactory(options, deps), deps);
    const { git } = repo;
    const onGitHub = (0,remote_url/* repositoryFromUrl */.kG)(repo.url, options.github.serverUrl);
    const repository = options.github.repository ?? onGitHub;
    const label = repository ? `${repository.owner}/${repository.repo}` : (0,remote_url/* withoutCredentials */.ri)(repo.url);
    const identity = { name: options.authorName, email: options.authorEmail };
    // what the current attempt read: the tip's listing and, once written, the new tree
    let read;
    let prTip;
    // the files to write over the tip, each keeping its mode there
    const treeFiles = (tip, changed) => {
        const modes = new Map((read?.tip === tip ? read.entries : []).map((e) => [e.path, e.mode]));
        return changed.map((edit) => ({
            path: edit.path,
            mode: modes.get(edit.path) ?? '100644',
            content: Buffer.from(edit.after, 'utf8')
        }));
    };
    const writeTree = async (tip, changed) => {
        if (read?.tip === tip && read.tree !== undefined)
            return read.tree;
        const tree = await git.writeTree(tip, treeFiles(tip, changed));
        if (read?.tip === tip)
            read.tree = tree;
        return tree;
    };
    let signing;
    // The commit of `changed` on `tip`, undefined when it would not change the tree. One git
    // process (fast-import) when the tip's listing is at hand and no signature is asked for;
    // otherwise a temporary index, write-tree and commit-tree (which signs).
    const commitOn = async (tip, changed) => {
        if (read?.tip === tip && read.tree === undefined && !(await (signing ??= git.signsCommits()))) {
            const files = treeFiles(tip, changed);
            if ((0,tree_compare/* sameTreeAfter */.p)(read.entries, files, read.entries))
                return undefined;
            return git.commitFiles(tip, files, options.message, identity);
        }
        const tree = await writeTree(tip, changed);
        if (tree === (await git.treeOf(tip)))
            return undefined;
        return git.commitTree(tree, tip, options.message, identity);
    };
    const strategy = {
        label,
        remoteUrl: (0,remote_url/* withoutCredentials */.ri)(repo.url),
        onGitHub: repository !== undefined,
        commitUrl: (sha) => (onGitHub ? (0,remote_url/* commitWebUrl */.Vh)(options.github.serverUrl, onGitHub, sha) : ''),
        ...(repo.root === undefined ? {} : { workspaceRoot: repo.root }),
        readDefaultBranch: async () => (await git.defaultBranch(REMOTE)) ?? '',
        async readTip(branch) {
            const tip = await git.fetchBranch(REMOTE, branch, repo.shallow);
            if (tip === undefined)
                return undefined;
            const entries = await git.listTree(tip);
            read = { tip, entries };
            const source = (0,tree_source/* createTreeSource */.g)(`${label}@${branch} (${(0,lib_text/* shortSha */.Fu)(tip)})`, entries, (sha) => git.readBlob(sha));
            return { oid: tip, source };
        },
        async prBranchHolds(tip, changed) {
            prTip = await git.fetchBranch(REMOTE, options.prBranch, repo.shallow);
            if (prTip === undefined)
                return undefined;
            const tree = await writeTree(tip, changed);
            const holds = (await git.treeOf(prTip)) === tree && (await git.parentsOf(prTip))[0] === tip;
            return holds ? prTip : undefined;
        },
        async commitAndSwap(tip, changed, ref) {
            const sha = await commitOn(tip, changed);
            if (sha === undefined)
                return { ok: 'unchanged' };
            // the pull request branch is ours to move, but only from where we saw it
            const lease = options.createPr ? (prTip ?? '') : undefined;
            const result = await git.push(REMOTE, sha, `refs/heads/${ref}`, lease);
            if (result.ok)
                return { ok: true, sha, url: '' };
            return { ok: false, kind: (0,failure/* classifyFailure */.XE)(result.output), output: result.output, sha };
        },
        ...(repository
            ? {
                openPullRequest: (spec) => (0,pull_request/* ensurePullRequest */.p)(deps.createGitHubApi(options.token ?? '', options.github, {
                    clock: deps.clock,
                    policy: github_api/* RATE_LIMIT_POLICY */.ih,
                    logger
                }), repository, spec, logger)
            }
            : {})
    };
    return {
        strategy,
        async close() {
            if (options.target.kind === 'remote')
                await (0,promises_.rm)(git.dir, { recursive: true, force: true });
        }
    };
}


/***/ }),

/***/ 5423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CLONE_STATE: () => (/* binding */ CLONE_STATE),
  TEMP_PREFIX: () => (/* reexport */ types/* TEMP_PREFIX */.M),
  cleanupPublish: () => (/* binding */ cleanupPublish),
  publish: () => (/* binding */ publish),
  resolveServices: () => (/* binding */ resolveServices)
});

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
var runtime = __webpack_require__(6382);
// EXTERNAL MODULE: ./src/publish/git.ts
var git = __webpack_require__(7594);
// EXTERNAL MODULE: ./src/publish/github-api.ts
var github_api = __webpack_require__(126);
// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __webpack_require__(6299);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(8372);
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
/** Shortest back-off window after a lost race, in ms (a local remote answers in milliseconds). */
const MIN_RACE_BACKOFF_MS = 20;
/** Shortest back-off window after a network failure or declined hook, in ms. */
const MIN_FAILURE_BACKOFF_MS = 1000;
/**
 * How often a race window doubles at most (to 32 exposure windows). Measured with bench/race
 * (16 racers, one process each, same run): a cap of 8 windows took 21–27× one run with a median
 * of 4 attempts, 32 windows 17–19× with 3.5; racers that spread wider collide less.
 */
const MAX_RACE_DOUBLINGS = 5;
/** Longest single wait, in ms. */
const MAX_BACKOFF_MS = 30_000;
/**
 * Back-off before the next attempt: full jitter over a window that doubles with each
 * consecutive loss of the same sort. After a lost race the window starts at the time the tip we
 * built on was exposed (`windowMs`: read to refused update, the shortest this run has seen:
 * racing runs inflate each other's) and grows to 32 such windows,
 * so racers spread out and mostly land one after the other; after a failure it starts at a
 * second and grows to MAX_BACKOFF_MS.
 */
function backoffDelay(kind, count, windowMs, random) {
    const start = kind === 'race'
        ? Math.max(MIN_RACE_BACKOFF_MS, windowMs)
        : Math.max(MIN_FAILURE_BACKOFF_MS, 8 * windowMs);
    // a race window stops growing at 32 exposures: each lost race means another run landed, so
    // the racers thin out by themselves, and a longer wait only leaves the branch idle
    const doublings = Math.max(0, count - 1);
    const window = Math.min(MAX_BACKOFF_MS, start * 2 ** Math.min(kind === 'race' ? MAX_RACE_DOUBLINGS : 20, doublings));
    return Math.round(random() * window);
}
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
            if (error instanceof git/* GitCommandError */.iR) {
                result = failureOutcome((0,failure/* classifyFailure */.XE)(error.output), error.output, options.context());
            }
            else if (error instanceof github_api/* GitHubApiError */.OS) {
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
            if (failures >= attempts)
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

// EXTERNAL MODULE: ./src/publish/publish-common.ts
var publish_common = __webpack_require__(7303);
// EXTERNAL MODULE: ./src/edit/write-edits.ts
var write_edits = __webpack_require__(1516);
;// CONCATENATED MODULE: ./src/publish/publish-result.ts



/** The shared fields of the result, from what settled; the default branch may be unread (dry run). */
function resultBase(settled, defaultBranch, remoteUrl) {
    return {
        before: settled.tip,
        defaultBranch: defaultBranch ?? '',
        remoteUrl,
        files: (0,publish_common/* changedEdits */.sR)(settled.edits).map((edit) => edit.path),
        edits: settled.edits,
        diff: (0,publish_common/* editsDiff */.nJ)(settled.edits)
    };
}
/** The pull request from the pull request branch to `branch`, listing the changed files. */
function pullRequestSpec(options, branch, files) {
    return {
        head: options.prBranch,
        base: branch,
        title: options.prTitle,
        body: (0,publish_common/* pullRequestBody */.NF)(options.message, files, branch),
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
        const pull = await openPullRequest(pullRequestSpec(options, branch, base.files));
        return {
            ...none,
            changed: false,
            branch: options.prBranch,
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
    if (workspaceRoot !== undefined && !options.createPr) {
        await (0,write_edits/* updateWorkTree */.f)(workspaceRoot, base.edits, logger);
    }
    const result = {
        ...base,
        changed: true,
        commitSha: commit.sha,
        commitUrl: commit.url,
        branch: target,
        prOperation: '',
        prHeadSha: ''
    };
    if (!options.createPr || !openPullRequest)
        return result;
    const pull = await openPullRequest(pullRequestSpec(options, branch, base.files));
    return {
        ...result,
        prNumber: pull.number,
        prUrl: pull.url,
        prOperation: pull.opened ? 'created' : 'updated',
        prHeadSha: commit.sha
    };
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
    (0,publish_common/* checkPrerequisites */.G$)(options, strategy.onGitHub);
    let defaultBranch;
    let branch = options.branch ?? '';
    let phase = 'reading';
    // an update whose answer was lost may still have landed: the next tip then is our commit
    let pending;
    const failureContext = () => ({ repository: label, branch, action: phase });
    const readDefaultBranch = async () => (defaultBranch ??= await strategy.readDefaultBranch());
    const attempt = async () => {
        phase = 'reading';
        if (branch === '')
            branch = await (0,publish_common/* chooseBranch */.ie)(options, readDefaultBranch, label, logger);
        // the default branch goes into Argo CD's push event; a dry run spares the round trip
        if (!options.dryRun)
            await readDefaultBranch();
        phase = 'fetching';
        const started = deps.clock.now();
        const tip = await strategy.readTip(branch);
        if (tip === undefined)
            return failureOutcome('missing-branch', '', failureContext());
        if (pending?.sha === tip.oid) {
            const { sha } = pending;
            return { done: { ...pending, url: strategy.commitUrl(sha), changed: true } };
        }
        logger.debug(`Tip of ${branch} is ${tip.oid}`);
        const edits = await compute(tip.source);
        const changed = (0,publish_common/* changedEdits */.sR)(edits);
        const none = { tip: tip.oid, sha: '', url: '', edits };
        if (changed.length === 0)
            return { done: { ...none, changed: false } };
        // a dry run writes nothing, not even an object
        if (options.dryRun)
            return { done: { ...none, changed: true } };
        if (options.createPr) {
            const prHead = await strategy.prBranchHolds(tip.oid, changed);
            if (prHead !== undefined) {
                logger.info(`${options.prBranch} already holds this change on ${branch}'s tip (${(0,lib_text/* shortSha */.Fu)(tip.oid)}); no new commit.`);
                return { done: { ...none, changed: false, onPrBranch: true, prHead } };
            }
        }
        phase = 'pushing';
        const target = options.createPr ? options.prBranch : branch;
        const outcome = await strategy.commitAndSwap(tip.oid, changed, target);
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

// EXTERNAL MODULE: ./src/publish/publish-api.ts
var publish_api = __webpack_require__(84);
// EXTERNAL MODULE: ./src/publish/publish-git.ts + 1 modules
var publish_git = __webpack_require__(8557);
// EXTERNAL MODULE: ./src/publish/types.ts
var types = __webpack_require__(1067);
;// CONCATENATED MODULE: ./src/publish/publish.ts













/** The state entry naming the temporary clone, removed by cleanupPublish. */
const CLONE_STATE = runtime/* STATE_KEYS */.L.cloneDir;
/**
 * Lands the edits as one commit on the branch, however many jobs race: each attempt reads the
 * branch tip, computes the edits against it (`deps.compute`), and swaps the branch to a commit on
 * that tip only if the tip did not move (a non-force push, or createCommitOnBranch with
 * expectedHeadOid).
 */
async function publish(options, deps) {
    const services = resolveServices(options, deps);
    const driverDeps = { compute: deps.compute, logger: deps.logger, clock: services.clock };
    if (options.mode === 'api') {
        return runCompareAndSwap((0,publish_api/* createApiStrategy */.gO)(options, services), options, driverDeps);
    }
    const git = await (0,publish_git/* createGitStrategy */.IW)(options, services);
    try {
        return await runCompareAndSwap(git.strategy, options, driverDeps);
    }
    finally {
        await git.close();
    }
}
/**
 * `deps` with the defaults filled in. Without a runner of its own, git runs from `options.env`
 * without GIT_DIR and friends, and refuses any command line holding a secret the runtime has
 * masked, or one masked through the returned runtime (the auth header values).
 */
function resolveServices(options, deps) {
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
            setSecret: (secret) => {
                if (secret !== '')
                    derived.add(secret);
                runtime.setSecret(secret);
            },
            saveState: (key, value) => {
                runtime.saveState(key, value);
            }
        },
        runner: deps.runner ?? (0,exec.createProcessRunner)(secrets, (0,git/* gitBaseEnv */.VI)(options.env)),
        clock: deps.clock ?? clock/* systemClock */.m,
        createGitHubApi: deps.createGitHubApi ?? github_api/* createGitHubApi */._j,
        networkLimits: deps.networkLimits ?? git/* DEFAULT_NETWORK_LIMITS */.i2
    };
}
/**
 * Post step. Credentials never reach a file (they live in the environment of our git
 * processes only), so the one thing to clean is a temporary clone a cancelled run left behind.
 */
async function cleanupPublish(logger, runtime) {
    const dir = runtime.getState(CLONE_STATE);
    if (dir === '' || !(0,external_node_path_.basename)(dir).startsWith(types/* TEMP_PREFIX */.M) || !(0,external_node_fs_.existsSync)(dir))
        return;
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    logger.debug(`Removed the temporary clone ${dir}`);
}


/***/ }),

/***/ 3375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ ensurePullRequest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4231);

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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`GitHub says a pull request from ${spec.head} already exists in ${repository.owner}/${repository.repo}, but none is open against ${spec.base}. Close it or choose another branch.`, { input: 'create-pr' });
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


/***/ }),

/***/ 9058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vh: () => (/* binding */ commitWebUrl),
/* harmony export */   bL: () => (/* binding */ hasEmbeddedCredentials),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   dp: () => (/* binding */ httpOrigin),
/* harmony export */   e$: () => (/* binding */ normalizeRemote),
/* harmony export */   kG: () => (/* binding */ repositoryFromUrl),
/* harmony export */   ri: () => (/* binding */ withoutCredentials)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lib_git_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4158);



function parseHttpUrl(url) {
    if (!(0,_lib_git_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isHttpUrl */ .q$)(url))
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
/** True for a loopback host name as a URL spells it: 127.0.0.0/8, [::1], localhost. */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    return (host === 'localhost' ||
        host === '[::1]' ||
        host === '::1' ||
        /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host));
}
/** A git URL for a remote given as a URL or a path (relative paths resolve against `base`). */
function normalizeRemote(url, base) {
    if ((0,_lib_git_url_js__WEBPACK_IMPORTED_MODULE_2__/* .hasScheme */ .EV)(url) || (0,_lib_git_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isScpLike */ .ij)(url))
        return url;
    return (0,node_url__WEBPACK_IMPORTED_MODULE_1__.pathToFileURL)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(base, url)).toString();
}
/** OWNER/NAME of a remote URL on the given GitHub server, undefined for any other host. */
function repositoryFromUrl(url, serverUrl) {
    const parsed = parseHttpUrl(url);
    const server = parseHttpUrl(serverUrl);
    if (!parsed || server?.host.toLowerCase() !== parsed.host.toLowerCase())
        return undefined;
    const serverPath = server.pathname.replace(/\/+$/, '');
    if (!parsed.pathname.startsWith(`${serverPath}/`))
        return undefined;
    const path = parsed.pathname.slice(serverPath.length + 1);
    return (0,_lib_git_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseOwnerName */ .S2)(path.replace(/\/$/, '').replace(/\.git$/, ''));
}
/** Web URL of a commit on a GitHub server. */
function commitWebUrl(serverUrl, repository, sha) {
    return `${serverUrl.replace(/\/+$/, '')}/${repository.owner}/${repository.repo}/commit/${sha}`;
}


/***/ }),

/***/ 9286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ sameTreeAfter)
/* harmony export */ });
/* unused harmony export gitBlobSha */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** The object id git gives a blob with these bytes (SHA-1, as on GitHub). */
function gitBlobSha(content) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
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


/***/ }),

/***/ 6204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ createTreeSource)
/* harmony export */ });
/* unused harmony export checkRepositoryPath */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4231);

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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EditError */ .F(`File path ${JSON.stringify(path)} is not a plain path inside the repository (expected a relative path such as helm/values.yaml, without "..", "." or ".git").`, { file: path });
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EditError */ .F(`${prefix} is a symbolic link in ${description}; symbolic links are not followed (they could lead outside the repository). Point the input at the real file.`, { file: path });
            }
            if (!REGULAR_FILE.test(entry.mode)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EditError */ .F(`${prefix} is a submodule in ${description}, not a file.`, {
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
