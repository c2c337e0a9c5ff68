import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
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

/** The files a subject access export writes, in the order docs/data-protection.md's steps make them. */
export const SAR_FILES = [
  'record.json',
  'chronology.json',
  'bundle.json',
  'flags.json',
  'access-log.json',
  'REDACTION-CHECKLIST.md',
] as const;

interface SarOptions {
  child: string;
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

const json = (value: unknown): string => `${JSON.stringify(toJsonSafe(value), null, 2)}\n`;

/**
 * `care-journey sar --child ID --out DIR`: the subject access export docs/data-protection.md's
 * procedure assembled by hand, in one step: the record as it stands (as `audit replay`), the
 * chronology, the signed bundle (as `audit export`), the flags and their history (as `audit replay
 * --flags`), every trail entry about the child, and a redaction checklist, each file 0600. One trail
 * entry (`view: "sar"`) records the export, before anything is written, under `--by` with the OS
 * account and host, as `audit export` does.
 */
export function registerSarCommand(program: Command): void {
  program
    .command('sar')
    .description(
      "Subject access export: write one child's record, chronology, signed bundle, flags, read-access trail and a redaction checklist into a new or empty folder (files 0600; recorded in the trail)",
    )
    .requiredOption('--child <id>', 'child id', childId)
    .requiredOption('--out <dir>', 'folder to write (new, or empty)')
    .option('--by <user>', 'who is exporting, for the access log (default: the OS user)')
    .option('--reason <text>', 'why, for the access log (e.g. the request reference)')
    .action(async (options: SarOptions) => {
      const out = resolve(options.out);
      prepareOut(out);
      const { key, warning } = loadAuditKey();
      if (warning) process.stderr.write(`${warning}\n`);
      const store = await openExistingStore();
      try {
        const events = await readWholeStream(store, journeyStream(options.child));
        if (!events)
          throw new Error(`No child with id ${options.child} in the configured store: nothing written`);
        const exportedAt = new Date().toISOString();
        const readBy = options.by ?? userInfo().username;
        await recordCaseHistoryRead(store, {
          childId: options.child,
          role: 'operator',
          view: 'sar',
          reason: options.reason,
          query: { out },
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
              childId: options.child,
              streamId: journeyStream(options.child),
              events,
              exportedAt,
              exportedBy: readBy,
              key,
            }),
          ),
          'flags.json': json({
            childId: options.child,
            ...childFlagsAsKnown(options.child, stored, childFlagsPoint(exportedAt), driftConfig),
          }),
          // Read after the export's own entry: the trail the child is given includes this export.
          'access-log.json': json(await readChildTrail(store, options.child)),
          'REDACTION-CHECKLIST.md': redactionChecklist({
            childId: options.child,
            events,
            files: SAR_FILES,
            exportedAt,
          }),
        };
        mkdirSync(out, { recursive: true, mode: 0o700 });
        for (const name of SAR_FILES)
          writeFileSync(join(out, name), files[name], { flag: 'wx', mode: 0o600 });
        process.stderr.write(
          `wrote ${SAR_FILES.length} files to ${out} for child ${options.child}: ${events.length} events, bundle signed with key ${key.keyId}; check REDACTION-CHECKLIST.md before release\n`,
        );
      } finally {
        await store.close();
      }
    });
}
