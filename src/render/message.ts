import type { Decision } from '../answer/types.js';
import type { Mission, Story } from '../knowledge/types.js';
import { encodeOrigin, OPEN_ACTION_PREFIX, SHARE_ACTION, showOrigin } from './actions.js';
import { excerptAnswer, notCoveredSubject, SOURCE_IN_ENGLISH, uncoveredPlace } from './answer-views.js';
import { actions, type Block, button, context, fitBlocks, header, LIMITS, sections } from './blocks.js';
import { footnotesContext, sourcesContext, sourcesList } from './citations.js';
import {
  type EntryView,
  type Link,
  missionCard,
  missionLine,
  missionLink,
  storyLink,
  storyPassage,
  topicAnswer,
} from './entry-views.js';
import { type FeedbackStyle, feedbackBlocks } from './feedback.js';
import { bold, code, echoed, escapeText, truncate } from './mrkdwn.js';
import { blocksToText } from './plain-text.js';

const LIST_NOUNS = {
  'peacekeeping operation': 'Peacekeeping operations',
  'special political mission': 'Special political missions',
} as const;
const LIST_STATUSES = { active: ', still running', ended: ' that have ended' } as const;

/** Longest lists a message spells out; Slack could not show more buttons anyway. */
const LIST_LINES = 40;
const OTHER_STORIES = 5;

export interface Message {
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /** Offer "Share in channel" (for answers only the asker sees). Defaults to: a slash command or a button asked. */
  share?: boolean;
  /** Slack user id of whoever shared the answer into the channel. */
  sharedBy?: string;
  /** "Helpful" / "Not helpful" under an answer, and the surface it was asked on (Slack only). */
  feedback?: { style: FeedbackStyle; surface: string };
}

/** The one renderer: a decision to Block Kit and its plain-text fallback, for Slack, the console and `ask`. */
export function renderDecision(decision: Decision, options: RenderOptions = {}): Message {
  const shareable = decision.status === 'found' || decision.status === 'list';
  const share = shareable && (options.share ?? !('command' in decision.origin && decision.origin.command === null));
  const view = body(decision);
  const shareButton = share ? [button('Share in channel', SHARE_ACTION, encodeOrigin(decision.origin), 'primary')] : [];
  const sharedBy = options.sharedBy && /^[UW][A-Z0-9]+$/.test(options.sharedBy) ? `Shared by <@${options.sharedBy}>` : '';
  const blocks = fitBlocks([
    ...view.blocks,
    ...context(view.credit ?? '', sharedBy),
    ...(view.credit ? [] : sourcesContext(decision.sources)),
    ...footnotesContext(decision.footnotes),
    ...context(decision.language === 'fr' && decision.status === 'found' ? SOURCE_IN_ENGLISH : ''),
    ...actions([...shareButton, ...openButtons(view.links)]),
    ...(options.feedback ? feedbackBlocks(decision, options.feedback) : []),
  ]);
  return { blocks, text: fallbackText(blocks, decision) };
}

/** The plain-text fallback; when it must be shortened, the required notes still end it. */
function fallbackText(blocks: Block[], decision: Decision): string {
  const text = blocksToText(blocks);
  if (text.length <= LIMITS.fallbackText) return text;
  const notes = decision.footnotes.map((note) => escapeText(note.text)).join('\n');
  return notes ? `${truncate(text, LIMITS.fallbackText - notes.length - 1)}\n${notes}` : truncate(text, LIMITS.fallbackText);
}

function openButtons(links: Link[]) {
  return links.map(({ label, type, id }, i) => button(label, `${OPEN_ACTION_PREFIX}${i}`, encodeOrigin(showOrigin(type, id))));
}

function body(decision: Decision): EntryView {
  switch (decision.status) {
    case 'help':
      return help();
    case 'list':
      return directory(decision);
    case 'ambiguous':
      return ambiguous(decision);
    case 'not_found':
      return notFound(decision);
    case 'found': {
      const view = found(decision);
      return decision.figureMissing ? { ...view, blocks: [...sections(NO_FIGURE), ...view.blocks] } : view;
    }
  }
}

/** Said above the closest passage when the figure asked for is not in the texts. */
const NO_FIGURE = 'The texts I answer from give no figure for that. The closest I have:';

function found(decision: Decision): EntryView {
  const [best, ...rest] = decision.results;
  const tie = decision.asked === 'question' ? rest.map((r) => r.entry) : [];
  const tieLinks: Link[] = tie.map((e) => ({ label: `Also: ${e.title}`, type: e.type, id: e.id }));
  const entry = best.entry;
  if (decision.excerpt && entry.type !== 'mission') {
    const view = excerptAnswer(entry, decision.excerpt, decision);
    return { ...view, links: [...view.links, ...tieLinks] };
  }
  switch (entry.type) {
    case 'mission': {
      const view = missionCard(entry, decision.related, decision);
      return { ...view, links: [...view.links, ...tieLinks] };
    }
    case 'story': {
      // A story request lists the other stories found; a question's runner-up is in tieLinks.
      const others = decision.asked === 'story' ? rest.slice(0, OTHER_STORIES).map((r) => r.entry as Story) : [];
      const view = storyPassage(entry, decision, others);
      return { ...view, links: [...view.links, ...tieLinks] };
    }
    case 'topic': {
      const view = topicAnswer(entry);
      return {
        blocks: view.blocks,
        links: tieLinks,
        credit: `${escapeText(`From ${sourcesList(decision.sources)}`)} · Ask me ${code('/hr-mission <name>')} for a mission`,
      };
    }
  }
}

function directory(decision: Decision): EntryView {
  if (decision.asked === 'story' || decision.results[0]?.entry.type === 'story') {
    const all = decision.results.map((r) => r.entry as Story);
    const stories = all.slice(0, LIST_LINES);
    const more =
      all.length > stories.length
        ? `\n…and ${all.length - stories.length} more: narrow it down with ${code('/hr-story <mission, country or theme>')}`
        : '';
    return {
      blocks: [
        header(`Stories (${all.length})`),
        ...sections(stories.map((s) => `• ${bold(s.title)} · ${escapeText(s.missions.join(', '))}`).join('\n') + more),
        ...context('Open one for the passage word for word, its figures and its attribution.'),
      ],
      links: stories.map((s) => storyLink(s)),
    };
  }
  const missions = decision.results.map((r) => r.entry as Mission);
  return {
    blocks: [
      header(
        `${decision.listedKind ? LIST_NOUNS[decision.listedKind] : 'Missions'} with a human rights team${decision.listed ? LIST_STATUSES[decision.listed] : ''}${decision.listedYear ? ` in ${decision.listedYear}` : ''} (${missions.length})`,
      ),
      ...sections(missions.map(missionLine).join('\n')),
    ],
    links: missions.map((m) => missionLink(m)),
  };
}

function ambiguous(decision: Decision): EntryView {
  const missions = decision.results.map((r) => r.entry as Mission);
  return {
    blocks: sections(
      `${quoteQuery(decision)} could mean more than one mission:\n${missions.map((m) => `• ${missionLine(m)}`).join('\n')}`,
    ),
    links: missions.map((m) => missionLink(m, ` · ${m.where}`)),
  };
}

/** What to ask instead, when nothing answers. */
const ASK_INSTEAD = `"what does the human rights team do?", ${code('/hr-mission <country>')} or ${code('/hr-story <theme>')}`;

function notFound(decision: Decision): EntryView {
  const suggestions = decision.results.map((r) => r.entry);
  const links = suggestions.map((e) => ({
    label: e.type === 'mission' ? `${e.id} · ${e.where}` : e.title,
    type: e.type,
    id: e.id,
  }));
  // Named in the text as well as on the buttons: a notification or a screen reader shows no buttons.
  const named = suggestions
    .map((e) => (e.type === 'mission' ? `${bold(e.id)} (${escapeText(e.where)})` : bold(e.title)))
    .join(' or ');
  switch (decision.asked) {
    case 'mission':
      return {
        blocks: sections(
          `I couldn't find a mission matching ${quoteQuery(decision)}.\nTry a mission's acronym or country, e.g. \`/hr-mission Mali\`, or \`/hr-mission\` for the full list.${named ? `\nDid you mean ${named}?` : ''}`,
        ),
        links,
      };
    case 'story':
      if (decision.elsewhere) {
        return {
          blocks: sections(
            `No story is about ${quoteQuery(decision)}. ${suggestions.length > 1 ? 'These mention it' : 'This mentions it'}:\n${suggestions.map((e) => `• ${e.type === 'mission' ? missionLine(e) : bold(e.title)}`).join('\n')}\nOpen ${suggestions.length > 1 ? 'one' : 'it'} for the text, word for word, and its source.`,
          ),
          links,
        };
      }
      if (suggestions.length) {
        const missions = suggestions.map((m) => bold(m.title)).join(' or ');
        return {
          blocks: sections(
            decision.offTheme
              ? `No story of ${missions} is about ${quoteQuery(decision)}.\n${suggestions.length > 1 ? 'Their mission cards have' : 'Its mission card has'} what has been published; ${suggestions.map((m) => `\`/hr-story ${m.id}\``).join(' or ')} ${suggestions.length > 1 ? 'list their' : 'lists its'} stories.`
              : `There is no story about ${missions} yet.\nIts mission card has what has been published; \`/hr-story\` lists every story.`,
          ),
          links,
        };
      }
      return {
        blocks: sections(
          `I couldn't find a story matching ${quoteQuery(decision)}.\nTry a country, a mission or a theme, e.g. \`/hr-story South Sudan\` or \`/hr-story elections\`, or \`/hr-story\` for them all.`,
        ),
        links,
      };
    case 'question':
      if (decision.uncovered) return uncoveredPlace(decision.uncovered, suggestions as Mission[]);
      if (decision.notCovered) return notCoveredSubject(decision.notCovered, suggestions as Mission[], ASK_INSTEAD);
      return {
        blocks: sections(
          `I don't have an answer to ${quoteQuery(decision)} in what I know.\nI know the human rights work of UN peace operations: try ${ASK_INSTEAD}.${named ? `\nThe closest I have: ${named}.` : ''}`,
        ),
        links,
      };
  }
}

function help(): EntryView {
  return {
    blocks: [
      header('How to ask me'),
      ...sections(
        [
          `• ${code('/hr-mission <acronym, country or town>')}: a mission card, e.g. ${code('/hr-mission MINUSCA')} or ${code('/hr-mission Haiti')}. ${code('/hr-mission')} alone lists every mission.`,
          `• ${code('/hr-story <mission, country or theme>')}: passages to quote, word for word, with figures and attribution, e.g. ${code('/hr-story South Sudan')}. ${code('/hr-story')} alone lists every story.`,
          '• Mention me or send me a direct message with a question, e.g. _what does the human rights team do?_',
        ].join('\n'),
      ),
      ...context('I answer only from UN Peacekeeping texts on human rights and checked mission facts.'),
    ],
    links: [],
  };
}

function quoteQuery(decision: Decision): string {
  return escapeText(echoed(decision.query));
}
