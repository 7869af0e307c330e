import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { KnowledgeError } from '../../src/knowledge/problems.js';
import { knowledgeCopy } from '../helpers/knowledge.js';
import { runScript } from '../helpers/run-cli.js';

/** What kb:check reports for a folder: its problems, one per line, or [] when it is valid. */
function problemsOf(dir: string): string[] {
  try {
    loadKnowledge(dir);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message
      .split('\n')
      .slice(1)
      .map((line) => line.trim());
  }
}

const PAGE = 'sources/000_eac5a4b76a20a6fb.txt';
const STORY = 'sources/002_665971045cf1ff2d.txt';

describe('kb:check: every quoted passage is in its cited source, word for word', () => {
  const copies: ReturnType<typeof knowledgeCopy>[] = [];
  const copy = () => {
    const c = knowledgeCopy();
    copies.push(c);
    return c;
  };
  afterEach(() => {
    for (const c of copies.splice(0)) c.remove();
  });
  const lineOf = (kb: ReturnType<typeof copy>, file: string, needle: string) =>
    kb
      .read(file)
      .split('\n')
      .findIndex((line) => line.includes(needle)) + 1;

  it('a story with a changed figure is refused at its line, saying where it differs and from which file to copy', () => {
    const kb = copy();
    kb.edit('stories/unmiss-mobile-courts.md', 'all in just 25 days', 'all in just 26 days');
    kb.edit('stories/unmiss-mobile-courts.md', '  - 25 days\n', '');
    const line = lineOf(kb, 'stories/unmiss-mobile-courts.md', 'In South Sudan');
    expect(problemsOf(kb.dir)).toEqual([
      `stories/unmiss-mobile-courts.md:${line}: this passage is not word for word in its source "peacekeeping-story": copy the passage exactly from ${STORY}; it differs from the source at: '…all in just 26 days.'`,
    ]);
  });

  it('npm run kb:check refuses a paraphrase, exiting 1 with the file, line and fix', async () => {
    const kb = copy();
    kb.edit('topics/hr-core-pillar.md', 'All staff members', 'Every staff member');
    const line = lineOf(kb, 'topics/hr-core-pillar.md', 'Every staff member');
    const { code, stderr } = await runScript('src/cli/kb-check.ts', [kb.dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `topics/hr-core-pillar.md:${line}: this passage is not word for word in its source "peacekeeping-page": copy the passage exactly from ${PAGE}; it differs from the source at: 'Every staff member…'`,
    );
  });

  it('a paraphrase in the second paragraph of a topic is refused at that paragraph’s line', () => {
    const kb = copy();
    kb.edit('topics/why-it-matters.md', 'It is a fundamental part of', 'It is a key part of');
    const line = lineOf(kb, 'topics/why-it-matters.md', 'It is a key part');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^topics/why-it-matters\\.md:${line}: this passage is not word for word .*it differs from the source at: 'It is a key part of…'$`,
        ),
      ),
    ]);
  });

  it('a paraphrased mission achievement is refused at its text', () => {
    const kb = copy();
    kb.edit('missions/UNMIK.yml', 'still missing', 'still unaccounted for');
    const line = lineOf(kb, 'missions/UNMIK.yml', 'text: >-');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^missions/UNMIK\\.yml:${line}: this passage is not word for word in its source "peacekeeping-page": copy the passage exactly from ${PAGE.replace('.', '\\.')}; it differs from the source at: '…1658 persons still unaccounted for in…'$`,
        ),
      ),
    ]);
  });

  it('a passage citing the wrong source is refused', () => {
    const kb = copy();
    kb.edit('topics/goals.md', 'source: peacekeeping-page', 'source: peacekeeping-story');
    expect(problemsOf(kb.dir)[0]).toMatch(
      /^topics\/goals\.md:\d+: this passage is not word for word in its source "peacekeeping-story"/,
    );
  });

  it('what a keyboard or a line wrap changes is not a difference: apostrophes, quotes, wrapping, list markers, the Kosovo mark', () => {
    const kb = copy();
    kb.edit('stories/unmiss-mobile-courts.md', 'country’s north', "country's north");
    kb.edit('stories/unmiss-mobile-courts.md', 'build mobile courts. These', 'build mobile courts.\nThese');
    kb.edit('stories/unmik-human-rights-masters.md', 'mission in Kosovo (UNMIK)', 'mission in Kosovo* (UNMIK)');
    kb.edit('topics/goals.md', '1. to contribute', '- to contribute');
    kb.edit('topics/goals.md', '2. to empower', '* to empower');
    expect(problemsOf(kb.dir)).toEqual([]);
  });

  it('a missing source file is named in sources.yml, once, without a complaint for every passage citing it', () => {
    const kb = copy();
    kb.edit('sources.yml', `file: ${PAGE}`, 'file: sources/page.txt');
    const line = lineOf(kb, 'sources.yml', 'file: sources/page.txt');
    expect(problemsOf(kb.dir)).toEqual([
      `sources.yml:${line}: file "sources/page.txt" is missing or unreadable: put a word-for-word copy of the source there, since the passages citing "peacekeeping-page" are checked against it`,
    ]);
  });

  it('a source file outside the knowledge folder is refused', () => {
    const kb = copy();
    kb.edit('sources.yml', `file: ${PAGE}`, 'file: ../../etc/hostname');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(/^sources\.yml:\d+: file "\.\.\/\.\.\/etc\/hostname" is outside the knowledge folder/),
    ]);
  });
});
