import type { AnswerEngine } from '../answer/engine.js';
import { answerOrigin } from '../answer/origin.js';
import type { Decision } from '../answer/types.js';
import { decodeOrigin } from '../render/actions.js';

/**
 * What a button's or an option's value asks for, answered again; undefined for a value this app
 * did not make, or an entry gone since it was drawn.
 */
export function decisionForValue(engine: AnswerEngine, value: string | undefined): Decision | undefined {
  const origin = decodeOrigin(value);
  return origin ? answerOrigin(engine, origin) : undefined;
}
