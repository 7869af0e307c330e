import type { SearchOptions } from 'minisearch';
import { entryTerm, type SearchIndex } from '../knowledge/search-index.js';
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
 * Two neighbouring letters typed the wrong way round ("gaols", "rihgts") are two edits to the
 * fuzzy search, too many for a short word: an unknown word that one swap makes known is read so.
 */
function swappedLetters(term: string, known: ReadonlyMap<string, number>): string | undefined {
  for (let i = 0; i < term.length - 1; i++) {
    const candidate = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

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
  { types, fields, limit, figures: figure, minCoverage = MIN_COVERAGE }: SearchScope,
): Ranked[] {
  const asked = informativeWords(index, typed);
  if (asked.terms.size === 0) return [];
  const unknownMatched = (queryTerms: string[]) => queryTerms.filter((t) => !asked.known.has(t)).length;
  const options: SearchOptions = {
    fields: fields ? [...fields] : figure ? [...BASE_FIELDS, 'figures'] : BASE_FIELDS,
    boost: figure ? { ...BASE_BOOST, figures: 4 } : BASE_BOOST,
    // Only a word the knowledge does not contain can be a typo or the start of a word.
    fuzzy: (term) => (term.length >= 5 && !index.documentFrequency.has(term) ? 0.2 : false),
    prefix: (term) => term.length >= 4 && !index.documentFrequency.has(term),
    combineWith: 'OR',
    // Too thin a match is dropped inside the search, which spares sorting it.
    filter: (result) =>
      result.queryTerms.length >= minCoverage * (asked.known.size + unknownMatched(result.queryTerms)) &&
      (!types || types.includes(result.type)),
  };
  const best: Ranked[] = [];
  for (const hit of index.entries.search(asked.words.join(' '), options)) {
    const fromUnknown = unknownMatched(hit.queryTerms);
    const coverage = hit.queryTerms.length / (asked.known.size + fromUnknown);
    const match = { matched: hit.queryTerms.length + asked.common, unknown: asked.terms.size - asked.known.size - fromUnknown };
    keepBest(best, { entry: index.byId.get(hit.id) as Entry, score: hit.score, coverage, ...match }, limit);
  }
  return best;
}

const before = (a: Ranked, b: Ranked) => (b.coverage ?? 0) - (a.coverage ?? 0) || b.score - a.score;

/** Inserts into a list kept sorted and no longer than `limit`: the top results without sorting every hit. */
function keepBest(best: Ranked[], candidate: Ranked, limit: number) {
  if (best.length === limit && before(candidate, best[limit - 1]) >= 0) return;
  let i = best.length;
  while (i > 0 && before(candidate, best[i - 1]) < 0) i--;
  best.splice(i, 0, candidate);
  if (best.length > limit) best.pop();
}
