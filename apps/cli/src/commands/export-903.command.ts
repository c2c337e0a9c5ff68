import { Command } from 'commander';
import { createEventStore } from '@care-journey/event-store';
import { CAMBRIDGESHIRE, export903, validateReturn, writeReturn } from '@care-journey/reporting';

interface ExportOptions {
  yearEnding: string;
  out: string;
  la: string;
}

/**
 * `care-journey export-903`: the SSDA903 return for one year as CSVs, then our own self-check of the
 * key validation rules (each failure printed with rule, child and field).
 */
export function registerExport903Command(program: Command): void {
  program
    .command('export-903')
    .description('Export the SSDA903 (children looked after) return for a year as CSV files')
    .requiredOption('--year-ending <date>', 'last day of the collection year (YYYY-03-31)')
    .requiredOption('--out <dir>', 'folder to write the CSV files to')
    .option('--la <code>', 'ONS code of the responsible authority', CAMBRIDGESHIRE)
    .action(async (options: ExportOptions) => {
      const store = await createEventStore();
      try {
        const tables = await export903(store, { yearEnding: options.yearEnding, la: options.la });
        const files = await writeReturn(tables, options.out);
        const counts = Object.entries(tables)
          .map(([name, rows]) => `${name}=${rows.length}`)
          .join(' ');
        process.stdout.write(`wrote ${files.length} files to ${options.out}: ${counts}\n`);
        const failures = validateReturn(tables, { yearEnding: options.yearEnding });
        for (const f of failures)
          process.stdout.write(`  ${f.rule}\t${f.table}\t${f.child}\t${f.field}\t${f.message}\n`);
        process.stdout.write(`self-check: ${failures.length} failure(s)\n`);
      } finally {
        await store.close();
      }
    });
}
