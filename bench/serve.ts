/**
 * One server for the benchmark, in its own process so that the load generator does not share
 * its CPU: `real` is the bot in HTTP mode, logging its line per request as deployed (stdout goes
 * to /dev/null); `bare` is a Bolt app whose handler only acks a constant, the ceiling the
 * framework allows; `card` is that same app acking one mission card rendered at start-up, the
 * ceiling for any app that answers with a card in the acknowledgement, as this bot does;
 * `recording` is `real` recording every request, as deployed: to PostgreSQL when DATABASE_URL is
 * set (the benchmark gives it a schema of its own), else to PGlite in DATA_DIR.
 * It reports its port and, when asked, its memory or CPU time, over IPC.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { pino } from 'pino';
import { createAnswerEngine } from '../src/answer/engine.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/config/env.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { replyTo } from '../src/render/reply.js';
import { createSlackApp } from '../src/slack/app.js';
import type { Recording } from '../src/store/recording.js';
import { startStore } from '../src/store/store.js';

const [kind, slackApiUrl, signingSecret, botToken] = process.argv.slice(2);
const logger = pino({ level: 'info' });

/** The one card the `card` server acks; the engine that rendered it is not kept, as bare Bolt has none. */
function readyCard() {
  const engine = createAnswerEngine(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
  return { response_type: 'ephemeral' as const, ...replyTo(engine, { command: '/hr-mission', text: 'MINUSCA' }).message };
}

let recording: Recording | undefined;

async function start(): Promise<number> {
  if (kind === 'real' || kind === 'recording') {
    const store =
      kind === 'recording'
        ? await startStore(
            { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR ?? '', retentionDays: 90 },
            logger,
          )
        : undefined;
    // Measured once the database is open, not while PGlite compiles.
    await store?.reports();
    recording = store?.recording;
    const engine = createAnswerEngine(loadKnowledge(DEFAULT_KNOWLEDGE_DIR));
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
  const reply = kind === 'card' ? readyCard() : 'ok';
  app.command('/hr-mission', async ({ ack }) => {
    await ack(reply);
  });
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
