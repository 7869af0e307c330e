import { type Block, context, divider, fields, header, sections } from './blocks.js';
import { escapeText, truncate } from './mrkdwn.js';
import type { Breakdown, Figures } from './report-figures.js';

/** The figures of the Home tab's Editors section, over the last `days` days. */
export interface EditorsFigures extends Figures {
  days: number;
}

/** `npm run report`'s figures, with, for each unanswered question, the entry the answer engine finds nearest (null: none). */
export interface Report extends EditorsFigures {
  nearest: Map<string, string | null>;
}

/** The `npm run report -- --json` object. */
export interface ReportJson {
  since: string;
  unanswered: { text: string; count: number; last: string; nearest: string | null }[];
  feedback: { id: string; helpful: number; not_helpful: number }[];
  usage: { id: string; count: number }[];
  /** Share of the period's requests that got an answer (0 to 1); null with no requests. */
  answer_rate: number | null;
}

export function toReportJson(report: Report): ReportJson {
  return {
    since: report.since.toISOString(),
    unanswered: report.unanswered.map((u) => ({
      text: u.text,
      count: u.count,
      last: u.last.toISOString(),
      nearest: report.nearest.get(u.text) ?? null,
    })),
    feedback: report.feedback,
    usage: report.usage,
    answer_rate: totals(report).rate,
  };
}

/** The period's requests, and the share of them answered (0 to 1; null with no requests). */
function totals(figures: Figures): { requests: number; rate: number | null } {
  const requests = figures.answerRate.reduce((n, w) => n + w.requests, 0);
  const answered = figures.answerRate.reduce((n, w) => n + w.answered, 0);
  return { requests, rate: requests ? Math.round((answered / requests) * 1000) / 1000 : null };
}

const percent = (rate: number | null) => (rate === null ? 'n/a' : `${Math.round(rate * 100)}%`);
const day = (date: Date) => date.toISOString().slice(0, 10);
const QUESTION_WIDTH = 60;

/** `npm run report`: the period's figures as readable tables. */
export function renderReportText(report: Report & Breakdown): string {
  const { requests, rate } = totals(report);
  const parts = [
    `Report for the last ${report.days} days (since ${day(report.since)}): ${requests} requests, ${percent(rate)} answered`,
    section(
      'Unanswered questions (not found, or only help), most asked first',
      ['count', 'last seen', 'question', 'nearest entry'],
      report.unanswered.map((u) => [
        String(u.count),
        day(u.last),
        truncate(u.text, QUESTION_WIDTH),
        report.nearest.get(u.text) ?? '-',
      ]),
    ),
    section(
      'Least helpful entries',
      ['not helpful', 'helpful', 'entry'],
      report.feedback.map((f) => [String(f.not_helpful), String(f.helpful), f.id]),
    ),
    section(
      'What readers were looking for (after "Not helpful")',
      ['date', 'entry', 'comment'],
      report.comments.map((c) => [day(c.at), c.entry_ids[0] ?? '-', truncate(c.comment.replace(/\s+/g, ' '), QUESTION_WIDTH)]),
    ),
    section(
      'Most asked entries',
      ['count', 'entry'],
      report.usage.map((u) => [String(u.count), u.id]),
    ),
    section(
      'Answer rate per week',
      ['week of', 'requests', 'answered', 'rate'],
      report.answerRate.map((w) => [w.week, String(w.requests), String(w.answered), percent(w.rate)]),
    ),
    section(
      'Requests by surface and outcome',
      ['surface', 'status', 'count'],
      report.bySurface.map((s) => [s.surface, s.status, String(s.count)]),
    ),
    section(
      'Requests per day',
      ['day', 'requests', 'unanswered'],
      report.byDay.map((d) => [d.day, String(d.requests), String(d.unanswered)]),
    ),
  ];
  return `${parts.join('\n\n')}\n`;
}

function section(title: string, headings: string[], rows: string[][]): string {
  if (rows.length === 0) return `${title}\n  (none)`;
  return `${title}\n${table([headings, ...rows])}`;
}

/** Columns padded to their widest cell; numbers (the first columns) right-aligned. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((row) =>
      `  ${row.map((cell, i) => (/^\d+%?$/.test(cell) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ')}`.trimEnd(),
    )
    .join('\n');
}

/** How many lines of each list the Home tab shows. */
const HOME_LINES = 5;

/** The Editors section of the Home tab, for SLACK_EDITORS only; without figures, says they cannot be read now. */
export function renderEditorsSection(report: EditorsFigures | undefined): Block[] {
  const title = header('Editors');
  if (!report) {
    return [divider, title, ...context('The figures cannot be read right now (the database is not answering). Try again later.')];
  }
  const { requests, rate } = totals(report);
  const lines = (items: string[]) => (items.length ? items.join('\n') : '_none yet_');
  return [
    divider,
    title,
    ...context(
      `Last ${report.days} days: ${requests} requests, ${percent(rate)} answered. Only members listed in SLACK_EDITORS see this. \`npm run report\` has it all.`,
    ),
    ...fields([
      `*Unanswered questions*\n${lines(report.unanswered.slice(0, HOME_LINES).map((u) => `${u.count} × ${escapeText(truncate(u.text, 80))}`))}`,
      `*Least helpful entries*\n${lines(report.feedback.slice(0, HOME_LINES).map((f) => `${escapeText(f.id)}: ${f.not_helpful} not helpful, ${f.helpful} helpful`))}`,
      `*Most asked entries*\n${lines(report.usage.slice(0, HOME_LINES).map((u) => `${escapeText(u.id)}: ${u.count}`))}`,
      `*Answer rate per week*\n${lines(report.answerRate.slice(-HOME_LINES).map((w) => `${w.week}: ${percent(w.rate)} of ${w.requests}`))}`,
    ]),
    ...sections(
      report.comments.length
        ? `*What readers were looking for*\n${report.comments
            .slice(0, HOME_LINES)
            .map((c) => `• ${escapeText(truncate(c.comment.replace(/\s+/g, ' '), 150))}`)
            .join('\n')}`
        : '',
    ),
  ];
}
