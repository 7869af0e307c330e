/**
 * What the editors' report shows, over requests and feedback since a date: the store gathers
 * it and the renderer lays it out, so the shape lives here, on the side that shows it.
 */

interface UnansweredQuestion {
  /** The latest wording of the question (the group is its normalised text). */
  text: string;
  count: number;
  last: Date;
}

interface EntryFeedback {
  id: string;
  helpful: number;
  not_helpful: number;
}

interface EntryUsage {
  id: string;
  count: number;
}

interface WeekRate {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  requests: number;
  answered: number;
  /** answered / requests, 0 to 1. */
  rate: number;
}

interface SurfaceCount {
  surface: string;
  status: string;
  count: number;
}

interface DayCount {
  day: string;
  requests: number;
  unanswered: number;
}

interface Comment {
  at: Date;
  entry_ids: string[];
  asked: string | null;
  comment: string;
}

/** What an editor is shown, in the Home tab and in `npm run report`, over requests and feedback since a date. */
export interface Figures {
  since: Date;
  unanswered: UnansweredQuestion[];
  /** Entries with the most "Not helpful" first. */
  feedback: EntryFeedback[];
  /** The most asked entries (the answer of found requests). */
  usage: EntryUsage[];
  answerRate: WeekRate[];
  comments: Comment[];
}

/** What only `npm run report` shows besides: requests by surface and outcome, and per day. */
export interface Breakdown {
  bySurface: SurfaceCount[];
  byDay: DayCount[];
}
