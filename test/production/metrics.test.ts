import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/slack/app.js';
import { createMetrics } from '../../src/slack/metrics.js';
import { startBotProcess } from '../helpers/bot-process.js';
import { fixtureEngine, knowledgeCopy } from '../helpers/knowledge.js';
import { type RunningApp, startHttpApp, TEST_DELIVERY } from '../helpers/running-app.js';
import { BOT_TOKEN, eventCallback, send, slashCommand } from '../helpers/slack-requests.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

/** The value of one sample in Prometheus's text format, e.g. `hr_bot_requests_total{surface="/hr-mission"}`; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const total = text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => wanted.every((label) => line.includes(label)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return total;
}

const scrape = async (origin: string) => {
  const response = await fetch(`${origin}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};

describe('GET /metrics in HTTP mode', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startHttpApp();
  });
  afterAll(async () => {
    await running.stop();
  });

  it('counts requests by surface and status and times them', async () => {
    const before = await scrape(running.origin);
    await send(running.url, slashCommand('/hr-mission', 'Mali', running.standIn.responseUrl()));
    await send(running.url, slashCommand('/hr-mission', 'zzqx nothing like this', running.standIn.responseUrl()));
    const after = await scrape(running.origin);
    const surface = { surface: '/hr-mission' };
    expect(sample(after, 'hr_bot_requests_total', surface) - sample(before, 'hr_bot_requests_total', surface)).toBe(2);
    expect(sample(after, 'hr_bot_answer_seconds_count', surface) - sample(before, 'hr_bot_answer_seconds_count', surface)).toBe(
      2,
    );
    const statuses = after.split('\n').filter((l) => l.startsWith('hr_bot_requests_total{surface="/hr-mission"'));
    expect(statuses.length).toBe(2);
  });

  it('counts an event delivered twice as de-duplicated once', async () => {
    const mention = eventCallback(
      { type: 'app_mention', user: 'U1', text: '<@U0BOT> mali', ts: '1700000000.000200', channel: 'C1' },
      `EvM${Date.now()}`,
    );
    const before = sample(await scrape(running.origin), 'hr_bot_events_deduplicated_total');
    await send(running.url, mention);
    await send(running.url, mention);
    await running.standIn.waitFor('chat.postMessage');
    expect(sample(await scrape(running.origin), 'hr_bot_events_deduplicated_total') - before).toBe(1);
  });

  it('counts Web API retries and calls given up', async () => {
    const before = await scrape(running.origin);
    const posted = running.standIn.callsTo('chat.postMessage').length;
    running.standIn.behave('chat.postMessage', { status: 500 });
    const mention = (id: string) =>
      eventCallback({ type: 'app_mention', user: 'U1', text: '<@U0BOT> mali', ts: '1700000000.000300', channel: 'C1' }, id);
    await send(running.url, mention(`EvR${Date.now()}`));
    await running.standIn.waitFor('chat.postMessage', posted + 2);
    running.standIn.behave('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    await send(running.url, mention(`EvF${Date.now()}`));
    await running.standIn.waitFor('chat.postMessage', posted + 4, 8_000);
    await new Promise((r) => setTimeout(r, 300));
    const after = await scrape(running.origin);
    expect(sample(after, 'hr_bot_web_api_retries_total') - sample(before, 'hr_bot_web_api_retries_total')).toBeGreaterThanOrEqual(
      2,
    );
    expect(
      sample(after, 'hr_bot_web_api_failures_total') - sample(before, 'hr_bot_web_api_failures_total'),
    ).toBeGreaterThanOrEqual(1);
  });

  it.each(['/healthz', '/readyz', '/metrics'])('answers HEAD %s as GET, without a body', async (path) => {
    const get = await fetch(`${running.origin}${path}`);
    const head = await fetch(`${running.origin}${path}`, { method: 'HEAD' });
    expect(head.status).toBe(get.status);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the metrics registry', () => {
  it('reads the recording queue through the callback it is given, at each scrape', async () => {
    let stats = { queued: 3, dropped: 0 };
    const metrics = createMetrics({ recording: () => stats });
    expect(sample(await metrics.registry.metrics(), 'hr_bot_recording_queue_length')).toBe(3);
    stats = { queued: 0, dropped: 7 };
    const text = await metrics.registry.metrics();
    expect(sample(text, 'hr_bot_recording_queue_length')).toBe(0);
    expect(sample(text, 'hr_bot_recording_dropped')).toBe(7);
  });

  it('keeps each app’s counters apart', async () => {
    const one = createMetrics();
    const two = createMetrics();
    one.duplicateEvents.inc();
    expect(sample(await two.registry.metrics(), 'hr_bot_events_deduplicated_total')).toBe(0);
  });
});

describe('the bot as deployed', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await new SlackStandIn().start();
  });
  afterEach(async () => {
    await standIn.stop();
  });

  it('serves the loaded knowledge’s version and writes log lines with ISO time, level name, team and channel', async () => {
    const bot = await startBotProcess(standIn.apiUrl);
    try {
      const text = await scrape(bot.origin);
      expect(text).toMatch(/^hr_bot_knowledge_info\{version="[0-9a-f]{12}"\} 1$/m);
      expect(text).toContain('process_cpu_seconds_total');
      await send(`${bot.origin}/slack/events`, slashCommand('/hr-mission', 'Mali', standIn.responseUrl(), 'U0ASKER'));
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
    const lines = bot
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const line of lines) {
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(['info', 'warn', 'error', 'debug']).toContain(line.level);
    }
    const request = lines.find((l) => l.msg === 'handled' && l.name === '/hr-mission');
    expect(request).toMatchObject({ team: 'T1', channel: 'C1', level: 'info' });
    expect(bot.output()).not.toContain('U0ASKER');
  });
});

describe('knowledge reloads in the metrics', () => {
  it('count a good edit and a broken one, and show the version served', async () => {
    const standIn = await new SlackStandIn().start();
    const kb = knowledgeCopy();
    const bot = await startBotProcess(standIn.apiUrl, { KNOWLEDGE_DIR: kb.dir });
    const version = (text: string) => /^hr_bot_knowledge_info\{version="([0-9a-f]+)"\} 1$/m.exec(text)?.[1];
    const reloads = (text: string, status: string) => sample(text, 'hr_bot_knowledge_reloads_total', { status });
    try {
      const first = version(await scrape(bot.origin));
      expect(first).toBeDefined();
      const story = readdirSync(join(kb.dir, 'stories')).find((name) => name.endsWith('.md')) as string;
      kb.edit(`stories/${story}`, /^title: (.*)$/m, 'title: $1 (edited)');
      await expect.poll(async () => reloads(await scrape(bot.origin), 'reloaded'), { timeout: 8_000 }).toBe(1);
      const second = version(await scrape(bot.origin));
      expect(second).toBeDefined();
      expect(second).not.toBe(first);

      kb.write('stories/broken.md', '---\nid: [unclosed\n---\nText.\n');
      await expect.poll(async () => reloads(await scrape(bot.origin), 'invalid'), { timeout: 8_000 }).toBe(1);
      expect(version(await scrape(bot.origin))).toBe(second);
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await standIn.stop();
      kb.remove();
    }
  });
});

describe('Socket Mode with METRICS_PORT', () => {
  const engine = fixtureEngine();
  it('serves /healthz, /readyz and /metrics on that port, and nothing else', async () => {
    const standIn = await new SlackStandIn().start();
    const slack = createSlackApp({
      config: {
        mode: 'socket',
        botToken: BOT_TOKEN,
        appToken: 'xapp-test-app-token-91be',
        slackApiUrl: standIn.apiUrl,
        logLevel: 'silent',
        knowledgeDir: '',
        metricsPort: 0,
        host: '127.0.0.1',
      },
      engine: () => engine,
      logger: pino({ level: 'silent' }),
      delivery: TEST_DELIVERY,
    });
    try {
      const { port } = await slack.start();
      const origin = `http://127.0.0.1:${port}`;
      expect(await scrape(origin)).toContain('hr_bot_requests_total');
      for (const path of ['/healthz', '/readyz']) {
        expect((await fetch(`${origin}${path}`)).status).toBe(200);
        expect((await fetch(`${origin}${path}`, { method: 'HEAD' })).status).toBe(200);
      }
      expect((await fetch(`${origin}/slack/events`, { method: 'POST' })).status).toBe(404);
    } finally {
      await slack.stop();
      await standIn.stop();
    }
  });
});
