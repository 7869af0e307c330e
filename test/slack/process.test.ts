import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess } from '../helpers/bot-process.js';
import { send, signatureHeaders, slashCommand } from '../helpers/slack-requests.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

let standIn: SlackStandIn;
beforeAll(async () => {
  standIn = await new SlackStandIn().start();
});
afterAll(async () => {
  await standIn.stop();
});

describe('npm start with HTTP credentials', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('answers, then stops cleanly on %s with exit code 0', async (signal) => {
    const bot = await startBotProcess(standIn.apiUrl);
    expect((await fetch(`${bot.origin}/readyz`)).status).toBe(200);
    const answer = await send(`${bot.origin}/slack/events`, slashCommand('/hr-mission', 'Mali', standIn.responseUrl()));
    expect(answer.json().blocks[0].text.text).toBe('MINUSMA · Mali');
    const started = Date.now();
    bot.child.kill(signal);
    expect(await bot.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(fetch(`${bot.origin}/healthz`)).rejects.toThrow();
    const logLines = bot
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(logLines).toContainEqual(expect.objectContaining({ msg: 'stopping', signal }));
  });
});

/** One signed command on its own connection, so that a refused connection is told apart from a cut answer. */
function oneShot(origin: string, text: string): Promise<'answered' | 'refused' | string> {
  const { body, contentType } = slashCommand('/hr-mission', text, 'http://127.0.0.1:9/unused');
  return new Promise((resolve) => {
    const req = request(
      `${origin}/slack/events`,
      { method: 'POST', agent: false, headers: { 'content-type': contentType, connection: 'close', ...signatureHeaders(body) } },
      (res) => {
        let data = '';
        res.on('data', (d) => {
          data += d;
        });
        res.on('end', () => {
          try {
            resolve(res.statusCode === 200 && JSON.parse(data).blocks.length > 0 ? 'answered' : `status ${res.statusCode}`);
          } catch {
            resolve(`cut answer (${data.length} bytes)`);
          }
        });
        res.on('error', (e) => resolve(`cut answer (${e.message})`));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve(e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET' ? 'refused' : `error ${e.code}`),
    );
    req.end(body);
  });
}

describe('SIGTERM during load', () => {
  it('lets in-flight requests finish, refuses new connections, and exits 0 within 5 seconds', async () => {
    const bot = await startBotProcess(standIn.apiUrl);
    const outcomes: string[] = [];
    let stoppedAt = 0;
    const worker = async (w: number) => {
      for (let i = 0; i < 40; i++) {
        const outcome = await oneShot(bot.origin, ['MINUSCA', 'Haiti', 'Sudan', 'DRC'][(w + i) % 4]);
        outcomes.push(outcome);
        if (outcomes.length === 100 && !stoppedAt) {
          stoppedAt = Date.now();
          bot.child.kill('SIGTERM');
        }
        if (outcome === 'refused') return;
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, w) => worker(w)));
    expect(await bot.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(outcomes.filter((o) => o !== 'answered' && o !== 'refused')).toEqual([]);
    expect(outcomes.filter((o) => o === 'answered').length).toBeGreaterThanOrEqual(100);
    expect(await oneShot(bot.origin, 'Mali')).toBe('refused');
  });
});
