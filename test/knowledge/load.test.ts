import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiesForEachTest, problemsOf } from '../helpers/knowledge.js';

describe('a broken knowledge file is refused with its file, line and fix', () => {
  const copy = copiesForEachTest();

  it('an unknown field', () => {
    const kb = copy();
    kb.edit('missions/MINUSMA.yml', 'where: Mali', 'where: Mali\nwere: Mali');
    expect(problemsOf(kb.dir)).toEqual([
      `missions/MINUSMA.yml:${kb.lineOf('missions/MINUSMA.yml', 'were:')}: unknown field "were": remove it or correct its spelling`,
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
    const line = kb.lineOf('stories/unmiss-mobile-courts.md', 'missions:');
    expect(problemsOf(kb.dir)).toEqual([
      `stories/unmiss-mobile-courts.md:${line}: field "missions" must be a list: write [UNMISS], or each item on its own line starting with "- "`,
    ]);
  });

  it('a duplicate id: the copy is named, never the file named after the id, and no rename onto it is proposed', () => {
    const kb = copy();
    for (const copied of ['topics/goals (1).md', 'topics/goals-again.md', 'topics/a-new-topic.md']) {
      kb.write(copied, kb.read('topics/goals.md'));
      expect(problemsOf(kb.dir)).toEqual([
        `${copied}:2: duplicate id "goals" (already used in topics/goals.md): give this entry an id of its own and name its file after it, or delete this file if it is a copy`,
      ]);
      rmSync(join(kb.dir, copied));
    }
  });

  it('a value outside its list of choices names them', () => {
    const kb = copy();
    kb.edit('missions/UNMIL.yml', /^status: .*$/m, 'status: Closed');
    const line = kb.lineOf('missions/UNMIL.yml', 'status:');
    expect(problemsOf(kb.dir)).toEqual([
      `missions/UNMIL.yml:${line}: field "status" is "Closed": write one of active, closed, succeeded, exactly as here`,
    ]);
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
    const line = kb.lineOf('missions/MONUSCO.yml', 'Text TK');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^missions/MONUSCO\\.yml:${line}: contains the placeholder "TK" \\(text to come\\), which is not content: remove it`,
        ),
      ),
    ]);
  });

  it('a "TK" placeholder in any field a story card shows: its country, a place', () => {
    const kb = copy();
    const story = 'stories/minusca-bakala-forum.md';
    kb.edit(story, 'country: Central African Republic', 'country: TK');
    kb.edit(story, 'places: [Bakala]', 'places: [Bakala, Text TK]');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(new RegExp(`^${story}:${kb.lineOf(story, 'country:')}: contains the placeholder "TK"`)),
      expect.stringMatching(new RegExp(`^${story}:${kb.lineOf(story, 'places:')}: contains the placeholder "TK"`)),
    ]);
  });

  it('a figure that is not word for word in its story', () => {
    const kb = copy();
    kb.edit('stories/unmiss-mobile-courts.md', '  - 25 days', '  - 26 days');
    const line = kb.lineOf('stories/unmiss-mobile-courts.md', '26 days');
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

  it('bad YAML is told with one line number, the line to fix, and how to fix it', () => {
    const kb = copy();
    kb.edit('missions/UNAMA.yml', 'names:\n  - Afghanistan', 'names: [Afghanistan\n  - Kabul');
    expect(problemsOf(kb.dir)).toEqual([
      `missions/UNAMA.yml:${kb.lineOf('missions/UNAMA.yml', 'names: [')}: not valid YAML: a list opened with "[" is not closed: close it on the same line (with "]")`,
    ]);
  });

  it('an unclosed quote in front matter is told at the line that opens it, counted from the top of the file', () => {
    const kb = copy();
    kb.edit('stories/unmiss-mobile-courts.md', 'title: Mobile courts', 'title: "Mobile courts');
    expect(problemsOf(kb.dir)).toEqual([
      `stories/unmiss-mobile-courts.md:${kb.lineOf('stories/unmiss-mobile-courts.md', 'title:')}: not valid YAML: a text opened with a quote mark is not closed: close it on the same line (with the same quote mark; write an apostrophe inside double quotes)`,
    ]);
  });

  it('a tab used to indent', () => {
    const kb = copy();
    kb.edit('missions/UNAMA.yml', 'names:\n  - Afghanistan', 'names:\n\t- Afghanistan');
    expect(problemsOf(kb.dir)).toEqual([
      `missions/UNAMA.yml:${kb.lineOf('missions/UNAMA.yml', '\t- Afghanistan')}: not valid YAML: a tab is used to indent: indent with spaces only`,
    ]);
  });

  it('a value holding ": " says to quote it, once', () => {
    const kb = copy();
    kb.edit('topics/goals.md', 'title: The goals of human rights teams', 'title: Goals: what teams aim for');
    const problems = problemsOf(kb.dir);
    expect(problems).toEqual([expect.stringMatching(/^topics\/goals\.md:3: not valid YAML: .*in double quotes$/)]);
    expect(problems[0]).not.toMatch(/at line \d/);
  });

  it('a year written as a number in figures says to quote it', () => {
    const kb = copy();
    kb.edit('stories/unmik-human-rights-masters.md', '  - October 2024', '  - October 2024\n  - 2024');
    const line = kb.lineOf('stories/unmik-human-rights-masters.md', '  - 2024');
    expect(problemsOf(kb.dir)).toEqual([
      `stories/unmik-human-rights-masters.md:${line}: field "figures[2]": 2024 is read as a number, not text: put it in quotes, as - "2024"`,
    ]);
  });

  it('a broken mission file is reported alone, not again in every story naming the mission', () => {
    const kb = copy();
    kb.edit('missions/MINUSCA.yml', /^where: .*$/m, 'where:\tCentral African Republic\n\tkind: x');
    const problems = problemsOf(kb.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^missions\/MINUSCA\.yml:\d+: /);
  });

  it('a mission file failing its checks is reported alone too', () => {
    const kb = copy();
    kb.edit('missions/MINUSCA.yml', /^kind: .*\n/m, '');
    expect(problemsOf(kb.dir)).toEqual([expect.stringMatching(/^missions\/MINUSCA\.yml:1: missing required field "kind"/)]);
  });

  it('a broken sources.yml is reported alone, not as an unknown source in every entry', () => {
    const kb = copy();
    kb.edit('sources.yml', '- id: peacekeeping-page', '- id: peacekeeping-page\n  id: again');
    expect(problemsOf(kb.dir)).toEqual([expect.stringMatching(/^sources\.yml:\d+: not valid YAML: this field is written twice/)]);
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

describe("what editors' own tools leave in a file is read, or told plainly", () => {
  const copy = copiesForEachTest();
  const story = 'stories/minusca-bakala-forum.md';

  it('a byte order mark (saved by Windows editors) is read as nothing', () => {
    const kb = copy();
    kb.write(story, `\uFEFF${kb.read(story)}`);
    expect(problemsOf(kb.dir)).toEqual([]);
  });

  it('a file not saved as UTF-8 says so, and how to save it', () => {
    const kb = copy();
    writeFileSync(join(kb.dir, story), Buffer.from(kb.read(story).replace('’', 'é'), 'latin1'));
    expect(problemsOf(kb.dir)).toEqual([
      `${story}: the file is not saved as UTF-8 (an accented letter or a curly quote cannot be read): save it again with the encoding "UTF-8"`,
    ]);
  });

  it('YAML aliases repeated past reason are refused, not a crash', () => {
    const kb = copy();
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    bomb.push('c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]');
    kb.write('missions/MINUSMA.yml', `${kb.read('missions/MINUSMA.yml')}${bomb.join('\n')}\n`);
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(/^missions\/MINUSMA\.yml: not valid YAML: too many aliases \(\*name\): write the values out/),
    ]);
  });

  it('an empty field says it is empty', () => {
    const kb = copy();
    kb.edit(story, /^title: .*$/m, 'title:');
    expect(problemsOf(kb.dir)).toEqual([`${story}:3: field "title" is empty: write its value after "title:"`]);
  });
});

describe('a broken glossary is reported alone', () => {
  const copy = copiesForEachTest();

  it('not again as every phrasing that needs its synonyms', () => {
    const kb = copy();
    kb.write('missions/MINUSCA.yml', `${kb.read('missions/MINUSCA.yml')}asks: [What is the full name of MINUSCA?]\n`);
    expect(problemsOf(kb.dir)).toEqual([]);
    kb.edit('glossary.yml', '  - term: goals\n', '  - term: goals\n   oops: [x]\n');
    expect(problemsOf(kb.dir)).toEqual([expect.stringMatching(/^glossary\.yml:\d+: /)]);
  });
});

describe("a mission's facts are the checked ones in its facts source's table", () => {
  const copy = copiesForEachTest();
  const reference = 'sources/reference-missions.md';

  it('a wrong end date is refused, quoting the checked one', () => {
    const kb = copy();
    kb.edit('missions/MINUSTAH.yml', 'ended: 15 October 2017', 'ended: 15 October 2019');
    expect(problemsOf(kb.dir)).toEqual([
      `missions/MINUSTAH.yml:${kb.lineOf('missions/MINUSTAH.yml', 'ended:')}: status "closed 15 October 2019" is not the checked fact in ${reference} ("closed 15 October 2017"): write it as the table does (if the public record changed, the shared reference is corrected first, then copied into sources/)`,
    ]);
  });

  it('a changed full name, or an active mission marked closed', () => {
    const kb = copy();
    kb.edit(
      'missions/UNMISS.yml',
      'name: United Nations Mission in the Republic of South Sudan',
      'name: United Nations Mission for Peace in South Sudan',
    );
    kb.edit('missions/UNMISS.yml', 'status: active', 'status: closed\nended: 1 January 2026');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(
        /^missions\/UNMISS\.yml:\d+: name "United Nations Mission for Peace in South Sudan" is not the checked fact .*\("United Nations Mission in the Republic of South Sudan"\)/,
      ),
      expect.stringMatching(/^missions\/UNMISS\.yml:\d+: status "closed 1 January 2026" is not the checked fact .*\("active"\)/),
    ]);
  });

  it('a row without its closing "|" is read as Markdown reads it; a row short of a cell is told so', () => {
    const kb = copy();
    kb.edit(reference, /^(\| UNAMA \|.*) \|$/m, '$1');
    expect(problemsOf(kb.dir)).toEqual([]);
    kb.edit(reference, /^(\| UNMIL \|.*) \| closed 30 March 2018 \|$/m, '$1 |');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(
        /^missions\/UNMIL\.yml:\d+: the row for UNMIL in sources\/reference-missions\.md has 4 cells: it needs 5, \| id \| full name \| where \| kind \| status \|$/,
      ),
    ]);
  });

  it('a mission the table has no row for', () => {
    const kb = copy();
    kb.edit(reference, /^\| UNAMA \|.*\n/m, '');
    expect(problemsOf(kb.dir)).toEqual([
      expect.stringMatching(
        /^missions\/UNAMA\.yml:\d+: sources\/reference-missions\.md has no row for UNAMA: add its checked facts there/,
      ),
    ]);
  });
});

describe('a value starting with * (as "*Kosovo*" may)', () => {
  const copy = copiesForEachTest();

  it('is told to go in double quotes, at its line', () => {
    const kb = copy();
    const story = 'stories/minusca-bakala-forum.md';
    kb.edit(story, 'places: [Bakala]', 'places: [*Bakala*]');
    expect(problemsOf(kb.dir)).toEqual([
      `${story}:${kb.lineOf(story, 'places:')}: not valid YAML: *Bakala* starts with *, which YAML reads as a reference to another value: put it in double quotes, as "*Bakala*"`,
    ]);
  });
});
