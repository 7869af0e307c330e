import type { LineCounter, YAMLError } from 'yaml';

/**
 * A YAML syntax error told as one line (of the YAML text) and a fix. The yaml library reports an
 * unclosed quote or bracket where the text ends; the line that opened it is the one to fix.
 */
export function describeYamlError(error: YAMLError, source: string, lineCounter: LineCounter): { line: number; message: string } {
  const reportedLine = lineCounter.linePos(error.pos[0]).line;
  const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  // Only errors about quotes and [ ] lists come from an unclosed one.
  const unclosed = /quote|flow/i.test(what) ? unclosedBefore(source, reportedLine) : undefined;
  if (unclosed) {
    const mark = unclosed.mark === '[' ? 'a list opened with "["' : 'a text opened with a quote mark';
    return {
      line: unclosed.line,
      message: `${mark} is not closed: close it on the same line (${unclosed.mark === '[' ? 'with "]"' : 'with the same quote mark; write an apostrophe inside double quotes'})`,
    };
  }
  return { line: reportedLine, message: MESSAGES[error.code] ?? `${what}: ${LAYOUT}` };
}

const LAYOUT =
  'write each field as "name: value" at the left margin and each list item as "  - item", and put a value that holds ": " or starts with a quote, [, { or * in double quotes';

const MISALIGNED = `this line does not line up with the ones around it, or a value holds ": ": ${LAYOUT}`;

const MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'a tab is used to indent: indent with spaces only',
  DUPLICATE_KEY: 'this field is written twice: keep one',
  BLOCK_AS_IMPLICIT_KEY: MISALIGNED,
  MULTILINE_IMPLICIT_KEY: MISALIGNED,
  BAD_INDENT: MISALIGNED,
};

/** The last line up to `lastLine` (1-based) that opens a quote or a "[" list and leaves it open. */
function unclosedBefore(source: string, lastLine: number): { line: number; mark: string } | undefined {
  const lines = source.split('\n').slice(0, lastLine);
  for (let i = lines.length - 1; i >= 0; i--) {
    const value = /^\s*(?:- |[^:#]+:\s)?\s*(.*)$/.exec(lines[i])?.[1] ?? '';
    const quote = value[0];
    if ((quote === '"' || quote === "'") && !closesQuote(value, quote)) return { line: i + 1, mark: quote };
    if (value.startsWith('[') && count(value, '[') > count(value, ']')) return { line: i + 1, mark: '[' };
  }
  return undefined;
}

function closesQuote(value: string, quote: string): boolean {
  return value
    .slice(1)
    .replace(quote === '"' ? /\\./g : /''/g, '')
    .includes(quote);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
