import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/config/logger.js';
import { capturedLogger } from '../helpers/log-lines.js';

describe('the log', () => {
  it('censors a token or secret that reaches a log line, at the top or one level down', () => {
    const { logger, lines } = capturedLogger((stream) => createLogger('info', stream));
    logger.error({ token: 'xoxb-top', err: { botToken: 'xoxb-err' }, config: { signingSecret: 'shh-secret' } }, 'failed');
    expect(JSON.stringify(lines)).not.toMatch(/xoxb-|shh-secret/);
    expect(lines[0]).toMatchObject({ token: '[secret]', err: { botToken: '[secret]' }, level: 'error' });
  });
});
