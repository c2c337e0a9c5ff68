import type { CareLeaverContactDue } from './contacts-due';

/**
 * The worklist's CSV columns, one list for the CLI (`care-leaver-contacts`) and the panel's
 * download (`/panel/leaving-care.csv`), so the two files read the same.
 */
export const CONTACTS_DUE_COLUMNS = [
  'child_ref',
  'date_of_birth',
  'age',
  'birthday',
  'last_day',
  'status',
] as const;

/** One row's cells, in CONTACTS_DUE_COLUMNS's order. */
export const contactDueCells = (row: CareLeaverContactDue): (string | number)[] => [
  row.childRef,
  row.dateOfBirth,
  row.age,
  row.birthday,
  row.lastDay,
  row.status,
];
