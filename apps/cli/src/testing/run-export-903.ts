import { Command } from 'commander';
import { registerExport903Command } from '../commands/export-903.command';

/** Runs `care-journey export-903 --year-ending <yearEnding> --out <out> ...extra` as the CLI parses it. */
export async function runExport903(yearEnding: string, out: string, ...extra: string[]): Promise<void> {
  const program = new Command().exitOverride();
  registerExport903Command(program);
  await program.parseAsync([
    'node',
    'care-journey',
    'export-903',
    '--year-ending',
    yearEnding,
    '--out',
    out,
    ...extra,
  ]);
}
