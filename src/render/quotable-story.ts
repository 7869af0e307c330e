import type { Decision } from '../answer/types.js';
import { attribution } from './citations.js';
import { passageParagraphs } from './entry-views.js';
import { echoed } from './mrkdwn.js';

/** A story card as plain text, in the parts a workflow puts where it likes; a part with nothing to say is left out. */
export interface QuotableStory {
  passage: string;
  attribution: string;
  figures?: string;
  footnote?: string;
}

/** The best story of a story search, as plain text; undefined when the search found none. */
export function renderQuotableStory(decision: Decision): QuotableStory | undefined {
  const story = decision.status === 'found' ? decision.results[0]?.entry : undefined;
  if (story?.type !== 'story') return undefined;
  const source = decision.sources.find((s) => s.id === story.source);
  const figures = story.figures.map((figure) => `• ${figure}`).join('\n');
  const footnote = decision.footnotes
    .filter((note) => story.footnotes.includes(note.id))
    .map((note) => note.text)
    .join('\n');
  return {
    passage: passageParagraphs(story).join('\n\n'),
    attribution: source ? attribution(source) : '',
    ...(figures ? { figures } : {}),
    ...(footnote ? { footnote } : {}),
  };
}

/** Why a story search gave no story, in plain text: nothing asked, no story about the mission named yet, none about what was asked, or nothing matching. */
export function renderNoStory(decision: Decision): string {
  const asked = echoed(decision.query);
  if (decision.status === 'list' || decision.status === 'help') return 'Name a mission, a country or a theme to get a story.';
  const missions = decision.results.filter((r) => r.entry.type === 'mission').map((r) => r.entry.title);
  if (missions.length === 0) return `No story found for ${asked}: try a mission's acronym, a country or a theme.`;
  return decision.offTheme
    ? `No story of ${missions.join(' or ')} is about ${asked}.`
    : `There is no story about ${missions.join(' or ')} yet (asked for ${asked}).`;
}
