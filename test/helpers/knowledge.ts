import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { KnowledgeError } from '../../src/knowledge/problems.js';
import { FIXTURE_KNOWLEDGE_DIR, KNOWLEDGE_DIR } from './paths.js';

/** The knowledge the bot serves: for checks that hold whatever it holds. */
export const realKnowledge = () => loadKnowledge(KNOWLEDGE_DIR);
export const realEngine = () => createAnswerEngine(realKnowledge());
/** The frozen fixture knowledge: for tests that expect fixed answers. */
export const fixtureKnowledge = () => loadKnowledge(FIXTURE_KNOWLEDGE_DIR);
export const fixtureEngine = () => createAnswerEngine(fixtureKnowledge());

/** A scratch copy of a knowledge folder (the fixture unless told), for tests that break or edit files. */
export function knowledgeCopy(from = FIXTURE_KNOWLEDGE_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'hr-kb-'));
  cpSync(from, dir, { recursive: true });
  return {
    dir,
    read: (file: string) => readFileSync(join(dir, file), 'utf8'),
    write: (file: string, text: string) => writeFileSync(join(dir, file), text),
    edit(file: string, from: string | RegExp, to: string) {
      const before = this.read(file);
      const after = before.replace(from, to);
      if (after === before) throw new Error(`test set-up: ${String(from)} not found in ${file}`);
      this.write(file, after);
    },
    /** The line of a file holding `needle`, so expectations follow the file rather than a guess. */
    lineOf(file: string, needle: string) {
      return (
        this.read(file)
          .split('\n')
          .findIndex((line) => line.includes(needle)) + 1
      );
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type KnowledgeCopy = ReturnType<typeof knowledgeCopy>;

/** Makes scratch copies of the fixture knowledge for a suite's tests, removing them after each test. */
export function copiesForEachTest(): () => KnowledgeCopy {
  const copies: KnowledgeCopy[] = [];
  afterEach(() => {
    for (const c of copies.splice(0)) c.remove();
  });
  return () => {
    const c = knowledgeCopy();
    copies.push(c);
    return c;
  };
}

/** What kb:check reports for a folder: its problems, one per line, or [] when it is valid. */
export function problemsOf(dir: string): string[] {
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
