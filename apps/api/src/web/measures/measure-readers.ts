import type { Role } from '@care-journey/access';
import { STABILITY_IDS, type IndicatorId } from './indicator-children';

/**
 * Who reads each measure, on every surface: the API's route and the panel's pages read the same
 * list, so the two cannot drift apart (until session 9, social workers got 403 on `/stability`,
 * `/permanence` and `/scorecard` but saw the same children by name on `/panel/measures/*`).
 *
 * Each is every role. Social workers answer for their children's placement stability and
 * permanence (adoption is a permanence route, and the scorecard times it); they already read each
 * child in full. The panel reviews the measures, auditors check them, admins may what a social
 * worker may, and reporting jobs count them. What a row shows follows the role's personal-data
 * view (auth/personal-data.ts): names for every role but reporting jobs, whose rows carry
 * references only; a list with names is a read of those children and goes into the read-access
 * trail (view `measures`). The measures hold no UPN, postcode or free text.
 */

/** Placement stability ST1–ST3: `GET /stability`, the page's stability figures and `/panel/measures/ST1`–`ST3`. */
export const STABILITY_READERS: [Role, ...Role[]] = [
  'social_worker',
  'panel_member',
  'auditor',
  'reporting_job',
  'admin',
];

/** Time to permanence by route: `GET /permanence` and the page's time-to-permanence table. */
export const PERMANENCE_READERS: [Role, ...Role[]] = [
  'social_worker',
  'panel_member',
  'auditor',
  'reporting_job',
  'admin',
];

/** The adoption scorecard A1/A2/A3/A10: `GET /scorecard`, the page's scorecard and `/panel/measures/A1`–`A10`. */
export const SCORECARD_READERS: [Role, ...Role[]] = [
  'social_worker',
  'panel_member',
  'auditor',
  'reporting_job',
  'admin',
];

/** The roles in every one of `lists` (at least one, else a surface would be closed to all by mistake). */
export function rolesInEvery(...lists: readonly (readonly Role[])[]): [Role, ...Role[]] {
  const [first = [], ...rest] = lists;
  const common = first.filter((role) => rest.every((list) => list.includes(role)));
  if (common.length === 0) throw new Error('No role reads every one of these measures');
  return common as [Role, ...Role[]];
}

/** The roles in any of `lists`. */
export function rolesInAny(...lists: readonly (readonly Role[])[]): [Role, ...Role[]] {
  const all = [...new Set(lists.flat())];
  if (all.length === 0) throw new Error('No role reads any of these measures');
  return all as [Role, ...Role[]];
}

/** `/panel/measures` shows stability, permanence and the scorecard together: the roles that read all three. */
export const MEASURES_PAGE_READERS = rolesInEvery(STABILITY_READERS, PERMANENCE_READERS, SCORECARD_READERS);

/** The children behind one indicator: stability's readers for ST1–ST3, the scorecard's for A1–A10. */
export const readersOfIndicator = (id: IndicatorId): readonly Role[] =>
  (STABILITY_IDS as readonly string[]).includes(id) ? STABILITY_READERS : SCORECARD_READERS;

/** `/panel/measures/:indicator` admits either list's roles; the handler checks the indicator's own. */
export const INDICATOR_PAGE_READERS = rolesInAny(STABILITY_READERS, SCORECARD_READERS);
