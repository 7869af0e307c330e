import type { ServerResponse } from 'node:http';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the recording queue (src/store) reports about itself when asked. */
export interface RecordingStats {
  queued: number;
  dropped: number;
}

export interface MetricsOptions {
  /** The registry /metrics serves; one per app, so that several apps in a process never share counters. */
  registry?: Registry;
  /** Read at each scrape; unset until the bot records requests. */
  recording?: () => RecordingStats;
  /** Node's own process metrics (CPU, memory, event loop delay, garbage collection). */
  processMetrics?: boolean;
}

export type Metrics = ReturnType<typeof createMetrics>;

const PREFIX = 'hr_bot_';

/** The bot's Prometheus metrics. Label values come from code (surface names, statuses), never from what users type. */
export function createMetrics({ registry = new Registry(), recording, processMetrics = false }: MetricsOptions = {}) {
  const registers = [registry];
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const knowledgeVersion = new Gauge({
    name: `${PREFIX}knowledge_info`,
    help: 'The knowledge being served: 1 for its version (a hash of its content), absent for any other',
    labelNames: ['version'],
    registers,
  });
  if (recording) {
    new Gauge({
      name: `${PREFIX}recording_queue_length`,
      help: 'Requests waiting to be written to the store',
      registers,
      collect() {
        this.set(recording().queued);
      },
    });
    new Gauge({
      name: `${PREFIX}recording_dropped`,
      help: 'Requests dropped since start because the recording queue was full (a running count)',
      registers,
      collect() {
        this.set(recording().dropped);
      },
    });
  }
  const webApiRetries = new Counter({
    name: `${PREFIX}web_api_retries_total`,
    help: 'Web API calls and response_url posts sent again (after a 429, a 5xx or a connection that never left)',
    registers,
  });
  const webApiFailures = new Counter({
    name: `${PREFIX}web_api_failures_total`,
    help: 'Web API calls and response_url posts given up: refused by Slack, or still failing after their retries',
    registers,
  });
  return {
    registry,
    requests: new Counter({
      name: `${PREFIX}requests_total`,
      help: 'Requests handled, by surface (command, event or action name) and outcome status',
      labelNames: ['surface', 'status'],
      registers,
    }),
    answerSeconds: new Histogram({
      name: `${PREFIX}answer_seconds`,
      help: 'Time to answer a request, from the listener being called to the answer sent, by surface',
      labelNames: ['surface'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    duplicateEvents: new Counter({
      name: `${PREFIX}events_deduplicated_total`,
      help: 'Events not answered because they were already taken (Slack retries, repeated deliveries)',
      registers,
    }),
    dedupeUnavailable: new Counter({
      name: `${PREFIX}dedupe_unavailable_total`,
      help: 'Events answered without the shared de-duplication because Redis did not answer',
      registers,
    }),
    webApiRetries,
    webApiFailures,
    knowledgeReloads: new Counter({
      name: `${PREFIX}knowledge_reloads_total`,
      help: 'Knowledge reloads after an edit, by result: reloaded, or invalid (the last good version is kept)',
      labelNames: ['status'],
      registers,
    }),
    /** What the delivery of replies reports to (DeliveryOptions.observer). */
    webApiObserver() {
      return { retried: () => webApiRetries.inc(), failed: () => webApiFailures.inc() };
    },
    /** Marks `version` as the knowledge being served. */
    knowledgeLoaded(version: string) {
      knowledgeVersion.reset();
      knowledgeVersion.set({ version }, 1);
    },
  };
}

/** GET /metrics in Prometheus's text format; a failing collector gives a 500, never a crash. */
export async function serveMetrics(metrics: Metrics, res: ServerResponse): Promise<void> {
  try {
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(`metrics could not be collected: ${(error as Error).message}\n`);
  }
}
