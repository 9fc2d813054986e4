import { runTests } from '../src/runners/index.ts'
import { streamLogger } from '../src/ports/log.ts'
const [repo, out, ...files] = process.argv.slice(2)
const t = Date.now()
const report = await runTests({ repoDir: repo, files: files.length ? files : undefined, timeoutMs: 600000, retries: 0, log: streamLogger(), coverageDir: out })
console.log(JSON.stringify(report.totals), JSON.stringify(report.coverageMap), Date.now() - t, 'ms')
for (const f of report.files.slice(0, 3)) console.log(f.file, f.status, (f.output ?? '').slice(0, 300))
