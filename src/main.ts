import { createAnswerEngine } from './answer/engine.js';
import { runConsole } from './cli/console.js';
import { runOrExit } from './cli/run-or-exit.js';
import { loadEnv, readConfig } from './config/env.js';
import { createLogger } from './config/logger.js';
import { fileIndexStore } from './knowledge/index-store.js';
import { loadKnowledge } from './knowledge/load.js';
import { watchKnowledge } from './knowledge/watch.js';
import { startStore } from './store/store.js';

/** Time allowed for in-flight requests to finish on SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 4_000;
/** Kept back from the grace when flushing the recording queue, so the process exits by itself. */
const RECORDING_FLUSH_MARGIN_MS = 300;

runOrExit(async () => {
  const config = readConfig(loadEnv());
  const logger = createLogger(config.logLevel, config.mode === 'console' ? process.stderr : undefined);
  const started = performance.now();
  const store = config.store && (await startStore(config.store, logger));
  const indexStore = fileIndexStore();
  let engine = createAnswerEngine(loadKnowledge(config.knowledgeDir), { indexStore });
  const current = () => engine;
  const watcher = watchKnowledge(config.knowledgeDir, {
    onReload(knowledge, loadMs) {
      const indexing = performance.now();
      engine = createAnswerEngine(knowledge, { indexStore });
      const ms = Math.round(loadMs + performance.now() - indexing);
      logger.info({ kind: 'knowledge', status: 'reloaded', stories: knowledge.stories.length, ms }, 'knowledge reloaded');
    },
    onInvalid(error) {
      logger.error(
        { kind: 'knowledge', status: 'invalid', problems: error.problems },
        'knowledge edit is invalid; still answering from the last good version',
      );
    },
  });

  if (config.mode === 'console') {
    await runConsole(current, { input: process.stdin, output: process.stdout, logger, recording: store?.recording });
    watcher.close();
    await store?.close(SHUTDOWN_GRACE_MS);
    return 0;
  }

  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  // Loaded only here: the console has no use for Bolt, which takes a third of a second to load.
  const { createSlackApp } = await import('./slack/app.js');
  const slack = createSlackApp({ config, engine: current, logger, recording: store?.recording, reports: store?.reports });
  const { port } = await slack.start();
  logger.info({ mode: config.mode, port, ms: Math.round(performance.now() - started) }, 'ready');

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'stopping');
      const stopping = performance.now();
      setTimeout(() => {
        logger.warn('in-flight requests did not finish in time; exiting anyway');
        process.exit(0);
      }, SHUTDOWN_GRACE_MS).unref();
      watcher.close();
      slack
        .stop()
        .catch((error) => logger.error({ err: error }, 'error while stopping'))
        // What the last requests recorded is written within what is left of the grace.
        .then(() => store?.close(SHUTDOWN_GRACE_MS - RECORDING_FLUSH_MARGIN_MS - (performance.now() - stopping)))
        .then(resolve);
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  });
  return 0;
});
