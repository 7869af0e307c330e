import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { COMMANDS, type Command } from '../../src/answer/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Block } from '../../src/render/blocks.js';
import { type Message, renderDecision } from '../../src/render/message.js';
import { escapeText, truncate } from '../../src/render/mrkdwn.js';
import { renderApology, renderGone, renderProblem } from '../../src/render/notice.js';
import { replyTo } from '../../src/render/reply.js';
import { renderHome, renderModal } from '../../src/render/view.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { knowledgeCopy, realEngine } from '../helpers/knowledge.js';

/** One string the bot hands Slack, and how Slack reads it. */
interface Shown {
  where: string;
  kind: 'mrkdwn' | 'plain_text' | 'fallback';
  text: string;
}

/** Every text object of some blocks (sections, fields, contexts, headers, buttons), with its path. */
function textsOf(blocks: Block[], where: string): Shown[] {
  const found: Shown[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    } else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') {
        found.push({ where: path, kind: o.type, text: o.text });
      }
      for (const [key, v] of Object.entries(o)) walk(v, `${path}.${key}`);
    }
  };
  walk(blocks, where);
  return found;
}

const textsOfMessage = (message: Message, where: string): Shown[] => [
  ...textsOf(message.blocks, where),
  { where: `${where}.text`, kind: 'fallback', text: message.text },
];

/** Slack's own syntax the bot may write: a user or channel mention, or a link. Never a broadcast (`<!here>`). */
const SLACK_SYNTAX = /<@[UW][A-Z0-9]+>|<#C[A-Z0-9]+(?:\|[^<>]*)?>|<(?:https?:\/\/|mailto:)[^<>|\s]+(?:\|[^<>]*)?>/g;
/** A block quote marker: `>` opening a line, then a space or the line's end. */
const QUOTE_MARKER = /^>(?= |$)/gm;
const ENTITY = /&(?:amp|lt|gt);/g;

/** What is left of a string once Slack's legitimate markup is taken out: it must hold no `<`, `>` or bare `&`. */
function stray(shown: Shown): string[] {
  let rest = shown.text;
  if (shown.kind !== 'plain_text') rest = rest.replace(SLACK_SYNTAX, '').replace(QUOTE_MARKER, '');
  const problems: string[] = [];
  for (const match of rest.matchAll(/[<>]/g)) {
    problems.push(`(${shown.kind}) unescaped "${match[0]}" in …${rest.slice(Math.max(0, match.index - 30), match.index + 30)}…`);
  }
  if (shown.kind !== 'plain_text') {
    for (const match of rest.replace(ENTITY, '').matchAll(/&/g)) {
      problems.push(`(${shown.kind}) bare "&" in …${rest.slice(Math.max(0, match.index - 30), match.index + 30)}…`);
    }
  }
  return problems;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Asserts nothing stray is left; each kind of problem is reported once, with the first place it was seen. */
function expectClean(shown: Shown[]) {
  const problems = new Map<string, string>();
  for (const s of shown) for (const problem of stray(s)) if (!problems.has(problem)) problems.set(problem, s.where);
  expect([...problems].map(([problem, where]) => `${where}: ${problem}`)).toEqual([]);
  expect(shown.filter((s) => LONE_SURROGATE.test(s.text)).map((s) => s.where)).toEqual([]);
}

/** Texts users type that carry Slack's control characters, escaped by Slack or not. */
const HOSTILE_TEXTS = [
  'x < y && z > w',
  'AT&T <b>bold</b> & co',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<!here> <!channel> <!subteam^S123|@team> hello',
  '<@U123> what about <#C123|general> and <https://example.org|a link>?',
  'Mali > Haiti & Sudan',
  '<<>>&&',
  '> quoted line\n>> twice',
];

function everyRequest(engine: ReturnType<typeof realEngine>): { where: string; command: Command | null; text: string }[] {
  const { missions, stories, topics } = engine.knowledge;
  const texts = [
    '',
    'help',
    'list',
    ...missions.flatMap((m) => [m.id, m.where, m.name]),
    ...stories.map((s) => s.title),
    ...topics.map((t) => t.title),
    'qwxzv blorp',
    'what does the human rights team do?',
    'how many students graduated?',
    'when was UNJHRO established?',
    'Sudan',
    ...HOSTILE_TEXTS,
  ];
  return [...COMMANDS, null].flatMap((command) =>
    texts.map((text) => ({ where: `${command ?? 'question'} ${JSON.stringify(text)}`, command, text })),
  );
}

const engine = realEngine();

describe('everything the bot writes keeps Slack’s escaping rule (no raw <, > or & outside Slack’s own syntax)', () => {
  it('answers to every command and question over the real knowledge, including hostile user texts', () => {
    for (const { where, command, text } of everyRequest(engine)) {
      const reply = replyTo(engine, { command, text });
      expectClean(textsOfMessage(reply.message, where));
    }
  });

  it('a user’s & comes back as &amp;, and their < and > never come back raw', () => {
    const message = renderDecision(engine.answer({ command: '/hr-mission', text: 'AT&T <b>x</b> zzqv' }));
    expect(JSON.stringify(message.blocks)).toContain('AT&amp;T');
    expectClean(textsOfMessage(message, 'AT&T'));
  });

  it('every entry as a button opens it, in a message and in a modal; the Home tab; a gone entry', () => {
    const { missions, stories, topics } = engine.knowledge;
    for (const entry of [...missions, ...stories, ...topics]) {
      const decision = engine.show(entry.type, entry.id);
      expect(decision, entry.id).toBeDefined();
      expectClean(textsOfMessage(renderDecision(decision as NonNullable<typeof decision>), `show ${entry.id}`));
      const modal = renderModal(decision);
      expectClean([
        ...textsOf(modal.blocks, `modal ${entry.id}`),
        { where: `modal ${entry.id} title`, kind: 'plain_text', text: modal.title.text },
      ]);
    }
    expectClean(textsOf(renderHome(engine.knowledge).blocks, 'home'));
    expectClean(textsOf(renderModal(undefined).blocks, 'gone modal'));
  });

  it('a shared answer credits the sharer with a real mention, and nothing else', () => {
    const decision = engine.answer({ command: '/hr-mission', text: 'Mali' });
    const shared = renderDecision(decision, { sharedBy: 'U123ABC' });
    expect(JSON.stringify(shared.blocks)).toContain('Shared by <@U123ABC>');
    expectClean(textsOfMessage(shared, 'shared'));
    expectClean(textsOfMessage(renderDecision(decision, { sharedBy: '<!here>' }), 'shared by a broadcast'));
  });

  it('notices: a refused request, an apology, a gone entry', () => {
    for (const input of [
      { command: '/hr-nope<x>', text: 'a' },
      { command: '/hr-mission', text: `${'<&>'.repeat(1400)}` },
      { command: '/hr-mission', text: 42 },
      null,
    ]) {
      expectClean(textsOfMessage(replyTo(engine, input).message, `problem ${JSON.stringify(input).slice(0, 40)}`));
    }
    expectClean(textsOfMessage(renderProblem('a < b & c > d'), 'problem text'));
    expectClean(textsOfMessage(renderApology('ab12cd34'), 'apology'));
    expectClean(textsOfMessage(renderGone(), 'gone'));
  });
});

describe('knowledge text carrying <, > and & is escaped wherever it is shown', () => {
  const TITLE = 'Courts & <b>justice</b> here';
  const ADDED = ' (R&D <phase 2> -> done)';
  const FIGURE = 'R&D <phase 2>';
  const NAME = 'A mission <in> the field & co';
  const copy = knowledgeCopy();
  // Chosen from the copy's own knowledge (the fixture), which these edits change.
  const base = loadKnowledge(copy.dir);
  // A story with figures, and one of its missions: each gets a title, a passage, a figure or a name with &, < and >.
  const story = base.stories.find((s) => s.figures.length > 0 && s.missions.length > 0);
  if (!story) throw new Error('test set-up: the knowledge has no story with figures and a mission');
  const mission = base.missions.find((m) => m.id === story.missions[0]);
  if (!mission) throw new Error(`test set-up: mission ${story.missions[0]} not found`);
  const source = base.sources.get(story.source);
  if (!source) throw new Error(`test set-up: source ${story.source} not found`);
  const ending = story.text.trimEnd().slice(-12);
  copy.edit(story.file, /^title: .*$/m, `title: ${TITLE}`);
  // A passage must be word for word in its source: the source says the same.
  for (const file of [story.file, source.file]) copy.edit(file, ending, `${ending.slice(0, -1)}${ADDED}${ending.slice(-1)}`);
  copy.edit(story.file, /^figures:\n/m, `figures:\n  - ${FIGURE}\n`);
  copy.edit(mission.file, /^name: .*$/m, `name: ${NAME}`);
  // A mission's name is checked against its row in its facts source: the row says the same.
  const facts = base.sources.get(mission.factsSource);
  if (!facts) throw new Error(`test set-up: source ${mission.factsSource} not found`);
  copy.edit(facts.file, `| ${mission.id} | ${mission.name} |`, `| ${mission.id} | ${NAME} |`);
  const fixture = createAnswerEngine(loadKnowledge(copy.dir));
  afterAll(() => copy.remove());

  /** Every message and view the bot can make over the fixture knowledge. */
  function everythingShown(): Shown[] {
    const shown: Shown[] = [];
    for (const { where, command, text } of everyRequest(fixture)) {
      shown.push(...textsOfMessage(replyTo(fixture, { command, text }).message, where));
    }
    for (const entry of [...fixture.knowledge.missions, ...fixture.knowledge.stories]) {
      const decision = fixture.show(entry.type, entry.id);
      shown.push(...textsOfMessage(renderDecision(decision as NonNullable<typeof decision>), `show ${entry.id}`));
      shown.push(...textsOf(renderModal(decision).blocks, `modal ${entry.id}`));
    }
    shown.push(...textsOf(renderHome(fixture.knowledge).blocks, 'home'));
    return shown;
  }

  it('in every mrkdwn text: a story title, passage and figure, a mission name', () => {
    expectClean(everythingShown().filter((s) => s.kind === 'mrkdwn'));
    const passage = JSON.stringify(
      renderDecision(fixture.show('story', story.id) as NonNullable<ReturnType<typeof fixture.show>>),
    );
    expect(passage).toContain(escapeText(ADDED));
    expect(passage).toContain(`"${escapeText(FIGURE)}"`);
    const card = JSON.stringify(
      renderDecision(fixture.show('mission', mission.id) as NonNullable<ReturnType<typeof fixture.show>>),
    );
    expect(card).toContain(`*${escapeText(TITLE)}*`);
    expect(card).toContain(escapeText(NAME));
  });

  it('in the plain-text fallback too, which Slack reads as markup (notifications, screen readers)', () => {
    expectClean(everythingShown().filter((s) => s.kind === 'fallback'));
  });
});

describe('truncation never splits a character', () => {
  const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const segments = (text: string) => [...graphemes.segment(text)].map((s) => s.segment);

  /** The cut keeps within max, ends between two graphemes of the original, and leaves no half of a surrogate pair. */
  function expectWholeGraphemes(text: string, max: number) {
    const cut = truncate(text, max);
    expect(cut.length).toBeLessThanOrEqual(max);
    expect(LONE_SURROGATE.test(cut), JSON.stringify({ text, max, cut })).toBe(false);
    if (text.length <= max) {
      expect(cut).toBe(text);
      return;
    }
    expect(cut.endsWith('…')).toBe(true);
    const kept = segments(cut.slice(0, -1));
    expect(kept, JSON.stringify({ text, max, cut })).toEqual(segments(text).slice(0, kept.length));
  }

  const EMOJI = ['👍🏽', '🇺🇳', '👩‍👩‍👧', '😀', '𝄞', '🏳️‍🌈', 'é', '👍', '🇫🇷🇩🇪'];

  it('texts ending in emoji, at every cut length', () => {
    for (const emoji of EMOJI) {
      for (const text of [`Thanks ${emoji}`, `ok${emoji}${emoji}${emoji}`, emoji.repeat(5), `a ${emoji} b ${emoji}`]) {
        for (let max = 1; max <= text.length + 1; max++) expectWholeGraphemes(text, max);
      }
    }
  });

  it('random texts of letters, spaces and emoji, at random cut lengths', () => {
    const piece = fc.oneof(fc.constantFrom(...EMOJI, ' ', 'a', 'Z', '-'), fc.string({ unit: 'grapheme', maxLength: 3 }));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
        fc.integer({ min: 1, max: 120 }),
        (text, max) => {
          expectWholeGraphemes(text, max);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a /hr-mission with a 3,000-emoji text gets a valid message, refused or answered', () => {
    for (const emoji of ['👍🏽', '🇺🇳', '👩‍👩‍👧', '😀']) {
      const text = emoji.repeat(3000);
      const refused = replyTo(engine, { command: '/hr-mission', text });
      expectWithinBlockKitLimits(refused.message);
      expectClean(textsOfMessage(refused.message, `refused ${emoji}`));
      // Past the length check (as a console or a larger limit would let it through), the echo of the query is cut whole.
      const answered = renderDecision(engine.answer({ command: '/hr-mission', text }));
      expectWithinBlockKitLimits(answered);
      expectClean(textsOfMessage(answered, `answered ${emoji}`));
      for (const shown of textsOfMessage(answered, emoji)) expect(LONE_SURROGATE.test(shown.text), shown.where).toBe(false);
    }
  });
});
