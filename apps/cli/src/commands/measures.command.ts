import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { createEventStore } from '@care-journey/event-store';
// Reached by path until @care-journey/projections re-exports its authority/ folder.
import { AuthorityLog, loadAuthorityConfig, seriesToCsv } from '@care-journey/projections';

interface MeasuresOptions {
  from: string;
  to: string;
  format: 'json' | 'csv';
  out?: string;
  today?: string;
}

/**
 * `care-journey measures`: the authority's monthly series (looked after, starts and ceases by
 * route, placement mix, location, reviews in time, plan by second review, 3+ placements, spend,
 * targets) from the event log, as CSV or JSON, on stdout or into a file.
 */
export function registerMeasuresCommand(program: Command): void {
  program
    .command('measures')
    .description(
      'Authority-wide measures as a monthly series (settings: CARE_JOURNEY_AUTHORITY / CARE_JOURNEY_AUTHORITY_FILE)',
    )
    .requiredOption('--from <month>', 'first month, YYYY-MM (or any date in it)')
    .requiredOption('--to <month>', 'last month, YYYY-MM (or any date in it)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('csv'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--today <date>', 'deadlines after this day are not yet missed (default: today, UTC)')
    .action(async (options: MeasuresOptions) => {
      const config = loadAuthorityConfig(process.env);
      const store = await createEventStore();
      try {
        const measures = await new AuthorityLog(store, config).measures();
        const today = options.today ?? new Date().toISOString().slice(0, 10);
        const rows = measures.monthlySeries(options.from, options.to, today);
        const text =
          options.format === 'csv'
            ? seriesToCsv(rows)
            : `${JSON.stringify({ authority: { la: config.la, name: config.name }, from: options.from, to: options.to, rows }, null, 2)}\n`;
        if (options.out) {
          writeFileSync(options.out, text);
          process.stderr.write(
            `wrote ${rows.length} month(s) for ${measures.children.length} children to ${options.out}\n`,
          );
        } else process.stdout.write(text);
      } finally {
        await store.close();
      }
    });
}
