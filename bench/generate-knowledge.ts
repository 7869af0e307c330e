import type { KnowledgeBase, Story } from '../src/knowledge/types.js';

/**
 * A knowledge base of `count` stories in the real one's image: sentences recombined from the
 * real texts, with near-duplicate words (plurals, typos, accents) so that fuzzy search has work to do.
 */
export function generateKnowledge(real: KnowledgeBase, count: number, seed = 1): KnowledgeBase {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const corpus = [
    ...real.stories.map((s) => s.text),
    ...real.topics.map((t) => t.text),
    ...real.missions.flatMap((m) => m.achievements.map((a) => a.text)),
  ]
    .join(' ')
    .split(/(?<=[.;])\s+/);
  const words = [...new Set(corpus.join(' ').split(/\s+/))].filter((w) => /^[A-Za-z]{5,}$/.test(w));
  const variant = (word: string) => {
    const i = 1 + Math.floor(random() * (word.length - 2));
    switch (Math.floor(random() * 4)) {
      case 0:
        return `${word}s`;
      case 1:
        return word.slice(0, i) + word.slice(i + 1);
      case 2:
        return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      default:
        return word.replace(/e/, 'é');
    }
  };
  const stories: Story[] = Array.from({ length: count }, (_, n) => {
    const mission = pick(real.missions);
    const text = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(corpus))
      .map((sentence) => sentence.replace(/\b[A-Za-z]{6,}\b/g, (w) => (random() < 0.08 ? variant(w) : w)))
      .join(' ');
    return {
      type: 'story',
      id: `generated-${n}`,
      title: `${pick(words)} ${pick(words)} in ${mission.where}`,
      text,
      source: 'peacekeeping-story',
      keywords: [pick(words), pick(words), variant(pick(words))],
      missions: [mission.id],
      country: mission.where,
      places: [],
      figures: [],
      footnotes: mission.footnotes,
      file: `stories/generated-${n}.md`,
    };
  });
  return { ...real, stories };
}
