import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Problem } from './problems.js';
import { describeYamlError } from './yaml-error.js';

export type Path = readonly PropertyKey[];

/** One knowledge file, parsed, with a way back from a field to its line. */
export interface ParsedFile {
  file: string;
  data: unknown;
  /** The Markdown after the front matter, if the file has one. */
  body?: string;
  /** The line where the body's text starts. */
  bodyLine?: number;
  lineOf(path: Path): number | undefined;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A knowledge file's text, as editors' tools save it: a byte order mark (Windows editors) is
 * dropped, and a file in another encoding than UTF-8 is refused with how to save it.
 * Throws what reading the file throws (missing, unreadable).
 */
export function readKnowledgeText(path: string): { text: string } | { message: string } {
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return {
      message:
        'the file is not saved as UTF-8 (an accented letter or a curly quote cannot be read): save it again with the encoding "UTF-8"',
    };
  }
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

export function parseYamlFile(file: string, source: string, lineOffset = 0): ParsedFile | Problem {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const [error] = doc.errors;
  if (error) {
    const { line, message } = describeYamlError(error, source, lineCounter);
    return { file, line: line + lineOffset, message: `not valid YAML: ${message}` };
  }
  const lineOf = (path: Path): number | undefined => {
    let node: unknown = doc.contents;
    let offset = (node as Node | null)?.range?.[0];
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        if (!pair) break;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
      } else {
        break;
      }
      offset = (node as Node).range?.[0] ?? offset;
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line + lineOffset;
  };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // What is left to fail once the text parsed: aliases (*name), read only when the data is built.
    const message = error instanceof Error ? error.message : String(error);
    if (/^Unresolved alias/.test(message)) {
      const written = `*${message.split(': ').at(-1)}`;
      const line = source.split('\n').findIndex((text) => text.includes(written)) + 1;
      return {
        file,
        line: line > 0 ? line + lineOffset : undefined,
        message: `not valid YAML: ${written} starts with *, which YAML reads as a reference to another value: put it in double quotes, as "${written}"`,
      };
    }
    if (/alias count/i.test(message)) {
      return {
        file,
        message: 'not valid YAML: too many aliases (*name): write the values out instead of repeating them through aliases',
      };
    }
    throw error;
  }
  return { file, data, lineOf };
}

/** A Markdown file: YAML front matter between `---` lines, then the text. */
export function parseMarkdownFile(file: string, source: string): ParsedFile | Problem {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return {
      file,
      line: 1,
      message: 'no front matter: the file must start with a "---" line, its fields, and a closing "---" line',
    };
  }
  const parsed = parseYamlFile(file, match[1], 1);
  if ('message' in parsed) return parsed;
  const rest = source.slice(match[0].length);
  const bodyStart = match[0].length + (rest.length - rest.trimStart().length);
  const bodyLine = source.slice(0, bodyStart).split('\n').length;
  return { ...parsed, body: rest.trim(), bodyLine };
}
