import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { ListReadRateLimitGuard } from '../security/list-read-rate-limit.guard';
import { JwtAuthGuard } from './jwt-auth.guard';
import { loadUserDirectory, UserDirectory } from '../web/auth/user-directory';
import type { EventStore } from '@care-journey/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { RecordedTokens } from './recorded/recorded-tokens';
import { SignInRecord } from './recorded/sign-in-record';
import { RevokedTokens } from './revocation/revoked-tokens';
import { SessionEnds } from './session-ends';
import { SessionUsers } from './session-users';
import { TokenHolders } from './token-holders';
import { TokenVerifier } from './token-verifier';

/**
 * Installs the global guard; routes opt in with @Roles or out with @Public. Global: sign-in (web)
 * records sessions and sign-out ends them. Also the per-user budget of list reads, which needs the guard's user.
 */
@Global()
@Module({
  providers: [
    TokenVerifier,
    SessionEnds,
    // The sign-in's users, here so the guard can end sessions whose user's role changed; one
    // instance, injected by the sign-in page too.
    {
      provide: UserDirectory,
      useFactory: (config: ApiConfig) =>
        loadUserDirectory(process.env, undefined, { recheckMs: config.fileRecheckMs }),
      inject: [API_CONFIG],
    },
    { provide: SessionUsers, useExisting: UserDirectory },
    // Bearer tokens: revocations (CARE_JOURNEY_REVOKED_TOKENS, read at start-up, a bad file stops it)
    // and, with a users file, the token's user and role there (token-holders.ts).
    {
      provide: RevokedTokens,
      useFactory: (config: ApiConfig) =>
        RevokedTokens.fromEnv(process.env, { recheckMs: config.fileRecheckMs }),
      inject: [API_CONFIG],
    },
    // CARE_JOURNEY_TOKENS=recorded (the default in production): API tokens and web sessions must be
    // in `tokens-issued`; every web sign-in is recorded there (SignInRecord), whatever the setting.
    {
      provide: RecordedTokens,
      useFactory: (config: ApiConfig, store: EventStore) =>
        config.tokens === 'recorded' ? new RecordedTokens(store) : null,
      inject: [API_CONFIG, EVENT_STORE],
    },
    SignInRecord,
    {
      provide: TokenHolders,
      useFactory: (users: SessionUsers) =>
        new TokenHolders(process.env.CARE_JOURNEY_USERS?.trim() ? users : undefined),
      inject: [SessionUsers],
    },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    // After the authentication guard (global guards run in the order registered): it needs the user.
    { provide: APP_GUARD, useClass: ListReadRateLimitGuard },
  ],
  exports: [TokenVerifier, SessionEnds, UserDirectory, SessionUsers, SignInRecord],
})
export class AuthModule {}
