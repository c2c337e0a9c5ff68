import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
import { SessionEnds } from './session-ends';
import { TokenVerifier } from './token-verifier';

/** Installs the global guard; routes opt in with @Roles or out with @Public. Global: sign-out (web) ends sessions. */
@Global()
@Module({
  providers: [TokenVerifier, SessionEnds, { provide: APP_GUARD, useClass: JwtAuthGuard }],
  exports: [TokenVerifier, SessionEnds],
})
export class AuthModule {}
