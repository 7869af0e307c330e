import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLiveEngine, type LiveEngine } from '../../src/answer/live-engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { type FolderWatcher, watchFolder } from '../../src/knowledge/watch.js';

/** A live engine watching a folder, as `npm start` wires them, with what it reported. */
export interface WatchedKnowledge {
  live: LiveEngine;
  watcher: FolderWatcher;
  reloads: number;
  invalid: number;
  errors: Error[];
  close(): Promise<void>;
}

/** Resolves once the watcher sees changes. */
export async function watchKnowledge(dir: string, settleMs = 100): Promise<WatchedKnowledge> {
  const state = { reloads: 0, invalid: 0, errors: [] as Error[] };
  const live = await createLiveEngine(dir, {
    onReloaded: () => {
      state.reloads++;
    },
    onInvalid: () => {
      state.invalid++;
    },
  });
  const watcher = watchFolder(dir, { onChange: () => void live.reload(), onError: (e) => state.errors.push(e) }, settleMs);
  await watcher.ready;
  return Object.assign(state, { live, watcher, close: () => watcher.close() });
}

/** What a knowledge base serves, without file times: ids and texts of every entry. */
export function servedContent(kb: KnowledgeBase): string[] {
  return [...kb.missions, ...kb.topics, ...kb.stories].map((e) => JSON.stringify({ ...e, file: undefined })).sort();
}

export function freshContent(dir: string): string[] | 'invalid' {
  try {
    return servedContent(loadKnowledge(dir));
  } catch {
    return 'invalid';
  }
}

/** A story file of the folder, whatever the knowledge holds, copied under a new id. */
export function storyCopy(dir: string, id: string): string {
  const name = readdirSync(join(dir, 'stories')).find((n) => n.endsWith('.md'));
  if (!name) throw new Error('test set-up: the knowledge has no story to copy');
  return readFileSync(join(dir, 'stories', name), 'utf8').replace(/^id: .*$/m, `id: ${id}`);
}

export async function eventually(check: () => boolean, withinMs = 5_000, what = 'the condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > withinMs) throw new Error(`${what} did not hold within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
