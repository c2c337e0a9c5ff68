/**
 * Weighted code mixes for the synthetic authority, from national figures
 * (shared/domain/national-definitions.md §6 and the synthesizer defaults in §5).
 * Weights are relative; where the national figure is not known the weight is our guess, said so.
 */
type Mix<T> = readonly (readonly [T, number])[];

/** Age band at entry: under 1 ≈15%, 1–4 15%, 5–9 15%, 10–15 26%, 16+ 29% (starts 2024, E9). */
export const AGE_AT_ENTRY: Mix<'under1' | '1-4' | '5-9' | '10-15' | '16+'> = [
  ['under1', 15],
  ['1-4', 15],
  ['5-9', 15],
  ['10-15', 26],
  ['16+', 29],
];

/** Ethnicity of children looked after (our guess at a shire county's mix, mostly WBRI). */
export const ETHNICITY: Mix<string> = [
  ['WBRI', 68],
  ['WIRI', 0.5],
  ['WOTH', 5],
  ['WIRT', 0.7],
  ['WROM', 0.8],
  ['MWBC', 3],
  ['MWBA', 1],
  ['MWAS', 1.5],
  ['MOTH', 3],
  ['AIND', 1],
  ['APKN', 1],
  ['ABAN', 0.5],
  ['AOTH', 2],
  ['BCRB', 1],
  ['BAFR', 3],
  ['BOTH', 1],
  ['CHNE', 0.3],
  ['OOTH', 3],
  ['REFU', 0.2],
  ['NOBT', 0.3],
];

/** Unaccompanied asylum-seeking children: mostly Afghan, Eritrean, Sudanese, Kurdish boys. */
export const UASC_ETHNICITY: Mix<string> = [
  ['AOTH', 40],
  ['BAFR', 35],
  ['OOTH', 20],
  ['WOTH', 5],
];

/** Category of need (N1 abuse or neglect dominates nationally). */
export const CATEGORY_OF_NEED: Mix<string> = [
  ['N1', 62],
  ['N2', 3],
  ['N3', 3],
  ['N4', 8],
  ['N5', 13],
  ['N6', 2],
  ['N7', 0.5],
  ['N8', 8.5],
];

/** Reason for placement change with a new carer: E8 2024 mix without PLACE (which means same carer). */
export const REASON_FOR_NEW_CARER: Mix<string> = [
  ['CARPL', 31],
  ['OTHER', 22],
  ['CREQB', 8],
  ['CREQO', 6],
  ['CHILD', 3],
  ['LAREQ', 1],
  ['STAND', 1],
  ['CLOSE', 1],
  ['ALLEG', 1],
  ['APPRR', 0.4],
  ['CUSTOD', 0.3],
];

/** Review participation of a child aged 4 or over (PN0 is only for under-4s). */
export const REVIEW_PARTICIPATION: Mix<string> = [
  ['PN1', 58],
  ['PN2', 5],
  ['PN3', 3],
  ['PN4', 2],
  ['PN5', 10],
  ['PN6', 14],
  ['PN7', 8],
];

/** Adopters: couples mostly (sex code, legal status code). */
export const ADOPTERS: Mix<{ numberOfAdopters: 1 | 2; adopterSex: string; adopterLegalStatus: string }> = [
  [{ numberOfAdopters: 2, adopterSex: 'MF', adopterLegalStatus: 'L11' }, 62],
  [{ numberOfAdopters: 2, adopterSex: 'MF', adopterLegalStatus: 'L3' }, 10],
  [{ numberOfAdopters: 2, adopterSex: 'MM', adopterLegalStatus: 'L12' }, 4],
  [{ numberOfAdopters: 2, adopterSex: 'FF', adopterLegalStatus: 'L2' }, 4],
  [{ numberOfAdopters: 2, adopterSex: 'FF', adopterLegalStatus: 'L4' }, 2],
  [{ numberOfAdopters: 1, adopterSex: 'F1', adopterLegalStatus: 'L0' }, 15],
  [{ numberOfAdopters: 1, adopterSex: 'M1', adopterLegalStatus: 'L0' }, 3],
];
