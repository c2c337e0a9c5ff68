import type { CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import { ageBandOn, allocationOn, legalStatusOn, onShortBreaksOn, periodOn } from '../summary/queries';
import { variedCohort } from '../testing/varied-cohort';
import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import { driftReport, type DriftReport, type DriftReportFilter, type DriftReportRow } from './drift-report';
import { evaluateDrift } from './evaluate-drift';
import { DRIFT_RULES } from './rule-registry';
import { sameTeam } from './team-key';

/**
 * The report straight from its definition, with no cache and nothing worked out once: each child
 * looked after on asAt (not on short breaks) and matching the filter, evaluated, sorted most overdue
 * first then by reference, counted by rule. driftReport (cached, one pass) must give exactly this.
 */
function referenceReport(
  summaries: readonly JourneySummary[],
  asAt: CalendarDate,
  filter: DriftReportFilter,
): DriftReport {
  const config = DEFAULT_DRIFT_CONFIG;
  const rules = filter.rules?.length ? DRIFT_RULES.filter((r) => filter.rules?.includes(r.id)) : DRIFT_RULES;
  const dueWithinDays = filter.dueWithinDays ?? config.dueSoonDays;
  const children: DriftReportRow[] = [];
  for (const summary of summaries) {
    const period = periodOn(summary, asAt);
    if (!period || onShortBreaksOn(period, asAt)) continue;
    const allocation = allocationOn(summary, asAt);
    const context = {
      childId: summary.childId,
      childRef: summary.childRef,
      name: summary.name,
      team: allocation?.team,
      socialWorker: allocation?.socialWorker,
      legalStatus: legalStatusOn(period, asAt),
      ageBand: ageBandOn(summary, asAt),
    };
    if (filter.team !== undefined && !sameTeam(context.team, filter.team)) continue;
    if (filter.socialWorker !== undefined && context.socialWorker !== filter.socialWorker) continue;
    if (filter.legalStatus !== undefined && context.legalStatus !== filter.legalStatus) continue;
    if (filter.ageBand !== undefined && context.ageBand !== filter.ageBand) continue;
    const { flags, dueSoon } = evaluateDrift(summary, asAt, config, { dueWithinDays, rules });
    if (flags.length > 0 || dueSoon.length > 0) children.push({ ...context, flags, dueSoon });
  }
  const worst = (row: DriftReportRow) => Math.max(-1, ...row.flags.map((f) => f.daysOverdue));
  children.sort((a, b) => worst(b) - worst(a) || a.childRef.localeCompare(b.childRef));
  const flags = children.flatMap((row) => row.flags);
  const soon = children.flatMap((row) => row.dueSoon);
  return {
    asAt,
    dueWithinDays,
    openFlags: flags.length,
    dueSoon: soon.length,
    byRule: rules.map((rule) => ({
      ruleId: rule.id,
      title: rule.title,
      open: flags.filter((f) => f.ruleId === rule.id).length,
      dueSoon: soon.filter((w) => w.ruleId === rule.id).length,
    })),
    children,
  };
}

describe('driftReport is the report its definition gives (#9: one pass, cached)', () => {
  // Two children share a reference: the sort's tie falls to the input order.
  const summaries = variedCohort()
    .map((b) => b.summary())
    .map((s, i) => (i === 3 || i === 40 ? { ...s, childRef: 'REF-SHARED' } : s));
  const cases: [CalendarDate, DriftReportFilter][] = [
    ['2019-03-31', {}],
    ['2020-06-30', { rules: ['DR01', 'DR03', 'DR13'] }],
    ['2022-02-28', { team: 'north', dueWithinDays: 90 }],
    ['2024-06-15', {}],
    ['2024-06-15', { legalStatus: 'C2', ageBand: '10-15' }],
    ['2026-11-28', { rules: ['DR04', 'DR11', 'DR12', 'DR14'] }],
  ];

  it.each(cases)(
    'Given a varied cohort, When the report as at %s (%j) is asked twice, Then both are the reference report',
    (asAt, filter) => {
      const expected = referenceReport(summaries, asAt, filter);
      expect(driftReport(summaries, asAt, DEFAULT_DRIFT_CONFIG, filter)).toEqual(expected);
      // The second from the cache, as a panel reloading the page gets it.
      expect(driftReport(summaries, asAt, DEFAULT_DRIFT_CONFIG, filter)).toEqual(expected);
      // With rows shared (GET /drift-report's kept reports): the same report, twice.
      const shared = { sharedRows: true };
      expect(driftReport(summaries, asAt, DEFAULT_DRIFT_CONFIG, filter, shared)).toEqual(expected);
      expect(driftReport(summaries, asAt, DEFAULT_DRIFT_CONFIG, filter, shared)).toEqual(expected);
      expect(expected.children.length).toBeGreaterThan(0);
    },
  );
});
