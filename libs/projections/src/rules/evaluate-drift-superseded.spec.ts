import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import { flagHistory } from './evaluate-drift';
import { journey } from '../testing/journey-builder';

const history = (s: Parameters<typeof flagHistory>[0], asAt: string) =>
  flagHistory(s, asAt, DEFAULT_DRIFT_CONFIG).map(
    ({ ruleId, key, dueDate, openedOn, closedOn, closedBy }) => ({
      ruleId,
      key,
      dueDate,
      openedOn,
      closedOn,
      closedBy,
    }),
  );

describe('flagHistory keeps a breach that a late step made no longer apply', () => {
  const registered = () => journey('g').registered('2026-01-05').startCare('2026-01-05', 'C2', 'U4');

  it('Given no first review, When asked as at 31 August, Then DR01 and DR04 (due 2 May) are open', () => {
    expect(history(registered().summary(), '2026-08-31')).toEqual([
      {
        ruleId: 'DR01',
        key: '2026-01-05',
        dueDate: '2026-02-02',
        openedOn: '2026-02-03',
        closedOn: undefined,
        closedBy: undefined,
      },
      {
        ruleId: 'DR04',
        key: '2026-01-05',
        dueDate: '2026-05-02',
        openedOn: '2026-05-03',
        closedOn: undefined,
        closedBy: undefined,
      },
    ]);
  });

  it('Given the first review held late on 1 September, Then DR01 closes by the step and DR04 (due 2 May) closes that day as no longer applying', () => {
    const s = registered().review('2026-09-01').summary();
    expect(history(s, '2026-09-30')).toEqual([
      {
        ruleId: 'DR01',
        key: '2026-01-05',
        dueDate: '2026-02-02',
        openedOn: '2026-02-03',
        closedOn: '2026-09-01',
        closedBy: 'step',
      },
      {
        ruleId: 'DR04',
        key: '2026-01-05',
        dueDate: '2026-05-02',
        openedOn: '2026-05-03',
        closedOn: '2026-09-01',
        closedBy: 'no_longer_applies',
      },
    ]);
    // As at the eve of the step, nothing changes: the breach was open then.
    expect(history(s, '2026-08-31').map((e) => e.closedOn)).toEqual([undefined, undefined]);
  });

  it('Given the re-dated second review then missed too (due 1 December), Then it is a flag of its own with its due date in the key', () => {
    const s = registered().review('2026-09-01').summary();
    expect(history(s, '2026-12-05').filter((e) => e.ruleId === 'DR04')).toEqual([
      {
        ruleId: 'DR04',
        key: '2026-01-05',
        dueDate: '2026-05-02',
        openedOn: '2026-05-03',
        closedOn: '2026-09-01',
        closedBy: 'no_longer_applies',
      },
      {
        ruleId: 'DR04',
        key: '2026-01-05~2026-12-01',
        dueDate: '2026-12-01',
        openedOn: '2026-12-02',
        closedOn: undefined,
        closedBy: undefined,
      },
    ]);
  });

  it('Given the first review held in time (before the second fell due), Then no DR04 breach is kept', () => {
    const s = registered().review('2026-03-01').summary();
    expect(history(s, '2026-05-20').map((e) => e.ruleId)).toEqual(['DR01']);
  });

  it('Given a plan recorded late after the late first review, Then the re-dated DR04 is met and the old breach stays', () => {
    const s = registered().review('2026-09-01').plan('2026-09-10', 'adoption').summary();
    expect(history(s, '2026-12-31').filter((e) => e.ruleId === 'DR04')).toEqual([
      {
        ruleId: 'DR04',
        key: '2026-01-05',
        dueDate: '2026-05-02',
        openedOn: '2026-05-03',
        closedOn: '2026-09-01',
        closedBy: 'no_longer_applies',
      },
    ]);
  });
});
