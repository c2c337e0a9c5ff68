import { Inject, Injectable, type Provider } from '@nestjs/common';
import type { EventStore } from '@care-journey/event-store';
import {
  loadAuthorityConfig,
  PreparedAuthority,
  type AuthorityConfig,
  type AuthorityMeasures,
} from '@care-journey/projections';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { JourneyQueries } from '../projections/journey-queries';

/** The authority settings (CARE_JOURNEY_AUTHORITY / _FILE), read once; a bad one stops start-up. */
export const AUTHORITY_CONFIG = Symbol('AUTHORITY_CONFIG');

export const authorityConfigProvider: Provider = {
  provide: AUTHORITY_CONFIG,
  useFactory: (): AuthorityConfig => loadAuthorityConfig(process.env),
};

/**
 * The measures over the engine's read models (JourneyQueries), one per app: it keeps the prepared
 * children between requests and re-prepares only those whose read model changed.
 */
@Injectable()
export class AuthorityMeasuresSource {
  private readonly prepared: PreparedAuthority;

  constructor(
    private readonly queries: JourneyQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUTHORITY_CONFIG) readonly config: AuthorityConfig,
  ) {
    this.prepared = new PreparedAuthority(config);
  }

  /**
   * The measures over every child in the log as it is now: waits (bounded, else 503) until the read
   * models hold the head of the log; only its position is read from the log, never its events.
   */
  async measures(): Promise<AuthorityMeasures> {
    const head = await this.store.headPosition();
    await this.queries.waitFor(head?.toString());
    return this.prepared.measures(this.queries);
  }
}
