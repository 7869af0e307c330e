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

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, base: { app: 'hr-mission-bot' }, redact: { paths: REDACT, censor: '[secret]' } };
  return destination ? pino(options, destination) : pino(options);
}
