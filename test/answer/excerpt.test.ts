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

describe('the sentence chosen', () => {
  const passage = {
    ...topic,
    text: 'River boats carry goods. River boats stop at towns. Boats are built in the north. The river boats made 40 trips. Crews are trained every year.',
  };

  it('is the one holding the word of the question that the passage says once, over words it repeats', () => {
    expect(excerptFor(passage, ['boats', 'crews'], false)).toBe('Crews are trained every year.');
  });

  it('comes with the one before it when it points back to it', () => {
    const text = 'Rivers flow to the sea. Mountains rise over the valley. The valley floods. This drowned 300 sheep.';
    expect(excerptFor({ ...topic, text }, ['sheep'], true)).toBe('The valley floods. This drowned 300 sheep.');
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
