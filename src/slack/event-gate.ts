import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Dedupe } from './dedupe.js';
import { deliveryKey } from './delivery-key.js';
import { DEFAULT_EVENT_CAPACITY, type EventCapacity, withinCapacity } from './event-capacity.js';
import type { Metrics } from './metrics.js';

/** How every event listener lets an event in: mentions, direct messages, the Home tab and the assistant panel. */
export interface EventGate {
  /** False for an event already taken (Slack's retry of it, or a second delivery): logged and counted as skipped. */
  firstTime(body: Parameters<typeof deliveryKey>[0], name: string): Promise<boolean>;
  /**
   * An event's first delivery only, then within one bound on the events being answered at once and
   * waiting, shared by every event listener: a retry never takes or waits for a place.
   */
  admit(name?: string): Middleware<SlackEventMiddlewareArgs>;
}

export function createEventGate(
  { dedupe, metrics, logger }: { dedupe: Dedupe; metrics: Metrics; logger: Logger },
  capacity: EventCapacity = DEFAULT_EVENT_CAPACITY,
): EventGate {
  const withinBound = withinCapacity(capacity, logger);
  const firstTime: EventGate['firstTime'] = async (body, name) => {
    const key = deliveryKey(body);
    if (key === undefined || (await dedupe.firstTime(key))) return true;
    metrics.duplicateEvents.inc();
    logger.info({ kind: 'event', name, event_id: body.event_id, status: 'skipped' }, 'handled');
    return false;
  };
  return {
    firstTime,
    admit: (name) => async (args) => {
      if (await firstTime(args.body, name ?? args.body.event.type)) await withinBound(args);
    },
  };
}
