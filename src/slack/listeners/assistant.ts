import { type App, Assistant } from '@slack/bolt';
import { cleanSlackText } from '../../answer/clean-text.js';
import { aboutAfter } from '../../answer/conversation.js';
import type { AnswerEngine } from '../../answer/engine.js';
import { starterQuestions } from '../../answer/starters.js';
import { withTimeout } from '../../config/with-timeout.js';
import {
  ASSISTANT_GREETING,
  ASSISTANT_PROMPTS_TITLE,
  ASSISTANT_STATUS,
  type Prompt,
  renderPrompts,
  renderThreadTitle,
} from '../../render/assistant.js';
import type { Message } from '../../render/message.js';
import { replyTo } from '../../render/reply.js';
import { deliverWithinDeadline } from '../delivery.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf, whereFrom } from '../handled.js';
import { lastEntryOf, type ThreadContext, threadContextMetadata, threadEntryStore } from '../thread-entry-store.js';

/** Longest an answer waits to learn which entry the thread was about; past it, the question is read on its own. */
const THREAD_CONTEXT_WAIT_MS = 3_000;

/**
 * The assistant panel (Bolt's Assistant): a greeting and suggested prompts when a thread opens;
 * then each message answered in its thread as a mention is, leaning on the entry the thread was
 * last about. Bolt routes every threaded direct message here, so the DM listener never sees them.
 */
export function registerAssistant(app: App, deps: ListenerDeps): void {
  const { engine, logger, delivery, events } = deps;
  /** The prompts change only with the knowledge: worked out once per engine (a reload brings a new one). */
  let prompts: { for: AnswerEngine; prompts: Prompt[] } | undefined;
  const currentPrompts = () => {
    const current = engine();
    if (prompts?.for !== current) prompts = { for: current, prompts: renderPrompts(starterQuestions(current)) };
    return prompts.prompts;
  };
  /** Status, title and thread memory help, but an answer never waits on them: a failure is logged and passed over. */
  const bestEffort = async <T>(what: string, call: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      logger.warn({ kind: 'event', name: what, err: error }, 'assistant call failed');
      return fallback;
    }
  };

  const assistant = new Assistant({
    threadContextStore: threadEntryStore(),

    threadStarted: async ({ event, body, client, setSuggestedPrompts }) => {
      const name = 'assistant_thread_started';
      if (!(await events.firstTime(body, name))) return;
      const { channel_id: channel, thread_ts, context } = event.assistant_thread;
      await handled(
        deps,
        { kind: 'event', name, ...whereFrom(body), channel },
        async () => {
          await deliverWithinDeadline(
            () =>
              client.chat.postMessage({
                channel,
                thread_ts,
                text: ASSISTANT_GREETING,
                metadata: threadContextMetadata(context, undefined),
              }),
            delivery,
          );
          const prompts = currentPrompts();
          if (prompts.length > 0) {
            await deliverWithinDeadline(() => setSuggestedPrompts({ title: ASSISTANT_PROMPTS_TITLE, prompts }), delivery, {
              idempotent: true,
            });
          }
          return { status: 'greeted', results: prompts.map((p) => p.message) };
        },
        async () => {},
      );
    },

    userMessage: [
      // Only people's messages in a thread are answered; the bot's own are let through untouched.
      async ({ message, next }) => {
        if (!('bot_id' in message) && 'thread_ts' in message && message.thread_ts) await next();
      },
      // First deliveries only, bounded with the other events: a burst waits its turn or is dropped, rather than filling memory.
      events.admit('assistant.message'),
      async ({ message, body, client, getThreadContext, setStatus, setTitle }) => {
        const name = 'assistant.message';
        if (!('thread_ts' in message) || !message.thread_ts) return;
        const place = { channel: message.channel, thread_ts: message.thread_ts };
        const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
        const post = (reply: Message, metadata?: ReturnType<typeof threadContextMetadata>) =>
          deliverWithinDeadline(
            () =>
              client.chat.postMessage({ ...place, text: reply.text, blocks: reply.blocks, ...(metadata ? { metadata } : {}) }),
            delivery,
          );
        await handled(
          deps,
          { kind: 'event', name, ...whereFrom(body) },
          async () => {
            // Side by side, and the thread's context (several pages of replies at worst) only so long.
            const [, context] = await Promise.all([
              bestEffort('assistant.threads.setStatus', () => setStatus(ASSISTANT_STATUS), undefined),
              bestEffort(
                'thread context',
                () => withTimeout(getThreadContext(), THREAD_CONTEXT_WAIT_MS, "Slack (the thread's context)"),
                {} as ThreadContext,
              ),
            ]);
            const lastEntry = lastEntryOf(context);
            const answer = replyTo(
              engine(),
              { command: null, text, ...(lastEntry ? { context: { entryId: lastEntry } } : {}) },
              { feedback: { style: 'message', surface: 'assistant' } },
            );
            if (answer.ok) {
              const user = 'user' in message && typeof message.user === 'string' ? message.user : undefined;
              deps.recording.record({
                kind: 'request',
                surface: 'assistant',
                team: body.team_id,
                user,
                decision: answer.decision,
              });
            }
            const about = answer.ok ? aboutAfter(answer.decision, lastEntry) : lastEntry;
            await post(answer.message, threadContextMetadata(context, about));
            if (!lastEntry)
              await bestEffort('assistant.threads.setTitle', () => setTitle(renderThreadTitle(cleanSlackText(text))), undefined);
            return answer.ok ? outcomeOf(answer.decision) : { status: 'bad_request' };
          },
          (apology) => post(apology),
        );
      },
    ],
  });
  app.assistant(assistant);
}
