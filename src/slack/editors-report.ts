import { withTimeout } from '../config/with-timeout.js';
import type { EditorsFigures } from '../render/report.js';
import { daysAgo, REPORT_DAYS } from '../store/report-period.js';
import type { ListenerDeps } from './deps.js';

/** Longest the Home tab waits for the editors' figures before it is drawn without them. */
const FIGURES_TIMEOUT_MS = 1_500;
const HOME_LIMITS = { unanswered: 5, entries: 5, comments: 5 };

/** The editors' figures for the Home tab; undefined when the database does not answer in time. */
export async function editorsReport({
  reports,
  logger,
}: Pick<ListenerDeps, 'reports' | 'logger'>): Promise<EditorsFigures | undefined> {
  if (!reports) return undefined;
  try {
    const figures = await withTimeout(
      reports().then((r) => r.figures(daysAgo(REPORT_DAYS), HOME_LIMITS)),
      FIGURES_TIMEOUT_MS,
    );
    return { ...figures, days: REPORT_DAYS };
  } catch (error) {
    logger.warn({ kind: 'report', err: error }, 'could not read the editors figures for the Home tab');
    return undefined;
  }
}
