import { describe, expect, it } from 'vitest';
import { copiesForEachTest, problemsOf } from '../helpers/knowledge.js';
import { runScript } from '../helpers/run-cli.js';

const PAGE = 'sources/000_eac5a4b76a20a6fb.txt';
const STORY = 'sources/002_665971045cf1ff2d.txt';

/** The problem kb:check reports for a passage that is not in its source. */
const notVerbatim = (at: string, source: string, sourceFile: string, excerpt: string) =>
  `${at}: this passage is not word for word in its source "${source}": copy the passage exactly from ${sourceFile}; it differs from the source at: '${excerpt}'`;

describe('kb:check: every quoted passage is in its cited source, word for word', () => {
  const copy = copiesForEachTest();

  it('a story with a changed figure is refused at its line, saying where it differs and from which file to copy', () => {
    const kb = copy();
    kb.edit('stories/unmiss-mobile-courts.md', 'all in just 25 days', 'all in just 26 days');
    kb.edit('stories/unmiss-mobile-courts.md', '  - 25 days\n', '');
    const line = kb.lineOf('stories/unmiss-mobile-courts.md', 'In South Sudan');
    expect(problemsOf(kb.dir)).toEqual([
      notVerbatim(`stories/unmiss-mobile-courts.md:${line}`, 'peacekeeping-story', STORY, '…all in just 26 days.'),
    ]);
  });

  it('npm run kb:check refuses a paraphrase, exiting 1 with the file, line and fix', async () => {
    const kb = copy();
    kb.edit('topics/hr-core-pillar.md', 'All staff members', 'Every staff member');
    const line = kb.lineOf('topics/hr-core-pillar.md', 'Every staff member');
    const { code, stderr } = await runScript('src/cli/kb-check.ts', [kb.dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(notVerbatim(`topics/hr-core-pillar.md:${line}`, 'peacekeeping-page', PAGE, 'Every staff member…'));
  });

  it('a paraphrase in the second paragraph of a topic is refused at that paragraph’s line', () => {
    const kb = copy();
    kb.edit('topics/why-it-matters.md', 'It is a fundamental part of', 'It is a key part of');
    const line = kb.lineOf('topics/why-it-matters.md', 'It is a key part');
    expect(problemsOf(kb.dir)).toEqual([
      notVerbatim(`topics/why-it-matters.md:${line}`, 'peacekeeping-story', STORY, 'It is a key part of…'),
    ]);
  });

  it('a paraphrased mission achievement is refused at its text', () => {
    const kb = copy();
    kb.edit('missions/UNMIK.yml', 'still missing', 'still unaccounted for');
    const line = kb.lineOf('missions/UNMIK.yml', 'text: >-');
    expect(problemsOf(kb.dir)).toEqual([
      notVerbatim(`missions/UNMIK.yml:${line}`, 'peacekeeping-page', PAGE, '…1658 persons still unaccounted for in…'),
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
    const line = kb.lineOf('sources.yml', 'file: sources/page.txt');
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
