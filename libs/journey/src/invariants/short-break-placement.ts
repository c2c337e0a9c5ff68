/**
 * DfE 903 validation rule 384: a child on short breaks (V3/V4) is not in a long-term foster
 * placement (U1 or U4). Checked wherever a short-break legal status and a placement meet: start of
 * care, a placement change, a change of legal status (against the usual placement while a
 * temporary one is open: the child goes back to it on V3/V4). A correction that would make them
 * meet is refused through the replay of the amended journey, which runs these same checks.
 *
 * Each message starts with the field and its value ("<field> <value> is …"), so a refused
 * correction can tell another entry's failure in words (handlers/corrections-other-entry.ts).
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
    field === 'legalStatus'
      ? `legalStatus ${legalStatus} is a short break for a child placed in long-term foster care (${placementType}), which 903 validation rule 384 refuses.`
      : `placement.placementType ${placementType} is a long-term foster placement for a child on short breaks (${legalStatus}), which 903 validation rule 384 refuses.`,
    field,
  );
}
