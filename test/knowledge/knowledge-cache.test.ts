import { mkdirSync, rmdirSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedKnowledgeReader, revive, type SavedKnowledge, toSaved } from '../../src/knowledge/knowledge-cache.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { KnowledgeError } from '../../src/knowledge/problems.js';
import type { SavedFiles } from '../../src/knowledge/saved-files.js';
import { copiesForEachTest, realKnowledge } from '../helpers/knowledge.js';

/** Saved knowledge kept in memory, as JSON would hold it, counting what is read and written. */
function memoryFiles() {
  const files = new Map<string, string>();
  const counts = { hits: 0, saves: 0 };
  const saved: SavedFiles<SavedKnowledge> = {
    load(key) {
      const text = files.get(key);
      if (text) counts.hits++;
      return text ? JSON.parse(text) : undefined;
    },
    save(key, value) {
      counts.saves++;
      files.clear();
      files.set(key, JSON.stringify(value));
    },
  };
  return { saved, counts };
}

const copy = copiesForEachTest();

describe('knowledge saved between starts', () => {
  it('comes back exactly as read, for whatever the knowledge folder holds', () => {
    const knowledge = realKnowledge();
    expect(revive(JSON.parse(JSON.stringify(toSaved(knowledge))))).toEqual(knowledge);
  });

  it('is read in full the first time, then served from what was saved while the files stay the same', async () => {
    const kb = copy();
    const { saved, counts } = memoryFiles();
    const read = cachedKnowledgeReader('build-1', saved);
    const first = await read(kb.dir);
    expect(counts).toEqual({ hits: 0, saves: 1 });
    expect(await read(kb.dir)).toEqual(first);
    expect(counts).toEqual({ hits: 1, saves: 1 });
    expect(first).toEqual(loadKnowledge(kb.dir));
  });

  it('is read in full again after any change: an edit, a file only touched, a new file, or other code', async () => {
    const kb = copy();
    const { saved, counts } = memoryFiles();
    const read = (code = 'build-1') => cachedKnowledgeReader(code, saved)(kb.dir);
    await read();

    kb.edit('stories/minusca-bakala-forum.md', /^title: .*$/m, 'title: A title edited a moment ago');
    expect((await read()).stories.map((story) => story.title)).toContain('A title edited a moment ago');

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(kb.dir, 'glossary.yml'), later, later);
    expect((await read()).updatedAt).toEqual(later);

    kb.write('sources/new-source.md', 'A source text nothing cites yet.\n');
    await read();
    await read('build-2');
    expect(counts).toEqual({ hits: 0, saves: 5 });
  });

  it('is read in full again when a folder is made or removed, even an empty one', async () => {
    const kb = copy();
    const { saved, counts } = memoryFiles();
    const read = cachedKnowledgeReader('build-1', saved);
    await read(kb.dir);
    mkdirSync(join(kb.dir, 'stories', 'drafts'));
    await read(kb.dir);
    rmdirSync(join(kb.dir, 'stories', 'drafts'));
    await read(kb.dir);
    expect(counts).toEqual({ hits: 0, saves: 3 });
  });

  it('is read in full when what was saved is damaged', async () => {
    const kb = copy();
    const { saved, counts } = memoryFiles();
    const read = cachedKnowledgeReader('build-1', saved);
    const first = await read(kb.dir);
    const damaged = { ...saved, load: () => ({}) as SavedKnowledge };
    expect(await cachedKnowledgeReader('build-1', damaged)(kb.dir)).toEqual(first);
    // Read in full, and saved afresh in its place.
    expect(counts).toEqual({ hits: 0, saves: 2 });
  });

  it('never stands in for a broken folder: its problems are told as a full read tells them', async () => {
    const kb = copy();
    const { saved } = memoryFiles();
    const read = cachedKnowledgeReader('build-1', saved);
    await read(kb.dir);
    kb.edit('missions/UNMIL.yml', /^status: .*$/m, 'status: [');
    await expect(read(kb.dir)).rejects.toThrow(KnowledgeError);
  });

  it('reads a folder holding a symbolic link in full every time, since what it points to could change unseen', async () => {
    const kb = copy();
    const elsewhere = copy();
    symlinkSync(join(elsewhere.dir, 'sources'), join(kb.dir, 'linked-sources'));
    const { saved, counts } = memoryFiles();
    const read = cachedKnowledgeReader('build-1', saved);
    await read(kb.dir);
    await read(kb.dir);
    expect(counts).toEqual({ hits: 0, saves: 0 });
  });
});
