import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { UnreadableEventSchema } from '@care-journey/journey';
import { StoreOutage } from '../infrastructure/store-outage';
import { toHttpError } from './error-mapping';
import { logLineOf } from './log-line';

/** The one place errors become responses (see error-mapping.ts); 5xx are logged with their cause. */
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
    // 503 is an expected outage (store down): a warning; anything else 5xx is a bug worth a stack.
    // An event this build cannot read is an error either way (someone must upgrade or fix it),
    // logged once, in one line with the answer's facts (log-line.ts).
    if (status === HttpStatus.SERVICE_UNAVAILABLE && !(exception instanceof UnreadableEventSchema)) {
      this.logger.warn(exception instanceof Error ? exception.message : String(exception));
    } else if (status >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error(logLineOf(exception));
    }
    const response = host.switchToHttp().getResponse<unknown>();
    this.adapterHost.httpAdapter.reply(response, body, status);
  }
}
