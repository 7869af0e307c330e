import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from './env.js';

/** Paths that could ever hold a secret are censored, should one reach a log call by mistake. */
const REDACT = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
];

/** JSON lines with an ISO time and the level's name (`"level":"info"`), readable by any log collector. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'hr-mission-bot' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACT, censor: '[secret]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
