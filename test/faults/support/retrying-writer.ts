import { registerBody, wholeJourney } from '../../e2e/support/journey-bodies';
import type { LedgerEntry } from './command-ledger';

/** Commands that record more than one event (the adoption order also ends care). */
const EVENTS_PER_COMMAND: Record<string, number> = { 'adoption/order': 2 };

interface Sent {
  entry: LedgerEntry;
  path: string;
  body: Record<string, unknown>;
}

/**
 * One client that outlives the server: it walks children through whole journeys (registration
 * to adoption order), each command with an Idempotency-Key and X-Correlation-Id (the same
 * string, stored in the events' metadata). A command left unanswered by a kill is sent again,
 * same key and body, first thing when the server is back, and the journey goes on from there:
 * what a real client does with a timeout.
 */
export class RetryingJourneyClient {
  private child = 0;
  private step = 0;
  private unanswered: Sent | undefined;

  constructor(
    private readonly name: string,
    private readonly token: string,
    private readonly ledger: LedgerEntry[],
  ) {}

  /** True while the last command sent is still without an answer. */
  get waiting(): boolean {
    return this.unanswered !== undefined;
  }

  /** Retries the unanswered command (if any), then, unless `retryOnly`, records until the server dies. */
  async run(baseUrl: string, { retryOnly = false } = {}): Promise<void> {
    if (this.unanswered) {
      const { entry } = this.unanswered;
      const outcome = await this.post(baseUrl, this.unanswered);
      (entry.retries ??= []).push(outcome);
      if (outcome.status === 'no answer') return;
      this.unanswered = undefined;
      this.advance(outcome.status === 201);
    }
    while (!retryOnly) {
      const childId = `${this.name}-${this.child}`;
      const steps: [string, Record<string, unknown>][] = [
        ['', registerBody({ childId, childRef: childId })],
        ...wholeJourney,
      ];
      const [path, body] = steps[this.step];
      const entry: LedgerEntry = {
        correlationId: `${childId}.${this.step}`,
        idempotencyKey: `${childId}.${this.step}`,
        childId,
        expectedEvents: EVENTS_PER_COMMAND[path] ?? 1,
        status: 'pending',
        eventIds: [],
      };
      this.ledger.push(entry);
      const sent = { entry, path: path ? `/${childId}/${path}` : '', body };
      const outcome = await this.post(baseUrl, sent);
      entry.status = outcome.status;
      entry.eventIds = outcome.eventIds;
      if (outcome.status === 'no answer') {
        this.unanswered = sent; // the server died: its outcome is for the retry (and the store) to tell
        return;
      }
      this.advance(outcome.status === 201);
    }
  }

  /** The next step of this journey, or a new child after the last step or a refused one. */
  private advance(recorded: boolean): void {
    const steps = wholeJourney.length + 1;
    if (recorded && this.step + 1 < steps) {
      this.step += 1;
      return;
    }
    this.child += 1;
    this.step = 0;
  }

  private async post(
    baseUrl: string,
    { entry, path, body }: Sent,
  ): Promise<{ status: number | 'no answer'; eventIds: string[] }> {
    try {
      const response = await fetch(`${baseUrl}/children${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.token}`,
          'content-type': 'application/json',
          'x-correlation-id': entry.correlationId,
          'idempotency-key': entry.idempotencyKey ?? entry.correlationId,
        },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { events?: { id: string }[] };
      const eventIds = response.status === 201 ? (answer.events ?? []).map((e) => e.id) : [];
      return { status: response.status, eventIds };
    } catch {
      return { status: 'no answer', eventIds: [] };
    }
  }
}
