import { type Glossary, INTENT_KINDS, type IntentKind, phraseKey } from './glossary.js';
import { AUXILIARY, PREPOSITIONS } from './stop-words.js';
import { stem, tokenize } from './text.js';

type Meaning =
  | { kind: 'synonym'; term: string[]; french: boolean }
  | { kind: 'intent'; intent: IntentKind }
  | { kind: 'directory' }
  | { kind: 'courtesy' }
  | { kind: 'filler' }
  | { kind: 'not_covered' };

interface Phrase {
  key: string[];
  meaning: Meaning;
}

/** What the glossary makes of a question's words. */
export interface Reading {
  /** The words to search for: synonyms read as the texts' words, words of intent, courtesy and fillers left out. */
  words: string[];
  intents: Set<IntentKind>;
  /** How many French phrases and French small words the question holds. */
  frenchPhrases: number;
  frenchMarkers: number;
  /** Words that mean the missions themselves ("missions", "peace operations"). */
  directory: string[];
  /** The words open with a greeting or thanks ("Good afternoon team", "Thanks Maria"). */
  courteousOpening: boolean;
  /** Where the first word pointing back (`refers_back`) is, among the words read, if there is one. */
  referBackAt?: number;
  /** Phrases listed as subjects the texts do not cover, as typed (their words are searched for too). */
  notCovered: string[][];
}

export interface Vocabulary {
  (words: readonly string[]): Reading;
  /** A word the glossary lists, alone, as courtesy ("please", "svp", "hi"). */
  isCourtesy(word: string): boolean;
}

/**
 * Compiles the glossary into one pass over a question's folded words: at each word the longest
 * phrase the glossary lists there wins, so "audiences foraines" is read before "audiences".
 */
export function compileVocabulary(glossary: Glossary): Vocabulary {
  const byFirst = new Map<string, Phrase[]>();
  const add = (text: string, meaning: Meaning) => {
    const key = phraseWords(text);
    if (key.length === 0) return;
    const list = byFirst.get(key[0]) ?? [];
    if (!list.some((p) => p.key.join(' ') === key.join(' '))) list.push({ key, meaning });
    byFirst.set(key[0], list);
  };
  for (const kind of INTENT_KINDS) for (const p of glossary.intents[kind] ?? []) add(p, { kind: 'intent', intent: kind });
  for (const p of glossary.directory) add(p, { kind: 'directory' });
  for (const p of glossary.courtesy) add(p, { kind: 'courtesy' });
  for (const p of glossary.fillers) add(p, { kind: 'filler' });
  for (const p of glossary.notCovered) add(p, { kind: 'not_covered' });
  for (const { term, also, french } of glossary.synonyms) {
    const words = phraseKey(term);
    for (const p of also) add(p, { kind: 'synonym', term: words, french: false });
    for (const p of french) add(p, { kind: 'synonym', term: words, french: true });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
  const markers = new Set(glossary.frenchMarkers.flatMap(phraseKey));
  const courtesyWords = new Set(glossary.courtesy.map(phraseKey).flatMap((key) => (key.length === 1 ? key : [])));

  const read = (input: readonly string[]): Reading => {
    const stems = input.map(stem);
    const reading: Reading = {
      words: [],
      intents: new Set(),
      frenchPhrases: 0,
      frenchMarkers: 0,
      directory: [],
      courteousOpening: false,
      notCovered: [],
    };
    for (let i = 0; i < stems.length; ) {
      if (markers.has(stems[i])) reading.frenchMarkers++;
      const phrase = byFirst.get(stems[i])?.find((p) => p.key.every((word, k) => stems[i + k] === word));
      if (!phrase) {
        reading.words.push(input[i]);
        i++;
        continue;
      }
      const { meaning } = phrase;
      if (i === 0 && meaning.kind === 'courtesy') reading.courteousOpening = true;
      if (meaning.kind === 'intent') {
        if (meaning.intent === 'refers_back') reading.referBackAt ??= i;
        reading.intents.add(meaning.intent);
      } else if (meaning.kind === 'directory' || meaning.kind === 'not_covered') {
        const words = input.slice(i, i + phrase.key.length);
        if (meaning.kind === 'directory') reading.directory.push(...words);
        else reading.notCovered.push(words);
        reading.words.push(...words);
      } else if (meaning.kind === 'synonym') {
        if (meaning.french) reading.frenchPhrases++;
        reading.words.push(...meaning.term);
      }
      i += phrase.key.length;
    }
    return reading;
  };
  return Object.assign(read, { isCourtesy: (word: string) => courtesyWords.has(stem(word)) });
}

/**
 * A glossary phrase as a question's words meet it: "did" inside it is dropped as the question drops
 * it ("how long did it run"). kb:check refuses a phrase that starts with it (see glossary.ts).
 */
function phraseWords(text: string): string[] {
  // A question's one-letter words are dropped before the glossary reads it ("how do I use you").
  const words = tokenize(text).filter((w) => w.length > 1);
  const inside = (i: number) => i > 0 && i < words.length - 1 && !PREPOSITIONS.has(words[i + 1]);
  return words.filter((w, i) => !(AUXILIARY.has(w) && inside(i))).map(stem);
}

/**
 * "How do they…", "what does the team…": "do" helping another verb says nothing; it is the verb
 * only at the end of a clause or before a preposition ("what does UNSOM do?", "what do they do in
 * Mali"). Questions and `asks:` lines both go through this, so that both sides agree.
 */
export function withoutAuxiliaries<T>(words: readonly T[], wordOf: (item: T) => string): T[] {
  return words.filter((w, i) => !AUXILIARY.has(wordOf(w)) || i === words.length - 1 || PREPOSITIONS.has(wordOf(words[i + 1])));
}
