import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startHttpApp } from '../helpers/running-app.js';
import { BOT_TOKEN, eventCallback, send } from '../helpers/slack-requests.js';

const MENTIONS = 4;
const ERROR = 50;

let app: RunningApp;
beforeAll(async () => {
  app = await startHttpApp();
});
afterAll(async () => {
  await app.stop();
});

const mention = (n: number) =>
  send(
    app.url,
    eventCallback(
      { type: 'app_mention', user: 'U1', text: '<@U0BOT> what is the role of OHCHR?', ts: `1700000100.${n}`, channel: 'C1' },
      `EvRevoked${n}`,
    ),
  );

/** Waits until every mention has been through its handler (one log line each, whatever its outcome). */
async function settled(count: number) {
  const deadline = Date.now() + 5_000;
  while (app.logs.filter((l) => l.kind === 'event' && l.name === 'app_mention').length < count) {
    if (Date.now() > deadline)
      throw new Error(`only ${app.logs.filter((l) => l.name === 'app_mention').length} mentions handled`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a bot token revoked while the bot runs', () => {
  it('is ready before', async () => {
    expect((await fetch(`${app.origin}/readyz`)).status).toBe(200);
  });

  it('logs one clear error naming SLACK_BOT_TOKEN for many failed replies, and no "request failed" line for them', async () => {
    app.standIn.behave('chat.postMessage', ...Array(MENTIONS).fill({ error: 'token_revoked' }));
    for (let n = 1; n <= MENTIONS; n++) expect((await mention(n)).status).toBe(200);
    await app.standIn.waitFor('chat.postMessage', MENTIONS);
    await settled(MENTIONS);
    const errors = app.logs.filter((l) => l.level >= ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0].msg).toContain('SLACK_BOT_TOKEN');
    expect(app.logs.filter((l) => l.msg === 'request failed')).toEqual([]);
    // The failed replies were not answered by an apology, which would fail the same way.
    expect(app.standIn.callsTo('chat.postMessage')).toHaveLength(MENTIONS);
  });

  it('turns /readyz to 503 so that an orchestrator notices, while /healthz stays 200', async () => {
    const ready = await fetch(`${app.origin}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false });
    expect((await fetch(`${app.origin}/readyz`, { method: 'HEAD' })).status).toBe(503);
    expect((await fetch(`${app.origin}/healthz`)).status).toBe(200);
  });

  it('never writes the token into the logs', () => {
    expect(app.rawLogs()).not.toContain(BOT_TOKEN);
    expect(app.rawLogs()).not.toContain(BOT_TOKEN.slice('xoxb-'.length));
  });
});
