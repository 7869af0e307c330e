import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { aboutAfter } from '../answer/conversation.js';
import type { AnswerEngine } from '../answer/engine.js';
import { renderDecision } from '../render/message.js';
import { renderForTerminal } from '../render/terminal.js';
import type { Recording } from '../store/recording.js';
import { parseConsoleLine } from './console-line.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  logger: Logger;
  /** Where the console records what it is asked (surface `console`), like the bot in Slack. */
  recording?: Recording;
  /** Ends the console as the end of its input does (a signal: the terminal closed, a supervisor stops it). */
  stop?: AbortSignal;
}

const BANNER = `hr-mission-bot console: no Slack credentials are set, so I answer here.
Type /hr-mission MINUSCA, /hr-story Kosovo, /hr-mission help, or a question. "exit" or Ctrl-D leaves.
`;

/** The local console: the same commands and answers as in Slack, in the terminal. Resolves at end of input. */
export function runConsole(
  engine: () => AnswerEngine,
  { input, output, logger, recording, stop }: ConsoleOptions,
): Promise<void> {
  const interactive = Boolean(input.isTTY);
  const lines = createInterface({ input, output: interactive ? output : undefined, prompt: 'hr> ', terminal: interactive });
  stop?.addEventListener('abort', () => lines.close(), { once: true });
  if (interactive) {
    output.write(BANNER);
    lines.prompt();
  }
  // The console is one conversation: a follow-up ("is it still active?") is about the last entry found.
  let about: string | undefined;
  lines.on('line', (line) => {
    const parsed = parseConsoleLine(line);
    if ('exit' in parsed) {
      lines.close();
      return;
    }
    if ('ok' in parsed) {
      const started = performance.now();
      if (parsed.ok) {
        const decision = engine().answer(about ? { ...parsed.request, context: { entryId: about } } : parsed.request);
        about = aboutAfter(decision, about);
        output.write(`${renderForTerminal(renderDecision(decision))}\n\n`);
        recording?.record({ kind: 'request', surface: 'console', decision });
        logger.info(
          {
            kind: 'console',
            command: parsed.request.command,
            status: decision.status,
            results: decision.results.map((r) => r.entry.id),
            ms: performance.now() - started,
          },
          'answered',
        );
      } else {
        output.write(`Sorry, ${parsed.error}.\n\n`);
      }
    }
    if (interactive) lines.prompt();
  });
  return new Promise((resolve) => lines.once('close', resolve));
}
