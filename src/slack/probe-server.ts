import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../config/env.js';
import { type Metrics, serveMetrics } from './metrics.js';

export interface ProbeServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Socket Mode has no HTTP server of its own: with METRICS_PORT set, this one serves what HTTP mode
 * serves beside /slack/events: /healthz, /readyz (GET or HEAD) and /metrics.
 */
export async function startProbeServer(
  { port, host }: { port: number; host?: string },
  metrics: Metrics,
  isReady: () => boolean,
): Promise<ProbeServer> {
  const json = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://probe').pathname;
    const probe = req.method === 'GET' || req.method === 'HEAD';
    if (probe && path === '/healthz') json(res, 200, { ok: true });
    else if (probe && path === '/readyz') json(res, isReady() ? 200 : 503, { ready: isReady() });
    else if (req.method === 'GET' && path === '/metrics') void serveMetrics(metrics, res);
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
