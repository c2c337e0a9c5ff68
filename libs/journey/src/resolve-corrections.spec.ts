import type { JourneyEvent, StoredJourneyEvent } from './events';
import { resolveCorrections, sortByEffectiveDate } from './resolve-corrections';
import { stored } from './testing/decider-specification';
import { CHILD, inCare, registered, reviewHeld } from './testing/fixtures';

const amend = (id: string, amendedData: Record<string, unknown>): JourneyEvent => ({
  type: 'EntryAmended',
  data: {
    childId: CHILD,
    effectiveDate: String(amendedData['effectiveDate'] ?? '2024-06-05'),
    correctedEventId: id,
    reason: 'fix',
    amendedData,
  },
});
const retract = (id: string): JourneyEvent => ({
  type: 'EntryRetracted',
  data: { childId: CHILD, effectiveDate: '2024-06-05', retractedEventId: id, reason: 'fix' },
});

describe('resolveCorrections', () => {
  it('returns the events unchanged when there are no corrections', () => {
    const events = stored([...inCare, reviewHeld('2024-06-05')]);
    expect(resolveCorrections(events)).toEqual(events);
  });

  it('lays amended data over the original, keeping id and recording details, and drops the correction', () => {
    const events = stored([
      ...inCare,
      reviewHeld('2024-06-05'),
      amend('e3', { effectiveDate: '2024-06-06' }),
    ]);
    const resolved = resolveCorrections(events);
    expect(resolved).toHaveLength(3);
    expect(resolved[2]).toEqual({ ...events[2], data: { ...events[2].data, effectiveDate: '2024-06-06' } });
  });

  it('applies successive amendments in stream order, the latest winning', () => {
    const events = stored([
      ...inCare,
      reviewHeld('2024-06-05'),
      amend('e3', { participation: 'PN2' }),
      amend('e3', { participation: 'PN5' }),
    ]);
    expect(
      (resolveCorrections(events)[2] as StoredJourneyEvent & { data: { participation: string } }).data
        .participation,
    ).toBe('PN5');
  });

  it('never changes the child id', () => {
    const events = stored([registered, amend('e1', { childId: 'c-other', name: 'A. Hassan' })]);
    expect(resolveCorrections(events)[0].data).toMatchObject({ childId: CHILD, name: 'A. Hassan' });
  });

  it('drops retracted entries, amended or not', () => {
    const events = stored([
      ...inCare,
      reviewHeld('2024-06-05'),
      amend('e3', { participation: 'PN2' }),
      retract('e3'),
    ]);
    expect(resolveCorrections(events).map((e) => e.id)).toEqual(['e1', 'e2']);
  });
});

describe('sortByEffectiveDate', () => {
  it('orders by effective date, arrival within a day, registration first', () => {
    const events = stored([
      { ...registered, data: { ...registered.data, effectiveDate: '2024-07-01' } } as JourneyEvent,
      reviewHeld('2024-06-05'),
      ...inCare.slice(1),
      reviewHeld('2024-05-10'),
    ]);
    expect(sortByEffectiveDate(events).map((e) => e.id)).toEqual(['e1', 'e3', 'e4', 'e2']);
  });
});
