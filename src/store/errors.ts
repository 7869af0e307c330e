/** PostgreSQL could not be reached at start-up: the message is one line naming DATABASE_URL. */
export class DatabaseUnreachableError extends Error {
  constructor(reason: string) {
    super(`DATABASE_URL: could not connect to PostgreSQL (${reason}); check the URL and that the server is running`);
    this.name = 'DatabaseUnreachableError';
  }
}
