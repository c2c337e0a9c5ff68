/**
 * The 903 CSV tables: exact header rows (the DfE validator recognises a file by its column set,
 * lac_validator config.py) and the conventional file names its fixtures and CLI use.
 */

/** The outcome items of OC2 (health, children looked after 12+ months) and OC3 (care leavers). */
export const OC2_ITEMS = [
  'SDQ_SCORE',
  'SDQ_REASON',
  'CONVICTED',
  'HEALTH_CHECK',
  'IMMUNISATIONS',
  'TEETH_CHECK',
  'HEALTH_ASSESSMENT',
  'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED',
  'INTERVENTION_OFFERED',
] as const;
export const OC3_ITEMS = ['IN_TOUCH', 'ACTIV', 'ACCOM'] as const;

export const TABLES = {
  Header: { file: 'header.csv', columns: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'] },
  Episodes: {
    file: 'episodes.csv',
    columns: [
      'CHILD',
      'DECOM',
      'RNE',
      'LS',
      'CIN',
      'PLACE',
      'PLACE_PROVIDER',
      'DEC',
      'REC',
      'REASON_PLACE_CHANGE',
      'HOME_POST',
      'PL_POST',
      'URN',
    ],
  },
  Reviews: { file: 'reviews.csv', columns: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'] },
  UASC: { file: 'uasc.csv', columns: ['CHILD', 'SEX', 'DOB', 'DUC'] },
  AD1: {
    file: 'ad1.csv',
    columns: [
      'CHILD',
      'DOB',
      'DATE_INT',
      'DATE_MATCH',
      'FOSTER_CARE',
      'NB_ADOPTR',
      'SEX_ADOPTR',
      'LS_ADOPTR',
    ],
  },
  PlacedAdoption: {
    file: 'placed_for_adoption.csv',
    columns: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  },
  PrevPerm: {
    file: 'previous_permanence.csv',
    columns: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  },
  Missing: { file: 'missing.csv', columns: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'] },
  OC2: {
    file: 'oc2.csv',
    columns: ['CHILD', 'DOB', ...OC2_ITEMS],
  },
  OC3: { file: 'oc3.csv', columns: ['CHILD', 'DOB', ...OC3_ITEMS] },
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** One CSV row: column → value ('' = blank). */
export type Row = Record<string, string>;
export type Return903 = Record<TableName, Row[]>;

export const emptyReturn = (): Return903 =>
  Object.fromEntries(TABLE_NAMES.map((name) => [name, [] as Row[]])) as unknown as Return903;
