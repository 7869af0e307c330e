import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's entry points as a user would: with tsx, from the repo root (or `cwd`,
 * whose .env it then reads), with no Slack settings and the default knowledge folder.
 * `firstLineOnly` stops reading its output after the first line; `stopWith` sends a signal once
 * the output holds a text.
 */
export function runScript(
  script: string,
  args: string[] = [],
  {
    input = '',
    env = {} as NodeJS.ProcessEnv,
    cwd = ROOT,
    firstLineOnly = false,
    stopWith,
  }: {
    input?: string;
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    firstLineOnly?: boolean;
    stopWith?: { signal: NodeJS.Signals; once: string };
  } = {},
): Promise<Run> {
  // Blank, not absent: dotenv leaves set variables alone, so a developer's own .env cannot leak in.
  // The console records: into a data folder of its own, never the developer's ./data or PostgreSQL.
  const scratch = mkdtempSync(join(tmpdir(), 'hr-data-'));
  const clean = {
    ...process.env,
    SLACK_BOT_TOKEN: '',
    SLACK_SIGNING_SECRET: '',
    SLACK_APP_TOKEN: '',
    KNOWLEDGE_DIR: '',
    DATABASE_URL: '',
    DATA_DIR: join(scratch, 'data'),
  };
  const tsx = import.meta.resolve('tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, join(ROOT, script), ...args], { cwd, env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    let stopped = false;
    child.stdout.on('data', (d) => {
      stdout += d;
      // A reader that goes away after one line, as `| head -1` does.
      if (firstLineOnly && stdout.includes('\n')) child.stdout.destroy();
      if (stopWith && !stopped && stdout.includes(stopWith.once)) stopped = child.kill(stopWith.signal);
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(scratch, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    });
    // Stopped by a signal, the input stays open, as a terminal's does.
    if (stopWith) child.stdin.write(input);
    else child.stdin.end(input);
  });
}
