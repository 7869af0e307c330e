import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { KnowledgeError } from '../../src/knowledge/problems.js';
import { knowledgeCopy } from '../helpers/knowledge.js';

const kb = knowledgeCopy();
afterAll(() => kb.remove());

const files = ['missions', 'topics', 'stories'].flatMap((folder) =>
  readdirSync(join(kb.dir, folder)).map((name) => `${folder}/${name}`),
);
const requiredFields = (file: string) =>
  file.startsWith('missions/')
    ? ['id', 'name', 'where', 'kind', 'status', 'facts_source', 'names', 'achievements']
    : file.startsWith('stories/')
      ? ['id', 'title', 'source', 'missions', 'country']
      : ['id', 'title', 'source'];

/** Ways an editor can break a file, each applied to the file's text. */
type Mutation = (text: string, file: string, pick: number) => string;
const mutations: Record<string, Mutation> = {
  'bad YAML': (text) => text.replace(/^(id: .*)$/m, '$1\nnames: [unclosed, "quote'),
  'wrong type': (text, file) =>
    text.replace(
      file.startsWith('missions/') ? /^names:/m : /^title: .*$/m,
      file.startsWith('missions/') ? 'names: 5\nx_names:' : 'title:\n  nested: map',
    ),
  'missing field': (text, file, pick) => {
    const fields = requiredFields(file);
    const field = fields[pick % fields.length];
    return text.replace(new RegExp(`^${field}:.*(\\n(  .*|  - .*))*\\n`, 'm'), '');
  },
  'unknown field': (text) => text.replace(/^(id: .*)$/m, '$1\nsumary: a misspelt field'),
  'unknown mission reference': (text, file) =>
    file.startsWith('stories/')
      ? text.replace(/^missions: \[.*\]$/m, 'missions: [MINUSZZ]')
      : text.replace(/^facts_source: .*$/m, 'facts_source: nowhere').replace(/^source: .*$/m, 'source: nowhere'),
  placeholder: (text, file) =>
    file.startsWith('missions/') ? text.replace(/^where: (.*)$/m, 'where: $1 Text TK') : `${text.trimEnd()}\n\nText TK\n`,
};

describe('malformed knowledge files', () => {
  it('are refused with a clear error naming the file and the problem, every time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.constantFrom(...Object.keys(mutations)), fc.nat(), (file, name, pick) => {
        const original = kb.read(file);
        const broken = mutations[name](original, file, pick);
        expect(broken, `${name} changed nothing in ${file}`).not.toBe(original);
        kb.write(file, broken);
        try {
          expect(() => loadKnowledge(kb.dir)).toThrow(KnowledgeError);
          try {
            loadKnowledge(kb.dir);
          } catch (error) {
            const problems = (error as KnowledgeError).problems;
            expect(problems.length).toBeGreaterThan(0);
            expect(problems.map((p) => p.file)).toContain(file);
            for (const p of problems) expect(p.message.length).toBeGreaterThan(10);
          }
        } finally {
          kb.write(file, original);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('a duplicate id anywhere is refused, naming both files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), (file) => {
        const copy = file.replace(/(\.\w+)$/, '-copy$1');
        kb.write(copy, kb.read(file));
        try {
          const error = (() => {
            try {
              loadKnowledge(kb.dir);
            } catch (e) {
              return e as KnowledgeError;
            }
          })();
          expect(error).toBeInstanceOf(KnowledgeError);
          expect(error?.message).toContain('duplicate id');
          expect(error?.message).toContain(file);
          expect(error?.message).toContain(copy);
        } finally {
          rmSync(join(kb.dir, copy));
        }
      }),
      { numRuns: 30 },
    );
  });
});
