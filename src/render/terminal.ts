import type { Message } from './message.js';
import { blocksToText, unescapeMrkdwn } from './plain-text.js';

/** A message as the console and `ask` print it: Slack's blocks as lines, buttons in brackets. */
export function renderForTerminal(message: Message): string {
  return unescapeMrkdwn(blocksToText(message.blocks, { terminal: true }));
}
