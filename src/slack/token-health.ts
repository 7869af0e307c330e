import type { Logger } from 'pino';

/** Slack's answers that mean the bot token itself is no longer accepted. */
const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/** The error code of a Web API call that Slack refused, if it was refused for the token. */
function refusedTokenCode(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof code === 'string' && REFUSED_TOKEN.has(code) ? code : undefined;
}

export interface TokenHealth {
  readonly refused: boolean;
  /** Notes a failed call; true when it failed because Slack refused the token (logged once, the first time). */
  noteFailure(error: unknown): boolean;
}

/**
 * Tracks whether Slack still accepts the bot token. A token revoked while the bot runs makes every
 * reply fail alike: one clear line says so and what to do, and readiness turns false so that a load
 * balancer or orchestrator notices, instead of one error per request.
 */
export function createTokenHealth(logger: Logger): TokenHealth {
  let refused = false;
  return {
    get refused() {
      return refused;
    },
    noteFailure(error) {
      const code = refusedTokenCode(error);
      if (!code) return false;
      if (!refused) {
        refused = true;
        logger.error(
          { kind: 'slack', status: 'token_refused', code },
          `Slack refused SLACK_BOT_TOKEN (${code}) while running: replies cannot be posted. Reinstall the app (your app's settings → OAuth & Permissions), set the new Bot User OAuth Token and restart; /readyz answers 503 until then`,
        );
      }
      return true;
    },
  };
}
