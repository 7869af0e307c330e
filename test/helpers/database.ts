import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type DatabaseConfig, openDatabase } from '../../src/store/database.js';

export interface TestDatabase extends Database {
  /** The settings another process (the report CLI, the bot) needs to reach the same data. */
  env: NodeJS.ProcessEnv;
  config: DatabaseConfig;
  /** Closes it and removes what the test made. */
  drop(): Promise<void>;
}

/** PostgreSQL for the tests, from DATABASE_URL (`.ci/run` sets it); absent, those tests skip. */
export const POSTGRES_URL = process.env.DATABASE_URL?.trim() || undefined;

if (!POSTGRES_URL && process.env.VITEST) {
  console.warn('DATABASE_URL is not set: the store tests run on PGlite only; the PostgreSQL ones are skipped.');
}

/** A fresh random schema name, so that parallel runs never meet. */
export const randomSchema = () => `test_${randomBytes(6).toString('hex')}`;

/**
 * A fresh, migrated PostgreSQL schema of its own. Its URL carries the schema as a connection
 * option (`?options=-c search_path=…`), so another process given the URL works in it too.
 */
export async function openTestPostgres(baseUrl = POSTGRES_URL as string): Promise<TestDatabase> {
  const schema = randomSchema();
  await onPostgres(baseUrl, `create schema "${schema}"`);
  const url = withSearchPath(baseUrl, schema);
  const config = { databaseUrl: url };
  const database = await openDatabase(config);
  return {
    ...database,
    config,
    env: { DATABASE_URL: url },
    async drop() {
      await database.close();
      await onPostgres(baseUrl, `drop schema if exists "${schema}" cascade`);
    },
  };
}

export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** A fresh, migrated PGlite, in memory unless a folder is given. */
export async function openTestPGlite(dataDir?: string): Promise<TestDatabase> {
  const config = { dataDir };
  const database = await openDatabase(config);
  return { ...database, config, env: { DATABASE_URL: '', DATA_DIR: dataDir }, drop: () => database.close() };
}

export async function onPostgres(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The store's kinds the tests run against: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const STORE_KINDS = [
  { name: 'PGlite', open: () => openTestPGlite(), skip: false },
  { name: 'PostgreSQL', open: () => openTestPostgres(), skip: !POSTGRES_URL },
] as const;

/**
 * The database a black-box test records into and runs `npm run report` against: PostgreSQL
 * when DATABASE_URL is set, else PGlite in a folder of its own (closed before another process opens it).
 */
export async function openSharedTestDatabase(): Promise<TestDatabase & { folder?: string }> {
  if (POSTGRES_URL) return openTestPostgres();
  const scratch = mkdtempSync(join(tmpdir(), 'hr-store-'));
  const folder = join(scratch, 'data');
  const database = await openTestPGlite(folder);
  return {
    ...database,
    folder,
    async drop() {
      await database.close().catch(() => {});
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
