import type { App, BlockAction, ExternalSelectAction } from '@slack/bolt';
import { SEARCH_ACTION } from '../../render/actions.js';
import { OPTIONS_LIMITS, renderOptions } from '../../render/search.js';
import { renderModal } from '../../render/view.js';
import { decisionForValue } from '../button-value.js';
import { deliverWithinDeadline } from '../delivery.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf } from '../handled.js';

/** The Home tab's search select: options as the user types (from the engine), and the chosen entry's card in a modal. */
export function registerTypeAhead(app: App, deps: ListenerDeps): void {
  const { engine, delivery } = deps;
  app.options(SEARCH_ACTION, async ({ options, ack }) => {
    await handled(
      deps,
      { kind: 'action', name: 'search_options' },
      async () => {
        const entries = engine().suggest(options.value, OPTIONS_LIMITS.options);
        await ack(renderOptions(entries));
        return { status: entries.length > 0 ? 'found' : 'not_found', results: entries.map((e) => e.id) };
      },
      () => ack({ options: [] }),
    );
  });

  app.action<BlockAction<ExternalSelectAction>>(
    { type: 'block_actions', action_id: SEARCH_ACTION },
    async ({ ack, action, body, client }) => {
      await ack();
      await handled(
        deps,
        { kind: 'action', name: SEARCH_ACTION },
        async () => {
          const decision = decisionForValue(engine(), action.selected_option?.value);
          await deliverWithinDeadline(
            () => client.views.open({ trigger_id: body.trigger_id, view: renderModal(decision) }),
            delivery,
          );
          return decision ? outcomeOf(decision) : { status: 'gone' };
        },
        async () => {},
      );
    },
  );
}
