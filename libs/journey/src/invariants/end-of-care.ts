/** How care may end: adoption only by the order, SGO to former foster carers from a foster placement. */
import { ADOPTION_ENDINGS, SGO_TO_FORMER_FOSTER_CARER, isFosterPlacement } from '../code-groups';
import { violation } from '../errors';
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
