import { describe, expect, it } from 'vitest';
import { words } from '../../src/knowledge/text.js';
import { decodeOrigin } from '../../src/render/actions.js';
import { SOURCE_IN_ENGLISH } from '../../src/render/answer-views.js';
import { renderDecision } from '../../src/render/message.js';
import { buttonsOf } from '../helpers/block-kit.js';
import { realEngine } from '../helpers/knowledge.js';
import { byKind, type Case, missionLookups, questions, storyRequests } from './relevance-table.js';

const engine = realEngine();
const { knowledge } = engine;
const ask = (row: Case) => engine.answer({ command: row.command ?? null, text: row.text });
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

const everyRow = [
  ...missionLookups.map((row) => ({ ...row, command: '/hr-mission' as const })),
  ...storyRequests.map((row) => ({ ...row, command: '/hr-story' as const })),
  ...questions,
  ...Object.values(byKind).flat(),
];

describe('answers to the questions of the relevance table', () => {
  it('never show the same entry twice', () => {
    for (const row of everyRow) {
      const decision = ask(row);
      const shown = [...decision.results.map((r) => r.entry.id), ...decision.related.map((s) => s.id)];
      expect(new Set(shown).size, row.text).toBe(shown.length);
    }
  });

  it('quote the sentences that answer a question word for word from their entry, a gap marked "…", with a button for the full passage', () => {
    let excerpts = 0;
    for (const row of [...questions, ...Object.values(byKind).flat()]) {
      const decision = ask(row);
      if (!decision.excerpt) continue;
      excerpts++;
      const entry = decision.results[0].entry;
      const text = 'text' in entry ? squeeze(entry.text) : '';
      // Sentences shown side by side are side by side in the entry; any others are parted by "…".
      for (const run of decision.excerpt.split(' … ')) expect(text, row.text).toContain(squeeze(run));
      const opens = buttonsOf(renderDecision(decision).blocks).map((b) => decodeOrigin(b.value));
      expect(opens, row.text).toContainEqual({ type: entry.type, id: entry.id });
    }
    expect(excerpts).toBeGreaterThan(0);
  });

  it('answer a request for a quote or a byline with the whole communications card: passage, figures, attribution', () => {
    const requests = byKind.intent.map(ask).filter((d) => d.intents?.some((k) => k === 'quote' || k === 'author'));
    expect(requests.length).toBeGreaterThan(0);
    for (const decision of requests) {
      const story = decision.results[0].entry;
      expect(story.type, decision.query).toBe('story');
      expect(decision.excerpt, decision.query).toBeUndefined();
      const text = renderDecision(decision).text;
      if (story.type !== 'story') continue;
      for (const paragraph of story.text.split(/\n\s*\n/)) expect(squeeze(text)).toContain(squeeze(paragraph));
      for (const figure of story.figures) expect(text).toContain(figure);
      const author = knowledge.sources.get(story.source)?.author;
      if (author) expect(text).toContain(author);
    }
  });

  it('say the source is in English exactly when the question is French', () => {
    for (const row of byKind.french) {
      const decision = ask(row);
      expect(decision.language, row.text).toBe('fr');
      if (decision.status === 'found') expect(renderDecision(decision).text, row.text).toContain(SOURCE_IN_ENGLISH);
    }
    const english = [...questions, ...byKind.padding, ...byKind.paraphrase, ...byKind.intent];
    for (const row of english) expect(ask(row).language, row.text).toBeUndefined();
  });

  it('for a place the knowledge does not cover, say so and offer every mission', () => {
    const places = byKind.uncovered.map(ask).filter((d) => d.uncovered);
    expect(places.length).toBeGreaterThan(0);
    for (const decision of places) {
      expect(decision.status).toBe('not_found');
      expect(decision.results.map((r) => r.entry.id).sort()).toEqual(knowledge.missions.map((m) => m.id).sort());
      const message = renderDecision(decision);
      expect(message.text).toContain(decision.uncovered);
      expect(buttonsOf(message.blocks).length).toBeGreaterThanOrEqual(knowledge.missions.length);
    }
  });
});

describe('honest misses', () => {
  /** Words found in more than a sixth of all entries: too common to answer a question on their own. */
  function commonWords(): string[] {
    const entries = [...knowledge.missions, ...knowledge.topics, ...knowledge.stories];
    const counts = new Map<string, number>();
    for (const entry of entries) {
      const text = entry.type === 'mission' ? [entry.name, ...entry.achievements.map((a) => a.text)].join(' ') : entry.text;
      for (const word of new Set(words(text))) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    return [...counts].filter(([word, n]) => n > entries.length / 6 && word.length > 3).map(([word]) => word);
  }

  it('never answer confidently on one common word beside words the knowledge does not know', () => {
    const common = commonWords();
    expect(common.length).toBeGreaterThan(0);
    for (const word of common) {
      const decision = engine.answer({ command: null, text: `what about ${word} for the zorblax quintessence?` });
      expect(decision.status, word).not.toBe('found');
    }
  });
});
