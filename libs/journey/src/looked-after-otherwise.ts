/**
 * Short breaks (V3/V4) and the rest of a period of care. A period of care may start as an agreed
 * series of short breaks and go on under another legal status (a care order, s20 V2, …): the
 * short-break arrangement has ended and the child is looked after on the new basis. Short breaks
 * are excluded from every drift rule and stability figure (rule book), so the parts of a period
 * that count are its spells off short breaks. One rule, used by the read models (drift, measures,
 * the change feed) and by the API's next review date, so they agree.
 */
import type { CalendarDate } from './events';
import { isShortBreak } from './code-groups';

/**
 * Where the review clock of a period that started on short breaks runs from (the reference leaves
 * it open: reg. 33 times the first review from when the child "becomes looked after", which for
 * such a child was the first short break; reg. 48's modified regime stops applying when the
 * arrangement ends):
 * - `legal_status_change` (default): from the day the child became looked after on the new basis;
 * - `period_start`: from the start of the period of care (the first short break).
 */
export const REVIEW_CLOCK_AFTER_SHORT_BREAKS = ['legal_status_change', 'period_start'] as const;
export type ReviewClockAfterShortBreaks = (typeof REVIEW_CLOCK_AFTER_SHORT_BREAKS)[number];
export const DEFAULT_REVIEW_CLOCK_AFTER_SHORT_BREAKS: ReviewClockAfterShortBreaks = 'legal_status_change';

/** A legal status from a date, in a period of care (in date order). */
export interface DatedLegalStatus {
  date: CalendarDate;
  code: string;
}

/** A run of a period's legal statuses that are not short breaks. */
export interface SpellOffShortBreaks {
  /** The day the child became looked after other than on short breaks. */
  from: CalendarDate;
  /** Index of the legal status that opened it. */
  fromIndex: number;
  /** The day short breaks started again (absent: it lasts as long as the period). */
  until?: CalendarDate;
  /** Index of the short-break status that ended it. */
  untilIndex?: number;
}

/** Whether any of the period's legal statuses is a short break (most periods: none). */
export const hasShortBreaks = (statuses: readonly DatedLegalStatus[]): boolean =>
  statuses.some((status) => isShortBreak(status.code));

/** The spells of a period off short breaks, in order: the whole period when it never had any. */
export function spellsOffShortBreaks(statuses: readonly DatedLegalStatus[]): SpellOffShortBreaks[] {
  const spells: SpellOffShortBreaks[] = [];
  let open: SpellOffShortBreaks | undefined;
  statuses.forEach((status, index) => {
    const shortBreak = isShortBreak(status.code);
    if (!shortBreak && !open) spells.push((open = { from: status.date, fromIndex: index }));
    else if (shortBreak && open) {
      open.until = status.date;
      open.untilIndex = index;
      open = undefined;
    }
  });
  return spells;
}

/**
 * The date the review clock of a spell runs from: the spell's start, or, with `period_start`, the
 * period's start for the first spell of a period that began on short breaks (a later spell, after
 * a return to short breaks, always starts its own clock).
 */
export function reviewClockStart(
  spellFrom: CalendarDate,
  periodStart: CalendarDate,
  choice: ReviewClockAfterShortBreaks = DEFAULT_REVIEW_CLOCK_AFTER_SHORT_BREAKS,
  firstSpell = true,
): CalendarDate {
  return choice === 'period_start' && firstSpell ? periodStart : spellFrom;
}
