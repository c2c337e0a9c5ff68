import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { loadStoreConfig } from '@care-journey/event-store';
import { Command, InvalidArgumentError, Option } from 'commander';
import { holdsJourneys } from '../support/holds-journeys';
import { openExistingStore } from '../support/open-existing-store';
import {
  childIdsInReturn,
  existingReturnFiles,
  inProgressWarning,
  notBegunMessage,
  return903WithChildren,
  ReturnFilesExist,
  ReturnNotWritten,
  returnYearStatus,
  splitSelfCheck,
  validateReturn,
  writeReturn,
} from '@care-journey/reporting';
import type { SealingKey } from '@care-journey/audit';
import { recipientKeyOption } from '../support/sealing-key-options';
import { record903Export } from './export-903.trail';
import { existingSealedReturnFiles, writeSealedReturn } from './export-903.sealed';
import { dateInEngland } from '@care-journey/journey';

interface ExportOptions {
  yearEnding: string;
  out: string;
  codesOf?: string;
  by?: string;
  force?: boolean;
  encryptTo?: string;
}

const yearEndDate = (value: string): string => {
  if (!/^\d{4}-03-31$/.test(value)) throw new InvalidArgumentError('must be a 31 March, YYYY-03-31');
  return value;
};

/**
 * `--la` was accepted and did nothing: no table of the return carries the authority's code (the DfE
 * validator takes it as its own `--la`), and neither the export nor the self-check reads it. Refused,
 * naming why, rather than silently ignored.
 */
const laIsNoOption = (): never => {
  throw new InvalidArgumentError(
    "export-903 takes no authority code: the return's files do not carry one (give it to the DfE validator's --la instead)",
  );
};

/** The configured store, as the refusal names it. */
function storeWhere(): string {
  const config = loadStoreConfig();
  return config.kind === 'sqlite'
    ? `${resolve(config.file)}, CARE_JOURNEY_SQLITE_FILE`
    : 'CARE_JOURNEY_STORE';
}

/** Exit code of an export whose files were written but fail our self-check (a job must not submit them unseen). */
export const SELF_CHECK_FAILED_EXIT_CODE = 2;

/**
 * `care-journey export-903`: the SSDA903 return for one year as CSVs, then our own self-check of the
 * key validation rules (each failure printed with rule, child and field; exit code 2 if any).
 */
export function registerExport903Command(program: Command): void {
  program
    .command('export-903')
    .description('Export the SSDA903 (children looked after) return for a year as CSV files')
    .requiredOption('--year-ending <date>', 'last day of the collection year (YYYY-03-31)', yearEndDate)
    .requiredOption('--out <dir>', 'folder to write the CSV files to')
    .addOption(new Option('--la <code>').hideHelp().argParser(laIsNoOption))
    .option('--force', "replace the return's files if --out already has them")
    .option(
      '--codes-of <date>',
      "write the year in a later year's code lists (e.g. SEX M/F), only as the validator's --prev comparison file; never submit it",
      yearEndDate,
    )
    .option(
      '--encrypt-to <public-key.pem>',
      'seal each CSV to this RSA public key as <file>.sealed (`care-journey unseal` opens it); no plaintext table is written',
    )
    .option('--by <user>', 'who is exporting, for the read-access trail (default: the OS user)')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes:',
        '  0  the files were written and the self-check found no failure (warnings may be printed)',
        '  1  nothing written: a bad option, a year not begun, an empty store, or files already in --out',
        `  ${SELF_CHECK_FAILED_EXIT_CODE}  the files were written and the self-check found failures (printed): do not submit unseen`,
        "A year still running is exported with a warning on stderr; rules that test the year's end on an",
        'episode open today are printed as "warning" and do not set exit code 2 where only the year\'s end would',
        'break them: a child not yet 18 (359), a short break within its limits so far (365, 367).',
      ].join('\n'),
    )
    .action(async (options: ExportOptions) => {
      const today = dateInEngland(new Date().toISOString());
      const status = returnYearStatus(options.yearEnding, today);
      if (status === 'not-begun') {
        process.stderr.write(`export-903: --year-ending ${notBegunMessage(options.yearEnding, today)}\n`);
        process.exitCode = 1;
        return;
      }
      if (status === 'in-progress')
        process.stderr.write(`export-903: warning: ${inProgressWarning(options.yearEnding, today)}\n`);
      let recipient: SealingKey | undefined;
      if (options.encryptTo !== undefined) {
        const { key, problem } = recipientKeyOption(options.encryptTo);
        if (!key) {
          process.stderr.write(`export-903: ${problem}; nothing written\n`);
          process.exitCode = 1;
          return;
        }
        recipient = key;
      }
      const store = await openExistingStore();
      try {
        // A store with no journeys at all (a new or wrong path) would give an empty return that looks
        // like a successful one: refused, nothing written. A year without children is still exported.
        if (!(await holdsJourneys(store))) {
          process.stderr.write(
            `export-903: nothing written: the event store (${storeWhere()}) holds no children's journeys; check the path, or import or record children first\n`,
          );
          process.exitCode = 1;
          return;
        }
        const read = await return903WithChildren(store, {
          yearEnding: options.yearEnding,
          ...(options.codesOf !== undefined && { codesOf: options.codesOf }),
        });
        const { tables } = read;
        // Refused before anything is recorded or written: an export that does not happen is no read.
        const existing =
          options.force === true
            ? []
            : recipient
              ? existingSealedReturnFiles(options.out)
              : existingReturnFiles(options.out);
        if (existing.length > 0) {
          process.stderr.write(`export-903: nothing written: ${new ReturnFilesExist(existing).message}\n`);
          process.exitCode = 1;
          return;
        }
        // UPNs, dates of birth and postcodes of every child in it: in the trail before any file is written.
        await record903Export(store, {
          readBy: options.by ?? userInfo().username,
          yearEnding: options.yearEnding,
          out: options.out,
          codesOf: options.codesOf,
          childIds: childIdsInReturn(read),
        });
        let files: string[];
        try {
          files = recipient
            ? await writeSealedReturn(tables, options.out, recipient)
            : await writeReturn(tables, options.out, { force: true });
        } catch (error) {
          if (!(error instanceof ReturnNotWritten)) throw error;
          process.stderr.write(`export-903: --out ${error.message}\n`);
          process.exitCode = 1;
          return;
        }
        const counts = Object.entries(tables)
          .map(([name, rows]) => `${name}=${rows.length}`)
          .join(' ');
        process.stdout.write(
          `wrote ${files.length} ${recipient ? 'sealed ' : ''}files to ${options.out}: ${counts}\n`,
        );
        if (options.codesOf !== undefined) {
          // Not a return: the year's own validation rules would reject the later year's codes.
          process.stdout.write('self-check skipped: a --codes-of comparison file is not a return\n');
          return;
        }
        // A running year: what fails only at the year's end if nothing changes is a warning (review s14 F7).
        const { failures, warnings } = splitSelfCheck(
          validateReturn(tables, {
            yearEnding: options.yearEnding,
            ...(status === 'in-progress' && { runningOn: today }),
          }),
        );
        for (const f of failures)
          process.stdout.write(`  ${f.rule}\t${f.table}\t${f.child}\t${f.field}\t${f.message}\n`);
        for (const w of warnings)
          process.stdout.write(`  warning ${w.rule}\t${w.table}\t${w.child}\t${w.field}\t${w.message}\n`);
        process.stdout.write(
          `self-check: ${failures.length} failure(s)${warnings.length > 0 ? `, ${warnings.length} warning(s) for the year's end` : ''}\n`,
        );
        if (failures.length > 0) process.exitCode = SELF_CHECK_FAILED_EXIT_CODE;
      } finally {
        await store.close();
      }
    });
}
