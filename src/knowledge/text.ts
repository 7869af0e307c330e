/** Text normalisation shared by the index and the queries, so both sides agree. */

const COMBINING_MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower case, accents removed: "Haïti" -> "haiti". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(COMBINING_MARKS, '') : lower;
}

const ASCII_NON_WORD = /[^a-z0-9]+/;

/** Folded words, split at anything that is not a letter or digit; an ASCII text takes the fast way. */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.split(NON_WORD).map(fold) : lower.split(ASCII_NON_WORD);
}

/** Folded words of at least two characters ("Master’s" -> ["master"]). */
export function words(text: string): string[] {
  return tokenize(text).filter((word) => word.length > 1);
}

/**
 * A rough sound-alike key, so that spellings people hear rather than read
 * still meet: MINUSKA/MINUSCA, Libia/Libya, Afganistan/Afghanistan.
 */
export function soundKey(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/[cqk]/g, 'k')
    .replace(/y/g, 'i')
    .replace(/z/g, 's')
    .replace(/(?!^)h/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** Light English plural folding: courts -> court, stories -> story. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
    return word.slice(0, -1);
  }
  return word;
}

/**
 * Two neighbouring letters typed the wrong way round ("gaols", "minsuca") are two edits to a
 * fuzzy search, too many for a short word: the known word that one swap makes of an unknown one.
 */
export function swappedLetters(term: string, known: { has(word: string): boolean }): string | undefined {
  for (let i = 0; i < term.length - 1; i++) {
    const candidate = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Sentences of a passage, for figure look-ups and source checks. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.;:!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
