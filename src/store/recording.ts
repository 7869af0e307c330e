import type { Logger } from 'pino';
import { withTimeout } from '../config/with-timeout.js';
import { type RecordEvent, type StoredRecord, toStoredRecord } from './records.js';

export interface RecordingOptions {
  /** Writes one batch; may fail or hang (the database is down or slow): the answers go on. */
  write: (batch: StoredRecord[]) => Promise<void>;
  /** Settles when the database is open: until then records wait (a write's time limit would only make it retry and duplicate). */
  ready?: Promise<unknown>;
  logger: Logger;
  /** Key for the users' keyed hash; without one no user is stored at all. */
  userHashKey?: string;
  /** Most records held while the database is away; beyond it new ones are dropped and counted. */
  maxQueued?: number;
  batchSize?: number;
  /** Wait before writing, so that a burst goes in one batch. */
  batchDelayMs?: number;
  /** A write taking longer counts as failed; longer than PostgreSQL's own statement limit, so a write given up is one that failed. */
  writeTimeoutMs?: number;
  /** Longest wait between retries while the database fails. */
  maxBackoffMs?: number;
  /** How often drops and write failures are logged (at most once each period). */
  reportEveryMs?: number;
}

/** What the Slack listeners and the console call: never waits, never throws. */
export interface Recording {
  record(event: RecordEvent): void;
  /** Writes what is queued, giving up after `timeoutMs`; resolves with how many records were left unwritten. */
  flush(timeoutMs: number): Promise<number>;
  /** Flushes within `timeoutMs`, then stops the timers. */
  close(timeoutMs: number): Promise<number>;
  readonly stats: { queued: number; written: number; dropped: number };
}

/** Recording that does nothing: `npm run ask`, and tests of other things. */
export const noRecording: Recording = {
  record() {},
  flush: async () => 0,
  close: async () => 0,
  stats: { queued: 0, written: 0, dropped: 0 },
};

/**
 * Takes records off the request path: `record` only queues (bounded), and a background loop
 * writes batches. While the database fails, records wait (up to the bound) and are retried with
 * growing pauses; the excess is dropped and counted, and both are logged once a period.
 */
export function createRecording(options: RecordingOptions): Recording {
  const {
    write,
    ready = Promise.resolve(),
    logger,
    userHashKey,
    maxQueued = 10_000,
    batchSize = 500,
    batchDelayMs = 200,
    writeTimeoutMs = 15_000,
    maxBackoffMs = 30_000,
    reportEveryMs = 60_000,
  } = options;
  // Events as listeners gave them, with their time: turning them into rows (hashing the user,
  // normalising the text) happens when a batch is written, off the request path.
  const queue: { event: RecordEvent; at: Date }[] = [];
  let written = 0;
  let dropped = 0;
  let droppedSinceReport = 0;
  let lastFailure: string | undefined;
  let failuresSinceReport = 0;
  let backoffMs = 0;
  let writing: Promise<boolean> | undefined;
  /** Records of the batch being written, not yet known to be stored. */
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let open = false;
  /** The database could not be opened: nothing will ever be written, so nothing is kept for it. */
  let failed = false;
  const opened = ready.then(
    () => true,
    () => false,
  );
  void opened.then((ok) => {
    if (!ok) {
      failed = true;
      drop(queue.length);
      queue.length = 0;
      return;
    }
    open = true;
    if (queue.length) schedule(0);
  });

  const report = setInterval(() => {
    if (droppedSinceReport === 0 && failuresSinceReport === 0) return;
    logger.warn(
      { kind: 'recording', dropped: droppedSinceReport, failures: failuresSinceReport, queued: queue.length, error: lastFailure },
      droppedSinceReport
        ? 'recording dropped records: the database is unavailable or slow'
        : 'recording could not write: will retry',
    );
    droppedSinceReport = 0;
    failuresSinceReport = 0;
  }, reportEveryMs);
  report.unref();

  const drop = (count: number) => {
    dropped += count;
    droppedSinceReport += count;
  };

  /** The wait before the next write: the back-off after a failure, none when a full batch waits, else time for one to gather. */
  const nextDelay = () => backoffMs || (queue.length >= batchSize ? 0 : batchDelayMs);
  /** Writes one batch; when it is done, the next is scheduled if records wait. */
  const startWrite = () => {
    writing = writeOnce().finally(() => {
      writing = undefined;
      if (queue.length) schedule(nextDelay());
    });
    return writing;
  };

  const schedule = (delayMs: number) => {
    if (timer || writing || closed || !open) return;
    timer = setTimeout(() => {
      timer = undefined;
      // A flush may have started a write meanwhile; its end schedules the next.
      if (!writing) void startWrite();
    }, delayMs);
    timer.unref();
  };

  /** One batch: written (true), or put back at the head of the queue (within the bound) for a retry. Never rejects. */
  const writeOnce = async (): Promise<boolean> => {
    const batch = queue.splice(0, batchSize);
    if (batch.length === 0) return true;
    inFlight = batch.length;
    try {
      await withTimeout(write(batch.map(({ event, at }) => toStoredRecord(event, userHashKey, at))), writeTimeoutMs);
      written += batch.length;
      backoffMs = 0;
      return true;
    } catch (error) {
      lastFailure = (error as Error).message;
      failuresSinceReport++;
      // Closed while this batch was being written: no retry will come.
      if (closed) {
        drop(batch.length);
        return false;
      }
      const room = Math.max(0, maxQueued - queue.length);
      queue.unshift(...batch.slice(0, room));
      drop(batch.length - Math.min(room, batch.length));
      backoffMs = Math.min(maxBackoffMs, Math.max(batchDelayMs, backoffMs * 2));
      return false;
    } finally {
      inFlight = 0;
    }
  };

  const flush = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    if (!open) await withTimeout(opened, timeoutMs).catch(() => {});
    clearTimeout(timer);
    timer = undefined;
    while (Date.now() < deadline) {
      if (writing) {
        await withTimeout(writing, deadline - Date.now()).catch(() => {});
        continue;
      }
      if (queue.length === 0) break;
      const done = await withTimeout(startWrite(), deadline - Date.now()).catch(() => true);
      if (!done) await sleep(Math.min(backoffMs, deadline - Date.now()));
    }
    if (queue.length && !closed) schedule(nextDelay());
    return queue.length + inFlight;
  };

  return {
    record(event) {
      if (closed) return;
      if (failed || queue.length >= maxQueued) {
        drop(1);
        return;
      }
      queue.push({ event, at: new Date() });
      // A batch just filled is written at once, not when the wait for a partial one ends.
      if (queue.length === batchSize && !backoffMs) {
        clearTimeout(timer);
        timer = undefined;
      }
      schedule(nextDelay());
    },
    flush,
    async close(timeoutMs) {
      const left = await flush(timeoutMs);
      closed = true;
      clearTimeout(timer);
      clearInterval(report);
      // A batch still being written is counted when it ends: written, or dropped.
      drop(queue.length);
      queue.length = 0;
      if (droppedSinceReport) {
        logger.warn(
          { kind: 'recording', dropped: droppedSinceReport },
          'recording dropped records that could not be written before stopping',
        );
      }
      return left;
    },
    get stats() {
      return { queued: queue.length, written, dropped };
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
