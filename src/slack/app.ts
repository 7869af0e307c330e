import type { Server, ServerResponse } from 'node:http';
import { App, type Logger as BoltLogger, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AnswerEngine } from '../answer/engine.js';
import type { Config } from '../config/env.js';
import { guardRequestBodies } from './body-guard.js';
import { boltLogger } from './bolt-logger.js';
import { DEFAULT_DELIVERY, type DeliveryOptions, webClientOptions } from './delivery.js';
import type { EventCapacity } from './event-capacity.js';
import { registerActions } from './listeners/actions.js';
import { registerAssistant } from './listeners/assistant.js';
import { registerCommands } from './listeners/commands.js';
import { registerMessages } from './listeners/messages.js';
import { registerShortcut } from './listeners/shortcut.js';
import { registerTypeAhead } from './listeners/type-ahead.js';
import { registerWorkflowStep } from './listeners/workflow-step.js';
import { explainStartFailure, withinStartDeadline } from './start-failure.js';
import { onlyTeam } from './team-gate.js';
import { createTokenHealth } from './token-health.js';

export type SlackConfig = Exclude<Config, { mode: 'console' }>;

export interface SlackAppOptions {
  config: SlackConfig;
  engine: () => AnswerEngine;
  logger: Logger;
  delivery?: Partial<DeliveryOptions>;
  eventCapacity?: EventCapacity;
}

export interface SlackApp {
  app: App;
  /** Checks the bot token with Slack, then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
  readonly ready: boolean;
}

const SLACK_ENDPOINT = '/slack/events';
/** Largest request body accepted; Slack's own payloads are far smaller. */
const BODY_LIMIT = 1024 * 1024;

/** The Bolt app, wired to the engine. Slack code here does only wiring: the answers come from the engine. */
export function createSlackApp({
  config,
  engine,
  logger,
  delivery: deliveryOverrides,
  eventCapacity,
}: SlackAppOptions): SlackApp {
  const delivery = { ...DEFAULT_DELIVERY, ...deliveryOverrides };
  const clientOptions = webClientOptions(delivery, config.slackApiUrl);
  const log = boltLogger(logger);
  const tokenHealth = createTokenHealth(logger);
  let started = false;
  let tokenTeam: string | undefined;
  const isReady = () => started && !tokenHealth.refused;

  const receiver: Receiver =
    config.mode === 'http'
      ? createHttpReceiver(config, log, isReady)
      : new SocketModeReceiver({ appToken: config.appToken, logger: log, installerOptions: { clientOptions } });

  const app = new App({
    token: config.botToken,
    receiver,
    logger: log,
    clientOptions,
    deferInitialization: true,
    ignoreSelf: true,
    // Bolt's default conversation store is per-request work this app never reads.
    convoStore: false,
  });

  app.use(onlyTeam(() => tokenTeam, logger));
  const deps = { engine, logger, delivery, tokenHealth, eventCapacity };
  registerCommands(app, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
  registerAssistant(app, deps);
  registerShortcut(app, deps);
  registerWorkflowStep(app, deps);
  registerTypeAhead(app, deps);
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a listener');
  });

  return {
    app,
    get ready() {
      return isReady();
    },
    async start() {
      const listening = await withinStartDeadline(async () => {
        try {
          tokenTeam = (await app.client.auth.test()).team_id;
          await app.init();
        } catch (error) {
          throw explainStartFailure(error, config, 'bot token');
        }
        try {
          return (await (config.mode === 'http' ? app.start({ port: config.port, host: config.host }) : app.start())) as unknown;
        } catch (error) {
          throw explainStartFailure(error, config, 'connect');
        }
      }, config);
      started = true;
      const address = config.mode === 'http' ? (listening as Server).address() : null;
      return { port: address && typeof address === 'object' ? address.port : undefined };
    },
    async stop() {
      started = false;
      await app.stop();
    },
  };
}

/** Slack's endpoint at /slack/events, beside /healthz (alive) and /readyz (knowledge loaded, app started). */
function createHttpReceiver(
  config: Extract<SlackConfig, { mode: 'http' }>,
  logger: BoltLogger,
  isReady: () => boolean,
): HTTPReceiver {
  const json = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: SLACK_ENDPOINT,
    logger,
    bodyLimit: BODY_LIMIT,
    customRoutes: [
      { path: '/healthz', method: ['GET', 'HEAD'], handler: (_req, res) => json(res, 200, { ok: true }) },
      {
        path: '/readyz',
        method: ['GET', 'HEAD'],
        handler: (_req, res) => json(res, isReady() ? 200 : 503, { ready: isReady() }),
      },
    ],
  });
  guardRequestBodies(receiver, SLACK_ENDPOINT, BODY_LIMIT);
  return receiver;
}
