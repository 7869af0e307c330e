import { Writable } from 'node:stream';
import { type DestinationStream, type Logger, pino } from 'pino';

/** A logger (pino at info level unless made otherwise) whose lines are kept, parsed, for a test to read. */
export function capturedLogger(make: (stream: DestinationStream) => Logger = (stream) => pino({ level: 'info' }, stream)) {
  const lines: Record<string, unknown>[] = [];
  const logger = make(
    new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  return { logger, lines };
}
