import type { AnswerEngine } from '../answer/engine.js';
import { checkRequest } from '../answer/request.js';
import type { Decision } from '../answer/types.js';
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
