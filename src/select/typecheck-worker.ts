// The type-check worker (bundled apart by scripts/build.mjs, started by TypeCheckJob in
// typecheck.ts): makes the program of the changed files as soon as it starts, then answers the
// checks asked of it.
import { parentPort, workerData } from 'node:worker_threads'
import {
  TypeCheckProgram,
  type TypeCheckAnswer,
  type TypeCheckQuestion,
  type TypeCheckStart
} from './typecheck.js'

const { repoDir, roots, tsconfig } = workerData as TypeCheckStart
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))
let program: TypeCheckProgram | string
let failed: string | undefined
try {
  program = TypeCheckProgram.open(repoDir, roots, tsconfig)
} catch (error) {
  program = ''
  failed = message(error)
}

parentPort?.on('message', ({ id, step, files, bases }: TypeCheckQuestion) => {
  const answer = (rest: Omit<TypeCheckAnswer, 'id'>): void => parentPort?.postMessage({ id, ...rest })
  if (failed !== undefined) return answer({ failed })
  if (typeof program === 'string') return answer({ why: program })
  try {
    const errors = [...program.errorsIn(files)]
    if (step === 'more') return answer({ errors })
    answer({ errors, surfaced: program.surfaced(files, new Map(bases)) })
  } catch (error) {
    answer({ failed: message(error) })
  }
})
