import type { Logger } from 'pino';
import type { StoreSettings } from '../config/store-env.js';
import type { Database, openDatabase } from './database.js';
import { createRecorder } from './recorder.js';
import { createRecording, type Recording } from './recording.js';
import type { Reports } from './reports.js';
import { scheduleRetention } from './retention.js';

/** The running store: the recording queue, the editors' figures, retention. */
export interface Store {
  recording: Recording;
  /** The figures, once the database is open. */
  reports(): Promise<Reports>;
  /** The open database, for other repositories that share it (e.g. Slack installations). */
  database(): Promise<Database>;
  /**
   * Flushes the queue within `timeoutMs`, then closes the database. A database still opening
   * (PGlite's first start) is waited for only with `waitForOpen`; else what is queued is dropped.
   */
  close(timeoutMs: number, options?: { waitForOpen?: boolean }): Promise<void>;
}

interface StoreStart {
  /**
   * The embedded PGlite opens once this settles (the bot is ready): compiling its WebAssembly
   * takes both cores of a small machine for a second, and would slow the bot's own start-up.
   */
  openPGliteAfter?: Promise<unknown>;
  /** How the database is opened (tests watch it). */
  open?: typeof openDatabase;
}

/** Kysely, which only an open database needs, is loaded then rather than with the bot. */
const openDatabaseWhenNeeded: typeof openDatabase = async (config) => (await import('./database.js')).openDatabase(config);

/**
 * Starts recording. PostgreSQL must answer before the bot starts (a wrong DATABASE_URL stops
 * it, naming the variable); the embedded PGlite opens in the background, as creating its folder
 * the first time takes seconds, and what is recorded meanwhile waits in the queue.
 */
export async function startStore(
  settings: StoreSettings,
  logger: Logger,
  { openPGliteAfter, open = openDatabaseWhenNeeded }: StoreStart = {},
): Promise<Store> {
  const stopping = new AbortController();
  const opening = (settings.databaseUrl ? Promise.resolve() : untilOrStopped(openPGliteAfter, stopping.signal)).then(() =>
    open({
      databaseUrl: settings.databaseUrl,
      dataDir: settings.dataDir,
      signal: stopping.signal,
      holdProcess: false,
    }),
  );
  let database: Database | undefined;
  if (settings.databaseUrl) database = await opening;
  const opened = opening.then((d) => {
    database = d;
    logger.info({ kind: 'store', database: d.kind }, 'recording to the database');
    return d;
  });
  opened.catch((error) => {
    if (!stopping.signal.aborted)
      logger.error({ kind: 'store', err: error }, 'could not open the database: requests are not recorded');
  });
  const recorder = opened.then((d) => createRecorder(d.db));
  recorder.catch(() => {});
  const recording = createRecording({
    write: async (batch) => (await recorder).write(batch),
    ready: recorder,
    logger,
    userHashKey: settings.userHashKey,
  });
  const stopRetention = scheduleRetention(recorder, settings.retentionDays, logger);
  return {
    recording,
    reports: () => opened.then(async (d) => (await import('./reports.js')).createReports(d.db)),
    database: () => opened,
    async close(timeoutMs, { waitForOpen = false } = {}) {
      const retentionStopped = stopRetention();
      await recording.close(database || waitForOpen ? timeoutMs : 0);
      if (!database) stopping.abort();
      await retentionStopped;
      if (database) await database.close().catch(() => {});
    },
  };
}

/** Settles with `wait`, or fails as soon as the store is stopped. */
function untilOrStopped(wait: Promise<unknown> | undefined, signal: AbortSignal): Promise<void> {
  if (!wait) return Promise.resolve();
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new Error('the store stopped before the database opened')), { once: true });
    wait.then(
      () => resolve(),
      () => resolve(),
    );
  });
}
