import { addDays } from '@care-journey/journey';
import { PerEventFold } from '../engine/per-event-fold';
import { sampleCohort } from '../testing/log-fixtures';
import { randomJourneys } from '../testing/random-journeys';
import { summaryFromStream } from './build-summary';
import { emptySummary } from './journey-summary';
import { latestDateIn, summaryAsAt } from './summary-as-at';

describe('latestDateIn', () => {
  it('is on or before D exactly when summaryAsAt(summary, D) is the summary itself', () => {
    let checked = 0;
    for (const b of [...sampleCohort(20), ...randomJourneys(40, 30, 21)]) {
      const summary = summaryFromStream(b.childId, b.events);
      const latest = latestDateIn(summary);
      const dates = b.events.map((event) => event.data.effectiveDate);
      for (const date of [
        ...dates,
        ...dates.map((d) => addDays(d, -1)),
        ...dates.map((d) => addDays(d, 1)),
      ]) {
        expect({ date, whole: summaryAsAt(summary, date) === summary }).toEqual({
          date,
          whole: latest <= date,
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(latestDateIn(emptySummary('none'))).toBe('');
  });
});

describe('PerEventFold.latestDate', () => {
  it('stays on or after every date in the summary, event after event, and on or before the latest entry', () => {
    for (const b of randomJourneys(60, 30, 22)) {
      const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
      let latestEntry = '';
      b.events.forEach((event, i) => {
        fold.next(event);
        if (event.data.effectiveDate > latestEntry) latestEntry = event.data.effectiveDate;
        // Asked after some events only: the bound is kept across events it was not asked on.
        if (i % 3 === 0 || i === b.events.length - 1) {
          expect(fold.latestDate >= latestDateIn(fold.summary)).toBe(true);
          expect(fold.latestDate <= latestEntry).toBe(true);
        }
      });
    }
  });
});
