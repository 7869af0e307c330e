/**
 * A map whose keys are forgotten a fixed time after they were last set, and whose oldest keys
 * give way past a size, so that what a replica keeps in memory stays bounded.
 */
export class ExpiringMap<V> {
  private readonly items = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSize: number,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    this.forgetExpired(now);
    return this.items.get(key)?.value;
  }

  has(key: string, now = Date.now()): boolean {
    this.forgetExpired(now);
    return this.items.has(key);
  }

  set(key: string, value: V, now = Date.now()): void {
    // Set again, a key moves to the end: the map stays in the order the keys expire.
    this.items.delete(key);
    this.items.set(key, { value, expires: now + this.ttlMs });
    if (this.items.size > this.maxSize) {
      const oldest = this.items.keys().next().value;
      if (oldest !== undefined) this.items.delete(oldest);
    }
  }

  delete(key: string): void {
    this.items.delete(key);
  }

  private forgetExpired(now: number) {
    for (const [key, { expires }] of this.items) {
      if (expires > now) break;
      this.items.delete(key);
    }
  }
}
