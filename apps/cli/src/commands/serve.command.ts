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
    .action(async (options: { port?: string }) => {
      if (options.port !== undefined) process.env.PORT = options.port;
      // Loaded on demand: other commands should not pay for booting Nest.
      const { startApi } = await import('../../../api/src/main');
      await startApi();
    });
}
