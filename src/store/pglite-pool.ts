import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type { PGliteConnection } from './pglite-worker.js';

/**
 * PGlite shaped as the `pg` pool that Kysely's PostgresDialect drives, so both stores share one
 * dialect and the same SQL. PGlite is one connection: a client is lent to one user at a time
 * (a transaction must not interleave with other queries), the next waits for its release.
 */
export function pglitePool(pglite: PGliteConnection): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  const client = (release: () => void): PostgresPoolClient =>
    ({
      async query<R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const result = await pglite.query(text, [...parameters]);
        return {
          command: commandOf(text),
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows as R[],
        };
      },
      release,
    }) as PostgresPoolClient;
  return {
    connect() {
      const previous = queue;
      let release!: () => void;
      queue = new Promise((resolve) => {
        release = resolve;
      });
      return previous.then(() => client(release));
    },
    async end() {
      await queue;
      await pglite.close();
    },
  };
}

function commandOf(text: string): PostgresQueryResult<unknown>['command'] {
  const word = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase();
  return (
    ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(word ?? '') ? word : 'SELECT'
  ) as PostgresQueryResult<unknown>['command'];
}
