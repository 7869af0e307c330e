import { GLOSSARY_FILE } from './glossary.js';
import type { Problem } from './problems.js';
import { entryTerm, ownTerms } from './search-index.js';
import type { Steps } from './steps.js';
import { words } from './text.js';
import type { Entry, KnowledgeBase } from './types.js';
import { compileVocabulary, withoutAuxiliaries } from './vocabulary.js';

type LineOfEntry = (entry: Entry, path: PropertyKey[]) => number | undefined;
type LineOfGlossary = (path: readonly PropertyKey[]) => number | undefined;

/**
 * The `asks:` lines against their entries: a phrasing must be answerable from its own entry's
 * text, so that at least half of its words (read through the glossary) are words of that entry.
 * (A synonym whose term no entry holds is not refused: deleting the last story about a theme
 * must not make the folder invalid; the synonym then simply finds nothing.)
 */
export function* checkVocabulary(kb: KnowledgeBase, lineOfEntry: LineOfEntry, lineOfGlossary: LineOfGlossary): Steps<Problem[]> {
  const problems: Problem[] = [];
  const entries: Entry[] = [...kb.missions, ...kb.topics, ...kb.stories];

  const context = { missionsById: new Map(kb.missions.map((m) => [m.id, m])), sources: kb.sources };
  const read = compileVocabulary(kb.glossary);
  // Every entry's words, gathered only when an asks line fails: a reload of thousands of entries
  // must not stop to read them all at once.
  let everyText: Set<string> | undefined;
  const inTexts = (term: string) => {
    everyText ??= new Set(entries.flatMap((entry) => [...ownTerms(entry, context)]));
    return everyText.has(term);
  };
  const termNotInTexts = termsNoTextHolds(kb, inTexts, lineOfGlossary);
  for (const entry of entries) {
    if (!entry.asks?.length) continue;
    yield;
    const own = ownTerms(entry, context);
    (entry.asks ?? []).forEach((ask, i) => {
      const asked = [...new Set(read(withoutAuxiliaries(words(ask), String)).words.flatMap((w) => entryTerm(w) ?? []))];
      const missing = asked.filter((t) => !own.has(t));
      if (asked.length === 0 || missing.length * 2 > asked.length) {
        problems.push({
          file: entry.file,
          line: lineOfEntry(entry, ['asks', i]),
          message: `asks "${ask}": ${asked.length === 0 ? 'has no words to search for' : `${missing.map((w) => `"${w}"`).join(', ')} not in this entry's text`}; an asks line must be a question this entry's own text answers (or add the missing word to ${GLOSSARY_FILE} as a synonym of a word of the text)${missing.flatMap(termNotInTexts).join('')}`,
        });
      }
    });
  }
  return problems;
}

/**
 * For a word an asks line is missing: where the glossary put it there, as a term no entry's text
 * holds ("moblie courts" for "mobile courts"): the mistake is that term, not the asks line.
 */
function termsNoTextHolds(kb: KnowledgeBase, inTexts: (term: string) => boolean, lineOfGlossary: LineOfGlossary) {
  return (missing: string): string[] => {
    if (inTexts(missing)) return [];
    const at = kb.glossary.synonyms.findIndex(({ term }) => words(term).some((w) => entryTerm(w) === missing));
    if (at < 0) return [];
    const line = lineOfGlossary(['synonyms', at, 'term']);
    return [
      `; "${missing}" comes from ${GLOSSARY_FILE}${line ? `:${line}` : ''}, term "${kb.glossary.synonyms[at].term}", which no entry's text holds: check its spelling`,
    ];
  };
}
