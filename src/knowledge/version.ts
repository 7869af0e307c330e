import { createHash } from 'node:crypto';
import type { KnowledgeBase } from './types.js';

/** A short hash of the knowledge's content, glossary included: the same files give the same version on every replica. */
export function knowledgeVersion(knowledge: KnowledgeBase): string {
  const { missions, topics, stories, sources, footnotes, glossary } = knowledge;
  return createHash('sha256')
    .update(JSON.stringify({ missions, topics, stories, sources: [...sources], footnotes: [...footnotes], glossary }))
    .digest('hex')
    .slice(0, 12);
}
