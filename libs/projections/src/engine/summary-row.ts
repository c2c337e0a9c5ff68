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

/** True when two rows' indexed columns hold the same values (see RowWriter.summaryKeepingIndexed). */
export const sameSummaryColumns = (a: SummaryColumns, b: SummaryColumns): boolean =>
  a.child_ref === b.child_ref &&
  a.team === b.team &&
  a.social_worker === b.social_worker &&
  a.legal_status === b.legal_status &&
  a.in_care === b.in_care &&
  a.date_of_birth === b.date_of_birth;
