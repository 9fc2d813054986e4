/**
 * A local OpenAI-compatible endpoint that REPLAYS a recorded transcript: each POST
 * /v1/chat/completions gets the next recorded assistant reply. No model runs. It checks that the
 * client speaks the fixer's tool protocol (tools offered, each earlier tool call answered by a
 * `tool` message with its id), and answers 400 with the reason when it does not, so a change to
 * the protocol breaks the demo loudly instead of replaying nonsense.
 */
import { createServer } from 'node:http'

function completion(step, index, model) {
  const toolCalls = (step.tool_calls ?? []).map(call => ({
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.arguments) }
  }))
  return {
    id: `replay-${index + 1}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: step.content ?? null,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {})
        },
        finish_reason: toolCalls.length ? 'tool_calls' : 'stop'
      }
    ],
    usage: {
      ...step.usage,
      total_tokens: (step.usage?.prompt_tokens ?? 0) + (step.usage?.completion_tokens ?? 0)
    }
  }
}

/** Why a request does not continue the transcript, or undefined when it does. */
function protocolProblem(body, steps, index) {
  if (!body || !Array.isArray(body.messages)) return 'the request has no messages'
  if (body.stream) return 'the replay answers non-streaming requests only'
  const offered = new Set((body.tools ?? []).map(tool => tool?.function?.name))
  for (const call of steps[index].tool_calls ?? []) {
    if (!offered.has(call.name))
      return `the recorded reply calls "${call.name}", which the request does not offer (offered: ${[...offered].join(', ') || 'none'})`
  }
  if (index > 0) {
    const answered = new Set(body.messages.filter(m => m.role === 'tool').map(m => m.tool_call_id))
    for (const call of steps[index - 1].tool_calls ?? []) {
      if (!answered.has(call.id))
        return `the tool call ${call.id} (${call.name}) of the previous reply has no tool result in the conversation`
    }
  }
  return undefined
}

/** Starts the replay on 127.0.0.1; `url` is the base URL (ending in /v1) for llm-base-url. */
export async function startReplayServer(transcript) {
  const steps = transcript.steps
  const state = { served: 0, problems: [], requests: [] }
  const server = createServer((request, response) => {
    let raw = ''
    request.setEncoding('utf8')
    request.on('data', chunk => (raw += chunk))
    request.on('end', () => {
      const send = (status, value) => {
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify(value))
      }
      if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
        return send(404, {
          error: {
            message: `The replay serves POST /v1/chat/completions only, not ${request.method} ${request.url}`
          }
        })
      }
      let body
      try {
        body = JSON.parse(raw)
      } catch {
        return send(400, { error: { message: 'The request body is not JSON.' } })
      }
      state.requests.push(body)
      if (state.served >= steps.length) {
        const message = `The recorded transcript has ${steps.length} replies; request ${state.served + 1} has none.`
        state.problems.push(message)
        return send(400, { error: { message, type: 'invalid_request_error' } })
      }
      const problem = protocolProblem(body, steps, state.served)
      if (problem) {
        state.problems.push(problem)
        return send(400, { error: { message: `Replay mismatch: ${problem}`, type: 'invalid_request_error' } })
      }
      send(200, completion(steps[state.served], state.served, transcript.model))
      state.served++
    })
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}/v1`,
    state,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}
