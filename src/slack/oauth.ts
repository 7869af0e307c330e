import type { App, HTTPReceiverOptions, InstallationStore } from '@slack/bolt';
import type { Logger } from 'pino';
import type { OAuthSettings } from '../config/oauth-env.js';

/** The bot scopes the app asks for when a workspace installs it: the same as manifest.yml's. */
export const BOT_SCOPES = ['commands', 'app_mentions:read', 'assistant:write', 'chat:write', 'im:history'];

/**
 * Bolt's own installer on the HTTP receiver: /slack/install sends the browser to Slack's consent
 * page with a signed state (also kept in a cookie), and /slack/oauth_redirect checks that state,
 * exchanges the code through oauth.v2.access and keeps the installation in the store.
 */
export function installerReceiverOptions(
  oauth: OAuthSettings,
  installationStore: InstallationStore,
  clientOptions: { slackApiUrl?: string },
): Partial<HTTPReceiverOptions> {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: BOT_SCOPES,
    installationStore,
    installerOptions: {
      directInstall: true,
      stateVerification: true,
      clientOptions: clientOptions.slackApiUrl ? { slackApiUrl: clientOptions.slackApiUrl } : {},
    },
  };
}

/** A workspace that uninstalls the app, or revokes its bot token, leaves no installation behind. */
export function registerUninstall(app: App, installationStore: InstallationStore, logger: Logger): void {
  const forget = async (team: string | undefined, enterprise: string | undefined, isEnterpriseInstall: boolean) => {
    await installationStore.deleteInstallation?.({ teamId: team, enterpriseId: enterprise, isEnterpriseInstall } as never);
    logger.info({ kind: 'install', status: 'removed', team, enterprise }, 'installation removed');
  };
  app.event('app_uninstalled', async ({ body, context }) => {
    await forget(body.team_id, body.enterprise_id, context.isEnterpriseInstall === true);
  });
  app.event('tokens_revoked', async ({ event, body, context }) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget(body.team_id, body.enterprise_id, context.isEnterpriseInstall === true);
  });
}
