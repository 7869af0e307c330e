import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { OPEN_ACTION_PREFIX, SHARE_ACTION } from '../../render/actions.js';
import { renderDecision } from '../../render/message.js';
import { renderGone } from '../../render/notice.js';
import { renderModal } from '../../render/view.js';
import type { Surface } from '../../store/schema.js';
import { decisionForValue } from '../button-value.js';
import { deliverWithinDeadline, respondPrivately } from '../delivery.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf, whereFrom } from '../handled.js';
import { teamOf } from '../team-gate.js';

/** Buttons: "Share in channel", and the buttons that open a mission, a story or a topic. */
export function registerActions(app: App, deps: ListenerDeps): void {
  const { engine, delivery, recording } = deps;
  const withUrl = (respond: RespondFn | undefined): RespondFn => {
    if (!respond) throw new Error('this action came without a response_url');
    return respond;
  };
  const send = (respond: RespondFn | undefined, message: Parameters<RespondFn>[0]) => {
    const reply = withUrl(respond);
    return deliverWithinDeadline(() => reply(message), delivery);
  };
  const privately = (respond: RespondFn | undefined) => (message: object) =>
    respondPrivately(withUrl(respond), message, delivery);
  const decisionFor = (value: string | undefined) => decisionForValue(engine(), value);

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: SHARE_ACTION },
    async ({ ack, action, body, respond }) => {
      await ack();
      await handled(
        deps,
        { kind: 'action', name: SHARE_ACTION, ...whereFrom(body) },
        async () => {
          const decision = decisionFor(action.value);
          if (!decision) {
            await privately(respond)(renderGone());
            return { status: 'gone' };
          }
          await send(respond, {
            response_type: 'in_channel',
            replace_original: false,
            ...renderDecision(decision, {
              share: false,
              sharedBy: body.user.id,
              feedback: { style: 'message', surface: 'command' },
            }),
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
        { kind: 'action', name: 'open', ...whereFrom(body) },
        async () => {
          const decision = decisionFor(action.value);
          const surface = surfaceOf(body);
          const feedback = { style: 'message', surface } as const;
          if (decision) recording.record({ kind: 'request', surface, team: teamOf(body), user: body.user.id, decision });
          if (inView) {
            const open = body.view?.type === 'modal' ? client.views.push : client.views.open;
            await deliverWithinDeadline(() => open({ trigger_id: body.trigger_id, view: renderModal(decision) }), delivery);
          } else if (!decision) {
            await privately(respond)(renderGone());
          } else if (body.container?.is_ephemeral) {
            await send(respond, { replace_original: true, ...renderDecision(decision, { feedback }) });
          } else {
            await privately(respond)(renderDecision(decision, { feedback }));
          }
          return decision ? outcomeOf(decision) : { status: 'gone' };
        },
        inView ? async () => {} : privately(respond),
      );
    },
  );
}

/** Where a button was clicked: the Home tab (or a modal over it), a direct message, a command's reply, or a channel. */
function surfaceOf(body: BlockAction): Surface {
  if (body.container?.type === 'view') return 'home';
  if (body.channel?.id.startsWith('D')) return 'dm';
  return body.container?.is_ephemeral ? 'command' : 'mention';
}
