import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import * as z from 'zod';
import { blankAsUndefined, optionalSetting as optional } from './blank.js';
import { type OAuthSettings, readOAuthEnv } from './oauth-env.js';
import { readStoreEnv, type StoreSettings } from './store-env.js';

/**
 * The project's knowledge folder: beside the package.json above this code, which is two folders
 * up from src/config/ in a clone and one or two up from dist/ when built; else ./knowledge.
 */
function projectKnowledge(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'knowledge'))) return join(dir, 'knowledge');
  }
  return join(process.cwd(), 'knowledge');
}

export const DEFAULT_KNOWLEDGE_DIR = projectKnowledge();

/**
 * The environment, with a `.env` file in the working folder (the repo root, under npm) filling in
 * what is unset, so that `npm start`, `npm run ask` and `npm run kb:check` read the same settings.
 */
export function loadEnv(): NodeJS.ProcessEnv {
  dotenv.config({ quiet: true });
  return process.env;
}

/** The knowledge folder: KNOWLEDGE_DIR, or ./knowledge in this repository when it is unset or blank. */
export function knowledgeDirFrom(env: NodeJS.ProcessEnv): string {
  return env.KNOWLEDGE_DIR?.trim() || DEFAULT_KNOWLEDGE_DIR;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

interface Common {
  logLevel: LogLevel;
  knowledgeDir: string;
  /** Redis shared by every replica for event de-duplication; unset, each replica de-duplicates in memory. */
  redisUrl?: string;
  /** Where requests and feedback are recorded; readConfig always sets it, absent (tests, bench) records nothing. */
  store?: StoreSettings;
}

export type Config =
  | (Common & { mode: 'console' })
  | (Common & {
      mode: 'http';
      /** Unset when `oauth` is: then each installed workspace has its own token. */
      botToken?: string;
      oauth?: OAuthSettings;
      signingSecret: string;
      port: number;
      host?: string;
      slackApiUrl?: string;
      /** Slack user ids who see the Editors section of the Home tab. */
      editors?: string[];
    })
  | (Common & {
      mode: 'socket';
      botToken: string;
      appToken: string;
      slackApiUrl?: string;
      editors?: string[];
      /** Where /healthz, /readyz and /metrics are served in Socket Mode (METRICS_PORT); unset, nowhere. */
      metricsPort?: number;
      host?: string;
    });

/** A setting is missing or wrong; the message names the variable and where to find its value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `${problems[0]} (every setting is in .env.example)`
        : `The configuration is not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting.`,
    );
    this.name = 'ConfigError';
  }
}

const WHERE = {
  SLACK_BOT_TOKEN: "your app's settings at api.slack.com/apps → OAuth & Permissions → Bot User OAuth Token (xoxb-…)",
  SLACK_SIGNING_SECRET: "your app's settings → Basic Information → App Credentials → Signing Secret",
  SLACK_APP_TOKEN:
    "your app's settings → Basic Information → App-Level Tokens → a token with the connections:write scope (xapp-…)",
};

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  PORT: z.preprocess(blankAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: optional,
  SLACK_API_URL: z.preprocess(blankAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  LOG_LEVEL: z.preprocess(blankAsUndefined, z.enum(LOG_LEVELS).optional()),
  METRICS_PORT: z.preprocess(blankAsUndefined, z.coerce.number().int().min(0).max(65535).optional()),
  REDIS_URL: z.preprocess(blankAsUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
});

/** Chooses the mode from the environment: Socket Mode, HTTP mode, or the local console. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  const storeEnv = readStoreEnv(env);
  if (!parsed.success || 'problems' in storeEnv) {
    throw new ConfigError([
      ...(parsed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? []),
      ...('problems' in storeEnv ? storeEnv.problems : []),
    ]);
  }
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = parsed.data;
  const { store, editors } = storeEnv;
  const { oauth, problems: oauthProblems } = readOAuthEnv(env);
  if (oauthProblems.length > 0) throw new ConfigError(oauthProblems);
  const common = {
    knowledgeDir: knowledgeDirFrom(env),
    slackApiUrl: parsed.data.SLACK_API_URL,
    redisUrl: parsed.data.REDIS_URL,
    store,
    editors,
  };

  if (!botToken && !signingSecret && !appToken) {
    return { mode: 'console', logLevel: parsed.data.LOG_LEVEL ?? 'warn', knowledgeDir: common.knowledgeDir, store };
  }
  const logLevel = parsed.data.LOG_LEVEL ?? 'info';
  const problems: string[] = [];
  if (!botToken && !oauth) problems.push(`SLACK_BOT_TOKEN is not set: copy it from ${WHERE.SLACK_BOT_TOKEN}`);
  else if (botToken && !botToken.startsWith('xoxb-')) {
    problems.push(
      `SLACK_BOT_TOKEN must be a bot token starting with "xoxb-" (this one is not): copy it from ${WHERE.SLACK_BOT_TOKEN}`,
    );
  }
  if (appToken && !appToken.startsWith('xapp-')) {
    problems.push(
      `SLACK_APP_TOKEN must be an app-level token starting with "xapp-" (this one is not): create one in ${WHERE.SLACK_APP_TOKEN}`,
    );
  }
  if (!appToken && !signingSecret) {
    problems.push(
      `neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is set: for HTTP mode copy the secret from ${WHERE.SLACK_SIGNING_SECRET}; for Socket Mode create ${WHERE.SLACK_APP_TOKEN}`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  if (appToken) {
    const probes = { metricsPort: parsed.data.METRICS_PORT, host: parsed.data.HOST };
    return { mode: 'socket', logLevel, botToken: botToken as string, appToken, ...probes, ...common };
  }
  return {
    mode: 'http',
    logLevel,
    botToken,
    oauth,
    signingSecret: signingSecret as string,
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    ...common,
  };
}
