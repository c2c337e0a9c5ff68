import { amendedDataErrors } from './corrections.amended-data';

const rulesBroken = (type: Parameters<typeof amendedDataErrors>[0], data: object) =>
  amendedDataErrors(type, data).map(({ field, rule }) => `${field} ${rule}`);

describe('amendedDataErrors: an amendment keeps the corrected entry’s own field rules', () => {
  it('Given the fields it changes, valid for the entry, Then there is no error (partial amendments)', () => {
    expect(rulesBroken('StatutoryReviewHeld', { participation: 'PN2' })).toEqual([]);
    expect(rulesBroken('StatutoryReviewHeld', { effectiveDate: '2024-06-06', participation: 'PN2' })).toEqual(
      [],
    );
    expect(rulesBroken('ChildRegistered', { childRef: 'ACC0008' })).toEqual([]);
    expect(rulesBroken('StatutoryReviewHeld', {})).toEqual([]);
  });

  it('Given a field the entry does not hold, Then it is refused by name', () => {
    expect(rulesBroken('StatutoryReviewHeld', { participation: 'PN1', notes: 'x', bogus: 'y' })).toEqual([
      'amendedData.notes whitelistValidation',
      'amendedData.bogus whitelistValidation',
    ]);
    expect(rulesBroken('StatutoryReviewHeld', { childRef: 'ACC0008' })).toEqual([
      'amendedData.childRef whitelistValidation',
    ]);
  });

  it('Given a field named like an inherited member (toString, hasOwnProperty), Then it is refused by name too', () => {
    expect(rulesBroken('ChildRegistered', { hasOwnProperty: 'y', toString: 'z' })).toEqual([
      'amendedData.hasOwnProperty whitelistValidation',
      'amendedData.toString whitelistValidation',
    ]);
    expect(rulesBroken('PlacementChanged', { placement: { placementType: 'U6', valueOf: 'x' } })).toEqual([
      'amendedData.placement.valueOf whitelistValidation',
    ]);
  });

  it('Given a bad code or date, Then the route’s rule for it is broken (400, not 422)', () => {
    expect(rulesBroken('StatutoryReviewHeld', { participation: 'PN9' })).toEqual([
      'amendedData.participation isIn',
    ]);
    expect(rulesBroken('StatutoryReviewHeld', { effectiveDate: '2025-02-30' })).toEqual([
      'amendedData.effectiveDate isCalendarDate',
    ]);
  });

  it('Given text longer than the route takes, Then it is refused', () =>
    expect(rulesBroken('ChildRegistered', { childRef: 'ACC00080000001', team: 'x'.repeat(5000) })).toEqual([
      'amendedData.childRef maxLength',
      'amendedData.team maxLength',
    ]));

  it('Given a required field sent empty or null, Then it is required, even though it could be left out', () => {
    // An empty reference also breaks the CHILD format (s6-dates' rule): both are named.
    expect(rulesBroken('ChildRegistered', { childRef: '' })).toEqual([
      'amendedData.childRef isNotEmpty',
      'amendedData.childRef matches',
    ]);
    expect(rulesBroken('StatutoryReviewHeld', { participation: null })).toEqual([
      'amendedData.participation isDefined',
    ]);
  });

  it('Given a nested placement, Then it is checked whole, by dotted path', () =>
    expect(
      rulesBroken('PlacementChanged', { placement: { placementType: 'U6', provider: 'PR9', colour: 'red' } }),
    ).toEqual(['amendedData.placement.colour whitelistValidation', 'amendedData.placement.provider isIn']));

  it('Given the adoption order, Then its fields are those of its route but `application` (which is not stored on it)', () => {
    expect(rulesBroken('AdoptionOrderGranted', { adopterSex: 'MF', numberOfAdopters: 2 })).toEqual([]);
    expect(rulesBroken('AdoptionOrderGranted', { application: 'unopposed' })).toEqual([
      'amendedData.application whitelistValidation',
    ]);
  });

  it('Given a stored U5 "placed for adoption", When its placement is amended keeping U5, Then the type passes here (the domain checks it is the stored one); other codes do not', () => {
    const placement = { placementType: 'U5', provider: 'PR1', postcode: 'LS6 2AB' };
    expect(rulesBroken('PlacedForAdoption', { placement })).toEqual([]);
    expect(rulesBroken('PlacedForAdoption', { placement: { ...placement, placementType: 'A6' } })).toEqual(
      [],
    );
    expect(rulesBroken('PlacedForAdoption', { placement: { ...placement, placementType: 'U4' } })).toEqual([
      'amendedData.placement.placementType isIn',
    ]);
  });

  it('Given the child id, Then it is left to the domain (which refuses any other child’s)', () =>
    expect(rulesBroken('StatutoryReviewHeld', { childId: 'c-7f3a', participation: 'PN1' })).toEqual([]));

  it('Given a correction as the entry, Then there are no rules here (the decider refuses to amend it)', () =>
    expect(rulesBroken('EntryAmended', { anything: 1 })).toEqual([]));
});
