import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadKnowledgeOnDemand } from './load-on-demand.js';
import { type SavedFiles, savedFiles } from './saved-files.js';
import type { Footnote, KnowledgeBase, Source } from './types.js';

const DEFAULT_KNOWLEDGE_CACHE_DIR = join(tmpdir(), 'hr-mission-bot-knowledge');

/** A knowledge base as JSON holds it. */
export interface SavedKnowledge extends Omit<KnowledgeBase, 'sources' | 'footnotes' | 'updatedAt'> {
  sources: Source[];
  footnotes: Footnote[];
  updatedAt: number;
}

/**
 * Reads a knowledge folder, or the knowledge a start found valid in the very same files: parsing
 * and checking them again is most of the tenth of a second the knowledge takes at start-up. Kept
 * by a key of every file of the folder (path, time, text), the folder's place and the code that
 * reads them (`codeId`, the build's), so that any change means a full read. A folder holding a
 * symbolic link is always read in full, as what it points to could change unseen. (A change undone
 * within the tenth of a second of a read could leave what was read under the first key.)
 */
export function cachedKnowledgeReader(
  codeId: string,
  saved: SavedFiles<SavedKnowledge> = savedFiles(DEFAULT_KNOWLEDGE_CACHE_DIR),
): (dir: string) => Promise<KnowledgeBase> {
  return async (dir) => {
    const key = folderKey(dir, codeId);
    const kept = key ? reviveOrNothing(saved.load(key)) : undefined;
    if (kept) return kept;
    const knowledge = await loadKnowledgeOnDemand(dir);
    // Saved only if the folder did not change while it was read.
    if (key && folderKey(dir, codeId) === key) saved.save(key, toSaved(knowledge));
    return knowledge;
  };
}

export function toSaved(knowledge: KnowledgeBase): SavedKnowledge {
  return {
    ...knowledge,
    sources: [...knowledge.sources.values()],
    footnotes: [...knowledge.footnotes.values()],
    updatedAt: knowledge.updatedAt.getTime(),
  };
}

export function revive(saved: SavedKnowledge): KnowledgeBase {
  return {
    ...saved,
    sources: new Map(saved.sources.map((source) => [source.id, source])),
    footnotes: new Map(saved.footnotes.map((footnote) => [footnote.id, footnote])),
    updatedAt: new Date(saved.updatedAt),
  };
}

/** What was saved, unless it is not a saved knowledge base at all (a damaged file): then nothing. */
function reviveOrNothing(saved: SavedKnowledge | undefined): KnowledgeBase | undefined {
  try {
    return saved && revive(saved);
  } catch {
    return undefined;
  }
}

/** A hash of the folder's files and folders, or undefined when it cannot be trusted to see every change (a link, a device). */
function folderKey(dir: string, codeId: string): string | undefined {
  const hash = createHash('sha256').update(codeId).update('\0').update(resolve(dir));
  const walk = (relative: string): boolean => {
    for (const name of readdirSync(join(dir, relative)).sort()) {
      const path = join(relative, name);
      const stats = lstatSync(join(dir, path));
      if (stats.isDirectory()) {
        hash.update(`\0${path}/\0`);
        if (!walk(path)) return false;
      } else if (stats.isFile()) {
        hash.update(`\0${path}\0${stats.mtimeMs}\0${stats.size}\0`).update(readFileSync(join(dir, path)));
      } else {
        return false;
      }
    }
    return true;
  };
  try {
    return walk('') ? hash.digest('hex').slice(0, 32) : undefined;
  } catch {
    // An unreadable file or folder: the full read says what is wrong with it.
    return undefined;
  }
}
