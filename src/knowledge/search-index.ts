import { createHash } from 'node:crypto';
import MiniSearch, { type Options } from 'minisearch';
import type { IndexStore } from './index-store.js';
import { runAtOnce, runInSlices, type Steps } from './steps.js';
import { MISSION_NAME_NOISE, STOP_WORDS } from './stop-words.js';
import { fold, sentences, soundKey, stem, tokenize, words } from './text.js';
import type { Entry, EntryType, KnowledgeBase, Mission, Source, Story } from './types.js';
import { compileVocabulary, type Vocabulary, withoutAuxiliaries } from './vocabulary.js';

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
  /** The entry's `asks:` lines, read through the glossary as questions are. */
  asks: string;
  text: string;
  figures: string;
}

export interface SearchIndex {
  knowledge: KnowledgeBase;
  /** The glossary, compiled: how a question's words are read. */
  vocabulary: Vocabulary;
  entries: MiniSearch<EntryDoc>;
  /** In how many entries each index term occurs, to tell informative words from ubiquitous ones. */
  documentFrequency: ReadonlyMap<string, number>;
  names: MiniSearch<NameDoc>;
  /** The words of each name document, by its id, ready to compare with what was typed. */
  nameWords: ReadonlyMap<number, readonly SpokenWord[]>;
  byId: ReadonlyMap<string, Entry>;
  missionsById: ReadonlyMap<string, Mission>;
  /** Each mission's stories, in the knowledge's order: a card or a mission's story search reads them without going through every story. */
  storiesByMission: ReadonlyMap<string, readonly Story[]>;
}

/** Turns a query's or a document's word into its index term, or drops it. */
export function entryTerm(term: string): string | null {
  return term.length < 2 || STOP_WORDS.has(term) ? null : stem(term);
}

export function nameTerm(term: string): string | null {
  return term.length < 2 || STOP_WORDS.has(term) || MISSION_NAME_NOISE.has(term) ? null : soundKey(term);
}

/** A figure or a date in a sentence: digits or number words. */
export const NUMBER_WORD =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|hundred|thousand|million|billion|first|second|third)\b/i;

/** Sentences that hold a figure or a date, so "how many…" and "when…" questions can favour them. */
function figureSentences(text: string): string {
  return sentences(text)
    .filter((s) => NUMBER_WORD.test(s))
    .join(' ');
}

/** What the search indexes of an entry's own text: every field but its `asks:` lines. */
/** What an entry's searchable text is made with besides the entry: its missions, and its source (a story's author). */
export interface DocContext {
  missionsById: ReadonlyMap<string, Mission>;
  sources: ReadonlyMap<string, Source>;
}

function ownDoc(entry: Entry, { missionsById, sources }: DocContext): Omit<EntryDoc, 'asks'> {
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
        // Its author, as its attribution names them: communications staff look stories up by who wrote them.
        keywords: [...entry.keywords, sources.get(entry.source)?.author ?? ''].join(' · '),
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

function toEntryDoc(entry: Entry, context: DocContext, vocabulary: Vocabulary): EntryDoc {
  const asks = (entry.asks ?? []).map((ask) => vocabulary(withoutAuxiliaries(words(ask), String)).words.join(' ')).join(' · ');
  return { ...ownDoc(entry, context), asks };
}

const ENTRY_FIELDS = ['acronym', 'names', 'title', 'keywords', 'asks', 'text', 'figures'] as const;
const OWN_FIELDS = ENTRY_FIELDS.filter((field) => field !== 'asks');

/** Every index term an entry's own text gives the search (its `asks:` lines left out). */
export function ownTerms(entry: Entry, context: DocContext): Set<string> {
  const doc = ownDoc(entry, context);
  return new Set(OWN_FIELDS.flatMap((field) => tokenize(doc[field]).flatMap((word) => entryTerm(word) ?? [])));
}

// Entries are indexed as already-processed terms (see buildEntryIndex); queries still go through
// tokenize and entryTerm.
const ENTRY_INDEX_OPTIONS: Options<EntryDoc> = {
  fields: [...ENTRY_FIELDS],
  storeFields: ['type'],
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
  searchOptions: { tokenize, processTerm: entryTerm },
};

/** Below this many entries an index builds in milliseconds: saving it would only cost disk writes. */
const SAVE_FROM_ENTRIES = 500;

/**
 * What a saved index depends on: the searchable text, and the code that turns text into terms.
 * A change to either gives another key, so a saved index is never used after it.
 */
function indexKey(docs: EntryDoc[]): string {
  const code = [tokenize, fold, stem, entryTerm, ownDoc, toEntryDoc, figureSentences, sentences].map(String).join('\n');
  return createHash('sha256')
    .update(code)
    .update(String(NUMBER_WORD))
    .update(JSON.stringify([...STOP_WORDS]))
    .update(JSON.stringify(ENTRY_INDEX_OPTIONS.fields))
    .update(JSON.stringify(docs))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Each entry is normalised once: the same pass gives MiniSearch its terms and counts document
 * frequencies. Yields after each entry.
 */
function* buildEntryIndex(docs: EntryDoc[]) {
  const documentFrequency = new Map<string, number>();
  const lastCounted = new Map<string, number>();
  const entries = new MiniSearch<EntryDoc>(ENTRY_INDEX_OPTIONS);
  for (const [n, source] of docs.entries()) {
    yield;
    const doc = { ...source };
    for (const field of ENTRY_FIELDS) {
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
    entries.add(doc);
  }
  return { entries, documentFrequency };
}

function* entryIndex(docs: EntryDoc[], store: IndexStore | undefined) {
  if (!store || docs.length < SAVE_FROM_ENTRIES) return yield* buildEntryIndex(docs);
  const key = indexKey(docs);
  const saved = store.load(key);
  if (saved) {
    try {
      return {
        entries: MiniSearch.loadJS<EntryDoc>(saved.entries, ENTRY_INDEX_OPTIONS),
        documentFrequency: new Map(saved.documentFrequency),
      };
    } catch {
      // A damaged file is rebuilt and saved over, below.
    }
  }
  const built = yield* buildEntryIndex(docs);
  store.save(key, { entries: built.entries.toJSON(), documentFrequency: [...built.documentFrequency] });
  return built;
}

/** Indexes a knowledge base; with a store, a large one is saved after building and loaded next time. */
export function buildSearchIndex(knowledge: KnowledgeBase, store?: IndexStore): SearchIndex {
  return runAtOnce(indexSteps(knowledge, store));
}

/**
 * The same index built in slices, leaving the event loop free meanwhile (a reload). It neither
 * loads nor saves a stored index: reading or writing one whole would hold the event loop.
 */
export function buildSearchIndexInSlices(knowledge: KnowledgeBase): Promise<SearchIndex> {
  return runInSlices(indexSteps(knowledge, undefined));
}

function* indexSteps(knowledge: KnowledgeBase, store: IndexStore | undefined): Steps<SearchIndex> {
  const all: Entry[] = [...knowledge.missions, ...knowledge.topics, ...knowledge.stories];
  const missionsById = new Map(knowledge.missions.map((m) => [m.id, m]));
  const vocabulary = compileVocabulary(knowledge.glossary);
  const docs: EntryDoc[] = [];
  for (const entry of all) {
    yield;
    docs.push(toEntryDoc(entry, { missionsById, sources: knowledge.sources }, vocabulary));
  }
  const { entries, documentFrequency } = yield* entryIndex(docs, store);

  const names = new MiniSearch<NameDoc>({
    fields: ['name'],
    storeFields: ['mission'],
    tokenize,
    processTerm: nameTerm,
  });
  let nextId = 0;
  const nameDocs = knowledge.missions.flatMap((m) =>
    [m.id, m.where, m.name, ...m.names].map((name) => ({ id: nextId++, mission: m.id, name })),
  );
  names.addAll(nameDocs);
  const nameWords = new Map(nameDocs.map((doc) => [doc.id, words(doc.name).map(spoken)]));

  return {
    knowledge,
    vocabulary,
    entries,
    documentFrequency,
    names,
    nameWords,
    byId: new Map(all.map((e) => [e.id, e])),
    missionsById,
    storiesByMission: storiesByMission(knowledge),
  };
}

function storiesByMission(knowledge: KnowledgeBase): Map<string, Story[]> {
  const byMission = new Map<string, Story[]>(knowledge.missions.map((m) => [m.id, []]));
  for (const story of knowledge.stories) {
    for (const id of new Set(story.missions)) byMission.get(id)?.push(story);
  }
  return byMission;
}
