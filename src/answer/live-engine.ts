import type { IndexStore } from '../knowledge/index-store.js';
import { loadKnowledgeInSlicesOnDemand, loadKnowledgeOnDemand } from '../knowledge/load-on-demand.js';
import { KnowledgeError } from '../knowledge/problems.js';
import { buildSearchIndexInSlices } from '../knowledge/search-index.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { type AnswerEngine, createAnswerEngine } from './engine.js';

export interface LiveEngine {
  /** The engine over the last good knowledge. */
  current(): AnswerEngine;
  /**
   * Reads the folder again, in slices so that answering goes on meanwhile, and swaps the engine
   * when the new knowledge is valid and indexed. Calls made during a reload are folded into one more.
   */
  reload(): Promise<void>;
}

export interface ReloadHandlers {
  onReloaded(knowledge: KnowledgeBase, ms: number): void;
  /** The folder is not valid: the last good knowledge keeps serving. */
  onInvalid(error: KnowledgeError): void;
}

/** The engine over a knowledge folder, loaded at once now (start-up) and reloaded without stalling later. */
export async function createLiveEngine(
  dir: string,
  {
    indexStore,
    readAtStart = loadKnowledgeOnDemand,
    onReloaded,
    onInvalid,
  }: ReloadHandlers & {
    indexStore?: IndexStore;
    /** How the folder is read at start-up: in full, unless told (see cachedKnowledgeReader). */
    readAtStart?: (dir: string) => KnowledgeBase | Promise<KnowledgeBase>;
  },
): Promise<LiveEngine> {
  let engine = createAnswerEngine(await readAtStart(dir), { indexStore });
  let running: Promise<void> | undefined;
  let again = false;

  const reloadOnce = async () => {
    const started = performance.now();
    try {
      const knowledge = await loadKnowledgeInSlicesOnDemand(dir, engine.knowledge);
      const index = await buildSearchIndexInSlices(knowledge);
      engine = createAnswerEngine(knowledge, { index });
      onReloaded(knowledge, Math.round(performance.now() - started));
    } catch (error) {
      onInvalid(error instanceof KnowledgeError ? error : new KnowledgeError([{ file: dir, message: String(error) }]));
    }
  };

  const reload = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await reloadOnce();
      } while (again);
      running = undefined;
    })();
    return running;
  };

  return { current: () => engine, reload };
}
