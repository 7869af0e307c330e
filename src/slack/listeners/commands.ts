import type { App } from '@slack/bolt';
import { checkRequest } from '../../answer/request.js';
import { COMMANDS } from '../../answer/types.js';
import { renderDecision } from '../../render/message.js';
import { renderProblem } from '../../render/notice.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf } from '../handled.js';

/** /hr-mission and /hr-story: the answer is the acknowledgement itself, ephemeral, well inside Slack's 3 seconds. */
export function registerCommands(app: App, { engine, logger }: ListenerDeps): void {
  for (const name of COMMANDS) {
    app.command(name, async ({ command, ack }) => {
      await handled(
        logger,
        { kind: 'command', name },
        async () => {
          const checked = checkRequest({ command: name, text: command.text });
          if (!checked.ok) {
            await ack({ response_type: 'ephemeral', ...renderProblem(checked.error) });
            return { status: 'bad_request' };
          }
          const decision = engine().answer(checked.request);
          await ack({ response_type: 'ephemeral', ...renderDecision(decision) });
          return outcomeOf(decision);
        },
        (apology) => ack({ response_type: 'ephemeral', ...apology }),
      );
    });
  }
}
