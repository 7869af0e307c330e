import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startHttpApp, TEST_DELIVERY } from '../helpers/running-app.js';
import { eventCallback, send } from '../helpers/slack-requests.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startHttpApp({ eventCapacity: { concurrency: 1, waiting: 2 } });
});
afterAll(async () => {
  await app.stop();
});

const mention = (n: number) =>
  send(
    app.url,
    eventCallback(
      { type: 'app_mention', user: 'U1', text: `<@U0BOT> question number ${n}`, ts: `1700000100.${n}`, channel: `C${n}` },
      `EvCap${n}`,
    ),
  );

describe('a burst of events beyond what the app answers at once', () => {
  it('answers a bounded number at once, keeps a bounded number waiting, and drops the rest with one warning', async () => {
    app.standIn.behave('chat.postMessage', 'hang');
    for (let n = 1; n <= 5; n++) expect((await mention(n)).status).toBe(200);
    await new Promise((r) => setTimeout(r, TEST_DELIVERY.deadlineMs));
    const channels = new Set(app.standIn.callsTo('chat.postMessage').map((c) => c.body.channel));
    expect([...channels].sort()).toEqual(['C1', 'C2', 'C3']);
    const warnings = app.logs.filter((l) => l.status === 'overloaded');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].level).toBe(40);
  });
});
