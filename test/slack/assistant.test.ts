import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Entry, Mission, Story } from '../../src/knowledge/types.js';
import type { Block } from '../../src/render/blocks.js';
import { renderDecision } from '../../src/render/message.js';
import { knowledgeCopy, realEngine } from '../helpers/knowledge.js';
import { type RunningApp, startHttpApp, TEST_DELIVERY } from '../helpers/running-app.js';
import { eventCallback, send } from '../helpers/slack-requests.js';
import type { Call } from '../helpers/slack-stand-in.js';

const engine = realEngine();
let app: RunningApp;
beforeAll(async () => {
  app = await startHttpApp({ engine });
});
afterAll(async () => {
  await app.stop();
});

let nextEvent = 0;
const eventId = () => `EvA${Date.now()}${++nextEvent}`;
let nextThread = 0;
/** A new assistant thread in the panel's DM, as Slack opens one. */
const newThread = () => `1700001${String(++nextThread).padStart(3, '0')}.000100`;

const startThread = (threadTs: string) =>
  send(
    app.url,
    eventCallback(
      {
        type: 'assistant_thread_started',
        assistant_thread: {
          user_id: 'U1',
          context: { channel_id: 'C1', team_id: 'T1', enterprise_id: null },
          channel_id: 'D1',
          thread_ts: threadTs,
        },
      },
      eventId(),
    ),
  );

let nextTs = 0;
const userMessage = (threadTs: string, text: string) =>
  eventCallback(
    {
      type: 'message',
      channel: 'D1',
      channel_type: 'im',
      user: 'U1',
      text,
      ts: `1700002${String(++nextTs).padStart(3, '0')}.000100`,
      thread_ts: threadTs,
    },
    eventId(),
  );

/** Sends a message in the thread and returns the one reply the bot posts there. */
async function ask(threadTs: string, text: string): Promise<Call> {
  const before = app.standIn.callsTo('chat.postMessage').length;
  expect((await send(app.url, userMessage(threadTs, text))).status).toBe(200);
  return (await app.standIn.waitFor('chat.postMessage', before + 1))[before];
}

const settle = () => new Promise((r) => setTimeout(r, 200));
const entryIdOf = (call: Call) => (call.body.metadata as { event_payload?: { entry_id?: string } })?.event_payload?.entry_id;
const { missions, stories, topics } = engine.knowledge;
const entryById = (id: string | undefined) => [...missions, ...stories, ...topics].find((e) => e.id === id);
const isAbout = (mission: Mission) => (entry: Entry | undefined) =>
  entry?.id === mission.id || (entry?.type === 'story' && entry.missions.includes(mission.id));

describe('the assistant panel', () => {
  it('a new thread gets a one-line greeting and up to four prompts drawn from the knowledge, each with an answer', async () => {
    const thread = newThread();
    const posts = app.standIn.callsTo('chat.postMessage').length;
    const prompted = app.standIn.callsTo('assistant.threads.setSuggestedPrompts').length;
    expect((await startThread(thread)).status).toBe(200);
    const call = (await app.standIn.waitFor('assistant.threads.setSuggestedPrompts', prompted + 1))[prompted];
    const greeting = app.standIn.callsTo('chat.postMessage')[posts].body;
    expect(greeting).toMatchObject({ channel: 'D1', thread_ts: thread });
    expect(String(greeting.text)).not.toContain('\n');

    expect(call.body).toMatchObject({ channel_id: 'D1', thread_ts: thread, title: expect.any(String) });
    const prompts = call.body.prompts as { title: string; message: string }[];
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(4);
    const answered = prompts.map((p) => {
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.title.length).toBeLessThanOrEqual(75);
      const decision = engine.answer({ command: null, text: p.message });
      expect(decision.status, p.message).toBe('found');
      return decision.results[0].entry.type;
    });
    if (missions.length > 0) expect(answered).toContain('mission');
    if (stories.length > 0) expect(answered).toContain('story');
    if (topics.length > 0) expect(answered).toContain('topic');
  });

  it('a message in the thread sets the status, gets the answer a mention gets in the thread, and titles the thread', async () => {
    const question = engine.knowledge.topics[0]?.title ?? 'what does the human rights team do?';
    const mentioned = app.standIn.callsTo('chat.postMessage').length;
    await send(
      app.url,
      eventCallback(
        { type: 'app_mention', user: 'U1', text: `<@U0BOT> ${question}`, ts: '1700000000.000200', channel: 'C1' },
        eventId(),
      ),
    );
    const mention = (await app.standIn.waitFor('chat.postMessage', mentioned + 1))[mentioned];

    const thread = newThread();
    const statuses = app.standIn.callsTo('assistant.threads.setStatus').length;
    const titles = app.standIn.callsTo('assistant.threads.setTitle').length;
    const reply = await ask(thread, question);
    const status = app.standIn.callsTo('assistant.threads.setStatus')[statuses];
    expect(status.body).toMatchObject({ channel_id: 'D1', thread_ts: thread, status: expect.any(String) });
    expect(status.at).toBeLessThanOrEqual(reply.at);
    expect(reply.body).toMatchObject({ channel: 'D1', thread_ts: thread });
    // The same answer; only its feedback buttons name the surface they are on.
    const sameSurface = (blocks: unknown) =>
      JSON.stringify(blocks).replaceAll('\\"s\\":\\"assistant\\"', '\\"s\\":\\"mention\\"');
    expect(sameSurface(reply.body.blocks as Block[])).toBe(sameSurface(mention.body.blocks));
    expect(reply.body.text).toBe(mention.body.text);
    const title = (await app.standIn.waitFor('assistant.threads.setTitle', titles + 1))[titles];
    expect(title.body).toMatchObject({ channel_id: 'D1', thread_ts: thread });
    expect(question.startsWith(String(title.body.title).replace(/…$/, ''))).toBe(true);
  });

  it('a message in an assistant thread is answered once, by the assistant, not also as a direct message', async () => {
    const before = app.standIn.callsTo('chat.postMessage').length;
    const statuses = app.standIn.callsTo('assistant.threads.setStatus').length;
    const delivery = userMessage(newThread(), missions[0].id);
    await send(app.url, delivery);
    await send(app.url, delivery);
    await app.standIn.waitFor('chat.postMessage', before + 1);
    await settle();
    expect(app.standIn.callsTo('chat.postMessage')).toHaveLength(before + 1);
    expect(app.standIn.callsTo('assistant.threads.setStatus')).toHaveLength(statuses + 1);
  });

  it('a follow-up naming no mission is about the mission the thread was last about, read back from the thread', async () => {
    const followUp = 'and is it still active?';
    // A mission that the follow-up alone would not bring up, so that only the thread's memory can.
    const mission = missions.find((m) => !isAbout(m)(engine.answer({ command: null, text: followUp }).results[0]?.entry));
    expect(mission, 'a mission the follow-up alone does not bring up').toBeDefined();
    if (!mission) return;

    const thread = newThread();
    const first = await ask(thread, `Tell me about ${mission.id}`);
    expect(isAbout(mission)(entryById(entryIdOf(first)))).toBe(true);
    const replies = app.standIn.callsTo('conversations.replies').length;
    const second = await ask(thread, followUp);
    expect(app.standIn.callsTo('conversations.replies').slice(replies)).toContainEqual(
      expect.objectContaining({ body: expect.objectContaining({ channel: 'D1', ts: thread, include_all_metadata: 'true' }) }),
    );
    expect(isAbout(mission)(entryById(entryIdOf(second)))).toBe(true);
    expect(String(second.body.text)).toContain(mission.id);

    const fresh = await ask(newThread(), followUp);
    expect(String(fresh.body.text)).not.toBe(second.body.text);
    // The memory is per thread: the earlier thread still knows its mission.
    const third = await ask(thread, 'what about its stories?');
    expect(String(third.body.text)).toContain(mission.id);
  });

  it('a question some entry answers fully on its own is a new subject, answered as a mention is', async () => {
    const topic = topics.find((t) => engine.answer({ command: null, text: t.title }).results[0]?.entry.id === t.id);
    if (!topic) return;
    const thread = newThread();
    await ask(thread, `Tell me about ${missions[0].id}`);
    const reply = await ask(thread, topic.title);
    expect(entryIdOf(reply)).toBe(topic.id);
    expect(reply.body.text).toBe(renderDecision(engine.answer({ command: null, text: topic.title })).text);
  });

  it('a change of the channel being viewed is saved on the thread, keeping the entry it was about', async () => {
    const thread = newThread();
    const mission = missions[0];
    await ask(thread, `Tell me about ${mission.id}`);
    const updates = app.standIn.callsTo('chat.update').length;
    await send(
      app.url,
      eventCallback(
        {
          type: 'assistant_thread_context_changed',
          assistant_thread: {
            user_id: 'U1',
            context: { channel_id: 'C9', team_id: 'T1', enterprise_id: null },
            channel_id: 'D1',
            thread_ts: thread,
          },
        },
        eventId(),
      ),
    );
    const update = (await app.standIn.waitFor('chat.update', updates + 1))[updates];
    expect(update.body.metadata).toMatchObject({ event_payload: { channel_id: 'C9', entry_id: mission.id } });
    const followUp = await ask(thread, 'and is it still active?');
    expect(entryIdOf(followUp)).toBe(mission.id);
  });

  it('without the assistant scopes (a free plan), the answer still comes; status and title failures are only logged', async () => {
    app.standIn.behave('assistant.threads.setStatus', { error: 'not_allowed_token_type' });
    app.standIn.behave('assistant.threads.setTitle', { error: 'not_allowed_token_type' });
    app.standIn.behave('conversations.replies', { error: 'missing_scope' });
    const reply = await ask(newThread(), missions[0].id);
    expect(String(reply.body.text)).toContain(missions[0].id);
    expect(app.logs).toContainEqual(expect.objectContaining({ name: 'assistant.message', status: 'found' }));
  });
});

/** The prompts a new thread gets from an app serving a copy of the fixture knowledge with only some of its stories. */
async function promptsWithStories(keep: (story: Story) => boolean) {
  const copy = knowledgeCopy();
  for (const story of loadKnowledge(copy.dir).stories) if (!keep(story)) rmSync(join(copy.dir, story.file));
  const other = createAnswerEngine(loadKnowledge(copy.dir));
  const otherApp = await startHttpApp({ engine: other });
  try {
    const assistant_thread = { user_id: 'U1', context: { channel_id: 'C1' }, channel_id: 'D1', thread_ts: newThread() };
    await send(otherApp.url, eventCallback({ type: 'assistant_thread_started', assistant_thread }, eventId()));
    const [call] = await otherApp.standIn.waitFor('assistant.threads.setSuggestedPrompts');
    return { engine: other, prompts: call.body.prompts as { title: string; message: string }[] };
  } finally {
    await otherApp.stop();
    copy.remove();
  }
}

describe('the assistant panel over other knowledge', () => {
  it('draws its prompts from whatever the knowledge holds: without stories, it offers none', async () => {
    const { engine: other, prompts } = await promptsWithStories(() => false);
    expect(prompts.length).toBeGreaterThan(0);
    const types = prompts.map((p) => other.answer({ command: null, text: p.message }).results[0]?.entry.type);
    expect(types).not.toContain('story');
    expect(types).not.toContain(undefined);
  });

  it('offers no prompt naming what must carry a note (Kosovo), as a prompt cannot carry it', async () => {
    const { engine: other, prompts } = await promptsWithStories((story) => story.footnotes.length > 0);
    expect(other.knowledge.stories.length, 'the fixture has a story that carries a note').toBeGreaterThan(0);
    const terms = [...other.knowledge.footnotes.values()].map((note) => note.appliesTo.toLowerCase());
    for (const prompt of prompts) {
      for (const term of terms) expect(`${prompt.title} ${prompt.message}`.toLowerCase()).not.toContain(term);
    }
  });
});

describe('a burst of assistant messages', () => {
  it('is bounded like other events: a few answered at once, a few waiting, the rest dropped with a warning', async () => {
    const bounded = await startHttpApp({ engine, eventCapacity: { concurrency: 1, waiting: 1 } });
    try {
      bounded.standIn.behave('chat.postMessage', 'hang');
      for (let n = 1; n <= 4; n++) {
        const thread = newThread();
        expect((await send(bounded.url, userMessage(thread, missions[0].id))).status).toBe(200);
      }
      await new Promise((r) => setTimeout(r, TEST_DELIVERY.deadlineMs));
      expect(bounded.standIn.callsTo('assistant.threads.setStatus')).toHaveLength(2);
      expect(bounded.logs.filter((l) => l.status === 'overloaded')).toHaveLength(1);
    } finally {
      await bounded.stop();
    }
  });

  it("lets Slack's retry of a message be skipped at once, without taking a place a new message needs", async () => {
    const bounded = await startHttpApp({ engine, eventCapacity: { concurrency: 1, waiting: 1 } });
    try {
      bounded.standIn.behave('chat.postMessage', 'hang');
      const first = userMessage(newThread(), missions[0].id);
      expect((await send(bounded.url, first)).status).toBe(200);
      expect((await send(bounded.url, first)).status).toBe(200);
      expect((await send(bounded.url, userMessage(newThread(), missions[0].id))).status).toBe(200);
      await new Promise((r) => setTimeout(r, TEST_DELIVERY.deadlineMs));
      expect(bounded.logs.filter((l) => l.status === 'skipped')).toHaveLength(1);
      expect(bounded.logs.filter((l) => l.status === 'overloaded')).toHaveLength(0);
      expect(bounded.standIn.callsTo('assistant.threads.setStatus')).toHaveLength(2);
    } finally {
      await bounded.stop();
    }
  });

  it('shares that bound with mentions: one mention being answered and one message waiting fill it', async () => {
    const bounded = await startHttpApp({ engine, eventCapacity: { concurrency: 1, waiting: 1 } });
    try {
      bounded.standIn.behave('chat.postMessage', 'hang');
      const mention = { type: 'app_mention', user: 'U1', text: `<@U0BOT> ${missions[0].id}`, ts: '1700000300.1', channel: 'C1' };
      expect((await send(bounded.url, eventCallback(mention, eventId()))).status).toBe(200);
      for (let n = 1; n <= 2; n++) {
        expect((await send(bounded.url, userMessage(newThread(), missions[0].id))).status).toBe(200);
      }
      await new Promise((r) => setTimeout(r, TEST_DELIVERY.deadlineMs));
      expect(bounded.standIn.callsTo('assistant.threads.setStatus')).toHaveLength(1);
      expect(bounded.logs.filter((l) => l.status === 'overloaded')).toHaveLength(1);
    } finally {
      await bounded.stop();
    }
  });
});
