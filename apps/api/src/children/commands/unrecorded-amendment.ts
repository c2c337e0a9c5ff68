/**
 * What an amendment reserved itself before its journey append (a 903 reference, a UPN): released
 * again when that append is refused, so a refused amendment leaves nothing held. Only what this
 * attempt wrote is released (a value the child held already stays held), and each registry writes
 * the release only while its reservation is still the stream's latest event and the child's
 * journey has not carried the value (libs/registrations releaseUnrecorded). A crash between the
 * two writes still leaves the hold: `audit verify-store` names it, `child-ref release` frees it.
 */
export type ReleaseUnrecorded = () => Promise<boolean>;

/** The reason the registries keep with such a release. */
export const UNRECORDED_AMENDMENT = 'amendment refused after reserving: its journey append was not recorded';

/**
 * Runs `append` and, when it throws, releases what `reserved` holds before rethrowing the
 * append's own error (a release that fails too leaves the hold to verify-store's remedy: the
 * caller must see why its command was refused, not why the clean-up was). Nothing reserved (an
 * ordinary command): `append` itself, no extra await.
 */
export function appendReleasingOnRefusal<T>(
  reserved: readonly ReleaseUnrecorded[] | undefined,
  append: () => Promise<T>,
): Promise<T> {
  if (!reserved || reserved.length === 0) return append();
  return append().catch(async (error: unknown) => {
    for (const release of reserved) await release().catch(() => false);
    throw error;
  });
}
