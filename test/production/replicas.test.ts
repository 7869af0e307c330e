import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { createMetrics, type Metrics } from '../../src/slack/metrics.js';
import { connectRedisState } from '../../src/slack/redis-state.js';
import type { SharedState } from '../../src/slack/shared-state.js';
import { realEngine } from '../helpers/knowledge.js';
import { NO_REDIS_MESSAGE, REDIS_URL, redisScope } from '../helpers/redis.js';
import { httpTestConfig, TEST_DELIVERY } from '../helpers/running-app.js';
import { eventCallback, mentionEvent, send, signatureHeaders } from '../helpers/slack-requests.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

/** A load balancer in miniature: each request goes to the next replica in turn. */
async function roundRobin(origins: string[]): Promise<Server & { origin: string }> {
  let next = 0;
  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', origins[next++ % origins.length]);
    const forwarded = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forwarded);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return Object.assign(server, { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

const counted = async (metric: { get(): Promise<{ values: { value: number }[] }> }) =>
  (await metric.get()).values.reduce((sum, v) => sum + v.value, 0);

describe.skipIf(!REDIS_URL)(REDIS_URL ? 'three replicas behind a load balancer, sharing one Redis' : NO_REDIS_MESSAGE, () => {
  const url = REDIS_URL as string;
  const scope = redisScope(url);
  const engine = realEngine();
  let standIn: SlackStandIn;
  let replicas: { slack: SlackApp; metrics: Metrics; origin: string; shared: SharedState }[];
  let balancer: Server & { origin: string };

  beforeAll(async () => {
    standIn = await new SlackStandIn().start();
    replicas = await Promise.all(
      [1, 2, 3].map(async () => {
        const logger = pino({ level: 'silent' });
        const metrics = createMetrics();
        const shared = await connectRedisState(url, { logger, keyPrefix: scope.keyPrefix });
        const slack = createSlackApp({
          config: httpTestConfig(standIn.apiUrl),
          engine: () => engine,
          logger,
          delivery: TEST_DELIVERY,
          dedupe: shared.dedupe,
          conversations: shared.conversations,
          metrics,
        });
        const { port } = await slack.start();
        return { slack, metrics, origin: `http://127.0.0.1:${port}`, shared };
      }),
    );
    balancer = await roundRobin(replicas.map((r) => r.origin));
  });
  afterAll(async () => {
    balancer?.close();
    await Promise.all((replicas ?? []).map((r) => r.slack.stop().finally(() => r.shared.close())));
    await standIn?.stop();
    await scope.clean();
  });

  it("answers an event once though it and Slack's retries of it reach three different replicas", async () => {
    const mention = eventCallback(
      { type: 'app_mention', user: 'U1', text: '<@U0BOT> how many students graduated?', ts: '1700000000.000100', channel: 'C1' },
      `Ev${Date.now()}`,
    );
    const deliveries: Record<string, string>[] = [
      {},
      { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
    ];
    for (const retry of deliveries) {
      const { status } = await send(`${balancer.origin}/slack/events`, mention, { ...signatureHeaders(mention.body), ...retry });
      expect(status).toBe(200);
    }
    await standIn.waitFor('chat.postMessage');
    await new Promise((r) => setTimeout(r, 500));
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    // Each replica got one of the three deliveries: it either answered it or skipped it as a duplicate.
    const perReplica = await Promise.all(
      replicas.map(async (r) => ({
        answered: await counted(r.metrics.requests),
        skipped: await counted(r.metrics.duplicateEvents),
      })),
    );
    expect(perReplica.map((r) => r.answered + r.skipped)).toEqual([1, 1, 1]);
    expect(perReplica.filter((r) => r.answered === 1)).toHaveLength(1);
  });

  it('reads a follow-up in a thread about what the thread was about, though another replica answered before', async () => {
    const posted = standIn.callsTo('chat.postMessage').length;
    const mention = (text: string, ts: string, thread?: string) => {
      const event = eventCallback(mentionEvent(text, { channel: 'C2', ts, thread }), `Ev${ts}`);
      return send(`${balancer.origin}/slack/events`, event, signatureHeaders(event.body));
    };
    await mention('tell me about MINUSTAH', '1700000100.000100');
    await standIn.waitFor('chat.postMessage', posted + 1);
    // The round robin sends the follow-up to another replica, which has not seen the thread.
    await mention('is it still active?', '1700000100.000200', '1700000100.000100');
    const [first, followUp] = (await standIn.waitFor('chat.postMessage', posted + 2)).slice(posted).map((c) => c.body);
    expect(first.text).toContain('MINUSTAH');
    expect(followUp).toMatchObject({ thread_ts: '1700000100.000100' });
    expect(followUp.text).toMatch(/^MINUSTAH · Haiti/);
  });
});
