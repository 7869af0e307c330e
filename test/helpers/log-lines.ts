import { Writable } from 'node:stream';
import { type DestinationStream, type Logger, pino } from 'pino';

export type LogLine = Record<string, unknown> & { level: number; msg: string };

/**
 * A logger (pino at info level unless made otherwise) whose lines are kept, parsed, for a test
 * to read; `text()` gives them as written, to look for what must never be logged.
 */
export function capturedLogger(make: (stream: DestinationStream) => Logger = (stream) => pino({ level: 'info' }, stream)) {
  const lines: LogLine[] = [];
  let written = '';
  const logger = make(
    new Writable({
      write(chunk, _enc, done) {
        written += chunk;
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  return { logger, lines, text: () => written };
}
