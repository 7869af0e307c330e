import { RespondError, webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeOrigin, OPEN_ACTION_PREFIX } from '../../src/render/actions.js';
import { type DeliveryOptions, deliverWithinDeadline, mayRetry, webClientOptions } from '../../src/slack/delivery.js';
import { closedPort } from '../helpers/ports.js';
import { startHttpApp } from '../helpers/running-app.js';
import { BOT_TOKEN, blockAction, send } from '../helpers/slack-requests.js';
import { type Behaviour, SlackStandIn } from '../helpers/slack-stand-in.js';

/** Short attempts so that a hung call fails in a fraction of a second. */
const DELIVERY: DeliveryOptions = { attemptTimeoutMs: 300, retries: 2, deadlineMs: 5_000 };

const quiet: webApi.Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => webApi.LogLevel.ERROR,
  setName() {},
};

/** The Web API client as the app configures it, talking to `apiUrl`. */
const clientFor = (apiUrl: string, delivery = DELIVERY) =>
  new webApi.WebClient(BOT_TOKEN, { ...webClientOptions(delivery, apiUrl), logger: quiet });

let standIn: SlackStandIn;
let client: webApi.WebClient;
let closedApiUrl: string;
beforeAll(async () => {
  standIn = await new SlackStandIn().start();
  client = clientFor(standIn.apiUrl);
  closedApiUrl = `http://127.0.0.1:${await closedPort()}/api/`;
});
afterAll(async () => {
  await standIn.stop();
});

const post = (c = client) => c.chat.postMessage({ channel: 'C1', text: 'an answer' });
const publish = (c = client) => c.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });

/** The error a real call fails with when the stand-in behaves so once. */
async function realError(behaviour: Behaviour | 'closed port', call: 'chat.postMessage' | 'views.publish' = 'chat.postMessage') {
  if (behaviour !== 'closed port') standIn.behave(call, behaviour);
  const c = behaviour === 'closed port' ? clientFor(closedApiUrl) : client;
  try {
    await (call === 'chat.postMessage' ? post(c) : publish(c));
  } catch (error) {
    return error;
  }
  throw new Error(`test set-up: ${call} did not fail with ${JSON.stringify(behaviour)}`);
}

/** How many calls of `method` the stand-in received while `work` ran. */
async function callsDuring(method: string, work: () => Promise<unknown>): Promise<{ calls: number; outcome: 'sent' | 'failed' }> {
  const before = standIn.callsTo(method).length;
  const outcome = await work().then(
    () => 'sent' as const,
    () => 'failed' as const,
  );
  return { calls: standIn.callsTo(method).length - before, outcome };
}

describe('mayRetry, on the errors a real Web API client raises', () => {
  it('a refused connection (nothing was sent) may be retried, whatever the call', async () => {
    const error = await realError('closed port');
    expect(mayRetry(error, false)).toBe(true);
    expect(mayRetry(error, true)).toBe(true);
  });

  it('a 5xx answer (Slack did nothing) may be retried', async () => {
    for (const status of [500, 502, 503]) {
      const error = await realError({ status });
      expect(mayRetry(error, false)).toBe(true);
    }
  });

  it('a 4xx answer is not retried', async () => {
    const error = await realError({ status: 400 });
    expect(mayRetry(error, false)).toBe(false);
    expect(mayRetry(error, true)).toBe(false);
  });

  it('a timeout after sending (Slack may have posted) is retried only for an idempotent call', async () => {
    const error = await realError('hang');
    expect(mayRetry(error, false)).toBe(false);
    expect(mayRetry(error, true)).toBe(true);
  });

  it('a connection dropped after sending is retried only for an idempotent call', async () => {
    const error = await realError('refuse');
    expect(mayRetry(error, false)).toBe(false);
    expect(mayRetry(error, true)).toBe(true);
  });

  it('Slack refusing the token is never retried: it will refuse it again', async () => {
    for (const code of ['token_revoked', 'invalid_auth']) {
      const error = await realError({ error: code }, 'views.publish');
      expect(mayRetry(error, false), code).toBe(false);
      expect(mayRetry(error, true), code).toBe(false);
    }
  });
});

describe('deliverWithinDeadline, counting what reaches Slack', () => {
  it('a refused connection is tried again, up to the retries', async () => {
    const c = clientFor(closedApiUrl);
    let attempts = 0;
    const send = () => {
      attempts++;
      return post(c);
    };
    await expect(deliverWithinDeadline(send, DELIVERY)).rejects.toMatchObject({ code: webApi.ErrorCode.RequestError });
    expect(attempts).toBe(DELIVERY.retries + 1);
  });

  it('a hung chat.postMessage reaches Slack once: it is not posted again', async () => {
    standIn.behave('chat.postMessage', 'hang');
    expect(await callsDuring('chat.postMessage', () => deliverWithinDeadline(() => post(), DELIVERY))).toEqual({
      calls: 1,
      outcome: 'failed',
    });
  });

  it('a hung views.publish is published again, and arrives', async () => {
    standIn.behave('views.publish', 'hang');
    expect(
      await callsDuring('views.publish', () => deliverWithinDeadline(() => publish(), DELIVERY, { idempotent: true })),
    ).toEqual({ calls: 2, outcome: 'sent' });
  });

  it('a chat.postMessage whose connection dropped after sending is not posted again', async () => {
    standIn.behave('chat.postMessage', 'refuse');
    expect(await callsDuring('chat.postMessage', () => deliverWithinDeadline(() => post(), DELIVERY))).toEqual({
      calls: 1,
      outcome: 'failed',
    });
  });

  it('a 500 is sent again and the reply arrives', async () => {
    standIn.behave('chat.postMessage', { status: 500 });
    expect(await callsDuring('chat.postMessage', () => deliverWithinDeadline(() => post(), DELIVERY))).toEqual({
      calls: 2,
      outcome: 'sent',
    });
  });

  it('500s past the retries give up after 1 + retries calls', async () => {
    standIn.behave('chat.postMessage', ...Array(DELIVERY.retries + 1).fill({ status: 500 }));
    expect(await callsDuring('chat.postMessage', () => deliverWithinDeadline(() => post(), DELIVERY))).toEqual({
      calls: DELIVERY.retries + 1,
      outcome: 'failed',
    });
  });

  it('retries stop at the deadline, however many are allowed', async () => {
    const failing = await new SlackStandIn().start();
    try {
      const tight: DeliveryOptions = { attemptTimeoutMs: 300, retries: 10, deadlineMs: 2_000 };
      failing.behave('chat.postMessage', ...Array(tight.retries + 1).fill({ status: 500 }));
      const c = clientFor(failing.apiUrl, tight);
      await expect(deliverWithinDeadline(() => post(c), tight)).rejects.toMatchObject({ statusCode: 500 });
      expect(failing.callsTo('chat.postMessage').length).toBeGreaterThan(1);
      expect(failing.callsTo('chat.postMessage').length).toBeLessThan(tight.retries + 1);
    } finally {
      await failing.stop();
    }
  });

  it('a 400 is not sent again', async () => {
    standIn.behave('chat.postMessage', { status: 400 });
    expect(await callsDuring('chat.postMessage', () => deliverWithinDeadline(() => post(), DELIVERY))).toEqual({
      calls: 1,
      outcome: 'failed',
    });
  });

  it('a revoked token is not tried again, even for an idempotent publish', async () => {
    standIn.behave('views.publish', { error: 'token_revoked' });
    expect(
      await callsDuring('views.publish', () => deliverWithinDeadline(() => publish(), DELIVERY, { idempotent: true })),
    ).toEqual({ calls: 1, outcome: 'failed' });
  });
});

describe('a button’s answer posted to its response_url', () => {
  it('a 5xx from the response_url (Bolt’s RespondError) may be retried: Slack did nothing', () => {
    expect(mayRetry(new RespondError('Failed to respond to the response_url: 500 Internal Server Error', 500), false)).toBe(true);
    expect(mayRetry(new RespondError('Failed to respond to the response_url: 404 Not Found', 404), false)).toBe(false);
  });

  it('answered once with 500, is posted again and the user gets the answer, not an apology', async () => {
    const app = await startHttpApp();
    try {
      const responseUrl = app.standIn.responseUrl();
      app.standIn.behave('response_url', { status: 500 });
      const click = blockAction({
        actionId: `${OPEN_ACTION_PREFIX}0`,
        value: encodeOrigin({ command: '/hr-mission', text: 'Mali' }),
        responseUrl,
        container: { type: 'message', is_ephemeral: true },
      });
      expect((await send(app.url, click)).status).toBe(200);
      const [, second] = await app.standIn.waitFor('response_url', 2);
      expect(JSON.stringify(second.body)).toContain('MINUSMA · Mali');
    } finally {
      await app.stop();
    }
  });
});
