import type { ColumnType, Generated } from 'kysely';

/**
 * Where a request came from. The Slack surfaces to come (assistant panel, message shortcut,
 * workflow step) record theirs through the same `record` API.
 */
export const SURFACES = ['command', 'mention', 'dm', 'home', 'console', 'assistant', 'shortcut', 'workflow'] as const;
export type Surface = (typeof SURFACES)[number];

type Timestamp = ColumnType<Date, Date | undefined, never>;

/** One answered request: what was asked and what came of it; no user id, only a keyed hash at most. */
export interface RequestsTable {
  id: Generated<string>;
  at: Timestamp;
  team_id: string | null;
  user_hash: string | null;
  surface: string;
  command: string | null;
  asked: string;
  /** The asked text folded (case, accents, punctuation), so that unanswered questions group. */
  normalized: string;
  status: string;
  unanswered: boolean;
  entry_ids: string[];
}

/** A reader's "Helpful"/"Not helpful" on one answer, or (helpful null) what they say they were looking for. */
export interface FeedbackTable {
  id: Generated<string>;
  at: Timestamp;
  team_id: string | null;
  user_hash: string | null;
  surface: string;
  helpful: boolean | null;
  entry_ids: string[];
  asked: string | null;
  comment: string | null;
}

/** Every table of the bot's database; other stores (e.g. Slack installations) add theirs here. */
export interface Tables {
  requests: RequestsTable;
  feedback: FeedbackTable;
}

export function isSurface(value: string): value is Surface {
  return (SURFACES as readonly string[]).includes(value);
}
