/** Slack mrkdwn helpers. Every piece of text that reaches a message goes through `escapeText`. */

/** Slack's three control characters; with them escaped, no text can become a mention or a link. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
}

export function bold(text: string): string {
  return `*${escapeText(text)}*`;
}

/** The knowledge's Markdown (paragraphs, "-" and "1." lists) as mrkdwn, escaped. */
export function markdownToMrkdwn(markdown: string): string {
  return escapeText(markdown)
    .split('\n')
    .map((line) => line.replace(/^\s*[-*]\s+/, '• '))
    .join('\n');
}

/** Each line of the text as a block quote, ready to copy. */
export function blockQuote(mrkdwn: string): string {
  return mrkdwn
    .split('\n')
    .map((line) => `>${line ? ` ${line}` : ''}`)
    .join('\n');
}

export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/s.exec(text.trim());
  return (match ? match[0] : text).replace(/\s+/g, ' ');
}
