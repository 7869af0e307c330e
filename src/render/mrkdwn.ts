/** Slack mrkdwn helpers. Every piece of text that reaches a message goes through `escapeText`. */

/** Slack's three control characters; with them escaped, no text can become a mention or a link. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Made at its first use: making one loads ICU's break rules, which a start would otherwise wait for. */
let graphemes: Intl.Segmenter | undefined;

/**
 * Between two characters below U+0300 (Latin, digits, punctuation: no combining mark, emoji part
 * or surrogate) a grapheme always ends, CR LF excepted. Most cuts land there, so the costly
 * segmenter runs only near a cut that does not.
 */
function isPlainBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before < 0x300 && after < 0x300 && !(before === 13 && after === 10);
}

/** The longest start of the text within `max` UTF-16 units that ends between two graphemes (never inside an emoji). */
function graphemePrefix(text: string, max: number): string {
  if (isPlainBoundary(text, max)) return text.slice(0, max);
  let start = max;
  while (!isPlainBoundary(text, start)) start--;
  let end = start;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { index, segment } of graphemes.segment(text.slice(start, max + 64))) {
    if (start + index + segment.length > max) break;
    end = start + index + segment.length;
  }
  return text.slice(0, end);
}

/** Shortens the text to `max` characters as Slack counts them, at a word if one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = graphemePrefix(text, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
}

/** Inline code, with its text escaped: a placeholder such as `<name>` must not read as Slack markup. */
export function code(text: string): string {
  return `\`${escapeText(text)}\``;
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

/** Longest stretch of the asker's own words quoted back to them. */
const ECHO_LENGTH = 100;

/** The asker's words quoted back, in curly quotes, cut to a readable length (plain text: escape it for mrkdwn). */
export function echoed(text: string): string {
  return `“${truncate(text, ECHO_LENGTH)}”`;
}
