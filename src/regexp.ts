/** `text` as a RegExp source (JavaScript or Go's RE2) that matches exactly it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
