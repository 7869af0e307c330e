/** Several workspaces: the app's OAuth credentials, from its settings at api.slack.com/apps. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  /** Signs the state parameter of the install flow, which guards it against forged redirects. */
  stateSecret: string;
}

const WHERE = "your app's settings → Basic Information → App Credentials";

const value = (env: NodeJS.ProcessEnv, name: string) => env[name]?.trim() || undefined;

/** OAuth distribution is on when SLACK_CLIENT_ID is set; then its two companions are needed too. */
export function readOAuthEnv(env: NodeJS.ProcessEnv): { oauth?: OAuthSettings; problems: string[] } {
  const clientId = value(env, 'SLACK_CLIENT_ID');
  if (!clientId) return { problems: [] };
  const clientSecret = value(env, 'SLACK_CLIENT_SECRET');
  const stateSecret = value(env, 'SLACK_STATE_SECRET');
  const problems: string[] = [];
  if (!clientSecret) problems.push(`SLACK_CLIENT_SECRET is not set (SLACK_CLIENT_ID is): copy the Client Secret from ${WHERE}`);
  if (!stateSecret) {
    problems.push(
      'SLACK_STATE_SECRET is not set (SLACK_CLIENT_ID is): set it to a long random string of your own, e.g. `openssl rand -hex 32`',
    );
  }
  if (env.SLACK_BOT_TOKEN?.trim()) {
    problems.push(
      'SLACK_BOT_TOKEN is set with SLACK_CLIENT_ID: unset one; with OAuth each workspace gets its own token when it installs the app',
    );
  }
  if (env.SLACK_APP_TOKEN?.trim()) {
    problems.push(
      'SLACK_APP_TOKEN is set with SLACK_CLIENT_ID: installing through OAuth needs HTTP mode (SLACK_SIGNING_SECRET), not Socket Mode',
    );
  }
  if (!env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push(`SLACK_SIGNING_SECRET is not set (SLACK_CLIENT_ID is): copy the Signing Secret from ${WHERE}`);
  }
  if (problems.length > 0 || !clientSecret || !stateSecret) return { problems };
  return { oauth: { clientId, clientSecret, stateSecret }, problems };
}
