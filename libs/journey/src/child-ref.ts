/**
 * One 903 child reference (CHILD) belongs to one child across the authority. The rule cannot be
 * decided inside one child's stream, so each reference has a stream of its own,
 * `child-ref-<REF>`, whose latest event says who holds it: `ChildRefReserved` (held by its child)
 * or `ChildRefReleased` (free again: its holder's journey never carried it, and either an admin
 * released it or the amendment that reserved it was refused and released it). The first reservation is appended with 'no_stream' before the child's registration, a
 * later one at the revision of the release it follows, so of two children asking at once the
 * store lets one win. Reservation streams are not journeys: readers that want journeys filter on
 * `journey-`.
 */

export const CHILD_REF_STREAM_PREFIX = 'child-ref-';
export const CHILD_REF_RESERVED = 'ChildRefReserved';
export const CHILD_REF_RELEASED = 'ChildRefReleased';
export const CHILD_REF_SCHEMA_VERSION = 1;
/** 903 CHILD is at most 10 characters (the registration's own limit). */
export const CHILD_REF_MAX_LENGTH = 10;
export const RELEASE_REASON_MAX_LENGTH = 500;

export interface ChildRefReservedData {
  /** The reference as the child was registered with it. */
  childRef: string;
  childId: string;
}

export interface ChildRefReleasedData {
  /** The reference as compared (normalised). */
  childRef: string;
  /** The id that held it, whose journey never carried it (it never became a child, or an amendment reserving it was refused). */
  childId: string;
  /** Why it was released, by an admin or an amendment refused after reserving (required: the stream is the audit trail). */
  reason: string;
}

/** Who holds a reference now, from its stream's latest event; undefined if that is neither kind. */
export type ChildRefHolding = { held: true; childId: string } | { held: false; releasedFrom: string };

export function childRefHolding(latest: {
  type: string;
  data: Record<string, unknown>;
}): ChildRefHolding | undefined {
  const { childId } = latest.data;
  if (typeof childId !== 'string') return undefined;
  if (latest.type === CHILD_REF_RESERVED) return { held: true, childId };
  if (latest.type === CHILD_REF_RELEASED) return { held: false, releasedFrom: childId };
  return undefined;
}

/** Why `childRef` cannot be a 903 reference, or undefined when it can. */
export function childRefProblem(childRef: unknown): string | undefined {
  if (typeof childRef !== 'string' || childRef.trim() === '')
    return 'childRef must be a non-empty text (the 903 CHILD reference)';
  if (childRef.trim().length > CHILD_REF_MAX_LENGTH)
    return `childRef must be at most ${CHILD_REF_MAX_LENGTH} characters (903 CHILD)`;
  return undefined;
}

/**
 * References as the DfE 903 validator compares them: it upper-cases every text cell before
 * INT32 ("Child should only exist once in Header"), so `c100529` and `C100529` are one child there.
 * Surrounding spaces are dropped too: no one means a different child by them.
 */
export const normaliseChildRef = (childRef: string): string => childRef.trim().toUpperCase();

export const childRefStream = (childRef: string): string =>
  `${CHILD_REF_STREAM_PREFIX}${normaliseChildRef(childRef)}`;

/** The reference and child a batch of decided events registers, if it registers one. */
export function registrationIn(
  events: readonly { type: string; data: object }[],
): ChildRefReservedData | undefined {
  const registered = events.find((event) => event.type === 'ChildRegistered');
  if (!registered) return undefined;
  const { childRef, childId } = registered.data as Partial<ChildRefReservedData>;
  return typeof childRef === 'string' && typeof childId === 'string' ? { childRef, childId } : undefined;
}

/**
 * A store written before reservations existed gets them from a one-off migration; its last event
 * is this marker, so a process that finds it knows every registration has its reservation and
 * reads no registrations. Not a `child-ref-` stream: no reference can be named after it.
 */
export const CHILD_REFS_MIGRATED_STREAM = 'child-refs-migrated';
export const CHILD_REFS_MIGRATED = 'ChildRefsMigrated';

export interface ChildRefsMigratedData {
  /** Registrations read that had no reservation (written before reservations existed). */
  registrationsWithoutReservation: number;
  /** Reservations this migration appended for them. */
  reserved: number;
  /** Of those registrations, the ones whose reference another child already held (left as they were). */
  heldByAnotherChild: number;
}
