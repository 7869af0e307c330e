import { spawn } from 'node:child_process';
import { ROOT } from './paths.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's entry points as a user would (tsx, from the repo root), with no Slack settings. */
export function runScript(script: string, args: string[] = [], { input = '', env = {} as NodeJS.ProcessEnv } = {}): Promise<Run> {
  // Blank, not absent: dotenv leaves set variables alone, so a developer's own .env cannot leak in.
  const clean = { ...process.env, SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
