import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeOrigin } from '../../src/render/actions.js';
import type { Block, Button } from '../../src/render/blocks.js';
import { buttonsOf, expectNoMassMention, expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { type RunningApp, startHttpApp } from '../helpers/running-app.js';
import {
  BOT_TOKEN,
  blockAction,
  eventCallback,
  mentionEvent,
  SIGNING_SECRET,
  send,
  signatureHeaders,
  slashCommand,
} from '../helpers/slack-requests.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startHttpApp();
});
afterAll(async () => {
  await app.stop();
});

let nextEvent = 0;
const eventId = () => `Ev${Date.now()}${++nextEvent}`;

describe('slash commands', () => {
  it('/hr-mission answers ephemerally in the acknowledgement itself', async () => {
    const response = await send(app.url, slashCommand('/hr-mission', 'MINUSCA', app.standIn.responseUrl()));
    expect(response.status).toBe(200);
    const message = response.json();
    expect(message.response_type).toBe('ephemeral');
    expect(message.blocks[0].text.text).toBe('MINUSCA · Central African Republic');
    expectWithinBlockKitLimits(message);
    expect(buttonsOf(message.blocks)[0].text.text).toBe('Share in channel');
    expect(app.logs).toContainEqual(
      expect.objectContaining({
        kind: 'command',
        name: '/hr-mission',
        status: 'found',
        results: ['MINUSCA'],
        ms: expect.any(Number),
      }),
    );
  });

  it('/hr-story answers with the passage to quote', async () => {
    const message = (await send(app.url, slashCommand('/hr-story', 'South Sudan', app.standIn.responseUrl()))).json();
    expect(message.response_type).toBe('ephemeral');
    expect(message.blocks[0].text.text).toBe('Mobile courts in South Sudan · UNMISS');
  });

  it('text over 4000 characters gets a clear message', async () => {
    const message = (await send(app.url, slashCommand('/hr-mission', 'x'.repeat(4500), app.standIn.responseUrl()))).json();
    expect(message.text).toContain('the text is 4500 characters long; keep it under 4000');
  });

  it('"Share in channel" posts the same answer visibly and removes the private preview', async () => {
    const responseUrl = app.standIn.responseUrl();
    const preview = (await send(app.url, slashCommand('/hr-story', 'Kosovo', responseUrl))).json();
    const share = buttonsOf(preview.blocks).find((b) => b.action_id === 'share') as Button;
    const click = await send(
      app.url,
      blockAction({
        actionId: 'share',
        value: share.value,
        responseUrl,
        container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
      }),
    );
    expect(click.status).toBe(200);
    const [shared, removal] = await app.standIn.waitFor('response_url', 2);
    expect(shared.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    const sharedBlocks = shared.body.blocks as Block[];
    expect(sharedBlocks[0]).toEqual(preview.blocks[0]);
    expect(JSON.stringify(sharedBlocks)).toContain('*References to Kosovo shall be understood');
    expect(JSON.stringify(sharedBlocks)).toContain('Shared by <@U1>');
    expect(buttonsOf(sharedBlocks).map((b) => b.action_id)).not.toContain('share');
    expect(removal.body).toEqual({ delete_original: true });
  });

  it('an ambiguous answer offers one button per candidate, and a click shows that mission in place', async () => {
    const responseUrl = app.standIn.responseUrl();
    const message = (await send(app.url, slashCommand('/hr-mission', 'Sudan', responseUrl))).json();
    const candidates = buttonsOf(message.blocks);
    expect(candidates.map((b) => b.text.text)).toEqual(['UNAMID · Darfur, Sudan', 'UNMISS · South Sudan']);
    const before = app.standIn.callsTo('response_url').length;
    await send(
      app.url,
      blockAction({
        actionId: candidates[1].action_id,
        value: candidates[1].value,
        responseUrl,
        container: { type: 'message', is_ephemeral: true },
      }),
    );
    const calls = await app.standIn.waitFor('response_url', before + 1);
    const shown = calls[before].body;
    expect(shown.replace_original).toBe(true);
    expect((shown.blocks as Block[])[0]).toMatchObject({ type: 'header', text: { text: 'UNMISS · South Sudan' } });
  });

  it('not_found offers its close suggestions as buttons', async () => {
    const message = (await send(app.url, slashCommand('/hr-mission', 'UNAMO', app.standIn.responseUrl()))).json();
    expect(buttonsOf(message.blocks).map((b) => b.text.text)).toEqual(['UNAMA · Afghanistan', 'UNAMI · Iraq']);
  });

  it('a mission card offers its stories, and a story button from a public message answers privately', async () => {
    const message = (await send(app.url, slashCommand('/hr-mission', 'CAR', app.standIn.responseUrl()))).json();
    const story = buttonsOf(message.blocks).find(
      (b) => b.text.text === 'Electoral support in the Central African Republic',
    ) as Button;
    const responseUrl = app.standIn.responseUrl();
    const before = app.standIn.callsTo('response_url').length;
    await send(
      app.url,
      blockAction({
        actionId: story.action_id,
        value: story.value,
        responseUrl,
        container: { type: 'message', is_ephemeral: false },
      }),
    );
    const shown = (await app.standIn.waitFor('response_url', before + 1))[before].body;
    expect(shown).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(shown.blocks)).toContain('over $1 million USD');
  });

  it('a button value the app did not make gets a polite message, not an error', async () => {
    const responseUrl = app.standIn.responseUrl();
    const before = app.standIn.callsTo('response_url').length;
    await send(
      app.url,
      blockAction({
        actionId: 'open:0',
        value: '{"type":"mission","id":"NOPE"}',
        responseUrl,
        container: { type: 'message', is_ephemeral: true },
      }),
    );
    const shown = (await app.standIn.waitFor('response_url', before + 1))[before].body;
    expect(shown.text).toContain('that entry is no longer in the knowledge base');
  });
});

describe('mentions and direct messages', () => {
  it('a mention is answered in a thread under the question', async () => {
    const before = app.standIn.callsTo('chat.postMessage').length;
    const response = await send(
      app.url,
      eventCallback(
        {
          type: 'app_mention',
          user: 'U1',
          text: '<@U0BOT> what does the human rights team do?',
          ts: '1700000000.000200',
          channel: 'C1',
        },
        eventId(),
      ),
    );
    expect(response.status).toBe(200);
    const reply = (await app.standIn.waitFor('chat.postMessage', before + 1))[before].body;
    expect(reply).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000200' });
    expect(reply.text).toContain('Core activities undertaken by the human rights section');
    expect(JSON.stringify(reply.blocks)).not.toContain('Share in channel');
  });

  it('a mention inside a thread is answered in that thread; a bare mention gets the help', async () => {
    const before = app.standIn.callsTo('chat.postMessage').length;
    await send(
      app.url,
      eventCallback(
        {
          type: 'app_mention',
          user: 'U1',
          text: '<@U0BOT>',
          ts: '1700000000.000300',
          thread_ts: '1700000000.000001',
          channel: 'C1',
        },
        eventId(),
      ),
    );
    const reply = (await app.standIn.waitFor('chat.postMessage', before + 1))[before].body;
    expect(reply.thread_ts).toBe('1700000000.000001');
    expect(reply.text).toContain('How to ask me');
  });

  it('a direct message is answered in the DM; edits, deletions, bot and own messages are ignored', async () => {
    const before = app.standIn.callsTo('chat.postMessage').length;
    const dm = (event: Record<string, unknown>) =>
      eventCallback({ type: 'message', channel: 'D1', channel_type: 'im', ts: '1700000000.000400', ...event }, eventId());
    await send(app.url, dm({ subtype: 'message_changed', message: { text: 'Mali' }, hidden: true }));
    await send(app.url, dm({ subtype: 'message_deleted', hidden: true }));
    await send(app.url, dm({ bot_id: 'B999', user: 'U999', text: 'Mali' }));
    await send(app.url, dm({ subtype: 'bot_message', bot_id: 'B999', text: 'Mali' }));
    await send(app.url, dm({ user: 'U0BOT', bot_id: 'B0BOT', text: 'my own answer' }));
    await send(app.url, dm({ user: 'U1', text: 'how many students graduated?' }));
    const replies = await app.standIn.waitFor('chat.postMessage', before + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(app.standIn.callsTo('chat.postMessage')).toHaveLength(before + 1);
    expect(replies[before].body).toMatchObject({ channel: 'D1' });
    expect(replies[before].body.text).toContain('The first cohort of 41 students');
  });

  it('a follow-up in a thread, or in a DM, is read about what that conversation was last about', async () => {
    const before = app.standIn.callsTo('chat.postMessage').length;
    const mention = (text: string, ts: string, thread?: string) =>
      send(app.url, eventCallback(mentionEvent(text, { channel: 'C7', ts, thread }), eventId()));
    const dm = (text: string, ts: string) =>
      send(app.url, eventCallback({ type: 'message', channel: 'D7', channel_type: 'im', user: 'U1', text, ts }, eventId()));
    const replies = async (count: number) =>
      (await app.standIn.waitFor('chat.postMessage', before + count)).slice(before).map((c) => c.body);

    await mention('tell me about MINUSTAH', '1700000300.000100');
    await replies(1);
    await mention('is it still active?', '1700000300.000200', '1700000300.000100');
    await replies(2);
    // Another thread of the same channel is a conversation of its own.
    await mention('is it still active?', '1700000300.000300', '1700000300.000999');
    await replies(3);
    await dm('what happened in Haiti?', '1700000300.000400');
    await replies(4);
    await dm('thanks! and is it still active?', '1700000300.000500');
    const [, inThread, otherThread, , inDm] = await replies(5);
    expect(inThread).toMatchObject({ channel: 'C7', thread_ts: '1700000300.000100' });
    expect(inThread.text).toMatch(/^MINUSTAH · Haiti/);
    expect(otherThread.text).not.toMatch(/^MINUSTAH/);
    expect(inDm).toMatchObject({ channel: 'D7' });
    expect(inDm.text).toMatch(/^MINUSTAH · Haiti/);
  });

  it.each([
    [
      'mention',
      { type: 'app_mention', user: 'U1', text: '<@U0BOT> what are the goals?', ts: '1700000000.000500', channel: 'C1' },
    ],
    ['direct message', { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: 'Mali', ts: '1700000000.000600' }],
  ])('a retried and a duplicated %s produce one reply', async (_kind, event) => {
    const before = app.standIn.callsTo('chat.postMessage').length;
    const delivery = eventCallback(event, eventId());
    await send(app.url, delivery);
    await send(app.url, delivery, {
      ...signatureHeaders(delivery.body),
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    await send(app.url, delivery);
    await app.standIn.waitFor('chat.postMessage', before + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(app.standIn.callsTo('chat.postMessage')).toHaveLength(before + 1);
  });
});

/** Clicks an entry's button in the Home tab; returns the views.open call it makes. */
async function clickHomeButton(type: 'mission' | 'story', id: string) {
  const before = app.standIn.callsTo('views.open').length;
  const opensLogged = () => app.logs.filter((l) => l.msg === 'handled' && l.name === 'open').length;
  const openedBefore = opensLogged();
  await send(
    app.url,
    blockAction({
      actionId: `open:${type}:0`,
      value: encodeOrigin({ type, id }),
      container: { type: 'view', view_id: 'V1' },
      view: { id: 'V1', type: 'home' },
    }),
  );
  const call = (await app.standIn.waitFor('views.open', before + 1))[before];
  // The click's log line follows the views.open call; waiting for it keeps it out of the next test's count.
  while (opensLogged() === openedBefore) await new Promise((r) => setTimeout(r, 10));
  return call;
}

describe('App Home', () => {
  it('opening the Home tab publishes the directory', async () => {
    const before = app.standIn.callsTo('views.publish').length;
    await send(app.url, eventCallback({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' }, eventId()));
    const call = (await app.standIn.waitFor('views.publish', before + 1))[before];
    expect(call.body.user_id).toBe('U1');
    const view = call.body.view as { type: string; blocks: Block[] };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain('*UNSOM* · Somalia');
  });

  it('a Home button opens the entry in a modal', async () => {
    const call = await clickHomeButton('mission', 'UNMIK');
    expect(call.body.trigger_id).toBe('123.456.def');
    const view = call.body.view as { type: string; title: { text: string }; blocks: Block[] };
    expect(view.type).toBe('modal');
    expect(view.title.text).toBe('UNMIK');
    expect(JSON.stringify(view.blocks)).toContain('Resolution 1244');
  });
});

describe('a Home button for an entry removed since the tab was drawn', () => {
  it('opens a modal that says so', async () => {
    const view = (await clickHomeButton('story', 'a-story-since-deleted')).body.view as { title: { text: string } };
    expect(view.title.text).toBe('Not found');
    expect(JSON.stringify(view)).toContain('that entry is no longer in the knowledge base');
  });
});

describe('requests that are not from Slack', () => {
  const command = () => slashCommand('/hr-mission', 'Mali', 'http://127.0.0.1:9/never');
  const handledCount = () => app.logs.filter((l) => l.msg === 'handled').length;

  it.each([
    ['forged', (body: string) => signatureHeaders(body, { secret: 'wrong-secret' })],
    ['unsigned', () => ({})],
    ['stale (6 minutes old)', (body: string) => signatureHeaders(body, { timestamp: Math.floor(Date.now() / 1000) - 360 })],
  ])('a %s request is refused with 401 and runs no handler', async (_, headers) => {
    const before = handledCount();
    const request = command();
    const response = await send(app.url, request, headers(request.body));
    expect(response.status).toBe(401);
    expect(handledCount()).toBe(before);
  });

  it('url_verification is answered with the challenge', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'challenge-3f9a', type: 'url_verification' });
    const response = await send(app.url, { body, contentType: 'application/json' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('challenge-3f9a');
  });

  it('/healthz and /readyz answer', async () => {
    const health = await fetch(`${app.origin}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${app.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });
});

describe('mass mentions', () => {
  const hostile = '<!channel> <!here> <!everyone> <!subteam^S1|@team> &lt;!channel&gt; Mali';
  it('never appear in any output, whatever the input', async () => {
    const before = app.standIn.calls.length;
    const postsBefore = app.standIn.callsTo('chat.postMessage').length;
    const respondedBefore = app.standIn.callsTo('response_url').length;
    const outputs: string[] = [];
    for (const name of ['/hr-mission', '/hr-story']) {
      outputs.push((await send(app.url, slashCommand(name, hostile, app.standIn.responseUrl()))).text);
    }
    await send(
      app.url,
      eventCallback({ type: 'app_mention', user: 'U1', text: `<@U0BOT> ${hostile}`, ts: '1.1', channel: 'C1' }, eventId()),
    );
    await send(
      app.url,
      eventCallback({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: hostile, ts: '1.2' }, eventId()),
    );
    await send(
      app.url,
      blockAction({
        actionId: 'share',
        value: JSON.stringify({ command: '/hr-mission', text: hostile }),
        responseUrl: app.standIn.responseUrl(),
        container: { type: 'message', is_ephemeral: true },
      }),
    );
    await app.standIn.waitFor('chat.postMessage', postsBefore + 2);
    await app.standIn.waitFor('response_url', respondedBefore + 2);
    await new Promise((r) => setTimeout(r, 200));
    const calls = app.standIn.calls.slice(before);
    expect(calls.map((c) => c.method).sort()).toEqual(['chat.postMessage', 'chat.postMessage', 'response_url', 'response_url']);
    for (const output of [...outputs, ...calls.map((c) => JSON.stringify(c.body))]) expectNoMassMention(output);
  });
});

describe('logs', () => {
  it('are JSON lines with no token or signing secret', () => {
    const raw = app.rawLogs();
    expect(raw.length).toBeGreaterThan(0);
    expect(raw).not.toContain(BOT_TOKEN);
    expect(raw).not.toContain(SIGNING_SECRET);
  });
});
