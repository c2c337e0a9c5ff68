import { stringify } from 'csv-stringify/sync';
import { codeMeaning } from '@care-journey/journey';
import { csvCell } from '@care-journey/projections';
import type { CareLeaverContactDue } from './contacts-due';

/**
 * The worklist's CSV columns, one list for the CLI (`care-leaver-contacts`) and the panel's
 * download (`/panel/leaving-care.csv`), so the two files read the same. Codes come with their
 * words from the domain's code lists (REC, IN_TOUCH), blank when there is none.
 */
export const CONTACTS_DUE_COLUMNS = [
  'child_ref',
  'date_of_birth',
  'age',
  'birthday',
  'last_day',
  'status',
  'left_care_on',
  'left_care_reason',
  'left_care_reason_words',
  'last_contact_on',
  'last_in_touch',
  'last_in_touch_words',
] as const;

/** One row's cells, in CONTACTS_DUE_COLUMNS's order. */
export const contactDueCells = (row: CareLeaverContactDue): (string | number | undefined)[] => {
  const { leftCare, lastContact } = row;
  return [
    row.childRef,
    row.dateOfBirth,
    row.age,
    row.birthday,
    row.lastDay,
    row.status,
    leftCare?.on,
    leftCare?.reason,
    leftCare?.reason && codeMeaning('REC', leftCare.reason),
    lastContact?.on,
    lastContact?.inTouch,
    lastContact && codeMeaning('IN_TOUCH', lastContact.inTouch),
  ];
};

/** The whole file: the header and every row, each cell through csvCell (CSV injection) and quoted as needed. */
export const contactsDueCsv = (rows: readonly CareLeaverContactDue[]): string =>
  stringify([CONTACTS_DUE_COLUMNS, ...rows.map((row) => contactDueCells(row).map(csvCell))]);
