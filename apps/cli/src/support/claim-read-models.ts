import type { StoreConfig } from '@care-journey/event-store';
import { claimReadModelFile, ReadModelConfigError } from '@care-journey/projections';

/**
 * Before a command projects into the read-model file: the file must be the configured store's
 * (read-model-store-owner.ts, review s12-ops F2). Another store's file is refused on stderr, naming
 * CARE_JOURNEY_READMODEL_FILE and both stores, with exit code 1; false then, and nothing is written.
 */
export function claimReadModels(command: string, store: StoreConfig, readModelFile: string): boolean {
  try {
    const { takenOver } = claimReadModelFile(store, readModelFile);
    if (takenOver) process.stderr.write(`${command}: ${takenOver}\n`);
    return true;
  } catch (error) {
    if (!(error instanceof ReadModelConfigError)) throw error;
    process.stderr.write(`${command}: ${error.message}\n`);
    process.exitCode = 1;
    return false;
  }
}
