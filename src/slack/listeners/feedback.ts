import type { App, BlockAction, ButtonAction, FeedbackButtonsAction } from '@slack/bolt';
import {
  decodeFeedback,
  FEEDBACK_ACTION,
  FEEDBACK_BUTTON_PREFIX,
  FEEDBACK_INPUT,
  FEEDBACK_MODAL,
  FEEDBACK_MORE_ACTION,
  type FeedbackRef,
  renderFeedbackModal,
  renderFeedbackThanks,
} from '../../render/feedback.js';
import type { Asker } from '../../store/records.js';
import { isSurface } from '../../store/schema.js';
import { deliverWithinDeadline, respondPrivately } from '../delivery.js';
import type { ListenerDeps } from '../deps.js';
import { handled, whereFrom } from '../handled.js';

/**
 * "Helpful" / "Not helpful" under an answer: recorded (the answer's entries and question, never
 * the reader), thanked privately; "Not helpful" offers a short form, whose text is recorded too.
 */
export function registerFeedback(app: App, deps: ListenerDeps): void {
  const { delivery, recording } = deps;
  const askerOf = (ref: FeedbackRef, team: string | undefined, user: string): Asker => ({
    surface: isSurface(ref.surface) ? ref.surface : 'command',
    team,
    user,
  });

  app.action<BlockAction<FeedbackButtonsAction | ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^(${FEEDBACK_ACTION}|${FEEDBACK_BUTTON_PREFIX}.+)$`) },
    async ({ ack, action, body, respond, client }) => {
      await ack();
      const inView = body.container?.type === 'view';
      await handled(
        deps,
        { kind: 'action', name: FEEDBACK_ACTION, ...whereFrom(body) },
        async () => {
          const ref = decodeFeedback(action.value);
          if (!ref) return { status: 'ignored' };
          recording.record({
            kind: 'feedback',
            ...askerOf(ref, body.team?.id, body.user.id),
            helpful: ref.helpful,
            entryIds: ref.entryIds,
            asked: ref.asked,
          });
          if (inView) {
            // In a modal there is no message to answer under: "Not helpful" opens the form on top.
            if (!ref.helpful) {
              await deliverWithinDeadline(
                () => client.views.push({ trigger_id: body.trigger_id, view: renderFeedbackModal(ref) }),
                delivery,
              );
            }
          } else if (respond) {
            await respondPrivately(respond, renderFeedbackThanks(ref), delivery);
          }
          return { status: ref.helpful ? 'helpful' : 'not_helpful', results: ref.entryIds };
        },
        async () => {},
      );
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: FEEDBACK_MORE_ACTION },
    async ({ ack, action, body, client }) => {
      await ack();
      await handled(
        deps,
        { kind: 'action', name: FEEDBACK_MORE_ACTION, ...whereFrom(body) },
        async () => {
          const ref = decodeFeedback(action.value);
          if (!ref) return { status: 'ignored' };
          await deliverWithinDeadline(
            () => client.views.open({ trigger_id: body.trigger_id, view: renderFeedbackModal(ref) }),
            delivery,
          );
          return { status: 'opened' };
        },
        async () => {},
      );
    },
  );

  app.view(FEEDBACK_MODAL, async ({ ack, view, body }) => {
    await ack();
    await handled(
      deps,
      { kind: 'action', name: FEEDBACK_MODAL, ...whereFrom(body) },
      async () => {
        const ref = decodeFeedback(view.private_metadata);
        const text = view.state.values[FEEDBACK_INPUT.block]?.[FEEDBACK_INPUT.action]?.value?.trim();
        if (!ref || !text) return { status: 'ignored' };
        recording.record({
          kind: 'feedback',
          ...askerOf(ref, body.team?.id, body.user.id),
          helpful: null,
          entryIds: ref.entryIds,
          asked: ref.asked,
          comment: text,
        });
        return { status: 'comment', results: ref.entryIds };
      },
      async () => {},
    );
  });
}
