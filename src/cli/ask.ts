import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createAnswerEngine } from '../answer/engine.js';
import { knowledgeDirFrom, loadEnv } from '../config/env.js';
import { loadKnowledge } from '../knowledge/load.js';
import { toAnswerJson } from '../render/json.js';
import { replyTo } from '../render/reply.js';
import { renderForTerminal } from '../render/terminal.js';
import { runOrExit } from './run-or-exit.js';

const USAGE = `Usage:
  npm run ask -- [--command /hr-mission|/hr-story] [--json] <text…>
  npm run ask -- --jsonl < requests.jsonl   (one {"command": …, "text": …} per line)`;

runOrExit(async () => {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const engine = createAnswerEngine(loadKnowledge(knowledgeDirFrom(loadEnv())));

  if (args.values.jsonl) {
    let lineNumber = 0;
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber++;
      if (line.trim() === '') continue;
      let input: unknown;
      try {
        input = JSON.parse(line);
      } catch (error) {
        writeLine({ error: `line ${lineNumber}: not valid JSON (${(error as Error).message})`, line: lineNumber });
        continue;
      }
      const reply = replyTo(engine, input);
      writeLine(
        reply.ok
          ? toAnswerJson(reply.decision, reply.message)
          : { error: `line ${lineNumber}: ${reply.error}`, line: lineNumber },
      );
    }
    return 0;
  }

  const reply = replyTo(engine, { command: args.values.command ?? null, text: args.positionals.join(' ') });
  if (!reply.ok) {
    if (args.values.json) writeLine({ error: reply.error });
    return fail(reply.error);
  }
  process.stdout.write(
    args.values.json
      ? `${JSON.stringify(toAnswerJson(reply.decision, reply.message))}\n`
      : `${renderForTerminal(reply.message)}\n`,
  );
  return 0;
});

function parse() {
  return parseArgs({
    options: {
      command: { type: 'string', short: 'c' },
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
}

function writeLine(value: unknown) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function fail(message: string): number {
  process.stderr.write(`ask: ${message}\n`);
  return 2;
}
