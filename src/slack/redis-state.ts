import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ConfigError } from '../config/env.js';
import { withTimeout } from '../config/with-timeout.js';
import { CONVERSATION_TTL_SECONDS } from './conversations.js';
import { memoryState, type SharedState } from './shared-state.js';

export interface RedisStateOptions {
  logger: Logger;
  /** Put before every key, so that several bots (or tests) can share one Redis. */
  keyPrefix?: string;
  /** How long an event's key is remembered; Slack retries within minutes. */
  ttlSeconds?: number;
  /** An event's look-up Redis could not answer (the event is then answered, possibly twice). */
  onUnavailable?: () => void;
}

/** Start-up waits this long for Redis, so that a wrong REDIS_URL ends the start well within 10 seconds. */
const CONNECT_TIMEOUT_MS = 5_000;
/** A look-up that takes longer is given up: the answer must still fit in Slack's 3 seconds. */
const COMMAND_TIMEOUT_MS = 500;

/**
 * What every replica shares through Redis: the events already taken (`SET key 1 NX EX ttl`
 * succeeds for the first replica only) and what each conversation was about. If Redis fails
 * mid-run the bot answers from this replica's own memory, which keeps everything it saw (a missed
 * answer is worse than a rare duplicate, or a follow-up read without its thread's context): a
 * warning is logged once per outage and each event's look-up is counted.
 */
export async function connectRedisState(
  url: string,
  { logger, keyPrefix = 'hr-mission-bot:', ttlSeconds = 60 * 60, onUnavailable }: RedisStateOptions,
): Promise<SharedState> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    // How long closing waits for the socket to end by itself: a failed start or a shutdown should not linger.
    disconnectTimeout: 200,
  });
  // Connection errors are reported through the look-ups that fail (or the start-up error); this keeps ioredis from printing them.
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => {
    lastError = error;
    logger.debug({ kind: 'redis', err: error.message }, 'redis connection error');
  });
  await connectOrExplain(redis, url, () => lastError);

  const own = memoryState();
  let down = false;
  const answered = () => {
    if (!down) return;
    down = false;
    logger.info({ kind: 'redis' }, 'Redis answers again: de-duplication and conversations are shared across replicas again');
  };
  const failed = (error: unknown) => {
    if (down) return;
    down = true;
    logger.warn(
      { kind: 'redis', err: (error as Error).message },
      'Redis did not answer: this replica answers from its own memory meanwhile, so a retried event reaching another replica may be answered twice, and a follow-up there read without what its thread was about',
    );
  };
  const redisKey = (conversation: string) => `${keyPrefix}conversation:${conversation}`;
  return {
    dedupe: {
      async firstTime(key) {
        // Every key is also kept here, so that in an outage a retry of an event taken through Redis is still caught.
        const firstHere = await own.dedupe.firstTime(key);
        try {
          const first = (await redis.set(`${keyPrefix}event:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
          answered();
          return first;
        } catch (error) {
          onUnavailable?.();
          failed(error);
          return firstHere;
        }
      },
    },
    conversations: {
      // While Redis is known to be down, conversations wait for no look-up: events' look-ups find out when it is back.
      async about(conversation) {
        const here = await own.conversations.about(conversation);
        if (down) return here;
        try {
          const entryId = await redis.get(redisKey(conversation));
          answered();
          // One remembered here during an outage is not lost when Redis answers again.
          return entryId ?? here;
        } catch (error) {
          failed(error);
          return here;
        }
      },
      async remember(conversation, entryId) {
        await own.conversations.remember(conversation, entryId);
        if (down) return;
        try {
          if (entryId === undefined) await redis.del(redisKey(conversation));
          else await redis.set(redisKey(conversation), entryId, 'EX', CONVERSATION_TTL_SECONDS);
          answered();
        } catch (error) {
          failed(error);
        }
      },
    },
    async close() {
      redis.disconnect();
    },
  };
}

async function connectOrExplain(redis: Redis, url: string, lastError: () => Error | undefined): Promise<void> {
  try {
    await withTimeout(redis.connect(), CONNECT_TIMEOUT_MS, 'Redis');
  } catch (error) {
    redis.disconnect();
    throw new ConfigError([
      `REDIS_URL: could not reach Redis at ${withoutCredentials(url)} (${(lastError() ?? (error as Error)).message}): check that Redis runs and the address is right, or unset REDIS_URL to keep events and conversations in memory (one replica only)`,
    ]);
  }
}

function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}
