import { entryTerm, NUMBER_WORD } from '../knowledge/search-index.js';
import { sentences, words } from '../knowledge/text.js';
import type { Entry } from '../knowledge/types.js';

/** A passage this short is its own answer. */
const MAX_UNITS_SHOWN = 2;
const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s/;
/** A sentence that opens with a word standing for something said before it. */
const POINTS_BACK = /^(?:this|these|that|those|they|it|its|such)\b/i;

/** A passage's answerable pieces, in order: sentences, with a list kept whole beside the line that introduces it. */
function unitsOf(text: string): string[] {
  const units: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (paragraph.split('\n').some((line) => LIST_ITEM.test(line))) {
      // A list belongs with the sentence that announces it ("The goals … are:").
      const lead = units.at(-1)?.endsWith(':') ? `${units.pop()}\n` : '';
      units.push(`${lead}${paragraph.trim()}`);
    } else units.push(...sentences(paragraph.replace(/\s*\n\s*/g, ' ')));
  }
  return units;
}

/**
 * The sentence or two of an entry that answer a question, word for word and in the text's order:
 * those sharing the most of the asker's words, the rarer in the passage the more (and holding a
 * figure, when one is asked for), with
 * " … " between two that are not next to each other.
 * Undefined when nothing shorter than the whole passage answers better.
 */
export function excerptFor(entry: Entry, asked: readonly string[], figures: boolean): string | undefined {
  if (entry.type === 'mission') return undefined;
  const units = unitsOf(entry.text);
  if (units.length <= MAX_UNITS_SHOWN) return undefined;
  const terms = new Set(asked.flatMap((w) => entryTerm(w) ?? []));
  const sharedOf = units.map(
    (unit) =>
      new Set(
        words(unit)
          .flatMap((w) => entryTerm(w) ?? [])
          .filter((t) => terms.has(t)),
      ),
  );
  // A word the passage repeats in every sentence ("mobile court") tells less of where the answer is
  // than one in a single sentence ("convictions"): each counts 1 ÷ the sentences that hold it.
  const holding = new Map<string, number>();
  for (const shared of sharedOf) for (const t of shared) holding.set(t, (holding.get(t) ?? 0) + 1);
  const scored = units.map((unit, at) => {
    let score = figures && NUMBER_WORD.test(unit) ? 1 : 0;
    for (const t of sharedOf[at]) score += 1 / (holding.get(t) ?? 1);
    return { unit, at, score };
  });
  const best = [...scored].sort((a, b) => b.score - a.score || a.at - b.at);
  if (best[0].score === 0) return undefined;
  const [top, next] = best;
  // A second piece at least half as good joins the best; else, when the best points back ("This resulted
  // in …"), the one just before it, which says what it points to.
  const before = POINTS_BACK.test(top.unit) ? scored[top.at - 1] : undefined;
  const second = next && next.score > 0 && next.score * 2 >= top.score ? next : before;
  const shown = second ? [top, second] : [top];
  // Pieces that are not next to each other in the text are parted by "…", as a quotation marks a
  // cut; a list stays on lines of its own, so that a sentence after it is not read as its last item.
  return shown
    .sort((a, b) => a.at - b.at)
    .map((u, i, all) => {
      if (i === 0) return u.unit;
      const apart = u.at !== all[i - 1].at + 1;
      const onLines = u.unit.includes('\n') || all[i - 1].unit.includes('\n');
      return `${onLines ? (apart ? '\n…\n' : '\n') : apart ? ' … ' : ' '}${u.unit}`;
    })
    .join('');
}
