import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/answer/types.js';
import { openDatabase } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { createRecorder, type Recorder } from '../../src/store/recorder.js';
import { type RecordEvent, toStoredRecord } from '../../src/store/records.js';
import { createReports, type Reports } from '../../src/store/reports.js';
import {
  onPostgres,
  openTestPostgres,
  POSTGRES_URL,
  randomSchema,
  STORE_KINDS,
  type TestDatabase,
  withSearchPath,
} from '../helpers/database.js';
import { realEngine } from '../helpers/knowledge.js';
import { closedPort } from '../helpers/ports.js';

const engine = realEngine();
const mission = engine.knowledge.missions[0];
const DAY = 24 * 60 * 60 * 1000;
const KEY = 'test-user-hash-key-0123456789';

const found = () => engine.answer({ command: '/hr-mission', text: mission.id });
const missing = (text: string) => engine.answer({ command: '/hr-mission', text });

describe.each(STORE_KINDS)('the store on $name', ({ name, open, skip }) => {
  let database: TestDatabase;
  let recorder: Recorder;
  let reports: Reports;
  const write = (events: RecordEvent[], at = new Date()) => recorder.write(events.map((event) => toStoredRecord(event, KEY, at)));
  const request = (decision: Decision, user = 'U1'): RecordEvent => ({
    kind: 'request',
    surface: 'command',
    team: 'T1',
    user,
    decision,
  });

  // One database per kind for the file (a fresh random schema on PostgreSQL), emptied before each test.
  beforeAll(async () => {
    if (skip) return;
    database = await open();
    recorder = createRecorder(database.db);
    reports = createReports(database.db);
  }, 60_000);
  beforeEach(async (context) => {
    if (skip) {
      console.warn(`${name}: skipped, DATABASE_URL is not set`);
      context.skip();
    }
    await sql`truncate requests, feedback`.execute(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('groups unanswered requests by their normalised text, with counts and the last time asked', async () => {
    expect(found().status).toBe('found');
    const a = missing('Zzyzx  Quorble!');
    const b = missing('zzyzx quorble');
    expect([a.status, b.status]).toEqual(['not_found', 'not_found']);
    const earlier = new Date(Date.now() - DAY);
    await write([request(a)], earlier);
    const later = new Date();
    await write([request(b), request(found())], later);

    const figures = await reports.figures(new Date(Date.now() - 30 * DAY));
    expect(figures.unanswered).toEqual([{ text: 'zzyzx quorble', count: 2, last: later }]);
    expect(figures.usage).toEqual([{ id: mission.id, count: 1 }]);
    const requests = figures.answerRate.reduce((n, w) => n + w.requests, 0);
    const answered = figures.answerRate.reduce((n, w) => n + w.answered, 0);
    expect([requests, answered]).toEqual([3, 1]);
    const breakdown = await reports.breakdown(new Date(Date.now() - 30 * DAY));
    expect(breakdown.bySurface).toContainEqual({ surface: 'command', status: 'not_found', count: 2 });
    expect(breakdown.byDay.reduce((n, d) => n + d.unanswered, 0)).toBe(2);
  });

  it('counts helpful and not helpful per entry, least helpful first, and keeps comments apart', async () => {
    const other = engine.knowledge.missions[1];
    const feedback = (id: string, helpful: boolean | null, comment?: string): RecordEvent => ({
      kind: 'feedback',
      surface: 'mention',
      team: 'T1',
      user: 'U2',
      helpful,
      entryIds: [id],
      asked: 'a question',
      comment,
    });
    await write([
      feedback(mission.id, true),
      feedback(other.id, false),
      feedback(other.id, false),
      feedback(other.id, true),
      feedback(other.id, null, 'the 2023 figures'),
    ]);
    const figures = await reports.figures(new Date(Date.now() - DAY));
    expect(figures.feedback).toEqual([
      { id: other.id, helpful: 1, not_helpful: 2 },
      { id: mission.id, helpful: 1, not_helpful: 0 },
    ]);
    expect(figures.comments.map((c) => c.comment)).toEqual(['the 2023 figures']);
  });

  it('stores no user id in clear: a keyed hash, the same for the same person, or nothing without a key', async () => {
    await write([request(found(), 'U0SECRET1'), request(found(), 'U0SECRET1'), request(found(), 'U0OTHER2')]);
    await recorder.write([toStoredRecord(request(found(), 'U0SECRET3'), undefined)]);
    const rows = await database.db.selectFrom('requests').selectAll().orderBy('id').execute();
    expect(JSON.stringify(rows)).not.toMatch(/U0SECRET|U0OTHER/);
    const hashes = rows.map((r) => r.user_hash);
    expect(hashes[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(hashes[1]).toBe(hashes[0]);
    expect(hashes[2]).not.toBe(hashes[0]);
    expect(hashes[3]).toBeNull();
  });

  it('deletes the rows older than the retention period, and only those', async () => {
    await write(
      [request(found()), { kind: 'feedback', surface: 'dm', helpful: true, entryIds: [mission.id] }],
      new Date(Date.now() - 100 * DAY),
    );
    await write([request(found())], new Date(Date.now() - 10 * DAY));
    const deleted = await recorder.deleteOlderThan(new Date(Date.now() - 90 * DAY));
    expect(deleted).toEqual({ requests: 1, feedback: 1 });
    expect(await database.db.selectFrom('requests').select('id').execute()).toHaveLength(1);
    expect(await database.db.selectFrom('feedback').select('id').execute()).toHaveLength(0);
  });
});

describe.skipIf(!POSTGRES_URL)('migrations on PostgreSQL', () => {
  it('two processes starting at once both come up, and the schema is migrated once', async () => {
    const base = POSTGRES_URL as string;
    const schema = randomSchema();
    await onPostgres(base, `create schema "${schema}"`);
    const url = withSearchPath(base, schema);
    try {
      const both = await Promise.all([openDatabase({ databaseUrl: url }), openDatabase({ databaseUrl: url })]);
      const migrated = await both[0].db
        .selectFrom('kysely_migration' as never)
        .selectAll()
        .execute();
      expect(migrated).toHaveLength(Object.keys(MIGRATIONS).length);
      await Promise.all(both.map((d) => d.close()));
      const again = await openTestPostgres();
      await again.drop();
    } finally {
      await onPostgres(base, `drop schema if exists "${schema}" cascade`);
    }
  });

  it('a database migrated by a newer version is refused in one line that names DATABASE_URL', async () => {
    const base = POSTGRES_URL as string;
    const schema = randomSchema();
    await onPostgres(base, `create schema "${schema}"`);
    try {
      await onPostgres(
        base,
        `create table "${schema}".kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null);
         insert into "${schema}".kysely_migration values ('9999_from_a_newer_version', '2030-01-01T00:00:00.000Z')`,
      );
      await expect(openDatabase({ databaseUrl: withSearchPath(base, schema) })).rejects.toThrow(
        /^DATABASE_URL: the database's schema could not be brought up to date[^\n]*9999_from_a_newer_version/,
      );
    } finally {
      await onPostgres(base, `drop schema if exists "${schema}" cascade`);
    }
  });

  it('an unreachable DATABASE_URL fails in one line that names it', async () => {
    await expect(
      openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/test`, connectTimeoutMs: 2_000 }),
    ).rejects.toThrow(/^DATABASE_URL: could not connect[^\n]*$/);
  });
});
