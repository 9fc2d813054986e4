export { applyEdits, applySearchReplace, nearestCandidates, parseEditBlocks, stripFences } from './edits.js'
export type { EditCandidate, EditResult, EditsResult, MatchStrategy, SearchReplace } from './edits.js'
export { unifiedPatch, patchSize, type FileChange } from './diff.js'
export { runAgent, fitToBudget, countRequest, parseArguments } from './loop.js'
export type {
  AgentBudgets,
  AgentModel,
  AgentOutcome,
  AgentResult,
  AgentRunOptions,
  FinishHandler
} from './loop.js'
export { cleanPath, DEFAULT_TEST_GLOBS, LOCKFILES, PathPolicy, PathPolicyError } from './paths.js'
export type { PathPolicyOptions, ResolvedPath } from './paths.js'
export { checkSyntax, describeSyntaxProblems, type SyntaxCheck, type SyntaxProblem } from './syntax.js'
export { measureTestStrength, testWeakening, type TestStrength } from './test-guard.js'
export * from './tools.js'
export { Workspace } from './workspace.js'
