/** How care may end: adoption only by the order, SGO to former foster carers from a foster placement. */
import { ADOPTION_ENDINGS, SGO_TO_FORMER_FOSTER_CARER, isFosterPlacement } from '../code-groups';
import { violation } from '../errors';
import { eighteenthBirthday } from '../looked-after-age';
import { ageOn } from '../queries';
import type { JourneyState } from '../state';

export function notAnAdoptionEnding(reason: string): void {
  if (ADOPTION_ENDINGS.includes(reason as never)) {
    violation(
      'adoption-ending-only-via-adoption-order',
      `${reason} (adopted) ends care only through GrantAdoptionOrder.`,
      'reason',
    );
  }
}

export function notContinuingCare(reason: string): void {
  if (reason === 'X1')
    violation(
      'x1-is-not-an-end-of-care',
      'X1 means care continues: it does not end a period of care.',
      'reason',
    );
}

export function sgoToFosterCarerNeedsFosterPlacement(state: JourneyState, reason: string): void {
  const type = state.currentPlacement?.placementType;
  if (SGO_TO_FORMER_FOSTER_CARER.includes(reason as never) && !isFosterPlacement(type)) {
    violation(
      'sgo-former-foster-carer-needs-foster-placement',
      `${reason} (SGO to former foster carer) needs a current foster placement U1–U6; the current placement is ${type ?? 'none'}.`,
      'reason',
    );
  }
}

/** E17 "aged 18 or over and remained with current carers". */
export function e17NeedsAge18(state: JourneyState, reason: string, date: string): void {
  const age = ageOn(state, date);
  if (reason === 'E17' && age !== undefined && age < 18)
    violation(
      'e17-needs-age-18',
      `E17 is for young people aged 18+; the child is ${age} on ${date}.`,
      'reason',
    );
}

/**
 * E5/E6 "independent living" (national-definitions.md §1.3 REC) only from the 14th birthday: the
 * DfE validator's rule 387, in every year's rules from 2022/23 on (DEC before DOB + 14 years).
 */
export function independentLivingNeedsAge14(state: JourneyState, reason: string, date: string): void {
  const age = ageOn(state, date);
  if ((reason === 'E5' || reason === 'E6') && age !== undefined && age < 14)
    violation(
      'independent-living-needs-age-14',
      `${reason} (moved into independent living) is for young people aged 14+ (903 rule 387); the child is ${age} on ${date}.`,
      'reason',
    );
}

/**
 * Whether an end of care is E8 "just for turning 18": E8 on the 18th birthday with no missing
 * episode open. Shared with the 903 import, which keeps such a returned row and warns about it.
 * Not the day before (s17 review F5, decided): the definition's words are "turning 18" and "if 18
 * and still missing"; the day before, the young person is 17 and may still be looked after, so
 * leaving that day is not turning 18, and E8 "any other reason" is what the definition allows.
 */
export const isE8ForTurning18 = (
  reason: string,
  dateOfBirth: string,
  date: string,
  missingEpisodeOpen: boolean,
): boolean => reason === 'E8' && !missingEpisodeOpen && date === eighteenthBirthday(dateOfBirth);

/**
 * E8 "any other reason" is never used just for turning 18, only if the young person is 18 and still
 * missing (national definitions §1.3 REC): on the 18th birthday it needs a missing episode open.
 * An end of care taken from a 903 return (`asReturned`, set only by the import) is history the DfE
 * validator accepted: kept as returned, and the import reports it (docs/reporting.md).
 */
export function e8NotForTurning18(
  state: JourneyState,
  reason: string,
  date: string,
  asReturned: boolean,
): void {
  const dateOfBirth = state.child?.dateOfBirth;
  if (asReturned || dateOfBirth === undefined) return;
  if (isE8ForTurning18(reason, dateOfBirth, date, state.missingEpisodeOpen))
    violation(
      'e8-not-for-turning-18',
      'E8 is not used for leaving care at 18: choose E17 (stayed with carers), E5/E6 (independent living) or E7 (adult social care); E8 only if the young person is missing.',
      'reason',
    );
}
