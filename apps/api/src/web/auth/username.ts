// Moved to libs/access (shared with the CLI, review M2); the API's files import it through here.
export { USERNAME_RULE, usernameProblem, usernameTwice } from '@care-journey/access';
