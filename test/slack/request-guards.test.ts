import { afterEach, describe, expect, it } from 'vitest';
import { encodeOrigin, OPEN_ACTION_PREFIX } from '../../src/render/actions.js';
import { appWatchingRejections } from '../helpers/running-app.js';
import {
  blockAction,
  eventCallback,
  type SlackRequest,
  send,
  signatureHeaders,
  slashCommand,
} from '../helpers/slack-requests.js';

const running = appWatchingRejections();
const { rejections } = running;
afterEach(() => {
  // Emptied each time, so that one test's rejection fails that test, not every later one.
  expect(rejections()).toEqual([]);
});

const now = () => Math.floor(Date.now() / 1000);
/** `seconds` ahead of the clock, rounded up: +301 s stays more than five minutes ahead while the request travels. */
const ahead = (seconds: number) => Math.ceil(Date.now() / 1000) + seconds;
const posts = () => running.app.standIn.callsTo('chat.postMessage');
/** Lines of commands and events handled (an earlier test's button may still be logging its own). */
const handledLines = () => running.app.logs.filter((l) => l.msg === 'handled' && (l.kind === 'command' || l.kind === 'event'));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for `count` posts in all, then a moment more, so that a post that should not come has had its chance. */
async function postsAfterSettling(count: number) {
  await running.app.standIn.waitFor('chat.postMessage', count);
  await pause(300);
  return posts();
}

let n = 0;
/** A mention, in Slack's envelope, with its event id left out when `eventId` is undefined. */
function mention({ ts, channel, eventId }: { ts: string; channel: string; eventId?: string }): SlackRequest {
  const request = eventCallback(
    { type: 'app_mention', user: 'U1', text: '<@U0BOT> what is the role of OHCHR?', ts, event_ts: ts, channel },
    eventId ?? 'placeholder',
  );
  if (eventId !== undefined) return request;
  const { event_id: _, ...envelope } = JSON.parse(request.body);
  return { ...request, body: JSON.stringify(envelope) };
}

/** The same request from another workspace than the bot token's (the stand-in's auth.test says T1). */
function fromTeam(request: SlackRequest, team: string): SlackRequest {
  if (request.contentType === 'application/json') {
    const envelope = JSON.parse(request.body);
    envelope.team_id = team;
    envelope.authorizations = envelope.authorizations.map((a: object) => ({ ...a, team_id: team }));
    return { ...request, body: JSON.stringify(envelope) };
  }
  const params = new URLSearchParams(request.body);
  params.set('team_id', team);
  return { ...request, body: params.toString() };
}

describe('a signed form whose payload field name is percent-encoded', () => {
  it.each(['pay%6Coad=null', 'pay%6Coad=%5B%5D', '%70ayload=%22x%22', 'command=%2Fhr-mission&pay%6Coad=null'])(
    '%s is refused with 4xx at once, and leaves no unhandled rejection',
    async (body) => {
      const response = await fetch(running.app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...signatureHeaders(body) },
        body,
        signal: AbortSignal.timeout(3_000),
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      await pause(100);
      expect(running.app.logs.filter((l) => l.msg === 'unhandled rejection' || l.level >= 50)).toEqual([]);
    },
  );

  it('a real button payload under a percent-encoded field name still reaches its handler, as Bolt decodes the name', async () => {
    const click = blockAction({
      actionId: `${OPEN_ACTION_PREFIX}0`,
      value: encodeOrigin({ command: '/hr-mission', text: 'Mali' }),
      responseUrl: running.app.standIn.responseUrl(),
      container: { type: 'message', is_ephemeral: true },
    });
    const before = running.app.standIn.callsTo('response_url').length;
    const response = await send(running.app.url, { ...click, body: click.body.replace(/^payload=/, 'pay%6Coad=') });
    expect(response.status).toBe(200);
    const shown = (await running.app.standIn.waitFor('response_url', before + 1))[before].body;
    expect(JSON.stringify(shown.blocks)).toContain('MINUSMA · Mali');
  });
});

describe('the request timestamp must be within five minutes, either way', () => {
  it.each([
    ['+301 s', 301],
    ['+1 hour', 3_600],
    ['+10 years', 10 * 365 * 24 * 3_600],
  ])('a correctly signed command and mention dated %s are refused with 401; no handler runs', async (_label, seconds) => {
    const handledBefore = handledLines().length;
    const postsBefore = posts().length;
    const command = slashCommand('/hr-mission', 'Mali', running.app.standIn.responseUrl());
    const commandAnswer = await send(running.app.url, command, signatureHeaders(command.body, { timestamp: ahead(seconds) }));
    expect(commandAnswer.status).toBe(401);
    expect(commandAnswer.text).not.toContain('MINUSMA');
    const event = mention({ ts: `1700000200.${++n}`, channel: 'C1', eventId: `EvFuture${n}` });
    const eventAnswer = await send(running.app.url, event, signatureHeaders(event.body, { timestamp: ahead(seconds) }));
    expect(eventAnswer.status).toBe(401);
    await pause(300);
    expect(handledLines()).toHaveLength(handledBefore);
    expect(posts()).toHaveLength(postsBefore);
  });

  it.each([
    ['now', 0],
    ['200 s ago', -200],
    ['200 s ahead (a fast clock, within the five minutes)', 200],
  ])('a command signed %s is answered', async (_label, offset) => {
    const command = slashCommand('/hr-mission', 'Mali', running.app.standIn.responseUrl());
    const answer = await send(running.app.url, command, signatureHeaders(command.body, { timestamp: now() + offset }));
    expect(answer.status).toBe(200);
    expect(answer.json().blocks[0].text.text).toBe('MINUSMA · Mali');
  });
});

describe('events without an event_id', () => {
  it('different events are each answered: a missing id is not one shared key', async () => {
    const before = posts().length;
    const events = [
      { ts: '1700000300.000001', channel: 'C1' },
      { ts: '1700000300.000002', channel: 'C1' },
      { ts: '1700000300.000001', channel: 'C2' },
    ];
    for (const event of events) expect((await send(running.app.url, mention(event))).status).toBe(200);
    const replies = (await postsAfterSettling(before + events.length)).slice(before);
    expect(replies).toHaveLength(events.length);
    expect(replies.map((r) => `${r.body.channel} ${r.body.thread_ts}`).sort()).toEqual(
      events.map((e) => `${e.channel} ${e.ts}`).sort(),
    );
  });

  it('the same event delivered twice (Slack retrying it) is answered once', async () => {
    const before = posts().length;
    const event = mention({ ts: '1700000400.000001', channel: 'C3' });
    expect((await send(running.app.url, event)).status).toBe(200);
    const retry = await send(running.app.url, event, {
      ...signatureHeaders(event.body),
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    const replies = (await postsAfterSettling(before + 1)).slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0].body).toMatchObject({ channel: 'C3', thread_ts: '1700000400.000001' });
  });
});

describe('requests from another workspace than the bot token’s', () => {
  it('a slash command from team T2 is acknowledged with nothing, logged as other_team and counted', async () => {
    const answer = await send(
      running.app.url,
      fromTeam(slashCommand('/hr-mission', 'Mali', running.app.standIn.responseUrl()), 'T2'),
    );
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain('MINUSMA');
    expect(answer.text === '' || !('blocks' in answer.json())).toBe(true);
    expect(running.app.logs).toContainEqual(expect.objectContaining({ status: 'other_team', team: 'T2' }));
    const metrics = await (await fetch(`${running.app.origin}/metrics`)).text();
    expect(metrics).toMatch(/hr_bot_requests_total\{surface="any",status="other_team"\} [1-9]/);
  });

  it('a mention from team T2 gets no reply, and is logged as other_team', async () => {
    const before = posts().length;
    const othersBefore = running.app.logs.filter((l) => l.status === 'other_team').length;
    const event = fromTeam(mention({ ts: '1700000500.000001', channel: 'C1', eventId: 'EvOtherTeam1' }), 'T2');
    expect((await send(running.app.url, event)).status).toBe(200);
    await pause(300);
    expect(posts()).toHaveLength(before);
    expect(running.app.logs.filter((l) => l.status === 'other_team')).toHaveLength(othersBefore + 1);
  });

  it('a button click from team T2 is acknowledged and not acted on', async () => {
    const click = blockAction({
      actionId: `${OPEN_ACTION_PREFIX}0`,
      value: encodeOrigin({ command: '/hr-mission', text: 'Mali' }),
      responseUrl: running.app.standIn.responseUrl(),
      container: { type: 'message', is_ephemeral: true },
    });
    const payload = JSON.parse(new URLSearchParams(click.body).get('payload') as string);
    payload.team.id = 'T2';
    payload.user.team_id = 'T2';
    const before = running.app.standIn.callsTo('response_url').length;
    const othersBefore = running.app.logs.filter((l) => l.status === 'other_team').length;
    const response = await send(running.app.url, {
      ...click,
      body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    });
    expect(response.status).toBe(200);
    await pause(300);
    expect(running.app.standIn.callsTo('response_url')).toHaveLength(before);
    expect(running.app.logs.filter((l) => l.status === 'other_team')).toHaveLength(othersBefore + 1);
  });

  it('the same command and mention from the token’s own team T1 are answered', async () => {
    const answer = await send(running.app.url, slashCommand('/hr-mission', 'Mali', running.app.standIn.responseUrl()));
    expect(answer.json().blocks[0].text.text).toBe('MINUSMA · Mali');
    const before = posts().length;
    await send(running.app.url, mention({ ts: '1700000500.000002', channel: 'C1', eventId: 'EvOwnTeam1' }));
    const replies = (await postsAfterSettling(before + 1)).slice(before);
    expect(replies).toHaveLength(1);
  });
});
