import type { JourneyEvent } from '@care-journey/journey';
import { childRecord, type ChildRecord } from '../../export903/child-record';
import { specRegistration } from '../../export903/testing/spec-registration';

const placement = { placementType: 'U6', provider: 'PR1', postcode: 'CB1 2GF', urn: 'SC100001' };

/**
 * A young person's record for the care leavers' specs (this lib's rule, the API's worklist):
 * registered on 01/01/2023 as `name`, looked after under V2 from 10/01/2023 to `leftOn` (for
 * `leftBecause`, E5 unless given; still looked after without it), with OC3 contacts on `contacts`
 * (in touch, YES, unless a contact gives its IN_TOUCH code). Spec-only (imported by *.spec.ts files
 * alone; the production build leaves testing/ out).
 */
export function careLeaverRecord(
  childRef: string,
  dateOfBirth: string,
  options: {
    name?: string;
    leftOn?: string;
    leftBecause?: string;
    contacts?: readonly (string | { on: string; inTouch: string })[];
  } = {},
): ChildRecord {
  const { name = `Young ${childRef}`, leftOn, leftBecause = 'E5', contacts = [] } = options;
  const childId = `c-${childRef}`;
  const events: JourneyEvent[] = [
    {
      type: 'ChildRegistered',
      data: {
        childId,
        ...specRegistration({ childRef, effectiveDate: '2023-01-01', name, dateOfBirth, sex: '2' }),
      },
    },
    {
      type: 'PeriodOfCareStarted',
      data: { childId, effectiveDate: '2023-01-10', legalStatus: 'V2', categoryOfNeed: 'N1', placement },
    },
    ...(leftOn
      ? [
          {
            type: 'PeriodOfCareEnded',
            data: { childId, effectiveDate: leftOn, reason: leftBecause },
          } as JourneyEvent,
        ]
      : []),
    ...contacts.map((contact) => {
      const { on, inTouch } = typeof contact === 'string' ? { on: contact, inTouch: 'YES' } : contact;
      const known = inTouch === 'YES';
      return {
        type: 'CareLeaverContactRecorded',
        data: {
          childId,
          effectiveDate: on,
          inTouch,
          activity: known ? 'F2' : '0',
          accommodation: known ? 'T1' : '0',
        },
      } as JourneyEvent;
    }),
  ];
  const record = childRecord(
    events.map((e, i) => ({
      ...e,
      id: `${childRef}-${i}`,
      recordedAt: '2024-06-01T10:00:00Z',
      recordedBy: 'sw',
    })),
  );
  if (!record) throw new Error(`no record for ${childRef}`);
  return record;
}
