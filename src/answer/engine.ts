import type { IndexStore } from '../knowledge/index-store.js';
import { buildSearchIndex, entryTerm, type SearchIndex } from '../knowledge/search-index.js';
import { words } from '../knowledge/text.js';
import type { Entry, EntryType, Footnote, KnowledgeBase, Mission, Source, Story } from '../knowledge/types.js';
import { cleanSlackText } from './clean-text.js';
import { missionsNamedOrMeant } from './follow-up.js';
import { createMissionResolver, type MissionResolver } from './resolve-mission.js';
import { searchEntries } from './search-entries.js';
import { createSuggester } from './suggest.js';
import type { AnswerRequest, AskedFor, Decision, Ranked, Status } from './types.js';

export interface AnswerEngine {
  answer(request: AnswerRequest): Decision;
  /** One entry, as a button opens it; undefined when the id is unknown (e.g. after an edit). */
  show(type: EntryType, id: string): Decision | undefined;
  /** Entries whose names begin with or sound like what is being typed, for a type-ahead; at most `limit`. */
  suggest(text: string, limit: number): Entry[];
  readonly knowledge: KnowledgeBase;
}

export const HELP_WORDS = new Set(['help', 'aide', '?', '-h', '--help', 'usage']);
const LIST_WORDS = new Set(['list', 'all', 'liste', 'tout', 'toutes']);
/** A command's text asking for everything: nothing, or a word like "list". */
const asksForAll = (query: string) => query === '' || LIST_WORDS.has(query.toLowerCase());
/** A runner-up this close to the best answer to a question is offered beside it. */
const TIE_RATIO = 0.8;
/** Stories found by a search: more than a message could offer as buttons is of no use. */
const MAX_STORY_RESULTS = 25;
/** How deep a question naming a mission looks for that mission's own entries among the best answers. */
const NAMED_MISSION_DEPTH = 25;

export interface EngineOptions {
  /** Where a large index is saved and loaded from. */
  indexStore?: IndexStore;
  /** An index already built over this knowledge (see buildSearchIndexInSlices). */
  index?: SearchIndex;
}

/** Builds the engine over one knowledge base; the index is made (or, with a store, loaded) once, here. */
export function createAnswerEngine(knowledge: KnowledgeBase, { indexStore, index: built }: EngineOptions = {}): AnswerEngine {
  const index = built ?? buildSearchIndex(knowledge, indexStore);
  const resolveMission = createMissionResolver(index);
  return {
    knowledge,
    suggest: createSuggester(index, resolveMission),
    answer(request) {
      const query = cleanSlackText(request.text);
      const asked: AskedFor =
        request.command === '/hr-mission' ? 'mission' : request.command === '/hr-story' ? 'story' : 'question';
      const decide = (status: Status, results: Ranked[], related: Story[] = []): Decision =>
        withCitations(index, {
          origin: { command: request.command, text: query },
          asked,
          status,
          query,
          results,
          related,
        });

      if (HELP_WORDS.has(query.toLowerCase())) return decide('help', []);
      switch (asked) {
        case 'mission':
          return answerMission(index, resolveMission, query, decide);
        case 'story':
          return answerStory(index, resolveMission, query, decide);
        case 'question':
          return answerQuestion(index, query, decide, request.context);
      }
    },
    show(type, id) {
      const entry = index.byId.get(id);
      if (!entry || entry.type !== type) return undefined;
      const asked: AskedFor = type === 'topic' ? 'question' : type;
      const related = relatedTo(index, entry);
      const results = [{ entry, score: 0 }];
      return withCitations(index, {
        origin: { type, id },
        asked,
        status: 'found',
        query: '',
        results,
        related,
      });
    },
  };
}

type Decide = (status: Status, results: Ranked[], related?: Story[]) => Decision;

function answerMission(index: SearchIndex, resolveMission: MissionResolver, query: string, decide: Decide): Decision {
  const { missions } = index.knowledge;
  if (asksForAll(query)) return decide('list', missions.map(unscored));
  const match = resolveMission(query);
  if (match.status === 'found') {
    return decide('found', match.missions, relatedTo(index, match.missions[0].entry));
  }
  return decide(match.status, match.missions);
}

function answerStory(index: SearchIndex, resolveMission: MissionResolver, query: string, decide: Decide): Decision {
  const { stories } = index.knowledge;
  if (asksForAll(query)) return decide('list', stories.map(unscored));
  const match = resolveMission(query);
  const named = match.status === 'found' || match.status === 'ambiguous' ? match.missions : [];
  const wanted = new Set(named.map((m) => m.entry.id));
  const ofMissions = stories.filter((s) => s.missions.some((id) => wanted.has(id)));
  if (ofMissions.length > 0) {
    // Among a mission's own stories, its places, titles and keywords tell which the asker means.
    const ranking = searchEntries(index, query, {
      types: ['story'],
      fields: ['names', 'title', 'keywords'],
      limit: MAX_STORY_RESULTS,
    });
    const scores = new Map(ranking.map((r) => [r.entry.id, r.score]));
    const ranked = ofMissions.map((entry) => ({ entry, score: scores.get(entry.id) ?? 0 })).sort((a, b) => b.score - a.score);
    return decide('found', ranked.slice(0, MAX_STORY_RESULTS));
  }
  // No mission named, or none with a story yet: the stories' own words may still say which is
  // meant ("joint office" is a word of UNIOGBIS's name, and both words of the UNJHRO story).
  // Beside a named mission, though, only a story that matches every word counts.
  const bySearch = searchEntries(index, query, { types: ['story'], limit: MAX_STORY_RESULTS }).filter(
    (r) => named.length === 0 || r.coverage === 1,
  );
  return bySearch.length > 0 ? decide('found', bySearch) : decide('not_found', named);
}

/** "Which missions are still active?", "closed missions": the directory shows every mission's status. */
const STATUS_QUESTION =
  /\bmissions\b.*\b(active|closed|ended|current(ly)?|running|finished)\b|\b(active|closed|current|past|former)\s+missions\b/i;
/** "All missions", "list of peace operations", "missions?": asking for nothing but the missions themselves. */
const LIST_QUESTION = /^\W*(?:(?:list|show|me|all|every|the|of|un|peace|peacekeeping|please)\W+)*(?:missions?|operations?)\W*$/i;

function answerQuestion(index: SearchIndex, query: string, decide: Decide, context?: AnswerRequest['context']): Decision {
  const typed = words(query);
  if (!typed.some((word) => entryTerm(word) !== null)) return decide('help', []);
  if (STATUS_QUESTION.test(query) || LIST_QUESTION.test(query)) return decide('list', index.knowledge.missions.map(unscored));
  const named = missionsNamedOrMeant(index, query, typed, context);
  if (named.length > 0) return answerAboutMissions(index, query, named, decide);
  const [best, second] = searchEntries(index, query, { limit: 2 });
  if (!best) return decide('not_found', []);
  const tie = second && second.coverage === best.coverage && second.score >= best.score * TIE_RATIO;
  const results = tie ? [best, second] : [best];
  return decide('found', results, relatedTo(index, best.entry));
}

/**
 * A question that names a mission by its acronym is answered about that mission: its best
 * entry (the mission or one of its stories, else its card), with the best answer overall
 * offered beside it when that is something else ("what does UNSOM do?": UNSOM's card, and
 * what human rights teams do).
 */
function answerAboutMissions(index: SearchIndex, query: string, named: Mission[], decide: Decide): Decision {
  const ids = new Set(named.map((m) => m.id));
  const isAbout = (entry: Entry) =>
    entry.type === 'mission' ? ids.has(entry.id) : entry.type === 'story' && entry.missions.some((id) => ids.has(id));
  const ranked = searchEntries(index, query, { limit: NAMED_MISSION_DEPTH });
  const own = ranked.find((r) => isAbout(r.entry)) ?? unscored(named[0]);
  const overall = ranked[0] && !isAbout(ranked[0].entry) ? [ranked[0]] : [];
  return decide('found', [own, ...overall], relatedTo(index, own.entry));
}

/** What an answer lists beside its entry: a mission's stories. */
function relatedTo(index: SearchIndex, entry: Entry): Story[] {
  return entry.type === 'mission' ? index.knowledge.stories.filter((story) => story.missions.includes(entry.id)) : [];
}

function unscored(entry: Entry): Ranked {
  return { entry, score: 0 };
}

/** Adds the footnotes and sources that the decision's entries carry. */
function withCitations(index: SearchIndex, decision: Omit<Decision, 'footnotes' | 'sources'>): Decision {
  const shown: Entry[] = [...decision.results.map((r) => r.entry), ...decision.related];
  const footnoteIds = new Set(shown.flatMap((entry) => entry.footnotes));
  const sourceIds = new Set(shown.flatMap(sourceIdsOf));
  const { footnotes, sources } = index.knowledge;
  return {
    ...decision,
    footnotes: [...footnoteIds].map((id) => footnotes.get(id)).filter((f): f is Footnote => f !== undefined),
    sources: [...sourceIds].map((id) => sources.get(id)).filter((s): s is Source => s !== undefined),
  };
}

function sourceIdsOf(entry: Entry): string[] {
  return entry.type === 'mission' ? [entry.factsSource, ...entry.achievements.map((a) => a.source)] : [entry.source];
}
