export const id = 74;
export const ids = [74];
export const modules = {

/***/ 9074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkBuildContexts: () => (/* binding */ checkBuildContexts)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3931);



async function kindOf(path) {
    try {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path);
        if (info.isDirectory())
            return 'folder';
        return info.isFile() ? 'file' : 'other';
    }
    catch {
        return 'missing';
    }
}
/**
 * Preflight before any build: every image's context folder and Dockerfile exist. Throws an
 * `InputError` for the first image (in input order) that lacks one, naming the `images` line.
 */
async function checkBuildContexts(options) {
    const inWorkspace = (path) => ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.workspace, path));
    for (const image of options.images) {
        const location = { input: 'images', line: image.line };
        const context = inWorkspace(image.context);
        const contextKind = await kindOf(context);
        if (contextKind !== 'folder') {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`images (line ${image.line}): the build context '${image.context}' of image '${image.name}' ` +
                `${contextKind === 'missing' ? 'does not exist' : 'is not a folder'}; expected a folder ` +
                `relative to the workspace (write NAME=CONTEXT or the 'context' key to choose another one).`, location);
        }
        const dockerfile = image.dockerfile ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(image.context, 'Dockerfile');
        const dockerfileKind = await kindOf(inWorkspace(dockerfile));
        if (dockerfileKind !== 'file') {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`images (line ${image.line}): the Dockerfile '${dockerfile}' of image '${image.name}' ` +
                `${dockerfileKind === 'missing' ? 'does not exist' : 'is not a file'}; ` +
                `expected a file relative to the workspace (set the 'dockerfile' key to choose another one).`, location);
        }
    }
}


/***/ })

};
