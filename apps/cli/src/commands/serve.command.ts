import { Command, InvalidArgumentError } from 'commander';

const parsePort = (value: string): string => {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError('must be a whole number 0–65535');
  return value;
};

/** `care-journey serve`: starts the HTTP API, configured from the environment like `npm start`. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the HTTP API (PORT, CARE_JOURNEY_JWT_SECRET, CARE_JOURNEY_STORE, CARE_JOURNEY_SQLITE_FILE)',
    )
    .option('--port <port>', 'port to listen on (overrides PORT)', parsePort)
    .option(
      '--dev',
      'a development machine no one else reaches: without NODE_ENV=production, listen beyond 127.0.0.1 anyway (development secret, demo users)',
    )
    .option(
      '--create-store',
      'create the SQLite store (CARE_JOURNEY_SQLITE_FILE) if it does not exist; without it (or CARE_JOURNEY_SQLITE_CREATE=1) a missing store stops start-up',
    )
    .action(async (options: { port?: string; dev?: boolean; createStore?: boolean }) => {
      if (options.port !== undefined) process.env.PORT = options.port;
      // Loaded on demand: other commands should not pay for booting Nest.
      const { checkedApiSettings, startApi } = await import('../../../api/src/main');
      // A development configuration bound beyond this machine is refused unless --dev says so.
      const settings = checkedApiSettings({
        development: options.dev === true,
        createStore: options.createStore === true,
      });
      if (settings === undefined) return;
      await startApi(settings);
    });
}
