import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess } from '../helpers/bot-process.js';
import { ROOT } from '../helpers/paths.js';
import { closedPort } from '../helpers/ports.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../helpers/slack-requests.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

/** The bound: a start that fails must end the process within 10 s. */
const EXIT_BOUND_MS = 10_000;
const APP_TOKEN = 'xapp-test-app-token-3c9f';

interface Ended {
  code: number | null;
  output: string;
  ms: number;
}

/** `npm start`'s entry point as its own process, run to its end (or killed past the bound, which the test then reports). */
function runUntilExit(env: NodeJS.ProcessEnv): Promise<Ended> {
  const started = Date.now();
  // It records into a scratch folder of its own, never a DATABASE_URL the test run was given.
  const scratch = mkdtempSync(join(tmpdir(), 'hr-data-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      KNOWLEDGE_DIR: '',
      DATABASE_URL: '',
      DATA_DIR: join(scratch, 'data'),
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  // A process still alive well past the bound is a failure to report, not a test to hang.
  const killer = setTimeout(() => child.kill('SIGKILL'), EXIT_BOUND_MS + 5_000);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(killer);
      rmSync(scratch, { recursive: true, force: true });
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

/** Exited with 1 within the bound, with exactly one line naming the setting, and no stack trace. */
function expectNamedFailure(ended: Ended, setting: string) {
  const lines = ended.output.split('\n').filter((line) => line.trim() !== '');
  expect(ended.code, ended.output).toBe(1);
  expect(ended.ms, ended.output).toBeLessThan(EXIT_BOUND_MS);
  expect(
    lines.filter((line) => line.includes(setting)),
    ended.output,
  ).toHaveLength(1);
  // One line for the operator: the bot's message, beside at most the framework's own JSON log lines.
  expect(
    lines.filter((line) => !line.startsWith('{')),
    ended.output,
  ).toEqual([expect.stringContaining(setting)]);
  expect(
    lines.filter((line) => /^\s+at /.test(line)),
    ended.output,
  ).toEqual([]);
  expect(ended.output).not.toContain('Unexpected error');
  expect(ended.output).not.toContain(BOT_TOKEN);
  expect(ended.output).not.toContain(APP_TOKEN);
}

let standIn: SlackStandIn;
beforeAll(async () => {
  standIn = await new SlackStandIn().start();
});
afterAll(async () => {
  await standIn.stop();
});

describe('a start that cannot succeed exits non-zero within 10 s, with one line naming the setting', () => {
  it('Slack refuses the bot token: SLACK_BOT_TOKEN', async () => {
    standIn.behave('auth.test', { error: 'invalid_auth' });
    expectNamedFailure(await runUntilExit({ SLACK_API_URL: standIn.apiUrl }), 'SLACK_BOT_TOKEN');
  });

  it('nothing listens at the Slack API: SLACK_API_URL', async () => {
    const port = await closedPort();
    expectNamedFailure(await runUntilExit({ SLACK_API_URL: `http://127.0.0.1:${port}/api/` }), 'SLACK_API_URL');
  });

  it('the Slack API never answers: SLACK_API_URL', async () => {
    const silent = await new SlackStandIn().start();
    silent.behave('auth.test', ...Array(10).fill('hang'));
    try {
      expectNamedFailure(await runUntilExit({ SLACK_API_URL: silent.apiUrl }), 'SLACK_API_URL');
      expect(silent.callsTo('auth.test').length).toBeGreaterThan(0);
    } finally {
      await silent.stop();
    }
  });

  it("nothing listens at REDIS_URL: REDIS_URL, without the URL's password", async () => {
    const port = await closedPort();
    const ended = await runUntilExit({
      SLACK_API_URL: standIn.apiUrl,
      REDIS_URL: `redis://someone:a-password@127.0.0.1:${port}`,
    });
    expectNamedFailure(ended, 'REDIS_URL');
    expect(ended.output).toContain(`127.0.0.1:${port}`);
    expect(ended.output).not.toContain('a-password');
  });

  it('the port is already taken: PORT', async () => {
    const holder: Server = createServer();
    holder.listen(0, '127.0.0.1');
    await once(holder, 'listening');
    try {
      const { port } = holder.address() as { port: number };
      expectNamedFailure(await runUntilExit({ SLACK_API_URL: standIn.apiUrl, PORT: String(port) }), 'PORT');
    } finally {
      holder.close();
    }
  });

  it('Slack refuses the app token in Socket Mode: SLACK_APP_TOKEN', async () => {
    standIn.behave('apps.connections.open', { error: 'invalid_auth' });
    const ended = await runUntilExit({ SLACK_API_URL: standIn.apiUrl, SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '' });
    expectNamedFailure(ended, 'SLACK_APP_TOKEN');
    expect(standIn.callsTo('apps.connections.open').length).toBeGreaterThan(0);
  });
});

describe('a running bot', () => {
  it('stops cleanly on SIGHUP with exit code 0', async () => {
    const bot = await startBotProcess(standIn.apiUrl);
    expect((await fetch(`${bot.origin}/readyz`)).status).toBe(200);
    bot.child.kill('SIGHUP');
    expect(await bot.exited).toBe(0);
    const logLines = bot
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(logLines).toContainEqual(expect.objectContaining({ msg: 'stopping', signal: 'SIGHUP' }));
    await expect(fetch(`${bot.origin}/healthz`)).rejects.toThrow();
  });

  it('answers HEAD /healthz and HEAD /readyz as GET does', async () => {
    const bot = await startBotProcess(standIn.apiUrl);
    try {
      for (const path of ['/healthz', '/readyz']) {
        const get = await fetch(`${bot.origin}${path}`);
        const head = await fetch(`${bot.origin}${path}`, { method: 'HEAD' });
        expect(get.status, path).toBe(200);
        expect(head.status, path).toBe(get.status);
        expect(await head.text(), path).toBe('');
      }
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
  });
});
