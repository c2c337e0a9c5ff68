import { HttpStatus, Inject, Injectable, Optional, ServiceUnavailableException } from '@nestjs/common';
import type { EventStore } from '@care-journey/event-store';
import {
  heldSchemaWrite,
  JOURNEY_SCHEMAS,
  raisedTypes,
  SCHEMA_WRITES_VARIABLE,
  type HeldSchemaWrite,
  type JourneyEvent,
  type JourneySchemas,
  type JourneyState,
} from '@care-journey/journey';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';

/** The `code` of the refusal (apps/api/README.md, Errors and "Event schema upgrades"). */
export const SCHEMA_WRITES_HELD = 'schema-writes-held';

/** A command refused because it would write a schema version older processes may not read yet. */
export class SchemaWritesHeld extends ServiceUnavailableException {
  constructor(readonly held: HeldSchemaWrite) {
    super({
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: 'Service Unavailable',
      code: SCHEMA_WRITES_HELD,
      message:
        `${held.type} v${held.version} is written once every process reads it: set ` +
        `${SCHEMA_WRITES_VARIABLE}=current after upgrading every API, projector and CLI; nothing was recorded`,
      type: held.type,
      version: held.version,
      inLog: held.seen,
      eventType: held.eventType,
    });
    this.name = 'SchemaWritesHeld';
  }
}

/**
 * CARE_JOURNEY_SCHEMA_WRITES=held (ops review s12 F14): refuses a decision that writes a version
 * above 1 the log does not hold yet (libs/journey schema-writes.ts has the rule). `held` is false
 * with the default `current`, and the handler tests only that. Held, the highest version of each
 * raised type in the log is read once (the events of those types only, filtered by the store) and
 * then only the events appended since, and only when a decision would write a version not seen yet.
 */
@Injectable()
export class SchemaWriteGate {
  readonly held: boolean;
  private readonly types: string[];
  /** Per raised type, the highest version seen in the log. */
  private readonly seen = new Map<string, number>();
  /** Where the last look read to (the head then, or a later event); the next starts after it. */
  private readTo: bigint | undefined;
  private reading: Promise<void> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) config: Pick<ApiConfig, 'schemaWrites'>,
    @Optional() private readonly schemas: JourneySchemas = JOURNEY_SCHEMAS,
  ) {
    this.types = raisedTypes(schemas);
    // Every type at 1: nothing to hold, whatever the setting.
    this.held = config.schemaWrites === 'held' && this.types.length > 0;
  }

  /** Throws SchemaWritesHeld when `events` write a version the log does not hold yet. */
  async check(events: readonly JourneyEvent[], state: JourneyState): Promise<void> {
    if (heldSchemaWrite(events, state, this.seen, this.schemas) === undefined) return;
    // Another process (one set to `current`) may have written it since the last look.
    await this.readNewEvents();
    const held = heldSchemaWrite(events, state, this.seen, this.schemas);
    if (held !== undefined) throw new SchemaWritesHeld(held);
  }

  /** One read at a time; a caller arriving meanwhile waits for it rather than reading the same events. */
  private readNewEvents(): Promise<void> {
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async read(): Promise<void> {
    // Read up to here at least: the next look starts after it even when no raised type was written.
    const head = await this.store.headPosition();
    const events = this.store.readAll({
      ...(this.readTo !== undefined && { fromPosition: this.readTo }),
      filter: { eventTypes: this.types },
    });
    for await (const event of events) {
      const version = event.metadata.schemaVersion;
      if (typeof version === 'number' && version > (this.seen.get(event.type) ?? 1))
        this.seen.set(event.type, version);
      this.readTo = event.globalPosition;
    }
    if (head !== undefined && (this.readTo === undefined || head > this.readTo)) this.readTo = head;
  }
}
