import type { Logger } from 'pino';
import type { Recorder } from './recorder.js';
import { daysAgo } from './report-period.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes rows older than `days`, once now and then daily. Returns a function that stops it and
 * resolves once a run in flight has ended, so that the database is closed after it, not under it.
 */
export function scheduleRetention(recorder: Promise<Recorder>, days: number, logger: Logger): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    // A database that could not be opened is the store's own news, told once by it.
    const opened = await recorder.catch(() => undefined);
    if (!opened || stopped) return;
    try {
      const deleted = await opened.deleteOlderThan(daysAgo(days));
      logger.info({ kind: 'retention', days, deleted }, 'deleted rows past the retention period');
    } catch (error) {
      logger.warn({ kind: 'retention', err: error }, 'could not delete old rows; will try again tomorrow');
    }
  };
  const start = () => {
    running = run();
  };
  start();
  const timer = setInterval(start, DAY_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    return running;
  };
}
