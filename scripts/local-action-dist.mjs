// Entry point for GitHub's local runner: `npx local-action run . scripts/local-action-dist.mjs .env`.
// local-action imports an entry point and calls the run() it exports; the bundle (dist/index.js)
// runs itself when imported, so run() imports it. The bundle carries its own @actions/core, which
// local-action's toolkit stubs cannot replace: outputs go to the GITHUB_OUTPUT file, as on a runner.
export async function run() {
  await import('../dist/index.js')
}
