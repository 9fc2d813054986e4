// The worker threads the selection starts (src/select/<name>.ts), each bundled into a folder of
// its name beside the bundle that starts it (bundledWorker in src/select/workers.ts finds it
// there): by scripts/build.mjs for dist/, and by scripts/bench-select.mjs for what it times.
export const WORKERS = ['syntax-worker', 'typecheck-worker']
