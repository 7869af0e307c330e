import MiniSearch from 'minisearch';
import { MISSION_NAME_NOISE, STOP_WORDS } from './stop-words.js';
import { sentences, soundKey, stem, tokenize, words } from './text.js';
import type { Entry, EntryType, KnowledgeBase, Mission } from './types.js';

/** One name people type for a mission (acronym, place, short form, full name). */
export interface NameDoc {
  id: number;
  mission: string;
  name: string;
}

/** A word as typed or as indexed, with its sound-alike key. */
export interface SpokenWord {
  word: string;
  sound: string;
}

export function spoken(word: string): SpokenWord {
  return { word, sound: soundKey(word) };
}

export interface EntryDoc {
  id: string;
  type: EntryType;
  acronym: string;
  names: string;
  title: string;
  keywords: string;
  text: string;
  figures: string;
}

export interface SearchIndex {
  knowledge: KnowledgeBase;
  entries: MiniSearch<EntryDoc>;
  /** In how many entries each index term occurs, to tell informative words from ubiquitous ones. */
  documentFrequency: ReadonlyMap<string, number>;
  names: MiniSearch<NameDoc>;
  /** The words of each name document, by its id, ready to compare with what was typed. */
  nameWords: ReadonlyMap<number, readonly SpokenWord[]>;
  byId: ReadonlyMap<string, Entry>;
  missionsById: ReadonlyMap<string, Mission>;
}

/** Turns a query's or a document's word into its index term, or drops it. */
export function entryTerm(term: string): string | null {
  return term.length < 2 || STOP_WORDS.has(term) ? null : stem(term);
}

export function nameTerm(term: string): string | null {
  return term.length < 2 || STOP_WORDS.has(term) || MISSION_NAME_NOISE.has(term) ? null : soundKey(term);
}

const NUMBER_WORD =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|hundred|thousand|million|billion|first|second|third)\b/i;

/** Sentences that hold a figure or a date, so "how many…" and "when…" questions can favour them. */
function figureSentences(text: string): string {
  return sentences(text)
    .filter((s) => NUMBER_WORD.test(s))
    .join(' ');
}

export function toEntryDoc(entry: Entry, missionsById: ReadonlyMap<string, Mission>): EntryDoc {
  switch (entry.type) {
    case 'mission': {
      const text = [entry.name, ...entry.achievements.map((a) => a.text)].join('\n');
      return {
        id: entry.id,
        type: entry.type,
        acronym: entry.id,
        names: [entry.where, ...entry.names].join(' · '),
        title: entry.where,
        keywords: entry.kind,
        text,
        figures: figureSentences(text),
      };
    }
    case 'story': {
      const missions = entry.missions.map((id) => missionsById.get(id));
      return {
        id: entry.id,
        type: entry.type,
        acronym: '',
        names: [entry.country, ...entry.places, ...missions.flatMap((m) => (m ? [m.id, m.where] : []))].join(' · '),
        title: entry.title,
        keywords: entry.keywords.join(' · '),
        text: entry.text,
        figures: figureSentences(entry.text),
      };
    }
    case 'topic':
      return {
        id: entry.id,
        type: entry.type,
        acronym: '',
        names: '',
        title: entry.title,
        keywords: entry.keywords.join(' · '),
        text: entry.text,
        figures: figureSentences(entry.text),
      };
  }
}

export function buildSearchIndex(knowledge: KnowledgeBase): SearchIndex {
  const all: Entry[] = [...knowledge.missions, ...knowledge.topics, ...knowledge.stories];
  const missionsById = new Map(knowledge.missions.map((m) => [m.id, m]));

  // Each entry is normalised once: MiniSearch indexes the processed terms as they are, and the
  // same pass counts document frequencies. Queries still go through tokenize and entryTerm.
  const fields = ['acronym', 'names', 'title', 'keywords', 'text', 'figures'] as const;
  const documentFrequency = new Map<string, number>();
  const lastCounted = new Map<string, number>();
  const processed = all.map((entry, n) => {
    const doc = toEntryDoc(entry, missionsById);
    for (const field of fields) {
      const terms: string[] = [];
      for (const word of tokenize(doc[field])) {
        const term = entryTerm(word);
        if (term === null) continue;
        terms.push(term);
        if (lastCounted.get(term) !== n) {
          lastCounted.set(term, n);
          documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
        }
      }
      doc[field] = terms.join(' ');
    }
    return doc;
  });
  const entries = new MiniSearch<EntryDoc>({
    fields: [...fields],
    storeFields: ['type'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
    searchOptions: { tokenize, processTerm: entryTerm },
  });
  entries.addAll(processed);

  const names = new MiniSearch<NameDoc>({
    fields: ['name'],
    storeFields: ['mission', 'name'],
    tokenize,
    processTerm: nameTerm,
  });
  let nextId = 0;
  const nameDocs = knowledge.missions.flatMap((m) =>
    [m.id, m.where, m.name, ...m.names].map((name) => ({ id: nextId++, mission: m.id, name })),
  );
  names.addAll(nameDocs);
  const nameWords = new Map(nameDocs.map((doc) => [doc.id, words(doc.name).map(spoken)]));

  return { knowledge, entries, documentFrequency, names, nameWords, byId: new Map(all.map((e) => [e.id, e])), missionsById };
}
