import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/knowledge/text.js';
import type { Mission } from '../../src/knowledge/types.js';
import { realKnowledge } from '../helpers/knowledge.js';
import { HAS_SHARED, KNOWLEDGE_DIR, NO_SHARED_MESSAGE, SHARED_DIR } from '../helpers/paths.js';

const kb = realKnowledge();
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const sourceText = (id: string) => {
  const source = kb.sources.get(id);
  if (!source) throw new Error(`no source ${id}`);
  return squash(readFileSync(join(KNOWLEDGE_DIR, source.file), 'utf8'));
};
/** What a Markdown passage quotes: its sentences, list markers removed. */
const quotedSentences = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*]|\d+\.)\s+/, ''))
    .flatMap(sentences);

describe('every quoted sentence is in its source, word for word', () => {
  for (const entry of [...kb.topics, ...kb.stories]) {
    it(`${entry.type} ${entry.id}`, () => {
      const source = sourceText(entry.source);
      for (const sentence of quotedSentences(entry.text)) expect(source).toContain(squash(sentence));
    });
  }
  for (const mission of kb.missions) {
    it(`achievements of ${mission.id}`, () => {
      for (const achievement of mission.achievements) expect(sourceText(achievement.source)).toContain(squash(achievement.text));
    });
  }
  it('story titles are the source’s headings', () => {
    const story = sourceText('peacekeeping-story');
    for (const s of kb.stories) expect(story).toContain(s.title);
  });
});

describe('every figure is exact', () => {
  for (const story of kb.stories) {
    it(`${story.id}: its figures are in the source text as written`, () => {
      for (const figure of story.figures) expect(sourceText(story.source)).toContain(figure);
    });
  }
  it('the stories keep every number the source gives', () => {
    const numbers = (text: string) => text.match(/\d[\d,.]*\d|\d/g) ?? [];
    const allStoryText = kb.stories.map((s) => s.text).join(' ');
    const source = sourceText('peacekeeping-story').replace(/Resolution 1244 \(1999\)/, '');
    expect(numbers(allStoryText).sort()).toEqual(numbers(source).sort());
  });
  it('the achievements keep every number of the page’s achievements', () => {
    const numbers = (text: string) => text.match(/\d[\d,.-]*\d|\d/g) ?? [];
    const page = sourceText('peacekeeping-page');
    const achievementsPart = page.slice(page.indexOf('Examples of our work include:'));
    const all = kb.missions.flatMap((m) => m.achievements.map((a) => a.text)).join(' ');
    expect(numbers(all).sort()).toEqual(numbers(achievementsPart).sort());
  });
});

describe('the mission facts are the reference table’s', () => {
  const table = readFileSync(join(KNOWLEDGE_DIR, 'sources/reference-missions.md'), 'utf8');
  const rows = new Map(
    table
      .split('\n')
      .filter((line) => /^\| [A-Z]+ \|/.test(line))
      .map((line) => {
        const [acronym, name, where, kind, status] = line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim());
        return [acronym, { name, where, kind, status }];
      }),
  );
  const statusText = (m: Mission) =>
    m.status === 'active' ? 'active' : m.status === 'closed' ? `closed ${m.ended}` : `succeeded by ${m.successor} on ${m.ended}`;

  it('has a row for each of the 13 missions and no more', () => {
    expect([...rows.keys()].sort()).toEqual(kb.missions.map((m) => m.id).sort());
  });
  for (const mission of kb.missions) {
    it(mission.id, () => {
      const row = rows.get(mission.id);
      expect(row).toBeDefined();
      expect(mission.name).toBe(row?.name);
      expect(mission.where).toBe(row?.where.replace(' (see note)', ''));
      expect(mission.kind).toBe(row?.kind);
      expect(statusText(mission)).toBe(row?.status);
    });
  }
  it('every name people type for a mission comes from the reference or the texts', () => {
    const everything = [table, sourceText('peacekeeping-page'), sourceText('peacekeeping-story')].join(' ');
    for (const m of kb.missions) for (const name of m.names) expect(everything).toContain(name);
  });
  it('the reference’s names people type are all there', () => {
    const names = (id: string) => kb.missions.find((m) => m.id === id)?.names ?? [];
    expect(names('MONUSCO')).toEqual(
      expect.arrayContaining(['DRC', 'DR Congo', 'Congo', 'RDC', 'République démocratique du Congo']),
    );
    expect(names('MINUSCA')).toEqual(expect.arrayContaining(['CAR', 'Centrafrique', 'République centrafricaine', 'Bakala']));
    expect(names('UNMISS')).toEqual(expect.arrayContaining(['Soudan du Sud', 'Soudan', 'Sudan', 'Koch']));
    expect(names('UNAMID')).toEqual(expect.arrayContaining(['Darfur', 'Soudan', 'Sudan']));
    expect(names('UNMIL')).toContain('Libéria');
    expect(names('UNAMI')).toContain('Irak');
    expect(names('UNSMIL')).toContain('Libye');
    expect(names('UNIOGBIS')).toEqual(expect.arrayContaining(['Guinée-Bissau', 'Guinea Bissau']));
    expect(names('UNSOM')).toContain('Somalie');
    expect(names('UNMIK')).toContain('Pristina');
    expect(names('MINUSTAH')).toContain('Haïti');
  });
});

describe('the editorial rules', () => {
  const everyText = [
    ...kb.topics.map((t) => t.text),
    ...kb.stories.map((s) => s.text),
    ...kb.missions.flatMap((m) => m.achievements.map((a) => a.text)),
  ].join('\n');
  it('"Text TK" is nowhere, and the two placeholder countries have no achievement', () => {
    expect(everyText).not.toMatch(/\bTK\b/);
    for (const id of ['MINUSCA', 'MONUSCO']) expect(kb.missions.find((m) => m.id === id)?.achievements).toEqual([]);
  });
  it('keeps the corrected opening sentence only', () => {
    expect(everyText).toContain('Human rights are a core pillar of the United Nations.');
    expect(everyText).not.toContain('Human rights is a core pillar');
  });
  it('shows no dangling "In particular, in relation to:"', () => {
    expect(everyText).not.toContain('In particular, in relation to');
  });
  it('the Kosovo note is the story’s own', () => {
    expect(sourceText('peacekeeping-story')).toContain(kb.footnotes.get('kosovo-1244')?.text);
  });
  it('every entry that names Kosovo carries the note', () => {
    const all = [...kb.missions, ...kb.topics, ...kb.stories];
    const naming = all.filter((e) => JSON.stringify(e).includes('Kosovo'));
    expect(naming.map((e) => e.id).sort()).toEqual(['UNMIK', 'missions-with-hr-teams', 'unmik-human-rights-masters']);
    for (const e of naming) expect(e.footnotes).toContain('kosovo-1244');
  });
});

describe('the kept source copies', () => {
  it.skipIf(!HAS_SHARED)(HAS_SHARED ? 'are identical to the originals in ../shared' : NO_SHARED_MESSAGE, () => {
    for (const name of readdirSync(join(SHARED_DIR, 'seeds'))) {
      expect(readFileSync(join(KNOWLEDGE_DIR, 'sources', name), 'utf8')).toBe(
        readFileSync(join(SHARED_DIR, 'seeds', name), 'utf8'),
      );
    }
    expect(readFileSync(join(KNOWLEDGE_DIR, 'sources/reference-missions.md'), 'utf8')).toBe(
      readFileSync(join(SHARED_DIR, 'reference/missions.md'), 'utf8'),
    );
  });
});
