import type { InstallationStore } from '@slack/bolt';
import type { Logger } from 'pino';
import type { StoreSettings } from '../config/store-env.js';
import { type Database, openDatabase } from './database.js';
import { createInstallationStore } from './installations.js';
import { createRecorder } from './recorder.js';
import { createRecording, type Recording } from './recording.js';
import { createReports, type Reports } from './reports.js';
import { scheduleRetention } from './retention.js';

/** The running store: the recording queue, the editors' figures, retention. */
export interface Store {
  recording: Recording;
  /** The figures, once the database is open. */
  reports(): Promise<Reports>;
  /** Slack installations (OAuth), kept encrypted with a key derived from the app's client secret. */
  installations(clientSecret: string): InstallationStore;
  /** Flushes the queue within `timeoutMs`, then closes the database. */
  close(timeoutMs: number): Promise<void>;
}

/**
 * Starts recording. PostgreSQL must answer before the bot starts (a wrong DATABASE_URL stops
 * it, naming the variable); the embedded PGlite opens in the background, as creating its folder
 * the first time takes seconds, and what is recorded meanwhile waits in the queue.
 */
export async function startStore(settings: StoreSettings, logger: Logger): Promise<Store> {
  const opening = openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  let database: Database | undefined;
  if (settings.databaseUrl) database = await opening;
  const opened = opening.then((d) => {
    database = d;
    logger.info({ kind: 'store', database: d.kind }, 'recording to the database');
    return d;
  });
  opened.catch((error) => logger.error({ kind: 'store', err: error }, 'could not open the database: requests are not recorded'));
  const recorder = opened.then((d) => createRecorder(d.db));
  recorder.catch(() => {});
  const recording = createRecording({
    write: async (batch) => (await recorder).write(batch),
    logger,
    userHashKey: settings.userHashKey,
  });
  const stopRetention = scheduleRetention(recorder, settings.retentionDays, logger);
  return {
    recording,
    reports: () => opened.then((d) => createReports(d.db)),
    installations(clientSecret) {
      const installations = opened.then((d) => createInstallationStore(d.db, clientSecret));
      return {
        storeInstallation: async (installation) => (await installations).storeInstallation(installation),
        fetchInstallation: async (query) => (await installations).fetchInstallation(query),
        deleteInstallation: async (query) => (await installations).deleteInstallation?.(query),
      };
    },
    async close(timeoutMs) {
      stopRetention();
      await recording.close(timeoutMs);
      await database?.close().catch(() => {});
    },
  };
}
