/**
 * Only a child can be looked after (national-definitions.md §1.3: care ends by 18). The entries that
 * need the child to be a child are refused on or after the 18th birthday: a start of care, every
 * new episode (legal status, placement, temporary placement and the return from it, placement for
 * adoption), a statutory review and a missing episode starting. Ending care stays open at any age,
 * so a period still open at 18 (imported, or recorded before this rule) can always be closed.
 * A date-of-birth correction replays the journey (handlers/corrections.ts), so one that would make
 * the child 18+ on any of these entries is refused by the same rule.
 * An adoption order (rule 386) or a special guardianship order (rule 407) is only for a child too.
 * The one way to stay looked after past 18 is accommodation under s20(5) in a community home: legal
 * status V2 with placement K2 (903 rule 359). Care never starts at 18+ (rule 352), but an entry that
 * leaves (or keeps) the young person V2 in K2 is accepted.
 */
import { isValidCalendarDate } from '../calendar-date';
import type { JourneyCommand } from '../commands';
import { violation } from '../errors';
import { eighteenthBirthday, LOOKED_AFTER_AGE_LIMIT } from '../looked-after-age';
import { currentLegalStatus } from '../queries';
import type { JourneyState } from '../state';

const NEEDS_A_CHILD: ReadonlyMap<JourneyCommand['type'], string> = new Map([
  ['StartPeriodOfCare', 'start a period of care'],
  ['ChangeLegalStatus', 'start a new legal status'],
  ['ChangePlacement', 'start a new placement'],
  ['StartTemporaryPlacement', 'start a temporary placement'],
  ['EndTemporaryPlacement', 'go back to the usual placement (a new episode)'],
  ['PlaceForAdoption', 'place the child for adoption'],
  ['RecordReview', 'hold a statutory review of a looked-after child'],
  ['RecordStatutoryVisit', 'record a statutory visit to a looked-after child'],
  ['StartMissingEpisode', 'start a missing episode while looked after'],
]);

export function lookedAfterOnlyUnder18(command: JourneyCommand, state: JourneyState): void {
  const dateOfBirth = state.child?.dateOfBirth;
  const date = (command as { effectiveDate?: unknown }).effectiveDate;
  // A bad or missing date is the handler's to name; no child yet is registration's.
  if (dateOfBirth === undefined || !isValidCalendarDate(date)) return;
  const adultFrom = eighteenthBirthday(dateOfBirth);
  ordersOnlyForAChild(command, date, adultFrom);
  const what = NEEDS_A_CHILD.get(command.type);
  if (what === undefined) return;
  if (date < adultFrom || staysInCommunityHomeUnderS20(command, state)) return;
  violation(
    'looked-after-only-under-18',
    `effectiveDate ${date} is on or after the child's 18th birthday (${adultFrom}, dateOfBirth ${dateOfBirth}): ` +
      `only a child under ${LOOKED_AFTER_AGE_LIMIT} can be looked after, so this cannot ${what}. ` +
      'Care ends by the 18th birthday (e.g. E17 stayed with carers, E5/E6 independent living); only ' +
      'accommodation under s20(5) in a community home (V2 in K2, 903 rule 359) goes on past it.',
    'effectiveDate',
  );
}

/** After the entry, is the young person accommodated under s20(5) in a community home (V2 in K2)? */
function staysInCommunityHomeUnderS20(command: JourneyCommand, state: JourneyState): boolean {
  let legalStatus = currentLegalStatus(state)?.legalStatus;
  let placementType = state.currentPlacement?.placementType;
  if (command.type === 'ChangeLegalStatus') legalStatus = command.legalStatus;
  else if (command.type === 'ChangePlacement') placementType = command.placement?.placementType;
  else if (command.type !== 'RecordReview' && command.type !== 'StartMissingEpisode') return false;
  return legalStatus === 'V2' && placementType === 'K2';
}

const SPECIAL_GUARDIANSHIP = ['E45', 'E46', 'E47', 'E48'];

/**
 * Orders that only a child can be made subject to: adoption (E11/E12) before the 18th birthday
 * (903 rule 386), special guardianship (E45–E48) by it (rule 407: not after it).
 */
function ordersOnlyForAChild(command: JourneyCommand, date: string, adultFrom: string): void {
  if (command.type === 'GrantAdoptionOrder' && date >= adultFrom)
    violation(
      'adoption-under-18-903-rule-386',
      `effectiveDate ${date} is on or after the child's 18th birthday (${adultFrom}): an adoption order ends care only for a child under 18 (903 validation rule 386).`,
      'effectiveDate',
    );
  if (command.type === 'EndPeriodOfCare' && SPECIAL_GUARDIANSHIP.includes(command.reason) && date > adultFrom)
    violation(
      'sgo-by-18-903-rule-407',
      `${command.reason} (special guardianship order) on ${date} is after the child's 18th birthday (${adultFrom}): an SGO ends care by the 18th birthday (903 validation rule 407).`,
      'reason',
    );
}
