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

/** One Slack workspace (or Enterprise Grid organisation) that installed the app through OAuth. */
export interface InstallationsTable {
  /** `team:T…` or `enterprise:E…` (an org-wide install). */
  key: string;
  team_id: string | null;
  enterprise_id: string | null;
  /** The installation as Bolt gives it, encrypted (it holds the workspace's bot token). */
  installation: string;
  installed_at: Date;
}

/** Every table of the bot's database; other stores (e.g. Slack installations) add theirs here. */
export interface Tables {
  requests: RequestsTable;
  feedback: FeedbackTable;
  slack_installations: InstallationsTable;
}

export function isSurface(value: string): value is Surface {
  return (SURFACES as readonly string[]).includes(value);
}
