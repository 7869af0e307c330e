import * as z from 'zod';
import { optionalSetting } from './blank.js';

/** Several workspaces: the app's OAuth credentials, from its settings at api.slack.com/apps. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  /** Signs the state parameter of the install flow, which guards it against forged redirects. */
  stateSecret: string;
}

const WHERE = "your app's settings → Basic Information → App Credentials";

const schema = z.object({
  SLACK_CLIENT_ID: optionalSetting,
  SLACK_CLIENT_SECRET: optionalSetting,
  SLACK_STATE_SECRET: optionalSetting,
  SLACK_BOT_TOKEN: optionalSetting,
  SLACK_APP_TOKEN: optionalSetting,
  SLACK_SIGNING_SECRET: optionalSetting,
});

/** OAuth distribution is on when SLACK_CLIENT_ID is set; then its two companions are needed too. */
export function readOAuthEnv(env: NodeJS.ProcessEnv): { oauth?: OAuthSettings; problems: string[] } {
  const {
    SLACK_CLIENT_ID: clientId,
    SLACK_CLIENT_SECRET: clientSecret,
    SLACK_STATE_SECRET: stateSecret,
    ...others
  } = schema.parse(env);
  if (!clientId) return { problems: [] };
  const problems: string[] = [];
  if (!clientSecret) problems.push(`SLACK_CLIENT_SECRET is not set (SLACK_CLIENT_ID is): copy the Client Secret from ${WHERE}`);
  if (!stateSecret) {
    problems.push(
      'SLACK_STATE_SECRET is not set (SLACK_CLIENT_ID is): set it to a long random string of your own, e.g. `openssl rand -hex 32`',
    );
  }
  if (others.SLACK_BOT_TOKEN) {
    problems.push(
      'SLACK_BOT_TOKEN is set with SLACK_CLIENT_ID: unset one; with OAuth each workspace gets its own token when it installs the app',
    );
  }
  if (others.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_APP_TOKEN is set with SLACK_CLIENT_ID: installing through OAuth needs HTTP mode (SLACK_SIGNING_SECRET), not Socket Mode',
    );
  }
  if (!others.SLACK_SIGNING_SECRET) {
    problems.push(`SLACK_SIGNING_SECRET is not set (SLACK_CLIENT_ID is): copy the Signing Secret from ${WHERE}`);
  }
  if (problems.length > 0 || !clientSecret || !stateSecret) return { problems };
  return { oauth: { clientId, clientSecret, stateSecret }, problems };
}
