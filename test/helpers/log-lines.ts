import { Writable } from 'node:stream';
import { pino } from 'pino';

/** A pino logger at info level whose lines are kept, parsed, for a test to read. */
export function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  return { logger, lines };
}
