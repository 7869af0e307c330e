import { createHash } from 'node:crypto';
import { ExpiringMap } from './expiring-map.js';

/**
 * What each conversation with the bot (a thread, or a direct message's own conversation) was last
 * about, so that a follow-up there ("and is it still active?") is read about that entry, as in
 * the assistant panel. Only a hash of where it is and the entry's id are kept.
 */
export interface Conversations {
  about(conversation: string): Promise<string | undefined>;
  /** What it is about now; undefined: nothing any more (after a choice between missions, or a list). */
  remember(conversation: string, entryId: string | undefined): Promise<void>;
}

/** A conversation left this long after its last answer starts afresh. */
export const CONVERSATION_TTL_SECONDS = 60 * 60;
/** Conversations one replica remembers at most (the oldest give way). */
const MAX_REMEMBERED = 20_000;

/**
 * The key of a conversation: a hash of its workspace, channel and thread (none for a direct
 * message's own conversation), since a DM's channel stands for a person.
 */
export const conversationKey = (team: string | undefined, channel: string, threadTs?: string) =>
  createHash('sha256')
    .update(`${team ?? ''}:${channel}:${threadTs ?? ''}`)
    .digest('base64url')
    .slice(0, 22);

/** One replica's memory: a follow-up that another replica receives is read without it. */
export function memoryConversations(): Conversations {
  const entries = new ExpiringMap<string>(CONVERSATION_TTL_SECONDS * 1000, MAX_REMEMBERED);
  return {
    about: async (conversation) => entries.get(conversation),
    remember: async (conversation, entryId) =>
      entryId === undefined ? entries.delete(conversation) : entries.set(conversation, entryId),
  };
}
