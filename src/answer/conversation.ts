import type { Decision } from './types.js';

/** What a conversation is about after an answer: the entry it found, else what it was about before ("thanks!" changes nothing). */
export function aboutAfter(decision: Decision, before: string | undefined): string | undefined {
  return (decision.status === 'found' ? decision.results[0]?.entry.id : undefined) ?? before;
}
