/** `npm run start:projector`: runs the worker until SIGINT/SIGTERM, then shuts down gracefully. */
import { startProjector } from './start-projector';

export async function runProjector(): Promise<void> {
  try {
    const running = await startProjector();
    let stopping = false;
    const shutdown = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      console.log(`${new Date().toISOString()} [projector] ${signal}: finishing the current batch`);
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('[projector] shutdown failed', error);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    console.error(`[projector] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
