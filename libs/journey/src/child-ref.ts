/**
 * One 903 child reference (CHILD) belongs to one child across the authority. The rule cannot be
 * decided inside one child's stream, so each reference has a stream of its own,
 * `child-ref-<REF>`, whose first event says which child holds it; it is appended with 'no_stream'
 * before the child's registration, so of two children asking at once the store lets one win.
 * Reservation streams are not journeys: readers that want journeys filter on `journey-`.
 */

export const CHILD_REF_STREAM_PREFIX = 'child-ref-';
export const CHILD_REF_RESERVED = 'ChildRefReserved';
export const CHILD_REF_SCHEMA_VERSION = 1;

export interface ChildRefReservedData {
  /** The reference as the child was registered with it. */
  childRef: string;
  childId: string;
}

/**
 * References as the DfE 903 validator compares them: it upper-cases every text cell before
 * INT32 ("Child should only exist once in Header"), so `c100529` and `C100529` are one child there.
 * Surrounding spaces are dropped too: no one means a different child by them.
 */
export const normaliseChildRef = (childRef: string): string => childRef.trim().toUpperCase();

export const childRefStream = (childRef: string): string =>
  `${CHILD_REF_STREAM_PREFIX}${normaliseChildRef(childRef)}`;

/** The child a reservation stream's first event names; undefined if it is not a reservation. */
export function childRefHolder(first: { type: string; data: Record<string, unknown> }): string | undefined {
  if (first.type !== CHILD_REF_RESERVED) return undefined;
  const { childId } = first.data;
  return typeof childId === 'string' ? childId : undefined;
}

/** The reference and child a batch of decided events registers, if it registers one. */
export function registrationIn(
  events: readonly { type: string; data: object }[],
): ChildRefReservedData | undefined {
  const registered = events.find((event) => event.type === 'ChildRegistered');
  if (!registered) return undefined;
  const { childRef, childId } = registered.data as Partial<ChildRefReservedData>;
  return typeof childRef === 'string' && typeof childId === 'string' ? { childRef, childId } : undefined;
}
