import type { ParsedFile, Path } from './parse-file.js';
import type { Problem } from './problems.js';
import type { Steps } from './steps.js';
import { sentences } from './text.js';
import type { KnowledgeBase } from './types.js';

const LIST_MARKER = /^[ \t]*(?:[-*•]|\d+\.)[ \t]+/gm;

/**
 * A text as the word-for-word rule compares it: evened out where a keyboard or a line wrap
 * differs from the source but a reader sees the same words. Runs of white space become one
 * space; typographic quotes and apostrophes become straight ones; list markers are dropped
 * (the source's "•", a passage's "-" or "1."); a footnote mark glued to a word goes ("Kosovo*").
 */
function comparable(text: string): string {
  return text
    .replace(LIST_MARKER, '')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/(?<=\p{L})\*/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One passage the bot quotes, with where it is written and the source it cites. */
interface Quote {
  file: string;
  /** The line of the passage's first line. */
  line: number | undefined;
  text: string;
  sourceId: string;
}

/**
 * Every sentence of every story, topic and achievement must be in the source file it cites.
 * `sourceTexts` holds the text of each source file that could be read (by source id).
 * Yields after each passage, so that a reload can run it in slices.
 */
export function* verbatimProblems(
  kb: KnowledgeBase,
  sourceTexts: ReadonlyMap<string, string>,
  parsedOf: (id: string) => ParsedFile | undefined,
): Steps<Problem[]> {
  const quotes: Quote[] = [];
  for (const entry of [...kb.topics, ...kb.stories]) {
    quotes.push({ file: entry.file, line: parsedOf(entry.id)?.bodyLine, text: entry.text, sourceId: entry.source });
  }
  for (const mission of kb.missions) {
    mission.achievements.forEach((achievement, i) => {
      const field: Path = ['achievements', i, 'text'];
      quotes.push({
        file: mission.file,
        line: parsedOf(mission.id)?.lineOf(field),
        text: achievement.text,
        sourceId: achievement.source,
      });
    });
  }
  const comparableSources = new Map([...sourceTexts].map(([id, text]) => [id, comparable(text)]));
  const problems: Problem[] = [];
  for (const quote of quotes) {
    yield;
    const source = comparableSources.get(quote.sourceId);
    const file = kb.sources.get(quote.sourceId)?.file;
    // An unknown source or an unreadable file is reported on its own; nothing to compare with here.
    if (source === undefined || file === undefined) continue;
    quote.text.split('\n').forEach((lineText, i) => {
      const differing = sentences(lineText.replace(LIST_MARKER, '')).find((sentence) => !source.includes(comparable(sentence)));
      if (differing === undefined) return;
      problems.push({
        file: quote.file,
        line: quote.line === undefined ? undefined : quote.line + i,
        message: `this passage is not word for word in its source "${quote.sourceId}": copy the passage exactly from ${file}; it differs from the source at: '${whereItDiffers(comparable(differing), source)}'`,
      });
    });
  }
  return problems;
}

/** The words around the first point where a sentence stops following the source. */
function whereItDiffers(sentence: string, source: string): string {
  const words = sentence.split(' ');
  // A prefix found in the source means every shorter prefix is too, so search for the longest.
  let found = 0;
  let notFound = words.length;
  while (notFound - found > 1) {
    const middle = Math.floor((found + notFound) / 2);
    if (source.includes(words.slice(0, middle).join(' '))) found = middle;
    else notFound = middle;
  }
  const start = Math.max(0, found - 3);
  const end = Math.min(words.length, found + 3);
  return `${start > 0 ? '…' : ''}${words.slice(start, end).join(' ')}${end < words.length ? '…' : ''}`;
}
