import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { recordTokenIssued, type TokenIssuedData } from '@care-journey/audit';
import { createEventStore, loadStoreConfig, type EventStore } from '@care-journey/event-store';
import { operatorIdentity } from '../support/operator-identity';

/**
 * Records a token's issue (TokenIssued on `tokens-issued`) with the OS account and host running
 * `token`. Any failure, a store file missing or one that cannot be written, stops the command with
 * what went wrong and that no token was printed: a token nobody can trace is not handed out.
 */
export async function recordIssue(issue: TokenIssuedData): Promise<void> {
  const config = loadStoreConfig();
  const where =
    config.kind === 'sqlite' ? `${resolve(config.file)} (CARE_JOURNEY_SQLITE_FILE)` : 'EventStoreDB';
  const failed = (reason: string): Error =>
    new Error(
      `token: cannot record the token's issue in the event store at ${where}: ${reason}. No token was printed: every token minted is recorded (care-journey audit tokens); point CARE_JOURNEY_SQLITE_FILE at the service's store, writable by this account`,
    );
  // Opening a SQLite file creates it: a mistyped path would record the issue where no one looks.
  if (config.kind === 'sqlite' && !existsSync(resolve(config.file))) throw failed('there is no such file');
  let store: EventStore;
  try {
    store = await createEventStore(config);
  } catch (error) {
    throw failed(reasonOf(error));
  }
  try {
    await recordTokenIssued(store, { ...issue, operator: operatorIdentity() });
  } catch (error) {
    throw failed(reasonOf(error));
  } finally {
    await store.close();
  }
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
