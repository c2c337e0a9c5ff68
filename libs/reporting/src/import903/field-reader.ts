/**
 * Reads the fields of one source row, recording an issue (file, line, field, reason) for each bad
 * value and returning undefined for it, so one pass reports every problem of a row.
 */
import {
  isValidCalendarDate,
  isValidCode,
  type CalendarDate,
  type CodeListName,
} from '@care-journey/journey';
import { issueAt, type ImportIssue } from './issues';
import type { SourceRow } from './read-returns';

const isDigitAt = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
};

/** Exactly dd/mm/YYYY (ASCII digits), read by character codes: no regex match array per date. */
const isDmyShape = (text: string): boolean =>
  text.length === 10 &&
  text.charCodeAt(2) === 47 &&
  text.charCodeAt(5) === 47 &&
  isDigitAt(text, 0) &&
  isDigitAt(text, 1) &&
  isDigitAt(text, 3) &&
  isDigitAt(text, 4) &&
  isDigitAt(text, 6) &&
  isDigitAt(text, 7) &&
  isDigitAt(text, 8) &&
  isDigitAt(text, 9);

/** dd/mm/YYYY that names a real day, as ISO; undefined otherwise. */
export function realDate(text: string | undefined): CalendarDate | undefined {
  if (text === undefined || !isDmyShape(text)) return undefined;
  const iso = `${text.slice(6)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
  return isValidCalendarDate(iso) ? iso : undefined;
}

export class FieldReader {
  readonly child: string;
  constructor(
    private readonly row: SourceRow,
    private readonly issues: ImportIssue[],
  ) {
    this.child = row.values.CHILD ?? '';
  }

  get failed(): number {
    return this.issues.length;
  }

  problem(field: string, reason: string): undefined {
    this.issues.push(issueAt(this.row.ref, this.child, field, reason));
    return undefined;
  }

  value(field: string): string {
    return this.row.values[field] ?? '';
  }

  text(field: string, required: boolean): string | undefined {
    const v = this.value(field);
    if (v === '') return required ? this.problem(field, 'is required') : undefined;
    return v;
  }

  date(field: string, required: boolean): CalendarDate | undefined {
    const v = this.value(field);
    if (v === '') return required ? this.problem(field, 'is required (a date dd/mm/YYYY)') : undefined;
    return realDate(v) ?? this.problem(field, `${JSON.stringify(v)} is not a real date dd/mm/YYYY`);
  }

  /** A code from the domain's 903 lists, valid on `on` when the row gives a date. */
  code(list: CodeListName, field: string, required: boolean, on?: CalendarDate): string | undefined {
    const v = this.value(field);
    if (v === '') return required ? this.problem(field, `is required (a ${list} code)`) : undefined;
    if (!isValidCode(list, v)) return this.problem(field, `${JSON.stringify(v)} is not a ${list} code`);
    if (on !== undefined && !isValidCode(list, v, on))
      return this.problem(field, `${list} code ${v} is not valid on ${on}`);
    return v;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], required: boolean): T | undefined {
    const v = this.value(field);
    if (v === '')
      return required ? this.problem(field, `is required (one of ${allowed.join(', ')})`) : undefined;
    return (allowed as readonly string[]).includes(v)
      ? (v as T)
      : this.problem(field, `${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
  }
}
