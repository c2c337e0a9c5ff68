import type { CalendarDate } from '@care-journey/journey';
import {
  allocationOn,
  ruleKind,
  periodOn,
  teamKey,
  type DriftReport,
  type DriftReportRow,
  type JourneySummary,
} from '@care-journey/projections';
import type { DriftQuery, DriftSort } from './drift-query';

export const PAGE_SIZE = 100;

export interface DriftView {
  report: DriftReport;
  /** Children after the days-overdue filter, sorted; `rows` is the page shown. */
  matching: DriftReportRow[];
  rows: DriftReportRow[];
  page: number;
  pages: number;
  teams: string[];
  socialWorkers: string[];
  /** The summaries the report was made from: the panel pack words each flag's evidence from them. */
  summaries: readonly JourneySummary[];
}

/**
 * The most days overdue of the row's steps. A condition (DR05) has no step overdue: its days open do
 * not rank a child above one whose review is late (review s16-ofsted F3), so it counts as none here.
 */
export const worstOverdue = (row: DriftReportRow): number =>
  Math.max(-1, ...row.flags.map((f) => (ruleKind(f.ruleId) === 'condition' ? -1 : f.daysOverdue)));
const soonestDue = (row: DriftReportRow): string =>
  [...row.flags, ...row.dueSoon].map((f) => f.dueDate).sort()[0] ?? '9999-12-31';

const KEYS: Record<DriftSort, (row: DriftReportRow) => string | number> = {
  overdue: worstOverdue,
  child: (row) => `${row.name} ${row.childRef}`.toLowerCase(),
  team: (row) => (row.team ?? '').toLowerCase(),
  socialWorker: (row) => (row.socialWorker ?? '').toLowerCase(),
  legalStatus: (row) => row.legalStatus ?? '',
  ageBand: (row) => ['under1', '1-4', '5-9', '10-15', '16+'].indexOf(row.ageBand ?? ''),
  flags: (row) => row.flags.length,
  due: soonestDue,
};

function sortRows(rows: DriftReportRow[], sort: DriftSort, descending: boolean): DriftReportRow[] {
  const key = KEYS[sort];
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = x < y ? -1 : x > y ? 1 : 0;
    // Ties: most overdue first, then by reference, so the order is stable between visits.
    return sign * order || worstOverdue(b) - worstOverdue(a) || a.childRef.localeCompare(b.childRef);
  });
}

/** Only flags at least N days overdue; warnings drop out because they are not overdue at all. */
function withMinOverdue(rows: DriftReportRow[], min: number | undefined): DriftReportRow[] {
  if (min === undefined) return rows;
  return rows
    .map((row) => ({ ...row, flags: row.flags.filter((f) => f.daysOverdue >= min), dueSoon: [] }))
    .filter((row) => row.flags.length > 0);
}

/** Teams and social workers with a child looked after on D: the filter choices. */
function allocationChoices(
  summaries: readonly JourneySummary[],
  asAt: CalendarDate,
): { teams: string[]; socialWorkers: string[] } {
  // One choice per team as the filter compares them (ignoring case and spacing): the spelling most
  // children carry, so a team once typed another way does not appear twice.
  const spellings = new Map<string, Map<string, number>>();
  const workers = new Set<string>();
  for (const summary of summaries) {
    if (!periodOn(summary, asAt)) continue;
    const allocation = allocationOn(summary, asAt);
    if (allocation) {
      const counts = spellings.get(teamKey(allocation.team)) ?? new Map<string, number>();
      counts.set(allocation.team, (counts.get(allocation.team) ?? 0) + 1);
      spellings.set(teamKey(allocation.team), counts);
      workers.add(allocation.socialWorker);
    }
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  const teams = [...spellings.values()].map(
    (counts) => [...counts].sort(([a, m], [b, n]) => n - m || byName(a, b))[0][0],
  );
  return { teams: teams.sort(byName), socialWorkers: [...workers].sort(byName) };
}

export function driftView(
  report: DriftReport,
  summaries: readonly JourneySummary[],
  query: DriftQuery,
): DriftView {
  const matching = sortRows(
    withMinOverdue(report.children, query.minDaysOverdue),
    query.sort,
    query.descending,
  );
  const pages = query.all ? 1 : Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = query.all ? matching : matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return { report, matching, rows, page, pages, ...allocationChoices(summaries, query.asAt), summaries };
}
