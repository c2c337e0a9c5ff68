/** 903 values: dates dd/mm/YYYY (the validator parses with %d/%m/%Y), blanks as ''. */
import { isOrderDateAsKnown, type CalendarDate } from '@care-journey/journey';

export function toDmy(date: CalendarDate | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Inverse of toDmy; undefined when the text is not a dd/mm/YYYY date. */
export function fromDmy(text: string | undefined): CalendarDate | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec((text ?? '').trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

/**
 * From 2024/25 the 903 codes sex as M/F (rule 101); up to 2023/24 as 1/2. The domain keeps 1/2.
 * `codesOf` is the year ending whose code list applies: the return's own year, or a later one when
 * a past return is written as the comparison ("last year's") input for a later year's check, since
 * rule 202 compares Header.SEX with Header_last.SEX as plain text.
 */
export const sexCode = (sex: '1' | '2', codesOf: CalendarDate): string =>
  codesOf >= '2025-03-31' ? (sex === '1' ? 'M' : 'F') : sex;

/**
 * DATE_PERM, the date of an earlier permanence order as known: the journey keeps YYYY-MM-DD, or
 * YYYY-MM / YYYY when the day or month is not known; the 903 writes ZZ for each unknown part
 * (national-definitions §1.1). A stored value that is none of these is left blank, never copied.
 */
export function orderDateToDmy(date: string | undefined): string {
  if (date === undefined || !isOrderDateAsKnown(date)) return '';
  const [y, m = 'ZZ', d = 'ZZ'] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Inverse of orderDateToDmy: '' for ZZ/ZZ/ZZZZ (not known at all), undefined when not a DATE_PERM. */
export function orderDateFromDmy(text: string): string | undefined {
  const m = /^(\d{2}|ZZ)\/(\d{2}|ZZ)\/(\d{4}|ZZZZ)$/i.exec(text.trim());
  if (!m) return undefined;
  const [day, month, year] = [m[1]!.toUpperCase(), m[2]!.toUpperCase(), m[3]!.toUpperCase()];
  if (year === 'ZZZZ') return '';
  const asKnown = month === 'ZZ' ? year : day === 'ZZ' ? `${year}-${month}` : `${year}-${month}-${day}`;
  return isOrderDateAsKnown(asKnown) ? asKnown : undefined;
}
