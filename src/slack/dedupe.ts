import { EventDeduper } from './event-dedupe.js';

/** Where the keys of events already taken are kept: this process's memory, or Redis shared by every replica. */
export interface Dedupe {
  /** True the first time a key is offered; false for a retry or a repeated delivery of the same event. */
  firstTime(key: string): Promise<boolean>;
}

/** One replica's memory: enough for a single process, blind to a retry that lands on another replica. */
export function memoryDedupe(deduper = new EventDeduper()): Dedupe {
  return { firstTime: async (key) => deduper.firstTime(key) };
}
