export const id = 416;
export const ids = [416];
export const modules = {

/***/ 8416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openRevisionReader: () => (/* binding */ openRevisionReader)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4231);
/* harmony import */ var _lib_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6299);
/* harmony import */ var _publish_publish_api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(84);
/* harmony import */ var _publish_publish_git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8557);
/* harmony import */ var _publish_publish_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5423);
/* harmony import */ var _publish_tree_source_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6204);







const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
/**
 * The reader for the repository and commit mode of `options`: in git mode the commit is fetched
 * without file contents (git fetches the blobs read, on demand) and read as a tree source; in
 * api mode through GitHub's trees and blobs API. Symbolic links and submodules are refused as
 * the publish stage refuses them.
 */
async function openRevisionReader(options, services) {
    const deps = (0,_publish_publish_js__WEBPACK_IMPORTED_MODULE_5__.resolveServices)(options, services);
    const unknown = (revision) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1(`The commit ${revision} is not in the GitOps repository.`, {
        input: 'environments'
    });
    if (options.mode === 'api') {
        const { api, repository } = (0,_publish_publish_api_js__WEBPACK_IMPORTED_MODULE_3__/* .connectApi */ .Xm)(options, (0,_publish_publish_api_js__WEBPACK_IMPORTED_MODULE_3__/* .apiTarget */ ._x)(options).repository, deps);
        return {
            async sourceAt(revision) {
                if (!SHA.test(revision))
                    throw unknown(revision);
                // The trees API takes a commit SHA as well and answers with that commit's tree.
                const entries = await api.listTree(repository, revision);
                return (0,_publish_tree_source_js__WEBPACK_IMPORTED_MODULE_6__/* .createTreeSource */ .g)(`${repository.owner}/${repository.repo}@${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_2__/* .shortSha */ .Fu)(revision)}`, entries, (sha) => api.readBlob(repository, sha));
            },
            close: () => Promise.resolve()
        };
    }
    const repo = await (0,_publish_publish_git_js__WEBPACK_IMPORTED_MODULE_4__/* .openRepository */ .h_)(options, (0,_publish_publish_git_js__WEBPACK_IMPORTED_MODULE_4__/* .gitContextFactory */ .u8)(options, deps), deps);
    return {
        async sourceAt(revision) {
            const sha = revision.toLowerCase();
            if (!SHA.test(sha))
                throw unknown(revision);
            if (!(await repo.git.hasCommit(sha)) && !(await repo.git.fetchCommit('origin', sha))) {
                throw unknown(revision);
            }
            const entries = await repo.git.listTree(sha);
            return (0,_publish_tree_source_js__WEBPACK_IMPORTED_MODULE_6__/* .createTreeSource */ .g)(`the GitOps repository at ${(0,_lib_text_js__WEBPACK_IMPORTED_MODULE_2__/* .shortSha */ .Fu)(sha)}`, entries, (blob) => repo.git.readBlob(blob));
        },
        async close() {
            if (options.target.kind === 'remote')
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(repo.git.dir, { recursive: true, force: true });
        }
    };
}


/***/ })

};
