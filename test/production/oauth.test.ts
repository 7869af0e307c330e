import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { BOT_SCOPES } from '../../src/slack/oauth.js';
import { createInstallationStore } from '../../src/store/installations.js';
import { openTestPGlite, type TestDatabase } from '../helpers/database.js';
import { fixtureEngine } from '../helpers/knowledge.js';
import { capturedLogger } from '../helpers/log-lines.js';
import { ROOT } from '../helpers/paths.js';
import { TEST_DELIVERY } from '../helpers/running-app.js';
import { eventCallback, SIGNING_SECRET, send, slashCommand } from '../helpers/slack-requests.js';
import { installedToken, SlackStandIn } from '../helpers/slack-stand-in.js';

const OAUTH = { clientId: '111.222', clientSecret: 'test-client-secret-4c1a', stateSecret: 'test-state-secret-77d0' };

let standIn: SlackStandIn;
let database: TestDatabase;
let slack: SlackApp;
let origin: string;
const { logger, lines: logs } = capturedLogger();

beforeAll(async () => {
  standIn = await new SlackStandIn().start();
  database = await openTestPGlite();
  slack = createSlackApp({
    config: {
      mode: 'http',
      oauth: OAUTH,
      signingSecret: SIGNING_SECRET,
      port: 0,
      host: '127.0.0.1',
      slackApiUrl: standIn.apiUrl,
      logLevel: 'silent',
      knowledgeDir: '',
    },
    engine: (() => {
      const engine = fixtureEngine();
      return () => engine;
    })(),
    logger,
    delivery: TEST_DELIVERY,
    installationStore: createInstallationStore(database.db, OAUTH.clientSecret),
  });
  origin = `http://127.0.0.1:${(await slack.start()).port}`;
});
afterAll(async () => {
  await slack?.stop();
  await standIn?.stop();
  await database?.drop();
});

/** /slack/install as a browser follows it: the state Slack will send back, and the cookie that pins it to this browser. */
async function beginInstall() {
  const response = await fetch(`${origin}/slack/install`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') as string);
  const cookie = (response.headers.get('set-cookie') as string).split(';')[0];
  return { location, state: location.searchParams.get('state') as string, cookie };
}

const finishInstall = (code: string, state: string, cookie: string) =>
  fetch(`${origin}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });

const rows = () => database.db.selectFrom('slack_installations').selectAll().execute();

async function answered(team: string): Promise<boolean> {
  const response = await send(`${origin}/slack/events`, slashCommand('/hr-mission', 'Mali', standIn.responseUrl(), 'U1', team));
  return response.status === 200 && response.text.includes('"blocks"');
}

describe('several workspaces through OAuth', () => {
  it('asks Slack for the manifest’s bot scopes, with a signed state', async () => {
    const { location, state } = await beginInstall();
    expect(location.searchParams.get('client_id')).toBe(OAUTH.clientId);
    const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'));
    expect(location.searchParams.get('scope')?.split(',').sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(state.length).toBeGreaterThan(20);
  });

  it('refuses a redirect whose state is not the one this browser was given', async () => {
    const { cookie } = await beginInstall();
    const forged = await finishInstall('T9.grant', 'forged-state', cookie);
    expect(forged.status).toBeGreaterThanOrEqual(400);
    const noCookie = await finishInstall('T9.grant', (await beginInstall()).state, 'other=1');
    expect(noCookie.status).toBeGreaterThanOrEqual(400);
    expect(standIn.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await rows()).toHaveLength(0);
  });

  it('installs a workspace end to end, then answers it with that workspace’s own token', async () => {
    expect(await answered('T2')).toBe(false);

    const { state, cookie } = await beginInstall();
    const done = await finishInstall('T2.grant', state, cookie);
    expect(done.status).toBe(200);
    expect(standIn.callsTo('oauth.v2.access')).toHaveLength(1);
    expect(standIn.callsTo('oauth.v2.access')[0].body).toMatchObject({ code: 'T2.grant', client_id: OAUTH.clientId });

    const stored = await rows();
    expect(stored.map((r) => r.team_id)).toEqual(['T2']);
    expect(stored[0].installation).not.toContain(installedToken('T2'));
    expect(stored[0].installation).not.toContain('U0INSTALLER');

    expect(await answered('T2')).toBe(true);
    expect(await answered('T3')).toBe(false);

    const mention = eventCallback(
      { type: 'app_mention', user: 'U1', text: '<@U0BOT> mali', ts: '1700000000.000400', channel: 'C2' },
      `EvO${Date.now()}`,
      'T2',
    );
    await send(`${origin}/slack/events`, mention);
    const [posted] = await standIn.waitFor('chat.postMessage');
    expect(posted.authorization).toBe(`Bearer ${installedToken('T2')}`);
  });

  it('forgets a workspace that uninstalls the app', async () => {
    const { state, cookie } = await beginInstall();
    expect((await finishInstall('T4.grant', state, cookie)).status).toBe(200);
    expect(await answered('T4')).toBe(true);
    await send(`${origin}/slack/events`, eventCallback({ type: 'app_uninstalled' }, `EvU${Date.now()}`, 'T4'));
    await expect.poll(async () => (await rows()).map((r) => r.team_id)).not.toContain('T4');
    expect(await answered('T4')).toBe(false);
  });

  it('a workspace whose token Slack refuses is told to reinstall; the app stays ready for the others', async () => {
    const { state, cookie } = await beginInstall();
    expect((await finishInstall('T6.grant', state, cookie)).status).toBe(200);
    standIn.behave('chat.postMessage', { error: 'invalid_auth' });
    const mention = eventCallback(
      { type: 'app_mention', user: 'U1', text: '<@U0BOT> mali', ts: '1700000000.000600', channel: 'C6' },
      `EvR${Date.now()}`,
      'T6',
    );
    await send(`${origin}/slack/events`, mention);
    await expect.poll(() => logs.filter((l) => l.status === 'token_refused').length).toBeGreaterThanOrEqual(2);
    const told = logs.find((l) => l.status === 'token_refused' && l.level === 50);
    expect(told?.msg).toContain('/slack/install');
    expect(told?.msg).not.toContain('SLACK_BOT_TOKEN');
    expect(slack.ready).toBe(true);
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
  });

  it('forgets a workspace whose bot token is revoked', async () => {
    const { state, cookie } = await beginInstall();
    expect((await finishInstall('T5.grant', state, cookie)).status).toBe(200);
    await send(
      `${origin}/slack/events`,
      eventCallback({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['U0BOT'] } }, `EvT${Date.now()}`, 'T5'),
    );
    await expect.poll(async () => (await rows()).map((r) => r.team_id)).not.toContain('T5');
  });
});

describe('OAuth settings', () => {
  const base = { SLACK_SIGNING_SECRET: 'secret', SLACK_CLIENT_ID: '111.222' };

  it('names each missing companion of SLACK_CLIENT_ID, and a bot token that would contradict it', async () => {
    const { readConfig, ConfigError } = await import('../../src/config/env.js');
    const read = (env: NodeJS.ProcessEnv) => {
      try {
        readConfig(env);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as InstanceType<typeof ConfigError>).problems;
      }
    };
    const missing = read(base);
    expect(missing.map((p) => p.split(' ')[0])).toEqual(['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET']);
    const both = read({ ...base, SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(both).toHaveLength(1);
    expect(both[0]).toMatch(/^SLACK_BOT_TOKEN is set with SLACK_CLIENT_ID/);
    const config = readConfig({ ...base, SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 's' });
    expect(config).toMatchObject({ mode: 'http', oauth: { clientId: '111.222' } });
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).not.toHaveProperty('oauth.clientId');
    // A blank setting is unset, as everywhere else (an .env line `SLACK_BOT_TOKEN=  ` left from the template).
    const blanks = read({
      ...base,
      SLACK_CLIENT_SECRET: '  ',
      SLACK_STATE_SECRET: 's',
      SLACK_BOT_TOKEN: ' ',
      SLACK_APP_TOKEN: '',
    });
    expect(blanks.map((p) => p.split(' ')[0])).toEqual(['SLACK_CLIENT_SECRET']);
    expect(readConfig({ SLACK_CLIENT_ID: ' ', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).not.toHaveProperty(
      'oauth.clientId',
    );
  });
});
