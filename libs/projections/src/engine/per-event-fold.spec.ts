import { summaryFromStream } from '../summary/build-summary';
import { emptySummary } from '../summary/journey-summary';
import { sampleCohort } from '../testing/log-fixtures';
import { journey } from '../testing/journey-builder';
import { randomJourneys } from '../testing/random-journeys';
import { PerEventFold } from './per-event-fold';

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('PerEventFold', () => {
  it('gives, after every event, the summary a refold of the stream so far gives', () => {
    const backDated = journey('late-entries')
      .registered('2024-03-01')
      .startCare('2024-01-10')
      .review('2024-02-01')
      .move('2024-01-20') // recorded after, effective before: refolds
      .plan('2024-04-01', 'adoption');
    for (const b of [...sampleCohort(12), backDated, ...randomJourneys(40, 30, 9)]) {
      const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
      b.events.forEach((event, i) => {
        expect(json(fold.next(event))).toEqual(json(summaryFromStream(b.childId, b.events.slice(0, i + 1))));
      });
    }
  });

  it('folds a back-dated outcome in place (it only counts), and tells what a refold changed', () => {
    const b = journey('oc')
      .registered('2020-01-01')
      .startCare('2020-02-01')
      .review('2020-02-20')
      .review('2020-05-01')
      .review('2021-06-01');
    const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
    for (const event of b.events) fold.next(event);
    const before = fold.summary;
    b.add('AnnualHealthOutcomesRecorded', {
      effectiveDate: '2021-03-31',
      immunisations: true,
      teethCheck: true,
      healthAssessment: true,
      substanceMisuse: false,
    });
    expect(fold.next(b.events[b.events.length - 1])).toBe(before);
    expect(fold.changed).toEqual([]);
    expect(json(fold.summary)).toEqual(json(summaryFromStream(b.childId, b.events)));
    // A back-dated third review refolds: a new summary, and only the later reviews changed.
    b.review('2020-09-01');
    expect(fold.next(b.events[b.events.length - 1])).not.toBe(before);
    expect(fold.changed).toEqual(['reviews']);
    expect(json(fold.summary)).toEqual(json(summaryFromStream(b.childId, b.events)));
  });

  it('continues from a stored stream and summary', () => {
    const [b] = sampleCohort(1);
    const head = b.events.slice(0, 3);
    const fold = new PerEventFold(b.childId, head, summaryFromStream(b.childId, head));
    for (const event of b.events.slice(3)) fold.next(event);
    expect(json(fold.summary)).toEqual(json(summaryFromStream(b.childId, b.events)));
  });
});
