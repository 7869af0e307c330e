import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { answerOrigin } from '../../answer/origin.js';
import { decodeOrigin, OPEN_ACTION_PREFIX, SHARE_ACTION } from '../../render/actions.js';
import { renderDecision } from '../../render/message.js';
import { renderGone } from '../../render/notice.js';
import { renderModal } from '../../render/view.js';
import { deliverWithinDeadline } from '../delivery.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf } from '../handled.js';

/** Buttons: "Share in channel", and the buttons that open a mission, a story or a topic. */
export function registerActions(app: App, deps: ListenerDeps): void {
  const { engine, delivery } = deps;
  const send = (respond: RespondFn | undefined, message: Parameters<RespondFn>[0]) => {
    if (!respond) throw new Error('this action came without a response_url');
    return deliverWithinDeadline(() => respond(message), delivery);
  };
  const privately = (respond: RespondFn | undefined) => (message: object) =>
    send(respond, { response_type: 'ephemeral', replace_original: false, ...message });
  /** What a button asks for, answered again; undefined for a value this app did not make or an entry gone since. */
  const decisionFor = (value: string | undefined) => {
    const origin = decodeOrigin(value);
    return origin && answerOrigin(engine(), origin);
  };

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: SHARE_ACTION },
    async ({ ack, action, body, respond }) => {
      await ack();
      await handled(
        deps,
        { kind: 'action', name: SHARE_ACTION },
        async () => {
          const decision = decisionFor(action.value);
          if (!decision) {
            await privately(respond)(renderGone());
            return { status: 'gone' };
          }
          await send(respond, {
            response_type: 'in_channel',
            replace_original: false,
            ...renderDecision(decision, { share: false, sharedBy: body.user.id }),
          });
          await send(respond, { delete_original: true });
          return outcomeOf(decision);
        },
        privately(respond),
      );
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^${OPEN_ACTION_PREFIX}`) },
    async ({ ack, action, body, respond, client }) => {
      await ack();
      const inView = body.container?.type === 'view';
      await handled(
        deps,
        { kind: 'action', name: 'open' },
        async () => {
          const decision = decisionFor(action.value);
          if (inView) {
            const open = body.view?.type === 'modal' ? client.views.push : client.views.open;
            await deliverWithinDeadline(() => open({ trigger_id: body.trigger_id, view: renderModal(decision) }), delivery);
          } else if (!decision) {
            await privately(respond)(renderGone());
          } else if (body.container?.is_ephemeral) {
            await send(respond, { replace_original: true, ...renderDecision(decision) });
          } else {
            await send(respond, { response_type: 'ephemeral', replace_original: false, ...renderDecision(decision) });
          }
          return decision ? outcomeOf(decision) : { status: 'gone' };
        },
        inView ? async () => {} : privately(respond),
      );
    },
  );
}
