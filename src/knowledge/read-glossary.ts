import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { GLOSSARY_FILE, type Glossary, INTENT_KINDS, phraseKey } from './glossary.js';
import { formatBytes, KNOWLEDGE_LIMITS } from './limits.js';
import { parseYamlFile, readKnowledgeText } from './parse-file.js';
import type { Problem } from './problems.js';
import { AUXILIARY, PREPOSITIONS } from './stop-words.js';
import { tokenize } from './text.js';
import type { KnowledgeBase } from './types.js';
import { validate } from './validate.js';

const phrase = z.string().trim().min(1);
const phrases = z.array(phrase).default([]);

const glossarySchema = z.strictObject({
  synonyms: z.array(z.strictObject({ term: phrase, also: phrases, french: phrases })).default([]),
  intents: z.partialRecord(z.enum(INTENT_KINDS), phrases).default({}),
  french_markers: phrases,
  directory: phrases,
  courtesy: phrases,
  fillers: phrases,
  not_covered: phrases,
});

const EMPTY_GLOSSARY: Glossary = {
  synonyms: [],
  intents: {},
  frenchMarkers: [],
  directory: [],
  courtesy: [],
  fillers: [],
  notCovered: [],
};

export interface GlossaryFile {
  glossary: Glossary;
  problems: Problem[];
  /** When the file was last changed; absent without a glossary. */
  modified?: Date;
  /** The line of a field of the file, for later checks against the rest of the knowledge. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** A hash of the text the glossary was read from (kept with the knowledge, see KnowledgeBase.glossaryDigest). */
  digest?: string;
}

/**
 * Reads glossary.yml if the folder has one; a folder without it simply has no extra vocabulary.
 * When its text is that of the knowledge being served (`served`), that glossary is kept: parsing
 * the file is the longest single step of a reload (tens of milliseconds the bot could not answer).
 */
export function readGlossary(dir: string, served?: Pick<KnowledgeBase, 'glossary' | 'glossaryDigest'>): GlossaryFile {
  const path = join(dir, GLOSSARY_FILE);
  const none: GlossaryFile = { glossary: EMPTY_GLOSSARY, problems: [], lineOf: () => undefined };
  if (!existsSync(path)) return none;
  const { size, mtime } = statSync(path);
  if (size > KNOWLEDGE_LIMITS.fileBytes) {
    const message = `the file is ${formatBytes(size)}, over the ${formatBytes(KNOWLEDGE_LIMITS.fileBytes)} a knowledge file may hold: keep the phrases people really use`;
    return { ...none, problems: [{ file: GLOSSARY_FILE, message }] };
  }
  const read = readKnowledgeText(path);
  if ('message' in read) return { ...none, problems: [{ file: GLOSSARY_FILE, message: read.message }] };
  const digest = createHash('sha256').update(read.text).digest('hex');
  if (served?.glossaryDigest === digest) {
    return { glossary: served.glossary, problems: [], modified: mtime, digest, lineOf: linesWhenAsked(read.text) };
  }
  const parsed = parseYamlFile(GLOSSARY_FILE, read.text);
  if ('message' in parsed) return { ...none, problems: [parsed] };
  const result = validate(glossarySchema, parsed.data ?? {}, parsed);
  if ('problems' in result) return { ...none, problems: result.problems, lineOf: parsed.lineOf };
  const { synonyms, intents, french_markers, directory, courtesy, fillers, not_covered } = result.value;
  const glossary: Glossary = {
    synonyms,
    intents,
    frenchMarkers: french_markers,
    directory,
    courtesy,
    fillers,
    notCovered: not_covered,
  };
  return { glossary, problems: duplicatePhrases(glossary, parsed.lineOf), lineOf: parsed.lineOf, modified: mtime, digest };
}

/**
 * Lines of a glossary kept from the knowledge being served: the file is parsed only if a problem
 * elsewhere needs one (a reload that will be refused, so its longer step does not matter).
 */
function linesWhenAsked(text: string): GlossaryFile['lineOf'] {
  let parsed: ReturnType<typeof parseYamlFile> | undefined;
  return (path) => {
    parsed ??= parseYamlFile(GLOSSARY_FILE, text);
    return 'message' in parsed ? undefined : parsed.lineOf(path);
  };
}

/** A phrase listed for two different meanings would be read as whichever came first: each must have one. */
function duplicatePhrases(glossary: Glossary, lineOf: GlossaryFile['lineOf']): Problem[] {
  const problems: Problem[] = [];
  const meaningOf = new Map<string, string>();
  const claim = (text: string, meaning: string, path: PropertyKey[]) => {
    // Questions are read as words of two letters or more: "?" or "-h" would never match.
    if (phraseKey(text).every((word) => word.length < 2)) {
      problems.push({
        file: GLOSSARY_FILE,
        line: lineOf(path),
        message: `"${text}" has no word of two letters or more, so no question can match it: remove it`,
      });
      return;
    }
    const [first, second] = tokenize(text).filter((word) => word.length > 1);
    if (first !== undefined && second !== undefined && AUXILIARY.has(first) && !PREPOSITIONS.has(second)) {
      problems.push({
        file: GLOSSARY_FILE,
        line: lineOf(path),
        message: `"${text}" starts with "${first}", which questions leave out before another word, so no question can match it: start it with "${second}"`,
      });
      return;
    }
    const key = phraseKey(text).join(' ');
    const earlier = meaningOf.get(key);
    if (earlier !== undefined && earlier !== meaning) {
      problems.push({
        file: GLOSSARY_FILE,
        line: lineOf(path),
        message: `"${text}" is already read as ${earlier}: list each phrase under one meaning only`,
      });
    } else meaningOf.set(key, meaning);
  };
  glossary.synonyms.forEach(({ term, also, french }, i) => {
    for (const [field, list] of [['also', also] as const, ['french', french] as const]) {
      list.forEach((p, j) => {
        claim(p, `"${term}"`, ['synonyms', i, field, j]);
      });
    }
  });
  glossary.fillers.forEach((p, j) => {
    claim(p, 'a filler', ['fillers', j]);
  });
  glossary.courtesy.forEach((p, j) => {
    claim(p, 'courtesy', ['courtesy', j]);
  });
  glossary.notCovered.forEach((p, j) => {
    claim(p, 'a subject not covered', ['not_covered', j]);
  });
  for (const kind of INTENT_KINDS) {
    glossary.intents[kind]?.forEach((p, j) => {
      claim(p, `the intent "${kind}"`, ['intents', kind, j]);
    });
  }
  return problems;
}
