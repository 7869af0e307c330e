import type { SearchResult } from 'minisearch';
import { entryTerm, nameTerm, type SearchIndex, type SpokenWord, spoken } from '../knowledge/search-index.js';
import { editDistance, swappedLetters, words } from '../knowledge/text.js';
import type { Mission } from '../knowledge/types.js';
import type { Ranked } from './types.js';

export interface MissionMatch {
  status: 'found' | 'ambiguous' | 'not_found';
  /** Found: the mission. Ambiguous: the candidates. Not found: at most three suggestions. */
  missions: Ranked<Mission>[];
  /**
   * What was typed is only part of the name found ("Guinea" of "Guinea-Bissau", "Republic of the
   * Congo" of "Democratic Republic of the Congo"): in a question it still points there; as a look-up it may be another place.
   */
  partial?: true;
}

/** How well a typed word meets a word of a name: 3 exact, 2 sounds alike or begins it, 1 a typo away, 0 not at all. */
type Tier = 0 | 1 | 2 | 3;

const MAX_SUGGESTIONS = 3;
/** Shorter words ("St", "DR") are too often abbreviations to say a name is another place's. */
const STRANGER_MIN_LENGTH = 4;
/** "Eastern Congo": a part of a place, not another place. */
const COMPASS = /^(north|south|east|west)(ern)?$/;
/** A lone typo is trusted only in a word this long; shorter ones ("Iran") are suggestions. */
const TRUSTED_TYPO_LENGTH = 5;

function typoAllowance(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

function tier(typed: SpokenWord, name: SpokenWord): Tier {
  if (typed.word === name.word) return 3;
  if (typed.sound === name.sound || (typed.word.length >= 3 && name.word.startsWith(typed.word))) return 2;
  const allowance = typoAllowance(typed.word);
  return allowance > 0 && editDistance(typed.sound, name.sound, allowance) <= allowance ? 1 : 0;
}

interface Candidate {
  mission: string;
  matched: number;
  tier: Tier;
  score: number;
  /** Which typed words match the mission's name (each its tier; 0: none). */
  tiers: Tier[];
  /** Every word of the name that tells missions apart was typed: "Guinea" is only part of "Guinea-Bissau". */
  whole: boolean;
}

function judge(hit: SearchResult, typed: SpokenWord[], index: SearchIndex): Candidate {
  const nameWords = index.nameWords.get(hit.id) ?? [];
  const tiers = typed.map((word) => Math.max(0, ...nameWords.map((n) => tier(word, n))) as Tier);
  const matched = tiers.filter((t) => t > 0);
  return {
    mission: hit.mission as string,
    matched: matched.length,
    tier: (matched.length ? Math.min(...matched) : 0) as Tier,
    score: hit.score,
    tiers,
    whole: nameWords.every((name) => !canName(name.word) || typed.some((word) => tier(word, name) > 0)),
  };
}

/** A word no mission's name, no entry and no glossary phrase holds, nor a typo of a name (a stranger's name, not a slip). */
export function isStranger(index: SearchIndex, word: string): boolean {
  const term = entryTerm(word);
  if (word.length < STRANGER_MIN_LENGTH || COMPASS.test(word) || term === null || index.documentFrequency.has(term)) return false;
  if (index.vocabulary([word]).words[0] !== word) return false;
  const typed = spoken(word);
  return ![...index.nameWords.values()].some((names) => names.some((name) => tier(typed, name) > 0));
}

const better = (a: Candidate, b: Candidate) =>
  b.matched - a.matched || b.tier - a.tier || Number(b.whole) - Number(a.whole) || b.score - a.score;

export type MissionResolver = (text: string) => MissionMatch;

/**
 * Finds the mission meant by an acronym, country, region, town, short form or typo.
 * A name the knowledge lists is kept once resolved, by the same search that resolves anything
 * else, so that staff asking the same names all day get a look-up; resolving them on first use
 * rather than all at start keeps them off the start-up.
 */
export function createMissionResolver(index: SearchIndex): MissionResolver {
  const listed = new Set<string>();
  for (const nameWords of index.nameWords.values()) {
    const key = nameWords
      .map((w) => w.word)
      .filter(canName)
      .join(' ');
    if (key) listed.add(key);
  }
  const known = new Map<string, MissionMatch>();
  // Places are the one-word names ("Congo", "Haiti", "Soudan"), not words of longer ones ("South").
  const oneWordNames = index.knowledge.missions.flatMap((m) => [m.where, ...m.names].map(words).filter((w) => w.length === 1));
  const toPlace = placeOfDemonym(new Set(oneWordNames.flat()));
  const nameWords = new Set([...index.nameWords.values()].flat().map((w) => w.word));
  const unswapped = (word: string) => (nameWords.has(word) ? word : (swappedLetters(word, nameWords) ?? word));
  return (text) => {
    const typed = words(text).filter(canName).map(unswapped).map(toPlace);
    const key = typed.join(' ');
    const kept = known.get(key);
    if (kept) return kept;
    const match = resolveMission(index, typed);
    if (listed.has(key)) known.set(key, match);
    return match;
  };
}

/** A place's name this long or longer can begin the name of its people. */
const PLACE_MIN_LENGTH = 4;
/** "Congo" + "lese", "Haïti" + "en": the ending of a people's name. */
const DEMONYM_MAX_ENDING = 4;

/**
 * "Congolese", "Malian", "Haïtien", "Soudanais": a word that is a place's name with a short
 * ending is read as that place, so the people's name finds the place's mission.
 */
function placeOfDemonym(placeWords: ReadonlySet<string>): (word: string) => string {
  const places = [...placeWords].filter((w) => w.length >= PLACE_MIN_LENGTH).sort((a, b) => b.length - a.length);
  return (word) => {
    if (placeWords.has(word)) return word;
    return places.find((place) => word.startsWith(place) && word.length - place.length <= DEMONYM_MAX_ENDING) ?? word;
  };
}

/** Words like "the", "of" or "mission" tell no mission from another. */
const canName = (word: string) => nameTerm(word) !== null;

function resolveMission(index: SearchIndex, typedWords: string[]): MissionMatch {
  const typed = typedWords.map(spoken);
  if (typed.length === 0) return { status: 'not_found', missions: [] };
  const query = typed.map((t) => t.word).join(' ');

  const options = {
    fuzzy: (term: string) => typoAllowance(term) || false,
    prefix: (term: string) => term.length >= 3,
  };
  let hits = index.names.search(query, { ...options, combineWith: 'AND' });
  if (hits.length === 0) hits = index.names.search(query, { ...options, combineWith: 'OR' });

  const bestByMission = new Map<string, Candidate>();
  for (const hit of hits) {
    const candidate = judge(hit, typed, index);
    const current = bestByMission.get(candidate.mission);
    if (candidate.tier > 0 && (!current || better(candidate, current) < 0)) bestByMission.set(candidate.mission, candidate);
  }
  const ranked = [...bestByMission.values()].sort(better);
  const [top] = ranked;
  if (!top) return { status: 'not_found', missions: [] };

  const level = ranked.filter((c) => c.matched === top.matched && c.tier === top.tier);
  const toRanked = (c: Candidate): Ranked<Mission> => ({ entry: index.missionsById.get(c.mission) as Mission, score: c.score });
  // "Equatorial Guinea", "Congo-Brazzaville": a word beside a place's name that nothing the bot
  // knows holds names another place; the mission is then only a suggestion. Beside its acronym,
  // such a word is about the mission ("MINUSCA details").
  const acronym = typed.some(({ word }) => index.missionsById.has(word.toUpperCase()));
  // "South Africa", "North Africa": before a word the mission's name does not hold as typed, a compass
  // word names another place ("Eastern Congo", "South Sudan" hold it).
  const compassElsewhere = typed.some(({ word }, i) => COMPASS.test(word) && i + 1 < typed.length && top.tiers[i + 1] < 3);
  const strangers = compassElsewhere || typed.some(({ word }) => isStranger(index, word));
  if (!acronym && top.matched < typed.length && strangers) {
    return { status: 'not_found', missions: ranked.slice(0, MAX_SUGGESTIONS).map(toRanked) };
  }
  // "Guinea", "Republic of the Congo": part of a mission's place name, and no whole name of it.
  const partial = !acronym && !top.whole ? { partial: true as const } : {};
  if (top.tier >= 2) {
    return { status: level.length === 1 ? 'found' : 'ambiguous', missions: level.map(toRanked), ...partial };
  }
  const typosTrusted = typed.every(({ word }) => word.length >= TRUSTED_TYPO_LENGTH);
  if (level.length === 1 && top.matched === typed.length && typosTrusted) {
    return { status: 'found', missions: level.map(toRanked), ...partial };
  }
  return { status: 'not_found', missions: ranked.slice(0, MAX_SUGGESTIONS).map(toRanked) };
}
