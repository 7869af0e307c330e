import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ENTRY_FOLDERS } from './load.js';

/** Names an editor's tools leave beside the files they save: hidden, backup and swap files. */
const EDITOR_LEFTOVER = /^\.|~$|\.(swp|swo|bak|tmp)$/i;

/**
 * Files in the entry folders that the bot does not read, as their kind is not the folder's (a
 * story saved as `.txt`, a mission as `.yaml`), each with what to do. Editors' leftovers are not named.
 */
export function unreadFiles(dir: string): string[] {
  return Object.entries(ENTRY_FOLDERS).flatMap(([folder, extension]) => {
    let names: string[];
    try {
      names = readdirSync(join(dir, folder), { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);
    } catch {
      return [];
    }
    return names
      .filter((name) => extname(name) !== extension && !EDITOR_LEFTOVER.test(name))
      .sort()
      .map((name) => {
        // "story.md.txt": Notepad adds its own extension after the one typed.
        const stem = basename(name, extname(name));
        const renamed = stem.endsWith(extension) ? stem : `${stem}${extension}`;
        return `${folder}/${name}: not read, only ${extension} files are; rename it ${renamed} if it is one`;
      });
  });
}
