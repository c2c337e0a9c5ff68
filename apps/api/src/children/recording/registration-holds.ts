import { Inject, Injectable } from '@nestjs/common';
import { WrongExpectedRevision, type EventStore } from '@care-journey/event-store';
import { registrationIn, type JourneyEvent } from '@care-journey/journey';
import { ChildRefRegistry, UpnRegistry } from '@care-journey/registrations';
import { childRefHeldByAnother, holdChildRef, type ChildRefCondition } from '../../child-refs/child-ref-hold';
import { UpnInUse } from '../../child-refs/upn-in-use';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { ChildRefInUse } from '../application-errors';
import type { RecordingContext } from './recording-context';
import { reservationRecording } from './reservation-recording';

/** Writes of a registration whose reference an admin released meanwhile, before it gives up. */
const REGISTRATION_ATTEMPTS = 3;

/** The child a registration names, and its 903 reference. */
type Registered = { childRef: string; childId: string };

/**
 * A registration's 903 reference and UPN, held before its append (903 rule 444: no two children
 * share either). Order: the UPN is checked read-only; the reference is reserved (a reference another
 * child holds is named first, as holding it would answer); then the UPN is reserved; then the
 * registration is written only while the reference's reservation stands. An amendment that gives
 * the registration another reference or UPN is held by commands/amendment-holds.ts, through the
 * same registries.
 */
@Injectable()
export class RegistrationHolds {
  private readonly childRefs: ChildRefRegistry;
  private readonly upns: UpnRegistry;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.childRefs = new ChildRefRegistry(store);
    this.upns = new UpnRegistry(store);
  }

  /** Whether `events` register a child, so their append must go through `append`. Reads nothing. */
  concerns(events: readonly JourneyEvent[]): boolean {
    return registrationIn(events) !== undefined;
  }

  /**
   * Holds the reference and UPN `events` register a child under, then writes them with `write`
   * under the reference's hold (`onlyIf`; undefined when they register no child). A write the store
   * refuses because the reference was released after it was reserved reserves it again and writes
   * once more, up to REGISTRATION_ATTEMPTS writes.
   */
  async append<T>(
    events: readonly JourneyEvent[],
    context: RecordingContext,
    write: (onlyIf: ChildRefCondition | undefined) => Promise<T>,
  ): Promise<T> {
    const registered = registrationIn(events);
    if (!registered) return write(undefined);
    const upn = await this.checkUpn(events, registered);
    for (let attempt = 1; ; attempt++) {
      const onlyIf = await this.holdChildRef(registered, context);
      if (upn !== undefined && attempt === 1) await this.holdUpn(upn, registered, onlyIf, context);
      try {
        return await write(onlyIf);
      } catch (error) {
        // The reference was released after it was reserved for this child: reserve it again.
        const released = error instanceof WrongExpectedRevision && error.stream === onlyIf.stream;
        if (!released || attempt >= REGISTRATION_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * A registration first reserves its 903 reference (libs/journey child-ref.ts): refused, nothing is
   * written. The same child retrying finds its own reservation and goes on, so a crash between the
   * reservation and the registration is finished by a retry with the same childId (or key). The
   * registration is then written only while the reservation stands (child-refs/child-ref-hold.ts).
   */
  private async holdChildRef(registered: Registered, context: RecordingContext): Promise<ChildRefCondition> {
    const held = await holdChildRef(this.store, this.childRefs, registered, reservationRecording(context));
    if (!held) throw new ChildRefInUse(registered.childRef, 'childRef', registered.childId);
    return held;
  }

  /**
   * A registration's UPN, unless an unknown-UPN code, must be no other child's (903 rule 444,
   * libs/registrations upn-registry.ts). Refused before anything is written: first a reference another child
   * holds (child-ref-in-use, as holding it would answer), then the UPN (upn-in-use).
   */
  private async checkUpn(
    events: readonly JourneyEvent[],
    registered: Registered,
  ): Promise<string | undefined> {
    const registration = events.find((event) => event.type === 'ChildRegistered');
    if (registration?.type !== 'ChildRegistered') return undefined;
    const { upn } = registration.data as { upn?: unknown };
    if (typeof upn !== 'string') return undefined; // the decider requires one; nothing to hold
    if (await this.upns.isFree(upn, registered.childId)) return upn;
    if (await childRefHeldByAnother(this.store, registered))
      throw new ChildRefInUse(registered.childRef, 'childRef', registered.childId);
    throw new UpnInUse('upn', registered.childId);
  }

  /**
   * Once the reference is held: the UPN's reservation, which of two registrations racing with one
   * UPN only one wins. The loser releases the reference it had just reserved (it never became a
   * child) and is refused: its own reservation, by its revision (`releaseUnrecorded`, as a refused
   * amendment's), never through the admin's `release`, whose settle window refuses a fresh hold.
   */
  private async holdUpn(
    upn: string,
    registered: Registered,
    held: ChildRefCondition,
    context: RecordingContext,
  ): Promise<void> {
    const recording = reservationRecording(context);
    if (await this.upns.hold(upn, registered.childId, recording)) return;
    // Released or registered meanwhile by someone else: the reference is not this refusal's to free
    // (releaseUnrecorded then writes nothing).
    if (typeof held.revision === 'bigint')
      await this.childRefs.releaseUnrecorded(
        registered.childRef,
        registered.childId,
        held.revision,
        'registration refused: upn-in-use (903 rule 444)',
        recording,
      );
    throw new UpnInUse('upn', registered.childId);
  }
}
