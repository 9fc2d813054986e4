import type { FileChange } from './graph.js'
import { MODULE_SYMBOL, own, type ModuleScan } from './model.js'

/**
 * Compares two versions of a module symbol by symbol. Symbols whose normalized token hash is
 * unchanged are unchanged, so edits to comments, whitespace, semicolons or quotes change nothing.
 */
export function diffScans(base: ModuleScan | undefined, head: ModuleScan | undefined): FileChange {
  const change: FileChange = { whole: false, symbols: new Set(), exports: new Set() }
  if (!base || !head || base.lang !== head.lang) {
    change.whole = true
    return change
  }
  // Own entries only: a symbol named toString or constructor is not Object.prototype's.
  for (const name of new Set([...Object.keys(base.symbols), ...Object.keys(head.symbols)])) {
    if (own(base.symbols, name)?.hash !== own(head.symbols, name)?.hash) change.symbols.add(name)
  }
  for (const name of new Set([...Object.keys(base.exports), ...Object.keys(head.exports)])) {
    const before = own(base.exports, name)
    const after = own(head.exports, name)
    if (before !== after || (after !== undefined && change.symbols.has(after))) change.exports.add(name)
  }
  // A value made a type alone (`export type { b } from`): what ran through it is gone.
  const isType = typeNames(head)
  if (isType) {
    const wasType = typeNames(base)
    const valueBefore = (name: string): boolean => own(base.symbols, name) !== undefined && !wasType?.(name)
    for (const name of change.symbols)
      if (isType(name) && valueBefore(name)) (change.valuesBefore ??= new Set()).add(name)
    for (const name of change.exports) {
      const [before, after] = [own(base.exports, name), own(head.exports, name)]
      if (after !== undefined && isType(after) && before !== undefined && valueBefore(before))
        (change.valuesBefore ??= new Set()).add(name)
    }
  }
  if (
    base.exportAll.join('\n') !== head.exportAll.join('\n') ||
    base.esm !== head.esm ||
    base.pkg !== head.pkg
  )
    change.symbols.add(MODULE_SYMBOL)
  const wholeImports = (scan: ModuleScan): string =>
    scan.imports
      .filter(record => record.names === null)
      .map(record => `${record.kind}:${record.spec}`)
      .sort()
      .join('\n')
  // A new or removed require()/import() inside a function changes that function's hash already;
  // at module level it is part of MODULE_SYMBOL. Go and Python imports load whole packages.
  if ((head.lang === 'go' || head.lang === 'py') && wholeImports(base) !== wholeImports(head))
    change.symbols.add(MODULE_SYMBOL)
  return change
}

/**
 * Whether a local name of a scan is a type alone (see isTypeName in graph.ts): undefined when none
 * is.
 */
function typeNames(scan: ModuleScan): ((name: string) => boolean) | undefined {
  const bound = new Map<string, boolean>()
  for (const record of scan.imports)
    for (const { local } of record.names ?? []) if (local) bound.set(local, record.typeOnly === true)
  const typed = (name: string): boolean => bound.get(name) ?? own(scan.symbols, name)?.typeOnly === true
  return [...bound.values()].some(Boolean) || Object.values(scan.symbols).some(symbol => symbol.typeOnly)
    ? typed
    : undefined
}

export function isEmptyChange(change: FileChange): boolean {
  return !change.whole && change.symbols.size === 0 && change.exports.size === 0
}

/** Human names of what changed: `foo`, `Widget.render`, `<module>`, or `*` for the whole file. */
export function changedNames(change: FileChange): string[] {
  if (change.whole) return ['*']
  const names = new Set<string>()
  for (const symbol of change.symbols) if (!symbol.startsWith('@reexport:')) names.add(symbol)
  for (const name of change.exports) names.add(name)
  return [...names].sort()
}
