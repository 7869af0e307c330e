import { describe, expect, it } from 'vitest';
import { startStore } from '../../src/store/store.js';
import { realEngine } from '../helpers/knowledge.js';
import { capturedLogger } from '../helpers/log-lines.js';

const engine = realEngine();
const mission = engine.knowledge.missions[0].id;
const request = {
  kind: 'request',
  surface: 'command',
  team: 'T1',
  user: 'U1',
  decision: engine.answer({ command: '/hr-mission', text: mission }),
} as const;
// PGlite with no folder: in memory.
const IN_MEMORY = { dataDir: '', retentionDays: 90 };
const OPENED = 'recording to the database';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the embedded database at start-up', () => {
  it('opens only once the bot is ready, and then writes what was recorded meanwhile', async () => {
    // How long PGlite takes to open here, when nothing holds it back.
    const free = capturedLogger();
    const started = performance.now();
    const unheld = await startStore(IN_MEMORY, free.logger);
    await expect.poll(() => free.lines.some((line) => line.msg === OPENED), { timeout: 30_000 }).toBe(true);
    const openingMs = performance.now() - started;
    await unheld.close(5_000);

    const { logger, lines } = capturedLogger();
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    const store = await startStore(IN_MEMORY, logger, { openPGliteAfter: ready });
    store.recording.record(request);
    await sleep(2 * openingMs);
    expect(lines.map((line) => line.msg)).not.toContain(OPENED);
    expect(store.recording.stats.written).toBe(0);

    markReady();
    await expect.poll(() => store.recording.stats.written, { timeout: 30_000 }).toBe(1);
    const figures = await (await store.reports()).figures(new Date(Date.now() - 60_000));
    expect(figures.usage).toEqual([{ id: mission, count: 1 }]);
    await store.close(5_000);
  }, 90_000);

  it('a bot stopped before it was ready stops its store at once, quietly, never having opened the database', async () => {
    const { logger, lines } = capturedLogger();
    const store = await startStore(IN_MEMORY, logger, { openPGliteAfter: new Promise(() => {}) });
    store.recording.record(request);
    // Far longer than the test's own time limit: a close that waited for the database would fail it.
    await store.close(60_000);
    expect(lines.filter((line) => (line.level as number) >= 50)).toEqual([]);
    expect(lines.map((line) => line.msg)).not.toContain(OPENED);
  });
});
