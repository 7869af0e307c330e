import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_KNOWLEDGE_DIR, ROOT } from './paths.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-requests.js';

export interface BotProcess {
  child: ChildProcess;
  origin: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** How to start the bot: `npm start`'s entry point through tsx by default, or the built dist/main.js in another folder. */
export interface Entry {
  cwd: string;
  args: string[];
}

export const SOURCE_ENTRY: Entry = { cwd: ROOT, args: ['--import', 'tsx', 'src/main.ts'] };

/** The bot as its own process (as `user`, if given), in HTTP mode on 127.0.0.1, using the given Slack API and the fixture knowledge. */
export async function startBotProcess(
  slackApiUrl: string,
  env: NodeJS.ProcessEnv = {},
  user?: { uid: number; gid: number },
  entry: Entry = SOURCE_ENTRY,
): Promise<BotProcess> {
  // PGlite makes its folder aside (data.creating) before renaming it: both stay inside this scratch folder.
  const scratch = mkdtempSync(join(tmpdir(), 'hr-data-'));
  const child = spawn(process.execPath, entry.args, {
    cwd: entry.cwd,
    ...user,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: slackApiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // Set, so that a developer's own .env cannot point the bot at other knowledge.
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR,
      // It records into a data folder of its own unless the test gives it a database.
      DATABASE_URL: '',
      DATA_DIR: join(scratch, 'data'),
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      rmSync(scratch, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not get ready:\n${output}`)), 15_000);
    child.stdout?.on('data', () => {
      const ready = output.split('\n').find((line) => line.includes('"msg":"ready"'));
      if (ready) {
        clearTimeout(timer);
        resolve(JSON.parse(ready).port);
      }
    });
    child.on('exit', () => reject(new Error(`the bot exited before it was ready:\n${output}`)));
  });
  return { child, origin: `http://127.0.0.1:${port}`, output: () => output, exited };
}
