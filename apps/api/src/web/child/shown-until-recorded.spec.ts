import type { StoredJourneyEvent } from '@care-journey/journey';
import { DEFAULT_DRIFT_CONFIG, flagHistory, summaryFromStream } from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { shownUntilRecorded } from '@care-journey/audit';
import { childPageFor } from './testing/child-page-for';

const CHILD = '35e88ce0-8aec-52e9-8d15-03da5af3bd19';
const recorded = (id: string, at: string, type: string, data: Record<string, unknown>) =>
  ({
    id,
    recordedAt: at,
    recordedBy: 'sw-015',
    type,
    data: { childId: CHILD, ...data },
  }) as unknown as StoredJourneyEvent;

// In care from Wed 19 August 2026: DR01 due 17 September. The review was held on 10 September (in
// time) but recorded on 27 November: until then every report showed DR01 overdue.
const heldInTimeRecordedLate = (reviewRecordedAt: string): StoredJourneyEvent[] => [
  recorded('r1', '2026-08-19T09:00:00.000Z', 'ChildRegistered', {
    effectiveDate: '2026-08-19',
    childRef: 'C100228',
    name: 'Leo Tesfaye',
    dateOfBirth: '2014-03-02',
    sex: '1',
    ethnicity: 'WBRI',
    upn: 'UN1',
  }),
  recorded('p1', '2026-08-19T09:05:00.000Z', 'PeriodOfCareStarted', {
    effectiveDate: '2026-08-19',
    legalStatus: 'V2',
    categoryOfNeed: 'N1',
    placement: { placementType: 'U6' },
  }),
  recorded('v1', reviewRecordedAt, 'StatutoryReviewHeld', {
    effectiveDate: '2026-09-10',
    participation: 'PN1',
  }),
];

describe('a step held in time but recorded late leaves a trace (review s16-ofsted F2)', () => {
  it('Given a first review held 10 September, in time for 17 September, but recorded 27 November, When the child page is read on 28 November, Then it has no open flag and no breach, and says DR01 was shown overdue 18 September to 27 November until the review was recorded', () => {
    const page = childPageFor({
      childId: CHILD,
      events: heldInTimeRecordedLate('2026-11-27T23:23:01.000Z'),
      role: 'panel_member',
      today: '2026-11-28',
    });
    const text = page.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    // Only the second review's warnings are open; DR01 has no open flag and no breach.
    const open = text.slice(
      text.indexOf(' Open flags and warnings as at'),
      text.indexOf(' Shown overdue until'),
    );
    expect(open).toContain('DR02 Second review due');
    expect(open).not.toContain('DR01');
    // Only the part with entries is named (review s16-diff F6: it read "Flags closed earlier (0), and …").
    expect(text).toContain('Shown overdue until a step held in time was recorded (1)');
    expect(text).not.toContain('Flags closed earlier');
    expect(text).toContain(
      'DR01 First review overdue: shown overdue 18 September 2026 to 27 November 2026 (due 17 September 2026); in time: Review held 10 September 2026, but recorded 27 November 2026',
    );
  });

  it('Given the same review recorded on its due date, When the page is read, Then there is nothing to trace', () => {
    const page = childPageFor({
      childId: CHILD,
      events: heldInTimeRecordedLate('2026-09-17T15:00:00.000Z'),
      role: 'panel_member',
      today: '2026-11-28',
    });
    expect(page).not.toContain('shown overdue');
  });

  it('Given a due date resting on an entry itself recorded after the step, When traced, Then the flag never showed and nothing is listed', () => {
    // In care from 1 June 2026 (DR01 due 29 June), the care entry and the review both recorded 1 August.
    const b = journey('c').registered('2015-01-01').startCare('2026-06-01').review('2026-06-20');
    const events = b.events.map((e) => ({ ...e, recordedAt: '2026-08-01T10:00:00.000Z' }));
    const byId = new Map(events.map((e) => [e.id, e]));
    expect(
      flagHistory(b.summary(), '2026-09-01', DEFAULT_DRIFT_CONFIG).filter((h) => h.ruleId === 'DR01'),
    ).toEqual([]);
    expect(shownUntilRecorded(b.summary(), '2026-09-01', DEFAULT_DRIFT_CONFIG, byId)).toEqual([]);
  });

  it('Given the care entry recorded in time and the review recorded 1 August, When traced, Then DR01 shown overdue from 30 June to 1 August', () => {
    const b = journey('c').registered('2015-01-01').startCare('2026-06-01').review('2026-06-20');
    const review = b.lastId;
    const events = b.events.map((e) =>
      e.id === review ? { ...e, recordedAt: '2026-08-01T10:00:00.000Z' } : e,
    );
    const byId = new Map(events.map((e) => [e.id, e]));
    expect(shownUntilRecorded(b.summary(), '2026-09-01', DEFAULT_DRIFT_CONFIG, byId)).toEqual([
      expect.objectContaining({
        ruleId: 'DR01',
        dueDate: '2026-06-29',
        metOn: '2026-06-20',
        closingEventId: review,
        shownFrom: '2026-06-30',
        recordedOn: '2026-08-01',
      }),
    ]);
  });
});

describe('a late step corrected into time leaves the same trace (session 17, after review s16-ofsted F2)', () => {
  // In care from 1 June 2026 (DR01 due 29 June), recorded that day. A review keyed on 10 July as held
  // that day (late: the flag showed open until then, then as a breach), corrected on 20 August to 20 June.
  const correctedIntoTime = (amendedTo: string) => {
    const b = journey('c').registered('2015-01-01').startCare('2026-06-01').review('2026-07-10');
    const review = b.events.at(-1) as StoredJourneyEvent;
    b.add('EntryAmended', {
      effectiveDate: amendedTo,
      correctedEventId: review.id,
      reason: 'date keyed wrongly',
      amendedData: { ...review.data, effectiveDate: amendedTo },
    });
    const days = ['2026-06-01', '2026-06-01', '2026-07-10', '2026-08-20'];
    const events = b.events.map((e, i) => ({ ...e, recordedAt: `${days[i]}T10:00:00.000Z` }));
    return { events, reviewId: review.id, correctionId: b.lastId };
  };
  const traced = (events: StoredJourneyEvent[], asAt = '2026-09-01') =>
    shownUntilRecorded(
      summaryFromStream('c', events),
      asAt,
      DEFAULT_DRIFT_CONFIG,
      new Map(events.map((e) => [e.id, e])),
    );

  it('Given a review first recorded on 10 July as held 10 July (late) and corrected on 20 August to 20 June, When traced on 1 September, Then there is no breach, and the trace says DR01 showed open 30 June to 10 July and a breach until the correction of 20 August', () => {
    const { events, reviewId, correctionId } = correctedIntoTime('2026-06-20');
    const summary = summaryFromStream('c', events);
    expect(
      flagHistory(summary, '2026-09-01', DEFAULT_DRIFT_CONFIG).filter((h) => h.ruleId === 'DR01'),
    ).toEqual([]);
    expect(traced(events)).toEqual([
      {
        ruleId: 'DR01',
        title: 'First review overdue',
        key: '2026-06-01',
        dueDate: '2026-06-29',
        metOn: '2026-06-20',
        closingEventId: reviewId,
        shownFrom: '2026-06-30',
        recordedOn: '2026-07-10',
        correctedIntoTime: { eventId: correctionId, recordedOn: '2026-08-20', firstDate: '2026-07-10' },
      },
    ]);
  });

  it('When the child page is read, Then it words the breach shown until the correction', () => {
    const { events } = correctedIntoTime('2026-06-20');
    const page = childPageFor({ childId: 'c', events, role: 'panel_member', today: '2026-09-01' });
    expect(page.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toContain(
      'DR01 First review overdue: shown overdue 30 June 2026 to 10 July 2026, then as a breach until 20 August 2026 (due 29 June 2026); in time: Review held 20 June 2026, first recorded 10 July 2026 as 10 July 2026 and corrected 20 August 2026',
    );
  });

  it('Given the same correction not yet recorded (as known on 19 August), When traced, Then the breach stands in the history and nothing is traced', () => {
    const { events } = correctedIntoTime('2026-06-20');
    const known = events.filter((e) => e.recordedAt < '2026-08-20');
    const summary = summaryFromStream('c', known);
    expect(
      flagHistory(summary, '2026-08-19', DEFAULT_DRIFT_CONFIG).filter((h) => h.ruleId === 'DR01'),
    ).toEqual([expect.objectContaining({ closedOn: '2026-07-10', closedBy: 'step' })]);
    expect(traced(known, '2026-08-19')).toEqual([]);
  });

  it('Given the correction moves the review to another late date (5 July), When traced, Then it is still a breach and nothing is traced', () => {
    const { events } = correctedIntoTime('2026-07-05');
    expect(traced(events)).toEqual([]);
  });

  // Review s17 diff F4: the earlier review the due date rests on is backfilled (5 October) after the
  // late review was recorded (2 October), then the late one is corrected into time (10 October).
  it('Given the basis recorded after the late step and the step then corrected into time, When traced and the page read, Then it is a breach only, 5 October to the correction, with no open spell', () => {
    const b = journey('c').registered('2015-01-01').startCare('2026-06-01').review('2026-10-01');
    const late = b.events.at(-1) as StoredJourneyEvent;
    b.review('2026-06-20');
    b.add('EntryAmended', {
      effectiveDate: '2026-09-15',
      correctedEventId: late.id,
      reason: 'date keyed wrongly',
      amendedData: { ...late.data, effectiveDate: '2026-09-15' },
    });
    const days = ['2026-06-01', '2026-06-01', '2026-10-02', '2026-10-05', '2026-10-10'];
    const events = b.events.map((e, i) => ({ ...e, recordedAt: `${days[i]}T10:00:00.000Z` }));
    expect(traced(events, '2026-11-01').filter((t) => t.ruleId === 'DR02')).toEqual([
      expect.objectContaining({
        shownFrom: '2026-10-05',
        recordedOn: '2026-10-02',
        correctedIntoTime: expect.objectContaining({ recordedOn: '2026-10-10', breachOnly: true }),
      }),
    ]);
    const page = childPageFor({ childId: 'c', events, role: 'panel_member', today: '2026-11-01' });
    const text = page.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(
      'DR02 Second review overdue: shown as a breach 5 October 2026 to 10 October 2026, never as open (due 20 September 2026)',
    );
    expect(text).not.toContain('shown overdue 5 October 2026 to 2 October 2026');
  });
});
