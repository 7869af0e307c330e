import type { Logger } from 'pino';
import type { Recorder } from './recorder.js';
import { daysAgo } from './reports.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes rows older than `days`, once now and then daily; returns a function that stops it. */
export function scheduleRetention(recorder: Promise<Recorder>, days: number, logger: Logger): () => void {
  const run = async () => {
    try {
      const deleted = await (await recorder).deleteOlderThan(daysAgo(days));
      logger.info({ kind: 'retention', days, deleted }, 'deleted rows past the retention period');
    } catch (error) {
      logger.warn({ kind: 'retention', err: error }, 'could not delete old rows; will try again tomorrow');
    }
  };
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
