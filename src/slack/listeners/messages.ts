import type { AllMiddlewareArgs, App, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Message } from '../../render/message.js';
import { replyTo } from '../../render/reply.js';
import { renderHome } from '../../render/view.js';
import { deliverWithinDeadline } from '../delivery.js';
import { deliveryKey } from '../delivery-key.js';
import type { ListenerDeps } from '../deps.js';
import { DEFAULT_EVENT_CAPACITY, withinCapacity } from '../event-capacity.js';
import { EventDeduper } from '../event-dedupe.js';
import { handled, type Outcome, outcomeOf } from '../handled.js';

interface Place {
  channel: string;
  threadTs?: string;
}

/** Mentions (answered in a thread), direct messages (answered in the DM) and the Home tab. */
export function registerMessages(app: App, deps: ListenerDeps): void {
  const { engine, logger, delivery } = deps;
  const deduper = new EventDeduper();
  const capacity = withinCapacity(deps.eventCapacity ?? DEFAULT_EVENT_CAPACITY, logger);
  /**
   * Slack retries an event it thinks was missed, and may deliver one twice: only the first is
   * answered, and within the app's capacity for events at once.
   */
  const firstDelivery: Middleware<SlackEventMiddlewareArgs> = async (args) => {
    const { body } = args;
    const key = deliveryKey(body);
    if (key !== undefined && !deduper.firstTime(key)) {
      logger.info({ kind: 'event', name: 'duplicate', event_id: body.event_id, status: 'skipped' }, 'handled');
      return;
    }
    await capacity(args);
  };

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

  const answerQuestion = async (client: AllMiddlewareArgs['client'], place: Place, text: string): Promise<Outcome> => {
    const answer = replyTo(engine(), { command: null, text });
    await reply(client, place, answer.message);
    return answer.ok ? outcomeOf(answer.decision) : { status: 'bad_request' };
  };

  app.event('app_mention', firstDelivery, async ({ event, client }) => {
    if (event.bot_id) return;
    const place = { channel: event.channel, threadTs: event.thread_ts ?? event.ts };
    await handled(
      deps,
      { kind: 'event', name: 'app_mention' },
      () => answerQuestion(client, place, event.text),
      (apology) => reply(client, place, apology),
    );
  });

  app.message(firstDelivery, async ({ message, client }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    const place = { channel: message.channel, threadTs: message.thread_ts };
    await handled(
      deps,
      { kind: 'event', name: 'message.im' },
      () => answerQuestion(client, place, message.text ?? ''),
      (apology) => reply(client, place, apology),
    );
  });

  app.event('app_home_opened', firstDelivery, async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await handled(
      deps,
      { kind: 'event', name: 'app_home_opened' },
      async () => {
        await deliverWithinDeadline(
          () => client.views.publish({ user_id: event.user, view: renderHome(engine().knowledge) }),
          delivery,
          { idempotent: true },
        );
        return { status: 'published' };
      },
      async () => {},
    );
  });
}
