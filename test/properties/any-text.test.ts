import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../src/answer/request.js';
import { renderDecision } from '../../src/render/message.js';
import { renderProblem } from '../../src/render/notice.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { realEngine } from '../helpers/knowledge.js';

const engine = realEngine();

/** What a user could type: Slack markup, entities, control and direction marks, emoji, any Unicode, long text. */
const slackish = fc.constantFrom(
  '<@U1>',
  '<@U0BOT|hr-bot>',
  '<#C1|x>',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S1|@team>',
  '<http://x|y>',
  '<mailto:a@b.c|mail>',
  '&amp;',
  '&lt;!channel&gt;',
  '\u200f',
  '\u202e',
  '\u0000',
  '\u001b[31m',
  '\n',
  '\t',
  '🇸🇸',
  '👩🏽‍⚖️',
  '*',
  '_',
  '~',
  '`',
  '>',
  'MINUSCA',
  'Haïti',
  'Kosovo',
  'how many',
);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(slackish, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join(' ')),
  fc.string({ minLength: 3_900, maxLength: 4_000 }),
  fc.string({ minLength: 9_990, maxLength: 10_000 }),
);
const command = fc.constantFrom('/hr-mission' as const, '/hr-story' as const, null);

function answerAsSlackWould(input: { command: '/hr-mission' | '/hr-story' | null; text: string }) {
  const checked = checkRequest(input);
  return checked.ok ? renderDecision(engine.answer(checked.request)) : renderProblem(checked.error);
}

describe('any text, to every command and as a question', () => {
  it('gives a valid message within every Block Kit limit, with no mass mention, the same every time', () => {
    fc.assert(
      fc.property(command, text, (cmd, t) => {
        const first = answerAsSlackWould({ command: cmd, text: t });
        expectWithinBlockKitLimits(first);
        expect(answerAsSlackWould({ command: cmd, text: t })).toEqual(first);
      }),
      { numRuns: 400 },
    );
  });

  it('10,000 characters is refused with a clear message, not an answer', () => {
    const message = answerAsSlackWould({ command: '/hr-mission', text: 'Mali '.repeat(2000) });
    expect(message.text).toContain('the text is 10000 characters long; keep it under 4000');
    expectWithinBlockKitLimits(message);
  });
});
