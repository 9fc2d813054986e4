export const id = 651;
export const ids = [651];
export const modules = {

/***/ 7651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   generateCommand: () => (/* binding */ generateCommand)
/* harmony export */ });
/* harmony import */ var _generate_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80113);

/** `generate`: write the tests a change is missing and keep only those that prove their worth (see docs/generate.md). */
const generateCommand = async (context) => (await (0,_generate_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runGenerate */ .H)(context)).result;


/***/ })

};
