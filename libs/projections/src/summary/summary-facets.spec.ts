import type { StoredJourneyEvent } from '@care-journey/journey';
import { journey } from '../testing/journey-builder';
import { applyEvent } from './apply-event';
import { summaryFromStream } from './build-summary';
import { facetsChangedBy } from './summary-facets';

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('facetsChangedBy', () => {
  it('says recorded outcomes change nothing a rule reads: the fold only counts them', () => {
    const b = journey('outcomes')
      .registered('2010-01-01', { dateOfBirth: '2008-05-01' })
      .startCare('2020-01-10')
      .review('2020-02-01');
    const base = { childId: b.childId, recordedBy: 'test' };
    const outcomes: StoredJourneyEvent[] = [
      {
        ...base,
        id: 'oc2',
        type: 'AnnualHealthOutcomesRecorded',
        recordedAt: '2021-03-31T10:00:00.000Z',
        data: {
          childId: b.childId,
          effectiveDate: '2021-03-31',
          immunisations: true,
          teethCheck: true,
          healthAssessment: true,
          substanceMisuse: false,
        },
      } as unknown as StoredJourneyEvent,
      {
        ...base,
        id: 'oc3',
        type: 'CareLeaverContactRecorded',
        recordedAt: '2026-05-01T10:00:00.000Z',
        data: {
          childId: b.childId,
          effectiveDate: '2026-05-01',
          inTouch: 'YES',
          activity: 'F1',
          accommodation: 'B1',
        },
      } as unknown as StoredJourneyEvent,
    ];
    for (const event of outcomes) {
      const summary = summaryFromStream(b.childId, b.events);
      const before = json({ ...summary, eventCount: 0 });
      applyEvent(summary, event);
      expect(json({ ...summary, eventCount: 0 })).toEqual(before);
      expect(summary.eventCount).toBe(b.events.length + 1);
      expect(facetsChangedBy(event, summary)).toEqual([]);
    }
  });
});
