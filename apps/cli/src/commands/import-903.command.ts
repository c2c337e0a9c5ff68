import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { createEventStore, type EventStore } from '@care-journey/event-store';
import { import903, writeReport } from '@care-journey/reporting';
import { heldCliWrites } from '../support/schema-writes-held';

interface ImportOptions {
  report: string;
}

/**
 * `care-journey import-903 DIR`: an authority's 903 CSV returns (one sub-folder per year, or one
 * flat folder) into the configured event store. Every problem goes to the report file; re-running
 * the same files adds nothing. Exit code 1: file-level errors, nothing imported, and the store is
 * not even opened (so none is created at a new path); 2: some children were not imported (see the report).
 * With CARE_JOURNEY_SCHEMA_WRITES=held and a raised schema version, it does not run (exit code 1).
 */
export function registerImport903Command(program: Command): void {
  program
    .command('import-903')
    .description('Import SSDA903 CSV returns (one or several years) as care journeys')
    .argument('<dir>', 'folder holding the CSV files (sub-folders per year, e.g. 2023-24/ and 2024-25/)')
    .option('--report <file>', 'where to write the report of rejected rows (CSV)', 'import-903-report.csv')
    .action(async (dir: string, options: ImportOptions) => {
      const held = heldCliWrites('import-903');
      if (held !== undefined) {
        process.stderr.write(`${held}\n`);
        process.exitCode = 1;
        return;
      }
      let store: EventStore | undefined;
      const openStore = async () => (store = await createEventStore());
      const bar = new SingleBar(
        {
          format:
            'import-903 [{bar}] {value}/{total} rows | {children} children | {events} events | {rate} rows/s',
        },
        Presets.shades_classic,
      );
      const started = Date.now();
      let barStarted = false;
      try {
        const result = await import903(openStore, dir, {
          onProgress: (p) => {
            if (!barStarted) bar.start(p.totalRows, 0, { children: 0, events: 0, rate: '0' });
            barStarted = true;
            const rate = (p.rows / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0);
            bar.update(p.rows, { children: `${p.children}/${p.totalChildren}`, events: p.events, rate });
          },
        });
        bar.stop();
        await writeReport(result.issues, options.report);
        const errors = result.issues.filter((i) => i.severity === 'error').length;
        const { written, unchanged, rejected, total } = result.children;
        process.stdout.write(
          result.aborted
            ? `nothing imported: ${errors} file-level error(s); see ${options.report}\n`
            : `years ${result.years.join(', ')}: ${result.rows} rows, ${total} children: ${written} written (${result.events} events), ${unchanged} already imported, ${rejected} not imported; ${result.issues.length} report line(s) in ${options.report}; ${(result.elapsedMs / 1000).toFixed(1)} s\n`,
        );
        process.exitCode = result.aborted ? 1 : rejected > 0 ? 2 : 0;
      } finally {
        bar.stop();
        await store?.close();
      }
    });
}
