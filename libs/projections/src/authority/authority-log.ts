/**
 * The authority measures kept up to date from the event log: each call reads only the events
 * appended since the last one and re-prepares only the children they belong to, so a reporting
 * job asking every few minutes does not re-read ten years of history. Concurrent callers share
 * one catch-up.
 */
import type { EventStore, RecordedEvent } from '@care-journey/event-store';
import { fromStoredEnvelope, JOURNEY_STREAM_PREFIX, type StoredJourneyEvent } from '@care-journey/journey';
import { prepareChild, type AuthorityChild } from './authority-child';
import type { AuthorityConfig } from './authority-config';
import { AuthorityMeasures } from './authority-measures';
import { authorityInputFromStream } from './placement-details';

const toStored = (event: RecordedEvent): StoredJourneyEvent =>
  fromStoredEnvelope(event, { positions: false });

export class AuthorityLog {
  private readonly streams = new Map<string, StoredJourneyEvent[]>();
  private readonly prepared = new Map<string, AuthorityChild>();
  private readonly districts: ReadonlySet<string>;
  private position?: bigint;
  private latest?: AuthorityMeasures;
  private catchingUp?: Promise<AuthorityMeasures>;

  constructor(
    private readonly store: EventStore,
    readonly config: AuthorityConfig,
  ) {
    this.districts = new Set(config.districts);
  }

  /** The measures over every child in the log as it is now. */
  measures(): Promise<AuthorityMeasures> {
    this.catchingUp ??= this.catchUp().finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }

  private async catchUp(): Promise<AuthorityMeasures> {
    const changed = new Set<string>();
    const filter = { streamPrefixes: [JOURNEY_STREAM_PREFIX] };
    for await (const event of this.store.readAll({ fromPosition: this.position, filter })) {
      const childId = event.streamId.slice(JOURNEY_STREAM_PREFIX.length);
      const stream = this.streams.get(childId) ?? [];
      stream.push(toStored(event));
      this.streams.set(childId, stream);
      changed.add(childId);
      this.position = event.globalPosition;
    }
    if (this.latest && changed.size === 0) return this.latest;
    for (const childId of changed) {
      const input = authorityInputFromStream(childId, this.streams.get(childId) ?? []);
      this.prepared.set(childId, prepareChild(input, this.config, this.districts));
    }
    this.latest = AuthorityMeasures.fromPrepared([...this.prepared.values()], this.config);
    return this.latest;
  }
}
