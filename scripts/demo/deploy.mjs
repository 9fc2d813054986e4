#!/usr/bin/env node
/** `node scripts/demo/deploy.mjs URL VERSION`: deploys VERSION to the demo's deploy target (the rollback command). */
const [url, version] = process.argv.slice(2)
if (!url || !version) {
  console.error('usage: node scripts/demo/deploy.mjs URL VERSION')
  process.exit(2)
}
const response = await fetch(`${url}/admin/deploy?version=${encodeURIComponent(version)}`, { method: 'POST' })
const text = await response.text()
console.log(`deploy ${version}: ${response.status} ${text}`)
process.exit(response.ok ? 0 : 1)
