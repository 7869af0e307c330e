import type { Decision } from './types.js';

/**
 * What a conversation is about after an answer: the entry it found; nothing after a choice or a
 * list of several ("Sudan" could mean two missions: "it" is neither, nor what came before); else
 * what it was about before ("thanks!" changes nothing).
 */
export function aboutAfter(decision: Decision, before: string | undefined): string | undefined {
  if (decision.status === 'ambiguous' || decision.status === 'list') return undefined;
  return (decision.status === 'found' ? decision.results[0]?.entry.id : undefined) ?? before;
}
