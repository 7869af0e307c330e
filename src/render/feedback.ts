import * as z from 'zod';
import type { Decision } from '../answer/types.js';
import { actions, type Block, button, context, LIMITS, sections } from './blocks.js';
import type { Message } from './message.js';
import { truncate } from './mrkdwn.js';
import { blocksToText } from './plain-text.js';

/** Action ids of the feedback controls, and the callback id of the "what were you looking for?" modal. */
export const FEEDBACK_ACTION = 'feedback';
export const FEEDBACK_BUTTON_PREFIX = 'feedback:';
export const FEEDBACK_MORE_ACTION = 'feedback_more';
export const FEEDBACK_MODAL = 'feedback_comment';
export const FEEDBACK_INPUT = { block: 'looking_for', action: 'text' } as const;

/** How the feedback controls are drawn: Slack's feedback buttons in messages, plain buttons in modals. */
export type FeedbackStyle = 'message' | 'buttons';

/**
 * What a feedback control carries: which answer (its entries, the question it answered, the
 * surface it was asked on) and the reader's verdict; never who the reader is.
 */
export interface FeedbackRef {
  helpful: boolean;
  entryIds: string[];
  asked: string;
  surface: string;
}

const ASKED_LENGTH = 300;
const COMMENT_LENGTH = 500;

const refSchema = z.strictObject({
  h: z.boolean(),
  e: z.array(z.string().max(200)).max(5),
  q: z.string().max(ASKED_LENGTH),
  s: z.string().max(20),
});

export function encodeFeedback(ref: FeedbackRef): string {
  const value = JSON.stringify({
    h: ref.helpful,
    e: ref.entryIds.slice(0, 5),
    q: truncate(ref.asked, ASKED_LENGTH),
    s: ref.surface,
  });
  return value.length <= LIMITS.buttonValue
    ? value
    : JSON.stringify({ h: ref.helpful, e: ref.entryIds.slice(0, 5), q: '', s: ref.surface });
}

/** A control's value back to its reference; undefined for a value this app did not make. */
export function decodeFeedback(value: string | undefined): FeedbackRef | undefined {
  if (!value) return undefined;
  try {
    const parsed = refSchema.safeParse(JSON.parse(value));
    return parsed.success
      ? { helpful: parsed.data.h, entryIds: parsed.data.e, asked: parsed.data.q, surface: parsed.data.s }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The "Helpful" / "Not helpful" controls under an answer; nothing under what is not an answer. */
export function feedbackBlocks(decision: Decision, { style, surface }: { style: FeedbackStyle; surface: string }): Block[] {
  if (decision.status !== 'found') return [];
  const ref = (helpful: boolean) =>
    encodeFeedback({ helpful, entryIds: [decision.results[0].entry.id], asked: decision.query, surface });
  if (style === 'buttons') {
    return actions([
      button('Helpful', `${FEEDBACK_BUTTON_PREFIX}yes`, ref(true)),
      button('Not helpful', `${FEEDBACK_BUTTON_PREFIX}no`, ref(false)),
    ]);
  }
  return [
    {
      type: 'context_actions',
      elements: [
        {
          type: 'feedback_buttons',
          action_id: FEEDBACK_ACTION,
          positive_button: { text: plain('Helpful'), value: ref(true), accessibility_label: 'This answer was helpful' },
          negative_button: { text: plain('Not helpful'), value: ref(false), accessibility_label: 'This answer was not helpful' },
        },
      ],
    },
  ];
}

/** The reader's thanks, only to them; "Not helpful" also offers to say what they were looking for. */
export function renderFeedbackThanks(ref: FeedbackRef): Message {
  const blocks = ref.helpful
    ? sections('Thanks for telling us this answer helped.')
    : [
        ...sections('Thanks for telling us. The editors read every "Not helpful" to improve what I know.'),
        ...actions([button('Say what you were looking for', FEEDBACK_MORE_ACTION, encodeFeedback(ref))]),
      ];
  return { blocks, text: blocksToText(blocks) };
}

export interface FeedbackModal {
  type: 'modal';
  callback_id: string;
  private_metadata: string;
  title: { type: 'plain_text'; text: string };
  submit: { type: 'plain_text'; text: string };
  close: { type: 'plain_text'; text: string };
  blocks: Block[];
}

/** The optional short form: "what were you looking for?"; the answer it is about travels in private_metadata. */
export function renderFeedbackModal(ref: FeedbackRef): FeedbackModal {
  return {
    type: 'modal',
    callback_id: FEEDBACK_MODAL,
    private_metadata: encodeFeedback(ref),
    title: plain('Thanks for your feedback'),
    submit: plain('Send'),
    close: plain('Skip'),
    blocks: [
      ...context('Optional. Your words go to the editors; your name does not.'),
      {
        type: 'input',
        block_id: FEEDBACK_INPUT.block,
        label: plain('What were you looking for?'),
        element: { type: 'plain_text_input', action_id: FEEDBACK_INPUT.action, multiline: true, max_length: COMMENT_LENGTH },
      },
    ],
  };
}

function plain(text: string) {
  return { type: 'plain_text' as const, text, emoji: false };
}
