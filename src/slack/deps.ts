import type { Logger } from 'pino';
import type { AnswerEngine } from '../answer/engine.js';
import type { DeliveryOptions } from './delivery.js';
import type { EventCapacity } from './event-capacity.js';
import type { TokenHealth } from './token-health.js';

/** What every listener is given: the engine (current one, as the knowledge can be reloaded), a logger, the delivery bounds. */
export interface ListenerDeps {
  engine: () => AnswerEngine;
  logger: Logger;
  delivery: DeliveryOptions;
  /** Whether Slack still accepts the bot token; failed replies report to it. */
  tokenHealth: TokenHealth;
  /** How many events are answered at once and wait at most (tests and the bench set it). */
  eventCapacity?: EventCapacity;
}
