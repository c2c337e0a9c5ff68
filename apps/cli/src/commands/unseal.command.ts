import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import {
  checkSealedFile,
  isSealedFile,
  openingPartialOf,
  openSealedFile,
  SealedFileError,
} from '@care-journey/audit';
import { fail } from '../support/fail';
import { removeOnSignal } from '../support/remove-on-signal';
import { BACKUP_KEY_PASSPHRASE_VARIABLE, openingKeyOption } from '../support/sealing-key-options';

interface UnsealOptions {
  decryptWith: string;
  out?: string;
  check?: boolean;
}

/**
 * `care-journey unseal <file>`: opens a file sealed by `--encrypt-to` (a backup, a 903 CSV) with the
 * private key, on the custodian's machine: into `--out` (0600, written beside it as a partial and
 * renamed into place only once every chunk authenticates), or `--check` to prove a sealed backup
 * opens whole, writing nothing.
 */
export function registerUnsealCommand(program: Command): void {
  program
    .command('unseal')
    .description('Open a file sealed with --encrypt-to (a backup, a 903 CSV) with its RSA private key')
    .argument('<file>', 'the sealed file')
    .requiredOption(
      '--decrypt-with <private-key.pem>',
      `the private key (its passphrase, if any, in ${BACKUP_KEY_PASSPHRASE_VARIABLE})`,
    )
    .option('--out <file>', 'where to write what it seals (refused if it exists)')
    .option('--check', 'only authenticate every chunk; write nothing')
    .action(async (file: string, options: UnsealOptions) => {
      const source = resolve(file);
      if ((options.out === undefined) === (options.check !== true))
        return fail(
          'unseal: give exactly one of --out <file> (write what it seals) and --check (write nothing)',
        );
      if (!existsSync(source)) return fail(`unseal: no file at ${source}`);
      if (!isSealedFile(source)) return fail(`unseal: ${source} is not sealed (no CJSEALED header)`);
      const target = options.out === undefined ? undefined : resolve(options.out);
      if (target !== undefined && existsSync(target))
        return fail(`unseal: ${target} exists; nothing written`);
      const { key: opener, problem } = openingKeyOption(options.decryptWith);
      if (!opener) return fail(`unseal: ${problem}; nothing written`);
      // A Ctrl-C or SIGTERM while it writes removes the partial plaintext (nothing is at --out yet).
      const stopRemovingOnSignal =
        target === undefined ? undefined : removeOnSignal([openingPartialOf(target)]);
      try {
        const bytes =
          target === undefined
            ? await checkSealedFile(source, opener)
            : await openSealedFile(source, target, opener);
        process.stdout.write(
          target === undefined
            ? `${source} opens whole: ${bytes} bytes, every chunk authenticates; nothing written\n`
            : `opened ${source} into ${target} (${bytes} bytes, every chunk authenticated)\n`,
        );
      } catch (error) {
        if (!(error instanceof SealedFileError)) throw error;
        return fail(`unseal: ${source} ${error.message}; nothing written`);
      } finally {
        stopRemovingOnSignal?.();
      }
    });
}
