import type { AssistantConfig } from '@slack/bolt';

type ContextStore = NonNullable<AssistantConfig['threadContextStore']>;
type StoreArgs = Parameters<ContextStore['get']>[0];
export type ThreadContext = Awaited<ReturnType<ContextStore['get']>> & { entry_id?: string };

/** The metadata event type Bolt's own store uses for an assistant thread's context. */
const THREAD_CONTEXT_EVENT = 'assistant_thread_context';
/** A thread is read this many pages of replies far; past that, its memory is an entry from its first thousand messages. */
const MAX_PAGES = 5;
const PAGE_SIZE = 200;

/** The metadata to post an answer with: the thread's context, now about this entry (or, without one, about nothing). */
export function threadContextMetadata(context: ThreadContext, entryId: string | undefined) {
  return contextMetadata({ ...context, entry_id: entryId });
}

/** Slack's message metadata takes no empty values (an enterprise_id of null, say): they are left out. */
function contextMetadata(context: ThreadContext) {
  const event_payload: Record<string, string> = {};
  for (const [key, value] of Object.entries(context)) if (typeof value === 'string' && value) event_payload[key] = value;
  return { event_type: THREAD_CONTEXT_EVENT, event_payload };
}

/** The entry the thread was last about, if any. */
export function lastEntryOf(context: ThreadContext): string | undefined {
  return typeof context.entry_id === 'string' && context.entry_id ? context.entry_id : undefined;
}

/**
 * Bolt's assistant thread context store, keeping what Bolt's default keeps (the channel the user
 * is viewing) plus the entry the thread was last about. Like Bolt's default store it lives in
 * Slack itself, as metadata on the bot's messages in the thread, so any replica, before or after
 * a restart, reads the same. Unlike it, it reads the bot's latest message rather than its first,
 * and it holds nothing in memory, where the default store keeps one context for all threads.
 */
export function threadEntryStore(): ContextStore {
  return {
    async get(args) {
      return (await latestContextMessage(args))?.metadata?.event_payload ?? {};
    },
    async save(args) {
      const latest = await latestContextMessage(args);
      if (!latest?.ts) return;
      const viewing = assistantThreadOf(args.payload)?.context ?? {};
      const { channel } = threadOf(args);
      await args.client.chat.update({
        channel,
        ts: latest.ts,
        text: latest.text ?? '',
        blocks: latest.blocks ?? [],
        metadata: contextMetadata({ ...latest.metadata?.event_payload, ...viewing }),
      });
    },
  };
}

interface ContextMessage {
  ts?: string;
  text?: string;
  // biome-ignore lint/suspicious/noExplicitAny: blocks come back from Slack as they were posted
  blocks?: any[];
  metadata?: { event_type?: string; event_payload?: ThreadContext };
}

/** The thread's channel and parent ts, from an assistant event or a message in the thread. */
function threadOf({ payload }: StoreArgs): { channel: string; threadTs: string } {
  const started = assistantThreadOf(payload);
  if (started) return { channel: started.channel_id, threadTs: started.thread_ts };
  const message = payload as { channel?: string; thread_ts?: string };
  if (!message.channel || !message.thread_ts) throw new Error('an assistant message came without its channel or thread');
  return { channel: message.channel, threadTs: message.thread_ts };
}

interface AssistantThread {
  channel_id: string;
  thread_ts: string;
  context?: ThreadContext;
}

/** The thread of an assistant_thread_started or _context_changed event; undefined for a message. */
function assistantThreadOf(payload: StoreArgs['payload']): AssistantThread | undefined {
  return 'assistant_thread' in payload ? (payload.assistant_thread as AssistantThread | undefined) : undefined;
}

/** The bot's latest message in the thread that carries the thread's context. */
async function latestContextMessage(args: StoreArgs): Promise<ContextMessage | undefined> {
  const { channel, threadTs } = threadOf(args);
  let latest: ContextMessage | undefined;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const thread = await args.client.conversations.replies({
      channel,
      ts: threadTs,
      include_all_metadata: true,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of thread.messages ?? []) {
      const metadata = (message as ContextMessage).metadata;
      if (message.user === args.context.botUserId && metadata?.event_type === THREAD_CONTEXT_EVENT) {
        latest = message as ContextMessage;
      }
    }
    cursor = thread.response_metadata?.next_cursor || undefined;
    if (!thread.has_more || !cursor) break;
  }
  return latest;
}
