/**
 * A placement's reason for change must agree with whether the carer changed (national definitions
 * §1.3 REASON_PLACE_CHANGE and §3 "a placement follows the carer"): PLACE is a change in the status
 * of the placement only, so the same carer; the reasons that end this carer's care of the child
 * (closure, allegation, standards, approval removed, the carer or the child asking for an end) mean
 * a new carer. The stability counts (ST1, DR05) follow sameCarer, so a contradiction miscounts moves.
 *
 * Decision (frontline review F7, apps/api/README.md): only what a reason's own meaning contradicts is
 * refused. CARPL (the care plan), LAREQ (the authority ends the arrangement), CUSTOD and OTHER say
 * nothing about the carer, and a same-carer change (903 RNE T/U: the carer moves house, the provider
 * or URN changes) can be planned or asked for by the authority, so they fit either answer. §3's
 * "T/U = same carer (RC PLACE)" is not read as PLACE being the only same-carer reason: the DfE
 * validator ties no reason to T/U, and the 903 import keeps a reason that contradicts RNE as OTHER
 * (docs/reporting.md), which must then fit either answer.
 */
import { codeMeaning } from '../code-lists';
import { violation } from '../errors';

/** The reasons whose meaning is that the child leaves the carer. */
const ENDS_THE_CARER = new Set(['CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD']);

const named = (code: string) =>
  `‘${code} ${codeMeaning('REASON_PLACE_CHANGE', code) ?? ''}’`.replace(' ’', '’');

/** Whether a reason for change fits the carer answer (the rule reasonAgreesWithCarer enforces). */
export function reasonFitsCarer(reasonForChange: string, sameCarer: boolean): boolean {
  return sameCarer ? !ENDS_THE_CARER.has(reasonForChange) : reasonForChange !== 'PLACE';
}

export function reasonAgreesWithCarer(reasonForChange: string, sameCarer: boolean): void {
  if (reasonForChange === 'PLACE' && !sameCarer)
    violation(
      'place-reason-means-same-carer',
      `reasonForChange ${named('PLACE')} means the child stays with the same carer: answer Yes to ‘same carer’, or choose the reason the child left the carer.`,
      'reasonForChange',
    );
  if (ENDS_THE_CARER.has(reasonForChange) && sameCarer)
    violation(
      'reason-ends-the-carer',
      `reasonForChange ${named(reasonForChange)} means the child leaves this carer: answer No to ‘same carer’, or choose PLACE (change in the status of the placement only).`,
      'reasonForChange',
    );
}
