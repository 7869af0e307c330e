import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/answer/types.js';
import { realEngine } from '../helpers/knowledge.js';
import { byKind, type Case, followUps, missionLookups, questions, statusLists, storyRequests } from './relevance-table.js';

const engine = realEngine();

function check(
  command: Command | null,
  { text, status, first, ids, quotes, figureMissing }: Case,
  context?: { entryId: string },
) {
  const decision = engine.answer({ command, text, ...(context ? { context } : {}) });
  const got = decision.results.map((r) => r.entry.id);
  expect(decision.status, `status for ${JSON.stringify(text)} (got ${got.join(', ')})`).toBe(status);
  if (first) expect(got[0], `best for ${JSON.stringify(text)}`).toBe(first);
  if (ids) expect(got, `results for ${JSON.stringify(text)}`).toEqual(ids);
  if (quotes) expect(decision.excerpt, `sentences quoted for ${JSON.stringify(text)}`).toContain(quotes);
  if (figureMissing !== undefined) {
    expect(decision.figureMissing === true, `no figure given for ${JSON.stringify(text)}`).toBe(figureMissing);
  }
}

const kindRows = Object.values(byKind).flat();

describe('relevance', () => {
  it('the table has at least 250 real queries, at least ten of each of the seven kinds', () => {
    expect(missionLookups.length + questions.length + storyRequests.length + kindRows.length).toBeGreaterThanOrEqual(250);
    expect(Object.keys(byKind)).toHaveLength(7);
    for (const rows of Object.values(byKind)) expect(rows.length).toBeGreaterThanOrEqual(10);
  });
  for (const [kind, rows] of Object.entries(byKind)) {
    describe(`as people write them: ${kind}`, () => {
      it.each(rows)('$text -> $status $first', (c) => check(c.command ?? null, c));
    });
  }
  describe("follow-ups in a thread, about the previous answer's mission", () => {
    it.each(followUps)('($about) $text -> $status $first', (c) => check(null, c, { entryId: c.about }));
  });
  describe('lists of missions by status, kind and year ended, over whatever missions the knowledge holds', () => {
    const { missions } = engine.knowledge;
    // Each narrowing that no mission passes is left out, rather than listing nothing.
    const narrow = (list: typeof missions, keep: (m: (typeof missions)[number]) => boolean) =>
      list.some(keep) ? list.filter(keep) : list;
    it.each(statusLists)('$text -> $listed $kind $year', ({ command, text, listed, kind, year }) => {
      const decision = engine.answer({ command, text });
      expect(decision.status).toBe('list');
      let wanted = listed === 'all' ? missions : narrow(missions, (m) => (m.status === 'active') === (listed === 'active'));
      if (kind) wanted = narrow(wanted, (m) => m.kind === kind);
      if (year) wanted = narrow(wanted, (m) => m.ended?.endsWith(year) === true);
      expect(decision.results.map((r) => r.entry.id)).toEqual(wanted.map((m) => m.id));
    });
  });
  describe('/hr-mission lookups', () => {
    it.each(missionLookups)('$text -> $status $first', (c) => check('/hr-mission', c));
  });
  describe('questions (mentions and DMs)', () => {
    it.each(questions)('$text -> $status $first', (c) => check(null, c));
  });
  describe('/hr-story requests', () => {
    it.each(storyRequests)('$text -> $status $first', (c) => check('/hr-story', c));
  });
});
