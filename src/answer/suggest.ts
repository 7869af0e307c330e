import { entryTerm, type SearchIndex } from '../knowledge/search-index.js';
import { fold, words } from '../knowledge/text.js';
import type { Entry } from '../knowledge/types.js';
import { cleanSlackText } from './clean-text.js';
import type { MissionResolver } from './resolve-mission.js';

export type Suggester = (text: string, limit: number) => Entry[];

/** Only the fields that name an entry: a type-ahead offers what people call things, not what the texts mention. */
const NAME_FIELDS = ['acronym', 'names', 'title', 'keywords'];

/**
 * Entries for what is being typed, the last word possibly unfinished: the missions it may name
 * (by acronym, place, short form or a typo), then missions, stories and topics whose names begin
 * with or nearly match its words. Too little to search gives the entries whose name begins with it.
 */
export function createSuggester(index: SearchIndex, resolveMission: MissionResolver): Suggester {
  const all: Entry[] = [...index.knowledge.missions, ...index.knowledge.topics, ...index.knowledge.stories];
  return (raw, limit) => {
    const text = cleanSlackText(raw);
    const typed = words(text).filter((word) => entryTerm(word) !== null);
    if (typed.length === 0) {
      const start = fold(text);
      return all.filter((e) => fold(e.id).startsWith(start) || fold(e.title).startsWith(start)).slice(0, limit);
    }
    const found = new Map<string, Entry>();
    for (const { entry } of resolveMission(text).missions) found.set(entry.id, entry);
    const search = (combineWith: 'AND' | 'OR') =>
      index.entries.search(typed.join(' '), {
        fields: NAME_FIELDS,
        prefix: true,
        fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
        combineWith,
      });
    const hits = search('AND');
    for (const hit of hits.length > 0 ? hits : search('OR')) {
      const entry = index.byId.get(hit.id);
      if (entry && !found.has(entry.id)) found.set(entry.id, entry);
    }
    return [...found.values()].slice(0, limit);
  };
}
