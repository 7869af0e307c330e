import { describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/answer/engine.js';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createReplyCache } from '../../src/render/reply.js';
import { copiesForEachTest, fixtureEngine } from '../helpers/knowledge.js';

/** The engine as the cache sees it, counting the questions that reach it. */
function counted(engine: AnswerEngine) {
  const asked: string[] = [];
  return {
    asked,
    engine: {
      ...engine,
      answer(request) {
        asked.push(request.text);
        return engine.answer(request);
      },
    } satisfies AnswerEngine,
  };
}

const knowledgeCopy = copiesForEachTest();

describe('replies to slash commands, kept while the knowledge is the same', () => {
  it('gives a repeated command the same reply without answering it again', () => {
    const { engine, asked } = counted(fixtureEngine());
    const reply = createReplyCache({});
    const first = reply(engine, '/hr-mission', 'MINUSCA');
    expect(reply(engine, '/hr-mission', 'MINUSCA')).toEqual(first);
    expect(asked).toEqual(['MINUSCA']);
    expect(first.message.text).toContain('Central African Republic');
  });

  it('answers the same text afresh for another command', () => {
    const { engine, asked } = counted(fixtureEngine());
    const reply = createReplyCache({});
    const mission = reply(engine, '/hr-mission', 'MINUSCA');
    const stories = reply(engine, '/hr-story', 'MINUSCA');
    expect(asked).toEqual(['MINUSCA', 'MINUSCA']);
    expect(stories.message).not.toEqual(mission.message);
  });

  it('serves the new knowledge as soon as it is loaded: a reload brings a new engine, and nothing of the old one is served', () => {
    const copy = knowledgeCopy();
    const reply = createReplyCache({});
    const before = reply(createAnswerEngine(loadKnowledge(copy.dir)), '/hr-story', '');
    copy.edit('stories/minusca-bakala-forum.md', /^title: .*$/m, 'title: A title edited a moment ago');
    const after = reply(createAnswerEngine(loadKnowledge(copy.dir)), '/hr-story', '');
    expect(JSON.stringify(before.message)).not.toContain('A title edited a moment ago');
    expect(JSON.stringify(after.message)).toContain('A title edited a moment ago');
  });

  it('keeps at most its limit, the oldest going first, and answers long texts every time', () => {
    const { engine, asked } = counted(fixtureEngine());
    const reply = createReplyCache({}, { limit: 2, longestText: 20 });
    for (const text of ['MINUSCA', 'UNMIL', 'UNAMA', 'UNAMA', 'UNMIL', 'MINUSCA']) reply(engine, '/hr-mission', text);
    expect(asked).toEqual(['MINUSCA', 'UNMIL', 'UNAMA', 'MINUSCA']);
    const long = 'the mission in the Central African Republic';
    reply(engine, '/hr-mission', long);
    reply(engine, '/hr-mission', long);
    expect(asked.filter((text) => text === long)).toHaveLength(2);
  });
});
