import { Socket } from 'node:net'
import {
  LOAD,
  WHOLE,
  chainOf,
  exportedName,
  localRefs,
  pushTo,
  stepForward,
  isTypeKey,
  targetsOfBinding,
  type Graph,
  type GraphNode,
  type TypeErasure
} from './graph.js'
import { FOR_IN_WORD, MODULE_SYMBOL, own, type ModuleScan, type SymbolInfo } from './model.js'

/**
 * Member reach: a method or accessor of a class (one in its `calledByName`) runs only when code
 * that runs names it (`x.format()`, `x['format']`, `{ format } = x`, a string 'format'). So a test
 * reaches a changed member when it reaches the class and something it reaches mentions the
 * member's name. Whatever mentions names (the test itself, what it loads, the reached members of
 * classes) is found by a walk forward from the test that opens a class's members as their names
 * turn up.
 *
 * Where code outside the repository may call members by names the repository never mentions, a
 * class's members are all reached with it: decorated classes, classes that implement an interface
 * not declared in the repository, classes whose base is not a class of the repository
 * (React.Component, HTMLElement…) or is such a class, and the classes such a class extends. A
 * base from JavaScript's or Node's library whose calls on a subclass are known (Error, Map,
 * EventEmitter…: see LIBRARY_BASES) leaves the class closed but for the names the base has. A module
 * that lists the names on a prototype (`Object.getOwnPropertyNames(Object.getPrototypeOf(x))`…)
 * opens every class, and so does importing a JSON, YAML or TOML file (its names are not scanned).
 * A namespace import that `Object.assign(C.prototype, …)` copies onto a class (ClassInfo.mixins)
 * adds its module's exports as members: each runs only when code names it, unless the class is
 * open. Those, and the methods set on a function's prototype, are enumerable: a module that lists
 * enumerable names (`for (key in object)` and lodash's `keysIn` and the like, which list a
 * prototype's too, or `Object.keys` and the like beside a prototype word) reaches them all.
 *
 * What stays out of reach: a member called through a name computed from pieces
 * (`x['for' + 'mat']()`) or read at run time from a file, and a member of a plain class that only
 * a package calls, on an instance the repository hands it.
 */

const REFLECTION = new Set(['getOwnPropertyNames', 'ownKeys', 'getOwnPropertyDescriptors'])
const PROTOTYPE = new Set(['prototype', 'getPrototypeOf', '__proto__'])
/** Functions that list an object's own enumerable names (Object's, and lodash's and the like). */
const ENUMERATION = new Set([
  'keys', 'values', 'entries', 'toPairs', 'forOwn', 'forOwnRight', 'functions', 'mapValues'
]) // prettier-ignore
/**
 * lodash's (and the like's) functions that list or copy the enumerable names of an object's
 * prototypes too, as `for…in` does: given an instance, they reach its prototype's.
 */
const INHERITED_ENUMERATION = new Set([
  'forIn', 'forInRight', 'keysIn', 'valuesIn', 'entriesIn', 'toPairsIn', 'functionsIn',
  'assignIn', 'assignInWith', 'extend', 'extendWith', 'toPlainObject'
]) // prettier-ignore
/**
 * Interfaces of JavaScript's standard library whose members the language calls by names a class
 * leaves out of its calledByName (`length`, `next`, `then`, `Symbol.iterator`…): implementing one
 * opens no member.
 */
const PROTOCOL_INTERFACES = new Set([
  'ArrayLike', 'Iterable', 'Iterator', 'IterableIterator', 'AsyncIterable', 'AsyncIterator',
  'AsyncIterableIterator', 'PromiseLike', 'Disposable', 'AsyncDisposable', 'EventListenerObject'
]) // prettier-ignore
/** LIBRARY_BASES' key for an EventEmitter (the module of EVENTS_MODULES, or its export of that name). */
const EVENT_EMITTER = 'node:events'
/** Node's `events`, and `eventemitter3`, whose emitter has only names Node's has. */
const EVENTS_MODULES = new Set(['events', 'node:events', 'eventemitter3'])

/**
 * Bases from outside the repository that call a subclass's members only by their own names, with
 * an instance of each. Not streams: they call `_final` and `_construct`, which their prototypes
 * lack, and not classes of the DOM or of frameworks, which call members by names of the subclass's
 * (`connectedCallback`, `render`).
 */
const LIBRARY_BASES = new Map<string, () => object>([
  ...[Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError].map(
    kind => [kind.name, () => new kind('', { cause: 0 })] as const
  ),
  ['AggregateError', () => new AggregateError([], '', { cause: 0 })],
  ['Map', () => new Map()],
  ['Set', () => new Set()],
  ['WeakMap', () => new WeakMap()],
  ['WeakSet', () => new WeakSet()],
  ['Array', () => []],
  ['Promise', () => Promise.resolve()],
  ['Object', () => ({})],
  // Node's stream functions take any EventEmitter, and call it by a stream's names (`pipe` calls
  // `write` and `end`): a socket has them all, and its prototypes end with EventEmitter's.
  [EVENT_EMITTER, () => new Socket()]
])
const libraryNamesMemo = new Map<string, ReadonlySet<string>>()

/**
 * The names base `key` of LIBRARY_BASES has on an instance and its prototypes: the only names by
 * which its own code (and the language) calls a subclass's members, as `new Map(entries)` calls
 * `set` and `once` calls `on`. Read from this Node, so a name added to it counts too.
 */
function libraryNames(key: string): ReadonlySet<string> | undefined {
  const known = libraryNamesMemo.get(key)
  const make = LIBRARY_BASES.get(key)
  if (known || !make) return known
  const names = new Set<string>()
  for (let at: object | null = make(); at; at = Object.getPrototypeOf(at) as object | null)
    for (const name of Object.getOwnPropertyNames(at)) names.add(name)
  libraryNamesMemo.set(key, names)
  return names
}
/** Data files a module may import that can hold names (JSON, YAML, TOML). */
const NAMES_IN_DATA = /\.(?:json5?|jsonc|ya?ml|toml)$/i

/** The name code calls a member by: `format` for `format`, and for `prototype.format` (a function's). */
const nameOf = (member: string): string => (member.startsWith('prototype.') ? member.slice(10) : member)

/** Is declaration `key` (`Class.member`, `F.prototype.member`) a member of its class's `calledByName`? */
function calledByName(scan: ModuleScan, key: string): boolean {
  const dot = key.indexOf('.')
  if (dot <= 0) return false
  return own(scan.symbols, key.slice(0, dot))?.class?.calledByName?.includes(key.slice(dot + 1)) ?? false
}

/**
 * Which names on some prototype a module may list: 'all' (a reflection word and a prototype
 * word), 'enumerable' (`for…in` or a word of INHERITED_ENUMERATION, or an enumeration word and a
 * prototype word: a class's methods are not enumerable, a function's prototype's and a mixin's
 * are), or none.
 */
function namesListed(scan: ModuleScan): 'all' | 'enumerable' | undefined {
  let reflection = false
  let enumeration = false
  let inherited = false
  let prototype = false
  for (const symbol of Object.values(scan.symbols))
    for (const word of symbol.words ?? []) {
      if (REFLECTION.has(word)) reflection = true
      else if (ENUMERATION.has(word)) enumeration = true
      else if (PROTOTYPE.has(word)) prototype = true
      else if (word === FOR_IN_WORD || INHERITED_ENUMERATION.has(word)) inherited = true
    }
  if (reflection && prototype) return 'all'
  return inherited || (enumeration && prototype) ? 'enumerable' : undefined
}

/**
 * Forward steps all the walks of one selection may take (about a second on typeorm); when the walks so far
 * say the rest would not fit, member reach gives up and every test that reaches a class counts.
 */
export const MEMBER_REACH_BUDGET = 250_000
/** The least a single walk may take before member reach gives up. */
const WALK_FLOOR = 5_000

/** A symbol (local name, or `export:<name>`) of a file, or (no key) the file at all. */
export interface ReachTarget {
  file: string
  key?: string
}

export interface MemberReach {
  /** Is `symbol` of `file` (`Class.member`) a member that runs only when called by name? */
  gated(file: string, symbol: string): boolean
  /** How many tests `reachable` will be asked about (to give up early on a walk too large). */
  plan(tests: number): void
  /**
   * For each of `targets`, whether `test` reaches it following members by name: the steps from
   * the target to the test when it does, false when it does not, true when the walks gave up.
   * With `erasure` (a test that is not type-checked), it reaches what runs only: no type (see
   * isTypeKey), nor a module loaded for types alone.
   */
  reachable(test: string, targets: readonly ReachTarget[], erasure?: TypeErasure): Array<string[] | boolean>
  /** True once the budget ran out (from then on every gated member counts as reached). */
  readonly exhausted: boolean
}

interface ClassRef {
  file: string
  name: string
  symbol: SymbolInfo
}

const SEP = '\u0000'

const mixinOwnersMemo = new WeakMap<ModuleScan, Map<string, string>>()

/** Each name of a module mixed into a class's prototype (ClassInfo.mixins), with the class. */
function mixinOwners(scan: ModuleScan): Map<string, string> {
  let owners = mixinOwnersMemo.get(scan)
  if (!owners) {
    owners = new Map()
    for (const [name, symbol] of Object.entries(scan.symbols))
      for (const mixin of symbol.class?.mixins ?? []) owners.set(mixin, name)
    mixinOwnersMemo.set(scan, owners)
  }
  return owners
}

export function memberReach(graph: Graph, budget = MEMBER_REACH_BUDGET): MemberReach {
  const listing = new Map<ModuleScan, 'all' | 'enumerable' | undefined>()
  const listedBy = (scan: ModuleScan): 'all' | 'enumerable' | undefined => {
    if (!listing.has(scan)) listing.set(scan, namesListed(scan))
    return listing.get(scan)
  }
  let steps = 0
  let walks = 0
  let testsLeft = 0
  let exhausted = false

  const exportedClass = (file: string, exported: string, depth: number): ClassRef | undefined => {
    const node = graph.nodes.get(file)
    if (!node || depth > 8) return undefined
    const local = own(node.scan.exports, exported)
    if (local !== undefined) return classAt(file, local, depth + 1)
    for (const target of node.exportAll) {
      const found = exportedClass(target, exported, depth + 1)
      if (found) return found
    }
    return undefined
  }
  /**
   * The class that `name` denotes in `file`; undefined when it may be one of several (a binding
   * with targets under other export conditions: see classesAt).
   */
  const classAt = (file: string, name: string, depth = 0): ClassRef | undefined => {
    const node = graph.nodes.get(file)
    if (!node) return undefined
    const binding = node.bindings.get(name)
    if (binding) {
      if (!binding.target || binding.also || binding.imported === WHOLE) return undefined
      return exportedClass(binding.target, exportedName(binding.imported), depth + 1)
    }
    const symbol = own(node.scan.symbols, name)
    return symbol?.class ? { file, name, symbol } : undefined
  }
  /** Each class that `name` may denote in `file`. */
  const classesAt = (file: string, name: string): ClassRef[] => {
    const binding = graph.nodes.get(file)?.bindings.get(name)
    if (!binding?.also || binding.imported === WHOLE) {
      const found = classAt(file, name)
      return found ? [found] : []
    }
    return targetsOfBinding(binding).flatMap(
      target => exportedClass(target, exportedName(binding.imported), 1) ?? []
    )
  }
  /**
   * Does interface `name` of `file` leave its class's members closed: one declared in the
   * repository, or a protocol of the standard library (a global, not a package's)?
   */
  const closesMembers = (file: string, name: string): boolean => {
    const node = graph.nodes.get(file)
    if (!node) return false
    const binding = node.bindings.get(name)
    if (binding) return binding.target !== undefined
    return own(node.scan.symbols, name) !== undefined || PROTOCOL_INTERFACES.has(name)
  }
  /**
   * The names by which base `name` of a class in `file` calls its members, when it is one of
   * LIBRARY_BASES: a global the module does not shadow, or EventEmitter imported from `events`.
   */
  const libraryBase = (file: string, name: string): ReadonlySet<string> | undefined => {
    const node = graph.nodes.get(file)
    if (!node) return undefined
    const binding = node.bindings.get(name)
    if (!binding) return own(node.scan.symbols, name) === undefined ? libraryNames(name) : undefined
    if (binding.target !== undefined) return undefined
    const events = node.scan.imports.some(
      record =>
        EVENTS_MODULES.has(record.spec) &&
        !record.typeOnly &&
        record.names?.some(
          bound =>
            bound.local === name &&
            (bound.imported === '*' || bound.imported === 'default' || bound.imported === 'EventEmitter')
        )
    )
    return events ? libraryNames(EVENT_EMITTER) : undefined
  }
  /**
   * Null for a class whose members code outside the repository may call (see above); else the
   * names its bases from outside the repository call its members by (see LIBRARY_BASES): its
   * members of those names run whenever it does.
   */
  const closedMemo = new Map<string, ReadonlySet<string> | null>()
  const NONE: ReadonlySet<string> = new Set()
  const calledByBase = (ref: ClassRef, depth = 0): ReadonlySet<string> | null => {
    const key = ref.file + SEP + ref.name
    const known = closedMemo.get(key)
    if (known !== undefined) return known
    closedMemo.set(key, null) // a cycle of bases is open
    const info = ref.symbol.class
    let names: ReadonlySet<string> | null = null
    if (info?.calledByName && (info.interfaces ?? []).every(name => closesMembers(ref.file, name))) {
      if (info.base === undefined) names = NONE
      else {
        const base = classAt(ref.file, info.base)
        if (base) names = depth > 16 ? null : calledByBase(base, depth + 1)
        else names = libraryBase(ref.file, info.base) ?? null
      }
    }
    closedMemo.set(key, names)
    return names
  }
  const isOpen = (ref: ClassRef): boolean => calledByBase(ref) === null

  /**
   * The class of `file` whose prototype namespace import `name` is mixed into (see
   * ClassInfo.mixins), with the module whose exports it adds as members; undefined when there is
   * none, or member reach cannot follow it: the binding may be more than one module, a CommonJS
   * module, or one that re-exports all of another.
   */
  const mixedInto = (file: string, name: string): { owner: ClassRef; module: string } | undefined => {
    const node = graph.nodes.get(file)
    const owner = node && mixinOwners(node.scan).get(name)
    if (!owner) return undefined
    const binding = node.bindings.get(name)
    if (!binding?.target || binding.also || binding.imported !== WHOLE || binding.typeOnly) return undefined
    const module = graph.nodes.get(binding.target)
    if (!module?.scan.esm || module.scan.lang !== 'js' || module.exportAll.length) return undefined
    return {
      owner: { file, name: owner, symbol: node.scan.symbols[owner] as SymbolInfo },
      module: binding.target
    }
  }

  const gated = (file: string, symbol: string): boolean => {
    const node = graph.nodes.get(file)
    if (!node) return false
    if (!calledByName(node.scan, symbol)) {
      const mixin = mixedInto(file, symbol)
      return !!mixin && !isOpen(mixin.owner)
    }
    const dot = symbol.indexOf('.')
    const owner = symbol.slice(0, dot)
    if (node.bindings.has(owner)) return false
    const ref = { file, name: owner, symbol: node.scan.symbols[owner] as SymbolInfo }
    return calledByBase(ref)?.has(nameOf(symbol.slice(dot + 1))) === false
  }

  /** What a test reaches, by a forward walk that opens members as their names turn up. */
  const walk = (
    test: string,
    targets: readonly ReachTarget[],
    cap: number,
    erasure: TypeErasure | undefined
  ): Array<string[] | false> => {
    const stepsBefore = steps
    const files = new Set<string>()
    /** Each node reached, with the node it was reached from. */
    const parent = new Map<string, string | null>()
    const found: Array<string[] | false> = targets.map(() => false)
    let left = targets.length
    const targetIds = new Map<string, number[]>()
    const targetFiles = new Map<string, number[]>()
    targets.forEach((target, i) => {
      if (target.key === undefined) pushTo(targetFiles, target.file, i)
      else pushTo(targetIds, target.file + SEP + target.key, i)
    })
    const hit = (at: number[] | undefined, id: string): void => {
      for (const i of at ?? [])
        if (!found[i]) {
          found[i] = [
            ...chainOf(parent, id).filter(step => step !== test && !step.startsWith(test + '#')),
            test
          ]
          left--
        }
    }
    const queue: string[] = []
    const names = new Set<string>()
    let everything = false
    /** Once true, the enumerable members (see namesListed) are reached with their class. */
    let enumerated = false
    /** Members waiting for their name: name → node ids; and by class, for classes forced open. */
    const waitingByName = new Map<string, string[]>()
    const waitingByClass = new Map<string, string[]>()
    const waitingEnumerable: string[] = []
    /** The node each member waiting was found from: its class, or the code that mixes it in. */
    const waitingFrom = new Map<string, string>()
    const wait = (name: string, owner: string, id: string, enumerable: boolean): void => {
      if (!waitingFrom.has(id)) {
        waitingFrom.set(id, from as string)
        pushTo(waitingByName, name, id)
        if (enumerable) waitingEnumerable.push(id)
      }
      // A module mixed into two classes waits for either to open.
      pushTo(waitingByClass, owner, id)
    }
    const forced = new Set<string>()
    let from: string | null = null
    const visit = (file: string, key: string): void => {
      const id = file + SEP + key
      if (parent.has(id)) return
      parent.set(id, from)
      queue.push(id)
    }
    /** Visits members that were waiting, each from its class. */
    const release = (ids: string[] | undefined): void => {
      for (const id of ids ?? []) {
        if (parent.has(id)) continue
        parent.set(id, waitingFrom.get(id) as string)
        queue.push(id)
      }
    }
    const mention = (words: readonly string[] | undefined): void => {
      for (const word of words ?? []) {
        if (names.has(word)) continue
        names.add(word)
        release(waitingByName.get(word))
        waitingByName.delete(word)
      }
    }
    const forceOpen = (ref: ClassRef): void => {
      const key = ref.file + SEP + ref.name
      if (forced.has(key)) return
      forced.add(key)
      release(waitingByClass.get(key))
      waitingByClass.delete(key)
      const baseName = ref.symbol.class?.base
      if (baseName !== undefined) for (const base of classesAt(ref.file, baseName)) forceOpen(base)
    }
    visit(test, WHOLE)
    for (let q = 0; q < queue.length && left > 0; q++) {
      if (++steps - stepsBefore > cap) {
        exhausted = true
        break
      }
      const id = queue[q] as string
      from = id
      const sep = id.indexOf(SEP)
      const file = id.slice(0, sep)
      const key = id.slice(sep + 1)
      const node = graph.nodes.get(file)
      if (erasure && node && isTypeKey(node, key, erasure)) continue
      if (!files.has(file)) {
        files.add(file)
        hit(targetFiles.get(file), id)
      }
      hit(targetIds.get(id), id)
      // Names can come from a data file the test imports (a table of cases): it is not scanned.
      const listed = everything ? undefined : node ? listedBy(node.scan) : NAMES_IN_DATA.test(file) && 'all'
      if (listed === 'all') {
        everything = true
        for (const ids of waitingByName.values()) release(ids)
        waitingByName.clear()
      } else if (listed === 'enumerable' && !enumerated) {
        enumerated = true
        release(waitingEnumerable)
      }
      if (!node) continue
      // A class's members called by name are reached through the class, not by WHOLE.
      const symbol = stepForward(
        node,
        key,
        visit,
        name => calledByName(node.scan, name),
        graph.nodes,
        erasure
      )
      if (!symbol) continue
      mention(symbol.words)
      const classRef: ClassRef = { file, name: key, symbol }
      const open =
        symbol.class !== undefined && (everything || forced.has(file + SEP + key) || isOpen(classRef))
      const byBase = open || !symbol.class ? NONE : (calledByBase(classRef) ?? NONE)
      const callable =
        !open && symbol.class?.calledByName
          ? new Set(symbol.class.calledByName.filter(member => !byBase.has(nameOf(member))))
          : undefined
      for (const ref of localRefs(node, key, symbol, graph.nodes)) {
        const mixin = key === MODULE_SYMBOL ? mixedInto(file, ref) : undefined
        if (mixin) {
          const owner = mixin.owner
          if (!everything && !forced.has(file + SEP + owner.name) && !isOpen(owner)) {
            // The module loads; each export runs once code names it on an instance.
            visit(mixin.module, LOAD)
            const byOwnersBase = calledByBase(owner) ?? NONE
            for (const name of Object.keys((graph.nodes.get(mixin.module) as GraphNode).scan.exports)) {
              if (names.has(name) || byOwnersBase.has(name) || enumerated)
                visit(mixin.module, `export:${name}`)
              else wait(name, file + SEP + owner.name, mixin.module + SEP + `export:${name}`, true)
            }
            continue
          }
        }
        const member = ref.startsWith(key + '.') ? ref.slice(key.length + 1) : undefined
        const enumerable = member !== undefined && member !== nameOf(member)
        if (
          member === undefined ||
          !callable?.has(member) ||
          names.has(nameOf(member)) ||
          (enumerated && enumerable)
        ) {
          visit(file, ref)
          if (open && member === undefined) {
            for (const header of classesAt(file, ref)) forceOpen(header)
          }
          continue
        }
        wait(nameOf(member), file + SEP + key, file + SEP + ref, enumerable)
      }
    }
    return found
  }

  return {
    gated,
    reachable(test, targets, erasure) {
      if (!exhausted && walks > 0 && steps + (steps / walks) * testsLeft > budget) exhausted = true
      // One walk may take a few times its share of what is left, and never more than all of it.
      const cap = Math.min(
        budget - steps,
        Math.max(WALK_FLOOR, ((budget - steps) / Math.max(1, testsLeft)) * 4)
      )
      testsLeft--
      if (exhausted) return targets.map(() => true)
      walks++
      const found = walk(test, targets, cap, erasure)
      return exhausted ? targets.map(() => true) : found
    },
    plan(tests) {
      testsLeft = tests
    },
    get exhausted() {
      return exhausted
    }
  }
}
