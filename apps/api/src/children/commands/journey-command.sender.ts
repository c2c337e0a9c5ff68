import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandOf, JourneyCommandType } from '@care-journey/journey';
import type { CommandOrigin } from '../../http/command-origin.decorator';
import type { IfMatch } from '../../http/if-match';
import { Clock } from '../../infrastructure/clock';
import { RefusalTrail } from '../../auth/child-scope/refusal-trail';
import { UserTeamScopes } from '../../auth/child-scope/user-team-scopes';
import { AllocationNames } from '../allocation/allocation-names';
import { knownAllocation, type SentAllocationNames } from '../allocation/known-allocation-names';
import { idempotentCommandId, legacyRequestHash, RequestHasher } from '../recording/idempotency';
import { RecordJourneyCommand, type RecordResult } from './record-journey.command';

/** The fields a client sends for a command; the rest comes from the path, the token and the clock. */
export type CommandBody<T extends JourneyCommandType> = Omit<
  CommandOf<T>,
  'type' | 'childId' | 'now' | 'recordedBy'
>;

/** The commands that record an allocation's team and social worker as they stand. */
const NAMES_AN_ALLOCATION: ReadonlySet<JourneyCommandType> = new Set(['RegisterChild', 'ChangeAllocation']);

/** Turns a validated request into the domain command and sends it through the CommandBus. */
@Injectable()
export class JourneyCommandSender {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    private readonly allocationNames: AllocationNames,
    private readonly scopes: UserTeamScopes,
    private readonly hasher: RequestHasher,
    private readonly refusals: RefusalTrail,
  ) {}

  send<T extends JourneyCommandType>(
    type: T,
    childId: string,
    body: CommandBody<T>,
    ifMatch: IfMatch,
    origin: CommandOrigin,
    /** The client's Idempotency-Key (already checked): a retry with it returns the first outcome. */
    idempotencyKey?: string,
  ): Promise<RecordResult> {
    // A registration and a new allocation name a configured team and a social worker who can sign
    // in (400 otherwise), spelt as configured; the idempotency hash stays on the body as sent. An
    // amendment's names are checked by the handler, once it knows which entry is corrected.
    const sent = NAMES_AN_ALLOCATION.has(type)
      ? knownAllocation(this.allocationNames.known(), body as SentAllocationNames)
      : body;
    const now = this.clock.now();
    const recordedBy = origin.user.id;
    // Path and token win over anything of the same name in the body. Not `{ ...sent, type, … }`: V8
    // (Node 20) writes each property added after a spread into a clone whose map keeps no
    // transitions, ~2 µs a property, 2.5% of the main thread a command (#9). The same keys in the same
    // order: the body holds its declared fields only (the pipe refuses any other, `__proto__` too).
    const command = Object.assign({}, sent, { type, childId, now, recordedBy }) as unknown as CommandOf<T>;
    const keyed =
      idempotencyKey === undefined
        ? undefined
        : { key: idempotencyKey, requestHash: this.hasher.hash(type, childId, body) };
    // What caused these events, in every stream (review s18-es F6): a keyed command, named by its
    // key and request, so every attempt of it is one command; else the request, as its log line and
    // X-Request-Id name it.
    const causationId = keyed
      ? idempotentCommandId(recordedBy, keyed.key, keyed.requestHash)
      : (origin.requestId ?? randomUUID());
    const sending: Promise<RecordResult> = this.commandBus.execute(
      new RecordJourneyCommand(
        command,
        ifMatch,
        {
          now,
          recordedBy,
          correlationId: origin.correlationId,
          causationId,
          ...(keyed && {
            idempotency: {
              key: keyed.key,
              requestHash: keyed.requestHash,
              // Only worked out to compare with an outcome stored before hashes were keyed.
              legacyRequestHash: () => legacyRequestHash(type, childId, body),
            },
          }),
        },
        this.scopes.of(origin.user),
      ),
    );
    // A refusal made on the decided state goes in the read-access trail before the client hears of it
    // (a catch here, not an interceptor: Nest's interceptor machinery cost every command ~5% of the
    // main thread, bench finding 39).
    const { request } = origin;
    if (request === undefined) return sending;
    return sending.catch(async (error: unknown) => {
      await this.refusals.recordIfRefusal(origin.user, error, request, childId);
      throw error;
    });
  }
}
