import { ConfigError } from '../config/env.js';
import { KnowledgeError } from '../knowledge/problems.js';
import { DatabaseStartError } from '../store/errors.js';

/**
 * Runs a command-line entry point. Problems people can fix (settings, knowledge files)
 * are printed as they are, without a stack trace; the exit code says what happened.
 */
export function runOrExit(main: () => Promise<number | undefined>): void {
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
