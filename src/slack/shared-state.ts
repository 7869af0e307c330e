import type { Logger } from 'pino';
import { type Conversations, memoryConversations } from './conversations.js';
import { type Dedupe, memoryDedupe } from './dedupe.js';
import type { Metrics } from './metrics.js';

/** What replicas must agree on: the events already taken, and what each conversation was about. */
export interface SharedState {
  dedupe: Dedupe;
  conversations: Conversations;
  close(): Promise<void>;
}

/** One replica's memory: enough for a single process. */
export const memoryState = (): SharedState => ({
  dedupe: memoryDedupe(),
  conversations: memoryConversations(),
  close: async () => {},
});

/** Shared through Redis when REDIS_URL is set (loaded only then), else this process's memory. */
export async function sharedState(
  { redisUrl }: { redisUrl?: string },
  logger: Logger,
  metrics: Pick<Metrics, 'dedupeUnavailable'>,
): Promise<SharedState> {
  if (!redisUrl) return memoryState();
  const { connectRedisState } = await import('./redis-state.js');
  return connectRedisState(redisUrl, { logger, onUnavailable: () => metrics.dedupeUnavailable.inc() });
}
