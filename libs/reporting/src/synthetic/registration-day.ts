/**
 * Days on which a child's placement has to be recorded again, though the child stays where they
 * are (a same-carer change, 903 RNE T, reason PLACE), because the rules or the code list changed:
 *
 * - 28 October 2023: Ofsted registration of supported accommodation becomes compulsory, P2 is no
 *   longer a placement and an English H5 needs its URN (903 rules 217t and 230). A child in care
 *   that day who is still in P2, or in an H5 setting recorded without a URN (placed before
 *   registration opened on 28 April 2023), stays where they are: the setting is now registered,
 *   recorded as H5 with its URN, which the journey requires on or before that day.
 * - 1 April 2025: H5 leaves the 903 code list, replaced by K3 (Z1 by Z11–Z14). A child still in it
 *   that day is recorded in the successor on 31 March 2025, its last day, so that no H5 episode
 *   reaches the 2025/26 return (the validator's rule 146 checks every row of the year's file); the
 *   journey refuses any later episode until it is recorded (withdrawn-placement-types.ts).
 *
 * On the day itself unless another entry holds it, a temporary placement is open, or it is the
 * last day of care or the day before: then the latest free day before it (after 31 March 2025,
 * the first free day before any later entry). Added after the timeline is drawn, with the URN
 * from its own stream, so every other entry of the authority is the same as without it.
 */
import {
  SUPPORTED_ACCOMMODATION_REGISTERED_FROM,
  endsByRegistration,
  findCode,
  type PlacementDetails,
} from '@care-journey/journey';
import { addDays, type CalendarDate } from './dates';
import { effectiveDateOf as dateOf, type DraftCommand } from './draft';
import { syntheticUrn } from './placement-factory';
import type { Random } from './prng';

const placementOf = (d: DraftCommand): PlacementDetails | undefined =>
  d.type === 'StartPeriodOfCare' || d.type === 'ChangePlacement' || d.type === 'PlaceForAdoption'
    ? d.placement
    : undefined;

interface ReRecording {
  /** The first day of the change: nothing to do for a history that ends before it. */
  from: CalendarDate;
  /** The last day the placement may stay as it is recorded. */
  by: CalendarDate;
  /** The re-recording may also come after `by`, before any later entry (the 2025 withdrawal). */
  orFirstDayAfter: boolean;
  needs(placement: PlacementDetails): boolean;
  as(placement: PlacementDetails, urns: Random): PlacementDetails;
}

const REGISTRATION: ReRecording = {
  from: SUPPORTED_ACCOMMODATION_REGISTERED_FROM,
  by: SUPPORTED_ACCOMMODATION_REGISTERED_FROM,
  orFirstDayAfter: false,
  needs: endsByRegistration,
  as: (placement, urns) => ({ ...placement, placementType: 'H5', urn: syntheticUrn(urns) }),
};

/** H5 and Z1 are listed to 31 March 2025; their successors come from the code list. */
const successorOf = (placement: PlacementDetails): string | undefined => {
  const def = findCode('PLACE', placement.placementType);
  return def?.validTo === '2025-03-31' ? def.replacedBy?.[0] : undefined;
};
const WITHDRAWAL_2025: ReRecording = {
  from: '2025-04-01',
  by: '2025-03-31',
  orFirstDayAfter: true,
  needs: (placement) => successorOf(placement) !== undefined,
  as: (placement) => ({ ...placement, placementType: successorOf(placement) ?? placement.placementType }),
};

/** `timeline`: one period of care's structural entries, in date order. */
export function withRegistrationDay(
  timeline: DraftCommand[],
  ctx: { horizon: CalendarDate; urns: Random },
): DraftCommand[] {
  return reRecordOn(WITHDRAWAL_2025, reRecordOn(REGISTRATION, timeline, ctx), ctx);
}

/** Days inside a temporary placement, when no placement change can be recorded. */
const inTemporaryPlacement = (timeline: DraftCommand[], date: CalendarDate): boolean => {
  let since: CalendarDate | undefined;
  for (const d of timeline) {
    if (dateOf(d) >= date) break;
    if (d.type === 'StartTemporaryPlacement') since = dateOf(d);
    if (d.type === 'EndTemporaryPlacement') since = undefined;
  }
  return since !== undefined && since < date;
};

function reRecordOn(
  step: ReRecording,
  timeline: DraftCommand[],
  ctx: { horizon: CalendarDate; urns: Random },
): DraftCommand[] {
  const DAY = step.by;
  const start = timeline[0];
  if (ctx.horizon < step.from || start?.type !== 'StartPeriodOfCare' || start.effectiveDate >= step.from)
    return timeline;
  const end = timeline.find((d) => d.type === 'EndPeriodOfCare' || d.type === 'GrantAdoptionOrder');
  if (end && dateOf(end) <= DAY) return timeline;
  // The placement the child is in on the day: the last one taken up on or before it.
  const last = timeline.filter((d) => dateOf(d) <= DAY && placementOf(d)).pop();
  const placement = last && placementOf(last);
  if (!last || !placement || !step.needs(placement)) return timeline;

  const taken = new Set(timeline.map(dateOf));
  const free = (date: CalendarDate, keepOffLastDays: boolean): boolean =>
    !taken.has(date) &&
    !inTemporaryPlacement(timeline, date) &&
    !(end && date >= addDays(dateOf(end), keepOffLastDays ? -1 : 0));
  let date = DAY;
  while (date > dateOf(last) && !free(date, true)) date = addDays(date, -1);
  if (date <= dateOf(last)) {
    date = DAY;
    while (date > dateOf(last) && !free(date, false)) date = addDays(date, -1);
  }
  if (date <= dateOf(last) && step.orFirstDayAfter) {
    // Before the first later entry, which the journey would refuse until this is recorded.
    const next = timeline.find((d) => dateOf(d) > DAY);
    date = addDays(DAY, 1);
    while (date <= ctx.horizon && (!next || date < dateOf(next)) && !free(date, false))
      date = addDays(date, 1);
    if (date > ctx.horizon || (next && date >= dateOf(next))) return timeline;
  }
  if (date <= dateOf(last)) return timeline; // no day left: decide would refuse the journey

  const change: DraftCommand = {
    type: 'ChangePlacement',
    childId: start.childId,
    effectiveDate: date,
    placement: step.as(placement, ctx.urns),
    reasonForChange: 'PLACE',
    sameCarer: true,
  };
  const at = timeline.findIndex((d) => dateOf(d) > date);
  return at < 0 ? [...timeline, change] : [...timeline.slice(0, at), change, ...timeline.slice(at)];
}
