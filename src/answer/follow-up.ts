import type { SearchIndex } from '../knowledge/search-index.js';
import type { Entry, Mission } from '../knowledge/types.js';
import { searchEntries } from './search-entries.js';
import type { AnswerRequest } from './types.js';

/**
 * The missions a question is about: those it names by acronym; failing that, in a conversation
 * ("and is it still active?" after a mission's card), the mission of the entry it was last about.
 * A question that some entry answers in all its words on its own ("what are the goals of human
 * rights teams?") is a new subject, answered as it would be anywhere.
 */
export function missionsNamedOrMeant(
  index: SearchIndex,
  query: string,
  typed: string[],
  context: AnswerRequest['context'],
): Mission[] {
  const named = typed.flatMap((word) => index.missionsById.get(word.toUpperCase()) ?? []);
  if (named.length > 0 || !context) return named;
  const [alone] = searchEntries(index, query, { limit: 1 });
  return alone?.coverage === 1 ? [] : missionOf(index, index.byId.get(context.entryId));
}

/** A mission is its own; a story belongs to its first mission; a topic to none. */
function missionOf(index: SearchIndex, entry: Entry | undefined): Mission[] {
  if (entry?.type === 'mission') return [entry];
  const first = entry?.type === 'story' ? index.missionsById.get(entry.missions[0]) : undefined;
  return first ? [first] : [];
}
