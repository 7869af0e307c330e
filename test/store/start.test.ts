import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
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

/** The real opening, counted. */
function watchedOpening() {
  const opened = { count: 0 };
  const open: typeof openDatabase = (config) => {
    opened.count++;
    return openDatabase(config);
  };
  return { open, opened };
}

/** Lets every promise that can settle now settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the embedded database at start-up', () => {
  it('opens only once the bot is ready, and then writes what was recorded meanwhile', async () => {
    const { logger } = capturedLogger();
    const { open, opened } = watchedOpening();
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    const store = await startStore(IN_MEMORY, logger, { openPGliteAfter: ready, open });
    store.recording.record(request);
    await settle();
    expect(opened.count).toBe(0);

    markReady();
    await settle();
    expect(opened.count).toBe(1);
    await expect.poll(() => store.recording.stats.written, { timeout: 30_000 }).toBe(1);
    const figures = await (await store.reports()).figures(new Date(Date.now() - 60_000));
    expect(figures.usage).toEqual([{ id: mission, count: 1 }]);
    await store.close(5_000);
  }, 60_000);

  it('a bot stopped before it was ready stops its store, quietly, never having opened the database', async () => {
    const { logger, lines } = capturedLogger();
    const { open, opened } = watchedOpening();
    const store = await startStore(IN_MEMORY, logger, { openPGliteAfter: new Promise(() => {}), open });
    store.recording.record(request);
    await store.close(5_000);
    await settle();
    expect(opened.count).toBe(0);
    expect(lines.filter((line) => (line.level as number) >= 50)).toEqual([]);
  });
});
