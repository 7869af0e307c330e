import type { App } from '@slack/bolt';
import { COMMANDS } from '../../answer/types.js';
import { replyTo } from '../../render/reply.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf } from '../handled.js';

/** /hr-mission and /hr-story: the answer is the acknowledgement itself, ephemeral, well inside Slack's 3 seconds. */
export function registerCommands(app: App, deps: ListenerDeps): void {
  const { engine } = deps;
  for (const name of COMMANDS) {
    app.command(name, async ({ command, ack }) => {
      await handled(
        deps,
        { kind: 'command', name },
        async () => {
          const reply = replyTo(engine(), { command: name, text: command.text });
          await ack({ response_type: 'ephemeral', ...reply.message });
          return reply.ok ? outcomeOf(reply.decision) : { status: 'bad_request' };
        },
        (apology) => ack({ response_type: 'ephemeral', ...apology }),
      );
    });
  }
}
