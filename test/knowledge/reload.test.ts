import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import { knowledgeCopy } from '../helpers/knowledge.js';
import { send, slashCommand } from '../helpers/slack-requests.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

const kb = knowledgeCopy();
let standIn: SlackStandIn;
let bot: BotProcess;
beforeAll(async () => {
  standIn = await new SlackStandIn().start();
  bot = await startBotProcess(standIn.apiUrl, { KNOWLEDGE_DIR: kb.dir });
});
afterAll(async () => {
  bot.child.kill('SIGTERM');
  await bot.exited;
  await standIn.stop();
  kb.remove();
});

const UNMIK_STORY_OPENING = 'Pristina University established';
const storyText = async () =>
  JSON.stringify(
    (await send(`${bot.origin}/slack/events`, slashCommand('/hr-story', 'Kosovo', standIn.responseUrl()))).json().blocks,
  );

async function eventually(check: () => Promise<boolean>, withinMs: number) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > withinMs) throw new Error(`not true within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

describe('knowledge edited while the bot runs', () => {
  it('a saved change is served within 2 seconds', async () => {
    expect(await storyText()).toContain(UNMIK_STORY_OPENING);
    kb.edit(
      'stories/unmik-human-rights-masters.md',
      'title: Masters in Human Rights in Kosovo*',
      'title: Human rights masters in Kosovo*',
    );
    await eventually(async () => (await storyText()).includes('Human rights masters in Kosovo*'), 2_000);
  });

  it('a broken edit keeps the last good knowledge serving and logs the file; the fix is then picked up', async () => {
    kb.edit('stories/unmik-human-rights-masters.md', 'missions: [UNMIK]', 'missions: [UNMIKK]');
    await eventually(async () => bot.output().includes('"status":"invalid"'), 2_000);
    const logged =
      bot
        .output()
        .split('\n')
        .find((l) => l.includes('"status":"invalid"')) ?? '';
    expect(JSON.parse(logged).problems).toEqual([
      expect.objectContaining({
        file: 'stories/unmik-human-rights-masters.md',
        message: expect.stringContaining('names mission "UNMIKK"'),
      }),
    ]);
    expect(await storyText()).toContain('Human rights masters in Kosovo*');
    kb.edit('stories/unmik-human-rights-masters.md', 'missions: [UNMIKK]', 'missions: [UNMIK]');
    kb.edit(
      'stories/unmik-human-rights-masters.md',
      'title: Human rights masters in Kosovo*',
      'title: Masters in Human Rights in Kosovo*',
    );
    await eventually(async () => (await storyText()).includes('Masters in Human Rights in Kosovo*'), 2_000);
  });
});
