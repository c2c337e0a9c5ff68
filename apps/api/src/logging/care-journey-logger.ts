import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { LogSettings } from './log-settings';

interface JsonLogOptions {
  context: string;
  logLevel: LogLevel;
  writeStreamType?: 'stdout' | 'stderr';
  errorStack?: unknown;
}
type JsonLogObject = {
  level: LogLevel;
  pid: number;
  timestamp: number;
  message: unknown;
  context?: string;
  stack?: unknown;
};

/** What the API logs unless a test asks otherwise: route mapping and other debug lines are left out. */
export const API_LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log'];

/**
 * Nest's start-up lines that list every route (about 110 a start): wiring detail, logged at debug.
 * RoutesResolver names each controller, RouterExplorer each route it mapped.
 */
const ROUTE_MAPPING_CONTEXTS = new Set<unknown>(['RoutesResolver', 'RouterExplorer']);

/** Whether a stream may be written in colour: a terminal, and NO_COLOR not set (no-color.org). */
export const colourAllowed = (
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
): boolean => stream.isTTY === true && !env.NO_COLOR;

/**
 * Nest's console logger with times an operator can compare across hosts and seasons: ISO-8601 in
 * UTC (Nest prints the local time without its zone, and the JSON format a number of milliseconds).
 * Colours only on a terminal, never in a file or a pipe.
 */
export class CareJourneyLogger extends ConsoleLogger {
  constructor(
    settings: Pick<LogSettings, 'format'>,
    options: {
      stdout?: { isTTY?: boolean };
      env?: Record<string, string | undefined>;
      logLevels?: LogLevel[];
    } = {},
  ) {
    const json = settings.format === 'json';
    super({
      json,
      colors: !json && colourAllowed(options.stdout ?? process.stdout, options.env ?? process.env),
      logLevels: options.logLevels ?? API_LOG_LEVELS,
    });
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    // Nest's Logger passes the context last.
    if (ROUTE_MAPPING_CONTEXTS.has(optionalParams[optionalParams.length - 1]))
      return this.debug(message, ...optionalParams);
    super.log(message, ...optionalParams);
  }

  protected override getTimestamp(): string {
    return new Date().toISOString();
  }

  protected override getJsonLogObject(message: unknown, options: JsonLogOptions): JsonLogObject {
    // Nest's type says a number; the object is only serialised, and an ISO string is what people read.
    const object: Record<string, unknown> = super.getJsonLogObject(message, options);
    object.timestamp = new Date().toISOString();
    return object as unknown as JsonLogObject;
  }
}
