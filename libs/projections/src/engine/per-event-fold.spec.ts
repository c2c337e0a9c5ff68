import { summaryFromStream } from '../summary/build-summary';
import { emptySummary } from '../summary/journey-summary';
import { sampleCohort } from '../testing/log-fixtures';
import { journey } from '../testing/journey-builder';
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
    for (const b of [...sampleCohort(12), backDated]) {
      const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
      b.events.forEach((event, i) => {
        expect(json(fold.next(event))).toEqual(json(summaryFromStream(b.childId, b.events.slice(0, i + 1))));
      });
    }
  });

  it('continues from a stored stream and summary', () => {
    const [b] = sampleCohort(1);
    const head = b.events.slice(0, 3);
    const fold = new PerEventFold(b.childId, head, summaryFromStream(b.childId, head));
    for (const event of b.events.slice(3)) fold.next(event);
    expect(json(fold.summary)).toEqual(json(summaryFromStream(b.childId, b.events)));
  });
});
