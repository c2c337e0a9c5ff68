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

  describe('short breaks, then another legal status', () => {
    const folded = (b: ReturnType<typeof journey>) => {
      const event = b.events.at(-1) as StoredJourneyEvent;
      const summary = summaryFromStream(b.childId, b.events.slice(0, -1));
      applyEvent(summary, event);
      return facetsChangedBy(event, summary);
    };
    const onShortBreaks = () => journey('sb').registered('2015-01-01').startCare('2025-01-06', 'V3', 'K2');

    it('Given a period on short breaks, When a care order is recorded, Then the period changes (its counted part starts)', () =>
      expect(folded(onShortBreaks().legalStatus('2025-06-02', 'C2'))).toEqual(['legalStatuses', 'period']));

    it('Given a care order after short breaks, When short breaks start again, Then the period changes (its counted part ends)', () =>
      expect(folded(onShortBreaks().legalStatus('2025-06-02', 'C2').legalStatus('2025-08-01', 'V3'))).toEqual(
        ['legalStatuses', 'period'],
      ));

    it('Given a care order, When it becomes a full one, Then only the legal statuses change', () =>
      expect(folded(onShortBreaks().legalStatus('2025-06-02', 'C1').legalStatus('2025-08-01', 'C2'))).toEqual(
        ['legalStatuses'],
      ));

    it('Given short breaks then a care order and two reviews, When a third review is held, Then the first reviews of the counted part are unchanged', () =>
      expect(
        folded(
          onShortBreaks()
            .legalStatus('2025-06-02', 'C2')
            .review('2025-06-20')
            .review('2025-09-10')
            .review('2026-03-01'),
        ),
      ).toEqual(['reviews']));

    it('Given a child away from H5, When the return is re-recorded as K3, Then the placements change too (a same-carer type); a plain return changes only the stays', () => {
      const away = () =>
        journey('h5').registered('2007-01-01').startCare('2025-01-10', 'V2', 'H5').temporary('2025-03-25');
      expect(
        folded(away().add('TemporaryPlacementEnded', { effectiveDate: '2025-04-03', reRecordedAs: 'K3' })),
      ).toEqual(['temporaryStays', 'placements']);
      expect(folded(away().backFromTemporary('2025-03-30'))).toEqual(['temporaryStays']);
    });
  });
});
