import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config/env.js';
import { createSlackApp } from '../../src/slack/app.js';
import { fixtureEngine } from '../helpers/knowledge.js';
import { httpTestConfig, TEST_DELIVERY } from '../helpers/running-app.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

const problems = (env: NodeJS.ProcessEnv): string => {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
};

describe('mode from the environment', () => {
  it('no Slack credentials: the console', () => {
    expect(readConfig({})).toMatchObject({ mode: 'console' });
    expect(readConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ' })).toMatchObject({ mode: 'console' });
  });
  it('app token: Socket Mode', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toMatchObject({
      mode: 'socket',
      appToken: 'xapp-1',
    });
  });
  it('signing secret and bot token: HTTP mode on PORT (default 3000)', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toMatchObject({ mode: 'http', port: 3000 });
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '8080' })).toMatchObject({ port: 8080 });
  });
  it('optional settings', () => {
    const config = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      LOG_LEVEL: 'debug',
      KNOWLEDGE_DIR: '/kb',
    });
    expect(config).toMatchObject({ slackApiUrl: 'http://127.0.0.1:9/api/', logLevel: 'debug', knowledgeDir: '/kb' });
  });
});

describe('a half-made configuration stops at start-up, naming the variable and where to find it', () => {
  it('a bot token with neither signing secret nor app token', () => {
    const message = problems({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(message).toContain('neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is set');
    expect(message).toContain('Basic Information → App Credentials → Signing Secret');
  });
  it('a signing secret without a bot token', () => {
    expect(problems({ SLACK_SIGNING_SECRET: 's' })).toContain('SLACK_BOT_TOKEN is not set: copy it from');
  });
  it('a token of the wrong kind', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' })).toContain(
      'SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"',
    );
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toContain(
      'SLACK_APP_TOKEN must be an app-level token starting with "xapp-"',
    );
  });
  it('a bad value', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' })).toContain('PORT');
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', LOG_LEVEL: 'loud' })).toContain('LOG_LEVEL');
  });
  it('never repeats a secret', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxp-secret-value', SLACK_SIGNING_SECRET: 's' })).not.toContain('secret-value');
  });
});

describe('a token Slack refuses', () => {
  let standIn: SlackStandIn | undefined;
  afterEach(async () => {
    await standIn?.stop();
  });
  it('stops start-up with a message naming SLACK_BOT_TOKEN', async () => {
    standIn = await new SlackStandIn().start();
    standIn.behave('auth.test', { error: 'invalid_auth' });
    const slack = createSlackApp({
      config: httpTestConfig(standIn.apiUrl),
      engine: () => fixtureEngine(),
      logger: pino({ level: 'silent' }),
      delivery: TEST_DELIVERY,
    });
    await expect(slack.start()).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
    expect(slack.ready).toBe(false);
  });
});
