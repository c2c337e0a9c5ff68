/**
 * The API as the bench's server process: the real app (createApp) on the SQLite file named by
 * CARE_JOURNEY_SQLITE_FILE, default durability (synchronous=FULL), projections as deployed (a thread of the API),
 * logging as deployed (an access-log line a request, CARE_JOURNEY_ACCESS_LOG=off to leave it out).
 * Prints "listening <port> writer=… projections=… synchronous=…" once it accepts requests (the modes it
 * runs, which CARE_JOURNEY_SQLITE_WRITER, CARE_JOURNEY_PROJECTIONS and CARE_JOURNEY_SQLITE_SYNCHRONOUS can
 * change: the bench spreads its own environment into this process); stops on SIGTERM.
 */
import 'reflect-metadata';
import { loadApiConfig } from '../../apps/api/src/config/load-api-config';
import { createApp } from '../../apps/api/src/create-app';

async function main(): Promise<void> {
  const config = { ...loadApiConfig(), port: 0, host: '127.0.0.1' };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const writer = config.store.kind === 'sqlite' ? (config.store.writer ?? 'same-thread') : config.store.kind;
  const synchronous = config.store.kind === 'sqlite' ? config.store.synchronous : 'n/a';
  process.stdout.write(
    `listening ${port} writer=${writer} projections=${config.projections} synchronous=${synchronous}\n`,
  );
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
