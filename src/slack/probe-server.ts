import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../config/env.js';
import { type Metrics, serveMetrics } from './metrics.js';

export interface ProbeServer {
  port: number;
  close(): Promise<void>;
}

interface ProbeRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

const json = (res: ServerResponse, status: number, body: object) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** /healthz (alive), /readyz (ready to answer) and /metrics: served beside /slack/events in HTTP mode, or here. */
export function probeRoutes(metrics: Metrics, isReady: () => boolean): ProbeRoute[] {
  return [
    { path: '/healthz', method: ['GET', 'HEAD'], handler: (_req, res) => json(res, 200, { ok: true }) },
    {
      path: '/readyz',
      method: ['GET', 'HEAD'],
      handler: (_req, res) => {
        const ready = isReady();
        json(res, ready ? 200 : 503, { ready });
      },
    },
    { path: '/metrics', method: ['GET', 'HEAD'], handler: (_req, res) => void serveMetrics(metrics, res) },
  ];
}

/**
 * Socket Mode has no HTTP server of its own: with METRICS_PORT set, this one serves what HTTP mode
 * serves beside /slack/events.
 */
export async function startProbeServer(
  { port, host }: { port: number; host?: string },
  metrics: Metrics,
  isReady: () => boolean,
): Promise<ProbeServer> {
  const routes = probeRoutes(metrics, isReady);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://probe').pathname;
    const route = routes.find((r) => r.path === path && r.method.includes(req.method ?? ''));
    if (route) route.handler(req, res);
    else json(res, 404, { error: 'not_found' });
  });
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    throw new ConfigError([
      `METRICS_PORT: could not listen on port ${port} (${(error as NodeJS.ErrnoException).code}): choose a free port`,
    ]);
  }
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
