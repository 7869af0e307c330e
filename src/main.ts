import { createAnswerEngine } from './answer/engine.js';
import { runConsole } from './cli/console.js';
import { runOrExit } from './cli/run-or-exit.js';
import { loadEnv, readConfig } from './config/env.js';
import { createLogger } from './config/logger.js';
import { fileIndexStore } from './knowledge/index-store.js';
import { loadKnowledge } from './knowledge/load.js';
import { knowledgeVersion } from './knowledge/version.js';
import { watchKnowledge } from './knowledge/watch.js';
import { eventDedupe } from './slack/dedupe.js';
import { createMetrics } from './slack/metrics.js';

/** Time allowed for in-flight requests to finish on SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 4_000;

runOrExit(async () => {
  const config = readConfig(loadEnv());
  const logger = createLogger(config.logLevel, config.mode === 'console' ? process.stderr : undefined);
  const started = performance.now();
  const indexStore = fileIndexStore();
  const metrics = createMetrics({ processMetrics: true });
  const knowledge = loadKnowledge(config.knowledgeDir);
  metrics.knowledgeLoaded(knowledgeVersion(knowledge));
  let engine = createAnswerEngine(knowledge, { indexStore });
  const current = () => engine;
  const watcher = watchKnowledge(config.knowledgeDir, {
    onReload(knowledge, loadMs) {
      const indexing = performance.now();
      engine = createAnswerEngine(knowledge, { indexStore });
      const ms = Math.round(loadMs + performance.now() - indexing);
      const version = knowledgeVersion(knowledge);
      metrics.knowledgeReloads.inc({ status: 'reloaded' });
      metrics.knowledgeLoaded(version);
      logger.info(
        { kind: 'knowledge', status: 'reloaded', stories: knowledge.stories.length, version, ms },
        'knowledge reloaded',
      );
    },
    onInvalid(error) {
      metrics.knowledgeReloads.inc({ status: 'invalid' });
      logger.error(
        { kind: 'knowledge', status: 'invalid', problems: error.problems },
        'knowledge edit is invalid; still answering from the last good version',
      );
    },
  });

  if (config.mode === 'console') {
    await runConsole(current, { input: process.stdin, output: process.stdout, logger });
    watcher.close();
    return 0;
  }

  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  // Loaded only here: the console has no use for Bolt, which takes a third of a second to load.
  const { createSlackApp } = await import('./slack/app.js');
  const dedupe = await eventDedupe(config, logger, metrics).catch((error: unknown) => {
    watcher.close();
    throw error;
  });
  const slack = createSlackApp({ config, engine: current, logger, dedupe, metrics });
  const { port } = await slack.start();
  const shared = config.redisUrl ? 'redis' : 'memory';
  logger.info({ mode: config.mode, port, dedupe: shared, ms: Math.round(performance.now() - started) }, 'ready');

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'stopping');
      setTimeout(() => {
        logger.warn('in-flight requests did not finish in time; exiting anyway');
        process.exit(0);
      }, SHUTDOWN_GRACE_MS).unref();
      watcher.close();
      slack
        .stop()
        .finally(() => dedupe.close())
        .then(resolve, (error) => {
          logger.error({ err: error }, 'error while stopping');
          resolve();
        });
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  });
  return 0;
});
