import type { RecordedEvent } from '@care-journey/event-store';

/**
 * How long a registration or amendment may take after its reservations (the registries' own
 * bound): `audit verify-store`'s cross-check does not judge a younger hold, and an admin may not
 * release a younger hold, registered holder or not (a registration or amendment carrying it may
 * still be under way, and a registration's journey append has no condition on the UPN stream).
 */
export const SETTLE_MS = 10 * 60_000;

const MINUTES = SETTLE_MS / 60_000;

/**
 * Why an admin may not release `reservation` yet at `at` (the release's recordedAt), to follow
 * "<the hold> reserved for child <id>": a reservation under SETTLE_MS old, or one with no readable
 * time (it cannot be known to be settled, so it is treated as settling). Undefined once settled.
 */
export function holdSettling(reservation: RecordedEvent, at: string): string | undefined {
  const reservedAt = Date.parse(String(reservation.metadata.recordedAt ?? ''));
  if (Number.isNaN(reservedAt))
    return (
      `at no readable time (its recordedAt is missing or not a date), so it cannot be known to be ` +
      `${MINUTES} minutes old: it is not released (audit verify-store names the hold)`
    );
  if (Date.parse(at) - reservedAt >= SETTLE_MS) return undefined;
  return (
    `at ${new Date(reservedAt).toISOString()}, less than ${MINUTES} minutes ago: a registration or ` +
    `amendment carrying it may still be being recorded, so a reservation is released only once it is ` +
    `${MINUTES} minutes old; try again after ${new Date(reservedAt + SETTLE_MS).toISOString()}`
  );
}
