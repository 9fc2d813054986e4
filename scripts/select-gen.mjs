// Generates a TypeScript project with a realistic import graph for the selection evaluation and
// benchmark: layered modules with named, namespace, barrel and path-alias imports, classes, a few
// module-level tables, JSON fixtures read at run time, and jest tests whose expected values are
// computed here, so that a seeded mutation makes exactly the dependent tests fail.
import { mkdirSync, readFileSync, writeFileSync, existsSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** A small deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const MOD = 997
const CLASS_METHODS = ['scale', 'shift', 'label']

/**
 * options: { modules, tests, layers, perFolder, seed, nodeModules (path to symlink) }
 * Returns the model: functions with their values, and file paths.
 */
export function generateProject(dir, options = {}) {
  const { modules = 60, tests = 24, layers = 4, perFolder = 12, seed = 1, nodeModules } = options
  const random = rng(seed)
  const pick = list => list[Math.floor(random() * list.length)]
  const files = new Map()
  const mods = []
  for (let i = 0; i < modules; i++) {
    const layer = Math.min(layers - 1, Math.floor((i / modules) * layers))
    const folder = `src/l${layer}/g${Math.floor(i / perFolder)}`
    mods.push({
      index: i,
      layer,
      folder,
      name: `m${i}`,
      path: `${folder}/m${i}.ts`,
      fns: [],
      cls: undefined,
      table: undefined
    })
  }
  const fns = []
  for (const mod of mods) {
    const count = 2 + Math.floor(random() * 3)
    for (let k = 0; k < count; k++) {
      const fn = { name: `f${mod.index}_${k}`, mod, constant: 1 + Math.floor(random() * 50), deps: [] }
      mod.fns.push(fn)
      fns.push(fn)
    }
    if (random() < 0.3) mod.cls = { name: `C${mod.index}`, factor: 2 + Math.floor(random() * 7) }
    if (random() < 0.15) mod.table = { name: `T${mod.index}`, base: Math.floor(random() * 90) }
  }
  // Dependencies point to lower layers (no cycles).
  // fns are in module order and layers only grow, so a layer's lower layers are a prefix.
  const layerStart = new Map()
  fns.forEach((fn, i) => {
    if (!layerStart.has(fn.mod.layer)) layerStart.set(fn.mod.layer, i)
  })
  for (const fn of fns) {
    const lowerCount = layerStart.get(fn.mod.layer)
    const n = lowerCount ? Math.floor(random() * 3) : 0
    for (let d = 0; d < n; d++) {
      const dep = fns[Math.floor(random() * lowerCount)]
      if (!fn.deps.includes(dep)) fn.deps.push(dep)
    }
    if (fn.mod.table && random() < 0.5) fn.usesTable = true
  }
  const valueCache = new Map()
  const value = (fn, x) => {
    const key = `${fn.name}:${x}`
    if (valueCache.has(key)) return valueCache.get(key)
    let v = x + fn.constant
    for (const dep of fn.deps) v += value(dep, x)
    if (fn.usesTable) v += fn.mod.table.base
    v %= MOD
    valueCache.set(key, v)
    return v
  }
  const rel = (from, to) => {
    const a = dirname(from).split('/')
    const b = to.split('/')
    let i = 0
    while (i < a.length && a[i] === b[i]) i++
    const up = a.length - i
    const rest = b.slice(i).join('/')
    return (up ? '../'.repeat(up) : './') + rest
  }
  // Source files.
  for (const mod of mods) {
    const imports = new Map() // spec -> { names:Set, ns?:string }
    const refOf = dep => {
      if (dep.mod === mod) return dep.name
      const style = (dep.mod.index + mod.index) % 4
      let spec
      if (style === 0) spec = rel(mod.path, dep.mod.path.replace(/\.ts$/, ''))
      else if (style === 1) spec = rel(mod.path, dep.mod.path.replace(/\.ts$/, '.js'))
      else if (style === 2) spec = rel(mod.path, dep.mod.folder)
      else spec = '@app/' + dep.mod.path.slice(4).replace(/\.ts$/, '')
      if (style === 3 && dep.mod.index % 3 === 0) {
        const entry = imports.get(spec) ?? { names: new Set(), ns: `ns${dep.mod.index}` }
        entry.ns = `ns${dep.mod.index}`
        imports.set(spec, entry)
        return `${entry.ns}.${dep.name}`
      }
      const entry = imports.get(spec) ?? { names: new Set() }
      entry.names.add(dep.name)
      imports.set(spec, entry)
      return dep.name
    }
    const body = []
    body.push(`/** Module ${mod.name}: generated for the selection benchmark. */`)
    if (mod.table) body.push(`export const ${mod.table.name} = buildTable(${mod.table.base})`, '')
    for (const fn of mod.fns) {
      const terms = ['x', String(fn.constant), ...fn.deps.map(dep => `${refOf(dep)}(x)`)]
      if (fn.usesTable) terms.push(`${mod.table.name}.base`)
      body.push(
        `/**`,
        ` * ${fn.name}: sums its inputs.`,
        ` */`,
        `export function ${fn.name}(x: number): number {`,
        `  const total = ${terms.join(' + ')}`,
        `  return total % ${MOD}`,
        `}`,
        ''
      )
    }
    if (mod.cls) {
      body.push(
        `export class ${mod.cls.name} {`,
        `  private readonly factor = ${mod.cls.factor}`,
        `  scale(x: number): number {`,
        `    return x * this.factor`,
        `  }`,
        `  shift(x: number): number {`,
        `    return this.scale(x) + 1`,
        `  }`,
        `  label(): string {`,
        `    return '${mod.cls.name} x' + this.factor`,
        `  }`,
        `}`,
        ''
      )
    }
    if (mod.table)
      body.push(`function buildTable(base: number) {`, `  return { base, size: base * 2 }`, `}`, '')
    const header = []
    for (const [spec, entry] of imports) {
      if (entry.ns) header.push(`import * as ${entry.ns} from '${spec}'`)
      if (entry.names.size) header.push(`import { ${[...entry.names].join(', ')} } from '${spec}'`)
    }
    files.set(mod.path, [...header, '', ...body].join('\n'))
  }
  // Barrels.
  const folders = new Map()
  for (const mod of mods) folders.set(mod.folder, [...(folders.get(mod.folder) ?? []), mod])
  for (const [folder, list] of folders)
    files.set(`${folder}/index.ts`, list.map(m => `export * from './${m.name}'`).join('\n') + '\n')
  // Tests.
  const testFiles = []
  for (let t = 0; t < tests; t++) {
    const inFolder = t % 3 === 0
    const target = pick(mods)
    const path = inFolder ? `${target.folder}/__tests__/t${t}.test.ts` : `tests/t${t}.test.ts`
    const chosen = new Set([pick(fns), pick(fns)].filter(Boolean))
    const imports = new Map()
    const lines = []
    const useBarrel = t % 2 === 0
    for (const fn of chosen) {
      const spec = useBarrel ? rel(path, fn.mod.folder) : '@app/' + fn.mod.path.slice(4).replace(/\.ts$/, '')
      imports.set(spec, [...(imports.get(spec) ?? []), fn.name])
      lines.push(`  it('${fn.name}', () => {`, `    expect(${fn.name}(3)).toBe(${value(fn, 3)})`, `  })`)
    }
    const clsMod = mods.find(m => m.cls && random() < 0.1)
    // Each class test calls one method: scale, shift (which calls this.scale) or label.
    const clsMethod = clsMod ? CLASS_METHODS[t % CLASS_METHODS.length] : undefined
    if (clsMod) {
      const spec = rel(path, clsMod.path.replace(/\.ts$/, ''))
      imports.set(spec, [...(imports.get(spec) ?? []), clsMod.cls.name])
      const { name, factor } = clsMod.cls
      const [call, expected] =
        clsMethod === 'label'
          ? ['label()', `'${name} x${factor}'`]
          : [`${clsMethod}(2)`, String(2 * factor + (clsMethod === 'shift' ? 1 : 0))]
      lines.push(
        `  it('${name}.${clsMethod}', () => {`,
        `    expect(new ${name}().${call}).toBe(${expected})`,
        `  })`
      )
    }
    let fixture
    if (t % 5 === 1) {
      fixture = `fixtures/data_${t}.json`
      files.set(fixture, JSON.stringify({ answer: t * 7 }) + '\n')
      lines.push(
        `  it('reads its fixture', () => {`,
        `    const data = JSON.parse(readFileSync(join(ROOT, '${fixture}'), 'utf8'))`,
        `    expect(data.answer).toBe(${t * 7})`,
        `  })`
      )
    }
    const header = [...imports].map(
      ([spec, names]) => `import { ${[...new Set(names)].join(', ')} } from '${spec}'`
    )
    if (fixture) {
      header.unshift(`import { readFileSync } from 'node:fs'`, `import { join } from 'node:path'`)
      header.push(`const ROOT = join(__dirname, '${rel(path, '').replace(/\/$/, '') || '.'}')`)
    }
    files.set(path, [...header, '', `describe('t${t}', () => {`, ...lines, `})`, ''].join('\n'))
    testFiles.push({ path, fns: [...chosen], cls: clsMod?.cls?.name, clsMod, clsMethod, fixture })
  }
  files.set(
    'tsconfig.json',
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2020',
          module: 'commonjs',
          strict: true,
          esModuleInterop: true,
          isolatedModules: true,
          baseUrl: '.',
          paths: { '@app/*': ['src/*'] },
          types: ['jest', 'node']
        }
      },
      null,
      2
    )
  )
  files.set(
    'jest.config.js',
    `module.exports = {\n  testEnvironment: 'node',\n  transform: { '^.+\\\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },\n  moduleNameMapper: { '^@app/(.*)$': '<rootDir>/src/$1', '^(\\\\.{1,2}/.*)\\\\.js$': '$1' },\n  testPathIgnorePatterns: ['/node_modules/']\n}\n`
  )
  files.set(
    'package.json',
    JSON.stringify({ name: 'generated-selection-fixture', private: true, version: '1.0.0' }, null, 2) + '\n'
  )
  files.set('.gitignore', 'node_modules\n')
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  if (nodeModules && !existsSync(join(dir, 'node_modules')))
    symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir')
  return { mods, fns, tests: testFiles, files: [...files.keys()], value }
}

/**
 * Mutations to seed into a generated project: `semantic` ones change behaviour, `cosmetic` ones
 * only comments and formatting (they must select no test).
 */
export function mutations(model, seed = 7) {
  const random = rng(seed)
  const pick = list => list[Math.floor(random() * list.length)]
  const edit = (dir, path, fn) => {
    const file = join(dir, path)
    writeFileSync(file, fn(readFileSync(file, 'utf8')))
    return [path]
  }
  const list = []
  const usedFns = model.fns.filter(fn => model.tests.some(t => t.fns.some(f => reaches(f, fn))))
  for (let i = 0; i < 6 && usedFns.length; i++) {
    const fn = pick(usedFns)
    list.push({
      kind: 'semantic',
      label: `constant of ${fn.name} in ${fn.mod.path}`,
      apply: dir =>
        edit(dir, fn.mod.path, text =>
          text.replace(
            new RegExp(`(function ${fn.name}\\(x: number\\): number \\{\\n  const total = x \\+ )(\\d+)`),
            (_, a, n) => `${a}${Number(n) + 1}`
          )
        )
    })
  }
  const clsTest = model.tests.find(t => t.clsMod)
  if (clsTest) {
    const mod = clsTest.clsMod
    list.push({
      kind: 'semantic',
      label: `method ${mod.cls.name}.scale in ${mod.path}`,
      apply: dir =>
        edit(dir, mod.path, text => text.replace('return x * this.factor', 'return x * this.factor + 1'))
    })
  }
  const labelTest = model.tests.find(t => t.clsMethod === 'label')
  if (labelTest) {
    const mod = labelTest.clsMod
    list.push({
      kind: 'semantic',
      label: `method ${mod.cls.name}.label in ${mod.path}`,
      apply: dir => edit(dir, mod.path, text => text.replace(`'${mod.cls.name} x'`, `'${mod.cls.name} X'`))
    })
  }
  const tableMod = model.mods.find(m => m.table && m.fns.some(f => f.usesTable))
  if (tableMod) {
    list.push({
      kind: 'semantic',
      label: `module-level table in ${tableMod.path}`,
      apply: dir =>
        edit(dir, tableMod.path, text =>
          text.replace(`buildTable(${tableMod.table.base})`, `buildTable(${tableMod.table.base + 1})`)
        )
    })
  }
  const fixtureTest = model.tests.find(t => t.fixture)
  if (fixtureTest) {
    list.push({
      kind: 'semantic',
      label: `fixture ${fixtureTest.fixture}`,
      apply: dir => edit(dir, fixtureTest.fixture, text => text.replace(/\d+/, n => String(Number(n) + 1)))
    })
  }
  for (let i = 0; i < 3; i++) {
    const mod = pick(model.mods)
    list.push({
      kind: 'cosmetic',
      label: `comments and formatting in ${mod.path}`,
      apply: dir =>
        edit(dir, mod.path, text =>
          text
            .replace(/sums its inputs\./g, 'adds up its inputs (reworded).')
            .replace(/const total = /g, 'const total =  ')
            .replace(/\n}\n/g, '\n} // end\n')
            .replace(/'/g, '"')
        )
    })
  }
  return list
}

function reaches(fn, target) {
  if (fn === target) return true
  return fn.deps.some(dep => reaches(dep, target))
}
