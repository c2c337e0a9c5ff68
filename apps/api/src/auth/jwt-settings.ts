// Moved to libs/access (shared with the CLI, review M2); the API's files import it through here.
export {
  API_TOKEN_KIND,
  DEV_JWT_SECRET,
  JWT_ALGORITHM,
  JWT_AUDIENCE,
  JWT_ISSUER,
  MAX_TOKEN_HOURS,
  SESSION_HOURS,
  type CareJourneyClaims,
} from '@care-journey/access';
