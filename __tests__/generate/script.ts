/** Scripted model replies for the generator: the fixture's whole candidate corpus, then repair replies. */
import type { RecordedChatRequest, ScriptStep } from '../support/fake-openai.js'
import type { CorpusEntry } from './fixture-repo.js'

export function isRepairRequest(request: RecordedChatRequest): boolean {
  const messages = (request.body?.messages ?? []) as Array<{ role: string; content?: string }>
  const last = messages[messages.length - 1]
  return last?.role === 'user' && /was rejected by the "/.test(last.content ?? '')
}

/**
 * First request: one write_test_file call per corpus candidate. Repair requests: `repairs[name]`
 * when given (matched by the candidate's content in the request), otherwise a reply with no test.
 */
export function generatorScript(corpus: readonly CorpusEntry[], repairs: Record<string, string> = {}) {
  return (request: RecordedChatRequest): ScriptStep => {
    if (!isRepairRequest(request)) {
      return {
        content: null,
        toolCalls: corpus.map(entry => ({
          name: 'write_test_file',
          arguments: entry.path ? { path: entry.path, content: entry.content } : { content: entry.content }
        }))
      }
    }
    const text = JSON.stringify(request.body?.messages?.at(-1)?.content ?? '')
    const entry = corpus.find(
      e =>
        repairs[e.name] &&
        text.includes(JSON.stringify(e.content.split('\n').find(l => /expect|assert/.test(l))).slice(1, -1))
    )
    if (entry)
      return {
        content: null,
        toolCalls: [{ name: 'write_test_file', arguments: { content: repairs[entry.name]! } }]
      }
    return { content: 'I cannot improve this test without more information.' }
  }
}
