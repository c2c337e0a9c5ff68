import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import {
  childFlagsAsKnown,
  childFlagsPoint,
  chronology,
  describeFingerprint,
  exportBundle,
  keyForBundle,
  loadAuditKey,
  parseAuditKeyRing,
  parseReplayPoint,
  readRecipientKey,
  readWholeStream,
  recordCaseHistoryRead,
  replayHistory,
  SealedFileError,
  sealFile,
  searchTermHash,
  toStoredJourneyEvent,
  verifyBundle,
  verifyChain,
  type AuditKey,
  type CaseHistoryView,
  type SealingKey,
} from '@care-journey/audit';
import { loadStoreConfig, toJsonSafe, type EventStore, type RecordedEvent } from '@care-journey/event-store';
import { checkStoreEvents } from '../support/check-store';
import { operatorIdentity } from '../support/operator-identity';
import { prepareAnchorCheck, registerAuditAnchorCommand } from './audit-anchor.command';
import { registerAuditDriftCommand } from './audit-drift.command';
import { registerAuditTokensCommand } from './audit-tokens.command';
import { openExistingStore } from '../support/open-existing-store';
import { dateOfInstant, journeyStream } from '@care-journey/journey';
import { driftConfigFromEnv } from '@care-journey/projections';

const CLI_ROLE = 'operator';

interface ReaderOptions {
  child: string;
  by?: string;
  reason?: string;
}

const print = (value: unknown): void =>
  void process.stdout.write(`${JSON.stringify(toJsonSafe(value), null, 2)}\n`);
const warn = (message: string): void => void process.stderr.write(`${message}\n`);
const readerOf = (options: ReaderOptions): string => options.by ?? userInfo().username;

/** A child id as the commands take it (`--child`); `sar` takes it the same way. */
export const childId = (value: string): string => {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(value))
    throw new InvalidArgumentError('must be 1–64 letters, digits, "-" or "_"');
  return value;
};

/**
 * Opens the configured store (CARE_JOURNEY_STORE, CARE_JOURNEY_SQLITE_FILE …), reads the child's
 * stream and records the read in the access log, as the API does, then runs `use` and closes.
 */
async function withCaseHistory<T>(
  options: ReaderOptions,
  view: CaseHistoryView,
  query: Record<string, string>,
  use: (events: RecordedEvent[]) => T,
): Promise<T> {
  const store: EventStore = await openExistingStore();
  try {
    const events = await readWholeStream(store, journeyStream(options.child));
    if (!events) throw new Error(`No child with id ${options.child} in the configured store`);
    await recordCaseHistoryRead(store, {
      childId: options.child,
      role: CLI_ROLE,
      view,
      reason: options.reason,
      query,
      readBy: readerOf(options),
      operator: operatorIdentity(),
      readAt: new Date().toISOString(),
    });
    return use(events);
  } finally {
    await store.close();
  }
}

const withReader = (command: Command): Command =>
  command
    .requiredOption('--child <id>', 'child id', childId)
    .option('--by <user>', 'who is reading, for the access log (default: the OS user)')
    .option('--reason <text>', 'why, for the access log');

/** The key a bundle is sealed to, checked before the case history is read (a refused export is no read). */
function bundleRecipient(file: string): SealingKey {
  try {
    return readRecipientKey(resolve(file));
  } catch (error) {
    if (error instanceof SealedFileError) throw new Error(`--encrypt-to: ${error.message}; nothing written`);
    throw error;
  }
}

/** `care-journey audit …`: replay, chronology, chain verification, head anchors and signed bundles, offline. */
export function registerAuditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description(
      'Case-history replay, chain verification, head anchors and signed bundles (every case-history read is recorded)',
    );

  withReader(
    audit
      .command('replay')
      .description(
        "The child's state, drift flags with their history (opened/closed) and entries as at a date and/or as known at an instant",
      ),
  )
    .option('--as-at <date>', "date in the child's life, YYYY-MM-DD")
    .option('--known-at <instant>', 'instant on the record, ISO-8601 with a zone')
    .option(
      '--flags',
      'print only the flags (open, due soon, history) as GET /children/:id/flags?knownAt= gives them (known at: default now; as at: default the day of --known-at in England)',
    )
    .action(async (options: ReaderOptions & { asAt?: string; knownAt?: string; flags?: boolean }) => {
      const parsed = parseReplayPoint({ asAt: options.asAt, knownAt: options.knownAt });
      if ('errors' in parsed)
        throw new Error(
          parsed.errors.map((e) => `--${e.field === 'asAt' ? 'as-at' : 'known-at'} ${e.rule}`).join('; '),
        );
      const point = parsed.point;
      const query = {
        ...(point.asAt && { asAt: point.asAt }),
        ...(point.knownAt && { knownAt: point.knownAt }),
        ...(options.flags && { flags: 'only' }),
      };
      // The thresholds the panel's flags use (CARE_JOURNEY_DRIFT_THRESHOLDS), not the defaults.
      const driftConfig = driftConfigFromEnv();
      print(
        await withCaseHistory(options, 'history', query, (events) => {
          const stored = events.map(toStoredJourneyEvent);
          if (options.flags) {
            const flagsPoint = childFlagsPoint(point.knownAt ?? new Date().toISOString(), point.asAt);
            return {
              childId: options.child,
              ...childFlagsAsKnown(options.child, stored, flagsPoint, driftConfig),
            };
          }
          return replayHistory(stored, point, {
            today: dateOfInstant(new Date().toISOString()),
            driftConfig,
            withFlagHistory: true,
          });
        }),
      );
    });

  withReader(
    audit
      .command('chronology')
      .description('Every event in effective-date order, with who recorded it, when, lag and corrections'),
  ).action(async (options: ReaderOptions) =>
    print(
      await withCaseHistory(options, 'chronology', {}, (events) =>
        chronology(events.map(toStoredJourneyEvent)),
      ),
    ),
  );

  withReader(
    audit
      .command('verify')
      .description("Check the hash chain of the child's stream; exit code 1 at the first broken link"),
  ).action(async (options: ReaderOptions) => {
    const result = await withCaseHistory(options, 'verify', {}, verifyChain);
    print({ childId: options.child, ...result });
    if (!result.ok) process.exitCode = 1;
  });

  audit
    .command('verify-store')
    .description(
      "Check the hash chain of every journey, every day of the read-access trail, the tokens issued and every 903-reference and UPN reservation stream (reservations from before session 19 accepted unstamped at a stream's start), that no event is missing from the log (SQLite: no hole in the positions), that no reserved child lacks a journey, that the 903-reference and UPN registries agree with the journeys both ways, and with --anchor that everything the anchor saw is still there; exit code 1 if not",
    )
    .option('--anchor <file>', 'a head anchor taken earlier by `audit anchor`')
    .action(async (options: { anchor?: string }) => {
      // Prepared first: a malformed anchor is refused before the store is opened.
      const checkAnchor = options.anchor === undefined ? undefined : prepareAnchorCheck(options.anchor);
      const config = loadStoreConfig();
      const store = await openExistingStore(config);
      try {
        // SQLite's positions are its rowids, dense but for a restore's recorded hole; EventStoreDB's are not.
        const check = await checkStoreEvents(store, { densePositions: config.kind === 'sqlite' });
        const anchored = checkAnchor && (await checkAnchor(store));
        print(anchored ? { ...check, anchor: anchored } : check);
        const failed =
          check.brokenChains.length > 0 ||
          check.missing.length > 0 ||
          check.registryMismatches.length > 0 ||
          (anchored && !anchored.ok);
        if (failed) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });

  registerAuditAnchorCommand(audit);
  registerAuditDriftCommand(audit);
  registerAuditTokensCommand(audit);

  withReader(
    audit
      .command('export')
      .description('Write a signed, self-contained case-history bundle (key: CARE_JOURNEY_AUDIT_KEY)'),
  )
    .requiredOption('--out <file>', 'bundle file to write')
    .option(
      '--encrypt-to <public-key.pem>',
      'seal the bundle to this RSA public key (`care-journey unseal` opens it; then verify-bundle)',
    )
    .action(async (options: ReaderOptions & { out: string; encryptTo?: string }) => {
      // Checked before the read, so a refused export is not logged as a read; 'wx' below still guards a race.
      if (existsSync(options.out))
        throw new Error(
          `--out ${options.out} already exists: a bundle is never overwritten; choose another file`,
        );
      const recipient = options.encryptTo === undefined ? undefined : bundleRecipient(options.encryptTo);
      const { key, warning } = loadAuditKey();
      if (warning) warn(warning);
      const bundle = await withCaseHistory(options, 'bundle', {}, (events) =>
        exportBundle({
          childId: options.child,
          streamId: journeyStream(options.child),
          events,
          exportedAt: new Date().toISOString(),
          exportedBy: readerOf(options),
          key,
        }),
      );
      const text = `${JSON.stringify(bundle, null, 2)}\n`;
      // Sealed from memory: the bundle is never on disk in plaintext.
      if (recipient) await sealFile(Buffer.from(text, 'utf8'), options.out, recipient);
      else writeFileSync(options.out, text, { flag: 'wx', mode: 0o600 });
      warn(
        `wrote ${options.out}: ${bundle.events.length} events, chain head ${bundle.chain.head}, signed with key ${key.keyId}` +
          `${recipient ? `; sealed to the key ${describeFingerprint(recipient.fingerprint)}` : ''}`,
      );
    });

  audit
    .command('search-hash')
    .description(
      'The keyed hash the read-access trail keeps of a search that found no one (query.qHash), to look for a suspected term in it (key: CARE_JOURNEY_AUDIT_KEY; compare qKeyId); reads no store',
    )
    .argument('<term>', 'the words suspected to have been searched for (case and spacing do not matter)')
    .action((term: string) => {
      const { key, warning } = loadAuditKey();
      if (warning) warn(warning);
      print({ qHash: searchTermHash(term, key), qKeyId: key.keyId });
    });

  audit
    .command('verify-bundle')
    .description(
      'Verify a bundle offline (no database): every chain link, then the signature (key: CARE_JOURNEY_AUDIT_KEY, or an archived one from --key-file)',
    )
    .argument('<file>', 'bundle written by `audit export` or GET /children/{id}/bundle')
    .option(
      '--key-file <file>',
      'audit keys kept after a rotation, one a line: "<keyId> <key>"; the bundle\'s keyId picks one (docs/audit.md)',
    )
    .action((file: string, options: { keyFile?: string }) => {
      const { key, warning } = loadAuditKey();
      if (warning) warn(warning);
      const archived = options.keyFile === undefined ? [] : readKeyRing(options.keyFile);
      let bundle: unknown;
      try {
        bundle = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file} is not readable JSON: ${(error as Error).message}`);
      }
      const result = verifyBundle(bundle, keyForBundle(bundle, key, archived));
      print(result);
      if (result.signature === 'wrong-key')
        warn(
          options.keyFile === undefined
            ? 'the bundle was signed with another key: if it was rotated, pass the archived key with --key-file'
            : `neither CARE_JOURNEY_AUDIT_KEY nor ${options.keyFile} has the bundle's key`,
        );
      if (!result.ok) process.exitCode = 1;
    });
}

function readKeyRing(file: string): AuditKey[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`--key-file ${file} cannot be read: ${(error as Error).message}`);
  }
  return parseAuditKeyRing(text, `--key-file ${file}`);
}
