import type { Glossary } from './glossary.js';

/** The knowledge as the rest of the app sees it, after loading and validation. */

export interface Source {
  id: string;
  title: string;
  publisher: string;
  author?: string;
  authorRole?: string;
  year?: number;
  file: string;
}

export interface Footnote {
  id: string;
  appliesTo: string;
  text: string;
  source: string;
}

export interface Achievement {
  text: string;
  source: string;
}

interface EntryBase {
  id: string;
  title: string;
  footnotes: string[];
  /** Questions this entry answers, in people's words (editors' alternative phrasings). */
  asks?: string[];
  /** The knowledge file it came from, relative to the knowledge folder. */
  file: string;
}

export interface Mission extends EntryBase {
  type: 'mission';
  name: string;
  where: string;
  kind: 'peacekeeping operation' | 'special political mission';
  status: 'active' | 'closed' | 'succeeded';
  ended?: string;
  successor?: string;
  names: string[];
  achievements: Achievement[];
  factsSource: string;
}

export interface Topic extends EntryBase {
  type: 'topic';
  text: string;
  source: string;
  keywords: string[];
  /** Offered first to a new colleague (the assistant panel's suggested prompts). */
  welcome: boolean;
}

export interface Story extends EntryBase {
  type: 'story';
  text: string;
  source: string;
  keywords: string[];
  missions: string[];
  country: string;
  places: string[];
  figures: string[];
}

export type Entry = Mission | Topic | Story;
export type EntryType = Entry['type'];

export interface KnowledgeBase {
  missions: Mission[];
  /** How people ask: synonyms, French equivalents, words of intent (glossary.yml). */
  glossary: Glossary;
  topics: Topic[];
  stories: Story[];
  sources: ReadonlyMap<string, Source>;
  footnotes: ReadonlyMap<string, Footnote>;
  /** The newest modification time among the knowledge files. */
  updatedAt: Date;
  /**
   * A hash of the glossary.yml text this glossary was read from, by this code; absent without one.
   * A reload finding the same text keeps this glossary: a copy with another glossary must drop it.
   */
  glossaryDigest?: string;
}
