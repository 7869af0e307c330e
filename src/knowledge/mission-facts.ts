import type { ParsedFile, Path } from './parse-file.js';
import type { Problem } from './problems.js';
import type { KnowledgeBase, Mission } from './types.js';

/** A row of a Markdown table whose first cell is this mission's id. */
function rowOf(id: string, sourceText: string): string[] | undefined {
  for (const line of sourceText.split('\n')) {
    const cells = line.trim().startsWith('|')
      ? line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim())
      : [];
    if (cells[0] === id) return cells;
  }
  return undefined;
}

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
export function missionFactProblems(
  kb: KnowledgeBase,
  sourceTexts: ReadonlyMap<string, string>,
  parsedOf: (id: string) => ParsedFile | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const mission of kb.missions) {
    const text = sourceTexts.get(mission.factsSource);
    const file = kb.sources.get(mission.factsSource)?.file;
    // An unknown source or an unreadable file is reported on its own; nothing to compare with here.
    if (text === undefined || file === undefined) continue;
    const at = (field: Path, message: string) =>
      problems.push({ file: mission.file, line: parsedOf(mission.id)?.lineOf(field), message });
    const row = rowOf(mission.id, text);
    if (!row) {
      at(
        ['facts_source'],
        `${file} has no row for ${mission.id}: add its checked facts there (| ${mission.id} | full name | where | kind | status |) or cite the source that has them`,
      );
      continue;
    }
    const [, name, where = '', kind, status] = row;
    const check = (field: Path, label: string, written: string, ...checked: (string | undefined)[]) => {
      if (!checked.includes(written)) {
        at(
          field,
          `${label} "${written}" is not the checked fact in ${file} ("${checked[0] ?? ''}"): write it as the table does (if the public record changed, the shared reference is corrected first, then copied into sources/)`,
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
