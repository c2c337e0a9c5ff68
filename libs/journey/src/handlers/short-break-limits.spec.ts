/**
 * Short breaks (V3): each at most 17 days (903 rule 365) and at most 75 days in any 12 months
 * (903 rule 367), refused on the entry that ends the break (like the other time limits).
 */
import type { ChangeLegalStatus, EndPeriodOfCare } from '../commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, careEnded, careStarted, meta, registered } from '../testing/fixtures';

const endBreak = (effectiveDate: string): EndPeriodOfCare => ({
  type: 'EndPeriodOfCare',
  childId: CHILD,
  effectiveDate,
  reason: 'E4A',
  ...meta(),
});
const changeTo = (effectiveDate: string, legalStatus: string): ChangeLegalStatus => ({
  type: 'ChangeLegalStatus',
  childId: CHILD,
  effectiveDate,
  legalStatus,
  ...meta(),
});
const shortBreak = (start: string, end: string): JourneyEvent[] => [careStarted(start, 'V3'), careEnded(end)];

describe('each V3 short break: 17 days (903 rule 365)', () => {
  const onBreak = [registered, careStarted('2024-05-10', 'V3')];
  it('given a V3 break from 10 May, when it ends on 27 May (17 days), then it is accepted', () =>
    given(onBreak)
      .when(endBreak('2024-05-27'))
      .then([careEnded('2024-05-27')]));
  it('given a V3 break from 10 May, when it ends on 3 June (24 days), then it is refused on the date', () =>
    given(onBreak).when(endBreak('2024-06-03')).thenThrows('v3-over-17-days-903-rule-365', 'effectiveDate'));
  it('given a V3 break from 10 May, when the legal status changes to C2 on 3 June, then it is refused', () =>
    given(onBreak)
      .when(changeTo('2024-06-03', 'C2'))
      .thenThrows('v3-over-17-days-903-rule-365', 'effectiveDate'));
});

describe('V3 short breaks: 75 days in 12 months (903 rule 367)', () => {
  // Four breaks of 16 days: 64 days since July 2024.
  const fourBreaks = [
    registered,
    ...shortBreak('2024-07-01', '2024-07-17'),
    ...shortBreak('2024-09-01', '2024-09-17'),
    ...shortBreak('2024-11-01', '2024-11-17'),
    ...shortBreak('2025-01-06', '2025-01-22'),
    careStarted('2025-03-03', 'V3'),
  ];
  it('given 64 days of breaks, when a fifth break ends after 11 days (75 in all), then it is accepted', () =>
    given(fourBreaks)
      .when(endBreak('2025-03-14'))
      .then([careEnded('2025-03-14')]));
  it('given 64 days of breaks, when a fifth break ends after 16 days (80 in all), then it is refused on the date', () =>
    given(fourBreaks)
      .when(endBreak('2025-03-19'))
      .thenThrows('v3-over-75-days-in-12-months-903-rule-367', 'effectiveDate'));
  it('given the first break more than 12 months before, when a break ends, then that break no longer counts', () =>
    given([
      registered,
      ...shortBreak('2024-05-01', '2024-05-17'),
      ...shortBreak('2024-09-01', '2024-09-17'),
      ...shortBreak('2024-11-01', '2024-11-17'),
      ...shortBreak('2025-01-06', '2025-01-22'),
      careStarted('2025-05-20', 'V3'),
    ])
      .when(endBreak('2025-06-05'))
      .then([careEnded('2025-06-05')]));
});
