/** The period `npm run report` and the editors' Home section cover. */
export const REPORT_DAYS = 30;

export function daysAgo(days: number, now = Date.now()): Date {
  return new Date(now - days * 24 * 60 * 60 * 1000);
}
