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
  /** Notes a failed call; true when it failed because Slack refused the token (told once, the first time). */
  noteFailure(error: unknown): boolean;
}

/**
 * Tracks whether Slack still accepts the bot token. A token revoked while the bot runs makes every
 * reply fail alike: one clear line says so and what to do, and readiness turns false so that a load
 * balancer or orchestrator notices, instead of one error per request. With OAuth each workspace has
 * its own token: one refused concerns that workspace only, which must install the app again, so
 * readiness stays (each such request's line names its workspace).
 */
export function createTokenHealth(logger: Logger, { perWorkspace = false } = {}): TokenHealth {
  let told = false;
  return {
    // One token for the whole app: once Slack refuses it, nothing can be answered.
    get refused() {
      return told && !perWorkspace;
    },
    noteFailure(error) {
      const code = refusedTokenCode(error);
      if (!code) return false;
      if (told) return true;
      told = true;
      if (perWorkspace) {
        logger.error(
          { kind: 'slack', status: 'token_refused', code },
          `Slack refused a workspace's bot token (${code}): that workspace's replies cannot be posted until someone there installs the app again (/slack/install); other workspaces are served. Request lines with status token_refused name the workspaces concerned`,
        );
      } else {
        logger.error(
          { kind: 'slack', status: 'token_refused', code },
          `Slack refused SLACK_BOT_TOKEN (${code}) while running: replies cannot be posted. Reinstall the app (your app's settings → OAuth & Permissions), set the new Bot User OAuth Token and restart; /readyz answers 503 until then`,
        );
      }
      return true;
    },
  };
}
