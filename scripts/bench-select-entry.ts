// What the selection bench times, bundled by ncc the way the action ships (scripts/bench-select.mjs).
export { buildRepositoryGraph, selectTests } from '../src/select/index.js'
export { ScanCache } from '../src/select/scan-cache.js'
export { Git } from '../src/ports/git.js'
export { streamLogger } from '../src/ports/log.js'
