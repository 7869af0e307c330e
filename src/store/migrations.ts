import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

/**
 * Every schema change, in order; run at start-up by Kysely's migrator. Never edit one that has
 * shipped: add the next. Names sort in the order they must run (Kysely checks it).
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_requests_and_feedback': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('requests')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('team_id', 'text')
        .addColumn('user_hash', 'text')
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('command', 'text')
        .addColumn('asked', 'text', (c) => c.notNull())
        .addColumn('normalized', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('unanswered', 'boolean', (c) => c.notNull())
        .addColumn('entry_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .execute();
      await db.schema.createIndex('requests_at').on('requests').column('at').execute();
      await db.schema
        .createTable('feedback')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('team_id', 'text')
        .addColumn('user_hash', 'text')
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('helpful', 'boolean')
        .addColumn('entry_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('asked', 'text')
        .addColumn('comment', 'text')
        .execute();
      await db.schema.createIndex('feedback_at').on('feedback').column('at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('feedback').execute();
      await db.schema.dropTable('requests').execute();
    },
  },
  '0002_slack_installations': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('slack_installations')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text')
        .addColumn('enterprise_id', 'text')
        .addColumn('installation', 'text', (c) => c.notNull())
        .addColumn('installed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('slack_installations').execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
