import { ExpiringMap } from './expiring-map.js';

/**
 * Remembers the event ids already taken, so that Slack's retries and repeated deliveries
 * never make a second reply. Bolt acknowledges events but does not deduplicate them.
 */
export class EventDeduper {
  private readonly seen: ExpiringMap<true>;

  constructor(ttlMs = 60 * 60 * 1000, maxSize = 50_000) {
    this.seen = new ExpiringMap(ttlMs, maxSize);
  }

  /** True the first time an id is offered within the time to live. */
  firstTime(eventId: string, now = Date.now()): boolean {
    if (this.seen.has(eventId, now)) return false;
    this.seen.set(eventId, true, now);
    return true;
  }
}
