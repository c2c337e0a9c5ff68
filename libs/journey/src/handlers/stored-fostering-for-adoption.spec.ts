import type { JourneyEvent, PlacementDetails } from '../events';
import { amendEntry } from '../testing/correction-commands';
import { given } from '../testing/decider-specification';
import { CHILD, matched } from '../testing/fixtures';

/**
 * A "placed for adoption" entry recorded with U5 (fostering for adoption) before such entries were
 * refused. Decision: the data team can amend it keeping U5 (to correct its date, carer details…), and
 * every other rule of a placement for adoption holds for the amended entry; a change to another
 * fostering-for-adoption type is refused with the way to record it (retract, then a change of
 * placement); a change to A3–A6 is checked as a placement for adoption.
 */
const u5: PlacementDetails = { placementType: 'U5', provider: 'PR1', postcode: 'LS6 2AB', urn: 'SC123456' };
const placed = (effectiveDate: string, placement: PlacementDetails, sameCarer = false): JourneyEvent => ({
  type: 'PlacedForAdoption',
  data: { childId: CHILD, effectiveDate, placement, sameCarer },
});
// The match is on 2025-01-15 (fixtures' `matched`); the U5 entry is e7.
const storedU5 = [...matched, placed('2025-01-20', u5)];
const U5_ENTRY = `e${matched.length + 1}`;

const refusal = (run: () => unknown): { rule?: string; field?: string; message?: string } => {
  try {
    run();
  } catch (error) {
    return error as { rule: string; field: string; message: string };
  }
  return {};
};

describe('amending a stored U5 "placed for adoption" entry', () => {
  it('Given a stored U5 entry, When its placement postcode is corrected keeping U5, Then the amendment is accepted', () =>
    expect(
      given(storedU5)
        .when(amendEntry(U5_ENTRY, { placement: { ...u5, postcode: 'LS6 3CD' } }, 'Postcode typed wrong'))
        .events(),
    ).toEqual([
      expect.objectContaining({
        type: 'EntryAmended',
        data: expect.objectContaining({
          correctedEventId: U5_ENTRY,
          amendedData: { placement: { ...u5, postcode: 'LS6 3CD' } },
        }),
      }),
    ]));

  it('Given a stored U5 entry, When its date is corrected to a later day, Then the amendment is accepted', () =>
    expect(
      given(storedU5)
        .when(amendEntry(U5_ENTRY, { effectiveDate: '2025-01-22' }))
        .events(),
    ).toEqual([expect.objectContaining({ type: 'EntryAmended' })]));

  it('Given a stored U5 entry, When its date is moved before the match, Then it is refused: the other rules of the entry still hold', () =>
    given(storedU5)
      .when(amendEntry(U5_ENTRY, { effectiveDate: '2025-01-10' }))
      .thenThrows('placed-for-adoption-needs-match', 'amendedData.effectiveDate'));

  it('Given a stored U5 entry, When its provider is removed keeping U5, Then it is refused on the provider', () =>
    given(storedU5)
      .when(amendEntry(U5_ENTRY, { placement: { placementType: 'U5', postcode: 'LS6 2AB' } }))
      .thenThrows('provider-required', 'amendedData.placement.provider'));

  it('Given a stored U5 entry, When it is amended to U2, Then it is refused naming the type and the rule, with the way to record fostering for adoption', () => {
    const error = refusal(() =>
      given(storedU5)
        .when(amendEntry(U5_ENTRY, { placement: { ...u5, placementType: 'U2' } }))
        .events(),
    );
    expect(error).toMatchObject({
      rule: 'fostering-for-adoption-is-a-placement-change',
      field: 'amendedData.placement.placementType',
    });
    expect(error.message).toContain(
      'This placement for adoption cannot be corrected like this: amendedData.placement.placementType U2',
    );
    expect(error.message).toContain('may keep U5 while its other fields are corrected');
    // The web's words (Withdraw, Placement change), never the API's command names or the entry's id.
    expect(error.message).toContain('withdraw this entry and record a placement change.');
    expect(error.message).not.toMatch(/API|RetractEntry|ChangePlacement|rule |[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('Given a stored A6 entry, When it is amended to U5, Then it is refused: only a stored U2/U5 may keep its type', () =>
    given([...matched, placed('2025-01-20', { ...u5, placementType: 'A6', provider: 'PR2' })])
      .when(amendEntry(U5_ENTRY, { placement: { ...u5, placementType: 'U5' } }))
      .thenThrows('fostering-for-adoption-is-a-placement-change', 'amendedData.placement.placementType'));

  it('Given a stored U5 entry, When it is amended to A5 with the same carer, Then it is accepted (checked as a placement for adoption)', () =>
    expect(
      given(storedU5)
        .when(amendEntry(U5_ENTRY, { placement: { ...u5, placementType: 'A5' }, sameCarer: true }))
        .events(),
    ).toEqual([expect.objectContaining({ type: 'EntryAmended' })]));
});
