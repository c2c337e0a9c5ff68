import { registerBody, wholeJourney } from '../../e2e/support/journey-bodies';
import type { LedgerEntry } from './command-ledger';

/** Commands that record more than one event (the adoption order also ends care). */
const EVENTS_PER_COMMAND: Record<string, number> = { 'adoption/order': 2 };

/**
 * One client: walks new children through a whole journey (registration to adoption order)
 * until the server stops answering (or `stopped()`). Every command carries a unique X-Correlation-Id, stored
 * in its events' metadata, so the ledger can find what each command wrote.
 */
export async function runJourneyWriter(
  baseUrl: string,
  token: string,
  name: string,
  ledger: LedgerEntry[],
  /** Asked before each command: true ends the writer while the server still answers. */
  stopped: () => boolean = () => false,
): Promise<void> {
  for (let k = 0; ; k++) {
    const childId = `${name}-${k}`;
    const steps: [string, Record<string, unknown>][] = [
      ['', registerBody({ childId, childRef: childId })],
      ...wholeJourney,
    ];
    for (const [step, [path, body]] of steps.entries()) {
      if (stopped()) return;
      const entry: LedgerEntry = {
        correlationId: `${childId}.${step}`,
        childId,
        expectedEvents: EVENTS_PER_COMMAND[path] ?? 1,
        status: 'pending',
        eventIds: [],
      };
      ledger.push(entry);
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/children${path ? `/${childId}/${path}` : ''}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'x-correlation-id': entry.correlationId,
          },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as { events?: { id: string }[] };
        entry.status = response.status;
        entry.eventIds = response.status === 201 ? (answer.events ?? []).map((e) => e.id) : [];
      } catch {
        entry.status = 'no answer'; // the server died: stop, the outcome is for the store to tell
        return;
      }
      if (entry.status !== 201) break; // a refused step makes the rest of this journey moot
    }
  }
}
