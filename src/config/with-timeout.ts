/**
 * The promise, or a rejection once `ms` have passed without it settling (it is not cancelled):
 * "no answer from <what>", or the error `timedOut` makes.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, timedOut: string | (() => Error) = 'the database'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(typeof timedOut === 'string' ? new Error(`no answer from ${timedOut} within ${Math.round(ms)} ms`) : timedOut()),
      Math.max(0, ms),
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
