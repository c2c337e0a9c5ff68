/**
 * A child prepared for the authority measures: periods of care and placement spells with their
 * group, provider, distance and area worked out once, and the review deadlines of DR01–DR04.
 * Short-break periods (V3/V4) are left out: they count in none of these measures, as in the
 * national statistics. The counted parts of a period (periodsOffShortBreaks) are the care spells;
 * short breaks between two of them (an interlude: V2, then V3, then V2 again) are not in care for
 * the stocks, but neither a cease nor a start for the flows: the period goes on, one period in the
 * 903 (its episodes joined by X1). A period that ends on short breaks (a counted part, then short
 * breaks until care ends) ceases when care ends, with its reason, as the 903's last episode (the V3/V4
 * one) shows it; the stocks still leave the child out from the change to short breaks. Placement
 * spells are cut to the counted parts, and each carer is one counted placement however many parts it
 * spans (placementsDuring). docs/drift-rules.md.
 */
import type { CalendarDate } from '@care-journey/journey';
import { DR01 } from '../rules/dr01-first-review';
import { DR02 } from '../rules/dr02-second-review';
import { DR03 } from '../rules/dr03-later-review';
import { DR04 } from '../rules/dr04-permanence-plan';
import type { Obligation } from '../rules/drift-rule';
import type { PeriodOfCare, PlacementRun } from '../summary/journey-summary';
import { periodsOffShortBreaks, type CarePeriod } from '../summary/periods-off-short-breaks';
import { placementsDuring } from '../summary/queries';
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
  /** `end` is a return to short breaks and the period goes on to another counted part: no cease. */
  goesOnAfterShortBreaks?: boolean;
  /**
   * The period's cease as the 903 shows it, on the period's last counted part once care has ended:
   * `end` itself, or, when the period ended on short breaks, the day care ended (later than `end`).
   * Absent while the period goes on (in care, or still on short breaks).
   */
  cease?: CareCease;
  /** `start` is the end of short breaks inside the period (after an earlier counted part): no start. */
  resumesAfterShortBreaks?: boolean;
}

/** The day a period of care ended, why (903 REC) and the event that ended it. */
export interface CareCease {
  date: CalendarDate;
  reason?: string;
  eventId?: string;
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
  /** Counted placements (runs with one carer, each once), for the 3+ placements measure. */
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

const earlier = (a: CalendarDate | undefined, b: CalendarDate | undefined): CalendarDate | undefined =>
  a === undefined ? b : b === undefined || a < b ? a : b;

/** The run's placement types as spells, cut to the counted part `period` (short breaks are not spent). */
function spellsOfRun(
  run: PlacementRun,
  period: PeriodOfCare,
  details: ChildPlacementDetails,
  districts: ReadonlySet<string>,
): PlacementSpell[] {
  const spells: PlacementSpell[] = [];
  run.types.forEach((type, index) => {
    const start = type.date < period.start ? period.start : type.date;
    const end = earlier(run.types[index + 1]?.date ?? run.end, period.end);
    if (end !== undefined && end <= start) return; // replaced the same day, or outside the part
    const placement = details.byEventId[type.eventId];
    const provider = placement?.provider;
    spells.push({
      start,
      end,
      startDay: dayNumber(start),
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

/**
 * The period's cease for its last counted part: the part's own end when the period had no short
 * breaks (or ended in a counted part), else the period's end, which is after the part's when care
 * ended on short breaks, and absent while the period is still open on them.
 */
function ceaseOf(part: CarePeriod, periods: readonly PeriodOfCare[]): CareCease | undefined {
  const period = part.spellOf ? periods.find((p) => p.start === part.spellOf?.periodStart) : part;
  if (period?.end === undefined) return undefined;
  return { date: period.end, reason: period.endReason, eventId: period.endEventId };
}

/** The care spells: the counted parts, with the edges of short breaks inside a period marked. */
function careSpellsOf(parts: readonly CarePeriod[], periods: readonly PeriodOfCare[]): CareSpell[] {
  return parts.map((part, index) => {
    const samePeriod = (other: CarePeriod | undefined): boolean =>
      other?.spellOf !== undefined && other.spellOf.periodStart === part.spellOf?.periodStart;
    const goesOn = samePeriod(parts[index + 1]);
    const cease = goesOn ? undefined : ceaseOf(part, periods);
    return {
      start: part.start,
      end: part.end,
      endReason: part.endReason,
      startEventId: part.startEventId,
      endEventId: part.endEventId,
      ...(goesOn && { goesOnAfterShortBreaks: true }),
      ...(samePeriod(parts[index - 1]) && { resumesAfterShortBreaks: true }),
      ...(cease && { cease }),
    };
  });
}

/** Every day a placement can be in effect: placementsDuring over it is each counted carer once. */
const ALL_DAYS = { from: '0000-01-01', to: '9999-12-31' } as const;

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
    care: careSpellsOf(periods, summary.periods),
    placements: periods.flatMap((period) =>
      period.placements.flatMap((run) => spellsOfRun(run, period, details, districts)),
    ),
    runs: placementsDuring(summary, ALL_DAYS.from, ALL_DAYS.to),
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
