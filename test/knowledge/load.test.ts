import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { KnowledgeError } from '../../src/knowledge/problems.js';
import { knowledgeCopy, realKnowledge } from '../helpers/knowledge.js';

/** The line of a file holding `needle`, so expectations follow the file rather than a guess. */
function lineOf(kb: ReturnType<typeof knowledgeCopy>, file: string, needle: string): number {
  return (
    kb
      .read(file)
      .split('\n')
      .findIndex((line) => line.includes(needle)) + 1
  );
}

function problemsOf(dir: string): string[] {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message
      .split('\n')
      .slice(1)
      .map((line) => line.trim());
  }
  throw new Error('expected the knowledge to be refused');
}

describe('the real knowledge', () => {
  it('loads with every mission, topic and story the issue names', () => {
    const kb = realKnowledge();
    expect(kb.missions.map((m) => m.id).sort()).toEqual(
      [
        'MONUSCO',
        'MINUSCA',
        'MINUSMA',
        'UNAMID',
        'UNMISS',
        'UNMIL',
        'MINUSTAH',
        'UNAMI',
        'UNSMIL',
        'UNMIK',
        'UNIOGBIS',
        'UNSOM',
        'UNAMA',
      ].sort(),
    );
    expect(kb.topics.map((t) => t.id).sort()).toEqual(
      ['hr-core-pillar', 'missions-with-hr-teams', 'goals', 'core-activities', 'ohchr-support', 'why-it-matters'].sort(),
    );
    expect(kb.stories.map((s) => s.id).sort()).toEqual(
      [
        'unmiss-mobile-courts',
        'minusca-bakala-forum',
        'unmik-human-rights-masters',
        'monusco-joint-human-rights-office',
        'minusca-electoral-support',
      ].sort(),
    );
  });
});

describe('a broken knowledge file is refused with its file, line and fix', () => {
  const copies: ReturnType<typeof knowledgeCopy>[] = [];
  const copy = () => {
    const c = knowledgeCopy();
    copies.push(c);
    return c;
  };
  afterEach(() => {
    for (const c of copies.splice(0)) c.remove();
  });

  it('an unknown field', () => {
    const kb = copy();
    kb.edit('missions/MINUSMA.yml', 'where: Mali', 'where: Mali\nwere: Mali');
    expect(problemsOf(kb.dir)).toEqual([
      `missions/MINUSMA.yml:${lineOf(kb, 'missions/MINUSMA.yml', 'were:')}: unknown field "were": remove it or correct its spelling`,
    ]);
  });

  it('a missing required field', () => {
    const kb = copy();
    kb.edit('missions/UNMIL.yml', /^kind: .*\n/m, '');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(/^missions\/UNMIL\.yml:1: missing required field "kind": add it$/),
    ]);
  });

  it('a wrong type', () => {
    const kb = copy();
    kb.edit('stories/unmiss-mobile-courts.md', 'missions: [UNMISS]', 'missions: UNMISS');
    const line = lineOf(kb, 'stories/unmiss-mobile-courts.md', 'missions:');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(new RegExp(`^stories/unmiss-mobile-courts\\.md:${line}: field "missions": .*expected array`)),
    ]);
  });

  it('a duplicate id', () => {
    const kb = copy();
    kb.write('topics/goals-again.md', kb.read('topics/goals.md'));
    const problems = problemsOf(kb.dir);
    expect(problems).toContainEqual(
      'topics/goals.md:2: duplicate id "goals" (already used in topics/goals-again.md): give each entry its own id',
    );
  });

  it('a story naming a mission that does not exist', () => {
    const kb = copy();
    kb.edit('stories/minusca-bakala-forum.md', 'missions: [MINUSCA]', 'missions: [MINUSCAA]');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(/^stories\/minusca-bakala-forum\.md:4: names mission "MINUSCAA", which does not exist: use one of /),
    ]);
  });

  it('an unresolved "Text TK" placeholder', () => {
    const kb = copy();
    kb.edit('missions/MONUSCO.yml', 'achievements: []', 'achievements:\n  - source: peacekeeping-page\n    text: Text TK');
    const line = lineOf(kb, 'missions/MONUSCO.yml', 'Text TK');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^missions/MONUSCO\\.yml:${line}: contains the placeholder "TK" \\(text to come\\), which is not content: remove it`,
        ),
      ),
    ]);
  });

  it('a figure that is not word for word in its story', () => {
    const kb = copy();
    kb.edit('stories/unmiss-mobile-courts.md', '  - 25 days', '  - 26 days');
    const line = lineOf(kb, 'stories/unmiss-mobile-courts.md', '26 days');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(
        new RegExp(`^stories/unmiss-mobile-courts\\.md:${line}: figure "26 days" does not appear word for word`),
      ),
    ]);
  });

  it('an entry naming Kosovo without the resolution 1244 note', () => {
    const kb = copy();
    kb.edit('stories/unmik-human-rights-masters.md', 'footnotes: [kosovo-1244]\n', '');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(/unmik-human-rights-masters\.md.*names "Kosovo" but does not carry its note: add "kosovo-1244"/),
    ]);
  });

  it('bad YAML', () => {
    const kb = copy();
    kb.edit('missions/UNAMA.yml', 'names:\n  - Afghanistan', 'names: [Afghanistan\n  - x: : y');
    expect(problemsOf(kb.dir)).toEqual([expect.stringMatching(/^missions\/UNAMA\.yml:\d+: not valid YAML: /)]);
  });

  it('a Markdown file without front matter', () => {
    const kb = copy();
    kb.write('topics/goals.md', 'Just text.\n');
    expect(problemsOf(kb.dir)).toEqual([
      'topics/goals.md:1: no front matter: the file must start with a "---" line, its fields, and a closing "---" line',
    ]);
  });

  it('an unknown source', () => {
    const kb = copy();
    kb.edit('topics/goals.md', 'source: peacekeeping-page', 'source: peacekeeping-pag');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(/^topics\/goals\.md:4: unknown source "peacekeeping-pag": use one of peacekeeping-page, /),
    ]);
  });

  it('an id that does not match its file name', () => {
    const kb = copy();
    kb.edit('missions/UNSOM.yml', 'id: UNSOM', 'id: UNSOMX');
    expect(problemsOf(kb.dir)).toContainEqual(
      'missions/UNSOM.yml:1: id "UNSOMX" does not match the file name: rename the file to UNSOMX.yml or change the id',
    );
  });

  it('a closed mission without its end date', () => {
    const kb = copy();
    kb.edit('missions/UNMIL.yml', /^ended: .*\n/m, '');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(/^missions\/UNMIL\.yml:\d+: field "ended": a closed mission needs "ended"/),
    ]);
  });

  it('every problem at once, not just the first', () => {
    const kb = copy();
    kb.edit('missions/MINUSMA.yml', 'where: Mali', 'where: Mali\nwere: Mali');
    kb.edit('stories/minusca-bakala-forum.md', 'missions: [MINUSCA]', 'missions: [NOPE]');
    expect(problemsOf(kb.dir)).toHaveLength(2);
  });
});
