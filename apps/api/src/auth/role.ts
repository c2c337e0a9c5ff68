// Moved to libs/access (shared with the CLI, review M2); the API's files import it through here.
export { ROLES, isRole, type Role } from '@care-journey/access';
