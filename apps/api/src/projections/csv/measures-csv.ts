/** CSV forms of the measures: one line per child behind a figure, the figure repeated so the file filters. */
import {
  ruleKind,
  type FlagHistoryEntry,
  type DriftFlag,
  type DueSoonWarning,
  type Scorecard,
  type StabilityMeasure,
  type TimeToPermanence,
} from '@care-journey/projections';
import type { ShownUntilRecorded } from '@care-journey/audit';
import { toCsv, type CsvValue } from './to-csv';

const nameColumn = (showNames: boolean): string[] => (showNames ? ['name'] : []);
const nameCell = (showNames: boolean, name: string | undefined): CsvValue[] => (showNames ? [name] : []);

export function stabilityCsv(measures: readonly StabilityMeasure[], showNames: boolean): string {
  const header = [
    'year_ending',
    'measure',
    'title',
    'numerator',
    'denominator',
    'percentage',
    'child_id',
    'child_ref',
    ...nameColumn(showNames),
    'counted',
    'placements',
    'period_start',
    // Added last (review s16-ofsted F7): the dates each child is judged on. ST1/ST2: the counted
    // placements' start dates, space-separated; ST3: the current placement's start, and for a child
    // placed for adoption the start of the placement before it (the two timed together).
    'placement_starts',
    'current_placement_since',
    'combined_since',
  ];
  const rows = measures.flatMap((m) => {
    const figure = [m.yearEnding, m.measure, m.title, m.numerator, m.denominator, m.percentage];
    return m.children.map((c) => [
      ...figure,
      c.childId,
      c.childRef,
      ...nameCell(showNames, c.name),
      c.counted,
      c.placements,
      c.periodStart,
      (c.placementStarts ?? []).join(' '),
      c.currentPlacementSince ?? '',
      c.combinedSince ?? '',
    ]);
  });
  return toCsv(header, rows);
}

export function permanenceCsv(report: TimeToPermanence, showNames: boolean): string {
  const header = [
    'from',
    'to',
    'child_id',
    'child_ref',
    ...nameColumn(showNames),
    'milestone',
    'period_start',
    'date',
    'days',
  ];
  const rows = report.rows.map((r) => [
    report.from,
    report.to,
    r.childId,
    r.childRef,
    ...nameCell(showNames, r.name),
    r.milestone,
    r.periodStart,
    r.date,
    r.days,
  ]);
  return toCsv(header, rows);
}

export function scorecardCsv(card: Scorecard, showNames: boolean): string {
  const header = [
    'period_start',
    'period_ending',
    'child_id',
    'child_ref',
    ...nameColumn(showNames),
    'entered_care',
    'placement_order',
    'matched',
    'moved_in',
    'adoption_order',
    'a1_days',
    'a2_days',
    'a10_days',
    'under_14_months',
  ];
  const rows = card.children.map((c) => [
    card.periodStart,
    card.periodEnding,
    c.childId,
    c.childRef,
    ...nameCell(showNames, c.name),
    c.enteredCare,
    c.placementOrder,
    c.matched,
    c.movedIn,
    c.adoptionOrder,
    c.a1Days,
    c.a2Days,
    c.a10Days,
    c.under14Months,
  ]);
  return toCsv(header, rows);
}

export interface ChildFlags {
  childId: string;
  childRef: string;
  asAt: string;
  flags: DriftFlag[];
  dueSoon: DueSoonWarning[];
  history: FlagHistoryEntry[];
  /** Steps held in time but recorded after their due date: the flag every report showed until then. */
  shownUntilRecorded?: readonly ShownUntilRecorded[];
}

/** One line per open flag, warning and history entry, told apart by `kind`. */
export function childFlagsCsv(view: ChildFlags): string {
  const header = [
    'as_at',
    'child_id',
    'child_ref',
    'kind',
    'rule',
    'title',
    'key',
    'due_date',
    'days_overdue',
    'days_until_due',
    'opened_on',
    'closed_on',
    'closed_by',
    // Last, so the columns before keep their places: `condition` (DR05) or `step` (ruleKind).
    'rule_kind',
    // Last again (review s16-ofsted F3): a condition is not overdue. Its open line's kind is `open`,
    // it has no days_overdue, and here the days it has been (or was) open, its first day included.
    'days_open',
    // Last again (session 17): on a `shown_until_recorded` line (a step held in time, recorded after
    // its due date), the day it was recorded; the flag showed overdue from opened_on until then.
    'recorded_on',
    // And on such a line, when the step was first recorded with a late date: the day the correction
    // moving it into time was recorded (the flag history showed a breach until then).
    'corrected_on',
  ];
  const child = [view.asAt, view.childId, view.childRef];
  const isCondition = (ruleId: DriftFlag['ruleId']): boolean => ruleKind(ruleId) === 'condition';
  const overdue = (f: { ruleId: DriftFlag['ruleId']; daysOverdue: number }): [CsvValue, CsvValue] =>
    isCondition(f.ruleId) ? ['', f.daysOverdue] : [f.daysOverdue, ''];
  const rows: CsvValue[][] = [
    ...view.flags.map((f) => [
      ...child,
      isCondition(f.ruleId) ? 'open' : 'overdue',
      f.ruleId,
      f.title,
      f.key,
      f.dueDate,
      overdue(f)[0],
      '',
      f.openedOn,
      '',
      '',
      ruleKind(f.ruleId),
      overdue(f)[1],
      '',
      '',
    ]),
    ...view.dueSoon.map((w) => [
      ...child,
      'due_soon',
      w.ruleId,
      w.title,
      w.key,
      w.dueDate,
      '',
      w.daysUntilDue,
      '',
      '',
      '',
      ruleKind(w.ruleId),
      '',
      '',
      '',
    ]),
    ...view.history.map((h) => [
      ...child,
      'history',
      h.ruleId,
      h.title,
      h.key,
      h.dueDate,
      overdue(h)[0],
      '',
      h.openedOn,
      h.closedOn,
      h.closedBy,
      ruleKind(h.ruleId),
      overdue(h)[1],
      '',
      '',
    ]),
    // Never a breach (no days overdue), yet shown overdue from opened_on to recorded_on; closed_on is
    // the day the step was taken, in time.
    ...(view.shownUntilRecorded ?? []).map((s) => [
      ...child,
      'shown_until_recorded',
      s.ruleId,
      s.title,
      s.key,
      s.dueDate,
      '',
      '',
      s.shownFrom,
      s.metOn,
      'step',
      ruleKind(s.ruleId),
      '',
      s.recordedOn,
      s.correctedIntoTime?.recordedOn,
    ]),
  ];
  return toCsv(header, rows);
}
