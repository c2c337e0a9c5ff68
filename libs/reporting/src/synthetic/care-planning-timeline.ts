/**
 * Statutory reviews and going-home audits of one period of care. Mostly on time (first review
 * within 20 working days, second within 3 months, then 6-monthly), some late: the drift the
 * permanency panel looks for. The permanence plan made and changed at them: permanence-journey.ts.
 */
import { ageInYearsOn } from '@care-journey/journey';
import type { ChildProfile } from './child-profile';
import { REVIEW_PARTICIPATION } from './code-mixes';
import { addDays, type CalendarDate } from './dates';
import type { DraftCommand } from './draft';
import type { Random } from './prng';

/** `lastDay`: the day before care ended, or the end of the generated history. */
type ReviewDraft = Extract<DraftCommand, { type: 'RecordReview' }>;

export function buildReviews(
  random: Random,
  child: ChildProfile,
  entry: CalendarDate,
  lastDay: CalendarDate,
): ReviewDraft[] {
  const out: ReviewDraft[] = [];
  const onTime = [random.chance(0.85), random.chance(0.85)];
  let date = addDays(entry, onTime[0] ? random.int(7, 27) : random.int(30, 75));
  let n = 0;
  while (date <= lastDay) {
    const participation =
      ageInYearsOn(child.dateOfBirth, date) < 4 ? 'PN0' : random.weighted(REVIEW_PARTICIPATION);
    out.push({ type: 'RecordReview', childId: child.childId, effectiveDate: date, participation });
    n++;
    const late = n === 1 ? !onTime[1] : random.chance(0.12);
    const gap =
      n === 1
        ? late
          ? random.int(95, 150)
          : random.int(40, 90)
        : late
          ? random.int(185, 260)
          : random.int(120, 180);
    date = addDays(date, gap);
  }
  return out;
}

/** Going-home audits for the section 20 and 16+ cohorts, about every six months, some overdue. */
export function buildGoingHomeAudits(
  random: Random,
  child: ChildProfile,
  entryStatus: string,
  entry: CalendarDate,
  lastDay: CalendarDate,
): DraftCommand[] {
  const sixteenth = addDays(child.dateOfBirth, Math.ceil(16 * 365.25));
  const cohortFrom = entryStatus === 'V2' ? entry : sixteenth > entry ? sixteenth : entry;
  if (!(entryStatus === 'V2' || child.ageAtEntry >= 15) || !random.chance(0.8)) return [];
  const out: DraftCommand[] = [];
  let date = addDays(cohortFrom, random.chance(0.8) ? random.int(120, 182) : random.int(190, 300));
  while (date <= lastDay) {
    const [outcome, nextAction] = random.pick([
      ['Remain in current placement', 'Review at next statutory review'],
      ['Return home being explored', 'Family network meeting'],
      ['Not safe to return home', 'Confirm long-term plan at permanency panel'],
    ] as const);
    out.push({
      type: 'CompleteGoingHomeAudit',
      childId: child.childId,
      effectiveDate: date,
      outcome,
      nextAction,
    });
    date = addDays(date, random.chance(0.8) ? random.int(150, 182) : random.int(190, 280));
  }
  return out;
}
