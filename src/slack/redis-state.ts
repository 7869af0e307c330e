import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ConfigError } from '../config/env.js';
import { withTimeout } from '../config/with-timeout.js';
import { type Dedupe, memoryDedupe } from './dedupe.js';

export interface RedisDedupeOptions {
  logger: Logger;
  /** Put before every key, so that several bots (or tests) can share one Redis. */
  keyPrefix?: string;
  /** How long a key is remembered; Slack retries within minutes. */
  ttlSeconds?: number;
  /** A look-up Redis could not answer (the event is then answered, possibly twice). */
  onUnavailable?: () => void;
}

/** Start-up waits this long for Redis, so that a wrong REDIS_URL ends the start well within 10 seconds. */
const CONNECT_TIMEOUT_MS = 5_000;
/** A look-up that takes longer is given up: the answer must still fit in Slack's 3 seconds. */
const COMMAND_TIMEOUT_MS = 500;

/**
 * De-duplication shared by every replica through Redis: `SET key 1 NX EX ttl` succeeds for the
 * first replica only. If Redis fails mid-run the event is answered (a missed answer is worse than
 * a rare duplicate): this replica's own memory, which keeps every key it saw, still catches retries that reach it, a warning is
 * logged once per outage and each such look-up is counted.
 */
export async function connectRedisDedupe(
  url: string,
  { logger, keyPrefix = 'hr-mission-bot:event:', ttlSeconds = 60 * 60, onUnavailable }: RedisDedupeOptions,
): Promise<Dedupe> {
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

  const fallback = memoryDedupe();
  let down = false;
  return {
    async firstTime(key) {
      // Every key is also kept here, so that in an outage a retry of an event taken through Redis is still caught.
      const firstHere = await fallback.firstTime(key);
      try {
        const first = (await redis.set(`${keyPrefix}${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
        if (down) {
          down = false;
          logger.info({ kind: 'redis' }, 'Redis answers again: de-duplication is shared across replicas again');
        }
        return first;
      } catch (error) {
        onUnavailable?.();
        if (!down) {
          down = true;
          logger.warn(
            { kind: 'redis', err: (error as Error).message },
            'Redis did not answer: events are answered with this replica’s own de-duplication, so a retry reaching another replica may be answered twice',
          );
        }
        return firstHere;
      }
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
      `REDIS_URL: could not reach Redis at ${withoutCredentials(url)} (${(lastError() ?? (error as Error)).message}): check that Redis runs and the address is right, or unset REDIS_URL to de-duplicate in memory (one replica only)`,
    ]);
  }
}

function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}
