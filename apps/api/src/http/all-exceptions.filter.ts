import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { UnreadableEventSchema } from '@care-journey/journey';
import { StoreOutage } from '../infrastructure/store-outage';
import { toHttpError } from './error-mapping';
import { logLineOf } from './log-line';
import { describeRequest } from './request-log';

/**
 * The one place errors become responses (see error-mapping.ts); 5xx are logged with their cause
 * and the request (method, route, user, request id), and their body carries the request id, so a
 * user's error report finds its log line.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly outage?: StoreOutage,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body } = toHttpError(exception);
    this.outage?.noteError(exception);
    const http = host.switchToHttp();
    if (status < HttpStatus.INTERNAL_SERVER_ERROR) {
      this.adapterHost.httpAdapter.reply(http.getResponse<unknown>(), body, status);
      return;
    }
    const request = http.getRequest<FastifyRequest>();
    const about = describeRequest(request);
    // 503 is an expected outage (store down): a warning; anything else 5xx is a bug worth a stack.
    // An event this build cannot read is an error either way (someone must upgrade or fix it),
    // logged once, in one line with the answer's facts (log-line.ts).
    if (status === HttpStatus.SERVICE_UNAVAILABLE && !(exception instanceof UnreadableEventSchema)) {
      this.logger.warn(`${about}: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else {
      this.logger.error(`${about}: ${logLineOf(exception)}`);
    }
    this.adapterHost.httpAdapter.reply(
      http.getResponse<unknown>(),
      { ...body, requestId: request.id },
      status,
    );
  }
}
