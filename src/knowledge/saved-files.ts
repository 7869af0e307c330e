import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Values saved to disk as JSON, one file per key; saving one key removes the others. */
export interface SavedFiles<T> {
  load(key: string): T | undefined;
  save(key: string, value: T): void;
}

/**
 * Saved values in a folder. A missing, unreadable or unwritable file only means the value is
 * worked out again; files are written whole (temporary file, then rename) as processes may share it.
 * The folder (in the shared temporary folder, by default) is trusted only if this user owns it
 * and no one else may write in it: another user could otherwise plant what the bot serves.
 */
export function savedFiles<T>(dir: string): SavedFiles<T> {
  const path = (key: string) => join(dir, `${key}.json`);
  return {
    load(key) {
      try {
        if (!isOwnFolder(dir)) return undefined;
        return JSON.parse(readFileSync(path(key), 'utf8')) as T;
      } catch {
        return undefined;
      }
    },
    save(key, value) {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (!isOwnFolder(dir)) return;
        const temporary = `${path(key)}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(value));
        renameSync(temporary, path(key));
        for (const name of readdirSync(dir)) {
          if (name.endsWith('.json') && name !== `${key}.json`) rmSync(join(dir, name), { force: true });
        }
      } catch {
        // Not saving costs the next start the work, nothing more.
      }
    },
  };
}

function isOwnFolder(dir: string): boolean {
  const { uid, mode } = statSync(dir);
  return (process.getuid === undefined || uid === process.getuid()) && (mode & 0o022) === 0;
}
