// Test support: one child's journey recorded out of order and corrected twice.
//   e1 registered 2024-01-10            recorded 2024-01-10 by sw-1
//   e2 care starts 2024-01-15 in U4     recorded 2024-01-15 by sw-1
//   e3 review held 2024-02-12           recorded 2024-02-13 by sw-1
//   e5 review held 2024-03-10           recorded 2024-03-12 by sw-1
//   e4 placement change 2024-03-01, U6  recorded 2024-03-20 by sw-2  (late, after e5)
//   e6 amends e4: U6 → U5               recorded 2024-04-02 by tm-1  (first correction)
//   e7 amends e4: 2024-03-01 → 03-05    recorded 2024-05-01 by tm-2  (second correction)
import { currentSchemaVersion, type StoredJourneyEvent } from '@care-journey/journey';
import type { NewEvent } from '../store';

const child = 'c1';
const at = (iso: string, by: string) => ({ recordedAt: iso, recordedBy: by });
const placementChange = (type: string, date: string) => ({
  childId: child,
  effectiveDate: date,
  placement: { placementType: type, provider: 'PR1', inArea: true },
  reasonForChange: 'CARPL',
  sameCarer: false,
});

type Unstamped = Omit<NewEvent, 'metadata'> & { metadata: { recordedAt: string; recordedBy: string } };
/** Each event stamped with its type's current schema version, as a writer of today would. */
const stamped = (events: Unstamped[]): NewEvent[] =>
  events.map((event) => ({
    ...event,
    metadata: { ...event.metadata, schemaVersion: currentSchemaVersion(event.type) },
  }));

export const CORRECTED_JOURNEY: NewEvent[] = stamped([
  {
    id: 'e1',
    type: 'ChildRegistered',
    data: {
      childId: child,
      effectiveDate: '2024-01-10',
      childRef: 'R1',
      name: 'Sam',
      dateOfBirth: '2015-06-01',
      sex: '1',
      ethnicity: 'WBRI',
      upn: 'UN1',
      uasc: false,
      relinquishedAtBirth: false,
      team: 'East',
      socialWorker: 'sw-1',
    },
    metadata: at('2024-01-10T09:00:00.000Z', 'sw-1'),
  },
  {
    id: 'e2',
    type: 'PeriodOfCareStarted',
    data: {
      childId: child,
      effectiveDate: '2024-01-15',
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
      placement: { placementType: 'U4', provider: 'PR1', inArea: true },
    },
    metadata: at('2024-01-15T10:00:00.000Z', 'sw-1'),
  },
  {
    id: 'e3',
    type: 'StatutoryReviewHeld',
    data: { childId: child, effectiveDate: '2024-02-12', participation: 'PN1' },
    metadata: at('2024-02-13T11:00:00.000Z', 'sw-1'),
  },
  {
    id: 'e5',
    type: 'StatutoryReviewHeld',
    data: { childId: child, effectiveDate: '2024-03-10', participation: 'PN1' },
    metadata: at('2024-03-12T11:00:00.000Z', 'sw-1'),
  },
  {
    id: 'e4',
    type: 'PlacementChanged',
    data: placementChange('U6', '2024-03-01'),
    metadata: at('2024-03-20T15:00:00.000Z', 'sw-2'),
  },
  {
    id: 'e6',
    type: 'EntryAmended',
    data: {
      childId: child,
      effectiveDate: '2024-03-01',
      correctedEventId: 'e4',
      reason: 'wrong placement type',
      amendedData: placementChange('U5', '2024-03-01'),
    },
    metadata: at('2024-04-02T09:30:00.000Z', 'tm-1'),
  },
  {
    id: 'e7',
    type: 'EntryAmended',
    data: {
      childId: child,
      effectiveDate: '2024-03-05',
      correctedEventId: 'e4',
      reason: 'moved on the 5th, not the 1st',
      amendedData: placementChange('U5', '2024-03-05'),
    },
    metadata: at('2024-05-01T14:00:00.000Z', 'tm-2'),
  },
]);

/** The same events as the domain sees them once stored. */
export const correctedJourney = (): StoredJourneyEvent[] =>
  CORRECTED_JOURNEY.map(
    (event, index) =>
      ({
        type: event.type,
        data: structuredClone(event.data),
        id: event.id,
        recordedAt: event.metadata.recordedAt,
        recordedBy: event.metadata.recordedBy,
        revision: BigInt(index),
      }) as StoredJourneyEvent,
  );
