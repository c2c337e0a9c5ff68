import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { toHttpError } from './error-mapping';

/** The one place errors become responses (see error-mapping.ts); 5xx are logged with their cause. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body } = toHttpError(exception);
    // 503 is an expected outage (store down): a warning; anything else 5xx is a bug worth a stack.
    if (status === HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.warn(exception instanceof Error ? exception.message : String(exception));
    } else if (status >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    const response = host.switchToHttp().getResponse<unknown>();
    this.adapterHost.httpAdapter.reply(response, body, status);
  }
}
