import { codeMeaning, type CalendarDate, type CodeListName } from '@care-journey/journey';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** GOV.UK style: 31 March 2025. */
export function formatDate(date: CalendarDate | undefined): string {
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "27 November 2026 at 10:00:03 UTC" for an instant: the record's clock, in UTC as it is kept. */
export function formatInstant(instant: string): string {
  const time = new Date(instant);
  if (Number.isNaN(time.getTime())) return instant;
  const iso = time.toISOString();
  return `${formatDate(iso.slice(0, 10))} at ${iso.slice(11, 19)} UTC`;
}

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/** "U4 Foster placement with other foster carer, long-term fostering" for a code of a 903 list, the bare code when unknown. */
export const codeText = (list: CodeListName, code: string | undefined): string =>
  code ? `${code} ${codeMeaning(list, code) ?? ''}`.trim() : 'Not known';

/** "C2 Full care order". */
export const legalStatusText = (code: string | undefined): string => codeText('LS', code);

export const AGE_BAND_TEXT: Record<string, string> = {
  under1: 'Under 1',
  '1-4': '1 to 4',
  '5-9': '5 to 9',
  '10-15': '10 to 15',
  '16+': '16 and over',
};
