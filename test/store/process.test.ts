import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/render/report.js';
import { createRecorder } from '../../src/store/recorder.js';
import { toStoredRecord } from '../../src/store/records.js';
import { scheduleRetention } from '../../src/store/retention.js';
import { startBotProcess } from '../helpers/bot-process.js';
import { openSharedTestDatabase, openTestPGlite } from '../helpers/database.js';
import { realEngine } from '../helpers/knowledge.js';
import { closedPort } from '../helpers/ports.js';
import { runScript } from '../helpers/run-cli.js';
import { send, slashCommand } from '../helpers/slack-requests.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hr-store-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('start-up', () => {
  it('a DATABASE_URL that cannot be reached ends the start within 10 s, in one line naming it', async () => {
    const started = Date.now();
    const run = await runScript('src/main.ts', [], {
      env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/test` },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^DATABASE_URL: could not connect/)]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 20_000);

  it('a wrong RETENTION_DAYS or SLACK_EDITORS is refused, naming the variable', async () => {
    const run = await runScript('src/main.ts', [], { env: { RETENTION_DAYS: 'forever', SLACK_EDITORS: 'alice' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RETENTION_DAYS must be a whole number of days');
    expect(run.stderr).toContain('SLACK_EDITORS must be Slack user ids');
  });
});

describe('the console and `ask`', () => {
  it('the console records what it is asked (surface console); `npm run ask` records nothing', async () => {
    const data = join(folder(), 'data');
    const asked = await runScript('src/cli/ask.ts', ['zzyzx', 'quorble'], { env: { DATA_DIR: data } });
    expect(asked.code).toBe(0);
    expect(existsSync(data)).toBe(false);

    const session = await runScript('src/main.ts', [], { input: 'zzyzx quorble\n', env: { DATA_DIR: data } });
    expect(session.code).toBe(0);
    const report = await runScript('src/cli/report.ts', ['--json'], { env: { DATA_DIR: data } });
    expect((JSON.parse(report.stdout) as ReportJson).unanswered).toContainEqual(
      expect.objectContaining({ text: 'zzyzx quorble', count: 1 }),
    );
  }, 90_000);

  it('`npm run report` on a DATA_DIR that does not exist says so, and makes nothing there', async () => {
    const data = join(folder(), 'not-there');
    const run = await runScript('src/cli/report.ts', [], { env: { DATA_DIR: data } });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^report: DATA_DIR: .*not-there does not exist/)]);
    expect(existsSync(data)).toBe(false);
  });

  it('the console stopped by SIGTERM (a closed terminal, a supervisor) writes what it recorded', async () => {
    const data = join(folder(), 'data');
    const session = await runScript('src/main.ts', [], {
      input: 'zzyzx quorble\n',
      env: { DATA_DIR: data },
      stopWith: { signal: 'SIGTERM', once: 'HOW TO ASK ME' },
    });
    expect(session.code).toBe(0);
    const report = await runScript('src/cli/report.ts', ['--json'], { env: { DATA_DIR: data } });
    expect((JSON.parse(report.stdout) as ReportJson).unanswered).toContainEqual(
      expect.objectContaining({ text: 'zzyzx quorble', count: 1 }),
    );
  }, 90_000);
});

describe('the embedded database serves one process at a time', () => {
  it('`npm run report` is refused while another process holds DATA_DIR, and runs once that one is gone', async () => {
    const data = join(folder(), 'data');
    mkdirSync(data);
    // This test's own process holds the folder, as a running bot would.
    writeFileSync(`${data}.lock`, String(process.pid));
    const refused = await runScript('src/cli/report.ts', [], { env: { DATA_DIR: data } });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^DATA_DIR: .* is in use by another process of the bot \\(pid ${process.pid}\\)`)),
    ]);
    // A process that died holding it leaves its file behind: the next one takes it over, and gives it back.
    writeFileSync(`${data}.lock`, String(spawnSync(process.execPath, ['-e', '']).pid));
    const report = await runScript('src/cli/report.ts', ['--json'], { env: { DATA_DIR: data } });
    expect(report.code).toBe(0);
    expect(existsSync(`${data}.lock`)).toBe(false);
  }, 90_000);
});

describe('SIGTERM', () => {
  it('writes what was recorded before the process exits', async () => {
    const database = await openSharedTestDatabase();
    const data = database.folder;
    // PGlite made its folder above; the bot only reopens it, as it would after its first start.
    if (data) await database.close();
    const standIn = await new SlackStandIn().start();
    const mission = realEngine().knowledge.missions[0].id;
    try {
      const bot = await startBotProcess(standIn.apiUrl, data ? { DATA_DIR: data } : database.env);
      // A SIGTERM before the database is open drops the queue (the log says so): wait for it here.
      await expect.poll(() => bot.output().includes('recording to the database'), { timeout: 30_000 }).toBe(true);
      const response = await send(`${bot.origin}/slack/events`, slashCommand('/hr-mission', mission, standIn.responseUrl()));
      expect(response.status).toBe(200);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      const after = data ? await openTestPGlite(data) : database;
      const rows = await after.db.selectFrom('requests').selectAll().execute();
      expect(rows).toContainEqual(expect.objectContaining({ surface: 'command', status: 'found', entry_ids: [mission] }));
      if (data) await after.close();
    } finally {
      await standIn.stop();
      await database.drop();
    }
  }, 60_000);
});

describe('retention', () => {
  it('a console session that ends at once stops it quietly: no warning about the closed database', async () => {
    const run = await runScript('src/main.ts', [], { input: '' });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/"level":"(warn|error)"/);
  }, 60_000);

  it('stays quiet when the database could not be opened, which the store has already said', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const stop = scheduleRetention(Promise.reject(new Error('no database')), 30, logger);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await stop();
    expect(lines).toEqual([]);
  });

  it('deletes rows past RETENTION_DAYS as soon as it starts', async () => {
    const database = await openSharedTestDatabase();
    try {
      const recorder = createRecorder(database.db);
      const engine = realEngine();
      const decision = engine.answer({ command: '/hr-mission', text: engine.knowledge.missions[0].id });
      const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
      await recorder.write([
        toStoredRecord({ kind: 'request', surface: 'dm', decision }, undefined, old),
        toStoredRecord({ kind: 'request', surface: 'dm', decision }, undefined, new Date()),
      ]);
      const stop = scheduleRetention(Promise.resolve(recorder), 30, pino({ level: 'silent' }));
      try {
        await expect
          .poll(async () => (await database.db.selectFrom('requests').select('at').execute()).length, { timeout: 10_000 })
          .toBe(1);
      } finally {
        await stop();
      }
    } finally {
      await database.drop();
    }
  }, 60_000);
});
