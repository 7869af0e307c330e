import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appWatchingRejections } from '../helpers/running-app.js';
import { eventCallback, type SlackRequest, send, signatureHeaders, slashCommand } from '../helpers/slack-requests.js';

const running = appWatchingRejections();
const { rejections } = running;

const now = () => Math.floor(Date.now() / 1000);
const valid = (): SlackRequest => slashCommand('/hr-mission', 'Mali', 'http://127.0.0.1:9/never');
const json = (body: string): SlackRequest => ({ body, contentType: 'application/json' });
const form = (body: string): SlackRequest => ({ body, contentType: 'application/x-www-form-urlencoded' });

/** A request as it reaches the app, and the headers it carries. */
type Hostile = { request: SlackRequest; headers: Record<string, string> };

const anyBody = fc.oneof(
  fc.string({ maxLength: 300 }).map(json),
  fc.string({ maxLength: 300 }).map(form),
  fc.jsonValue().map((v) => json(JSON.stringify(v))),
  fc.jsonValue().map((v) => form(`payload=${encodeURIComponent(JSON.stringify(v))}`)),
  fc.constantFrom('null', '"text"', '[]', '123', 'true', '{', '{"type":', '').map(json),
  fc.constantFrom('payload=null', 'payload=%5B%5D', 'payload=%7B', 'payload=', '&&&', '=x').map(form),
);

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  // forged: signed with the wrong secret
  fc.tuple(fc.string({ minLength: 1, maxLength: 40 })).map(([secret]) => {
    const request = valid();
    return { request, headers: signatureHeaders(request.body, { secret: `not-${secret}` }) };
  }),
  // unsigned, or with garbage headers
  fc.record({ sig: fc.string({ maxLength: 80 }), ts: fc.string({ maxLength: 12 }) }).map(({ sig, ts }) => ({
    request: valid(),
    headers: { 'x-slack-signature': sig, 'x-slack-request-timestamp': ts },
  })),
  // stale: signed correctly, more than five minutes ago
  fc.integer({ min: 301, max: 100_000 }).map((age) => {
    const request = valid();
    return { request, headers: signatureHeaders(request.body, { timestamp: now() - age }) };
  }),
  // truncated: signed, then cut
  fc.integer({ min: 1, max: 60 }).map((cut) => {
    const request = valid();
    const headers = signatureHeaders(request.body);
    return { request: { ...request, body: request.body.slice(0, -cut) }, headers };
  }),
  // malformed JSON or form bodies, correctly signed
  anyBody.filter((r) => !isHandledShape(r.body)).map((request) => ({ request, headers: signatureHeaders(request.body) })),
);

/** A signed body that is a well-formed Slack request would be answered; the fuzz wants only bad ones. */
function isHandledShape(body: string): boolean {
  return /command=|"event"|event_callback|url_verification|ssl_check|block_actions/.test(
    decodeURIComponent(body.replace(/%(?![0-9a-f]{2})/gi, '')),
  );
}

describe('hostile HTTP requests', () => {
  it('a thousand forged, unsigned, stale, truncated or malformed requests are each refused with 4xx; no handler runs', async () => {
    const handledBefore = running.app.logs.filter((l) => l.msg === 'handled').length;
    const samples = fc.sample(hostile, { numRuns: 1000, seed: 20261122 });
    const statuses = await Promise.all(
      samples.map(({ request, headers }) => send(running.app.url, request, headers).then((r) => r.status)),
    );
    const refused = statuses.filter((s) => s >= 400 && s < 500);
    expect(refused).toHaveLength(1000);
    expect(running.app.logs.filter((l) => l.msg === 'handled').length).toBe(handledBefore);
    expect(running.app.standIn.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(rejections()).toEqual([]);
  });

  it('a POST to any other path gets a 404, not a hanging request', async () => {
    const body = 'x=1';
    const response = await fetch(`${running.app.origin}/not-slack`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signatureHeaders(body) },
      body,
      signal: AbortSignal.timeout(3_000),
    });
    expect(response.status).toBe(404);
    expect(rejections()).toEqual([]);
  });

  it('an oversized request is refused with 413, whether its Content-Length says so or it is streamed without one', async () => {
    const body = `command=%2Fhr-mission&text=${'x'.repeat(1024 * 1024)}`;
    const declared = await send(running.app.url, form(body), signatureHeaders(body));
    expect(declared.status).toBe(413);
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const streamed = await fetch(running.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signatureHeaders(body) },
      body: new ReadableStream({
        pull(controller) {
          if (sent++ < 20) controller.enqueue(chunk);
          else controller.close();
        },
      }),
      duplex: 'half',
      signal: AbortSignal.timeout(5_000),
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('the app still answers a valid request afterwards', async () => {
    const answer = await send(running.app.url, slashCommand('/hr-mission', 'Mali', running.app.standIn.responseUrl()));
    expect(answer.status).toBe(200);
    expect(answer.json().blocks[0].text.text).toBe('MINUSMA · Mali');
    const event = eventCallback({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' }, 'EvAfterFuzz');
    expect((await send(running.app.url, event)).status).toBe(200);
  });
});
