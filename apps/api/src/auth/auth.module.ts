import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ListReadRateLimitInterceptor } from '../security/list-read-rate-limit.interceptor';
import { JwtAuthGuard } from './jwt-auth.guard';
import { SessionEnds } from './session-ends';
import { TokenVerifier } from './token-verifier';

/**
 * Installs the global guard; routes opt in with @Roles or out with @Public. Global: sign-out (web)
 * ends sessions. Also the per-user budget of list reads, which needs the guard's user.
 */
@Global()
@Module({
  providers: [
    TokenVerifier,
    SessionEnds,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_INTERCEPTOR, useClass: ListReadRateLimitInterceptor },
  ],
  exports: [TokenVerifier, SessionEnds],
})
export class AuthModule {}
