/** The synthetic authority's teams, in the order the authority's default settings list them. */
export const SYNTHETIC_TEAMS: readonly string[] = [
  'Children in Care North',
  'Children in Care South',
  'Children in Care Fenland',
  'Adoption and Permanence',
  'Leaving Care 16+',
];
