import { basename } from 'node:path'
import { Git } from '../ports/git.js'

export interface Suspect {
  sha: string
  subject: string
  author: string
  files: string[]
  additions: number
  deletions: number
  score: number
  reasons: string[]
}

export interface SuspectClues {
  /** Paths of failing HTTP probes (`/api/orders`). */
  failingPaths: string[]
  /** Text that may hold stack traces: probe answers, logs. */
  evidence: string[]
}

const RISKS: Array<{ label: string; weight: number; test: RegExp }> = [
  { label: 'database migration', weight: 4, test: /(^|\/)(migrations?|migrate|db\/schema)(\/|\.)|\.sql$/i },
  {
    label: 'dependency change',
    weight: 3,
    test: /(^|\/)(package(-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|go\.(mod|sum)|requirements[^/]*\.txt|poetry\.lock|Pipfile(\.lock)?|Cargo\.(toml|lock)|Gemfile(\.lock)?|pom\.xml|build\.gradle(\.kts)?)$/
  },
  {
    label: 'configuration change',
    weight: 3,
    test: /(^|\/)(\.env[^/]*|config\/[^/]+|[^/]*\.(ya?ml|toml|ini|conf|properties)|Dockerfile[^/]*|docker-compose[^/]*|helm\/.*|k8s\/.*|terraform\/.*|[^/]*\.tf)$/i
  }
]

/** Source files named in stack traces (Node, Python, Go, Java style). */
export function filesInStackTraces(text: string): string[] {
  const found = new Set<string>()
  const patterns = [
    /\(?((?:[\w.@-]+\/)*[\w.@-]+\.(?:[cm]?[jt]sx?|py|go|rb|java|kt|rs|php|cs)):\d+(?::\d+)?\)?/g,
    /File "([^"]+)", line \d+/g
  ]
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const file = (match[1] as string).replace(/^file:\/\//, '')
      if (
        !file.includes('node_modules') &&
        !file.startsWith('node:') &&
        !/site-packages|\/usr\/lib/.test(file)
      )
        found.add(file)
    }
  }
  return [...found]
}

/** Words of a URL path worth matching against file names: `/api/v2/orders/42` → orders. */
export function pathWords(path: string): string[] {
  const stop = new Set([
    'api',
    'v1',
    'v2',
    'v3',
    'health',
    'healthz',
    'status',
    'ready',
    'readyz',
    'livez',
    'index',
    'www'
  ])
  return [
    ...new Set(
      path
        .toLowerCase()
        .split(/[/?&=.#_-]+/)
        .filter(w => w.length >= 3 && !/^\d+$/.test(w) && !stop.has(w))
    )
  ]
}

interface RawCommit {
  sha: string
  author: string
  subject: string
  files: Array<{ path: string; additions: number; deletions: number }>
}

async function commitsBetween(git: Git, good: string, bad: string): Promise<RawCommit[]> {
  const out = await git.run([
    'log',
    '--no-merges',
    '--format=%x1e%H%x1f%an%x1f%s',
    '--numstat',
    '--no-renames',
    `${good}..${bad}`
  ])
  const commits: RawCommit[] = []
  for (const block of out.split('\x1e').filter(b => b.trim())) {
    const [header, ...lines] = block.split('\n')
    const [sha, author, subject] = (header ?? '').split('\x1f')
    const files = lines
      .map(l => /^(\d+|-)\t(\d+|-)\t(.+)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(m => ({ path: m[3] as string, additions: Number(m[1]) || 0, deletions: Number(m[2]) || 0 }))
    commits.push({ sha: sha as string, author: author ?? '', subject: subject ?? '', files })
  }
  return commits
}

/**
 * The commits between the last good deployment and this one, most suspect first, each with its reasons:
 * files named in stack traces, files whose names match the failing endpoint, size, and risk signals
 * (migrations, dependencies, configuration). Needs both commits in the local repository; fetches the
 * good one when it is missing (shallow checkouts).
 */
export async function rankSuspects(
  repoDir: string,
  good: string,
  bad: string,
  clues: SuspectClues
): Promise<Suspect[]> {
  const git = new Git(repoDir)
  for (const sha of [good, bad]) {
    if (!(await git.resolveCommit(sha))) await git.tryRun(['fetch', '--no-tags', '--quiet', 'origin', sha])
  }
  if ((await git.tryRun(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true') {
    await git.tryRun(['fetch', '--no-tags', '--quiet', '--shallow-exclude', good, 'origin', bad])
  }
  const commits = await commitsBetween(git, good, bad)
  const traced = filesInStackTraces(clues.evidence.join('\n'))
  const words = [...new Set(clues.failingPaths.flatMap(pathWords))]
  const total =
    commits.reduce((sum, c) => sum + c.files.reduce((s, f) => s + f.additions + f.deletions, 0), 0) || 1

  const suspects = commits.map((commit): Suspect => {
    const reasons: string[] = []
    let score = 0
    const paths = commit.files.map(f => f.path)
    const inTrace = paths.filter(p =>
      traced.some(t => t === p || t.endsWith(`/${p}`) || p.endsWith(`/${t}`) || basename(t) === basename(p))
    )
    if (inTrace.length) {
      score += 10
      reasons.push(`touches ${inTrace.slice(0, 3).join(', ')}, named in a stack trace`)
    }
    const nearEndpoint = paths.filter(p => words.some(w => p.toLowerCase().includes(w)))
    if (nearEndpoint.length) {
      score += 5
      reasons.push(`touches ${nearEndpoint.slice(0, 3).join(', ')}, near the failing endpoint`)
    }
    for (const risk of RISKS) {
      const hits = paths.filter(p => risk.test.test(p))
      if (hits.length) {
        score += risk.weight
        reasons.push(`${risk.label} (${hits.slice(0, 2).join(', ')})`)
      }
    }
    const size = commit.files.reduce((s, f) => s + f.additions + f.deletions, 0)
    const share = size / total
    score += Math.min(3, share * 4)
    if (commits.length > 1 && share >= 0.5)
      reasons.push(`largest change (${size} lines, ${Math.round(share * 100)}% of the range)`)
    else reasons.push(`${size} changed lines in ${paths.length} file(s)`)
    return {
      sha: commit.sha,
      subject: commit.subject,
      author: commit.author,
      files: paths,
      additions: commit.files.reduce((s, f) => s + f.additions, 0),
      deletions: commit.files.reduce((s, f) => s + f.deletions, 0),
      score: Math.round(score * 10) / 10,
      reasons
    }
  })
  // git log lists newest first: on equal scores the newest commit stays first.
  return suspects
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.score - a.s.score || a.i - b.i)
    .map(x => x.s)
}
