import type { CalendarDate, PlacementDetails, StoredJourneyEvent } from '@care-journey/journey';
import { runOn, type PeriodOfCare } from '@care-journey/projections';
import { codeText, formatDate } from '../html/format';

/** Open on D: begun on or before D and not ended by D (the end day is back home, as for a period). */
const openOn = (spell: { start: CalendarDate; end?: CalendarDate }, date: CalendarDate): boolean =>
  spell.start <= date && (spell.end === undefined || spell.end > date);

/** "Missing since 28 November 2026 (M Missing)" while a missing or away episode is open on D. */
export function missingNow(period: PeriodOfCare, date: CalendarDate): string | undefined {
  const spell = period.missing.find((s) => openOn(s, date));
  return spell && `Since ${formatDate(spell.start)} (${codeText('MISSING', spell.kind)})`;
}

/** "T3 … since 28 November 2026; usual placement U4 … kept" while a temporary stay is open on D. */
export function stayingNow(
  period: PeriodOfCare,
  date: CalendarDate,
  usualType: string | undefined,
): string | undefined {
  const stay = runOn(period, date)?.temporaryStays.find((s) => openOn(s, date));
  return (
    stay &&
    `${codeText('PLACE', stay.placementType)} since ${formatDate(stay.start)}; usual placement ${codeText('PLACE', usualType)} kept`
  );
}

const placementOf = (event: StoredJourneyEvent | undefined): PlacementDetails | undefined =>
  event && 'placement' in event.data ? event.data.placement : undefined;

/**
 * Where the usual placement is: postcode, provider and URN from the latest entry of the current
 * placement that gave them (a return from a temporary stay re-recorded as K3 gives none). Read from
 * the events as the role sees them, so the panel gets the district and no URN, as everywhere else.
 */
export function placementWhere(
  period: PeriodOfCare,
  date: CalendarDate,
  byId: ReadonlyMap<string, StoredJourneyEvent>,
): string | undefined {
  const facts = runOn(period, date)?.types.filter((t) => t.date <= date) ?? [];
  const details = facts
    .map((t) => placementOf(byId.get(t.eventId)))
    .filter((p) => p !== undefined)
    .at(-1);
  if (!details) return undefined;
  const urn = details.urn && details.urn !== 'XXXXXXX' ? details.urn : undefined;
  const bits = [
    details.postcode && `postcode ${details.postcode}`,
    details.provider && `provider ${codeText('PLACE_PROVIDER', details.provider)}`,
    urn && `Ofsted URN ${urn}`,
  ].filter(Boolean);
  return bits.length ? bits.join(', ') : undefined;
}
