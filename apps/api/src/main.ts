import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError } from './config/api-config';
import { checkStartupSettings } from './config/check-startup-settings';
import { loadApiConfig } from './config/load-api-config';
import { createApp } from './create-app';

/** Starts the API from the environment (see apps/api/README.md for the variables). */
export async function startApi(): Promise<void> {
  const logger = new Logger('CareJourney');
  let config;
  try {
    config = loadApiConfig();
    checkStartupSettings(process.env, config.store);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logger.error(`Cannot start: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  // getUrl() names 127.0.0.1 for a server bound to every interface: say both.
  const url = await app.getUrl();
  logger.log(
    `Listening on ${url} (bound to ${config.host}:${new URL(url).port}; sign in at /login, docs at /docs)`,
  );
}

/** Runs the API as a process: a failure to start is logged and exits non-zero. */
export function runApi(): void {
  startApi().catch((error: unknown) => {
    new Logger('CareJourney').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}

if (require.main === module) runApi();
