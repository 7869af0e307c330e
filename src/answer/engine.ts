import type { IntentKind } from '../knowledge/glossary.js';
import type { IndexStore } from '../knowledge/index-store.js';
import { buildSearchIndex, entryTerm, NUMBER_WORD, type SearchIndex } from '../knowledge/search-index.js';
import { stem, words as wordsOf } from '../knowledge/text.js';
import type { Entry, EntryType, Footnote, KnowledgeBase, Mission, Source, Story } from '../knowledge/types.js';
import { cleanSlackText } from './clean-text.js';
import { excerptFor } from './excerpt.js';
import { normalise } from './normalise.js';
import { createMissionResolver, isStranger, type MissionResolver } from './resolve-mission.js';
import { outranks, type SearchScope, searchEntries, UBIQUITOUS } from './search-entries.js';
import { createSuggester } from './suggest.js';
import type { AnswerRequest, AskedFor, Decision, Ranked, Status } from './types.js';
import { createUnderstanding, type Understood } from './understand.js';

export interface AnswerEngine {
  answer(request: AnswerRequest): Decision;
  /** One entry, as a button opens it; undefined when the id is unknown (e.g. after an edit). */
  show(type: EntryType, id: string): Decision | undefined;
  /** Entries whose names begin with or sound like what is being typed, for a type-ahead; at most `limit`. */
  suggest(text: string, limit: number): Entry[];
  readonly knowledge: KnowledgeBase;
}

/** A runner-up this close to the best answer to a question is offered beside it. */
const TIE_RATIO = 0.8;
/** Stories found by a search: more than a message could offer as buttons is of no use. */
const MAX_STORY_RESULTS = 25;
/** Nearest entries offered as buttons when nothing answers. */
const MAX_SUGGESTIONS = 3;

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
  const understand = createUnderstanding(index, resolveMission);
  return {
    knowledge,
    suggest: createSuggester(index, resolveMission),
    answer(request) {
      const query = cleanSlackText(request.text);
      const asked: AskedFor =
        request.command === '/hr-mission' ? 'mission' : request.command === '/hr-story' ? 'story' : 'question';
      const understood = understand(query, { padding: asked === 'question' });
      const decide: Decide = (status, results, related = [], extra = {}) =>
        withCitations(index, {
          origin: { command: request.command, text: query },
          asked,
          status,
          query,
          ...withoutRepeats(results, related),
          intents: [...understood.intents],
          ...(understood.french ? { language: 'fr' as const } : {}),
          ...extra,
        });

      if (understood.intents.has('help') && understood.words.length === 0) return decide('help', []);
      // A command's text with nothing to read in it ("?", "-h") asks how to use it; an empty one gets the list.
      if (asked !== 'question' && query.trim() !== '' && understood.words.length === 0 && understood.intents.size === 0) {
        return decide('help', []);
      }
      switch (asked) {
        case 'mission':
          return answerMission({ index, resolveMission, query, understood, decide }, () => understand(query));
        case 'story':
          return answerStory({ index, resolveMission, query, understood, decide });
        case 'question':
          return answerQuestion(index, understood, request.context && index.byId.get(request.context.entryId), decide);
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

type Extra = Pick<
  Decision,
  'excerpt' | 'uncovered' | 'notCovered' | 'figureMissing' | 'listed' | 'listedKind' | 'listedYear' | 'offTheme' | 'elsewhere'
>;
type Decide = (status: Status, results: Ranked[], related?: Story[], extra?: Extra) => Decision;

/** One entry is never shown twice in an answer: a mission card's stories are not offered again beside it. */
function withoutRepeats(results: Ranked[], related: Story[]) {
  const seen = new Set<string>();
  const unique = results.filter((r) => !seen.has(r.entry.id) && seen.add(r.entry.id));
  const [best, ...rest] = unique;
  const listed = new Set(related.map((s) => s.id));
  const shown = best ? [best, ...rest.filter((r) => !listed.has(r.entry.id))] : [];
  return { results: shown, related: related.filter((s) => s.id !== best?.entry.id) };
}

/** The missions a conversation was about: the context entry's mission, or a story's first mission. */
function contextMissions(index: SearchIndex, entry: Entry | undefined): Mission[] {
  if (!entry || entry.type === 'topic') return [];
  const id = entry.type === 'mission' ? entry.id : entry.missions[0];
  const mission = index.missionsById.get(id);
  return mission ? [mission] : [];
}

/** The words a question searches for beyond mission names, words meaning "the missions", and words too common to tell entries apart. */
function subjectWords(index: SearchIndex, understood: Understood): string[] {
  const limit = index.entries.documentCount * UBIQUITOUS;
  return understood.words.filter((word) => {
    const term = entryTerm(word);
    return (
      term !== null &&
      !understood.directory.has(word) &&
      !understood.nameWords.has(word) &&
      (index.documentFrequency.get(term) ?? 0) <= limit
    );
  });
}

/** Intents naming a kind of mission: a list then holds only missions of that kind. */
const KIND_INTENTS: Partial<Record<IntentKind, Mission['kind']>> = {
  peacekeeping: 'peacekeeping operation',
  political: 'special political mission',
};

/** The one kind of mission a question names ("which special political missions…"), if it names one. */
function kindAsked(understood: Understood): Mission['kind'] | undefined {
  const kinds = new Set([...understood.intents].flatMap((k) => KIND_INTENTS[k] ?? []));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** A year a question about ended missions names ("which missions closed in 2020?"). */
const YEAR = /^(19|20)\d\d$/;
const asksEnded = (understood: Understood) => understood.intents.has('closed') && !understood.intents.has('active');
const yearAsked = (understood: Understood) => (asksEnded(understood) ? understood.words.find((w) => YEAR.test(w)) : undefined);

/**
 * The missions a list shows: still running or ended when that is what the question asks ("which
 * missions are closed?"), of the kind it names ("special political missions"), ended in the year
 * it names ("closed in 2020"); a status or kind no mission has is left out, of the list and of its
 * title, rather than listing nothing; a year none ended in is an honest miss.
 */
function missionList(index: SearchIndex, understood: Understood, decide: Decide): Decision {
  let listed = index.knowledge.missions;
  const extra: Extra = {};
  const narrow = (keep: (mission: Mission) => boolean): boolean => {
    if (!listed.some(keep)) return false;
    listed = listed.filter(keep);
    return true;
  };
  const active = understood.intents.has('active');
  if (active !== understood.intents.has('closed') && narrow((m) => (m.status === 'active') === active)) {
    extra.listed = active ? 'active' : 'ended';
  }
  const kind = kindAsked(understood);
  if (kind && narrow((m) => m.kind === kind)) extra.listedKind = kind;
  const year = yearAsked(understood);
  if (year) {
    // No mission ended that year: an honest miss, not every mission that ended.
    if (!narrow((m) => new RegExp(`\\b${year}\\b`).test(m.ended ?? ''))) return decide('not_found', []);
    extra.listedYear = year;
  }
  return decide('list', listed.map(unscored), [], extra);
}

/** Nothing asked but the missions themselves: "all missions", "which missions are closed?", "liste des missions". */
function asksForDirectory(index: SearchIndex, understood: Understood): boolean {
  // A year beside "closed" ("closed in 2020") narrows the list; it is not a subject.
  const year = yearAsked(understood);
  const asked = { ...understood, words: understood.words.filter((w) => w !== year) };
  if (subjectWords(index, asked).length > 0 || understood.missions.length > 0) return false;
  const { intents } = understood;
  const narrowed = asksStatus(understood) || kindAsked(understood) !== undefined;
  return understood.directory.size > 0 || intents.has('list') || (narrowed && asked.words.length === 0);
}

/** What a command's answer is made from: the index, the mission resolver, the text as typed and as understood. */
interface CommandRequest {
  index: SearchIndex;
  resolveMission: MissionResolver;
  query: string;
  understood: Understood;
  decide: Decide;
}

function answerMission(
  { index, resolveMission, query, understood, decide }: CommandRequest,
  readAsQuestion: () => Understood,
): Decision {
  if (understood.empty || asksForDirectory(index, understood)) return missionList(index, understood, decide);
  let match = resolveMission(normalise(query));
  // A name inside a sentence ("can you pull up the card for the mission in Bangui? thx"): its words
  // as a question is read, without greetings, fillers and small words. A word nobody knows keeps the
  // name a suggestion, as it does in the resolver ("Congo, Brazzaville" is not the DR Congo).
  if (match.status === 'not_found' && !understood.words.some((word) => isStranger(index, word))) {
    const inSentence = resolveMission(readAsQuestion().words.join(' '));
    if (inSentence.status !== 'not_found') match = inSentence;
  }
  // Only part of a mission's name, as typed ("Guinea", "Republic of the Congo"), may be another place: a suggestion.
  if (match.partial) return decide('not_found', match.missions);
  if (match.status === 'found') {
    return decide('found', match.missions, relatedTo(index, match.missions[0].entry));
  }
  return decide(match.status, match.missions);
}

function answerStory({ index, resolveMission, query, understood, decide }: CommandRequest): Decision {
  const { stories } = index.knowledge;
  if (understood.empty || asksForDirectory(index, understood)) return decide('list', stories.map(unscored));
  const match = resolveMission(normalise(query));
  const resolved = match.status === 'found' || match.status === 'ambiguous' ? match.missions : [];
  const named: Ranked<Mission>[] = understood.missions.length > 0 ? understood.missions.map(unscored) : resolved;
  const ofMissions = storiesOf(
    index,
    named.map((m) => m.entry),
  );
  if (ofMissions.length > 0) {
    // Among a mission's own stories, its places, titles, keywords and phrasings tell which the asker
    // means; the mission's acronym and country, which all of them carry, do not.
    const carriedByAll = new Set(named.flatMap(({ entry }) => wordsOf(`${entry.id} ${entry.where}`)));
    const theme = understood.words.filter((w) => !carriedByAll.has(w));
    // "Kosovo missing persons" when no story of Kosovo is about them: the mission, whose card may be, as a suggestion.
    // Whether any story is about the theme is read in their whole text; which comes first, in what names them.
    if (noStoryAbout(index, ofMissions, theme, understood, {})) {
      // Offered: the missions named that have stories, which `/hr-story` can list.
      const withStories = named.filter(({ entry }) => (index.storiesByMission.get(entry.id)?.length ?? 0) > 0);
      return decide('not_found', withStories, [], { offTheme: true });
    }
    return decide('found', rankStories(index, ofMissions, theme, { fields: ['names', 'title', 'keywords', 'asks'] }));
  }
  // No mission named, or none with a story yet: the stories' own words may still say which is
  // meant ("joint office" is a word of UNIOGBIS's name, and both words of the UNJHRO story).
  // Beside a named mission, though, only a story that matches every word counts.
  // Near a mission's name but no name of it ("North Africa"), only a story holding every word is about it.
  const nearName = named.length === 0 && match.missions.length > 0;
  const bySearch = searchEntries(index, understood.words, { types: ['story'], limit: MAX_STORY_RESULTS }).filter((r) =>
    nearName ? r.coverage === 1 && r.unknown === 0 : named.length === 0 || r.coverage === 1,
  );
  if (bySearch.length > 0) return decide('found', bySearch);
  if (named.length > 0) return decide('not_found', named);
  // No story is about the theme: the cards and topics that hold all its words are offered ("torture": UNSMIL's card).
  const elsewhere = searchEntries(index, understood.words, {
    types: ['mission', 'topic'],
    limit: MAX_SUGGESTIONS,
    minCoverage: 1,
  }).filter((r) => r.unknown === 0);
  return decide('not_found', elsewhere, [], elsewhere.length > 0 ? { elsewhere: true } : {});
}

/** Intents answered by a story: who wrote it, a passage to quote, a mission's stories. */
const STORY_INTENTS: readonly IntentKind[] = ['author', 'quote', 'stories'];
/** Intents asking whether a mission still runs: in general, or with the answer expected ("still active?", "when did it close?"). */
const STATUS_INTENTS: readonly IntentKind[] = ['status', 'active', 'closed'];
const asksStatus = (understood: Understood) => STATUS_INTENTS.some((k) => understood.intents.has(k));
/** Intents answered by a mission's card besides its status: its full name, what its team achieved. */
const CARD_INTENTS: readonly IntentKind[] = ['name', 'achievements'];
const wantsStory = (understood: Understood) => STORY_INTENTS.some((k) => understood.intents.has(k));
const wantsFigure = (understood: Understood) => understood.intents.has('figures') || understood.intents.has('date');

/**
 * Whether an answer can be trusted: it matches at least as many of the asker's words as there are
 * words nobody knows, and more than one word when more were asked. Otherwise it is only a suggestion.
 */
function confident(best: Ranked, understood: Understood, asked: readonly string[] = understood.words): boolean {
  const matched = best.matched ?? 0;
  const unknown = best.unknown ?? 0;
  return matched >= unknown && (matched > 1 || asked.filter((w) => !understood.directory.has(w)).length <= 1);
}

/** Intents a follow-up asks of the story a conversation was about, not of its mission: "and the figures?", "who wrote it?". */
const OF_THE_STORY: readonly IntentKind[] = ['figures', 'quote', 'author'];

/**
 * A follow-up asking nothing of its own about the story or topic a conversation was about: the
 * story's figures or author, "tell me more" of a topic. (Where a story took place, or whether its
 * mission still runs, is its mission's card.)
 */
function contextItself(understood: Understood, context: Entry | undefined): Entry | undefined {
  if (!context || understood.words.length > 0 || understood.directory.size > 0 || understood.unknownAsked) return undefined;
  const intents = [...understood.intents];
  if (context.type === 'story' && intents.length > 0 && intents.every((k) => OF_THE_STORY.includes(k))) return context;
  // "Tell me more", not "thanks!".
  return context.type === 'topic' && intents.length === 0 && understood.asked ? context : undefined;
}

function answerQuestion(index: SearchIndex, understood: Understood, context: Entry | undefined, decide: Decide): Decision {
  const itself = contextItself(understood, context);
  if (itself) return decide('found', [unscored(itself)], relatedTo(index, itself));
  const fromContext = contextMissions(index, context);
  if (understood.words.length === 0 && understood.intents.size === 0) {
    // A follow-up that asks nothing of its own ("where is it?", "tell me more") is about the conversation's mission.
    if (understood.asked && !understood.unknownAsked && fromContext.length > 0) {
      return answerAboutMissions(index, understood, fromContext, decide);
    }
    // Padding alone ("hello", "thanks!") gets help; a question about nothing the knowledge knows, an honest miss.
    return decide(understood.asked ? 'not_found' : 'help', []);
  }
  if (understood.uncovered) {
    return decide('not_found', index.knowledge.missions.map(unscored), [], { uncovered: understood.uncovered });
  }
  // A subject the texts do not cover ("what is the salary of a human rights officer?") is said to
  // be so, rather than answered with a passage sharing its other words; missions it names are offered.
  if (understood.notCovered) {
    return decide('not_found', understood.missions.map(unscored), [], { notCovered: understood.notCovered });
  }
  if (understood.missions.length > 0) return answerAboutMissions(index, understood, understood.missions, decide);
  // A follow-up with no subject of its own ("and is it still active?"), or one that points back to
  // it ("when was it set up?"), is about the conversation's mission.
  // Not one about all the missions, though ("which missions are closed?", "list all missions"), nor
  // one asking the bot what stories it has.
  const aboutThemAll =
    !understood.refersBack &&
    (understood.intents.has('list') ||
      [...understood.directory].some((word) => stem(word) !== word) ||
      (understood.intents.has('stories') && understood.asksTheBot));
  if (fromContext.length > 0 && !aboutThemAll && (understood.refersBack || subjectWords(index, understood).length === 0)) {
    return answerAboutMissions(index, understood, fromContext, decide);
  }
  // "What stories do you have?", "list all stories": the stories themselves, as `/hr-story` alone lists them.
  if (understood.intents.has('stories') && subjectWords(index, understood).length === 0) {
    return decide('list', index.knowledge.stories.map(unscored));
  }
  if (asksForDirectory(index, understood)) return missionList(index, understood, decide);
  const types = wantsStory(understood) ? (['story'] as const) : undefined;
  const figures = wantsFigure(understood);
  const ranked = searchEntries(index, understood.words, { limit: MAX_SUGGESTIONS, figures, types });
  const [best, second] = ranked;
  if (!best || !confident(best, understood)) {
    // Nothing answers: the nearest entries, if any came close, are offered as suggestions; when no
    // story came close to a quote asked for, whatever entry holds its words (a topic, a card).
    const near = ranked.length === 0 && types ? searchEntries(index, understood.words, { limit: MAX_SUGGESTIONS }) : ranked;
    return decide(
      'not_found',
      near.filter((r) => (r.matched ?? 0) > 0),
    );
  }
  const tie = second && second.coverage === best.coverage && second.score >= best.score * TIE_RATIO;
  const results = tie ? [best, second] : [best];
  return decide('found', results, relatedTo(index, best.entry), answering(best.entry, understood));
}

/** The excerpt that answers a question, unless a story's whole communications card was asked for. */
function answering(entry: Entry, understood: Understood): Extra {
  const excerpt = wantsStory(understood) ? undefined : excerptFor(entry, understood.words, wantsFigure(understood));
  const missing = understood.intents.has('figures') && !holdsFigure(excerpt ?? textOf(entry), understood);
  return { ...(excerpt ? { excerpt } : {}), ...(missing ? { figureMissing: true } : {}) };
}

/** What an entry says: a mission's card, the achievements of its team; any other entry, its passage. */
const textOf = (entry: Entry) => (entry.type === 'mission' ? entry.achievements.map((a) => a.text).join('\n') : entry.text);

/**
 * Whether a text can give the figure a question asks for ("how many civilians were killed…"): it
 * holds a number other than a year, which dates what happened, or one the question gave itself.
 * How many missions is answered by the missions named, whatever the text.
 */
function holdsFigure(text: string, understood: Understood): boolean {
  if (understood.directory.size > 0) return true;
  const given = new Set(understood.words);
  return wordsOf(text).some((w) => NUMBER_WORD.test(w) && !YEAR.test(w) && !given.has(w));
}

/**
 * A question about missions (named by any name people type, or the conversation's) is answered
 * about them: their card when their name or status is asked, their best story when a story is,
 * else their best entry for the question (the mission or one of its stories, else its card), with
 * a general topic offered beside it when that answers better ("what does UNSOM do?": UNSOM's card,
 * and what human rights teams do).
 */
function answerAboutMissions(index: SearchIndex, understood: Understood, named: Mission[], decide: Decide): Decision {
  const card = (mission: Mission) =>
    decide('found', [unscored(mission)], relatedTo(index, mission), answering(mission, understood));
  const subjects = subjectWords(index, understood).length;
  // Whether a mission is over is its card's, unless the question is about something of it that ended
  // ("when did the Bakala forum end?"): then that thing's entry, and the card only if none answers.
  const cardAsked = CARD_INTENTS.some((k) => understood.intents.has(k)) || (asksStatus(understood) && subjects === 0);
  if (cardAsked || (subjects === 0 && !wantsStory(understood))) {
    return named.length > 1 ? decide('ambiguous', named.map(unscored)) : card(named[0]);
  }
  const figures = wantsFigure(understood);
  // The missions are chosen: their names would only favour their cards over their stories.
  const subject = understood.words.filter((w) => !understood.nameWords.has(w));
  if (wantsStory(understood)) {
    const stories = storiesOf(index, named);
    // None of its stories is about what was asked ("a quote about missing persons in Kosovo"): its card may be.
    if (stories.length === 0 || noStoryAbout(index, stories, subject, understood, { figures })) return card(named[0]);
    return decide('found', rankStories(index, stories, subject, { figures }));
  }
  const [own] = searchEntries(index, subject, { limit: 1, figures, within: entriesAbout(index, named) });
  // Beside them, the general topic that answers the question better, if one does; other missions' entries are not what was asked.
  const [topic] = searchEntries(index, subject, { limit: 1, figures, types: ['topic'] });
  const overall = topic && (!own || outranks(topic, own)) && confident(topic, understood, subject) ? [topic] : [];
  // Asked something of a mission that neither it nor anything else answers ("the per diem in Juba"): an honest miss,
  // unless whether it still runs was asked too.
  if (!own && overall.length === 0) return asksStatus(understood) ? card(named[0]) : decide('not_found', named.map(unscored));
  const first = own ?? unscored(named[0]);
  return decide('found', [first, ...overall], relatedTo(index, first.entry), answering(first.entry, understood));
}

/** Chosen stories (a mission's), best first for the asker's words; those matching none of them keep their order, last. */
function rankStories(
  index: SearchIndex,
  stories: Story[],
  words: string[],
  scope: Omit<SearchScope, 'limit' | 'types' | 'within'>,
): Ranked[] {
  const within = new Set(stories.map((story) => story.id));
  const ranking = searchEntries(index, words, { ...scope, types: ['story'], limit: MAX_STORY_RESULTS, minCoverage: 0, within });
  const scores = new Map(ranking.map((r) => [r.entry.id, r.score]));
  const ranked = stories.map((entry) => ({ entry, score: scores.get(entry.id) ?? 0 })).sort((a, b) => b.score - a.score);
  return ranked.slice(0, MAX_STORY_RESULTS);
}

/**
 * Words the knowledge knows were asked beside the missions' names, and none of these stories
 * matches any of them: no story is about what was asked.
 */
function noStoryAbout(
  index: SearchIndex,
  stories: readonly Story[],
  words: readonly string[],
  understood: Understood,
  scope: Omit<SearchScope, 'limit' | 'types' | 'within'>,
): boolean {
  // Words of the missions' names, words meaning the missions themselves, and numbers say nothing of a theme.
  const theme = words.filter(
    (w) =>
      !understood.nameWords.has(w) &&
      !understood.directory.has(w) &&
      !NUMBER_WORD.test(w) &&
      index.documentFrequency.has(entryTerm(w) ?? ''),
  );
  if (theme.length === 0) return false;
  const within = new Set(stories.map((story) => story.id));
  // As much of the theme as any search asks: one incidental word of "sexual violence" is not it.
  return searchEntries(index, theme, { ...scope, types: ['story'], limit: 1, within }).length === 0;
}

/** What an answer lists beside its entry: a mission's stories. */
function relatedTo(index: SearchIndex, entry: Entry): Story[] {
  return entry.type === 'mission' ? storiesOf(index, [entry]) : [];
}

/** The ids of these missions and of their stories. */
function entriesAbout(index: SearchIndex, missions: readonly Mission[]): Set<string> {
  return new Set([...missions, ...storiesOf(index, missions)].map((entry) => entry.id));
}

/** The stories about any of these missions, each once, in the knowledge's order. */
function storiesOf(index: SearchIndex, missions: readonly Mission[]): Story[] {
  const [only, ...others] = missions.map((m) => index.storiesByMission.get(m.id) ?? []);
  if (!only) return [];
  if (others.length === 0) return [...only];
  const chosen = new Set([only, ...others].flat());
  return index.knowledge.stories.filter((story) => chosen.has(story));
}

function unscored<E extends Entry>(entry: E): Ranked<E> {
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
