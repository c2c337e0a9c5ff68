import { codeMeaning, dateInWords, type CalendarDate, type CodeListName } from '@care-journey/journey';

/** GOV.UK style: 31 March 2025. */
export function formatDate(date: CalendarDate | undefined): string {
  return date ? dateInWords(date) : '';
}

// One formatter for the process: building one costs far more than using it.
const englandClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  timeZoneName: 'short',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * "1 July 2025 at 23:59:59 BST" for an instant: the wall clock in England (GMT or BST), as every
 * other date on the pages is England's. The instant itself is unchanged: only how it is written.
 */
export function formatInstant(instant: string): string {
  const time = new Date(instant);
  if (Number.isNaN(time.getTime())) return instant;
  const part: Record<string, string> = {};
  for (const { type, value } of englandClock.formatToParts(time)) part[type] = value;
  const date = `${part.year}-${part.month}-${part.day}`;
  return `${formatDate(date)} at ${part.hour}:${part.minute}:${part.second} ${part.timeZoneName}`;
}

const englandParts = (time: Date): Record<string, string> => {
  const part: Record<string, string> = {};
  for (const { type, value } of englandClock.formatToParts(time)) part[type] = value;
  return part;
};

/**
 * "17:42" for an instant later today in England, else "17:42 on 29 November 2026" (the session's
 * end: a sign-in may run past midnight). Minutes only: a person acts on the minute, not the second.
 */
export function formatClockTime(instant: Date, now: Date): string {
  const end = englandParts(instant);
  const today = englandParts(now);
  const date = `${end.year}-${end.month}-${end.day}`;
  const time = `${end.hour}:${end.minute}`;
  return date === `${today.year}-${today.month}-${today.day}` ? time : `${time} on ${formatDate(date)}`;
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
