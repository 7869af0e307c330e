import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { createLiveEngine } from '../../src/answer/live-engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderDecision } from '../../src/render/message.js';
import { buttonsOf } from '../helpers/block-kit.js';
import { type KnowledgeCopy, knowledgeCopy, problemsOf } from '../helpers/knowledge.js';
import { runScript } from '../helpers/run-cli.js';

/** A small knowledge folder of its own, so that these answers do not follow the real or the frozen one. */
const FIXTURE = new URL('./fixtures/knowledge', import.meta.url).pathname;

const copies: KnowledgeCopy[] = [];
afterEach(() => {
  for (const c of copies.splice(0)) c.remove();
});
/** A scratch copy of the fixture, to edit as an editor would. */
function fixtureCopy() {
  const copy = knowledgeCopy(FIXTURE);
  copies.push(copy);
  return copy;
}

/** What the bot answers once it has (re)loaded the folder: the loader and the engine factory, as a reload does. */
const answerFrom = (dir: string, text: string) => {
  const decision = createAnswerEngine(loadKnowledge(dir)).answer({ command: null, text });
  return { status: decision.status, first: decision.results[0]?.entry.id };
};

const addAsks = (source: string, asks: string[]) =>
  source.replace(/\n---\n/, `\nasks:\n${asks.map((a) => `  - ${a}`).join('\n')}\n---\n`);

describe('asks: lines', () => {
  it("make a new entry's phrasing find it", () => {
    const kb = fixtureCopy();
    const question = 'Whose responsibility is the promotion of human rights in peace operations?';
    const passage = kb.read('topics/core-pillar.md').split('\n').at(-2)?.split('. ')[1];
    const entry = [
      '---',
      'id: staff-duty',
      "title: Every staff member's part",
      'source: fixture-source',
      '---',
      passage,
      '',
    ].join('\n');
    kb.write('topics/staff-duty.md', entry);
    expect(answerFrom(kb.dir, question).first).not.toBe('staff-duty');
    kb.write('topics/staff-duty.md', addAsks(entry, [question]));
    expect(answerFrom(kb.dir, question)).toEqual({ status: 'found', first: 'staff-duty' });
  });

  it('must be answerable from their own entry: kb:check names the file and line of one that is not', async () => {
    const kb = fixtureCopy();
    kb.write('topics/universal.md', addAsks(kb.read('topics/universal.md'), ['How many criminal cases did the court hear?']));
    const line = kb.lineOf('topics/universal.md', 'How many criminal cases');
    const run = await runScript('src/cli/kb-check.ts', [kb.dir]);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(
      new RegExp(
        `topics/universal\\.md:${line}: asks "How many criminal cases did the court hear\\?":.*not in this entry's text`,
      ),
    );
  });
});

describe('glossary.yml', () => {
  it('an added synonym takes effect when the running bot reloads the knowledge', async () => {
    const kb = fixtureCopy();
    const live = await createLiveEngine(kb.dir, { onReloaded: () => {}, onInvalid: (error) => expect.fail(error.message) });
    const question = 'where do the itinerant tribunals sit?';
    const top = () => live.current().answer({ command: null, text: question }).results[0]?.entry.id;
    expect(top()).not.toBe('unmiss-mobile-courts');
    kb.edit('glossary.yml', 'also: [travelling courts]', 'also: [travelling courts, itinerant tribunals]');
    await live.reload();
    expect(top()).toBe('unmiss-mobile-courts');
  });

  it('a subject listed as not covered is told so, offering the mission named, until a text holds it', () => {
    const kb = fixtureCopy();
    const question = 'what salary do the mobile court judges in South Sudan get?';
    // Without the list, the passage sharing the question's other words is given as if it answered.
    expect(answerFrom(kb.dir, question)).toEqual({ status: 'found', first: 'unmiss-mobile-courts' });
    kb.write('glossary.yml', `${kb.read('glossary.yml')}not_covered: [salary, annual leave]\n`);
    const told = createAnswerEngine(loadKnowledge(kb.dir)).answer({ command: null, text: question });
    expect(told).toMatchObject({ status: 'not_found', notCovered: 'salary' });
    expect(told.results.map((r) => r.entry.id)).toEqual(['UNMISS']);
    const message = renderDecision(told);
    expect(message.text).toContain('I have nothing on salary in the texts I answer from');
    expect(buttonsOf(message.blocks).map((b) => b.text.text)).toEqual(['UNMISS']);
    // A phrase counts while any of its words is one the texts do not hold ("leave" here).
    expect(answerFrom(kb.dir, 'how much annual leave do the mobile courts give?').status).toBe('not_found');
    kb.edit(
      'stories/unmiss-mobile-courts.md',
      'keywords: [mobile courts, justice]',
      'keywords: [mobile courts, justice, salary]',
    );
    expect(answerFrom(kb.dir, question)).toEqual({ status: 'found', first: 'unmiss-mobile-courts' });
  });

  it('a reload that leaves it as it was keeps the glossary served, without parsing it again', async () => {
    const kb = fixtureCopy();
    const live = await createLiveEngine(kb.dir, { onReloaded: () => {}, onInvalid: (error) => expect.fail(error.message) });
    const served = live.current().knowledge.glossary;
    for (const title of ['Courts on the move in South Sudan', 'Travelling courts in South Sudan']) {
      kb.edit('stories/unmiss-mobile-courts.md', /^title: .*$/m, `title: ${title}`);
      await live.reload();
      expect(live.current().knowledge.stories[0].title).toBe(title);
      expect(live.current().knowledge.glossary).toBe(served);
    }
    const top = live.current().answer({ command: null, text: 'where do the travelling courts sit?' }).results[0]?.entry.id;
    expect(top).toBe('unmiss-mobile-courts');
    kb.edit('glossary.yml', 'also: [travelling courts]', 'also: [travelling courts, itinerant tribunals]');
    await live.reload();
    expect(live.current().knowledge.glossary).not.toBe(served);
    expect(live.current().knowledge.glossary.synonyms[0].also).toContain('itinerant tribunals');
  });

  it('kept across a reload, it is still named with its line when an asks line it breaks is added', async () => {
    const kb = fixtureCopy();
    // A misspelt term is valid until an asks line needs it.
    kb.edit('glossary.yml', 'term: mobile courts', 'term: moblie courts');
    const invalid: string[] = [];
    const live = await createLiveEngine(kb.dir, { onReloaded: () => {}, onInvalid: (error) => invalid.push(error.message) });
    kb.edit('stories/unmiss-mobile-courts.md', /^title: .*$/m, 'title: Courts on the move in South Sudan');
    await live.reload();
    expect(invalid).toEqual([]);
    kb.edit('stories/unmiss-mobile-courts.md', /\n---\n/, '\nasks:\n  - Where do travelling courts sit?\n---\n');
    await live.reload();
    expect(invalid).toEqual([expect.stringMatching(/glossary\.yml:2, term "moblie courts", which no entry's text holds/)]);
  });

  it('a phrase with "do" or a one-letter word inside meets the question as people type it', () => {
    const kb = fixtureCopy();
    const ask = () => createAnswerEngine(loadKnowledge(kb.dir)).answer({ command: null, text: 'How do I ask you?' }).status;
    expect(ask()).not.toBe('help');
    kb.edit('glossary.yml', 'help: [help]', 'help: [help, how do I ask you]');
    expect(ask()).toBe('help');
  });

  it('a French phrase reaches the English text, and the answer says the source is in English', () => {
    const kb = fixtureCopy();
    appendFileSync(join(kb.dir, 'glossary.yml'), 'french_markers: [les, au, du]\n');
    kb.write(
      'glossary.yml',
      kb.read('glossary.yml').replace('also: [travelling courts]', 'also: [travelling courts]\n    french: [audiences foraines]'),
    );
    const decision = createAnswerEngine(loadKnowledge(kb.dir)).answer({
      command: null,
      text: 'les audiences foraines au Soudan du Sud',
    });
    expect(decision.results[0]?.entry.id).toBe('unmiss-mobile-courts');
    expect(decision.language).toBe('fr');
  });

  it('is checked by kb:check, each problem with its file and line', () => {
    const kb = fixtureCopy();
    kb.write(
      'glossary.yml',
      [
        'synonyms:',
        '  - term: mobile courts',
        '    also: [tribunals]',
        '  - term: universal',
        '    also: [tribunals]',
        'intents:',
        '  sing: [la la]',
      ].join('\n'),
    );
    expect(problemsOf(kb.dir)).toEqual([expect.stringMatching(/^glossary\.yml:7: unknown field "intents\.sing"/)]);
    kb.write('glossary.yml', kb.read('glossary.yml').replace(/intents:\n {2}sing: \[la la\]/, ''));
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(/^glossary\.yml:5: "tribunals" is already read as "mobile courts"/),
    ]);
    kb.write('glossary.yml', ['intents:', "  help: [help, '?']"].join('\n'));
    expect(problemsOf(kb.dir)).toEqual([expect.stringMatching(/^glossary\.yml:2: "\?" has no word of two letters or more/)]);
    kb.write('glossary.yml', ['synonyms:', '  - term: mobile courts', '    also: [does what]'].join('\n'));
    expect(problemsOf(kb.dir)).toEqual([
      'glossary.yml:3: "does what" starts with "does", which questions leave out before another word, so no question can match it: start it with "what"',
    ]);
    // Before a preposition "do" is the verb, which questions keep ("what do they do in Mali").
    kb.write('glossary.yml', ['synonyms:', '  - term: mobile courts', '    also: [do in]'].join('\n'));
    expect(problemsOf(kb.dir)).toEqual([]);
  });

  it('a misspelt term that breaks an asks line is named, with its line, beside that asks line', () => {
    const kb = fixtureCopy();
    kb.edit('stories/unmiss-mobile-courts.md', /\n---\n/, '\nasks:\n  - Where do travelling courts sit?\n---\n');
    expect(problemsOf(kb.dir)).toEqual([]);
    kb.edit('glossary.yml', 'term: mobile courts', 'term: moblie courts');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(
        /^stories\/unmiss-mobile-courts\.md:\d+: asks "Where do travelling courts sit\?": .*"mobli\w*" comes from glossary\.yml:2, term "moblie courts", which no entry's text holds: check its spelling$/,
      ),
    ]);
  });
});
