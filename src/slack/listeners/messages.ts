import type { AllMiddlewareArgs, App } from '@slack/bolt';
import { aboutAfter } from '../../answer/conversation.js';
import type { Message } from '../../render/message.js';
import { replyTo } from '../../render/reply.js';
import { renderEditorsSection } from '../../render/report.js';
import { renderHome } from '../../render/view.js';
import type { Asker } from '../../store/records.js';
import { conversationKey } from '../conversations.js';
import { deliverWithinDeadline } from '../delivery.js';
import type { ListenerDeps } from '../deps.js';
import { editorsReport } from '../editors-report.js';
import { handled, type Outcome, outcomeOf, whereFrom } from '../handled.js';

interface Place {
  channel: string;
  threadTs?: string;
  /** Whose follow-ups these are: a mention's thread, or a direct message's own conversation (its threads are the assistant's). */
  conversation: string;
  /** A mention outside a thread starts one: there is nothing to look up for it yet. */
  startsThread?: boolean;
}

/** Mentions (answered in a thread), direct messages (answered in the DM) and the Home tab. */
export function registerMessages(app: App, deps: ListenerDeps): void {
  const { engine, delivery, events, recording, conversations } = deps;
  /**
   * Slack retries an event it thinks was missed, and may deliver one twice: only the first is
   * answered, and within the app's capacity for events at once.
   */
  const firstDelivery = events.admit();

  const reply = (client: AllMiddlewareArgs['client'], place: Place, message: Message) =>
    deliverWithinDeadline(
      () =>
        client.chat.postMessage({
          channel: place.channel,
          thread_ts: place.threadTs,
          text: message.text,
          blocks: message.blocks,
        }),
      delivery,
    );

  const answerQuestion = async (
    client: AllMiddlewareArgs['client'],
    place: Place,
    text: string,
    asker: Asker & { surface: 'mention' | 'dm' },
  ): Promise<Outcome> => {
    // A follow-up ("and is it still active?") is read about what its thread or DM was last about.
    const before = place.startsThread ? undefined : await conversations.about(place.conversation);
    const answer = replyTo(
      engine(),
      { command: null, text, ...(before ? { context: { entryId: before } } : {}) },
      { feedback: { style: 'message', surface: asker.surface } },
    );
    // Remembered before the reply is posted, so that a follow-up to it finds it; each answer keeps it an hour more.
    const after = answer.ok ? aboutAfter(answer.decision, before) : before;
    if (after || before) await conversations.remember(place.conversation, after);
    await reply(client, place, answer.message);
    if (!answer.ok) return { status: 'bad_request' };
    recording.record({ kind: 'request', ...asker, decision: answer.decision });
    return outcomeOf(answer.decision);
  };

  app.event('app_mention', firstDelivery, async ({ event, body, client }) => {
    if (event.bot_id) return;
    const threadTs = event.thread_ts ?? event.ts;
    const place = {
      channel: event.channel,
      threadTs,
      conversation: conversationKey(body.team_id, event.channel, threadTs),
      startsThread: !event.thread_ts,
    };
    await handled(
      deps,
      { kind: 'event', name: 'app_mention', ...whereFrom(body) },
      () => answerQuestion(client, place, event.text, { surface: 'mention', team: body.team_id, user: event.user }),
      (apology) => reply(client, place, apology),
    );
  });

  app.message(firstDelivery, async ({ message, body, client }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    const place = {
      channel: message.channel,
      threadTs: message.thread_ts,
      conversation: conversationKey(body.team_id, message.channel),
    };
    await handled(
      deps,
      { kind: 'event', name: 'message.im', ...whereFrom(body) },
      () => answerQuestion(client, place, message.text ?? '', { surface: 'dm', team: body.team_id, user: message.user }),
      (apology) => reply(client, place, apology),
    );
  });

  app.event('app_home_opened', firstDelivery, async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    await handled(
      deps,
      { kind: 'event', name: 'app_home_opened', ...whereFrom(body) },
      async () => {
        const editors = deps.editors.includes(event.user) ? renderEditorsSection(await editorsReport(deps)) : [];
        await deliverWithinDeadline(
          () => client.views.publish({ user_id: event.user, view: renderHome(engine().knowledge, editors) }),
          delivery,
          { idempotent: true },
        );
        return { status: 'published' };
      },
      async () => {},
    );
  });
}
