/**
 * Being looked after ends at 18: a demo recorded up to today, with its history ending 45 days
 * earlier, must not leave a child in care past their 18th birthday in that gap.
 */
import { addDays, eighteenthBirthday } from '@care-journey/journey';
import type { CarePlan } from './care-route';
import { generateAuthority } from './generate-authority';
import { syntheticEventId } from './generate-child';
import { runJourney } from './journey-runner';
import { leavesBy18WithinHistory } from './leaving-by-18';

jest.setTimeout(120_000);

describe('leaving care by 18 within the history', () => {
  const plan: CarePlan = {
    route: 'to_18',
    entryDate: '2024-05-10',
    exitDate: '2026-10-30',
    adoptionReversed: false,
  };
  const born = '2008-10-30';

  it('Given a child turning 18 after the history ends (2026-10-13) but before the demo is recorded (2026-11-27), Then care ends at the history end', () =>
    expect(leavesBy18WithinHistory(plan, born, '2026-10-13', '2026-11-27T09:00:00Z').exitDate).toBe(
      '2026-10-13',
    ));

  it('Given the demo is recorded before the 18th birthday, Then the plan is unchanged', () =>
    expect(leavesBy18WithinHistory(plan, born, '2026-10-13', '2026-10-25T09:00:00Z')).toBe(plan));

  it('Given no recording moment (a plain seed), Then the plan is unchanged', () =>
    expect(leavesBy18WithinHistory(plan, born, '2026-10-13', undefined)).toBe(plan));

  it('Given the 2,000-child demo ending 2026-10-13, recorded 45 days later, Then no child is looked after on or after their 18th birthday, and none leaves at 18 with E8', () => {
    const recordedUntil = '2026-11-27T12:00:00Z';
    const adults: string[] = [];
    const e8At18: string[] = [];
    for (const child of generateAuthority({
      children: 2_000,
      seed: 'demo',
      years: 4,
      yearEnding: '2026-10-13',
      la: 'E10000003',
      recordedUntil,
    })) {
      const childId = child.profile.childId;
      const { state } = runJourney(childId, child.commands, (n) => syntheticEventId(childId, n));
      const adultFrom = eighteenthBirthday(child.profile.dateOfBirth);
      for (const period of state.periodsOfCare) {
        const lastDay = period.endDate ?? recordedUntil.slice(0, 10);
        if (lastDay > adultFrom) adults.push(`${child.profile.childRef} born ${child.profile.dateOfBirth}`);
        // E8 is "never just for turning 18": not on the 18th birthday, nor the day before it.
        if (
          period.endReason === 'E8' &&
          period.endDate !== undefined &&
          period.endDate >= addDays(adultFrom, -1)
        )
          e8At18.push(`${child.profile.childRef} left ${period.endDate}`);
      }
    }
    expect(adults).toEqual([]);
    expect(e8At18).toEqual([]);
  });
});
