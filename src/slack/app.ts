import type { Server, ServerResponse } from 'node:http';
import { App, type Logger as BoltLogger, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AnswerEngine } from '../answer/engine.js';
import { type Config, ConfigError } from '../config/env.js';
import { guardRequestBodies } from './body-guard.js';
import { boltLogger } from './bolt-logger.js';
import { DEFAULT_DELIVERY, type DeliveryOptions, webClientOptions } from './delivery.js';
import { registerActions } from './listeners/actions.js';
import { registerAssistant } from './listeners/assistant.js';
import { registerCommands } from './listeners/commands.js';
import { registerMessages } from './listeners/messages.js';
import { registerShortcut } from './listeners/shortcut.js';
import { registerTypeAhead } from './listeners/type-ahead.js';
import { registerWorkflowStep } from './listeners/workflow-step.js';

export type SlackConfig = Exclude<Config, { mode: 'console' }>;

export interface SlackAppOptions {
  config: SlackConfig;
  engine: () => AnswerEngine;
  logger: Logger;
  delivery?: Partial<DeliveryOptions>;
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
export function createSlackApp({ config, engine, logger, delivery: deliveryOverrides }: SlackAppOptions): SlackApp {
  const delivery = { ...DEFAULT_DELIVERY, ...deliveryOverrides };
  const clientOptions = webClientOptions(delivery, config.slackApiUrl);
  const log = boltLogger(logger);
  let ready = false;

  const receiver: Receiver =
    config.mode === 'http'
      ? createHttpReceiver(config, log, () => ready)
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

  const deps = { engine, logger, delivery };
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
      return ready;
    },
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw explainStartFailure(error, config);
      }
      const started = (await (config.mode === 'http'
        ? app.start({ port: config.port, host: config.host })
        : app.start())) as unknown;
      ready = true;
      const address = config.mode === 'http' ? (started as Server).address() : null;
      return { port: address && typeof address === 'object' ? address.port : undefined };
    },
    async stop() {
      ready = false;
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
      { path: '/healthz', method: ['GET'], handler: (_req, res) => json(res, 200, { ok: true }) },
      { path: '/readyz', method: ['GET'], handler: (_req, res) => json(res, isReady() ? 200 : 503, { ready: isReady() }) },
    ],
  });
  guardRequestBodies(receiver, SLACK_ENDPOINT, BODY_LIMIT);
  return receiver;
}

function explainStartFailure(error: unknown, config: SlackConfig): Error {
  const code = (error as { data?: { error?: string } }).data?.error;
  if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'token_revoked') {
    return new ConfigError([
      `Slack refused SLACK_BOT_TOKEN (${code}): copy the current Bot User OAuth Token from your app's settings → OAuth & Permissions, and reinstall the app if it was revoked`,
    ]);
  }
  const where = config.slackApiUrl ?? 'https://slack.com/api/';
  return new Error(`Could not reach Slack's Web API at ${where} to check the bot token: ${(error as Error).message}`, {
    cause: error,
  });
}
