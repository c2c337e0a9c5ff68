/**
 * The feed never re-sends what a consumer already holds. The case: an end of care recorded late but
 * dated before the open DR01 opened makes it go from the view, so the feed closes it itself
 * (`no_longer_applies`, late-step.spec.ts) and the consumer keeps its opening and that closing; a
 * later correction of the end of care is compared with those, not with the view before (which holds
 * no DR01). A review dated in time does not leave anything beside the view: the opening is withdrawn
 * (review s14 F1: by the flag history there was no breach).
 */
import type { StoredJourneyEvent } from '@care-journey/journey';
import { journey } from '../testing/journey-builder';
import type { ChangeData, ChangeRecord } from './change-record';
import { amendedTo, feedEvents, line, recordedOn } from './feed-of.spec-helper';

// In care from 1 September 2026: DR01 due 29 September, open from 30 September. Everything is
// recorded on 27 November, so DR01 is reported open first.
const inCare = () => recordedOn(journey('h').registered('2026-09-01').startCare('2026-09-01'), '2026-11-27');
// The end of care dated 20 September then makes it go: the feed closes it (on its opening day).
const endedLate = () => recordedOn(inCare().endCare('2026-09-20'), '2026-11-27');
// The review dated 20 September (in time) makes it go too: it never was a breach.
const reviewedLate = () => recordedOn(inCare().review('2026-09-20'), '2026-11-27');
const lastOf = (b: ReturnType<typeof inCare>, type: string) =>
  b.events.find((e) => e.type === type) as StoredJourneyEvent;
const dr01 = (changes: readonly ChangeRecord[]) => changes.filter((c) => c.key.startsWith('DR01/')).map(line);

/** What a consumer holds after applying every record in order, by `kind|key`. */
function applied(changes: readonly ChangeRecord[]): Map<string, ChangeData> {
  const held = new Map<string, ChangeData>();
  for (const c of changes) {
    if (c.kind === 'stability.changed') continue;
    if (c.kind === 'change.withdrawn') held.delete(`${c.withdrawn}|${c.key}`);
    else held.set(`${c.kind}|${c.key}`, c.data);
  }
  return held;
}

describe('feed: a flag the feed closed itself, then a correction of the entry', () => {
  it('Given DR01 reported open and then closed by the feed (care ended 20 September, recorded late), Then the consumer holds its opening and that closing beside the view', () => {
    const fed = feedEvents(endedLate());
    expect(dr01(fed[2].changes)).toEqual([
      'flag.closed DR01/2026-09-01 2026-09-29 2026-09-30 2026-09-30 no_longer_applies',
    ]);
    expect(fed[2].view.held?.map((f) => `${f.kind} ${f.key}`)).toEqual([
      'flag.opened DR01/2026-09-01',
      'flag.closed DR01/2026-09-01',
    ]);
  });

  it('When the end of care is amended to 30 September (the flag, opened and closed that day, is what the consumer holds), Then the amendment sends no DR01 record', () => {
    const b = endedLate();
    const fed = feedEvents(amendedTo(b, lastOf(b, 'PeriodOfCareEnded'), '2026-09-30', '2026-11-28'));
    expect(dr01(fed[3].changes)).toEqual([]);
    // The view now holds the closing itself: nothing is held beside it any more.
    expect(fed[3].view.held).toBeUndefined();
  });

  it('When the end of care is amended to 15 October, Then only the closing is sent again (closed 15 October): the opening the consumer holds is not re-sent', () => {
    const b = endedLate();
    const fed = feedEvents(amendedTo(b, lastOf(b, 'PeriodOfCareEnded'), '2026-10-15', '2026-11-28'));
    expect(dr01(fed[3].changes)).toEqual([
      'flag.closed DR01/2026-09-01 2026-09-29 2026-09-30 2026-10-15 no_longer_applies',
    ]);
  });

  it('When the end of care is retracted, Then the closing the feed sent is withdrawn (DR01 is open again) and the opening is not re-sent', () => {
    const b = endedLate();
    b.add('EntryRetracted', {
      effectiveDate: '2026-09-20',
      retractedEventId: lastOf(b, 'PeriodOfCareEnded').id,
      reason: 'wrong child',
    });
    const fed = feedEvents(recordedOn(b, '2026-11-28'));
    expect(dr01(fed[3].changes)).toEqual([
      'change.withdrawn flag.closed DR01/2026-09-01 2026-09-29 2026-09-30 2026-09-30 no_longer_applies',
    ]);
    const held = applied(fed.flatMap((f) => f.changes));
    expect(held.get('flag.opened|DR01/2026-09-01')).toMatchObject({ openedOn: '2026-09-30' });
    expect(held.has('flag.closed|DR01/2026-09-01')).toBe(false);
  });
});

describe('feed: a review recorded late but held in time (review s14 F1)', () => {
  it('Given DR01 reported open, When the review dated 20 September is recorded, Then the opening is withdrawn and nothing is held beside the view', () => {
    const fed = feedEvents(reviewedLate());
    expect(dr01(fed[2].changes)).toEqual([
      'change.withdrawn flag.opened DR01/2026-09-01 2026-09-29 2026-09-30',
    ]);
    expect(fed[2].view.held).toBeUndefined();
    expect(fed[2].view.facts.filter((f) => f.key.startsWith('DR01/'))).toEqual([]);
  });

  it('When the review is amended to 30 September (late by a day), Then the breach is sent, opening and closing', () => {
    const b = reviewedLate();
    const fed = feedEvents(amendedTo(b, lastOf(b, 'StatutoryReviewHeld'), '2026-09-30', '2026-11-28'));
    expect(dr01(fed[3].changes)).toEqual([
      'flag.opened DR01/2026-09-01 2026-09-29 2026-09-30',
      'flag.closed DR01/2026-09-01 2026-09-29 2026-09-30 2026-09-30 step',
    ]);
  });

  it('When the review is retracted, Then DR01 is sent open again (the consumer holds none)', () => {
    const b = reviewedLate();
    b.add('EntryRetracted', {
      effectiveDate: '2026-09-20',
      retractedEventId: lastOf(b, 'StatutoryReviewHeld').id,
      reason: 'wrong child',
    });
    const fed = feedEvents(recordedOn(b, '2026-11-28'));
    expect(dr01(fed[3].changes)).toEqual(['flag.opened DR01/2026-09-01 2026-09-29 2026-09-30']);
  });
});

describe('feed: an amendment that changes an open flag is still sent', () => {
  // In care from 5 January 2026, first review 20 January: DR02 due 20 April, open from 21 April
  // (recorded on 1 June). The first review amended to 1 February re-dates DR02 (due 1 May).
  const reviewed = () => {
    const b = journey('u').registered('2026-01-05').startCare('2026-01-05').review('2026-01-20');
    return recordedOn(b.move('2026-03-01'), '2026-06-01');
  };

  it('Given DR02 reported open, When the first review is amended to 1 February, Then DR02 is re-sent with its new due date and opening (an update), nothing withdrawn', () => {
    const b = reviewed();
    const fed = feedEvents(amendedTo(b, lastOf(b, 'StatutoryReviewHeld'), '2026-02-01', '2026-06-02'));
    expect(fed[3].changes.filter((c) => c.key.startsWith('DR02/')).map(line)).toEqual([
      'flag.opened DR02/2026-01-05 2026-04-20 2026-04-21',
    ]);
    expect(fed[4].changes.filter((c) => c.key.startsWith('DR02/')).map(line)).toEqual([
      'flag.opened DR02/2026-01-05 2026-05-01 2026-05-02',
    ]);
    expect(fed[4].changes.some((c) => c.kind === 'change.withdrawn')).toBe(false);
  });

  it('Given DR02 reported open, When the move is amended (the flag unchanged), Then no DR02 record', () => {
    const b = reviewed();
    const move = b.events.at(-1) as StoredJourneyEvent;
    const fed = feedEvents(amendedTo(b, move, '2026-03-02', '2026-06-02'));
    expect(fed[3].changes.filter((c) => c.key.startsWith('DR02/')).map(line)).toHaveLength(1);
    expect(fed[4].changes.filter((c) => c.key.startsWith('DR02/'))).toEqual([]);
  });
});
