import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadReadModelConfig } from '@care-journey/projections';
import { ConfigError, type ApiConfig } from './config/api-config';
import { checkStartupSettings } from './config/check-startup-settings';
import { exposedDevelopmentRefusal } from './config/exposed-development';
import { looseSecretFileModes } from './config/secret-file-modes';
import { unstatedTrustProxyWarning } from './config/trust-proxy-warning';
import { listenError } from './config/host-setting';
import { loadApiConfig } from './config/load-api-config';
import { checkStoreFiles, readCreateStore } from './config/store-files';
import { createApp } from './create-app';
import { CareJourneyLogger } from './logging/care-journey-logger';
import { DEFAULT_LOG_SETTINGS, readLogSettings, type LogSettings } from './logging/log-settings';
import { listReadLimitsFromEnv } from './security';

/**
 * The API's settings from the environment, checked: on a wrong one, logs the one line
 * "Cannot start: VAR: rule", sets a failing exit code and returns undefined. The demo calls it
 * before seeding, so a bad setting stops it before 2,000 children are written. `development`: the
 * operator said this is a development machine (`serve --dev`, the demo), so a development
 * configuration may listen beyond this machine (config/exposed-development.ts). `createStore`: a
 * missing SQLite store may be created (the demo; `serve --create-store`), as CARE_JOURNEY_SQLITE_CREATE=1
 * allows; otherwise a missing store stops start-up (config/store-files.ts).
 */
export function checkedApiSettings({ development = false, createStore = false } = {}): ApiConfig | undefined {
  // ISO UTC times, no colours off a terminal, and the chosen format from the first line, a refused
  // setting's included (a bad CARE_JOURNEY_LOG_FORMAT itself is refused below, in text).
  Logger.overrideLogger(new CareJourneyLogger(logSettingsOrText()));
  try {
    const config = loadApiConfig();
    checkStartupSettings(process.env, config.store);
    listReadLimitsFromEnv(process.env); // read again by createApp; checked here for the one-line refusal
    const exposed = exposedDevelopmentRefusal(config, process.env, { development });
    if (exposed) throw exposed;
    const warnings = [...looseSecretFileModes(process.env), unstatedTrustProxyWarning(config, process.env)];
    for (const warning of warnings) if (warning) new Logger('CareJourney').warn(warning);
    const { created, takenOver } = checkStoreFiles(
      config.store,
      loadReadModelConfig(process.env, config.store).file,
      {
        createStore: createStore || readCreateStore(process.env),
      },
    );
    if (created) new Logger('CareJourney').warn(`created a new, empty event store at ${created}`);
    if (takenOver) new Logger('CareJourney').warn(takenOver);
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    new Logger('CareJourney').error(`Cannot start: ${error.message}`);
    process.exitCode = 1;
    return undefined;
  }
}

function logSettingsOrText(): LogSettings {
  try {
    return readLogSettings(process.env);
  } catch {
    return DEFAULT_LOG_SETTINGS;
  }
}

/** Starts the API from the environment (see apps/api/README.md for the variables); false when a setting is wrong. */
export async function startApi(config: ApiConfig | undefined = checkedApiSettings()): Promise<boolean> {
  if (config === undefined) return false;
  const logger = new Logger('CareJourney');
  const app = await createApp(config);
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    const setting = listenError(error, config.host, config.port);
    if (setting === undefined) throw error;
    // A setting that cannot be listened on is refused like any other: one line naming it.
    await app.close();
    new Logger('CareJourney').error(`Cannot start: ${setting.message}`);
    process.exitCode = 1;
    return false;
  }
  // getUrl() names 127.0.0.1 for a server bound to every interface: say both.
  const url = await app.getUrl();
  logger.log(
    `Listening on ${url} (bound to ${config.host}:${new URL(url).port}; sign in at /login, docs at /docs)`,
  );
  return true;
}

/** Runs the API as a process: a failure to start is logged and exits non-zero. */
export function runApi(): void {
  startApi().catch((error: unknown) => {
    new Logger('CareJourney').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}

if (require.main === module) runApi();
