import { describe, expect, it } from 'vitest';
import { isUnanswered, normalizeQuestion, toStoredRecord } from '../../src/store/records.js';
import { fixtureEngine } from '../helpers/knowledge.js';

const engine = fixtureEngine();

describe('what counts as unanswered', () => {
  it('a question the engine can only answer with help is unanswered; asking for help is not', () => {
    const fallback = engine.answer({ command: null, text: 'hello there' });
    expect(fallback.status).toBe('help');
    expect(isUnanswered(fallback)).toBe(true);
    for (const text of ['help', 'HELP', '']) expect(isUnanswered(engine.answer({ command: null, text }))).toBe(false);
  });

  it('not found is unanswered; found is not', () => {
    const notFound = engine.answer({ command: '/hr-mission', text: 'zzyzx quorble' });
    expect(notFound.status).toBe('not_found');
    expect(isUnanswered(notFound)).toBe(true);
    const found = engine.answer({ command: '/hr-mission', text: engine.knowledge.missions[0].id });
    expect(isUnanswered(found)).toBe(false);
  });

  it('groups by case, accents, punctuation and spacing', () => {
    expect(normalizeQuestion('  Où est la MINUSCA ?! ')).toBe(normalizeQuestion('ou est la minusca'));
  });

  it('stores the asked text without Slack markup, so no mention of anyone is kept', () => {
    const decision = engine.answer({ command: null, text: '<@U0BOT> ask <@U0SOMEONE> about zzyzx' });
    const { row } = toStoredRecord({ kind: 'request', surface: 'mention', decision }, undefined);
    expect(JSON.stringify(row)).not.toContain('U0SOMEONE');
  });
});
