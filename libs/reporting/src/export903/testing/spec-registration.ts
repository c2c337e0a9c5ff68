import type { JourneyEvent } from '@care-journey/journey';

type RegistrationData = Extract<JourneyEvent, { type: 'ChildRegistered' }>['data'];

/**
 * What a 903 spec child's registration says, but its childId: the reference, date of birth and day
 * registered the spec chooses (name 'A Child' and sex 1 unless given), and the same demographics
 * for every child, which no row these specs test depends on. Spec-only (testing/ is left out of
 * the production build).
 */
export const specRegistration = (given: {
  childRef: string;
  effectiveDate: string;
  dateOfBirth: string;
  name?: string;
  sex?: RegistrationData['sex'];
}): Omit<RegistrationData, 'childId'> => ({
  effectiveDate: given.effectiveDate,
  childRef: given.childRef,
  name: given.name ?? 'A Child',
  dateOfBirth: given.dateOfBirth,
  sex: given.sex ?? '1',
  ethnicity: 'WBRI',
  upn: 'A123456789012',
  homePostcode: 'CB4 1UW',
  uasc: false,
  relinquishedAtBirth: false,
  team: 't',
  socialWorker: 's',
});
