/**
 * The parts of a child's periods of care that every drift rule and measure counts: short breaks
 * (V3/V4) never do. A period with no short break is itself (the same object: no copy). A period
 * that started on short breaks and went on under another legal status counts from the day the
 * child became looked after on the new basis (libs/journey spellsOffShortBreaks, the one rule the
 * API's next review date uses too); a return to short breaks ends the counted part.
 */
import {
  DEFAULT_REVIEW_CLOCK_AFTER_SHORT_BREAKS,
  hasShortBreaks,
  isShortBreak,
  reviewClockStart,
  spellsOffShortBreaks,
  type CalendarDate,
  type ReviewClockAfterShortBreaks,
  type SpellOffShortBreaks,
} from '@care-journey/journey';
import type { DatedFact, JourneySummary, LegalStatusFact, PeriodOfCare } from './journey-summary';

/** A counted part of a period of care: a period, or the spell of one off short breaks. */
export interface CarePeriod extends PeriodOfCare {
  /** Set on a spell of a period that had short breaks: that period's start (and its event), and which spell it is. */
  spellOf?: { periodStart: CalendarDate; periodStartEventId: string; first: boolean };
}

function spellView(period: PeriodOfCare, spell: SpellOffShortBreaks, first: boolean): CarePeriod {
  const { from, until } = spell;
  const statuses = period.legalStatuses;
  const ended = until !== undefined && spell.untilIndex !== undefined;
  return {
    ...period,
    start: from,
    startEventId: statuses[spell.fromIndex].eventId,
    end: ended ? until : period.end,
    endReason: ended ? undefined : period.endReason,
    endEventId: ended ? statuses[spell.untilIndex as number].eventId : period.endEventId,
    legalStatuses: statuses.slice(spell.fromIndex, spell.untilIndex),
    // A placement made on short breaks that goes on counts from the day the child became looked
    // after otherwise (the same run, started then: its startEventId still names where it began).
    placements: period.placements
      .filter(
        (run) => (until === undefined || run.start < until) && (run.end === undefined || run.end > from),
      )
      .map((run) => (run.start < from ? { ...run, start: from } : run)),
    // Each spell has its own review chain (reviews are refused on short breaks in any case).
    reviews: period.reviews.filter(
      (review) => review.date >= from && (until === undefined || review.date < until),
    ),
    spellOf: { periodStart: period.start, periodStartEventId: period.startEventId, first },
  };
}

/** The counted parts of one period of care, in date order (none when it is short breaks throughout). */
export function spellsOf(period: PeriodOfCare): CarePeriod[] {
  if (!hasShortBreaks(period.legalStatuses)) return [period];
  return spellsOffShortBreaks(period.legalStatuses).map((spell, index) =>
    spellView(period, spell, index === 0),
  );
}

/** Every counted part of the child's periods of care. */
export function periodsOffShortBreaks(summary: JourneySummary): readonly CarePeriod[] {
  // Rules only read the list: without a short break it is the summary's own (no copy per rule).
  for (const period of summary.periods)
    if (hasShortBreaks(period.legalStatuses)) return summary.periods.flatMap(spellsOf);
  return summary.periods;
}

/**
 * The counted part of care the child is in on D (looked after on D, not on short breaks): what
 * "looked after on D" means for a stability measure, and where "looked after for N years" is timed
 * from (its `start`: the day the child became looked after otherwise, for a period that began on
 * short breaks). Undefined when not looked after on D, or on short breaks then.
 */
export const carePeriodOn = (summary: JourneySummary, date: CalendarDate): CarePeriod | undefined =>
  periodsOffShortBreaks(summary).find(
    (part) => part.start <= date && (part.end === undefined || part.end > date),
  );

/**
 * The date the first review's 20 working days run from: the counted part's start, or the period's
 * start under `period_start` (DriftConfig.DR01.afterShortBreaks).
 */
export const reviewClockOf = (
  period: CarePeriod,
  choice: ReviewClockAfterShortBreaks = DEFAULT_REVIEW_CLOCK_AFTER_SHORT_BREAKS,
): CalendarDate =>
  period.spellOf
    ? reviewClockStart(period.start, period.spellOf.periodStart, choice, period.spellOf.first)
    : period.start;

/**
 * Where a period's short breaks start and stop (the legal statuses at which V3/V4 begins or ends,
 * with their events): what the counted parts are made of, so the feed knows when they changed.
 */
export function shortBreakTurns(statuses: readonly LegalStatusFact[]): string {
  if (!hasShortBreaks(statuses)) return '';
  let turns = '';
  let before: boolean | undefined;
  for (const status of statuses) {
    const now = isShortBreak(status.code);
    if (now !== before) turns += `${status.date}/${status.eventId}/${now ? 'V' : 'O'};`;
    before = now;
  }
  return turns;
}

/**
 * The first two reviews of each counted part of a period (what DR01, DR02, DR04 and DR09 read):
 * the period's own first two when it had no short breaks.
 */
export function firstReviewsOfParts(period: PeriodOfCare): readonly DatedFact[] {
  if (!hasShortBreaks(period.legalStatuses)) return period.reviews.slice(0, 2);
  return spellsOf(period).flatMap((part) => part.reviews.slice(0, 2));
}

/** How many reviews the period's last counted part has (undefined: it has none, on short breaks). */
export function reviewsInLastPart(period: PeriodOfCare): number | undefined {
  if (!hasShortBreaks(period.legalStatuses)) return period.reviews.length;
  const last = spellsOf(period).at(-1);
  return last && last.end === period.end ? last.reviews.length : undefined;
}
