import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis CI runs (it exports REDIS_URL); a user's `npm test` without it skips what needs it. */
export const REDIS_URL = process.env.REDIS_URL?.trim() || undefined;
export const NO_REDIS_MESSAGE = 'skipped: needs REDIS_URL (a Redis such as redis://127.0.0.1:6379, as in CI)';

/** A key prefix no other test or engineer uses, and a way to delete its keys afterwards. */
export function redisScope(url: string) {
  const keyPrefix = `hr-bot-test:${randomUUID()}:`;
  return {
    keyPrefix,
    async clean() {
      const redis = new Redis(url, { lazyConnect: true });
      await redis.connect();
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
