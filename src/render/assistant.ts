import type { Starters } from '../answer/starters.js';
import { truncate } from './mrkdwn.js';

/** One suggested prompt: the label on the chip, and the message it sends. */
export interface Prompt {
  title: string;
  message: string;
}

/** Slack shows at most four suggested prompts. */
const MAX_PROMPTS = 4;
const PROMPT_TITLE_LENGTH = 75;
/** Long enough to recognise a thread in the panel's history, short enough for its list. */
const THREAD_TITLE_LENGTH = 60;

export const ASSISTANT_GREETING =
  'Hello! Ask me about the human rights work of UN peace operations: a mission, a story to quote, or what human rights teams do.';
export const ASSISTANT_PROMPTS_TITLE = 'New here? Colleagues often start with:';
export const ASSISTANT_STATUS = 'is looking through the human rights knowledge…';

/** The suggested prompts for a new assistant thread: the starter topics, one mission card, one story. */
export function renderPrompts(starters: Starters): Prompt[] {
  const prompts: Prompt[] = [
    ...starters.topics.map(({ entry, question }) => ({ title: entry.title, message: question })),
    ...(starters.mission ? [{ title: `${starters.mission.entry.id} mission card`, message: starters.mission.question }] : []),
    ...(starters.story ? [{ title: `A story to quote: ${starters.story.entry.title}`, message: starters.story.question }] : []),
  ];
  return prompts.slice(0, MAX_PROMPTS).map((p) => ({ ...p, title: truncate(p.title, PROMPT_TITLE_LENGTH) }));
}

/** A thread's title: the question on one line, shortened. */
export function renderThreadTitle(question: string): string {
  return truncate(question.replace(/\s+/g, ' ').trim(), THREAD_TITLE_LENGTH) || 'Question';
}
