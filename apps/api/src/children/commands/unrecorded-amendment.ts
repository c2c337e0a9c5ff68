/**
 * What an amendment reserved itself before its journey append (a 903 reference, a UPN): released
 * again when that append is refused, so a refused amendment leaves nothing held. Only what this
 * attempt wrote is released (a value the child held already stays held), and each registry writes
 * the release only while its reservation is still the stream's latest event and the child's
 * journey has not carried the value (libs/registrations releaseUnrecorded). A crash between the
 * two writes still leaves the hold: `audit verify-store` names it, `child-ref release` frees it.
 */
import { Logger } from '@nestjs/common';

/** A reservation an amendment wrote itself, and how to release it again. */
export interface ReleaseUnrecorded {
  /** The registry stream holding it (`child-ref-<REF>`, or a UPN's `upn-<hash>`: no personal data). */
  stream: string;
  childId: string;
  release: () => Promise<boolean>;
}

/** The reason the registries keep with such a release. */
export const UNRECORDED_AMENDMENT = 'amendment refused after reserving: its journey append was not recorded';

const AMENDMENTS_LOG = new Logger('Amendments');

const NOT_RELEASED =
  "not released: the reservation is no longer the stream's latest event, or the journey carries the value";

/**
 * Runs `append` and, when it throws, releases what `reserved` holds before rethrowing the
 * append's own error (the caller must see why its command was refused, not why the clean-up was).
 * A release that fails or writes nothing is logged as a warning naming the stream, the child and
 * why (review s20 diff F5), so a leftover hold is seen now, not only by verify-store 10 minutes
 * on. Nothing reserved (an ordinary command): `append` itself, no extra await.
 */
export function appendReleasingOnRefusal<T>(
  reserved: readonly ReleaseUnrecorded[] | undefined,
  append: () => Promise<T>,
  logger: Pick<Logger, 'warn'> = AMENDMENTS_LOG,
): Promise<T> {
  if (!reserved || reserved.length === 0) return append();
  return append().catch(async (error: unknown) => {
    for (const { stream, childId, release } of reserved) {
      const reason = await release().then(
        (released) => (released ? undefined : NOT_RELEASED),
        (failure: unknown) =>
          `release failed: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
      if (reason !== undefined)
        logger.warn(
          `refused amendment left its hold on ${stream} for child ${childId}: ${reason} ` +
            '(audit verify-store names it; child-ref release frees a reference)',
        );
    }
    throw error;
  });
}
