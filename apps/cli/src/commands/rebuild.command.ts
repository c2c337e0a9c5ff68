import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { loadStoreConfig } from '@care-journey/event-store';
import { claimReadModels } from '../support/claim-read-models';
import { openExistingStore } from '../support/open-existing-store';
import { loadReadModelConfig, ProjectionEngine } from '@care-journey/projections';

/**
 * `care-journey rebuild`: rebuilds every read model from position 0 with a progress bar. A running
 * API or projector keeps serving the previous read models until the switch, then follows on; while
 * it runs, the rebuild's progress is in the read-model file (running-rebuild.ts), so the API's
 * GET /admin/rebuild and /health/projections report it. Refused while another process rebuilds.
 */
export function registerRebuildCommand(program: Command): void {
  program
    .command('rebuild')
    .description(
      'Drop and rebuild all read models from the event log (CARE_JOURNEY_READMODEL_FILE, CARE_JOURNEY_STORE…)',
    )
    .action(async () => {
      const storeConfig = loadStoreConfig();
      const config = loadReadModelConfig(process.env, storeConfig);
      const store = await openExistingStore(storeConfig);
      if (!claimReadModels('rebuild', storeConfig, config.file)) {
        await store.close();
        return;
      }
      // Worker mode: this process only rebuilds; whoever projects live picks up the new generation.
      const engine = new ProjectionEngine(store, {
        file: config.file,
        mode: 'worker',
        batchSize: config.batchSize,
        rebuildThreads: config.rebuildThreads,
        rebuildMinEventsPerThread: config.rebuildMinEventsPerThread,
        // Stored in the read-model file with the new generation: a running API reports this rebuild.
        process: 'cli',
      });
      const bar = new SingleBar(
        {
          format: 'rebuild |{bar}| {percentage}% | {value}/{total} | {speed} events/s | ETA {eta_formatted}',
          hideCursor: true,
        },
        Presets.shades_classic,
      );
      try {
        let started = false;
        const result = await engine.rebuildAndWait((progress) => {
          const total = Math.max(Number(progress.head), 1);
          if (!started) bar.start(total, 0, { speed: 0 });
          started = true;
          bar.setTotal(total);
          bar.update(Number(progress.position), { speed: progress.eventsPerSecond });
        });
        bar.stop();
        process.stdout.write(
          `rebuilt ${config.file}: ${result.eventsDone} events up to position ${result.position}, generation ${result.generation}, ${result.eventsPerSecond} events/s on ${result.threads} thread${result.threads === 1 ? '' : 's'}\n`,
        );
      } catch (error) {
        bar.stop();
        process.stderr.write(
          `rebuild failed, previous read models kept: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exitCode = 1;
      } finally {
        await engine.close();
        await store.close();
      }
    });
}
