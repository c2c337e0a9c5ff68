import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import {
  isSealedFile,
  openingPartialOf,
  openSealedFile,
  SealedFileError,
  type SealingKey,
} from '@care-journey/audit';
import { loadStoreConfig, type NewEvent, type StoreConfig } from '@care-journey/event-store';
import {
  appendAfterPosition,
  byProcess,
  describeStoreUsers,
  otherStoreUsers,
  registerStoreUse,
  SqliteEventStore,
} from '@care-journey/event-store/sqlite';
import { loadReadModelConfig, ProjectionEngine } from '@care-journey/projections';
import { removeOnSignal } from '../support/remove-on-signal';
import { hasSqliteHeader } from '../support/sqlite-file-header';
import { checkStore } from '../support/check-store';
import { claimReadModels } from '../support/claim-read-models';
import { fail } from '../support/fail';
import { removeWithWal } from '../support/remove-with-wal';
import { BACKUP_KEY_PASSPHRASE_VARIABLE, openingKeyOption } from '../support/sealing-key-options';
import { consumerNotice, planPositions, type ReplacedLog } from './restore-positions';

/** Moves a database and its WAL/SHM aside together (the WAL may hold its last commits). */
function moveAside(file: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(file + suffix)) renameSync(file + suffix, to + suffix);
}

export const STORE_RESTORES_STREAM = 'store-restores';

const position = (value: string): bigint => {
  if (!/^\d{1,19}$/.test(value)) throw new InvalidArgumentError('must be a global position (a whole number)');
  return BigInt(value);
};

/**
 * The replaced store's head, or why it is not known. A store without events tells nothing of the
 * lost log's end (e.g. one an API created at the path after the disk was lost).
 */
async function headOf(file: string): Promise<Pick<ReplacedLog, 'head' | 'unknownBecause'>> {
  if (!existsSync(file)) return { unknownBecause: `no store at ${file}` };
  try {
    const store = new SqliteEventStore({ file });
    try {
      const head = await store.headPosition();
      return head === undefined ? { unknownBecause: `the store at ${file} holds no events` } : { head };
    } finally {
      await store.close();
    }
  } catch (error) {
    return {
      unknownBecause: `the store at ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * The restore, as an event of the log: which positions the backup does not have, or (previousHead
 * undefined: `--reuse-positions`) that positions after the backup's head are given out again.
 */
export const restoreMarker = (backup: string, restoredHead: bigint, previousHead?: bigint): NewEvent => ({
  id: randomUUID(),
  type: 'StoreRestored',
  data: {
    backup,
    restoredHead: restoredHead.toString(),
    ...(previousHead === undefined
      ? {
          previousHead: null,
          positionsNotInBackup: null,
          positionsReusedFrom: (restoredHead + 1n).toString(),
        }
      : {
          previousHead: previousHead.toString(),
          positionsNotInBackup: { from: (restoredHead + 1n).toString(), to: previousHead.toString() },
        }),
  },
  metadata: { recordedAt: new Date().toISOString(), recordedBy: userInfo().username, schemaVersion: 1 },
});

interface RestoreOptions {
  force?: boolean;
  rebuild: boolean;
  continueAfter?: bigint;
  reusePositions?: boolean;
  decryptWith?: string;
}

/**
 * `care-journey restore <backup>`: puts a backup in place of the SQLite event store, then
 * rebuilds the read models from it (they may describe events the backup does not have).
 * The backup is checked on a copy first; the store it replaces is kept beside it, never deleted.
 * Refused while another process has the store open (an API, the projector, another command): it
 * would go on writing to the file moved aside (store-in-use.ts).
 */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description(
      'Replace the SQLite event store (CARE_JOURNEY_SQLITE_FILE) with <backup> and rebuild the read models; refused while the API, the projector or another command has the store open',
    )
    .argument('<backup>', 'a file written by `care-journey backup`')
    .option('--force', 'replace an existing store (it is kept as <store>.before-restore-<time>)')
    .option(
      '--continue-after <position>',
      'the highest global position the lost store reached (or any reporting job checkpoint), when it is not there to read: new events start after it',
      position,
    )
    .option(
      '--reuse-positions',
      "when the replaced store is not there to read and --continue-after is not known: give out positions after the backup's head again (only if no reporting job holds a checkpoint past it)",
    )
    .option(
      '--decrypt-with <private-key.pem>',
      `open a backup sealed with \`backup --encrypt-to\` with its RSA private key (a passphrase-protected one: the passphrase in ${BACKUP_KEY_PASSPHRASE_VARIABLE}); nothing is restored unless every byte of it authenticates. Sealing proves the file unchanged since it was sealed, not who sealed it: anyone with the public key can seal a made-up store, so first check it against a head anchor kept off the host (unseal --out, then \`audit verify-store --anchor\` on the copy; docs/guarantees.md)`,
    )
    .option(
      '--no-rebuild',
      'leave the read models alone (rebuild them before serving: `care-journey rebuild`; else the API or projector, when it starts, finds they are past the restored log and projects them again from position 0, more slowly)',
    )
    .action(async (backup: string, options: RestoreOptions) => {
      const storeConfig = loadStoreConfig();
      if (storeConfig.kind !== 'sqlite') {
        return fail(
          'restore writes a SQLite store; restore EventStoreDB with its own tools (see docs/guarantees.md)',
        );
      }
      const source = resolve(backup);
      const target = resolve(storeConfig.file);
      if (!existsSync(source)) return fail(`no backup at ${source}`);
      if (source === target) return fail('the backup is the store itself');
      if (existsSync(target) && !options.force)
        return fail(`an event store exists at ${target}; pass --force to replace it`);
      const sealed = isSealedFile(source);
      if (sealed && options.decryptWith === undefined)
        return fail(
          `${source} is a sealed backup (written by \`backup --encrypt-to\`): give its private key with --decrypt-with <private-key.pem>; the store was not touched`,
        );
      if (!sealed && options.decryptWith !== undefined)
        return fail(
          `option '--decrypt-with <private-key.pem>': ${source} is not a sealed backup (no CJSEALED header); ` +
            'restore a plain backup without --decrypt-with, after checking where it came from; the store was not touched',
        );
      if (!sealed && !hasSqliteHeader(source))
        return fail(
          `${source} is not a SQLite database (an empty, cut-short or other file?); the store was not touched`,
        );
      let opener: SealingKey | undefined;
      if (options.decryptWith !== undefined) {
        const { key, problem } = openingKeyOption(options.decryptWith);
        if (!key) return fail(`${problem}; the store was not touched`);
        opener = key;
      }
      // This restore's marker first, then the others': a store opening meanwhile sees it and refuses.
      mkdirSync(dirname(target), { recursive: true });
      const releaseRestore = registerStoreUse(target, 'restore');
      try {
        const users = otherStoreUsers(target);
        const processes = byProcess(users).length;
        if (processes > 0)
          return fail(
            `the event store ${target} is open in ${processes === 1 ? 'another process' : `${processes} other processes`}; ` +
              `stop ${processes === 1 ? 'it' : 'them'} (the API, the projector, a command) and restore again; the store was not touched:\n` +
              `${describeStoreUsers(users)}\n` +
              `(a marker whose process no longer uses the store, e.g. after a crash on another host, may be deleted; ` +
              '`care-journey store-markers` says why each counts; in containers set CARE_JOURNEY_HOST_ID, docs/guarantees.md)',
          );
        await replaceStore(source, target, storeConfig, options, opener);
      } finally {
        releaseRestore();
      }
    });
}

/**
 * A sealed backup opened into `staged`, every chunk authenticated first (libs/audit sealed-file);
 * false, with the rule it breaks said, when it does not open whole (nothing is left staged).
 */
async function openedInto(source: string, staged: string, opener: SealingKey): Promise<boolean> {
  try {
    await openSealedFile(source, staged, opener);
  } catch (error) {
    if (!(error instanceof SealedFileError)) throw error;
    fail(`${source} ${error.message}; nothing was restored, the store was not touched`);
    return false;
  }
  if (hasSqliteHeader(staged)) return true;
  removeWithWal(staged);
  fail(
    `${source} opens, but what it seals is not a SQLite database; nothing was restored, the store was not touched`,
  );
  return false;
}

/** The restore itself, once nothing else has the store open. */
async function replaceStore(
  source: string,
  target: string,
  storeConfig: StoreConfig,
  options: RestoreOptions,
  opener: SealingKey | undefined,
): Promise<void> {
  // Check a copy beside the target: opening a file as a store may add the WAL files to it.
  const staged = `${target}.restoring-${process.pid}`;
  // A Ctrl-C or SIGTERM before the staged copy is moved into place removes it (and a sealed open's partial).
  const stopRemovingOnSignal = removeOnSignal([staged, openingPartialOf(staged)]);
  try {
    await stageCheckAndReplace(source, target, staged, storeConfig, options, opener);
  } finally {
    stopRemovingOnSignal();
  }
}

/** The backup staged beside the target, checked, and moved into its place; the positions planned. */
async function stageCheckAndReplace(
  source: string,
  target: string,
  staged: string,
  storeConfig: StoreConfig,
  options: RestoreOptions,
  opener: SealingKey | undefined,
): Promise<void> {
  if (!opener) copyFileSync(source, staged);
  else if (!(await openedInto(source, staged, opener))) return;
  let check;
  try {
    check = await checkStore(staged);
  } catch (error) {
    removeWithWal(staged);
    return fail(
      `${source} is not a readable event store: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (check.events === 0) {
    removeWithWal(staged);
    return fail(`${source} holds no events, so it is no backup of a store; the store was not touched`);
  }
  if (check.brokenChains.length) {
    moveAside(staged, `${staged}.rejected`);
    return fail(
      `${source} does not verify (hash chain broken in ${check.brokenChains.join(', ')}); the store was not touched` +
        ` (the checked copy is kept at ${staged}.rejected for inspection; delete it when done)`,
    );
  }
  let keptAs: string | undefined;
  // Positions the old log handed out are never handed out again unknowingly (restore-positions.ts).
  const restoredHead = check.head === null ? 0n : BigInt(check.head);
  const plan = planPositions(
    restoredHead,
    {
      ...(await headOf(target)),
      continueAfter: options.continueAfter,
      reusePositions: options.reusePositions === true,
    },
    target,
  );
  if (plan.kind === 'refuse') {
    removeWithWal(staged);
    return fail(plan.message);
  }
  if (existsSync(target)) {
    keptAs = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    moveAside(target, keptAs);
  }
  moveAside(staged, target);
  let markerAt: bigint | undefined;
  if (plan.kind === 'continue' && plan.lastGivenOut > restoredHead) {
    const marker = restoreMarker(source, restoredHead, plan.lastGivenOut);
    markerAt = appendAfterPosition(target, STORE_RESTORES_STREAM, marker, plan.lastGivenOut);
    process.stdout.write(
      `positions ${restoredHead + 1n}–${plan.lastGivenOut} were in the replaced store, not in the backup: they are not used again ` +
        `(StoreRestored recorded at ${markerAt}); a reporting job whose checkpoint is in that range read events this store no longer has\n`,
    );
  }
  if (plan.kind === 'reuse')
    markerAt = appendAfterPosition(
      target,
      STORE_RESTORES_STREAM,
      restoreMarker(source, restoredHead),
      restoredHead,
    );
  process.stdout.write(
    `restored ${check.events} events (${check.streams} journeys, ${check.trailDays} days of read-access trail, head position ${check.head ?? 'none'}) from ${source} to ${target}` +
      `${keptAs ? `; the previous store is kept as ${keptAs}` : ''}\n`,
  );
  process.stdout.write(`${consumerNotice(restoredHead, plan, markerAt)}\n`);
  if (!options.rebuild) return;
  const readModels = loadReadModelConfig(process.env, storeConfig);
  // Never into another store's read models (an explicit CARE_JOURNEY_READMODEL_FILE shared by two).
  if (!claimReadModels('restore', storeConfig, readModels.file))
    return fail(
      `the store is restored, but its read models were not rebuilt (above): point CARE_JOURNEY_READMODEL_FILE ` +
        `at a file of this store's own, then run \`care-journey rebuild\` before serving`,
    );
  const store = new SqliteEventStore({ file: target });
  const engine = new ProjectionEngine(store, {
    file: readModels.file,
    mode: 'worker',
    batchSize: readModels.batchSize,
    process: 'cli',
  });
  try {
    const result = await engine.rebuildAndWait();
    process.stdout.write(
      `rebuilt ${readModels.file}: ${result.eventsDone} events, generation ${result.generation}\n`,
    );
  } catch (error) {
    // The store is restored; only the read models are behind (they may name events it lacks).
    fail(
      `the store is restored, but rebuilding the read models in ${readModels.file} failed: ` +
        `${error instanceof Error ? error.message : String(error)}. Run \`care-journey rebuild\` before serving; ` +
        `else the API or projector, when it starts, drops read models the restored log does not hold and projects it again from position 0`,
    );
  } finally {
    await engine.close();
    await store.close();
  }
}
