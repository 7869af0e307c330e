import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dedupe } from '../../src/slack/dedupe.js';
import { connectRedisState } from '../../src/slack/redis-state.js';
import { capturedLogger } from '../helpers/log-lines.js';
import { NO_REDIS_MESSAGE, REDIS_URL, redisScope } from '../helpers/redis.js';

/** Redis through a TCP relay that the test can cut and restore, as a network failure would. */
class Relay {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  async open(): Promise<this> {
    this.server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 6379), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => {});
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    this.server.listen(this.port, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  cut() {
    this.server?.close();
    for (const socket of this.sockets) socket.destroy();
  }
}

/** Offers events until the bot says Redis answers again (ioredis reconnects on its own schedule), for at most 8 s. */
async function untilRedisAnswersAgain(dedupe: Dedupe, lines: { msg: string }[]) {
  const deadline = Date.now() + 8_000;
  while (lines.every((l) => !l.msg.includes('answers again')) && Date.now() < deadline) {
    await dedupe.firstTime(`Ev-probe-${Date.now()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!REDIS_URL)(REDIS_URL ? 'Redis failing while the bot runs' : NO_REDIS_MESSAGE, () => {
  const scope = redisScope(REDIS_URL as string);
  afterAll(() => scope.clean());

  it('answers every event meanwhile, catches retries on the same replica (of events taken before the outage too), warns once and counts each look-up', async () => {
    const relay = await new Relay(new URL(REDIS_URL as string)).open();
    const { logger, lines } = capturedLogger();
    let unavailable = 0;
    const shared = await connectRedisState(`redis://127.0.0.1:${relay.port}`, {
      logger,
      keyPrefix: scope.keyPrefix,
      onUnavailable: () => unavailable++,
    });
    const { dedupe } = shared;
    try {
      expect(await dedupe.firstTime('Ev1')).toBe(true);
      expect(await dedupe.firstTime('Ev1')).toBe(false);

      relay.cut();
      // A retry of an event taken through Redis before the outage is still caught here.
      expect(await dedupe.firstTime('Ev1')).toBe(false);
      expect(await dedupe.firstTime('Ev2')).toBe(true);
      expect(await dedupe.firstTime('Ev2')).toBe(false);
      expect(await dedupe.firstTime('Ev3')).toBe(true);
      expect(unavailable).toBe(4);
      expect(lines.filter((l) => l.level === 40)).toHaveLength(1);

      await relay.open();
      await untilRedisAnswersAgain(dedupe, lines);
      expect(await dedupe.firstTime('Ev1')).toBe(false);
      expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
    } finally {
      await shared.close();
      relay.cut();
    }
  });

  it('keeps what each conversation was about in this replica meanwhile, and after', async () => {
    const relay = await new Relay(new URL(REDIS_URL as string)).open();
    const { logger, lines } = capturedLogger();
    const { conversations, dedupe, close } = await connectRedisState(`redis://127.0.0.1:${relay.port}`, {
      logger,
      keyPrefix: scope.keyPrefix,
    });
    try {
      await conversations.remember('T1:C1:1.1', 'MINUSTAH');
      // After a choice between missions a conversation is about none of them.
      await conversations.remember('T1:C1:4.4', 'UNAMID');
      await conversations.remember('T1:C1:4.4', undefined);
      expect(await conversations.about('T1:C1:4.4')).toBeUndefined();
      relay.cut();
      expect(await conversations.about('T1:C1:1.1')).toBe('MINUSTAH');
      await conversations.remember('T1:C1:2.2', 'UNMIK');
      expect(await conversations.about('T1:C1:2.2')).toBe('UNMIK');
      expect(await conversations.about('T1:C1:3.3')).toBeUndefined();
      expect(lines.filter((l) => l.level === 40)).toHaveLength(1);

      await relay.open();
      await untilRedisAnswersAgain(dedupe, lines);
      // Remembered only here during the outage, and still found once Redis answers again.
      expect(await conversations.about('T1:C1:2.2')).toBe('UNMIK');
    } finally {
      await close();
      relay.cut();
    }
  });
});
