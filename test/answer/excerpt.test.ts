import { describe, expect, it } from 'vitest';
import { excerptFor } from '../../src/answer/excerpt.js';
import { fixtureKnowledge } from '../helpers/knowledge.js';

const [topic] = fixtureKnowledge().topics;
const entry = {
  ...topic,
  text: 'Rivers flow to the sea. Mountains rise over the valley. Forests grow on the hills. Plains spread to the south.',
};

describe('the sentences quoted to answer a question', () => {
  it('are parted by "…" when the text has others between them', () => {
    expect(excerptFor(entry, ['rivers', 'forests'], false)).toBe('Rivers flow to the sea. … Forests grow on the hills.');
  });

  it('are joined as the text joins them when they are next to each other', () => {
    expect(excerptFor(entry, ['rivers', 'mountains'], false)).toBe('Rivers flow to the sea. Mountains rise over the valley.');
  });
});

describe('a list quoted beside a sentence', () => {
  it('keeps its lines, and the sentence after it a line of its own', () => {
    const text =
      'Rivers are many.\n\nThe goals are:\n\n- to map the rivers\n- to count the lakes\n\nForests grow.\n\nLakes are few.';
    const excerpt = excerptFor({ ...topic, text }, ['goals', 'forests'], false);
    expect(excerpt).toBe('The goals are:\n- to map the rivers\n- to count the lakes\nForests grow.');
  });
});
