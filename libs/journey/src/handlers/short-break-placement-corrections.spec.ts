import { amendEntry, retractEntry } from '../testing/correction-commands';
import type { AmendEntry, RetractEntry } from '../commands';
import { DomainRuleViolation } from '../errors';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { episodeCommands } from '../testing/episode-commands';
import {
  careStarted,
  fosterU4,
  fosterU6,
  legalStatusChanged,
  placementChanged,
  registered,
  step,
} from '../testing/fixtures';

/**
 * 903 rule 384 (a child on short breaks, V3/V4, is never in a long-term foster placement, U1/U4)
 * holds through corrections: an amendment or retraction that would put a V3/V4 status inside a
 * U1/U4 placement is refused by the replay of the amended journey, naming the field sent and
 * telling the other entry, if it is another that breaks, in words (no field name of that entry).
 */
const RULE = 'short-break-not-long-term-foster';
const refusal = (events: JourneyEvent[], command: AmendEntry | RetractEntry): DomainRuleViolation => {
  try {
    given(events).when(command).events();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};
const temporaryStarted = (date: string): JourneyEvent => ({
  type: 'TemporaryPlacementStarted',
  data: { childId: registered.data.childId, effectiveDate: date, placementType: 'T1' },
});

describe('rule 384 through corrections: V3/V4 never inside a U1/U4 placement', () => {
  // e1 registered; e2 care starts 2024-05-10 under s20 (V2) with a short-term foster carer (U6).
  const underS20 = [registered, careStarted('2024-05-10', 'V2')];

  it('Given s20 care then a long-term foster placement (U4) from 2024-05-12, When the start of care’s legal status is amended to V3, Then it is refused on amendedData.legalStatus, the placement change told in words', () => {
    const events = [...underS20, placementChanged('2024-05-12', fosterU4)];
    given(events)
      .when(amendEntry('e2', { legalStatus: 'V3' }))
      .thenThrows(RULE, 'amendedData.legalStatus');
    const error = refusal(events, amendEntry('e2', { legalStatus: 'V3' }));
    expect(error.message).toBe(
      'The start of care on 10 May 2024 cannot be corrected like this: with amendedData.legalStatus "V3", the placement type U4 of the placement change on 12 May 2024 would then be a long-term foster placement for a child on short breaks (V3), which 903 validation rule 384 refuses. Check the answer, or first correct or withdraw the placement change on 12 May 2024.',
    );
  });

  it('Given a U4 placement and a later change to s20 (V2), When that change is amended to V4, Then it is refused on amendedData.legalStatus by the rule itself', () => {
    const events = [
      ...underS20,
      placementChanged('2024-05-12', fosterU4),
      legalStatusChanged('2024-06-01', 'C2'),
    ];
    given(events)
      .when(amendEntry('e4', { legalStatus: 'V4' }))
      .thenThrows(RULE, 'amendedData.legalStatus');
    expect(refusal(events, amendEntry('e4', { legalStatus: 'V4' })).message).toBe(
      'The legal status change on 1 June 2024 cannot be corrected like this: legalStatus V4 is a short break for a child placed in long-term foster care (U4), which 903 validation rule 384 refuses.',
    );
  });

  it('Given a short-term placement (U6) and a later change to V3, When that placement’s type is amended to U4 (the placement sent whole, as the form does), Then it is refused on amendedData.placement.placementType, the change of legal status told in words', () => {
    const events = [
      ...underS20,
      placementChanged('2024-05-12', fosterU6),
      legalStatusChanged('2024-05-20', 'V3'),
    ];
    const toU4 = amendEntry('e3', { placement: { ...fosterU6, placementType: 'U4' } });
    given(events).when(toU4).thenThrows(RULE, 'amendedData.placement.placementType');
    const error = refusal(events, toU4);
    expect(error.message).toBe(
      'The placement change on 12 May 2024 cannot be corrected like this: with amendedData.placement.placementType "U4", the legal status V3 of the legal status change on 20 May 2024 would then be a short break for a child placed in long-term foster care (U4), which 903 validation rule 384 refuses. Check the answer, or first correct or withdraw the legal status change on 20 May 2024.',
    );
  });

  it('Given the same, When the placement is amended to U4 with a new postcode too, Then the refusal still names the placement type, the part that alone breaks the rule', () => {
    const events = [
      ...underS20,
      placementChanged('2024-05-12', fosterU6),
      legalStatusChanged('2024-05-20', 'V3'),
    ];
    given(events)
      .when(amendEntry('e3', { placement: { ...fosterU6, placementType: 'U4', postcode: 'LS1 4AB' } }))
      .thenThrows(RULE, 'amendedData.placement.placementType');
  });

  it('Given short breaks (V4) then a care order on 2024-05-20 and a U4 placement on 2024-05-25, When the order’s date is amended to after the placement, Then it is refused on amendedData.effectiveDate', () => {
    const events = [
      registered,
      careStarted('2024-05-10', 'V4'),
      legalStatusChanged('2024-05-20', 'C2'),
      placementChanged('2024-05-25', fosterU4),
    ];
    given(events)
      .when(amendEntry('e3', { effectiveDate: '2024-05-28' }))
      .thenThrows(RULE, 'amendedData.effectiveDate');
  });

  it('Given the same, When the care order is retracted, Then it is refused with no field, the placement change told in words', () => {
    const events = [
      registered,
      careStarted('2024-05-10', 'V4'),
      legalStatusChanged('2024-05-20', 'C2'),
      placementChanged('2024-05-25', fosterU4),
    ];
    const error = refusal(events, retractEntry('e3'));
    expect(error).toMatchObject({ rule: RULE, field: undefined });
    expect(error.message).toContain(
      'the placement type U4 of the placement change on 25 May 2024 would then be',
    );
    expect(error.message).not.toMatch(/placement\.placementType|legalStatus/);
  });

  it('Given a U4 placement, a temporary placement (T1) from 2024-05-15 and a change to C2 during it, When that change is amended to V3, Then it is refused (the child goes back to the U4 on short breaks)', () =>
    given([
      registered,
      careStarted('2024-05-10', 'V2', fosterU4),
      temporaryStarted('2024-05-15'),
      legalStatusChanged('2024-05-16', 'C2'),
      step('TemporaryPlacementEnded', '2024-05-20'),
    ])
      .when(amendEntry('e4', { legalStatus: 'V3' }))
      .thenThrows(RULE, 'amendedData.legalStatus'));

  it('Given a U6 placement and a later change to C2, When that change is amended to V3, Then it is recorded (short breaks in a short-term foster placement)', () =>
    expect(
      given([...underS20, legalStatusChanged('2024-05-20', 'C2')])
        .when(amendEntry('e3', { legalStatus: 'V3' }))
        .events(),
    ).toEqual([expect.objectContaining({ type: 'EntryAmended' })]));
});

describe('short breaks starting during a temporary placement', () => {
  const toV3 = episodeCommands({ legalStatus: 'V3' }).legalStatus('2024-05-16');

  it('Given a U4 placement and a temporary placement open, When the legal status changes to V3, Then it is refused by rule 384 on legalStatus (the usual placement is long-term fostering)', () =>
    given([registered, careStarted('2024-05-10', 'V2', fosterU4), temporaryStarted('2024-05-15')])
      .when(toV3)
      .thenThrows(RULE, 'legalStatus'));

  it('Given a U6 placement and a temporary placement open, When the legal status changes to V3, Then it is refused on legalStatus: no temporary placement on short breaks', () =>
    given([registered, careStarted('2024-05-10', 'V2'), temporaryStarted('2024-05-15')])
      .when(toV3)
      .thenThrows('no-temporary-placement-for-short-breaks', 'legalStatus'));
});
