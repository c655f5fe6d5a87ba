export const id = 484;
export const ids = [484];
export const modules = {

/***/ 3484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   measureSoak: () => (/* binding */ measureSoak)
/* harmony export */ });
/* harmony import */ var _soak_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9531);

/**
 * Measures the soak of a promotion from the source apps' Application objects (as the gate
 * returned them): asks `holdsCandidate` about every revision of their `status.history`, then
 * evaluates (see evaluateSoak) and says how long the source has run the candidate and what
 * remains.
 */
async function measureSoak(options, deps) {
    const histories = options.applications.map((app) => (0,_soak_js__WEBPACK_IMPORTED_MODULE_0__/* .readHistory */ .Lu)(app.application));
    const holds = new Map();
    for (const revision of (0,_soak_js__WEBPACK_IMPORTED_MODULE_0__/* .historyRevisions */ .ZJ)(histories)) {
        holds.set(revision, await deps.holdsCandidate(revision));
    }
    const result = (0,_soak_js__WEBPACK_IMPORTED_MODULE_0__/* .evaluateSoak */ .ET)({
        histories,
        holds,
        soakSeconds: options.soakSeconds,
        nowMs: deps.nowMs()
    });
    deps.logger.info(`Soak: '${options.environment}' has run the candidate for ${(0,_soak_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(result.runningSeconds)} ` +
        `of ${(0,_soak_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(options.soakSeconds)}` +
        (result.remainingSeconds > 0 ? `; ${(0,_soak_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(result.remainingSeconds)} remain.` : '.'));
    return result;
}


/***/ })

};
