import { PerEventFold } from '../engine/per-event-fold';
import { journey } from '../testing/journey-builder';
import { summaryFromStream } from './build-summary';
import { emptySummary } from './journey-summary';
import { allocationOn } from './queries';

/** Frontline review F12: a registration withdrawn as made in error leaves every read model. */
describe('a registration retracted in error', () => {
  const b = journey('duplicate').registered('2024-03-01');
  const registration = b.events[0];
  b.add('RegistrationRetracted', {
    effectiveDate: '2024-03-01',
    retractedEventId: registration.id,
    reason: 'Registered twice',
  });

  it('Given only a registration and its retraction, When the stream is folded, Then the summary names no child, team or social worker', () => {
    const summary = summaryFromStream(b.childId, b.events);
    expect(summary.childRef).toBe('');
    expect(summary.registeredEventId).toBeUndefined();
    expect(summary.allocations).toEqual([]);
    expect(allocationOn(summary, '2024-06-01')).toBeUndefined();
    expect(summary.periods).toEqual([]);
  });

  it('folded event by event (the projector), Then the retraction refolds to the same empty summary', () => {
    const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
    expect(fold.next(b.events[0]).childRef).not.toBe('');
    expect(JSON.parse(JSON.stringify(fold.next(b.events[1])))).toEqual(
      JSON.parse(JSON.stringify(summaryFromStream(b.childId, b.events))),
    );
    expect(fold.summary.childRef).toBe('');
  });
});
