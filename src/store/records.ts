import { createHmac } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Decision } from '../answer/types.js';
import { tokenize } from '../knowledge/text.js';
import type { FeedbackTable, RequestsTable, Surface } from './schema.js';

/** Who and where, as a Slack payload gives them; the user id is never stored as it is. */
export interface Asker {
  surface: Surface;
  team?: string;
  user?: string;
}

/** What listeners hand to `record`: a request answered, or a reader's feedback on an answer. */
export type RecordEvent =
  | (Asker & {
      kind: 'request';
      decision: Decision;
      /** False when the text is someone's message the bot was shown (a shortcut), not a question put to it. */
      storeText?: boolean;
    })
  | (Asker & { kind: 'feedback'; helpful: boolean | null; entryIds: string[]; asked?: string; comment?: string });

export type RequestRow = Insertable<RequestsTable>;
export type FeedbackRow = Insertable<FeedbackTable>;

/** A row as the store writes it: the user id already replaced by a keyed hash, or by nothing. */
export type StoredRecord = { kind: 'request'; row: RequestRow } | { kind: 'feedback'; row: FeedbackRow };

/** What stands for a text that is not stored. */
export const NOT_STORED = '(message text not stored)';

/** Longest text kept of a question or a comment. */
export const STORED_TEXT_LENGTH = 500;

/**
 * The row for an event. The user id becomes an HMAC under the operator's key (so one person's
 * requests can be erased on request without the id being readable), or nothing without a key.
 */
export function toStoredRecord(event: RecordEvent, userHashKey: string | undefined, at = new Date()): StoredRecord {
  const common = {
    at,
    team_id: event.team ?? null,
    user_hash: userHash(event.user, event.team, userHashKey),
    surface: event.surface,
  };
  if (event.kind === 'feedback') {
    const row: FeedbackRow = {
      ...common,
      helpful: event.helpful,
      entry_ids: event.entryIds,
      asked: event.asked?.slice(0, STORED_TEXT_LENGTH) ?? null,
      comment: event.comment?.slice(0, STORED_TEXT_LENGTH) ?? null,
    };
    return { kind: 'feedback', row };
  }
  const { decision } = event;
  const asked = event.storeText === false ? NOT_STORED : decision.query.slice(0, STORED_TEXT_LENGTH);
  const row: RequestRow = {
    ...common,
    command: 'command' in decision.origin ? decision.origin.command : null,
    asked,
    normalized: normalizeQuestion(asked),
    status: decision.status,
    unanswered: isUnanswered(decision),
    entry_ids: answerEntryIds(decision),
  };
  return { kind: 'request', row };
}

/** The keyed hash of a user (per team); undefined without a key or a user. */
export function userHash(user: string | undefined, team: string | undefined, key: string | undefined): string | null {
  if (!key || !user) return null;
  return createHmac('sha256', key)
    .update(`${team ?? ''}:${user}`)
    .digest('hex')
    .slice(0, 32);
}

/** The entries a decision answers with, as feedback and usage name them: the best one when found, else the candidates. */
export function answerEntryIds(decision: Decision): string[] {
  if (decision.status === 'list') return [];
  const results = decision.status === 'found' ? decision.results.slice(0, 1) : decision.results;
  return results.map((r) => r.entry.id);
}

/** Not found, a figure the texts do not give, or a question the engine could only answer with help (not someone asking for help). */
export function isUnanswered(decision: Decision): boolean {
  if (decision.status === 'not_found' || decision.figureMissing) return true;
  return (
    decision.status === 'help' &&
    decision.asked === 'question' &&
    decision.query.trim() !== '' &&
    !decision.intents?.includes('help')
  );
}

/** "Where is  MINUSCA?" and "where is minusca" group together. */
export function normalizeQuestion(text: string): string {
  return tokenize(text).filter(Boolean).join(' ');
}
