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
/** The program, or what every question is answered with when there is none. */
const opened = ((): TypeCheckProgram | Omit<TypeCheckAnswer, 'id'> => {
  try {
    const program = TypeCheckProgram.open(repoDir, roots, tsconfig)
    return typeof program === 'string' ? { why: program } : program
  } catch (error) {
    return { failed: message(error) }
  }
})()

parentPort?.on('message', ({ id, step, files, bases }: TypeCheckQuestion) => {
  const answer = (rest: Omit<TypeCheckAnswer, 'id'>): void => parentPort?.postMessage({ id, ...rest })
  if (!(opened instanceof TypeCheckProgram)) return answer(opened)
  try {
    const errors = [...opened.errorsIn(files)]
    if (step === 'more') return answer({ errors })
    answer({ errors, surfaced: opened.surfaced(files, new Map(bases)) })
  } catch (error) {
    answer({ failed: message(error) })
  }
})
