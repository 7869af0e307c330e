import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import { ROOT } from '../helpers/paths.js';
import { runScript } from '../helpers/run-cli.js';
import { send, slashCommand } from '../helpers/slack-requests.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

const run = promisify(execFile);
const NO_SLACK = { SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', KNOWLEDGE_DIR: '' };

/** What an operator deploys: the package files, the knowledge and a built dist/, installed without dev dependencies. */
let parent: string;
let dir: string;
beforeAll(async () => {
  // Inside a folder whose node_modules has the dev dependencies, as a deploy folder made in a
  // checkout is: the built commands must not take the tsx they find there for their own.
  parent = mkdtempSync(join(tmpdir(), 'hr-bot-production-'));
  symlinkSync(join(ROOT, 'node_modules'), join(parent, 'node_modules'));
  dir = join(parent, 'deploy');
  mkdirSync(dir);
  for (const path of ['package.json', 'package-lock.json', 'knowledge', 'scripts']) {
    cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  }
  // `npm run build`, written to the copy rather than to the clone's own dist/.
  await run(process.execPath, ['scripts/build.mjs', '--outdir', join(dir, 'dist')], { cwd: ROOT });
  await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir });
}, 90_000);
afterAll(() => {
  rmSync(parent, { recursive: true, force: true });
});

/** The built bot started from the deploy folder with `env`, against a Slack API stand-in of its own, for the tests of one describe. */
function builtBot(env: NodeJS.ProcessEnv = {}) {
  const running = {} as { standIn: SlackStandIn; bot: BotProcess };
  beforeAll(async () => {
    running.standIn = await new SlackStandIn().start();
    running.bot = await startBotProcess(running.standIn.apiUrl, env, undefined, { cwd: dir, args: ['dist/main.js'] });
  });
  afterAll(async () => {
    running.bot?.child.kill('SIGTERM');
    await running.bot?.exited;
    await running.standIn?.stop();
  });
  return running;
}

describe('a production install (npm ci --omit=dev over a built dist/)', () => {
  it('has no dev dependency to lean on', () => {
    expect(existsSync(join(dir, 'dist/main.js'))).toBe(true);
    for (const dev of ['tsx', 'typescript', 'vitest']) expect(existsSync(join(dir, 'node_modules', dev))).toBe(false);
  });

  it('holds, in its own node_modules, every library the build leaves outside the bundle', () => {
    // The dev dependencies above would otherwise stand in for one the install lacks or nests.
    const outside = JSON.parse(readFileSync(join(ROOT, 'scripts/outside-the-bundle.json'), 'utf8'));
    const fromDist = createRequire(join(dir, 'dist/main.js'));
    for (const name of [...outside.external, ...outside.loadedAtFirstUse]) {
      expect(fromDist.resolve(name), name).toContain(join(dir, 'node_modules', name, '/'));
    }
  });

  it('answers in the console as the source does', async () => {
    const input = '/hr-mission Mali\nhow many students graduated?\n';
    const built = await run('sh', ['-c', `printf '${input.replaceAll('\n', '\\n')}' | node dist/main.js`], {
      cwd: dir,
      env: { ...process.env, ...NO_SLACK },
    });
    const source = await runScript('src/main.ts', [], { input });
    expect(source.code).toBe(0);
    expect(built.stdout.length).toBeGreaterThan(0);
    expect(built.stdout).toBe(source.stdout);
  });

  it('checks the knowledge with npm run kb:check', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'kb:check'], { cwd: dir, env: { ...process.env, ...NO_SLACK } });
    expect(stdout).toContain(`Knowledge is valid`);
    expect(stdout).toContain(join(dir, 'knowledge'));
  });

  describe('in HTTP mode', () => {
    const running = builtBot();

    it('is ready and answers a signed command in the acknowledgement', async () => {
      expect((await fetch(`${running.bot.origin}/readyz`)).status).toBe(200);
      const answer = await send(
        `${running.bot.origin}/slack/events`,
        slashCommand('/hr-mission', 'Mali', running.standIn.responseUrl()),
      );
      expect(answer.status).toBe(200);
      expect(answer.json().blocks.length).toBeGreaterThan(0);
    });
  });

  describe('with OAuth settings', () => {
    const running = builtBot({
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '111.222',
      SLACK_CLIENT_SECRET: 'test-client-secret-90e2',
      SLACK_STATE_SECRET: 'test-state-secret-31b7',
    });

    // The built bot loads Slack's OAuth library at its first use, from node_modules.
    it('installs a workspace through /slack/install, then answers it with its own token', async () => {
      const install = await fetch(`${running.bot.origin}/slack/install`, { redirect: 'manual' });
      expect(install.status).toBe(302);
      const state = new URL(install.headers.get('location') as string).searchParams.get('state') as string;
      const cookie = (install.headers.get('set-cookie') as string).split(';')[0];
      const done = await fetch(`${running.bot.origin}/slack/oauth_redirect?code=T2.grant&state=${encodeURIComponent(state)}`, {
        headers: { cookie },
        redirect: 'manual',
      });
      expect(done.status).toBe(200);
      const answer = await send(
        `${running.bot.origin}/slack/events`,
        slashCommand('/hr-mission', 'Mali', running.standIn.responseUrl(), 'U1', 'T2'),
      );
      expect(answer.json().blocks.length).toBeGreaterThan(0);
    });
  });

  describe('in Socket Mode', () => {
    const running = builtBot({ SLACK_APP_TOKEN: 'xapp-test-app-token-77aa' });

    it('connects with the app token and acknowledges a command with its answer', async () => {
      const command = { command: '/hr-mission', text: 'Mali', user_id: 'U1', channel_id: 'C1', team_id: 'T1' };
      running.standIn.socket?.send(
        JSON.stringify({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload: command }),
      );
      const reply = await running.standIn.socketReply('env-1');
      expect(reply.payload?.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'section' })]));
      expect(JSON.stringify(reply.payload)).toContain('MINUSMA');
      expect(running.standIn.callsTo('apps.connections.open')[0].authorization).toBe('Bearer xapp-test-app-token-77aa');
    });
  });
});
