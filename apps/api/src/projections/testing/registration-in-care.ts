import type { NewEvent } from '@care-journey/event-store';
import { currentSchemaVersion, type JourneyEventType } from '@care-journey/journey';

/** Metadata of the specs' `type` events: recorded on the day of the registration, by "spec", at the type's current version. */
export const specMetadata = (type: JourneyEventType) => ({
  recordedAt: '2025-06-02T09:00:00Z',
  recordedBy: 'spec',
  schemaVersion: currentSchemaVersion(type),
});

/** A child registered and taken into care (C2, N1, U4) on 2 June 2025: the two events of its stream. */
export function registrationInCare(childId: string, childRef = `REF-${childId}`): NewEvent[] {
  return [
    {
      id: `${childId}-1`,
      type: 'ChildRegistered',
      data: {
        childId,
        effectiveDate: '2025-06-02',
        childRef,
        name: 'Alex Example',
        dateOfBirth: '2015-01-01',
        sex: '1',
        ethnicity: 'WBRI',
        upn: 'UN1',
        uasc: false,
        relinquishedAtBirth: false,
        team: 'North',
        socialWorker: 'sw-1',
      },
      metadata: specMetadata('ChildRegistered'),
    },
    {
      id: `${childId}-2`,
      type: 'PeriodOfCareStarted',
      data: {
        childId,
        effectiveDate: '2025-06-02',
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        placement: { placementType: 'U4', provider: 'PR1' },
      },
      metadata: specMetadata('PeriodOfCareStarted'),
    },
  ];
}
