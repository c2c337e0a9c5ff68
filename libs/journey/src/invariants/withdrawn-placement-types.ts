/**
 * Placement types the 903 code list withdrew, with a successor: H5 (semi-independent living) and
 * Z1 (other placement) are gone from 2025/26, replaced by K3 (supported accommodation, 16+) and
 * Z11–Z14 (code-lists.ts, `replacedBy`). No new placement may be recorded in them from that day
 * (the code list's dates, codes.ts), and no episode starting on or after it may carry them: a child
 * still in one is re-recorded in its successor (ChangePlacement, same carer, reason PLACE: 903 RNE T)
 * before any later entry starts or ends an episode. The same shape as the October 2023
 * supported-accommodation rule (supported-accommodation.ts), which calls these two checks from the
 * entries it already guards; P2 has no successor and keeps that rule's own deadline.
 */
import { CODE_LISTS, type CodeDefinition } from '../code-lists';
import { addDays } from '../calendar-date';
import { violation } from '../errors';
import type { PlacementDetails } from '../events';
import type { JourneyState } from '../state';

/** The withdrawal of `placementType` if it is withdrawn on `date`, with what replaces it. */
function withdrawalOn(
  placementType: unknown,
  date: string,
): (CodeDefinition & { validTo: string; replacedBy: readonly string[] }) | undefined {
  const def: CodeDefinition | undefined = CODE_LISTS.PLACE.find((d) => d.code === placementType);
  if (!def?.validTo || !def.replacedBy || date <= def.validTo) return undefined;
  return { ...def, validTo: def.validTo, replacedBy: def.replacedBy };
}

const or = (codes: readonly string[]): string =>
  codes.length === 1 ? codes[0] : `${codes.slice(0, -1).join(', ')} or ${codes[codes.length - 1]}`;

/** What the message asks for: the successor, dated so that no withdrawn row reaches the new year. */
const reRecording = (w: { code: string; validTo: string; replacedBy: readonly string[] }): string =>
  `record the setting as ${or(w.replacedBy)} first (a placement change, same carer, reason PLACE), dated on or before ${w.validTo} so that no ${w.code} episode runs into a return whose code list has no ${w.code}, or on the first entry date after it`;

/**
 * True when the child's current placement type is withdrawn on `date`: until it is re-recorded in
 * its successor, only that move is open to them (what the record forms offer, apps/api).
 */
export function mustReRecordPlacement(state: JourneyState, date: string): boolean {
  const current = state.currentPlacement;
  return current !== undefined && withdrawalOn(current.placementType, date) !== undefined;
}

/**
 * An entry on `date` that starts or ends an episode while the child is still in a withdrawn
 * placement type. `keepsPlacement`: the child stays where they are in a new episode (a legal status
 * change), which on the withdrawal day itself already starts an episode in the withdrawn code.
 * `moveTo`: the placement a ChangePlacement records; a move into a successor is the re-recording
 * itself and is let through.
 */
export function currentPlacementNotWithdrawn(
  state: JourneyState,
  date: string,
  keepsPlacement: boolean,
  moveTo?: Pick<PlacementDetails, 'placementType'>,
): void {
  const current = state.currentPlacement;
  const w = current && withdrawalOn(current.placementType, date);
  if (!current || !w) return;
  const withdrawnFrom = addDays(w.validTo, 1);
  if (date === withdrawnFrom && !keepsPlacement) return; // leaves it on the first day: no new episode in it
  if (moveTo && w.replacedBy.includes(moveTo.placementType)) return;
  violation(
    'withdrawn-placement-type-not-re-recorded',
    `The child has been in ${current.placementType} since ${current.startDate}; ${current.placementType} is not a placement type from ${withdrawnFrom} (903 code list, replaced by ${or(w.replacedBy)}), so an entry dated ${date} cannot start or end an episode in it: ${reRecording(w)}.`,
    'effectiveDate',
  );
}

/** The return to the usual placement after a temporary one, a new episode in it from `date`. */
export function usualPlacementNotWithdrawn(placement: PlacementDetails, date: string): void {
  const w = withdrawalOn(placement.placementType, date);
  if (!w) return;
  violation(
    'withdrawn-placement-type-not-re-recorded',
    `The child's usual placement is ${placement.placementType}, not a placement type from ${addDays(w.validTo, 1)} (903 code list, replaced by ${or(w.replacedBy)}): going back to it on ${date} would start a ${placement.placementType} episode. Record the return with reRecordedAs ${or(w.replacedBy)}, the same setting in the type that replaces ${placement.placementType}.`,
    'effectiveDate',
  );
}

/**
 * The placement a return from a temporary placement goes back to: the usual one, or, with
 * `reRecordedAs`, the same setting in the type that replaced the usual one's while the child was
 * away (H5 → K3 from 1 April 2025). `reRecordedAs` is only for that: the usual type must be
 * withdrawn on `date` and `reRecordedAs` one of its successors.
 */
export function placementOnReturn(
  usual: PlacementDetails,
  date: string,
  reRecordedAs: string | undefined,
): PlacementDetails {
  const { placementType, provider, postcode, urn, inArea } = usual;
  const back: PlacementDetails = { placementType, provider, postcode, urn, inArea };
  if (reRecordedAs === undefined) return back;
  const w = withdrawalOn(placementType, date);
  if (!w)
    return violation(
      'return-re-recorded-only-for-withdrawn-type',
      `reRecordedAs is only for a usual placement whose type was withdrawn while the child was away; ${placementType} is still a placement type on ${date}: record the return without reRecordedAs, then a placement change if the setting changed.`,
      'reRecordedAs',
    );
  if (!w.replacedBy.includes(reRecordedAs))
    violation(
      'return-re-recorded-only-for-withdrawn-type',
      `reRecordedAs must be the type that replaces ${placementType} (${or(w.replacedBy)}), got ${JSON.stringify(reRecordedAs)}.`,
      'reRecordedAs',
    );
  return { ...back, placementType: reRecordedAs };
}
