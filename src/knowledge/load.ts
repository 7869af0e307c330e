import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { checkVocabulary } from './check-vocabulary.js';
import { formatBytes, KNOWLEDGE_LIMITS } from './limits.js';
import { missionFactProblems } from './mission-facts.js';
import { type ParsedFile, parseMarkdownFile, parseYamlFile, readKnowledgeText } from './parse-file.js';
import { KnowledgeError, type Problem } from './problems.js';
import { readGlossary } from './read-glossary.js';
import { footnoteSchema, missionSchema, sourceSchema, storySchema, topicSchema } from './schema.js';
import { mapInSteps, runAtOnce, runInSlices, type Steps } from './steps.js';
import type { Entry, Footnote, KnowledgeBase, Mission, Source, Story, Topic } from './types.js';
import { validate } from './validate.js';
import { verbatimProblems } from './verbatim.js';

const PLACEHOLDER = /\bT\.?K\b/;

/** The folders holding one entry per file, and the kind of file each reads. */
export const ENTRY_FOLDERS = { missions: '.yml', topics: '.md', stories: '.md' } as const;

/**
 * Reads and validates every file of a knowledge folder.
 * Throws a KnowledgeError listing every problem found, each with its file and line.
 */
export function loadKnowledge(dir: string): KnowledgeBase {
  return runAtOnce(loadSteps(dir));
}

/**
 * The same load, in slices that leave the event loop free to answer meanwhile (a reload). An
 * unchanged glossary.yml keeps the glossary of the knowledge being served (`served`).
 */
export function loadKnowledgeInSlices(dir: string, served?: KnowledgeBase): Promise<KnowledgeBase> {
  return runInSlices(loadSteps(dir, served));
}

function* loadSteps(dir: string, served?: KnowledgeBase): Steps<KnowledgeBase> {
  if (!existsSync(dir)) {
    const message =
      'the knowledge folder does not exist: set KNOWLEDGE_DIR to the folder holding missions/, topics/, stories/ and sources.yml, or leave it unset for ./knowledge';
    throw new KnowledgeError([{ file: dir, message }]);
  }
  const reader = new FolderReader(dir);
  const sources = reader
    .list('sources.yml', sourceSchema)
    .map(({ value }): Source => ({ ...value, authorRole: value.author_role }));
  const footnotes = reader
    .list('footnotes.yml', footnoteSchema)
    .map(({ value }): Footnote => ({ ...value, appliesTo: value.applies_to }));
  const missions = yield* mapInSteps(
    yield* reader.folder('missions', ENTRY_FOLDERS.missions, missionSchema),
    ({ value, parsed }): Mission => ({
      ...value,
      type: 'mission',
      title: `${value.id} · ${value.where}`,
      factsSource: value.facts_source,
      file: parsed.file,
    }),
  );
  const topics = yield* mapInSteps(
    yield* reader.folder('topics', ENTRY_FOLDERS.topics, topicSchema),
    ({ value, parsed }): Topic => ({ ...value, type: 'topic', text: parsed.body ?? '', file: parsed.file }),
  );
  const stories = yield* mapInSteps(
    yield* reader.folder('stories', ENTRY_FOLDERS.stories, storySchema),
    ({ value, parsed }): Story => ({ ...value, type: 'story', text: parsed.body ?? '', file: parsed.file }),
  );

  const sourceTexts = reader.sourceTexts(sources);

  const glossaryFile = readGlossary(dir, served);
  const kb: KnowledgeBase = {
    missions,
    glossary: glossaryFile.glossary,
    topics,
    stories,
    sources: new Map(sources.map((s) => [s.id, s])),
    footnotes: new Map(footnotes.map((f) => [f.id, f])),
    updatedAt: glossaryFile.modified && glossaryFile.modified > reader.newest ? glossaryFile.modified : reader.newest,
    glossaryDigest: glossaryFile.digest,
  };
  const lineOfEntry = (entry: Entry, path: PropertyKey[]) => reader.parsedById.get(entry.id)?.lineOf(path);
  const problems = [
    ...reader.problems,
    ...glossaryFile.problems,
    ...(yield* crossCheck(kb, reader)),
    ...(yield* verbatimProblems(kb, sourceTexts, (id) => reader.parsedById.get(id))),
    ...(yield* missionFactProblems(kb, sourceTexts, (id) => reader.parsedById.get(id))),
    // Phrasings are checked against the entries, through the glossary, once every entry and the glossary could be read.
    ...(reader.problems.length === 0 && glossaryFile.problems.length === 0
      ? yield* checkVocabulary(kb, lineOfEntry, glossaryFile.lineOf)
      : []),
  ];
  if (problems.length > 0) throw new KnowledgeError(problems);
  return kb;
}

interface Loaded<T> {
  value: T;
  parsed: ParsedFile;
}

type Schema<T> = Parameters<typeof validate>[0] & { _zod: { output: T } };

class FolderReader {
  readonly problems: Problem[] = [];
  readonly parsedById = new Map<string, ParsedFile>();
  /**
   * Ids of records that could not be loaded, and files none of whose records could: other files
   * naming them are not told the id does not exist, since the problem is in the broken file.
   */
  readonly brokenIds = new Set<string>();
  readonly brokenFiles = new Set<string>();
  newest = new Date(0);
  private files = 0;

  constructor(private readonly dir: string) {}

  /** A YAML file holding a list of records. */
  list<T>(file: string, schema: Schema<T>): Loaded<T>[] {
    const parsed = this.parse(file);
    if (!parsed || !Array.isArray(parsed.data)) {
      this.brokenFiles.add(file);
      if (parsed) this.problems.push({ file, line: 1, message: 'expected a list of entries, each starting with "- id:"' });
      return [];
    }
    return parsed.data.flatMap((item, index) => this.check(schema, item, parsed, [index]));
  }

  /** A folder holding one record per file; yields after each file. */
  *folder<T>(folder: string, extension: '.yml' | '.md', schema: Schema<T>): Steps<Loaded<T>[]> {
    let names: string[];
    try {
      names = readdirSync(join(this.dir, folder)).filter((name) => extname(name) === extension);
    } catch {
      this.problems.push({ file: folder, message: `folder is missing: create ${folder}/ with one ${extension} file per entry` });
      this.brokenFiles.add(folder);
      return [];
    }
    this.files += names.length;
    if (this.files > KNOWLEDGE_LIMITS.files) {
      this.problems.push({
        file: folder,
        message: `the knowledge holds more than ${KNOWLEDGE_LIMITS.files} files, the most one bot serves: remove files, or split the knowledge between bots`,
      });
      this.brokenFiles.add(folder);
      return [];
    }
    const files: { name: string; parsed: ParsedFile | undefined }[] = [];
    for (const name of names.sort()) {
      yield;
      files.push({ name, parsed: this.parse(`${folder}/${name}`) });
    }
    // The file named after its id is the original; another holding that id ("x (1).md", a new file
    // begun from a copy) is the duplicate, whichever sorts first.
    const namedAfterId = ({ name, parsed }: (typeof files)[number]) =>
      (parsed?.data as { id?: unknown } | undefined)?.id === basename(name, extension);
    const all: Loaded<T>[] = [];
    for (const { name, parsed } of [...files.filter(namedAfterId), ...files.filter((f) => !namedAfterId(f))]) {
      yield;
      const loaded = parsed ? this.check(schema, parsed.data, parsed, []) : [];
      if (loaded.length === 0) this.brokenIds.add(basename(name, extension));
      for (const { value, parsed } of loaded) {
        const id = (value as { id: string }).id;
        if (id !== basename(name, extension)) {
          this.problems.push({
            file: parsed.file,
            line: parsed.lineOf(['id']),
            message: `id "${id}" does not match the file name: rename the file to ${id}${extension} or change the id`,
          });
        }
      }
      all.push(...loaded);
    }
    return all;
  }

  /** The text of each source's file, which must lie inside the knowledge folder; by source id. */
  sourceTexts(sources: Source[]): Map<string, string> {
    const texts = new Map<string, string>();
    for (const { id, file } of sources) {
      const parsed = this.parsedById.get(id);
      const index = Array.isArray(parsed?.data) ? parsed.data.findIndex((item) => item?.id === id) : -1;
      const at = { file: 'sources.yml', line: parsed?.lineOf([index, 'file']) };
      const path = resolve(this.dir, file);
      const inside = relative(resolve(this.dir), path);
      if (inside.startsWith('..') || isAbsolute(inside)) {
        this.problems.push({
          ...at,
          message: `file "${file}" is outside the knowledge folder: keep the source's copy in sources/`,
        });
        continue;
      }
      try {
        const read = readKnowledgeText(path);
        if ('message' in read) this.problems.push({ file: relative(this.dir, path), message: read.message });
        else texts.set(id, read.text);
      } catch {
        this.problems.push({
          ...at,
          message: `file "${file}" is missing or unreadable: put a word-for-word copy of the source there, since the passages citing "${id}" are checked against it`,
        });
      }
    }
    return texts;
  }

  private parse(file: string): ParsedFile | undefined {
    const path = join(this.dir, file);
    let source: string;
    try {
      const { mtime, size } = statSync(path);
      if (size > KNOWLEDGE_LIMITS.fileBytes) {
        this.problems.push({
          file,
          message: `the file is ${formatBytes(size)}, over the ${formatBytes(KNOWLEDGE_LIMITS.fileBytes)} a knowledge file may hold: split it into several entries`,
        });
        return undefined;
      }
      const read = readKnowledgeText(path);
      if ('message' in read) {
        this.problems.push({ file, message: read.message });
        return undefined;
      }
      source = read.text;
      if (mtime > this.newest) this.newest = mtime;
    } catch {
      this.problems.push({ file, message: 'file is missing or unreadable' });
      return undefined;
    }
    const parsed = file.endsWith('.md') ? parseMarkdownFile(file, source) : parseYamlFile(file, source);
    if ('message' in parsed) {
      this.problems.push(parsed);
      return undefined;
    }
    return parsed;
  }

  private check<T>(schema: Schema<T>, data: unknown, parsed: ParsedFile, path: PropertyKey[]): Loaded<T>[] {
    const result = validate(schema, data, parsed, path);
    if ('problems' in result) {
      this.problems.push(...result.problems);
      const id = (data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') this.brokenIds.add(id);
      return [];
    }
    const value = result.value as T;
    const id = (value as { id: string }).id;
    const earlier = this.parsedById.get(id);
    const idLine = parsed.lineOf([...path, 'id']);
    if (earlier) {
      this.problems.push({
        file: parsed.file,
        line: idLine,
        message: `duplicate id "${id}" (already used in ${earlier.file}): give this entry an id of its own and name its file after it, or delete this file if it is a copy`,
      });
      return [];
    }
    this.parsedById.set(id, parsed);
    return [{ value, parsed }];
  }
}

function* crossCheck(kb: KnowledgeBase, reader: FolderReader): Steps<Problem[]> {
  const problems: Problem[] = [];
  const at = (entry: { id: string; file: string }, field: PropertyKey[], message: string) => {
    const parsed = reader.parsedById.get(entry.id);
    problems.push({ file: entry.file, line: parsed?.lineOf(field), message });
  };
  const missionIds = new Set(kb.missions.map((m) => m.id));
  /** Whether an id names a record, or one that is broken and reported in its own file. */
  const known = (ids: { has(id: string): boolean }, id: string, file: string) =>
    ids.has(id) || reader.brokenIds.has(id) || reader.brokenFiles.has(file);
  const entries: Entry[] = [...kb.missions, ...kb.topics, ...kb.stories];

  for (const entry of entries) {
    yield;
    for (const [field, sourceId] of sourceRefs(entry)) {
      if (!known(kb.sources, sourceId, 'sources.yml')) {
        at(entry, field, `unknown source "${sourceId}": use one of ${list(kb.sources.keys())} (see sources.yml)`);
      }
    }
    entry.footnotes.forEach((id, i) => {
      if (!known(kb.footnotes, id, 'footnotes.yml'))
        at(entry, ['footnotes', i], `unknown footnote "${id}": use one of ${list(kb.footnotes.keys())}`);
    });
    const texts = textFields(entry);
    for (const [field, value] of texts) {
      if (value.length > KNOWLEDGE_LIMITS.passageChars) {
        at(
          entry,
          field,
          `the text is ${value.length} characters long, over the ${KNOWLEDGE_LIMITS.passageChars} a passage may have: split it into several entries`,
        );
      }
      if (PLACEHOLDER.test(value)) {
        at(
          entry,
          field,
          'contains the placeholder "TK" (text to come), which is not content: remove it (a mission with no achievements shows "no summary published yet")',
        );
      }
    }
    const allText = texts.map(([, value]) => value).join('\n');
    for (const note of kb.footnotes.values()) {
      if (allText.includes(note.appliesTo) && !entry.footnotes.includes(note.id)) {
        at(entry, ['footnotes'], `names "${note.appliesTo}" but does not carry its note: add "${note.id}" to footnotes`);
      }
    }
  }
  for (const story of kb.stories) {
    yield;
    story.missions.forEach((id, i) => {
      if (!known(missionIds, id, 'missions'))
        at(story, ['missions', i], `names mission "${id}", which does not exist: use one of ${list(missionIds)}`);
    });
    story.figures.forEach((figure, i) => {
      if (!story.text.includes(figure)) {
        at(
          story,
          ['figures', i],
          `figure "${figure}" does not appear word for word in the story text: copy it exactly from the text`,
        );
      }
    });
    if (!story.text) at(story, [], 'the story has no text: write the passage below the front matter');
  }
  for (const topic of kb.topics) {
    if (!topic.text) at(topic, [], 'the topic has no text: write the passage below the front matter');
  }
  return problems;
}

function sourceRefs(entry: Entry): [PropertyKey[], string][] {
  if (entry.type !== 'mission') return [[['source'], entry.source]];
  return [
    [['facts_source'], entry.factsSource],
    ...entry.achievements.map((a, i): [PropertyKey[], string] => [['achievements', i, 'source'], a.source]),
  ];
}

function textFields(entry: Entry): [PropertyKey[], string][] {
  const fields: [PropertyKey[], string][] = [[['title'], entry.title]];
  if (entry.type === 'mission') {
    fields.push([['name'], entry.name], [['where'], entry.where]);
    entry.achievements.forEach((a, i) => {
      fields.push([['achievements', i, 'text'], a.text]);
    });
  } else {
    fields.push([[], entry.text]);
  }
  if (entry.type === 'story') {
    fields.push([['country'], entry.country]);
    entry.places.forEach((place, i) => {
      fields.push([['places', i], place]);
    });
    entry.figures.forEach((figure, i) => {
      fields.push([['figures', i], figure]);
    });
  }
  return fields;
}

function list(ids: Iterable<string>): string {
  return [...ids].join(', ');
}
