/** One self-check failure: which rule (the DfE validator's code), where, and why. */
import type { TableName } from '../tables';

export interface CheckFailure {
  rule: string;
  table: TableName;
  child: string;
  field: string;
  message: string;
  /**
   * `warning`: not a failure of the return as it stands but one it will have at the year's end if
   * nothing changes (a year still running: a 17-year-old in care today who turns 18 before 31 March).
   * Absent: a failure. Warnings do not fail the export (review s14 F7).
   */
  severity?: 'warning';
}

export interface CheckContext {
  yearEnding: string;
  yearStart: string;
  /** Today, when the collection year is still running (then year-end rules on open episodes predict). */
  runningOn?: string;
}
