export { careLeaverContactsDueOn, type CareLeaverContactDue } from './contacts-due';
