import { readLastEvent, type AppendOptions, type EventStore } from '@care-journey/event-store';
import { childRefHolding, childRefStream } from '@care-journey/journey';
import type { ChildRefRegistry, ReservationRecording } from '@care-journey/registrations';

/** Reservations tried before a registration gives up on a reference released again and again meanwhile. */
const HOLD_ATTEMPTS = 3;

/**
 * The condition a registration is appended under: the reference's stream still at the revision
 * where this child holds it. A registration is two writes to two streams (the reservation, then
 * the child); without it, a retry that had found its reservation could stall, an admin release
 * the reference (the child had no journey yet), another child reserve and register under it, and
 * then the stalled retry land: two children with one reference. With it the store refuses that
 * late write (SQLite: in the same transaction), and the registration reserves again
 * (children/recording/registration-holds.ts): it holds the reference once more, or is refused as
 * another child's.
 */
export type ChildRefCondition = NonNullable<AppendOptions['onlyIf']>;

/**
 * Reserves `childRef` for `childId` (a retry finds its own reservation) and reads the revision
 * at which it holds it. Undefined: another child holds it (nothing written for this child).
 */
export async function holdChildRef(
  store: EventStore,
  registry: ChildRefRegistry,
  { childRef, childId }: { childRef: string; childId: string },
  recording: ReservationRecording,
): Promise<ChildRefCondition | undefined> {
  const stream = childRefStream(childRef);
  for (let attempt = 0; attempt < HOLD_ATTEMPTS; attempt++) {
    if (!(await registry.reserve(childRef, childId, recording))) return undefined;
    const latest = await readLastEvent(store, stream);
    const holding = latest && childRefHolding(latest);
    if (latest && holding?.held && holding.childId === childId) return { stream, revision: latest.revision };
    // Released between the reservation and this read: reserve again (it is free, or someone else's).
  }
  return undefined;
}

/**
 * Read-only: whether another child holds `childRef` now (its stream's latest event a reservation
 * for another id). Lets a refusal for another reason name the reference first, as holding it would.
 */
export async function childRefHeldByAnother(
  store: EventStore,
  { childRef, childId }: { childRef: string; childId: string },
): Promise<boolean> {
  const latest = await readLastEvent(store, childRefStream(childRef));
  const holding = latest && childRefHolding(latest);
  return !!holding?.held && holding.childId !== childId;
}
