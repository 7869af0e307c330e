import type { App } from '@slack/bolt';
import { renderNoStory, renderQuotableStory } from '../../render/quotable-story.js';
import { replyTo } from '../../render/reply.js';
import { deliverWithinDeadline } from '../delivery.js';
import type { ListenerDeps } from '../deps.js';
import { handled, outcomeOf } from '../handled.js';

/** The custom step's callback id and its one input, as declared in manifest.yml's `functions`. */
export const QUOTABLE_STORY_FUNCTION = 'get_quotable_story';
export const QUOTABLE_STORY_INPUT = 'about';

/**
 * Workflow Builder's "Get a quotable story": the input goes to the story search, and the best
 * story completes the step as plain text (passage, figures, attribution, required footnote).
 * Nothing found completes it with an error that says so, never with an empty story.
 */
export function registerWorkflowStep(app: App, deps: ListenerDeps): void {
  const { engine, delivery } = deps;
  app.function(QUOTABLE_STORY_FUNCTION, async ({ inputs, complete, fail }) => {
    const failWith = (error: string) => deliverWithinDeadline(() => fail({ error }), delivery);
    await handled(
      deps,
      { kind: 'event', name: 'function_executed' },
      async () => {
        const about = inputs[QUOTABLE_STORY_INPUT];
        const reply = replyTo(engine(), { command: '/hr-story', text: typeof about === 'string' ? about : '' });
        if (!reply.ok) {
          await failWith(reply.error);
          return { status: 'bad_request' };
        }
        deps.recording.record({ kind: 'request', surface: 'workflow', decision: reply.decision });
        const story = renderQuotableStory(reply.decision);
        if (!story) {
          await failWith(renderNoStory(reply.decision));
          return { status: 'not_found' };
        }
        await deliverWithinDeadline(() => complete({ outputs: { ...story } }), delivery);
        return outcomeOf(reply.decision);
      },
      (apology) => failWith(apology.text),
    );
  });
}
