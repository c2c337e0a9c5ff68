import { Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import type { AccessLineSink } from '../http/request-log';
import { AccessLogWriter } from './access-log-writer';
import { colourAllowed } from './care-journey-logger';
import type { LogFormat, LogSettings } from './log-settings';

export interface AccessLog {
  format: LogFormat;
  sink: AccessLineSink;
  /** Writes any batched lines (the app's close). */
  flush(): void;
}

/**
 * Where the access log goes, given the app's logger option: the batched writer to stdout as
 * deployed (the API's own logger, no colours: a file, a pipe or a log collector); through Nest's
 * logger when stdout is a terminal (its colours) or a caller chose a logger (a test's capture or
 * levels: `['error']` leaves the lines out, as before); nowhere when off.
 */
export function accessLogFor(
  settings: LogSettings,
  logger: LoggerService | LogLevel[] | false | undefined,
  stdout: { isTTY?: boolean } = process.stdout,
  env: Record<string, string | undefined> = process.env,
): AccessLog | undefined {
  if (!settings.accessLog || logger === false) return undefined;
  if (Array.isArray(logger) && !logger.includes('log')) return undefined;
  if (logger === undefined && !colourAllowed(stdout, env)) {
    const writer = new AccessLogWriter(settings.format);
    return { format: settings.format, sink: (message) => writer.write(message), flush: writer.flush };
  }
  const nest = new Logger('Access');
  return { format: settings.format, sink: (message) => nest.log(message), flush: () => undefined };
}
