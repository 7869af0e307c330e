import { Kysely, Migrator, PostgresDialect, type PostgresPool, sql } from 'kysely';
import { lockDataDir } from './data-dir-lock.js';
import { DatabaseStartError } from './errors.js';
import { migrationProvider } from './migrations.js';
import { pglitePool } from './pglite-pool.js';
import { openPGliteWorker } from './pglite-worker.js';
import type { Tables } from './schema.js';

export interface DatabaseConfig {
  /** PostgreSQL's connection URL; without it, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite's folder; undefined keeps it in memory (tests). */
  dataDir?: string;
  /** How long to wait for PostgreSQL to answer before giving up (start-up, and each connection after). */
  connectTimeoutMs?: number;
  /** Longest a single statement may run on PostgreSQL before it is abandoned. */
  statementTimeoutMs?: number;
  /** Stops PGlite's thread even while it is still opening (a process stopping before it was ready). */
  signal?: AbortSignal;
  /** False when opened in the background: PGlite's opening then never keeps the process alive. */
  holdProcess?: boolean;
}

export interface Database {
  db: Kysely<Tables>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/**
 * Opens the bot's database and brings its schema up to date: PostgreSQL when a URL is given,
 * else PGlite. Two processes starting at once are safe: Kysely's migrator holds a PostgreSQL
 * advisory lock while it migrates, so the second waits and then finds nothing left to do.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const database = config.databaseUrl ? await openPostgres(config, config.databaseUrl) : await openPGlite(config);
  try {
    await migrate(database.db, config.databaseUrl ? 'DATABASE_URL' : 'DATA_DIR');
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}

async function openPostgres(config: DatabaseConfig, url: string): Promise<Database> {
  const connectTimeoutMs = config.connectTimeoutMs ?? 5_000;
  // Loaded only here: the default store (PGlite) has no use for it, and it takes a tenth of a second to load.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: config.statementTimeoutMs ?? 10_000,
    max: 4,
  });
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseStartError(
      `DATABASE_URL: could not connect to PostgreSQL (${(error as Error).message || (error as { code?: string }).code || 'no answer'}); check the URL and that the server is running`,
    );
  }
  return fromPool(pool, 'postgres');
}

async function openPGlite(config: DatabaseConfig): Promise<Database> {
  const unlock = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  try {
    const worker = await openPGliteWorker(config.dataDir, { signal: config.signal, holdProcess: config.holdProcess });
    return fromPool(pglitePool(worker), 'pglite', unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

function fromPool(pool: PostgresPool, kind: Database['kind'], release = () => {}): Database {
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind, close: () => db.destroy().finally(release) };
}

async function migrate(db: Kysely<Tables>, setting: string): Promise<void> {
  // The migration table lives in the schema this connection works in (a URL's search_path
  // option can choose it), not in another schema that has one too.
  const current = (await sql<{ name: string | null }>`select current_schema() as name`.execute(db)).rows[0].name;
  if (!current) throw new DatabaseStartError('DATABASE_URL: the schema named by its search_path does not exist; create it first');
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: current });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new DatabaseStartError(
      `${setting}: the database's schema could not be brought up to date (${failed ?? 'migrations'}): ${(error as Error).message}`,
    );
  }
}
