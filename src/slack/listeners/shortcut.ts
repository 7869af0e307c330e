import type { App, MessageShortcut } from '@slack/bolt';
import { MAX_TEXT_LENGTH } from '../../answer/request.js';
import { showOrigin } from '../../render/actions.js';
import { type Message, renderDecision } from '../../render/message.js';
import { replyTo } from '../../render/reply.js';
import { renderModal } from '../../render/view.js';
import { deliverWithinDeadline, respondPrivately } from '../delivery.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf } from '../handled.js';
import { teamOf } from '../team-gate.js';

/** The message shortcut's callback id, as declared in manifest.yml. */
export const STORY_SHORTCUT = 'hr_stories';

/**
 * "Human rights stories" on any message: its text goes to the story search, and the stories come
 * back to the user alone, ephemeral where the message is, with Share. Where no reply can be made
 * there, they open in a modal instead.
 */
export function registerShortcut(app: App, deps: ListenerDeps): void {
  const { engine, logger, delivery } = deps;
  app.shortcut<MessageShortcut>(
    { type: 'message_action', callback_id: STORY_SHORTCUT },
    async ({ ack, shortcut, body, respond, client }) => {
      await ack();
      const privately = (message: Message) => respondPrivately(respond, message, delivery);
      await handled(
        deps,
        { kind: 'action', name: STORY_SHORTCUT },
        async () => {
          const text = (shortcut.message.text ?? '').slice(0, MAX_TEXT_LENGTH);
          const reply = replyTo(engine(), { command: '/hr-story', text });
          if (!reply.ok) {
            await privately(reply.message);
            return { status: 'bad_request' };
          }
          // Share posts the story shown, not the whole message's text again (too long for a button).
          const best = reply.decision.status === 'found' ? reply.decision.results[0]?.entry : undefined;
          const decision = best ? { ...reply.decision, origin: showOrigin(best.type, best.id) } : reply.decision;
          // The message is someone's words the bot was shown, not asked: its text is not stored.
          deps.recording.record({
            kind: 'request',
            surface: 'shortcut',
            team: teamOf(body),
            user: body.user.id,
            decision,
            storeText: false,
          });
          try {
            await privately(renderDecision(decision, { feedback: { style: 'message', surface: 'shortcut' } }));
          } catch (error) {
            logger.warn(
              { kind: 'action', name: STORY_SHORTCUT, err: error },
              'no reply possible in the conversation: opening a modal',
            );
            await deliverWithinDeadline(
              () => client.views.open({ trigger_id: shortcut.trigger_id, view: renderModal(decision) }),
              delivery,
            );
          }
          return outcomeOf(decision);
        },
        privately,
      );
    },
  );
}
