/** A problem in a knowledge file, told so that an editor can find and fix it. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

function formatProblem({ file, line, message }: Problem): string {
  return `${file}${line ? `:${line}` : ''}: ${message}`;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The knowledge has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems
        .map((p) => `  ${formatProblem(p)}`)
        .join('\n')}`,
    );
    this.name = 'KnowledgeError';
  }
}
