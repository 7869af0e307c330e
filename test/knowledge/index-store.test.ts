import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKnowledge } from '../../bench/generate-knowledge.js';
import { createAnswerEngine } from '../../src/answer/engine.js';
import type { AnswerRequest } from '../../src/answer/types.js';
import { fileIndexStore } from '../../src/knowledge/index-store.js';
import { fixtureKnowledge } from '../helpers/knowledge.js';

const dir = mkdtempSync(join(tmpdir(), 'hr-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const saved = () => readdirSync(dir).filter((name) => name.endsWith('.json'));

const big = generateKnowledge(fixtureKnowledge(), 1_000);
const requests: AnswerRequest[] = [
  { command: null, text: 'what does the human rights team do?' },
  { command: '/hr-story', text: 'elections' },
  { command: '/hr-story', text: 'South Sudan' },
  { command: '/hr-mission', text: 'minuska' },
  { command: null, text: 'how many students graduated?' },
];
const answers = (engine: ReturnType<typeof createAnswerEngine>) =>
  requests.map((r) => engine.answer(r).results.map((x) => [x.entry.id, x.score]));

describe('a saved index', () => {
  const built = answers(createAnswerEngine(big));

  it('is saved after a build and answers exactly as a fresh build does when loaded', () => {
    const store = fileIndexStore(dir);
    expect(answers(createAnswerEngine(big, { indexStore: store }))).toEqual(built);
    expect(saved()).toHaveLength(1);
    let loads = 0;
    const counting = {
      ...store,
      load: (key: string) => {
        loads++;
        return store.load(key);
      },
    };
    expect(answers(createAnswerEngine(big, { indexStore: counting }))).toEqual(built);
    expect(loads).toBe(1);
  });

  it('is not used once the knowledge changes', () => {
    const [story, ...rest] = big.stories;
    const edited = { ...big, stories: [{ ...story, keywords: ['zanzibarian'] }, ...rest] };
    const engine = createAnswerEngine(edited, { indexStore: fileIndexStore(dir) });
    expect(engine.answer({ command: '/hr-story', text: 'zanzibarian' }).results[0].entry.id).toBe(story.id);
    expect(saved()).toHaveLength(1);
  });

  it('a damaged file is rebuilt, not trusted', () => {
    const store = fileIndexStore(dir);
    createAnswerEngine(big, { indexStore: store });
    const [file] = saved();
    writeFileSync(join(dir, file), '{"entries": {"nonsense": true}, "documentFrequency": []}');
    expect(answers(createAnswerEngine(big, { indexStore: store }))).toEqual(built);
    expect(readFileSync(join(dir, file), 'utf8')).not.toContain('nonsense');
  });

  it('a small knowledge base is never written to disk', () => {
    const empty = mkdtempSync(join(tmpdir(), 'hr-index-small-'));
    createAnswerEngine(fixtureKnowledge(), { indexStore: fileIndexStore(empty) });
    expect(readdirSync(empty)).toEqual([]);
    rmSync(empty, { recursive: true });
  });
});
