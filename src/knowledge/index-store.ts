import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AsPlainObject } from 'minisearch';

/** A search index saved to disk, so that a large knowledge base is ready without rebuilding it. */
export interface SavedIndex {
  entries: AsPlainObject;
  documentFrequency: [string, number][];
}

export interface IndexStore {
  load(key: string): SavedIndex | undefined;
  save(key: string, saved: SavedIndex): void;
}

export const DEFAULT_INDEX_DIR = join(tmpdir(), 'hr-mission-bot-index');

/**
 * Saved indexes in a folder, one file per key. A missing, unreadable or unwritable file only
 * means a rebuild; files are written whole (temporary file, then rename) as processes may share it.
 */
export function fileIndexStore(dir = DEFAULT_INDEX_DIR): IndexStore {
  const path = (key: string) => join(dir, `${key}.json`);
  return {
    load(key) {
      try {
        return JSON.parse(readFileSync(path(key), 'utf8')) as SavedIndex;
      } catch {
        return undefined;
      }
    },
    save(key, saved) {
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${path(key)}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(saved));
        renameSync(temporary, path(key));
        for (const name of readdirSync(dir)) {
          if (name.endsWith('.json') && name !== `${key}.json`) rmSync(join(dir, name), { force: true });
        }
      } catch {
        // Not saving costs the next start a rebuild, nothing more.
      }
    },
  };
}
