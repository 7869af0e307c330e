import type { Block, TextObject } from './blocks.js';
import { escapeText } from './mrkdwn.js';

const BOLD = /\*(\S(?:[^*\n]*\S)?)\*/g;

function plain(object: TextObject): string {
  return object.type === 'mrkdwn' ? object.text.replace(BOLD, '$1') : object.text;
}

/**
 * The message as plain lines: the `text` fallback Slack shows in notifications and
 * reads to screen readers, and (for the terminal: headers in capitals, buttons in brackets) what the console prints.
 */
export function blocksToText(blocks: Block[], { terminal = false } = {}): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'header': {
        // A header is plain text; the fallback is read as mrkdwn, so its text is escaped there.
        const text = escapeText(block.text.text);
        lines.push(terminal ? text.toUpperCase() : text);
        break;
      }
      case 'section':
        if (block.text) lines.push(plain(block.text));
        if (block.fields) lines.push(block.fields.map((f) => `• ${plain(f)}`).join('\n'));
        if (terminal && block.accessory?.type === 'button') lines.push(`[${block.accessory.text.text}]`);
        break;
      case 'context':
        lines.push(block.elements.map(plain).join(' · '));
        break;
      case 'actions':
        if (terminal) lines.push(block.elements.map((b) => `[${b.text.text}]`).join(' '));
        break;
      case 'divider':
        lines.push('');
        break;
    }
  }
  return lines.join('\n');
}

/** Undoes Slack's escaping, for a terminal that shows text as it is. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
