import { stringify } from 'csv-stringify/sync';
import {
  csvCell as cell,
  ruleKind,
  type DriftReportRow,
  type JourneySummary,
} from '@care-journey/projections';
import { evidenceEntries, flagEvidenceText, thresholdText } from './flag-evidence';

/**
 * One line per flag or warning, with the child's context repeated so the file sorts and filters.
 * `summaryOf` gives a row's child summary, to word each flag's evidence from; without it (or for a
 * child it does not know) the evidence is its event ids. `workerName` gives a social worker's
 * display name from the users file (review s15-iro F6): a column after evidence_ids, `social_worker_name` (then `days_open` last), for the
 * roles that see names (empty for a username the file no longer has).
 */
export function driftCsv(
  rows: readonly DriftReportRow[],
  asAt: string,
  showNames: boolean,
  summaryOf: (childId: string) => JourneySummary | undefined = () => undefined,
  workerName: (username: string) => string | undefined = () => undefined,
): string {
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
    // Added last too (the rule book: a flag has its evidence and the threshold used): the entries
    // the due date rests on in words and dates, the threshold, and the evidence's event ids.
    'evidence',
    'threshold',
    'evidence_ids',
    // The social worker's name beside the username above, for roles that see names.
    ...(showNames ? ['social_worker_name'] : []),
    // Last of all (review s16-ofsted F3): a condition (DR05) is not overdue. Its row has status
    // `open`, no days_overdue, and here the days it has been open since opened_on, that day included.
    'days_open',
  ];
  const lines: (string | number)[][] = [];
  for (const row of rows) {
    const summary = summaryOf(row.childId);
    const entries = summary && evidenceEntries(summary);
    const basis = (f: { evidence: string[]; threshold: DriftReportRow['flags'][number]['threshold'] }) => [
      flagEvidenceText(f.evidence, f.threshold, entries, showNames),
      thresholdText(f.threshold),
      f.evidence.join(' '),
      ...(showNames ? [row.socialWorker === undefined ? '' : (workerName(row.socialWorker) ?? '')] : []),
    ];
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
    for (const f of row.flags) {
      const condition = ruleKind(f.ruleId) === 'condition';
      lines.push(
        [
          ...child,
          f.ruleId,
          f.title,
          condition ? 'open' : 'overdue',
          f.dueDate,
          condition ? '' : f.daysOverdue,
          '',
          f.openedOn,
          ruleKind(f.ruleId),
          ...basis(f),
          condition ? f.daysOverdue : '',
        ].map(cell),
      );
    }
    for (const w of row.dueSoon)
      lines.push(
        [
          ...child,
          w.ruleId,
          w.title,
          'due_soon',
          w.dueDate,
          '',
          w.daysUntilDue,
          '',
          ruleKind(w.ruleId),
          ...basis(w),
          '',
        ].map(cell),
      );
  }
  return stringify([header, ...lines]);
}
