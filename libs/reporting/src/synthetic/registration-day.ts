/**
 * 28 October 2023: Ofsted registration of supported accommodation becomes compulsory, P2 is no
 * longer a placement and an English H5 needs its URN (903 rules 217t and 230). A child in care that
 * day who is still in P2, or in an H5 setting recorded without a URN (placed before registration
 * opened on 28 April 2023), stays where they are: the setting is now registered, recorded as a
 * same-carer change to H5 with its URN (903 RNE T, reason PLACE), which the journey requires on or
 * before that day. On the day itself unless another entry holds it, the last day of care or the
 * day before: then the latest free day before it.
 *
 * Added after the timeline is drawn, with the URN from its own stream, so every other entry of the
 * authority is the same as without it.
 */
import {
  SUPPORTED_ACCOMMODATION_REGISTERED_FROM as DAY,
  endsByRegistration,
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

/** `timeline`: one period of care's structural entries, in date order. */
export function withRegistrationDay(
  timeline: DraftCommand[],
  ctx: { horizon: CalendarDate; urns: Random },
): DraftCommand[] {
  const start = timeline[0];
  if (ctx.horizon < DAY || start?.type !== 'StartPeriodOfCare' || start.effectiveDate >= DAY) return timeline;
  const end = timeline.find((d) => d.type === 'EndPeriodOfCare' || d.type === 'GrantAdoptionOrder');
  if (end && dateOf(end) <= DAY) return timeline;
  // The placement the child is in on the day: the last one taken up on or before it.
  const last = timeline.filter((d) => dateOf(d) <= DAY && placementOf(d)).pop();
  const placement = last && placementOf(last);
  if (!last || !placement || !endsByRegistration(placement)) return timeline;

  const taken = new Set(timeline.map(dateOf));
  const free = (date: CalendarDate, keepOffLastDays: boolean): boolean =>
    !taken.has(date) && !(end && date >= addDays(dateOf(end), keepOffLastDays ? -1 : 0));
  let date = DAY;
  while (date > dateOf(last) && !free(date, true)) date = addDays(date, -1);
  if (date <= dateOf(last)) {
    date = DAY;
    while (date > dateOf(last) && !free(date, false)) date = addDays(date, -1);
  }
  if (date <= dateOf(last)) return timeline; // no day left: decide would refuse the journey

  const change: DraftCommand = {
    type: 'ChangePlacement',
    childId: start.childId,
    effectiveDate: date,
    placement: { ...placement, placementType: 'H5', urn: syntheticUrn(ctx.urns) },
    reasonForChange: 'PLACE',
    sameCarer: true,
  };
  const at = timeline.findIndex((d) => dateOf(d) > date);
  return at < 0 ? [...timeline, change] : [...timeline.slice(0, at), change, ...timeline.slice(at)];
}
