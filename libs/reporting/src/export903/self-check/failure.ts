/** One self-check failure: which rule (the DfE validator's code), where, and why. */
import type { TableName } from '../tables';

export interface CheckFailure {
  rule: string;
  table: TableName;
  child: string;
  field: string;
  message: string;
}

export interface CheckContext {
  yearEnding: string;
  yearStart: string;
}
