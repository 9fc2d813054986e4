// Types for scripts/select-gen.mjs (used by the selection tests, benchmark and evaluation).
export interface GeneratedFunction {
  name: string
  mod: GeneratedModule
  constant: number
  deps: GeneratedFunction[]
  usesTable?: boolean
}
export interface GeneratedModule {
  index: number
  layer: number
  folder: string
  name: string
  path: string
  fns: GeneratedFunction[]
  cls?: { name: string; factor: number }
  table?: { name: string; base: number }
}
export interface GeneratedTest {
  path: string
  fns: GeneratedFunction[]
  cls?: string
  clsMod?: GeneratedModule
  /** The method the test calls on its class (shift calls scale). */
  clsMethod?: 'scale' | 'shift' | 'label'
  fixture?: string
}
export interface GeneratedProject {
  mods: GeneratedModule[]
  fns: GeneratedFunction[]
  tests: GeneratedTest[]
  files: string[]
  value(fn: GeneratedFunction, x: number): number
}
export interface Mutation {
  kind: 'semantic' | 'cosmetic'
  label: string
  apply(dir: string): string[]
}
export function rng(seed: number): () => number
export function generateProject(
  dir: string,
  options?: {
    modules?: number
    tests?: number
    layers?: number
    perFolder?: number
    seed?: number
    nodeModules?: string
  }
): GeneratedProject
export function mutations(model: GeneratedProject, seed?: number): Mutation[]
