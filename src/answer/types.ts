import type { IntentKind } from '../knowledge/glossary.js';
import type { Entry, EntryType, Footnote, Mission, Source, Story } from '../knowledge/types.js';

export const COMMANDS = ['/hr-mission', '/hr-story'] as const;
export type Command = (typeof COMMANDS)[number];

/** What a user asked: a slash command with its text, or (command null) a question from a mention or DM. */
export interface AnswerRequest {
  command: Command | null;
  text: string;
  /** What the conversation was last about: a question naming no mission is taken as about this entry's mission. */
  context?: { entryId: string };
}

export type Status = 'found' | 'ambiguous' | 'not_found' | 'list' | 'help';
export type AskedFor = 'mission' | 'story' | 'question';

export interface Ranked<E extends Entry = Entry> {
  entry: E;
  score: number;
  /** For free-text results: the share of the asker's words the entry matches. */
  coverage?: number;
  /** For free-text results: how many of the asker's words it matches, and how many words no entry knows. */
  matched?: number;
  unknown?: number;
}

/** What produced a decision, so a button can produce it again: a request, or one entry by id. */
export type Origin = AnswerRequest | { type: EntryType; id: string };

export interface Decision {
  origin: Origin;
  asked: AskedFor;
  status: Status;
  /** The user's text with Slack markup removed; shown back only escaped. */
  query: string;
  /** Best first. For not_found, the suggestions (at most three). */
  results: Ranked[];
  /** For a mission card: the mission's stories. */
  related: Story[];
  /** Notes every rendering of this decision must carry. */
  footnotes: Footnote[];
  /** The sources cited by the entries in this decision. */
  sources: Source[];
  /** What kind of answer the question asked for, besides its subject (see knowledge/glossary.yml). */
  intents?: IntentKind[];
  /** For a question: the sentence or two of the best entry that answer it, word for word. */
  excerpt?: string;
  /** The question was in French; the answer is the English source text. */
  language?: 'fr';
  /** A place the question named that the knowledge does not cover. */
  uncovered?: string;
  /** A subject the question asked about that glossary.yml lists as not covered by the texts ("salary"). */
  notCovered?: string;
  /** A figure was asked for ("how many…") and what is shown holds none for it: the closest the texts have. */
  figureMissing?: true;
  /** For a list of missions: only those still running, or only those that ended, as asked. */
  listed?: 'active' | 'ended';
  /** For a list of missions: only those of this kind, as asked. */
  listedKind?: Mission['kind'];
  /** For a list of missions that ended: only those that ended in this year, as asked. */
  listedYear?: string;
  /** For a story request not found: the missions named have stories, but none about what was asked. */
  offTheme?: true;
  /** For a story request not found: no story is about what was asked, but these cards or topics hold it. */
  elsewhere?: true;
}
