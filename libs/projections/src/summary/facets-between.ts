/**
 * The parts (facets) in which two summaries of one child differ: what a refold changed. A
 * back-dated entry refolds the whole stream into a new summary, which mostly differs from the
 * one before in the one part the entry touched (a review, a plan, an audit), so the feed need only
 * derive again what reads that part, as after an in-place fold. Anything this file does not know
 * (a field added to the summary or a period, a period more or less) is 'all'.
 */
import type { JourneySummary, PeriodOfCare, PlacementRun } from './journey-summary';
import { firstReviewsOfParts, shortBreakTurns } from './periods-off-short-breaks';
import type { FacetChange, SummaryFacet } from './summary-facets';

/** Equal as JSON values: undefined and absent are alike, as in the stored summary. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], other[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of Object.keys(x)) if (!sameValue(x[key], y[key])) return false;
  for (const key of Object.keys(y)) if (!(key in x) && y[key] !== undefined) return false;
  return true;
}

/** The summary's own fields, by facet ('' for eventCount, which no reader of facets uses). */
const SUMMARY_FIELDS: Record<string, SummaryFacet | '' | 'periods'> = {
  childId: 'child',
  childRef: 'child',
  name: 'child',
  dateOfBirth: 'child',
  sex: 'child',
  uasc: 'child',
  relinquishedAtBirth: 'child',
  registeredEventId: 'child',
  allocations: 'allocations',
  periods: 'periods',
  eventCount: '',
};

/** A period's fields, by facet ('legalStatuses' and 'placements' are looked at more closely). */
const PERIOD_FIELDS: Record<string, SummaryFacet> = {
  start: 'period',
  startEventId: 'period',
  end: 'period',
  endReason: 'period',
  endEventId: 'period',
  categoryOfNeed: 'period',
  legalStatuses: 'legalStatuses',
  placements: 'placements',
  reviews: 'reviews',
  plans: 'plans',
  audits: 'audits',
  visits: 'visits',
  adoption: 'adoption',
  missing: 'missing',
};

const RUN_FIELDS = new Set(['start', 'end', 'startEventId', 'types', 'temporaryStays']);

function knowsAll(value: object, known: Record<string, unknown> | Set<string>): boolean {
  for (const key of Object.keys(value))
    if (known instanceof Set ? !known.has(key) : !(key in known)) return false;
  return true;
}

/** Placement runs: 'placements' for the runs themselves, 'temporaryStays' for the stays in them. */
function runsBetween(
  a: readonly PlacementRun[],
  b: readonly PlacementRun[],
  found: Set<SummaryFacet>,
): boolean {
  for (const run of a) if (!knowsAll(run, RUN_FIELDS)) return false;
  for (const run of b) if (!knowsAll(run, RUN_FIELDS)) return false;
  if (a.length !== b.length) {
    found.add('placements');
    found.add('temporaryStays');
    return true;
  }
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.start !== y.start ||
      x.end !== y.end ||
      x.startEventId !== y.startEventId ||
      !sameValue(x.types, y.types)
    )
      found.add('placements');
    if (!sameValue(x.temporaryStays, y.temporaryStays)) found.add('temporaryStays');
  }
  return true;
}

/** Adds the facets in which the two periods differ; false when a field is not known here. */
function periodBetween(a: PeriodOfCare, b: PeriodOfCare, found: Set<SummaryFacet>): boolean {
  if (!knowsAll(a, PERIOD_FIELDS) || !knowsAll(b, PERIOD_FIELDS)) return false;
  for (const field of Object.keys(PERIOD_FIELDS)) {
    const key = field as keyof PeriodOfCare;
    if (field === 'placements') {
      if (!runsBetween(a.placements, b.placements, found)) return false;
    } else if (!sameValue(a[key], b[key])) found.add(PERIOD_FIELDS[field]);
  }
  // The first legal status is the period's own, and where short breaks start and stop tells the
  // parts of it that count; the first two reviews are what DR01, DR02, DR04 and DR09 read.
  if (!sameValue(a.legalStatuses[0], b.legalStatuses[0])) found.add('period');
  else if (shortBreakTurns(a.legalStatuses) !== shortBreakTurns(b.legalStatuses)) found.add('period');
  if (!sameValue(firstReviewsOfParts(a), firstReviewsOfParts(b))) found.add('firstReviews');
  return true;
}

/** The facets `after` differs from `before` in ([] when only eventCount moved); 'all' when unsure. */
export function facetsBetween(before: JourneySummary, after: JourneySummary): FacetChange {
  if (!knowsAll(before, SUMMARY_FIELDS) || !knowsAll(after, SUMMARY_FIELDS)) return 'all';
  if (before.periods.length !== after.periods.length) return 'all';
  const found = new Set<SummaryFacet>();
  for (const field of Object.keys(SUMMARY_FIELDS)) {
    const facet = SUMMARY_FIELDS[field];
    if (facet === '' || facet === 'periods') continue;
    const key = field as keyof JourneySummary;
    if (!sameValue(before[key], after[key])) found.add(facet);
  }
  for (let i = 0; i < before.periods.length; i++)
    if (!periodBetween(before.periods[i], after.periods[i], found)) return 'all';
  return [...found];
}
