import type { Decision } from '../answer/types.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { encodeOrigin, OPEN_ACTION_PREFIX, showOrigin } from './actions.js';
import { type Block, button, context, divider, fitBlocks, header, LIMITS, sections } from './blocks.js';
import { footnotesContext, sourcesList } from './citations.js';
import { missionLine } from './entry-views.js';
import { renderDecision } from './message.js';
import { bold, code, escapeText, truncate } from './mrkdwn.js';
import { renderGone } from './notice.js';
import { searchBlock } from './search.js';

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

export interface ModalView {
  type: 'modal';
  title: { type: 'plain_text'; text: string };
  close: { type: 'plain_text'; text: string };
  blocks: Block[];
}

const MODAL_TITLE_LENGTH = 24;
/** Room kept in the Home tab for the header, help, sources and notes around the two lists. */
const HOME_FIXED_BLOCKS = 13;

/** The App Home tab: how to ask, the directory of missions, the stories, where it all comes from. */
export function renderHome(knowledge: KnowledgeBase): HomeView {
  const open = (type: 'mission' | 'story', id: string, i: number) =>
    button('Open', `${OPEN_ACTION_PREFIX}${type}:${i}`, encodeOrigin(showOrigin(type, id)));
  const room = LIMITS.viewBlocks - HOME_FIXED_BLOCKS - knowledge.missions.length;
  const stories = knowledge.stories.slice(0, Math.max(0, room));
  const hidden = knowledge.stories.length - stories.length;
  const blocks: Block[] = [
    header('Human rights in UN peace operations'),
    searchBlock(),
    ...sections(
      `Ask me in any channel or here:\n• ${code('/hr-mission <acronym, country or town>')} for a mission card\n• ${code('/hr-story <mission, country or theme>')} for passages to quote\n• a question, by mentioning me or in a direct message`,
    ),
    divider,
    header(`Missions (${knowledge.missions.length})`),
    ...knowledge.missions.flatMap((m, i) => sections(missionLine(m), open('mission', m.id, i))),
    divider,
    header(`Stories (${knowledge.stories.length})`),
    ...stories.flatMap((s, i) => sections(`${bold(s.title)} · ${escapeText(s.missions.join(', '))}`, open('story', s.id, i))),
    ...(hidden > 0 ? context(`${hidden} more: use \`/hr-story\` to find them.`) : []),
    divider,
    ...context(
      escapeText(`Sources: ${sourcesList([...knowledge.sources.values()])}`),
      `Knowledge last updated ${knowledge.updatedAt.toISOString().slice(0, 10)}`,
    ),
    ...footnotesContext(
      [...knowledge.footnotes.values()].filter((f) => knowledge.missions.some((m) => m.footnotes.includes(f.id))),
    ),
  ];
  return { type: 'home', blocks: fitBlocks(blocks, LIMITS.viewBlocks) };
}

/**
 * A decision shown in a modal (from a Home tab button): no share button, as there is no channel.
 * Without a decision (the entry is gone since the Home tab was drawn), the modal says so.
 */
export function renderModal(decision: Decision | undefined): ModalView {
  const best = decision?.results[0]?.entry;
  const title = best ? (best.type === 'mission' ? best.id : best.title) : 'Not found';
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(title, MODAL_TITLE_LENGTH) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: decision ? renderDecision(decision, { share: false }).blocks : renderGone().blocks,
  };
}
