export const id = 953;
export const ids = [953,737];
export const modules = {

/***/ 7953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createDocker: () => (/* binding */ createDocker)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3931);
/* harmony import */ var _lib_exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1737);


/**
 * The real docker CLI, run through the action's one process runner (which refuses a command
 * line holding a secret: the registry password only ever travels on stdin). `env` is added to
 * every call, e.g. `DOCKER_HOST` or `DOCKER_CONFIG`; the rest is the runner's environment.
 */
function createDocker(runner, env = {}, command = 'docker') {
    return {
        run: async (args, options = {}) => {
            try {
                return await runner.run(command, args, {
                    env: { ...env, ...options.env },
                    ...(options.input === undefined ? {} : { input: options.input }),
                    ...(options.onLine === undefined ? {} : { onLine: options.onLine })
                });
            }
            catch (error) {
                if (error instanceof _lib_exec_js__WEBPACK_IMPORTED_MODULE_1__.ProgramNotFoundError) {
                    throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`The docker CLI ('${command}') could not be run (${error.message}); install Docker on the runner.`);
                }
                throw error;
            }
        }
    };
}


/***/ }),

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


/***/ })

};
