export const id = 591;
export const ids = [591];
export const modules = {

/***/ 1591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createDescendantCheck: () => (/* binding */ createDescendantCheck)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4231);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(126);
/* harmony import */ var _publish_git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8557);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5063);
/* harmony import */ var _remote_url_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9058);






const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/**
 * The check for the repository and commit mode of `options` (the same as the publish): in git
 * mode `git merge-base --is-ancestor`, fetching a commit that is not present yet (without file
 * contents, bounded by the same network limits as the publish); in api mode GitHub's compare API
 * (identical or ahead means yes).
 */
async function createDescendantCheck(options, logger, partialDeps = {}) {
    const deps = (0,_publish_js__WEBPACK_IMPORTED_MODULE_4__/* .resolvePublishDeps */ .Wc)(partialDeps);
    if (options.token)
        deps.setSecret(options.token);
    if (options.mode === 'api') {
        const url = options.target.kind === 'remote'
            ? (0,_remote_url_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeRemote */ .e$)(options.target.url, options.workspace)
            : undefined;
        const repository = options.github.repository ??
            (url === undefined ? undefined : (0,_remote_url_js__WEBPACK_IMPORTED_MODULE_5__/* .repositoryFromUrl */ .kG)(url, options.github.serverUrl));
        if (!repository || !options.token) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1('commit-mode: api needs the target repository on the GitHub server and a token.', { input: 'commit-mode' });
        }
        const api = deps.createGitHubApi(options.token, options.github, {
            clock: deps.clock,
            policy: _github_api_js__WEBPACK_IMPORTED_MODULE_2__/* .RATE_LIMIT_POLICY */ .ih,
            logger
        });
        return {
            async isDescendant(ancestor, commit) {
                if (!SHA.test(ancestor) || !SHA.test(commit))
                    return false;
                const status = await api.compare(repository, ancestor, commit);
                return status === 'identical' || status === 'ahead';
            },
            close: () => Promise.resolve()
        };
    }
    const repo = await (0,_publish_git_js__WEBPACK_IMPORTED_MODULE_3__/* .openRepository */ .h_)(options, (0,_publish_git_js__WEBPACK_IMPORTED_MODULE_3__/* .gitContextFactory */ .u8)(options, logger, deps), deps);
    const present = async (sha) => (await repo.git.hasCommit(sha)) || (await repo.git.fetchCommit('origin', sha));
    return {
        async isDescendant(ancestor, commit) {
            if (!SHA.test(ancestor) || !SHA.test(commit))
                return false;
            if (ancestor === commit)
                return true;
            if (!(await present(commit)) || !(await present(ancestor)))
                return false;
            return repo.git.isAncestor(ancestor, commit);
        },
        async close() {
            if (options.target.kind === 'remote')
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(repo.git.dir, { recursive: true, force: true });
        }
    };
}


/***/ })

};
