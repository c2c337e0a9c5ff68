import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError } from './config/api-config';
import { loadApiConfig } from './config/load-api-config';
import { createApp } from './create-app';

/** Starts the API from the environment (see apps/api/README.md for the variables). */
export async function startApi(): Promise<void> {
  const logger = new Logger('CareJourney');
  let config;
  try {
    config = loadApiConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logger.error(`Cannot start: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  logger.log(`Listening on ${await app.getUrl()} (docs at /docs)`);
}

/** Runs the API as a process: a failure to start is logged and exits non-zero. */
export function runApi(): void {
  startApi().catch((error: unknown) => {
    new Logger('CareJourney').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}

if (require.main === module) runApi();
