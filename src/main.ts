import { createLiveEngine } from './answer/live-engine.js';
import { runConsole } from './cli/console.js';
import { runOrExit } from './cli/run-or-exit.js';
import { loadEnv, readConfig } from './config/env.js';
import { createLogger } from './config/logger.js';
import { onceAMinute } from './config/once-a-minute.js';
import { fileIndexStore } from './knowledge/index-store.js';
import { watchFolder } from './knowledge/watch.js';

/** Time allowed for in-flight requests to finish on SIGTERM, SIGINT or SIGHUP before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 4_000;

runOrExit(async () => {
  const config = readConfig(loadEnv());
  const logger = createLogger(config.logLevel, config.mode === 'console' ? process.stderr : undefined);
  const started = performance.now();
  const live = createLiveEngine(config.knowledgeDir, {
    indexStore: fileIndexStore(),
    onReloaded(knowledge, ms) {
      logger.info({ kind: 'knowledge', status: 'reloaded', stories: knowledge.stories.length, ms }, 'knowledge reloaded');
    },
    onInvalid(error) {
      logger.error(
        { kind: 'knowledge', status: 'invalid', problems: error.problems },
        'knowledge edit is invalid; still answering from the last good version',
      );
    },
  });
  const watchError = onceAMinute();
  const watcher = watchFolder(config.knowledgeDir, {
    onChange: () => void live.reload(),
    onError(error) {
      watchError((suppressed) =>
        logger.warn(
          { kind: 'knowledge', status: 'watch_error', err: error, suppressed },
          'the knowledge folder could not be watched for a moment; watching it afresh',
        ),
      );
    },
  });

  if (config.mode === 'console') {
    await runConsole(live.current, { input: process.stdin, output: process.stdout, logger });
    await watcher.close();
    return 0;
  }

  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  // Loaded only here: the console has no use for Bolt, which takes a third of a second to load.
  const { createSlackApp } = await import('./slack/app.js');
  const slack = createSlackApp({ config, engine: live.current, logger });
  const { port } = await slack.start();
  logger.info({ mode: config.mode, port, ms: Math.round(performance.now() - started) }, 'ready');

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'stopping');
      setTimeout(() => {
        logger.warn('in-flight requests did not finish in time; exiting anyway');
        process.exit(0);
      }, SHUTDOWN_GRACE_MS).unref();
      Promise.all([watcher.close(), slack.stop()]).then(
        () => resolve(),
        (error) => {
          logger.error({ err: error }, 'error while stopping');
          resolve();
        },
      );
    };
    // SIGHUP (a closed terminal, or a supervisor's stop) stops the bot cleanly too; knowledge edits reload by themselves.
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, shutdown);
  });
  return 0;
});
