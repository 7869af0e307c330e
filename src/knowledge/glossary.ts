import { stem, tokenize } from './text.js';

export const GLOSSARY_FILE = 'glossary.yml';

/** The kinds of answer a question can ask for, besides its subject (see glossary.yml). */
export const INTENT_KINDS = [
  'author',
  'quote',
  'figures',
  'date',
  'name',
  'status',
  'active',
  'closed',
  'achievements',
  'stories',
  'list',
  'help',
  'peacekeeping',
  'political',
  'refers_back',
] as const;
export type IntentKind = (typeof INTENT_KINDS)[number];

interface Synonym {
  term: string;
  also: string[];
  french: string[];
}

/** The vocabulary of questions, as editors keep it in glossary.yml. */
export interface Glossary {
  synonyms: Synonym[];
  intents: Partial<Record<IntentKind, string[]>>;
  frenchMarkers: string[];
  directory: string[];
  /** Words of greeting and politeness, which a question can be wrapped in but never is about. */
  courtesy: string[];
  /** Words that are never what is asked ("exactly", "details"), dropped like courtesy, but no greeting. */
  fillers: string[];
  /**
   * Subjects people ask about that the texts do not cover ("salary", "annual leave"): a question
   * about one is told so, rather than answered with a passage that shares its other words. A
   * phrase stops counting once the texts hold every word of it.
   */
  notCovered: string[];
}

/** A phrase as it is matched: its words, folded and with plurals folded ("Droits de l'homme" -> droit de l homme). */
export const phraseKey = (text: string): string[] => tokenize(text).filter(Boolean).map(stem);
