import { correctedJourney } from '../testing/corrected-journey';
import { chronology } from './chronology';

describe('chronology', () => {
  const lines = chronology(correctedJourney());

  it('Given a journey recorded out of order, Then every event appears in effective-date order, an amended entry at its amended date with its corrections beside it', () => {
    expect(lines.map((l) => [l.effectiveDate, l.eventId])).toEqual([
      ['2024-01-10', 'e1'],
      ['2024-01-15', 'e2'],
      ['2024-02-12', 'e3'],
      ['2024-03-05', 'e4'],
      ['2024-03-05', 'e6'],
      ['2024-03-05', 'e7'],
      ['2024-03-10', 'e5'],
    ]);
  });

  it('Given the move recorded for 1 March and amended to 5 March, Then it stands on 5 March and still says it was first recorded for 1 March, and which amendment moved it when', () => {
    expect(lines.find((l) => l.eventId === 'e4')).toMatchObject({
      effectiveDate: '2024-03-05',
      originalEffectiveDate: '2024-03-01',
      dateAmendedBy: {
        eventId: 'e7',
        kind: 'amended',
        recordedAt: '2024-05-01T14:00:00.000Z',
        recordedBy: 'tm-2',
        reason: 'moved on the 5th, not the 1st',
      },
    });
    expect(lines.find((l) => l.eventId === 'e4')?.amendedBy.map((a) => [a.eventId, a.recordedAt])).toEqual([
      ['e6', '2024-04-02T09:30:00.000Z'],
      ['e7', '2024-05-01T14:00:00.000Z'],
    ]);
    // An entry whose date was never amended says nothing of it.
    expect(lines.find((l) => l.eventId === 'e5')).not.toHaveProperty('originalEffectiveDate');
    expect(lines.find((l) => l.eventId === 'e5')).not.toHaveProperty('dateAmendedBy');
  });

  it('Given an amendment that puts the date back as first recorded, Then the entry stands on that date with no original date shown', () => {
    const events = [
      ...correctedJourney(),
      {
        type: 'EntryAmended',
        id: 'e8',
        recordedAt: '2024-06-10T09:00:00.000Z',
        recordedBy: 'tm-1',
        data: {
          childId: 'c1',
          effectiveDate: '2024-03-01',
          correctedEventId: 'e4',
          reason: 'it was the 1st after all',
          amendedData: { effectiveDate: '2024-03-01' },
        },
      },
    ] as ReturnType<typeof correctedJourney>;
    const e4 = chronology(events).find((l) => l.eventId === 'e4');
    expect(e4).toMatchObject({ effectiveDate: '2024-03-01', lagDays: 19 });
    expect(e4).not.toHaveProperty('originalEffectiveDate');
  });

  it('says who recorded each event, when, and how many days after its effective date (as amended) it was first recorded', () => {
    expect(lines.find((l) => l.eventId === 'e4')).toMatchObject({
      recordedBy: 'sw-2',
      recordedAt: '2024-03-20T15:00:00.000Z',
      // The move happened on 5 March (as amended) and was recorded on 20 March.
      lagDays: 15,
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

  it('Given a registration withdrawn as made in error (a child registered twice), Then the chronology still shows it, marked with the withdrawal and its reason', () => {
    const events = [
      {
        type: 'ChildRegistered',
        id: 'r1',
        recordedAt: '2026-11-27T09:00:00.000Z',
        recordedBy: 'sw-1',
        data: { childId: 'dup', effectiveDate: '2026-11-27', childRef: 'CJW009', name: 'Leo Weekday' },
      },
      {
        type: 'RegistrationRetracted',
        id: 'r2',
        recordedAt: '2026-11-28T10:00:00.000Z',
        recordedBy: 'admin-1',
        data: {
          childId: 'dup',
          effectiveDate: '2026-11-27',
          retractedEventId: 'r1',
          reason: 'same child as CJW001',
        },
      },
    ] as unknown as ReturnType<typeof correctedJourney>;
    const shown = chronology(events);
    expect(shown.find((l) => l.eventId === 'r1')?.retractedBy).toMatchObject({
      eventId: 'r2',
      recordedBy: 'admin-1',
      reason: 'same child as CJW001',
    });
    expect(shown.find((l) => l.eventId === 'r2')).toMatchObject({
      corrects: { eventId: 'r1', kind: 'retracted', reason: 'same child as CJW001' },
    });
  });
});
