/** The database cannot be used at start-up (unreachable, or its schema cannot be migrated): one line, no stack trace. */
export class DatabaseStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseStartError';
  }
}
