/**
 * Remembers the event ids already taken, so that Slack's retries and repeated deliveries
 * never make a second reply. Bolt acknowledges events but does not deduplicate them.
 */
export class EventDeduper {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly maxSize = 50_000,
  ) {}

  /** True the first time an id is offered within the time to live. */
  firstTime(eventId: string, now = Date.now()): boolean {
    this.forgetExpired(now);
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, now + this.ttlMs);
    if (this.seen.size > this.maxSize) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  private forgetExpired(now: number) {
    for (const [id, expires] of this.seen) {
      if (expires > now) break;
      this.seen.delete(id);
    }
  }
}
