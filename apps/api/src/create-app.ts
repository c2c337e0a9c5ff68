import { Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/api-config';
import { setUpSwagger } from './docs/swagger';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { StoreOutage } from './infrastructure/store-outage';
import { registerETagHook } from './http/etag';
import { createValidationPipe } from './http/validation-pipe';
import { registerRequestLog, requestIdFor } from './http/request-log';
import { accessLogFor } from './logging/access-log-sink';
import { CareJourneyLogger } from './logging/care-journey-logger';
import { DEFAULT_LOG_SETTINGS } from './logging/log-settings';
import { applySecurity, BODY_LIMIT_BYTES, type SecurityOptions } from './security';
import { HttpAdapterHost } from '@nestjs/core';

export interface RegisteredRoute {
  method: string;
  url: string;
}

export interface CreateAppOptions {
  logger?: LoggerService | LogLevel[] | false;
  /** Told of every route Fastify registers (the role-matrix test enumerates them this way). */
  onRoute?: (route: RegisteredRoute) => void;
  /** Overrides of the edge limits (JSON guard, sign-in rate limits); tests tighten or relax them. */
  security?: SecurityOptions;
}

/** Builds the API (initialised, not listening) from an explicit config; main.ts and the e2e tests share it. */
export async function createApp(
  config: ApiConfig,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const log = config.log ?? DEFAULT_LOG_SETTINGS;
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
  });
  const accessLog = accessLogFor(log, options.logger);
  registerRequestLog(adapter.getInstance(), accessLog); // first: answers the edge gives early carry the id too
  if (accessLog) adapter.getInstance().addHook('onClose', (_instance, done) => (accessLog.flush(), done()));
  applySecurity(adapter.getInstance(), options.security);
  registerETagHook(adapter.getInstance());
  if (options.onRoute) {
    const onRoute = options.onRoute;
    adapter.getInstance().addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) onRoute({ method, url: route.url });
    });
  }
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.logger ?? new CareJourneyLogger(log),
    bufferLogs: false,
    bodyParser: false, // src/security registers the JSON (guarded) and form parsers
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(app.get(HttpAdapterHost), app.get(StoreOutage)));
  app.enableShutdownHooks();
  setUpSwagger(app);
  if (config.usingDevJwtSecret) {
    new Logger('Auth').warn(
      '!!! CARE_JOURNEY_JWT_SECRET is not set: using the fixed DEVELOPMENT secret. Anyone can mint tokens. Never use this in production. !!!',
    );
  }
  await app.init();
  return app;
}
