import { Inject, Injectable, type Provider } from '@nestjs/common';
import type { EventStore } from '@care-journey/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { AuthorityLog, loadAuthorityConfig, type AuthorityConfig } from '@care-journey/projections';

/** The authority settings (CARE_JOURNEY_AUTHORITY / _FILE), read once; a bad one stops start-up. */
export const AUTHORITY_CONFIG = Symbol('AUTHORITY_CONFIG');

export const authorityConfigProvider: Provider = {
  provide: AUTHORITY_CONFIG,
  useFactory: (): AuthorityConfig => loadAuthorityConfig(process.env),
};

/** One log reader per app: it keeps the prepared children between requests. */
@Injectable()
export class AuthorityMeasuresSource extends AuthorityLog {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(AUTHORITY_CONFIG) config: AuthorityConfig) {
    super(store, config);
  }
}
