/**
 * How long a registration or amendment may take after its reservations (the registries' own
 * bound): `audit verify-store`'s cross-check does not judge a younger hold, and an admin may not
 * release a registered child's younger hold (an amendment carrying it may still be under way).
 */
export const SETTLE_MS = 10 * 60_000;
