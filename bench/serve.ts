/**
 * One server for the benchmark, in its own process so that the load generator does not share
 * its CPU: `real` is the bot in HTTP mode, logging its line per request with the bot's own
 * logger, as deployed (stdout goes to /dev/null); `bare` is a Bolt app whose handler only acks a
 * constant, the ceiling the framework allows; `card` is that same app acking one card rendered at start-up, of the median
 * size of the bot's cards for the benchmark's texts: the ceiling for any app that answers with a
 * card in the acknowledgement, as this bot does; `naive` is the peer a user would write instead:
 * Bolt, MiniSearch with near-default options (fuzzy, prefix) over the same knowledge, and a
 * plain card of its top hit in the acknowledgement; `services` is `recording` plus event
 * de-duplication through Redis (REDIS_URL), as several replicas run;
 * `recording` is `real` recording every request, as deployed: to PostgreSQL when DATABASE_URL is
 * set (the benchmark gives it a schema of its own), else to PGlite in DATA_DIR.
 * It reports its port and, when asked, its memory or CPU time, over IPC.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import MiniSearch from 'minisearch';
import { createAnswerEngine } from '../src/answer/engine.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/config/env.js';
import { createLogger } from '../src/config/logger.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { KnowledgeBase } from '../src/knowledge/types.js';
import { replyTo } from '../src/render/reply.js';
import { createSlackApp } from '../src/slack/app.js';
import { createMetrics } from '../src/slack/metrics.js';
import { connectRedisState } from '../src/slack/redis-state.js';
import { memoryState } from '../src/slack/shared-state.js';
import type { Recording } from '../src/store/recording.js';
import { startStore } from '../src/store/store.js';
import { MISSION_TEXTS } from './queries.js';

const [kind, slackApiUrl, signingSecret, botToken] = process.argv.slice(2);
const logger = createLogger('info');

/** The one card the `card` server acks: the bot's median-sized reply; the engine that rendered it is not kept. */
function readyCard() {
  const engine = createAnswerEngine(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
  const replies = MISSION_TEXTS.map((text) => ({
    response_type: 'ephemeral' as const,
    ...replyTo(engine, { command: '/hr-mission', text }).message,
  })).sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length);
  return replies[Math.floor(replies.length / 2)];
}

/** What a user would write in an afternoon: one MiniSearch index, fuzzy and prefix search, the top hit as a card. */
function naiveAnswerer(knowledge: KnowledgeBase) {
  const entries = [...knowledge.missions, ...knowledge.topics, ...knowledge.stories].map((entry) => ({
    id: entry.id,
    title: entry.title,
    text: entry.type === 'mission' ? [entry.name, entry.where, ...entry.names].join(' ') : entry.text,
  }));
  const search = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title', 'text'] });
  search.addAll(entries);
  return (query: string) => {
    const [top] = search.search(query, { fuzzy: 0.2, prefix: true });
    if (!top) return { response_type: 'ephemeral' as const, text: 'Nothing found.' };
    const text = `*${top.title}*\n${String(top.text).slice(0, 2_900)}`;
    return {
      response_type: 'ephemeral' as const,
      text: top.title as string,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    };
  };
}

let recording: Recording | undefined;

async function start(): Promise<number> {
  if (kind === 'real' || kind === 'recording' || kind === 'services') {
    const store =
      kind === 'recording' || kind === 'services'
        ? await startStore(
            { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR ?? '', retentionDays: 90 },
            logger,
          )
        : undefined;
    // Measured once the database is open, not while PGlite compiles.
    await store?.reports();
    recording = store?.recording;
    const engine = createAnswerEngine(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
    const metrics = createMetrics();
    const redisUrl = kind === 'services' ? process.env.REDIS_URL || undefined : undefined;
    // A prefix of this run's own, so that event ids of an earlier run are not taken as retries.
    const shared = redisUrl
      ? await connectRedisState(redisUrl, { logger, keyPrefix: `hr-bench:${process.pid}:${Date.now()}:`, ttlSeconds: 300 })
      : memoryState();
    const slack = createSlackApp({
      config: {
        mode: 'http',
        botToken,
        signingSecret,
        port: 0,
        host: '127.0.0.1',
        slackApiUrl,
        logLevel: 'info',
        knowledgeDir: DEFAULT_KNOWLEDGE_DIR,
      },
      engine: () => engine,
      logger,
      recording,
      dedupe: shared.dedupe,
      conversations: shared.conversations,
      metrics,
    });
    return (await slack.start()).port as number;
  }
  const receiver = new HTTPReceiver({ signingSecret, endpoints: '/slack/events' });
  const app = new App({
    token: botToken,
    receiver,
    clientOptions: { slackApiUrl },
    deferInitialization: true,
    logger: undefined,
  });
  if (kind === 'naive') {
    const answer = naiveAnswerer(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
    app.command('/hr-mission', async ({ ack, command }) => {
      await ack(answer(command.text));
    });
  } else {
    const reply = kind === 'card' ? readyCard() : 'ok';
    app.command('/hr-mission', async ({ ack }) => {
      await ack(reply);
    });
  }
  await app.init();
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as import('node:http').Server;
  return (server.address() as import('node:net').AddressInfo).port;
}

start().then(
  (port) => process.send?.({ port }),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
process.on('message', (message: { memory?: boolean; cpu?: boolean; recorded?: boolean }) => {
  if (message.recorded) process.send?.({ recorded: recording?.stats ?? { queued: 0, written: 0, dropped: 0 } });
  if (message.memory) {
    global.gc?.();
    process.send?.({ memory: process.memoryUsage() });
  }
  if (message.cpu) process.send?.({ cpu: process.cpuUsage() });
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
