import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { knowledgeVersion } from '../../src/knowledge/version.js';
import { knowledgeCopy } from '../helpers/knowledge.js';

describe('the knowledge version', () => {
  it('is the same for the same files, and changes with any edit, a glossary-only one included', () => {
    const kb = knowledgeCopy();
    const first = knowledgeVersion(loadKnowledge(kb.dir));
    expect(knowledgeVersion(loadKnowledge(kb.dir))).toBe(first);
    kb.edit('glossary.yml', 'synonyms:\n', 'synonyms:\n  - term: mobile courts\n    also: [travelling tribunals]\n');
    expect(knowledgeVersion(loadKnowledge(kb.dir))).not.toBe(first);
  });
});

describe('the date the knowledge was last updated (Home tab)', () => {
  it('is that of the newest file, the glossary included', () => {
    const kb = knowledgeCopy();
    try {
      const later = new Date(loadKnowledge(kb.dir).updatedAt.getTime() + 86_400_000);
      utimesSync(join(kb.dir, 'glossary.yml'), later, later);
      expect(loadKnowledge(kb.dir).updatedAt).toEqual(later);
    } finally {
      kb.remove();
    }
  });
});
