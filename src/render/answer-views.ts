import type { Decision } from '../answer/types.js';
import type { Mission, Story, Topic } from '../knowledge/types.js';
import { header, sections } from './blocks.js';
import { attribution, sourcesList } from './citations.js';
import { type EntryView, type Link, missionLine, missionLink } from './entry-views.js';
import { blockQuote, bold, escapeText, markdownToMrkdwn } from './mrkdwn.js';

/** Said under an answer to a question asked in French: the text shown is the English source, unchanged. */
export const SOURCE_IN_ENGLISH = 'The source is in English: this is its text, word for word.';

/**
 * The sentence or two of an entry that answer a question, word for word, then its source, with a
 * button for the full passage (a story's communications card, or the whole topic).
 */
export function excerptAnswer(entry: Story | Topic, excerpt: string, decision: Decision): EntryView {
  const source = decision.sources.find((s) => s.id === entry.source);
  const title = entry.type === 'story' ? `${entry.title} · ${entry.missions.join(', ')}` : entry.title;
  const quote = excerpt
    .split('\n')
    .map((line) => blockQuote(markdownToMrkdwn(line)))
    .join('\n');
  const credit = source && (entry.type === 'story' ? attribution(source) : `From ${sourcesList([source])}`);
  return {
    blocks: [header(title), ...sections(quote)],
    links: [
      {
        label: entry.type === 'story' ? 'Full passage, figures and attribution' : 'Full passage',
        type: entry.type,
        id: entry.id,
      },
    ],
    credit: credit ? escapeText(credit) : undefined,
  };
}

/** A subject the texts do not cover ("salary"): say so and what they are, and offer the missions the question named. */
export function notCoveredSubject(subject: string, missions: Mission[], askInstead: string): EntryView {
  const named = missions.length
    ? `\nWhat I have on ${missions.length > 1 ? 'these missions' : 'this mission'}:\n${missions.map((m) => `• ${missionLine(m)}`).join('\n')}`
    : `\nTry ${askInstead}.`;
  return {
    blocks: sections(
      `I have nothing on ${bold(subject)} in the texts I answer from: UN Peacekeeping texts on the human rights work of UN peace operations.${named}`,
    ),
    links: missions.map((m): Link => missionLink(m)),
  };
}

/** A place the knowledge does not cover: say so, say what it covers, and offer every mission. */
export function uncoveredPlace(place: string, missions: Mission[]): EntryView {
  const lines = missions.map((m) => `• ${missionLine(m)}`).join('\n');
  return {
    blocks: sections(
      `I have nothing on ${bold(place)}: I know only the human rights work of these UN missions, from UN Peacekeeping texts.\n${lines}`,
    ),
    links: missions.map((m): Link => missionLink(m)),
  };
}
