/**
 * Test helper: a child's journey with the placement details the authority measures read
 * (provider, postcode, home postcode), written on top of the projections' journey builder.
 */
import type { PlacementDetails } from '@care-journey/journey';
import { JourneyBuilder } from '../../testing/journey-builder';
import { authorityInputFromStream, type AuthorityChildInput } from '../placement-details';

export const placed = (placementType: string, provider?: string, postcode?: string): PlacementDetails => ({
  placementType,
  ...(provider && { provider }),
  ...(postcode && { postcode }),
});

export class AuthorityJourney extends JourneyBuilder {
  child(date: string, options: { dateOfBirth?: string; homePostcode?: string } = {}): this {
    return this.add('ChildRegistered', {
      effectiveDate: date,
      childRef: `REF-${this.childId}`,
      name: `Child ${this.childId}`,
      dateOfBirth: options.dateOfBirth ?? '2015-06-01',
      sex: '2',
      ethnicity: 'WBRI',
      upn: 'UN1',
      homePostcode: options.homePostcode,
      uasc: false,
      relinquishedAtBirth: false,
      team: 'North',
      socialWorker: 'sw-1',
    });
  }

  startsIn(date: string, placement: PlacementDetails, legalStatus = 'C2'): this {
    return this.add('PeriodOfCareStarted', {
      effectiveDate: date,
      legalStatus,
      categoryOfNeed: 'N1',
      placement,
    });
  }

  movesTo(date: string, placement: PlacementDetails, sameCarer = false): this {
    return this.add('PlacementChanged', {
      effectiveDate: date,
      placement,
      reasonForChange: sameCarer ? 'PLACE' : 'CARPL',
      sameCarer,
    });
  }

  input(): AuthorityChildInput {
    return authorityInputFromStream(this.childId, this.events);
  }
}

export const child = (childId: string): AuthorityJourney => new AuthorityJourney(childId);
