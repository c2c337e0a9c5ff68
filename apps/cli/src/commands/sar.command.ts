import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  childFlagsAsKnown,
  childFlagsPoint,
  chronology,
  exportBundle,
  loadAuditKey,
  readChildTrail,
  readWholeStream,
  recordCaseHistoryRead,
  redactionChecklist,
  replayHistory,
  toStoredJourneyEvent,
} from '@care-journey/audit';
import { toJsonSafe } from '@care-journey/event-store';
import { dateOfInstant, journeyStream } from '@care-journey/journey';
import { driftConfigFromEnv } from '@care-journey/projections';
import { openExistingStore } from '../support/open-existing-store';
import { operatorIdentity } from '../support/operator-identity';
import { childId } from './audit.command';
import { childReservations } from './sar-reservations';
import { findSubject, type SarSubject } from './sar-subject';

/** The files a subject access export writes, in the order docs/data-protection.md's steps make them. */
export const SAR_FILES = [
  'record.json',
  'chronology.json',
  'bundle.json',
  'flags.json',
  'access-log.json',
  'reservations.json',
  'REDACTION-CHECKLIST.md',
] as const;

interface SarOptions {
  child?: string;
  childRef?: string;
  upn?: string;
  out: string;
  by?: string;
  reason?: string;
}

/** The folder to write into: new (made 0700) or empty; anything in it is refused, so nothing is overwritten or mixed. */
function prepareOut(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory())
    throw new Error(`--out ${out} is a file, not a folder: choose a new folder`);
  if (readdirSync(out).length > 0)
    throw new Error(
      `--out ${out} is not empty: a subject access export writes into a new or empty folder, never over or beside other files`,
    );
}

/** Exactly one of --child, --child-ref and --upn: who the export is about. */
function subjectOf({ child, childRef, upn }: SarOptions): SarSubject {
  const given = [
    ...(child !== undefined ? [{ flag: '--child' as const, childId: child }] : []),
    ...(childRef !== undefined ? [{ flag: '--child-ref' as const, childRef }] : []),
    ...(upn !== undefined ? [{ flag: '--upn' as const, upn }] : []),
  ];
  if (given.length !== 1)
    throw new Error(
      `error: give one of --child <id>, --child-ref <ref> or --upn <upn> (the child the export is about)${given.length > 1 ? `, not ${given.map((g) => g.flag).join(' and ')}` : ''}`,
    );
  return given[0];
}

/** A --child-ref or --upn value: not blank (the lookup then says whether any child has it). */
const identifier = (value: string): string => {
  if (value.trim() === '') throw new InvalidArgumentError('must not be empty');
  return value;
};

const json = (value: unknown): string => `${JSON.stringify(toJsonSafe(value), null, 2)}\n`;

/**
 * `care-journey sar --child ID|--child-ref REF|--upn UPN --out DIR`: the subject access export
 * docs/data-protection.md's procedure assembled by hand, in one step: the record as it stands (as
 * `audit replay`), the chronology, the signed bundle (as `audit export`), the flags and their
 * history (as `audit replay --flags`), every trail entry about the child, the child's reservation
 * streams (sar-reservations.ts) and a redaction checklist, each file 0600. A reference or UPN is
 * looked up first (sar-subject.ts): none or several children, or one found only through a value
 * corrected away, is refused naming the option. One trail entry (`view: "sar"`) records the export,
 * before anything is written, under `--by` with the OS account and host, as `audit export` does, and
 * the reference or UPN that found the child.
 */
export function registerSarCommand(program: Command): void {
  program
    .command('sar')
    .description(
      "Subject access export: write one child's record, chronology, signed bundle, flags, read-access trail, reference reservations and a redaction checklist into a new or empty folder (files 0600; recorded in the trail)",
    )
    .option('--child <id>', 'child id', childId)
    .option(
      '--child-ref <ref>',
      "or: the child's 903 reference (CHILD) as it is now (one corrected away is refused: give --child)",
      identifier,
    )
    .option('--upn <upn>', "or: the child's UPN as it is now (one corrected away is refused)", identifier)
    .requiredOption('--out <dir>', 'folder to write (new, or empty)')
    .option('--by <user>', 'who is exporting, for the access log (default: the OS user)')
    .option('--reason <text>', 'why, for the access log (e.g. the request reference)')
    .action(async (options: SarOptions) => {
      const subject = subjectOf(options);
      const out = resolve(options.out);
      prepareOut(out);
      const { key, warning } = loadAuditKey();
      if (warning) process.stderr.write(`${warning}\n`);
      const store = await openExistingStore();
      try {
        const { childId: child, foundBy } = await findSubject(store, subject);
        const events = await readWholeStream(store, journeyStream(child));
        if (!events) throw new Error(`No child with id ${child} in the configured store: nothing written`);
        const exportedAt = new Date().toISOString();
        const readBy = options.by ?? userInfo().username;
        await recordCaseHistoryRead(store, {
          childId: child,
          role: 'operator',
          view: 'sar',
          reason: options.reason,
          // Which reference or UPN found the child (the entry names the child id already).
          query: foundBy.option === '--child' ? { out } : { out, [foundBy.option.slice(2)]: foundBy.value },
          readBy,
          operator: operatorIdentity(),
          readAt: exportedAt,
        });
        const stored = events.map(toStoredJourneyEvent);
        const driftConfig = driftConfigFromEnv();
        const files: Record<(typeof SAR_FILES)[number], string> = {
          'record.json': json(
            replayHistory(
              stored,
              {},
              { today: dateOfInstant(exportedAt), driftConfig, withFlagHistory: true },
            ),
          ),
          'chronology.json': json(chronology(stored)),
          'bundle.json': json(
            exportBundle({
              childId: child,
              streamId: journeyStream(child),
              events,
              exportedAt,
              exportedBy: readBy,
              key,
            }),
          ),
          'flags.json': json({
            childId: child,
            ...childFlagsAsKnown(child, stored, childFlagsPoint(exportedAt), driftConfig),
          }),
          // Read after the export's own entry: the trail the child is given includes this export.
          'access-log.json': json(await readChildTrail(store, child)),
          'reservations.json': json({
            childId: child,
            streams: await childReservations(store, child, events),
          }),
          'REDACTION-CHECKLIST.md': redactionChecklist({
            childId: child,
            events,
            files: SAR_FILES,
            exportedAt,
          }),
        };
        mkdirSync(out, { recursive: true, mode: 0o700 });
        for (const name of SAR_FILES)
          writeFileSync(join(out, name), files[name], { flag: 'wx', mode: 0o600 });
        process.stderr.write(
          `wrote ${SAR_FILES.length} files to ${out} for child ${child}: ${events.length} events, bundle signed with key ${key.keyId}; check REDACTION-CHECKLIST.md before release\n`,
        );
      } finally {
        await store.close();
      }
    });
}
