import { fold } from '../knowledge/text.js';
import type { Entry, Mission, Story, Topic } from '../knowledge/types.js';
import type { AnswerEngine } from './engine.js';

/** A question to offer someone new, with the entry it is known to bring up. */
export interface Starter<E extends Entry = Entry> {
  entry: E;
  question: string;
}

export interface Starters {
  topics: Starter<Topic>[];
  mission?: Starter<Mission>;
  story?: Starter<Story>;
}

const STARTER_TOPICS = 2;
/** Candidates tried per kind: a thread opens at once, however large the knowledge. */
const MAX_TRIES = 10;

/**
 * Questions drawn from whatever the knowledge holds: the topics editors mark `welcome` (then the
 * others), each asked as its first `asks:` line if it has one, the mission with the most
 * to show, and a story (of another mission when there is one). Each is offered only if asking it
 * brings up its entry first, so a prompt never leads elsewhere than it promises, and only if
 * neither it nor its entry's title names a term that must carry a note.
 */
export function starterQuestions(engine: AnswerEngine): Starters {
  const { missions, topics, stories, footnotes } = engine.knowledge;
  // A prompt is a bare line of text: one naming what needs a note (Kosovo) could not carry the note.
  const noteTerms = [...footnotes.values()].map((note) => fold(note.appliesTo));
  const needsNote = (text: string) => noteTerms.some((term) => fold(text).includes(term));
  const starters = <E extends Entry>(entries: E[], ask: (entry: E) => string, count: number): Starter<E>[] => {
    const found: Starter<E>[] = [];
    for (const entry of entries.slice(0, MAX_TRIES)) {
      if (found.length === count) break;
      const question = ask(entry);
      if (needsNote(entry.title) || needsNote(question)) continue;
      if (engine.answer({ command: null, text: question }).results[0]?.entry.id === entry.id) found.push({ entry, question });
    }
    return found;
  };
  const storyCounts = new Map<string, number>();
  for (const id of stories.flatMap((s) => s.missions)) storyCounts.set(id, (storyCounts.get(id) ?? 0) + 1);
  const storyCount = (m: Mission) => storyCounts.get(m.id) ?? 0;
  const richest = [...missions].sort((a, b) => storyCount(b) - storyCount(a) || b.achievements.length - a.achievements.length);
  const [mission] = starters(richest, (m) => `Tell me about ${m.id}`, 1);
  const isOfMission = (s: Story) => (mission && s.missions.includes(mission.entry.id) ? 1 : 0);
  const [story] = starters(
    [...stories].sort((a, b) => isOfMission(a) - isOfMission(b)),
    (s) => s.title,
    1,
  );
  const welcomeFirst = [...topics].sort((a, b) => Number(b.welcome) - Number(a.welcome));
  return { topics: starters(welcomeFirst, (t) => t.asks?.[0] ?? t.title, STARTER_TOPICS), mission, story };
}
