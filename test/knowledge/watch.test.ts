import { cpSync, mkdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { knowledgeCopy } from '../helpers/knowledge.js';
import {
  eventually,
  freshContent,
  servedContent,
  storyCopy,
  type WatchedKnowledge,
  watchKnowledge,
} from '../helpers/live-knowledge.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function watched() {
  const kb = knowledgeCopy();
  const w = await watchKnowledge(kb.dir);
  cleanup.push(kb.remove, w.close);
  return { kb, w };
}

const storyIds = (w: WatchedKnowledge) => w.live.current().knowledge.stories.map((s) => s.id);
const servesFolder = (w: WatchedKnowledge, dir: string) => () =>
  JSON.stringify(servedContent(w.live.current().knowledge)) === JSON.stringify(freshContent(dir));

describe('every way an editor or a tool saves is picked up', () => {
  it('a file written in place', async () => {
    const { kb, w } = await watched();
    kb.write('stories/new-in-place.md', storyCopy(kb.dir, 'new-in-place'));
    await eventually(() => storyIds(w).includes('new-in-place'));
  });

  it('an atomic save (a temporary file renamed over the old one), then later edits and the deletion of that file', async () => {
    const { kb, w } = await watched();
    const file = join(kb.dir, 'stories/renamed.md');
    writeFileSync(join(kb.dir, '.renamed.md.tmp'), storyCopy(kb.dir, 'renamed'));
    renameSync(join(kb.dir, '.renamed.md.tmp'), file);
    await eventually(() => storyIds(w).includes('renamed'));
    writeFileSync(`${file}.swp`, storyCopy(kb.dir, 'renamed').replace(/^title: .*$/m, 'title: Renamed twice'));
    renameSync(`${file}.swp`, file);
    await eventually(() => w.live.current().knowledge.stories.some((s) => s.title === 'Renamed twice'));
    writeFileSync(file, storyCopy(kb.dir, 'renamed').replace(/^title: .*$/m, 'title: Edited in place after'));
    await eventually(() => w.live.current().knowledge.stories.some((s) => s.title === 'Edited in place after'));
    unlinkSync(file);
    await eventually(() => !storyIds(w).includes('renamed'));
  });

  it('a deleted file', async () => {
    const { kb, w } = await watched();
    const [first] = storyIds(w);
    rmSync(join(kb.dir, 'stories', `${first}.md`));
    await eventually(() => !storyIds(w).includes(first));
  });

  it('a new folder, and files changed after it', async () => {
    const { kb, w } = await watched();
    mkdirSync(join(kb.dir, 'stories/drafts/2026'), { recursive: true });
    writeFileSync(join(kb.dir, 'stories/drafts/2026/note.txt'), 'not an entry');
    kb.write('stories/after-folder.md', storyCopy(kb.dir, 'after-folder'));
    await eventually(() => storyIds(w).includes('after-folder'));
  });

  it('the whole folder swapped for a symlink to another, and edits in the new one', async () => {
    const a = knowledgeCopy();
    const b = knowledgeCopy();
    b.write('stories/only-in-b.md', storyCopy(b.dir, 'only-in-b'));
    const link = `${a.dir}-link`;
    symlinkSync(a.dir, link);
    const w = await watchKnowledge(link);
    cleanup.push(a.remove, b.remove, () => rmSync(link, { force: true }), w.close);
    expect(storyIds(w)).not.toContain('only-in-b');
    rmSync(link);
    symlinkSync(b.dir, link);
    await eventually(() => storyIds(w).includes('only-in-b'), 5_000, 'serving the new target');
    b.write('stories/later-in-b.md', storyCopy(b.dir, 'later-in-b'));
    await eventually(() => storyIds(w).includes('later-in-b'), 5_000, 'an edit in the new target');
  });

  /** The watched folder replaced by another holding one more story, then an edit in it, both served. */
  async function followsReplacement(replace: (live: string, other: string) => void) {
    const a = knowledgeCopy();
    const b = knowledgeCopy();
    b.write('stories/only-in-b.md', storyCopy(b.dir, 'only-in-b'));
    const w = await watchKnowledge(a.dir);
    cleanup.push(a.remove, b.remove, () => rmSync(`${a.dir}-old`, { recursive: true, force: true }), w.close);
    replace(a.dir, b.dir);
    await eventually(() => storyIds(w).includes('only-in-b'), 5_000, 'serving the new folder');
    a.write('stories/later-in-new.md', storyCopy(a.dir, 'later-in-new'));
    await eventually(() => storyIds(w).includes('later-in-new'), 5_000, 'an edit in the new folder');
  }

  it('the whole folder swapped for another by renaming (mv live old && mv new live), and edits in the new one', () =>
    followsReplacement((live, other) => {
      renameSync(live, `${live}-old`);
      renameSync(other, live);
    }));

  it('the whole folder deleted and made again (rm -rf live && cp -r new live), and edits in it', () =>
    followsReplacement((live, other) => {
      rmSync(live, { recursive: true });
      cpSync(other, live, { recursive: true });
    }));

  it('1,000 files created at once give one reload, not a storm', async () => {
    const { kb, w } = await watched();
    const text = storyCopy(kb.dir, 'bulk-0');
    for (let i = 0; i < 1_000; i++) kb.write(`stories/bulk-${i}.md`, text.replace('id: bulk-0', `id: bulk-${i}`));
    await eventually(() => storyIds(w).includes('bulk-999'), 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(w.reloads).toBe(1);
  });
});

describe('folder activity that used to take the bot down', () => {
  it('nested folders created and removed quickly, 300 times: no crash, and the next edit is served', async () => {
    const { kb, w } = await watched();
    for (let i = 0; i < 300; i++) {
      mkdirSync(join(kb.dir, 'stories/x/y/z'), { recursive: true });
      rmSync(join(kb.dir, 'stories/x'), { recursive: true, force: true });
    }
    kb.write('stories/after-churn.md', storyCopy(kb.dir, 'after-churn'));
    await eventually(() => storyIds(w).includes('after-churn'));
    await eventually(servesFolder(w, kb.dir));
  });

  it('a broken file keeps the last good knowledge; its fix is served', async () => {
    const { kb, w } = await watched();
    const before = servedContent(w.live.current().knowledge);
    const fixed = storyCopy(kb.dir, 'broken');
    kb.write('stories/broken.md', 'no front matter here');
    await eventually(() => w.invalid > 0);
    expect(servedContent(w.live.current().knowledge)).toEqual(before);
    kb.write('stories/broken.md', fixed);
    await eventually(() => storyIds(w).includes('broken'));
  });
});

describe('limits', () => {
  it('a file over the size limit is refused, naming the file and the limit; the last good knowledge serves', async () => {
    const { kb, w } = await watched();
    const huge = storyCopy(kb.dir, 'huge') + 'word '.repeat(60_000);
    kb.write('stories/huge.md', huge);
    await eventually(() => w.invalid > 0);
    expect(storyIds(w)).not.toContain('huge');
    expect(() => loadKnowledge(kb.dir)).toThrow(
      expect.objectContaining({
        problems: [expect.objectContaining({ file: 'stories/huge.md', message: expect.stringContaining('over the 256 KB') })],
      }),
    );
  });
});
