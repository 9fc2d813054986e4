import { validateJson } from './json.js'
import type { ChatToolCall, ToolDefinition } from './types.js'

export type ParsedToolCall =
  | { ok: true; id: string; name: string; args: Record<string, unknown> }
  | { ok: false; id: string; name: string; error: string }

/**
 * Checks one tool call from the model: a known tool, arguments that are a JSON object matching the
 * tool's schema. A problem comes back as a message for the model (send it as the tool result), never
 * as an exception.
 */
export function parseToolCall(call: ChatToolCall, tools: readonly ToolDefinition[]): ParsedToolCall {
  const tool = tools.find(t => t.name === call.name)
  if (!tool) {
    return {
      ok: false,
      id: call.id,
      name: call.name,
      error: `Unknown tool "${call.name}". Available tools: ${tools.map(t => t.name).join(', ')}.`
    }
  }
  let args: unknown
  try {
    args = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments)
  } catch (error) {
    return {
      ok: false,
      id: call.id,
      name: call.name,
      error: `The arguments of ${call.name} are not valid JSON (${(error as Error).message}). Send them again as one JSON object.`
    }
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    return {
      ok: false,
      id: call.id,
      name: call.name,
      error: `The arguments of ${call.name} must be a JSON object.`
    }
  }
  const problems = validateJson(args, tool.parameters)
  if (problems.length) {
    return {
      ok: false,
      id: call.id,
      name: call.name,
      error: `The arguments of ${call.name} do not match its schema: ${problems.slice(0, 5).join('; ')}.`
    }
  }
  return { ok: true, id: call.id, name: call.name, args: args as Record<string, unknown> }
}
