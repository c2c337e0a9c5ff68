import { stringify } from 'csv-stringify/sync';
import { csvCell as cell, ruleKind, type DriftReportRow } from '@care-journey/projections';

/** One line per flag or warning, with the child's context repeated so the file sorts and filters. */
export function driftCsv(rows: readonly DriftReportRow[], asAt: string, showNames: boolean): string {
  const header = [
    'as_at',
    'child_id',
    'child_ref',
    ...(showNames ? ['name'] : []),
    'team',
    'social_worker',
    'legal_status',
    'age_band',
    'rule',
    'title',
    'status',
    'due_date',
    'days_overdue',
    'days_until_due',
    'opened_on',
    // Added last, so the columns before keep their places: `condition` (DR05) has no step due, and
    // its due_date is the eve of opened_on, the day the condition began (docs/drift-rules.md).
    'rule_kind',
  ];
  const lines: (string | number)[][] = [];
  for (const row of rows) {
    const child = [
      asAt,
      row.childId,
      row.childRef,
      ...(showNames ? [row.name] : []),
      row.team,
      row.socialWorker,
      row.legalStatus,
      row.ageBand,
    ];
    for (const f of row.flags)
      lines.push(
        [
          ...child,
          f.ruleId,
          f.title,
          'overdue',
          f.dueDate,
          f.daysOverdue,
          '',
          f.openedOn,
          ruleKind(f.ruleId),
        ].map(cell),
      );
    for (const w of row.dueSoon)
      lines.push(
        [...child, w.ruleId, w.title, 'due_soon', w.dueDate, '', w.daysUntilDue, '', ruleKind(w.ruleId)].map(
          cell,
        ),
      );
  }
  return stringify([header, ...lines]);
}
