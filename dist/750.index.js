export const id = 750;
export const ids = [750];
export const modules = {

/***/ 6750:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _lib_runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6382);

// action.yml points `main` and `post` at one bundle; saved state tells them apart. Each imports
// only its own modules, so the main step does not load the post step's docker and git cleanup.
const runtime = (0,_lib_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .createCoreRuntime */ .C)();
if (runtime.getState(_lib_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE_KEYS */ .L.isPost) === 'true') {
    const { run } = await Promise.all(/* import() */[__webpack_require__.e(268), __webpack_require__.e(485), __webpack_require__.e(550)]).then(__webpack_require__.bind(__webpack_require__, 4550));
    await run(runtime);
}
else {
    runtime.saveState(_lib_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE_KEYS */ .L.isPost, 'true');
    const { coreRunDeps, run } = await Promise.all(/* import() */[__webpack_require__.e(483), __webpack_require__.e(485), __webpack_require__.e(525)]).then(__webpack_require__.bind(__webpack_require__, 7525));
    await run(coreRunDeps(runtime));
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ createCoreRuntime),
/* harmony export */   L: () => (/* binding */ STATE_KEYS)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(692);

/** Every main→post state key, in one place so the two steps cannot disagree. */
const STATE_KEYS = {
    /** Set by the main step; the post step runs only its clean-up when it sees it. */
    isPost: 'isPost',
    /** Registries logged in to, JSON array, logged out of in the post step. */
    registryLogins: 'docker-logout',
    /** Temporary clone folder of the GitOps repository, removed in the post step. */
    cloneDir: 'publish-clone-dir'
};
/** The runtime backed by `@actions/core`. */
function createCoreRuntime() {
    const secrets = new Set();
    return {
        getInput: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name),
        setSecret: (secret) => {
            if (secret === '')
                return;
            secrets.add(secret);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
        },
        secrets,
        saveState: (key, value) => {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(key, value);
        },
        getState: (key) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(key),
        setOutput: (name, value) => {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
        },
        writeSummary: async (markdown) => {
            // GITHUB_STEP_SUMMARY is unset under some local runners; the summary is then skipped.
            if ((process.env.GITHUB_STEP_SUMMARY ?? '') === '')
                return;
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
        }
    };
}


/***/ })

};
