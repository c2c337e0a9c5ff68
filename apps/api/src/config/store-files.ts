import type { StoreConfig } from '@care-journey/event-store';
import {
  checkStoreFiles as checkProjectedStoreFiles,
  readCreateStore as readCreateStoreSetting,
  ReadModelConfigError,
} from '@care-journey/projections';
import { ConfigError } from './api-config';

/**
 * The store and read-model files, checked before the app's modules open them. The check itself is
 * the one apps/projector runs too (libs/projections engine/store-files.ts); here its refusal becomes
 * the ConfigError start-up reports as "Cannot start: VAR: rule".
 */
export function checkStoreFiles(
  store: StoreConfig,
  readModelFile: string,
  options: { createStore: boolean },
): { created?: string; takenOver?: string } {
  return asConfigError(() => checkProjectedStoreFiles(store, readModelFile, options));
}

/** CARE_JOURNEY_SQLITE_CREATE: `1` may create a missing store, `0` or unset may not. */
export function readCreateStore(env: Record<string, string | undefined>): boolean {
  return asConfigError(() => readCreateStoreSetting(env));
}

function asConfigError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ReadModelConfigError) throw new ConfigError(error.variable, error.rule);
    throw error;
  }
}
