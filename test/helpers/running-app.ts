import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { AnswerEngine } from '../../src/answer/engine.js';
import type { LogLevel } from '../../src/config/env.js';
import { createSlackApp, type SlackApp, type SlackConfig } from '../../src/slack/app.js';
import type { DeliveryOptions } from '../../src/slack/delivery.js';
import type { EventCapacity } from '../../src/slack/event-capacity.js';
import type { Recording } from '../../src/store/recording.js';
import type { Reports } from '../../src/store/reports.js';
import { fixtureEngine } from './knowledge.js';
import { capturedLogger, type LogLine } from './log-lines.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-requests.js';
import { SlackStandIn } from './slack-stand-in.js';

export interface RunningApp {
  url: string;
  origin: string;
  slack: SlackApp;
  standIn: SlackStandIn;
  logs: LogLine[];
  rawLogs: () => string;
  stop(): Promise<void>;
}

/** HTTP mode on an ephemeral port of 127.0.0.1, talking to the given Slack API stand-in. */
export function httpTestConfig(slackApiUrl: string, logLevel: LogLevel = 'silent', editors: string[] = []): SlackConfig {
  return {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    port: 0,
    host: '127.0.0.1',
    slackApiUrl,
    logLevel,
    knowledgeDir: '',
    editors,
  };
}

/** Short bounds so that fault tests take seconds, not the production half-minute. */
export const TEST_DELIVERY: DeliveryOptions = { attemptTimeoutMs: 400, retries: 1, deadlineMs: 2_500 };

/** The real app in HTTP mode on 127.0.0.1 (answering from the fixture knowledge unless told), talking to a Slack API stand-in that the test owns. */
export async function startHttpApp({
  engine = fixtureEngine(),
  delivery = TEST_DELIVERY,
  recording,
  reports,
  editors,
  eventCapacity,
}: {
  engine?: AnswerEngine;
  delivery?: DeliveryOptions;
  recording?: Recording;
  reports?: () => Promise<Reports>;
  editors?: string[];
  eventCapacity?: EventCapacity;
} = {}): Promise<RunningApp> {
  const standIn = await new SlackStandIn().start();
  const { logger, lines, text } = capturedLogger((stream) => pino({ level: 'debug' }, stream));
  const slack = createSlackApp({
    config: httpTestConfig(standIn.apiUrl, 'debug', editors),
    engine: () => engine,
    logger,
    delivery,
    recording,
    reports,
    eventCapacity,
  });
  const { port } = await slack.start();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/slack/events`,
    origin,
    slack,
    standIn,
    logs: lines,
    rawLogs: text,
    async stop() {
      await slack.stop();
      await standIn.stop();
    },
  };
}

/**
 * Starts the app for a test file with unhandled rejections recorded: a request that leaves one
 * behind is a defect even when its answer looks right. `rejections()` hands over those so far.
 */
export function appWatchingRejections(options?: Parameters<typeof startHttpApp>[0]) {
  const recorded: unknown[] = [];
  const onRejection = (reason: unknown) => recorded.push(reason);
  const state = { app: undefined as unknown as RunningApp, rejections: () => recorded.splice(0) };
  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    state.app = await startHttpApp(options);
  });
  afterAll(async () => {
    await state.app.stop();
    process.off('unhandledRejection', onRejection);
  });
  return state;
}
