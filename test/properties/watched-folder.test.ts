import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { knowledgeCopy } from '../helpers/knowledge.js';
import {
  eventually,
  freshContent,
  servedContent,
  storyCopy,
  type WatchedKnowledge,
  watchKnowledge,
} from '../helpers/live-knowledge.js';

const kb = knowledgeCopy();
let w: WatchedKnowledge;
let template: string;
beforeAll(async () => {
  template = storyCopy(kb.dir, 'prop-template');
  w = await watchKnowledge(kb.dir, 50);
});
afterAll(async () => {
  await w.close();
  kb.remove();
});

const names = fc.constantFrom('prop-a', 'prop-b', 'prop-c');
const folders = fc.constantFrom('stories/tmp', 'stories/tmp/deep', 'topics/drafts');
const operation = fc.oneof(
  fc.record({ op: fc.constant('write' as const), name: names, broken: fc.boolean() }),
  fc.record({ op: fc.constant('rename-over' as const), name: names }),
  fc.record({ op: fc.constant('delete' as const), name: names }),
  fc.record({ op: fc.constant('mkdir' as const), folder: folders }),
  fc.record({ op: fc.constant('rmdir' as const), folder: folders }),
  fc.record({ op: fc.constant('chmod' as const), folder: folders, mode: fc.constantFrom(0o000, 0o755) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const story = (name: string, broken: boolean) =>
  broken ? 'this file lost its front matter' : template.replace('id: prop-template', `id: ${name}`);

function apply(o: Operation) {
  const file = (name: string) => join(kb.dir, 'stories', `${name}.md`);
  switch (o.op) {
    case 'write':
      writeFileSync(file(o.name), story(o.name, o.broken));
      break;
    case 'rename-over':
      writeFileSync(`${file(o.name)}.tmp`, story(o.name, false));
      renameSync(`${file(o.name)}.tmp`, file(o.name));
      break;
    case 'delete':
      rmSync(file(o.name), { force: true });
      break;
    case 'mkdir':
      mkdirSync(join(kb.dir, o.folder), { recursive: true });
      break;
    case 'rmdir':
      if (existsSync(join(kb.dir, o.folder))) chmodSync(join(kb.dir, o.folder), 0o755);
      rmSync(join(kb.dir, o.folder), { recursive: true, force: true });
      break;
    case 'chmod':
      if (existsSync(join(kb.dir, o.folder))) chmodSync(join(kb.dir, o.folder), o.mode);
      break;
  }
}

describe('the watched folder, through random sequences of file operations', () => {
  it('settles on exactly what a fresh load serves (or the last good knowledge when the folder is broken), and never dies', async () => {
    let lastGood = servedContent(w.live.current().knowledge);
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (operations) => {
        for (const o of operations) apply(o);
        const fresh = freshContent(kb.dir);
        const expected = fresh === 'invalid' ? lastGood : fresh;
        await eventually(
          () => JSON.stringify(servedContent(w.live.current().knowledge)) === JSON.stringify(expected),
          5_000,
          'serving what a fresh load gives',
        );
        lastGood = expected;
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
