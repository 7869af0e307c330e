import type { Entry } from '../knowledge/types.js';
import { encodeOrigin, SEARCH_ACTION, showOrigin } from './actions.js';
import type { Block } from './blocks.js';
import { truncate } from './mrkdwn.js';

/** Slack's limits for an options list (external_select): options per response, option text, option value. */
export const OPTIONS_LIMITS = { options: 100, text: 75, value: 150 } as const;

interface Option {
  text: { type: 'plain_text'; text: string };
  value: string;
}

interface OptionGroup {
  label: { type: 'plain_text'; text: string };
  options: Option[];
}

/** The Home tab's search select: type a mission, country, story or topic, choose one, and its card opens. */
export function searchBlock(): Block {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: '*Find a mission, a story or a topic*' },
    accessory: {
      type: 'external_select',
      action_id: SEARCH_ACTION,
      placeholder: { type: 'plain_text', text: 'Type a name, country or theme' },
      min_query_length: 1,
    },
  };
}

const GROUPS = [
  { type: 'mission', label: 'Missions' },
  { type: 'story', label: 'Stories' },
  { type: 'topic', label: 'Topics' },
] as const;

/** Suggestions as an options list, grouped by kind, in the order given, within Slack's limits. */
export function renderOptions(entries: Entry[]): { option_groups: OptionGroup[] } {
  const options = entries
    .map((entry) => ({ entry, value: encodeOrigin(showOrigin(entry.type, entry.id)) }))
    .filter(({ value }) => value.length <= OPTIONS_LIMITS.value)
    .slice(0, OPTIONS_LIMITS.options);
  const option_groups = GROUPS.map(({ type, label }) => ({
    label: { type: 'plain_text' as const, text: label },
    options: options
      .filter(({ entry }) => entry.type === type)
      .map(({ entry, value }) => ({
        text: { type: 'plain_text' as const, text: truncate(entry.title, OPTIONS_LIMITS.text) },
        value,
      })),
  })).filter((group) => group.options.length > 0);
  return { option_groups };
}
