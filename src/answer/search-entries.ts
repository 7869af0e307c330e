import type { SearchResult } from 'minisearch';
import { entryTerm, type SearchIndex } from '../knowledge/search-index.js';
import { swappedLetters } from '../knowledge/text.js';
import type { Entry, EntryType } from '../knowledge/types.js';
import type { Ranked } from './types.js';

const BASE_BOOST = { acronym: 6, names: 4, title: 3, asks: 3, keywords: 2.5, text: 1 };
const BASE_FIELDS = Object.keys(BASE_BOOST);

/** An entry must match at least this share of the asker's words to count as an answer. */
const MIN_COVERAGE = 0.5;
/**
 * A word found in more than this share of all entries says little about which one is meant
 * (BM25 weighs a word that common under ln 3, and one found in one entry of 24 at 2.8), yet
 * searching it goes through every one of those entries.
 */
export const UBIQUITOUS = 1 / 3;

/**
 * The words worth searching for: ubiquitous ones ("human", "rights") are left out when the
 * question has others. They would barely change the ranking, yet make the search score every entry.
 */
function informativeWords(index: SearchIndex, typed: readonly string[]) {
  const all = typed.flatMap((word) => {
    const term = entryTerm(word);
    if (!term) return [];
    const swapped = index.documentFrequency.has(term) ? undefined : swappedLetters(term, index.documentFrequency);
    return [swapped ? { word: swapped, term: swapped } : { word, term }];
  });
  const limit = index.entries.documentCount * UBIQUITOUS;
  const informative = all.filter(({ term }) => (index.documentFrequency.get(term) ?? 0) <= limit);
  const kept = informative.length > 0 ? informative : all;
  const terms = new Set(kept.map((k) => k.term));
  return {
    words: kept.map((k) => k.word),
    terms,
    known: new Set([...terms].filter((t) => index.documentFrequency.has(t))),
    /** Words too common to search, which every answer is taken to match. */
    common: all.length - kept.length,
  };
}

export interface SearchScope {
  types?: readonly EntryType[];
  /** Only these fields (default: all but figures, and figures too when a figure is asked for). */
  fields?: readonly (keyof typeof BASE_BOOST)[];
  limit: number;
  /** A figure or a date is asked for: sentences holding one count. */
  figures?: boolean;
  /** The share of the asker's words an entry must match (default MIN_COVERAGE); 0 to rank entries already chosen. */
  minCoverage?: number;
  /** Only these entries, by id (a mission's stories). */
  within?: ReadonlySet<string>;
}

/**
 * Ranks entries of the given types for the asker's words: first by the share of them they
 * match, then by score. A word the knowledge does not know counts only for an entry that
 * matches it (as a typo or the start of a word); `unknown` tells how many no entry matched.
 * Figure sentences count when a figure is asked for.
 */
export function searchEntries(
  index: SearchIndex,
  typed: readonly string[],
  { types, fields, limit, figures: figure, minCoverage = MIN_COVERAGE, within }: SearchScope,
): Ranked[] {
  const asked = informativeWords(index, typed);
  if (asked.terms.size === 0) return [];
  const unknownMatched = (queryTerms: readonly string[]) => {
    let count = 0;
    for (const term of queryTerms) if (!asked.known.has(term)) count++;
    return count;
  };
  // Passing over an entry before it is scored costs two look-ups for every match: worth it only
  // when most entries are not wanted.
  const pruneTypes = types !== undefined && entriesOf(index, types) < index.entries.documentCount / 2;
  const isWanted = (id: string, stored?: Record<string, unknown>) =>
    (!types || types.includes(stored?.type as EntryType)) && (!within || within.has(id));
  const passedOverBeforeScoring = within !== undefined || pruneTypes;
  const best: Ranked[] = [];
  const consider = (hit: SearchResult) => {
    if (!passedOverBeforeScoring && !isWanted(hit.id, hit)) return;
    const fromUnknown = unknownMatched(hit.queryTerms);
    const coverage = hit.queryTerms.length / (asked.known.size + fromUnknown);
    // Too thin a match is not an answer; one below the best kept so far is passed over before it is built.
    if (coverage < minCoverage || !ranksAmong(best, coverage, hit.score, limit)) return;
    const match = { matched: hit.queryTerms.length + asked.common, unknown: asked.terms.size - asked.known.size - fromUnknown };
    keepBest(best, { entry: index.byId.get(hit.id) as Entry, score: hit.score, coverage, ...match }, limit);
  };
  index.entries.search(asked.words.join(' '), {
    fields: fields ? [...fields] : figure ? [...BASE_FIELDS, 'figures'] : BASE_FIELDS,
    boost: figure ? { ...BASE_BOOST, figures: 4 } : BASE_BOOST,
    // Only a word the knowledge does not contain can be a typo or the start of a word.
    fuzzy: (term) => (term.length >= 5 && !index.documentFrequency.has(term) ? 0.2 : false),
    prefix: (term) => term.length >= 4 && !index.documentFrequency.has(term),
    combineWith: 'OR',
    // Entries outside the chosen ones, or of types few entries have, are passed over before they are scored.
    ...(passedOverBeforeScoring
      ? { boostDocument: (id: string, _term: string, stored?: Record<string, unknown>) => (isWanted(id, stored) ? 1 : 0) }
      : {}),
    // Each hit is weighed as the search finds it, and only the best are kept: the search itself
    // returns nothing, which spares it gathering and sorting thousands of hits.
    filter: (hit) => {
      consider(hit);
      return false;
    },
  });
  return best;
}

function entriesOf(index: SearchIndex, types: readonly EntryType[]): number {
  const { missions, topics, stories } = index.knowledge;
  const count = { mission: missions.length, topic: topics.length, story: stories.length };
  return types.reduce((sum, type) => sum + count[type], 0);
}

type Standing = Pick<Ranked, 'coverage' | 'score'>;

const before = (a: Standing, b: Standing) => (b.coverage ?? 0) - (a.coverage ?? 0) || b.score - a.score;

/** Whether one result ranks above another: it matches more of the asker's words, or as many with a higher score. */
export const outranks = (a: Ranked, b: Ranked) => before(a, b) < 0;

/** Whether a hit of this coverage and score would enter the best `limit` kept so far. */
function ranksAmong(best: readonly Ranked[], coverage: number, score: number, limit: number): boolean {
  return best.length < limit || before({ coverage, score }, best[limit - 1]) < 0;
}

/** Inserts into a list kept sorted and no longer than `limit`: the top results without sorting every hit. */
function keepBest(best: Ranked[], candidate: Ranked, limit: number) {
  let i = best.length;
  while (i > 0 && before(candidate, best[i - 1]) < 0) i--;
  best.splice(i, 0, candidate);
  if (best.length > limit) best.pop();
}
