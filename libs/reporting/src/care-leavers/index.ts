export { careLeaverContactsDueOn, missedListedFrom, type CareLeaverContactDue } from './contacts-due';
export { CONTACTS_DUE_COLUMNS, contactDueCells } from './contacts-due-csv';
