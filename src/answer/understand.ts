import type { IntentKind } from '../knowledge/glossary.js';
import { phraseKey } from '../knowledge/glossary.js';
import { entryTerm, type SearchIndex } from '../knowledge/search-index.js';
import { stem, words as wordsOf } from '../knowledge/text.js';
import type { Mission } from '../knowledge/types.js';
import { type Reading, withoutAuxiliaries } from '../knowledge/vocabulary.js';
import { clausesOf, normalise, type TypedWord } from './normalise.js';
import { asksTheBot, dropPadding, opensQuestion, ownWords } from './padding.js';
import type { MissionResolver } from './resolve-mission.js';

/** What a question asks, once read: the pipeline's output, which ranking and answering use. */
export interface Understood {
  /** The words to search for (folded): padding dropped, synonyms read as the texts' words, intent words out. */
  words: string[];
  intents: ReadonlySet<IntentKind>;
  /** It points back to what a thread was about ("when was it set up?"), with a word the glossary lists as `refers_back`, no acronym before it. */
  refersBack: boolean;
  /** The question is in French (the answer then says that the source is in English). */
  french: boolean;
  /** Missions the question names, by any name people type for them, and the words that name them. */
  missions: Mission[];
  nameWords: ReadonlySet<string>;
  /** A place the question asks about that the knowledge does not cover ("Nepal"). */
  uncovered?: string;
  /** A subject glossary.yml lists as not covered, which the texts still do not hold ("salary"), as typed. */
  notCovered?: string;
  /** Those of the words that mean the missions themselves ("missions", "peace operations"). */
  directory: ReadonlySet<string>;
  /** Nothing but padding was asked (a greeting, thanks). */
  empty: boolean;
  /** The message holds a question (a clause ending with "?" or opening like one), whether or not anything remains of it. */
  asked: boolean;
  /**
   * Nothing remains, yet the question asked with words of its own that nobody knows ("what is the
   * best pizza?"): it asks something the knowledge lacks, not "where is it?" of a conversation.
   */
  unknownAsked: boolean;
  /** It asks the bot itself what it has ("what stories do you have?"), not about what a conversation was about. */
  asksTheBot: boolean;
}

/** `padding: false` for a command's text, which is a name or a theme, not a conversation. */
export type Understand = (text: string, options?: { padding: boolean }) => Understood;

/** Words after which a capitalised word is a place: "in Nepal", "au Népal". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'about', 'en', 'au', 'aux', 'dans']);
/** A name typed as an acronym ("UNJHRO"), which a word pointing back after it may stand for. */
const ACRONYM = /^[A-Z][A-Z0-9]+$/;
/** Two French small words, or one beside a French phrase, make a question French. */
const FRENCH_MARKERS_ALONE = 2;

/**
 * The query-understanding pipeline: normalise (markup, dotted acronyms, accents, case), split
 * into clauses and drop conversational padding (padding.ts), read the rest through the glossary
 * (intents out, synonyms and French to the texts' words), and find the missions named.
 */
export function createUnderstanding(index: SearchIndex, resolveMission: MissionResolver): Understand {
  const missionNames = new Map<string, Mission[]>();
  let longestName = 1;
  for (const mission of index.knowledge.missions) {
    for (const name of [mission.id, mission.where, mission.name, ...mission.names]) {
      const key = wordsOf(name).join(' ');
      if (!key) continue;
      const list = missionNames.get(key) ?? [];
      if (!list.includes(mission)) list.push(mission);
      missionNames.set(key, list);
      longestName = Math.max(longestName, key.split(' ').length);
    }
  }

  /** The missions named in a run of words, longest names first ("South Sudan" before "Sudan"). */
  const namedIn = (words: string[]): { missions: Mission[]; at: Set<number> } => {
    const missions: Mission[] = [];
    const at = new Set<number>();
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(longestName, words.length - i); n >= 1; n--) {
        const found = missionNames.get(words.slice(i, i + n).join(' '));
        if (!found) continue;
        for (const m of found) if (!missions.includes(m)) missions.push(m);
        for (let k = i; k < i + n; k++) at.add(k);
        i += n - 1;
        break;
      }
    }
    return { missions, at };
  };

  const frenchMarkers = new Set(index.knowledge.glossary.frenchMarkers.flatMap(phraseKey));

  const known = (word: string) => {
    const term = entryTerm(word);
    return term !== null && index.documentFrequency.has(term);
  };

  /** A phrase glossary.yml lists as not covered, unless the texts have since come to hold every word of it. */
  const notCoveredIn = (reading: Reading) =>
    reading.notCovered.find((phrase) => phrase.some((word) => entryTerm(word) !== null && !known(word)));

  /** A capitalised word after "in", "au"…, that no entry, glossary phrase or mission name knows. */
  const uncoveredPlace = (words: TypedWord[], at: number): boolean => {
    const { raw, word } = words[at];
    if (at === 0 || !PLACE_PREPOSITIONS.has(words[at - 1].word)) return false;
    if (raw[0] === raw[0].toLowerCase() || word.length < 3 || known(word)) return false;
    if (index.vocabulary([word]).words[0] !== word) return false;
    return resolveMission(word).status === 'not_found';
  };

  const clauseFacts = (words: TypedWord[]) => {
    // Read as the whole question is read below, so that a glossary phrase meets it the same way.
    const folded = withoutAuxiliaries(words, (w) => w.word)
      .map((w) => w.word)
      .filter((w) => w.length > 1);
    const reading = index.vocabulary(folded);
    const names = namedIn(folded).missions.length > 0;
    const uncovered = words.some((_, i) => uncoveredPlace(words, i)) || notCoveredIn(reading) !== undefined;
    // "Thanks, it helps" is no question: a word pointing back says nothing of its own.
    const kinds = [...reading.intents].filter((kind) => kind !== 'refers_back');
    const intents = kinds.some((kind) => kind !== 'help');
    return {
      known: names || uncovered || kinds.length > 0 || reading.words.some(known),
      courteous: reading.courteousOpening,
      subjectOrIntent: names || uncovered || intents,
    };
  };

  return (text, { padding } = { padding: true }) => {
    const all = clausesOf(normalise(text));
    const { isCourtesy } = index.vocabulary;
    const clauses = padding ? dropPadding(all, clauseFacts, isCourtesy) : all.map((c) => c.words);
    const asking = all.filter((c) => c.asked || opensQuestion(c.words, isCourtesy));
    const asked = asking.length > 0;
    const typed = clauses.flatMap((clause) => withoutAuxiliaries(clause, (w) => w.word));
    const read = typed.filter((w) => w.word.length > 1);
    const folded = read.map((w) => w.word);
    const reading = index.vocabulary(folded);
    // A word the glossary read as part of a phrase ("for Many thanks") is no place.
    const uncoveredAt = typed.findIndex((w, i) => reading.words.includes(w.word) && uncoveredPlace(typed, i));
    const { missions, at } = namedIn(reading.words);

    const french =
      reading.frenchMarkers >= FRENCH_MARKERS_ALONE ||
      (reading.frenchMarkers >= 1 && reading.frenchPhrases >= 1) ||
      reading.frenchPhrases >= 2;
    return {
      // Small words (English stop words, French markers) say nothing of the subject.
      words: reading.words.filter((w) => entryTerm(w) !== null && !frenchMarkers.has(stem(w))),
      intents: new Set([...reading.intents].filter((kind) => kind !== 'refers_back')),
      // "When was it set up?", "how many students did it train?" point back; in "what is UNJHRO and
      // what does it do?", "it" is the thing named before it.
      refersBack: reading.referBackAt !== undefined && !read.slice(0, reading.referBackAt).some((w) => ACRONYM.test(w.raw)),
      french,
      missions,
      nameWords: new Set([...at].map((i) => reading.words[i])),
      uncovered: uncoveredAt >= 0 && missions.length === 0 ? typed[uncoveredAt].raw : undefined,
      notCovered: notCoveredIn(reading)?.join(' '),
      directory: new Set(reading.directory),
      empty: typed.length === 0,
      asked,
      unknownAsked:
        typed.length === 0 && asking.some((c) => ownWords(c.words, isCourtesy).some((w) => entryTerm(w.word) !== null)),
      asksTheBot: asking.some((c) => asksTheBot(c.words, isCourtesy)),
    };
  };
}
