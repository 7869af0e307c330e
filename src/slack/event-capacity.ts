import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Logger } from 'pino';
import { onceAMinute } from '../config/once-a-minute.js';

export interface EventCapacity {
  /** Events answered at once; the rest wait their turn. */
  concurrency: number;
  /** Events waiting at most; past this a burst is dropped, with a warning once a minute. */
  waiting: number;
}

export const DEFAULT_EVENT_CAPACITY: EventCapacity = { concurrency: 16, waiting: 256 };

/**
 * Bolt acknowledges an event before its listener runs, so a burst of events is taken in faster than
 * replies can be posted, and each pending event holds Bolt's arguments for it (tens of kilobytes)
 * until its reply is sent: 20,000 at once took the process past 300 MB. This answers a bounded
 * number at once, keeps a bounded number waiting, and drops the rest of a burst with a warning,
 * so memory stays bounded whatever the burst. No workspace's people write 272 mentions at once.
 */
export function withinCapacity({ concurrency, waiting }: EventCapacity, logger: Logger): Middleware<SlackEventMiddlewareArgs> {
  let running = 0;
  const queue: (() => void)[] = [];
  const warn = onceAMinute();
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };
  return async ({ next }) => {
    if (running >= concurrency) {
      if (queue.length >= waiting) {
        warn((suppressed) =>
          logger.warn(
            { kind: 'event', status: 'overloaded', dropped: suppressed + 1, waiting },
            'too many events at once: this one is dropped',
          ),
        );
        return;
      }
      await new Promise<void>((resolve) => queue.push(resolve));
    } else {
      running++;
    }
    try {
      await next();
    } finally {
      release();
    }
  };
}
