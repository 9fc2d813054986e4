/** The demo's replay endpoint: plays the transcript in order, and refuses requests that leave the fixer's tool protocol. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import OpenAI from 'openai'
import { PROJECT_ROOT } from '../support/harness.js'

interface Transcript {
  model: string
  steps: Array<{
    content: string | null
    tool_calls: Array<{ id: string; name: string; arguments: unknown }>
  }>
}
interface Replay {
  url: string
  state: { served: number; problems: string[] }
  close(): Promise<void>
}

const transcript = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'scripts/demo/transcript.json'), 'utf8')
) as Transcript
const entry = pathToFileURL(join(PROJECT_ROOT, 'scripts/demo/replay-server.mjs')).href
const start = async (): Promise<Replay> =>
  ((await import(entry)) as { startReplayServer(t: Transcript): Promise<Replay> }).startReplayServer(
    transcript
  )

const TOOLS = ['read_file', 'show_change', 'edit_file', 'run_tests', 'finish'].map(name => ({
  type: 'function' as const,
  function: { name, parameters: { type: 'object', properties: {} } }
}))

describe('demo replay server', () => {
  it('answers with the recorded tool calls in order while each call gets its tool result', async () => {
    const replay = await start()
    const client = new OpenAI({ baseURL: replay.url, apiKey: 'none', maxRetries: 0 })
    try {
      const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: 'user', content: 'fix it' }]
      for (const step of transcript.steps) {
        const reply = await client.chat.completions.create({
          model: transcript.model,
          messages,
          tools: TOOLS
        })
        const message = reply.choices[0]!.message
        expect(message.tool_calls?.map(c => (c.type === 'function' ? c.function.name : ''))).toEqual(
          step.tool_calls.map(c => c.name)
        )
        messages.push(message)
        for (const call of message.tool_calls ?? [])
          messages.push({ role: 'tool', tool_call_id: call.id, content: 'done' })
      }
      expect(replay.state.served).toBe(transcript.steps.length)
      expect(replay.state.problems).toEqual([])
      // One more request than recorded: refused, not invented.
      await expect(
        client.chat.completions.create({ model: transcript.model, messages, tools: TOOLS })
      ).rejects.toThrow(/has 5 replies/)
    } finally {
      await replay.close()
    }
  })

  it('refuses a request that does not offer the recorded tool or drops a tool result', async () => {
    const replay = await start()
    const client = new OpenAI({ baseURL: replay.url, apiKey: 'none', maxRetries: 0 })
    try {
      await expect(
        client.chat.completions.create({
          model: 'm',
          messages: [{ role: 'user', content: 'x' }],
          tools: TOOLS.slice(1)
        })
      ).rejects.toThrow(/calls "read_file", which the request does not offer/)
      await client.chat.completions.create({
        model: 'm',
        messages: [{ role: 'user', content: 'x' }],
        tools: TOOLS
      })
      await expect(
        client.chat.completions.create({
          model: 'm',
          messages: [{ role: 'user', content: 'x' }],
          tools: TOOLS
        })
      ).rejects.toThrow(/call_demo_1 \(read_file\) of the previous reply has no tool result/)
      expect(replay.state.problems).toHaveLength(2)
    } finally {
      await replay.close()
    }
  })
})
