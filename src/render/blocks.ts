import { escapeText, truncate } from './mrkdwn.js';

/**
 * Block Kit builders that keep within Slack's limits (see shared/slack-platform.md),
 * so that no knowledge edit or user text can make Slack refuse a message.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  field: 2000,
  fields: 10,
  headerText: 150,
  contextElements: 10,
  actionElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  fallbackText: 3900,
} as const;

export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface Button {
  type: 'button';
  action_id: string;
  text: TextObject;
  value: string;
  style?: 'primary';
}

/** A select whose options the app gives as the user types (answered by the app's options listener). */
export interface ExternalSelect {
  type: 'external_select';
  action_id: string;
  placeholder: TextObject;
  min_query_length: number;
}

export type Block =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text?: TextObject; fields?: TextObject[]; accessory?: Button | ExternalSelect }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'actions'; elements: Button[] }
  | { type: 'divider' };

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: false } };
}

/** One or more sections: text longer than a section holds is split at line breaks, never lost. */
export function sections(mrkdwn: string, accessory?: Button): Block[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of mrkdwn.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= LIMITS.sectionText) {
      current = candidate;
      continue;
    }
    if (current) chunks.push(current);
    current = truncate(line, LIMITS.sectionText);
  }
  if (current.trim()) chunks.push(current);
  return chunks.map((text, i) => ({
    type: 'section',
    text: { type: 'mrkdwn', text },
    ...(accessory && i === 0 ? { accessory } : {}),
  }));
}

export function fields(items: string[]): Block[] {
  if (items.length === 0) return [];
  return [
    {
      type: 'section',
      fields: items.slice(0, LIMITS.fields).map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.field) })),
    },
  ];
}

export function context(...items: string[]): Block[] {
  const elements = items
    .filter(Boolean)
    .slice(0, LIMITS.contextElements)
    .map((text): TextObject => ({ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) }));
  return elements.length ? [{ type: 'context', elements }] : [];
}

export function button(label: string, actionId: string, value: string, style?: 'primary'): Button {
  return {
    type: 'button',
    action_id: actionId.slice(0, LIMITS.actionId),
    text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText), emoji: false },
    value,
    ...(style ? { style } : {}),
  };
}

export function actions(buttons: Button[]): Block[] {
  const fitting = buttons.filter((b) => b.value.length <= LIMITS.buttonValue).slice(0, LIMITS.actionElements);
  return fitting.length ? [{ type: 'actions', elements: fitting }] : [];
}

export const divider: Block = { type: 'divider' };

/**
 * Keeps a message within the block limit. What does not fit is replaced by a note,
 * while the trailing context (sources, footnotes) and buttons are kept.
 */
export function fitBlocks(blocks: Block[], max: number = LIMITS.messageBlocks): Block[] {
  if (blocks.length <= max) return blocks;
  const tailStart = blocks.findIndex(
    (_, i) => i > 0 && blocks.slice(i).every((t) => t.type === 'context' || t.type === 'actions'),
  );
  const tail = tailStart > 0 ? blocks.slice(tailStart) : [];
  const body = blocks.slice(0, max - tail.length - 1);
  const note = context(escapeText(`${blocks.length - tail.length - body.length} more items are not shown here.`));
  return [...body, ...note, ...tail];
}
