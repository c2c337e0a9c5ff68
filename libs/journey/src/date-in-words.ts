/**
 * A calendar date as people write it: "5 January 2026". Refusals name entries by their type and
 * date, and a social worker reading one does not read ISO dates.
 */
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
] as const;

export function dateInWords(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  // Anything that is not a calendar date is shown as it was given, never guessed at.
  if (!match || month === undefined) return date;
  return `${Number(match[3])} ${month} ${match[1]}`;
}
