import type { Logger } from 'pino';
import type { AnswerEngine } from '../answer/engine.js';
import type { Recording } from '../store/recording.js';
import type { Reports } from '../store/reports.js';
import type { DeliveryOptions } from './delivery.js';
import type { EventCapacity } from './event-capacity.js';
import type { TokenHealth } from './token-health.js';

/** What every listener is given: the engine (current one, as the knowledge can be reloaded), a logger, the delivery bounds. */
export interface ListenerDeps {
  engine: () => AnswerEngine;
  logger: Logger;
  delivery: DeliveryOptions;
  /** Where requests and feedback go (queued; never waits). */
  recording: Recording;
  /** The editors' figures, once the database is open; undefined when nothing is recorded. */
  reports?: () => Promise<Reports>;
  /** Slack user ids who see the Editors section of the Home tab. */
  editors: string[];
  /** Whether Slack still accepts the bot token; failed replies report to it. */
  tokenHealth: TokenHealth;
  /** How many events are answered at once and wait at most (tests and the bench set it). */
  eventCapacity?: EventCapacity;
}
