import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadStoreConfig } from '@care-journey/event-store';
import { dateOfInstant, isValidCalendarDate } from '@care-journey/journey';
import { claimReadModels } from '../support/claim-read-models';
import { openExistingStore } from '../support/open-existing-store';
import {
  endedMonths,
  isMonthOrCalendarDate,
  lastDayOf,
  notAfterToday,
  type NotAfterTodayError,
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

const calendarDate = (value: string): string => {
  if (!isValidCalendarDate(value)) throw new InvalidArgumentError('must be a real calendar date, YYYY-MM-DD');
  return value;
};

/**
 * The dates the command refuses, by the one check the measures API makes (not-after-today.ts):
 * a `--today` after today (it would count deadlines not yet come as missed) and a `--from` whose
 * month has not ended (no month of the window has: nothing to answer with), as `GET /measures`.
 */
function refusedDates(options: MeasuresOptions, today: string): NotAfterTodayError[] {
  const refusals = [notAfterToday('--today', options.today, today)];
  if (isMonthOrCalendarDate(options.from))
    refusals.push(notAfterToday('--from', lastDayOf(options.from), today));
  return refusals.filter((refusal) => refusal !== undefined);
}

/**
 * `care-journey measures`: the authority's monthly series (looked after, starts and ceases by
 * route, placement mix, location, reviews in time, plan by second review, 3+ placements, spend,
 * targets) from the read models, as CSV or JSON, on stdout or into a file. The read-model file
 * (CARE_JOURNEY_READMODEL_FILE, else beside the store) is first caught up with the log, as the
 * projector would, so a run only projects what was appended since the last one. Months that have
 * not ended are left out, as `GET /measures` leaves them out.
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
      'deadlines after this day are not yet missed, and months ending after it are left out (default, and latest: today in England, Europe/London)',
      calendarDate,
    )
    .action(async (options: MeasuresOptions) => {
      const realToday = dateOfInstant(new Date().toISOString());
      const refused = refusedDates(options, realToday);
      if (refused.length > 0) {
        // Before the store is opened: a refused run changes nothing, the read models included.
        for (const { field, rule, message } of refused)
          process.stderr.write(`measures: ${field}: ${message} (rule ${rule})\n`);
        process.exitCode = 1;
        return;
      }
      const config = loadAuthorityConfig(process.env);
      const storeConfig = loadStoreConfig();
      const readModelConfig = loadReadModelConfig(process.env, storeConfig);
      const store = await openExistingStore(storeConfig);
      if (!claimReadModels('measures', storeConfig, readModelConfig.file)) {
        await store.close();
        return;
      }
      const engine = new ProjectionEngine(store, {
        file: readModelConfig.file,
        mode: 'inline',
        batchSize: readModelConfig.batchSize,
        log: (message) => process.stderr.write(`projections: ${message}\n`),
      });
      try {
        await catchUpReadModels(engine, store);
        const measures = await new PreparedAuthority(config).measures(engineReadModels(engine));
        const today = options.today ?? realToday;
        const rows = endedMonths(measures.monthlySeries(options.from, options.to, today), today);
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
