/**
 * Where the child was placed (DfE rules 218, 392a, 392b), as the validator tests them:
 * - 218: an episode (not a short break: short-break-rules.ts names the 218 the validator raises
 *   there) open on or after the collection start needs a URN (an Ofsted URN or XXXXXXX)
 *   unless its PLACE is exempt or it is outside England. The exempt list changed in 2024/25 (H5 and
 *   P2 need one) and in 2025/26 (Z1 became Z11–Z14). Up to 2024/25 the validator took a placement
 *   whose PL_LA it could not derive (no PL_POST) as outside England; from 2025/26 it does not.
 * - 392a: PL_DISTANCE (the validator derives it from HOME_POST and PL_POST) is recorded, and
 *   392b: both postcodes are given, for every episode except short breaks (V3/V4) of a child who
 *   is not UASC (a UASC child's HOME_POST is blank by rule 406).
 * The validator reads PL_LA from the national postcode directory, which this check does not hold:
 * a placement counts as outside England when its postcode's area lies wholly in Scotland, Wales or
 * Northern Ireland; one in a border area (CH, SY, TD, …) is reported and may pass there.
 */
import { fromDmy } from '../format';
import type { Return903, Row } from '../tables';
import type { CheckContext, CheckFailure } from './failure';

const TEMPORARY = ['T0', 'T1', 'T2', 'T3', 'T4'];
const ALWAYS_EXEMPT = ['P1', 'P3', 'R1', 'R2', 'R5', ...TEMPORARY];

/** PLACE codes rule 218 takes without a URN, for the return of the year ending `yearEnding`. */
export function placesWithoutUrn(yearEnding: string): readonly string[] {
  if (yearEnding >= '2026-03-31') return [...ALWAYS_EXEMPT, 'Z11', 'Z12', 'Z13', 'Z14'];
  if (yearEnding >= '2025-03-31') return [...ALWAYS_EXEMPT, 'Z1'];
  return [...ALWAYS_EXEMPT, 'H5', 'P2', 'Z1'];
}

/** Postcode areas wholly outside England (Scotland, Wales, Northern Ireland). */
const AREAS_OUTSIDE_ENGLAND = new Set(
  'AB DD DG EH FK G HS IV KA KW KY ML PA PH ZE CF LD LL NP SA BT'.split(' '),
);

const postcodeArea = (postcode: string): string =>
  /^[A-Z]{1,2}/.exec(postcode.trim().toUpperCase())?.[0] ?? '';

function outsideEngland(plPost: string, yearEnding: string): boolean {
  if (!plPost.trim()) return yearEnding < '2026-03-31';
  return AREAS_OUTSIDE_ENGLAND.has(postcodeArea(plPost));
}

const blank = (value: string | undefined): boolean => !value || !value.trim();

export function checkLocations(
  tables: Pick<Return903, 'Episodes' | 'UASC'>,
  ctx: CheckContext,
): CheckFailure[] {
  const out: CheckFailure[] = [];
  const exempt = new Set(placesWithoutUrn(ctx.yearEnding));
  const uasc = new Set(tables.UASC.map((u) => u.CHILD.toUpperCase()));
  for (const e of tables.Episodes) {
    const fail = (rule: string, field: string, message: string) =>
      out.push({ rule, table: 'Episodes', child: e.CHILD, field, message });
    if (!isShortBreak(e) && needsUrn(e, exempt, ctx))
      fail(
        '218',
        'URN',
        `episode from ${e.DECOM} (PLACE ${e.PLACE}) needs the setting's Ofsted URN, or XXXXXXX when it has none`,
      );
    if (isShortBreak(e) || uasc.has(e.CHILD.toUpperCase())) continue;
    const missing = (['HOME_POST', 'PL_POST'] as const).filter((field) => blank(e[field]));
    if (missing.length === 0) continue;
    const which = missing.join(' and ');
    fail('392a', 'PL_DISTANCE', `episode from ${e.DECOM}: no distance can be derived without ${which}`);
    fail('392b', missing[0], `episode from ${e.DECOM}: the child is looked after but ${which} is blank`);
  }
  return out;
}

function needsUrn(e: Row, exempt: ReadonlySet<string>, ctx: CheckContext): boolean {
  if (!blank(e.URN) || exempt.has(e.PLACE)) return false;
  const dec = fromDmy(e.DEC);
  const openInYear = blank(e.DEC) || (dec !== undefined && dec >= ctx.yearStart);
  return openInYear && !outsideEngland(e.PL_POST ?? '', ctx.yearEnding);
}

const isShortBreak = (e: Row): boolean => e.LS === 'V3' || e.LS === 'V4';
