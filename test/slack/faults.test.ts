import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/answer/engine.js';
import { fixtureEngine } from '../helpers/knowledge.js';
import { appWatchingRejections, TEST_DELIVERY } from '../helpers/running-app.js';
import { eventCallback, send, slashCommand } from '../helpers/slack-requests.js';

/** The real engine, failing on one trigger text: a fault injected into the app's own handler path. */
function engineFailingOn(trigger: string): AnswerEngine {
  const engine = fixtureEngine();
  return {
    knowledge: engine.knowledge,
    show: engine.show,
    suggest: engine.suggest,
    answer(request) {
      if (request.text.includes(trigger)) throw new Error('injected failure');
      return engine.answer(request);
    },
  };
}

const running = appWatchingRejections({ engine: engineFailingOn('boom') });
const { rejections } = running;
afterEach(() => {
  expect(rejections()).toEqual([]);
});

let n = 0;
const mention = (text: string) =>
  send(
    running.app.url,
    eventCallback(
      { type: 'app_mention', user: 'U1', text: `<@U0BOT> ${text}`, ts: `1700000001.${++n}`, channel: 'C1' },
      `EvF${Date.now()}${n}`,
    ),
  );
const posts = () => running.app.standIn.callsTo('chat.postMessage');

describe('a failure inside a handler', () => {
  it('a command gets a short apology with a reference that is in the log, and the app keeps answering', async () => {
    const apology = (await send(running.app.url, slashCommand('/hr-mission', 'boom', running.app.standIn.responseUrl()))).json();
    expect(apology.response_type).toBe('ephemeral');
    const ref = /reference `([0-9a-f]{8})`/.exec(apology.text)?.[1];
    expect(ref).toBeDefined();
    expect(running.app.logs).toContainEqual(
      expect.objectContaining({ level: 50, ref, kind: 'command', status: 'error', msg: 'request failed' }),
    );
    const next = (await send(running.app.url, slashCommand('/hr-mission', 'Mali', running.app.standIn.responseUrl()))).json();
    expect(next.blocks[0].text.text).toBe('MINUSMA · Mali');
  });

  it('a mention gets the apology in its thread', async () => {
    const before = posts().length;
    await mention('boom');
    const reply = (await running.app.standIn.waitFor('chat.postMessage', before + 1))[before].body;
    expect(reply.text).toMatch(/Sorry, something went wrong on my side.*reference `[0-9a-f]{8}`/);
    expect(reply.thread_ts).toBe(`1700000001.${n}`);
  });
});

describe('the Slack API failing', () => {
  it('a 429 is retried after Retry-After when that fits the bound, and the reply arrives', async () => {
    const before = posts().length;
    running.app.standIn.behave('chat.postMessage', { status: 429, retryAfter: 1 });
    await mention('what are the goals?');
    const calls = await running.app.standIn.waitFor('chat.postMessage', before + 2);
    expect(calls[before + 1].at - calls[before].at).toBeGreaterThanOrEqual(950);
    expect(calls[before + 1].body.text).toContain('The goals of human rights teams');
  });

  it('a 429 whose Retry-After exceeds the bound drops the reply at once, with an error log', async () => {
    const before = posts().length;
    const errorsBefore = running.app.logs.filter((l) => l.msg === 'request failed').length;
    running.app.standIn.behave('chat.postMessage', { status: 429, retryAfter: 600 }, { status: 429, retryAfter: 600 });
    const started = Date.now();
    await mention('what are the goals?');
    await running.app.standIn.waitFor('chat.postMessage', before + 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(Date.now() - started).toBeLessThan(TEST_DELIVERY.deadlineMs);
    expect(running.app.logs.filter((l) => l.msg === 'request failed')).toHaveLength(errorsBefore + 1);
  });

  it('a 500 is retried and the reply arrives', async () => {
    const before = posts().length;
    running.app.standIn.behave('chat.postMessage', { status: 500 });
    await mention('what is the role of OHCHR?');
    const calls = await running.app.standIn.waitFor('chat.postMessage', before + 2);
    expect(calls[before + 1].body.text).toContain('OHCHR');
  });

  it('500s past the retries drop the reply within the bound, with an error log, and the app stays up', async () => {
    const before = posts().length;
    const errorsBefore = running.app.logs.filter((l) => l.msg === 'request failed').length;
    running.app.standIn.behave('chat.postMessage', ...Array(TEST_DELIVERY.retries + 1).fill({ status: 500 }));
    const started = Date.now();
    await mention('what is the role of OHCHR?');
    await running.app.standIn.waitFor('chat.postMessage', before + TEST_DELIVERY.retries + 1);
    while (running.app.logs.filter((l) => l.msg === 'request failed').length === errorsBefore)
      await new Promise((r) => setTimeout(r, 20));
    expect(Date.now() - started).toBeLessThan(TEST_DELIVERY.deadlineMs + 500);
    expect((await fetch(`${running.app.origin}/healthz`)).status).toBe(200);
  });

  it('a hung chat.postMessage is not sent again (Slack may have posted it), and other users’ replies are not held up meanwhile', async () => {
    const before = posts().length;
    const failuresBefore = running.app.logs.filter((l) => l.msg === 'request failed').length;
    running.app.standIn.behave('chat.postMessage', 'hang');
    await mention('how many students graduated?');
    await running.app.standIn.waitFor('chat.postMessage', before + 1);
    const startedOther = Date.now();
    await mention('what are the goals?');
    const calls = await running.app.standIn.waitFor('chat.postMessage', before + 2);
    expect(calls[before + 1].body.text).toContain('The goals of human rights teams');
    expect(Date.now() - startedOther).toBeLessThan(TEST_DELIVERY.attemptTimeoutMs);
    while (running.app.logs.filter((l) => l.msg === 'request failed').length === failuresBefore)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, TEST_DELIVERY.attemptTimeoutMs));
    const answers = posts()
      .slice(before)
      .filter((p) => String(p.body.text).includes('The first cohort of 41 students'));
    expect(answers).toHaveLength(1);
  });

  it('a connection dropped after the request was sent is not sent again either', async () => {
    const before = posts().length;
    const failuresBefore = running.app.logs.filter((l) => l.msg === 'request failed').length;
    running.app.standIn.behave('chat.postMessage', 'refuse');
    await mention('when was UNJHRO established?');
    while (running.app.logs.filter((l) => l.msg === 'request failed').length === failuresBefore)
      await new Promise((r) => setTimeout(r, 20));
    expect(
      posts()
        .slice(before)
        .filter((p) => String(p.body.text).includes('In 2008')),
    ).toHaveLength(1);
  });

  it('a Home tab publish that timed out is sent again: publishing twice shows the same tab', async () => {
    const before = running.app.standIn.callsTo('views.publish').length;
    running.app.standIn.behave('views.publish', 'hang');
    await send(running.app.url, eventCallback({ type: 'app_home_opened', user: 'U1', tab: 'home' }, 'Ev-home-hang'));
    await running.app.standIn.waitFor('views.publish', before + 2);
  });
});
