import { Worker } from 'node:worker_threads';

/** PGlite's side of a query, as the pool needs it. */
export interface PGliteConnection {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  close(): Promise<void>;
}

/**
 * The worker's code, plain JavaScript so that it runs the same under tsx and from a build.
 * PGlite runs PostgreSQL compiled to WebAssembly synchronously: creating its folder takes
 * seconds and each query blocks its thread, so it gets a thread of its own and the answers
 * on the main thread never wait for it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');

// A new folder is made aside and renamed into place once complete, so that a process stopped
// while it is being made (it takes seconds) never leaves a half-made database behind.
async function open(PGlite, dir) {
  if (!dir) return PGlite.create();
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      throw new Error(dir + ' is not empty and holds no PGlite database: choose another DATA_DIR');
    }
    const making = dir + '.creating';
    fs.rmSync(making, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const fresh = await PGlite.create(making);
    await fresh.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(making, dir);
  }
  return PGlite.create(dir);
}

(async () => {
  let db;
  try {
    const { PGlite } = await import(workerData.pglite);
    db = await open(PGlite, workerData.dataDir);
  } catch (error) {
    parentPort.postMessage({ ready: false, error: String((error && error.message) || error) });
    return;
  }
  parentPort.postMessage({ ready: true });
  parentPort.on('message', async ({ id, sql, params, close }) => {
    if (close) {
      await db.close().catch(() => {});
      parentPort.postMessage({ id });
      return;
    }
    try {
      const result = await db.query(sql, params);
      parentPort.postMessage({ id, rows: result.rows, affectedRows: result.affectedRows });
    } catch (error) {
      parentPort.postMessage({ id, error: String((error && error.message) || error), code: error && error.code });
    }
  });
})();
`;

interface Reply {
  id: number;
  rows?: unknown[];
  affectedRows?: number;
  error?: string;
  code?: string;
}

export interface PGliteOptions {
  /** Stops the thread, even while it is still opening. */
  signal?: AbortSignal;
  /**
   * Whether opening keeps the process alive (a command waiting for its database); false for an
   * open in the background, which must never keep a process from exiting (a failed start).
   */
  holdProcess?: boolean;
}

/** Starts PGlite on its own thread, in `dataDir` (created if new) or in memory; resolves once it is open. */
export function openPGliteWorker(
  dataDir: string | undefined,
  { signal, holdProcess = true }: PGliteOptions = {},
): Promise<PGliteConnection> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pglite: import.meta.resolve('@electric-sql/pglite'), dataDir },
  });
  if (!holdProcess) worker.unref();
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  let next = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const send = (message: object) =>
    new Promise<Reply>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = ++next;
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, ...message });
    });

  signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
  return new Promise((resolve, reject) => {
    worker.once('message', (first: { ready: boolean; error?: string }) => {
      if (!first.ready) {
        reject(new Error(`PGlite could not open ${dataDir ?? 'in memory'}: ${first.error}`));
        void worker.terminate();
        return;
      }
      // The thread keeps the process alive only while it is opening or answering a query.
      worker.unref();
      worker.on('message', (reply: Reply) => {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        if (pending.size === 0) worker.unref();
        waiting?.resolve(reply);
      });
      resolve({
        async query(sql, params) {
          const reply = await send({ sql, params });
          if (reply.error !== undefined) throw Object.assign(new Error(reply.error), { code: reply.code });
          return { rows: reply.rows ?? [], affectedRows: reply.affectedRows };
        },
        async close() {
          if (failure) return;
          await send({ close: true });
          failAll(new Error('PGlite is closed'));
          await worker.terminate();
        },
      });
    });
    worker.once('error', (error) => {
      failAll(error);
      reject(error);
    });
    worker.once('exit', () => {
      failAll(new Error('the PGlite thread stopped'));
      reject(new Error('PGlite stopped before it was open'));
    });
  });
}
