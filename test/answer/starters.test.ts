import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { starterQuestions } from '../../src/answer/starters.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { knowledgeCopy } from '../helpers/knowledge.js';

describe("the assistant's suggested prompts for a new colleague", () => {
  it('offer first the topics editors mark welcome, asked in the first phrasing of their asks', () => {
    const kb = knowledgeCopy();
    try {
      const plain = starterQuestions(createAnswerEngine(loadKnowledge(kb.dir)));
      const [, ...rest] = createAnswerEngine(loadKnowledge(kb.dir)).knowledge.topics;
      const chosen = rest.find((t) => !plain.topics.some((s) => s.entry.id === t.id));
      if (!chosen) throw new Error('test set-up: the fixture needs a topic that is not already a prompt');
      const file = `topics/${chosen.id}.md`;
      kb.edit(file, /^keywords: (.*)$/m, `keywords: $1\nwelcome: true\nasks:\n  - ${chosen.title}?`);
      const starters = starterQuestions(createAnswerEngine(loadKnowledge(kb.dir)));
      expect(starters.topics[0]).toEqual({ entry: expect.objectContaining({ id: chosen.id }), question: `${chosen.title}?` });
    } finally {
      kb.remove();
    }
  });
});
