import type { CalendarDate } from '@care-journey/journey';
import {
  DEFAULT_DRIFT_CONFIG,
  driftReport,
  workingCalendar,
  type DriftConfig,
  type JourneySummary,
} from '@care-journey/projections';
import { driftPage, type DriftPageModel } from '../drift.page';
import { parseDriftQuery } from '../drift-query';
import { driftView } from '../drift-view';

export interface DriftPageRequest {
  summaries: readonly JourneySummary[];
  today: CalendarDate;
  /** The GET form's parameters, as the panel sends them (asAt defaults to today). */
  params?: Record<string, string>;
  /** The thresholds the report is judged with (and the calendar's extra bank holidays). */
  config?: DriftConfig;
  /** The rest of the page model where a spec needs it: served, ruleMeanings, notChecked, workerName… */
  model?: Partial<DriftPageModel>;
  /** The report's rows shared and frozen, as the controller gets them (ScopedDriftReports); default fresh copies. */
  sharedRows?: boolean;
}

/**
 * The panel's drift page as DriftController builds it for a panel member: the query parsed, the
 * report judged on the summaries, the view filtered and paged, the calendar from the settings.
 */
export function driftPageFor({
  summaries,
  today,
  params = {},
  config = DEFAULT_DRIFT_CONFIG,
  model = {},
  sharedRows = false,
}: DriftPageRequest): string {
  const query = parseDriftQuery({ asAt: today, ...params }, today);
  const report = driftReport(summaries, query.asAt, config, query.filter, { sharedRows });
  return String(
    driftPage({
      user: { id: 'panel.demo', name: 'Pat Panel', role: 'panel_member' },
      csrfToken: 'token',
      query,
      view: driftView(report, summaries, query),
      showNames: true,
      ruleMeanings: new Map(),
      calendar: workingCalendar(config.extraBankHolidays),
      ...model,
    }),
  );
}
