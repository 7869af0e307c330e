import MiniSearch from 'minisearch';
import { MISSION_NAME_NOISE, STOP_WORDS } from './stop-words.js';
import { fold, sentences, soundKey, stem } from './text.js';
import type { Entry, EntryType, KnowledgeBase, Mission } from './types.js';

/** One name people type for a mission (acronym, place, short form, full name). */
export interface NameDoc {
  id: number;
  mission: string;
  name: string;
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
  names: MiniSearch<NameDoc>;
  byId: ReadonlyMap<string, Entry>;
  missionsById: ReadonlyMap<string, Mission>;
}

const tokenize = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u);

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

  const entries = new MiniSearch<EntryDoc>({
    fields: ['acronym', 'names', 'title', 'keywords', 'text', 'figures'],
    storeFields: ['type'],
    tokenize,
    processTerm: entryTerm,
  });
  entries.addAll(all.map((entry) => toEntryDoc(entry, missionsById)));

  const names = new MiniSearch<NameDoc>({
    fields: ['name'],
    storeFields: ['mission', 'name'],
    tokenize,
    processTerm: nameTerm,
  });
  let nextId = 0;
  names.addAll(
    knowledge.missions.flatMap((m) => [m.id, m.where, m.name, ...m.names].map((name) => ({ id: nextId++, mission: m.id, name }))),
  );

  return { knowledge, entries, names, byId: new Map(all.map((e) => [e.id, e])), missionsById };
}
