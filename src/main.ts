import { createLiveEngine } from './answer/live-engine.js';
import { runConsole } from './cli/console.js';
import { runOrExit } from './cli/run-or-exit.js';
import { BUILD_ID } from './config/build-id.js';
import { loadEnv, readConfig } from './config/env.js';
import { createLogger } from './config/logger.js';
import { onceAMinute } from './config/once-a-minute.js';
import { fileIndexStore } from './knowledge/index-store.js';
import { cachedKnowledgeReader } from './knowledge/knowledge-cache.js';
import { knowledgeVersion } from './knowledge/version.js';
import { watchFolder } from './knowledge/watch.js';
import { createMetrics } from './slack/metrics.js';
import { sharedState } from './slack/shared-state.js';
import { installationStoreOn } from './store/installations.js';
import { startStore } from './store/store.js';

/** Time allowed for in-flight requests to finish on SIGTERM, SIGINT or SIGHUP before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 4_000;
/** Longest the console waits, at its end, for what it recorded to be written (PGlite's first start takes seconds). */
const CONSOLE_FLUSH_MS = 30_000;
/** Kept back from the grace when flushing the recording queue, so the process exits by itself. */
const RECORDING_FLUSH_MARGIN_MS = 300;

runOrExit(async () => {
  const config = readConfig(loadEnv());
  const logger = createLogger(config.logLevel, config.mode === 'console' ? process.stderr : undefined);
  const started = performance.now();
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  // With OAuth every request reads its workspace's installation from the database: it opens at once.
  const openAtOnce = config.mode === 'console' || (config.mode === 'http' && config.oauth !== undefined);
  const store = config.store && (await startStore(config.store, logger, { openPGliteAfter: openAtOnce ? undefined : ready }));
  const metrics = createMetrics({ processMetrics: true, recording: store ? () => store.recording.stats : undefined });
  const live = await createLiveEngine(config.knowledgeDir, {
    indexStore: fileIndexStore(),
    // Built code only: under tsx, the code that reads the knowledge has no id to key it by.
    readAtStart: BUILD_ID ? cachedKnowledgeReader(BUILD_ID) : undefined,
    onReloaded(knowledge, ms) {
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
  metrics.knowledgeLoaded(knowledgeVersion(live.current().knowledge));
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
    // A closed terminal or a supervisor's stop ends the console as "exit" does: what it recorded is written first.
    const stop = new AbortController();
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => stop.abort());
    await runConsole(live.current, {
      input: process.stdin,
      output: process.stdout,
      logger,
      recording: store?.recording,
      stop: stop.signal,
    });
    await watcher.close();
    await store?.close(CONSOLE_FLUSH_MS, { waitForOpen: true });
    return 0;
  }

  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  // Loaded only here: the console has no use for Bolt, which takes a third of a second to load.
  const { createSlackApp } = await import('./slack/app.js');
  const shared = await sharedState(config, logger, metrics);
  const slack = createSlackApp({
    config,
    engine: live.current,
    logger,
    dedupe: shared.dedupe,
    conversations: shared.conversations,
    metrics,
    recording: store?.recording,
    reports: store?.reports,
    installationStore:
      config.mode === 'http' && config.oauth && store
        ? installationStoreOn(store.database(), config.oauth.clientSecret)
        : undefined,
  });
  const { port } = await slack.start();
  markReady();
  logger.info(
    { mode: config.mode, port, dedupe: config.redisUrl ? 'redis' : 'memory', ms: Math.round(performance.now() - started) },
    'ready',
  );

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'stopping');
      const stopping = performance.now();
      setTimeout(() => {
        logger.warn('in-flight requests did not finish in time; exiting anyway');
        process.exit(0);
      }, SHUTDOWN_GRACE_MS).unref();
      Promise.all([watcher.close(), slack.stop().finally(() => shared.close())])
        .catch((error) => logger.error({ err: error }, 'error while stopping'))
        // What the last requests recorded is written within what is left of the grace.
        .then(() => store?.close(SHUTDOWN_GRACE_MS - RECORDING_FLUSH_MARGIN_MS - (performance.now() - stopping)))
        .then(() => resolve());
    };
    // SIGHUP (a closed terminal, or a supervisor's stop) stops the bot cleanly too; knowledge edits reload by themselves.
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, shutdown);
  });
  return 0;
});
