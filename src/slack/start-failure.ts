import { ConfigError } from '../config/env.js';
import { withTimeout } from '../config/with-timeout.js';
import type { SlackConfig } from './app.js';

/**
 * A start that has not finished this long after the process began will not: the process says why
 * and exits, within 10 s of its launch even when loading code and knowledge took a while.
 */
const START_DEADLINE_MS = 9_000;
const LEAST_WAIT_MS = 2_000;

const apiHost = (config: SlackConfig) => config.slackApiUrl ?? 'https://slack.com/api/';

/** Runs the start, or fails it with a message naming SLACK_API_URL when Slack does not answer in time. */
export function withinStartDeadline<T>(
  start: () => Promise<T>,
  config: SlackConfig,
  ms = Math.max(LEAST_WAIT_MS, START_DEADLINE_MS - performance.now()),
): Promise<T> {
  return withTimeout(
    start(),
    ms,
    () =>
      new ConfigError([
        `Slack's Web API at ${apiHost(config)} did not answer in time: check the network, or SLACK_API_URL if you set it`,
      ]),
  );
}

/** Turns what went wrong at start-up into one line naming the setting to change. */
export function explainStartFailure(error: unknown, config: SlackConfig, phase: 'bot token' | 'connect'): ConfigError {
  if (error instanceof ConfigError) return error;
  const code = (error as { data?: { error?: string } }).data?.error;
  if (phase === 'bot token' && code) {
    return new ConfigError([
      `Slack refused SLACK_BOT_TOKEN (${code}): copy the current Bot User OAuth Token from your app's settings → OAuth & Permissions, and reinstall the app if it was revoked`,
    ]);
  }
  if (phase === 'connect' && config.mode === 'socket' && code) {
    return new ConfigError([
      `Slack refused SLACK_APP_TOKEN (${code}): create an app-level token with the connections:write scope in your app's settings → Basic Information → App-Level Tokens, and turn Socket Mode on`,
    ]);
  }
  const errno = (error as NodeJS.ErrnoException).code;
  if (phase === 'connect' && config.mode === 'http' && (errno === 'EADDRINUSE' || errno === 'EACCES')) {
    return new ConfigError([
      errno === 'EADDRINUSE'
        ? `PORT ${config.port} is already in use${config.host ? ` on ${config.host}` : ''}: stop what listens there, or set PORT to a free port`
        : `PORT ${config.port} may not be opened by this user: set PORT to a port above 1023`,
    ]);
  }
  return new ConfigError([
    `Could not reach Slack's Web API at ${apiHost(config)} (${(error as Error)?.message ?? String(error)}): check the network, or SLACK_API_URL if you set it`,
  ]);
}
