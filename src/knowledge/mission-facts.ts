import type { ParsedFile, Path } from './parse-file.js';
import type { Problem } from './problems.js';
import type { Steps } from './steps.js';
import type { KnowledgeBase, Mission } from './types.js';

/** The rows of the Markdown tables in a text, by their first cell: `| a | b \| c |` gives a -> [a, "b | c"]. */
function tableRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const row = line.trim();
    if (!row.startsWith('|')) continue;
    const cells = row
      .replace(/^\|/, '')
      .replace(/(?<!\\)\|$/, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replaceAll('\\|', '|'));
    if (!rows.has(cells[0])) rows.set(cells[0], cells);
  }
  return rows;
}

/** The columns a facts table holds, in this order. */
const COLUMNS = ['id', 'full name', 'where', 'kind', 'status'];
const LAYOUT = `| ${COLUMNS.join(' | ')} |`;

/** The status as the facts' table writes it: "active", "closed 31 December 2023", "succeeded by X on 1 November 2024". */
function statusText(mission: Mission): string {
  if (mission.status === 'closed') return `closed ${mission.ended}`;
  if (mission.status === 'succeeded') return `succeeded by ${mission.successor} on ${mission.ended}`;
  return mission.status;
}

/**
 * A mission's name, place, kind and status are facts staff act on: each must be the one in its
 * row of the table of its `facts_source` (| id | full name | where | kind | status |), as checked
 * there. A place may leave out the table's note in brackets ("Kosovo (see note)").
 */
export function* missionFactProblems(
  kb: KnowledgeBase,
  sourceTexts: ReadonlyMap<string, string>,
  parsedOf: (id: string) => ParsedFile | undefined,
): Steps<Problem[]> {
  const problems: Problem[] = [];
  const tables = new Map<string, Map<string, string[]>>();
  for (const mission of kb.missions) {
    yield;
    const text = sourceTexts.get(mission.factsSource);
    const file = kb.sources.get(mission.factsSource)?.file;
    // An unknown source or an unreadable file is reported on its own; nothing to compare with here.
    if (text === undefined || file === undefined) continue;
    const at = (field: Path, message: string) =>
      problems.push({ file: mission.file, line: parsedOf(mission.id)?.lineOf(field), message });
    if (!tables.has(mission.factsSource)) tables.set(mission.factsSource, tableRows(text));
    const row = tables.get(mission.factsSource)?.get(mission.id);
    if (!row) {
      at(
        ['facts_source'],
        `${file} has no row for ${mission.id}: add its checked facts there (${LAYOUT}) or cite the source that has them`,
      );
      continue;
    }
    if (row.length < COLUMNS.length) {
      at(['facts_source'], `the row for ${mission.id} in ${file} has ${row.length} cells: it needs ${COLUMNS.length}, ${LAYOUT}`);
      continue;
    }
    const [, name, where, kind, status] = row;
    const check = (field: Path, label: string, written: string, ...checked: string[]) => {
      if (!checked.includes(written)) {
        at(
          field,
          `${label} "${written}" is not the checked fact in ${file} ("${checked[0]}"): write it as the table does (if the public record changed, the shared reference is corrected first, then copied into sources/)`,
        );
      }
    };
    check(['name'], 'name', mission.name, name);
    check(['where'], 'where', mission.where, where, where.replace(/\s*\([^)]*\)$/, ''));
    check(['kind'], 'kind', mission.kind, kind);
    check([mission.status === 'active' ? 'status' : 'ended'], 'status', statusText(mission), status);
  }
  return problems;
}
