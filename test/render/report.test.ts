import { describe, expect, it } from 'vitest';
import { type Report, renderEditorsSection, renderReportText, toReportJson } from '../../src/render/report.js';
import type { Breakdown } from '../../src/render/report-figures.js';
import { expectBlocksWithinLimits, expectNoMassMention } from '../helpers/block-kit.js';

const report: Report & Breakdown = {
  since: new Date('2026-01-01T00:00:00Z'),
  days: 30,
  unanswered: [
    { text: 'how many <!channel> staff?', count: 3, last: new Date('2026-01-20T10:00:00Z') },
    { text: 'x'.repeat(400), count: 1, last: new Date('2026-01-21T10:00:00Z') },
  ],
  feedback: [{ id: 'STORY-A', helpful: 1, not_helpful: 4 }],
  usage: [{ id: 'MISSION-B', count: 12 }],
  answerRate: [
    { week: '2026-01-12', requests: 10, answered: 5, rate: 0.5 },
    { week: '2026-01-19', requests: 10, answered: 9, rate: 0.9 },
  ],
  bySurface: [{ surface: 'mention', status: 'found', count: 14 }],
  byDay: [{ day: '2026-01-20', requests: 20, unanswered: 6 }],
  comments: [{ at: new Date('2026-01-20T11:00:00Z'), entry_ids: ['STORY-A'], asked: 'x', comment: 'the 2023 <@U123> figures' }],
  nearest: new Map([['how many <!channel> staff?', 'MISSION-B']]),
};

describe('the report', () => {
  it('reads as tables: unanswered questions with counts and nearest entry, least helpful, most asked, rate per week', () => {
    const text = renderReportText(report);
    expect(text).toMatch(/^Report for the last 30 days \(since 2026-01-01\): 20 requests, 70% answered/);
    expect(text).toMatch(
      /count\s+last seen\s+question\s+nearest entry\n\s+3\s+2026-01-20\s+how many <!channel> staff\?\s+MISSION-B/,
    );
    expect(text).toMatch(/not helpful\s+helpful\s+entry\n\s+4\s+1\s+STORY-A/);
    expect(text).toMatch(/count\s+entry\n\s+12\s+MISSION-B/);
    expect(text).toMatch(/2026-01-19\s+10\s+9\s+90%/);
    expect(text.split('\n').every((line) => line.length < 160)).toBe(true);
  });

  it('as JSON has exactly since, unanswered, feedback, usage and answer_rate', () => {
    const json = toReportJson(report);
    expect(Object.keys(json)).toEqual(['since', 'unanswered', 'feedback', 'usage', 'answer_rate']);
    expect(json.unanswered[0]).toEqual({
      text: 'how many <!channel> staff?',
      count: 3,
      last: '2026-01-20T10:00:00.000Z',
      nearest: 'MISSION-B',
    });
    expect(json.answer_rate).toBe(0.7);
  });

  it('on the Home tab keeps within Block Kit limits and never lets asked text mention anyone', () => {
    const blocks = renderEditorsSection(report);
    expectBlocksWithinLimits(blocks, 100);
    expectNoMassMention(JSON.stringify(blocks));
    expect(JSON.stringify(blocks)).not.toContain('<@U123>');
    expect(JSON.stringify(renderEditorsSection(undefined))).toContain('cannot be read right now');
  });
});
