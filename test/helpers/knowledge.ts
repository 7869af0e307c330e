import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { KNOWLEDGE_DIR } from './paths.js';

export const realKnowledge = () => loadKnowledge(KNOWLEDGE_DIR);
export const realEngine = () => createAnswerEngine(realKnowledge());

/** A scratch copy of the real knowledge folder, for tests that break or edit files. */
export function knowledgeCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'hr-kb-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
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
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
