import type { AnswerEngine } from '../answer/engine.js';
import { checkRequest } from '../answer/request.js';
import type { Command, Decision } from '../answer/types.js';
import { type Message, type RenderOptions, renderDecision } from './message.js';
import { renderProblem } from './notice.js';

/** A request checked, answered and rendered; or, if it cannot be taken, the message saying why. */
export type Reply = { ok: true; decision: Decision; message: Message } | { ok: false; error: string; message: Message };

export function replyTo(engine: AnswerEngine, input: unknown, options?: RenderOptions): Reply {
  const checked = checkRequest(input);
  if (!checked.ok) return { ok: false, error: checked.error, message: renderProblem(checked.error) };
  const decision = engine.answer(checked.request);
  return { ok: true, decision, message: renderDecision(decision, options) };
}

interface ReplyCacheOptions {
  /** Replies kept per engine; past it, the oldest go first. */
  limit: number;
  /** Longer texts are answered every time, so that no one can fill memory with them. */
  longestText: number;
}

const DEFAULT_REPLY_CACHE: ReplyCacheOptions = { limit: 1_000, longestText: 100 };

/**
 * Replies to slash commands kept by their exact text: staff ask for the same mission names all
 * day, and the answer is the same until the knowledge changes. They are kept per engine, and a
 * reload brings a new engine, so a reply from old knowledge is never served (and is collected
 * with its engine).
 */
export function createReplyCache(options: RenderOptions, { limit, longestText } = DEFAULT_REPLY_CACHE) {
  const byEngine = new WeakMap<AnswerEngine, Map<string, Reply>>();
  return (engine: AnswerEngine, command: Command, text: string): Reply => {
    if (text.length > longestText) return replyTo(engine, { command, text }, options);
    let replies = byEngine.get(engine);
    if (!replies) {
      replies = new Map();
      byEngine.set(engine, replies);
    }
    const key = `${command} ${text}`;
    const kept = replies.get(key);
    if (kept) return kept;
    const reply = replyTo(engine, { command, text }, options);
    if (replies.size >= limit) replies.delete(replies.keys().next().value as string);
    replies.set(key, reply);
    return reply;
  };
}
