import { describe, expect, it } from 'vitest';
import { createRecording, type RecordingOptions } from '../../src/store/recording.js';
import type { StoredRecord } from '../../src/store/records.js';
import { realEngine } from '../helpers/knowledge.js';
import { capturedLogger } from '../helpers/log-lines.js';

const engine = realEngine();
const decision = engine.answer({ command: '/hr-mission', text: engine.knowledge.missions[0].id });
const event = { kind: 'request', surface: 'command', team: 'T1', user: 'U1', decision } as const;

const recordingWith = (write: RecordingOptions['write'], options: Partial<RecordingOptions> = {}) => {
  const log = capturedLogger();
  const recording = createRecording({ write, logger: log.logger, batchDelayMs: 5, reportEveryMs: 50, ...options });
  return { recording, lines: log.lines };
};

describe('the recording queue', () => {
  it('writes what is recorded in batches, off the caller’s path', async () => {
    const batches: StoredRecord[][] = [];
    const { recording } = recordingWith(
      async (batch) => {
        batches.push(batch);
      },
      { batchSize: 10 },
    );
    for (let i = 0; i < 25; i++) recording.record(event);
    expect(batches).toHaveLength(0);
    expect(await recording.close(2_000)).toBe(0);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(recording.stats).toMatchObject({ written: 25, dropped: 0 });
  });

  it('writes full batches one after another without waiting, so a busy bot does not outrun it; a partial batch waits to fill', async () => {
    const batches: StoredRecord[][] = [];
    const { recording } = recordingWith(
      async (batch) => {
        batches.push(batch);
      },
      // A partial batch waits a minute here: only full batches can be written during the test.
      { batchSize: 10, batchDelayMs: 60_000 },
    );
    for (let i = 0; i < 35; i++) recording.record(event);
    await expect.poll(() => recording.stats.written, { timeout: 5_000 }).toBe(30);
    expect(recording.stats.queued).toBe(5);
    expect(await recording.close(2_000)).toBe(0);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 10, 5]);
  });

  it('while the database fails, keeps at most its bound, counts and logs what it drops, and retries', async () => {
    let up = false;
    const written: StoredRecord[] = [];
    const { recording, lines } = recordingWith(
      async (batch) => {
        if (!up) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        written.push(...batch);
      },
      { maxQueued: 100, maxBackoffMs: 20 },
    );
    for (let i = 0; i < 1_000; i++) recording.record(event);
    await new Promise((r) => setTimeout(r, 150));
    expect(recording.stats.queued).toBeLessThanOrEqual(100);
    expect(recording.stats.dropped).toBe(900);
    expect(lines).toContainEqual(
      expect.objectContaining({ kind: 'recording', dropped: 900, msg: expect.stringContaining('dropped') }),
    );
    up = true;
    expect(await recording.close(2_000)).toBe(0);
    expect(written).toHaveLength(100);
  });

  it('a database that never answers does not hold up `record`, and closing gives up on time', async () => {
    const { recording } = recordingWith(() => new Promise(() => {}), { writeTimeoutMs: 50, maxQueued: 10 });
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) recording.record(event);
    expect(performance.now() - started).toBeLessThan(1_000);
    const closing = performance.now();
    expect(await recording.close(300)).toBeGreaterThan(0);
    expect(performance.now() - closing).toBeLessThan(1_000);
  });

  it('waits for the database to open, then writes each record once', async () => {
    let open!: () => void;
    const ready = new Promise<void>((resolve) => {
      open = resolve;
    });
    const written: StoredRecord[] = [];
    const { recording } = recordingWith(
      async (batch) => {
        written.push(...batch);
      },
      { ready, writeTimeoutMs: 20 },
    );
    for (let i = 0; i < 3; i++) recording.record(event);
    await new Promise((r) => setTimeout(r, 100));
    expect(written).toHaveLength(0);
    open();
    expect(await recording.close(2_000)).toBe(0);
    expect(written).toHaveLength(3);
  });

  it('a database that could not be opened: nothing is kept or retried, and every record is counted as dropped', async () => {
    let writes = 0;
    const { recording } = recordingWith(
      async () => {
        writes++;
      },
      { ready: Promise.reject(new Error('DATA_DIR is not empty')) },
    );
    recording.record(event);
    recording.record(event);
    await new Promise((r) => setTimeout(r, 50));
    recording.record(event);
    await new Promise((r) => setTimeout(r, 50));
    expect(writes).toBe(0);
    expect(recording.stats).toMatchObject({ queued: 0, written: 0, dropped: 3 });
    const closing = performance.now();
    expect(await recording.close(2_000)).toBe(0);
    expect(performance.now() - closing).toBeLessThan(500);
  });

  it('a batch still being written when closing is counted once: written, or dropped if it fails', async () => {
    for (const outcome of ['written', 'dropped'] as const) {
      let finish!: () => void;
      const { recording } = recordingWith(
        () =>
          new Promise<void>((resolve, reject) => {
            finish = () => (outcome === 'written' ? resolve() : reject(new Error('connection lost')));
          }),
        { batchSize: 2 },
      );
      for (let i = 0; i < 5; i++) recording.record(event);
      await new Promise((r) => setTimeout(r, 50));
      expect(await recording.close(50)).toBe(5);
      finish();
      await new Promise((r) => setTimeout(r, 10));
      const { written, dropped } = recording.stats;
      expect(written + dropped).toBe(5);
      expect(outcome === 'written' ? written : dropped).toBe(outcome === 'written' ? 2 : 5);
    }
  });
});
