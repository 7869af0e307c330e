import { fold } from '../knowledge/text.js';

/** One word as typed: its letters as written (for capitals) and folded (for matching). */
export interface TypedWord {
  raw: string;
  word: string;
}

/** A stretch of a message between sentence marks, commas, dashes, brackets or emoji. */
export interface Clause {
  words: TypedWord[];
  /** It ends with a question mark. */
  asked: boolean;
}

/** "D.R.C.", "U.N.M.I.S.S.", "C.A.R": letters with dots between them, an acronym written out. */
const DOTTED_ACRONYM = /\b(?:\p{L}\.){1,}\p{L}\b\.?/gu;
const CLAUSE_END = /([?!.;:\n()[\]{}"“”«»]|,|\s[-–—]+\s|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)/u;
const WORD = /[\p{L}\p{N}]+/gu;

/** Joins dotted acronyms ("D.R.C." -> "DRC") and unifies apostrophes, so that words and clauses come out whole. */
export function normalise(text: string): string {
  return text.replace(DOTTED_ACRONYM, (acronym) => acronym.replace(/\./g, '')).replace(/[’‘`´]/g, "'");
}

/** Splits a normalised message into clauses, each with its words. */
export function clausesOf(text: string): Clause[] {
  const parts = text.split(CLAUSE_END);
  const clauses: Clause[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const raw = parts[i].match(WORD) ?? [];
    if (raw.length === 0) continue;
    clauses.push({ words: raw.map((r) => ({ raw: r, word: fold(r) })), asked: parts[i + 1] === '?' });
  }
  return clauses;
}
