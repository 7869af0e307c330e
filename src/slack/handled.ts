import { randomUUID } from 'node:crypto';
import type { Decision } from '../answer/types.js';
import type { Message } from '../render/message.js';
import { renderApology } from '../render/notice.js';
import type { ListenerDeps } from './deps.js';
import { teamOf } from './team-gate.js';

export interface RequestFields {
  kind: 'command' | 'event' | 'action';
  name: string;
  /** Where the request came from, for the log line: workspace and channel ids only, never who asked. */
  team?: string;
  channel?: string;
}

/** The workspace and channel of any Slack payload (command, event envelope, interaction), as far as it has them. */
export function whereFrom(body: unknown): Pick<RequestFields, 'team' | 'channel'> {
  const b = body as { channel_id?: string; channel?: { id?: string }; event?: { channel?: string } };
  return { team: teamOf(body), channel: b.channel_id ?? b.channel?.id ?? b.event?.channel };
}

/** What a handler reports for its log line. */
export interface Outcome {
  status: string;
  results?: string[];
}

export const outcomeOf = (decision: Decision): Outcome => ({
  status: decision.status,
  results: decision.results.map((r) => r.entry.id),
});

/**
 * Runs one request's work and logs one line with its timing. A failure is logged with a
 * short reference, the user gets an apology quoting it, and nothing propagates to Bolt.
 * A failure because Slack refused the bot token is told once, by the token health, and
 * each such request then logs one plain line.
 */
export async function handled(
  { logger, requestLog, tokenHealth, metrics }: Pick<ListenerDeps, 'logger' | 'requestLog' | 'tokenHealth' | 'metrics'>,
  fields: RequestFields,
  work: () => Promise<Outcome>,
  apologize: (apology: Message) => Promise<unknown>,
): Promise<void> {
  const started = performance.now();
  const ms = (status: string) => {
    const elapsed = performance.now() - started;
    metrics.requests.inc({ surface: fields.name, status });
    metrics.answerSeconds.observe({ surface: fields.name }, elapsed / 1000);
    return Math.round(elapsed * 100) / 100;
  };
  try {
    const outcome = await work();
    requestLog.info({ ...fields, ...outcome, ms: ms(outcome.status) }, 'handled');
  } catch (error) {
    if (tokenHealth.noteFailure(error)) {
      logger.warn({ ...fields, status: 'token_refused', ms: ms('token_refused') }, 'handled');
      return;
    }
    const ref = randomUUID().slice(0, 8);
    logger.error({ ...fields, status: 'error', ref, err: error, ms: ms('error') }, 'request failed');
    try {
      await apologize(renderApology(ref));
    } catch (apologyError) {
      logger.error({ ...fields, ref, err: apologyError }, 'could not send the apology either');
    }
  }
}
