/**
 * A team's name as compared: case and spacing ignored ("children in care  north" is "Children in
 * Care North"), so one team typed two ways stays one caseload in the drift report's filter.
 */
export function teamKey(name: string): string {
  let key = keptKeys.get(name);
  if (key === undefined) {
    key = name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
    if (keptKeys.size >= KEPT_KEYS) keptKeys.clear();
    keptKeys.set(name, key);
  }
  return key;
}

/**
 * Keys already worked out: an authority has a handful of team names, asked for on every command of
 * a team-scoped social worker and for every child of a filtered drift report, and the locale-aware
 * lower-casing costs far more than a look-up (bench finding 37). Bounded, so free text cannot grow it.
 */
const KEPT_KEYS = 1_000;
const keptKeys = new Map<string, string>();

/** Whether two team names name the same team. */
export const sameTeam = (a: string | undefined, b: string): boolean =>
  a !== undefined && teamKey(a) === teamKey(b);
