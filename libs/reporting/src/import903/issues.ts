/**
 * What the import reports: one line per problem, naming the file, line and field, so an authority
 * can fix its source data. Errors keep a child (or, for file-level errors, the whole run) out of the
 * store; warnings say what was inferred or cannot be kept, and import anyway.
 */
export interface SourceRef {
  /** Path of the CSV file as given (relative to the import folder). */
  file: string;
  /** 1-based line in the file (1 = the header row). */
  line: number;
}

export type Severity = 'error' | 'warning';

export interface ImportIssue {
  severity: Severity;
  file: string;
  /** 0 when the issue is about a whole file or the whole run. */
  line: number;
  /** The 903 CHILD reference, '' when unknown. */
  child: string;
  field: string;
  reason: string;
}

export const REPORT_COLUMNS = ['severity', 'file', 'line', 'child', 'field', 'reason'] as const;

export const issueAt = (
  ref: SourceRef,
  child: string,
  field: string,
  reason: string,
  severity: Severity = 'error',
): ImportIssue => ({
  severity,
  file: ref.file,
  line: ref.line,
  child,
  field,
  reason,
});

export const fileIssue = (file: string, field: string, reason: string): ImportIssue => ({
  severity: 'error',
  file,
  line: 0,
  child: '',
  field,
  reason,
});

export const where = (ref: SourceRef): string => `${ref.file}:${ref.line}`;
