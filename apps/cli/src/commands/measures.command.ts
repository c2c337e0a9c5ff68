import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { loadStoreConfig } from '@care-journey/event-store';
import { dateOfInstant } from '@care-journey/journey';
import { openExistingStore } from '../support/open-existing-store';
import {
  catchUpReadModels,
  engineReadModels,
  loadAuthorityConfig,
  loadReadModelConfig,
  PreparedAuthority,
  ProjectionEngine,
  seriesToCsv,
} from '@care-journey/projections';

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
 * targets) from the read models, as CSV or JSON, on stdout or into a file. The read-model file
 * (CARE_JOURNEY_READMODEL_FILE, else beside the store) is first caught up with the log, as the
 * projector would, so a run only projects what was appended since the last one.
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
    .option(
      '--today <date>',
      'deadlines after this day are not yet missed (default: today in England, Europe/London)',
    )
    .action(async (options: MeasuresOptions) => {
      const config = loadAuthorityConfig(process.env);
      const storeConfig = loadStoreConfig();
      const readModelConfig = loadReadModelConfig(process.env, storeConfig);
      const store = await openExistingStore(storeConfig);
      const engine = new ProjectionEngine(store, {
        file: readModelConfig.file,
        mode: 'inline',
        batchSize: readModelConfig.batchSize,
        log: (message) => process.stderr.write(`projections: ${message}\n`),
      });
      try {
        await catchUpReadModels(engine, store);
        const measures = await new PreparedAuthority(config).measures(engineReadModels(engine));
        const today = options.today ?? dateOfInstant(new Date().toISOString());
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
        await engine.close();
        await store.close();
      }
    });
}
