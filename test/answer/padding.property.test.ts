import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realEngine } from '../helpers/knowledge.js';
import { byKind, questions } from './relevance-table.js';

const engine = realEngine();

/**
 * Every question of the relevance table: rows asked with a command are names or themes, not
 * conversation, and rows answered with help are padding already, with no question inside.
 */
const tableQuestions = [...questions, ...Object.values(byKind).flat()]
  .filter((row) => !row.command && row.status !== 'help')
  .map((row) => row.text);

const greeting = fc.constantFrom(
  'Hi!',
  'Hello,',
  'Hey there 👋',
  'Good morning!',
  'Good afternoon team,',
  'Dear bot,',
  'Bonjour !',
  'Hi again 😊',
  'Sorry to bother you,',
  'Quick one:',
);
const selfIntroduction = fc.constantFrom(
  "I'm new in the Bangui office.",
  'I work in finance in Juba.',
  "I'm a communications officer in New York.",
  'I just joined the mission last week.',
  'My name is Amina and I work in logistics.',
  "I'm preparing a briefing for my boss.",
  'Je suis nouvelle au bureau de Goma.',
);
const thanks = fc.constantFrom(
  'Thanks!',
  'Many thanks 🙏',
  'Thank you so much.',
  'Cheers',
  'Thanks in advance!',
  'Much appreciated 🙂',
  'Merci !',
  'thx',
);
const emoji = fc.constantFrom('🙏', '😊', '👍', '🇺🇳', '✨', '👩🏽‍💼');
const frame = fc.constantFrom('could you tell me', 'can you tell me', 'please tell me', 'could you please tell me');

const padding = fc.record({
  greeting: fc.option(greeting, { nil: undefined }),
  introduction: fc.option(selfIntroduction, { nil: undefined }),
  frame: fc.option(frame, { nil: undefined }),
  thanks: fc.option(thanks, { nil: undefined }),
  emoji: fc.option(emoji, { nil: undefined }),
});

function top(text: string) {
  const decision = engine.answer({ command: null, text });
  return { status: decision.status, first: decision.results[0]?.entry.id };
}

describe('padding around a question', () => {
  it('never changes its answer: greetings, thanks, self-introductions, emoji, "could you tell me"', () => {
    fc.assert(
      fc.property(fc.constantFrom(...tableQuestions), padding, (question, pad) => {
        const padded = [pad.greeting, pad.introduction, pad.frame ? `${pad.frame} ${question}` : question, pad.thanks, pad.emoji]
          .filter(Boolean)
          .join(' ');
        expect(top(padded), padded).toEqual(top(question));
      }),
      { numRuns: 600 },
    );
  });
});
