import type { Decision, Status } from '../answer/types.js';
import type { EntryType } from '../knowledge/types.js';
import type { Block } from './blocks.js';
import type { Message } from './message.js';

/** The `ask --json` object. Other tools depend on this shape: change it only with them. */
export interface AnswerJson {
  status: Status;
  results: { type: EntryType; id: string; title: string; score: number }[];
  text: string;
  blocks: Block[];
}

export function toAnswerJson(decision: Decision, message: Message): AnswerJson {
  return {
    status: decision.status,
    results: decision.results.map(({ entry, score }) => ({
      type: entry.type,
      id: entry.id,
      title: entry.title,
      score: Math.round(score * 1000) / 1000,
    })),
    text: message.text,
    blocks: message.blocks,
  };
}
