/**
 * A gate for a log line that could repeat many times a second (a watcher error, a dropped write):
 * the first passes at once, later ones at most once a minute, told how many were held back.
 */
export function onceAMinute(intervalMs = 60_000, now = Date.now): (log: (suppressed: number) => void) => void {
  let last = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (log) => {
    if (now() - last < intervalMs) {
      suppressed++;
      return;
    }
    log(suppressed);
    last = now();
    suppressed = 0;
  };
}
