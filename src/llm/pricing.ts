/** List prices in US dollars per million tokens (input, output), by model name without publisher prefix. */
const PRICES: ReadonlyArray<{ pattern: RegExp; input: number; output: number }> = [
  { pattern: /^gpt-4\.1-nano/, input: 0.1, output: 0.4 },
  { pattern: /^gpt-4\.1-mini/, input: 0.4, output: 1.6 },
  { pattern: /^gpt-4\.1/, input: 2, output: 8 },
  { pattern: /^gpt-4o-mini/, input: 0.15, output: 0.6 },
  { pattern: /^gpt-4o/, input: 2.5, output: 10 },
  { pattern: /^gpt-5-nano/, input: 0.05, output: 0.4 },
  { pattern: /^gpt-5-mini/, input: 0.25, output: 2 },
  { pattern: /^gpt-5(\.\d+)?(-|$)/, input: 1.25, output: 10 },
  { pattern: /^o4-mini/, input: 1.1, output: 4.4 },
  { pattern: /^o3-mini/, input: 1.1, output: 4.4 },
  { pattern: /^o3(-|$)/, input: 2, output: 8 },
  { pattern: /^gpt-3\.5-turbo/, input: 0.5, output: 1.5 }
]

export interface ModelPrice {
  inputPerMillion: number
  outputPerMillion: number
}

export function priceFor(model: string): ModelPrice | undefined {
  const name = model.toLowerCase().split('/').pop() ?? ''
  const entry = PRICES.find(p => p.pattern.test(name))
  return entry ? { inputPerMillion: entry.input, outputPerMillion: entry.output } : undefined
}

/** Estimated cost in dollars at list prices, or undefined for a model not in the table (report tokens only). */
export function estimateCost(model: string, inputTokens: number, outputTokens: number): number | undefined {
  const price = priceFor(model)
  if (!price) return undefined
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000
}

export function formatCost(cost: number | undefined): string {
  if (cost === undefined) return 'n/a (model not in the price table)'
  if (cost < 0.01) return `< $0.01 ($${cost.toFixed(4)})`
  return `$${cost.toFixed(2)}`
}
