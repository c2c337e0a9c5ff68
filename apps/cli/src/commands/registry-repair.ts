import { userInfo } from 'node:os';
import type { EventStore } from '@care-journey/event-store';
import { RegistryReleaseRefused } from '@care-journey/registrations';
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

/** A release command's options: `--reason` is checked by the registry, which names it when missing. */
export interface ReleaseOptions {
  reason?: string;
  by: string;
}

/** Who records a release, and when. */
export interface ReleaseRecording {
  recordedAt: string;
  recordedBy: string;
}

/**
 * A registry's `release` command action: releases on the configured store and prints `describe` of
 * what was recorded (`holder` says whether the holder became a child), or reports the refusal.
 */
export function releaseAction<Released extends { holderRegistered: boolean }>(
  release: (
    store: EventStore,
    given: string,
    reason: string | undefined,
    recording: ReleaseRecording,
  ) => Promise<Released>,
  describe: (released: Released, holder: string) => string,
): (given: string, options: ReleaseOptions) => Promise<void> {
  return (given, options) =>
    withStore(async (store) => {
      try {
        const released = await release(store, given, options.reason, {
          recordedAt: new Date().toISOString(),
          recordedBy: options.by,
        });
        const holder = released.holderRegistered
          ? 'a child whose journey never carried it'
          : 'who never became a child';
        process.stdout.write(`${describe(released, holder)}\n`);
      } catch (error) {
        if (!(error instanceof RegistryReleaseRefused)) throw error;
        reportRefusedRelease(error);
      }
    });
}

/** A refused release on stderr, each problem with its field and rule; the exit code says refused. */
export function reportRefusedRelease(refusal: RegistryReleaseRefused): void {
  const lines = refusal.problems.map(
    (problem) => `  ${problem.field} (${problem.rule}): ${problem.message}\n`,
  );
  process.stderr.write(`release refused, nothing recorded:\n${lines.join('')}`);
  process.exitCode = RELEASE_REFUSED_EXIT_CODE;
}
