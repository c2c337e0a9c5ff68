import { RELEASE_REASON_MAX_LENGTH } from '@care-journey/journey';
import type { ReleaseProblem } from './child-ref-registry-errors';

/**
 * What is wrong with a release's reason (empty: it may be recorded), the same rule for both
 * registries. `hold` names what is released ('reference', 'UPN') in the message.
 */
export function releaseReasonProblems(reason: unknown, hold: 'reference' | 'UPN'): ReleaseProblem[] {
  if (typeof reason !== 'string' || reason.trim() === '')
    return [
      {
        field: 'reason',
        rule: 'release-reason-required',
        message: `reason is required: say why the ${hold} is released (it is kept in the ${hold}’s stream)`,
      },
    ];
  if (reason.trim().length > RELEASE_REASON_MAX_LENGTH)
    return [
      {
        field: 'reason',
        rule: 'release-reason-length',
        message: `reason must be at most ${RELEASE_REASON_MAX_LENGTH} characters`,
      },
    ];
  return [];
}
