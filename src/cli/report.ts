import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type AnswerEngine, createAnswerEngine } from '../answer/engine.js';
import { COMMANDS } from '../answer/types.js';
import { ConfigError, knowledgeDirFrom, loadEnv } from '../config/env.js';
import { readStoreEnv } from '../config/store-env.js';
import { loadKnowledge } from '../knowledge/load.js';
import { type Report, renderReportText, toReportJson } from '../render/report.js';
import { openDatabase } from '../store/database.js';
import { daysAgo, REPORT_DAYS } from '../store/report-period.js';
import { createReports } from '../store/reports.js';
import { runOrExit } from './run-or-exit.js';

const USAGE = `Usage:
  npm run report               the last ${REPORT_DAYS} days as readable tables
  npm run report -- --json     its main figures as one JSON object
  npm run report -- --days 7   another period`;

/** `npm run report`: what staff asked and did not get, what did not help, what is asked most. */
runOrExit(async () => {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    process.stderr.write(`report: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const days = Number(args.values.days ?? REPORT_DAYS);
  if (!Number.isInteger(days) || days < 1) {
    process.stderr.write(`report: --days must be a whole number of days, at least 1\n${USAGE}\n`);
    return 2;
  }
  const env = loadEnv();
  const settings = readStoreEnv(env);
  if ('problems' in settings) throw new ConfigError(settings.problems);
  const { databaseUrl, dataDir } = settings.store;
  // Opening would make an empty database there and report nothing: a wrong folder, most likely.
  if (!databaseUrl && !existsSync(dataDir)) {
    process.stderr.write(
      `report: DATA_DIR: ${resolve(dataDir)} does not exist, so nothing was recorded there: run the report with the bot's DATA_DIR, or its DATABASE_URL\n`,
    );
    return 1;
  }
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    const reports = createReports(database.db);
    const since = daysAgo(days);
    // --json holds the main figures only: the breakdown is read for the tables.
    const [figures, breakdown] = await Promise.all([
      reports.figures(since),
      args.values.json ? undefined : reports.breakdown(since),
    ]);
    const engine = createAnswerEngine(loadKnowledge(knowledgeDirFrom(env)));
    const report: Report = {
      ...figures,
      days,
      nearest: new Map(figures.unanswered.map((u) => [u.text, nearestEntry(engine, u.text)])),
    };
    process.stdout.write(
      breakdown ? renderReportText({ ...report, ...breakdown }) : `${JSON.stringify(toReportJson(report), null, 2)}\n`,
    );
  } finally {
    await database.close();
  }
  return 0;
});

/** The entry the engine finds nearest to a question it could not answer: as a question, then as each command. */
function nearestEntry(engine: AnswerEngine, text: string): string | null {
  for (const command of [null, ...COMMANDS]) {
    const best = engine.answer({ command, text }).results[0];
    if (best) return best.entry.id;
  }
  return null;
}

function parse() {
  return parseArgs({
    options: { json: { type: 'boolean' }, days: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: false,
  });
}
