import { type Kysely, sql } from 'kysely';
import type { Breakdown, Figures } from '../render/report-figures.js';
import type { Tables } from './schema.js';

export interface ReportLimits {
  unanswered?: number;
  entries?: number;
  comments?: number;
}

export interface Reports {
  figures(since: Date, limits?: ReportLimits): Promise<Figures>;
  /** Only `npm run report` shows these: the Home tab does not ask for them. */
  breakdown(since: Date): Promise<Breakdown>;
}

/** The reading side of the store: the figures of `npm run report` and of the editors' Home section. */
export function createReports(db: Kysely<Tables>): Reports {
  return {
    async figures(since, { unanswered: maxUnanswered = 50, entries = 20, comments: maxComments = 20 } = {}) {
      const [unanswered, feedback, usage, answerRate, comments] = await Promise.all([
        db
          .selectFrom('requests')
          .select([
            sql<string>`(array_agg(asked order by at desc))[1]`.as('text'),
            sql<string>`count(*)`.as('count'),
            sql<Date>`max(at)`.as('last'),
          ])
          .where('at', '>=', since)
          .where('unanswered', '=', true)
          .groupBy('normalized')
          .orderBy(sql`count(*)`, 'desc')
          .orderBy(sql`max(at)`, 'desc')
          .limit(maxUnanswered)
          .execute(),
        db
          .selectFrom('feedback')
          .select([
            sql<string>`entry_ids[1]`.as('id'),
            sql<string>`count(*) filter (where helpful)`.as('helpful'),
            sql<string>`count(*) filter (where not helpful)`.as('not_helpful'),
          ])
          .where('at', '>=', since)
          .where('helpful', 'is not', null)
          .where(sql<boolean>`cardinality(entry_ids) > 0`)
          .groupBy(sql`entry_ids[1]`)
          .orderBy(sql`count(*) filter (where not helpful)`, 'desc')
          .orderBy(sql`count(*) filter (where helpful)`, 'asc')
          .orderBy(sql`entry_ids[1]`)
          .limit(entries)
          .execute(),
        db
          .selectFrom('requests')
          .select([sql<string>`entry_ids[1]`.as('id'), sql<string>`count(*)`.as('count')])
          .where('at', '>=', since)
          .where('status', '=', 'found')
          .where(sql<boolean>`cardinality(entry_ids) > 0`)
          .groupBy(sql`entry_ids[1]`)
          .orderBy(sql`count(*)`, 'desc')
          .orderBy(sql`entry_ids[1]`)
          .limit(entries)
          .execute(),
        db
          .selectFrom('requests')
          .select([
            sql<string>`to_char(date_trunc('week', at at time zone 'UTC'), 'YYYY-MM-DD')`.as('week'),
            sql<string>`count(*)`.as('requests'),
            sql<string>`count(*) filter (where not unanswered)`.as('answered'),
          ])
          .where('at', '>=', since)
          .groupBy(sql`1`)
          .orderBy(sql`1`)
          .execute(),
        db
          .selectFrom('feedback')
          .select(['at', 'entry_ids', 'asked', 'comment'])
          .where('at', '>=', since)
          .where('comment', 'is not', null)
          .orderBy('at', 'desc')
          .limit(maxComments)
          .execute(),
      ]);
      return {
        since,
        unanswered: unanswered.map((r) => ({ text: r.text, count: Number(r.count), last: new Date(r.last) })),
        feedback: feedback.map((r) => ({ id: r.id, helpful: Number(r.helpful), not_helpful: Number(r.not_helpful) })),
        usage: usage.map((r) => ({ id: r.id, count: Number(r.count) })),
        answerRate: answerRate.map((r) => {
          const requests = Number(r.requests);
          const answered = Number(r.answered);
          return { week: r.week, requests, answered, rate: requests ? answered / requests : 0 };
        }),
        comments: comments.map((r) => ({ at: r.at, entry_ids: r.entry_ids, asked: r.asked, comment: r.comment ?? '' })),
      };
    },
    async breakdown(since) {
      const [bySurface, byDay] = await Promise.all([
        db
          .selectFrom('requests')
          .select(['surface', 'status', sql<string>`count(*)`.as('count')])
          .where('at', '>=', since)
          .groupBy(['surface', 'status'])
          .orderBy(sql`count(*)`, 'desc')
          .orderBy('surface')
          .orderBy('status')
          .execute(),
        db
          .selectFrom('requests')
          .select([
            sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD')`.as('day'),
            sql<string>`count(*)`.as('requests'),
            sql<string>`count(*) filter (where unanswered)`.as('unanswered'),
          ])
          .where('at', '>=', since)
          .groupBy(sql`1`)
          .orderBy(sql`1`)
          .execute(),
      ]);
      return {
        bySurface: bySurface.map((r) => ({ surface: r.surface, status: r.status, count: Number(r.count) })),
        byDay: byDay.map((r) => ({ day: r.day, requests: Number(r.requests), unanswered: Number(r.unanswered) })),
      };
    },
  };
}
