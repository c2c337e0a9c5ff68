/**
 * A team's name as compared: case and spacing ignored ("children in care  north" is "Children in
 * Care North"), so one team typed two ways stays one caseload in the drift report's filter.
 */
export const teamKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/** Whether two team names name the same team. */
export const sameTeam = (a: string | undefined, b: string): boolean =>
  a !== undefined && teamKey(a) === teamKey(b);
