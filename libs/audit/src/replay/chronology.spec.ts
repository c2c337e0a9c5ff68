import { correctedJourney } from '../testing/corrected-journey';
import { chronology } from './chronology';

describe('chronology', () => {
  const lines = chronology(correctedJourney());

  it('Given a journey recorded out of order, Then every event appears in effective-date order', () => {
    expect(lines.map((l) => [l.effectiveDate, l.eventId])).toEqual([
      ['2024-01-10', 'e1'],
      ['2024-01-15', 'e2'],
      ['2024-02-12', 'e3'],
      ['2024-03-01', 'e4'],
      ['2024-03-01', 'e6'],
      ['2024-03-05', 'e7'],
      ['2024-03-10', 'e5'],
    ]);
  });

  it('says who recorded each event, when, and how many days late', () => {
    expect(lines.find((l) => l.eventId === 'e4')).toMatchObject({
      recordedBy: 'sw-2',
      recordedAt: '2024-03-20T15:00:00.000Z',
      lagDays: 19,
    });
    expect(lines.find((l) => l.eventId === 'e1')?.lagDays).toBe(0);
  });

  it('links a corrected entry to each later correction, and each correction back to its entry', () => {
    const e4 = lines.find((l) => l.eventId === 'e4');
    expect(e4?.amendedBy.map((a) => [a.eventId, a.recordedBy, a.reason])).toEqual([
      ['e6', 'tm-1', 'wrong placement type'],
      ['e7', 'tm-2', 'moved on the 5th, not the 1st'],
    ]);
    expect(lines.find((l) => l.eventId === 'e7')?.corrects).toEqual({
      eventId: 'e4',
      kind: 'amended',
      reason: 'moved on the 5th, not the 1st',
    });
    expect(lines.find((l) => l.eventId === 'e3')?.amendedBy).toEqual([]);
  });

  it('marks a retracted entry with the retraction', () => {
    const events = [
      ...correctedJourney(),
      {
        type: 'EntryRetracted',
        id: 'e8',
        recordedAt: '2024-06-10T09:00:00.000Z',
        recordedBy: 'tm-1',
        data: { childId: 'c1', effectiveDate: '2024-03-10', retractedEventId: 'e5', reason: 'duplicate' },
      },
    ] as ReturnType<typeof correctedJourney>;
    expect(chronology(events).find((l) => l.eventId === 'e5')?.retractedBy).toMatchObject({
      eventId: 'e8',
      recordedBy: 'tm-1',
      reason: 'duplicate',
    });
  });
});
