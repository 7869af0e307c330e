import { describe, expect, it } from 'vitest';
import { generateKnowledge } from '../../bench/generate-knowledge.js';
import { createAnswerEngine } from '../../src/answer/engine.js';
import type { Command } from '../../src/answer/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderDecision } from '../../src/render/message.js';
import { renderNoStory } from '../../src/render/quotable-story.js';
import { renderHome, renderModal } from '../../src/render/view.js';
import { isUnanswered } from '../../src/store/records.js';
import { buttonsOf, expectBlocksWithinLimits, expectNoMassMention, expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { fixtureEngine, knowledgeCopy } from '../helpers/knowledge.js';

const engine = fixtureEngine();
const render = (command: Command | null, text: string) => renderDecision(engine.answer({ command, text }));
const all = (m: ReturnType<typeof render>) => JSON.stringify(m.blocks);
const KOSOVO_NOTE =
  '*References to Kosovo shall be understood to be in the context of UN Security Council Resolution 1244 (1999).';

describe('mission card', () => {
  it('shows acronym, where, full name, kind, status, stories, sources and a share button', () => {
    const card = render('/hr-mission', 'MINUSCA');
    expect(card.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'MINUSCA · Central African Republic', emoji: false },
    });
    const text = all(card);
    expect(text).toContain('United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic');
    expect(text).toContain('Peacekeeping operation · Active · Has a human rights team');
    expect(text).toContain('Human rights forum in the Central African Republic');
    expect(text).toContain('Electoral support in the Central African Republic');
    expect(text).toContain('Sources: ');
    const buttons = buttonsOf(card.blocks);
    expect(buttons.map((b) => b.text.text)).toEqual([
      'Share in channel',
      'Human rights forum in the Central African Republic',
      'Electoral support in the Central African Republic',
    ]);
    expectWithinBlockKitLimits(card);
  });

  it('says in the past tense that a mission that ended had a human rights team', () => {
    expect(all(render('/hr-mission', 'MINUSTAH'))).toMatch(/Closed [^·]+ · Had a human rights team/);
    expect(all(render('/hr-mission', 'UNSOM'))).toMatch(/Succeeded by [^·]+ · Had a human rights team/);
  });

  it('a placeholder country says no summary is published and points to its stories, never "TK"', () => {
    for (const name of ['MINUSCA', 'MONUSCO']) {
      const card = render('/hr-mission', name);
      expect(all(card)).toContain('No achievement summary has been published for this mission yet. Its stories are below.');
      expect(JSON.stringify(card)).not.toMatch(/\bTK\b/);
    }
  });

  it('a closed mission says so, with its date', () => {
    expect(all(render('/hr-mission', 'Haiti'))).toContain('Peacekeeping operation · Closed 15 October 2017');
    expect(all(render('/hr-mission', 'UNSOM'))).toContain(
      'Succeeded by UNTMIS (United Nations Transitional Assistance Mission in Somalia) on 1 November 2024',
    );
  });

  it('shows achievement summaries in the source’s words', () => {
    expect(all(render('/hr-mission', 'UNMIK'))).toContain('to clarify the fate of 1658 persons still missing');
  });

  it('a Kosovo card ends with the 1244 note', () => {
    const card = render('/hr-mission', 'Kosovo');
    const contexts = card.blocks.filter((b) => b.type === 'context');
    expect(JSON.stringify(contexts.at(-1))).toContain(KOSOVO_NOTE);
    expect(card.text).toContain(KOSOVO_NOTE);
  });
});

describe('story for communications', () => {
  it('quotes the passage word for word, with figures and attribution', () => {
    const story = render('/hr-story', 'South Sudan');
    expect(story.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Mobile courts in South Sudan · UNMISS' } });
    const quote = story.blocks[1];
    expect(quote).toMatchObject({ type: 'section' });
    expect(quote.type === 'section' && quote.text?.text).toBe(
      '> In South Sudan, the peacekeeping mission (UNMISS) has partnered with the national judiciary to build mobile courts. These courts can travel around the country, helping to uphold rights and bring justice to people in remote, often conflict-affected areas. Earlier this year a mobile court was able to hear 45 criminal cases and appeals in the community of Koch in the country’s north - all in just 25 days. This resulted in nine convictions, including two for sexual and gender-based violence, and the release of 25 inmates who were found to have been unjustly imprisoned.',
    );
    const fields = story.blocks.flatMap((b) => (b.type === 'section' && b.fields ? b.fields.map((f) => f.text) : []));
    expect(fields).toEqual([
      '45 criminal cases and appeals',
      '25 days',
      'nine convictions, including two for sexual and gender-based violence',
      '25 inmates who were found to have been unjustly imprisoned',
    ]);
    expect(all(story)).toContain(
      'Maya Kelly, Strategic Communications Consultant and Social Media Coordinator for the UN Department of Peace Operations · UN Peacekeeping, 2024',
    );
    expectWithinBlockKitLimits(story);
  });

  it('the Kosovo story carries the note, and its figures', () => {
    const story = render('/hr-story', 'Kosovo');
    expect(all(story)).toContain(KOSOVO_NOTE);
    expect(all(story)).toContain('The first cohort of 41 students');
  });

  it('escapes the dollar story’s text only where Slack needs it', () => {
    const text = all(render('/hr-story', 'elections'));
    expect(text).toContain('over $1 million USD');
  });
});

describe('answers to questions', () => {
  it('gives the best entry, sourced, without a share button', () => {
    const answer = render(null, 'what are the goals of human rights teams?');
    const text = all(answer);
    expect(text).toContain('1. to contribute to the protection and promotion of human rights');
    expect(text).toContain('From UN Peacekeeping, “Promoting human rights”');
    expect(text).not.toContain('Share in channel');
    expectWithinBlockKitLimits(answer);
  });

  it('offers a tie as a button, not pasted', () => {
    const decision = engine.answer({ command: null, text: 'role' });
    expect(decision.results).toHaveLength(2);
    const message = renderDecision(decision);
    const buttons = buttonsOf(message.blocks).map((b) => b.text.text);
    expect(buttons).toEqual([`Also: ${decision.results[1].entry.title}`]);
  });
});

describe('lists, ambiguity, not found, help', () => {
  it('a list of the missions still running, or that ended, or of one kind, says so in its title and lists only them', () => {
    const kb = knowledgeCopy();
    try {
      kb.edit(
        'glossary.yml',
        /^ {2}status: .*$/m,
        '  active: [still running]\n  closed: [ended]\n  political: [political missions]\n  peacekeeping: [peacekeeping operations]',
      );
      const statuses = createAnswerEngine(loadKnowledge(kb.dir));
      const ended = renderDecision(statuses.answer({ command: null, text: 'which missions ended?' }));
      expect(ended.blocks[0]).toMatchObject({ text: { text: 'Missions with a human rights team that have ended (7)' } });
      expect(all(ended)).not.toContain('· Active');
      const running = renderDecision(statuses.answer({ command: '/hr-mission', text: 'still running' }));
      expect(running.blocks[0]).toMatchObject({ text: { text: 'Missions with a human rights team, still running (6)' } });
      expect(all(running)).not.toContain('Closed');
      const political = renderDecision(statuses.answer({ command: null, text: 'which political missions ended?' }));
      expect(political.blocks[0]).toMatchObject({
        text: { text: 'Special political missions with a human rights team that have ended (3)' },
      });
      const ofYear = renderDecision(statuses.answer({ command: null, text: 'which missions ended in 2020?' }));
      expect(ofYear.blocks[0]).toMatchObject({ text: { text: 'Missions with a human rights team that have ended in 2020 (2)' } });
      expect(statuses.answer({ command: null, text: 'which missions ended in 2019?' }).status).toBe('not_found');
      const peacekeeping = renderDecision(statuses.answer({ command: '/hr-mission', text: 'peacekeeping operations' }));
      expect(peacekeeping.blocks[0]).toMatchObject({ text: { text: 'Peacekeeping operations with a human rights team (8)' } });
    } finally {
      kb.remove();
    }
  });

  it('empty /hr-mission lists the 13 missions with status, and the Kosovo note', () => {
    const list = render('/hr-mission', '');
    expect(all(list)).toContain('*MINUSMA* · Mali · Closed 31 December 2023');
    expect(all(list)).toContain(KOSOVO_NOTE);
    expectWithinBlockKitLimits(list);
  });

  it('an ambiguous place offers one button per candidate and no share', () => {
    const message = render('/hr-mission', 'Sudan');
    const buttons = buttonsOf(message.blocks).map((b) => b.text.text);
    expect(buttons).toEqual(['UNAMID · Darfur, Sudan', 'UNMISS · South Sudan']);
  });

  it('not found names what was typed, escaped, with suggestions only when close', () => {
    const far = render('/hr-mission', 'Narnia &amp; &lt;friends&gt;');
    expect(all(far)).toContain("I couldn't find a mission matching “Narnia &amp; friends”");
    expect(far.blocks.some((b) => b.type === 'actions')).toBe(false);
    const close = render('/hr-mission', 'UNAMO');
    const buttons = buttonsOf(close.blocks).map((b) => b.text.text);
    expect(buttons).toEqual(['UNAMA · Afghanistan', 'UNAMI · Iraq']);
    // The plain text a notification shows names them too.
    expect(close.text).toContain('Did you mean UNAMA (Afghanistan) or UNAMI (Iraq)?');
    const question = render(null, 'tell me about mobile phones');
    expect(question.text).toContain('The closest I have: Mobile courts in South Sudan.');
  });

  it('a theme no story is about, that a card holds, says so and offers the card', () => {
    const message = render('/hr-story', 'torture');
    expect(message.text).toContain('No story is about “torture”. This mentions it:\n• UNSMIL · Libya');
    expect(buttonsOf(message.blocks).map((b) => b.text.text)).toEqual(['UNSMIL · Libya']);
  });

  it('a mission with no story says so and offers its card', () => {
    const message = render('/hr-story', 'Haiti');
    expect(all(message)).toContain('There is no story about *MINUSTAH · Haiti* yet.');
  });

  it("a theme none of a mission's stories is about says so, and offers its card and its stories", () => {
    const message = render('/hr-story', 'Kosovo elections');
    expect(all(message)).toContain('No story of *UNMIK · Kosovo* is about “Kosovo elections”.');
    expect(all(message)).toContain('`/hr-story UNMIK` lists its stories');
    expect(buttonsOf(message.blocks).map((b) => b.text.text)).toEqual(['UNMIK · Kosovo']);
  });

  it('a theme none of the stories of the missions a place names is about offers only those with stories', () => {
    const message = render('/hr-story', 'Sudan elections');
    expect(all(message)).toContain('No story of *UNMISS · South Sudan* is about “Sudan elections”.');
    expect(buttonsOf(message.blocks).map((b) => b.text.text)).toEqual(['UNMISS · South Sudan']);
  });

  it('in plain text (the workflow step), a theme no story is about says so too', () => {
    const engine = fixtureEngine();
    expect(renderNoStory(engine.answer({ command: '/hr-story', text: 'Kosovo elections' }))).toMatch(
      /^No story of UNMIK · Kosovo is about .Kosovo elections.\.$/,
    );
    expect(renderNoStory(engine.answer({ command: '/hr-story', text: 'Haiti' }))).toMatch(
      /^There is no story about MINUSTAH · Haiti yet/,
    );
  });

  it('a question for the stories lists them as /hr-story alone does', () => {
    const question = render(null, 'what stories do you have?');
    const command = render('/hr-story', '');
    expect(question.blocks[0]).toMatchObject({ text: { text: `Stories (${engine.knowledge.stories.length})` } });
    expect(question.blocks.slice(0, 2)).toEqual(command.blocks.slice(0, 2));
  });

  it('help explains both commands and questions', () => {
    const text = all(render('/hr-mission', 'help'));
    expect(text).toContain('/hr-mission &lt;acronym, country or town&gt;');
    expect(text).toContain('/hr-story &lt;mission, country or theme&gt;');
  });
});

describe('safety of what users typed', () => {
  it.each(['<!channel>', '<!here|here>', '&lt;!everyone&gt;', '<!subteam^S123|team>', '@channel Mali'])(
    '%s never becomes a mass mention',
    (text) => {
      for (const command of ['/hr-mission', '/hr-story', null] as const) {
        expectWithinBlockKitLimits(render(command, text));
      }
    },
  );
});

describe('App Home and modals', () => {
  it('the Home tab lists every mission and story with a button each', () => {
    const home = renderHome(engine.knowledge);
    expectBlocksWithinLimits(home.blocks, 100);
    expectNoMassMention(JSON.stringify(home));
    const accessories = home.blocks.flatMap((b) =>
      b.type === 'section' && b.accessory?.type === 'button' ? [b.accessory.value] : [],
    );
    expect(accessories).toHaveLength(13 + 5);
    expect(JSON.stringify(home)).toContain('Knowledge last updated');
    expect(JSON.stringify(home)).toContain(KOSOVO_NOTE);
  });

  it('a modal has a short title and no share button', () => {
    const modal = renderModal(engine.show('story', 'unmik-human-rights-masters') ?? (undefined as never));
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.stringify(modal)).not.toContain('Share in channel');
    expect(JSON.stringify(modal)).toContain(KOSOVO_NOTE);
  });
});

describe('a large knowledge base', () => {
  const big = createAnswerEngine(generateKnowledge(engine.knowledge, 2_000));
  const renderBig = (command: Command | null, text: string) => renderDecision(big.answer({ command, text }));

  it('a mission card lists a few stories and points to the rest', () => {
    const card = renderBig('/hr-mission', 'MINUSCA');
    const stories = big.knowledge.stories.filter((s) => s.missions.includes('MINUSCA')).length;
    expect(all(card)).toContain(`…and ${stories - 8} more: \`/hr-story MINUSCA\``);
    expect(buttonsOf(card.blocks)).toHaveLength(1 + 8);
    expectWithinBlockKitLimits(card);
  });

  it('the story list names the first 40 and counts the rest', () => {
    const list = renderBig('/hr-story', '');
    expect(all(list)).toContain('Stories (2000)');
    expect(all(list)).toContain('…and 1960 more: narrow it down');
    expectWithinBlockKitLimits(list);
  });

  it.each([
    ['/hr-story', 'South Sudan'],
    ['/hr-mission', 'Sudan'],
    [null, 'what does the human rights team do?'],
  ] as const)('%s %s stays within Block Kit limits', (command, text) => {
    expectWithinBlockKitLimits(renderBig(command, text));
  });
});

describe('a long answer', () => {
  it('keeps the Kosovo note at the end of a shortened text fallback', () => {
    const knowledge = engine.knowledge;
    const long = {
      ...knowledge,
      stories: knowledge.stories.map((s) =>
        s.id === 'unmik-human-rights-masters' ? { ...s, text: Array(12).fill(s.text).join('\n\n') } : s,
      ),
    };
    const message = renderDecision(createAnswerEngine(long).answer({ command: '/hr-story', text: 'Kosovo' }));
    expect(message.text.length).toBeLessThanOrEqual(4000);
    expect(message.text.endsWith(KOSOVO_NOTE)).toBe(true);
    expectWithinBlockKitLimits(message);
  });
});

describe('a figure the texts do not give', () => {
  it('is said above the closest passage, and editors see the question as unanswered', () => {
    const decision = engine.answer({ command: null, text: 'how many peacekeepers are in South Sudan?' });
    expect(decision.results[0]?.entry.id).toBe('UNMISS');
    expect(renderDecision(decision).text).toMatch(
      /^The texts I answer from give no figure for that\. The closest I have:\nUNMISS/,
    );
    expect(isUnanswered(decision)).toBe(true);
    const given = engine.answer({ command: null, text: 'how many cases did the mobile court hear?' });
    expect(renderDecision(given).text).not.toContain('no figure');
    expect(isUnanswered(given)).toBe(false);
  });
});
