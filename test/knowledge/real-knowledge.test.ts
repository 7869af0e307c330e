import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { sentences } from '../../src/knowledge/text.js';
import type { Entry } from '../../src/knowledge/types.js';
import { renderDecision } from '../../src/render/message.js';
import { renderHome } from '../../src/render/view.js';
import { expectBlocksWithinLimits, expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { knowledgeCopy, realKnowledge } from '../helpers/knowledge.js';
import { HAS_SHARED, KNOWLEDGE_DIR, NO_SHARED_MESSAGE, SHARED_DIR } from '../helpers/paths.js';
import { runScript } from '../helpers/run-cli.js';

/*
 * Rules that hold whatever knowledge/ holds: an editor who adds a correct story, achievement or
 * topic keeps these green. Fixed answers are tested on test/fixtures/knowledge instead.
 */
const kb = realKnowledge();
const entries: Entry[] = [...kb.missions, ...kb.topics, ...kb.stories];
const sourceText = (id: string) => {
  const source = kb.sources.get(id);
  if (!source) throw new Error(`no source ${id}`);
  return readFileSync(join(KNOWLEDGE_DIR, source.file), 'utf8').replace(/\s+/g, ' ');
};
const allSourceText = [...kb.sources.keys()].map(sourceText).join(' ');

describe('the real knowledge', () => {
  it('loads, with one entry for each file', () => {
    const files = (folder: string, extension: string) =>
      readdirSync(join(KNOWLEDGE_DIR, folder)).filter((name) => extname(name) === extension).length;
    expect(kb.missions).toHaveLength(files('missions', '.yml'));
    expect(kb.topics).toHaveLength(files('topics', '.md'));
    expect(kb.stories).toHaveLength(files('stories', '.md'));
  });

  it('every figure is in its source as written', () => {
    for (const story of kb.stories) {
      for (const figure of story.figures) expect(sourceText(story.source), story.id).toContain(figure);
    }
  });

  it('every footnote’s text is its source’s own', () => {
    for (const note of kb.footnotes.values()) expect(sourceText(note.source)).toContain(note.text);
  });

  it('every entry naming a footnote’s term anywhere (names, places, keywords too) carries the note', () => {
    for (const note of kb.footnotes.values()) {
      for (const entry of entries.filter((e) => JSON.stringify(e).includes(note.appliesTo))) {
        expect(entry.footnotes, entry.id).toContain(note.id);
      }
    }
  });

  it('keeps the editorial rules of the reference: the corrected sentence only, no dangling list', () => {
    const everyText = entries.flatMap((e) => (e.type === 'mission' ? e.achievements.map((a) => a.text) : [e.text])).join('\n');
    expect(everyText).not.toContain('Human rights is a core pillar');
    expect(everyText).not.toContain('In particular, in relation to');
  });
});

describe('the mission facts are the reference table’s', () => {
  // Each mission's name, place, kind and status are checked against the table by loading the knowledge (kb:check).
  it('every name people type for a mission comes from the sources', () => {
    for (const m of kb.missions) for (const name of m.names) expect(allSourceText, m.id).toContain(name);
  });

  it('the names people type that the reference lists are all there', () => {
    // The reference gives these in prose, mission by mission; they are its content, not this knowledge's.
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

describe('every real entry, shown', () => {
  const engine = createAnswerEngine(kb);
  it('fits Slack’s limits, never shows "TK", and carries the notes of the terms it names', () => {
    for (const entry of entries) {
      const decision = engine.show(entry.type, entry.id);
      expect(decision, entry.id).toBeDefined();
      const message = renderDecision(decision ?? (undefined as never));
      expectWithinBlockKitLimits(message);
      expect(JSON.stringify(message), entry.id).not.toMatch(/\bTK\b/);
      for (const note of kb.footnotes.values()) {
        if (JSON.stringify(entry).includes(note.appliesTo)) expect(message.text, entry.id).toContain(note.text);
      }
    }
  });

  it('the Home tab lists every mission and story', () => {
    const home = renderHome(kb);
    expectBlocksWithinLimits(home.blocks, 100);
    const buttons = home.blocks.flatMap((b) =>
      b.type === 'section' && b.accessory?.type === 'button' ? [b.accessory.value] : [],
    );
    expect(buttons).toHaveLength(kb.missions.length + kb.stories.length);
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

describe('an editor’s correct additions', () => {
  it('a new story, achievement and topic quoting a source pass kb:check', async () => {
    const copy = knowledgeCopy(KNOWLEDGE_DIR);
    try {
      const [mission] = kb.missions;
      const source = [...kb.sources.values()].find((s) => s.file.endsWith('.txt')) ?? (undefined as never);
      const quotable = sentences(readFileSync(join(KNOWLEDGE_DIR, source.file), 'utf8'))
        .filter((s) => s.length > 60 && ![...kb.footnotes.values()].some((n) => s.includes(n.appliesTo)))
        .sort((a, b) => b.length - a.length);
      const [forStory, forTopic, forAchievement] = quotable;
      copy.write(
        'stories/an-editors-new-story.md',
        `---\nid: an-editors-new-story\ntitle: An editor’s new story\nmissions: [${mission.id}]\ncountry: ${mission.where}\nsource: ${source.id}\nfigures:\n  - "${forStory.split(' ').slice(0, 3).join(' ')}"\n---\n${forStory}\n`,
      );
      copy.write(
        'topics/an-editors-new-topic.md',
        `---\nid: an-editors-new-topic\ntitle: An editor’s new topic\nsource: ${source.id}\n---\n${forTopic}\n`,
      );
      const missionFile = parseDocument(copy.read(mission.file));
      missionFile.addIn(['achievements'], { source: source.id, text: forAchievement });
      copy.write(mission.file, String(missionFile));

      const { code, stdout, stderr } = await runScript('src/cli/kb-check.ts', [copy.dir]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain(
        `Knowledge is valid: ${kb.missions.length} missions, ${kb.topics.length + 1} topics, ${kb.stories.length + 1} stories`,
      );
    } finally {
      copy.remove();
    }
  });
});
