import { parse } from 'csv-parse/sync';
import { driftReport, DEFAULT_DRIFT_CONFIG, type JourneySummary } from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { driftCsv } from './drift-csv';

// Turns 16 on 10 May 2024 in a residential placement (K2) under a care order: DR10 due 10 November 2024.
const teenager = journey('t')
  .registered('2008-05-10', { dateOfBirth: '2008-05-10' })
  .startCare('2020-01-01', 'C2', 'K2')
  .review('2020-01-20')
  .summary();
const byId = new Map<string, JourneySummary>([[teenager.childId, teenager]]);

/** The CSV's lines as records keyed by the header. */
function csvFor(showNames: boolean, asAt = '2024-11-20'): Record<string, string>[] {
  const report = driftReport([teenager], asAt, DEFAULT_DRIFT_CONFIG, { rules: ['DR10'] });
  return parse(
    driftCsv(report.children, asAt, showNames, (id) => byId.get(id)),
    { columns: true },
  );
}

describe('the panel-pack CSV: each flag with its evidence and threshold', () => {
  it('Given the CSV, When its header is read, Then the earlier columns keep their places and evidence, threshold, evidence_ids, then days_open come last', () => {
    const report = driftReport([teenager], '2024-11-20', DEFAULT_DRIFT_CONFIG, { rules: ['DR10'] });
    const header = driftCsv(report.children, '2024-11-20', true).split('\n')[0];
    expect(header).toBe(
      'as_at,child_id,child_ref,name,team,social_worker,legal_status,age_band,rule,title,status,due_date,days_overdue,days_until_due,opened_on,rule_kind,evidence,threshold,evidence_ids,social_worker_name,days_open',
    );
  });

  it('Given a DR10 flag whose clock started on the 16th birthday, When the CSV is read, Then the evidence says so in words with the threshold used', () => {
    const [line] = csvFor(true);
    expect(line).toMatchObject({
      rule: 'DR10',
      due_date: '2024-11-10',
      evidence: 'Turned 16 on 2024-05-10 (date of birth 2008-05-10)',
      threshold: 'age 16; months 6',
      evidence_ids: 't-1',
    });
  });

  it('Given a role without personal data, When the CSV is read, Then the evidence gives no date of birth', () => {
    const [line] = csvFor(false);
    expect(line.evidence).toBe('Turned 16 (date of birth)');
    expect(JSON.stringify(line)).not.toContain('2008-05-10');
  });

  it('Given a flag resting on a recorded entry, When the CSV is read, Then the evidence names the entry and its date', () => {
    const audited = journey('a')
      .registered('2008-05-10', { dateOfBirth: '2008-05-10' })
      .startCare('2020-01-01', 'C2', 'K2')
      .audit('2024-11-01')
      .summary();
    const report = driftReport([audited], '2025-05-05', DEFAULT_DRIFT_CONFIG, { rules: ['DR10'] });
    const [line] = parse(
      driftCsv(report.children, '2025-05-05', true, () => audited),
      {
        columns: true,
      },
    ) as Record<string, string>[];
    expect(line).toMatchObject({ due_date: '2025-05-01', evidence: 'Going-home audit 2024-11-01' });
  });

  it('Given the users file names the social worker, When the CSV is made for a role that sees names, Then social_worker_name (last) gives the name beside the username; for a reporting job there is no such column (review s15-iro F6)', () => {
    const report = driftReport([teenager], '2024-11-20', DEFAULT_DRIFT_CONFIG, { rules: ['DR10'] });
    const names = (username: string) => (username === 'sw-1' ? 'Sam Worker' : undefined);
    const [line] = parse(driftCsv(report.children, '2024-11-20', true, undefined, names), {
      columns: true,
    }) as Record<string, string>[];
    expect(line).toMatchObject({ social_worker: 'sw-1', social_worker_name: 'Sam Worker' });
    const [job] = parse(driftCsv(report.children, '2024-11-20', false, undefined, names), {
      columns: true,
    }) as Record<string, string>[];
    expect(job.social_worker).toBe('sw-1');
    expect(job).not.toHaveProperty('social_worker_name');
  });

  it('Given DR05 open since 6 July 2025 and a review overdue, When the CSV is read on 27 November 2026, Then DR05 is status open with days_open and no days_overdue, the review overdue with days_overdue, and DR05 rests on the moves that opened it (review s16-ofsted F3)', () => {
    // Placements 28 Feb 2024 (u-2), 25 May 2025 (u-4), 6 Jul 2025 (u-5), 18 Feb 2026 (u-6), 25 May 2026 (u-7).
    const unstable = journey('u')
      .registered('2015-01-01')
      .startCare('2024-02-28')
      .review('2024-03-20')
      .move('2025-05-25')
      .move('2025-07-06')
      .move('2026-02-18')
      .move('2026-05-25')
      .summary();
    const report = driftReport([unstable], '2026-11-27', DEFAULT_DRIFT_CONFIG, { rules: ['DR02', 'DR05'] });
    const lines = parse(
      driftCsv(report.children, '2026-11-27', true, () => unstable),
      { columns: true },
    ) as Record<string, string>[];
    const byRule = new Map(lines.map((line) => [line.rule, line]));
    expect(byRule.get('DR05')).toMatchObject({
      status: 'open',
      rule_kind: 'condition',
      opened_on: '2025-07-06',
      days_overdue: '',
      days_open: '510',
      evidence_ids: 'u-2 u-4 u-5 u-6 u-7',
    });
    expect(byRule.get('DR02')).toMatchObject({ status: 'overdue', rule_kind: 'step', days_open: '' });
    expect(Number(byRule.get('DR02')?.days_overdue)).toBeGreaterThan(0);
  });
});
