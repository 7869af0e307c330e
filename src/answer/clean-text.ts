/**
 * Reduces text as Slack sends it (with `should_escape`) to the words a person typed:
 * mentions and broadcast tokens go, channel and link labels stay. No angle bracket survives,
 * so nothing cleaned can turn back into Slack markup wherever it is shown or stored.
 */
export function cleanSlackText(raw: string): string {
  return raw
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, ' $1 ')
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;|&gt;|[<>]/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
