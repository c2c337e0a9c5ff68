/**
 * Independent and semi-independent living and supported accommodation (national-definitions.md
 * §1.3 PLACE; 903 rules 370 and 371): P2, H5 and K3 are for ages 16+ from the 2023/24 rules, and
 * the 2022/23 rules asked 15 for P2 and 14 for H5 (invariants/placement-age.ts). Checked on every
 * path a placement begins: start of care, a move, the return from a temporary placement.
 */
import type { EndTemporaryPlacement, StartPeriodOfCare } from '../commands';
import type { JourneyEvent, PlacementDetails } from '../events';
import { amendEntry } from '../testing/correction-commands';
import { given } from '../testing/decider-specification';
import { episodeCommands } from '../testing/episode-commands';
import { CHILD, careStarted, meta, placementChanged, registered } from '../testing/fixtures';

const bornOn = (dateOfBirth: string, effectiveDate: string): JourneyEvent =>
  ({
    ...registered,
    data: { ...(registered.data as object), dateOfBirth, effectiveDate },
  }) as JourneyEvent;

const semiIndependent: PlacementDetails = {
  placementType: 'H5',
  provider: 'PR4',
  postcode: 'CB4 1UW',
  urn: '2771234',
};
const independent: PlacementDetails = { placementType: 'P2', provider: 'PR4', postcode: 'CB1 2GF' };
const supported: PlacementDetails = { ...semiIndependent, placementType: 'K3' };

const { move, back } = episodeCommands();
const start = (effectiveDate: string, placement: PlacementDetails): StartPeriodOfCare => ({
  type: 'StartPeriodOfCare',
  childId: CHILD,
  effectiveDate,
  legalStatus: 'V2',
  categoryOfNeed: 'N4',
  placement,
  ...meta(),
});
const moved = (date: string, placement: PlacementDetails): JourneyEvent[] => [
  placementChanged(date, placement),
];

// Born 2007-06-20: 16 on 2023-06-20, inside 2023/24 and before P2 ends (28 October 2023).
const sixteenIn2023 = [bornOn('2007-06-20', '2023-01-01'), careStarted('2023-01-10')];

describe('H5 and P2 from 2023/24: ages 16+ (903 rules 371 and 370)', () => {
  it('Given a child in foster care, When they move to H5 the day before the 16th birthday, Then it is refused naming the placement type and the rule', () =>
    given(sixteenIn2023)
      .when(move('2023-06-19', semiIndependent))
      .thenThrows('h5-under-16', 'placement.placementType'));
  it('Given the same child, When they move to H5 on the 16th birthday, Then it is recorded', () =>
    given(sixteenIn2023)
      .when(move('2023-06-20', semiIndependent))
      .then(moved('2023-06-20', semiIndependent)));
  it('Given a child in foster care, When they move to P2 the day before the 16th birthday, Then it is refused', () =>
    given(sixteenIn2023)
      .when(move('2023-06-19', independent))
      .thenThrows('p2-under-16', 'placement.placementType'));
  it('Given the same child, When they move to P2 on the 16th birthday, Then it is recorded', () =>
    given(sixteenIn2023).when(move('2023-06-20', independent)).then(moved('2023-06-20', independent)));
  it('Given a 15-year-old, When care starts in H5, Then it is refused', () =>
    given([bornOn('2007-06-20', '2023-01-01')])
      .when(start('2023-06-19', semiIndependent))
      .thenThrows('h5-under-16', 'placement.placementType'));
  it('Given the refusal, Then its message names the setting, the age asked, the rule and the child’s age', () => {
    let message = '';
    try {
      given(sixteenIn2023).when(move('2023-06-19', semiIndependent)).events();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'H5 semi-independent living is for ages 16+ (903 rule 371): the child is 15 on 2023-06-19.',
    );
  });
});

describe('H5 and P2 before 2023/24: the 2022/23 rules (H5 14+, P2 15+)', () => {
  // Born 2008-06-20: 14 on 2022-06-20, 15 on 2023-06-20 (too late for 2022/23: P2 at 15 uses another child).
  const fourteenIn2022 = [bornOn('2008-06-20', '2022-01-01'), careStarted('2022-01-10')];
  const fifteenIn2022 = [bornOn('2007-06-20', '2022-01-01'), careStarted('2022-01-10')];
  it('Given a child in foster care, When they move to H5 the day before the 14th birthday, Then it is refused', () =>
    given(fourteenIn2022)
      .when(move('2022-06-19', semiIndependent))
      .thenThrows('h5-under-14', 'placement.placementType'));
  it('Given the same child, When they move to H5 on the 14th birthday, Then it is recorded', () =>
    given(fourteenIn2022)
      .when(move('2022-06-20', semiIndependent))
      .then(moved('2022-06-20', semiIndependent)));
  it('Given a child of 14, When they move to P2 the day before the 15th birthday, Then it is refused', () =>
    given(fifteenIn2022)
      .when(move('2022-06-19', independent))
      .thenThrows('p2-under-15', 'placement.placementType'));
  it('Given the same child, When they move to P2 on the 15th birthday, Then it is recorded', () =>
    given(fifteenIn2022).when(move('2022-06-20', independent)).then(moved('2022-06-20', independent)));
  it('Given a child of 15 on 1 April 2023, When they move to H5 that day, Then the 2023/24 age applies', () =>
    given([bornOn('2007-06-20', '2022-01-01'), careStarted('2022-01-10')])
      .when(move('2023-04-01', semiIndependent))
      .thenThrows('h5-under-16', 'placement.placementType'));
});

describe('The return from a temporary placement begins the usual placement again: the same ages', () => {
  // Born 2009-04-02: 16 on 2025-04-02. In H5 from January 2025 at 15, as history recorded before
  // the age rule (the reviewer's case, s17 F3); H5 is withdrawn from 1 April 2025 (K3 replaces it).
  const inH5At15 = [
    bornOn('2009-04-02', '2024-01-01'),
    careStarted('2024-06-01'),
    placementChanged('2025-01-10', semiIndependent),
    {
      type: 'TemporaryPlacementStarted',
      data: { childId: CHILD, effectiveDate: '2025-03-25', placementType: 'T1' },
    },
  ] as JourneyEvent[];
  const backAs = (date: string, reRecordedAs: string): EndTemporaryPlacement => ({
    ...back(date),
    reRecordedAs,
  });
  it('Given a 15-year-old in hospital from H5, When they go back re-recorded as K3 before the 16th birthday, Then it is refused on reRecordedAs', () =>
    given(inH5At15).when(backAs('2025-04-01', 'K3')).thenThrows('k3-under-16', 'reRecordedAs'));
  it('Given the same child, When they go back re-recorded as K3 on the 16th birthday, Then it is recorded', () =>
    given(inH5At15)
      .when(backAs('2025-04-02', 'K3'))
      .then([
        {
          type: 'TemporaryPlacementEnded',
          data: { childId: CHILD, effectiveDate: '2025-04-02', reRecordedAs: 'K3' },
        },
      ]));
  it('Given the same child, When they go back to H5 itself before 1 April 2025, at 15, Then it is refused on the date', () =>
    given(inH5At15).when(back('2025-03-30')).thenThrows('h5-under-16', 'effectiveDate'));
  it('Given a 16-year-old in hospital from K3, When they go back, Then it is recorded', () =>
    given([
      bornOn('2008-05-01', '2024-01-01'),
      careStarted('2024-06-01', 'V2', supported),
      {
        type: 'TemporaryPlacementStarted',
        data: { childId: CHILD, effectiveDate: '2024-07-01', placementType: 'T1' },
      },
    ] as JourneyEvent[])
      .when(back('2024-07-05'))
      .then([{ type: 'TemporaryPlacementEnded', data: { childId: CHILD, effectiveDate: '2024-07-05' } }]));
});

describe('A placement as a 903 return holds it (asReturned, the import alone): kept under the minimum age', () => {
  // s17 diff review F3: the DfE validator tests K3 alone from 2024/25, so an accepted return may
  // hold an H5 begun at 15; the import keeps it and reports rule 371, a worker's command is refused.
  it('Given a 15-year-old in foster care, When a move to H5 comes asReturned, Then it is recorded without the flag', () =>
    given(sixteenIn2023)
      .when({ ...move('2023-06-19', semiIndependent), asReturned: true })
      .then(moved('2023-06-19', semiIndependent)));
  it('Given a 15-year-old, When care starts in P2 asReturned, Then it is recorded without the flag', () => {
    const { asReturned: _flag, ...command } = {
      ...start('2023-06-19', independent),
      asReturned: true as const,
    };
    const { type: _type, now: _now, recordedBy: _by, ...data } = command;
    return given([bornOn('2007-06-20', '2023-01-01')])
      .when({ ...command, asReturned: true })
      .then([{ type: 'PeriodOfCareStarted', data }]);
  });
  it('Given the same move asReturned, When its placement breaks another rule (an H5 with no URN), Then that rule still refuses it', () =>
    given(sixteenIn2023)
      .when({ ...move('2023-11-01', { ...semiIndependent, urn: undefined }), asReturned: true })
      .thenThrows('supported-accommodation-urn-required', 'placement.urn'));
  it('Given an H5 at 15 kept from a return, When a worker corrects its postcode, Then the correction is taken: the kept placement does not block the child’s later corrections', () =>
    given([...sixteenIn2023, placementChanged('2023-06-19', semiIndependent)])
      .when(amendEntry('e3', { placement: { ...semiIndependent, postcode: 'CB4 1UX' } }, 'postcode mistyped'))
      .then([
        {
          type: 'EntryAmended',
          data: {
            childId: CHILD,
            effectiveDate: '2023-06-19',
            correctedEventId: 'e3',
            reason: 'postcode mistyped',
            amendedData: { placement: { ...semiIndependent, postcode: 'CB4 1UX' } },
          },
        },
      ]));
});
