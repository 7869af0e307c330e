import { type FSWatcher, watch } from 'node:fs';
import { loadKnowledge } from './load.js';
import { KnowledgeError } from './problems.js';
import type { KnowledgeBase } from './types.js';

export interface KnowledgeWatcher {
  close(): void;
}

export interface WatchHandlers {
  /** A change was saved and the whole folder is valid again; reading and validating it took `loadMs`. */
  onReload(knowledge: KnowledgeBase, loadMs: number): void;
  /** A change was saved but the folder is not valid: keep serving what was loaded before. */
  onInvalid(error: KnowledgeError): void;
}

/** Editors often save a file in several writes; wait for them to settle before reloading. */
const SETTLE_MS = 150;

/** Watches a knowledge folder and reloads it, whole and validated, after every change. */
export function watchKnowledge(dir: string, { onReload, onInvalid }: WatchHandlers): KnowledgeWatcher {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    const started = performance.now();
    try {
      onReload(loadKnowledge(dir), performance.now() - started);
    } catch (error) {
      onInvalid(error instanceof KnowledgeError ? error : new KnowledgeError([{ file: dir, message: String(error) }]));
    }
  };
  const watcher: FSWatcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(reload, SETTLE_MS);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
