/**
 * DfE 903 validation rule 384: a child on short breaks (V3/V4) is not in a long-term foster
 * placement (U1 or U4). Checked wherever a short-break legal status and a placement meet: start of
 * care, a placement change, a change of legal status.
 */
import { isShortBreak } from '../code-groups';
import { violation } from '../errors';

const LONG_TERM_FOSTER = ['U1', 'U4'];

export function shortBreakNotInLongTermFoster(
  legalStatus: string | undefined,
  placementType: string | undefined,
  field: 'placement.placementType' | 'legalStatus',
): void {
  if (!isShortBreak(legalStatus) || !placementType || !LONG_TERM_FOSTER.includes(placementType)) return;
  violation(
    'short-break-not-long-term-foster',
    `A child on short breaks (${legalStatus}) cannot be in a long-term foster placement (${placementType}) (903 validation rule 384); ${field} must change.`,
    field,
  );
}
