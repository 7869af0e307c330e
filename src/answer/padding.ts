import type { Clause, TypedWord } from './normalise.js';

/**
 * Conversational padding is told apart by the shape of a message, not by listing phrases:
 *
 * - a request frame at the start of a clause ("could you tell me", "can u remind us",
 *   "I'd like to know", "pouvez-vous me dire") is a way of asking, not what is asked;
 * - a clause that speaks of the asker ("I'm new in the Bangui office", "je travaille à Goma")
 *   is context, not the question, when the message has another clause;
 * - when the message holds a question (a clause ending with "?" or opening like one), the
 *   statements around it are kept only if they add a subject or an intent ("need the whole
 *   list", "it's for a tweet"): greetings, thanks and asides go;
 * - a clause opening with a greeting or thanks (glossary.yml's courtesy words) goes, with whom
 *   it greets ("Good afternoon team"), when the message has another clause;
 * - without a question, a clause with no word the knowledge or the glossary knows goes.
 *
 * What remains is searched; if nothing remains, the message was padding alone.
 */

/** Words that open a question in English and French (grammar, not a list of example sentences). */
const QUESTION_OPENERS = new Set(
  `what whats which who whom whose when where why how is are does do did can could was were has have will would should
  tell show give list explain describe name define
  que quoi quel quelle quels quelles qui quand ou comment combien pourquoi est peux pouvez pourriez donne donnez explique expliquez`.split(
    /\s+/,
  ),
);
/** The asker speaking of themselves. */
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'my', 'me', 'we', 'our', 'je', 'j', 'moi', 'nous', 'mon', 'ma', 'mes']);
const MODAL = new Set(['can', 'could', 'would', 'will', 'may', 'pouvez', 'pourriez', 'peux', 'pourrais', 'pouvais']);
const ADDRESSEE = new Set(['you', 'u', 'ya', 'vous', 'tu']);
const ASKER = new Set(['me', 'us', 'moi', 'nous']);
const LIKE_TO_KNOW =
  /^(?:i(?: d| would| want| need)?(?: like| love)? to know|i was wondering|i wonder|do you know|let me know|tell me|i (?:need|want|d like|would like|m looking for|am looking for)(?: to find| to get| to see)?(?: an?| some| the)?|je voudrais savoir|j aimerais savoir|je cherche|j ai besoin d(?: une?)?)\b\s*/;

/** Whether a word is, alone, a courtesy the glossary lists ("please", "svp"). */
type IsCourtesy = (word: string) => boolean;

/** Drops a leading request frame: "(please) could you (please) tell me …", "can u remind us …", "I'd like to know …". */
function withoutRequestFrame(words: TypedWord[], isCourtesy: IsCourtesy): TypedWord[] {
  let rest = words;
  for (let changed = true; changed && rest.length > 0; ) {
    changed = false;
    const [first, second, third] = rest.map((w) => w.word);
    if (isCourtesy(first) && asksNext(rest.slice(1))) {
      rest = rest.slice(1);
      changed = true;
    } else if (MODAL.has(first) && ADDRESSEE.has(second ?? '')) {
      // modal, addressee, optional "please", a verb with "me"/"us" after it (or before, in French)
      let n = 2;
      if (third !== undefined && isCourtesy(third)) n++;
      if (ASKER.has(rest[n]?.word ?? '')) n++;
      const verb = rest[n]?.word;
      if (verb && !QUESTION_OPENERS.has(verb)) n++;
      if (ASKER.has(rest[n]?.word ?? '')) n++;
      rest = rest.slice(n);
      changed = true;
    } else {
      const line = rest.map((w) => w.word).join(' ');
      const frame = LIKE_TO_KNOW.exec(line);
      if (frame && frame[0].length > 0) {
        rest = rest.slice(frame[0].trim().split(' ').length);
        changed = true;
      }
    }
  }
  return rest;
}

/** Words that open a question or a request ("what…", "could you…", "I'd like to know…"): a courtesy before them is only courtesy. */
function asksNext(words: TypedWord[]): boolean {
  const [first, second] = words.map((w) => w.word);
  return (
    first !== undefined &&
    (QUESTION_OPENERS.has(first) ||
      (MODAL.has(first) && ADDRESSEE.has(second ?? '')) ||
      LIKE_TO_KNOW.test(words.map((w) => w.word).join(' ')))
  );
}

/**
 * The words a clause asks with, beyond its request frame, question words and courtesy: "best
 * pizza" of "what is the best pizza?", nothing but small words of "can you tell me where it is?".
 */
export function ownWords(words: TypedWord[], isCourtesy: IsCourtesy): TypedWord[] {
  return withoutRequestFrame(words, isCourtesy).filter((w) => !QUESTION_OPENERS.has(w.word) && !isCourtesy(w.word));
}

/** A clause that asks the bot itself, beyond a request frame: "what stories do you have?", "quelles histoires avez-vous ?". */
export function asksTheBot(words: TypedWord[], isCourtesy: IsCourtesy): boolean {
  return ownWords(words, isCourtesy).some((w) => ADDRESSEE.has(w.word));
}

/** A clause that asks: it opens with a request frame or a question word. */
export function opensQuestion(words: TypedWord[], isCourtesy: IsCourtesy): boolean {
  const rest = withoutRequestFrame(words, isCourtesy);
  return rest.length > 0 && (rest !== words || QUESTION_OPENERS.has(rest[0].word));
}

interface ClauseFacts {
  /** It has a word the knowledge or the glossary knows. */
  known: boolean;
  /** It opens with a greeting or thanks: what follows is whom it greets or thanks ("Hi team", "Thanks Maria"). */
  courteous: boolean;
  /** It names a mission or asks for a kind of answer (a list, a quote…). */
  subjectOrIntent: boolean;
}

/** Keeps the clauses that carry the question; `facts` says what a clause's words are to the knowledge. */
export function dropPadding(
  clauses: Clause[],
  facts: (words: TypedWord[]) => ClauseFacts,
  isCourtesy: IsCourtesy,
): TypedWord[][] {
  const framed = clauses.map((c) => {
    const words = withoutRequestFrame(c.words, isCourtesy);
    const aboutAsker = words.length > 0 && FIRST_PERSON.has(words[0].word) && !c.asked;
    return { words, question: (c.asked || opensQuestion(c.words, isCourtesy)) && !aboutAsker, aboutAsker, facts: facts(words) };
  });
  const withContent = framed.filter((c) => c.words.length > 0 && c.facts.known);
  // A question with nothing the knowledge knows is still the question: what surrounds it does not replace it.
  const hasQuestion = framed.some((c) => c.question);
  const kept = hasQuestion ? withContent.filter((c) => c.question || (!c.aboutAsker && c.facts.subjectOrIntent)) : withContent;
  // Greetings and words about the asker give way to any other clause.
  const beyond = kept.filter((c) => !c.aboutAsker && !c.facts.courteous);
  return (beyond.length > 0 ? beyond : kept).map((c) => c.words);
}
