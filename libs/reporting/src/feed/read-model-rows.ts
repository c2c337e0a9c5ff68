/**
 * Bulk exports of the read models, one flat row per child (summaries) or per open flag, for
 * reporting jobs that want the whole picture at once rather than the incremental feed. Rows for
 * roles without personal data carry no name and a year-month date of birth, as /events does.
 */
import { evaluateDrift, type DriftConfig, type JourneySummary } from '@care-journey/projections';

export const READ_MODELS = ['child-summaries', 'open-flags'] as const;
export type ReadModelName = (typeof READ_MODELS)[number];

export const READ_MODEL_COLUMNS: Record<ReadModelName, readonly string[]> = {
  'child-summaries': [
    'childId',
    'childRef',
    'name',
    'dateOfBirth',
    'sex',
    'uasc',
    'team',
    'socialWorker',
    'periodsOfCare',
    'periodStart',
    'periodEnd',
    'endReason',
    'legalStatus',
    'placementType',
    'placementMoves',
    'reviews',
    'eventCount',
  ],
  'open-flags': ['childId', 'childRef', 'ruleId', 'key', 'title', 'dueDate', 'openedOn', 'daysOverdue'],
};

export type ReadModelRow = Record<string, string | number | boolean>;

function summaryRow(s: JourneySummary, personal: boolean): ReadModelRow {
  const period = s.periods[s.periods.length - 1];
  const allocation = s.allocations[s.allocations.length - 1];
  const run = period?.placements[period.placements.length - 1];
  return {
    childId: s.childId,
    childRef: s.childRef,
    name: personal ? s.name : '',
    dateOfBirth: personal ? (s.dateOfBirth ?? '') : (s.dateOfBirth ?? '').slice(0, 7),
    sex: s.sex ?? '',
    uasc: s.uasc,
    team: allocation?.team ?? '',
    socialWorker: allocation?.socialWorker ?? '',
    periodsOfCare: s.periods.length,
    periodStart: period?.start ?? '',
    periodEnd: period?.end ?? '',
    endReason: period?.endReason ?? '',
    legalStatus: period?.legalStatuses[period.legalStatuses.length - 1]?.code ?? '',
    placementType: run?.types[run.types.length - 1]?.placementType ?? '',
    placementMoves: Math.max(0, (period?.placements.length ?? 0) - 1),
    reviews: period?.reviews.length ?? 0,
    eventCount: s.eventCount,
  };
}

/**
 * A registration withdrawn as made in error (its summary names no registration and no reference):
 * that child never existed, so it has no row (review s14 F10: it was a blank row a job counted).
 */
export const registrationWithdrawn = (s: JourneySummary): boolean =>
  s.registeredEventId === undefined && s.childRef === '';

export function* readModelRows(
  name: ReadModelName,
  summaries: Iterable<JourneySummary>,
  options: { personal: boolean; asAt: string; drift: DriftConfig },
): Generator<ReadModelRow> {
  for (const s of summaries) {
    if (registrationWithdrawn(s)) continue;
    if (name === 'child-summaries') {
      yield summaryRow(s, options.personal);
      continue;
    }
    for (const flag of evaluateDrift(s, options.asAt, options.drift).flags) {
      yield {
        childId: s.childId,
        childRef: s.childRef,
        ruleId: flag.ruleId,
        key: flag.key,
        title: flag.title,
        dueDate: flag.dueDate,
        openedOn: flag.openedOn,
        daysOverdue: flag.daysOverdue,
      };
    }
  }
}
