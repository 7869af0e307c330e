import { ConfigError } from '../config/env.js';
import { KnowledgeError } from '../knowledge/problems.js';
import { DatabaseStartError } from '../store/errors.js';

/**
 * Runs a command-line entry point. Problems people can fix (settings, knowledge files)
 * are printed as they are, without a stack trace; the exit code says what happened.
 */
export function runOrExit(main: () => Promise<number | undefined>): void {
  // The reader went away (`npm run ask -- --jsonl … | head -1`): there is no one left to answer.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof KnowledgeError || error instanceof ConfigError || error instanceof DatabaseStartError) {
        process.stderr.write(`${error.message}\n`);
      } else {
        process.stderr.write(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
      // Exit now: a half-started process (a watcher, a socket) must not linger after its message.
      process.exit(1);
    },
  );
}
