import {
  DEFAULT_DRIFT_CONFIG,
  evaluateDrift,
  flagHistory,
  summaryFromStream,
} from '@care-journey/projections';
import { journey } from '../../../projections/src/testing/journey-builder';
import { correctedJourney } from '../testing/corrected-journey';
import { replayHistory } from '../replay/replay-history';
import { judgedWith } from './authority-drift-as-known';
import { childFlagsAsKnown, childFlagsPoint } from './child-flags-as-known';

// The fixture's first review (due 12 Feb 2024) is held on 12 Feb but recorded on 13 Feb at 11:00Z.
const BEFORE_REVIEW_RECORDED = '2024-02-13T10:00:00Z';
const AFTER_REVIEW_RECORDED = '2024-02-13T12:00:00Z';

describe("childFlagsAsKnown: one child's flags as known at an instant", () => {
  const events = correctedJourney();
  const flagsAsKnown = (knownAt: string, asAt?: string) =>
    childFlagsAsKnown('c1', events, childFlagsPoint(knownAt, asAt), DEFAULT_DRIFT_CONFIG);

  it('Given the first review not yet recorded, When the flags are read as known then, Then DR01 is open and in the history', () => {
    const flags = flagsAsKnown(BEFORE_REVIEW_RECORDED);
    expect(flags.asAt).toBe('2024-02-13');
    expect(flags.knownAt).toBe('2024-02-13T10:00:00.000Z');
    expect(flags.eventsKnown).toBe(2);
    expect(flags.flags.map((f) => [f.ruleId, f.dueDate])).toContainEqual(['DR01', '2024-02-12']);
    const dr01 = flags.history.find((entry) => entry.ruleId === 'DR01');
    expect(dr01).toMatchObject({ dueDate: '2024-02-12' });
    expect(dr01?.closedOn).toBeUndefined();
  });

  it('Given the review recorded, When the flags are read as known after it, Then DR01 is no longer open', () => {
    const flags = flagsAsKnown(AFTER_REVIEW_RECORDED);
    expect(flags.eventsKnown).toBe(3);
    expect(flags.flags.map((f) => f.ruleId)).not.toContain('DR01');
    expect(flags.history.filter((entry) => entry.ruleId === 'DR01' && !entry.closedOn)).toEqual([]);
  });

  it('Given everything known, Then the flags are those the live read model would give', () => {
    const summary = summaryFromStream('c1', events);
    const flags = flagsAsKnown('2030-01-01T00:00:00Z', '2024-07-01');
    expect({ flags: flags.flags, dueSoon: flags.dueSoon }).toEqual(
      evaluateDrift(summary, '2024-07-01', DEFAULT_DRIFT_CONFIG),
    );
    expect(flags.history).toEqual(flagHistory(summary, '2024-07-01', DEFAULT_DRIFT_CONFIG));
  });

  it('Given an instant before the child was registered, Then nothing is known and no flag is given', () => {
    expect(flagsAsKnown('2024-01-01T00:00:00Z')).toEqual({
      asAt: '2024-01-01',
      knownAt: '2024-01-01T00:00:00.000Z',
      eventsKnown: 0,
      flags: [],
      dueSoon: [],
      history: [],
      judgedWith: judgedWith(DEFAULT_DRIFT_CONFIG),
      shownUntilRecorded: [],
    });
  });

  // Review s17 diff F7: the SAR's flags.json and `audit replay --flags` are this; the API's ?knownAt=
  // gave the trace and they did not.
  it('Given a first review held 20 June 2026 in time (due 29 June) but recorded 10 July, When the flags are read as known on 1 September, Then the trace says DR01 was shown overdue 30 June to 10 July', () => {
    const b = journey('c').registered('2015-01-01').startCare('2026-06-01').review('2026-06-20');
    const days = ['2026-06-01', '2026-06-01', '2026-07-10'];
    const late = b.events.map((e, i) => ({ ...e, recordedAt: `${days[i]}T10:00:00.000Z` }));
    const flags = childFlagsAsKnown('c', late, childFlagsPoint('2026-09-01'), DEFAULT_DRIFT_CONFIG);
    expect(flags.shownUntilRecorded).toEqual([
      expect.objectContaining({
        ruleId: 'DR01',
        dueDate: '2026-06-29',
        metOn: '2026-06-20',
        shownFrom: '2026-06-30',
        recordedOn: '2026-07-10',
      }),
    ]);
    expect(flags.history.filter((h) => h.ruleId === 'DR01')).toEqual([]);
  });

  it('judges on the day of knownAt in England unless asAt is given, and a bare date is the end of that day', () => {
    expect(childFlagsPoint('2024-06-30T23:30:00Z')).toEqual({
      knownAt: '2024-06-30T23:30:00.000Z',
      asAt: '2024-07-01', // 00:30 BST
    });
    expect(childFlagsPoint('2024-02-13')).toEqual({
      knownAt: '2024-02-13T23:59:59.999Z',
      asAt: '2024-02-13',
    });
    expect(childFlagsPoint('2024-02-13T10:00:00+01:00', '2024-01-31')).toEqual({
      knownAt: '2024-02-13T09:00:00.000Z',
      asAt: '2024-01-31',
    });
  });
});

describe('replayHistory withFlagHistory: the flag history beside the open flags', () => {
  const events = correctedJourney();

  it('Given the review not yet recorded, When replayed with the flag history, Then DR01 is open in it; without the option there is none', () => {
    const point = { knownAt: BEFORE_REVIEW_RECORDED };
    const { drift } = replayHistory(events, point, { withFlagHistory: true });
    expect(drift?.history?.find((entry) => entry.ruleId === 'DR01')).toMatchObject({ dueDate: '2024-02-12' });
    expect(replayHistory(events, point).drift).not.toHaveProperty('history');
  });
});
