export { careLeaverContactsDueOn, missedListedFrom, type CareLeaverContactDue } from './contacts-due';
export { CONTACTS_DUE_COLUMNS, contactsDueCsv } from './contacts-due-csv';
export type { LastContact, LeftCare } from './left-care-and-contact';
