/**
 * How long V3 short breaks last, as the DfE validator checks them (rule_365.py, rule_367.py):
 * - 365: a V3 episode lasts at most 17 days (DEC > DECOM + 17 fails); an open episode is measured
 *   to the collection year's end, as the validator fills a blank DEC with it;
 * - 367: a child's V3 episodes add up to at most 75 days in the year: each is clipped to the
 *   collection year (blank or later DEC → year end, earlier DECOM → year start) and measured
 *   DEC − DECOM; over 75 in total names every counted episode.
 * The journey refuses 365/367 on the entry that ends a break; an open break is only caught here.
 *
 * In a year still running (session 15), an open break is open _today_, not at the year's end: the
 * year-end measure fails a break begun last week, an artefact of the year not being over (a break
 * of a few days is what reg 48 allows). So open breaks are measured to today as well: over the limit
 * today is a failure (the break, or the year's breaks, are already too long whatever is recorded
 * next); over it only when measured to the year's end is a warning, as 359 is (age-and-upn-rules.ts).
 */
import { daysBetween, maxDate, minDate, type CalendarDate } from '@care-journey/journey';
import { toDmy } from '../format';
import type { Row } from '../tables';
import type { CheckContext, CheckFailure } from './failure';
import { dateOf, span } from './short-break-episode';

const BREAK_MAX_DAYS = 17;
const BREAKS_MAX_DAYS_IN_YEAR = 75;

/** Today, in a year still running: open breaks are measured to it as well as to the year's end. */
const runningDay = (ctx: CheckContext): CalendarDate | undefined =>
  ctx.runningOn !== undefined && ctx.runningOn < ctx.yearEnding ? ctx.runningOn : undefined;

interface BreakDays {
  rows: Row[];
  /** As the validator measures them: open breaks to the year's end. */
  days: number;
  /** Open breaks to today (equal to `days` in a finished year). */
  daysToday: number;
}

export function checkShortBreakLengths(rows: readonly Row[], ctx: CheckContext): CheckFailure[] {
  const out: CheckFailure[] = [];
  const name = (rule: string, e: Row, message: string, warning = false) =>
    out.push({
      rule,
      table: 'Episodes',
      child: e.CHILD,
      field: 'DEC',
      message: `${e.LS} ${span(e)}: ${message}`,
      ...(warning && { severity: 'warning' as const }),
    });
  const today = runningDay(ctx);
  const yearEnd = toDmy(ctx.yearEnding);
  const daysInYear = new Map<string, BreakDays>();
  for (const e of rows) {
    const decom = dateOf(e.DECOM);
    if (e.LS !== 'V3' || !decom) continue;
    const dec = e.DEC ? dateOf(e.DEC) : ctx.yearEnding;
    const openToday = !e.DEC && today !== undefined && today >= decom ? today : undefined;
    if (dec && daysBetween(decom, dec) > BREAK_MAX_DAYS) {
      const soFar = openToday === undefined ? undefined : daysBetween(decom, openToday);
      if (soFar === undefined)
        name(
          '365',
          e,
          `a short break lasts at most ${BREAK_MAX_DAYS} days (to ${dec}: ${daysBetween(decom, dec)})`,
        );
      else if (soFar > BREAK_MAX_DAYS)
        name(
          '365',
          e,
          `a short break lasts at most ${BREAK_MAX_DAYS} days (${soFar} so far, to ${toDmy(openToday)})`,
        );
      else
        name(
          '365',
          e,
          `will fail 365 if still open on ${yearEnd}: a short break lasts at most ${BREAK_MAX_DAYS} days ` +
            `(${soFar} so far, to ${toDmy(openToday)})`,
          true,
        );
    }
    if (!dec) continue;
    const from = maxDate(decom, ctx.yearStart);
    const days = daysBetween(from, minDate(dec, ctx.yearEnding));
    if (days <= 0) continue;
    const daysToday = openToday === undefined ? days : Math.max(0, daysBetween(from, openToday));
    const child = daysInYear.get(e.CHILD) ?? { rows: [], days: 0, daysToday: 0 };
    daysInYear.set(e.CHILD, {
      rows: [...child.rows, e],
      days: child.days + days,
      daysToday: child.daysToday + daysToday,
    });
  }
  for (const { rows: counted, days, daysToday } of daysInYear.values()) {
    if (days <= BREAKS_MAX_DAYS_IN_YEAR) continue;
    const message =
      today === undefined
        ? `short breaks add up to ${days} days in the year, more than ${BREAKS_MAX_DAYS_IN_YEAR}`
        : daysToday > BREAKS_MAX_DAYS_IN_YEAR
          ? `short breaks add up to ${daysToday} days in the year so far (to ${toDmy(today)}), more than ${BREAKS_MAX_DAYS_IN_YEAR}`
          : `will fail 367 if the open break is still open on ${yearEnd}: short breaks add up to ${daysToday} days ` +
            `in the year so far, ${days} to ${yearEnd}, more than ${BREAKS_MAX_DAYS_IN_YEAR}`;
    const warning = today !== undefined && daysToday <= BREAKS_MAX_DAYS_IN_YEAR;
    for (const e of counted) name('367', e, message, warning);
  }
  return out;
}
