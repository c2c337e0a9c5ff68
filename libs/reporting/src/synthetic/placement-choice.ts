/**
 * Which kind of placement a child goes to, by age and situation. Nationally ~73% of children are
 * fostered (18% of them with family or friends), ~10% in children's homes, ~5% with parents,
 * ~5% placed for adoption, the rest supported accommodation, schools and others (§6).
 */
import { SUPPORTED_ACCOMMODATION_REGISTERED_FROM } from '@care-journey/journey';
import type { Random } from './prng';

export interface PlacementSituation {
  age: number;
  legalStatus: string;
  uasc: boolean;
  /** Children on an adoption route stay in foster care until placed with adopters (903 rule 336). */
  fosterOnly: boolean;
  atEntry: boolean;
}

type Mix = readonly (readonly [string, number])[];

function mixFor(s: PlacementSituation): Mix {
  if (s.fosterOnly)
    return [
      ['U6', 70],
      ['U3', 22],
      ['U5', 8],
    ];
  if (s.legalStatus === 'J1')
    return [
      ['K2', 55],
      ['U6', 35],
      ['K1', 10],
    ];
  if (s.uasc)
    return s.age >= 16
      ? [
          ['H5', 55],
          ['U6', 35],
          ['K2', 10],
        ]
      : [
          ['U6', 80],
          ['K2', 20],
        ];
  // Placement with parents under section 20 is not possible (903 rule 378).
  const withParents = s.legalStatus === 'V2' ? 0 : 1;
  if (s.age < 1)
    return [
      ['U6', 68],
      ['U3', 20],
      ['R3', s.atEntry ? 7 : 0],
      ['P1', 5 * withParents],
    ];
  if (s.age < 10)
    return [
      ['U6', 62],
      ['U3', 20],
      ['U4', s.atEntry ? 0 : 6],
      ['K2', s.age >= 8 ? 4 : 0],
      ['P1', 6 * withParents],
    ];
  if (s.age < 16) {
    return [
      ['U6', 48],
      ['U3', 12],
      ['U4', s.atEntry ? 0 : 8],
      ['K2', 22],
      ['K1', 1],
      ['S1', 3],
      ['P1', 4 * withParents],
    ];
  }
  return [
    ['U6', 32],
    ['U3', 8],
    ['U4', s.atEntry ? 0 : 4],
    ['K2', 15],
    ['H5', 34],
    ['P2', 5],
    ['P1', 2 * withParents],
  ];
}

export const choosePlacementType = (random: Random, s: PlacementSituation): string =>
  random.weighted(mixFor(s));

/**
 * H5 (semi-independent) and P2 (independent living) leave the 903 code list on 1 April 2025 and are
 * replaced by K3 (supported accommodation, 16+). Earlier placements keep H5: the 2024/25 validator
 * still mishandles K3 (it lists the code in lower case). P2 is no placement from 28 October 2023
 * (903 rule 217t): registered semi-independent accommodation (H5, with its URN) instead.
 */
export const placementTypeOn = (type: string, date: string): string => {
  // From 31 March: a placement begun that day cannot be re-recorded as K3 before 1 April (one
  // episode a day), so it would reach the 2025/26 return as H5; it is recorded as K3 at once.
  if ((type === 'H5' || type === 'P2') && date >= '2025-03-31') return 'K3';
  return type === 'P2' && date >= SUPPORTED_ACCOMMODATION_REGISTERED_FROM ? 'H5' : type;
};

/** Same carer, new status: short-term foster carers become long-term ones (903 reason PLACE, RNE T). */
export const SAME_CARER_CHANGE: Readonly<Record<string, string>> = { U6: 'U4', U3: 'U1', U5: 'U4' };
