import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Work written as a generator that yields between small units (a file, an entry) can run in one go
 * (start-up, the CLI) or in slices that give the event loop back (a reload while the bot answers).
 */
export type Steps<T> = Generator<void, T, void>;

export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, yielding to the event loop whenever a slice has taken `sliceMs`. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = 10): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

/** Maps a list a step per item. */
export function* mapInSteps<A, B>(items: readonly A[], map: (item: A) => B): Steps<B[]> {
  const mapped: B[] = [];
  for (const item of items) {
    yield;
    mapped.push(map(item));
  }
  return mapped;
}
