import { type AnswerRequest, COMMANDS, type Command } from './types.js';

export const MAX_TEXT_LENGTH = 4000;

export type RequestCheck = { ok: true; request: AnswerRequest } | { ok: false; error: string };

export function isCommand(value: unknown): value is Command {
  return (COMMANDS as readonly unknown[]).includes(value);
}

function isContext(value: unknown): value is { entryId: string } {
  return typeof value === 'object' && value !== null && typeof (value as { entryId?: unknown }).entryId === 'string';
}

/** Checks a request from any channel (Slack, console, `ask --jsonl`) before it reaches the engine. */
export function checkRequest(input: unknown): RequestCheck {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, error: 'a request is an object like {"command": "/hr-mission", "text": "MINUSCA"}' };
  }
  const { command = null, text = '', context } = input as Record<string, unknown>;
  if (command !== null && !isCommand(command)) {
    return {
      ok: false,
      error: `unknown command ${JSON.stringify(command)}: use ${COMMANDS.join(' or ')}, or none for a question`,
    };
  }
  if (typeof text !== 'string') {
    return { ok: false, error: '"text" must be a string' };
  }
  if (text.length > MAX_TEXT_LENGTH) {
    return {
      ok: false,
      error: `the text is ${text.length} characters long; keep it under ${MAX_TEXT_LENGTH} (a mission name or a short question works best)`,
    };
  }
  if (context !== undefined && !isContext(context)) {
    return { ok: false, error: '"context" must be an object like {"entryId": "MINUSCA"}' };
  }
  return { ok: true, request: { command, text, ...(context ? { context: { entryId: context.entryId } } : {}) } };
}
