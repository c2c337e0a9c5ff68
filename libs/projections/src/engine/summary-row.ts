/** The indexed columns of a summary row: the child's state at the end of what is recorded. */
import type { JourneySummary } from '../summary/journey-summary';

export interface SummaryColumns {
  child_ref: string;
  team: string | null;
  social_worker: string | null;
  legal_status: string | null;
  in_care: 0 | 1;
  date_of_birth: string | null;
}

export function summaryColumns(summary: JourneySummary): SummaryColumns {
  const allocation = summary.allocations.at(-1);
  const last = summary.periods.at(-1);
  const open = last !== undefined && last.end === undefined;
  return {
    child_ref: summary.childRef,
    team: allocation?.team ?? null,
    social_worker: allocation?.socialWorker ?? null,
    legal_status: open ? (last.legalStatuses.at(-1)?.code ?? null) : null,
    in_care: open ? 1 : 0,
    date_of_birth: summary.dateOfBirth ?? null,
  };
}
