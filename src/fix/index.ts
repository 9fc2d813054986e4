export {
  fixFailingTests,
  type AttemptReport,
  type FixCandidate,
  type FixOptions,
  type FixOutcome,
  type FixSettings
} from './fixer.js'
export {
  compactStack,
  excerpt,
  failingTests,
  framesIn,
  suspects,
  type FailingTest,
  type Suspect
} from './localize.js'
export {
  buildFixPrompt,
  fixSystemPrompt,
  reachedSymbols,
  type FixPrompt,
  type FixPromptInput
} from './prompt.js'
export { runFix, pathDenyList, type FixInputs, type FixRunResult } from './run.js'
export { auditDigest, fixSummary, type FixStatus } from './summary.js'
export { summarizeReport, validateFix, type RunTestFiles, type ValidationResult } from './validate.js'
