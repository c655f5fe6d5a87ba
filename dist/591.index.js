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
/* harmony import */ var _publish_api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84);
/* harmony import */ var _publish_git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8557);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5423);




const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/**
 * The check for the repository and commit mode of `options` (the same as the publish): in git
 * mode `git merge-base --is-ancestor`, fetching a commit that is not present yet (without file
 * contents, bounded by the same network limits as the publish); in api mode GitHub's compare API
 * (identical or ahead means yes).
 */
async function createDescendantCheck(options, services) {
    const deps = (0,_publish_js__WEBPACK_IMPORTED_MODULE_3__.resolveServices)(options, services);
    if (options.token)
        deps.runtime.setSecret(options.token);
    if (options.mode === 'api') {
        const { api, repository } = (0,_publish_api_js__WEBPACK_IMPORTED_MODULE_1__/* .connectApi */ .Xm)(options, (0,_publish_api_js__WEBPACK_IMPORTED_MODULE_1__/* .apiTarget */ ._x)(options).repository, deps);
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
    const repo = await (0,_publish_git_js__WEBPACK_IMPORTED_MODULE_2__/* .openRepository */ .h_)(options, (0,_publish_git_js__WEBPACK_IMPORTED_MODULE_2__/* .gitContextFactory */ .u8)(options, deps), deps);
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
