import { chmodSync, chownSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import { knowledgeCopy } from '../helpers/knowledge.js';
import { storyCopy } from '../helpers/live-knowledge.js';
import { send, slashCommand } from '../helpers/slack-requests.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

// As root every file is readable, so the bot runs as "nobody" to meet folders and files it may not read.
const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;

const kb = knowledgeCopy();
let standIn: SlackStandIn;
let bot: BotProcess;

function openUp(path: string) {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) openUp(join(path, name));
}

beforeAll(async () => {
  openUp(kb.dir);
  standIn = await new SlackStandIn().start();
  bot = await startBotProcess(standIn.apiUrl, { KNOWLEDGE_DIR: kb.dir }, asRoot ? NOBODY : undefined);
});
afterAll(async () => {
  bot.child.kill('SIGTERM');
  await bot.exited;
  await standIn.stop();
  kb.remove();
});

const storyTitles = async () =>
  JSON.stringify((await send(`${bot.origin}/slack/events`, slashCommand('/hr-story', '', standIn.responseUrl()))).json());
const alive = async () => (await fetch(`${bot.origin}/readyz`)).status === 200;

describe('a running bot, and what happens to its knowledge folder', () => {
  it('folders made and removed quickly, an unreadable folder and an unreadable temporary file: the bot keeps answering, and serves the next edit', async () => {
    const stories = join(kb.dir, 'stories');
    for (let i = 0; i < 300; i++) {
      mkdirSync(join(stories, 'x/y/z'), { recursive: true });
      rmSync(join(stories, 'x'), { recursive: true, force: true });
    }
    mkdirSync(join(stories, 'private'));
    writeFileSync(join(stories, 'private/draft.md'), 'draft');
    chmodSync(join(stories, 'private'), 0o000);
    // An editor's atomic save as another user: a 0600 temporary file this process may not read.
    writeFileSync(join(stories, '.story.md.swp'), 'temporary');
    chmodSync(join(stories, '.story.md.swp'), 0o600);
    if (!asRoot) chmodSync(join(stories, '.story.md.swp'), 0o000);
    else chownSync(join(stories, '.story.md.swp'), 0, 0);

    await new Promise((r) => setTimeout(r, 500));
    expect(await alive()).toBe(true);
    const next = storyCopy(kb.dir, 'after-trouble').replace(/^title: .*$/m, 'title: Served after the trouble');
    writeFileSync(join(stories, 'after-trouble.md'), next, { mode: 0o644 });
    const started = Date.now();
    while (!(await storyTitles()).includes('Served after the trouble')) {
      if (Date.now() - started > 5_000) throw new Error(`the edit was not served:\n${bot.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await alive()).toBe(true);
    expect(bot.child.exitCode).toBeNull();
  });
});
