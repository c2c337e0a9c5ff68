/** Groups of placement and other codes that the rules treat alike. */

export const TEMPORARY_PLACEMENTS = ['T0', 'T1', 'T2', 'T3', 'T4'] as const;
export const FOSTER_PLACEMENTS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'] as const;
export const ADOPTION_PLACEMENTS = ['A3', 'A4', 'A5', 'A6'] as const;
/** Placed for adoption with the child's current foster carer(s). */
export const ADOPTION_WITH_CURRENT_FOSTER_CARER = ['A3', 'A5'] as const;
/** Fostering for adoption / concurrent planning carers. */
export const FOSTERING_FOR_ADOPTION = ['U2', 'U5'] as const;
export const OTHER_PLACEMENTS = ['Z1', 'Z11', 'Z12', 'Z13', 'Z14'] as const;
export const SHORT_BREAK_LEGAL_STATUSES = ['V3', 'V4'] as const;
export const YOUTH_JUSTICE_LEGAL_STATUSES = ['J1', 'J2', 'J3'] as const;
export const ADOPTION_ENDINGS = ['E11', 'E12'] as const;
/** Special guardianship to former foster carer(s): needs a U1–U6 placement (V 516). */
export const SGO_TO_FORMER_FOSTER_CARER = ['E45', 'E46'] as const;

const isIn =
  (codes: readonly string[]) =>
  (code: string | undefined): boolean =>
    code !== undefined && codes.includes(code);

export const isTemporaryPlacement = isIn(TEMPORARY_PLACEMENTS);
export const isFosterPlacement = isIn(FOSTER_PLACEMENTS);
export const isAdoptionPlacement = isIn(ADOPTION_PLACEMENTS);
export const isOtherPlacement = isIn(OTHER_PLACEMENTS);
export const isShortBreak = isIn(SHORT_BREAK_LEGAL_STATUSES);
export const isYouthJustice = isIn(YOUTH_JUSTICE_LEGAL_STATUSES);

/** No provider is recorded for temporary (T0–T4) or other (Z) placements. */
export const placementTakesNoProvider = (placementType: string): boolean =>
  isTemporaryPlacement(placementType) || isOtherPlacement(placementType);
