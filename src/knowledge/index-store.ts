import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AsPlainObject } from 'minisearch';
import { type SavedFiles, savedFiles } from './saved-files.js';

/** A search index saved to disk, so that a large knowledge base is ready without rebuilding it. */
export interface SavedIndex {
  entries: AsPlainObject;
  documentFrequency: [string, number][];
}

export type IndexStore = SavedFiles<SavedIndex>;

export const DEFAULT_INDEX_DIR = join(tmpdir(), 'hr-mission-bot-index');

export const fileIndexStore = (dir = DEFAULT_INDEX_DIR): IndexStore => savedFiles(dir);
