import type { Logger } from 'pino';
import { EventDeduper } from './event-dedupe.js';
import type { Metrics } from './metrics.js';

/** Where the keys of events already taken are kept: this process's memory, or Redis shared by every replica. */
export interface Dedupe {
  /** True the first time a key is offered; false for a retry or a repeated delivery of the same event. */
  firstTime(key: string): Promise<boolean>;
  close(): Promise<void>;
}

/** One replica's memory: enough for a single process, blind to a retry that lands on another replica. */
export function memoryDedupe(deduper = new EventDeduper()): Dedupe {
  return {
    firstTime: async (key) => deduper.firstTime(key),
    close: async () => {},
  };
}

/** Redis when REDIS_URL is set (loaded only then), else this process's memory. */
export async function eventDedupe(
  { redisUrl }: { redisUrl?: string },
  logger: Logger,
  metrics: Pick<Metrics, 'dedupeUnavailable'>,
): Promise<Dedupe> {
  if (!redisUrl) return memoryDedupe();
  const { connectRedisDedupe } = await import('./dedupe-redis.js');
  return connectRedisDedupe(redisUrl, { logger, onUnavailable: () => metrics.dedupeUnavailable.inc() });
}
