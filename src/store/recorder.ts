import type { Kysely } from 'kysely';
import type { StoredRecord } from './records.js';
import type { Tables } from './schema.js';

/** The writing side of the store: batches of records, and the deletion retention asks for. */
export interface Recorder {
  write(records: StoredRecord[]): Promise<void>;
  /** Deletes every row older than `cutoff`; says how many went. */
  deleteOlderThan(cutoff: Date): Promise<{ requests: number; feedback: number }>;
}

export function createRecorder(db: Kysely<Tables>): Recorder {
  return {
    async write(records) {
      const requests = records.flatMap((r) => (r.kind === 'request' ? [r.row] : []));
      const feedback = records.flatMap((r) => (r.kind === 'feedback' ? [r.row] : []));
      await db.transaction().execute(async (tx) => {
        if (requests.length) await tx.insertInto('requests').values(requests).execute();
        if (feedback.length) await tx.insertInto('feedback').values(feedback).execute();
      });
    },
    async deleteOlderThan(cutoff) {
      const requests = await db.deleteFrom('requests').where('at', '<', cutoff).executeTakeFirst();
      const feedback = await db.deleteFrom('feedback').where('at', '<', cutoff).executeTakeFirst();
      return { requests: Number(requests.numDeletedRows), feedback: Number(feedback.numDeletedRows) };
    },
  };
}
