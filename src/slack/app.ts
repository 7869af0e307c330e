import type { Server } from 'node:http';
import {
  App,
  type Logger as BoltLogger,
  HTTPReceiver,
  type HTTPReceiverOptions,
  type InstallationStore,
  type Receiver,
  SocketModeReceiver,
} from '@slack/bolt';
import type { Logger } from 'pino';
import type { AnswerEngine } from '../answer/engine.js';
import type { Config } from '../config/env.js';
import { noRecording, type Recording } from '../store/recording.js';
import type { Reports } from '../store/reports.js';
import { guardRequestBodies } from './body-guard.js';
import { boltLogger } from './bolt-logger.js';
import { type Conversations, memoryConversations } from './conversations.js';
import { type Dedupe, memoryDedupe } from './dedupe.js';
import { DEFAULT_DELIVERY, type DeliveryOptions, webClientOptions } from './delivery.js';
import type { EventCapacity } from './event-capacity.js';
import { createEventGate } from './event-gate.js';
import { registerActions } from './listeners/actions.js';
import { registerAssistant } from './listeners/assistant.js';
import { registerCommands } from './listeners/commands.js';
import { registerFeedback } from './listeners/feedback.js';
import { registerMessages } from './listeners/messages.js';
import { registerShortcut } from './listeners/shortcut.js';
import { registerTypeAhead } from './listeners/type-ahead.js';
import { registerWorkflowStep } from './listeners/workflow-step.js';
import { createMetrics, type Metrics } from './metrics.js';
import { installerReceiverOptions, registerUninstall } from './oauth.js';
import { type ProbeServer, probeRoutes, startProbeServer } from './probe-server.js';
import { explainStartFailure, withinStartDeadline } from './start-failure.js';
import { onlyTeam } from './team-gate.js';
import { createTokenHealth } from './token-health.js';

export type SlackConfig = Exclude<Config, { mode: 'console' }>;

export interface SlackAppOptions {
  config: SlackConfig;
  engine: () => AnswerEngine;
  logger: Logger;
  delivery?: Partial<DeliveryOptions>;
  /** Shared through Redis when several replicas run; this process's memory by default. */
  dedupe?: Dedupe;
  /** What each thread or direct message was about; shared like `dedupe`. */
  conversations?: Conversations;
  metrics?: Metrics;
  /** Where requests and feedback are recorded; absent, nothing is. */
  recording?: Recording;
  reports?: () => Promise<Reports>;
  /** Where OAuth installations are kept; needed when the config has OAuth settings. */
  installationStore?: InstallationStore;
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
  dedupe = memoryDedupe(),
  conversations = memoryConversations(),
  metrics = createMetrics(),
  recording = noRecording,
  reports,
  installationStore,
  eventCapacity,
}: SlackAppOptions): SlackApp {
  const delivery = { ...DEFAULT_DELIVERY, ...deliveryOverrides, observer: metrics.webApiObserver() };
  const clientOptions = webClientOptions(delivery, config.slackApiUrl);
  const log = boltLogger(logger);
  const oauth = config.mode === 'http' ? config.oauth : undefined;
  const tokenHealth = createTokenHealth(logger, { perWorkspace: oauth !== undefined });
  let probes: ProbeServer | undefined;
  let started = false;
  let tokenTeam: string | undefined;
  const isReady = () => started && !tokenHealth.refused;

  if (oauth && !installationStore) throw new Error('OAuth settings need an installation store');
  const installer = oauth && installationStore && installerReceiverOptions(oauth, installationStore, clientOptions);
  const receiver: Receiver =
    config.mode === 'http'
      ? createHttpReceiver(config, log, isReady, metrics, installer)
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

  // With OAuth any installed workspace is served: Bolt's authorize refuses the others.
  app.use(onlyTeam(() => tokenTeam, { logger, metrics }));
  if (installationStore && oauth) registerUninstall(app, installationStore, logger);
  const deps = {
    engine,
    logger,
    requestLog: logger.child({}, { redact: [] }),
    delivery,
    tokenHealth,
    events: createEventGate({ dedupe, metrics, logger }, eventCapacity),
    conversations,
    metrics,
    recording,
    reports,
    editors: config.editors ?? [],
  };
  registerCommands(app, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
  registerFeedback(app, deps);
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
          // Bolt's init checks the token with its own auth.test; the team is read from a second, sent alongside.
          const [team] = await Promise.all([oauth ? undefined : app.client.auth.test().then((r) => r.team_id), app.init()]);
          tokenTeam = team;
        } catch (error) {
          throw explainStartFailure(error, config, 'bot token');
        }
        try {
          return (await (config.mode === 'http' ? app.start({ port: config.port, host: config.host }) : app.start())) as unknown;
        } catch (error) {
          throw explainStartFailure(error, config, 'connect');
        }
      }, config);
      if (config.mode === 'socket' && config.metricsPort !== undefined) {
        probes = await startProbeServer({ port: config.metricsPort, host: config.host }, metrics, isReady);
      }
      started = true;
      const address = config.mode === 'http' ? (listening as Server).address() : null;
      return { port: address && typeof address === 'object' ? address.port : probes?.port };
    },
    async stop() {
      started = false;
      await app.stop();
      await probes?.close();
    },
  };
}

/** Slack's endpoint at /slack/events, beside /healthz (alive), /readyz (knowledge loaded, app started) and /metrics. */
function createHttpReceiver(
  config: Extract<SlackConfig, { mode: 'http' }>,
  logger: BoltLogger,
  isReady: () => boolean,
  metrics: Metrics,
  installer: Partial<HTTPReceiverOptions> | undefined,
): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: SLACK_ENDPOINT,
    logger,
    bodyLimit: BODY_LIMIT,
    ...installer,
    customRoutes: probeRoutes(metrics, isReady),
  });
  guardRequestBodies(receiver, SLACK_ENDPOINT, BODY_LIMIT);
  return receiver;
}
