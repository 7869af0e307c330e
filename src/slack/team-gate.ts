import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.js';

/** The workspace a request comes from, wherever its kind of payload puts it. */
export function teamOf(body: unknown): string | undefined {
  const b = body as {
    team_id?: string;
    team?: { id?: string } | string | null;
    user?: { team_id?: string };
    authorizations?: { team_id?: string | null }[];
  };
  if (typeof b.team_id === 'string') return b.team_id;
  if (b.team && typeof b.team === 'object' && b.team.id) return b.team.id;
  return b.user?.team_id ?? b.authorizations?.[0]?.team_id ?? undefined;
}

/**
 * With one bot token the app serves one workspace. A request from another team (a misrouted
 * request, or another workspace's app pointed at this URL with the same secret) is acknowledged so
 * that Slack does not retry it, answered with nothing, logged with its own status and counted.
 */
export function onlyTeam(
  team: () => string | undefined,
  { logger, metrics }: { logger: Logger; metrics: Metrics },
): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const expected = team();
    const from = teamOf(args.body);
    if (expected === undefined || from === undefined || from === expected) {
      await args.next();
      return;
    }
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
    metrics.requests.inc({ surface: 'any', status: 'other_team' });
    logger.info({ kind: 'request', status: 'other_team', team: from }, 'ignored: from another workspace');
  };
}
