import type { StoredJourneyEvent } from '@care-journey/journey';
import { journey } from '../testing/journey-builder';
import { clockAfter, recordedOn } from './feed-clock';

/** An event dated `effectiveDate`, recorded at the instant `recordedAt`. */
const recorded = (effectiveDate: string, recordedAt: string): StoredJourneyEvent => {
  const event = journey('c').registered(effectiveDate).events[0];
  return { ...event, recordedAt };
};

describe('feed clock: the England date of the recording instant', () => {
  it('Given an event recorded at 00:30 BST on 30 June (23:30 UTC on 29 June), Then it feeds as at 30 June', () => {
    expect(clockAfter(undefined, recorded('2026-06-01', '2026-06-29T23:30:00Z'))).toBe('2026-06-30');
  });

  it('Given 23:30 UTC in winter (GMT), Then the date is the UTC date', () => {
    expect(recordedOn('2026-01-15T23:30:00Z')).toBe('2026-01-15');
  });

  it('Given an instant written with an offset, Then its England date', () => {
    expect(recordedOn('2026-06-30T00:30:00+01:00')).toBe('2026-06-30');
    expect(recordedOn('2026-06-29T20:00:00-04:00')).toBe('2026-06-30');
  });

  it('Given BST ending on 25 October 2026, Then 23:30 UTC on the 24th is the 25th and on the 25th is still the 25th', () => {
    expect(recordedOn('2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(recordedOn('2026-10-25T23:30:00Z')).toBe('2026-10-25');
  });

  it('Given an effective date after the recording date, Then the clock is the effective date, and it never goes back', () => {
    const first = clockAfter(undefined, recorded('2026-07-10', '2026-06-29T23:30:00Z'));
    expect(first).toBe('2026-07-10');
    expect(clockAfter(first, recorded('2026-01-01', '2026-07-01T10:00:00Z'))).toBe('2026-07-10');
  });
});
