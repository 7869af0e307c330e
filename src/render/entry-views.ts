import type { Decision } from '../answer/types.js';
import type { EntryType, Mission, Story, Topic } from '../knowledge/types.js';
import { type Block, fields, header, sections } from './blocks.js';
import { attribution, kindLabel, statusLabel } from './citations.js';
import { blockQuote, bold, escapeText, firstSentence, markdownToMrkdwn, truncate } from './mrkdwn.js';

/** A button that opens one entry. */
export interface Link {
  label: string;
  type: EntryType;
  id: string;
}

/** What one entry contributes to a message: its blocks, its buttons, and its credit line. */
export interface EntryView {
  blocks: Block[];
  links: Link[];
  credit?: string;
}

export const storyLink = (story: Story, prefix = ''): Link => ({ label: `${prefix}${story.title}`, type: 'story', id: story.id });
export const missionLink = (mission: Mission | string, suffix = ''): Link => {
  const id = typeof mission === 'string' ? mission : mission.id;
  return { label: `${id}${suffix}`, type: 'mission', id };
};

export function missionLine(mission: Mission): string {
  return `${bold(mission.id)} · ${escapeText(mission.where)} · ${escapeText(statusLabel(mission))}`;
}

/** A card lists this many stories; the rest are one `/hr-story` away. */
const CARD_STORIES = 8;

export function missionCard(mission: Mission, allStories: Story[], decision: Decision): EntryView {
  const stories = allStories.slice(0, CARD_STORIES);
  const more = allStories.length - stories.length;
  const achieved = mission.achievements.length
    ? mission.achievements.map((a) => escapeText(a.text)).join('\n\n')
    : `No achievement summary has been published for this mission yet.${stories.length ? ' Its stories are below.' : ''}`;
  const storyLines = stories.length
    ? stories.map((s) => `• ${bold(s.title)}${yearLabel(s, decision)}: ${escapeText(truncate(firstSentence(s.text), 160))}`)
    : ['No stories about this mission yet.'];
  if (more > 0) storyLines.push(`…and ${more} more: \`/hr-story ${mission.id}\``);
  return {
    blocks: [
      header(`${mission.id} · ${mission.where}`),
      ...sections(
        `${escapeText(mission.name)}\n${escapeText(kindLabel(mission))} · ${escapeText(statusLabel(mission))} · ${mission.status === 'active' ? 'Has' : 'Had'} a human rights team`,
      ),
      ...sections(`*What its human rights team has achieved*\n${achieved}`),
      ...sections(`*Stories*\n${storyLines.join('\n')}`),
    ],
    links: stories.map((s) => storyLink(s)),
  };
}

export function storyPassage(story: Story, decision: Decision, others: Story[]): EntryView {
  const source = decision.sources.find((s) => s.id === story.source);
  const quote = passageParagraphs(story)
    .map((paragraph) => blockQuote(escapeText(paragraph)))
    .join('\n>\n');
  return {
    blocks: [
      header(`${story.title} · ${story.missions.join(', ')}`),
      ...sections(quote),
      ...(story.figures.length ? sections('*Key figures, as the source gives them*') : []),
      ...fields(story.figures.map((f) => escapeText(f))),
    ],
    links: [...others.map((s) => storyLink(s, 'Also: ')), ...story.missions.map((id) => missionLink(id, ' mission card'))],
    credit: source ? escapeText(attribution(source)) : undefined,
  };
}

/** A story's passage as its paragraphs, each on one line: word for word, only the line breaks undone. */
export function passageParagraphs(story: Story): string[] {
  return story.text.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' '));
}

export function topicAnswer(topic: Topic): EntryView {
  return { blocks: sections(`${bold(topic.title)}\n${markdownToMrkdwn(topic.text)}`), links: [] };
}

function yearLabel(story: Story, decision: Decision): string {
  const year = decision.sources.find((s) => s.id === story.source)?.year;
  return year ? ` (${year})` : '';
}
