import type { Logger } from 'pino';
import type { AnswerEngine } from '../answer/engine.js';
import type { Recording } from '../store/recording.js';
import type { Reports } from '../store/reports.js';
import type { Conversations } from './conversations.js';
import type { DeliveryOptions } from './delivery.js';
import type { EventGate } from './event-gate.js';
import type { Metrics } from './metrics.js';
import type { TokenHealth } from './token-health.js';

/**
 * What every listener is given: the engine (current one, as the knowledge can be reloaded), a logger,
 * the delivery bounds, the way events are let in and the metrics.
 */
export interface ListenerDeps {
  engine: () => AnswerEngine;
  logger: Logger;
  /**
   * The logger of the one line per request. That line holds only ids, statuses and timings, never
   * a secret, so it skips the logger's redaction, which searches every field of a line for secrets
   * and took two thirds of the line's cost.
   */
  requestLog: Logger;
  delivery: DeliveryOptions;
  /** Whether Slack still accepts the bot token; failed replies report to it. */
  tokenHealth: TokenHealth;
  /** Skips Slack's retries of an event and bounds the events answered at once. */
  events: EventGate;
  /** What each thread or direct message was last about, for its follow-ups. */
  conversations: Conversations;
  metrics: Metrics;
  /** Where requests and feedback go (queued; never waits). */
  recording: Recording;
  /** The editors' figures, once the database is open; undefined when nothing is recorded. */
  reports?: () => Promise<Reports>;
  /** Slack user ids who see the Editors section of the Home tab. */
  editors: string[];
}
