import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess } from '../helpers/bot-process.js';
import { send, slashCommand } from '../helpers/slack-requests.js';
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
