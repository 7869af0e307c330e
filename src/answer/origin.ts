import type { AnswerEngine } from './engine.js';
import type { Decision, Origin } from './types.js';

/** Answers again what a button asks for: a request, or one entry (undefined if it is gone). */
export function answerOrigin(engine: AnswerEngine, origin: Origin): Decision | undefined {
  return 'command' in origin ? engine.answer(origin) : engine.show(origin.type, origin.id);
}
