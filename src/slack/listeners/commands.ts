import type { App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isCommand } from '../../answer/request.js';
import type { Command } from '../../answer/types.js';
import { createReplyCache, type Reply } from '../../render/reply.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf, whereFrom } from '../handled.js';

const FEEDBACK = { style: 'message', surface: 'command' } as const;

/**
 * /hr-mission and /hr-story: the answer is the acknowledgement itself, ephemeral, well inside
 * Slack's 3 seconds. They are answered by a global middleware rather than `app.command()`: Bolt
 * runs every request through every listener's matchers, and a command, the busiest request,
 * needs none of them. Anything else goes on.
 */
export function registerCommands(app: App, deps: ListenerDeps): void {
  const cachedReply = createReplyCache({ feedback: FEEDBACK });
  app.use(async (args) => {
    if (!('command' in args) || !isCommand(args.command.command)) return args.next();
    const name = args.command.command;
    await answerCommand(args, name, () => cachedReply(deps.engine(), name, args.command.text), deps);
  });
}

async function answerCommand(
  { command, ack }: SlackCommandMiddlewareArgs,
  name: Command,
  reply: () => Reply,
  deps: ListenerDeps,
) {
  await handled(
    deps,
    { kind: 'command', name, ...whereFrom(command) },
    async () => {
      const answer = reply();
      await ack({ response_type: 'ephemeral', ...answer.message });
      if (!answer.ok) return { status: 'bad_request' };
      deps.recording.record({
        kind: 'request',
        surface: 'command',
        team: command.team_id,
        user: command.user_id,
        decision: answer.decision,
      });
      return outcomeOf(answer.decision);
    },
    (apology) => ack({ response_type: 'ephemeral', ...apology }),
  );
}
