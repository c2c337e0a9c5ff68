/**
 * Why an admin release of a UPN (upn-registry.ts `release`) is refused: the same rules as a 903
 * reference's (child-ref-registry.ts), each naming the field and the rule. A UPN is personal data:
 * no message holds it; the hold is named by its stream (`upn-<hash>`), as `audit verify-store` names it.
 */
import type { RecordedEvent } from '@care-journey/event-store';
import { type ReleaseProblem, type ReleaseRefusalKind, UpnReleaseRefused } from './child-ref-registry-errors';
import { isUnknownUpn, normaliseUpn, UPN_STREAM_PREFIX, upnStream } from './upn-normalise';
import { releaseReasonProblems } from './release-reason';
import { holdSettling } from './settle-window';

/** A UPN's shape (the registration's own rule, invalid-upn): a letter, 11 digits, and a digit or letter. */
const UPN_SHAPE = /^[A-Z]\d{11}[0-9A-Z]$/;

/** A UPN's stream as `audit verify-store` names it: an admin may release by it, never handling the UPN. */
const UPN_STREAM_NAME = new RegExp(`^${UPN_STREAM_PREFIX}[0-9a-f]{40}$`);

/** The stream a release's (checked) `upn` names: a UPN's, or a stream name given as it is. */
export const releasedStream = (upn: string): string =>
  UPN_STREAM_NAME.test(upn.trim()) ? upn.trim() : upnStream(upn);

export const upnRefusal = (kind: ReleaseRefusalKind, rule: string, message: string): UpnReleaseRefused =>
  new UpnReleaseRefused(kind, [{ field: 'upn', rule, message }]);

/** Every problem with the input of a release (empty: the UPN and reason may be looked at). */
export function upnReleaseInputProblems(upn: unknown, reason: unknown): ReleaseProblem[] {
  const problems: ReleaseProblem[] = [];
  if (typeof upn === 'string' && isUnknownUpn(upn))
    problems.push({
      field: 'upn',
      rule: 'upn-unknown-code',
      message:
        'upn is an unknown-UPN code (UN1–UN5): it names no pupil, is never reserved, and has nothing to release',
    });
  else if (
    typeof upn !== 'string' ||
    !(UPN_SHAPE.test(normaliseUpn(upn)) || UPN_STREAM_NAME.test(upn.trim()))
  )
    problems.push({
      field: 'upn',
      rule: 'invalid-upn',
      message:
        'upn must be a 13-character unique pupil number (a letter, 11 digits, then a digit or letter), compared ignoring case',
    });
  problems.push(...releaseReasonProblems(reason, 'UPN'));
  return problems;
}

/** A release refused because the holder's journey carries the UPN, or was written meanwhile and may. */
export function upnCarriedRefusal(stream: string, childId: string, verb: 'is' | 'may be'): UpnReleaseRefused {
  const journey =
    verb === 'is'
      ? 'whose journey carries it (at its registration or by an amendment)'
      : 'whose journey was written while the release was being written (a registration or amendment may carry it)';
  return upnRefusal(
    'conflict',
    'upn-holder-registered',
    `the UPN of ${stream} is held by child ${childId}, ${journey}: a UPN is released only when its holder's ` +
      'journey never carried it (one that named a child in a return never names another)',
  );
}

/** Refuses releasing a reservation under SETTLE_MS old at `recordedAt`, or of no readable time. */
export function refuseUnsettledUpn(
  stream: string,
  childId: string,
  reservation: RecordedEvent,
  recordedAt: string,
): void {
  const settling = holdSettling(reservation, recordedAt);
  if (settling === undefined) return;
  throw upnRefusal(
    'conflict',
    'upn-hold-settling',
    `the UPN of ${stream} was reserved for child ${childId} ${settling}`,
  );
}
