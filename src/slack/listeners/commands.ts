import type { App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isCommand } from '../../answer/request.js';
import type { Command } from '../../answer/types.js';
import { replyTo } from '../../render/reply.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf, whereFrom } from '../handled.js';

const FEEDBACK = { style: 'message', surface: 'command' } as const;

/**
 * /hr-mission and /hr-story: the answer is the acknowledgement itself, ephemeral, well inside
 * Slack's 3 seconds. They are answered by a global middleware rather than `app.command()`: Bolt
 * runs every request through every listener's matchers (about 10 µs each on the bench machine,
 * 130 µs in all), and a command, the busiest request, needs none of them. Anything else goes on.
 */
export function registerCommands(app: App, deps: ListenerDeps): void {
  app.use(async (args) => {
    if (!('command' in args) || !isCommand(args.command.command)) return args.next();
    await answerCommand(args, args.command.command, deps);
  });
}

async function answerCommand({ command, ack }: SlackCommandMiddlewareArgs, name: Command, deps: ListenerDeps) {
  const { engine, recording } = deps;
  await handled(
    deps,
    { kind: 'command', name, ...whereFrom(command) },
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
}
