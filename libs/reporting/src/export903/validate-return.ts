/**
 * validateReturn: our own check of the key DfE 903 rules on an exported return, before the real
 * validator sees it. Each failure names the rule code, table, child and field.
 */
import { collectionYear } from './collection-year';
import { checkAgeAndUpn } from './self-check/age-and-upn-rules';
import { checkCareLeaverContacts } from './self-check/care-leaver-contact-rules';
import { checkChildren } from './self-check/child-rules';
import { checkEpisodes } from './self-check/episode-rules';
import { checkDuplicateUpns } from './self-check/duplicate-upn-rule';
import type { CheckFailure } from './self-check/failure';
import { checkIndependentLivingAge } from './self-check/independent-living-rule';
import { checkLocations } from './self-check/location-rules';
import { checkPlacementChanges } from './self-check/placement-change-rules';
import { checkPlacementAges } from './self-check/placement-age-rules';
import { checkPlacementCodes } from './self-check/placement-code-rules';
import { checkShortBreaks } from './self-check/short-break-rules';
import { checkPreviousPermanence } from './self-check/previous-permanence-rules';
import { checkSupportedAccommodation } from './self-check/supported-accommodation-rules';
import { checkTemporaryPlacements } from './self-check/temporary-placement-rules';
import { checkUascDistance } from './self-check/uasc-rules';
import type { Return903 } from './tables';

export type { CheckFailure };

/**
 * `runningOn`: today, for a year still running (returnYearStatus 'in-progress'): failures the return
 * will have at the year's end only if nothing changes are then warnings (`severity`), not failures.
 */
export function validateReturn(
  tables: Return903,
  options: { yearEnding: string; runningOn?: string },
): CheckFailure[] {
  const year = collectionYear(options.yearEnding);
  const ctx = { yearEnding: year.end, yearStart: year.start, runningOn: options.runningOn };
  return [
    ...checkEpisodes(tables.Episodes, ctx),
    ...checkTemporaryPlacements(tables.Episodes, ctx),
    ...checkPlacementChanges(tables.Episodes, ctx),
    ...checkSupportedAccommodation(tables.Episodes, ctx),
    ...checkPlacementCodes(tables.Episodes, ctx),
    ...checkShortBreaks(tables.Episodes, ctx),
    ...checkChildren(tables, ctx),
    ...checkPreviousPermanence(tables.PrevPerm),
    ...checkAgeAndUpn(tables, ctx),
    ...checkPlacementAges(tables, ctx),
    ...checkIndependentLivingAge(tables),
    ...checkCareLeaverContacts(tables, ctx),
    ...checkUascDistance(tables),
    ...checkLocations(tables, ctx),
    ...checkDuplicateUpns(tables),
  ];
}

/** The self-check's failures and warnings apart (a warning does not fail the return). */
export function splitSelfCheck(results: readonly CheckFailure[]): {
  failures: CheckFailure[];
  warnings: CheckFailure[];
} {
  return {
    failures: results.filter((r) => r.severity !== 'warning'),
    warnings: results.filter((r) => r.severity === 'warning'),
  };
}
