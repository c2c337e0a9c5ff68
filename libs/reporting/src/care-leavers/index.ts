export { careLeaverContactsDueOn, missedListedFrom, type CareLeaverContactDue } from './contacts-due';
