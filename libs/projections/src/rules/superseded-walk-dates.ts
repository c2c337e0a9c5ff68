/**
 * The dates the superseded-breach walk steps through (evaluate-drift-superseded.ts): the summary's
 * fact dates, each with the parts its facts are in, and the rules' change points. The feed's walk
 * is asked after every event; gathering every fact of the summary again each time was most of its
 * cost. So each list's dates are kept, in order, until a change in its part (what the flag tracker
 * is told after each event, or 'all'); only the dates after the walk's last step are read from them.
 */
import type { CalendarDate } from '@care-journey/journey';
import type { JourneySummary, PeriodOfCare } from '../summary/journey-summary';
import type { FacetChange, SummaryFacet } from '../summary/summary-facets';
import { facetMask, READS_ALL } from './rule-reads';

/** The parts of the summary a fact of each list is in (what a step at its date may change). */
const PART = {
  // A period's start or end: which periods there are, every rule reads that.
  period: READS_ALL,
  allocations: facetMask(['allocations']),
  // A legal status can also start or stop short breaks, which moves the period's counted parts.
  legalStatuses: facetMask(['legalStatuses', 'period']),
  placements: facetMask(['placements']),
  // Rare facts, and the random journeys never show a step decided by them: every rule, to be safe.
  temporaryStays: READS_ALL,
  reviews: facetMask(['reviews', 'firstReviews']),
  plans: facetMask(['plans']),
  audits: facetMask(['audits']),
  visits: facetMask(['visits']),
  adoption: READS_ALL,
  missing: facetMask(['missing']),
};

/**
 * The parts a change in each facet can reach, as PART's bits: a change to a list's facts reaches
 * what a fact of that list would at its date (the first two reviews are in the reviews' list).
 */
const CHANGE_PART: Record<SummaryFacet, number> = {
  child: READS_ALL,
  period: READS_ALL,
  allocations: PART.allocations,
  legalStatuses: PART.legalStatuses,
  placements: PART.placements,
  temporaryStays: PART.temporaryStays,
  reviews: PART.reviews,
  firstReviews: PART.reviews,
  plans: PART.plans,
  audits: PART.audits,
  visits: PART.visits,
  adoption: PART.adoption,
  missing: PART.missing,
};

/** The parts (PART's bits) a change in these facets can reach. */
export function partsChangedBy(change: FacetChange): number {
  if (change === 'all') return READS_ALL;
  let parts = 0;
  for (const facet of change) parts |= CHANGE_PART[facet];
  return parts;
}

/** The dates a walk still has to step through: after the last step kept, up to D. */
export class DateRange {
  readonly dates = new Set<CalendarDate>();
  /** Each fact date, with the parts its facts are in (as bits). */
  readonly facts = new Map<CalendarDate, number>();
  /** The rules whose change point each date is (by index), for dates that are change points. */
  readonly owners = new Map<CalendarDate, number[]>();
  /** The latest fact date in the whole summary ('' when none): from it on, nothing to trim. */
  latestFact: CalendarDate = '';

  constructor(
    private readonly after: CalendarDate | undefined,
    private readonly asAt: CalendarDate,
  ) {}

  /** The dates of one list, in order: those after `after` up to D, and the latest. */
  factsIn(dates: readonly CalendarDate[], part: number): void {
    if (dates.length === 0) return;
    const latest = dates[dates.length - 1];
    if (latest > this.latestFact) this.latestFact = latest;
    for (let i = this.after === undefined ? 0 : firstAfter(dates, this.after); i < dates.length; i++) {
      const date = dates[i];
      if (date > this.asAt) break;
      this.facts.set(date, (this.facts.get(date) ?? 0) | part);
    }
  }

  /** One rule's change points, in order: those after `after` up to D. */
  pointsIn(points: readonly CalendarDate[], rule: number): void {
    for (let i = this.after === undefined ? 0 : firstAfter(points, this.after); i < points.length; i++) {
      const date = points[i];
      if (date > this.asAt) break;
      this.dates.add(date);
      const owners = this.owners.get(date);
      if (owners === undefined) this.owners.set(date, [rule]);
      else if (!owners.includes(rule)) owners.push(rule);
    }
  }

  /** The dates in order, fact dates and change points together. */
  sorted(): CalendarDate[] {
    for (const date of this.facts.keys()) this.dates.add(date);
    return [...this.dates].sort();
  }
}

/** The index of the first date after `after` in sorted `dates` (dates.length when none). */
function firstAfter(dates: readonly CalendarDate[], after: CalendarDate): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dates[middle] <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

type DateSink = (date: CalendarDate | undefined) => void;

/** One list of facts: its part, the facets whose change can change it, and its dates. */
interface FactList {
  part: number;
  facets: readonly SummaryFacet[];
  dates(summary: JourneySummary, add: DateSink): void;
}

const eachPeriod =
  (dates: (period: PeriodOfCare, add: DateSink) => void) =>
  (summary: JourneySummary, add: DateSink): void => {
    for (const period of summary.periods) dates(period, add);
  };

const dated = (list: readonly { date: CalendarDate }[], add: DateSink): void => {
  for (const fact of list) add(fact.date);
};

const LISTS: readonly FactList[] = [
  { part: PART.allocations, facets: ['allocations'], dates: (s, add) => dated(s.allocations, add) },
  {
    part: PART.period,
    facets: ['period'],
    dates: eachPeriod((period, add) => {
      add(period.start);
      add(period.end);
    }),
  },
  {
    part: PART.legalStatuses,
    facets: ['legalStatuses'],
    dates: eachPeriod((period, add) => dated(period.legalStatuses, add)),
  },
  {
    part: PART.placements,
    facets: ['placements'],
    dates: eachPeriod((period, add) => {
      for (const run of period.placements) {
        add(run.start);
        add(run.end);
        dated(run.types, add);
      }
    }),
  },
  {
    part: PART.temporaryStays,
    // The stays are kept in the placement runs.
    facets: ['temporaryStays', 'placements'],
    dates: eachPeriod((period, add) => {
      for (const run of period.placements)
        for (const stay of run.temporaryStays) {
          add(stay.start);
          add(stay.end);
        }
    }),
  },
  {
    part: PART.reviews,
    facets: ['reviews', 'firstReviews'],
    dates: eachPeriod((period, add) => dated(period.reviews, add)),
  },
  { part: PART.plans, facets: ['plans'], dates: eachPeriod((period, add) => dated(period.plans, add)) },
  { part: PART.audits, facets: ['audits'], dates: eachPeriod((period, add) => dated(period.audits, add)) },
  {
    part: PART.visits,
    facets: ['visits'],
    dates: eachPeriod((period, add) => dated(period.visits ?? [], add)),
  },
  {
    part: PART.adoption,
    facets: ['adoption'],
    dates: eachPeriod(({ adoption }, add) => {
      dated(adoption.decisions, add);
      dated(adoption.reversals, add);
      dated(adoption.placementOrders, add);
      dated(adoption.consents, add);
      dated(adoption.matches, add);
      dated(adoption.placements, add);
      add(adoption.order?.date);
    }),
  },
  {
    part: PART.missing,
    facets: ['missing'],
    dates: eachPeriod((period, add) => {
      for (const spell of period.missing) {
        add(spell.start);
        add(spell.end);
      }
    }),
  },
];

/**
 * Each list's facets as bits, with 'child' and 'period' (a change to either forgets every list):
 * asked after every event, where a closure per list and a search of its facets were garbage.
 */
const LIST_MASKS = LISTS.map((list) => facetMask([...list.facets, 'child', 'period']));

/** Whether `dates` is in order (most lists are: facts are mostly recorded in date order). */
function inOrder(dates: readonly CalendarDate[]): boolean {
  for (let i = 1; i < dates.length; i++) if (dates[i - 1] > dates[i]) return false;
  return true;
}

/** Each list's fact dates in the summary, in order, kept until a change in the list's facets. */
export class FactDates {
  private readonly kept: (CalendarDate[] | undefined)[] = LISTS.map(() => undefined);

  /** The summary changed in these facets ('all': anything, or another summary). */
  changed(change: FacetChange): void {
    if (change === 'all') {
      this.kept.fill(undefined);
      return;
    }
    if (change.length === 0) return;
    const changed = facetMask(change);
    for (let l = 0; l < LISTS.length; l++) if ((LIST_MASKS[l] & changed) !== 0) this.kept[l] = undefined;
  }

  /** Adds to `range` the summary's fact dates within it, and its latest fact date. */
  addTo(range: DateRange, summary: JourneySummary): void {
    for (let l = 0; l < LISTS.length; l++) {
      let dates = this.kept[l];
      if (dates === undefined) {
        const found: CalendarDate[] = [];
        LISTS[l].dates(summary, (date) => {
          if (date !== undefined) found.push(date);
        });
        // Sorted only when out of order: the sort's work array was a tenth of a rebuild's garbage.
        this.kept[l] = dates = inOrder(found) ? found : found.sort();
      }
      range.factsIn(dates, LISTS[l].part);
    }
  }
}
