import type { App } from '@slack/bolt';
import { COMMANDS } from '../../answer/types.js';
import { replyTo } from '../../render/reply.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf } from '../handled.js';

const FEEDBACK = { style: 'message', surface: 'command' } as const;

/** /hr-mission and /hr-story: the answer is the acknowledgement itself, ephemeral, well inside Slack's 3 seconds. */
export function registerCommands(app: App, deps: ListenerDeps): void {
  const { engine, recording } = deps;
  for (const name of COMMANDS) {
    app.command(name, async ({ command, ack }) => {
      await handled(
        deps,
        { kind: 'command', name },
        async () => {
          const reply = replyTo(engine(), { command: name, text: command.text }, { feedback: FEEDBACK });
          await ack({ response_type: 'ephemeral', ...reply.message });
          if (!reply.ok) return { status: 'bad_request' };
          recording.record({
            kind: 'request',
            surface: 'command',
            team: command.team_id,
            user: command.user_id,
            decision: reply.decision,
          });
          return outcomeOf(reply.decision);
        },
        (apology) => ack({ response_type: 'ephemeral', ...apology }),
      );
    });
  }
}
