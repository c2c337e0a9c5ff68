/**
 * The child's page says a young person is a care leaver the 903 asks about (review s17 F6): the
 * review's C100029-like case, born 22/02/2006, in care from 2021 and left E17 on the 18th birthday,
 * 22/02/2024, so a former relevant child with OC3 contacts at 19, 20 and 21 (not 18: still looked after
 * on it, 903 rule 1016).
 */
import type { StoredJourneyEvent } from '@care-journey/journey';
import type { Role } from '@care-journey/access';
import { childPageFor } from './testing/child-page-for';

const CHILD = '0b1d2e3f-0000-5000-8000-000000000029';
const recorded = (id: string, type: string, data: Record<string, unknown>) =>
  ({
    id,
    recordedAt: `${String(data.effectiveDate)}T09:00:00.000Z`,
    recordedBy: 'sw.demo',
    type,
    data: { childId: CHILD, ...data },
  }) as unknown as StoredJourneyEvent;

const leftAt18: StoredJourneyEvent[] = [
  recorded('r1', 'ChildRegistered', {
    effectiveDate: '2021-05-01',
    childRef: 'C100029',
    name: 'Cara Leaver',
    dateOfBirth: '2006-02-22',
    sex: '2',
    ethnicity: 'WBRI',
    upn: 'A123456789012',
    team: 'Children in Care North',
    socialWorker: 'sw.demo',
  }),
  recorded('p1', 'PeriodOfCareStarted', {
    effectiveDate: '2021-05-01',
    legalStatus: 'C2',
    categoryOfNeed: 'N1',
    placement: { placementType: 'U4', provider: 'PR4', postcode: 'LS1 4AB', urn: 'SC123456' },
  }),
  recorded('p2', 'PeriodOfCareEnded', { effectiveDate: '2024-02-22', reason: 'E17' }),
];
const contactAt19 = recorded('o1', 'CareLeaverContactRecorded', {
  effectiveDate: '2025-02-25',
  inTouch: 'YES',
  activity: 'F2',
  accommodation: 'Z1',
});

const careLeaverRow = (events: StoredJourneyEvent[], role: Role, today: string): string | undefined =>
  /Care leaver<\/dt><dd[^>]*>([^<]*)</.exec(
    childPageFor({ childId: CHILD, events, role, today, query: {} }),
  )?.[1];

describe('the child page shows a care leaver as one', () => {
  it('Given a young person who left care E17 on the 18th birthday, When a social worker reads the page in November 2024, Then it says when care ended and that the 19th birthday’s contact is next, not recorded yet', () =>
    expect(careLeaverRow(leftAt18, 'social_worker', '2024-11-28')).toBe(
      'Left care on 22 February 2024 (E17 Aged 18 or over and remained with current carers, including staying put); a care leaver the 903 asks about at 17–21. Next OC3 birthday: 19 on 22 February 2025, contact not recorded yet: it can be recorded from 22 November 2024 to 22 May 2025.',
    ));

  it('Given the contact at 19 recorded, When read in April 2025, Then the 19th’s contact is recorded', () =>
    expect(careLeaverRow([...leftAt18, contactAt19], 'social_worker', '2025-04-01')).toContain(
      'Next OC3 birthday: 19 on 22 February 2025, contact recorded.',
    ));

  it('Given the same young person, When read after the 21st birthday’s window has closed, Then no OC3 birthday is left', () =>
    expect(careLeaverRow(leftAt18, 'social_worker', '2027-06-01')).toContain(
      'No OC3 birthday is left to report on.',
    ));

  it('Given a role that does not see dates of birth, When it reads the page, Then no care leaver line (its birthdays would give the date away)', () => {
    const page = childPageFor({
      childId: CHILD,
      events: leftAt18,
      role: 'reporting_job',
      today: '2024-11-28',
    });
    expect(page).toContain('C100029');
    expect(page).not.toContain('Care leaver</dt>');
  });

  it('Given a young person who went home at 15 after four months in care (none after 16), When read, Then no care leaver line: not a relevant or former relevant child (903 rule 1001)', () => {
    const wentHome = leftAt18.map((e) =>
      e.id === 'p2' ? recorded('p2', 'PeriodOfCareEnded', { effectiveDate: '2021-09-01', reason: 'E4A' }) : e,
    );
    expect(careLeaverRow(wentHome, 'social_worker', '2024-11-28')).toBeUndefined();
  });
});
