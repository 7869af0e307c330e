import { knowledgeDirFrom, loadEnv } from '../config/env.js';
import { loadKnowledge } from '../knowledge/load.js';
import { unreadFiles } from '../knowledge/unread-files.js';
import { runOrExit } from './run-or-exit.js';

/** `npm run kb:check [folder]`: validates the knowledge files, naming each problem's file and line. */
runOrExit(async () => {
  const dir = process.argv[2] || knowledgeDirFrom(loadEnv());
  const kb = loadKnowledge(dir);
  process.stdout.write(
    `Knowledge is valid: ${kb.missions.length} missions, ${kb.topics.length} topics, ${kb.stories.length} stories (${dir}).\n`,
  );
  const unread = unreadFiles(dir);
  if (unread.length > 0) process.stdout.write(`${unread.map((line) => `  ${line}\n`).join('')}`);
  return 0;
});
