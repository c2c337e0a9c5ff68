/**
 * A child prepared for the authority measures: periods of care and placement spells with their
 * group, provider, distance and area worked out once, and the review deadlines of DR01–DR04.
 * Short-break periods (V3/V4) are left out: they count in none of these measures, as in the
 * national statistics.
 */
import type { CalendarDate } from '@care-journey/journey';
import { DR01 } from '../rules/dr01-first-review';
import { DR02 } from '../rules/dr02-second-review';
import { DR03 } from '../rules/dr03-later-review';
import { DR04 } from '../rules/dr04-permanence-plan';
import type { Obligation } from '../rules/drift-rule';
import type { PeriodOfCare, PlacementRun } from '../summary/journey-summary';
import { periodsOffShortBreaks } from '../summary/periods-off-short-breaks';
import type { AuthorityConfig } from './authority-config';
import { dayNumber } from './day-numbers';
import { placementGroupOf, providerKindOf, type PlacementGroup, type ProviderKind } from './placement-groups';
import type { AuthorityChildInput, ChildPlacementDetails } from './placement-details';
import { distanceMiles, locatePostcode } from './postcodes/postcode-lookup';

export interface CareSpell {
  start: CalendarDate;
  /** The day the child stopped being looked after (not looked after on it); absent while in care. */
  end?: CalendarDate;
  endReason?: string;
  startEventId: string;
  endEventId?: string;
}

/** One placement type with one carer, over [start, end). */
export interface PlacementSpell {
  start: CalendarDate;
  end?: CalendarDate;
  startDay: number;
  /** Day number of `end`, Infinity while open. */
  endDay: number;
  placementType: string;
  provider?: string;
  group: PlacementGroup;
  providerKind: ProviderKind;
  postcode?: string;
  /** Inside the authority's boundary; undefined when neither the postcode nor the record says. */
  inArea?: boolean;
  /** Straight-line miles from home, 1 dp; undefined when a postcode is missing or unknown. */
  distanceMiles?: number;
  eventId: string;
}

/** A deadline (a review, or a plan by the second review) and whether it was met in time. */
export interface TimelinessCheck {
  dueDate: CalendarDate;
  metOn?: CalendarDate;
  inTime: boolean;
  evidence: string[];
}

export interface AuthorityChild {
  childId: string;
  childRef: string;
  name: string;
  dateOfBirth?: CalendarDate;
  homePostcode?: string;
  care: CareSpell[];
  placements: PlacementSpell[];
  /** Counted placements (runs with one carer), for the 3+ placements measure. */
  runs: PlacementRun[];
  reviews: TimelinessCheck[];
  plans: TimelinessCheck[];
}

/** Within the boundary by the postcode's district; else what the record says. */
function inAreaOf(
  postcode: string | undefined,
  recorded: boolean | undefined,
  districts: ReadonlySet<string>,
): boolean | undefined {
  const located = locatePostcode(postcode);
  return located ? districts.has(located.district) : recorded;
}

function spellsOfRun(
  run: PlacementRun,
  period: PeriodOfCare,
  details: ChildPlacementDetails,
  districts: ReadonlySet<string>,
): PlacementSpell[] {
  const spells: PlacementSpell[] = [];
  run.types.forEach((type, index) => {
    const end = run.types[index + 1]?.date ?? run.end ?? period.end;
    if (end !== undefined && end <= type.date) return; // replaced the same day
    const placement = details.byEventId[type.eventId];
    const provider = placement?.provider;
    spells.push({
      start: type.date,
      end,
      startDay: dayNumber(type.date),
      endDay: end === undefined ? Infinity : dayNumber(end),
      placementType: type.placementType,
      provider,
      group: placementGroupOf(type.placementType, provider),
      providerKind: providerKindOf(provider),
      postcode: placement?.postcode,
      inArea: inAreaOf(placement?.postcode, placement?.inArea, districts),
      distanceMiles: distanceMiles(details.homePostcode, placement?.postcode),
      eventId: type.eventId,
    });
  });
  return spells;
}

/** Closed deadlines count when they fall due; one that lapsed (care ended) on or before it does not. */
function checksOf(obligations: Obligation[]): TimelinessCheck[] {
  return obligations
    .filter((o) => o.lapsedOn === undefined || o.lapsedOn > o.dueDate)
    .map((o) => ({
      dueDate: o.dueDate,
      metOn: o.metOn,
      inTime: o.metOn !== undefined && o.metOn <= o.dueDate,
      evidence: o.evidence,
    }));
}

export function prepareChild(
  { summary, details }: AuthorityChildInput,
  config: AuthorityConfig,
  districts: ReadonlySet<string>,
): AuthorityChild {
  const periods = periodsOffShortBreaks(summary);
  // Obligations are read from the whole summary: a deadline's outcome never changes what is due.
  const asAt = '9999-12-31';
  return {
    childId: summary.childId,
    childRef: summary.childRef,
    name: summary.name,
    dateOfBirth: summary.dateOfBirth,
    homePostcode: details.homePostcode,
    care: periods.map((p) => ({
      start: p.start,
      end: p.end,
      endReason: p.endReason,
      startEventId: p.startEventId,
      endEventId: p.endEventId,
    })),
    placements: periods.flatMap((period) =>
      period.placements.flatMap((run) => spellsOfRun(run, period, details, districts)),
    ),
    runs: periods.flatMap((period) => period.placements),
    reviews: checksOf([DR01, DR02, DR03].flatMap((rule) => rule.obligations(summary, asAt, config.drift))),
    plans: checksOf(DR04.obligations(summary, asAt, config.drift)),
  };
}

export const prepareChildren = (
  inputs: Iterable<AuthorityChildInput>,
  config: AuthorityConfig,
): AuthorityChild[] => {
  const districts = new Set(config.districts);
  return Array.from(inputs, (input) => prepareChild(input, config, districts));
};
