import type * as z from 'zod';
import type { ParsedFile, Path } from './parse-file.js';
import type { Problem } from './problems.js';

/** Checks parsed data against a schema; each issue becomes a problem with its line and the fix. */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  parsed: ParsedFile,
  basePath: Path = [],
): { value: z.infer<S> } | { problems: Problem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data };
  const problems = result.error.issues.map((issue): Problem => {
    const path = [...basePath, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => `"${fieldName([...path, key])}"`).join(', ');
      const line = parsed.lineOf([...path, issue.keys[0]]);
      return { file: parsed.file, line, message: `unknown field ${keys}: remove it or correct its spelling` };
    }
    const line = parsed.lineOf(path);
    if (issue.code !== 'custom' && valueAt(data, issue.path) === undefined) {
      return { file: parsed.file, line, message: `missing required field "${fieldName(path)}": add it` };
    }
    const value = valueAt(data, issue.path);
    if (issue.code === 'invalid_type' && value === null) {
      const written = typeof path.at(-1) === 'number' ? '"-"' : `"${String(path.at(-1))}:"`;
      return path.length === 0
        ? { file: parsed.file, line, message: 'the file holds no fields: write its fields, one "name: value" per line' }
        : { file: parsed.file, line, message: `field "${fieldName(path)}" is empty: write its value after ${written}` };
    }
    if (issue.code === 'invalid_type' && issue.expected === 'array' && typeof value === 'string') {
      return {
        file: parsed.file,
        line,
        message: `field "${fieldName(path)}" must be a list: write [${value}], or each item on its own line starting with "- "`,
      };
    }
    if (issue.code === 'invalid_type' && issue.expected === 'string' && typeof value === 'number') {
      return {
        file: parsed.file,
        line,
        message: `field "${fieldName(path)}": ${value} is read as a number, not text: put it in quotes, as ${typeof path.at(-1) === 'number' ? '-' : `${String(path.at(-1))}:`} "${value}"`,
      };
    }
    if (issue.code === 'invalid_value' && issue.values.length > 0) {
      return {
        file: parsed.file,
        line,
        message: `field "${fieldName(path)}" is ${JSON.stringify(value)}: write one of ${issue.values.map(String).join(', ')}, exactly as here`,
      };
    }
    return { file: parsed.file, line, message: `field "${fieldName(path)}": ${issue.message}` };
  });
  return { problems };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function fieldName(path: Path): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
