import { userInfo } from 'node:os';
import type { EventStore } from '@care-journey/event-store';
import type { RegistryReleaseRefused } from '@care-journey/registrations';
import { openExistingStore } from '../support/open-existing-store';

/**
 * What the registries' repair commands (child-ref.command.ts, upn.command.ts) share: who they
 * record, the store they open, and how a refused release is told.
 */

/** Exit code of a refused release (bad input, unknown hold, or its state forbids it). */
export const RELEASE_REFUSED_EXIT_CODE = 1;

/** Who the CLI records as `recordedBy` when `--by` is not given: the operating-system user. */
export function defaultRecorder(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** Runs `work` on the configured store (CARE_JOURNEY_STORE…), closed after. */
export async function withStore(work: (store: EventStore) => Promise<void>): Promise<void> {
  const store = await openExistingStore();
  try {
    await work(store);
  } finally {
    await store.close();
  }
}

/** A refused release on stderr, each problem with its field and rule; the exit code says refused. */
export function reportRefusedRelease(refusal: RegistryReleaseRefused): void {
  const lines = refusal.problems.map(
    (problem) => `  ${problem.field} (${problem.rule}): ${problem.message}\n`,
  );
  process.stderr.write(`release refused, nothing recorded:\n${lines.join('')}`);
  process.exitCode = RELEASE_REFUSED_EXIT_CODE;
}
