export const id = 65;
export const ids = [65];
export const modules = {

/***/ 66065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fixCommand: () => (/* binding */ fixCommand)
/* harmony export */ });
/* harmony import */ var _fix_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83359);

/** `fix`: run the selected tests, and fix what fails with the LLM agent (see docs/fixer.md). */
const fixCommand = async (context) => (await (0,_fix_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runFix */ .h)(context)).result;


/***/ })

};
